//! `quotegraph entity NAME`: an entity's profile.

use std::io::Write;
use std::path::Path;

use anyhow::Result;
use quotegraph::store::browse::text_of as s;
use quotegraph::store::Row;
use serde::Serialize;

use super::{db, Outcome};
use crate::cli::ListFormat;

/// A flat profile for `--format csv`.
#[derive(Serialize)]
struct FlatProfile {
    name: String,
    #[serde(rename = "type")]
    entity_type: String,
    external_id: Option<String>,
    aliases: String,
    roles: String,
    quotes: i64,
    quoted_about: i64,
    documents: String,
    talks_about: String,
    talked_about_by: String,
}

fn counted(rows: &[Row], key: &str, n: &str) -> String {
    rows.iter().map(|r| format!("{} ({})", s(r, key), s(r, n))).collect::<Vec<_>>().join("; ")
}

fn role(r: &Row) -> String {
    let org = s(r, "organization");
    if org.is_empty() {
        s(r, "role")
    } else {
        format!("{}, {org}", s(r, "role"))
    }
}

pub fn run(db_path: &Path, name: &str, format: ListFormat) -> Result<Outcome> {
    let store = db::open(db_path)?;
    let ids = db::resolve(&store, name)?;
    let p = store.entity_profile(ids[0])?;
    if ids.len() > 1 {
        eprintln!("note: {name:?} names {} entities; showing the best match (use the full name to choose)", ids.len());
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match format {
        ListFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &p)?;
            writeln!(out)?;
        }
        ListFormat::Jsonl => {
            serde_json::to_writer(&mut out, &p)?;
            writeln!(out)?;
        }
        ListFormat::Csv => {
            let flat = FlatProfile {
                name: p.name.clone(),
                entity_type: p.entity_type.clone(),
                external_id: p.external_id.clone(),
                aliases: p.aliases.join("; "),
                roles: p.roles.iter().map(role).collect::<Vec<_>>().join("; "),
                quotes: p.quotes,
                quoted_about: p.quoted_about,
                documents: p.documents.iter().map(|r| s(r, "id")).collect::<Vec<_>>().join("; "),
                talks_about: counted(&p.talks_about, "name", "quotes"),
                talked_about_by: counted(&p.talked_about_by, "name", "quotes"),
            };
            super::output::write_rows(&mut out, &[flat], format)?;
        }
        ListFormat::Table => {
            writeln!(
                out,
                "{} ({}{})",
                p.name,
                p.entity_type,
                p.external_id.as_ref().map_or(String::new(), |x| format!(", {x}"))
            )?;
            writeln!(out, "  aliases:         {}", p.aliases.join(", "))?;
            let roles: Vec<String> = p.roles.iter().map(role).collect();
            writeln!(out, "  roles:           {}", if roles.is_empty() { "-".into() } else { roles.join("; ") })?;
            writeln!(out, "  quotes:          {} said, named in {}", p.quotes, p.quoted_about)?;
            let docs: Vec<String> = p.documents.iter().map(|r| s(r, "id")).collect();
            writeln!(out, "  documents:       {} ({})", docs.len(), docs.join(", "))?;
            let or_dash = |v: String| if v.is_empty() { "-".to_string() } else { v };
            writeln!(out, "  talks about:     {}", or_dash(counted(&p.talks_about, "name", "quotes")))?;
            writeln!(out, "  talked about by: {}", or_dash(counted(&p.talked_about_by, "name", "quotes")))?;
        }
    }
    out.flush()?;
    Ok(Outcome::default())
}
