//! Small closed word lists of the speaker-name rules
//! (`data/lexicon/speaker_words.txt`): office prefixes and suffixes, name
//! suffixes, time-adverbial openers, possessives, appositive determiners,
//! quoting verbs, organisation nominals, sentence adverbials,
//! document determiners, act cues and nouns, anonymous groups.
//! Each is a [`WordSet`] built once; `has` ignores ASCII case (the lists are
//! lower case).

use std::sync::LazyLock;

#[cfg(test)]
use crate::text::wordlist::ListError;
use crate::text::wordlist::{WordList, WordSet};

const LIST: WordList = crate::word_list!("speaker_words.txt");

/// The sections of [`LIST`], by name.
const NAMES: &[&str] = &[
    "office_prefixes",
    "office_suffixes",
    "office_continuations",
    "name_suffixes",
    "time_openers",
    "possessives",
    "appositive_determiners",
    "quoting_verbs",
    "organisation_nominals",
    "sentence_adverbials",
    "document_determiners",
    "act_cues",
    "act_nouns",
    "group_openers",
    "group_nouns",
    "group_prepositions",
    "role_qualifiers",
];

static SECTIONS: LazyLock<Vec<(&'static str, Vec<&'static str>)>> = LazyLock::new(|| LIST.sections(NAMES).0);

/// The words of section `name`, in file order (empty when the file lacks it,
/// which [`check`] reports).
pub(crate) fn words(name: &str) -> &'static [&'static str] {
    SECTIONS.iter().find(|(n, _)| *n == name).map_or(&[], |(_, w)| w.as_slice())
}

fn section(name: &str) -> WordSet {
    WordSet::section(&SECTIONS, name)
}

pub(crate) static OFFICE_CONTINUATIONS: LazyLock<WordSet> = LazyLock::new(|| section("office_continuations"));
pub(crate) static NAME_SUFFIXES: LazyLock<WordSet> = LazyLock::new(|| section("name_suffixes"));
pub(crate) static TIME_OPENERS: LazyLock<WordSet> = LazyLock::new(|| section("time_openers"));
pub(crate) static POSSESSIVES: LazyLock<WordSet> = LazyLock::new(|| section("possessives"));
pub(crate) static QUOTING_VERBS: LazyLock<WordSet> = LazyLock::new(|| section("quoting_verbs"));
pub(crate) static ORGANISATION_NOMINALS: LazyLock<WordSet> = LazyLock::new(|| section("organisation_nominals"));
pub(crate) static SENTENCE_ADVERBIALS: LazyLock<WordSet> = LazyLock::new(|| section("sentence_adverbials"));
pub(crate) static DOCUMENT_DETERMINERS: LazyLock<WordSet> = LazyLock::new(|| section("document_determiners"));
pub(crate) static ACT_CUES: LazyLock<WordSet> = LazyLock::new(|| section("act_cues"));
pub(crate) static ACT_NOUNS: LazyLock<WordSet> = LazyLock::new(|| section("act_nouns"));
pub(crate) static GROUP_OPENERS: LazyLock<WordSet> = LazyLock::new(|| section("group_openers"));
pub(crate) static GROUP_NOUNS: LazyLock<WordSet> = LazyLock::new(|| section("group_nouns"));
pub(crate) static GROUP_PREPOSITIONS: LazyLock<WordSet> = LazyLock::new(|| section("group_prepositions"));
pub(crate) static ROLE_QUALIFIERS: LazyLock<WordSet> = LazyLock::new(|| section("role_qualifiers"));
pub(crate) static APPOSITIVE_DETERMINERS: LazyLock<WordSet> = LazyLock::new(|| section("appositive_determiners"));

/// `w` without a leading prefix of section `name`, compared ignoring ASCII
/// case ("Ex-Minister" -> "Minister"); `None` when none applies.
pub(crate) fn strip_prefix_of<'w>(name: &str, w: &'w str) -> Option<&'w str> {
    words(name).iter().find_map(|p| {
        // Invariant: `get` fails off a character boundary, so the slice below is on one.
        let head = w.get(..p.len())?;
        head.eq_ignore_ascii_case(p).then(|| &w[p.len()..])
    })
}

/// `w` without a trailing suffix of section `name`, ignoring ASCII case.
pub(crate) fn strip_suffix_of<'w>(name: &str, w: &'w str) -> Option<&'w str> {
    words(name).iter().find_map(|s| {
        let cut = w.len().checked_sub(s.len())?;
        // Invariant: `get` fails off a character boundary, so the slice below is on one.
        let tail = w.get(cut..)?;
        tail.eq_ignore_ascii_case(s).then(|| &w[..cut])
    })
}

/// Lines of the list its format does not allow.
#[cfg(test)]
pub(crate) fn check() -> Vec<ListError> {
    LIST.lower_case_section_errors(NAMES)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_and_suffixes() {
        assert_eq!(strip_prefix_of("office_prefixes", "Ex-Minister"), Some("Minister"));
        assert_eq!(strip_prefix_of("office_prefixes", "Minister"), None);
        assert_eq!(strip_suffix_of("office_suffixes", "President-elect"), Some("President"));
        assert!(NAME_SUFFIXES.has("Jr."));
        assert!(POSSESSIVES.has("Her"));
    }
}
