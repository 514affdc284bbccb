//! Neo4j bulk-import CSV (`neo4j-admin database import full`): node files
//! `entities.csv`, `quotes.csv`, `documents.csv` with `id:ID,name,:LABEL,...`
//! headers and `relationships.csv` with `:START_ID,:END_ID,:TYPE,...`.

use std::path::{Path, PathBuf};

use super::ExportError;
use crate::graph::{shorten, Node, QuoteGraph};
use crate::model::EntityType;

/// The files written, in order.
pub const FILES: &[&str] = &["entities.csv", "quotes.csv", "documents.csv", "relationships.csv"];

fn label(entity_type: EntityType) -> &'static str {
    match entity_type {
        EntityType::Person => "Entity;Person",
        EntityType::Organization => "Entity;Organization",
        EntityType::Place => "Entity;Place",
        EntityType::Other => "Entity;Other",
    }
}

/// Writes the four files into `dir` (created if missing) and returns their paths.
pub fn write(g: &QuoteGraph, dir: &Path) -> Result<Vec<PathBuf>, ExportError> {
    std::fs::create_dir_all(dir).map_err(|e| ExportError::io(dir, e))?;
    let open = |name: &str| -> Result<(PathBuf, csv::Writer<std::fs::File>), ExportError> {
        let p = dir.join(name);
        let w = csv::Writer::from_path(&p).map_err(|e| ExportError::io(&p, e.into()))?;
        Ok((p, w))
    };
    let (pe, mut entities) = open(FILES[0])?;
    let (pq, mut quotes) = open(FILES[1])?;
    let (pd, mut documents) = open(FILES[2])?;
    let (pr, mut rels) = open(FILES[3])?;
    fn io(p: &Path) -> impl Fn(csv::Error) -> ExportError + '_ {
        move |e: csv::Error| ExportError::io(p, e.into())
    }
    entities.write_record(["id:ID", "name", ":LABEL", "type", "external_id", "said:int", "about:int"]).map_err(io(&pe))?;
    quotes
        .write_record(["id:ID", "name", ":LABEL", "text", "kind", "cue", "confidence:float", "document", "start:int", "end:int"])
        .map_err(io(&pq))?;
    documents.write_record(["id:ID", "name", ":LABEL", "title", "date", "url"]).map_err(io(&pd))?;
    rels.write_record([":START_ID", ":END_ID", ":TYPE", "role", "count:int"]).map_err(io(&pr))?;
    for n in g.graph.node_indices() {
        match &g.graph[n] {
            Node::Entity(e) => entities.write_record([
                g.graph[n].id(),
                e.name.clone(),
                label(e.entity_type).to_string(),
                e.entity_type.as_str().to_string(),
                e.external_id.clone().unwrap_or_default(),
                e.said.to_string(),
                e.about.to_string(),
            ]),
            Node::Quote(q) => quotes.write_record([
                g.graph[n].id(),
                shorten(&q.text, 48),
                "Quote".to_string(),
                q.text.clone(),
                q.kind.as_str().to_string(),
                q.cue.clone().unwrap_or_default(),
                q.confidence.to_string(),
                q.document_id.clone(),
                q.start.to_string(),
                q.end.to_string(),
            ]),
            Node::Document(d) => documents.write_record([
                g.graph[n].id(),
                d.id.clone(),
                "Document".to_string(),
                d.title.clone().unwrap_or_default(),
                d.date.clone().unwrap_or_default(),
                d.url.clone().unwrap_or_default(),
            ]),
        }
        .map_err(io(dir))?;
    }
    for e in g.graph.edge_indices() {
        // Invariant: `e` comes from this graph's own `edge_indices()`.
        let (a, b) = g.graph.edge_endpoints(e).expect("edge of the graph");
        let w = &g.graph[e];
        rels.write_record([
            g.graph[a].id(),
            g.graph[b].id(),
            w.kind.as_str().to_string(),
            w.role.clone().unwrap_or_default(),
            w.count.to_string(),
        ])
        .map_err(io(&pr))?;
    }
    for (p, w) in [(&pe, &mut entities), (&pq, &mut quotes), (&pd, &mut documents), (&pr, &mut rels)] {
        w.flush().map_err(|e| ExportError::io(p, e))?;
    }
    Ok(vec![pe, pq, pd, pr])
}
