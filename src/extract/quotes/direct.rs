//! Direct quotes: a quoted passage with an attribution right next to it.
//!
//! Decides, for every top-level quoted passage, whether a cue and speaker
//! stand after it ("…," said X / "…," X said / "…" ― X) or before it (X said:
//! "…" / According to X, "…"), and what else belongs to the same quote: the
//! second half of a quote split around its cue ("A," he said, "B.") and the
//! further passages of the paragraph that continue it. A quote that completes
//! a clause begun before it becomes mixed. Direct attributions run first
//! because the marks make them the most certain; the tokens they use are not
//! offered to reported speech.

use std::ops::Range;

use super::words::{
    lower_eq, ADJUNCT_PREPS, DETERMINERS, HEARERS, NP_INNER_PREPS, OBJECT_FIRST, PREPOSITIONS, PRONOUNS,
    PUNCT_BEFORE_ATTRIBUTION, SKIPPABLE_ADVERBS, TIME_WORDS,
};
use super::{Candidate, Cue, Finder, ATTRIBUTION_AFTER_REACH, CONTINUATION_MAX_GAP, CUE_BEFORE_QUOTE_REACH, SUBJECT_MAX_TOKENS};
use crate::extract::rule::{Rule, PRONOUN_SPEAKER_CONFIDENCE};
use crate::extract::speaker_words;
use crate::model::{QuoteKind, Span};
use crate::text::{MarkStyle, Quoted, TokenKind};

impl Finder<'_, '_> {
    /// Attribution right after a quote: "…," said X / "…," X said / "…" — X said.
    /// Returns (speaker np, mention, cue index, end token of the attribution).
    pub(super) fn attribution_after(&self, q: &Quoted, limit: usize) -> Option<(Range<usize>, Span, usize, usize)> {
        let mut i = self.a.token_at_or_after(q.outer().end());
        // "“…” ― Name" may stand in a sentence of its own.
        let mut limit = limit;
        if let Some(ci) = self.cue_at(i).filter(|&c| self.cues[c].lemma == "dash") {
            let para = self.a.sentences[self.cues[ci].sentence].paragraph;
            limit = limit.max(self.a.token_at_or_after(self.a.paragraphs[para].end()));
            let mut e = limit;
            while e > i + 1 && matches!(self.tok(e - 1), "." | ",") {
                e -= 1;
            }
            let np = i + 1..e;
            return Some((np.clone(), self.span(np), ci, limit));
        }
        // "…," he said / "…" — he said: a quote that runs straight into the next
        // words without punctuation is part of a sentence ("“unhinged” a tweet").
        let inner_punct = q.close.is_some_and(|c| {
            self.a.text.get(..c.start()).is_some_and(|t| t.ends_with([',', '.', '!', '?', '\u{2026}', '-', '\u{2014}']))
        });
        let outer_punct = i < limit && PUNCT_BEFORE_ATTRIBUTION.has(self.tok(i));
        if !inner_punct && !outer_punct && !self.starts_statement(q) {
            return None;
        }
        while i < limit && PUNCT_BEFORE_ATTRIBUTION.has(self.tok(i)) && self.tok(i) != "." {
            i += 1;
        }
        if i >= limit {
            return None;
        }
        // Inverted: said X
        if let Some(ci) = self.cue_at(i).filter(|&c| !self.cues[c].according_to) {
            let c = &self.cues[ci];
            // "“…”, calling it a …", "…, recalling their first meeting": a participle's
            // subject is its sentence's; the words after it are its object, never the speaker.
            if self.tok(c.tokens.start).ends_with("ing") {
                return None;
            }
            if let Some((np, m)) = self.right_np(c.tokens.end, limit) {
                return Some((np.clone(), m, ci, np.end));
            }
            return None;
        }
        // According to X
        if let Some(ci) = self.cue_at(i).filter(|&c| self.cues[c].according_to) {
            let c = &self.cues[ci];
            let (np, m) = self.right_np(c.tokens.end, limit)?;
            return Some((np.clone(), m, ci, np.end));
        }
        // X said: scan right for a cue within a short noun phrase.
        let mut j = i;
        while j < limit && j - i < ATTRIBUTION_AFTER_REACH {
            if let Some(ci) = self.cue_at(j).filter(|&c| !self.cues[c].according_to) {
                if j == i {
                    return None;
                }
                // "…," Mr. King, 82, told me / Rep. Jim Jordan (R-Ohio), a member, said:
                // the name before an appositive or a parenthetical.
                let name_end = (i..j).find(|&k| matches!(self.tok(k), "," | "("));
                if let Some(comma) = name_end {
                    let np = i..comma;
                    if np.is_empty() || !np.clone().any(|k| self.is_cap(k)) {
                        return None;
                    }
                    let m = self.mention_in(np.clone())?;
                    return Some((np, m, ci, self.cues[ci].tokens.end));
                }
                let (np, m) = self.left_np(j, i)?;
                if np.start != i {
                    return None;
                }
                return Some((np, m, ci, self.cues[ci].tokens.end));
            }
            let t = self.tok(j);
            if self.a.tokens[j].kind == TokenKind::Punct && !matches!(t, "," | "&" | "-" | "(" | ")" | "." | "'" | "\u{2019}") {
                return None;
            }
            // Past a dozen words only an appositive can still lead to the cue.
            if j - i >= SUBJECT_MAX_TOKENS && !(i..j).any(|k| self.tok(k) == ",") {
                return None;
            }
            j += 1;
        }
        None
    }

