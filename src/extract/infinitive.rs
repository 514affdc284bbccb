//! Reported intentions with a "to"-infinitive content: "Ada Price declined
//! to comment", "the council has vowed to appeal the ruling". PolNeAR
//! annotates these as attributions: the subject is the source, the verb the
//! cue, "to ..." to the end of the clause the content.
//!
//! Kept apart from the clause finders in `quotes`: it only adds candidates
//! that no other rule produced, so it can be switched off by one line.

use std::sync::LazyLock;

use rustc_hash::FxHashSet as HashSet;

use super::lexicon::with_ascii_lowercase;
use super::quotes::Candidate;
use super::rule::Rule;
use super::Analysis;
use crate::model::{QuoteKind, Span};
use crate::text::wordlist::WordList;
use crate::text::TokenKind;

/// Words a content needs after "to": PolNeAR's shortest contents are
/// "to comment" and "to say".
const MIN_CONTENT_WORDS: usize = 1;
/// The subject phrase is at most this many tokens ("the city's new budget
/// director"); longer runs are the sentence, not a subject.
const MAX_SUBJECT_TOKENS: usize = 8;
/// Auxiliaries and adverbs skipped between subject and verb ("has also flatly").
const MAX_BETWEEN: usize = 3;
/// An appositive between subject and verb longer than this is a clause.
const MAX_APPOSITIVE_TOKENS: usize = 12;

const INTENT_VERBS: WordList = crate::word_list!("intent_verbs.txt");

static VERBS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| INTENT_VERBS.words().0.into_iter().collect());

/// Lines of the list its format does not allow.
#[cfg(test)]
pub(crate) fn check() -> Vec<crate::text::wordlist::ListError> {
    let mut errors = INTENT_VERBS.words().1;
    errors.extend(SECTIONS.errors());
    errors
}

/// The closed classes of this finder, one section each.
const INFINITIVE_WORDS: WordList = crate::word_list!("infinitive_words.txt");
crate::word_sections!(INFINITIVE_WORDS, lower_case: false, {
    /// Auxiliaries and adverbs between a subject and the verb ("has flatly refused").
    BETWEEN = "between",
    /// Words a subject phrase may hold besides capitalised ones.
    SUBJECT_WORDS = "subject_words",
    PRONOUNS = "pronouns",
    /// Words a subject never starts on.
    SUBJECT_JOINERS = "subject_joiners",
    /// Words that show the token before the subject is a clause edge.
    EDGES = "edges",
});

/// Lengths of the verbs by first byte (bit `len`): most words are ruled
/// out without hashing, as in the cue lexicon.
static VERB_LENGTHS: LazyLock<[u32; 256]> = LazyLock::new(|| {
    let mut t = [0u32; 256];
    for v in VERBS.iter() {
        // Invariant: the word lists hold no empty word (`WordList` skips blank lines); a `u8` indexes 256 slots.
        t[usize::from(v.as_bytes()[0])] |= 1 << v.len().min(31);
    }
    t
});

fn is_verb(w: &str) -> bool {
    let Some(&b) = w.as_bytes().first() else { return false };
    b.is_ascii_lowercase() && VERB_LENGTHS[usize::from(b)] & (1 << w.len().min(31)) != 0 && VERBS.contains(w)
}

