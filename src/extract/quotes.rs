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

use std::ops::Range;
use std::sync::OnceLock;

use rustc_hash::FxHashSet as HashSet;

use super::lexicon::{lexicon, with_ascii_lowercase, CueFrame};
use super::Analysis;
use crate::model::{Extraction, QuoteKind, Span};
use crate::text::{MarkStyle, Quoted, TokenKind};

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
    pub rule: &'static str,
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

/// Prepositions whose object cannot be the subject of the cue after it.
const PREPOSITIONS: &[&str] = &[
    "to", "by", "in", "on", "into", "about", "during", "under", "over", "against", "through", "without", "within", "like",
    "unlike", "per", "via", "upon", "toward", "towards", "among", "between", "above", "below", "around",
];
/// Finite auxiliaries and copulas, a cheap sign of a clause.
const FINITE_AUX: &[&str] = &[
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "should", "may", "might", "must", "do",
    "does", "did",
];
/// Words that open an embedded question.
const WH_WORDS: &[&str] = &["whether", "why", "how", "who", "whom", "what", "when", "where", "which", "if"];
/// Words that open an introductory phrase rather than a clause.
static INTRO_WORDS: WordList = WordList::new(&[
    "in",
    "at",
    "on",
    "after",
    "before",
    "when",
    "while",
    "during",
    "despite",
    "as",
    "following",
    "speaking",
    "asked",
    "since",
    "for",
    "with",
    "without",
    "by",
    "from",
    "under",
    "if",
    "although",
    "though",
    "because",
    "once",
    "later",
    "earlier",
    "meanwhile",
    "instead",
    "still",
    "but",
    "and",
    "yet",
    "however",
    "now",
    "then",
    "last",
    "this",
    "on",
    "according",
    "amid",
    "in",
    "to",
    "unlike",
    "like",
    "among",
    "over",
    "through",
    "responding",
    "writing",
    "addressing",
    "earlier",
    "separately",
    "also",
]);
const SUBORDINATORS: &[&str] = &[
    "when", "after", "before", "while", "if", "because", "since", "until", "although", "though", "once", "as", "unless",
    "whether", "where",
];
/// Words after which a cue form is not a finite reporting verb.
const NOT_A_CUE_AFTER: &[&str] = &[
    "to", "not", "n't", "never", "the", "a", "an", "could", "might", "may", "should", "must", "can", "his", "her", "their",
    "its", "our", "my", "your", "this", "that",
];
const AUX: &[&str] = &["has", "have", "had", "will", "would"];
static SKIPPABLE_ADVERBS: WordList = WordList::new(&[
    "also",
    "later",
    "previously",
    "recently",
    "then",
    "again",
    "repeatedly",
    "earlier",
    "reportedly",
    "publicly",
    "privately",
    "separately",
    "further",
    "often",
    "once",
    "still",
    "already",
    "always",
    "just",
    "now",
    "flatly",
    "simply",
    "openly",
    "explicitly",
    "allegedly",
    "first",
    "frequently",
    "subsequently",
    "initially",
    "similarly",
    "likewise",
    "additionally",
    "specifically",
    "quickly",
    "immediately",
    "directly",
    "bluntly",
    "candidly",
    "long",
    "all",
    "both",
    "each",
    "since",
    "however",
    "consistently",
    "forcefully",
    "strongly",
    "loudly",
    "angrily",
    "sharply",
    "firmly",
    "clearly",
    "never",
    "even",
    "eventually",
    "finally",
    "ultimately",
    "meanwhile",
    "too",
    "instead",
    "personally",
    "told",
    "has",
    "have",
    "had",
    "is",
    "was",
    "were",
    "are",
    "will",
    "would",
    "could",
    "should",
    "may",
    "might",
    "did",
    "does",
    "do",
    "can",
    "been",
    "be",
]);
static NP_STOP: WordList = WordList::new(&[
    "that", "which", "who", "whom", "whose", "when", "where", "while", "because", "if", "although", "though", "since", "but",
    "or", "so", "than", "then", "after", "before", "until", "unless", "whether", "is", "was", "are", "were", "be", "been",
    "being", "has", "have", "had", "will", "would", "could", "should", "can", "may", "might", "must", "do", "did", "does", "not",
    "to", "by", "in", "on", "into", "about", "as", "also", "it's", "there", "what", "how", "why", "said", "says", "say", "told",
    "added", "however", "yet", "even", "only", "just", "both", "either", "neither", "nor", "during", "under", "over", "against",
    "through", "without", "within", "since", "like", "unlike", "per", "via", "upon", "toward", "towards", "among", "between",
    "above", "below", "around",
]);
const NP_INNER_PREPS: &[&str] = &["of", "for", "from", "at", "with", "and"];
const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i", "you"];
static DETERMINERS: WordList = WordList::new(&[
    "the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "its", "our", "my", "your", "one", "another",
    "some", "many", "several", "two", "three", "other", "both", "each", "every", "no", "any",
]);
/// Verbs whose content follows an indirect object ("told reporters that ...").
const OBJECT_FIRST: &[&str] =
    &["tell", "inform", "assure", "warn", "advise", "brief", "remind", "promise", "ask", "urge", "caution"];
static TIME_WORDS: WordList = WordList::new(&[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "yesterday",
    "today",
    "tonight",
    "on",
    "last",
    "this",
    "week",
    "month",
    "year",
    "night",
    "morning",
    "afternoon",
    "evening",
    "earlier",
    "later",
    "late",
    "early",
    "recently",
    "previously",
    "again",
    "also",
    "then",
    "publicly",
    "privately",
    "repeatedly",
    "separately",
    "weekend",
]);
/// Common hearers after "told", "warned", ...
static HEARERS: WordList = WordList::new(&[
    "reporters",
    "journalists",
    "him",
    "her",
    "them",
    "us",
    "me",
    "lawmakers",
    "supporters",
    "audience",
    "crowd",
    "viewers",
    "listeners",
    "readers",
    "congress",
    "parliament",
]);
/// Prepositions that start an adjunct after an object ("acknowledged these talks in an interview").
static ADJUNCT_PREPS: WordList = WordList::new(&[
    "in",
    "during",
    "on",
    "at",
    "after",
    "before",
    "while",
    "when",
    "as",
    "since",
    "amid",
    "ahead",
    "last",
    "this",
    "earlier",
    "yesterday",
    "today",
    "because",
    "despite",
]);
const PUNCT_BEFORE_ATTRIBUTION: &[&str] = &[",", "!", "?", "\u{2014}", "\u{2013}", "\u{2015}", "-", "."];

fn lower_eq(word: &str, set: &[&str]) -> bool {
    set.iter().any(|s| s.eq_ignore_ascii_case(word))
}

/// A list of lower-case words, looked up like [`lower_eq`] (ASCII case
/// ignored) through a hash set built on first use: the longer lists are
/// checked at almost every token.
struct WordList {
    words: &'static [&'static str],
    set: OnceLock<HashSet<&'static str>>,
    /// Length of the longest word.
    max_len: usize,
}

impl WordList {
    const fn new(words: &'static [&'static str]) -> Self {
        let mut max_len = 0;
        let mut k = 0;
        while k < words.len() {
            if words[k].len() > max_len {
                max_len = words[k].len();
            }
            k += 1;
        }
        WordList { words, set: OnceLock::new(), max_len }
    }

    /// Same as `lower_eq(word, words)`.
    fn has(&self, word: &str) -> bool {
        if word.len() > self.max_len {
            return false;
        }
        let set = self.set.get_or_init(|| {
            debug_assert!(self.words.iter().all(|w| !w.bytes().any(|b| b.is_ascii_uppercase())));
            self.words.iter().copied().collect()
        });
        let mut buf = [0u8; 32];
        match buf.get_mut(..word.len()) {
            Some(lower) => {
                lower.copy_from_slice(word.as_bytes());
                // Folding ASCII letters keeps the bytes valid UTF-8.
                lower.make_ascii_lowercase();
                std::str::from_utf8(lower).is_ok_and(|l| set.contains(l))
            }
            None => lower_eq(word, self.words),
        }
    }
}

