//! Clustering: which name candidates of a document are one entity.
//!
//! Decides identity within the document only: the same text (or place alias:
//! "U.S." = "United States"), a shorter person name matching a longer one by
//! surname, forename or first and last word ("Naim" = "Basem Naim"), and an
//! acronym matching the initials of a long form ("NASA"), an organisation's
//! name less a place ("Supreme Court" = "US Supreme Court"). The nearest full
//! name wins, preceding ones first. Also picks the canonical name: the
//! longest form, without its title.

use std::borrow::Cow;

use super::lexicon::{is_acronym, HashMap, LEX};
use super::{c_text, Cand};
use crate::extract::{speaker_words, Analysis};
use crate::model::EntityType;

/// Words of a name as the document writes them.
pub(super) fn words_of<'a, 't>(a: &'a Analysis<'t>, c: &Cand) -> &'a [&'t str] {
    // Invariant: candidates are token ranges of this analysis (one word per token).
    &a.words[c.start..c.end]
}

pub(super) fn initials(words: &[&str]) -> String {
    words.iter().filter(|w| w.chars().next().is_some_and(char::is_uppercase)).filter_map(|w| w.chars().next()).collect()
}

/// Clusters candidates into entities.
pub(super) fn cluster(a: &Analysis, cands: &[Cand]) -> (Vec<usize>, usize) {
    let n = cands.len();
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    let keys: Vec<Cow<str>> = cands
        .iter()
        .map(|c| {
            let text = c_text(a, c);
            // "U.S. Geological Survey" = "United States Geological Survey": a leading place alias.
            let lead = text.split_once(' ').filter(|_| c.ty == EntityType::Organization);
            let lead = lead.and_then(|(first, rest)| LEX.place_aliases.get(first).map(|full| format!("{full} {rest}")));
            match (LEX.place_aliases.get(text), lead) {
                (Some(s), _) => Cow::Borrowed(*s),
                (None, Some(full)) => Cow::Owned(full),
                (None, None) if text.contains('\u{2019}') => Cow::Owned(text.replace('\u{2019}', "'")),
                (None, None) => Cow::Borrowed(text),
            }
        })
        .collect();
    // Same key.
    let mut by_key: HashMap<&str, usize> = HashMap::default();
    for (i, k) in keys.iter().enumerate() {
        match by_key.get(k.as_ref()) {
            Some(&r) => {
                let (x, y) = (find(&mut parent, r), find(&mut parent, i));
                parent[y] = x;
            }
            None => {
                by_key.insert(k, i);
            }
        }
    }
    // Persons: a shorter form matches a longer one by surname, forename, or first+last.
    let words: Vec<&[&str]> = cands.iter().map(|c| words_of(a, c)).collect();
    // Full person names indexed by their first and last word (indices ascending),
    // so that matching stays linear in long documents.
    let mut by_last: HashMap<&str, Vec<usize>> = HashMap::default();
    let mut by_first: HashMap<&str, Vec<usize>> = HashMap::default();
    for p in (0..n).filter(|&i| cands[i].ty == EntityType::Person && words[i].len() >= 2) {
        by_last.entry(words[p][words[p].len() - 1]).or_default().push(p);
        // "Ricardo Rosselló Nevares", "Robert Downey Jr.": the first of two surnames, or before a suffix.
        if let Some(w) = penultimate_surname(words[p]) {
            by_last.entry(w).or_default().push(p);
        }
        by_first.entry(words[p][0]).or_default().push(p);
    }
    // How far from `i` to look in one list, each way: enough for any real text.
    const SCAN: usize = 64;
    for i in 0..n {
        let wi = &words[i];
        if wi.len() >= 2 && cands[i].ty != EntityType::Person {
            continue;
        }
        let fits = |p: usize| {
            if p == i || words[p].len() <= wi.len() {
                return false;
            }
            let wp = &words[p];
            if wi.len() == 1 {
                wp.last() == wi.first()
                    || penultimate_surname(wp) == wi.first().copied()
                    || (wp.first() == wi.first() && cands[i].ty == EntityType::Person && cands[i].strength >= 2)
            } else {
                wp.first() == wi.first() && wp.last() == wi.last()
            }
        };
        // Pick the nearest full name (preceding first) sharing the surname.
        let mut best: Option<(usize, bool, usize)> = None;
        let lists = [by_last.get(wi[wi.len() - 1]), if wi.len() == 1 { by_first.get(wi[0]) } else { None }];
        for list in lists.into_iter().flatten() {
            let at = list.partition_point(|&p| p < i);
            // A bare surname is the person introduced first ("Biden" after "Joe Biden ... Hunter Biden").
            // Invariant: `at` is a partition point (<= len); the lower end is at most `at`.
            let before = list[at.saturating_sub(SCAN)..at].iter().copied().find(|&p| fits(p));
            let after = list[at..].iter().take(SCAN).copied().find(|&p| fits(p));
            for p in before.into_iter().chain(after) {
                let key = (p.abs_diff(i), p > i, p);
                if best.is_none_or(|b| (b.1, b.0) > (key.1, key.0)) {
                    best = Some(key);
                }
            }
        }
        // A single word that is a known place or organisation stays itself unless it is someone's surname.
        if let Some((_, _, p)) = best {
            if wi.len() == 1 && cands[i].strength >= 3 && cands[i].ty != EntityType::Person {
                // A known place can be a surname, but not in "Louis XV of France";
                // a known event, product or religion is nobody's.
                let wp = &words[p];
                // "Robert Downey Jr. ... Downey said": the surname before a suffix is used too.
                let before_suffix = wp.last().is_some_and(|l| speaker_words::NAME_SUFFIXES.has(l))
                    && penultimate_surname(wp) == wi.first().copied();
                let surname_used = wp.last() == wi.first() || before_suffix;
                let of_name = wp.len() >= 3 && wp[wp.len() - 2] == "of";
                if !surname_used || of_name || cands[i].ty == EntityType::Other {
                    continue;
                }
            }
            let (x, y) = (find(&mut parent, p), find(&mut parent, i));
            parent[y] = x;
        }
    }
    // Organisations: "the Supreme Court" after "the US Supreme Court" or "the Supreme
    // Court of the United Kingdom": a name less a leading place, or less a closing
    // "of" + place, is the same body.
    let mut by_core: HashMap<String, usize> = HashMap::default();
    for p in (0..n).filter(|&i| cands[i].ty == EntityType::Organization) {
        if let Some(core) = org_core(words[p]) {
            by_core.entry(core).or_insert(p);
        }
    }
    if !by_core.is_empty() {
        for i in (0..n).filter(|&i| cands[i].ty == EntityType::Organization && words[i].len() >= 2) {
            if let Some(&p) = by_core.get(&words[i].join(" ")) {
                let (x, y) = (find(&mut parent, p), find(&mut parent, i));
                parent[y] = x;
            }
        }
    }
    // "the Emergencies Ministry" = "the Emergency Situations Ministry", "Foreign Ministry" =
    // "Foreign Affairs Ministry": a two-word body whose head closes a longer body's name and
    // whose first word opens it (in the singular or plural) is that body, named shorter.
    let stem = |w: &str| w.strip_suffix("ies").map_or_else(|| w.trim_end_matches('s').to_string(), |s| format!("{s}y"));
    let mut by_ends: HashMap<(String, &str), usize> = HashMap::default();
    for p in (0..n).filter(|&p| cands[p].ty == EntityType::Organization && words[p].len() >= 3 && !words[p].contains(&"of")) {
        if let (Some(first), Some(head)) = (words[p].first(), words[p].last()) {
            by_ends.entry((stem(first), head)).or_insert(p);
        }
    }
    for i in (0..n).filter(|&i| cands[i].ty == EntityType::Organization && words[i].len() == 2 && !by_ends.is_empty()) {
        // Invariant: `words[i]` has two words (filtered above).
        if let Some(&p) = by_ends.get(&(stem(words[i][0]), words[i][1])) {
            let (x, y) = (find(&mut parent, p), find(&mut parent, i));
            parent[y] = x;
        }
    }
    // Acronyms: "NASA" = "National Aeronautics and Space Administration".
    // "PG&E" is three tokens but one acronym.
    let acronym = |i: usize| Some(c_text(a, &cands[i])).filter(|t| !t.contains(' ') && is_acronym(t));
    let has_acronym = (0..n).any(|i| acronym(i).is_some());
    let long_initials: Vec<String> = if has_acronym {
        (0..n)
            .map(|p| if words[p].len() >= 2 && cands[p].ty != EntityType::Person { initials(words[p]) } else { String::new() })
            .collect()
    } else {
        Vec::new()
    };
    for i in 0..n {
        let Some(acr) = acronym(i) else { continue };
        // "the Federal Security Service (FSB)": an acronym in parentheses right after
        // a name of two words or more is that name's, whatever its letters.
        let defined = i.checked_sub(1).filter(|&p| {
            let (c, prev) = (&cands[i], &cands[p]);
            words[p].len() >= 2
                && prev.ty != EntityType::Person
                && prev.end + 1 == c.start
                && a.tok(prev.end) == "("
                && a.tokens.get(c.end).is_some_and(|_| a.tok(c.end) == ")")
        });
        let acr: String = acr.chars().filter(|c| c.is_alphabetic()).collect();
        if let Some(p) = defined.or_else(|| long_initials.iter().position(|l| !l.is_empty() && *l == acr)) {
            let (x, y) = (find(&mut parent, p), find(&mut parent, i));
            parent[y] = x;
        }
    }
    // "the Ohio Department of Forestry (OhioFor)": one word in parentheses right after an
    // organisation's name of two words or more, not a place, is that body's short name.
    for i in 1..n {
        let (c, prev) = (&cands[i], &cands[i - 1]);
        let short = c.end == c.start + 1
            && c.ty != EntityType::Place
            && words[i - 1].len() >= 2
            && prev.ty == EntityType::Organization
            && prev.end + 1 == c.start
            && a.tok(prev.end) == "("
            && a.tokens.get(c.end).is_some_and(|_| a.tok(c.end) == ")");
        if short {
            let (x, y) = (find(&mut parent, i - 1), find(&mut parent, i));
            parent[y] = x;
        }
    }
    let roots: Vec<usize> = (0..n).map(|i| find(&mut parent, i)).collect();
    (roots, n)
}

