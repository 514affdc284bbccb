//! Helpers shared by the database commands: opening the store, resolving
//! names, writing rows to stdout.

use std::io::Write;
use std::path::Path;

use anyhow::{bail, Result};
use quotegraph::store::Store;
use serde::Serialize;

use super::output::write_rows;
use crate::cli::ListFormat;

/// Opens an existing database (a missing one is an error that says how to make it).
pub fn open(db: &Path) -> Result<Store> {
    Ok(Store::open_existing(db)?)
}

/// Entity ids a name refers to, or an error that says how to find names.
pub fn resolve(store: &Store, name: &str) -> Result<Vec<i64>> {
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
