//! Named-entity mentions and their clustering within one document.
//!
//! Rules, in order:
//! 1. runs of capitalised words (with "of", "for", "&", "de", "bin" ... inside
//!    organisation and place names) are name candidates;
//! 2. a capitalised common word that starts a sentence or sits in a
//!    title-case headline is not a name ("Police said", "Senior Hamas
//!    official"), nor is a lone title ("the President"), day or demonym;
//! 3. a leading title ("Dr.", "President", "Prime Minister") is cut off the
//!    name and makes it a person; whatever stands before the title ("US",
//!    "Israeli") is its affiliation;
//! 4. the type comes from the known-organisation list, organisation words
//!    ("Ministry", "University"), place words ("River", "County"), the place
//!    gazetteer, a forename, an acronym, or the context (a reporting verb
//!    after, a role noun before, "in"/"at" before); where these rules are
//!    not sure, a small averaged-perceptron model over the name's words,
//!    shape, context and lexicon hits (`data/entity_types.tsv`, trained on
//!    GUM by `examples/train_entity_types.rs`) decides, summed over all the
//!    mentions of an entity; it may also say "none" (not a name at all);
//! 5. within the document "Dr. Basem Naim" = "Basem Naim" = "Naim", "U.S." =
//!    "United States", "NASA" = "National Aeronautics and Space
//!    Administration"; the canonical name is the longest form without title;
//! 6. roles and affiliations from appositives ("James Hewitt, White House
//!    spokesperson") and pre-modifiers ("Senior Hamas official Dr. Basem Naim").

use std::borrow::Cow;
use std::cell::OnceCell;
use std::collections::{HashMap as StdHashMap, HashSet as StdHashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

use super::lexicon::{lexicon, with_ascii_lowercase};
use super::Analysis;
use crate::model::{Entity, EntityType, Extraction, LocalEntityId, Mention, MentionKind, Role, Span};
use crate::text::{Token, TokenKind};

/// A small fast hasher (the FxHash mix) for the string sets of this module.
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        // Little-endian words of 8 bytes, the last one zero-padded (word loads,
        // not a byte loop: this runs for every lexicon and weight look-up).
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(w));
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

impl FxHasher {
    fn add(&mut self, v: u64) {
        self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

type Fx = BuildHasherDefault<FxHasher>;
pub type HashMap<K, V> = StdHashMap<K, V, Fx>;
pub type HashSet<K> = StdHashSet<K, Fx>;

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
            head.copy_from_slice(&bytes[..8]);
            tail.copy_from_slice(&bytes[n - 8..]);
        } else {
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

type Keyed = BuildHasherDefault<KeyHasher>;
pub type StaticMap<K, V> = StdHashMap<K, V, Keyed>;
pub type StaticSet<K> = StdHashSet<K, Keyed>;

/// Grammatical gender of a forename or pronoun.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
    /// Used for both.
    Either,
}

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

fn lines(src: &'static str) -> impl Iterator<Item = &'static str> {
    src.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn pairs(src: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    lines(src).filter_map(|l| l.split_once('\t')).map(|(a, b)| (a.trim(), b.trim()))
}

fn load() -> EntityLexicon {
    let places: StaticSet<&str> = lines(include_str!("../../data/lexicon/places.txt")).collect();
    let orgs: StaticSet<&str> = lines(include_str!("../../data/lexicon/orgs.txt")).collect();
    let others: StaticSet<&str> = lines(include_str!("../../data/lexicon/other_names.txt")).collect();
    let max_words = places.iter().chain(orgs.iter()).chain(others.iter()).map(|p| p.split(' ').count()).max().unwrap_or(1);
    let place_aliases: StaticMap<&str, &str> = pairs(include_str!("../../data/lexicon/place_aliases.tsv")).collect();
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
        forenames: pairs(include_str!("../../data/lexicon/forenames.tsv"))
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
        demonyms: pairs(include_str!("../../data/lexicon/demonyms.tsv")).collect(),
        place_words: lines(include_str!("../../data/lexicon/place_words.txt")).collect(),
        event_words: lines(include_str!("../../data/lexicon/event_words.txt")).collect(),
        common: lines(include_str!("../../data/lexicon/common_words.txt")).collect(),
        max_words,
    }
}

static LEX: LazyLock<EntityLexicon> = LazyLock::new(load);

pub fn entity_lexicon() -> &'static EntityLexicon {
    &LEX
}

/// Words that may join capitalised words inside an organisation or place name.
fn is_inner_connector(w: &str) -> bool {
    matches!(
        w,
        "of" | "for"
            | "&"
            | "de"
            | "del"
            | "della"
            | "da"
            | "di"
            | "du"
            | "van"
            | "von"
            | "der"
            | "bin"
            | "ibn"
            | "al"
            | "el"
            | "la"
            | "le"
            | "the"
            | "and"
    )
}

/// Honorifics: titles that say nothing about a role.
fn is_honorific(w: &str) -> bool {
    matches!(
        w.trim_end_matches('.'),
        "Dr" | "Mr" | "Mrs" | "Ms" | "Miss" | "Prof" | "Professor" | "Sir" | "Dame" | "Lord" | "Lady" | "Mx"
    )
}

/// Words that name a person's gender when used as a title.
pub fn title_gender(w: &str) -> Option<Gender> {
    match w.trim_end_matches('.') {
        "Mr" | "Sir" | "Lord" | "King" | "Prince" | "Father" | "Brother" | "Emperor" | "Sultan" | "Congressman" | "Chairman" => {
            Some(Gender::Male)
        }
        "Mrs" | "Ms" | "Miss" | "Dame" | "Lady" | "Queen" | "Princess" | "Sister" | "Congresswoman" | "Chairwoman" => {
            Some(Gender::Female)
        }
        _ => None,
    }
}

fn is_acronym(w: &str) -> bool {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    (2..=6).contains(&letters) && w.chars().all(|c| c.is_ascii_uppercase() || c == '.' || c == '&')
}

fn is_title(w: &str) -> bool {
    LEX.titles.contains(w)
}

fn is_compass(w: &str) -> bool {
    matches!(
        w,
        "North" | "South" | "East" | "West" | "Northern" | "Southern" | "Eastern" | "Western" | "Central" | "Upper" | "Lower"
    )
}

fn is_org_word(w: &str) -> bool {
    LEX.org_words.contains(w)
}

fn is_stop(w: &str) -> bool {
    LEX.stop.contains(w) || (w.ends_with('.') && LEX.stop.contains(w.trim_end_matches('.')))
}

fn is_opening(w: &str) -> bool {
    matches!(w, "\"" | "\u{201c}" | "\u{2018}" | "'" | "(" | "[" | "-" | "\u{2013}" | "\u{2014}" | ":" | "*" | "\u{2022}" | "`")
}

/// A name found in the text, before clustering.
#[derive(Clone, Debug)]
struct Cand {
    /// Token range of the name itself (title excluded).
    start: usize,
    end: usize,
    /// First token of a title before the name ("Dr.", "Prime Minister").
    title: Option<usize>,
    ty: EntityType,
    /// How sure the type is: 3 lexicon/structure, 2 cue, 1 context, 0 default.
    strength: u8,
}

/// Per-document facts the rules look at.
struct DocInfo<'t> {
    /// Lower-case forms of sentence-initial or headline words that the document also uses in lower case.
    lower: HashSet<String>,
    /// Capitalised words seen in running text (not sentence-initially, not in headlines),
    /// collected on first use: few documents ask, and hashing every capitalised word is not free.
    mid_caps: OnceCell<HashSet<&'t str>>,
    headline: Vec<bool>,
    initial: Vec<bool>,
    /// How often each candidate name occurs in the document (filled after candidates are found).
    freq: HashMap<&'t str, u32>,
}

impl<'t> DocInfo<'t> {
    fn is_mid_cap(&self, a: &Analysis<'t>, w: &str) -> bool {
        self.mid_caps
            .get_or_init(|| {
                let mut mid_caps = HashSet::default();
                for (si, s) in a.sentences.iter().enumerate() {
                    if self.headline[si] {
                        continue;
                    }
                    for i in s.tokens.clone() {
                        if !self.initial[i] && a.caps[i] {
                            mid_caps.insert(a.tok(i));
                        }
                    }
                }
                mid_caps
            })
            .contains(w)
    }

    fn is_common(&self, w: &str) -> bool {
        with_lowercase(w, |lower| LEX.common.contains(lower) || self.lower.contains(lower))
    }
}