/// An organisation's name less a leading place ("US Supreme Court" -> "Supreme
/// Court") or a closing "of" + place ("Supreme Court of the United Kingdom" ->
/// "Supreme Court"), when two words or more remain; `None` otherwise.
fn org_core(w: &[&str]) -> Option<String> {
    let is_place = |s: &str| LEX.places.contains(s) || LEX.place_aliases.contains_key(s) || LEX.demonyms.contains_key(s);
    if let [first, rest @ ..] = w {
        if rest.len() >= 2 && is_place(first) {
            return Some(rest.join(" "));
        }
    }
    let of = w.iter().position(|x| *x == "of").filter(|&k| k >= 2)?;
    // Invariant: `of < w.len()` (a position in `w`).
    let mut place = &w[of + 1..];
    if place.first().is_some_and(|x| *x == "the") {
        place = &place[1..];
    }
    // Invariant: `place[1..]` above follows a `first()` that exists, and `of < w.len()`.
    (!place.is_empty() && is_place(&place.join(" "))).then(|| w[..of].join(" "))
}

/// The first of two surnames of a person's name of three or more words
/// ("Wanda Vázquez Garced" -> "Vázquez"), or the surname before "Jr."/"Sr.".
fn penultimate_surname<'t>(w: &[&'t str]) -> Option<&'t str> {
    let [.., p, last] = w else { return None };
    let suffix = speaker_words::NAME_SUFFIXES.has(last);
    let ok = (w.len() >= 3 || suffix)
        && p.len() >= MIN_SURNAME_BYTES
        && p.chars().next().is_some_and(char::is_uppercase)
        && !p.ends_with('.');
    ok.then_some(*p)
}

/// A first surname is a word of three letters or more: "Vázquez", not the
/// initial or particle of "J. R. Smith", "Di Caprio".
const MIN_SURNAME_BYTES: usize = 3;

pub(super) fn canonical_name(a: &Analysis, cands: &[Cand], g: &[usize], ty: EntityType) -> String {
    let mut best: Option<&str> = None;
    for &i in g {
        let t = c_text(a, &cands[i]);
        let t = LEX.place_aliases.get(t).copied().filter(|_| ty == EntityType::Place).unwrap_or(t);
        let key = |s: &str| (s.split(' ').count(), s.len(), std::cmp::Reverse(s.to_string()));
        if best.is_none_or(|b| key(t) > key(b)) {
            best = Some(t);
        }
    }
    best.unwrap_or("").replace('\u{2019}', "'")
}
