//! Extraction: a pure function from text to quotes, mentions and entities.
//!
//! Stages, in order: [`Analysis`] (paragraphs, sentences, tokens, quoted
//! passages) -> [`entities`] (named mentions, clustered within the document)
//! -> [`quotes`] (direct, mixed and reported speech with their cues and
//! speaker mentions) -> [`coref`] (speaker mentions resolved to entities)
//! -> [`source_extent`] (speaker mentions and cues widened to their phrase)
//! -> [`appositive`] (a person closing the widened phrase speaks).

pub mod analysis;
pub(crate) mod appositive;
pub(crate) mod coref;
pub mod entities;
pub(crate) mod furniture;
pub(crate) mod infinitive;
pub(crate) mod layouts;
pub(crate) mod lexicon;
pub mod merge;
pub(crate) mod names;
pub(crate) mod nonspeakers;
pub(crate) mod quotes;
pub mod record;
pub(crate) mod role_match;
pub mod rule;
pub(crate) mod source_extent;
pub(crate) mod speaker_words;

#[cfg(test)]
mod entity_cases;

pub use analysis::Analysis;
pub use record::ExtractRecord;

use crate::model::Extraction;

/// Extracts quotes and entities from `text`.
///
/// Deterministic: the same text always gives the same output, quotes in
/// order of their content's start.
pub fn extract(text: &str) -> Extraction {
    extract_analysis(&Analysis::new(text))
}

/// [`extract`] over an analysis already made (the trained model reads the
/// same analysis for its features).
pub fn extract_analysis(analysis: &Analysis) -> Extraction {
    let mut x = entities::find(analysis);
    let mut candidates = quotes::find(analysis, &x);
    let extra = infinitive::find(analysis, &candidates);
    candidates.extend(extra);
    let extra = layouts::find(analysis, &candidates);
    candidates.extend(extra);
    coref::attach(analysis, &mut x, candidates);
    // The added candidates come last: restore document order (stable, so
    // equal spans keep the finders' order).
    x.quotes.sort_by_key(|q| (q.content.start, q.content.end));
    source_extent::widen_all(analysis, &mut x);
    appositive::person_in_apposition(analysis, &mut x);
    x
}