    /// Attribution before a quote: X said: "…" / X told reporters, "…" /
    /// X said flatly: "…" / X said in an op-ed last year, "…" / According to X, "…".
    pub(super) fn attribution_before(&self, q: &Quoted, floor: usize) -> Option<(Range<usize>, Span, usize)> {
        let open_tok = self.a.token_at_or_after(q.open.start());
        let mut j = open_tok;
        while j > floor && matches!(self.tok(j - 1), ":" | "," | "\u{2014}" | "\u{2013}" | "-") {
            j -= 1;
        }
        let punctuated = open_tok > j;
        let text = q.content.slice(self.a.text);
        let words = text.split_whitespace().count();
        // Without a comma or colon, a short or title-like passage is a name, not a
        // statement: "what lawmakers called “fraud”", "talking about “Collapse: How …”".
        let title_like =
            text.split_whitespace().filter(|w| w.starts_with(char::is_uppercase)).count() * 3 > words * 2 && words > 1;
        if !punctuated && (words <= 3 || title_like) {
            return None;
        }
        if j > floor && self.tok(j - 1) == "that" {
            // "said that “…”" reports the quote only when it ends the sentence;
            // otherwise the quote is part of a reported clause (a mixed quote).
            let end = self.sentence_end_tok(*q);
            let after = self.a.token_at_or_after(q.outer().end());
            if (after..end).any(|k| self.is_word(k)) {
                return None;
            }
            j -= 1;
        }
        // The cue may be followed by a hearer, an adverb or a setting.
        for back in 0..CUE_BEFORE_QUOTE_REACH {
            if j < floor + 1 + back {
                break;
            }
            let ci_tok = j - 1 - back;
            if let Some(ci) = self.cue_at(ci_tok).filter(|&c| self.cues[c].tokens.start == ci_tok) {
                let c = &self.cues[ci];
                if c.according_to {
                    let (np, m) = self.right_np(c.tokens.end, j)?;
                    return Some((np, m, ci));
                }
                // Anything between the cue and the quote ends with a comma or colon.
                if !(c.tokens.end == j || punctuated) || !self.only_hearer_or_setting(c, c.tokens.end..j) {
                    return None;
                }
                // "what it calls “…”": a name for something, not a statement.
                let np_start =
                    (floor..c.aux_start).rev().take_while(|&k| self.is_word(k) && !lower_eq(self.tok(k), &["what"])).last();
                let what_before = np_start.map_or(c.aux_start, |k| k) > floor
                    && lower_eq(self.tok(np_start.map_or(c.aux_start, |k| k) - 1), &["what"]);
                if what_before && !punctuated {
                    return None;
                }
                let participle = self.tok(c.tokens.start).ends_with("ing");
                // "Politico quoted Tim Manning, a former official, as saying, “…”": the object speaks.
                let as_saying = participle && c.aux_start > floor && lower_eq(self.tok(c.aux_start - 1), &["as"]);
                let (np, m) = as_saying
                    .then(|| self.quoted_object(floor, c.aux_start - 1))
                    .flatten()
                    .or_else(|| self.left_np(c.aux_start, floor).filter(|(np, _)| !(participle && self.verb_object(np, floor))))
                    .or_else(|| {
                        // "footage of Hillary Clinton asking, “…”": the name right before a participle.
                        let mut s = c.aux_start;
                        while participle && s > floor && self.is_cap(s - 1) {
                            s -= 1;
                        }
                        (s < c.aux_start).then(|| (s..c.aux_start, self.span(s..c.aux_start)))
                    })
                    .or_else(|| {
                        // "... and repeatedly says, “…”", "... before asking her, “…”": the subject of the sentence.
                        let before = (floor..c.aux_start).rev().find(|&k| !SKIPPABLE_ADVERBS.has(self.tok(k)))?;
                        (matches!(self.tok(before), "and" | "but") || participle).then_some(())?;
                        let m = self.sentence_subject(c.sentence, c.aux_start)?;
                        Some((c.aux_start..c.aux_start, m))
                    })?;
                return Some((np, m, ci));
            }
            if !self.is_word(ci_tok) && !matches!(self.tok(ci_tok), "," | "'s" | "\u{2019}s") {
                break;
            }
        }
        None
    }

