//! Graphviz DOT: node shape and colour per type, edge labels with counts,
//! quote text shortened in labels and whole in tooltips, every string escaped.

use std::io::{self, Write};

use crate::graph::{shorten, EdgeKind, Node, QuoteGraph};

/// Escapes text for a double-quoted DOT string: `"` and `\` are escaped,
/// a line end becomes `\n`, `&` becomes `&amp;` (Graphviz reads entities),
/// other control characters become spaces.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '&' => out.push_str("&amp;"),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => out.push_str("\\n"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// (shape, fill colour) per node kind.
pub fn style(kind: &str) -> (&'static str, &'static str) {
    match kind {
        "person" => ("ellipse", "#8ecae6"),
        "organization" => ("box", "#ffb703"),
        "place" => ("hexagon", "#90be6d"),
        "quote" => ("note", "#fff3b0"),
        "document" => ("folder", "#d9d9d9"),
        _ => ("diamond", "#cdb4db"),
    }
}

fn tooltip(n: &Node) -> String {
    match n {
        Node::Entity(e) => {
            let mut t = format!("{} ({})", e.name, e.entity_type.as_str());
            if let Some(x) = &e.external_id {
                t.push_str(&format!(" {x}"));
            }
            t.push_str(&format!("\nquotes said: {}, quotes naming it: {}", e.said, e.about));
            t
        }
        Node::Quote(q) => q.text.clone(),
        Node::Document(d) => [Some(d.id.as_str()), d.title.as_deref(), d.date.as_deref(), d.url.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join("\n"),
    }
}

fn label(g: &QuoteGraph, n: &Node) -> String {
    match n {
        Node::Entity(e) => match g.omitted.get(&e.id) {
            Some(o) => format!("{}\n({})", e.name, o.summary()),
            None => e.name.clone(),
        },
        Node::Quote(q) => format!("\u{201c}{}\u{201d}", shorten(&q.text, 48)),
        Node::Document(d) => match &d.title {
            Some(t) => format!("{}\n{}", d.id, shorten(t, 40)),
            None => d.id.clone(),
        },
    }
}

pub fn write(g: &QuoteGraph, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "digraph quotegraph {{")?;
    writeln!(out, "  graph [rankdir=LR, overlap=false, fontname=\"Helvetica\"];")?;
    writeln!(out, "  node [style=filled, fontname=\"Helvetica\", fontsize=10];")?;
    writeln!(out, "  edge [fontname=\"Helvetica\", fontsize=8, color=\"#555555\"];")?;
    for n in g.graph.node_indices() {
        let w = &g.graph[n];
        let (shape, color) = style(w.kind());
        writeln!(
            out,
            "  \"{}\" [label=\"{}\", shape={shape}, fillcolor=\"{color}\", tooltip=\"{}\"];",
            escape(&w.id()),
            escape(&label(g, w)),
            escape(&tooltip(w))
        )?;
    }
    for e in g.graph.edge_indices() {
        // Invariant: `e` comes from this graph's own `edge_indices()`.
        let (a, b) = g.graph.edge_endpoints(e).expect("edge of the graph");
        let w = &g.graph[e];
        let (text, extra) = match w.kind {
            EdgeKind::AffiliatedWith => {
                (format!("{} ({})", w.role.as_deref().unwrap_or("AFFILIATED_WITH"), w.count), ", style=dashed, color=\"#fb8500\"")
            }
            EdgeKind::AppearsIn => (format!("APPEARS_IN ({})", w.count), ", style=dotted, color=\"#aaaaaa\""),
            EdgeKind::Said => (format!("SAID ({})", w.count), ", color=\"#023047\", penwidth=1.5"),
            EdgeKind::About => (format!("ABOUT ({})", w.count), ", color=\"#219ebc\""),
            EdgeKind::In => (format!("IN ({})", w.count), ", color=\"#aaaaaa\""),
            EdgeKind::SameAs => ("SAME_AS".to_string(), ", style=dashed, color=\"#fb8500\""),
        };
        writeln!(
            out,
            "  \"{}\" -> \"{}\" [label=\"{}\"{extra}];",
            escape(&g.graph[a].id()),
            escape(&g.graph[b].id()),
            escape(&text)
        )?;
    }
    writeln!(out, "}}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_quotes_backslashes_newlines_and_controls() {
        assert_eq!(escape("a \"b\" \\ c\nd\r\ne\u{7}&"), "a \\\"b\\\" \\\\ c\\nd\\ne &amp;");
    }
}
