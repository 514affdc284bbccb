//! Noun attributions: speech reported by a noun or a layout rather than a
//! verb ("Trump's claim that CLAUSE", "In a statement, CLAUSE", "Sanders:
//! Clinton needs to ...").
//!
//! Decides when a reporting noun followed by "that" opens a clause (a subject
//! must follow), who its source is (a possessor or a name before it), and when
//! a short capitalised name and a colon at the start of a paragraph attribute
//! the rest of it. These run after direct and reported speech and never take
//! content that overlaps a quote already found: they are the weakest signals.

use std::ops::Range;

use super::words::{lower_eq, DETERMINERS, PRONOUNS};
use super::{Candidate, Finder};
use crate::extract::lexicon::{lexicon, with_ascii_lowercase};
use crate::extract::rule::Rule;
use crate::model::{QuoteKind, Span};
use crate::text::{MarkStyle, TokenKind};

impl Finder<'_, '_> {
    /// Reporting nouns: "a New York Times report that Trump lost ...",
    /// "Trump's claim that ...", and "In a new poll, Clinton leads ...".
    pub(super) fn noun_attributions(&mut self) {
        let lex = lexicon();
        for si in 0..self.a.sentences.len() {
            let r = self.sentence_tokens(si);
            // In a statement / poll / interview, CLAUSE.
            if r.len() > 4 && self.tok(r.start) == "In" {
                if let Some(comma) = (r.start + 1..r.end.min(r.start + 16)).find(|&k| self.tok(k) == ",") {
                    let head =
                        (r.start + 1..comma).rev().find(|&k| with_ascii_lowercase(self.tok(k), |l| lex.cue_nouns.contains(l)));
                    let det = DETERMINERS.has(self.tok(r.start + 1));
                    let content = comma + 1..self.clause_end(comma + 1, si);
                    let clause_has_cue = self.cues.iter().any(|c| c.sentence == si && c.tokens.start > comma);
                    if let (Some(h), true, false) = (head, det, clause_has_cue) {
                        if content.clone().filter(|&k| self.is_word(k)).count() >= 3 && !content.clone().any(|k| self.used[k]) {
                            let source = self.span(r.start + 1..h + 1);
                            self.push_noun_quote(content, Some(source), self.span(r.start..r.start + 1), Rule::ReportedInSource);
                        }
                    }
                }
            }
            // NOUN that CLAUSE
            for k in r.clone() {
                if k + 2 >= r.end || self.tok(k + 1) != "that" || self.used[k] {
                    continue;
                }
                let w = self.tok(k);
                if !w.starts_with(|c: char| c.is_ascii_lowercase()) || !lex.cue_nouns.contains(w) {
                    continue;
                }
                // "that" opens a clause only when a subject follows it.
                let next = k + 2;
                let n = self.tok(next);
                let subject_follows = self.is_cap(next)
                    || PRONOUNS.has(n)
                    || DETERMINERS.has(n)
                    || lower_eq(n, &["there", "his", "her", "their", "its"])
                    || self.a.tokens[next].kind == TokenKind::Number;
                if !subject_follows {
                    continue;
                }
                // The source: a possessor or a name before the noun.
                let mut s0 = k;
                while s0 > r.start && (self.is_cap(s0 - 1) || matches!(self.tok(s0 - 1), "'s" | "\u{2019}s" | "/" | "-")) {
                    s0 -= 1;
                }
                let mut src_end = k;
                if src_end > s0 && matches!(self.tok(src_end - 1), "'s" | "\u{2019}s") {
                    src_end -= 1;
                }
                let source = (src_end > s0).then(|| self.span(s0..src_end));
                let content = next..self.clause_end(next, si);
                if content.clone().filter(|&j| self.is_word(j)).count() < 3 {
                    continue;
                }
                let cspan = self.span(content.clone());
                if self.out.iter().any(|c| c.content.overlaps(cspan)) {
                    continue;
                }
                self.push_noun_quote(content, source, self.span(k..k + 1), Rule::ReportedNounThat);
            }
        }
    }

    pub(super) fn push_noun_quote(&mut self, content: Range<usize>, source: Option<Span>, cue: Span, rule: Rule) {
        let span = self.span(content.clone());
        if self.out.iter().any(|c| c.content.overlaps(span)) {
            return;
        }
        let has_marks =
            self.a.quoted_near(span).iter().any(|q| !q.nested && q.style == MarkStyle::Double && span.overlaps(q.content));
        self.out.push(Candidate {
            kind: if has_marks { QuoteKind::Mixed } else { QuoteKind::Indirect },
            content: span,
            fragments: Vec::new(),
            speaker: source,
            carried_from: None,
            cue: Some(cue),
            confidence: rule.base_confidence(),
            rule,
            trail: vec![format!("reporting noun {:?}", cue.slice(self.a.text))],
        });
    }

    /// "Sanders: Clinton needs to ..." — a headline or transcript line whose
    /// source is a short name before a colon at the start of a paragraph.
    pub(super) fn colon_attributions(&mut self) {
        for (pi, &para) in self.a.paragraphs.iter().enumerate() {
            let first = self.a.token_at_or_after(para.start());
            let end = self.a.token_at_or_after(para.end());
            let Some(colon) = (first..end.min(first + 6)).find(|&k| self.tok(k) == ":") else { continue };
            let name = first..colon;
            let all_caps_words =
                !name.is_empty() && name.clone().all(|k| self.is_cap(k) || matches!(self.tok(k), "." | "-" | "&"));
            if !all_caps_words || lexicon().stop_capitalized.contains(self.tok(first)) {
                continue;
            }
            let mut content = colon + 1..end;
            while content.end > content.start && matches!(self.tok(content.end - 1), "." | "!" | "?") {
                content.end -= 1;
            }
            let words = content.clone().filter(|&k| self.is_word(k)).count();
            if words < 3 || content.clone().any(|k| self.used[k]) {
                continue;
            }
            let mut span = self.span(content.clone());
            // A quoted content is a direct quote: its marks stay outside the span.
            let quoted = self.a.quoted_near(span).iter().find(|q| !q.nested && q.outer() == span);
            let kind = if let Some(q) = quoted {
                span = q.content;
                if q.style == MarkStyle::Double {
                    QuoteKind::Direct
                } else {
                    QuoteKind::Indirect
                }
            } else {
                QuoteKind::Indirect
            };
            if self.out.iter().any(|c| c.content.overlaps(span)) {
                continue;
            }
            let _ = pi;
            self.out.push(Candidate {
                kind,
                content: span,
                fragments: Vec::new(),
                speaker: Some(self.span(name)),
                carried_from: None,
                cue: Some(self.span(colon..colon + 1)),
                confidence: Rule::ReportedNameColon.base_confidence(),
                rule: Rule::ReportedNameColon,
                trail: vec!["a short capitalised name and a colon open the paragraph".into()],
            });
        }
    }
}