/// Whether `span` overlaps any of the sorted, mostly disjoint `spans`.
fn overlaps_any(spans: &[Span], span: Span) -> bool {
    let i = spans.partition_point(|s| s.end <= span.start);
    // Spans may nest; look a little further for one that starts before `span` ends.
    spans[i..].iter().take_while(|s| s.start < span.end).any(|s| s.overlaps(span))
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

impl<'a, 'b> Finder<'a, 'b> {
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

    /// Title-case paragraphs: most words capitalised.
    fn headline_paragraphs(&self) -> Vec<bool> {
        let mut words = vec![(0usize, 0usize); self.a.paragraphs.len()];
        for s in &self.a.sentences {
            for k in s.tokens.clone() {
                if self.a.tokens[k].kind == TokenKind::Word && self.tok(k).len() > 3 {
                    words[s.paragraph].0 += 1;
                    words[s.paragraph].1 += self.is_cap(k) as usize;
                }
            }
        }
        words.iter().map(|&(n, cap)| (3..=25).contains(&n) && cap * 10 >= n * 8).collect()
    }

    fn find_cues(&mut self) {
        let lex = lexicon();
        let headline = self.headline_paragraphs();
        self.find_dash_cues();
        for (si, s) in self.a.sentences.iter().enumerate() {
            let r = s.tokens.clone();
            let mut i = r.start;
            while i < r.end {
                let w = self.tok(i);
                // "according to X"
                if w.eq_ignore_ascii_case("according") && i + 1 < r.end && self.tok(i + 1) == "to" {
                    self.cues.push(Cue {
                        tokens: i..i + 2,
                        aux_start: i,
                        frame: CueFrame::Clause,
                        lemma: "according to",
                        according_to: true,
                        sentence: si,
                    });
                    i += 2;
                    continue;
                }
                // Headlines capitalise their verbs ("Obama Says Museum Will ...").
                if headline[s.paragraph] && i > r.start && w.starts_with(|c: char| c.is_ascii_uppercase()) {
                    let lower = w.to_ascii_lowercase();
                    if let Some(v) = lex.cue_forms.get(&lower).filter(|v| lower != v.lemma) {
                        self.push_cue(i, i + 1, v.frame, v.lemma, si);
                    }
                    i += 1;
                    continue;
                }
                if !w.starts_with(|c: char| c.is_ascii_lowercase()) {
                    i += 1;
                    continue;
                }
                // Two-word cues first ("pointed out").
                if i + 1 < r.end && super::lexicon::PARTICLES.contains(&self.tok(i + 1)) && lex.phrasal_heads.contains(w) {
                    let two = format!("{w} {}", self.tok(i + 1));
                    if let Some(v) = lex.cue_forms.get(&two) {
                        self.push_cue(i, i + 2, v.frame, v.lemma, si);
                        i += 2;
                        continue;
                    }
                }
                if let Some(v) = lex.cue(w) {
                    let prev = (i > r.start).then(|| self.tok(i - 1));
                    // Modals are lower case ("Theresa May said" is a cue); determiners may open a sentence.
                    let infinitive_or_negated = prev.is_some_and(|p| {
                        NOT_A_CUE_AFTER.contains(&p)
                            || (p.starts_with(char::is_uppercase)
                                && lower_eq(
                                    p,
                                    &["the", "a", "an", "his", "her", "their", "its", "this", "these", "those", "our", "my"],
                                ))
                    }) || (i > r.start
                        && self.a.tokens[i - 1].kind == TokenKind::Number
                        && w != v.lemma
                        && !w.ends_with('s'));
                    // "went on to say that ...", "wrote to say: “…”": an infinitive that reports.
                    let reporting_infinitive = prev == Some("to")
                        && self.a.tokens.get(i + 1).is_some_and(|t| {
                            let n = t.span.slice(self.a.text);
                            n == "that" || n == ":" || n == "," || n.starts_with(['\u{201c}', '"'])
                        });
                    let infinitive_or_negated = infinitive_or_negated && !reporting_infinitive;
                    // A bare base form is often a noun ("the current state of").
                    let base_form_ok = w != v.lemma
                        || prev.is_some_and(|p| {
                            !p.starts_with(|c: char| c.is_lowercase())
                                || lower_eq(
                                    p,
                                    &[
                                        "i",
                                        "we",
                                        "they",
                                        "you",
                                        "also",
                                        "often",
                                        "still",
                                        "now",
                                        "and",
                                        "generally",
                                        "who",
                                        "him",
                                        "them",
                                        "us",
                                        "me",
                                        "all",
                                        "both",
                                        "that",
                                    ],
                                )
                                || (p.len() > 3 && p.ends_with('s') && !p.ends_with("ss"))
                                || p.ends_with("ly")
                                || lexicon().speaker_nouns.contains(p)
                        });
                    let is_noun_use = w == "report"
                        || w == "comment"
                        || w == "statement"
                        || w == "attack"
                        || self.looks_like_noun_or_passive(i, r.start, w, v.lemma);
                    if !infinitive_or_negated && !is_noun_use && base_form_ok {
                        self.push_cue(i, i + 1, v.frame, v.lemma, si);
                    }
                }
                i += 1;
            }
        }
    }

    /// Cue forms that are nouns here ("coal states", "Editor's note", "for
    /// admitting") or passives ("was also found").
    fn looks_like_noun_or_passive(&self, i: usize, first: usize, w: &str, lemma: &str) -> bool {
        let mut p = i;
        while p > first
            && lower_eq(
                self.tok(p - 1),
                &["also", "not", "never", "later", "widely", "previously", "repeatedly", "often", "already", "reportedly"],
            )
        {
            p -= 1;
        }
        let prev = (p > first).then(|| self.tok(p - 1));
        let contracted_has = p >= first + 2 && lower_eq(self.tok(p - 2), &["who", "he", "she", "it", "that", "there", "what"]);
        if prev.is_some_and(|t| t == "'s" || t == "\u{2019}s") && !contracted_has {
            return true;
        }
        let be = ["was", "were", "is", "are", "be", "been", "being", "am", "'s"];
        if w.ends_with("ing") {
            // A participle after a comma or a form of "be"; otherwise a gerund or adjective.
            // "for admitting", "of saying": a gerund after a preposition.
            return prev.is_some_and(|t| ["for", "of", "in", "about", "on", "to", "from", "with", "the", "a", "an"].contains(&t));
        }
        let past = w != lemma && !w.ends_with('s');
        if past && prev.is_some_and(|t| be.contains(&t) || t == "get" || t == "got") {
            return true;
        }
        // "-s" forms that double as plural nouns need a singular subject right before them.
        const NOUN_LIKE: &[&str] = &[
            "states",
            "notes",
            "comments",
            "reports",
            "claims",
            "calls",
            "answers",
            "questions",
            "posts",
            "shows",
            "finds",
            "tweets",
            "cites",
            "counters",
            "demands",
            "promises",
            "pledges",
            "vows",
            "estimates",
            "predictions",
            "remarks",
            "attacks",
            "supports",
            "disputes",
            "rejects",
            "signals",
            "hints",
            "reveals",
            "concerns",
            "responds",
        ];
        if NOUN_LIKE.contains(&w) {
            let Some(t) = prev else { return true };
            let subject_like = self.is_cap(p - 1)
                || lower_eq(t, &["he", "she", "it", "who", "that", "which", "also"])
                || with_ascii_lowercase(t, |l| lexicon().speaker_nouns.contains(l));
            // "coal states were", "Bill Clinton's comments and video": a noun when a verb,
            // conjunction or preposition follows.
            let next = self.a.tokens.get(i + 1).map(|t| t.span.slice(self.a.text)).unwrap_or(".");
            // "Southern states that will hold ...": a relative clause after a noun.
            let relative =
                next == "that" && self.a.tokens.get(i + 2).is_some_and(|t| lower_eq(t.span.slice(self.a.text), FINITE_AUX));
            let noun_follows = relative
                || lower_eq(
                    next,
                    &[
                        "were", "are", "have", "had", "and", "of", "in", "on", "to", "from", "for", ",", ".", "is", "was",
                        "will", "would", "about",
                    ],
                )
                || next.ends_with("ing");
            return !subject_like || noun_follows;
        }
        false
    }

    /// "“…” ― Sonya Herridge": a dash after a closing mark, then a name that
    /// ends the paragraph, attributes the quote before it.
    fn find_dash_cues(&mut self) {
        for (si, s) in self.a.sentences.iter().enumerate() {
            for i in s.tokens.clone() {
                if !matches!(self.tok(i), "\u{2015}" | "\u{2014}" | "\u{2013}") {
                    continue;
                }
                let before = self.a.text[..self.a.tokens[i].span.start()].trim_end();
                if !before.ends_with(['\u{201d}', '"', '\u{bb}']) {
                    continue;
                }
                let para_end = self.a.token_at_or_after(self.a.paragraphs[s.paragraph].end());
                let name = i + 1..para_end;
                let words = name.clone().filter(|&k| self.is_word(k)).count();
                let all_name = name.clone().all(|k| self.is_cap(k) || matches!(self.tok(k), "." | "," | "-"));
                if (1..=6).contains(&words) && all_name && self.is_cap(i + 1) {
                    self.cues.push(Cue {
                        tokens: i..i + 1,
                        aux_start: i,
                        frame: CueFrame::Clause,
                        lemma: "dash",
                        according_to: false,
                        sentence: si,
                    });
                }
            }
        }
    }

    fn push_cue(&mut self, start: usize, end: usize, frame: CueFrame, lemma: &'static str, sentence: usize) {
        // A cue inside a quoted statement belongs to the quoted speaker's words.
        let pos = self.a.tokens[start].span;
        let inside_quote = self.a.quoted_near(pos).iter().any(|q| {
            !q.nested
                && q.style == MarkStyle::Double
                && q.content.contains(pos)
                && q.content.slice(self.a.text).split_whitespace().count() >= 4
        });
        if inside_quote {
            return;
        }
        let first = self.a.sentences[sentence].tokens.start;
        let mut aux_start = start;
        if aux_start > first && lower_eq(self.tok(aux_start - 1), AUX) {
            aux_start -= 1;
        } else if aux_start > first + 1
            && lower_eq(self.tok(aux_start - 2), AUX)
            && SKIPPABLE_ADVERBS.has(self.tok(aux_start - 1))
        {
            // "has long said"
            aux_start -= 2;
        }
        self.cues.push(Cue { tokens: start..end, aux_start, frame, lemma, according_to: false, sentence });
    }

    fn index_cues(&mut self) {
        self.cue_index = vec![u32::MAX; self.a.tokens.len()];
        for (ci, c) in self.cues.iter().enumerate() {
            for t in [c.tokens.start, c.aux_start] {
                if self.cue_index[t] == u32::MAX {
                    self.cue_index[t] = ci as u32;
                }
            }
        }
    }

    fn cue_at(&self, tok: usize) -> Option<usize> {
        self.cue_index.get(tok).filter(|&&c| c != u32::MAX).map(|&c| c as usize)
    }

    fn cue_span(&self, c: &Cue) -> Span {
        self.span(c.aux_start..c.tokens.end)
    }

    // ----------------------------------------------------------- noun phrases

    /// The noun phrase ending just before token `end`, within `floor..end`,
    /// skipping adverbs and auxiliaries next to the verb. Returns the phrase
    /// and the speaker mention inside it.
    fn left_np(&self, end: usize, floor: usize) -> Option<(Range<usize>, Span)> {
        let mut j = end;
        while j > floor && SKIPPABLE_ADVERBS.has(self.tok(j - 1)) && !self.is_cap(j - 1) {
            j -= 1;
        }
        // "I laughed and said": a coordinated verb; its subject is the sentence's.
        if j > floor && lower_eq(self.tok(j - 1), &["and", "but"]) {
            return None;
        }
        // "Sen. David Perdue (R-Ga.) said": step over a parenthetical.
        if j > floor && self.tok(j - 1) == ")" {
            let open = (floor..j - 1).rev().take(12).find(|&k| self.tok(k) == "(")?;
            j = open;
        }
        // "McConnell, who in 2010 said": the relative pronoun is the mention.
        if j > floor && self.tok(j - 1) == "who" {
            return Some((j - 1..j, self.span(j - 1..j)));
        }
        let np_end = j;
        let mut k = j;
        while k > floor && np_end - k < 12 {
            let i = k - 1;
            let w = self.tok(i);
            let t = self.a.tokens[i];
            if t.kind == TokenKind::Punct {
                if w == "&" || w == "-" {
                    k -= 1;
                    continue;
                }
                break;
            }
            if w.starts_with(['\'', '\u{2019}']) {
                k -= 1;
                continue;
            }
            if !self.is_cap(i) && NP_STOP.has(w) {
                // "Officials in Washington said": a prepositional phrase inside the subject.
                if lower_eq(w, PREPOSITIONS) && k < np_end && i > floor && self.is_word(i - 1) && !NP_STOP.has(self.tok(i - 1)) {
                    k -= 1;
                    continue;
                }
                break;
            }
            if !self.is_cap(i) && lower_eq(w, PRONOUNS) {
                // A pronoun starts (and is) the subject.
                if k == np_end {
                    k -= 1;
                }
                break;
            }
            if self.is_cap(i) && lower_eq(w, PRONOUNS) && w != "I" {
                if k == np_end {
                    k -= 1;
                }
                break;
            }
            // A cue word ends the subject, unless it is a noun inside it ("Cruz's thinking").
            let inside_np = i > floor && (matches!(self.tok(i - 1), "'s" | "\u{2019}s") || DETERMINERS.has(self.tok(i - 1)));
            if self.a.lexicon_cue(w) && !self.is_cap(i) && !inside_np {
                break;
            }
            k -= 1;
        }
        // Never start on a preposition or conjunction.
        while k < np_end && !self.is_cap(k) && lower_eq(self.tok(k), NP_INNER_PREPS) {
            k += 1;
        }
        if k >= np_end {
            return None;
        }
        let mention = self.mention_in(k..np_end)?;
        Some((k..np_end, mention))
    }

    /// The speaker mention inside a noun phrase: a name at its end (with its
    /// title), a pronoun, or the whole phrase when its head is a plausible
    /// speaker noun.
    fn mention_in(&self, np: Range<usize>) -> Option<Span> {
        let last = np.end - 1;
        let head = self.tok(last);
        if np.len() == 1 && lower_eq(head, PRONOUNS) {
            return Some(self.span(np));
        }
        let lex = lexicon();
        // A quantity as subject: "63 percent said", "4 in 10 said".
        if self.a.tokens[np.start].kind == TokenKind::Number {
            return Some(self.span(np));
        }
        if self.is_cap(last) {
            // Capitalised run at the end, with titles and initials.
            let mut s = last;
            while s > np.start
                && (self.is_cap(s - 1)
                    || self.tok(s - 1) == "&"
                    || (self.tok(s - 1) == "of" && s - 1 > np.start && self.is_cap(s - 2)))
            {
                s -= 1;
            }
            // Keep a leading determiner of an institution ("the White House").
            if s > np.start && self.tok(s - 1).eq_ignore_ascii_case("the") {
                s -= 1;
            }
            // "Officials at the Homeland Security Department": the name is inside
            // a prepositional phrase, the head comes before it.
            if s > np.start + 1
                && (lower_eq(self.tok(s - 1), NP_INNER_PREPS) || lower_eq(self.tok(s - 1), PREPOSITIONS))
                && !self.is_cap(s - 1)
            {
                // The head before the preposition must be able to speak ("The conflict in Gaza" cannot).
                let head = self.tok(s - 2).to_ascii_lowercase();
                let speaks = self.is_cap(s - 2)
                    || lex.speaker_nouns.contains(head.as_str())
                    || (head.len() > 3 && head.ends_with('s') && !head.ends_with("ss"));
                return speaks.then(|| self.span(np));
            }
            while s < last && lex.stop_capitalized.contains(self.tok(s)) && !self.tok(s).eq_ignore_ascii_case("the") {
                s += 1;
            }
            // A generic leading word ("Senior Hamas official ..." keeps the name at the end).
            return Some(self.span(s..np.end));
        }
        let lower_head = head.to_ascii_lowercase();
        let plausible = lex.speaker_nouns.contains(lower_head.as_str())
            || self.a.tokens[np.start].kind == TokenKind::Number
            || (lower_head.len() > 3 && lower_head.ends_with('s') && !lower_head.ends_with("ss"))
            || (np.len() >= 2 && DETERMINERS.has(self.tok(np.start)))
            || np.clone().any(|i| self.is_cap(i));
        if !plausible {
            return None;
        }
        // Drop leading tokens that are plainly not part of the subject.
        let mut s = np.start;
        while s < last && lower_eq(self.tok(s), &["and", "but", "so"]) {
            s += 1;
        }
        Some(self.span(s..np.end))
    }

    /// The noun phrase starting at token `start` (speaker after an inverted
    /// cue: "said Dr. Basem Naim, senior Hamas official").
    fn right_np(&self, start: usize, limit: usize) -> Option<(Range<usize>, Span)> {
        if start >= limit {
            return None;
        }
        let w = self.tok(start);
        if lower_eq(w, PRONOUNS) {
            return Some((start..start + 1, self.span(start..start + 1)));
        }
        if !self.is_cap(start) && (lower_eq(w, NP_INNER_PREPS) || NP_STOP.has(w) || ADJUNCT_PREPS.has(w)) {
            return None;
        }
        let mut e = start;
        let det = DETERMINERS.has(w);
        if det {
            e += 1;
        }
        // A lower-case role before a name ("said engineer Paul Hart") or a
        // bare speaker noun ("according to police").
        let role_lead = !det && !self.is_cap(start) && {
            let next_cap = (start + 1..(start + 4).min(limit)).take_while(|&k| self.is_word(k)).any(|k| self.is_cap(k));
            next_cap || with_ascii_lowercase(w, |l| lexicon().speaker_nouns.contains(l))
        };
        while e < limit && e - start < 10 {
            let t = self.tok(e);
            if self.a.tokens[e].kind == TokenKind::Punct && t != "&" && t != "-" {
                break;
            }
            if t.starts_with(['\'', '\u{2019}']) {
                e += 1;
                continue;
            }
            if self.is_cap(e) || self.a.tokens[e].kind == TokenKind::Number {
                e += 1;
                continue;
            }
            if (det || role_lead || e > start)
                && !NP_STOP.has(t)
                && !ADJUNCT_PREPS.has(t)
                && !lower_eq(t, PRONOUNS)
                && !self.a.lexicon_cue(t)
            {
                // Lower-case words continue a nominal ("the company's spokesman"),
                // and "of"/"for" join ("a spokesman for the ministry").
                if lower_eq(t, NP_INNER_PREPS) && !(e + 1 < limit && (self.is_cap(e + 1) || DETERMINERS.has(self.tok(e + 1)))) {
                    break;
                }
                e += 1;
                continue;
            }
            break;
        }
        // Trim trailing joiners.
        while e > start && lower_eq(self.tok(e - 1), NP_INNER_PREPS) {
            e -= 1;
        }
        if e <= start || (det && e == start + 1) {
            return None;
        }
        let np = start..e;
        let has_cap = np.clone().any(|i| self.is_cap(i));
        let head = self.tok(e - 1).to_ascii_lowercase();
        // "said the designer, who ...": a determiner and a noun that ends the clause.
        let ends_clause = e >= limit || matches!(self.tok(e), "," | "." | ";" | "!" | "?");
        if !(has_cap || lexicon().speaker_nouns.contains(head.as_str()) || (det && ends_clause)) {
            return None;
        }
        // The mention: the name part when there is one.
        let mention = if has_cap && !det && !role_lead {
            self.span(np.clone())
        } else {
            self.mention_in(np.clone()).unwrap_or_else(|| self.span(np.clone()))
        };
        Some((np, mention))
    }

    // ---------------------------------------------------------- direct quotes

    /// Attribution right after a quote: "…," said X / "…," X said / "…" — X said.
    /// Returns (speaker np, mention, cue index, end token of the attribution).
    fn attribution_after(&self, q: &Quoted, limit: usize) -> Option<(Range<usize>, Span, usize, usize)> {
        let mut i = self.a.token_at_or_after(q.outer().end());
        // "“…” ― Name" may stand in a sentence of its own.
        let mut limit = limit;
        if let Some(ci) = self.cue_at(i).filter(|&c| self.cues[c].lemma == "dash") {
            let para = self.a.sentences[self.cues[ci].sentence].paragraph;
            limit = limit.max(self.a.token_at_or_after(self.a.paragraphs[para].end()));
            let mut e = limit;
            while e > i + 1 && matches!(self.tok(e - 1), "." | ",") {
                e -= 1;
            }
            let np = i + 1..e;
            return Some((np.clone(), self.span(np), ci, limit));
        }
        // "…," he said / "…" — he said: a quote that runs straight into the next
        // words without punctuation is part of a sentence ("“unhinged” a tweet").
        let inner_punct =
            q.close.is_some_and(|c| self.a.text[..c.start()].ends_with([',', '.', '!', '?', '\u{2026}', '-', '\u{2014}']));
        let outer_punct = i < limit && lower_eq(self.tok(i), PUNCT_BEFORE_ATTRIBUTION);
        if !inner_punct && !outer_punct && !self.starts_statement(q) {
            return None;
        }
        while i < limit && lower_eq(self.tok(i), PUNCT_BEFORE_ATTRIBUTION) && self.tok(i) != "." {
            i += 1;
        }
        if i >= limit {
            return None;
        }
        // Inverted: said X
        if let Some(ci) = self.cue_at(i).filter(|&c| !self.cues[c].according_to) {
            let c = &self.cues[ci];
            if let Some((np, m)) = self.right_np(c.tokens.end, limit) {
                return Some((np.clone(), m, ci, np.end));
            }
            return None;
        }
        // According to X
        if let Some(ci) = self.cue_at(i).filter(|&c| self.cues[c].according_to) {
            let c = &self.cues[ci];
            let (np, m) = self.right_np(c.tokens.end, limit)?;
            return Some((np.clone(), m, ci, np.end));
        }
        // X said: scan right for a cue within a short noun phrase.
        let mut j = i;
        while j < limit && j - i < 24 {
            if let Some(ci) = self.cue_at(j).filter(|&c| !self.cues[c].according_to) {
                if j == i {
                    return None;
                }
                // "…," Mr. King, 82, told me / Rep. Jim Jordan (R-Ohio), a member, said:
                // the name before an appositive or a parenthetical.
                let name_end = (i..j).find(|&k| matches!(self.tok(k), "," | "("));
                if let Some(comma) = name_end {
                    let np = i..comma;
                    if np.is_empty() || !np.clone().any(|k| self.is_cap(k)) {
                        return None;
                    }
                    let m = self.mention_in(np.clone())?;
                    return Some((np, m, ci, self.cues[ci].tokens.end));
                }
                let (np, m) = self.left_np(j, i)?;
                if np.start != i {
                    return None;
                }
                return Some((np, m, ci, self.cues[ci].tokens.end));
            }
            let t = self.tok(j);
            if self.a.tokens[j].kind == TokenKind::Punct && !matches!(t, "," | "&" | "-" | "(" | ")" | "." | "'" | "\u{2019}") {
                return None;
            }
            // Past a dozen words only an appositive can still lead to the cue.
            if j - i >= 12 && !(i..j).any(|k| self.tok(k) == ",") {
                return None;
            }
            j += 1;
        }
        None
    }

    /// Attribution before a quote: X said: "…" / X told reporters, "…" /
    /// X said flatly: "…" / X said in an op-ed last year, "…" / According to X, "…".
    fn attribution_before(&self, q: &Quoted, floor: usize) -> Option<(Range<usize>, Span, usize)> {
        let open_tok = self.a.token_at_or_after(q.open.start());
        let mut j = open_tok;
        while j > floor && matches!(self.tok(j - 1), ":" | "," | "\u{2014}" | "\u{2013}" | "-") {
            j -= 1;
        }
        let punctuated = open_tok > j;
        let text = q.content.slice(self.a.text);
        let words = text.split_whitespace().count();
        // Without a comma or colon, a short or title-like passage is a name, not a
        // statement: "what lawmakers called “fraud”", "talking about “Collapse: How …”".
        let title_like =
            text.split_whitespace().filter(|w| w.starts_with(char::is_uppercase)).count() * 3 > words * 2 && words > 1;
        if !punctuated && (words <= 3 || title_like) {
            return None;
        }
        if j > floor && self.tok(j - 1) == "that" {
            // "said that “…”" reports the quote only when it ends the sentence;
            // otherwise the quote is part of a reported clause (a mixed quote).
            let end = self.sentence_end_tok(*q);
            let after = self.a.token_at_or_after(q.outer().end());
            if (after..end).any(|k| self.is_word(k)) {
                return None;
            }
            j -= 1;
        }
        // The cue may be followed by a hearer, an adverb or a setting.
        for back in 0..14 {
            if j < floor + 1 + back {
                break;
            }
            let ci_tok = j - 1 - back;
            if let Some(ci) = self.cue_at(ci_tok).filter(|&c| self.cues[c].tokens.start == ci_tok) {
                let c = &self.cues[ci];
                if c.according_to {
                    let (np, m) = self.right_np(c.tokens.end, j)?;
                    return Some((np, m, ci));
                }
                // Anything between the cue and the quote ends with a comma or colon.
                if !(c.tokens.end == j || punctuated) || !self.only_hearer_or_setting(c, c.tokens.end..j) {
                    return None;
                }
                // "what it calls “…”": a name for something, not a statement.
                let np_start =
                    (floor..c.aux_start).rev().take_while(|&k| self.is_word(k) && !lower_eq(self.tok(k), &["what"])).last();
                let what_before = np_start.map_or(c.aux_start, |k| k) > floor
                    && lower_eq(self.tok(np_start.map_or(c.aux_start, |k| k) - 1), &["what"]);
                if what_before && !punctuated {
                    return None;
                }
                let participle = self.tok(c.tokens.start).ends_with("ing");
                let (np, m) = self
                    .left_np(c.aux_start, floor)
                    .or_else(|| {
                        // "footage of Hillary Clinton asking, “…”": the name right before a participle.
                        let mut s = c.aux_start;
                        while participle && s > floor && self.is_cap(s - 1) {
                            s -= 1;
                        }
                        (s < c.aux_start).then(|| (s..c.aux_start, self.span(s..c.aux_start)))
                    })
                    .or_else(|| {
                        // "... and repeatedly says, “…”", "... before asking her, “…”": the subject of the sentence.
                        let before = (floor..c.aux_start).rev().find(|&k| !SKIPPABLE_ADVERBS.has(self.tok(k)))?;
                        (matches!(self.tok(before), "and" | "but") || participle).then_some(())?;
                        let m = self.sentence_subject(c.sentence, c.aux_start)?;
                        Some((c.aux_start..c.aux_start, m))
                    })?;
                return Some((np, m, ci));
            }
            if !self.is_word(ci_tok) && !matches!(self.tok(ci_tok), "," | "'s" | "\u{2019}s") {
                break;
            }
        }
        None
    }

    /// Only a hearer, an adverb or a setting may stand between a cue and its
    /// quote ("told reporters", "said flatly", "said in an op-ed last year,");
    /// anything else makes it a mixed quote ("says Trump's “…”", "praised her “…”").
    fn only_hearer_or_setting(&self, c: &Cue, between: Range<usize>) -> bool {
        if between.is_empty() {
            return true;
        }
        let first = self.tok(between.start);
        // A prepositional setting: "in an op-ed piece before a 2014 hearing".
        if lower_eq(first, &["in", "at", "during", "on", "before", "after", "via", "while", "from", "to", "of"]) {
            return between.clone().all(|k| {
                (self.is_word(k) && !lower_eq(self.tok(k), &["that", "which", "who"]))
                    || matches!(self.tok(k), "," | "-" | "'s" | "\u{2019}s")
            });
        }
        let hearer = lower_eq(c.lemma, OBJECT_FIRST);
        between.clone().all(|k| {
            let w = self.tok(k);
            (self.is_word(k) || w == ",")
                && (w == ","
                    || TIME_WORDS.has(w)
                    || SKIPPABLE_ADVERBS.has(w)
                    || lower_eq(w, &["however", "back", "simply", "bluntly", "flatly"])
                    || (w.ends_with("ly") && !self.is_cap(k))
                    || (hearer && (self.is_cap(k) || DETERMINERS.has(w) || HEARERS.has(w))))
        })
    }

    /// Handles quoted passages that have an attribution next to them.
    /// Returns, per quoted passage, whether it was used.
    fn direct_quotes(&mut self) -> Vec<bool> {
        let quoted: Vec<Quoted> = self.a.quoted.clone();
        let mut done = vec![false; quoted.len()];
        let top: Vec<usize> = (0..quoted.len()).filter(|&i| !quoted[i].nested).collect();
        for (pos, &qi) in top.iter().enumerate() {
            if done[qi] {
                continue;
            }
            let q = quoted[qi];
            let para = self.a.sentences[self.a.sentence_at(q.open.start()).unwrap_or(0)].paragraph;
            let para_span = self.a.paragraphs[para];
            let next_open = top.get(pos + 1).map(|&n| quoted[n]).filter(|n| para_span.contains(n.open));
            let prev_close = pos.checked_sub(1).map(|p| quoted[top[p]]).filter(|p| para_span.contains(p.outer()));
            // Right context: to the end of the sentence holding the closing mark, or the next quote.
            let end_pos = q.outer().end();
            let sent_end =
                self.a.sentence_at(end_pos.saturating_sub(1)).map_or(self.a.tokens.len(), |s| self.a.sentences[s].tokens.end);
            let mut limit = sent_end;
            if let Some(n) = next_open {
                limit = limit.min(self.a.token_at_or_after(n.open.start()));
            }
            let close_para = self.a.sentence_at(end_pos.saturating_sub(1)).map_or(para, |s| self.a.sentences[s].paragraph);
            let para_end_tok = self.a.token_at_or_after(self.a.paragraphs[close_para].end());
            limit = limit.min(para_end_tok).max(self.a.token_at_or_after(end_pos));
            let sent_start = self.a.sentence_at(q.open.start()).map_or(0, |s| self.a.sentences[s].tokens.start);
            let mut floor = sent_start;
            if let Some(p) = prev_close {
                floor = floor.max(self.a.token_at_or_after(p.outer().end()));
            }
            let mut trail = vec![format!("quoted passage {}..{} ({:?} marks)", q.content.start, q.content.end, q.style)];
            // A quote inside a sentence takes the cue before it first ("he warned, “…,” Trump told NBC").
            let after = || self.attribution_after(&q, limit).map(|(np, m, ci, e)| (np, m, ci, Some(e), "after"));
            let before = || self.attribution_before(&q, floor).map(|(np, m, ci)| (np, m, ci, None, "before"));
            let found = after().or_else(before);
            let Some((np, mention, ci, after_end, side)) = found else { continue };
            // "“This Week,” Rubio said that ..." / "On “Face the Nation,” Ryan said the
            // spate ...": the cue introduces a clause of its own.
            if side == "after" && np.start > self.cues[ci].tokens.start {
                // inverted "said X": nothing to check
            } else if side == "after" && self.cues[ci].tokens.end < self.a.tokens.len() {
                let next = self.cues[ci].tokens.end;
                let n = self.tok(next);
                let hearer = lower_eq(self.cues[ci].lemma, OBJECT_FIRST);
                let clause_follows =
                    n == "that" || (!hearer && (DETERMINERS.has(n) || lower_eq(n, PRONOUNS)) && !TIME_WORDS.has(n));
                let same_sentence = self.a.sentence_at(self.a.tokens[next].span.start())
                    == self.a.sentence_at(self.a.tokens[self.cues[ci].tokens.start].span.start());
                if clause_follows && same_sentence {
                    continue;
                }
            }
            if q.style == MarkStyle::Single && q.content.slice(self.a.text).split_whitespace().count() < 2 {
                continue;
            }
            let cue = self.cues[ci].clone();
            for k in np.clone().chain(cue.aux_start..cue.tokens.end) {
                self.used[k] = true;
            }
            done[qi] = true;
            let mut fragments = Vec::new();
            let mut content = q.content;
            let mut rule = if side == "after" {
                if cue.tokens.start < np.start {
                    "direct:quote-cue-speaker"
                } else {
                    "direct:quote-speaker-cue"
                }
            } else if cue.according_to {
                "direct:according-to-quote"
            } else {
                "direct:speaker-cue-quote"
            };
            trail.push(format!(
                "{side}: cue {:?}, speaker {:?}",
                self.cue_span(&cue).slice(self.a.text),
                mention.slice(self.a.text)
            ));
            // A quote split around its cue: "A," he said, "B."
            if let (Some(e), Some(n)) = (after_end, next_open) {
                let mut k = e;
                while k < self.a.tokens.len() && matches!(self.tok(k), "," | ":" | "\u{2014}" | "\u{2013}") {
                    k += 1;
                }
                let n_tok = self.a.token_at_or_after(n.open.start());
                let ni = top[pos + 1];
                if k == n_tok
                    && k > e
                    && !n.nested
                    && self.attribution_after(&n, self.a.tokens.len().min(self.sentence_end_tok(n))).is_none()
                {
                    fragments = vec![q.content, n.content];
                    content = q.content.cover(n.content);
                    done[ni] = true;
                    rule = "direct:split-around-cue";
                    trail.push("continues after the cue: one quote in two fragments".into());
                }
            }
            // Further quoted passages of the same paragraph without an
            // attribution of their own continue this quote: "A," X said. "B."
            let mut last_end = after_end.unwrap_or_else(|| self.a.token_at_or_after(q.outer().end()));
            let mut last_q = if fragments.is_empty() { pos } else { pos + 1 };
            while let Some(&ni) = top.get(last_q + 1) {
                let n = quoted[ni];
                if done[ni] || !para_span.contains(n.open) || n.style != q.style {
                    break;
                }
                let n_tok = self.a.token_at_or_after(n.open.start());
                // A continuation is a statement of its own ("“A,” said X. “B.”") or
                // carries on the same clause ("..., X said, and still “B”"); a word
                // quoted inside a new subject's sentence is not ("Duda called it “crushing”").
                let new_subject = (last_end.min(n_tok)..n_tok).any(|k| {
                    let w = self.tok(k);
                    (self.is_cap(k) && !lower_eq(w, &["and", "but", "or", "so", "then", "still", "also"]))
                        || lower_eq(w, PRONOUNS)
                });
                if !self.starts_statement(&n) && new_subject {
                    break;
                }
                let gap = last_end.min(n_tok)..n_tok;
                // "according to CNN", ", who said he left ...": the same speaker's
                // attribution continues, no new speaker starts. (A participle such as
                // ", referring to ..." usually closes the quote in news copy.)
                let gap_has_cue = gap.clone().any(|k| {
                    self.cue_at(k).is_some_and(|ci| {
                        let c = &self.cues[ci];
                        let relative = c.aux_start > 0 && self.tok(c.aux_start - 1) == "who";
                        !(c.according_to || relative)
                    })
                });
                if gap.len() > 40 || gap_has_cue {
                    break;
                }
                let n_limit = self.sentence_end_tok(n).min(self.a.token_at_or_after(para_span.end()));
                if self.attribution_after(&n, n_limit).is_some() {
                    break;
                }
                if fragments.is_empty() {
                    fragments.push(q.content);
                }
                fragments.push(n.content);
                content = content.cover(n.content);
                done[ni] = true;
                trail.push(format!("the quoted passage at {} continues it", n.content.start));
                last_end = self.a.token_at_or_after(n.outer().end());
                last_q += 1;
            }
            let confidence = if lower_eq(mention.slice(self.a.text), PRONOUNS) { 0.85 } else { 0.93 };
            // "And the polling “felt like a push poll,” Heiserman said.": the words
            // before the quote belong to what is reported, which makes it mixed.
            let mut kind = QuoteKind::Direct;
            if side == "after" && fragments.is_empty() && !self.starts_statement(&q) {
                let si = self.a.sentence_at(q.open.start()).expect("quote is in a sentence");
                let mut first = self.a.sentences[si].tokens.start.max(floor);
                while first < self.a.tokens.len() && lower_eq(self.tok(first), &["and", "but", "so", "yet", "or"]) {
                    first += 1;
                }
                let lead = self.a.tokens[first].span.start();
                if lead < q.open.start() && !(first..self.a.token_at_or_after(q.open.start())).any(|k| self.used[k]) {
                    content = Span::new(lead, q.close.map_or(q.content.end(), |c| c.end()));
                    kind = QuoteKind::Mixed;
                    rule = "mixed:clause-quote-speaker-cue";
                    trail.push("the quote completes a clause that starts before it".into());
                }
            }
            self.out.push(Candidate {
                kind,
                content,
                fragments,
                speaker: Some(mention),
                carried_from: None,
                cue: Some(self.cue_span(&cue)),
                confidence,
                rule,
                trail,
            });
        }
        done
    }

    /// The quote opens its sentence or follows a colon or dash.
    fn starts_statement(&self, q: &Quoted) -> bool {
        let Some(si) = self.a.sentence_at(q.open.start()) else { return true };
        let before = self.a.text[self.a.sentences[si].span.start()..q.open.start()].trim_end();
        before.is_empty() || before.ends_with([':', '\u{2014}', '\u{2013}', '-']) || before.chars().all(|c| !c.is_alphanumeric())
    }

    fn sentence_end_tok(&self, q: Quoted) -> usize {
        self.a.sentence_at(q.outer().end().saturating_sub(1)).map_or(self.a.tokens.len(), |s| self.a.sentences[s].tokens.end)
    }

    // ---------------------------------------------------------- reported speech

    /// End of reported content starting at token `from` in sentence `s`:
    /// the sentence end, or where a new attribution starts (", adding ...").
    fn clause_end(&self, from: usize, s: usize) -> usize {
        let r = self.sentence_tokens(s);
        let mut k = from;
        while k < r.end {
            let w = self.tok(k);
            // A semicolon closes the clause.
            if w == ";" {
                return k;
            }
            if w == "," {
                // "..., but the NYPD overruled that request, the source added."
                let final_attribution = (k + 1..(k + 8).min(r.end)).any(|j| {
                    self.cue_at(j).is_some_and(|ci| {
                        let e = self.cues[ci].tokens.end;
                        e >= r.end || (e + 1 == r.end && matches!(self.tok(e), "." | "!" | "?"))
                    })
                });
                if final_attribution && k > from {
                    return k;
                }
                // "..., and more than 4 in 10 said ...": a new subject with its own cue.
                let mut j = k + 1;
                if j < r.end && lower_eq(self.tok(j), &["and", "but", "while", "whereas"]) {
                    j += 1;
                }
                let new_attribution = (j + 1..(j + 9).min(r.end)).any(|c| {
                    self.cue_at(c).is_some_and(|ci| {
                        let cue = &self.cues[ci];
                        !cue.according_to && self.left_np(cue.aux_start, j).is_some_and(|(np, _)| np.start == j)
                    })
                });
                if new_attribution && k > from {
                    return k;
                }
                if let Some(ci) = self.cue_at(k + 1) {
                    let c = &self.cues[ci];
                    if c.according_to || self.tok(c.tokens.start).ends_with("ing") {
                        return k;
                    }
                }
                if k + 2 < r.end && self.tok(k + 1) == "and" && self.cue_at(k + 2).is_some() {
                    return k;
                }
            }
            // "confirmed direct talks with the administration and are willing to ...":
            // after a verbless object, "and" + auxiliary starts the subject's next predicate.
            if k > from && w == "and" && k + 1 < r.end && lower_eq(self.tok(k + 1), FINITE_AUX) {
                let verbless = (from..k).all(|j| !lower_eq(self.tok(j), FINITE_AUX));
                if verbless {
                    return k;
                }
            }
            // "... but noted that ...", "... and said ...": a second attribution of the same subject.
            if k > from && (w == "and" || w == "but") && self.cue_at(k + 1).is_some_and(|ci| !self.cues[ci].according_to) {
                return k;
            }
            k += 1;
        }
        // Trim trailing sentence punctuation.
        let mut e = r.end;
        while e > from && matches!(self.tok(e - 1), "." | "!" | "?" | ";" | ":" | ",") {
            e -= 1;
        }
        e
    }

    /// End of a noun-phrase object ("these talks" in "acknowledged these talks in an interview").
    fn object_end(&self, from: usize, end: usize, lemma: &str) -> usize {
        // The complement that completes some cues: "described X as Y",
        // "accused X of Y", "blamed X on Y".
        let complement: &[&str] = match lemma {
            "describe" | "cite" | "call" | "dismiss" | "reject" | "praise" | "criticize" | "criticise" | "condemn" | "tout" => {
                &["as"]
            }
            "accuse" => &["of"],
            "blame" => &["on", "for"],
            _ => &[],
        };
        let mut k = from;
        while k < end {
            let w = self.tok(k);
            if matches!(w, "," | ";" | ":" | "(" | "\u{2014}") {
                break;
            }
            // An adjunct starts the rest of the sentence: "these talks in a recent interview",
            // but "bases in the alliance's member states" is still the object.
            let next = self.a.tokens.get(k + 1).map_or("", |t| t.span.slice(self.a.text));
            let adjunct = if lower_eq(w, &["in", "on", "at", "as"]) {
                lower_eq(next, &["a", "an", "his", "her", "their", "its", "this", "recent", "response"]) || TIME_WORDS.has(next)
            } else {
                ADJUNCT_PREPS.has(w)
            };
            if k > from && adjunct && !self.is_cap(k) && !complement.contains(&w) {
                break;
            }
            if w == "and"
                && k + 1 < end
                && lower_eq(
                    self.tok(k + 1),
                    &["is", "are", "was", "were", "has", "have", "had", "will", "would", "said", "says", "added"],
                )
            {
                break;
            }
            k += 1;
        }
        k
    }

    /// Content start after a cue: skips an indirect object, time adverbials
    /// and the complementiser "that".
    fn content_start(&self, cue: &Cue, np_after: Option<usize>, end: usize) -> (usize, bool) {
        let mut k = np_after.unwrap_or(cue.tokens.end);
        // "that" within a few tokens, with nothing but words between.
        for d in 0..8 {
            let t = k + d;
            if t >= end || !self.is_word(t) {
                break;
            }
            if self.tok(t) == "that" {
                return (t + 1, true);
            }
            // "asked whether ...": the question is the content, "whether" included.
            if d == 0 && lower_eq(self.tok(t), WH_WORDS) && !self.is_cap(t) {
                return (t, true);
            }
        }
        if lower_eq(cue.lemma, OBJECT_FIRST) {
            // Skip the hearer: "told reporters", "told the BBC", "told him".
            if k < end && DETERMINERS.has(self.tok(k)) {
                k += 1;
                // "the congregation", "the conservative": a lower-case hearer.
                while k < end
                    && self.is_word(k)
                    && !self.is_cap(k)
                    && !lower_eq(self.tok(k), WH_WORDS)
                    && !lower_eq(self.tok(k), &["that", "to"])
                    && k < cue.tokens.end + 4
                {
                    k += 1;
                }
            }
            while k < end
                && self.is_word(k)
                && (self.is_cap(k)
                    || k == cue.tokens.end
                    || lower_eq(self.tok(k), &["reporters", "journalists", "him", "her", "them", "us", "me", "lawmakers"]))
            {
                k += 1;
                if !self.is_cap(k.min(end - 1)) {
                    break;
                }
            }
        }
        while k < end && TIME_WORDS.has(self.tok(k)) {
            k += 1;
        }
        if k < end && self.tok(k) == "," {
            k += 1;
        }
        if k < end && self.tok(k) == "that" {
            return (k + 1, true);
        }
        // "asked the conservative who he thought would win", "asked the congregation to stand".
        if cue.lemma == "ask" && k < end && (lower_eq(self.tok(k), WH_WORDS) || self.tok(k) == "to") {
            return (k, true);
        }
        (k, false)
    }

    fn push_reported(
        &mut self,
        content: Range<usize>,
        speaker: Option<Span>,
        cue: &Cue,
        rule: &'static str,
        confidence: f32,
        trail: Vec<String>,
    ) {
        if content.start >= content.end {
            return;
        }
        let mut r = content;
        while r.start < r.end && matches!(self.tok(r.start), "," | ":" | "\u{2014}" | "\u{2013}") {
            r.start += 1;
        }
        while r.end > r.start && matches!(self.tok(r.end - 1), "," | ":" | ";" | "." | "\u{2014}" | "\u{2013}") {
            r.end -= 1;
        }
        if r.start >= r.end {
            return;
        }
        // A closing parenthesis without its opening one belongs to the sentence.
        if self.tok(r.end - 1) == ")" && !r.clone().any(|k| self.tok(k) == "(") {
            r.end -= 1;
        }
        let mut content = self.span(r.clone());
        // Never end inside a quoted passage: "want “justice for Terrence,” but ..."
        if let Some(q) = self.a.quoted_near(content).iter().find(|q| {
            !q.nested && q.content.start() < content.end() && content.end() < q.outer().end() && content.start() <= q.open.start()
        }) {
            content = Span::new(content.start(), q.outer().end());
        }
        // Needs at least one word that is not just a pronoun object.
        let words = r.clone().filter(|&k| self.is_word(k)).count();
        if words == 0 || (words == 1 && lower_eq(self.tok(r.start), &["it", "this", "that", "so", "them", "him", "her"])) {
            return;
        }
        let has_marks =
            self.a.quoted_near(content).iter().any(|q| !q.nested && q.style == MarkStyle::Double && content.overlaps(q.content));
        let kind = if has_marks { QuoteKind::Mixed } else { QuoteKind::Indirect };
        self.out.push(Candidate {
            kind,
            content,
            fragments: Vec::new(),
            speaker,
            carried_from: None,
            cue: Some(self.cue_span(cue)),
            confidence,
            rule,
            trail,
        });
    }

    fn reported_speech(&mut self) {
        let cues = self.cues.clone();
        // Reported content must not reach into a direct quote already taken.
        let mut taken: Vec<Span> = self.out.iter().filter(|c| c.kind != QuoteKind::Indirect).map(|c| c.content).collect();
        taken.sort();
        // The speaker of the latest attribution in the current sentence, for participles.
        let mut last_in_sentence: Option<(usize, Span)> = None;
        for cue in &cues {
            if self.used[cue.tokens.start] {
                if let Some(c) = self.out.last() {
                    if let Some(sp) = c.speaker {
                        last_in_sentence = Some((cue.sentence, sp));
                    }
                }
                continue;
            }
            let sr = self.sentence_tokens(cue.sentence);
            let cue_text = self.cue_span(cue).slice(self.a.text);
            let mut trail = vec![format!("cue {cue_text:?} ({:?})", cue.frame)];
            if cue.according_to {
                let Some((np, mention)) =
                    self.right_np(cue.tokens.end, sr.end).or_else(|| self.source_np(cue.tokens.end, sr.end))
                else {
                    continue;
                };
                trail.push(format!("source after 'according to': {:?}", mention.slice(self.a.text)));
                let before_start = sr.start;
                let content = if cue.tokens.start == sr.start || (cue.tokens.start == sr.start + 1 && !self.is_word(sr.start)) {
                    // According to X, CLAUSE.
                    let mut k = np.end;
                    while k < sr.end && self.tok(k) != "," {
                        k += 1;
                    }
                    (k + 1).min(sr.end)..self.clause_end((k + 1).min(sr.end), cue.sentence)
                } else {
                    // CLAUSE, according to X.
                    before_start..cue.tokens.start
                };
                let cspan = if content.start < content.end { self.span(content.clone()) } else { continue };
                if overlaps_any(&taken, cspan) {
                    continue;
                }
                self.push_reported(content, Some(mention), cue, "reported:according-to", 0.8, trail);
                last_in_sentence = Some((cue.sentence, mention));
                continue;
            }
            let verb = self.tok(cue.tokens.start);
            // "..., saying", "by saying, “…”", "before eventually saying ...": the subject is the sentence's.
            let participle = verb.ends_with("ing") && cue.tokens.start > sr.start && {
                let mut p = cue.aux_start;
                while p > sr.start && SKIPPABLE_ADVERBS.has(self.tok(p - 1)) {
                    p -= 1;
                }
                p > sr.start
                    && (self.tok(p - 1) == ","
                        || lower_eq(self.tok(p - 1), &["by", "before", "after", "while", "when", "without", "in"]))
            };
            // Subject to the left.
            let left = self.left_np(cue.aux_start, sr.start);
            // "when he wrote his book, X said ...": a cue inside a subordinate clause.
            let subordinate =
                left.as_ref().is_some_and(|(np, _)| np.start > sr.start && SUBORDINATORS.contains(&self.tok(np.start - 1)));
            // Inverted: ", said X." — the speaker ends the sentence or its clause.
            // "X, meanwhile, told Politico ...": a cue with a hearer is never inverted.
            let inverted_np = (cue.aux_start > sr.start
                && self.tok(cue.aux_start - 1) == ","
                && !participle
                && !lower_eq(cue.lemma, OBJECT_FIRST))
            .then(|| self.right_np(cue.tokens.end, sr.end))
            .flatten()
            .filter(|(np, _)| {
                np.end >= sr.end
                    || matches!(self.tok(np.end), "," | "." | ";" | "!" | "?")
                    || lower_eq(self.tok(np.end), &["in", "at", "with", "on", "from", "during", "who", "after", "before"])
            });
            let inverted = inverted_np.is_some();
            let (speaker, np_after, rule_base): (Option<Span>, Option<usize>, &'static str) = if participle {
                let sp = last_in_sentence
                    .filter(|(s, _)| *s == cue.sentence)
                    .map(|(_, m)| m)
                    .or_else(|| self.sentence_subject(cue.sentence, cue.aux_start));
                match sp {
                    Some(m) => (Some(m), None, "reported:participle"),
                    None => continue,
                }
            } else if let Some((np, m)) = inverted_np {
                (Some(m), Some(np.end), "reported:clause-comma-cue-speaker")
            } else if let Some((_, m)) = left.clone() {
                (Some(m), None, "reported:speaker-cue")
            } else if let Some(m) = self.appositive_subject(cue.aux_start, sr.start) {
                (Some(m), None, "reported:speaker-appositive-cue")
            } else if let Some(m) = self.relative_clause_subject(cue.aux_start, sr.start) {
                (Some(m), None, "reported:speaker-relative-cue")
            } else if let Some(m) = (cue.aux_start > sr.start && matches!(self.tok(cue.aux_start - 1), "and" | "but"))
                .then(|| self.sentence_subject(cue.sentence, cue.aux_start))
                .flatten()
            {
                (Some(m), None, "reported:subject-and-cue")
            } else if let Some(m) = (cue.aux_start > sr.start && self.tok(cue.aux_start - 1) == "to")
                .then(|| self.sentence_subject(cue.sentence, cue.aux_start))
                .flatten()
            {
                // "He went on to say that ...": the subject of the sentence.
                (Some(m), None, "reported:subject-to-cue")
            } else {
                continue;
            };
            let speaker_span = speaker.expect("speaker found above");
            trail.push(format!("speaker {:?} ({rule_base})", speaker_span.slice(self.a.text)));
            // Content to the right of the cue.
            let (start, has_that) = self.content_start(cue, np_after, sr.end);
            let right_end = self.clause_end(start, cue.sentence);
            let mut rule = rule_base;
            // "when he wrote his book, X said ...": a subordinate clause ends at its comma.
            // "As the Global Times noted in an op-ed, the candidate ...": the main clause is reported.
            let as_clause =
                left.as_ref().is_some_and(|(np, _)| np.start > sr.start && self.tok(np.start - 1).eq_ignore_ascii_case("as"));
            let (start, right_end) = if as_clause && !has_that {
                match (start..right_end).find(|&k| self.tok(k) == ",") {
                    Some(comma) => (comma + 1, self.clause_end(comma + 1, cue.sentence)),
                    None => (start, right_end),
                }
            } else if subordinate && !has_that {
                (start, (start..right_end).find(|&k| self.tok(k) == ",").unwrap_or(right_end))
            } else {
                (start, right_end)
            };
            let mut content = start..right_end;
            let right_len = (start..right_end).filter(|&k| self.is_word(k)).count();
            let clause_like = start < sr.end && (lower_eq(self.tok(start), WH_WORDS) || self.tok(start) == "to");
            if !has_that && cue.frame == CueFrame::Object && !inverted && !clause_like {
                content = start..self.object_end(start, right_end, cue.lemma);
                rule = "reported:cue-object";
            }
            // A parenthetical attribution: "The museum, Mr. Obama said, would ..." /
            // "It would take weeks, he said, and ...".
            let np_start = if inverted { cue.aux_start } else { left.as_ref().map_or(cue.aux_start, |(np, _)| np.start) };
            let after_attr = np_after.unwrap_or(cue.tokens.end);
            let named_here = inverted
                || (rule_base == "reported:speaker-cue" && left.as_ref().is_some_and(|(np, _)| self.tok(np.start) != "who"));
            let parenthetical = named_here
                && np_start > sr.start
                && self.tok(np_start - 1) == ","
                && after_attr < sr.end
                && self.tok(after_attr) == ","
                && !has_that;
            let mut second_fragment = None;
            if parenthetical {
                let left_part = sr.start..np_start - 1;
                let left_words = left_part.clone().filter(|&k| self.is_word(k)).count();
                if left_words > 0 {
                    content = left_part;
                    rule = "reported:parenthetical-attribution";
                    if left_words <= 4 {
                        let right = after_attr + 1..self.clause_end(after_attr + 1, cue.sentence);
                        if right.start < right.end {
                            second_fragment = Some(right);
                        }
                    }
                }
            } else if right_len == 0
                || inverted
                || (named_here
                    && !has_that
                    && start < sr.end
                    && INTRO_WORDS.has(self.tok(start))
                    && self.main_clause_before(sr.start, np_start))
            {
                // CLAUSE, X said. / CLAUSE, said X. / CLAUSE, X said Friday, as ...
                if np_start > sr.start && matches!(self.tok(np_start - 1), "," | ":" | "\u{2014}") {
                    content = sr.start..np_start - 1;
                    rule = if inverted { "reported:clause-comma-cue-speaker" } else { "reported:clause-comma-speaker-cue" };
                } else if right_len == 0 {
                    continue;
                }
            }
            // "called Friday's decision a “huge win”": a weak cue reports speech when the content quotes it.
            let quotes_inside = content.start < content.end && {
                let c = self.span(content.clone());
                self.a.quoted_near(c).iter().any(|q| !q.nested && q.style == MarkStyle::Double && c.contains(q.outer()))
            };
            if cue.frame == CueFrame::Weak && !has_that && !quotes_inside && !rule.starts_with("reported:clause") {
                continue;
            }
            if content.start >= content.end {
                continue;
            }
            let cspan = self.span(content.clone());
            if overlaps_any(&taken, cspan) {
                continue;
            }
            let confidence = match rule {
                "reported:speaker-cue" if has_that => 0.8,
                "reported:speaker-cue" => 0.7,
                "reported:cue-object" => 0.65,
                "reported:participle" => 0.65,
                _ => 0.75,
            };
            trail.push(format!("content {:?}{}", rule, if has_that { " after 'that'" } else { "" }));
            let before = self.out.len();
            self.push_reported(content, Some(speaker_span), cue, rule, confidence, trail);
            if let (Some(right), true) = (second_fragment, self.out.len() > before) {
                let last = self.out.last_mut().expect("pushed above");
                let first = last.content;
                let second = Span::new(self.a.tokens[right.start].span.start(), self.a.tokens[right.end - 1].span.end());
                last.fragments = vec![first, second];
                last.content = first.cover(second);
            }
            last_in_sentence = Some((cue.sentence, speaker_span));
        }
    }

    /// Any noun phrase after "according to", up to a comma or the sentence
    /// end ("according to an analysis by Lily Batchelder", "according to exit polls").
    fn source_np(&self, start: usize, end: usize) -> Option<(Range<usize>, Span)> {
        let mut e = start;
        while e < end && e - start < 15 && !matches!(self.tok(e), "," | "." | ";" | ":" | "!" | "?" | "(" | "\u{2014}") {
            e += 1;
        }
        (e > start).then(|| (start..e, self.span(start..e)))
    }

    /// Reporting nouns: "a New York Times report that Trump lost ...",
    /// "Trump's claim that ...", and "In a new poll, Clinton leads ...".
    fn noun_attributions(&mut self) {
        let lex = lexicon();
        for si in 0..self.a.sentences.len() {
            let r = self.sentence_tokens(si);
            // In a statement / poll / interview, CLAUSE.
            if r.len() > 4 && self.tok(r.start) == "In" {
                if let Some(comma) = (r.start + 1..r.end.min(r.start + 16)).find(|&k| self.tok(k) == ",") {
                    let head =
                        (r.start + 1..comma).rev().find(|&k| with_ascii_lowercase(self.tok(k), |l| lex.cue_nouns.contains(l)));
                    let det = DETERMINERS.has(self.tok(r.start + 1));
                    let content = comma + 1..self.clause_end(comma + 1, si);
                    let clause_has_cue = self.cues.iter().any(|c| c.sentence == si && c.tokens.start > comma);
                    if let (Some(h), true, false) = (head, det, clause_has_cue) {
                        if content.clone().filter(|&k| self.is_word(k)).count() >= 3 && !content.clone().any(|k| self.used[k]) {
                            let source = self.span(r.start + 1..h + 1);
                            self.push_noun_quote(content, Some(source), self.span(r.start..r.start + 1), "reported:in-source");
                        }
                    }
                }
            }
            // NOUN that CLAUSE
            for k in r.clone() {
                if k + 2 >= r.end || self.tok(k + 1) != "that" || self.used[k] {
                    continue;
                }
                let w = self.tok(k);
                if !w.starts_with(|c: char| c.is_ascii_lowercase()) || !lex.cue_nouns.contains(w) {
                    continue;
                }
                // "that" opens a clause only when a subject follows it.
                let next = k + 2;
                let n = self.tok(next);
                let subject_follows = self.is_cap(next)
                    || lower_eq(n, PRONOUNS)
                    || DETERMINERS.has(n)
                    || lower_eq(n, &["there", "his", "her", "their", "its"])
                    || self.a.tokens[next].kind == TokenKind::Number;
                if !subject_follows {
                    continue;
                }
                // The source: a possessor or a name before the noun.
                let mut s0 = k;
                while s0 > r.start && (self.is_cap(s0 - 1) || matches!(self.tok(s0 - 1), "'s" | "\u{2019}s" | "/" | "-")) {
                    s0 -= 1;
                }
                let mut src_end = k;
                if src_end > s0 && matches!(self.tok(src_end - 1), "'s" | "\u{2019}s") {
                    src_end -= 1;
                }
                let source = (src_end > s0).then(|| self.span(s0..src_end));
                let content = next..self.clause_end(next, si);
                if content.clone().filter(|&j| self.is_word(j)).count() < 3 {
                    continue;
                }
                let cspan = self.span(content.clone());
                if self.out.iter().any(|c| c.content.overlaps(cspan)) {
                    continue;
                }
                self.push_noun_quote(content, source, self.span(k..k + 1), "reported:noun-that");
            }
        }
    }

    fn push_noun_quote(&mut self, content: Range<usize>, source: Option<Span>, cue: Span, rule: &'static str) {
        let span = self.span(content.clone());
        if self.out.iter().any(|c| c.content.overlaps(span)) {
            return;
        }
        let has_marks =
            self.a.quoted_near(span).iter().any(|q| !q.nested && q.style == MarkStyle::Double && span.overlaps(q.content));
        self.out.push(Candidate {
            kind: if has_marks { QuoteKind::Mixed } else { QuoteKind::Indirect },
            content: span,
            fragments: Vec::new(),
            speaker: source,
            carried_from: None,
            cue: Some(cue),
            confidence: 0.5,
            rule,
            trail: vec![format!("reporting noun {:?}", cue.slice(self.a.text))],
        });
    }

    /// "Sanders: Clinton needs to ..." — a headline or transcript line whose
    /// source is a short name before a colon at the start of a paragraph.
    fn colon_attributions(&mut self) {
        for (pi, &para) in self.a.paragraphs.iter().enumerate() {
            let first = self.a.token_at_or_after(para.start());
            let end = self.a.token_at_or_after(para.end());
            let Some(colon) = (first..end.min(first + 6)).find(|&k| self.tok(k) == ":") else { continue };
            let name = first..colon;
            let all_caps_words =
                !name.is_empty() && name.clone().all(|k| self.is_cap(k) || matches!(self.tok(k), "." | "-" | "&"));
            if !all_caps_words || lexicon().stop_capitalized.contains(self.tok(first)) {
                continue;
            }
            let mut content = colon + 1..end;
            while content.end > content.start && matches!(self.tok(content.end - 1), "." | "!" | "?") {
                content.end -= 1;
            }
            let words = content.clone().filter(|&k| self.is_word(k)).count();
            if words < 3 || content.clone().any(|k| self.used[k]) {
                continue;
            }
            let mut span = self.span(content.clone());
            // A quoted content is a direct quote: its marks stay outside the span.
            let quoted = self.a.quoted_near(span).iter().find(|q| !q.nested && q.outer() == span);
            let kind = if let Some(q) = quoted {
                span = q.content;
                if q.style == MarkStyle::Double {
                    QuoteKind::Direct
                } else {
                    QuoteKind::Indirect
                }
            } else {
                QuoteKind::Indirect
            };
            if self.out.iter().any(|c| c.content.overlaps(span)) {
                continue;
            }
            let _ = pi;
            self.out.push(Candidate {
                kind,
                content: span,
                fragments: Vec::new(),
                speaker: Some(self.span(name)),
                carried_from: None,
                cue: Some(self.span(colon..colon + 1)),
                confidence: 0.6,
                rule: "reported:name-colon",
                trail: vec!["a short capitalised name and a colon open the paragraph".into()],
            });
        }
    }

    /// Whether the words before ", X said" form the reported clause rather
    /// than an introduction ("In a statement on Tuesday, X said ...").
    fn main_clause_before(&self, start: usize, np_start: usize) -> bool {
        if np_start <= start + 1 || self.tok(np_start - 1) != "," {
            return false;
        }
        let words = (start..np_start - 1).filter(|&k| self.is_word(k)).count();
        let first = self.tok(start);
        let intro = INTRO_WORDS.has(first) || (first.ends_with("ing") && !self.is_cap(start + 1));
        words >= 4 && !intro && !(start..np_start - 1).any(|k| self.used[k])
    }

    /// The subject at the start of a sentence: a pronoun or a capitalised
    /// name ("Reid frequently mocked ..., claiming that ...").
    fn sentence_subject(&self, s: usize, before: usize) -> Option<Span> {
        let r = self.sentence_tokens(s);
        let first = r.start;
        if first >= before {
            return None;
        }
        if lower_eq(self.tok(first), &["he", "she", "they", "we", "i"]) {
            return Some(self.span(first..first + 1));
        }
        // "The senator made the following statement:"
        if lower_eq(self.tok(first), &["the", "a", "an"]) && first + 1 < before {
            let noun = self.tok(first + 1).to_ascii_lowercase();
            if lexicon().speaker_nouns.contains(noun.as_str()) {
                return Some(self.span(first..first + 2));
            }
        }
        let mut e = first;
        while e < before && (self.is_cap(e) || (e > first && self.tok(e) == "of")) {
            e += 1;
        }
        if e == first || e >= before || (lexicon().stop_capitalized.contains(self.tok(first)) && e == first + 1) {
            return None;
        }
        Some(self.span(first..e))
    }

    /// "X, a division of Y, said ...": the subject before an appositive
    /// that ends with a comma right before the cue.
    fn appositive_subject(&self, cue_start: usize, floor: usize) -> Option<Span> {
        // "Clinton, after the scandal broke, initially said": adverbs before the cue.
        let mut cue_start = cue_start;
        while cue_start > floor && SKIPPABLE_ADVERBS.has(self.tok(cue_start - 1)) {
            cue_start -= 1;
        }
        let close = if cue_start > floor + 2 { self.tok(cue_start - 1) } else { "" };
        if !matches!(close, "," | "\u{2014}" | "\u{2013}") {
            return None;
        }
        // "Cory James, 22, of Flint, Mich., said": the subject is the noun phrase
        // before the first of the commas, where the sentence (or a clause) starts.
        let mut nearest = None;
        let mut k = cue_start - 1;
        while k > floor && cue_start - k < 30 {
            k -= 1;
            let t = self.tok(k);
            if t == close || (close != "," && t == ",") {
                if let Some((np, m)) = self.left_np(k, floor) {
                    let named = np.clone().any(|i| self.is_cap(i));
                    let clause_start = np.start == floor || lower_eq(self.tok(np.start - 1), &["and", "but", ",", "\u{2014}"]);
                    if named && clause_start {
                        return Some(m);
                    }
                    if named && nearest.is_none() && t == close {
                        nearest = Some(m);
                    }
                }
            } else if matches!(t, "." | ";" | ":" | "\u{201c}" | "\u{201d}" | "\"")
                && !self.tok(k).is_empty()
                && self.a.tokens[k].kind == TokenKind::Punct
            {
                break;
            }
        }
        nearest
    }

    /// "Officials who spoke with The Huffington Post said ...": the noun phrase
    /// before a relative clause that ends at the cue.
    fn relative_clause_subject(&self, cue_start: usize, floor: usize) -> Option<Span> {
        let rel = (floor + 1..cue_start)
            .rev()
            .take(14)
            .take_while(|&k| self.is_word(k))
            .find(|&k| lower_eq(self.tok(k), &["who", "that", "which"]))?;
        let (np, m) = self.left_np(rel, floor)?;
        let head = self.tok(np.end - 1).to_ascii_lowercase();
        let speaks =
            self.is_cap(np.end - 1) || lexicon().speaker_nouns.contains(head.as_str()) || (head.len() > 3 && head.ends_with('s'));
        speaks.then_some(m)
    }

    // ------------------------------------------------------ quotes left over

    fn leftover_quotes(&mut self, done: &[bool]) {
        let quoted = self.a.quoted.clone();
        for (qi, q) in quoted.iter().enumerate() {
            if done[qi] || q.nested || q.style == MarkStyle::Single {
                continue;
            }
            let content = q.content;
            // Inside reported speech: already part of a mixed quote.
            if self.out.iter().any(|c| c.kind != QuoteKind::Direct && c.content.contains(content)) {
                continue;
            }
            let text = content.slice(self.a.text);
            let words = text.split_whitespace().count();
            // A passage inside a sentence is part of that sentence (a mixed or
            // scare quote), not a statement of its own.
            if !self.starts_statement(q) {
                continue;
            }
            // "Sanders made the following comment:" / "a new campaign message: “…”":
            // a colon introduces the quote, its sentence's subject says it.
            let before = self.a.text[..q.open.start()].trim_end();
            if before.ends_with(':') && words >= 3 {
                let colon = before.len() - 1;
                if let Some(si) = self.a.sentence_at(colon) {
                    let colon_tok = self.a.token_at_or_after(colon);
                    if let Some(m) = self.sentence_subject(si, colon_tok) {
                        self.out.push(Candidate {
                            kind: QuoteKind::Direct,
                            content,
                            fragments: Vec::new(),
                            speaker: Some(m),
                            carried_from: None,
                            cue: None,
                            confidence: 0.6,
                            rule: "direct:colon-intro",
                            trail: vec!["a colon introduces the quote; the subject of that sentence speaks".into()],
                        });
                        continue;
                    }
                }
            }
            let para = self.a.sentence_at(q.open.start()).map(|s| self.a.sentences[s].paragraph);
            // Continuation: the latest attributed quote in this paragraph, or
            // in the previous one when this paragraph opens with the quote.
            let opens_paragraph = para.is_some_and(|p| self.a.paragraphs[p].start == q.open.start);
            let prev = self
                .out
                .iter()
                .enumerate()
                .filter(|(_, c)| c.content.end <= q.open.start && c.speaker.is_some())
                .max_by_key(|(_, c)| c.content.end)
                .map(|(i, c)| (i, self.a.sentence_at(c.content.start()).map(|s| self.a.sentences[s].paragraph)));
            let continues = match (prev, para) {
                (Some((_, Some(pp))), Some(p)) => pp == p || (opens_paragraph && pp + 1 == p),
                _ => false,
            };
            let title_like =
                words <= 5 && text.split_whitespace().filter(|w| w.starts_with(char::is_uppercase)).count() * 2 > words;
            if continues && words >= 4 && !title_like {
                let (pi, _) = prev.expect("checked above");
                let speaker = self.out[pi].speaker;
                let same_para = prev.and_then(|x| x.1) == para;
                self.out.push(Candidate {
                    kind: QuoteKind::Direct,
                    content,
                    fragments: Vec::new(),
                    speaker: if same_para { speaker } else { None },
                    carried_from: Some(pi),
                    cue: None,
                    confidence: 0.75,
                    rule: "direct:continuation",
                    trail: vec![format!(
                        "no attribution next to it; continues the speaker of the quote at {}",
                        self.out[pi].content.start
                    )],
                });
                continue;
            }
            // Scare quotes, titles and nicknames: short, no speech cue.
            if words < 6 {
                continue;
            }
            self.out.push(Candidate {
                kind: QuoteKind::Direct,
                content,
                fragments: Vec::new(),
                speaker: None,
                carried_from: None,
                cue: None,
                confidence: 0.4,
                rule: "direct:unattributed",
                trail: vec!["quoted passage of six or more words without an attribution".into()],
            });
        }
    }
}

impl Analysis<'_> {
    /// Whether a lower-case word is a known cue form.
    pub fn lexicon_cue(&self, w: &str) -> bool {
        w.starts_with(|c: char| c.is_ascii_lowercase()) && lexicon().cue_forms.contains_key(w)
    }
}
