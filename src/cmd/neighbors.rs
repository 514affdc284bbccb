//! `quotegraph neighbors NAME [--depth N]`: entities related through quotes and affiliations.

use std::path::Path;

use anyhow::Result;
use quotegraph::graph::{QuoteGraph, AROUND_QUOTE_CAP};

use super::{db, Outcome};
use crate::cli::ListFormat;

pub fn run(db_path: &Path, name: &str, depth: usize, format: ListFormat) -> Result<Outcome> {
    let store = db::open(db_path)?;
    let ids = db::resolve(&store, name)?;
    // Invariant: `db::resolve` fails rather than return no ids.
    let around = QuoteGraph::load_around(&store, &ids[..1], depth)?;
    if around.truncated {
        eprintln!("note: {name:?} has a large neighbourhood; stopped reading it at {AROUND_QUOTE_CAP} quotes, deeper rows are incomplete");
    }
    let graph = around.graph;
    let rows = graph.entity(ids[0]).map(|n| graph.neighbors(n, depth)).unwrap_or_default();
    db::print(&rows, format)?;
    Ok(Outcome::default())
}
