//! Quotation-mark pairing.
//!
//! Handles straight and curly, double and single marks, « », „ “, doubled
//! apostrophes (''like this'') and ``this'' style, nested quotes and quotes
//! that run over several paragraphs (an opening mark on each paragraph, the
//! closing mark only at the end). An unbalanced mark never reaches past its
//! paragraph, so it cannot swallow the rest of a document.

use crate::model::Span;
use crate::text::paragraphs;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MarkStyle {
    /// “…”, "…", «…», „…“, ``…'', ''…''
    Double,
    /// ‘…’, '…'
    Single,
}

/// One quoted passage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quoted {
    /// The opening mark.
    pub open: Span,
    /// The closing mark; `None` when the paragraph ended first.
    pub close: Option<Span>,
    /// The words between the marks, trimmed of whitespace and of a closing
    /// quotative comma ("…this war,” said").
    pub content: Span,
    pub style: MarkStyle,
    /// Inside another quoted passage.
    pub nested: bool,
    /// Runs over more than one paragraph.
    pub multi_paragraph: bool,
}

impl Quoted {
    /// From the opening mark to the closing one (or the content's end).
    pub fn outer(&self) -> Span {
        Span::new(self.open.start(), self.close.map_or(self.content.end(), |c| c.end()))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    Either,
}

#[derive(Clone, Copy, Debug)]
struct Mark {
    span: Span,
    role: Role,
}

/// Invisible formatting characters (bidi marks, zero-width spaces) count as space.
fn is_space_like(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{feff}')
}

fn is_open_context(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => is_space_like(c) || "([{\u{2014}\u{2013}-/:\u{201c}\u{2018}\u{ab}".contains(c),
    }
}

fn is_close_context(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => c.is_whitespace() || (!c.is_alphanumeric() && !"\u{201c}\u{2018}".contains(c)),
    }
}

/// Whether byte `b` may start one of the characters in `marks`: ASCII ones
/// themselves, and the lead byte of each multi-byte one.
const fn lead_bytes(marks: &[char]) -> [bool; 256] {
    let mut t = [false; 256];
    let mut k = 0;
    while k < marks.len() {
        let mut buf = [0u8; 4];
        let enc = marks[k].encode_utf8(&mut buf);
        // Invariant: `encode_utf8` writes at least one byte; a `u8` indexes 256 slots.
        t[enc.as_bytes()[0] as usize] = true;
        k += 1;
    }
    t
}

/// Characters [`double_marks`] acts on.
const DOUBLE_LEADS: [bool; 256] =
    lead_bytes(&['\u{201c}', '\u{201e}', '\u{201f}', '\u{ab}', '\u{201d}', '\u{bb}', '"', '\u{ff02}', '`', '\'', '\u{2019}']);

/// Characters [`find_single`] acts on.
const SINGLE_LEADS: [bool; 256] = lead_bytes(&['\'', '\u{2018}', '\u{2019}']);

/// The characters of `s` that may be marks (their first byte is in `leads`),
/// with their byte offset and the characters just before and after them.
///
/// Same as walking `s.char_indices()` and looking at every character, but
/// only marks are decoded: text between them is skipped byte-wise.
fn mark_candidates<'s>(s: &'s str, leads: &'s [bool; 256]) -> impl Iterator<Item = (usize, char)> + 's {
    let bytes = s.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() {
            let at = i;
            i += 1;
            // Invariant: `at < bytes.len()` (loop condition); a `u8` indexes 256 slots.
            if leads[usize::from(bytes[at])] {
                // Invariant: `at` is a char boundary: `leads` holds only ASCII bytes and
                // UTF-8 lead bytes (0xC2..), never a continuation byte (0x80..0xBF).
                if let Some(c) = s.get(at..).and_then(|t| t.chars().next()) {
                    return Some((at, c));
                }
            }
        }
        None
    })
}

/// The characters around byte `i`, which callers take from a mark's start or
/// end (`len_utf8` of the decoded mark), so always a char boundary.
fn char_before(s: &str, i: usize) -> Option<char> {
    s.get(..i)?.chars().next_back()
}

fn char_after(s: &str, i: usize) -> Option<char> {
    s.get(i..)?.chars().next()
}

