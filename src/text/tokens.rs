//! Word and punctuation tokens as spans.

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
        if c.is_alphanumeric() {
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
                if c2.is_alphanumeric() {
                    j += c2.len_utf8();
                    continue;
                }
                // Only these may continue a word; anything else (a space, most often) ends it.
                if !(is_apostrophe(c2) || matches!(c2, '-' | ',' | '.')) {
                    break;
                }
                let after = j + c2.len_utf8();
                let next_alnum = char_at(s, after).is_some_and(char::is_alphanumeric);
                // "Trump's": stop before the possessive so the name is clean.
                if is_apostrophe(c2) && next_alnum {
                    // Invariant: `after` is `j` plus the `len_utf8` of the char at `j`: a boundary.
                    let mut rest = s[after..].chars();
                    let is_possessive = rest.next() == Some('s') && !rest.next().is_some_and(char::is_alphanumeric);
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
                    let tld_end = after + bytes[after..].iter().take_while(|b| b.is_ascii_lowercase()).count();
                    let ends = !char_at(s, tld_end).is_some_and(char::is_alphanumeric);
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
            if rest.next() == Some('s') && !rest.next().is_some_and(char::is_alphanumeric) {
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
    fn keeps_inner_apostrophes_and_hyphens() {
        assert_eq!(words("didn't US-Israeli"), ["didn't", "US-Israeli"]);
    }
}
