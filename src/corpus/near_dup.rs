//! Near-duplicate quote text: normalised words, look-up keys and similarity.
//!
//! Two quotes are copies of one statement when, after normalisation (case,
//! quotation marks, punctuation, whitespace), the shorter is nearly a
//! subsequence of the longer ([`SIMILARITY_MIN`]) and shares enough of its
//! word pairs to be a contiguous stretch of it ([`BIGRAMS_MIN`]): a trimmed
//! quote inside a longer one, a re-punctuated copy and a copy with a few
//! words changed all pass; two quotes that merely share a phrase do not.
//!
//! Candidates are found through keys: hashes of word 3-grams, thinned by
//! winnowing (Schleimer, Wilkerson and Aiken 2003: the smallest hash of every
//! window of [`WINDOW`] 3-grams), so any stretch of [`WINDOW`] + 2 = 6 equal
//! words shares at least one key while a quote stores only about 40 % of
//! its 3-grams.

use rustc_hash::FxHashSet;

/// Words in a 3-gram key.
pub const SHINGLE: usize = 3;
/// Winnowing window, in 3-grams: every run of `WINDOW + SHINGLE - 1` equal words shares a key.
pub const WINDOW: usize = 4;
/// Quotes shorter than this (in words) are not linked: short phrases such as
/// "we will see" or "it is a tragedy" recur across unrelated speakers and
/// stories, so an equal short quote says nothing about a shared source.
pub const MIN_WORDS: usize = 6;
/// The shorter copy must appear in the longer in this share of its words
/// (longest common subsequence): a 20-word quote may have 4 words changed.
pub const SIMILARITY_MIN: f64 = 0.8;
/// ... and this share of its adjacent word pairs must occur in the longer,
/// so that the common words form stretches of text, not scattered function
/// words of two different long quotes.
pub const BIGRAMS_MIN: f64 = 0.5;

/// Lower-case words of a quote: letters and digits; apostrophes inside a
/// word dropped ("don't" = "dont"), every other character a separator.
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() {
            cur.extend(c.to_lowercase());
        } else if matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '\u{02bc}') && !cur.is_empty() {
            // inside a word: skipped, the word goes on
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// 64-bit FNV-1a: stable across builds and platforms, since keys are stored.
fn fnv(words: &[String]) -> i64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            h ^= u64::from(b' ');
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        for b in w.bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h as i64
}

/// The look-up keys of a quote's words (winnowed 3-gram hashes), sorted and
/// distinct; empty for a quote shorter than [`MIN_WORDS`].
pub fn keys(words: &[String]) -> Vec<i64> {
    if words.len() < MIN_WORDS {
        return Vec::new();
    }
    let hashes: Vec<i64> = words.windows(SHINGLE).map(fnv).collect();
    let mut out = Vec::new();
    if hashes.len() <= WINDOW {
        out.extend(hashes.iter().min());
    } else {
        // The smallest hash of every window (which of equal ones does not matter: keys are a set).
        out.extend(hashes.windows(WINDOW).filter_map(|w| w.iter().min()));
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Every 3-gram hash of a quote's words, sorted and distinct: a look-up
/// from the command line (`spread TEXT`) tries them all, since a short
/// trimmed copy may share fewer than `WINDOW + 2` words in a row.
pub fn all_keys(words: &[String]) -> Vec<i64> {
    let mut out: Vec<i64> = words.windows(SHINGLE).map(fnv).collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// How two copies relate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Match {
    /// The same words.
    Exact,
    /// The shorter is a contiguous part of the longer.
    Contained,
    /// A few words differ.
    Edited,
}

impl Match {
    pub fn as_str(self) -> &'static str {
        match self {
            Match::Exact => "exact",
            Match::Contained => "contained",
            Match::Edited => "edited",
        }
    }
}

/// Similarity of two word sequences: the share of the shorter's words in
/// their longest common subsequence, with the kind of match; `None` when
/// they are not copies of one statement (see the module doc).
pub fn compare(a: &[String], b: &[String]) -> Option<(f64, Match)> {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.len() < MIN_WORDS {
        return None;
    }
    if short == long {
        return Some((1.0, Match::Exact));
    }
    if long.windows(short.len()).any(|w| w == short) {
        return Some((1.0, Match::Contained));
    }
    let bigrams: FxHashSet<(&str, &str)> = long.windows(2).map(|w| (w[0].as_str(), w[1].as_str())).collect();
    let shared = short.windows(2).filter(|w| bigrams.contains(&(w[0].as_str(), w[1].as_str()))).count();
    if (shared as f64) < BIGRAMS_MIN * (short.len() - 1) as f64 {
        return None;
    }
    let sim = lcs(short, long) as f64 / short.len() as f64;
    (sim >= SIMILARITY_MIN).then_some((sim, Match::Edited))
}

/// Length of the longest common subsequence (two rows of the table).
fn lcs(a: &[String], b: &[String]) -> usize {
    let mut prev = vec![0usize; b.len() + 1];
    let mut cur = vec![0usize; b.len() + 1];
    for x in a {
        for (j, y) in b.iter().enumerate() {
            cur[j + 1] = if x == y { prev[j] + 1 } else { prev[j + 1].max(cur[j]) };
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(s: &str) -> Vec<String> {
        words(s)
    }

    #[test]
    fn marks_case_and_space_do_not_matter() {
        assert_eq!(w("“We will  NOT back down,” he…"), w("we will not back down he"));
        assert_eq!(w("Don’t stop"), vec!["dont", "stop"]);
    }

    #[test]
    fn trimmed_repunctuated_and_edited_copies_match() {
        let full = w("We will not back down from this fight, and we will win it for the people of this state.");
        let trimmed = w("we will not back down from this fight");
        let edited = w("We won't back down from this fight, and we will win it for the people of our state.");
        assert_eq!(compare(&full, &trimmed), Some((1.0, Match::Contained)));
        assert_eq!(compare(&full, &edited).map(|m| m.1), Some(Match::Edited));
        // Every copy shares a key with the full text.
        let k = keys(&full);
        for other in [&trimmed, &edited] {
            assert!(keys(other).iter().any(|x| k.contains(x)));
        }
    }

    #[test]
    fn a_shared_common_phrase_is_not_a_copy() {
        let a = w("We will see what happens with the tariffs next year.");
        let b = w("We will see how the election plays out in the fall.");
        assert_eq!(compare(&a, &b), None);
        assert_eq!(compare(&w("we will see"), &w("we will see")), None, "too short to link");
        assert!(keys(&w("we will see")).is_empty());
    }
}
