//! Cues: the reporting words of each sentence ("said", "has long argued",
//! "pointed out", "according to", a dash before a name after a quote).
//!
//! Decides which occurrences of a lexicon cue form really report speech here:
//! not an infinitive or negation ("to say", "not said"), not a noun ("the
//! report", "coal states", "Editor's note"), not a passive ("was found"), and
//! not a word inside someone's quoted statement. Headlines capitalise their
//! verbs, so title-case paragraphs are matched case-insensitively. Every later
//! pass starts from these cues, so a cue missed here is a quote missed.

use super::words::{
    lower_eq, ADJUNCT_PREPS, AUX, BEFORE_BASE_FORM_CUE, DETERMINERS, FINITE_AUX, NOT_A_CUE_AFTER, NOUN_LIKE_CUE_FORMS,
    NP_INNER_PREPS, PREPOSITIONS, REFERRING_MODIFIERS, SKIPPABLE_ADVERBS,
};
use super::{Cue, Finder};
use crate::extract::lexicon::{is_particle, lexicon, with_ascii_lowercase, CueFrame};
use crate::model::Span;
use crate::text::{MarkStyle, TokenKind};

impl Finder<'_, '_> {
    /// Title-case paragraphs: most words capitalised.
    pub(super) fn headline_paragraphs(&self) -> Vec<bool> {
        let mut words = vec![(0usize, 0usize); self.a.paragraphs.len()];
        for s in &self.a.sentences {
            for k in s.tokens.clone() {
                if self.a.tokens[k].kind == TokenKind::Word && self.tok(k).len() > 3 {
                    words[s.paragraph].0 += 1;
                    words[s.paragraph].1 += self.is_cap(k) as usize;
                }
            }
        }
        words.iter().map(|&(n, cap)| (3..=25).contains(&n) && cap * 10 >= n * 8).collect()
    }

    pub(super) fn find_cues(&mut self) {
        let lex = lexicon();
        let headline = self.headline_paragraphs();
        self.find_dash_cues();
        for (si, s) in self.a.sentences.iter().enumerate() {
            let r = s.tokens.clone();
            let mut i = r.start;
            while i < r.end {
                let w = self.tok(i);
                // "according to X"
                if w.eq_ignore_ascii_case("according") && i + 1 < r.end && self.tok(i + 1) == "to" {
                    self.cues.push(Cue {
                        tokens: i..i + 2,
                        aux_start: i,
                        frame: CueFrame::Clause,
                        lemma: "according to",
                        according_to: true,
                        sentence: si,
                    });
                    i += 2;
                    continue;
                }
                // Headlines capitalise their verbs ("Obama Says Museum Will ...").
                if headline[s.paragraph] && i > r.start && w.starts_with(|c: char| c.is_ascii_uppercase()) {
                    let lower = w.to_ascii_lowercase();
                    if let Some(v) = lex.cue_forms.get(&lower).filter(|v| lower != v.lemma) {
                        self.push_cue(i, i + 1, v.frame, v.lemma, si);
                    }
                    i += 1;
                    continue;
                }
                if !w.starts_with(|c: char| c.is_ascii_lowercase()) {
                    i += 1;
                    continue;
                }
                // Two-word cues first ("pointed out").
                if i + 1 < r.end && is_particle(self.tok(i + 1)) && lex.phrasal_heads.contains(w) {
                    let two = format!("{w} {}", self.tok(i + 1));
                    if let Some(v) = lex.cue_forms.get(&two) {
                        self.push_cue(i, i + 2, v.frame, v.lemma, si);
                        i += 2;
                        continue;
                    }
                }
                if let Some(v) = lex.cue(w) {
                    let prev = (i > r.start).then(|| self.tok(i - 1));
                    // Modals are lower case ("Theresa May said" is a cue); determiners may open a sentence.
                    let infinitive_or_negated = prev.is_some_and(|p| {
                        NOT_A_CUE_AFTER.contains(p)
                            || (p.starts_with(char::is_uppercase)
                                && lower_eq(
                                    p,
                                    &["the", "a", "an", "his", "her", "their", "its", "this", "these", "those", "our", "my"],
                                ))
                    }) || (i > r.start
                        && self.a.tokens[i - 1].kind == TokenKind::Number
                        && w != v.lemma
                        && !w.ends_with('s'));
                    // "went on to say that ...", "wrote to say: “…”": an infinitive that reports.
                    let reporting_infinitive = prev == Some("to")
                        && self.a.tokens.get(i + 1).is_some_and(|t| {
                            let n = t.span.slice(self.a.text);
                            n == "that" || n == ":" || n == "," || n.starts_with(['\u{201c}', '"'])
                        });
                    let infinitive_or_negated = infinitive_or_negated && !reporting_infinitive;
                    // A bare base form is often a noun ("the current state of").
                    let base_form_ok = w != v.lemma
                        || prev.is_some_and(|p| {
                            !p.starts_with(|c: char| c.is_lowercase())
                                || BEFORE_BASE_FORM_CUE.has(p)
                                || (p.len() > 3 && p.ends_with('s') && !p.ends_with("ss"))
                                || p.ends_with("ly")
                                || lexicon().speaker_nouns.contains(p)
                        });
                    let is_noun_use = w == "report"
                        || w == "comment"
                        || w == "statement"
                        || w == "attack"
                        || self.looks_like_noun_or_passive(i, r.start, w, v.lemma);
                    if !infinitive_or_negated && !is_noun_use && base_form_ok {
                        self.push_cue(i, i + 1, v.frame, v.lemma, si);
                    }
                }
                i += 1;
            }
        }
    }

