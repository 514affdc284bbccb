//! The public JSONL record of `quotegraph extract` (docs/extract-format.md).

use serde::{Deserialize, Serialize};

use crate::model::{Extraction, QuoteKind, Span};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SpanRecord {
    pub text: String,
    pub start: u32,
    pub end: u32,
}

impl SpanRecord {
    pub fn new(text: &str, span: Span) -> Self {
        SpanRecord { text: span.slice(text).to_string(), start: span.start, end: span.end }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SpeakerRecord {
    pub text: Option<String>,
    pub start: Option<u32>,
    pub end: Option<u32>,
    pub entity: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuoteRecord {
    pub kind: QuoteKind,
    pub text: String,
    pub start: u32,
    pub end: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fragments: Option<Vec<[u32; 2]>>,
    pub speaker: Option<SpeakerRecord>,
    pub cue: Option<SpanRecord>,
    pub confidence: f32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    /// The rule trail, present only with `--explain`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub explain: Option<Vec<String>>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EntityRecord {
    pub name: String,
    #[serde(rename = "type")]
    pub entity_type: crate::model::EntityType,
    pub mentions: Vec<SpanRecord>,
}

/// One document's output line.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExtractRecord {
    pub doc: String,
    pub quotes: Vec<QuoteRecord>,
    pub entities: Vec<EntityRecord>,
}

impl ExtractRecord {
    /// Renders an extraction of `text` as the public record.
    pub fn new(doc: &str, text: &str, x: &Extraction, explain: bool) -> Self {
        let quotes = x
            .quotes
            .iter()
            .map(|q| QuoteRecord {
                kind: q.kind,
                text: q.content.slice(text).to_string(),
                start: q.content.start,
                end: q.content.end,
                fragments: (q.fragments.len() > 1).then(|| q.fragments.iter().map(|f| [f.start, f.end]).collect()),
                speaker: q.speaker.map(|s| SpeakerRecord {
                    text: s.mention.map(|m| m.slice(text).to_string()),
                    start: s.mention.map(|m| m.start),
                    end: s.mention.map(|m| m.end),
                    entity: s.entity.map(|e| x.entity(e).name.clone()),
                }),
                cue: q.cue.map(|c| SpanRecord::new(text, c)),
                confidence: (q.confidence * 100.0).round() / 100.0,
                rule: Some(q.rule.to_string()),
                explain: explain.then(|| q.trail.clone()),
            })
            .collect();
        let entities = x
            .entities
            .iter()
            .map(|e| EntityRecord {
                name: e.name.clone(),
                entity_type: e.entity_type,
                // Names only: pronouns and descriptions are speaker mentions of quotes, not names.
                mentions: e
                    .mentions
                    .iter()
                    .map(|&m| &x.mentions[m as usize])
                    .filter(|m| m.kind == crate::model::MentionKind::Name)
                    .map(|m| SpanRecord::new(text, m.span))
                    .collect(),
            })
            .collect();
        ExtractRecord { doc: doc.to_string(), quotes, entities }
    }
}
