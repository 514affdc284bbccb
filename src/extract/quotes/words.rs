//! Word lists of the quote finder (`data/lexicon/quote_words.txt`): closed
//! classes (prepositions, auxiliaries, determiners, pronouns) and the small
//! open lists that tell a cue's neighbours apart (adverbs that may stand
//! between subject and verb, time words, typical hearers).
//!
//! Each list is a hash set built once. [`Words::has`] ignores ASCII case (the
//! lists are lower case), [`Words::contains`] compares exactly, as each
//! call site needs.

use std::sync::LazyLock;

use rustc_hash::FxHashSet as HashSet;

#[cfg(test)]
use crate::text::wordlist::ListError;
use crate::text::wordlist::WordList;

const LIST: WordList = crate::word_list!("quote_words.txt");

/// The sections of [`LIST`], by name.
const NAMES: &[&str] = &[
    "prepositions",
    "finite_aux",
    "wh_words",
    "intro_words",
    "subordinators",
    "not_a_cue_after",
    "aux",
    "skippable_adverbs",
    "np_stop",
    "np_inner_preps",
    "pronouns",
    "determiners",
    "object_first",
    "time_words",
    "hearers",
    "adjunct_preps",
    "punct_before_attribution",
];

pub(super) static PREPOSITIONS: LazyLock<Words> = LazyLock::new(|| section("prepositions"));
pub(super) static FINITE_AUX: LazyLock<Words> = LazyLock::new(|| section("finite_aux"));
pub(super) static WH_WORDS: LazyLock<Words> = LazyLock::new(|| section("wh_words"));
pub(super) static INTRO_WORDS: LazyLock<Words> = LazyLock::new(|| section("intro_words"));
pub(super) static SUBORDINATORS: LazyLock<Words> = LazyLock::new(|| section("subordinators"));
pub(super) static NOT_A_CUE_AFTER: LazyLock<Words> = LazyLock::new(|| section("not_a_cue_after"));
pub(super) static AUX: LazyLock<Words> = LazyLock::new(|| section("aux"));
pub(super) static SKIPPABLE_ADVERBS: LazyLock<Words> = LazyLock::new(|| section("skippable_adverbs"));
pub(super) static NP_STOP: LazyLock<Words> = LazyLock::new(|| section("np_stop"));
pub(super) static NP_INNER_PREPS: LazyLock<Words> = LazyLock::new(|| section("np_inner_preps"));
pub(super) static PRONOUNS: LazyLock<Words> = LazyLock::new(|| section("pronouns"));
pub(super) static DETERMINERS: LazyLock<Words> = LazyLock::new(|| section("determiners"));
pub(super) static OBJECT_FIRST: LazyLock<Words> = LazyLock::new(|| section("object_first"));
pub(super) static TIME_WORDS: LazyLock<Words> = LazyLock::new(|| section("time_words"));
pub(super) static HEARERS: LazyLock<Words> = LazyLock::new(|| section("hearers"));
pub(super) static ADJUNCT_PREPS: LazyLock<Words> = LazyLock::new(|| section("adjunct_preps"));
pub(super) static PUNCT_BEFORE_ATTRIBUTION: LazyLock<Words> = LazyLock::new(|| section("punct_before_attribution"));

static SECTIONS: LazyLock<Vec<(&'static str, Vec<&'static str>)>> = LazyLock::new(|| LIST.sections(NAMES).0);

fn section(name: &str) -> Words {
    let words: &[&'static str] = SECTIONS.iter().find(|(n, _)| *n == name).map_or(&[], |(_, w)| w);
    Words { set: words.iter().copied().collect(), max_len: words.iter().map(|w| w.len()).max().unwrap_or(0) }
}

/// Lines of the list its format does not allow.
#[cfg(test)]
pub(crate) fn check() -> Vec<ListError> {
    let mut errors = LIST.sections(NAMES).1;
    for (name, words) in LIST.sections(NAMES).0 {
        if let Some(w) = words.iter().find(|w| w.bytes().any(|b| b.is_ascii_uppercase())) {
            errors.push(ListError { file: LIST.file, line: 0, message: format!("{name}: {w:?} is not lower case") });
        }
    }
    errors
}

/// ASCII-case-insensitive comparison with a short literal list.
pub(super) fn lower_eq(word: &str, set: &[&str]) -> bool {
    set.iter().any(|s| s.eq_ignore_ascii_case(word))
}

/// One word list as a hash set.
pub(super) struct Words {
    set: HashSet<&'static str>,
    /// Length of the longest word: longer ones are ruled out without hashing.
    max_len: usize,
}

impl Words {
    /// Whether `word` is in the list, ASCII case ignored.
    pub(super) fn has(&self, word: &str) -> bool {
        if word.len() > self.max_len {
            return false;
        }
        let mut buf = [0u8; 32];
        match buf.get_mut(..word.len()) {
            Some(lower) => {
                lower.copy_from_slice(word.as_bytes());
                // Folding ASCII letters keeps the bytes valid UTF-8.
                lower.make_ascii_lowercase();
                std::str::from_utf8(lower).is_ok_and(|l| self.set.contains(l))
            }
            None => self.set.contains(word.to_ascii_lowercase().as_str()),
        }
    }

    /// Whether `word` is in the list exactly as written.
    pub(super) fn contains(&self, word: &str) -> bool {
        self.set.contains(word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_is_well_formed() {
        let errors = check();
        assert!(errors.is_empty(), "{}", errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"));
    }

    #[test]
    fn lookups_fold_ascii_case_only_in_has() {
        assert!(PRONOUNS.has("He") && PRONOUNS.contains("he") && !PRONOUNS.contains("He"));
        assert!(PUNCT_BEFORE_ATTRIBUTION.has("\u{2014}"));
        assert!(!SKIPPABLE_ADVERBS.has("a-word-longer-than-any-in-the-list-of-adverbs"));
    }
}
