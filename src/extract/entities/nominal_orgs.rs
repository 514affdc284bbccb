//! Bodies named by a lower-case head ("body_heads" in speaker_words.txt): "the
//! Lee campaign" is an organisation named "Lee campaign" (not the person in
//! it), and "the government of Burundi" one named "government of Burundi".
//! "the Burundian government" is left as it was (the place is the mention):
//! GUM does not annotate a government named by its country's adjective as a
//! named organisation, and taking it cost GUM organisation F1 0.4.

use super::lexicon::LEX;
use super::{c_text, Cand};
use crate::extract::speaker_words::BODY_HEADS;
use crate::extract::Analysis;
use crate::model::EntityType;

/// Whether token `k` is a determiner "the" (any case).
fn is_the(a: &Analysis, k: usize) -> bool {
    a.tok(k).eq_ignore_ascii_case("the")
}

/// Whether token `k` is a body head written in lower case.
fn is_head(a: &Analysis, k: usize) -> bool {
    let w = a.tok(k);
    w.chars().all(|c| c.is_ascii_lowercase()) && BODY_HEADS.has(w)
}

/// Widens or adds candidates for bodies named by a lower-case head.
pub(super) fn extend(a: &Analysis, cands: &mut Vec<Cand>) {
    let n = a.tokens.len();
    let mut extra = Vec::new();
    // The name inside stays a mention of its own (nested, as in "the [New Zealand] government").
    for c in cands.iter() {
        // "the Burundian government": "the", one name, the head, and no "of" after it
        // ("the Lee government of Burundi" has its body after "of").
        let before_the = c.title.is_none() && c.start > 0 && is_the(a, c.start - 1);
        if before_the
            && c.end < n
            && is_head(a, c.end)
            && a.tok(c.end) != "government"
            && a.tokens.get(c.end + 1).is_none_or(|_| a.tok(c.end + 1) != "of")
        {
            extra.push(Cand { start: c.start, end: c.end + 1, title: None, ty: EntityType::Organization, strength: 3 });
        }
        // "the government of Burundi": the head, "of", then a place right after.
        let (s, e) = (c.start, c.end);
        // A known place, or any name not typed a person ("the government of Tasmin").
        let place = c.ty != EntityType::Person || LEX.places.contains(c_text(a, c));
        if place && c.title.is_none() && s >= 3 && a.tok(s - 1) == "of" && is_head(a, s - 2) && is_the(a, s - 3) {
            extra.push(Cand { start: s - 2, end: e, title: None, ty: EntityType::Organization, strength: 3 });
        }
    }
    let changed = !extra.is_empty();
    cands.extend(extra);
    if changed {
        cands.sort_by_key(|c| (c.start, c.end));
    }
}
