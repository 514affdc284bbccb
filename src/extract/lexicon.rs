//! Lexicons compiled into the binary from `data/lexicon/` and loaded once.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

use crate::text::wordlist::WordList;

/// How a reporting verb takes its content.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CueFrame {
    /// A clause ("said (that) ...") or a quote.
    Clause,
    /// Also a noun-phrase object ("acknowledged these talks").
    Object,
    /// Only with a clause or a quote; alone it is not speech ("called", "showed").
    Weak,
}

#[derive(Clone, Debug)]
pub struct CueVerb {
    pub lemma: &'static str,
    pub frame: CueFrame,
}

/// Particles of two-word cues ("point out", "call for", "refer to").
pub const PARTICLES: &[&str] = &["out", "for", "to", "on", "about", "of", "against"];

/// Bit `b` for the first byte `b` of each of [`PARTICLES`]. Evaluated at
/// compile time: an empty particle (no byte 0) or a non-ASCII one (a shift
/// past 127) fails the build.
const PARTICLE_FIRSTS: u128 = {
    let mut bits = 0u128;
    let mut i = 0;
    while i < PARTICLES.len() {
        // Invariant: const evaluation: `i < PARTICLES.len()`, and an empty particle fails the build.
        bits |= 1 << PARTICLES[i].as_bytes()[0];
        i += 1;
    }
    bits
};

/// `PARTICLES.contains(&w)`, asked of almost every word: the first byte rules
/// out most words before any comparison.
pub fn is_particle(w: &str) -> bool {
    w.as_bytes().first().is_some_and(|&b| b < 128 && PARTICLE_FIRSTS & (1 << b) != 0) && PARTICLES.contains(&w)
}

pub struct Lexicon {
    /// Inflected form (lower case, possibly two words) -> verb.
    pub cue_forms: HashMap<String, CueVerb>,
    /// Lengths of the `cue_forms` keys by first byte (bit `len.min(63)`): most
    /// words are not cues, and this rules them out without hashing.
    pub cue_lengths: [u64; 256],
    /// First words of two-word cues ("pointed" of "pointed out"), so the
    /// finder only builds a two-word key where one can match.
    pub phrasal_heads: HashSet<String>,
    pub titles: HashSet<&'static str>,
    /// Multi-word titles as word sequences.
    pub multiword_titles: Vec<Vec<&'static str>>,
    pub speaker_nouns: HashSet<&'static str>,
    /// Nouns that report ("a report that ...", "In a statement, ...").
    pub cue_nouns: HashSet<&'static str>,
    pub org_words: HashSet<&'static str>,
    pub stop_capitalized: HashSet<&'static str>,
}

const CUE_VERBS: WordList = crate::word_list!("cue_verbs.txt");
const TITLES: WordList = crate::word_list!("titles.txt");
const SPEAKER_NOUNS: WordList = crate::word_list!("speaker_nouns.txt");
const CUE_NOUNS: WordList = crate::word_list!("cue_nouns.txt");
const ORG_WORDS: WordList = crate::word_list!("org_words.txt");
const STOP_CAPITALIZED: WordList = crate::word_list!("stop_capitalized.txt");
/// Flags of `cue_verbs.txt`: `obj` ([`CueFrame::Object`]), `weak` ([`CueFrame::Weak`]).
const CUE_FLAGS: &[&str] = &["obj", "weak"];

/// Lines of these lists their format does not allow.
#[cfg(test)]
pub(crate) fn check() -> Vec<crate::text::wordlist::ListError> {
    let mut errors = CUE_VERBS.flagged(CUE_FLAGS).1;
    for list in [TITLES, SPEAKER_NOUNS, CUE_NOUNS, ORG_WORDS, STOP_CAPITALIZED] {
        errors.extend(list.words().1);
    }
    errors
}

fn regular_forms(lemma: &str) -> Vec<String> {
    let mut v = vec![lemma.to_string()];
    let (s, ed, ing) = if let Some(stem) = lemma.strip_suffix('y').filter(|s| !s.ends_with(['a', 'e', 'o', 'u'])) {
        (format!("{stem}ies"), format!("{stem}ied"), format!("{lemma}ing"))
    } else if let Some(stem) = lemma.strip_suffix('e') {
        (format!("{lemma}s"), format!("{lemma}d"), format!("{stem}ing"))
    } else if lemma.ends_with(['s', 'x', 'z']) || lemma.ends_with("ch") || lemma.ends_with("sh") {
        (format!("{lemma}es"), format!("{lemma}ed"), format!("{lemma}ing"))
    } else {
        (format!("{lemma}s"), format!("{lemma}ed"), format!("{lemma}ing"))
    };
    v.extend([s, ed, ing]);
    v
}

