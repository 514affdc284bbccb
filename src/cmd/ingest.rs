//! `quotegraph ingest`: extract documents in parallel batches and store
//! them in input order on a writer thread, batches waiting for it sharing
//! one transaction.

use std::io::IsTerminal;
use std::path::Path;
use std::sync::mpsc::{sync_channel, Receiver};

use anyhow::Result;
use indicatif::{ProgressBar, ProgressStyle};
use quotegraph::input::{read_inputs, Item};
use quotegraph::learn::Extractor;
use quotegraph::model::Document;
use quotegraph::store::write::content_hash;
use quotegraph::store::{AliasTable, IngestStatus, Prepared, Store, StoreError};
use rayon::prelude::*;

use super::{input_options, Outcome};
use crate::cli::{InputArgs, ListFormat};

/// Documents per batch: extracted in parallel, written in one transaction.
pub const BATCH: usize = 64;

/// What an ingest or reindex did.
#[derive(Debug, Default)]
pub struct Summary {
    pub added: usize,
    pub replaced: usize,
    pub unchanged: usize,
    pub reindexed: usize,
    pub failed: usize,
    pub quotes: usize,
}

impl Summary {
    pub fn documents(&self) -> usize {
        self.added + self.replaced + self.unchanged + self.reindexed
    }
}

