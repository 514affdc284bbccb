//! Phrases: the noun phrase that is a cue's subject and the speaker mention
//! inside it.
//!
//! Decides where a subject starts and ends on either side of a cue ("Senior
//! Hamas official Dr. Basem Naim said", "said engineer Paul Hart, who ..."),
//! which part of it names the speaker, and, when no phrase stands next to the
//! cue, which subject of the sentence speaks (an appositive, a relative clause,
//! "He went on to say"). Phrases are found by word classes from the word
//! lists, not by a parser: capitalisation, determiners, pronouns and speaker
//! nouns decide what can be a speaker.

use std::ops::Range;

use super::words::{lower_eq, ADJUNCT_PREPS, DETERMINERS, NP_INNER_PREPS, NP_STOP, PREPOSITIONS, PRONOUNS, SKIPPABLE_ADVERBS};
use super::{
    Finder, APPOSITIVE_REACH, PARENTHETICAL_MAX_TOKENS, RELATIVE_CLAUSE_REACH, SOURCE_MAX_TOKENS, SPEAKER_AFTER_CUE_MAX_TOKENS,
    SUBJECT_MAX_TOKENS,
};
use crate::extract::lexicon::{lexicon, with_ascii_lowercase};
use crate::extract::nonspeakers;
use crate::extract::speaker_words;
use crate::model::Span;
use crate::text::TokenKind;

/// Lower-case words of a role between a modifier and a name: "prime
/// minister", "state representative"; more is a clause, not a title.
const ROLE_MAX_WORDS: usize = 3;

impl Finder<'_, '_> {
    /// The noun phrase ending just before token `end`, within `floor..end`,
    /// skipping adverbs and auxiliaries next to the verb. Returns the phrase
    /// and the speaker mention inside it.
    pub(super) fn left_np(&self, end: usize, floor: usize) -> Option<(Range<usize>, Span)> {
        let mut j = end;
        while j > floor && SKIPPABLE_ADVERBS.has(self.tok(j - 1)) && !self.is_cap(j - 1) {
            j -= 1;
        }
        // "Neil Basu, on Sunday said": a time adverbial is not the subject.
        // `time <= j - floor` (counted over `floor..j`), so `j - time` cannot wrap.
        let time = self.a.words.get(floor..j).map_or(0, nonspeakers::trailing_time_adverbial);
        if time > 0 && j - time > floor {
            j -= time;
            if self.tok(j - 1) == "," {
                j -= 1;
            }
        }
        // "I laughed and said": a coordinated verb; its subject is the sentence's.
        if j > floor && lower_eq(self.tok(j - 1), &["and", "but"]) {
            return None;
        }
        // "Sen. David Perdue (R-Ga.) said": step over a parenthetical.
        if j > floor && self.tok(j - 1) == ")" {
            let open = (floor..j - 1).rev().take(PARENTHETICAL_MAX_TOKENS).find(|&k| self.tok(k) == "(")?;
            j = open;
        }
        // "McConnell, who in 2010 said": the relative pronoun is the mention.
        if j > floor && self.tok(j - 1) == "who" {
            return Some((j - 1..j, self.span(j - 1..j)));
        }
        let np_end = j;
        let mut k = j;
        while k > floor && np_end - k < SUBJECT_MAX_TOKENS {
            let i = k - 1;
            let w = self.tok(i);
            let t = self.a.tokens[i];
            if t.kind == TokenKind::Punct {
                if w == "&" || w == "-" {
                    k -= 1;
                    continue;
                }
                break;
            }
            if w.starts_with(['\'', '\u{2019}']) {
                k -= 1;
                continue;
            }
            if !self.is_cap(i) && NP_STOP.has(w) {
                // "Officials in Washington said": a prepositional phrase inside the subject.
                if PREPOSITIONS.has(w) && k < np_end && i > floor && self.is_word(i - 1) && !NP_STOP.has(self.tok(i - 1)) {
                    k -= 1;
                    continue;
                }
                break;
            }
            if !self.is_cap(i) && PRONOUNS.has(w) {
                // A pronoun starts (and is) the subject.
                if k == np_end {
                    k -= 1;
                }
                break;
            }
            if self.is_cap(i) && PRONOUNS.has(w) && w != "I" {
                if k == np_end {
                    k -= 1;
                }
                break;
            }
            // A cue word ends the subject, unless it is a noun inside it ("Cruz's thinking").
            let inside_np = i > floor && (matches!(self.tok(i - 1), "'s" | "\u{2019}s") || DETERMINERS.has(self.tok(i - 1)));
            if self.a.lexicon_cue(w) && !self.is_cap(i) && !inside_np {
                break;
            }
            k -= 1;
        }
        // Never start on a preposition or conjunction.
        while k < np_end && !self.is_cap(k) && NP_INNER_PREPS.has(self.tok(k)) {
            k += 1;
        }
        if k >= np_end {
            return None;
        }
        let mention = self.mention_in(k..np_end)?;
        Some((k..np_end, mention))
    }

