//! Abbreviations whose dot is not a sentence end (`data/lexicon/abbreviations.txt`):
//! the one list the tokenizer and the sentence splitter share.
//!
//! Decides two things: which words keep their dot as part of the token
//! ("Dr.", "Inc.", "Jan."), and which titles never end a sentence before a
//! name ("Sen. Rand Paul"), where the sentence splitter would otherwise break;
//! also which top-level domains keep a web domain one word ("Znak.com").

use std::sync::LazyLock;

use rustc_hash::FxHashSet as HashSet;

use super::wordlist::{ListError, WordList};

const LIST: WordList = crate::word_list!("abbreviations.txt");
const FLAGS: &[&str] = &["word", "title", "domain"];

struct Abbreviations {
    /// Words whose trailing dot belongs to the word.
    words: HashSet<&'static str>,
    /// Titles whose dot never ends a sentence before a name.
    titles: HashSet<&'static str>,
    /// Top-level domains: "Znak.com" is one word.
    domains: HashSet<&'static str>,
}

static ABBREVIATIONS: LazyLock<Abbreviations> = LazyLock::new(|| {
    let (entries, _) = LIST.flagged(FLAGS);
    let mut a = Abbreviations { words: HashSet::default(), titles: HashSet::default(), domains: HashSet::default() };
    for (w, flag) in entries {
        if flag == Some("domain") {
            a.domains.insert(w);
            continue;
        }
        if flag != Some("title") {
            a.words.insert(w);
        }
        if flag != Some("word") {
            a.titles.insert(w);
        }
    }
    a
});

/// Words whose trailing dot is part of the word, not a sentence end ("Dr", "Inc").
pub fn is_abbreviation(word: &str) -> bool {
    ABBREVIATIONS.words.contains(word)
}

/// Titles whose dot never ends a sentence before a name ("Ms", "Sen").
pub fn is_title_abbreviation(word: &str) -> bool {
    ABBREVIATIONS.titles.contains(word)
}

/// Top-level domains after a dot inside a word ("com" in "Znak.com").
pub fn is_top_level_domain(word: &str) -> bool {
    ABBREVIATIONS.domains.contains(word)
}

/// Lines of the list its format does not allow.
pub fn check() -> Vec<ListError> {
    LIST.flagged(FLAGS).1
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
    fn flags_split_the_two_uses() {
        assert!(is_abbreviation("Dr") && is_title_abbreviation("Dr"));
        assert!(is_abbreviation("Inc") && !is_title_abbreviation("Inc"));
        assert!(!is_abbreviation("Hon") && is_title_abbreviation("Hon"));
        assert!(is_top_level_domain("com") && !is_abbreviation("com") && !is_title_abbreviation("com"));
    }
}
