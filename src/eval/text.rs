//! score.py's text rules on code point slices, with Python's string semantics
//! (`str.isspace`, `\W`, `lower`, slicing) reproduced where they differ from Rust's.

use std::sync::LazyLock;

use regex::Regex;
use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::UnicodeNormalization;

use serde_json::Value;

/// Double quotation marks: " “ ” „ ‟ « » 〝 〞 〟 ＂
fn is_dq(c: char) -> bool {
    matches!(
        c,
        '"' | '\u{201c}'
            | '\u{201d}'
            | '\u{201e}'
            | '\u{201f}'
            | '\u{ab}'
            | '\u{bb}'
            | '\u{301d}'
            | '\u{301e}'
            | '\u{301f}'
            | '\u{ff02}'
    )
}

fn is_close_punct(c: char) -> bool {
    matches!(c, ',' | '.' | ';' | ':' | '!' | '?' | '\u{2026}')
}

/// Trimmed at both ends of a span: double marks, single marks, backtick and punctuation.
fn is_trim(c: char) -> bool {
    is_dq(c)
        || is_close_punct(c)
        || matches!(c, '\'' | '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '`' | '\u{2014}' | '\u{2013}')
}

/// Python `str.isspace`: Unicode White_Space plus the ASCII separators U+001C..U+001F.
pub fn py_isspace(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// `text[i:i+2] == pair`.
fn pair_at(t: &[char], i: usize, pair: [char; 2]) -> bool {
    i + 2 <= t.len() && t[i] == pair[0] && t[i + 1] == pair[1]
}

const APOS2: [char; 2] = ['\'', '\''];
const TICK2: [char; 2] = ['`', '`'];

/// score.py `is_direct`: the span [s, e) begins with a double mark, or is wrapped in them.
pub fn is_direct(t: &[char], s: usize, e: usize) -> bool {
    let n = t.len();
    let dq_at = |i: usize| {
        is_dq(t[i])
            || ((t[i] == '\'' || t[i] == '`')
                && ((i >= 1 && (pair_at(t, i - 1, APOS2) || pair_at(t, i - 1, TICK2)))
                    || pair_at(t, i, APOS2)
                    || pair_at(t, i, TICK2)))
    };
    let mut k = s;
    while k < e && py_isspace(t[k]) {
        k += 1;
    }
    if k < e && (is_dq(t[k]) || pair_at(t, k, APOS2) || pair_at(t, k, TICK2)) {
        return true;
    }
    let mut i = s as isize - 1;
    while i >= 0 && py_isspace(t[i as usize]) {
        i -= 1;
    }
    if i < 0 || !dq_at(i as usize) {
        return false;
    }
    let mut m = e as isize - 1;
    while m >= s as isize && py_isspace(t[m as usize]) {
        m -= 1;
    }
    if m >= s as isize {
        let m = m as usize;
        if is_dq(t[m]) || (m > s && pair_at(t, m - 1, APOS2)) {
            return true;
        }
    }
    let mut j = e;
    while j < n && (py_isspace(t[j]) || is_close_punct(t[j])) {
        j += 1;
    }
    j < n && (is_dq(t[j]) || pair_at(t, j, APOS2))
}

/// score.py `trim`: strips whitespace, marks and punctuation at both ends
/// (and, with `strip_that`, one leading complementiser "that").
pub fn trim(t: &[char], mut s: usize, mut e: usize, mut strip_that: bool) -> (usize, usize) {
    loop {
        let (s0, e0) = (s, e);
        while s < e && (py_isspace(t[s]) || is_trim(t[s])) {
            s += 1;
        }
        while e > s && (py_isspace(t[e - 1]) || is_trim(t[e - 1])) {
            e -= 1;
        }
        // Only ASCII letters lower-case to t, h, a (checked against Python's str.lower).
        if strip_that
            && s + 4 < e
            // Invariant: `s + 4 < e <= t.len()` just above.
            && t[s..s + 4].iter().zip("that".chars()).all(|(a, b)| a.eq_ignore_ascii_case(&b))
            && py_isspace(t[s + 4])
        {
            s += 4;
            strip_that = false;
        }
        if (s, e) == (s0, e0) {
            return (s, e);
        }
    }
}

