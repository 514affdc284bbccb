//! `quotegraph eval`: score extraction (or a given prediction file) against a gold file.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};
use quotegraph::eval::{read_gold, read_records, score};
use quotegraph::extract::{extract, ExtractRecord};
use rayon::prelude::*;
use serde_json::Value;

use super::Outcome;
use crate::cli::EvalFormat;

/// How the predictions are named in the report when quotegraph makes them.
const EXTRACT_LABEL: &str = "quotegraph extract";

pub fn run(gold_path: &Path, pred: Option<&Path>, format: EvalFormat, thresholds: &[f64]) -> Result<Outcome> {
    let gold = read_gold(gold_path)?;
    for w in &gold.warnings {
        eprintln!("warning: {w}");
    }
    let (label, preds) = match pred {
        Some(p) => (p.display().to_string(), read_records(p)?),
        None => (EXTRACT_LABEL.to_string(), predict(&gold)?),
    };
    let mut report = score(&gold, &preds, thresholds);
    report.pred = label;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match format {
        EvalFormat::Table => writeln!(out, "{}", report.to_table())?,
        EvalFormat::Json => writeln!(out, "{}", report.to_json_string())?,
    }
    out.flush()?;
    Ok(Outcome::default())
}

/// Runs extraction on every gold text: the records `extract --format jsonl` would print,
/// read back as JSON (so the scorer sees exactly what score.py would).
fn predict(gold: &quotegraph::eval::Gold) -> Result<Vec<Value>> {
    let docs: Vec<(&Value, &str)> = gold.documents().collect();
    docs.par_iter()
        .map(|&(id, text)| {
            let name = match id {
                Value::String(s) => s.clone(),
                v => v.to_string(),
            };
            let record = ExtractRecord::new(&name, text, &extract(text), false);
            let line = serde_json::to_string(&record).context("serialising an extract record")?;
            let mut value: Value = serde_json::from_str(&line).context("reading back an extract record")?;
            value["doc"] = id.clone();
            Ok(value)
        })
        .collect()
}
