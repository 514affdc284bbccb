//! `quotegraph top speakers|entities [--by quotes|pagerank]`.

use std::path::Path;

use anyhow::Result;
use quotegraph::graph::{Node, QuoteGraph};
use serde::Serialize;

use super::{db, Outcome};
use crate::cli::{ListFormat, TopBy, TopWhat};

#[derive(Serialize)]
struct TopRow {
    rank: usize,
    name: String,
    #[serde(rename = "type")]
    entity_type: quotegraph::model::EntityType,
    /// Quotes said (speakers) or quotes naming the entity (entities).
    quotes: i64,
    /// PageRank score (with --by pagerank), else null.
    score: Option<f64>,
    external_id: Option<String>,
}

pub fn run(db_path: &Path, what: TopWhat, by: TopBy, limit: usize, format: ListFormat) -> Result<Outcome> {
    let store = db::open(db_path)?;
    let graph = QuoteGraph::load(&store)?;
    let scores = if by == TopBy::Pagerank { Some(graph.pagerank()) } else { None };
    let mut rows: Vec<TopRow> = graph
        .graph
        .node_indices()
        .filter_map(|n| {
            let Node::Entity(e) = &graph.graph[n] else { return None };
            let quotes = match what {
                TopWhat::Speakers => e.said,
                TopWhat::Entities => e.about,
            };
            if what == TopWhat::Speakers && quotes == 0 {
                return None;
            }
            Some(TopRow {
                rank: 0,
                name: e.name.clone(),
                entity_type: e.entity_type,
                quotes,
                score: scores.as_ref().map(|s| (s[n.index()] * 1e6).round() / 1e6),
                external_id: e.external_id.clone(),
            })
        })
        .collect();
    rows.sort_by(|a, b| {
        let s = b.score.unwrap_or(0.0).total_cmp(&a.score.unwrap_or(0.0));
        s.then(b.quotes.cmp(&a.quotes)).then(a.name.cmp(&b.name))
    });
    rows.truncate(limit);
    for (i, r) in rows.iter_mut().enumerate() {
        r.rank = i + 1;
    }
    db::print(&rows, format)?;
    Ok(Outcome::default())
}