    /// Cue forms that are nouns here ("coal states", "Editor's note", "for
    /// admitting") or passives ("was also found").
    pub(super) fn looks_like_noun_or_passive(&self, i: usize, first: usize, w: &str, lemma: &str) -> bool {
        let mut p = i;
        while p > first
            && lower_eq(
                self.tok(p - 1),
                &["also", "not", "never", "later", "widely", "previously", "repeatedly", "often", "already", "reportedly"],
            )
        {
            p -= 1;
        }
        let prev = (p > first).then(|| self.tok(p - 1));
        let contracted_has = p >= first + 2 && lower_eq(self.tok(p - 2), &["who", "he", "she", "it", "that", "there", "what"]);
        if prev.is_some_and(|t| t == "'s" || t == "\u{2019}s") && !contracted_has {
            return true;
        }
        let be = ["was", "were", "is", "are", "be", "been", "being", "am", "'s"];
        if w.ends_with("ing") {
            // A participle after a comma or a form of "be"; otherwise a gerund or adjective.
            // "for admitting", "of saying": a gerund after a preposition.
            // "The orange warning issued by ...": after a determiner and a modifier that names
            // no speaker it is a noun ("with the president warning that" stays a verb).
            let modified_noun = p >= first + 2
                && lower_eq(self.tok(p - 2), &["the", "a", "an"])
                && prev.is_some_and(|t| {
                    t.chars().all(char::is_lowercase)
                        && !REFERRING_MODIFIERS.has(t)
                        && !with_ascii_lowercase(t, |l| lexicon().speaker_nouns.contains(l))
                });
            // "two days after the Court of Session ruling": a name after a preposition and "the"
            // modifies the noun ("with the Senate warning that" stays a verb).
            let mut q = p;
            while q > first && (self.is_cap(q - 1) || (q < p && self.tok(q - 1) == "of")) {
                q -= 1;
            }
            let named_noun = q < p
                && q >= first + 2
                && self.tok(q - 1).eq_ignore_ascii_case("the")
                && (PREPOSITIONS.has(self.tok(q - 2)) || ADJUNCT_PREPS.has(self.tok(q - 2)));
            return modified_noun
                || named_noun
                || prev.is_some_and(|t| ["for", "of", "in", "about", "on", "to", "from", "with", "the", "a", "an"].contains(&t));
        }
        let past = w != lemma && !w.ends_with('s');
        if past && prev.is_some_and(|t| be.contains(&t) || t == "get" || t == "got") {
            return true;
        }
        // "the total number of confirmed cases": a past form right after a preposition is an adjective.
        if past && prev.is_some_and(|t| PREPOSITIONS.has(t) || (NP_INNER_PREPS.has(t) && t != "and")) {
            return true;
        }
        // "a memo posted online by Senator X", "a statement released by the court": a
        // participle with its agent after a noun is a reduced passive.
        if past
            && prev.is_some_and(|t| {
                t.chars().all(char::is_lowercase)
                    && !lower_eq(t, &["he", "she", "it", "they", "we", "i", "you", "who", "that", "which"])
            })
        {
            let tok = |k: usize| self.a.tokens.get(k).map_or("", |t| t.span.slice(self.a.text));
            let lower = |k: usize| tok(k).chars().all(char::is_lowercase);
            if tok(i + 1) == "by" || (tok(i + 2) == "by" && lower(i + 1) && !tok(i + 1).is_empty()) {
                return true;
            }
        }
        // "the US state of Alabama", "New Hampshire state representative", "Iranian state
        // media": a base form after a name or determiner and before "of" or a role noun is a noun.
        if w == lemma && prev.is_some_and(|t| self.is_cap(p - 1) || DETERMINERS.has(t)) {
            let next = self.a.tokens.get(i + 1).map_or("", |t| t.span.slice(self.a.text));
            let role = next.chars().next().is_some_and(char::is_lowercase) && lexicon().speaker_nouns.contains(next);
            if next == "of" || role {
                return true;
            }
        }
        // "-s" forms that double as plural nouns need a singular subject right before them.
        if NOUN_LIKE_CUE_FORMS.contains(w) {
            let Some(t) = prev else { return true };
            let subject_like = self.is_cap(p - 1)
                || lower_eq(t, &["he", "she", "it", "who", "that", "which", "also"])
                || with_ascii_lowercase(t, |l| lexicon().speaker_nouns.contains(l));
            // "coal states were", "Bill Clinton's comments and video": a noun when a verb,
            // conjunction or preposition follows.
            let next = self.a.tokens.get(i + 1).map(|t| t.span.slice(self.a.text)).unwrap_or(".");
            // "Southern states that will hold ...": a relative clause after a noun.
            let relative = next == "that" && self.a.tokens.get(i + 2).is_some_and(|t| FINITE_AUX.has(t.span.slice(self.a.text)));
            let noun_follows = relative
                || lower_eq(
                    next,
                    &[
                        "were", "are", "have", "had", "and", "of", "in", "on", "to", "from", "for", ",", ".", "is", "was",
                        "will", "would", "about",
                    ],
                )
                || next.ends_with("ing");
            return !subject_like || noun_follows;
        }
        false
    }

