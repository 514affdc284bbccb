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

/// Tokenizes `span` of `text`. "Dr." and "U.S." keep their dots; "Trump's"
/// splits into "Trump" and "'s" so that names stay clean.
pub fn tokenize(text: &str, span: Span) -> Vec<Token> {
    let s = span.slice(text);
    let base = span.start();
    let mut out = Vec::with_capacity(s.len() / 5);
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if c.is_alphanumeric() {
            let numeric = c.is_numeric();
            let mut j = i + 1;
            while j < chars.len() {
                let c2 = chars[j].1;
                if c2.is_alphanumeric() {
                    j += 1;
                    continue;
                }
                let next_alnum = chars.get(j + 1).is_some_and(|x| x.1.is_alphanumeric());
                // "Trump's": stop before the possessive so the name is clean.
                if is_apostrophe(c2) && next_alnum {
                    let rest: String = chars[j + 1..].iter().take(2).map(|x| x.1).collect();
                    let is_possessive = rest.starts_with('s') && !rest[1..].starts_with(char::is_alphanumeric);
                    if is_possessive {
                        break;
                    }
                    j += 1;
                    continue;
                }
                if (c2 == '-' || (numeric && (c2 == ',' || c2 == '.'))) && next_alnum {
                    j += 1;
                    continue;
                }
                // Abbreviation dots: "U.S.", "Dr.", "a.m."
                if c2 == '.' && !numeric {
                    let word = &s[pos..chars[j].0];
                    let single = word.chars().count() == 1;
                    let dotted = word.contains('.');
                    if single || dotted || crate::extract::lexicon::is_abbreviation(word) {
                        j += 1;
                        continue;
                    }
                }
                break;
            }
            let end = chars.get(j).map_or(s.len(), |x| x.0);
            let kind = if numeric { TokenKind::Number } else { TokenKind::Word };
            out.push(Token { span: Span::new(base + pos, base + end), kind });
            i = j;
            continue;
        }
        // Possessive "'s" as one token.
        if is_apostrophe(c)
            && chars.get(i + 1).is_some_and(|x| x.1 == 's')
            && !chars.get(i + 2).is_some_and(|x| x.1.is_alphanumeric())
        {
            let end = chars.get(i + 2).map_or(s.len(), |x| x.0);
            out.push(Token { span: Span::new(base + pos, base + end), kind: TokenKind::Word });
            i += 2;
            continue;
        }
        let end = chars.get(i + 1).map_or(s.len(), |x| x.0);
        out.push(Token { span: Span::new(base + pos, base + end), kind: TokenKind::Punct });
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text, Span::new(0, text.len())).iter().map(|t| t.text(text)).collect()
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