    /// The speaker mention inside a noun phrase: a name at its end (with its
    /// title), a pronoun, or the whole phrase when its head is a plausible
    /// speaker noun.
    pub(super) fn mention_in(&self, np: Range<usize>) -> Option<Span> {
        let last = np.end - 1;
        let head = self.tok(last);
        if np.len() == 1 && PRONOUNS.has(head) {
            return Some(self.span(np));
        }
        let lex = lexicon();
        // A quantity as subject: "63 percent said", "4 in 10 said".
        if self.a.tokens[np.start].kind == TokenKind::Number {
            return Some(self.span(np));
        }
        if self.is_cap(last) {
            // Capitalised run at the end, with titles and initials.
            let mut s = last;
            while s > np.start
                && (self.is_cap(s - 1)
                    || self.tok(s - 1) == "&"
                    || (self.tok(s - 1) == "of" && s - 1 > np.start && self.is_cap(s - 2)))
            {
                s -= 1;
            }
            // Keep a leading determiner of an institution ("the White House").
            if s > np.start && self.tok(s - 1).eq_ignore_ascii_case("the") {
                s -= 1;
            }
            // "Officials at the Homeland Security Department": the name is inside
            // a prepositional phrase, the head comes before it.
            if s > np.start + 1
                && (NP_INNER_PREPS.has(self.tok(s - 1)) || PREPOSITIONS.has(self.tok(s - 1)))
                && !self.is_cap(s - 1)
            {
                // The head before the preposition must be able to speak ("The conflict in Gaza" cannot).
                let head = self.tok(s - 2).to_ascii_lowercase();
                let speaks = self.is_cap(s - 2)
                    || lex.speaker_nouns.contains(head.as_str())
                    || (head.len() > 3 && head.ends_with('s') && !head.ends_with("ss"));
                return speaks.then(|| self.span(np));
            }
            while s < last && lex.stop_capitalized.contains(self.tok(s)) && !self.tok(s).eq_ignore_ascii_case("the") {
                s += 1;
            }
            // A generic leading word ("Senior Hamas official ..." keeps the name at the end).
            return Some(self.span(s..np.end));
        }
        let lower_head = head.to_ascii_lowercase();
        let plausible = lex.speaker_nouns.contains(lower_head.as_str())
            || self.a.tokens[np.start].kind == TokenKind::Number
            || (lower_head.len() > 3 && lower_head.ends_with('s') && !lower_head.ends_with("ss"))
            || (np.len() >= 2 && DETERMINERS.has(self.tok(np.start)))
            || np.clone().any(|i| self.is_cap(i));
        if !plausible {
            return None;
        }
        // Drop leading tokens that are plainly not part of the subject.
        let mut s = np.start;
        while s < last && lower_eq(self.tok(s), &["and", "but", "so"]) {
            s += 1;
        }
        Some(self.span(s..np.end))
    }

