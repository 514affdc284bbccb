//! Paragraph and sentence boundaries.

use sentencex::languages::{English, Language};

use crate::model::Span;

/// Paragraphs: maximal runs of non-blank text between line breaks, trimmed of
/// surrounding whitespace. News text puts one paragraph on a line.
pub fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for (i, b) in text.bytes().enumerate() {
        if b == b'\n' {
            push_trimmed(text, line_start, i, &mut out);
            line_start = i + 1;
        }
    }
    push_trimmed(text, line_start, text.len(), &mut out);
    out
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    // Invariant: `start` is 0 or just after a `\n`, `end` a `\n` or the end: char boundaries.
    let slice = &text[start..end];
    let trimmed_start = slice.len() - slice.trim_start().len();
    let trimmed = slice.trim();
    if !trimmed.is_empty() {
        let s = start + trimmed_start;
        out.push(Span::new(s, s + trimmed.len()));
    }
}

/// Paragraphs longer than this go to the sentence splitter in pieces.
///
/// `sentencex` is quadratic in the number of quotation marks it cannot pair
/// (a 300 KB run of `“` takes 14 s), and scraped text can hold a whole corpus
/// on one line. Pieces of at most this many bytes, cut after sentence-final
/// punctuation where possible, keep the splitter linear in paragraph length;
/// real paragraphs are far shorter and never cut.
const SPLIT_PIECE: usize = 16 * 1024;

/// Sentences of one paragraph, trimmed, as spans into `text`.
///
/// Uses `sentencex`, which keeps quoted passages whole, so a quote of several
/// sentences followed by its attribution stays one sentence.
pub fn sentences_in(text: &str, paragraph: Span) -> Vec<Span> {
    let para = paragraph.slice(text);
    let base = paragraph.start();
    let mut out = Vec::new();
    let mut piece_start = 0;
    while piece_start < para.len() {
        let piece_end = piece_end(para, piece_start);
        // Invariant: `piece_end` returns a char boundary after `piece_start` (see there).
        let piece = &para[piece_start..piece_end];
        // `English::segment` directly: the same sentences as
        // `sentencex::get_sentence_boundaries("en", piece)` (a piece holds no line
        // break, so sentencex neither chunks it nor finds paragraphs in it), without
        // the language look-up and the character counts we do not use.
        for sentence in (English {}).segment(piece) {
            // `segment` returns non-empty slices of `piece`.
            let s = sentence.as_ptr() as usize - piece.as_ptr() as usize;
            push_trimmed(text, base + piece_start + s, base + piece_start + s + sentence.len(), &mut out);
        }
        piece_start = piece_end;
    }
    if out.is_empty() {
        out.push(paragraph);
    }
    merge_after_titles(text, &mut out);
    out
}

/// End of the splitter piece starting at `start`: the whole rest when short,
/// else the last sentence end (`. `, `! `, `? `) or space within
/// [`SPLIT_PIECE`] bytes, else a character boundary.
fn piece_end(para: &str, start: usize) -> usize {
    if para.len() - start <= SPLIT_PIECE {
        return para.len();
    }
    let mut limit = start + SPLIT_PIECE;
    while !para.is_char_boundary(limit) {
        limit -= 1;
    }
    // Invariant: bytes, not chars; `start < limit < para.len()` by the early return above.
    let window = &para.as_bytes()[start..limit];
    let after_sentence = window.windows(2).rposition(|w| matches!(w[0], b'.' | b'!' | b'?') && w[1] == b' ');
    if let Some(p) = after_sentence.filter(|&p| p > 0) {
        return start + p + 2;
    }
    match window.iter().rposition(|&b| b == b' ').filter(|&p| p > 0) {
        Some(p) => start + p + 1,
        None => limit,
    }
}

/// Longest sentence that merging a lower-case start into its predecessor may make.
const MAX_LOWER_CASE_MERGE: usize = 1024;

fn merge_after_titles(text: &str, spans: &mut Vec<Span>) {
    // Compacts in place (a `remove` per merge is quadratic in a long paragraph).
    let mut kept = 0;
    for i in 0..spans.len() {
        if kept > 0 {
            let cur = spans[kept - 1].slice(text);
            let last_word = cur.rsplit(|c: char| c.is_whitespace() || c == '(').next().unwrap_or("");
            let stem = last_word.strip_suffix('.').unwrap_or("");
            let initial = stem.len() == 1 && stem.chars().all(|c| c.is_ascii_uppercase()) && cur.len() > 2;
            let next = spans[i].slice(text);
            let next_is_name = next.starts_with(|c: char| c.is_uppercase());
            // No sentence starts in lower case: "Sen. Rand Paul, R-Ky., told Fox News ...".
            // Bounded: all-lower-case text ("he said it. he said it. ...") would
            // otherwise become one sentence as long as the paragraph, and every
            // reported clause in it would run to its end (quadratic output).
            let next_is_lower =
                next.starts_with(|c: char| c.is_lowercase()) && spans[i].end() - spans[kept - 1].start() <= MAX_LOWER_CASE_MERGE;
            if ((super::abbreviations::is_title_abbreviation(stem) || initial) && next_is_name)
                || (next_is_lower && cur.ends_with('.'))
            {
                spans[kept - 1] = spans[kept - 1].cover(spans[i]);
                continue;
            }
        }
        spans[kept] = spans[i];
        kept += 1;
    }
    spans.truncate(kept);
}

/// All sentences of `text`, paragraph by paragraph.
pub fn sentences(text: &str) -> Vec<Span> {
    paragraphs(text).into_iter().flat_map(|p| sentences_in(text, p)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_are_trimmed_lines() {
        let text = "\nOne.  \n\n  Two. Three.\r\n";
        let p: Vec<&str> = paragraphs(text).iter().map(|s| s.slice(text)).collect();
        assert_eq!(p, ["One.", "Two. Three."]);
    }

    #[test]
    fn titles_and_initials_do_not_end_sentences() {
        let text =
            "The network said it would send Ms. Martin to Crimea. George W. Bush spoke. Sen. Rand Paul, R-Ky., told Fox News.";
        let s: Vec<&str> = sentences(text).iter().map(|s| s.slice(text)).collect();
        assert_eq!(
            s,
            [
                "The network said it would send Ms. Martin to Crimea.",
                "George W. Bush spoke.",
                "Sen. Rand Paul, R-Ky., told Fox News."
            ]
        );
    }

    #[test]
    fn sentences_split_within_paragraphs() {
        let text = "Dr. Smith arrived. He said hello.\nNext line";
        let s: Vec<&str> = sentences(text).iter().map(|s| s.slice(text)).collect();
        assert_eq!(s, ["Dr. Smith arrived.", "He said hello.", "Next line"]);
    }
}
