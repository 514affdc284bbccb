//! Resolving speaker mentions (names, pronouns, nominals) to entities.

use super::quotes::Candidate;
use super::Analysis;
use crate::model::{Extraction, Quote, Speaker};

pub fn attach(_a: &Analysis, x: &mut Extraction, candidates: Vec<Candidate>) {
    for c in candidates {
        x.quotes.push(Quote {
            kind: c.kind,
            content: c.content,
            fragments: c.fragments,
            speaker: c.speaker.map(|s| Speaker { mention: Some(s), entity: None }),
            cue: c.cue,
            confidence: c.confidence,
            rule: c.rule,
            trail: c.trail,
        });
    }
}
