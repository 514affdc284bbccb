//! Word lists of the quote finder (`data/lexicon/quote_words.txt`): closed
//! classes (prepositions, auxiliaries, determiners, pronouns) and the small
//! open lists that tell a cue's neighbours apart (adverbs that may stand
//! between subject and verb, time words, typical hearers).
//!
//! Each list is a [`WordSet`] built once: `has` ignores ASCII case (the
//! lists are lower case), `contains` compares exactly, as each call site
//! needs.

use std::sync::LazyLock;

#[cfg(test)]
use crate::text::wordlist::ListError;
use crate::text::wordlist::{WordList, WordSet};

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
    "before_base_form_cue",
    "noun_like_cue_forms",
    "contrast_subjects",
];

pub(super) static PREPOSITIONS: LazyLock<WordSet> = LazyLock::new(|| section("prepositions"));
pub(super) static FINITE_AUX: LazyLock<WordSet> = LazyLock::new(|| section("finite_aux"));
pub(super) static WH_WORDS: LazyLock<WordSet> = LazyLock::new(|| section("wh_words"));
pub(super) static INTRO_WORDS: LazyLock<WordSet> = LazyLock::new(|| section("intro_words"));
pub(super) static SUBORDINATORS: LazyLock<WordSet> = LazyLock::new(|| section("subordinators"));
pub(super) static NOT_A_CUE_AFTER: LazyLock<WordSet> = LazyLock::new(|| section("not_a_cue_after"));
pub(super) static AUX: LazyLock<WordSet> = LazyLock::new(|| section("aux"));
pub(super) static SKIPPABLE_ADVERBS: LazyLock<WordSet> = LazyLock::new(|| section("skippable_adverbs"));
pub(super) static NP_STOP: LazyLock<WordSet> = LazyLock::new(|| section("np_stop"));
pub(super) static NP_INNER_PREPS: LazyLock<WordSet> = LazyLock::new(|| section("np_inner_preps"));
pub(super) static PRONOUNS: LazyLock<WordSet> = LazyLock::new(|| section("pronouns"));
pub(super) static DETERMINERS: LazyLock<WordSet> = LazyLock::new(|| section("determiners"));
pub(super) static OBJECT_FIRST: LazyLock<WordSet> = LazyLock::new(|| section("object_first"));
pub(super) static TIME_WORDS: LazyLock<WordSet> = LazyLock::new(|| section("time_words"));
pub(super) static HEARERS: LazyLock<WordSet> = LazyLock::new(|| section("hearers"));
pub(super) static ADJUNCT_PREPS: LazyLock<WordSet> = LazyLock::new(|| section("adjunct_preps"));
pub(super) static PUNCT_BEFORE_ATTRIBUTION: LazyLock<WordSet> = LazyLock::new(|| section("punct_before_attribution"));
pub(super) static BEFORE_BASE_FORM_CUE: LazyLock<WordSet> = LazyLock::new(|| section("before_base_form_cue"));
pub(super) static NOUN_LIKE_CUE_FORMS: LazyLock<WordSet> = LazyLock::new(|| section("noun_like_cue_forms"));
pub(super) static CONTRAST_SUBJECTS: LazyLock<WordSet> = LazyLock::new(|| section("contrast_subjects"));

static SECTIONS: LazyLock<Vec<(&'static str, Vec<&'static str>)>> = LazyLock::new(|| LIST.sections(NAMES).0);

fn section(name: &str) -> WordSet {
    WordSet::section(&SECTIONS, name)
}

/// Lines of the list its format does not allow.
#[cfg(test)]
pub(crate) fn check() -> Vec<ListError> {
    LIST.lower_case_section_errors(NAMES)
}

/// ASCII-case-insensitive comparison with a short literal list.
pub(super) fn lower_eq(word: &str, set: &[&str]) -> bool {
    set.iter().any(|s| s.eq_ignore_ascii_case(word))
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
