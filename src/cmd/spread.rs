//! `quotegraph spread "TEXT OR ID"`: every copy of a quote across documents.

use std::path::Path;

use anyhow::{bail, Result};
use quotegraph::model::QuoteId;
use quotegraph::report::spread;

use super::db;
use super::Outcome;
use crate::cli::ListFormat;

#[derive(serde::Serialize)]
struct Row<'a> {
    quote_id: QuoteId,
    doc: &'a str,
    outlet: Option<&'a str>,
    date: Option<&'a str>,
    speaker: Option<&'a str>,
    #[serde(rename = "match")]
    matched: &'a str,
    first: &'a str,
    conflict: &'a str,
    quote: &'a str,
}

pub fn run(db_path: &Path, quote: Option<&str>, relink: bool, format: ListFormat) -> Result<Outcome> {
    let mut store = db::open(db_path)?;
    if relink {
        let n = store.relink()?;
        eprintln!("linked {n} quotes");
        return Ok(Outcome::default());
    }
    let Some(quote) = quote else { bail!("give a quote id or text (or --relink)") };
    let Some(s) = spread::spread(&store, quote)? else {
        bail!(
            "no stored quote matches {quote:?}: give a quote id (`quotes --format json` shows `quote_id`) or at least {} words of a direct or mixed quote",
            quotegraph::corpus::near_dup::MIN_WORDS
        );
    };
    if format == ListFormat::Table {
        // The table leaves out kind and similarity (every other format has all columns).
        let rows: Vec<Row> = s
            .copies
            .iter()
            .map(|c| Row {
                quote_id: c.quote_id,
                doc: &c.doc,
                outlet: c.outlet.as_deref(),
                date: c.date.as_deref(),
                speaker: c.speaker.as_deref(),
                matched: &c.matched,
                first: if c.first_source { "first" } else { "" },
                conflict: if c.conflict { "CONFLICT" } else { "" },
                quote: &c.quote,
            })
            .collect();
        db::print(&rows, format)?;
    } else {
        db::print(&s.copies, format)?;
    }
    // The summary goes to stderr, so that machine formats stay clean.
    let first = s.first().map_or(String::new(), |c| {
        format!("{} ({}, {})", c.doc, c.outlet.as_deref().unwrap_or("no outlet"), c.date.as_deref().unwrap_or("undated"))
    });
    let speakers: Vec<String> = s.speakers.iter().map(|(n, k)| format!("{n} ({k})")).collect();
    let conflicts = s.conflicts().count();
    eprintln!(
        "{} copies in {} documents; first source: {first}; speakers: {}{}",
        s.copies.len(),
        s.copies.iter().map(|c| &c.doc).collect::<std::collections::BTreeSet<_>>().len(),
        if speakers.is_empty() { "none named".into() } else { speakers.join(", ") },
        match conflicts {
            0 => String::new(),
            1 => "; 1 copy attributed to another speaker than the first source's".into(),
            n => format!("; {n} copies attributed to another speaker than the first source's"),
        }
    );
    Ok(Outcome::default())
}
