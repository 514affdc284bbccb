//! GraphML (valid XML with typed keys; networkx `read_graphml` reads it).

use std::io::{self, Write};

use crate::graph::{Node, QuoteGraph};

/// Escapes text for XML content and attribute values. Characters XML 1.0
/// cannot carry become spaces; a carriage return is kept as `&#13;`.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\r' => out.push_str("&#13;"),
            '\t' | '\n' => out.push(c),
            c if c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// (key id, domain, attribute name, type)
const KEYS: &[(&str, &str, &str, &str)] = &[
    ("kind", "node", "kind", "string"),
    ("name", "node", "name", "string"),
    ("label", "node", "label", "string"),
    ("external_id", "node", "external_id", "string"),
    ("said", "node", "said", "int"),
    ("about", "node", "about", "int"),
    ("quote_kind", "node", "quote_kind", "string"),
    ("cue", "node", "cue", "string"),
    ("confidence", "node", "confidence", "double"),
    ("document", "node", "document", "string"),
    ("start", "node", "start", "int"),
    ("end", "node", "end", "int"),
    ("title", "node", "title", "string"),
    ("date", "node", "date", "string"),
    ("url", "node", "url", "string"),
    ("type", "edge", "type", "string"),
    ("role", "edge", "role", "string"),
    ("count", "edge", "count", "int"),
];

fn data(out: &mut dyn Write, key: &str, value: &str) -> io::Result<()> {
    writeln!(out, "      <data key=\"{key}\">{}</data>", escape(value))
}

pub fn write(g: &QuoteGraph, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
    writeln!(
        out,
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">"
    )?;
    for (id, domain, name, ty) in KEYS {
        writeln!(out, "  <key id=\"{id}\" for=\"{domain}\" attr.name=\"{name}\" attr.type=\"{ty}\"/>")?;
    }
    writeln!(out, "  <graph id=\"quotegraph\" edgedefault=\"directed\">")?;
    for n in g.graph.node_indices() {
        let w = &g.graph[n];
        writeln!(out, "    <node id=\"{}\">", escape(&w.id()))?;
        data(out, "kind", w.kind())?;
        data(out, "name", w.name())?;
        match w {
            Node::Entity(e) => {
                data(out, "label", &e.name)?;
                if let Some(x) = &e.external_id {
                    data(out, "external_id", x)?;
                }
                data(out, "said", &e.said.to_string())?;
                data(out, "about", &e.about.to_string())?;
            }
            Node::Quote(q) => {
                data(out, "label", &crate::graph::shorten(&q.text, 48))?;
                data(out, "quote_kind", q.kind.as_str())?;
                if let Some(c) = &q.cue {
                    data(out, "cue", c)?;
                }
                data(out, "confidence", &q.confidence.to_string())?;
                data(out, "document", &q.document_id)?;
                data(out, "start", &q.start.to_string())?;
                data(out, "end", &q.end.to_string())?;
            }
            Node::Document(d) => {
                data(out, "label", &d.id)?;
                for (k, v) in [("title", &d.title), ("date", &d.date), ("url", &d.url)] {
                    if let Some(v) = v {
                        data(out, k, v)?;
                    }
                }
            }
        }
        writeln!(out, "    </node>")?;
    }
    for e in g.graph.edge_indices() {
        // Invariant: `e` comes from this graph's own `edge_indices()`.
        let (a, b) = g.graph.edge_endpoints(e).expect("edge of the graph");
        let w = &g.graph[e];
        writeln!(
            out,
            "    <edge id=\"e{}\" source=\"{}\" target=\"{}\">",
            e.index(),
            escape(&g.graph[a].id()),
            escape(&g.graph[b].id())
        )?;
        data(out, "type", w.kind.as_str())?;
        if let Some(r) = &w.role {
            data(out, "role", r)?;
        }
        data(out, "count", &w.count.to_string())?;
        writeln!(out, "    </edge>")?;
    }
    writeln!(out, "  </graph>")?;
    writeln!(out, "</graphml>")
}
