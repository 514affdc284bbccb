//! Two layouts of reported speech without a clause cue, found after the
//! clause finders (PolNeAR annotates both as attributions):
//!
//! * indirect questions: "Ada Price asked whether the vote would be held",
//!   "reporters asked him why", "When asked if she would run, ...": the
//!   question from its opening word to the sentence end is the content, the
//!   subject (if any) the source, "asked" the cue;
//! * passive expectations: "The council is widely expected to approve the
//!   plan": the whole clause, subject included, is the content and
//!   "is expected" the cue; there is no source.
//!
//! Like the intent finder (`infinitive.rs`) it only adds candidates no other
//! rule produced.

use super::infinitive::subject_before;
use super::quotes::Candidate;
use super::rule::Rule;
use super::Analysis;
use crate::model::{QuoteKind, Span};
use crate::text::wordlist::{WordList, WordSet};
use crate::text::TokenKind;

/// Words a question needs after its opening word ("asked why" alone is not
/// a content; "asked whether it mattered" is).
const MIN_QUESTION_WORDS: usize = 2;
/// A named hearer between "asked" and the question is at most this many
/// capitalised tokens ("asked Gov. Ada Price whether").
const MAX_HEARER_TOKENS: usize = 3;
/// Adverbs between the auxiliary and "expected" ("is also widely expected").
const MAX_ADVERBS: usize = 2;
/// Words an expectation needs after "to" ("is expected to win" is enough).
const MIN_EXPECTATION_WORDS: usize = 1;

/// The closed classes of these finders, one section each.
const LAYOUT_WORDS: WordList = crate::word_list!("layout_words.txt");
crate::word_sections!(LAYOUT_WORDS, lower_case: false, {
    QUESTION_VERBS = "question_verbs",
    QUESTION_WORDS = "question_words",
    HEARERS = "hearers",
    NO_SUBJECT = "no_subject",
    PASSIVE_AUX = "passive_aux",
    EXPECTATIONS = "expectations",
    PERFECT_AUX = "perfect_aux",
    MODALS = "modals",
    ADVERBS = "adverbs",
    RELATIVES = "relatives",
    CLAUSE_EDGES = "clause_edges",
});

/// Lines of the list its format does not allow.
#[cfg(test)]
pub(crate) fn check() -> Vec<crate::text::wordlist::ListError> {
    SECTIONS.errors()
}

/// Question and expectation candidates whose content and cue no existing
/// candidate has.
pub fn find(a: &Analysis, existing: &[Candidate]) -> Vec<Candidate> {
    let mut contents: Vec<Span> = existing.iter().map(|c| c.content).collect();
    contents.sort_unstable();
    let mut cues: Vec<Span> = existing.iter().filter_map(|c| c.cue).collect();
    cues.sort_unstable();
    let taken = |c: &Candidate| {
        let cue = c.cue.unwrap_or(c.content);
        let i = cues.partition_point(|s| s.start < cue.end);
        contents.binary_search(&c.content).is_ok() || (i > 0 && cues[i - 1].end > cue.start)
    };
    // Speech inside a quoted passage is the quoted speaker's, not an attribution here.
    let in_quote = |c: &Candidate| {
        let at = c.cue.map_or(c.content.start, |q| q.start);
        a.quoted.iter().any(|q| q.content.start <= at && at < q.content.end)
    };
    let mut out = Vec::new();
    for s in &a.sentences {
        let r = s.tokens.clone();
        // Contents run to the sentence end, short of its final punctuation.
        let mut last = r.end;
        while last > r.start && a.tokens[last - 1].kind == TokenKind::Punct {
            last -= 1;
        }
        for v in r.clone() {
            let found = if QUESTION_VERBS.has(a.tok(v)) {
                question(a, v, r.start, last)
            } else if EXPECTATIONS.has(a.tok(v)) {
                expectation(a, v, r.start, last)
            } else {
                None
            };
            if let Some(c) = found.filter(|c| !taken(c) && !in_quote(c)) {
                out.push(c);
            }
        }
    }
    out
}

/// The auxiliary from `aux` (and adverbs) before `v` that belongs to its
/// cue ("was asked", "is widely expected", "has repeatedly asked"), with a
/// modal before "be" ("could be expected"), as the first token of the cue.
fn aux_start(a: &Analysis, v: usize, start: usize, aux: &WordSet) -> Option<usize> {
    let mut i = v;
    while i > start && v - i < MAX_ADVERBS && ADVERBS.has(a.tok(i - 1)) {
        i -= 1;
    }
    if i == start || !aux.has(a.tok(i - 1)) {
        return None;
    }
    let modal = i - 1 > start && a.tok(i - 1) == "be" && MODALS.has(a.tok(i - 2));
    Some(if modal { i - 2 } else { i - 1 })
}