/// Calls `f` with `w` in lower case (as `str::to_lowercase` gives it),
/// without allocating for short ASCII words, the usual case.
fn with_lowercase<R>(w: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 32];
    if w.len() <= buf.len() && w.is_ascii() {
        let buf = &mut buf[..w.len()];
        buf.copy_from_slice(w.as_bytes());
        buf.make_ascii_lowercase();
        f(std::str::from_utf8(buf).unwrap_or_default())
    } else {
        f(&w.to_lowercase())
    }
}

/// Appends `w` in lower case (as `str::to_lowercase` gives it) to `buf`.
fn push_lowercase(buf: &mut String, w: &str) {
    if w.is_ascii() {
        let from = buf.len();
        buf.push_str(w);
        buf[from..].make_ascii_lowercase();
    } else {
        buf.push_str(&w.to_lowercase());
    }
}

fn doc_info<'t>(a: &Analysis<'t>) -> DocInfo<'t> {
    let mut headline = vec![false; a.sentences.len()];
    let mut initial = vec![false; a.tokens.len()];
    let capitalized = &a.caps;
    for (si, s) in a.sentences.iter().enumerate() {
        let mut words = 0usize;
        let mut caps = 0usize;
        let mut prev_opening = true;
        for i in s.tokens.clone() {
            let t = a.tokens[i];
            let w = a.tok(i);
            if t.kind == TokenKind::Word {
                if prev_opening {
                    initial[i] = true;
                }
                prev_opening = false;
                if w.len() > 3 || capitalized[i] {
                    words += 1;
                    caps += usize::from(capitalized[i]);
                }
            } else {
                prev_opening = t.kind == TokenKind::Punct && (is_opening(w) || matches!(w, "." | "!" | "?"));
            }
        }
        let last = s.tokens.clone().last().map(|i| a.tok(i));
        let ends_sentence = matches!(last, Some("." | "\u{201d}" | "\""));
        headline[si] = words >= 2 && caps * 10 >= words * 7 && !ends_sentence;
    }
    // Capitalised words where capitals say nothing (sentence starts, headlines)
    // that the document also writes in lower case are common words.
    let mut wanted: HashSet<String> = HashSet::default();
    // Lengths (bit `len.min(63)`) of the wanted words by first byte: a cheap
    // filter before the set look-up that every lower-case word would need.
    let mut first_bytes = [0u64; 256];
    for (si, s) in a.sentences.iter().enumerate() {
        for i in s.tokens.clone() {
            if (initial[i] || headline[si]) && capitalized[i] {
                with_lowercase(a.tok(i), |l| {
                    if !LEX.common.contains(l) && !wanted.contains(l) {
                        first_bytes[usize::from(l.as_bytes()[0])] |= length_bit(l);
                        wanted.insert(l.to_string());
                    }
                });
            }
        }
    }
    let mut lower = HashSet::default();
    if !wanted.is_empty() {
        for (i, t) in a.tokens.iter().enumerate() {
            let w = a.tok(i);
            if t.kind == TokenKind::Word
                && first_bytes[usize::from(w.as_bytes()[0])] & length_bit(w) != 0
                && wanted.contains(w)
                && !lower.contains(w)
            {
                lower.insert(w.to_string());
            }
        }
    }
    DocInfo { lower, mid_caps: OnceCell::new(), headline, initial, freq: HashMap::default() }
}

/// Bit of a word's length in a 64-bit length set (longer words share bit 63).
pub fn length_bit(w: &str) -> u64 {
    1 << w.len().min(63)
}

/// Text of tokens `i..j`, if they are separated by single spaces only.
fn phrase<'t>(a: &Analysis<'t>, i: usize, j: usize) -> Option<&'t str> {
    let s = a.tokens[i].span.start();
    let e = a.tokens[j - 1].span.end();
    let p = &a.text[s..e];
    (!p.contains(['\n', '\t']) && !p.contains("  ")).then_some(p)
}

/// Length in tokens of the longest known place/organisation starting at `i` and ending by `end`.
fn known_at(a: &Analysis, i: usize, end: usize) -> Option<(usize, EntityType)> {
    if !LEX.known_starts.contains(a.tok(i)) {
        return None;
    }
    let max = LEX.max_words.min(end - i);
    for n in (1..=max).rev() {
        // Names with hyphens or dots are single tokens, so token count may exceed word count.
        let Some(p) = phrase(a, i, i + n) else { continue };
        if LEX.orgs.contains(p) {
            return Some((n, EntityType::Organization));
        }
        if LEX.others.contains(p) {
            return Some((n, EntityType::Other));
        }
        if LEX.places.contains(p) || LEX.place_aliases.contains_key(p) {
            return Some((n, EntityType::Place));
        }
    }
    None
}

/// Length of a title starting at token `i` (multi-word titles first).
fn title_len(a: &Analysis, i: usize, end: usize) -> usize {
    let w = a.tok(i);
    if !LEX.title_starts.contains(w) {
        return usize::from(is_title(w));
    }
    for t in &lexicon().multiword_titles {
        if i + t.len() <= end && t.iter().enumerate().all(|(k, w)| a.tok(i + k) == *w) {
            return t.len();
        }
    }
    usize::from(is_title(a.tok(i)))
}

fn is_cap_word(a: &Analysis, i: usize) -> bool {
    if a.caps[i] {
        return true;
    }
    if a.tokens[i].kind != TokenKind::Word {
        return false;
    }
    // "al-Qaeda", "bin Laden"-style particles are handled as connectors; "iPhone" is a name.
    let mut cs = a.tok(i).chars();
    cs.next().is_some_and(char::is_lowercase) && cs.next().is_some_and(char::is_uppercase)
}

/// Finds the name candidates of one sentence.
fn sentence_cands<'t>(a: &Analysis<'t>, info: &DocInfo<'t>, si: usize, out: &mut Vec<Cand>) {
    let range = a.sentences[si].tokens.clone();
    let headline = info.headline[si];
    let mut i = range.start;
    while i < range.end {
        if !is_cap_word(a, i) {
            i += 1;
            continue;
        }
        // Maximal run of capitalised words with inner connectors.
        let mut j = i + 1;
        loop {
            if j < range.end && is_cap_word(a, j) {
                j += 1;
                continue;
            }
            // connector(s) followed by a capitalised word
            let mut k = j;
            while k < range.end && k < j + 2 && is_inner_connector(a.tok(k)) {
                k += 1;
            }
            if k > j && k < range.end && is_cap_word(a, k) && connector_ok(a, i, j, k) {
                j = k + 1;
                continue;
            }
            break;
        }
        split_run(a, info, headline, i, j, out);
        i = j;
    }
}

/// Whether connector tokens `j..k` may join the run `i..j` to the capitalised word at `k`.
fn connector_ok(a: &Analysis, i: usize, j: usize, k: usize) -> bool {
    let first = a.tok(j);
    match first {
        "&" => true,
        "de" | "del" | "della" | "da" | "di" | "du" | "van" | "von" | "der" | "bin" | "ibn" | "al" | "el" | "la" | "le" => {
            k == j + 1
        }
        "of" | "for" | "the" | "and" => {
            // Only inside organisation/place names: "University of Texas", "Bank of America",
            // "National Aeronautics and Space Administration".
            let headword = |t: usize| {
                let w = a.tok(t);
                is_org_word(w)
                    || LEX.place_words.contains(w)
                    || matches!(w, "Republic" | "Kingdom" | "Isle" | "Cape" | "Duchy")
                    || (first == "of" && is_title(w))
            };
            let ahead = (k..a.tokens.len().min(k + 3)).take_while(|&t| is_cap_word(a, t)).any(|t| is_org_word(a.tok(t)));
            if first == "and" {
                // "Ministry of Trade and Industry", "National Aeronautics and Space Administration";
                // but "the University of Texas and Acme Corporation" are two.
                (i..j).any(|t| is_org_word(a.tok(t))) != ahead
            } else {
                (i..j).any(headword) || (first != "of" && ahead)
            }
        }
        _ => false,
    }
}

