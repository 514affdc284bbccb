//! Quote candidates: direct, mixed and reported speech with cue and speaker span.

use super::Analysis;
use crate::model::{Extraction, QuoteKind, Span};

/// A quote before its speaker is resolved to an entity.
#[derive(Clone, Debug)]
pub struct Candidate {
    pub kind: QuoteKind,
    pub content: Span,
    pub fragments: Vec<Span>,
    pub speaker: Option<Span>,
    /// Speaker carried over from an earlier quote (index into the candidates).
    pub carried_from: Option<usize>,
    pub cue: Option<Span>,
    pub confidence: f32,
    pub rule: &'static str,
    pub trail: Vec<String>,
}

pub fn find(_a: &Analysis, _x: &Extraction) -> Vec<Candidate> {
    Vec::new()
}
