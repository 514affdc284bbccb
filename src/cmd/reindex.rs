//! `quotegraph reindex`: re-extract every stored document with the current extractor.

use std::path::Path;

use anyhow::Result;
use quotegraph::learn::Extractor;
use quotegraph::store::AliasTable;

use super::ingest::{process, progress, Summary, BATCH};
use super::{db, Outcome};

pub fn run(db_path: &Path, aliases: Option<&Path>, quiet: bool, extractor: Extractor) -> Result<Outcome> {
    let table = match aliases {
        Some(p) => AliasTable::read(p)?,
        None => AliasTable::default(),
    };
    let mut store = db::open(db_path)?;
    store.tune_for_bulk_writes()?;
    let ids = store.document_ids()?;
    let pb = progress(quiet);
    let mut summary = Summary::default();
    for chunk in ids.chunks(BATCH) {
        let mut docs = Vec::with_capacity(chunk.len());
        for id in chunk {
            if let Some(d) = store.document(id)? {
                docs.push(d);
            }
        }
        process(&mut store, docs, &table, true, &mut summary, &pb, extractor)?;
    }
    if !table.is_empty() {
        store.apply_aliases(&table)?;
    }
    pb.finish_and_clear();
    if !quiet {
        eprintln!(
            "reindexed {} documents in {}: {} failed; {} quotes extracted",
            summary.reindexed,
            db_path.display(),
            summary.failed,
            summary.quotes
        );
    }
    Ok(Outcome { partial_failure: summary.failed > 0 })
}
