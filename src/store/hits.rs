//! Search hits as offsets, not as markup in the text (issue 15).
//!
//! A query column named `hits` holding FTS5's
//! `highlight(quote_fts, 0, char(64976), char(64977))` (the noncharacters
//! U+FDD0 and U+FDD1, reserved by Unicode for a program's internal use) is
//! turned into `[[start, end], ...]`: byte offsets of each match in the
//! quote's plain text, which the row carries as its own column. Only the
//! `table` format draws brackets, from these offsets.

/// Opens a match in the `hits` column of a query.
pub const HIT_OPEN: char = '\u{fdd0}';
/// Closes a match in the `hits` column of a query.
pub const HIT_CLOSE: char = '\u{fdd1}';

/// Byte ranges of the marked matches in the text without the marks.
///
/// A text that itself holds a noncharacter cannot be read back unambiguously:
/// it gets no hits rather than wrong ones.
pub fn hit_offsets(marked: &str) -> Vec<[usize; 2]> {
    let mut out = Vec::new();
    let mut plain = 0;
    let mut open: Option<usize> = None;
    for c in marked.chars() {
        match (c, open) {
            (HIT_OPEN, None) => open = Some(plain),
            (HIT_CLOSE, Some(s)) => {
                out.push([s, plain]);
                open = None;
            }
            (HIT_OPEN | HIT_CLOSE, _) => return Vec::new(),
            _ => plain += c.len_utf8(),
        }
    }
    if open.is_some() {
        return Vec::new();
    }
    out
}

/// Replaces a marked-up `hits` column of `row` by its offsets.
pub fn convert(row: &mut super::Row) {
    if let Some(v) = row.get_mut("hits") {
        if let serde_json::Value::String(marked) = v {
            let hits = hit_offsets(marked);
            *v = serde_json::json!(hits);
        }
    }
}

/// `text` with each hit in `[brackets]`, for the terminal. Offsets that do
/// not fall on character boundaries of `text` are skipped.
pub fn bracket(text: &str, hits: &[[usize; 2]]) -> String {
    let mut out = String::with_capacity(text.len() + 2 * hits.len());
    let mut last = 0;
    for &[s, e] in hits {
        if s < last || e < s || text.get(s..e).is_none() {
            continue;
        }
        // Invariant: `text.get(s..e)` succeeded and `last` is 0 or an earlier such `e <= s`.
        out.push_str(&text[last..s]);
        out.push('[');
        out.push_str(&text[s..e]);
        out.push(']');
        last = e;
    }
    // Invariant: `last` is 0 or an `e` checked by `text.get(s..e)` above.
    out.push_str(&text[last..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_index_the_plain_text() {
        let marked = "“Les \u{fdd0}otages\u{fdd1}” et \u{fdd0}hostages\u{fdd1}";
        let plain = "“Les otages” et hostages";
        let hits = hit_offsets(marked);
        assert_eq!(hits.iter().map(|&[s, e]| &plain[s..e]).collect::<Vec<_>>(), ["otages", "hostages"]);
        assert_eq!(bracket(plain, &hits), "“Les [otages]” et [hostages]");
    }

    #[test]
    fn a_text_holding_a_marker_gets_no_hits() {
        assert!(hit_offsets("a \u{fdd1} \u{fdd0}b\u{fdd1}").is_empty());
        assert!(hit_offsets("\u{fdd0}a").is_empty());
    }

    #[test]
    fn bracket_skips_offsets_off_the_text() {
        assert_eq!(bracket("é x", &[[1, 2], [3, 4], [9, 12]]), "é [x]");
    }
}