/// Candidates for "SUBJECT VERB to ...", where no existing candidate already
/// covers the "to ..." content.
pub fn find(a: &Analysis, existing: &[Candidate]) -> Vec<Candidate> {
    let mut out = Vec::new();
    // Sorted lookups keep a document full of intent verbs linear-logarithmic.
    let mut contents: Vec<Span> = existing.iter().map(|c| c.content).collect();
    contents.sort_unstable();
    let mut cues: Vec<Span> = existing.iter().filter_map(|c| c.cue).collect();
    cues.sort_unstable();
    let cue_taken = |v: Span| {
        let i = cues.partition_point(|c| c.start < v.end);
        i > 0 && cues[i - 1].end > v.start
    };
    for s in &a.sentences {
        let r = s.tokens.clone();
        // The content runs to the sentence end, short of its final punctuation.
        let mut last = r.end;
        while last > r.start && a.tokens[last - 1].kind == TokenKind::Punct {
            last -= 1;
        }
        for v in r.clone() {
            if !is_verb(a.tok(v)) {
                continue;
            }
            let mut to = v + 1;
            if to < r.end && a.tok(to) == "not" {
                to += 1;
            }
            if to >= r.end || a.tok(to) != "to" {
                continue;
            }
            let Some(content) = content_from(a, to, last) else { continue };
            // One verb gives one content, so `out` never repeats a content.
            if contents.binary_search(&content).is_ok() || cue_taken(a.tokens[v].span) {
                continue;
            }
            let Some(speaker) = subject_before(a, v, r.start) else { continue };
            out.push(Candidate {
                kind: QuoteKind::Indirect,
                content,
                fragments: Vec::new(),
                speaker: Some(speaker),
                carried_from: None,
                cue: Some(a.tokens[v].span),
                confidence: Rule::ReportedIntentInfinitive.base_confidence(),
                rule: Rule::ReportedIntentInfinitive,
                trail: vec![format!("intention verb \"{}\" + to-infinitive; its subject is the source", a.tok(v))],
            });
        }
    }
    out
}

/// "to ..." up to `last` (the sentence end short of its punctuation), when
/// enough words follow "to".
fn content_from(a: &Analysis, to: usize, last: usize) -> Option<Span> {
    let enough =
        (to + 1..last).filter(|&i| a.tokens[i].kind != TokenKind::Punct).take(MIN_CONTENT_WORDS).count() == MIN_CONTENT_WORDS;
    // `enough` found a word in `to + 1..last`, so `to < last - 1 < a.tokens.len()`.
    enough.then(|| Span::new(a.tokens[to].span.start(), a.tokens[last - 1].span.end()))
}

/// The subject right before the verb (over auxiliaries and adverbs): a
/// pronoun, or a run of capitalised words and determiners that starts at a
/// clause edge.
///
/// Indices stay in `start..=v` (the verb's sentence): every `e - 1` and
/// `f - 1` is taken only after `e > start` / `f > start` is checked.
pub(crate) fn subject_before(a: &Analysis, v: usize, start: usize) -> Option<Span> {
    let mut e = v;
    while e > start && v - e < MAX_BETWEEN && BETWEEN.has(a.tok(e - 1)) {
        e -= 1;
    }
    if e == start {
        return None;
    }
    // "Ada Price, the authority's lawyer, declined": the subject before the appositive
    // (the widening stage adds the appositive back to the mention).
    if a.tok(e - 1) == "," {
        let open = (start..e - 1).rev().take(MAX_APPOSITIVE_TOKENS).find(|&i| a.tok(i) == ",")?;
        e = open;
        if e == start {
            return None;
        }
    }
    if PRONOUNS.has(a.tok(e - 1)) {
        return Some(a.tokens[e - 1].span);
    }
    let mut f = e;
    while f > start && e - f < MAX_SUBJECT_TOKENS {
        let w = a.tok(f - 1);
        let ok = a.caps[f - 1] || SUBJECT_WORDS.has(w) || speaker_noun(w);
        if !ok || PRONOUNS.has(w) {
            break;
        }
        f -= 1;
    }
    // Joining words cannot start a subject; its last word must be a name or a noun.
    while f < e && SUBJECT_JOINERS.has(a.tok(f)) {
        f += 1;
    }
    if f == e || !(a.caps[e - 1] || speaker_noun(a.tok(e - 1))) {
        return None;
    }
    let at_edge = f == start || a.tokens[f - 1].kind == TokenKind::Punct || EDGES.has(a.tok(f - 1));
    at_edge.then(|| Span::new(a.tokens[f].span.start(), a.tokens[e - 1].span.end()))
}

fn speaker_noun(w: &str) -> bool {
    with_ascii_lowercase(w, |l| super::lexicon::lexicon().speaker_nouns.contains(l))
}
