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
    merge_after_titles(text, &mut out);
    out
}

/// Titles and initials whose dot never ends a sentence before a name
/// ("Ms. Martin", "George W. Bush"); the splitter sometimes breaks there.
const TITLE_ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Maj", "Capt", "Sgt", "Adm", "Cmdr", "Prof", "Rev", "Fr",
    "St", "Mt", "Supt", "Insp", "Det", "Pres", "Hon", "Amb", "Sens", "Reps", "Gens",
];

fn merge_after_titles(text: &str, spans: &mut Vec<Span>) {
    let mut i = 0;
    while i + 1 < spans.len() {
        let cur = spans[i].slice(text);
        let last_word = cur.rsplit(|c: char| c.is_whitespace() || c == '(').next().unwrap_or("");
        let stem = last_word.strip_suffix('.').unwrap_or("");
        let initial = stem.len() == 1 && stem.chars().all(|c| c.is_ascii_uppercase()) && cur.len() > 2;
        let next_is_name = spans[i + 1].slice(text).starts_with(|c: char| c.is_uppercase());
        if (TITLE_ABBREVIATIONS.contains(&stem) || initial) && next_is_name {
            spans[i] = spans[i].cover(spans[i + 1]);
            spans.remove(i + 1);
        } else {
            i += 1;
        }
    }
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
        let text = "The network said it would send Ms. Martin to Crimea. George W. Bush spoke.";
        let s: Vec<&str> = sentences(text).iter().map(|s| s.slice(text)).collect();
        assert_eq!(s, ["The network said it would send Ms. Martin to Crimea.", "George W. Bush spoke."]);
    }

    #[test]
    fn sentences_split_within_paragraphs() {
        let text = "Dr. Smith arrived. He said hello.\nNext line";
        let s: Vec<&str> = sentences(text).iter().map(|s| s.slice(text)).collect();
        assert_eq!(s, ["Dr. Smith arrived.", "He said hello.", "Next line"]);
    }
}
