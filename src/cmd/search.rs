//! `quotegraph search QUERY`: full-text search over quote text, optionally of one outlet.

use std::path::Path;

use anyhow::Result;
use quotegraph::store::{hits, Param};

use super::db::{self, Page};
use super::Outcome;
use crate::cli::{ListFormat, PageArgs};

/// Matches shown when --limit is not given.
pub const DEFAULT_LIMIT: usize = 20;

/// Columns `search_filtered` adds for `serve` (the speaker's id, the match
/// marked with private-use characters): dropped, so that `search --outlet`
/// prints the same columns as `search`.
const SERVE_ONLY_COLUMNS: [&str; 2] = ["speaker_id", "marked"];

pub fn run(db_path: &Path, query: &str, outlet: Option<&str>, page: PageArgs, format: ListFormat) -> Result<Outcome> {
    let page = Page::new(page, DEFAULT_LIMIT);
    let store = db::open(db_path)?;
    let mut params = vec![("query", Param::Text(query.to_string()))];
    // Without a filter the plain statement: the same ranking on the FTS index
    // alone, and its count needs no quote row either.
    let name = match outlet {
        Some(o) => {
            params.push(("outlet", Param::Text(o.to_string())));
            "search_filtered"
        }
        None => "search",
    };
    let mut paged = params.clone();
    paged.extend(page.params());
    let mut rows = store.rows(name, &paged)?;
    for r in &mut rows {
        for c in SERVE_ONLY_COLUMNS {
            r.shift_remove(c);
        }
    }
    let total = if page.cut(&mut rows) || (rows.is_empty() && page.offset > 0) {
        let count = store.rows(&format!("{name}_count"), &params)?;
        count.first().and_then(|r| r.get("total")).and_then(|v| v.as_u64()).unwrap_or(0) as usize
    } else {
        page.offset + rows.len()
    };
    if format == ListFormat::Table {
        // Only the terminal shows matches as [brackets]; data formats carry `quote` and `hits`.
        for r in &mut rows {
            let quote = r.get("quote").and_then(|v| v.as_str()).unwrap_or_default();
            let hits: Vec<[usize; 2]> = r.get("hits").and_then(|h| serde_json::from_value(h.clone()).ok()).unwrap_or_default();
            let marked = hits::bracket(quote, &hits);
            r.insert("match".into(), marked.into());
        }
    }
    db::print_rows(&rows, format, &["speaker", "doc", "match"])?;
    page.note(rows.len(), total, "matches");
    Ok(Outcome::default())
}
