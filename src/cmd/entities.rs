//! `quotegraph entities [--type TYPE]`.

use std::path::Path;

use anyhow::{anyhow, Result};
use quotegraph::model::EntityType;
use quotegraph::store::Param;

use super::{db, Outcome};
use crate::cli::ListFormat;

pub fn run(db_path: &Path, entity_type: Option<&str>, format: ListFormat) -> Result<Outcome> {
    let store = db::open(db_path)?;
    let t = match entity_type {
        Some(t) => Param::Text(
            EntityType::parse(t)
                .ok_or_else(|| anyhow!("unknown entity type {t:?}; use person, organization (org), place or other"))?
                .as_str()
                .to_string(),
        ),
        None => Param::Null,
    };
    let rows = store.rows("entities", &[("type", t)])?;
    db::print(&rows, format)?;
    Ok(Outcome::default())
}
