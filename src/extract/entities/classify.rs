//! Rule-based typing of one name candidate, and of an entity when no model
//! is trained.
//!
//! Decides a type and how sure the rules are (strength 3: lexicon or
//! structure such as an organisation word or a title; 2: a forename, an
//! acronym or a reporting verb after; 1: context such as "in" before; 0:
//! default). The strength later becomes the boost the rules give the type
//! model in [`super::typing`], so strong rules are never overruled.

use super::candidates::{is_cap_word, phrase};
use super::lexicon::{
    is_acronym, is_compass, is_org_word, is_term_word, HashMap, FOREIGN_ORG_HEADS, LEX, TEAM_BEFORE_FOR, WORDS,
};
use super::Cand;
use crate::extract::Analysis;
use crate::model::EntityType;
use crate::text::abbreviations::is_top_level_domain;

/// Types the name `i..j`.
pub(super) fn classify(a: &Analysis, i: usize, j: usize, title: Option<usize>) -> (EntityType, u8) {
    let first = a.tok(i);
    let last = a.tok(j - 1);
    if let Some(p) = phrase(a, i, j) {
        if LEX.orgs.contains(p) {
            return (EntityType::Organization, 3);
        }
    }
    // A web domain is a site's organisation ("Gawker.com", "Znak.com"), never a person.
    let domain = last.rsplit_once('.').is_some_and(|(name, tld)| !name.is_empty() && is_top_level_domain(tld));
    if domain {
        return (EntityType::Organization, 3);
    }
    // Facilities are places ("Kennedy Space Center", "Museum of Flight").
    let head_of = (i..j).find(|&t| t + 1 < j && a.tok(t + 1) == "of").map(|t| a.tok(t));
    let facility = |w: &str| LEX.place_words.contains(w) && is_org_word(w);
    if j - i >= 2 && (facility(last) || head_of.is_some_and(facility)) {
        return (EntityType::Place, 3);
    }
    // "Universidade da Vila", "Instituto Carvalho": an organisation head in another language first.
    let foreign_head = j - i >= 2 && FOREIGN_ORG_HEADS.contains(first);
    if j - i >= 2 && is_org_word(last) || head_of.is_some_and(is_org_word) || foreign_head {
        return (EntityType::Organization, 3);
    }
    let event = |w: &str| LEX.event_words.contains(w);
    if j - i >= 2 && title.is_none() && (event(last) || head_of.is_some_and(event)) {
        return (EntityType::Other, 3);
    }
    if j - i >= 2 && (LEX.place_words.contains(last) || WORDS.place_prefixes.contains(first)) {
        return (EntityType::Place, 3);
    }
    // A part of a known place: "East China", "Northern Nigeria", "South Lebanon".
    if j - i >= 2 && is_compass(first) && phrase(a, i + 1, j).is_some_and(|p| LEX.places.contains(p)) {
        return (EntityType::Place, 3);
    }
    if title.is_some() {
        return (EntityType::Person, 3);
    }
    if let Some(p) = phrase(a, i, j) {
        if LEX.places.contains(p) || LEX.place_aliases.contains_key(p) {
            return (EntityType::Place, 3);
        }
    }
    if j - i >= 2 && LEX.forenames.contains_key(first) {
        return (EntityType::Person, 2);
    }
    // "TV", "IQ", "XVII": a thing, not a body.
    if j - i == 1 && is_term_word(first) {
        return (EntityType::Other, 3);
    }
    if j - i == 1 && is_acronym(first) {
        return (EntityType::Organization, 2);
    }
    // Context: a reporting verb after, a role noun before.
    let after = next_word(a, j);
    let after2 = next_word(a, j + 1);
    let cue = |w: Option<&str>| w.is_some_and(|w| LEX.cues.contains(w));
    if cue(after) || (matches!(after, Some(",")) && cue(after2)) {
        return (EntityType::Person, 2);
    }
    let before = i.checked_sub(1).map(|b| a.tok(b));
    if let Some(b) = before {
        if LEX.speaker_nouns.contains(b) && b.chars().all(char::is_lowercase) && !matches!(b, "statement" | "report") {
            return (EntityType::Person, 2);
        }
        if matches!(b, "in" | "In" | "near" | "across" | "throughout" | "outside" | "inside") {
            return (EntityType::Place, 1);
        }
    }
    // "Houston, Texas": a place before a comma and a known place.
    if after == Some(",") && j + 1 < a.tokens.len() && is_cap_word(a, j + 1) {
        if let Some(p) = phrase(a, j + 1, j + 2) {
            if LEX.places.contains(p) {
                return (EntityType::Place, 1);
            }
        }
    }
    if j - i >= 2 && (i..j).all(|t| is_cap_word(a, t)) {
        (EntityType::Person, 1)
    } else if j - i >= 2 {
        (EntityType::Person, 0)
    } else {
        (EntityType::Other, 0)
    }
}

pub(super) fn next_word<'t>(a: &Analysis<'t>, i: usize) -> Option<&'t str> {
    a.tokens.get(i).map(|t| t.span.slice(a.text))
}

/// A country or city named as a sports team: "Sweden beat Mexico", "Belgium's
/// coach", "lost to England" (metonymy: the team is an organisation).
pub(super) fn is_team_context(a: &Analysis, i: usize, end: usize) -> bool {
    let word = |k: usize| if k < a.tokens.len() { a.tok(k) } else { "" };
    let mut after = end;
    if matches!(word(after), "'s" | "\u{2019}s") {
        after += 1;
        if WORDS.team_nouns.contains(word(after)) {
            return true;
        }
    }
    let verbs = |w: &str| WORDS.team_verbs.contains(w);
    if verbs(word(end)) {
        return true;
    }
    let before = if i > 0 { word(i - 1) } else { "" };
    let before2 = if i > 1 { word(i - 2) } else { "" };
    verbs(before)
        || matches!(before, "vs" | "vs." | "v" | "v." | "versus")
        || (before == "to" && matches!(before2, "lost" | "fell"))
        || (before == "for" && TEAM_BEFORE_FOR.contains(before2))
}

/// Single words that cannot name a person: acronyms and abstract nouns.
pub(super) fn not_a_person_word(w: &str) -> bool {
    // Also digits ("L2"), plural acronyms ("CFLs"), a lone compass word ("East").
    is_acronym(w)
        || w.strip_suffix('s').is_some_and(is_acronym)
        || is_compass(w)
        || ["ology", "ism", "ity", "tion", "ment", "ness", "ship"].iter().any(|s| w.len() > s.len() + 2 && w.ends_with(s))
}

pub(super) fn group_type(cands: &[Cand], g: &[usize]) -> EntityType {
    let rank = |t: EntityType| match t {
        EntityType::Person => 3,
        EntityType::Organization => 2,
        EntityType::Place => 1,
        EntityType::Other => 0,
    };
    if g.iter().any(|&i| super::typing::is_known_other(&cands[i])) {
        return EntityType::Other;
    }
    let mut best = (0u8, 0u8, EntityType::Other);
    let mut votes: HashMap<EntityType, u32> = HashMap::default();
    for &i in g {
        let c = &cands[i];
        *votes.entry(c.ty).or_default() += 1;
        let key = (c.strength, rank(c.ty), c.ty);
        if (key.0, key.1) > (best.0, best.1) {
            best = key;
        }
    }
    // Weak evidence everywhere: a typed guess beats "other".
    if best.0 == 0 && best.2 == EntityType::Other {
        if let Some((&t, _)) = votes.iter().filter(|(t, _)| **t != EntityType::Other).max_by_key(|(t, v)| (**v, rank(**t))) {
            return t;
        }
    }
    best.2
}
