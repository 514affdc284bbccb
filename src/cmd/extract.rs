//! `quotegraph extract`: extraction only, printed as JSONL, JSON or a table.

use std::io::Write;

use anyhow::Result;
use quotegraph::extract::ExtractRecord;
use quotegraph::learn::Extractor;
use quotegraph::input::{read_inputs, Item};
use rayon::prelude::*;

use super::{input_options, output, Outcome};
use crate::cli::{ExtractFormat, InputArgs};

/// Documents are extracted in parallel in batches of this many, then printed in input order.
const BATCH: usize = 256;

pub fn run(input: &InputArgs, format: ExtractFormat, explain: bool, extractor: Extractor) -> Result<Outcome> {
    let opts = input_options(input);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut outcome = Outcome::default();
    let mut batch = Vec::with_capacity(BATCH);
    let mut all = Vec::new();
    let mut first_error: Option<std::io::Error> = None;
    let (mut documents, mut failed) = (0usize, 0usize);
    let flush = |batch: &mut Vec<quotegraph::model::Document>,
                 out: &mut dyn Write,
                 all: &mut Vec<ExtractRecord>|
     -> std::io::Result<()> {
        if format == ExtractFormat::Jsonl {
            // Serialise on the worker threads too, so the main thread only writes bytes.
            let lines: Vec<Vec<u8>> = batch
                .par_iter()
                .map(|d| {
                    let x = extractor.extract(&d.text);
                    // Borrowed strings: serialising needs no copy of each span's text.
                    let r = ExtractRecord::borrowed(&d.id, &d.text, &x, explain);
                    // A record is rarely more than twice its text: one allocation, no regrowth.
                    let mut line = Vec::with_capacity(2 * d.text.len() + 256);
                    serde_json::to_writer(&mut line, &r).expect("records serialise");
                    line.push(b'\n');
                    line
                })
                .collect();
            batch.clear();
            for line in lines {
                out.write_all(&line)?;
            }
            return Ok(());
        }
        let records: Vec<ExtractRecord> =
            batch.par_iter().map(|d| ExtractRecord::new(&d.id, &d.text, &extractor.extract(&d.text), explain)).collect();
        batch.clear();
        for r in records {
            match format {
                ExtractFormat::Table => output::write_extract_table(out, &r)?,
                _ => all.push(r),
            }
        }
        Ok(())
    };
    // Inputs are read on a thread of their own, so reading overlaps extraction.
    let (tx, rx) = std::sync::mpsc::sync_channel::<Item>(2 * BATCH);
    let paths = input.paths.clone();
    let reader = std::thread::spawn(move || {
        read_inputs(&paths, &opts, &mut |item| {
            // A closed receiver means the writer stopped (broken pipe): stop reading.
            let _ = tx.send(item);
        })
    });
    for item in rx {
        match item {
            Item::Doc(d) => {
                documents += 1;
                batch.push(d);
                if batch.len() >= BATCH {
                    if let Err(e) = flush(&mut batch, &mut out, &mut all) {
                        first_error = Some(e);
                        break;
                    }
                }
            }
            Item::Warning(w) => eprintln!("warning: {}", w.0),
            Item::Error(e) => {
                eprintln!("error: {e}");
                failed += 1;
                outcome.partial_failure = true;
            }
        }
    }
    if first_error.is_none() {
        reader.join().map_err(|_| anyhow::anyhow!("the input reader panicked"))?;
    }
    if first_error.is_none() {
        if let Err(e) = flush(&mut batch, &mut out, &mut all) {
            first_error = Some(e);
        }
    }
    if let Some(e) = first_error {
        return Err(e.into());
    }
    if format == ExtractFormat::Json {
        serde_json::to_writer_pretty(&mut out, &all)?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    if failed > 0 {
        let inputs = if failed == 1 { "input" } else { "inputs" };
        eprintln!("summary: {documents} documents extracted, {failed} {inputs} failed");
    }
    Ok(outcome)
}