/// Cuts a run of capitalised words into names, dropping what is not a name.
fn split_run<'t>(a: &Analysis<'t>, info: &DocInfo<'t>, headline: bool, mut i: usize, j: usize, out: &mut Vec<Cand>) {
    while i < j {
        let w = a.tok(i);
        // Known multi-word place or organisation wins over everything.
        if let Some((n, ty)) = known_at(a, i, j) {
            if n > 1 || !(info.initial[i] || headline) || !info.is_common(w) {
                // "Reading", "Bath" at a sentence start are words.
                let end = i + n;
                // An organisation word right after a place makes an organisation: "Texas Rangers";
                // an event word an event: "Gulf War".
                if end < j && !is_connector_tok(a, end) {
                    let rest = name_end(a, end, j);
                    let full = (i..rest).any(|t| is_org_word(a.tok(t))) || LEX.event_words.contains(a.tok(rest - 1));
                    if full {
                        let (ty2, st) = classify(a, i, rest, None);
                        push(out, i, rest, None, ty2, st);
                        i = rest;
                        continue;
                    }
                }
                let ty = if ty == EntityType::Place && is_team_context(a, i, end) { EntityType::Organization } else { ty };
                push(out, i, end, None, ty, 3);
                i = end;
                continue;
            }
        }
        if is_connector_tok(a, i) {
            i += 1;
            continue;
        }
        let tl = title_len(a, i, j);
        if tl > 0 {
            let after = i + tl;
            if after < j && !is_connector_tok(a, after) && !is_org_word(a.tok(after)) {
                // Titles may stack: "Former President Dr. X".
                let mut name = after;
                while name < j {
                    let t2 = title_len(a, name, j);
                    if t2 == 0 {
                        break;
                    }
                    name += t2;
                }
                if name < j {
                    let end = name_end(a, name, j);
                    let (ty, st) = classify(a, name, end, Some(i));
                    push(out, name, end, Some(i), ty, st);
                    i = end;
                    continue;
                }
            }
            // A title alone or a title of an organisation ("Minister of Defence") is no name,
            // but a named organisation or place after it is: "President of the Linguistic
            // Society of America", "Prime Minister of Israel".
            if after >= j || is_connector_tok(a, after) {
                let mut k = after;
                while k < j && is_connector_tok(a, k) {
                    k += 1;
                }
                let named = k < j && ((k..j).any(|t| is_org_word(a.tok(t))) || known_at(a, k, j).is_some());
                i = if named { k } else { skip_of_phrase(a, after, j) };
                continue;
            }
        }
        if is_stop(w) || is_demonym_compound(w) || is_contraction(w) {
            i += 1;
            continue;
        }
        if (info.initial[i] || headline) && info.is_common(w) && !LEX.forenames.contains_key(w) {
            i += 1;
            continue;
        }
        if headline && !info.is_mid_cap(a, w) && !LEX.forenames.contains_key(w) && !is_acronym(w) {
            i += 1;
            continue;
        }
        let end = name_end(a, i, j);
        // "New Zealander": a demonym of more than one word.
        if end > i + 1 && phrase(a, i, end).is_some_and(|p| LEX.demonyms.contains_key(p)) {
            i = end;
            continue;
        }
        // A role, not a name: "High Commissioner", "New Democrat MP", "Sheriff".
        if is_role_word(a.tok(end - 1)) {
            i = end;
            continue;
        }
        // Single words that are never names on their own.
        if end == i + 1 && (LEX.demonyms.contains_key(w) || is_org_word(w) || LEX.place_words.contains(w)) {
            // "the Court", "the Church": a capitalised organisation word in running text names one.
            if is_org_word(w) && !info.initial[i] && !headline && w.len() > 3 {
                push(out, i, end, None, EntityType::Organization, 1);
            }
            i += 1;
            continue;
        }
        // A demonym before an organisation or name: "Israeli Army" stays whole; "Israeli Netanyahu" splits.
        let (ty, st) = classify(a, i, end, None);
        push(out, i, end, None, ty, st);
        i = end;
    }
}

/// A country or city named as a sports team: "Sweden beat Mexico", "Belgium's
/// coach", "lost to England" (metonymy: the team is an organisation).
fn is_team_context(a: &Analysis, i: usize, end: usize) -> bool {
    let word = |k: usize| if k < a.tokens.len() { a.tok(k) } else { "" };
    let mut after = end;
    if matches!(word(after), "'s" | "\u{2019}s") {
        after += 1;
        if matches!(
            word(after),
            "coach"
                | "team"
                | "squad"
                | "players"
                | "goalkeeper"
                | "captain"
                | "striker"
                | "manager"
                | "defence"
                | "defense"
                | "midfield"
                | "fans"
        ) {
            return true;
        }
    }
    let verbs = |w: &str| {
        matches!(
            w,
            "beat"
                | "beats"
                | "defeated"
                | "defeats"
                | "drew"
                | "draws"
                | "thrashed"
                | "edged"
                | "routed"
                | "outplayed"
                | "eliminated"
                | "scored"
                | "scores"
                | "equalised"
                | "equalized"
                | "advanced"
                | "qualified"
        )
    };
    if verbs(word(end)) {
        return true;
    }
    let before = if i > 0 { word(i - 1) } else { "" };
    let before2 = if i > 1 { word(i - 2) } else { "" };
    verbs(before)
        || matches!(before, "vs" | "vs." | "v" | "v." | "versus")
        || (before == "to" && matches!(before2, "lost" | "fell"))
}

/// Single words that cannot name a person: acronyms and abstract nouns.
fn not_a_person_word(w: &str) -> bool {
    // Also digits ("L2"), plural acronyms ("CFLs"), a lone compass word ("East").
    is_acronym(w)
        || w.strip_suffix('s').is_some_and(is_acronym)
        || is_compass(w)
        || ["ology", "ism", "ity", "tion", "ment", "ness", "ship"].iter().any(|s| w.len() > s.len() + 2 && w.ends_with(s))
}

/// A capitalised word that names a role: a title or a role noun ("Commissioner", "MP").
fn is_role_word(w: &str) -> bool {
    if is_org_word(w) || LEX.place_words.contains(w) {
        return false;
    }
    is_title(w) || matches!(w, "MP" | "MPs" | "CEO" | "Sheriff" | "Spokesperson" | "Spokesman" | "Spokeswoman") || {
        w.len() > 3 && !w.chars().skip(1).any(char::is_uppercase) && with_ascii_lowercase(w, |l| LEX.speaker_nouns.contains(l))
    }
}

/// "I'm", "I'll": a pronoun with its verb.
fn is_contraction(w: &str) -> bool {
    w.starts_with("I'") || w.starts_with("I\u{2019}")
}

/// "US-Israeli", "Israeli-American": demonym compounds are adjectives, not names.
fn is_demonym_compound(w: &str) -> bool {
    w.contains('-')
        && w.split('-').all(|p| LEX.demonyms.contains_key(p) || LEX.place_aliases.contains_key(p) || LEX.places.contains(p))
        && w.split('-').any(|p| LEX.demonyms.contains_key(p))
}

fn is_connector_tok(a: &Analysis, i: usize) -> bool {
    !is_cap_word(a, i)
}

/// Skips "of the Treasury" after a bare title.
fn skip_of_phrase(a: &Analysis, mut i: usize, j: usize) -> usize {
    while i < j && (is_connector_tok(a, i) || is_cap_word(a, i)) {
        i += 1;
    }
    i
}

/// End of the name starting at `i`: up to the next title or known place that
/// begins a new name inside the run ("Hamas Dr. Basem Naim").
fn name_end(a: &Analysis, i: usize, j: usize) -> usize {
    let mut e = i + 1;
    while e < j {
        // The cheap test first.
        if is_honorific(a.tok(e)) && title_len(a, e, j) > 0 {
            break;
        }
        e += 1;
    }
    // Trailing connectors are not part of the name.
    while e > i + 1 && is_connector_tok(a, e - 1) {
        e -= 1;
    }
    e
}

fn push(out: &mut Vec<Cand>, start: usize, end: usize, title: Option<usize>, ty: EntityType, strength: u8) {
    if end > start {
        out.push(Cand { start, end, title, ty, strength });
    }
}

fn next_word<'t>(a: &Analysis<'t>, i: usize) -> Option<&'t str> {
    a.tokens.get(i).map(|t| t.span.slice(a.text))
}