/// Python `s.lower().strip()`.
pub fn py_strip_lower(s: &str) -> String {
    s.to_lowercase().trim_matches(py_isspace).to_string()
}

/// Python `\W` on str patterns: not (`str.isalnum()` or `_`).
// Invariant: a constant pattern, covered by the eval unit tests.
static NON_WORD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[^\p{L}\p{N}_]").expect("valid regex"));
/// Python `\s+` on str patterns (`str.isspace`).
static SPACES: LazyLock<Regex> = LazyLock::new(|| {
    // Invariant: a constant pattern, covered by the eval unit tests.
    Regex::new(r"[\t\n\x0B\x0C\r\x1C-\x1F \x{85}\x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}]+")
        .expect("valid regex")
});

/// GGT `remove_accents`: NFKD, combining marks dropped.
fn remove_accents(s: &str) -> String {
    s.nfkd().filter(|&c| canonical_combining_class(c) == 0).collect()
}

/// GGT evaluate.py `clean_name`.
fn clean_name(name: &str) -> String {
    let name = NON_WORD.replace_all(name, " ");
    let mut name = name.trim_matches(py_isspace);
    if let Some(stripped) = name.strip_suffix(" s") {
        name = stripped;
    }
    let name = SPACES.replace_all(name, " ");
    name.to_lowercase().trim_matches(py_isspace).to_string()
}

/// score.py `name_key`: the form in which speaker names are compared.
pub fn name_key(name: &str) -> String {
    clean_name(&remove_accents(name))
}

/// Python `raw[s:e]` on bytes (negative indices count from the end; `None` is open).
pub fn py_slice_bytes(raw: &[u8], s: Option<i128>, e: Option<i128>) -> &[u8] {
    let n = raw.len() as i128;
    let norm = |x: i128| if x < 0 { (x + n).max(0) } else { x.min(n) } as usize;
    let s = s.map_or(0, norm);
    let e = e.map_or(raw.len(), norm);
    if s >= e {
        &[]
    } else {
        // Invariant: `norm` clamps both to `0..=raw.len()`, and `s < e`.
        &raw[s..e]
    }
}

/// `raw[d["start"]:d["end"]].decode("utf-8", "replace")`; `None` where Python would fail.
pub fn py_slice_lossy(raw: &[u8], s: Option<&Value>, e: Option<&Value>) -> Option<String> {
    let idx = |v: Option<&Value>| -> Option<Option<i128>> {
        match v? {
            Value::Null => Some(None),
            Value::Bool(b) => Some(Some(*b as i128)),
            Value::Number(n) => n.as_i64().map(i128::from).or_else(|| n.as_u64().map(i128::from)).map(Some),
            _ => None,
        }
    };
    let (s, e) = (idx(s)?, idx(e)?);
    Some(String::from_utf8_lossy(py_slice_bytes(raw, s, e)).into_owned())
}

/// Sorts and merges ranges into disjoint ones (empty ranges dropped).
pub fn merge_ranges(mut r: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    r.retain(|(s, e)| s < e);
    r.sort_unstable();
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(r.len());
    for (s, e) in r {
        match out.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => out.push((s, e)),
        }
    }
    out
}

/// Number of positions shared by two merged range lists.
pub fn intersect_len(a: &[(usize, usize)], b: &[(usize, usize)]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        let lo = a[i].0.max(b[j].0);
        let hi = a[i].1.min(b[j].1);
        if lo < hi {
            n += hi - lo;
        }
        if a[i].1 < b[j].1 {
            i += 1;
        } else {
            j += 1;
        }
    }
    n
}