    /// "The governor tweeted her reasoning saying": a possessed noun phrase right
    /// after a lower-case word that is no preposition is that verb's object, not
    /// the subject of a participle after it ("with her aide saying" keeps the aide).
    fn verb_object(&self, np: &Range<usize>, floor: usize) -> bool {
        np.start > floor
            && speaker_words::POSSESSIVES.has(self.tok(np.start))
            && self.is_word(np.start - 1)
            && !self.is_cap(np.start - 1)
            && !NP_INNER_PREPS.has(self.tok(np.start - 1))
            && !PREPOSITIONS.has(self.tok(np.start - 1))
            && !ADJUNCT_PREPS.has(self.tok(np.start - 1))
    }

    /// The capitalised object of a quoting verb ("quoted", "cited") in `lo..hi`.
    fn quoted_object(&self, lo: usize, hi: usize) -> Option<(Range<usize>, Span)> {
        let k = (lo + 1..hi).find(|&k| self.is_cap(k) && speaker_words::QUOTING_VERBS.has(self.tok(k - 1)))?;
        let end = (k..hi).find(|&e| !self.is_cap(e)).unwrap_or(hi);
        Some((k..end, self.span(k..end)))
    }

    /// Only a hearer, an adverb or a setting may stand between a cue and its
    /// quote ("told reporters", "said flatly", "said in an op-ed last year,");
    /// anything else makes it a mixed quote ("says Trump's “…”", "praised her “…”").
    pub(super) fn only_hearer_or_setting(&self, c: &Cue, between: Range<usize>) -> bool {
        if between.is_empty() {
            return true;
        }
        let first = self.tok(between.start);
        // A prepositional setting: "in an op-ed piece before a 2014 hearing".
        if lower_eq(first, &["in", "at", "during", "on", "before", "after", "via", "while", "from", "to", "of"]) {
            return between.clone().all(|k| {
                (self.is_word(k) && !lower_eq(self.tok(k), &["that", "which", "who"]))
                    || matches!(self.tok(k), "," | "-" | "'s" | "\u{2019}s")
            });
        }
        let hearer = OBJECT_FIRST.has(c.lemma);
        between.clone().all(|k| {
            let w = self.tok(k);
            (self.is_word(k) || w == ",")
                && (w == ","
                    || TIME_WORDS.has(w)
                    || SKIPPABLE_ADVERBS.has(w)
                    || lower_eq(w, &["however", "back", "simply", "bluntly", "flatly"])
                    || (w.ends_with("ly") && !self.is_cap(k))
                    || (hearer && (self.is_cap(k) || DETERMINERS.has(w) || HEARERS.has(w))))
        })
    }