/// Types the name `i..j`.
fn classify(a: &Analysis, i: usize, j: usize, title: Option<usize>) -> (EntityType, u8) {
    let first = a.tok(i);
    let last = a.tok(j - 1);
    if let Some(p) = phrase(a, i, j) {
        if LEX.orgs.contains(p) {
            return (EntityType::Organization, 3);
        }
    }
    // Facilities are places ("Kennedy Space Center", "Museum of Flight").
    let head_of = (i..j).find(|&t| t + 1 < j && a.tok(t + 1) == "of").map(|t| a.tok(t));
    let facility = |w: &str| LEX.place_words.contains(w) && is_org_word(w);
    if j - i >= 2 && (facility(last) || head_of.is_some_and(facility)) {
        return (EntityType::Place, 3);
    }
    if j - i >= 2 && is_org_word(last) || head_of.is_some_and(is_org_word) {
        return (EntityType::Organization, 3);
    }
    let event = |w: &str| LEX.event_words.contains(w);
    if j - i >= 2 && title.is_none() && (event(last) || head_of.is_some_and(event)) {
        return (EntityType::Other, 3);
    }
    if j - i >= 2 && (LEX.place_words.contains(last) || matches!(first, "Mount" | "Mt." | "Lake" | "Cape" | "Fort" | "Port")) {
        return (EntityType::Place, 3);
    }
    // A part of a known place: "East China", "Northern Nigeria", "South Lebanon".
    if j - i >= 2 && is_compass(first) && phrase(a, i + 1, j).is_some_and(|p| LEX.places.contains(p)) {
        return (EntityType::Place, 3);
    }
    if title.is_some() {
        return (EntityType::Person, 3);
    }
    if let Some(p) = phrase(a, i, j) {
        if LEX.places.contains(p) || LEX.place_aliases.contains_key(p) {
            return (EntityType::Place, 3);
        }
    }
    if j - i >= 2 && LEX.forenames.contains_key(first) {
        return (EntityType::Person, 2);
    }
    if j - i == 1 && is_acronym(first) {
        return (EntityType::Organization, 2);
    }
    // Context: a reporting verb after, a role noun before.
    let after = next_word(a, j);
    let after2 = next_word(a, j + 1);
    let cue = |w: Option<&str>| w.is_some_and(|w| LEX.cues.contains(w));
    if cue(after) || (matches!(after, Some(",")) && cue(after2)) {
        return (EntityType::Person, 2);
    }
    let before = i.checked_sub(1).map(|b| a.tok(b));
    if let Some(b) = before {
        if LEX.speaker_nouns.contains(b) && b.chars().all(char::is_lowercase) && !matches!(b, "statement" | "report") {
            return (EntityType::Person, 2);
        }
        if matches!(b, "in" | "In" | "near" | "across" | "throughout" | "outside" | "inside") {
            return (EntityType::Place, 1);
        }
    }
    // "Houston, Texas": a place before a comma and a known place.
    if after == Some(",") && j + 1 < a.tokens.len() && is_cap_word(a, j + 1) {
        if let Some(p) = phrase(a, j + 1, j + 2) {
            if LEX.places.contains(p) {
                return (EntityType::Place, 1);
            }
        }
    }
    if j - i >= 2 && (i..j).all(|t| is_cap_word(a, t)) {
        (EntityType::Person, 1)
    } else if j - i >= 2 {
        (EntityType::Person, 0)
    } else {
        (EntityType::Other, 0)
    }
}

/// Classes of the mention-type model, in weight-column order.
pub const CLASSES: [&str; 4] = ["person", "organization", "place", "none"];

/// Averaged-perceptron weights for typing a name from its features
/// (`data/entity_types.tsv`, trained on GUM by `examples/train_entity_types.rs`).
static WEIGHTS: LazyLock<StaticMap<&'static str, [f32; 4]>> = LazyLock::new(|| {
    lines(include_str!("../../data/entity_types.tsv"))
        .filter_map(|l| {
            let mut it = l.split('\t');
            let f = it.next()?;
            let mut w = [0f32; 4];
            for x in &mut w {
                *x = it.next()?.parse().ok()?;
            }
            Some((f, w))
        })
        .collect()
});

/// Shapes of a word, as [`shape`] numbers them.
const SHAPES: [&str; 6] = ["digit", "hyphen", "dot", "upper", "camel", "title"];

fn shape(w: &str) -> usize {
    if w.chars().any(|c| c.is_ascii_digit()) {
        0
    } else if w.contains('-') {
        1
    } else if w.contains('.') {
        2
    } else if w.chars().all(|c| !c.is_lowercase()) {
        3
    } else if w.chars().skip(1).any(char::is_uppercase) {
        4
    } else {
        5
    }
}

/// Features whose values form a small closed set, by number: their weights
/// are looked up once, when the model loads, instead of per candidate.
mod fixed {
    use crate::model::EntityType;

    /// Feature names without a value, in number order.
    pub const FLAGS: [&str; 18] = [
        "bias",
        "title",
        "forename",
        "forename1",
        "gazetteer",
        "known_org",
        "org_word",
        "has_org_word",
        "place_word",
        "demonym",
        "acronym",
        "has_common",
        "initial",
        "connector",
        "plural",
        "next_cue",
        "prev_cue",
        "all_common",
    ];
    pub const BIAS: usize = 0;
    pub const TITLE: usize = 1;
    pub const FORENAME: usize = 2;
    pub const FORENAME1: usize = 3;
    pub const GAZETTEER: usize = 4;
    pub const KNOWN_ORG: usize = 5;
    pub const ORG_WORD: usize = 6;
    pub const HAS_ORG_WORD: usize = 7;
    pub const PLACE_WORD: usize = 8;
    pub const DEMONYM: usize = 9;
    pub const ACRONYM: usize = 10;
    pub const HAS_COMMON: usize = 11;
    pub const INITIAL: usize = 12;
    pub const CONNECTOR: usize = 13;
    pub const PLURAL: usize = 14;
    pub const NEXT_CUE: usize = 15;
    pub const PREV_CUE: usize = 16;
    pub const ALL_COMMON: usize = 17;
    /// `len=0` to `len=4`.
    const LEN: usize = FLAGS.len();
    /// `shape=` one of [`super::SHAPES`].
    const SHAPE: usize = LEN + 5;
    /// `df=1`, `df=2-3`, `df=4+`.
    const DF: usize = SHAPE + super::SHAPES.len();
    pub const DFS: [&str; 3] = ["1", "2-3", "4+"];
    /// `rule=TYPE:STRENGTH`, 4 types by 4 strengths.
    const RULE: usize = DF + DFS.len();
    pub const COUNT: usize = RULE + 16;
    const TYPES: [EntityType; 4] = [EntityType::Person, EntityType::Organization, EntityType::Place, EntityType::Other];

    pub fn len(n: usize) -> usize {
        LEN + n.min(4)
    }
    pub fn shape(k: usize) -> usize {
        SHAPE + k
    }
    pub fn df(k: usize) -> usize {
        DF + k
    }
    /// Strength is 0 to 3 by construction.
    pub fn rule(ty: EntityType, strength: u8) -> usize {
        let t = TYPES.iter().position(|&t| t == ty).unwrap_or(3);
        RULE + 4 * t + usize::from(strength.min(3))
    }

    /// The feature string of number `k`, as the weight file writes it.
    pub fn name(k: usize) -> String {
        match k {
            _ if k < LEN => FLAGS[k].to_string(),
            _ if k < SHAPE => format!("len={}", k - LEN),
            _ if k < DF => format!("shape={}", super::SHAPES[k - SHAPE]),
            _ if k < RULE => format!("df={}", DFS[k - DF]),
            _ => format!("rule={}:{}", TYPES[(k - RULE) / 4].as_str(), (k - RULE) % 4),
        }
    }
}

/// Receives the features of a candidate, in order: closed-set ones by number
/// ([`fixed`]), the others as pieces to concatenate.
trait FeatureSink {
    fn fixed(&mut self, k: usize);
    fn open(&mut self, parts: &[&str]);
}

/// Collects feature strings (for training).
struct Strings(Vec<String>);

impl FeatureSink for Strings {
    fn fixed(&mut self, k: usize) {
        self.0.push(fixed::name(k));
    }
    fn open(&mut self, parts: &[&str]) {
        self.0.push(parts.concat());
    }
}

/// Sums the weights of the features (for typing): the same sum, in the same
/// order, as looking every feature string up in [`WEIGHTS`].
struct Scores {
    sum: [f32; 4],
    buf: String,
}

impl Scores {
    fn add(&mut self, w: &[f32; 4]) {
        for (s, x) in self.sum.iter_mut().zip(w) {
            *s += x;
        }
    }
}

impl FeatureSink for Scores {
    fn fixed(&mut self, k: usize) {
        if let Some(w) = &FIXED_WEIGHTS[k] {
            self.add(w);
        }
    }
    fn open(&mut self, parts: &[&str]) {
        self.buf.clear();
        for p in parts {
            self.buf.push_str(p);
        }
        if let Some(w) = WEIGHTS.get(self.buf.as_str()) {
            self.add(w);
        }
    }
}

