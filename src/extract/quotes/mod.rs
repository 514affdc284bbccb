//! Quote candidates: direct, mixed and reported speech, each with its cue and
//! the span of its speaker mention. Speakers are resolved to entities later
//! (see [`super::coref`]).
//!
//! The finder works on tokens, in three passes over the document:
//! 1. direct quotes: every quoted passage with an attribution next to it
//!    ("…," said X / X said: "…" / "A," he said, "B.");
//! 2. reported speech: every remaining cue with a subject ("X said (that)
//!    CLAUSE", "CLAUSE, X said", "according to X, CLAUSE", "X acknowledged
//!    these talks", "…, adding that CLAUSE");
//! 3. quoted passages still without a speaker: continuation of the previous
//!    speaker, mixed quotes inside reported speech, or dropped when they look
//!    like scare quotes, titles or nicknames.
//!
//! Modules: [`cues`] finds the reporting words, [`phrases`] the noun phrases
//! and subjects around them, [`direct`] the quotes with marks and an
//! attribution, [`reported`] speech without marks, [`nouns`] reporting nouns
//! and name-colon lines, [`leftover`] the passages nobody claimed; [`words`]
//! holds their word lists. They share one [`Finder`] over the analysed
//! document, whose `used` tokens keep a later pass from reusing an earlier
//! pass's cue or speaker.

use std::ops::Range;

use super::lexicon::{lexicon, CueFrame};
use super::rule::Rule;
use super::Analysis;
use crate::model::{Extraction, QuoteKind, Span};
use crate::text::TokenKind;

mod cues;
mod direct;
mod leftover;
mod nouns;
mod phrases;
mod reported;
mod words;

// Windows, in tokens unless said otherwise. News sentences rarely need more;
// a longer reach mostly finds a cue or a name that belongs to another clause.

/// Longest subject before a cue ("Senior Hamas official Dr. Basem Naim"); a
/// longer stretch is a clause of its own. Also how far after a quote the
/// words before a cue may run without a comma (an appositive needs one).
const SUBJECT_MAX_TOKENS: usize = 12;
/// Longest parenthetical stepped over before a cue ("(R-Ga.)", "(D-N.Y.)").
const PARENTHETICAL_MAX_TOKENS: usize = 12;
/// Longest speaker phrase after an inverted cue ("said Dr. Basem Naim, ...").
const SPEAKER_AFTER_CUE_MAX_TOKENS: usize = 10;
/// Longest source after "according to" that is not a name ("an analysis by ...").
const SOURCE_MAX_TOKENS: usize = 15;
/// How far back an appositive may reach for its subject ("X, 22, of Flint, Mich., said").
const APPOSITIVE_REACH: usize = 30;
/// How far back a relative pronoun may stand before the cue ("Officials who spoke with ... said").
const RELATIVE_CLAUSE_REACH: usize = 14;
/// How far after a closing mark the cue of "…," X said may stand.
const ATTRIBUTION_AFTER_REACH: usize = 24;
/// How far before an opening mark the cue of X said ... "…" may stand (a hearer or setting between).
const CUE_BEFORE_QUOTE_REACH: usize = 14;
/// Most tokens of narration between a quote and a passage that continues it.
const CONTINUATION_MAX_GAP: usize = 40;
/// How far after a cue "that" may open its content ("told reporters on Monday that").
const THAT_REACH: usize = 8;
/// Fewest words of a passage that continues the previous speaker without an attribution (shorter: a scare quote).
const CONTINUATION_MIN_WORDS: usize = 4;
/// Fewest words of a quoted passage kept without any speaker (shorter: a title, nickname or scare quote).
const UNATTRIBUTED_MIN_WORDS: usize = 6;

/// A quote before its speaker is resolved to an entity.
#[derive(Clone, Debug)]
pub struct Candidate {
    pub kind: QuoteKind,
    pub content: Span,
    pub fragments: Vec<Span>,
    pub speaker: Option<Span>,
    /// Speaker carried over from an earlier candidate (index into the list).
    pub carried_from: Option<usize>,
    pub cue: Option<Span>,
    pub confidence: f32,
    pub rule: Rule,
    pub trail: Vec<String>,
}

/// A reporting word or phrase found in a sentence.
#[derive(Clone, Debug)]
struct Cue {
    /// Token range of the verb or phrase itself ("said", "according to").
    tokens: Range<usize>,
    /// Auxiliaries in front that belong to the cue span ("has" in "has said").
    aux_start: usize,
    frame: CueFrame,
    lemma: &'static str,
    according_to: bool,
    sentence: usize,
}

struct Finder<'a, 'b> {
    a: &'b Analysis<'a>,
    /// Cues per sentence, in token order.
    cues: Vec<Cue>,
    /// Token -> index of the cue starting there (at its verb or its auxiliary).
    cue_index: Vec<u32>,
    /// Tokens already used by an attribution (cue or speaker).
    used: Vec<bool>,
    out: Vec<Candidate>,
}

/// Finds quote candidates in an analysed document.
pub fn find(a: &Analysis, _x: &Extraction) -> Vec<Candidate> {
    let mut f = Finder { a, cues: Vec::new(), cue_index: Vec::new(), used: vec![false; a.tokens.len()], out: Vec::new() };
    f.find_cues();
    f.index_cues();
    let direct_done = f.direct_quotes();
    f.reported_speech();
    f.colon_attributions();
    f.noun_attributions();
    f.leftover_quotes(&direct_done);
    let out = f.out;
    // Sort by content start and keep `carried_from` indices valid.
    let mut order: Vec<usize> = (0..out.len()).collect();
    order.sort_by_key(|&i| (out[i].content.start, out[i].content.end));
    let mut new_index = vec![0; out.len()];
    for (new, &old) in order.iter().enumerate() {
        new_index[old] = new;
    }
    // Moved, not cloned: each index is taken once.
    let mut slots: Vec<Option<Candidate>> = out.into_iter().map(Some).collect();
    let mut sorted: Vec<Candidate> = order.iter().filter_map(|&i| slots[i].take()).collect();
    for c in &mut sorted {
        c.carried_from = c.carried_from.map(|i| new_index[i]);
    }
    sorted
}

impl<'a> Finder<'a, '_> {
    fn tok(&self, i: usize) -> &'a str {
        self.a.tok(i)
    }

    fn is_word(&self, i: usize) -> bool {
        self.a.tokens[i].kind != TokenKind::Punct
    }

    fn is_cap(&self, i: usize) -> bool {
        self.a.caps[i]
    }

    fn span(&self, r: Range<usize>) -> Span {
        Span::new(self.a.tokens[r.start].span.start(), self.a.tokens[r.end - 1].span.end())
    }

    fn sentence_tokens(&self, s: usize) -> Range<usize> {
        self.a.sentences[s].tokens.clone()
    }
}

impl Analysis<'_> {
    /// Whether a lower-case word is a known cue form.
    pub fn lexicon_cue(&self, w: &str) -> bool {
        w.starts_with(|c: char| c.is_ascii_lowercase()) && lexicon().cue_forms.contains_key(w)
    }
}
