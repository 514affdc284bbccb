//! Lexicons of the entity finder and the word tests built on them.
//!
//! Decides nothing on its own: it loads the place, organisation, forename,
//! demonym and common-word lists from `data/lexicon/` once, into tables with
//! a hasher suited to their fixed keys, and answers word-class questions
//! ("is this an honorific / a title / an organisation word?") for the
//! other modules.

use std::collections::{HashMap as StdHashMap, HashSet as StdHashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

use super::gender::Gender;
use crate::extract::lexicon::lexicon;
#[cfg(test)]
use crate::text::wordlist::ListError;
use crate::text::wordlist::{WordList, WordSet};

/// Hash maps and sets for per-document tables (rustc-hash: fast on short keys).
pub use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// Hasher for the tables built once from the lexicons and the type model,
/// which are looked up several times per word: a string hashes in constant
/// time from its length and its first and last 8 bytes (one multiplication).
/// Keys are still compared in full, and only these fixed keys sit in the
/// tables, so no document can lengthen a look-up's probe sequence.
#[derive(Default, Clone, Copy)]
pub struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn write(&mut self, bytes: &[u8]) {
        let n = bytes.len();
        let (mut head, mut tail) = ([0u8; 8], [0u8; 8]);
        if n >= 8 {
            // Invariant: this branch has `n >= 8` (`n` is `bytes.len()`).
            head.copy_from_slice(&bytes[..8]);
            tail.copy_from_slice(&bytes[n - 8..]);
        } else {
            // Invariant: this branch has `n < 8`.
            head[..n].copy_from_slice(bytes);
        }
        let x = u64::from_le_bytes(head) ^ self.0.rotate_left(32) ^ 0x243f_6a88_85a3_08d3;
        let y = u64::from_le_bytes(tail) ^ (n as u64) ^ 0x1319_8a2e_0370_7344;
        let m = u128::from(x) * u128::from(y);
        self.0 = (m as u64) ^ ((m >> 64) as u64);
    }
    fn write_u8(&mut self, i: u8) {
        // `str` hashes end with 0xff; the string's bytes are already mixed in.
        self.0 ^= u64::from(i);
    }
    fn write_usize(&mut self, i: usize) {
        self.write(&i.to_le_bytes());
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

pub(super) type Keyed = BuildHasherDefault<KeyHasher>;

pub type StaticMap<K, V> = StdHashMap<K, V, Keyed>;

pub type StaticSet<K> = StdHashSet<K, Keyed>;

/// The lexicons this module reads, loaded once.
pub struct EntityLexicon {
    pub places: StaticSet<&'static str>,
    /// Place alias -> canonical place name ("U.S." -> "United States").
    pub place_aliases: StaticMap<&'static str, &'static str>,
    pub forenames: StaticMap<&'static str, Gender>,
    pub orgs: StaticSet<&'static str>,
    /// Products, events, religions, languages: names typed "other".
    pub others: StaticSet<&'static str>,
    /// Demonym -> place ("Israeli" -> "Israel").
    pub demonyms: StaticMap<&'static str, &'static str>,
    pub place_words: StaticSet<&'static str>,
    /// Head words of events, awards, laws and works ("Prize", "Act").
    pub event_words: StaticSet<&'static str>,
    pub common: StaticSet<&'static str>,
    /// Copies of the shared lexicon's sets with this module's hasher.
    pub titles: StaticSet<&'static str>,
    /// First words of multi-word titles.
    pub title_starts: StaticSet<&'static str>,
    pub org_words: StaticSet<&'static str>,
    pub stop: StaticSet<&'static str>,
    pub cues: StaticSet<&'static str>,
    pub speaker_nouns: StaticSet<&'static str>,
    /// First words of `places` and `orgs` entries.
    pub known_starts: StaticSet<&'static str>,
    /// Longest entry of `places`/`orgs`, in words.
    pub max_words: usize,
}

const PLACES: WordList = crate::word_list!("places.txt");
const ORGS: WordList = crate::word_list!("orgs.txt");
const OTHER_NAMES: WordList = crate::word_list!("other_names.txt");
const PLACE_ALIASES: WordList = crate::word_list!("place_aliases.tsv");
const FORENAMES: WordList = crate::word_list!("forenames.tsv");
const DEMONYMS: WordList = crate::word_list!("demonyms.tsv");
const PLACE_WORDS: WordList = crate::word_list!("place_words.txt");
const EVENT_WORDS: WordList = crate::word_list!("event_words.txt");
const COMMON_WORDS: WordList = crate::word_list!("common_words.txt");

/// Lines of these lists their format does not allow.
#[cfg(test)]
pub(crate) fn check() -> Vec<ListError> {
    let mut errors = ENTITY_WORDS.sections(WORD_SECTIONS).1;
    for list in [PLACES, ORGS, OTHER_NAMES, PLACE_WORDS, EVENT_WORDS, COMMON_WORDS] {
        errors.extend(list.words().1);
    }
    for list in [PLACE_ALIASES, DEMONYMS] {
        errors.extend(list.pairs().1);
    }
    let (forenames, e) = FORENAMES.pairs();
    errors.extend(e);
    for (name, g) in forenames {
        if !matches!(g, "m" | "f" | "u") {
            errors.push(ListError { file: FORENAMES.file, line: 0, message: format!("{name}: gender {g:?} is not m, f or u") });
        }
    }
    errors.extend(super::typing::check());
    errors.extend(SECTIONS.errors());
    errors
}

const ENTITY_TERMS: WordList = crate::word_list!("entity_terms.txt");
crate::word_sections!(ENTITY_TERMS, lower_case: false, {
    /// Acronyms of common nouns ("TV", "IQ", "USD"): no organisation alone.
    TERM_ACRONYMS = "term_acronyms",
    /// First words of organisation names in other languages ("Universidade", "Instituto").
    pub(super) FOREIGN_ORG_HEADS = "foreign_org_heads",
    /// Words before "for" that make the place after it a team ("debuted for Boston").
    pub(super) TEAM_BEFORE_FOR = "team_before_for",
});

/// A single word that names a thing, not a body or a place: an acronym of a
/// common noun ("TV", "GMT") or a Roman numeral of two letters or more ("XVII").
pub(super) fn is_term_word(w: &str) -> bool {
    TERM_ACRONYMS.contains(w) || (w.len() >= 2 && w.bytes().all(|b| matches!(b, b'I' | b'V' | b'X')))
}

pub(super) fn load() -> EntityLexicon {
    let places: StaticSet<&str> = PLACES.words().0.into_iter().collect();
    let orgs: StaticSet<&str> = ORGS.words().0.into_iter().collect();
    let others: StaticSet<&str> = OTHER_NAMES.words().0.into_iter().collect();
    let max_words = places.iter().chain(orgs.iter()).chain(others.iter()).map(|p| p.split(' ').count()).max().unwrap_or(1);
    let place_aliases: StaticMap<&str, &str> = PLACE_ALIASES.pairs().0.into_iter().collect();
    let known_starts = places
        .iter()
        .chain(orgs.iter())
        .chain(others.iter())
        .chain(place_aliases.keys())
        .filter_map(|p| p.split(' ').next())
        .collect();
    let l = lexicon();
    let titles = l.titles.iter().copied().collect();
    let title_starts = l.multiword_titles.iter().filter_map(|t| t.first().copied()).collect();
    EntityLexicon {
        places,
        place_aliases,
        titles,
        title_starts,
        org_words: l.org_words.iter().copied().collect(),
        stop: l.stop_capitalized.iter().copied().collect(),
        cues: l.cue_forms.keys().map(String::as_str).collect(),
        speaker_nouns: l.speaker_nouns.iter().copied().collect(),
        known_starts,
        forenames: FORENAMES
            .pairs()
            .0
            .into_iter()
            .map(|(n, g)| {
                let g = match g {
                    "m" => Gender::Male,
                    "f" => Gender::Female,
                    _ => Gender::Either,
                };
                (n, g)
            })
            .collect(),
        orgs,
        others,
        demonyms: DEMONYMS.pairs().0.into_iter().collect(),
        place_words: PLACE_WORDS.words().0.into_iter().collect(),
        event_words: EVENT_WORDS.words().0.into_iter().collect(),
        common: COMMON_WORDS.words().0.into_iter().collect(),
        max_words,
    }
}

const ENTITY_WORDS: WordList = crate::word_list!("entity_words.txt");
/// The sections of `entity_words.txt`.
const WORD_SECTIONS: &[&str] = &[
    "inner_connectors",
    "on_heads",
    "in_heads",
    "name_particles",
    "place_heads",
    "place_prefixes",
    "honorifics",
    "male_titles",
    "female_titles",
    "male_roles",
    "female_roles",
    "compass",
    "role_words",
    "non_role_speaker_nouns",
    "role_nouns",
    "team_nouns",
    "team_verbs",
];

/// The short word lists of `data/lexicon/entity_words.txt` (connectors,
/// honorifics, gendered titles and roles, team context), compared exactly.
pub(super) struct EntityWords {
    pub(super) inner_connectors: WordSet,
    pub(super) on_heads: WordSet,
    pub(super) in_heads: WordSet,
    pub(super) name_particles: WordSet,
    pub(super) place_heads: WordSet,
    pub(super) place_prefixes: WordSet,
    pub(super) honorifics: WordSet,
    pub(super) male_titles: WordSet,
    pub(super) female_titles: WordSet,
    pub(super) male_roles: WordSet,
    pub(super) female_roles: WordSet,
    pub(super) compass: WordSet,
    pub(super) role_words: WordSet,
    pub(super) non_role_speaker_nouns: WordSet,
    pub(super) role_nouns: WordSet,
    pub(super) team_nouns: WordSet,
    pub(super) team_verbs: WordSet,
}

pub(super) static WORDS: LazyLock<EntityWords> = LazyLock::new(|| {
    let sections = ENTITY_WORDS.sections(WORD_SECTIONS).0;
    EntityWords {
        inner_connectors: WordSet::section(&sections, "inner_connectors"),
        on_heads: WordSet::section(&sections, "on_heads"),
        in_heads: WordSet::section(&sections, "in_heads"),
        name_particles: WordSet::section(&sections, "name_particles"),
        place_heads: WordSet::section(&sections, "place_heads"),
        place_prefixes: WordSet::section(&sections, "place_prefixes"),
        honorifics: WordSet::section(&sections, "honorifics"),
        male_titles: WordSet::section(&sections, "male_titles"),
        female_titles: WordSet::section(&sections, "female_titles"),
        male_roles: WordSet::section(&sections, "male_roles"),
        female_roles: WordSet::section(&sections, "female_roles"),
        compass: WordSet::section(&sections, "compass"),
        role_words: WordSet::section(&sections, "role_words"),
        non_role_speaker_nouns: WordSet::section(&sections, "non_role_speaker_nouns"),
        role_nouns: WordSet::section(&sections, "role_nouns"),
        team_nouns: WordSet::section(&sections, "team_nouns"),
        team_verbs: WordSet::section(&sections, "team_verbs"),
    }
});

pub(super) static LEX: LazyLock<EntityLexicon> = LazyLock::new(load);

/// Words that may join capitalised words inside an organisation or place name.
pub(super) fn is_inner_connector(w: &str) -> bool {
    WORDS.inner_connectors.contains(w)
}

/// Honorifics: titles that say nothing about a role.
pub(super) fn is_honorific(w: &str) -> bool {
    WORDS.honorifics.contains(w.trim_end_matches('.'))
}

pub(super) fn is_acronym(w: &str) -> bool {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    (2..=6).contains(&letters) && w.chars().all(|c| c.is_ascii_uppercase() || c == '.' || c == '&')
}

pub(super) fn is_title(w: &str) -> bool {
    LEX.titles.contains(w)
}

pub(super) fn is_compass(w: &str) -> bool {
    WORDS.compass.contains(w)
}

pub(super) fn is_org_word(w: &str) -> bool {
    LEX.org_words.contains(w)
}

pub(super) fn is_stop(w: &str) -> bool {
    LEX.stop.contains(w) || (w.ends_with('.') && LEX.stop.contains(w.trim_end_matches('.')))
}

pub(super) fn is_opening(w: &str) -> bool {
    matches!(w, "\"" | "\u{201c}" | "\u{2018}" | "'" | "(" | "[" | "-" | "\u{2013}" | "\u{2014}" | ":" | "*" | "\u{2022}" | "`")
}

/// Calls `f` with `w` in lower case (as `str::to_lowercase` gives it),
/// without allocating for short ASCII words, the usual case.
pub(super) fn with_lowercase<R>(w: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 32];
    if w.len() <= buf.len() && w.is_ascii() {
        // Invariant: `w.len() <= buf.len()` in this branch.
        let buf = &mut buf[..w.len()];
        buf.copy_from_slice(w.as_bytes());
        buf.make_ascii_lowercase();
        f(std::str::from_utf8(buf).unwrap_or_default())
    } else {
        f(&w.to_lowercase())
    }
}

/// Appends `w` in lower case (as `str::to_lowercase` gives it) to `buf`.
pub(super) fn push_lowercase(buf: &mut String, w: &str) {
    if w.is_ascii() {
        let from = buf.len();
        buf.push_str(w);
        // Invariant: `from` was the length of a `String`, a char boundary.
        buf[from..].make_ascii_lowercase();
    } else {
        buf.push_str(&w.to_lowercase());
    }
}

/// Bit of a word's length in a 64-bit length set (longer words share bit 63).
pub fn length_bit(w: &str) -> u64 {
    1 << w.len().min(63)
}