/// Weights of the [`fixed`] features, by number.
static FIXED_WEIGHTS: LazyLock<Vec<Option<[f32; 4]>>> =
    LazyLock::new(|| (0..fixed::COUNT).map(|k| WEIGHTS.get(fixed::name(k).as_str()).copied()).collect());

/// Buffers [`features`] reuses from one candidate to the next.
#[derive(Default)]
struct Buffers {
    /// The last word in lower case.
    lower: String,
    /// The lower-case context words one after the other.
    context: String,
}

/// Features of a name candidate for the type model.
fn features(a: &Analysis, info: &DocInfo, c: &Cand, f: &mut impl FeatureSink, b: &mut Buffers) {
    let n = c.end - c.start;
    let first = a.tok(c.start);
    let last = a.tok(c.end - 1);
    f.fixed(fixed::BIAS);
    f.fixed(fixed::len(n));
    f.fixed(fixed::rule(c.ty, c.strength));
    f.open(&["first=", first]);
    f.open(&["last=", last]);
    f.fixed(fixed::shape(shape(last)));
    b.lower.clear();
    push_lowercase(&mut b.lower, last);
    let lower = b.lower.as_str();
    // Suffixes of 2 and 3 characters, when the word is longer than that
    // (from the starts of its last 2, 3 and 4 characters).
    let mut starts = lower.char_indices().rev().map(|(i, _)| i).skip(1);
    let (s2, s3, s4) = (starts.next(), starts.next(), starts.next());
    if let (Some(s), Some(_)) = (s2, s3) {
        f.open(&["suf2=", &lower[s..]]);
    }
    if let (Some(s), Some(_)) = (s3, s4) {
        f.open(&["suf3=", &lower[s..]]);
    }
    for i in c.start..c.end {
        f.open(&["w=", a.tok(i)]);
    }
    let sent = a.sentence_at(a.tokens[c.start].span.start()).map(|s| a.sentences[s].tokens.clone()).unwrap_or(0..a.tokens.len());
    let from = c.title.unwrap_or(c.start);
    // Previous 1, previous 2, next 1, next 2, each ending at `ends[k]` in `b.context`.
    b.context.clear();
    let mut ends = [0; 4];
    for (k, end) in ends.iter_mut().enumerate() {
        let tok = if k < 2 {
            (from > sent.start + k).then(|| from - k - 1).ok_or("<s>")
        } else {
            let at = c.end + k - 2;
            (at < sent.end).then_some(at).ok_or("</s>")
        };
        match tok {
            Ok(t) => push_lowercase(&mut b.context, a.tok(t)),
            Err(edge) => b.context.push_str(edge),
        }
        *end = b.context.len();
    }
    let cx = b.context.as_str();
    let (p1, p2, n1, n2) = (&cx[..ends[0]], &cx[ends[0]..ends[1]], &cx[ends[1]..ends[2]], &cx[ends[2]..ends[3]]);
    f.open(&["prev=", p1]);
    f.open(&["prev2=", p2, " ", p1]);
    f.open(&["next=", n1]);
    f.open(&["next2=", n1, " ", n2]);
    if let Some(t) = c.title {
        f.fixed(fixed::TITLE);
        f.open(&["title=", a.tok(t)]);
    }
    let ph = phrase(a, c.start, c.end).unwrap_or("");
    let forename = LEX.forenames.contains_key(first);
    if n >= 2 && forename {
        f.fixed(fixed::FORENAME);
    }
    if n == 1 && forename {
        f.fixed(fixed::FORENAME1);
    }
    if LEX.places.contains(ph) || LEX.place_aliases.contains_key(ph) {
        f.fixed(fixed::GAZETTEER);
    }
    if LEX.orgs.contains(ph) {
        f.fixed(fixed::KNOWN_ORG);
    }
    let last_org_word = is_org_word(last);
    if last_org_word {
        f.fixed(fixed::ORG_WORD);
    }
    if last_org_word || (c.start..c.end - 1).any(|i| is_org_word(a.tok(i))) {
        f.fixed(fixed::HAS_ORG_WORD);
    }
    if LEX.place_words.contains(last) {
        f.fixed(fixed::PLACE_WORD);
    }
    if LEX.demonyms.contains_key(first) {
        f.fixed(fixed::DEMONYM);
    }
    if is_acronym(first) && n == 1 {
        f.fixed(fixed::ACRONYM);
    }
    let common: u64 = (c.start..c.end).map(|i| u64::from(with_lowercase(a.tok(i), |l| LEX.common.contains(l)))).sum();
    if common > 0 {
        f.fixed(fixed::HAS_COMMON);
    }
    if info.initial[c.start] {
        f.fixed(fixed::INITIAL);
    }
    if (c.start..c.end).any(|i| !is_cap_word(a, i)) {
        f.fixed(fixed::CONNECTOR);
    }
    let df = info.freq.get(ph).copied().unwrap_or(0);
    f.fixed(fixed::df(match df {
        0 | 1 => 0,
        2 | 3 => 1,
        _ => 2,
    }));
    if n == 1 && last.ends_with('s') && !last.ends_with("ss") {
        f.fixed(fixed::PLURAL);
    }
    if LEX.cues.contains(n1) {
        f.fixed(fixed::NEXT_CUE);
    }
    if LEX.cues.contains(p1) {
        f.fixed(fixed::PREV_CUE);
    }
    if common == n as u64 {
        f.fixed(fixed::ALL_COMMON);
    }
}

fn scores(a: &Analysis, info: &DocInfo, c: &Cand, s: &mut Scores, b: &mut Buffers) -> [f32; 4] {
    s.sum = [0f32; 4];
    features(a, info, c, s, b);
    s.sum
}

/// Name candidates of a document with their spans and model features (for training the type model).
pub fn candidate_features(a: &Analysis) -> Vec<(Span, Vec<String>)> {
    let (info, cands) = candidates(a);
    cands
        .iter()
        .map(|c| {
            let mut f = Strings(Vec::new());
            features(a, &info, c, &mut f, &mut Buffers::default());
            (c_span(a, c), f.0)
        })
        .collect()
}

/// Words of a name as the document writes them.
fn words_of<'a, 't>(a: &'a Analysis<'t>, c: &Cand) -> &'a [&'t str] {
    &a.words[c.start..c.end]
}

fn initials(words: &[&str]) -> String {
    words.iter().filter(|w| w.chars().next().is_some_and(char::is_uppercase)).filter_map(|w| w.chars().next()).collect()
}