/// Double marks of one paragraph, in order, with their role.
fn double_marks(text: &str, para: Span) -> Vec<Mark> {
    let s = para.slice(text);
    let base = para.start();
    let mut out = Vec::new();
    // End of the last doubled mark (``, '', ’’): its second character is not looked at again.
    let mut consumed = 0;
    for (i, c) in mark_candidates(s, &DOUBLE_LEADS) {
        if i < consumed {
            continue;
        }
        let prev = char_before(s, i);
        let next = char_after(s, i + c.len_utf8());
        let mut push = |len: usize, role: Role| out.push(Mark { span: Span::new(base + i, base + i + len), role });
        match c {
            '\u{201c}' | '\u{201e}' | '\u{201f}' | '\u{ab}' => push(c.len_utf8(), Role::Open),
            // A right mark at a word start is an opening mark typed wrong ("”Fear. I am …”").
            '\u{201d}'
                if (is_open_context(prev) && next.is_some_and(|n| n.is_alphanumeric() || n == '\u{2026}'))
                    || (i == 0
                        && next.is_some_and(|n| {
                            // The character after the one after the mark (`n` may be
                            // multi-byte: a no-break space is two bytes).
                            !n.is_whitespace() || char_after(s, c.len_utf8() + n.len_utf8()) == Some('\u{2026}')
                        })) =>
            {
                push(c.len_utf8(), Role::Open)
            }
            '\u{201d}' | '\u{bb}' => push(c.len_utf8(), Role::Close),
            '"' | '\u{ff02}' => push(c.len_utf8(), Role::Either),
            '`' if next == Some('`') => {
                push(2, Role::Open);
                consumed = i + 2;
            }
            '\'' | '\u{2019}' if next == Some(c) => {
                consumed = i + 2 * c.len_utf8();
                let after = char_after(s, consumed);
                let role =
                    if is_open_context(prev) && after.is_some_and(|a| !a.is_whitespace()) { Role::Open } else { Role::Close };
                push(2 * c.len_utf8(), role);
            }
            _ => {}
        }
    }
    // Resolve straight marks from the characters around them.
    for k in 0..out.len() {
        if out[k].role != Role::Either {
            continue;
        }
        let before = text[..out[k].span.start()].chars().next_back().filter(|_| out[k].span.start() > base);
        let after = text[out[k].span.end()..para.end()].chars().next();
        let opens = is_open_context(before) && after.is_some_and(|a| !a.is_whitespace());
        let closes = is_close_context(after) && before.is_some_and(|b| !b.is_whitespace());
        out[k].role = match (opens, closes) {
            (true, false) => Role::Open,
            (false, true) => Role::Close,
            _ => Role::Either,
        };
    }
    out
}

fn starts_with_open_double(text: &str, para: Span) -> Option<Span> {
    double_marks(text, para).first().filter(|m| m.span.start == para.start && m.role != Role::Close).map(|m| m.span)
}

/// Content between two byte offsets, trimmed of whitespace and a trailing comma.
fn content_between(text: &str, start: usize, end: usize) -> Span {
    // Invariant: callers pass a mark's end and the next mark's start (lead bytes), `start <= end`.
    let slice = &text[start..end];
    let lead = slice.len() - slice.trim_start().len();
    let mut trimmed = slice.trim();
    while let Some(t) = trimmed.strip_suffix(',') {
        trimmed = t.trim_end();
    }
    Span::new(start + lead, start + lead + trimmed.len())
}

/// Finds every quoted passage of `text`, in text order of the opening mark.
pub fn find_quoted(text: &str) -> Vec<Quoted> {
    find_quoted_in(text, &paragraphs(text))
}