    /// The noun phrase starting at token `start` (speaker after an inverted
    /// cue: "said Dr. Basem Naim, senior Hamas official").
    pub(super) fn right_np(&self, start: usize, limit: usize) -> Option<(Range<usize>, Span)> {
        if start >= limit {
            return None;
        }
        let w = self.tok(start);
        if PRONOUNS.has(w) {
            return Some((start..start + 1, self.span(start..start + 1)));
        }
        if !self.is_cap(start) && (NP_INNER_PREPS.has(w) || NP_STOP.has(w) || ADJUNCT_PREPS.has(w)) {
            return None;
        }
        let mut e = start;
        let det = DETERMINERS.has(w);
        if det {
            e += 1;
        }
        // A lower-case role before a name ("said engineer Paul Hart") or a
        // bare speaker noun ("according to police").
        let role_lead = !det && !self.is_cap(start) && {
            // "declared victory for Trump": a preposition before the name makes the word an object.
            let next_cap = (start + 1..(start + 4).min(limit))
                .take_while(|&k| self.is_word(k) && !NP_INNER_PREPS.has(self.tok(k)) && !PREPOSITIONS.has(self.tok(k)))
                .any(|k| self.is_cap(k));
            next_cap || with_ascii_lowercase(w, |l| lexicon().speaker_nouns.contains(l))
        };
        while e < limit && e - start < SPEAKER_AFTER_CUE_MAX_TOKENS {
            let t = self.tok(e);
            if self.a.tokens[e].kind == TokenKind::Punct && t != "&" && t != "-" {
                break;
            }
            if t.starts_with(['\'', '\u{2019}']) {
                e += 1;
                continue;
            }
            if self.is_cap(e) || self.a.tokens[e].kind == TokenKind::Number {
                e += 1;
                continue;
            }
            // "according to a Twitter post by X": a document noun after a determiner and a name is
            // the phrase's head, even when it is also a cue form.
            let document_head = det && e > start + 1 && self.is_cap(e - 1) && nonspeakers::is_document_noun(t);
            if (det || role_lead || e > start)
                && !NP_STOP.has(t)
                && !ADJUNCT_PREPS.has(t)
                && !PRONOUNS.has(t)
                && (!self.a.lexicon_cue(t) || document_head)
            {
                // Lower-case words continue a nominal ("the company's spokesman"),
                // and "of"/"for" join ("a spokesman for the ministry").
                if NP_INNER_PREPS.has(t) && !(e + 1 < limit && (self.is_cap(e + 1) || DETERMINERS.has(self.tok(e + 1)))) {
                    break;
                }
                e += 1;
                continue;
            }
            break;
        }
        // Trim trailing joiners.
        while e > start && NP_INNER_PREPS.has(self.tok(e - 1)) {
            e -= 1;
        }
        if e <= start || (det && e == start + 1) {
            return None;
        }
        let np = start..e;
        let has_cap = np.clone().any(|i| self.is_cap(i));
        let head = self.tok(e - 1).to_ascii_lowercase();
        // "said the designer, who ...": a determiner and a noun that ends the clause.
        let ends_clause = e >= limit || matches!(self.tok(e), "," | "." | ";" | "!" | "?");
        if !(has_cap || lexicon().speaker_nouns.contains(head.as_str()) || (det && ends_clause)) {
            return None;
        }
        // The mention: the name part when there is one.
        let mention = if has_cap && !det && !role_lead {
            self.span(np.clone())
        } else {
            self.mention_in(np.clone()).unwrap_or_else(|| self.span(np.clone()))
        };
        Some((np, mention))
    }

    /// Any noun phrase after "according to", up to a comma or the sentence
    /// end ("according to an analysis by Lily Batchelder", "according to exit polls").
    pub(super) fn source_np(&self, start: usize, end: usize) -> Option<(Range<usize>, Span)> {
        let mut e = start;
        while e < end
            && e - start < SOURCE_MAX_TOKENS
            && !matches!(self.tok(e), "," | "." | ";" | ":" | "!" | "?" | "(" | "\u{2014}")
        {
            e += 1;
        }
        (e > start).then(|| (start..e, self.span(start..e)))
    }

    /// The subject at the start of a sentence: a pronoun or a capitalised
    /// name ("Reid frequently mocked ..., claiming that ...").
    pub(super) fn sentence_subject(&self, s: usize, before: usize) -> Option<Span> {
        let r = self.sentence_tokens(s);
        // "Nevertheless, Collins ...", "On Thursday, Cengiz ...": the subject follows the adverbial.
        let first = r.start + self.a.words.get(r.start..before).map_or(0, nonspeakers::leading_adverbial);
        if first >= before {
            return None;
        }
        if lower_eq(self.tok(first), &["he", "she", "they", "we", "i"]) {
            return Some(self.span(first..first + 1));
        }
        // "The senator made the following statement:"
        if lower_eq(self.tok(first), &["the", "a", "an"]) && first + 1 < before {
            let noun = self.tok(first + 1).to_ascii_lowercase();
            if lexicon().speaker_nouns.contains(noun.as_str()) {
                return Some(self.span(first..first + 2));
            }
        }
        let mut e = first;
        while e < before && (self.is_cap(e) || (e > first && self.tok(e) == "of")) {
            e += 1;
        }
        // "Regional governor Boris Dubrovsky", "Former prime minister John Major":
        // a modifier and a lower-case role before the name; the subject runs to the name's end.
        if let Some(end) = self.role_then_name(e, before) {
            return Some(self.span(first..end));
        }
        if e == first || e >= before || (lexicon().stop_capitalized.contains(self.tok(first)) && e == first + 1) {
            return None;
        }
        // "The Lee campaign criticized ...": a body named by a lower-case head after the name.
        if e + 1 < before && speaker_words::BODY_HEADS.has(self.tok(e)) {
            return Some(self.span(first..e + 1));
        }
        Some(self.span(first..e))
    }

