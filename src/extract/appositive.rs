//! A speaker phrase closed by a person in apposition ("the director of
//! Argentina's Amnesty International, Mariela Belski, said"; "..., argued the
//! government's lawyer, Richard Keen."): the person speaks, not the
//! organisation or place inside the nominal before the comma.

use super::{speaker_words, Analysis};
use crate::model::{EntityType, Extraction, MentionKind};

/// Re-points each quote whose widened speaker phrase is "DET nominal, PERSON"
/// to that person, unless it already names a person.
pub fn person_in_apposition(a: &Analysis, x: &mut Extraction) {
    for qi in 0..x.quotes.len() {
        // Invariant: `qi < x.quotes.len()`, which this loop does not change.
        let Some(sp) = x.quotes[qi].speaker else { continue };
        let Some(span) = sp.mention else { continue };
        if sp.entity.is_some_and(|e| x.entity(e).entity_type == EntityType::Person) {
            continue;
        }
        let text = span.slice(a.text);
        let first = text.split_whitespace().next().unwrap_or("");
        if !speaker_words::APPOSITIVE_DETERMINERS.has(first) {
            continue;
        }
        // The last name mention, ending the phrase, right after a comma.
        let end = x.mentions.partition_point(|m| m.span.start() < span.end());
        // Invariant: a partition point is at most the length.
        let Some(m) = x.mentions[..end].iter().rev().find(|m| m.kind == MentionKind::Name) else { continue };
        let Some(e) = m.entity.filter(|&e| x.entity(e).entity_type == EntityType::Person) else { continue };
        let before = a.text.get(span.start()..m.span.start()).unwrap_or("");
        if m.span.end() == span.end() && m.span.start() > span.start() && before.trim_end().ends_with(',') {
            if let Some(s) = x.quotes[qi].speaker.as_mut() {
                s.entity = Some(e);
            }
        }
    }
}