    /// Handles quoted passages that have an attribution next to them.
    /// Returns, per quoted passage, whether it was used.
    pub(super) fn direct_quotes(&mut self) -> Vec<bool> {
        let quoted: Vec<Quoted> = self.a.quoted.clone();
        let mut done = vec![false; quoted.len()];
        let top: Vec<usize> = (0..quoted.len()).filter(|&i| !quoted[i].nested).collect();
        for (pos, &qi) in top.iter().enumerate() {
            if done[qi] {
                continue;
            }
            let q = quoted[qi];
            let para = self.a.sentences[self.a.sentence_at(q.open.start()).unwrap_or(0)].paragraph;
            let para_span = self.a.paragraphs[para];
            let next_open = top.get(pos + 1).map(|&n| quoted[n]).filter(|n| para_span.contains(n.open));
            let prev_close = pos.checked_sub(1).map(|p| quoted[top[p]]).filter(|p| para_span.contains(p.outer()));
            // Right context: to the end of the sentence holding the closing mark, or the next quote.
            let end_pos = q.outer().end();
            let sent_end =
                self.a.sentence_at(end_pos.saturating_sub(1)).map_or(self.a.tokens.len(), |s| self.a.sentences[s].tokens.end);
            let mut limit = sent_end;
            if let Some(n) = next_open {
                limit = limit.min(self.a.token_at_or_after(n.open.start()));
            }
            let close_para = self.a.sentence_at(end_pos.saturating_sub(1)).map_or(para, |s| self.a.sentences[s].paragraph);
            let para_end_tok = self.a.token_at_or_after(self.a.paragraphs[close_para].end());
            limit = limit.min(para_end_tok).max(self.a.token_at_or_after(end_pos));
            let sent_start = self.a.sentence_at(q.open.start()).map_or(0, |s| self.a.sentences[s].tokens.start);
            let mut floor = sent_start;
            if let Some(p) = prev_close {
                floor = floor.max(self.a.token_at_or_after(p.outer().end()));
            }
            let mut trail = vec![format!("quoted passage {}..{} ({:?} marks)", q.content.start, q.content.end, q.style)];
            // A quote inside a sentence takes the cue before it first ("he warned, “…,” Trump told NBC").
            let after = || self.attribution_after(&q, limit).map(|(np, m, ci, e)| (np, m, ci, Some(e), "after"));
            let before = || self.attribution_before(&q, floor).map(|(np, m, ci)| (np, m, ci, None, "before"));
            let found = after().or_else(before);
            let Some((np, mention, ci, after_end, side)) = found else { continue };
            // "“This Week,” Rubio said that ..." / "On “Face the Nation,” Ryan said the
            // spate ...": the cue introduces a clause of its own.
            if side == "after" && np.start > self.cues[ci].tokens.start {
                // inverted "said X": nothing to check
            } else if side == "after" && self.cues[ci].tokens.end < self.a.tokens.len() {
                let next = self.cues[ci].tokens.end;
                let n = self.tok(next);
                let hearer = OBJECT_FIRST.has(self.cues[ci].lemma);
                let clause_follows = n == "that" || (!hearer && (DETERMINERS.has(n) || PRONOUNS.has(n)) && !TIME_WORDS.has(n));
                let same_sentence = self.a.sentence_at(self.a.tokens[next].span.start())
                    == self.a.sentence_at(self.a.tokens[self.cues[ci].tokens.start].span.start());
                if clause_follows && same_sentence {
                    continue;
                }
            }
            if q.style == MarkStyle::Single && q.content.slice(self.a.text).split_whitespace().count() < 2 {
                continue;
            }
            let cue = self.cues[ci].clone();
            for k in np.clone().chain(cue.aux_start..cue.tokens.end) {
                self.used[k] = true;
            }
            done[qi] = true;
            let mut fragments = Vec::new();
            let mut content = q.content;
            let mut rule = if side == "after" {
                if cue.tokens.start < np.start {
                    Rule::DirectQuoteCueSpeaker
                } else {
                    Rule::DirectQuoteSpeakerCue
                }
            } else if cue.according_to {
                Rule::DirectAccordingToQuote
            } else {
                Rule::DirectSpeakerCueQuote
            };
            trail.push(format!(
                "{side}: cue {:?}, speaker {:?}",
                self.cue_span(&cue).slice(self.a.text),
                mention.slice(self.a.text)
            ));
            // A quote split around its cue: "A," he said, "B."
            if let (Some(e), Some(n)) = (after_end, next_open) {
                let mut k = e;
                while k < self.a.tokens.len() && matches!(self.tok(k), "," | ":" | "\u{2014}" | "\u{2013}") {
                    k += 1;
                }
                let n_tok = self.a.token_at_or_after(n.open.start());
                let ni = top[pos + 1];
                if k == n_tok
                    && k > e
                    && !n.nested
                    && self.attribution_after(&n, self.a.tokens.len().min(self.sentence_end_tok(n))).is_none()
                {
                    fragments = vec![q.content, n.content];
                    content = q.content.cover(n.content);
                    done[ni] = true;
                    rule = Rule::DirectSplitAroundCue;
                    trail.push("continues after the cue: one quote in two fragments".into());
                }
            }
            // Further quoted passages of the same paragraph without an
            // attribution of their own continue this quote: "A," X said. "B."
            let mut last_end = after_end.unwrap_or_else(|| self.a.token_at_or_after(q.outer().end()));
            let mut last_q = if fragments.is_empty() { pos } else { pos + 1 };
            while let Some(&ni) = top.get(last_q + 1) {
                let n = quoted[ni];
                if done[ni] || !para_span.contains(n.open) || n.style != q.style {
                    break;
                }
                let n_tok = self.a.token_at_or_after(n.open.start());
                // A continuation is a statement of its own ("“A,” said X. “B.”") or
                // carries on the same clause ("..., X said, and still “B”"); a word
                // quoted inside a new subject's sentence is not ("Duda called it “crushing”").
                let new_subject = (last_end.min(n_tok)..n_tok).any(|k| {
                    let w = self.tok(k);
                    (self.is_cap(k) && !lower_eq(w, &["and", "but", "or", "so", "then", "still", "also"])) || PRONOUNS.has(w)
                });
                if !self.starts_statement(&n) && new_subject {
                    break;
                }
                let gap = last_end.min(n_tok)..n_tok;
                // "according to CNN", ", who said he left ...": the same speaker's
                // attribution continues, no new speaker starts. (A participle such as
                // ", referring to ..." usually closes the quote in news copy.)
                let gap_has_cue = gap.clone().any(|k| {
                    self.cue_at(k).is_some_and(|ci| {
                        let c = &self.cues[ci];
                        let relative = c.aux_start > 0 && self.tok(c.aux_start - 1) == "who";
                        !(c.according_to || relative)
                    })
                });
                if gap.len() > CONTINUATION_MAX_GAP || gap_has_cue {
                    break;
                }
                let n_limit = self.sentence_end_tok(n).min(self.a.token_at_or_after(para_span.end()));
                if self.attribution_after(&n, n_limit).is_some() {
                    break;
                }
                if fragments.is_empty() {
                    fragments.push(q.content);
                }
                fragments.push(n.content);
                content = content.cover(n.content);
                done[ni] = true;
                trail.push(format!("the quoted passage at {} continues it", n.content.start));
                last_end = self.a.token_at_or_after(n.outer().end());
                last_q += 1;
            }
            let pronoun = PRONOUNS.has(mention.slice(self.a.text));
            // "And the polling “felt like a push poll,” Heiserman said.": the words
            // before the quote belong to what is reported, which makes it mixed.
            let mut kind = QuoteKind::Direct;
            let after_sentence = (side == "after" && fragments.is_empty() && !self.starts_statement(&q))
                .then(|| self.a.sentence_at(q.open.start()))
                .flatten();
            if let Some(si) = after_sentence {
                let mut first = self.a.sentences[si].tokens.start.max(floor);
                while first < self.a.tokens.len() && lower_eq(self.tok(first), &["and", "but", "so", "yet", "or"]) {
                    first += 1;
                }
                // Past the last token: no lead, so not mixed.
                let lead = self.a.tokens.get(first).map_or(usize::MAX, |t| t.span.start());
                if lead < q.open.start() && !(first..self.a.token_at_or_after(q.open.start())).any(|k| self.used[k]) {
                    content = Span::new(lead, q.close.map_or(q.content.end(), |c| c.end()));
                    kind = QuoteKind::Mixed;
                    rule = Rule::MixedClauseQuoteSpeakerCue;
                    trail.push("the quote completes a clause that starts before it".into());
                }
            }
            self.out.push(Candidate {
                kind,
                content,
                fragments,
                speaker: Some(mention),
                carried_from: None,
                cue: Some(self.cue_span(&cue)),
                confidence: if pronoun { PRONOUN_SPEAKER_CONFIDENCE } else { rule.base_confidence() },
                rule,
                trail,
            });
        }
        done
    }

    /// The quote opens its sentence or follows a colon or dash.
    pub(super) fn starts_statement(&self, q: &Quoted) -> bool {
        let Some(si) = self.a.sentence_at(q.open.start()) else { return true };
        let before = self.a.text[self.a.sentences[si].span.start()..q.open.start()].trim_end();
        before.is_empty() || before.ends_with([':', '\u{2014}', '\u{2013}', '-']) || before.chars().all(|c| !c.is_alphanumeric())
    }

    pub(super) fn sentence_end_tok(&self, q: Quoted) -> usize {
        self.a.sentence_at(q.outer().end().saturating_sub(1)).map_or(self.a.tokens.len(), |s| self.a.sentences[s].tokens.end)
    }
}
