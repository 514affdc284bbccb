//! Gender of a person entity, for resolving "he" and "she".
//!
//! Decides from the strongest evidence first: a gendered title before a name
//! ("Mrs.", "King"), then a gendered role noun ("spokeswoman"), then the
//! forename list. Unknown is an answer: coreference then does not use gender.

use super::lexicon::{LEX, WORDS};
use crate::extract::Analysis;
use crate::model::{EntityType, Extraction, LocalEntityId, MentionKind};

/// Grammatical gender of a forename or pronoun.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
    /// Used for both.
    Either,
}

/// Words that name a person's gender when used as a title.
pub fn title_gender(w: &str) -> Option<Gender> {
    let w = w.trim_end_matches('.');
    if WORDS.male_titles.contains(w) {
        Some(Gender::Male)
    } else if WORDS.female_titles.contains(w) {
        Some(Gender::Female)
    } else {
        None
    }
}

/// The gender a person entity's name or titles suggest.
pub fn person_gender(a: &Analysis, x: &Extraction, e: LocalEntityId) -> Option<Gender> {
    let ent = x.entity(e);
    if ent.entity_type != EntityType::Person {
        return None;
    }
    for &m in &ent.mentions {
        let m = &x.mentions[m as usize];
        if m.kind != MentionKind::Name {
            continue;
        }
        let t = a.token_at_or_after(m.span.start());
        if t > 0 {
            if let Some(g) = title_gender(a.tok(t - 1)) {
                return Some(g);
            }
        }
    }
    for r in &ent.roles {
        for w in r.role.split(' ') {
            if WORDS.male_roles.contains(w) {
                return Some(Gender::Male);
            }
            if WORDS.female_roles.contains(w) {
                return Some(Gender::Female);
            }
        }
    }
    let first = ent.name.split(' ').next()?;
    if !ent.name.contains(' ') {
        return None;
    }
    LEX.forenames.get(first).copied()
}
