//! One strict reader for the word lists compiled in from `data/lexicon/`.
//!
//! Every list is UTF-8 text, one entry a line; blank lines and lines starting
//! with `#` are comments, surrounding spaces are trimmed. An entry is either
//! a word or phrase, a phrase with one flag after `|` (`acknowledge | obj`),
//! or tab-separated fields (`Israeli<TAB>Israel`). A line the list's format
//! does not allow (an unknown flag, a missing field, a number that does not
//! parse) is an error naming the file and line: the loaders skip it, and the
//! tests ([`check_all`] in each loader) fail on it, so a typo in a list
//! cannot go unnoticed the way a silently dropped line would.
//!
//! Lives in `text/` because the tokenizer reads the abbreviation list;
//! `extract/` reads the other lists through the same functions.

use std::fmt;
use std::sync::OnceLock;

use rustc_hash::FxHashSet as HashSet;

/// A line of a word list that its format does not allow.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListError {
    /// Path under `data/`.
    pub file: &'static str,
    /// 1-based line number (0: the file as a whole).
    pub line: usize,
    pub message: String,
}

impl fmt::Display for ListError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "data/{}:{}: {}", self.file, self.line, self.message)
    }
}

/// A word list: its file name (for errors) and its text.
#[derive(Clone, Copy, Debug)]
pub struct WordList {
    /// Path under `data/`.
    pub file: &'static str,
    pub text: &'static str,
}

/// `WordList` for `data/lexicon/NAME`, compiled in.
#[macro_export]
#[doc(hidden)]
macro_rules! word_list {
    ($name:literal) => {
        $crate::text::wordlist::WordList {
            file: concat!("lexicon/", $name),
            text: include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/lexicon/", $name)),
        }
    };
}

impl WordList {
    /// The entries with their 1-based line numbers.
    pub fn entries(self) -> impl Iterator<Item = (usize, &'static str)> {
        self.text.lines().enumerate().map(|(i, l)| (i + 1, l.trim())).filter(|(_, l)| !l.is_empty() && !l.starts_with('#'))
    }

    fn error(self, line: usize, message: String) -> ListError {
        ListError { file: self.file, line, message }
    }

    /// Plain entries: a word or phrase a line, no flag and no tab allowed.
    pub fn words(self) -> (Vec<&'static str>, Vec<ListError>) {
        let mut out = Vec::new();
        let mut errors = Vec::new();
        for (n, l) in self.entries() {
            if l.contains(['|', '\t']) {
                errors.push(self.error(n, format!("{l:?}: a plain entry has no flag or tab")));
            } else {
                out.push(l);
            }
        }
        (out, errors)
    }

    /// `ENTRY` or `ENTRY | FLAG` entries; the flag must be one of `flags`.
    pub fn flagged(self, flags: &[&str]) -> (Vec<(&'static str, Option<&'static str>)>, Vec<ListError>) {
        let mut out = Vec::new();
        let mut errors = Vec::new();
        for (n, l) in self.entries() {
            match l.split_once('|') {
                None => out.push((l, None)),
                Some((w, f)) => {
                    let (w, f) = (w.trim(), f.trim());
                    if w.is_empty() || !flags.contains(&f) {
                        errors.push(self.error(n, format!("{l:?}: expected ENTRY or ENTRY | FLAG with FLAG one of {flags:?}")));
                    } else {
                        out.push((w, Some(f)));
                    }
                }
            }
        }
        (out, errors)
    }

