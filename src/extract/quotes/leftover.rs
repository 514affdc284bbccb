//! Leftover quoted passages: those no attribution claimed.
//!
//! Decides what a quoted passage without a cue next to it is: a quote that a
//! colon introduces (the sentence's subject speaks), a continuation of the
//! latest speaker in the same or the previous paragraph, an unattributed
//! statement (six words or more), or nothing (scare quotes, titles,
//! nicknames, words inside a sentence). Runs last, so every other pass has
//! had its chance to attribute the passage.

use super::{Candidate, Finder, CONTINUATION_MIN_WORDS, UNATTRIBUTED_MIN_WORDS};
use crate::extract::rule::Rule;
use crate::model::QuoteKind;
use crate::text::MarkStyle;

impl Finder<'_, '_> {
    pub(super) fn leftover_quotes(&mut self, done: &[bool]) {
        let quoted = self.a.quoted.clone();
        for (qi, q) in quoted.iter().enumerate() {
            if done[qi] || q.nested || q.style == MarkStyle::Single {
                continue;
            }
            let content = q.content;
            // Inside reported speech: already part of a mixed quote.
            if self.out.iter().any(|c| c.kind != QuoteKind::Direct && c.content.contains(content)) {
                continue;
            }
            let text = content.slice(self.a.text);
            let words = text.split_whitespace().count();
            // A passage inside a sentence is part of that sentence (a mixed or
            // scare quote), not a statement of its own.
            if !self.starts_statement(q) {
                continue;
            }
            // "Sanders made the following comment:" / "a new campaign message: “…”":
            // a colon introduces the quote, its sentence's subject says it.
            let before = self.a.text.get(..q.open.start()).unwrap_or_default().trim_end();
            if before.ends_with(':') && words >= 3 {
                let colon = before.len() - 1;
                if let Some(si) = self.a.sentence_at(colon) {
                    let colon_tok = self.a.token_at_or_after(colon);
                    if let Some(m) = self.sentence_subject(si, colon_tok) {
                        self.out.push(Candidate {
                            kind: QuoteKind::Direct,
                            content,
                            fragments: Vec::new(),
                            speaker: Some(m),
                            carried_from: None,
                            cue: None,
                            confidence: Rule::DirectColonIntro.base_confidence(),
                            rule: Rule::DirectColonIntro,
                            trail: vec!["a colon introduces the quote; the subject of that sentence speaks".into()],
                        });
                        continue;
                    }
                }
            }
            let para = self.a.sentence_at(q.open.start()).map(|s| self.a.sentences[s].paragraph);
            // Continuation: the latest attributed quote in this paragraph, or
            // in the previous one when this paragraph opens with the quote.
            let opens_paragraph = para.is_some_and(|p| self.a.paragraphs[p].start == q.open.start);
            let prev = self
                .out
                .iter()
                .enumerate()
                .filter(|(_, c)| c.content.end <= q.open.start && c.speaker.is_some())
                .max_by_key(|(_, c)| c.content.end)
                .map(|(i, c)| (i, self.a.sentence_at(c.content.start()).map(|s| self.a.sentences[s].paragraph)));
            let continues = match (prev, para) {
                (Some((_, Some(pp))), Some(p)) => pp == p || (opens_paragraph && pp + 1 == p),
                _ => false,
            };
            let title_like =
                words <= 5 && text.split_whitespace().filter(|w| w.starts_with(char::is_uppercase)).count() * 2 > words;
            if let (true, Some((pi, _))) = (continues && words >= CONTINUATION_MIN_WORDS && !title_like, prev) {
                let speaker = self.out[pi].speaker;
                let same_para = prev.and_then(|x| x.1) == para;
                self.out.push(Candidate {
                    kind: QuoteKind::Direct,
                    content,
                    fragments: Vec::new(),
                    speaker: if same_para { speaker } else { None },
                    carried_from: Some(pi),
                    // "A," she said. "B.": the second part shares the cue in its paragraph.
                    cue: if same_para { self.out[pi].cue } else { None },
                    confidence: Rule::DirectContinuation.base_confidence(),
                    rule: Rule::DirectContinuation,
                    trail: vec![format!(
                        "no attribution next to it; continues the speaker of the quote at {}",
                        self.out[pi].content.start
                    )],
                });
                continue;
            }
            // Scare quotes, titles and nicknames: short, no speech cue.
            if words < UNATTRIBUTED_MIN_WORDS {
                continue;
            }
            self.out.push(Candidate {
                kind: QuoteKind::Direct,
                content,
                fragments: Vec::new(),
                speaker: None,
                carried_from: None,
                cue: None,
                confidence: Rule::DirectUnattributed.base_confidence(),
                rule: Rule::DirectUnattributed,
                trail: vec!["quoted passage of six or more words without an attribution".into()],
            });
        }
    }
}