/// "X asked (him) whether ...": the question to `last`.
fn question(a: &Analysis, v: usize, start: usize, last: usize) -> Option<Candidate> {
    let mut q = v + 1;
    if q < last && HEARERS.has(a.tok(q)) {
        q += 1;
    } else {
        let names = (q..last).take_while(|&i| a.caps[i]).take(MAX_HEARER_TOKENS + 1).count();
        if names <= MAX_HEARER_TOKENS && q + names < last && QUESTION_WORDS.has(a.tok(q + names)) {
            q += names;
        }
    }
    if q >= last || !QUESTION_WORDS.has(a.tok(q)) {
        return None;
    }
    let words = (q + 1..last).filter(|&i| a.tokens[i].kind != TokenKind::Punct).take(MIN_QUESTION_WORDS).count();
    if words < MIN_QUESTION_WORDS {
        return None;
    }
    let end = question_end(a, q, last);
    // "was asked whether ..." (a participle after "be") and "When asked if ..." name no asker.
    let passive = if a.tok(v).ends_with("ed") { aux_start(a, v, start, &PASSIVE_AUX) } else { None };
    let cue_start = passive.or_else(|| aux_start(a, v, start, &PERFECT_AUX)).unwrap_or(v);
    let no_subject = passive.is_some() || (v > start && NO_SUBJECT.has(a.tok(v - 1)));
    let speaker = if no_subject { None } else { subject_before(a, v, start) };
    Some(Candidate {
        kind: QuoteKind::Indirect,
        content: Span::new(a.tokens[q].span.start(), a.tokens[end - 1].span.end()),
        fragments: Vec::new(),
        speaker,
        carried_from: None,
        cue: Some(Span::new(a.tokens[cue_start].span.start(), a.tokens[v].span.end())),
        confidence: Rule::ReportedQuestion.base_confidence(),
        rule: Rule::ReportedQuestion,
        trail: vec![format!("question verb \"{}\" + \"{}\"; the question is the content", a.tok(v), a.tok(q))],
    })
}

/// The end (exclusive token index) of a question opening at `q`: the first
/// comma that does not open a relative clause ("Asked whether it mattered,
/// Ada Price said ..."), with a closing mark right after it; else `last`.
fn question_end(a: &Analysis, q: usize, last: usize) -> usize {
    for i in q + 1 + MIN_QUESTION_WORDS..last {
        if a.tok(i) != "," || (i + 1 < last && RELATIVES.has(a.tok(i + 1))) {
            continue;
        }
        let closing = i + 1 < last && a.quoted.iter().any(|p| p.close.is_some_and(|c| c.start() == a.tokens[i + 1].span.start()));
        return if closing { i + 2 } else { i };
    }
    last
}

/// "X is expected to ...": the clause from its start (the sentence start, a
/// relative word or a clause edge) to `last`.
fn expectation(a: &Analysis, v: usize, start: usize, last: usize) -> Option<Candidate> {
    let to = v + 1;
    if to >= last || a.tok(to) != "to" {
        return None;
    }
    let words = (to + 1..last).filter(|&i| a.tokens[i].kind != TokenKind::Punct).take(MIN_EXPECTATION_WORDS).count();
    let aux = aux_start(a, v, start, &PASSIVE_AUX)?;
    if words < MIN_EXPECTATION_WORDS || aux == start {
        return None;
    }
    // A relative word opens the clause only when no comma stands between
    // it and the verb ("The bank, which has held rates, is expected" is one
    // clause); after a comma, the clause starts there unless the verb follows
    // it at once (the end of an appositive).
    let mut first = start;
    let mut comma = None;
    for i in (start..aux).rev() {
        if RELATIVES.has(a.tok(i)) && comma.is_none() {
            first = i;
            break;
        }
        if CLAUSE_EDGES.has(a.tok(i)) {
            first = i + 1;
            break;
        }
        if a.tok(i) == "," && comma.is_none() {
            comma = Some(i);
        }
    }
    if let Some(c) = comma.filter(|&c| c > first && c + 1 < aux) {
        first = c + 1;
    }
    if first >= aux {
        return None;
    }
    Some(Candidate {
        kind: QuoteKind::Indirect,
        content: Span::new(a.tokens[first].span.start(), a.tokens[last - 1].span.end()),
        fragments: Vec::new(),
        speaker: None,
        carried_from: None,
        cue: Some(Span::new(a.tokens[aux].span.start(), a.tokens[v].span.end())),
        confidence: Rule::ReportedExpectation.base_confidence(),
        rule: Rule::ReportedExpectation,
        trail: vec![format!("passive \"{} {}\" + to-infinitive; the clause is the content, no source", a.tok(aux), a.tok(v))],
    })
}
