//! `quotegraph search QUERY`: full-text search over quote text.

use std::path::Path;

use anyhow::Result;
use rusqlite::types::Value;

use super::{db, Outcome};
use crate::cli::ListFormat;

pub fn run(db_path: &Path, query: &str, limit: usize, format: ListFormat) -> Result<Outcome> {
    let store = db::open(db_path)?;
    let rows = store.rows("search", &[("query", Value::Text(query.to_string())), ("limit", Value::Integer(limit as i64))])?;
    db::print_rows(&rows, format, &["speaker", "doc", "match"])?;
    Ok(Outcome::default())
}
