//! Helpers shared by the database commands: opening the store, resolving
//! names, writing rows to stdout.

use std::io::Write;
use std::path::Path;

use anyhow::{bail, Result};
use quotegraph::model::EntityId;
use quotegraph::store::Store;
use serde::Serialize;

use super::output::write_rows;
use crate::cli::ListFormat;

/// Opens an existing database (a missing one is an error that says how to make it).
pub fn open(db: &Path) -> Result<Store> {
    Ok(Store::open_existing(db)?)
}

/// Entity ids a name refers to, or an error that says how to find names.
pub fn resolve(store: &Store, name: &str) -> Result<Vec<EntityId>> {
    let ids = store.resolve_name(name)?;
    if ids.is_empty() {
        bail!("no entity named {name:?} in {}; `quotegraph entities` lists the known names", store.path().display());
    }
    Ok(ids)
}

/// Writes rows to stdout in `format`.
pub fn print<T: Serialize>(rows: &[T], format: ListFormat) -> Result<()> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    write_rows(&mut out, rows, format)?;
    out.flush()?;
    Ok(())
}

/// Writes rows; a table shows only `table_columns` (the other formats show every field).
pub fn print_rows(rows: &[quotegraph::store::Row], format: ListFormat, table_columns: &[&str]) -> Result<()> {
    if format != ListFormat::Table {
        return print(rows, format);
    }
    let narrow: Vec<quotegraph::store::Row> = rows
        .iter()
        .map(|r| table_columns.iter().filter_map(|c| r.get(*c).map(|v| (c.to_string(), v.clone()))).collect())
        .collect();
    print(&narrow, format)
}

/// The rows a list command shows: `limit` None shows them all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Page {
    pub limit: Option<usize>,
    pub offset: usize,
}

impl Page {
    /// The page the flags ask for; `default` rows when --limit is not given.
    pub fn new(args: crate::cli::PageArgs, default: usize) -> Page {
        let limit = match (args.all, args.limit) {
            (true, _) | (false, Some(0)) => None,
            (false, Some(n)) => Some(n),
            (false, None) => Some(default),
        };
        Page { limit, offset: args.offset }
    }

    /// `:limit` and `:offset` for a paged query, asking for one row more
    /// than shown so that a cut page is seen without counting.
    pub fn params(self) -> [(&'static str, quotegraph::store::Param); 2] {
        use quotegraph::store::Param;
        let limit = self.limit.map_or(-1, |n| n.saturating_add(1) as i64);
        [("limit", Param::Integer(limit)), ("offset", Param::Integer(self.offset as i64))]
    }

    /// Cuts the rows of a query run with [`Page::params`]; true when more rows follow the page.
    pub fn cut<T>(self, rows: &mut Vec<T>) -> bool {
        match self.limit {
            Some(n) if rows.len() > n => {
                rows.truncate(n);
                true
            }
            _ => false,
        }
    }

    /// The page of rows already all in memory (offset applied here).
    pub fn slice<T>(self, mut rows: Vec<T>) -> (Vec<T>, usize) {
        let total = rows.len();
        rows.drain(..self.offset.min(total));
        if let Some(n) = self.limit {
            rows.truncate(n);
        }
        (rows, total)
    }

    /// Whether the shown rows are fewer than `total`: then a note on stderr says how to see the rest.
    pub fn note(self, shown: usize, total: usize, what: &str) {
        if shown >= total {
            return;
        }
        let total_s = thousands(total);
        if shown == 0 {
            eprintln!("note: no {what} after --offset {} (there are {total_s})", self.offset);
            return;
        }
        let (first, last) = (self.offset + 1, self.offset + shown);
        let mut hint = String::from("--limit 0 for all");
        if last < total {
            hint.push_str(&format!(", --offset {last} for the next page"));
        }
        eprintln!("note: showing {what} {} to {} of {total_s}; {hint}", thousands(first), thousands(last));
    }
}

/// 12345 -> "12,345".
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}