    /// Entries of exactly `N` tab-separated, non-empty fields.
    pub fn fields<const N: usize>(self) -> (Vec<[&'static str; N]>, Vec<ListError>) {
        let mut out = Vec::new();
        let mut errors = Vec::new();
        for (n, l) in self.entries() {
            let parts: Vec<&'static str> = l.split('\t').map(str::trim).collect();
            match <[&'static str; N]>::try_from(parts) {
                Ok(f) if f.iter().all(|x| !x.is_empty()) => out.push(f),
                _ => errors.push(self.error(n, format!("{l:?}: expected {N} tab-separated fields"))),
            }
        }
        (out, errors)
    }

    /// The errors of [`WordList::sections`] plus one for each section that
    /// lists a word with an upper-case letter (lists looked up with
    /// [`WordSet::has`] must be lower case).
    pub fn lower_case_section_errors(self, names: &[&str]) -> Vec<ListError> {
        let (sections, mut errors) = self.sections(names);
        for (name, words) in sections {
            if let Some(w) = words.iter().find(|w| w.bytes().any(|b| b.is_ascii_uppercase())) {
                errors.push(self.error(0, format!("{name}: {w:?} is not lower case")));
            }
        }
        errors
    }

    /// Sections: a `name:` line opens a list, the words of the following
    /// lines (space-separated) belong to it. Every section must be one of
    /// `names`, appear once, and list a word once; sections in `names` that
    /// the file lacks are errors too (reported at line 0).
    pub fn sections(self, names: &[&str]) -> (Vec<(&'static str, Vec<&'static str>)>, Vec<ListError>) {
        let mut out: Vec<(&'static str, Vec<&'static str>)> = Vec::new();
        let mut errors = Vec::new();
        for (n, l) in self.entries() {
            if let Some(name) = l.strip_suffix(':').filter(|h| h.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')) {
                if !names.contains(&name) {
                    errors.push(self.error(n, format!("unknown section {name:?}; expected one of {names:?}")));
                } else if out.iter().any(|(s, _)| *s == name) {
                    errors.push(self.error(n, format!("section {name:?} appears twice")));
                }
                out.push((name, Vec::new()));
                continue;
            }
            let Some((_, words)) = out.last_mut() else {
                errors.push(self.error(n, format!("{l:?}: words before the first `name:` line")));
                continue;
            };
            for w in l.split_whitespace() {
                if words.contains(&w) {
                    errors.push(self.error(n, format!("{w:?} is listed twice in its section")));
                } else {
                    words.push(w);
                }
            }
        }
        for name in names {
            if !out.iter().any(|(s, _)| s == name) {
                errors.push(self.error(0, format!("section {name:?} is missing")));
            }
        }
        (out, errors)
    }

    /// Pairs: two tab-separated fields.
    pub fn pairs(self) -> (Vec<(&'static str, &'static str)>, Vec<ListError>) {
        let (v, e) = self.fields::<2>();
        (v.into_iter().map(|[a, b]| (a, b)).collect(), e)
    }
}

/// A word list as a hash set, built once.
///
/// Most words asked about are in no list, so two bit sets answer first
/// without hashing: the lengths of the listed words and their first bytes
/// (ASCII lower-cased, which [`WordSet::has`] and [`WordSet::contains`] both
/// imply for a word in the list).
#[derive(Debug, Default)]
pub struct WordSet {
    /// The words as bytes: a look-up needs no UTF-8 check of a lower-cased copy.
    set: HashSet<&'static [u8]>,
    /// Length of the longest word: longer ones are ruled out without hashing.
    max_len: usize,
    /// Bit `len.min(63)` for the length of each word.
    lens: u64,
    /// Bit `b` (word `b / 64`) for the ASCII lower case `b` of each word's first byte.
    firsts: [u64; 4],
}

impl WordSet {
    pub fn new(words: &[&'static str]) -> WordSet {
        let mut lens = 0;
        let mut firsts = [0u64; 4];
        for w in words {
            lens |= 1 << w.len().min(63);
            if let Some(b) = w.as_bytes().first() {
                let b = usize::from(b.to_ascii_lowercase());
                // Invariant: `b < 256`, so `b / 64 < 4`.
                firsts[b / 64] |= 1 << (b % 64);
            }
        }
        WordSet {
            set: words.iter().map(|w| w.as_bytes()).collect(),
            max_len: words.iter().map(|w| w.len()).max().unwrap_or(0),
            lens,
            firsts,
        }
    }

    /// Section `name` of `list`, empty when the list lacks it (which its
    /// check reports).
    pub fn section(sections: &[(&'static str, Vec<&'static str>)], name: &str) -> WordSet {
        WordSet::new(sections.iter().find(|(n, _)| *n == name).map_or(&[], |(_, w)| w))
    }

    /// Whether no listed word has the length and (ASCII lower-cased) first
    /// byte of `word`: then neither look-up can find it.
    #[inline]
    fn ruled_out(&self, word: &[u8]) -> bool {
        if word.len() > self.max_len || self.lens & (1 << word.len().min(63)) == 0 {
            return true;
        }
        word.first().is_some_and(|b| {
            let b = usize::from(b.to_ascii_lowercase());
            // Invariant: `b < 256`, so `b / 64 < 4`.
            self.firsts[b / 64] & (1 << (b % 64)) == 0
        })
    }

    /// Whether `word` is in the list, ASCII case ignored (the list is lower case).
    #[inline]
    pub fn has(&self, word: &str) -> bool {
        let word = word.as_bytes();
        !self.ruled_out(word) && self.has_lower(word)
    }

    /// [`WordSet::has`] after the bit sets: the look-up of the lower-cased word.
    #[inline(never)]
    fn has_lower(&self, word: &[u8]) -> bool {
        let mut buf = [0u8; 32];
        match buf.get_mut(..word.len()) {
            Some(lower) => {
                lower.copy_from_slice(word);
                lower.make_ascii_lowercase();
                self.set.contains(&*lower)
            }
            None => self.set.contains(word.to_ascii_lowercase().as_slice()),
        }
    }

    /// Whether `word` is in the list exactly as written.
    #[inline]
    pub fn contains(&self, word: &str) -> bool {
        let word = word.as_bytes();
        !self.ruled_out(word) && self.set.contains(word)
    }
}

/// The sections of a list with their words, and the list's format errors.
type Parsed = (Vec<(&'static str, Vec<&'static str>)>, Vec<ListError>);

/// A sectioned word list (see [`WordList::sections`]) with the names of its
/// sections, parsed once on first use. Built by [`word_sections!`](crate::word_sections),
/// which also declares one [`WordSet`] static per section, so each section's
/// name is written once.
#[derive(Debug)]
pub struct Sections {
    list: WordList,
    names: &'static [&'static str],
    /// Whether every word must be lower case (the lists that [`WordSet::has`] reads).
    lower_case: bool,
    parsed: OnceLock<Parsed>,
}

impl Sections {
    pub const fn new(list: WordList, names: &'static [&'static str], lower_case: bool) -> Sections {
        Sections { list, names, lower_case, parsed: OnceLock::new() }
    }