/// [`find_quoted`] with the paragraphs of `text` already found.
pub fn find_quoted_in(text: &str, paras: &[Span]) -> Vec<Quoted> {
    let mut out: Vec<Quoted> = Vec::new();
    // An opening mark still waiting for its close at the end of a paragraph.
    let mut pending: Option<(Span, usize, usize)> = None; // (open mark, content start, last paragraph end)
    for (pi, &para) in paras.iter().enumerate() {
        let marks = double_marks(text, para);
        let mut open: Option<(Span, usize, bool)> = None; // (mark, content start, continues from earlier paragraph)
        let mut skip_first = false;
        if let Some((mark, content_start, last_end)) = pending.take() {
            if marks.first().is_some_and(|m| m.span.start == para.start && m.role != Role::Close) {
                open = Some((mark, content_start, true));
                skip_first = true;
            } else {
                // The next paragraph does not continue it: the quote ends with its paragraph.
                push_double(&mut out, text, mark, None, content_start, last_end, false);
            }
        }
        // One level of nesting for double marks: “… what he calls “hell” than …”.
        let mut inner: Option<Span> = None;
        let mut nested_pairs: Vec<usize> = Vec::new();
        for (mi, m) in marks.iter().enumerate() {
            if skip_first && mi == 0 {
                continue;
            }
            // „…“: the German closing mark looks like an English opening one.
            let low_open = open.is_some_and(|(o, _, _)| text.get(o.start()..).is_some_and(|t| t.starts_with('\u{201e}')));
            let closes_low = low_open && text.get(m.span.start()..).is_some_and(|t| t.starts_with('\u{201c}'));
            let role = if closes_low { Role::Close } else { m.role };
            match (role, open) {
                (Role::Open, None) | (Role::Either, None) => open = Some((m.span, m.span.end(), false)),
                (Role::Close, Some(_)) | (Role::Either, Some(_)) if inner.is_some() => {
                    let Some(i) = inner.take() else { continue };
                    let before = out.len();
                    push_double(&mut out, text, i, Some(m.span), i.end(), m.span.start(), false);
                    if let (true, Some(last)) = (out.len() > before, out.last_mut()) {
                        last.nested = true;
                        nested_pairs.push(before);
                    }
                }
                (Role::Close, Some((o, cs, multi))) | (Role::Either, Some((o, cs, multi))) => {
                    push_double(&mut out, text, o, Some(m.span), cs, m.span.start(), multi);
                    open = None;
                    nested_pairs.clear();
                }
                (Role::Open, Some((_, _, true))) => {}
                (Role::Open, Some(_)) => inner = Some(m.span),
                (Role::Close, None) => {}
            }
        }
        // An outer mark left open with quotes inside it was a stray: the inner
        // ones are quotes of their own (“A said. “B,” he said.).
        if open.is_some_and(|(_, _, multi)| !multi) && !nested_pairs.is_empty() {
            for &i in &nested_pairs {
                out[i].nested = false;
            }
            open = None;
        }
        if let Some((o, cs, multi)) = open {
            let next_continues = paras.get(pi + 1).is_some_and(|&n| starts_with_open_double(text, n).is_some());
            let at_para_start = o.start == para.start || multi;
            if next_continues && at_para_start {
                pending = Some((o, cs, para.end()));
            } else {
                push_double(&mut out, text, o, None, cs, para.end(), multi);
            }
        }
    }
    if let Some((mark, content_start, last_end)) = pending {
        push_double(&mut out, text, mark, None, content_start, last_end, true);
    }
    // Double-quoted passages by level (one level of nesting): each level is
    // disjoint, so a containing passage is found by binary search.
    let mut doubles: [Vec<Span>; 2] = [Vec::new(), Vec::new()];
    for q in &out {
        doubles[usize::from(q.nested)].push(q.outer());
    }
    doubles.iter_mut().for_each(|d| d.sort());
    for &para in paras {
        find_single(text, para, &doubles, &mut out);
    }
    out.sort_by_key(|q| (q.open.start, q.content.end));
    out
}

fn push_double(out: &mut Vec<Quoted>, text: &str, open: Span, close: Option<Span>, start: usize, end: usize, multi: bool) {
    if start > end {
        return;
    }
    let content = content_between(text, start, end);
    if content.is_empty() {
        return;
    }
    out.push(Quoted { open, close, content, style: MarkStyle::Double, nested: false, multi_paragraph: multi });
}

