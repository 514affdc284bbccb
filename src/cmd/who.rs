//! `quotegraph who --about NAME`: speakers ranked by how many of their quotes name NAME.

use std::path::Path;

use anyhow::Result;
use quotegraph::store::Param;

use super::db::{self, Page};
use super::Outcome;
use crate::cli::{ListFormat, PageArgs};

/// Speakers shown when --limit is not given.
pub const DEFAULT_LIMIT: usize = 50;

pub fn run(
    db_path: &Path,
    about: &str,
    since: Option<&str>,
    until: Option<&str>,
    page: PageArgs,
    format: ListFormat,
) -> Result<Outcome> {
    let page = Page::new(page, DEFAULT_LIMIT);
    let (since, until) = super::timeline::date_range(since, until)?;
    let opt = |s: Option<String>| s.map_or(Param::Null, Param::Text);
    let store = db::open(db_path)?;
    // Every speaker is aggregated anyway to rank them (one index range), so the
    // page is cut here and the total is free.
    let rows =
        store.rows("who_about", &[("name", Param::Text(about.to_string())), ("since", opt(since)), ("until", opt(until))])?;
    if rows.is_empty() {
        // Rows prove the name exists; without any, an unknown name is an error.
        db::resolve(&store, about)?;
    }
    let (rows, total) = page.slice(rows);
    db::print(&rows, format)?;
    page.note(rows.len(), total, "speakers");
    Ok(Outcome::default())
}
