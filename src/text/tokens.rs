//! Word and punctuation tokens as spans.

use std::sync::LazyLock;

use crate::model::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (with inner apostrophes, hyphens and abbreviation dots).
    Word,
    /// Digits, possibly with inner separators.
    Number,
    /// Any other single character that is not whitespace.
    Punct,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
}

impl Token {
    pub fn text(self, text: &str) -> &str {
        self.span.slice(text)
    }
    /// Starts with an upper-case letter.
    pub fn is_capitalized(self, text: &str) -> bool {
        self.kind == TokenKind::Word && self.text(text).chars().next().is_some_and(char::is_uppercase)
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// `char::is_alphanumeric`, answered without the Unicode tables' binary
/// search (the costly part of tokenizing) for ASCII, for General Punctuation
/// U+2010 to U+2027 (dashes, curly quotes, bullets, the ellipsis: none is a
/// letter or digit), the non-ASCII characters news text has most, and from a
/// bit set made once for U+0080 to U+097F (accented Latin letters, Greek,
/// Cyrillic, ..., Devanagari). A test compares it with
/// `char::is_alphanumeric` on every char.
fn is_alnum(c: char) -> bool {
    let u = u32::from(c);
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else if ('\u{2010}'..='\u{2027}').contains(&c) {
        false
    } else if u < LOW_END {
        // Invariant: `0x80 <= u < LOW_END`, so the word index is below `LOW_WORDS`.
        let k = (u - 0x80) as usize;
        LOW_ALNUM[k / 64] & (1 << (k % 64)) != 0
    } else {
        c.is_alphanumeric()
    }
}

/// End (exclusive) of the code points [`LOW_ALNUM`] holds, from U+0080:
/// through Devanagari, the one non-Latin script of the bundled samples.
const LOW_END: u32 = 0x980;
const LOW_WORDS: usize = (LOW_END as usize - 0x80).div_ceil(64);

/// `char::is_alphanumeric` of U+0080..LOW_END, bit `u - 0x80`.
static LOW_ALNUM: LazyLock<[u64; LOW_WORDS]> = LazyLock::new(|| {
    let mut bits = [0u64; LOW_WORDS];
    for u in 0x80..LOW_END {
        if char::from_u32(u).is_some_and(char::is_alphanumeric) {
            let k = (u - 0x80) as usize;
            // Invariant: `k < LOW_END - 0x80`, so `k / 64 < LOW_WORDS`.
            bits[k / 64] |= 1 << (k % 64);
        }
    }
    bits
});

/// The character starting at byte `pos` of `s`, if any.
fn char_at(s: &str, pos: usize) -> Option<char> {
    // ASCII without the boundary check and UTF-8 decoding: most of news text.
    let b = *s.as_bytes().get(pos)?;
    if b.is_ascii() {
        return Some(char::from(b));
    }
    s.get(pos..).and_then(|r| r.chars().next())
}

/// Tokenizes `span` of `text`. "Dr." and "U.S." keep their dots; "Trump's"
/// splits into "Trump" and "'s" so that names stay clean.
///
/// Linear in the span's length and allocation-free apart from the output:
/// it walks byte offsets and looks at most two characters ahead.
pub fn tokenize(text: &str, span: Span) -> Vec<Token> {
    let mut out = Vec::with_capacity(span.len() / 5);
    tokenize_into(text, span, &mut out);
    out
}

/// [`tokenize`], appending to `out` (one buffer for a whole document).
pub fn tokenize_into(text: &str, span: Span, out: &mut Vec<Token>) {
    let s = span.slice(text);
    let base = span.start();
    let mut i = 0;
    while let Some(c) = char_at(s, i) {
        let pos = i;
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        if is_alnum(c) {
            let numeric = c.is_numeric();
            let first_end = pos + c.len_utf8();
            // Whether the word so far holds an abbreviation dot (kept as a flag:
            // rescanning the word at every dot is quadratic in "a.a.a.a...").
            let mut dotted = false;
            let mut j = first_end;
            let bytes = s.as_bytes();
            loop {
                // Runs of ASCII letters and digits first, a byte at a time.
                while bytes.get(j).is_some_and(u8::is_ascii_alphanumeric) {
                    j += 1;
                }
                let Some(c2) = char_at(s, j) else { break };
                if is_alnum(c2) {
                    j += c2.len_utf8();
                    continue;
                }
                // Only these may continue a word; anything else (a space, most often) ends it.
                if !(is_apostrophe(c2) || matches!(c2, '-' | ',' | '.')) {
                    break;
                }
                let after = j + c2.len_utf8();
                let next_alnum = char_at(s, after).is_some_and(is_alnum);
                // "Trump's": stop before the possessive so the name is clean.
                if is_apostrophe(c2) && next_alnum {
                    // Invariant: `after` is `j` plus the `len_utf8` of the char at `j`: a boundary.
                    let mut rest = s[after..].chars();
                    let is_possessive = rest.next() == Some('s') && !rest.next().is_some_and(is_alnum);
                    if is_possessive {
                        break;
                    }
                    j = after;
                    continue;
                }
                if (c2 == '-' || (numeric && (c2 == ',' || c2 == '.'))) && next_alnum {
                    j = after;
                    continue;
                }
                // "Znak.com", "Politico.eu": a web domain is one word.
                if c2 == '.' && !numeric && next_alnum {
                    // Invariant: `after` is `j` plus the `len_utf8` of the char at `j`, so at most `s.len()`.
                    let tld_end = after + bytes[after..].iter().take_while(|b| b.is_ascii_lowercase()).count();
                    let ends = !char_at(s, tld_end).is_some_and(is_alnum);
                    // Invariant: `after` is a boundary and `tld_end` follows ASCII bytes from it.
                    if ends && super::abbreviations::is_top_level_domain(&s[after..tld_end]) {
                        j = tld_end;
                        continue;
                    }
                }
                // Abbreviation dots: "U.S.", "Dr.", "a.m."
                if c2 == '.' && !numeric {
                    let single = j == first_end;
                    // Invariant: `pos` and `j` are starts of decoded chars (`char_indices`, `len_utf8`).
                    if single || dotted || super::abbreviations::is_abbreviation(&s[pos..j]) {
                        dotted = true;
                        j = after;
                        continue;
                    }
                }
                break;
            }
            let kind = if numeric { TokenKind::Number } else { TokenKind::Word };
            out.push(Token { span: Span::new(base + pos, base + j), kind });
            i = j;
            continue;
        }
        let end = pos + c.len_utf8();
        // Possessive "'s" as one token.
        if is_apostrophe(c) {
            // Invariant: `end` is `pos` plus the `len_utf8` of the char at `pos`: a boundary.
            let mut rest = s[end..].chars();
            if rest.next() == Some('s') && !rest.next().is_some_and(is_alnum) {
                out.push(Token { span: Span::new(base + pos, base + end + 1), kind: TokenKind::Word });
                i = end + 1;
                continue;
            }
        }
        out.push(Token { span: Span::new(base + pos, base + end), kind: TokenKind::Punct });
        i = end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text, Span::new(0, text.len())).iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn keeps_web_domains_whole() {
        assert_eq!(
            words("Znak.com reported it. Politico.eu's story"),
            ["Znak.com", "reported", "it", ".", "Politico.eu", "'s", "story"]
        );
        assert_eq!(words("the end.Com"), ["the", "end", ".", "Com"]);
    }

    #[test]
    fn keeps_abbreviations_and_splits_possessives() {
        assert_eq!(
            words("Dr. Naim’s U.S. talks, 53,000 dead."),
            ["Dr.", "Naim", "’s", "U.S.", "talks", ",", "53,000", "dead", "."]
        );
    }

    #[test]
    fn is_alnum_agrees_with_std_on_every_char() {
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            assert_eq!(is_alnum(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn keeps_inner_apostrophes_and_hyphens() {
        assert_eq!(words("didn't US-Israeli"), ["didn't", "US-Israeli"]);
    }
}
