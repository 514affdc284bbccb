//! `quotegraph stats`: counts of documents, quotes by kind, entities by type and edges by type.

use std::path::Path;

use anyhow::Result;
use serde::Serialize;

use super::{db, Outcome};
use crate::cli::ListFormat;

#[derive(Serialize)]
struct StatRow {
    /// `total`, `quotes` (by kind), `entities` (by type) or `edges` (by type).
    group: String,
    name: String,
    count: i64,
}

pub fn run(db_path: &Path, format: ListFormat) -> Result<Outcome> {
    let store = db::open(db_path)?;
    let rows: Vec<StatRow> = store.stats()?.into_iter().map(|(group, name, count)| StatRow { group, name, count }).collect();
    db::print(&rows, format)?;
    Ok(Outcome::default())
}
