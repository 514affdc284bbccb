//! The public JSONL record of `quotegraph extract` (docs/extract-format.md).
//!
//! The record types are generic over their string type: `String` (the
//! default, what callers and tests read back) or `&str` borrowed from the
//! document and its extraction, which `quotegraph extract` serialises without
//! copying every span's text first. Both serialise to the same bytes.

use serde::{Deserialize, Serialize};

use crate::model::{Extraction, QuoteKind, Span};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SpanRecord<S = String> {
    pub text: S,
    pub start: u32,
    pub end: u32,
}

impl SpanRecord {
    pub fn new(text: &str, span: Span) -> Self {
        SpanRecord { text: span.slice(text).to_string(), start: span.start, end: span.end }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SpeakerRecord<S = String> {
    pub text: Option<S>,
    pub start: Option<u32>,
    pub end: Option<u32>,
    pub entity: Option<S>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
// `default` on the optional fields would otherwise ask for `S: Default`.
#[serde(bound(deserialize = "S: Deserialize<'de>"))]
pub struct QuoteRecord<S = String> {
    pub kind: QuoteKind,
    pub text: S,
    pub start: u32,
    pub end: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fragments: Option<Vec<[u32; 2]>>,
    pub speaker: Option<SpeakerRecord<S>>,
    pub cue: Option<SpanRecord<S>>,
    pub confidence: f32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<S>,
    /// The rule trail, present only with `--explain`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub explain: Option<Vec<S>>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EntityRecord<S = String> {
    pub name: S,
    #[serde(rename = "type")]
    pub entity_type: crate::model::EntityType,
    pub mentions: Vec<SpanRecord<S>>,
}

/// One document's output line.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExtractRecord<S = String> {
    pub doc: S,
    pub quotes: Vec<QuoteRecord<S>>,
    pub entities: Vec<EntityRecord<S>>,
}

impl ExtractRecord {
    /// Renders an extraction of `text` as the public record.
    pub fn new(doc: &str, text: &str, x: &Extraction, explain: bool) -> Self {
        build(doc, text, x, explain, str::to_string)
    }
}

impl<'a> ExtractRecord<&'a str> {
    /// The same record as [`ExtractRecord::new`], borrowing its strings from
    /// `doc`, `text` and `x` (no copy per span when it is only serialised).
    pub fn borrowed(doc: &'a str, text: &'a str, x: &'a Extraction, explain: bool) -> Self {
        build(doc, text, x, explain, |s| s)
    }
}

/// Builds the record once for both string types; `s` turns each borrowed
/// string into the record's string type.
fn build<'a, S>(doc: &'a str, text: &'a str, x: &'a Extraction, explain: bool, s: impl Fn(&'a str) -> S) -> ExtractRecord<S> {
    let span = |sp: Span| SpanRecord { text: s(sp.slice(text)), start: sp.start, end: sp.end };
    let quotes = x
        .quotes
        .iter()
        .map(|q| QuoteRecord {
            kind: q.kind,
            text: s(q.content.slice(text)),
            start: q.content.start,
            end: q.content.end,
            fragments: (q.fragments.len() > 1).then(|| q.fragments.iter().map(|f| [f.start, f.end]).collect()),
            speaker: q.speaker.map(|sp| SpeakerRecord {
                text: sp.mention.map(|m| s(m.slice(text))),
                start: sp.mention.map(|m| m.start),
                end: sp.mention.map(|m| m.end),
                entity: sp.entity.map(|e| s(&x.entity(e).name)),
            }),
            cue: q.cue.map(span),
            confidence: (q.confidence * 100.0).round() / 100.0,
            rule: Some(s(q.rule)),
            explain: explain.then(|| q.trail.iter().map(|t| s(t)).collect()),
        })
        .collect();
    let entities = x
        .entities
        .iter()
        .map(|e| EntityRecord {
            name: s(&e.name),
            entity_type: e.entity_type,
            // Names only: pronouns and descriptions are speaker mentions of quotes, not names.
            mentions: e
                .mentions
                .iter()
                .map(|&m| &x.mentions[m as usize])
                .filter(|m| m.kind == crate::model::MentionKind::Name)
                .map(|m| span(m.span))
                .collect(),
        })
        .collect();
    ExtractRecord { doc: s(doc), quotes, entities }
}
