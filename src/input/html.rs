//! `--html`: the text of an HTML document, one paragraph per line.
//!
//! Parsed by html5ever (through `scraper`), the parser browsers use, so
//! every entity is decoded (named and numeric), comments, doctypes and
//! processing instructions are not text, and `<script>`/`<style>` bodies are
//! raw text that is dropped with their element. The extractor reads a line
//! as a paragraph, so block elements end lines and the source's own line
//! breaks inside a paragraph are only spaces (HTML collapses white space).

use scraper::node::Node;
use scraper::Html;

/// Elements whose content is never text of the article.
fn is_dropped(name: &str) -> bool {
    matches!(name, "script" | "style" | "noscript" | "template" | "iframe" | "object" | "svg" | "select")
}

/// Elements that start and end a line.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "br"
            | "li"
            | "ul"
            | "ol"
            | "dl"
            | "dt"
            | "dd"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "tr"
            | "table"
            | "blockquote"
            | "title"
            | "article"
            | "section"
            | "header"
            | "footer"
            | "aside"
            | "nav"
            | "main"
            | "figure"
            | "figcaption"
            | "address"
            | "hr"
            | "pre"
            | "form"
            | "fieldset"
            | "details"
            | "summary"
            | "center"
            | "caption"
    )
}

/// HTML's white space (not the no-break space, which is a character of the text).
fn is_html_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}')
}

/// The text of `html`: entities decoded, scripts, styles and comments
/// dropped, block elements on lines of their own, lines trimmed, no blank
/// lines. Offsets of an extraction index this text, which is what is stored.
pub fn strip_html(html: &str) -> String {
    let doc = Html::parse_document(html);
    let mut out = String::with_capacity(html.len() / 2);
    // Depth inside dropped elements and inside <pre>; an iterative walk, so
    // deeply nested markup cannot overflow the stack.
    let (mut dropped, mut pre) = (0usize, 0usize);
    for edge in doc.tree.root().traverse() {
        match edge {
            ego_tree::iter::Edge::Open(node) => match node.value() {
                Node::Element(e) => {
                    let name = e.name();
                    if dropped > 0 || is_dropped(name) {
                        dropped += 1;
                    } else {
                        pre += usize::from(matches!(name, "pre" | "textarea" | "listing"));
                        if is_block(name) {
                            out.push('\n');
                        } else if matches!(name, "td" | "th") {
                            out.push(' ');
                        }
                    }
                }
                Node::Text(t) if dropped == 0 => push_text(&mut out, t, pre > 0),
                _ => {}
            },
            ego_tree::iter::Edge::Close(node) => {
                if let Node::Element(e) = node.value() {
                    let name = e.name();
                    if dropped > 0 {
                        dropped -= 1;
                    } else {
                        pre -= usize::from(matches!(name, "pre" | "textarea" | "listing"));
                        if is_block(name) {
                            out.push('\n');
                        }
                    }
                }
            }
        }
    }
    // One paragraph per line, as the text layer reads it.
    let lines: Vec<&str> = out.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    lines.join("\n")
}

/// Appends a text node: runs of HTML white space become one space, except
/// in preformatted text, which keeps its line breaks.
fn push_text(out: &mut String, text: &str, pre: bool) {
    if pre {
        out.push_str(&text.replace("\r\n", "\n").replace('\r', "\n"));
        return;
    }
    let mut space = out.ends_with([' ', '\n']);
    for c in text.chars() {
        if is_html_space(c) {
            if !space {
                out.push(' ');
                space = true;
            }
        } else {
            out.push(c);
            space = false;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::strip_html;

    #[test]
    fn blocks_become_lines_and_markup_is_dropped() {
        assert_eq!(strip_html("<html><body><p>A &amp; B</p><p>“C”</p><script>x</script></body></html>"), "A & B\n“C”");
        assert_eq!(strip_html("<!DOCTYPE html><?xml version=\"1.0\"?><p>A</p>"), "A");
    }

    #[test]
    fn numeric_and_named_entities_are_decoded() {
        assert_eq!(strip_html("<p>&#8220;Yes,&#x201D; she said&nbsp;&hellip;</p>"), "“Yes,” she said\u{a0}…");
    }

    #[test]
    fn source_line_breaks_inside_a_paragraph_are_spaces() {
        assert_eq!(strip_html("<p>one\ntwo\r\n  three</p><div>four<br>five</div>"), "one two three\nfour\nfive");
    }

    #[test]
    fn comments_and_styles_are_not_text_and_the_title_is_a_line() {
        let html = "<head><style>p{}</style><meta charset=utf-8><title>T</title></head><!-- said --><p>x<!-- y --> z</p><noscript>n</noscript>";
        assert_eq!(strip_html(html), "T\nx z");
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = "<div>".repeat(100_000) + "deep" + &"</div>".repeat(100_000);
        assert_eq!(strip_html(&html), "deep");
    }
}
