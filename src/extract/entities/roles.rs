//! Roles and affiliations of person entities.
//!
//! Decides what a person is and for whom from the words around a name: a
//! title ("President Trump"), a pre-modifier ("Senior Hamas official Dr.
//! Basem Naim"), an appositive ("James Hewitt, White House spokesperson") or
//! a copula ("X is the White House spokesperson"). An organisation or place
//! named inside the role, or a demonym ("Israeli"), is the affiliation; a
//! demonym whose place is never named creates that place entity.

use super::lexicon::{is_honorific, is_title, LEX, WORDS};
use super::{c_span, mention_at, Cand};
use crate::extract::lexicon::lexicon;
use crate::extract::Analysis;
use crate::model::{Entity, EntityType, Extraction, LocalEntityId, Role, Span};
use crate::text::{Token, TokenKind};

/// The place a demonym or place word names ("US-Israeli": the first part that names one).
pub(super) fn demonym_place(word: &str) -> Option<&'static str> {
    word.split('-')
        .find_map(|p| LEX.demonyms.get(p).or_else(|| LEX.place_aliases.get(p)).copied().or_else(|| LEX.places.get(p).copied()))
}

/// Place entity for a demonym's place, created when the document never names it.
/// Called only once the entity is used (as an affiliation): an entity created
/// and then not used was stored with no mention that anything referenced
/// (issue 15: "Hamas official and Egyptian envoy" made a phantom `Egypt`).
pub(super) fn place_entity(x: &mut Extraction, place: &str) -> LocalEntityId {
    let found = x
        .entities
        .iter()
        .position(|e| e.entity_type == EntityType::Place && (e.name == place || e.aliases.iter().any(|s| s == place)));
    match found {
        Some(i) => LocalEntityId(i as u32),
        None => {
            let id = LocalEntityId(x.entities.len() as u32);
            x.entities.push(Entity {
                name: place.to_string(),
                entity_type: EntityType::Place,
                mentions: Vec::new(),
                aliases: Vec::new(),
                roles: Vec::new(),
            });
            id
        }
    }
}

pub(super) fn is_role_noun(w: &str) -> bool {
    let l = lexicon();
    if w.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    (l.speaker_nouns.contains(w) && !WORDS.non_role_speaker_nouns.contains(w)) || WORDS.role_nouns.contains(w)
}

pub(super) fn is_determiner(w: &str) -> bool {
    matches!(w, "a" | "an" | "the" | "A" | "An" | "The" | "its" | "their" | "his" | "her")
}

