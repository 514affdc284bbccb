//! Pure text layer: paragraphs, sentences, tokens and quotation-mark pairing.
//! Every function here maps `&str` to spans; nothing allocates strings.

pub mod abbreviations;
pub mod marks;
pub mod sentences;
pub mod tokens;
pub mod wordlist;

pub use marks::{find_quoted, find_quoted_in, MarkStyle, Quoted};
pub use sentences::{paragraphs, sentences};
pub use tokens::{tokenize, tokenize_into, Token, TokenKind};