    /// "“…” ― Sonya Herridge": a dash after a closing mark, then a name that
    /// ends the paragraph, attributes the quote before it.
    pub(super) fn find_dash_cues(&mut self) {
        for (si, s) in self.a.sentences.iter().enumerate() {
            for i in s.tokens.clone() {
                if !matches!(self.tok(i), "\u{2015}" | "\u{2014}" | "\u{2013}") {
                    continue;
                }
                let before = self.a.text[..self.a.tokens[i].span.start()].trim_end();
                if !before.ends_with(['\u{201d}', '"', '\u{bb}']) {
                    continue;
                }
                let para_end = self.a.token_at_or_after(self.a.paragraphs[s.paragraph].end());
                let name = i + 1..para_end;
                let words = name.clone().filter(|&k| self.is_word(k)).count();
                let all_name = name.clone().all(|k| self.is_cap(k) || matches!(self.tok(k), "." | "," | "-"));
                if (1..=6).contains(&words) && all_name && self.is_cap(i + 1) {
                    self.cues.push(Cue {
                        tokens: i..i + 1,
                        aux_start: i,
                        frame: CueFrame::Clause,
                        lemma: "dash",
                        according_to: false,
                        sentence: si,
                    });
                }
            }
        }
    }

    pub(super) fn push_cue(&mut self, start: usize, end: usize, frame: CueFrame, lemma: &'static str, sentence: usize) {
        // A cue inside a quoted statement belongs to the quoted speaker's words.
        let pos = self.a.tokens[start].span;
        let inside_quote = self.a.quoted_near(pos).iter().any(|q| {
            !q.nested
                && q.style == MarkStyle::Double
                && q.content.contains(pos)
                && q.content.slice(self.a.text).split_whitespace().count() >= 4
        });
        if inside_quote {
            return;
        }
        let first = self.a.sentences[sentence].tokens.start;
        let mut aux_start = start;
        if aux_start > first && AUX.has(self.tok(aux_start - 1)) {
            aux_start -= 1;
        } else if aux_start > first + 1 && AUX.has(self.tok(aux_start - 2)) && SKIPPABLE_ADVERBS.has(self.tok(aux_start - 1)) {
            // "has long said"
            aux_start -= 2;
        }
        self.cues.push(Cue { tokens: start..end, aux_start, frame, lemma, according_to: false, sentence });
    }

    pub(super) fn index_cues(&mut self) {
        self.cue_index = vec![u32::MAX; self.a.tokens.len()];
        for (ci, c) in self.cues.iter().enumerate() {
            for t in [c.tokens.start, c.aux_start] {
                if self.cue_index[t] == u32::MAX {
                    self.cue_index[t] = ci as u32;
                }
            }
        }
    }

    pub(super) fn cue_at(&self, tok: usize) -> Option<usize> {
        self.cue_index.get(tok).filter(|&&c| c != u32::MAX).map(|&c| c as usize)
    }

    pub(super) fn cue_span(&self, c: &Cue) -> Span {
        self.span(c.aux_start..c.tokens.end)
    }
}