    /// From token `k`: up to [`ROLE_MAX_WORDS`] lower-case words ending in a
    /// speaker noun ("governor", "prime minister", "state representative"),
    /// then a capitalised name; the end of that name, when it ends before `before`.
    fn role_then_name(&self, k: usize, before: usize) -> Option<usize> {
        let lower = |i: usize| self.a.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Word) && !self.is_cap(i);
        let role_end = (k..before.min(k + ROLE_MAX_WORDS + 1)).find(|&i| !lower(i))?;
        if role_end == k || !self.is_cap(role_end) {
            return None;
        }
        let role = self.tok(role_end - 1).to_ascii_lowercase();
        if !lexicon().speaker_nouns.contains(role.as_str()) {
            return None;
        }
        let end = (role_end..before).find(|&i| !self.is_cap(i))?;
        // A name of two words or more: "governor Boris Dubrovsky", not "minister Johnson".
        (end - role_end >= 2).then_some(end)
    }

    /// "X, a division of Y, said ...": the subject before an appositive
    /// that ends with a comma right before the cue.
    pub(super) fn appositive_subject(&self, cue_start: usize, floor: usize) -> Option<Span> {
        // "Clinton, after the scandal broke, initially said": adverbs before the cue.
        let mut cue_start = cue_start;
        while cue_start > floor && SKIPPABLE_ADVERBS.has(self.tok(cue_start - 1)) {
            cue_start -= 1;
        }
        let close = if cue_start > floor + 2 { self.tok(cue_start - 1) } else { "" };
        if !matches!(close, "," | "\u{2014}" | "\u{2013}") {
            return None;
        }
        // "Cory James, 22, of Flint, Mich., said": the subject is the noun phrase
        // before the first of the commas, where the sentence (or a clause) starts.
        let mut nearest = None;
        let mut after = None;
        let mut k = cue_start - 1;
        while k > floor && cue_start - k < APPOSITIVE_REACH {
            k -= 1;
            let t = self.tok(k);
            if t == close || (close != "," && t == ",") {
                if let Some((np, m)) = self.left_np(k, floor) {
                    let clause_start = np.start == floor || lower_eq(self.tok(np.start - 1), &["and", "but", ",", "\u{2014}"]);
                    // "Nevertheless, others, including X, confirmed": an adverbial names no one;
                    // the phrase after it is the subject.
                    if clause_start && self.a.words.get(np.clone()).is_some_and(nonspeakers::is_opening_adverbial) {
                        return nearest.or(after);
                    }
                    after = Some(m);
                    let named = np.clone().any(|i| self.is_cap(i));
                    if named && clause_start {
                        return Some(m);
                    }
                    if named && nearest.is_none() && t == close {
                        nearest = Some(m);
                    }
                }
            } else if matches!(t, "." | ";" | ":" | "\u{201c}" | "\u{201d}" | "\"")
                && !self.tok(k).is_empty()
                && self.a.tokens[k].kind == TokenKind::Punct
            {
                break;
            }
        }
        nearest
    }

    /// "Officials who spoke with The Huffington Post said ...": the noun phrase
    /// before a relative clause that ends at the cue.
    pub(super) fn relative_clause_subject(&self, cue_start: usize, floor: usize) -> Option<Span> {
        let rel = (floor + 1..cue_start)
            .rev()
            .take(RELATIVE_CLAUSE_REACH)
            .take_while(|&k| self.is_word(k))
            .find(|&k| lower_eq(self.tok(k), &["who", "that", "which"]))?;
        let (np, m) = self.left_np(rel, floor)?;
        let head = self.tok(np.end - 1).to_ascii_lowercase();
        let speaks =
            self.is_cap(np.end - 1) || lexicon().speaker_nouns.contains(head.as_str()) || (head.len() > 3 && head.ends_with('s'));
        speaks.then_some(m)
    }
}
