//! Word lists of the quote finder: closed classes (prepositions, auxiliaries,
//! determiners, pronouns) and the small open lists that tell a cue's
//! neighbours apart (adverbs that may stand between subject and verb, time
//! words, typical hearers). Looked up ASCII-case-insensitively.

use std::sync::OnceLock;

use rustc_hash::FxHashSet as HashSet;

/// Prepositions whose object cannot be the subject of the cue after it.
pub(super) const PREPOSITIONS: &[&str] = &[
    "to", "by", "in", "on", "into", "about", "during", "under", "over", "against", "through", "without", "within", "like",
    "unlike", "per", "via", "upon", "toward", "towards", "among", "between", "above", "below", "around",
];
/// Finite auxiliaries and copulas, a cheap sign of a clause.
pub(super) const FINITE_AUX: &[&str] = &[
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "should", "may", "might", "must", "do",
    "does", "did",
];
/// Words that open an embedded question.
pub(super) const WH_WORDS: &[&str] = &["whether", "why", "how", "who", "whom", "what", "when", "where", "which", "if"];
/// Words that open an introductory phrase rather than a clause.
pub(super) static INTRO_WORDS: WordList = WordList::new(&[
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
pub(super) const SUBORDINATORS: &[&str] = &[
    "when", "after", "before", "while", "if", "because", "since", "until", "although", "though", "once", "as", "unless",
    "whether", "where",
];
/// Words after which a cue form is not a finite reporting verb.
pub(super) const NOT_A_CUE_AFTER: &[&str] = &[
    "to", "not", "n't", "never", "the", "a", "an", "could", "might", "may", "should", "must", "can", "his", "her", "their",
    "its", "our", "my", "your", "this", "that",
];
pub(super) const AUX: &[&str] = &["has", "have", "had", "will", "would"];
pub(super) static SKIPPABLE_ADVERBS: WordList = WordList::new(&[
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
pub(super) static NP_STOP: WordList = WordList::new(&[
    "that", "which", "who", "whom", "whose", "when", "where", "while", "because", "if", "although", "though", "since", "but",
    "or", "so", "than", "then", "after", "before", "until", "unless", "whether", "is", "was", "are", "were", "be", "been",
    "being", "has", "have", "had", "will", "would", "could", "should", "can", "may", "might", "must", "do", "did", "does", "not",
    "to", "by", "in", "on", "into", "about", "as", "also", "it's", "there", "what", "how", "why", "said", "says", "say", "told",
    "added", "however", "yet", "even", "only", "just", "both", "either", "neither", "nor", "during", "under", "over", "against",
    "through", "without", "within", "since", "like", "unlike", "per", "via", "upon", "toward", "towards", "among", "between",
    "above", "below", "around",
]);
pub(super) const NP_INNER_PREPS: &[&str] = &["of", "for", "from", "at", "with", "and"];
pub(super) const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i", "you"];
pub(super) static DETERMINERS: WordList = WordList::new(&[
    "the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "its", "our", "my", "your", "one", "another",
    "some", "many", "several", "two", "three", "other", "both", "each", "every", "no", "any",
]);
/// Verbs whose content follows an indirect object ("told reporters that ...").
pub(super) const OBJECT_FIRST: &[&str] =
    &["tell", "inform", "assure", "warn", "advise", "brief", "remind", "promise", "ask", "urge", "caution"];
pub(super) static TIME_WORDS: WordList = WordList::new(&[
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
pub(super) static HEARERS: WordList = WordList::new(&[
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
pub(super) static ADJUNCT_PREPS: WordList = WordList::new(&[
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
pub(super) const PUNCT_BEFORE_ATTRIBUTION: &[&str] = &[",", "!", "?", "\u{2014}", "\u{2013}", "\u{2015}", "-", "."];

pub(super) fn lower_eq(word: &str, set: &[&str]) -> bool {
    set.iter().any(|s| s.eq_ignore_ascii_case(word))
}

/// A list of lower-case words, looked up like [`lower_eq`] (ASCII case
/// ignored) through a hash set built on first use: the longer lists are
/// checked at almost every token.
pub(super) struct WordList {
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
    pub(super) fn has(&self, word: &str) -> bool {
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
