//! Small closed word lists of the speaker-name rules
//! (`data/lexicon/speaker_words.txt`): office prefixes and suffixes, name
//! suffixes, time-adverbial openers, possessives, appositive determiners,
//! quoting verbs, organisation nominals, sentence adverbials,
//! document determiners, act cues and nouns, anonymous groups.
//! Each is a [`WordSet`] built once; `has` ignores ASCII case (the lists are
//! lower case).

#[cfg(test)]
use crate::text::wordlist::ListError;
use crate::text::wordlist::WordList;

const LIST: WordList = crate::word_list!("speaker_words.txt");

crate::word_sections!(LIST, lower_case: true, words_only: ["office_prefixes", "office_suffixes"], {
    pub(crate) OFFICE_CONTINUATIONS = "office_continuations",
    pub(crate) NAME_SUFFIXES = "name_suffixes",
    pub(crate) TIME_OPENERS = "time_openers",
    pub(crate) POSSESSIVES = "possessives",
    pub(crate) QUOTING_VERBS = "quoting_verbs",
    pub(crate) ORGANISATION_NOMINALS = "organisation_nominals",
    pub(crate) SENTENCE_ADVERBIALS = "sentence_adverbials",
    pub(crate) DOCUMENT_DETERMINERS = "document_determiners",
    pub(crate) ACT_CUES = "act_cues",
    pub(crate) ACT_NOUNS = "act_nouns",
    pub(crate) GROUP_OPENERS = "group_openers",
    pub(crate) GROUP_NOUNS = "group_nouns",
    pub(crate) GROUP_PREPOSITIONS = "group_prepositions",
    pub(crate) ROLE_QUALIFIERS = "role_qualifiers",
    pub(crate) APPOSITIVE_DETERMINERS = "appositive_determiners",
    pub(crate) BODY_HEADS = "body_heads",
});

/// The words of section `name`, in file order (empty when the file lacks it,
/// which [`check`] reports).
pub(crate) fn words(name: &str) -> &'static [&'static str] {
    SECTIONS.words(name)
}

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
    SECTIONS.errors()
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
