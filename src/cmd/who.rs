//! `quotegraph who --about NAME`: speakers ranked by how many of their quotes name NAME.

use std::path::Path;

use anyhow::Result;
use rusqlite::types::Value;

use super::{db, Outcome};
use crate::cli::ListFormat;

pub fn run(db_path: &Path, about: &str, format: ListFormat) -> Result<Outcome> {
    let store = db::open(db_path)?;
    db::resolve(&store, about)?;
    let rows = store.rows("who_about", &[("name", Value::Text(about.to_string()))])?;
    db::print(&rows, format)?;
    Ok(Outcome::default())
}