/// Clusters candidates into entities.
fn cluster(a: &Analysis, cands: &[Cand]) -> (Vec<usize>, usize) {
    let n = cands.len();
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    let keys: Vec<Cow<str>> = cands
        .iter()
        .map(|c| {
            let text = c_text(a, c);
            match LEX.place_aliases.get(text) {
                Some(s) => Cow::Borrowed(*s),
                None if text.contains('\u{2019}') => Cow::Owned(text.replace('\u{2019}', "'")),
                None => Cow::Borrowed(text),
            }
        })
        .collect();
    // Same key.
    let mut by_key: HashMap<&str, usize> = HashMap::default();
    for (i, k) in keys.iter().enumerate() {
        match by_key.get(k.as_ref()) {
            Some(&r) => {
                let (x, y) = (find(&mut parent, r), find(&mut parent, i));
                parent[y] = x;
            }
            None => {
                by_key.insert(k, i);
            }
        }
    }
    // Persons: a shorter form matches a longer one by surname, forename, or first+last.
    let words: Vec<&[&str]> = cands.iter().map(|c| words_of(a, c)).collect();
    // Full person names indexed by their first and last word (indices ascending),
    // so that matching stays linear in long documents.
    let mut by_last: HashMap<&str, Vec<usize>> = HashMap::default();
    let mut by_first: HashMap<&str, Vec<usize>> = HashMap::default();
    for p in (0..n).filter(|&i| cands[i].ty == EntityType::Person && words[i].len() >= 2) {
        by_last.entry(words[p][words[p].len() - 1]).or_default().push(p);
        by_first.entry(words[p][0]).or_default().push(p);
    }
    // How far from `i` to look in one list, each way: enough for any real text.
    const SCAN: usize = 64;
    for i in 0..n {
        let wi = &words[i];
        if wi.len() >= 2 && cands[i].ty != EntityType::Person {
            continue;
        }
        let fits = |p: usize| {
            if p == i || words[p].len() <= wi.len() {
                return false;
            }
            let wp = &words[p];
            if wi.len() == 1 {
                wp.last() == wi.first()
                    || (wp.first() == wi.first() && cands[i].ty == EntityType::Person && cands[i].strength >= 2)
            } else {
                wp.first() == wi.first() && wp.last() == wi.last()
            }
        };
        // Pick the nearest full name (preceding first) sharing the surname.
        let mut best: Option<(usize, bool, usize)> = None;
        let lists = [by_last.get(wi[wi.len() - 1]), if wi.len() == 1 { by_first.get(wi[0]) } else { None }];
        for list in lists.into_iter().flatten() {
            let at = list.partition_point(|&p| p < i);
            let before = list[..at].iter().rev().take(SCAN).copied().find(|&p| fits(p));
            let after = list[at..].iter().take(SCAN).copied().find(|&p| fits(p));
            for p in before.into_iter().chain(after) {
                let key = (p.abs_diff(i), p > i, p);
                if best.is_none_or(|b| (b.1, b.0) > (key.1, key.0)) {
                    best = Some(key);
                }
            }
        }
        // A single word that is a known place or organisation stays itself unless it is someone's surname.
        if let Some((_, _, p)) = best {
            if wi.len() == 1 && cands[i].strength >= 3 && cands[i].ty != EntityType::Person {
                // A known place can be a surname, but not in "Louis XV of France";
                // a known event, product or religion is nobody's.
                let wp = &words[p];
                let surname_used = wp.last() == wi.first();
                let of_name = wp.len() >= 3 && wp[wp.len() - 2] == "of";
                if !surname_used || of_name || cands[i].ty == EntityType::Other {
                    continue;
                }
            }
            let (x, y) = (find(&mut parent, p), find(&mut parent, i));
            parent[y] = x;
        }
    }
    // Acronyms: "NASA" = "National Aeronautics and Space Administration".
    let has_acronym = words.iter().any(|w| w.len() == 1 && is_acronym(w[0]));
    let long_initials: Vec<String> = if has_acronym {
        (0..n)
            .map(|p| if words[p].len() >= 2 && cands[p].ty != EntityType::Person { initials(words[p]) } else { String::new() })
            .collect()
    } else {
        Vec::new()
    };
    for (i, wi) in words.iter().enumerate() {
        if wi.len() != 1 || !is_acronym(wi[0]) {
            continue;
        }
        let acr: String = wi[0].chars().filter(|c| c.is_alphabetic()).collect();
        if let Some(p) = long_initials.iter().position(|l| !l.is_empty() && *l == acr) {
            let (x, y) = (find(&mut parent, p), find(&mut parent, i));
            parent[y] = x;
        }
    }
    let roots: Vec<usize> = (0..n).map(|i| find(&mut parent, i)).collect();
    (roots, n)
}

fn c_span(a: &Analysis, c: &Cand) -> Span {
    a.tokens[c.start].span.cover(a.tokens[c.end - 1].span)
}

/// The mention's span: the name with its title ("Dr. Basem Naim").
fn m_span(a: &Analysis, c: &Cand) -> Span {
    a.tokens[c.title.unwrap_or(c.start)].span.cover(a.tokens[c.end - 1].span)
}

fn c_text<'t>(a: &Analysis<'t>, c: &Cand) -> &'t str {
    c_span(a, c).slice(a.text)
}

/// Finds named mentions, clusters them into entities and reads their roles.
fn candidates<'t>(a: &Analysis<'t>) -> (DocInfo<'t>, Vec<Cand>) {
    let mut info = doc_info(a);
    let mut cands = Vec::new();
    for si in 0..a.sentences.len() {
        sentence_cands(a, &info, si, &mut cands);
    }
    for c in &cands {
        *info.freq.entry(c_text(a, c)).or_default() += 1;
    }
    (info, cands)
}

pub fn find(a: &Analysis) -> Extraction {
    let (info, mut cands) = candidates(a);
    // The type model, where trained, weighs in; rule evidence is added as a boost.
    let model: Vec<[f32; 4]> = if WEIGHTS.is_empty() {
        Vec::new()
    } else {
        let mut sink = Scores { sum: [0f32; 4], buf: String::with_capacity(64) };
        let mut buffers = Buffers::default();
        cands
            .iter()
            .map(|c| {
                // Structure decides strength-3 names; the model is only asked about the rest (it is the costly part).
                let mut s = if c.strength >= 3 { [0.0; 4] } else { scores(a, &info, c, &mut sink, &mut buffers) };
                let boost = boost(c.strength);
                // People are not written as acronyms, nor with abstract-noun endings ("Scientology").
                if c.end == c.start + 1 && not_a_person_word(a.tok(c.start)) {
                    s[0] = f32::MIN / 4.0;
                }
                // A known product, event or language is no person, organisation or place;
                // nor is a single word with digits ("L2", "A380") a person.
                let digits = c.end == c.start + 1 && a.tok(c.start).bytes().any(|b| b.is_ascii_digit());
                if c.ty == EntityType::Other && c.strength >= 3 || digits {
                    s[3] = s[0].max(s[1]).max(s[2]) + 10.0;
                }
                if let Some(k) = class_index(c.ty) {
                    s[k] += boost;
                    // Structure (a title, an organisation word, the lexicons) says it is a name.
                    if c.strength >= 2 {
                        s[3] = s[3].min(s[k]);
                    }
                }
                s
            })
            .collect()
    };
    for (c, s) in cands.iter_mut().zip(&model) {
        let (ty, strength) = match argmax(s) {
            0 => (EntityType::Person, 2),
            1 => (EntityType::Organization, 2),
            2 => (EntityType::Place, 2),
            _ => (EntityType::Other, 0),
        };
        if ty != c.ty {
            c.ty = ty;
            c.strength = strength;
        }
    }
    let (roots, n) = cluster(a, &cands);
    // Entity type: the strongest evidence wins; ties go to person > org > place > other.
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut group_of: HashMap<usize, usize> = HashMap::default();
    for (i, &r) in roots.iter().enumerate().take(n) {
        let g = *group_of.entry(r).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[g].push(i);
    }
    let mut x = Extraction::default();
    for g in &groups {
        let ty = if model.is_empty() {
            group_type(&cands, g)
        } else {
            // The fullest forms decide: "Valeska Paris" types "Paris" too.
            let longest = g.iter().map(|&i| cands[i].end - cands[i].start).max().unwrap_or(1);
            let mut sum = [0f32; 4];
            for &i in g.iter().filter(|&&i| longest == 1 || cands[i].end - cands[i].start > 1) {
                for k in 0..4 {
                    sum[k] += model[i][k];
                }
            }
            // "none" only when every mention is none on its own.
            if g.iter().any(|&i| argmax(&model[i]) != 3) {
                sum[3] = f32::MIN;
            }
            match argmax(&sum) {
                0 => EntityType::Person,
                1 => EntityType::Organization,
                2 => EntityType::Place,
                _ => EntityType::Other,
            }
        };
        // Unknown single words with no evidence are left out.
        if ty == EntityType::Other && g.iter().all(|&i| cands[i].strength == 0 && cands[i].end - cands[i].start == 1) {
            let w = a.tok(cands[g[0]].start);
            if !a.text.is_empty() && !info.is_mid_cap(a, w) {
                continue;
            }
        }
        let id = LocalEntityId(x.entities.len() as u32);
        let mut forms: Vec<&str> = g.iter().map(|&i| c_text(a, &cands[i])).collect();
        let canonical = canonical_name(a, &cands, g, ty);
        forms.sort_unstable();
        forms.dedup();
        let mut aliases: Vec<String> = forms.iter().filter(|f| **f != canonical).map(|f| f.to_string()).collect();
        if ty == EntityType::Person {
            if let Some(sur) = canonical.split(' ').next_back().filter(|_| canonical.contains(' ')) {
                if !aliases.iter().any(|s| s == sur) {
                    aliases.push(sur.to_string());
                }
            }
        }
        aliases.sort();
        let mut mentions = Vec::new();
        for &i in g {
            mentions.push(x.mentions.len() as u32);
            x.mentions.push(Mention { span: m_span(a, &cands[i]), kind: MentionKind::Name, entity: Some(id) });
        }
        x.entities.push(Entity { name: canonical, entity_type: ty, mentions, aliases, roles: Vec::new() });
    }
    sort_mentions(&mut x);
    roles(a, &cands, &mut x);
    x
}

