//! The shared view of one document that every extraction stage reads.

use std::ops::Range;

use crate::model::Span;
use crate::text::{self, Quoted, Token};

#[derive(Clone, Debug)]
pub struct Sentence {
    pub span: Span,
    /// Index into [`Analysis::paragraphs`].
    pub paragraph: usize,
    /// Range into [`Analysis::tokens`].
    pub tokens: Range<usize>,
}

pub struct Analysis<'a> {
    pub text: &'a str,
    pub paragraphs: Vec<Span>,
    pub sentences: Vec<Sentence>,
    pub tokens: Vec<Token>,
    /// The text of each token (sliced once: the stages read tokens many times).
    pub words: Vec<&'a str>,
    /// `Token::is_capitalized` of each token, decoded once: entities and
    /// quotes both ask it of the same tokens many times.
    pub caps: Vec<bool>,
    pub quoted: Vec<Quoted>,
}

impl<'a> Analysis<'a> {
    pub fn new(text: &'a str) -> Self {
        let paragraphs = text::paragraphs(text);
        let mut sentences = Vec::new();
        // About one token per five bytes of news text.
        let mut tokens = Vec::with_capacity(text.len() / 5);
        for (pi, &p) in paragraphs.iter().enumerate() {
            for s in text::sentences::sentences_in(text, p) {
                let first = tokens.len();
                text::tokenize_into(text, s, &mut tokens);
                sentences.push(Sentence { span: s, paragraph: pi, tokens: first..tokens.len() });
            }
        }
        let words: Vec<&'a str> = tokens.iter().map(|t| t.span.slice(text)).collect();
        let caps = tokens
            .iter()
            .zip(&words)
            .map(|(t, w)| t.kind == text::TokenKind::Word && w.chars().next().is_some_and(char::is_uppercase))
            .collect();
        let quoted = text::find_quoted_in(text, &paragraphs);
        Analysis { text, paragraphs, sentences, tokens, words, caps, quoted }
    }

    pub fn tok(&self, i: usize) -> &'a str {
        self.words[i]
    }

    /// Index of the sentence containing byte `pos`.
    pub fn sentence_at(&self, pos: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end() <= pos);
        (i < self.sentences.len() && self.sentences[i].span.start() <= pos).then_some(i)
    }

    /// Quoted passages that may overlap `span`: a slice of `quoted` found by
    /// binary search, so long documents stay linear.
    pub fn quoted_near(&self, span: Span) -> &[Quoted] {
        let hi = self.quoted.partition_point(|q| q.open.start() < span.end());
        // Top-level passages are disjoint, so only a few that open before `span`
        // can still reach into it; nested ones sit inside those.
        let mut lo = self.quoted.partition_point(|q| q.open.start() < span.start());
        let mut back = 0;
        while lo > 0 && back < 8 {
            lo -= 1;
            back += 1;
        }
        // Invariant: `lo` and `hi` come from `partition_point` (<= len), `lo` only decreases.
        &self.quoted[lo..hi.max(lo)]
    }

    /// Index of the first token starting at or after `pos`.
    pub fn token_at_or_after(&self, pos: usize) -> usize {
        self.tokens.partition_point(|t| t.span.start() < pos)
    }
}