fn load() -> Lexicon {
    let mut cue_forms = HashMap::default();
    for (words, flag) in CUE_VERBS.flagged(CUE_FLAGS).0 {
        let frame = match flag {
            Some("obj") => CueFrame::Object,
            Some("weak") => CueFrame::Weak,
            _ => CueFrame::Clause,
        };
        // Phrasal verbs ("point out pointed out ...") pair up their words.
        let parts: Vec<&'static str> = words.split_whitespace().collect();
        let phrasal = parts.len() >= 2
            && parts.len() % 2 == 0
            && PARTICLES.contains(&parts[1])
            && parts.iter().skip(1).step_by(2).all(|p| *p == parts[1]);
        let forms: Vec<String> = if phrasal {
            parts.chunks(2).map(|c| c.join(" ")).collect()
        } else if parts.len() == 1 {
            regular_forms(parts[0])
        } else {
            parts.iter().map(|s| s.to_string()).collect()
        };
        let lemma = forms.first().map(|f| &*f.clone().leak()).unwrap_or("");
        for f in forms {
            cue_forms.entry(f).or_insert(CueVerb { lemma, frame });
        }
    }
    let mut cue_lengths = [0u64; 256];
    for k in cue_forms.keys() {
        if let Some(&b) = k.as_bytes().first() {
            cue_lengths[usize::from(b)] |= 1 << k.len().min(63);
        }
    }
    let phrasal_heads = cue_forms.keys().filter_map(|k: &String| k.split_once(' ').map(|(h, _)| h.to_string())).collect();
    let mut titles = HashSet::default();
    let mut multiword_titles = Vec::new();
    for l in TITLES.words().0 {
        if l.contains(' ') {
            multiword_titles.push(l.split_whitespace().collect());
        } else {
            titles.insert(l);
        }
    }
    multiword_titles.sort_by_key(|t: &Vec<&str>| std::cmp::Reverse(t.len()));
    Lexicon {
        cue_forms,
        cue_lengths,
        phrasal_heads,
        titles,
        multiword_titles,
        speaker_nouns: SPEAKER_NOUNS.words().0.into_iter().collect(),
        cue_nouns: CUE_NOUNS.words().0.into_iter().collect(),
        org_words: ORG_WORDS.words().0.into_iter().collect(),
        stop_capitalized: STOP_CAPITALIZED.words().0.into_iter().collect(),
    }
}

pub static LEXICON: LazyLock<Lexicon> = LazyLock::new(load);

pub fn lexicon() -> &'static Lexicon {
    &LEXICON
}

impl Lexicon {
    /// The verb of a cue form (exact, lower-case key), as `cue_forms.get(w)`.
    pub fn cue(&self, w: &str) -> Option<&CueVerb> {
        let first = *w.as_bytes().first()?;
        if self.cue_lengths[usize::from(first)] & (1 << w.len().min(63)) == 0 {
            return None;
        }
        self.cue_forms.get(w)
    }
}

/// Calls `f` with `w` ASCII-lower-cased (as `str::to_ascii_lowercase` gives
/// it), without allocating for short words.
pub fn with_ascii_lowercase<R>(w: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 32];
    match buf.get_mut(..w.len()) {
        Some(lower) => {
            lower.copy_from_slice(w.as_bytes());
            // Folding ASCII letters keeps the bytes valid UTF-8.
            lower.make_ascii_lowercase();
            f(std::str::from_utf8(lower).unwrap_or_default())
        }
        None => f(&w.to_ascii_lowercase()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_well_formed() {
        let mut errors = check();
        errors.extend(crate::extract::entities::check());
        errors.extend(crate::extract::source_extent::check());
        errors.extend(crate::extract::infinitive::check());
        errors.extend(crate::extract::layouts::check());
        errors.extend(crate::extract::names::check());
        errors.extend(crate::extract::nonspeakers::check());
        errors.extend(crate::extract::furniture::check());
        errors.extend(crate::extract::speaker_words::check());
        assert!(errors.is_empty(), "{}", errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"));
    }

    #[test]
    fn inflections_are_generated() {
        let l = lexicon();
        for f in ["says", "said", "acknowledged", "denies", "denied", "emphasized", "confirming", "told", "pointed out", "wrote"]
        {
            assert!(l.cue_forms.contains_key(f), "{f}");
        }
        assert_eq!(l.cue_forms["acknowledged"].frame, CueFrame::Object);
    }
}