/// The best class; "none" only when it beats the best type by [`NONE_MARGIN`].
fn argmax(s: &[f32; 4]) -> usize {
    let best = (0..3).max_by(|&x, &y| s[x].total_cmp(&s[y]).then(y.cmp(&x))).unwrap_or(0);
    if s[3] - s[best] > NONE_MARGIN {
        3
    } else {
        best
    }
}

/// How far "none" must beat the best type before a name is not typed.
const NONE_MARGIN: f32 = 2.0;

/// How much rule evidence of a given strength adds to the model's score for the rule's type.
fn boost(strength: u8) -> f32 {
    match strength {
        3 => 10.0,
        2 => 5.0,
        _ => 0.0,
    }
}

fn class_index(t: EntityType) -> Option<usize> {
    match t {
        EntityType::Person => Some(0),
        EntityType::Organization => Some(1),
        EntityType::Place => Some(2),
        EntityType::Other => None,
    }
}

fn group_type(cands: &[Cand], g: &[usize]) -> EntityType {
    let rank = |t: EntityType| match t {
        EntityType::Person => 3,
        EntityType::Organization => 2,
        EntityType::Place => 1,
        EntityType::Other => 0,
    };
    let mut best = (0u8, 0u8, EntityType::Other);
    let mut votes: HashMap<EntityType, u32> = HashMap::default();
    for &i in g {
        let c = &cands[i];
        *votes.entry(c.ty).or_default() += 1;
        let key = (c.strength, rank(c.ty), c.ty);
        if (key.0, key.1) > (best.0, best.1) {
            best = key;
        }
    }
    // Weak evidence everywhere: a typed guess beats "other".
    if best.0 == 0 && best.2 == EntityType::Other {
        if let Some((&t, _)) = votes.iter().filter(|(t, _)| **t != EntityType::Other).max_by_key(|(t, v)| (**v, rank(**t))) {
            return t;
        }
    }
    best.2
}

fn canonical_name(a: &Analysis, cands: &[Cand], g: &[usize], ty: EntityType) -> String {
    let mut best: Option<&str> = None;
    for &i in g {
        let t = c_text(a, &cands[i]);
        let t = LEX.place_aliases.get(t).copied().filter(|_| ty == EntityType::Place).unwrap_or(t);
        let key = |s: &str| (s.split(' ').count(), s.len(), std::cmp::Reverse(s.to_string()));
        if best.is_none_or(|b| key(t) > key(b)) {
            best = Some(t);
        }
    }
    best.unwrap_or("").replace('\u{2019}', "'")
}

/// Sorts mentions by span and remaps the entities' indices.
fn sort_mentions(x: &mut Extraction) {
    let mut order: Vec<usize> = (0..x.mentions.len()).collect();
    order.sort_by_key(|&i| (x.mentions[i].span, x.mentions[i].entity));
    let mut new_index = vec![0u32; order.len()];
    for (new, &old) in order.iter().enumerate() {
        new_index[old] = new as u32;
    }
    x.mentions = order.iter().map(|&i| x.mentions[i]).collect();
    for e in &mut x.entities {
        for m in &mut e.mentions {
            *m = new_index[*m as usize];
        }
        e.mentions.sort_unstable();
    }
}

/// The named mention whose span contains or overlaps `span`, preferring the largest overlap.
pub fn mention_at(x: &Extraction, span: Span) -> Option<&Mention> {
    let i = x.mentions.partition_point(|m| m.span.end <= span.start);
    x.mentions[i..]
        .iter()
        .take_while(|m| m.span.start < span.end)
        .filter(|m| m.kind == MentionKind::Name && m.span.overlaps(span))
        .max_by_key(|m| {
            let s = m.span.start.max(span.start);
            let e = m.span.end.min(span.end);
            (e - s, std::cmp::Reverse(m.span.start))
        })
}

/// The type of the entity named at `span`, if a name is there.
pub fn type_at(x: &Extraction, span: Span) -> Option<EntityType> {
    mention_at(x, span).and_then(|m| m.entity).map(|e| x.entity(e).entity_type)
}

fn entity_at_token(a: &Analysis, x: &Extraction, i: usize) -> Option<LocalEntityId> {
    mention_at(x, a.tokens[i].span).and_then(|m| m.entity)
}

/// Place entity for a demonym, created with a nominal mention when the document never names the place.
fn demonym_entity(x: &mut Extraction, word: &str) -> Option<LocalEntityId> {
    // "US-Israeli": the first part that names a place.
    let place = word
        .split('-')
        .find_map(|p| LEX.demonyms.get(p).or_else(|| LEX.place_aliases.get(p)).copied().or_else(|| LEX.places.get(p).copied()))?;
    let found = x
        .entities
        .iter()
        .position(|e| e.entity_type == EntityType::Place && (e.name == place || e.aliases.iter().any(|s| s == place)));
    let id = match found {
        Some(i) => LocalEntityId(i as u32),
        None => {
            let id = LocalEntityId(x.entities.len() as u32);
            x.entities.push(Entity {
                name: place.to_string(),
                entity_type: EntityType::Place,
                mentions: Vec::new(),
                aliases: Vec::new(),
                roles: Vec::new(),
            });
            id
        }
    };
    Some(id)
}

fn is_role_noun(w: &str) -> bool {
    let l = lexicon();
    if w.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    (l.speaker_nouns.contains(w)
        && !matches!(
            w,
            "statement"
                | "report"
                | "study"
                | "survey"
                | "poll"
                | "memo"
                | "letter"
                | "document"
                | "documents"
                | "people"
                | "person"
                | "man"
                | "woman"
        ))
        || matches!(
            w,
            "citizen"
                | "soldier"
                | "member"
                | "head"
                | "chief"
                | "founder"
                | "ceo"
                | "chair"
                | "editor"
                | "correspondent"
                | "reporter"
                | "negotiator"
                | "envoy"
                | "commander"
                | "general"
                | "author"
                | "actor"
                | "singer"
                | "player"
                | "captain"
                | "manager"
                | "candidate"
                | "nominee"
                | "deputy"
                | "minister"
                | "secretary"
                | "leader"
        )
}

fn is_determiner(w: &str) -> bool {
    matches!(w, "a" | "an" | "the" | "A" | "An" | "The" | "its" | "their" | "his" | "her")
}

/// Roles and affiliations from appositives, pre-modifiers and titles.
fn roles(a: &Analysis, cands: &[Cand], x: &mut Extraction) {
    let persons: Vec<(Span, LocalEntityId, Option<usize>)> = cands
        .iter()
        .filter_map(|c| {
            let span = c_span(a, c);
            let m = mention_at(x, span)?;
            let e = m.entity?;
            (x.entity(e).entity_type == EntityType::Person).then_some((span, e, c.title))
        })
        .collect();
    for (span, e, title) in persons {
        let start_tok = a.token_at_or_after(span.start());
        let end_tok = a.token_at_or_after(span.end());
        let mut found: Vec<Role> = Vec::new();
        // Title: "President Trump".
        if let Some(t) = title {
            let words: Vec<&str> = (t..start_tok).map(|k| a.tok(k)).filter(|w| !is_honorific(w)).collect();
            if !words.is_empty() {
                let role = words.join(" ").to_lowercase();
                found.push(Role { role, affiliation: None, span: a.tokens[t].span.cover(a.tokens[start_tok - 1].span) });
            }
        }
        // Pre-modifier: "Senior Hamas official Dr. Basem Naim", "White House spokesperson James Hewitt".
        let first = title.unwrap_or(start_tok);
        let sent = a.sentence_at(span.start()).map(|s| a.sentences[s].tokens.start).unwrap_or(0);
        if first > sent && is_role_noun(a.tok(first - 1)) {
            let mut k = first;
            while k > sent && k + 6 > first {
                let w = a.tok(k - 1);
                let tk: Token = a.tokens[k - 1];
                if tk.kind != TokenKind::Word || is_determiner(w) || (LEX.cues.contains(w) && k < first) {
                    break;
                }
                k -= 1;
            }
            if let Some(r) = role_from(a, x, k, first) {
                found.push(r);
            }
        }
        // Appositive: "James Hewitt, White House spokesperson", "Dr. Basem Naim, senior Hamas official".
        if end_tok < a.tokens.len() && a.tok(end_tok) == "," {
            let mut k = end_tok + 1;
            let stop = a.sentence_at(span.start()).map(|s| a.sentences[s].tokens.end).unwrap_or(a.tokens.len());
            while k < stop
                && k < end_tok + 8
                && a.tokens[k].kind == TokenKind::Word
                && !(LEX.cues.contains(a.tok(k)) && k > end_tok + 1)
            {
                k += 1;
            }
            let closed = k >= stop || matches!(a.tok(k), "," | "." | ";" | ")" | "\u{201d}" | "\"" | "-" | "\u{2014}");
            if closed && k > end_tok + 1 && is_role_noun(a.tok(k - 1)) {
                let mut from = end_tok + 1;
                while from < k && is_determiner(a.tok(from)) {
                    from += 1;
                }
                if let Some(r) = role_from(a, x, from, k) {
                    found.push(r);
                }
            }
        }
        // Copula: "James Hewitt is the White House spokesperson."
        if end_tok + 2 < a.tokens.len() && matches!(a.tok(end_tok), "is" | "was") {
            let stop = a.sentence_at(span.start()).map(|s| a.sentences[s].tokens.end).unwrap_or(a.tokens.len());
            let mut from = end_tok + 1;
            while from < stop && is_determiner(a.tok(from)) {
                from += 1;
            }
            let mut k = from;
            while k < stop && k < from + 6 && a.tokens[k].kind == TokenKind::Word {
                k += 1;
            }
            let closed = k >= stop || matches!(a.tok(k), "," | "." | ";");
            if closed && k > from && from > end_tok + 1 && is_role_noun(a.tok(k - 1)) {
                if let Some(r) = role_from(a, x, from, k) {
                    found.push(r);
                }
            }
        }
        let ent = &mut x.entities[e.0 as usize];
        for r in found {
            if !ent.roles.iter().any(|o| o.role == r.role && o.affiliation == r.affiliation) {
                ent.roles.push(r);
            }
        }
    }
}

