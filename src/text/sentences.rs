//! Paragraph and sentence boundaries.

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
    let slice = &text[start..end];
    let trimmed_start = slice.len() - slice.trim_start().len();
    let trimmed = slice.trim();
    if !trimmed.is_empty() {
        let s = start + trimmed_start;
        out.push(Span::new(s, s + trimmed.len()));
    }
}

/// Sentences of one paragraph, trimmed, as spans into `text`.
///
/// Uses `sentencex`, which keeps quoted passages whole, so a quote of several
/// sentences followed by its attribution stays one sentence.
pub fn sentences_in(text: &str, paragraph: Span) -> Vec<Span> {
    let para = paragraph.slice(text);
    let base = paragraph.start();
    let mut out = Vec::new();
    for b in sentencex::get_sentence_boundaries("en", para) {
        let (s, e) = (b.start_byte, b.end_byte.min(para.len()));
        if s >= e || !para.is_char_boundary(s) || !para.is_char_boundary(e) {
            continue;
        }
        push_trimmed(text, base + s, base + e, &mut out);
    }
    if out.is_empty() {
        out.push(paragraph);
    }
    out
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
    fn sentences_split_within_paragraphs() {
        let text = "Dr. Smith arrived. He said hello.\nNext line";
        let s: Vec<&str> = sentences(text).iter().map(|s| s.slice(text)).collect();
        assert_eq!(s, ["Dr. Smith arrived.", "He said hello.", "Next line"]);
    }
}
