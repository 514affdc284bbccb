//! `quotegraph query NAME [--param KEY=VALUE]...` and `query --list`.

use std::path::Path;

use anyhow::{bail, Result};
use quotegraph::store::registry::{self, NamedQuery};
use quotegraph::store::{param_value, StoreError};
use serde::Serialize;

use super::{db, Outcome};
use crate::cli::ListFormat;

#[derive(Serialize)]
struct ListRow<'a> {
    name: &'a str,
    description: &'a str,
    params: &'a str,
    origin: &'a str,
}

pub fn run(
    db_path: &Path,
    name: Option<&str>,
    params: &[String],
    dir: Option<&Path>,
    list: bool,
    format: ListFormat,
) -> Result<Outcome> {
    let user: Vec<NamedQuery> = match dir {
        Some(d) => registry::load_dir(d)?,
        None => Vec::new(),
    };
    let builtin: Vec<&NamedQuery> = registry::builtin().values().filter(|q| !q.internal).collect();
    let all: Vec<&NamedQuery> =
        user.iter().chain(builtin.iter().copied().filter(|b| !user.iter().any(|u| u.name == b.name))).collect();
    if list {
        let mut rows: Vec<ListRow> = all
            .iter()
            .map(|q| ListRow { name: &q.name, description: &q.description, params: &q.params, origin: &q.origin })
            .collect();
        rows.sort_by(|a, b| a.name.cmp(b.name));
        db::print(&rows, format)?;
        return Ok(Outcome::default());
    }
    let Some(name) = name else { bail!("give a query name, or --list to see them") };
    let q = all.iter().find(|q| q.name == name).ok_or_else(|| StoreError::UnknownQuery { name: name.to_string() })?;
    let mut bound = Vec::new();
    for p in params {
        let Some((k, v)) = p.split_once('=') else { bail!("--param {p:?}: expected KEY=VALUE, e.g. --param name=Naim") };
        bound.push((k.trim().trim_start_matches(':'), param_value(v)));
    }
    let store = db::open(db_path)?;
    let rows = store.run(q, &bound)?;
    db::print(&rows, format)?;
    Ok(Outcome::default())
}
