//! Node-link JSON: `{"directed", "multigraph", "graph", "nodes", "links"}`
//! as networkx `node_link_graph(data, edges="links")`, d3 and Gephi read it.

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde_json::{json, Value};

use crate::graph::{shorten, Node, QuoteGraph};

/// The node-link document of a graph.
pub fn node_link(g: &QuoteGraph) -> Value {
    let nodes: Vec<Value> = g
        .graph
        .node_indices()
        .map(|n| {
            let w = &g.graph[n];
            let mut v = json!({"id": w.id(), "kind": w.kind(), "name": w.name()});
            let m = v.as_object_mut().expect("object");
            match w {
                Node::Entity(e) => {
                    m.insert("label".into(), e.name.clone().into());
                    m.insert("external_id".into(), e.external_id.clone().into());
                    m.insert("said".into(), e.said.into());
                    m.insert("about".into(), e.about.into());
                }
                Node::Quote(q) => {
                    m.insert("label".into(), shorten(&q.text, 48).into());
                    m.insert("quote_kind".into(), q.kind.clone().into());
                    m.insert("cue".into(), q.cue.clone().into());
                    m.insert("confidence".into(), q.confidence.into());
                    m.insert("document".into(), q.document_id.clone().into());
                    m.insert("start".into(), q.start.into());
                    m.insert("end".into(), q.end.into());
                }
                Node::Document(d) => {
                    m.insert("label".into(), d.id.clone().into());
                    m.insert("title".into(), d.title.clone().into());
                    m.insert("date".into(), d.date.clone().into());
                    m.insert("url".into(), d.url.clone().into());
                }
            }
            v
        })
        .collect();
    let mut keys: BTreeMap<(usize, usize), u32> = BTreeMap::new();
    let links: Vec<Value> = g
        .graph
        .edge_indices()
        .map(|e| {
            let (a, b) = g.graph.edge_endpoints(e).expect("edge of the graph");
            let k = keys.entry((a.index(), b.index())).or_default();
            let key = *k;
            *k += 1;
            let w = &g.graph[e];
            json!({"source": g.graph[a].id(), "target": g.graph[b].id(), "key": key, "type": w.kind.as_str(), "role": w.role, "count": w.count})
        })
        .collect();
    json!({"directed": true, "multigraph": true, "graph": {"name": "quotegraph"}, "nodes": nodes, "links": links})
}

pub fn write(g: &QuoteGraph, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &node_link(g))?;
    out.write_all(b"\n")
}