/// Reads "senior Hamas official" (tokens `i..j`) as role "senior official", affiliation Hamas.
fn role_from(a: &Analysis, x: &mut Extraction, i: usize, j: usize) -> Option<Role> {
    let mut words = Vec::new();
    let mut affiliation = None;
    let mut k = i;
    while k < j {
        let tk = a.tokens[k];
        if let Some(m) = mention_at(x, tk.span).copied() {
            if let Some(e) = m.entity {
                if affiliation.is_none() && x.entity(e).entity_type != EntityType::Person {
                    affiliation = Some(e);
                }
            }
            while k < j && a.tokens[k].span.start < m.span.end {
                k += 1;
            }
            continue;
        }
        let w = a.tok(k);
        if let Some(e) = demonym_entity(x, w).filter(|_| affiliation.is_none()) {
            affiliation = Some(e);
        } else if w.chars().next().is_some_and(char::is_uppercase) && k > i && !is_title(w) {
            // An unrecognised name inside the phrase: keep out of the role.
        } else if !is_determiner(w) {
            words.push(w.to_lowercase());
        }
        k += 1;
    }
    if words.is_empty() {
        return None;
    }
    Some(Role { role: words.join(" "), affiliation, span: a.tokens[i].span.cover(a.tokens[j - 1].span) })
}

/// The gender a person entity's name or titles suggest.
pub fn person_gender(a: &Analysis, x: &Extraction, e: LocalEntityId) -> Option<Gender> {
    let ent = x.entity(e);
    if ent.entity_type != EntityType::Person {
        return None;
    }
    for &m in &ent.mentions {
        let m = &x.mentions[m as usize];
        if m.kind != MentionKind::Name {
            continue;
        }
        let t = a.token_at_or_after(m.span.start());
        if t > 0 {
            if let Some(g) = title_gender(a.tok(t - 1)) {
                return Some(g);
            }
        }
    }
    for r in &ent.roles {
        for w in r.role.split(' ') {
            match w {
                "spokesman" | "chairman" | "congressman" | "businessman" | "father" | "son" | "husband" | "brother" => {
                    return Some(Gender::Male)
                }
                "spokeswoman" | "chairwoman" | "congresswoman" | "businesswoman" | "mother" | "daughter" | "wife" | "sister" => {
                    return Some(Gender::Female)
                }
                _ => {}
            }
        }
    }
    let first = ent.name.split(' ').next()?;
    if !ent.name.contains(' ') {
        return None;
    }
    LEX.forenames.get(first).copied()
}

/// Index of the entity a token belongs to, for the coreference stage.
pub fn entity_of_token(a: &Analysis, x: &Extraction, i: usize) -> Option<LocalEntityId> {
    entity_at_token(a, x, i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ents(text: &str) -> Vec<(String, &'static str, Vec<String>)> {
        let a = Analysis::new(text);
        let x = find(&a);
        x.entities
            .iter()
            .filter(|e| !e.mentions.is_empty())
            .map(|e| {
                (
                    e.name.clone(),
                    e.entity_type.as_str(),
                    e.mentions.iter().map(|&m| x.mentions[m as usize].span.slice(text).to_string()).collect(),
                )
            })
            .collect()
    }

    fn find_ent<'e>(v: &'e [(String, &'static str, Vec<String>)], name: &str) -> &'e (String, &'static str, Vec<String>) {
        v.iter().find(|e| e.0 == name).unwrap_or_else(|| panic!("{name} not in {v:?}"))
    }

    #[test]
    fn title_is_cut_and_makes_a_person() {
        let v = ents("The talks were confirmed by Dr. Basem Naim on Monday. Naim said more.");
        let e = find_ent(&v, "Basem Naim");
        assert_eq!(e.1, "person");
        assert_eq!(e.2, ["Dr. Basem Naim", "Naim"]);
    }

    #[test]
    fn known_orgs_places_and_words() {
        let v = ents("Officials at the White House met NATO envoys in Egypt. Police said the Ministry of Defence agreed.");
        assert_eq!(find_ent(&v, "White House").1, "organization");
        assert_eq!(find_ent(&v, "NATO").1, "organization");
        assert_eq!(find_ent(&v, "Egypt").1, "place");
        assert_eq!(find_ent(&v, "Ministry of Defence").1, "organization");
        assert!(v.iter().all(|e| e.0 != "Police" && e.0 != "Officials"), "{v:?}");
    }

    #[test]
    fn place_aliases_cluster() {
        let v = ents("The United States said so. The U.S. later agreed, and the US confirmed.");
        let e = find_ent(&v, "United States");
        assert_eq!(e.2.len(), 3);
    }

    #[test]
    fn demonyms_are_not_names() {
        let v = ents("An Israeli soldier and Egyptian mediators met.");
        assert!(v.is_empty(), "{v:?}");
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        for t in [
            "",
            " ",
            "A",
            "Dr.",
            "Dr. ",
            "The",
            "“Mr.”",
            "U.S.-",
            "of the and",
            "President",
            "ÉLAN Ärzte Über",
            "X\n\nY Z.",
            "NASA NASA",
            "'s 's",
        ] {
            let a = Analysis::new(t);
            let x = find(&a);
            for m in &x.mentions {
                assert!(m.span.end() <= t.len());
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn any_text_gives_valid_spans(t in "[A-Za-z .,'\"“”\n-]{0,80}") {
            let a = Analysis::new(&t);
            let x = find(&a);
            for e in &x.entities {
                for &m in &e.mentions {
                    let sp = x.mentions[m as usize].span;
                    proptest::prop_assert!(sp.end() <= t.len() && t.is_char_boundary(sp.start()) && t.is_char_boundary(sp.end()));
                }
            }
        }
    }

    #[test]
    fn acronyms_and_abstract_nouns_are_not_people() {
        let v = ents("Critics of Scientology met. Scientology said the DAB and Scientology disagreed, the DAB said.");
        assert_ne!(find_ent(&v, "Scientology").1, "person", "{v:?}");
        assert_ne!(find_ent(&v, "DAB").1, "person", "{v:?}");
    }

    #[test]
    fn known_products_and_events_are_other() {
        let v = ents("Users of Internet Explorer watched the World Cup. Internet Explorer crashed.");
        assert_eq!(find_ent(&v, "Internet Explorer").1, "other", "{v:?}");
        assert_eq!(find_ent(&v, "World Cup").1, "other", "{v:?}");
    }

    #[test]
    fn countries_as_teams_are_organisations() {
        let v = ents("In the final, Sweden beat Mexico after Mexico's coach resigned. Fans in Sweden celebrated.");
        assert_eq!(find_ent(&v, "Mexico").1, "organization", "{v:?}");
    }

    #[test]
    fn acronym_joins_its_long_form() {
        let v = ents("The National Aeronautics and Space Administration said on Friday that NASA would launch.");
        let e = find_ent(&v, "National Aeronautics and Space Administration");
        assert_eq!(e.2.len(), 2, "{v:?}");
    }
}
