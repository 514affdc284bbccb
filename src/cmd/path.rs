//! `quotegraph path A B`: the shortest connection between two entities.

use std::io::Write;
use std::path::Path;

use anyhow::{bail, Result};
use quotegraph::graph::{PathSearch, QuoteGraph, PATH_MAX_STEPS, PATH_NODE_CAP};
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
    let a = db::resolve(&store, from)?;
    let b = db::resolve(&store, to)?;
    let (graph, steps) = match QuoteGraph::path_between(&store, &a, &b, PATH_MAX_STEPS, PATH_NODE_CAP)? {
        PathSearch::Found { graph, steps } => (graph, steps),
        PathSearch::Unconnected => {
            bail!("no connection between {from:?} and {to:?} through quotes, documents or affiliations")
        }
        PathSearch::TooFar { max_steps } => {
            bail!("no connection between {from:?} and {to:?} within {max_steps} steps through quotes, documents or affiliations")
        }
        PathSearch::TooBig { cap } => bail!(
            "no connection between {from:?} and {to:?} found before the search reached {cap} nodes; they are at least that far apart"
        ),
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
