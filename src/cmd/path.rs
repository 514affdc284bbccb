//! `quotegraph path A B`: the shortest connection between two entities.

use std::io::Write;
use std::path::Path;

use anyhow::{bail, Result};
use quotegraph::graph::QuoteGraph;
use serde::Serialize;

use super::{db, Outcome};
use crate::cli::ListFormat;

/// One step of a path (`--format json|jsonl|csv`).
#[derive(Serialize)]
struct StepRow {
    step: usize,
    id: String,
    kind: String,
    label: String,
    /// The edge to the next step, `""` at the end.
    edge: String,
    /// `forward` when the edge points from this step to the next, `backward` otherwise.
    direction: String,
}

pub fn run(db_path: &Path, from: &str, to: &str, format: ListFormat) -> Result<Outcome> {
    let store = db::open(db_path)?;
    let graph = QuoteGraph::load(&store)?;
    let a = db::resolve_nodes(&store, &graph, from)?;
    let b = db::resolve_nodes(&store, &graph, to)?;
    let Some(steps) = graph.shortest_path(&a, &b) else {
        bail!("no connection between {from:?} and {to:?} through quotes, documents or affiliations");
    };
    if format == ListFormat::Table {
        let mut out = std::io::stdout().lock();
        writeln!(out, "{}", graph.format_path(&steps))?;
        return Ok(Outcome::default());
    }
    let rows: Vec<StepRow> = steps
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let n = &graph.graph[s.node];
            StepRow {
                step: i + 1,
                id: n.id(),
                kind: n.kind().to_string(),
                label: graph.short_label(s.node),
                edge: s.next.map_or(String::new(), |(e, _)| graph.graph[e].kind.as_str().to_string()),
                direction: s.next.map_or(String::new(), |(_, fwd)| if fwd { "forward".into() } else { "backward".into() }),
            }
        })
        .collect();
    db::print(&rows, format)?;
    Ok(Outcome::default())
}
