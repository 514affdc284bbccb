//! `quotegraph ingest --extracted`: store `extract --with-text` records
//! (say, a Spark job's part files) without extracting again. Idempotent
//! like `ingest`: the same content hash, so an unchanged document is skipped
//! and a changed one replaced.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use anyhow::Result;
use quotegraph::extracted::{parse_record, read_lines, record_files, Extracted, ExtractedError, EXTRACTOR};
use quotegraph::store::write::content_hash;
use quotegraph::store::{AliasTable, Prepared, Store};
use rayon::prelude::*;

use super::ingest::{print_summary, progress, record, Summary};
use super::Outcome;

/// Records parsed in parallel and written in one transaction.
const BATCH: usize = 256;

/// ... or fewer, once their lines hold this many bytes.
const MAX_BATCH_BYTES: usize = 32 << 20;

/// One record line and where it came from.
struct Line {
    origin: std::sync::Arc<str>,
    number: usize,
    text: String,
}

pub fn run(db: &Path, paths: &[PathBuf], aliases: Option<&Path>, quiet: bool) -> Result<Outcome> {
    let table = match aliases {
        Some(p) => AliasTable::read(p)?,
        None => AliasTable::default(),
    };
    let files = record_files(paths)?;
    let mut store = Store::open(db)?;
    store.tune_for_bulk_writes()?;
    let pb = progress(quiet);
    let mut summary = Summary::default();
    let mut extractors = BTreeSet::new();
    let mut batch: Vec<Line> = Vec::with_capacity(BATCH);
    let mut bytes = 0;
    let mut origin: std::sync::Arc<str> = "".into();
    let mut fatal = None;
    let mut write = |batch: &mut Vec<Line>, summary: &mut Summary| -> Result<(), quotegraph::store::StoreError> {
        let parsed: Vec<Result<Extracted, ExtractedError>> =
            batch.par_iter().map(|l| parse_record(&l.text, &l.origin, l.number)).collect();
        batch.clear();
        let mut prepared = Vec::with_capacity(parsed.len());
        for p in parsed {
            match p {
                Ok(x) => {
                    if let Some(e) = x.extractor.filter(|e| e != EXTRACTOR) {
                        if extractors.insert(e.clone()) {
                            pb.suspend(|| {
                                eprintln!(
                                    "warning: records written by {e}, this is {EXTRACTOR}: the database holds \
                                     {e}'s extraction (`quotegraph reindex` extracts again)"
                                )
                            });
                        }
                    }
                    prepared.push(Prepared { hash: content_hash(&x.document), doc: x.document, extraction: x.extraction });
                }
                Err(e) => {
                    pb.suspend(|| eprintln!("error: {e}"));
                    summary.failed += 1;
                }
            }
        }
        let results = store.write_batch(&prepared, &table, false)?;
        record(&prepared, results, false, summary, &pb);
        Ok(())
    };
    read_lines(&files, &mut |from, number, text| {
        if *origin != *from {
            origin = from.into();
        }
        bytes += text.len();
        batch.push(Line { origin: origin.clone(), number, text });
        if batch.len() >= BATCH || bytes >= MAX_BATCH_BYTES {
            bytes = 0;
            if let Err(e) = write(&mut batch, &mut summary) {
                fatal = Some(e);
                return false;
            }
        }
        true
    })?;
    if fatal.is_none() && !batch.is_empty() {
        fatal = write(&mut batch, &mut summary).err();
    }
    if let Some(e) = fatal {
        pb.finish_and_clear();
        return Err(e.into());
    }
    if !table.is_empty() {
        store.apply_aliases(&table)?;
    }
    pb.finish_and_clear();
    if !quiet {
        print_summary(&store, db, &summary)?;
    }
    Ok(Outcome { partial_failure: summary.failed > 0 })
}