/// A progress bar on a terminal, hidden when stderr is piped or with --quiet.
pub fn progress(quiet: bool) -> ProgressBar {
    if quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let pb = ProgressBar::new_spinner();
    pb.set_style(
        ProgressStyle::with_template("{spinner} {pos} documents [{elapsed_precise}] {per_sec} {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
    );
    pb.enable_steady_tick(std::time::Duration::from_millis(120));
    pb
}

/// Extracts the documents in parallel and writes them; returns per-document errors as messages.
pub fn process(
    store: &mut Store,
    docs: Vec<Document>,
    aliases: &AliasTable,
    force: bool,
    summary: &mut Summary,
    pb: &ProgressBar,
    extractor: Extractor,
) -> Result<(), StoreError> {
    let todo = if force {
        docs.into_iter()
            .map(|d| {
                let hash = content_hash(&d);
                (d, hash)
            })
            .collect()
    } else {
        changed(docs, |id| store.stored_hash(id), summary, pb)?
    };
    let prepared = extract_all(todo, extractor);
    let results = store.write_batch(&prepared, aliases, force)?;
    record(&prepared, results, force, summary, pb);
    Ok(())
}

/// The documents whose content differs from the stored version, with their
/// hashes; the unchanged ones are counted and skipped before extraction.
fn changed(
    docs: Vec<Document>,
    stored_hash: impl Fn(&str) -> Result<Option<String>, StoreError>,
    summary: &mut Summary,
    pb: &ProgressBar,
) -> Result<Vec<(Document, String)>, StoreError> {
    let mut todo = Vec::with_capacity(docs.len());
    for d in docs {
        let hash = content_hash(&d);
        if stored_hash(&d.id)?.as_deref() == Some(hash.as_str()) {
            summary.unchanged += 1;
            pb.inc(1);
        } else {
            todo.push((d, hash));
        }
    }
    Ok(todo)
}

fn extract_all(todo: Vec<(Document, String)>, extractor: Extractor) -> Vec<Prepared> {
    todo.into_par_iter().map(|(doc, hash)| Prepared { extraction: extractor.extract(&doc.text), doc, hash }).collect()
}

/// Counts what `write_batch` did and reports the documents that failed.
pub(super) fn record(
    prepared: &[Prepared],
    results: Vec<Result<IngestStatus, StoreError>>,
    force: bool,
    summary: &mut Summary,
    pb: &ProgressBar,
) {
    for (p, r) in prepared.iter().zip(results) {
        match r {
            Ok(status) => {
                match (force, status) {
                    (true, _) => summary.reindexed += 1,
                    (false, IngestStatus::Added) => summary.added += 1,
                    (false, IngestStatus::Replaced) => summary.replaced += 1,
                    (false, IngestStatus::Unchanged) => summary.unchanged += 1,
                }
                summary.quotes += p.extraction.quotes.len();
            }
            Err(e) => {
                pb.suspend(|| eprintln!("error: {}: {e}", p.doc.id));
                summary.failed += 1;
            }
        }
    }
    pb.inc(prepared.len() as u64);
    pb.set_message(format!("{} quotes", summary.quotes));
}

/// Extracted batches waiting for the writer: enough to keep it busy, little memory.
const QUEUE: usize = 2;

/// Documents written in one transaction at most: batches that are already
/// extracted when the writer gets to them share one commit.
const MAX_TX_DOCS: usize = 4 * BATCH;

/// ... and bytes of text, so that batches of huge documents are not held together.
const MAX_TX_BYTES: usize = 16 << 20;

/// Pause between two write transactions that follow each other at once (see `write_loop`) ...
const LOCK_GAP: std::time::Duration = std::time::Duration::from_millis(3);

/// ... at most once per this much writing: another process polls for the lock every
/// millisecond, so one gap in a while is enough, and a bulk load is not slowed by one per batch.
const LOCK_GAP_EVERY: std::time::Duration = std::time::Duration::from_millis(100);

/// The writer thread: writes the extracted batches in input order while the
/// next ones are extracted. Returns early on an error that stops the ingest.
fn write_loop(
    store: &mut Store,
    queue: Receiver<Vec<Prepared>>,
    aliases: &AliasTable,
    summary: &mut Summary,
    pb: &ProgressBar,
) -> Result<(), StoreError> {
    let mut next = queue.recv().ok();
    let mut last_gap = std::time::Instant::now();
    let text_bytes = |docs: &[Prepared]| docs.iter().map(|p| p.doc.text.len()).sum::<usize>();
    while let Some(mut docs) = next.take() {
        let mut bytes = text_bytes(&docs);
        while docs.len() < MAX_TX_DOCS && bytes < MAX_TX_BYTES {
            match queue.try_recv() {
                Ok(more) => {
                    bytes += text_bytes(&more);
                    docs.extend(more);
                }
                Err(_) => break,
            }
        }
        let results = store.write_batch(&docs, aliases, false)?;
        record(&docs, results, false, summary, pb);
        next = match queue.try_recv() {
            Ok(more) => {
                // Back-to-back transactions: leave the lock free for a moment now and
                // then, so that another process waiting for it (polling every ms) gets a turn.
                if last_gap.elapsed() >= LOCK_GAP_EVERY {
                    std::thread::sleep(LOCK_GAP);
                    last_gap = std::time::Instant::now();
                }
                Some(more)
            }
            Err(_) => queue.recv().ok(),
        };
    }
    Ok(())
}

pub fn run(
    db: &Path,
    input: &InputArgs,
    aliases: Option<&Path>,
    quiet: bool,
    link: bool,
    extractor: Extractor,
) -> Result<Outcome> {
    let table = match aliases {
        Some(p) => AliasTable::read(p)?,
        None => AliasTable::default(),
    };
    let mut store = Store::open(db)?;
    store.tune_for_bulk_writes()?;
    // Into an empty database: indexes and full-text index built once at the end (store::bulk).
    store.start_bulk_load()?;
    store.set_linking(link);
    let hashes = store.hash_reader()?;
    let opts = input_options(input);
    let pb = progress(quiet);
    let mut summary = Summary::default();
    let mut written = Summary::default();
    // This thread reads and extracts (rayon); a writer thread stores the
    // batches in order, so that SQLite's work overlaps extraction.
    let (sender, queue) = sync_channel::<Vec<Prepared>>(QUEUE);
    let (written_ok, fatal) = std::thread::scope(|s| {
        let writer = s.spawn(|| write_loop(&mut store, queue, &table, &mut written, &pb));
        let mut batch = Vec::with_capacity(BATCH);
        let mut fatal: Option<StoreError> = None;
        let mut stopped = false;
        // Returns false once the writer has stopped on an error (it reports it).
        let send = |docs: Vec<Document>, summary: &mut Summary, fatal: &mut Option<StoreError>| -> bool {
            // Checked again by the writer inside its transaction; this look-up only skips extraction.
            match changed(docs, |id| hashes.stored_hash(id), summary, &pb) {
                Ok(todo) => sender.send(extract_all(todo, extractor)).is_ok(),
                Err(e) => {
                    *fatal = Some(e);
                    false
                }
            }
        };
        read_inputs(&input.paths, &opts, &mut |item| match item {
            Item::Doc(d) => {
                if stopped {
                    return;
                }
                batch.push(d);
                if batch.len() >= BATCH {
                    stopped = !send(std::mem::take(&mut batch), &mut summary, &mut fatal);
                }
            }
            Item::Warning(w) => pb.suspend(|| eprintln!("warning: {}", w.0)),
            Item::Error(e) => {
                pb.suspend(|| eprintln!("error: {e}"));
                summary.failed += 1;
            }
        });
        if !stopped && !batch.is_empty() {
            send(std::mem::take(&mut batch), &mut summary, &mut fatal);
        }
        drop(sender);
        let written_ok = writer.join().unwrap_or_else(|p| std::panic::resume_unwind(p));
        (written_ok, fatal)
    });
    // Also after an error: what was written gets its indexes.
    let built = store.finish_bulk_load();
    if let Some(e) = written_ok.err().or(fatal) {
        pb.finish_and_clear();
        return Err(e.into());
    }
    built?;
    summary.added += written.added;
    summary.replaced += written.replaced;
    summary.unchanged += written.unchanged;
    summary.failed += written.failed;
    summary.quotes += written.quotes;
    if !table.is_empty() {
        store.apply_aliases(&table)?;
    }
    pb.finish_and_clear();
    if !quiet {
        print_summary(&store, db, &summary)?;
    }
    Ok(Outcome { partial_failure: summary.failed > 0 })
}

/// The counts of an ingest on stderr, then the top speakers on stdout.
pub(super) fn print_summary(store: &Store, db: &Path, summary: &Summary) -> Result<()> {
    eprintln!(
        "ingested {} documents into {}: {} added, {} replaced, {} unchanged, {} failed; {} quotes extracted",
        summary.documents(),
        db.display(),
        summary.added,
        summary.replaced,
        summary.unchanged,
        summary.failed,
        summary.quotes
    );
    // Who said the most, so the first run shows what the graph holds: one
    // indexed SQL query (loading the graph would cost memory on big databases).
    eprintln!("\nwho said the most (quotegraph query top_speakers):");
    let rows = store.rows("top_speakers", &[("limit", quotegraph::store::Param::Integer(10))])?;
    super::output::write_rows(&mut std::io::stdout().lock(), &rows, ListFormat::Table)?;
    Ok(())
}
