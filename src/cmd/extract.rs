//! `quotegraph extract`: extraction only, printed as JSONL, JSON or a table.
//!
//! JSONL output is a stream filter (docs/scale-out.md): one line per
//! document in input order, each flushed as soon as it is written, documents
//! extracted in parallel as they arrive. Reading JSONL from stdin, a failed
//! input line gets an error record in its place.

use std::io::Write;
use std::panic::{catch_unwind, AssertUnwindSafe};

use anyhow::{bail, Result};
use quotegraph::extract::ExtractRecord;
use quotegraph::extracted::{ErrorRecord, FullRecord, EXTRACTOR};
use quotegraph::input::{read_inputs, InputError, Item};
use quotegraph::learn::Extractor;
use quotegraph::model::Document;
use rayon::prelude::*;

use super::{input_options, output, Outcome};
use crate::cli::{ExtractFormat, InputArgs, StdinFormat};

/// Documents extracted in parallel at most at once, then printed in input order.
const BATCH: usize = 256;

/// A document read, or an input that failed to read (its place in the order kept, in a stream).
type Entry = std::result::Result<Document, InputError>;

pub fn run(input: &InputArgs, format: ExtractFormat, explain: bool, with_text: bool, extractor: Extractor) -> Result<Outcome> {
    if with_text && format != ExtractFormat::Jsonl {
        bail!("--with-text writes JSONL records: use it with --format jsonl");
    }
    // The stream filter keeps one output line per input line: failed inputs get error records.
    let stream = input.input_format == StdinFormat::Jsonl && input.paths.iter().any(|p| p.as_os_str() == "-");
    let opts = input_options(input);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut all = Vec::new();
    let (mut documents, mut failed) = (0usize, 0usize);
    let mut write_error: Option<std::io::Error> = None;
    // Inputs are read on a thread of their own, so reading overlaps extraction.
    let (tx, rx) = std::sync::mpsc::sync_channel::<Item>(2 * BATCH);
    let paths = input.paths.clone();
    let reader = std::thread::spawn(move || {
        read_inputs(&paths, &opts, &mut |item| {
            // A closed receiver means the writer stopped (broken pipe): stop reading.
            let _ = tx.send(item);
        })
    });
    while let Ok(first) = rx.recv() {
        // Whatever else has already arrived joins the batch: full batches when
        // input comes quickly, and no waiting for more when it trickles in
        // through a pipe (a record must not wait for the next document).
        let mut entries: Vec<Entry> = Vec::new();
        let mut next = Some(first);
        while let Some(item) = next.take() {
            match item {
                Item::Doc(d) => {
                    documents += 1;
                    entries.push(Ok(d));
                }
                Item::Warning(w) => eprintln!("warning: {}", w.0),
                Item::Error(e) => {
                    eprintln!("error: {e}");
                    failed += 1;
                    if stream {
                        entries.push(Err(e));
                    }
                }
            }
            if entries.len() < BATCH {
                next = rx.try_recv().ok();
            }
        }
        let written = match format {
            ExtractFormat::Jsonl => write_jsonl(&mut out, &entries, explain, with_text, extractor).map(|n| failed += n),
            ExtractFormat::Table | ExtractFormat::Json => {
                let records: Vec<ExtractRecord> = entries
                    .par_iter()
                    .filter_map(|e| e.as_ref().ok())
                    .map(|d| ExtractRecord::new(&d.id, &d.text, &extractor.extract(&d.text), explain))
                    .collect();
                if format == ExtractFormat::Table {
                    records.iter().try_for_each(|r| output::write_extract_table(&mut out, r))
                } else {
                    all.extend(records);
                    Ok(())
                }
            }
        };
        if let Err(e) = written {
            write_error = Some(e);
            break;
        }
    }
    if let Some(e) = write_error {
        return Err(e.into());
    }
    reader.join().map_err(|_| anyhow::anyhow!("the input reader panicked"))?;
    if format == ExtractFormat::Json {
        serde_json::to_writer_pretty(&mut out, &all)?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    if failed > 0 {
        let inputs = if failed == 1 { "input" } else { "inputs" };
        eprintln!("summary: {documents} documents extracted, {failed} {inputs} failed");
    }
    Ok(Outcome { partial_failure: failed > 0 })
}

/// Extracts the documents in parallel and writes one line per entry, in
/// order, flushing each: a record, or an error record for an input that
/// failed to read or a document whose extraction failed (panicked).
/// Returns the number of documents whose extraction failed.
fn write_jsonl(
    out: &mut impl Write,
    entries: &[Entry],
    explain: bool,
    with_text: bool,
    extractor: Extractor,
) -> std::io::Result<usize> {
    // Serialised on the worker threads too, so this thread only writes bytes.
    let lines: Vec<(Vec<u8>, bool)> = entries
        .par_iter()
        .map(|entry| match entry {
            Ok(d) => match catch_unwind(AssertUnwindSafe(|| extractor.extract(&d.text))) {
                Ok(x) => (record_line(d, &x, explain, with_text), false),
                Err(panic) => {
                    let why = panic_message(&panic);
                    eprintln!("error: {}: extraction failed: {why}", d.id);
                    (error_line(Some(&d.id), None, format!("extraction failed: {why}")), true)
                }
            },
            Err(e) => (error_line(None, e.line(), e.to_string()), false),
        })
        .collect();
    let mut failed = 0;
    for (line, extraction_failed) in lines {
        out.write_all(&line)?;
        out.flush()?;
        failed += usize::from(extraction_failed);
    }
    Ok(failed)
}

fn record_line(d: &Document, x: &quotegraph::model::Extraction, explain: bool, with_text: bool) -> Vec<u8> {
    // Borrowed strings: serialising needs no copy of each span's text.
    let record = ExtractRecord::borrowed(&d.id, &d.text, x, explain);
    // A record is rarely more than twice its text (three times with the text): one allocation, no regrowth.
    let mut line = Vec::with_capacity(if with_text { 3 } else { 2 } * d.text.len() + 256);
    let written = if with_text {
        serde_json::to_writer(&mut line, &FullRecord { record, document: d, extraction: x, extractor: EXTRACTOR })
    } else {
        serde_json::to_writer(&mut line, &record)
    };
    // Invariant: records hold only strings, numbers and enums: serde_json cannot fail on them.
    written.expect("records serialise");
    line.push(b'\n');
    line
}

fn error_line(doc: Option<&str>, line: Option<usize>, error: String) -> Vec<u8> {
    // Invariant: an error record holds only strings and numbers.
    let mut out = serde_json::to_vec(&ErrorRecord::new(doc, line, error)).expect("error records serialise");
    out.push(b'\n');
    out
}

fn panic_message(panic: &Box<dyn std::any::Any + Send>) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "panic".to_string())
}
