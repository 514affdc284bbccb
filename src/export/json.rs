//! Node-link JSON: `{"directed", "multigraph", "graph", "nodes", "links"}`
//! as networkx `node_link_graph(data, edges="links")`, d3 and Gephi read it.

use std::collections::BTreeMap;
use std::io::{self, Write};

use indexmap::IndexMap;
use serde::Serialize;
use serde_json::{json, Value};

use crate::graph::{shorten, Node, QuoteGraph};

/// The node-link document; node attributes in a fixed order (`id`, `kind`, `name`, `label`, ...).
#[derive(Debug, Serialize)]
pub struct NodeLink {
    pub directed: bool,
    pub multigraph: bool,
    pub graph: Value,
    pub nodes: Vec<IndexMap<&'static str, Value>>,
    pub links: Vec<Link>,
}

#[derive(Debug, Serialize)]
pub struct Link {
    pub source: String,
    pub target: String,
    /// Distinguishes parallel edges between the same two nodes (0, 1, ...).
    pub key: u32,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub role: Option<String>,
    pub count: i64,
}

/// The node-link document of a graph.
pub fn node_link(g: &QuoteGraph) -> NodeLink {
    let nodes = g
        .graph
        .node_indices()
        .map(|n| {
            let w = &g.graph[n];
            let mut m: IndexMap<&'static str, Value> = IndexMap::new();
            m.insert("id", w.id().into());
            m.insert("kind", w.kind().into());
            m.insert("name", w.name().into());
            match w {
                Node::Entity(e) => {
                    m.insert("label", e.name.clone().into());
                    m.insert("external_id", e.external_id.clone().into());
                    m.insert("said", e.said.into());
                    m.insert("about", e.about.into());
                    if let Some(o) = g.omitted.get(&e.id) {
                        // Only in bounded ego graphs: quotes left out ("+K more").
                        m.insert("more_said", o.said.into());
                        m.insert("more_about", o.about.into());
                        m.insert("more_between", o.between.into());
                        m.insert("more_affiliates", o.affiliates.into());
                    }
                }
                Node::Quote(q) => {
                    m.insert("label", shorten(&q.text, 48).into());
                    m.insert("quote_kind", q.kind.as_str().into());
                    m.insert("cue", q.cue.clone().into());
                    m.insert("confidence", q.confidence.into());
                    m.insert("document", q.document_id.clone().into());
                    m.insert("start", q.start.into());
                    m.insert("end", q.end.into());
                }
                Node::Document(d) => {
                    m.insert("label", d.id.clone().into());
                    m.insert("title", d.title.clone().into());
                    m.insert("date", d.date.clone().into());
                    m.insert("url", d.url.clone().into());
                }
            }
            m
        })
        .collect();
    let mut keys: BTreeMap<(usize, usize), u32> = BTreeMap::new();
    let links = g
        .graph
        .edge_indices()
        .map(|e| {
            // Invariant: `e` comes from this graph's own `edge_indices()`.
            let (a, b) = g.graph.edge_endpoints(e).expect("edge of the graph");
            let k = keys.entry((a.index(), b.index())).or_default();
            let key = *k;
            *k += 1;
            let w = &g.graph[e];
            Link {
                source: g.graph[a].id(),
                target: g.graph[b].id(),
                key,
                kind: w.kind.as_str(),
                role: w.role.clone(),
                count: w.count,
            }
        })
        .collect();
    NodeLink { directed: true, multigraph: true, graph: json!({"name": "quotegraph"}), nodes, links }
}

pub fn write(g: &QuoteGraph, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &node_link(g))?;
    out.write_all(b"\n")
}
