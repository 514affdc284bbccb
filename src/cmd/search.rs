//! `quotegraph search QUERY`: full-text search over quote text.

use std::path::Path;

use anyhow::Result;
use quotegraph::store::Param;

use super::db::{self, Page};
use super::Outcome;
use crate::cli::{ListFormat, PageArgs};

/// Matches shown when --limit is not given.
pub const DEFAULT_LIMIT: usize = 20;

pub fn run(db_path: &Path, query: &str, page: PageArgs, format: ListFormat) -> Result<Outcome> {
    let page = Page::new(page, DEFAULT_LIMIT);
    let store = db::open(db_path)?;
    let q = ("query", Param::Text(query.to_string()));
    let [limit, offset] = page.params();
    let mut rows = store.rows("search", &[q.clone(), limit, offset])?;
    let total = if page.cut(&mut rows) || (rows.is_empty() && page.offset > 0) {
        let count = store.rows("search_count", &[q])?;
        count.first().and_then(|r| r.get("total")).and_then(|v| v.as_u64()).unwrap_or(0) as usize
    } else {
        page.offset + rows.len()
    };
    db::print_rows(&rows, format, &["speaker", "doc", "match"])?;
    page.note(rows.len(), total, "matches");
    Ok(Outcome::default())
}
