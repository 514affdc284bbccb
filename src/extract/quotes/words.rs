//! Word lists of the quote finder (`data/lexicon/quote_words.txt`): closed
//! classes (prepositions, auxiliaries, determiners, pronouns) and the small
//! open lists that tell a cue's neighbours apart (adverbs that may stand
//! between subject and verb, time words, typical hearers).
//!
//! Each list is a [`WordSet`] built once: `has` ignores ASCII case (the
//! lists are lower case), `contains` compares exactly, as each call site
//! needs.

#[cfg(test)]
use crate::text::wordlist::ListError;
use crate::text::wordlist::WordList;

const LIST: WordList = crate::word_list!("quote_words.txt");

crate::word_sections!(LIST, lower_case: true, {
    pub(super) PREPOSITIONS = "prepositions",
    pub(super) FINITE_AUX = "finite_aux",
    pub(super) WH_WORDS = "wh_words",
    pub(super) INTRO_WORDS = "intro_words",
    pub(super) SUBORDINATORS = "subordinators",
    pub(super) NOT_A_CUE_AFTER = "not_a_cue_after",
    pub(super) AUX = "aux",
    pub(super) SKIPPABLE_ADVERBS = "skippable_adverbs",
    pub(super) NP_STOP = "np_stop",
    pub(super) NP_INNER_PREPS = "np_inner_preps",
    pub(super) PRONOUNS = "pronouns",
    pub(super) DETERMINERS = "determiners",
    pub(super) OBJECT_FIRST = "object_first",
    pub(super) TIME_WORDS = "time_words",
    pub(super) HEARERS = "hearers",
    pub(super) ADJUNCT_PREPS = "adjunct_preps",
    pub(super) PUNCT_BEFORE_ATTRIBUTION = "punct_before_attribution",
    pub(super) BEFORE_BASE_FORM_CUE = "before_base_form_cue",
    pub(super) NOUN_LIKE_CUE_FORMS = "noun_like_cue_forms",
    pub(super) CONTRAST_SUBJECTS = "contrast_subjects",
    pub(super) REFERRING_MODIFIERS = "referring_modifiers",
    pub(super) CONTENT_NEVER_OPENS = "content_never_opens",
});

/// Lines of the list its format does not allow.
#[cfg(test)]
pub(crate) fn check() -> Vec<ListError> {
    SECTIONS.errors()
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