/// Roles and affiliations from appositives, pre-modifiers and titles.
pub(super) fn roles(a: &Analysis, cands: &[Cand], x: &mut Extraction) {
    let persons: Vec<(Span, LocalEntityId, Option<usize>)> = cands
        .iter()
        .filter_map(|c| {
            let span = c_span(a, c);
            let m = mention_at(x, span)?;
            let e = m.entity?;
            (x.entity(e).entity_type == EntityType::Person).then_some((span, e, c.title))
        })
        .collect();
    for (span, e, title) in persons {
        let start_tok = a.token_at_or_after(span.start());
        let end_tok = a.token_at_or_after(span.end());
        let mut found: Vec<Role> = Vec::new();
        // Title: "President Trump".
        if let Some(t) = title {
            let words: Vec<&str> = (t..start_tok).map(|k| a.tok(k)).filter(|w| !is_honorific(w)).collect();
            if !words.is_empty() {
                let role = words.join(" ").to_lowercase();
                found.push(Role { role, affiliation: None, span: a.tokens[t].span.cover(a.tokens[start_tok - 1].span) });
            }
        }
        // Pre-modifier: "Senior Hamas official Dr. Basem Naim", "White House spokesperson James Hewitt".
        let first = title.unwrap_or(start_tok);
        let sent = a.sentence_at(span.start()).map(|s| a.sentences[s].tokens.start).unwrap_or(0);
        if first > sent && is_role_noun(a.tok(first - 1)) {
            let mut k = first;
            while k > sent && k + 6 > first {
                let w = a.tok(k - 1);
                let tk: Token = a.tokens[k - 1];
                if tk.kind != TokenKind::Word || is_determiner(w) || (LEX.cues.contains(w) && k < first) {
                    break;
                }
                k -= 1;
            }
            if let Some(r) = role_from(a, x, k, first) {
                found.push(r);
            }
        }
        // Appositive: "James Hewitt, White House spokesperson", "Dr. Basem Naim, senior Hamas official".
        if end_tok < a.tokens.len() && a.tok(end_tok) == "," {
            let mut k = end_tok + 1;
            let stop = a.sentence_at(span.start()).map(|s| a.sentences[s].tokens.end).unwrap_or(a.tokens.len());
            while k < stop
                && k < end_tok + 8
                && a.tokens[k].kind == TokenKind::Word
                && !(LEX.cues.contains(a.tok(k)) && k > end_tok + 1)
            {
                k += 1;
            }
            let closed = k >= stop || matches!(a.tok(k), "," | "." | ";" | ")" | "\u{201d}" | "\"" | "-" | "\u{2014}");
            if closed && k > end_tok + 1 && is_role_noun(a.tok(k - 1)) {
                let mut from = end_tok + 1;
                while from < k && is_determiner(a.tok(from)) {
                    from += 1;
                }
                if let Some(r) = role_from(a, x, from, k) {
                    found.push(r);
                }
            }
        }
        // Copula: "James Hewitt is the White House spokesperson."
        if end_tok + 2 < a.tokens.len() && matches!(a.tok(end_tok), "is" | "was") {
            let stop = a.sentence_at(span.start()).map(|s| a.sentences[s].tokens.end).unwrap_or(a.tokens.len());
            let mut from = end_tok + 1;
            while from < stop && is_determiner(a.tok(from)) {
                from += 1;
            }
            let mut k = from;
            while k < stop && k < from + 6 && a.tokens[k].kind == TokenKind::Word {
                k += 1;
            }
            let closed = k >= stop || matches!(a.tok(k), "," | "." | ";");
            if closed && k > from && from > end_tok + 1 && is_role_noun(a.tok(k - 1)) {
                if let Some(r) = role_from(a, x, from, k) {
                    found.push(r);
                }
            }
        }
        let ent = &mut x.entities[e.0 as usize];
        for r in found {
            if !ent.roles.iter().any(|o| o.role == r.role && o.affiliation == r.affiliation) {
                ent.roles.push(r);
            }
        }
    }
}

/// Reads "senior Hamas official" (tokens `i..j`) as role "senior official", affiliation Hamas.
pub(super) fn role_from(a: &Analysis, x: &mut Extraction, i: usize, j: usize) -> Option<Role> {
    let mut words = Vec::new();
    let mut affiliation = None;
    // A demonym's place, made an entity only if it ends up as the affiliation.
    let mut demonym: Option<&'static str> = None;
    let mut k = i;
    while k < j {
        let tk = a.tokens[k];
        if let Some(m) = mention_at(x, tk.span).copied() {
            if let Some(e) = m.entity {
                if affiliation.is_none() && demonym.is_none() && x.entity(e).entity_type != EntityType::Person {
                    affiliation = Some(e);
                }
            }
            while k < j && a.tokens[k].span.start < m.span.end {
                k += 1;
            }
            continue;
        }
        let w = a.tok(k);
        if let Some(place) = demonym_place(w).filter(|_| affiliation.is_none() && demonym.is_none()) {
            demonym = Some(place);
        } else if w.chars().next().is_some_and(char::is_uppercase) && k > i && !is_title(w) {
            // An unrecognised name inside the phrase: keep out of the role.
        } else if !is_determiner(w) {
            words.push(w.to_lowercase());
        }
        k += 1;
    }
    if words.is_empty() {
        return None;
    }
    if let Some(place) = demonym {
        affiliation = Some(place_entity(x, place));
    }
    Some(Role { role: words.join(" "), affiliation, span: a.tokens[i].span.cover(a.tokens[j - 1].span) })
}
