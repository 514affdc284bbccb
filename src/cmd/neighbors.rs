//! `quotegraph neighbors NAME [--depth N]`: entities related through quotes and affiliations.

use std::path::Path;

use anyhow::Result;
use quotegraph::graph::QuoteGraph;

use super::{db, Outcome};
use crate::cli::ListFormat;

pub fn run(db_path: &Path, name: &str, depth: usize, format: ListFormat) -> Result<Outcome> {
    let store = db::open(db_path)?;
    let graph = QuoteGraph::load(&store)?;
    let nodes = db::resolve_nodes(&store, &graph, name)?;
    let rows = nodes.first().map(|&n| graph.neighbors(n, depth)).unwrap_or_default();
    db::print(&rows, format)?;
    Ok(Outcome::default())
}