/// Single-quoted passages within one paragraph. Apostrophes look like
/// closing marks, so a pair needs an opening mark at a word start and a
/// closing mark at a word end, and never crosses a double-quote boundary.
fn find_single(text: &str, para: Span, doubles: &[Vec<Span>; 2], out: &mut Vec<Quoted>) {
    let s = para.slice(text);
    let base = para.start();
    let mut open: Option<Span> = None;
    for (i, c) in mark_candidates(s, &SINGLE_LEADS) {
        let prev = char_before(s, i);
        let next = char_after(s, i + c.len_utf8());
        let pos = base + i;
        let here = Span::new(pos, pos + c.len_utf8());
        // The innermost double-quoted passage holding `p`, as (level, index):
        // a binary search per level (a scan per mark is quadratic in long text).
        let container = |p: usize| {
            (0..2).rev().find_map(|level| {
                let d = &doubles[level];
                let i = d.partition_point(|s| s.start() < p);
                (i > 0 && p < d[i - 1].end()).then(|| (level, i - 1))
            })
        };
        let is_single = c == '\'' || c == '\u{2018}' || c == '\u{2019}';
        let doubled = next == Some(c) || prev == Some(c);
        if is_single && !doubled {
            let can_open = c != '\u{2019}' && is_open_context(prev) && next.is_some_and(char::is_alphanumeric);
            let can_close = c != '\u{2018}' && prev.is_some_and(|p| !p.is_whitespace()) && is_close_context(next);
            if let Some(o) = open.filter(|_| can_close) {
                if container(o.start()) == container(pos) {
                    let content = content_between(text, o.end(), pos);
                    let words = content.slice(text).split_whitespace().count();
                    if words >= 1 && !content.is_empty() {
                        let nested = container(pos).is_some();
                        out.push(Quoted {
                            open: o,
                            close: Some(here),
                            content,
                            style: MarkStyle::Single,
                            nested,
                            multi_paragraph: false,
                        });
                    }
                    open = None;
                } else if can_open {
                    open = Some(here);
                }
            } else if can_open {
                open = Some(here);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contents(text: &str) -> Vec<(&str, MarkStyle, bool)> {
        find_quoted(text).iter().map(|q| (q.content.slice(text), q.style, q.nested)).collect()
    }

    #[test]
    fn curly_and_straight_doubles() {
        let t = "“We are ready,” he said. She said \"No way.\"";
        assert_eq!(contents(t), [("We are ready", MarkStyle::Double, false), ("No way.", MarkStyle::Double, false)]);
    }

    #[test]
    fn guillemets_low_high_backticks_and_doubled_apostrophes() {
        let t = "«Un» „Zwei“ ``three'' ''four''";
        let c: Vec<&str> = contents(t).iter().map(|x| x.0).collect();
        assert_eq!(c, ["Un", "Zwei", "three", "four"]);
    }

    #[test]
    fn nested_single_quotes_and_apostrophes() {
        let t = "“He called it ‘a disaster’ and Hamas’ plan failed,” she said. It's the Smiths' car.";
        let c = contents(t);
        assert_eq!(c[0].0, "He called it ‘a disaster’ and Hamas’ plan failed");
        assert_eq!(c[1], ("a disaster", MarkStyle::Single, true));
        assert_eq!(c.len(), 2);
    }

    #[test]
    fn unbalanced_mark_stops_at_paragraph_end() {
        let t = "He said “this never closes.\nNext paragraph “is fine” here.";
        let c: Vec<&str> = contents(t).iter().map(|x| x.0).collect();
        assert_eq!(c, ["this never closes.", "is fine"]);
    }

    #[test]
    fn nested_double_marks_of_one_style() {
        let t = "“I’d rather live in what he calls “hell” than here.” ― Ana Ruiz";
        let c = contents(t);
        assert_eq!(c[0], ("I’d rather live in what he calls “hell” than here.", MarkStyle::Double, false));
        assert_eq!(c[1], ("hell", MarkStyle::Double, true));
    }

    #[test]
    fn an_unclosed_outer_mark_leaves_inner_quotes_on_their_own() {
        let t = "“A stray mark. “We won,” he said.";
        assert_eq!(contents(t), [("We won", MarkStyle::Double, false)]);
    }

    #[test]
    fn multi_paragraph_quote() {
        let t = "“First part.\n“Second part,” he said.";
        let q = find_quoted(t);
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].content.slice(t), "First part.\n“Second part");
        assert!(q[0].multi_paragraph);
    }
}