    fn parsed(&self) -> &Parsed {
        self.parsed.get_or_init(|| {
            if self.lower_case {
                (self.list.sections(self.names).0, self.list.lower_case_section_errors(self.names))
            } else {
                self.list.sections(self.names)
            }
        })
    }

    /// Section `name` as a set, empty when the list lacks it (which
    /// [`errors`](Self::errors) reports).
    pub fn set(&self, name: &str) -> WordSet {
        WordSet::section(&self.parsed().0, name)
    }

    /// The words of section `name` in file order (empty when the list lacks it).
    pub fn words(&'static self, name: &str) -> &'static [&'static str] {
        self.parsed().0.iter().find(|(n, _)| *n == name).map_or(&[], |(_, w)| w.as_slice())
    }

    /// The lines of the list its format does not allow.
    pub fn errors(&self) -> Vec<ListError> {
        self.parsed().1.clone()
    }
}

/// Declares `static SECTIONS: Sections` for a sectioned word list and one
/// `LazyLock<WordSet>` static per section (sections read only in file order,
/// through `SECTIONS.words(name)`, are named in `words_only: [...]`):
///
/// ```text
/// word_sections!(LIST, lower_case: true, {
///     /// Doc of the set.
///     pub(super) PREPOSITIONS = "prepositions",
/// });
/// ```
#[macro_export]
#[doc(hidden)]
macro_rules! word_sections {
    ($list:expr, lower_case: $lower:literal, { $($(#[$meta:meta])* $vis:vis $set:ident = $name:literal),+ $(,)? }) => {
        $crate::word_sections!($list, lower_case: $lower, words_only: [], { $($(#[$meta])* $vis $set = $name),+ });
    };
    ($list:expr, lower_case: $lower:literal, words_only: [$($only:literal),* $(,)?], { $($(#[$meta:meta])* $vis:vis $set:ident = $name:literal),+ $(,)? }) => {
        /// The sections of the list, parsed once.
        static SECTIONS: $crate::text::wordlist::Sections =
            $crate::text::wordlist::Sections::new($list, &[$($only,)* $($name),+], $lower);
        $(
            $(#[$meta])*
            $vis static $set: std::sync::LazyLock<$crate::text::wordlist::WordSet> =
                std::sync::LazyLock::new(|| SECTIONS.set($name));
        )+
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIST: WordList = WordList { file: "test.txt", text: "# comment\n\n a \nb | obj\nc | oops\nd\te\n" };

    #[test]
    fn flags_are_checked() {
        let (v, e) = LIST.flagged(&["obj"]);
        assert_eq!(v, [("a", None), ("b", Some("obj")), ("d\te", None)]);
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].to_string(), "data/test.txt:5: \"c | oops\": expected ENTRY or ENTRY | FLAG with FLAG one of [\"obj\"]");
    }

    #[test]
    fn fields_are_counted() {
        let (v, e) = LIST.pairs();
        assert_eq!(v, [("d", "e")]);
        assert_eq!(e.iter().map(|e| e.line).collect::<Vec<_>>(), [3, 4, 5]);
    }

    #[test]
    fn sections_are_checked() {
        let list = WordList { file: "s.txt", text: "stray\na:\n x y\n y\nb:\nc:\n z\n" };
        let (v, e) = list.sections(&["a", "b", "d"]);
        assert_eq!(v, [("a", vec!["x", "y"]), ("b", vec![]), ("c", vec!["z"])]);
        let lines: Vec<usize> = e.iter().map(|e| e.line).collect();
        assert_eq!(lines, [1, 4, 6, 0], "{e:?}");
    }

    #[test]
    fn plain_words_have_no_flag() {
        let (v, e) = LIST.words();
        assert_eq!(v, ["a"]);
        assert_eq!(e.len(), 3);
    }
}
