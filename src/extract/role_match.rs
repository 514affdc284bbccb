//! Persons by role for nominal speakers: "the spokesman" is the person whose
//! role is a spokesman, named before (coref.rs's nominal rule), and "Chelyabinsk's
//! governor" with no governor named before is the governor named later (the
//! guideline's forward reference).

use super::coref::last_mention_before;
use super::speaker_words;
use crate::model::{EntityType, Extraction, LocalEntityId};

/// "spokesman", "spokeswoman", "spokesperson" -> "spokes"; plural -> singular.
pub(super) fn role_base(h: &str) -> &str {
    if h.starts_with("spokes") {
        return "spokes";
    }
    h.strip_suffix('s').unwrap_or(h)
}

pub(super) fn person_with_role(
    x: &Extraction,
    pos: usize,
    base: &str,
    org: Option<LocalEntityId>,
    speakers: &[(usize, LocalEntityId)],
) -> Option<LocalEntityId> {
    let mut best: Option<(usize, LocalEntityId)> = None;
    for (i, e) in x.entities.iter().enumerate() {
        if e.entity_type != EntityType::Person {
            continue;
        }
        let id = LocalEntityId(i as u32);
        if !e.roles.iter().any(|r| headed_by(&r.role, base) && (org.is_none() || r.affiliation == org)) {
            continue;
        }
        let Some(last) = last_mention_before(x, id, pos).or_else(|| speakers.iter().rev().find(|s| s.1 == id).map(|s| s.0))
        else {
            continue;
        };
        // The most recently mentioned wins; on a tie, the first entity.
        if best.is_none_or(|(b, _)| last > b) {
            best = Some((last, id));
        }
    }
    best.map(|(_, id)| id)
}

/// Whether `role` has head `base` and is not qualified: "the president" is not
/// the "former president" or the "vice president".
fn headed_by(role: &str, base: &str) -> bool {
    let mut words = role.split(' ').rev();
    words.next().is_some_and(|w| role_base(w).eq_ignore_ascii_case(base))
        && !words.next().is_some_and(|q| speaker_words::ROLE_QUALIFIERS.has(q))
}

/// Whether person `e` has a role with head `base`, not qualified ("former",
/// "vice"), affiliated with `org` when one is given.
fn has_role(x: &Extraction, e: LocalEntityId, base: &str, org: Option<LocalEntityId>) -> bool {
    x.entity(e)
        .roles
        .iter()
        .any(|r| headed_by(&r.role, base) && (org.is_none() || r.affiliation == org || r.affiliation.is_none()))
}

/// The person first named after `pos` whose role has head `base` (affiliated
/// with `org`, or with nothing): "Chelyabinsk's governor has promised ...
/// Regional governor Boris Dubrovsky said". The nearest such person wins.
pub(super) fn person_named_later(x: &Extraction, pos: usize, base: &str, org: Option<LocalEntityId>) -> Option<LocalEntityId> {
    (0..x.entities.len())
        .map(|i| LocalEntityId(i as u32))
        .filter(|&id| x.entity(id).entity_type == EntityType::Person && has_role(x, id, base, org))
        .filter_map(|id| {
            let ms = &x.entity(id).mentions;
            // An entity's mentions are in text order: the first is where it is named.
            let first = x.mentions.get(*ms.first()? as usize)?.span.start();
            (first >= pos).then_some((first, id))
        })
        .min_by_key(|&(first, _)| first)
        .map(|(_, id)| id)
}
