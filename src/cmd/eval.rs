//! `quotegraph eval`: score extraction (or a given prediction file) against a gold file.

use std::io::Write;
use std::path::Path;

use anyhow::Result;
use quotegraph::eval::{read_gold, read_records, score};
use quotegraph::learn::Extractor;

use super::Outcome;
use crate::cli::EvalFormat;

/// How the predictions are named in the report when quotegraph makes them.
const EXTRACT_LABEL: &str = "quotegraph extract";

pub fn run(
    gold_path: &Path,
    pred: Option<&Path>,
    format: EvalFormat,
    thresholds: &[f64],
    extractor: Extractor,
) -> Result<Outcome> {
    let gold = read_gold(gold_path)?;
    for w in &gold.warnings {
        eprintln!("warning: {w}");
    }
    let (label, preds) = match pred {
        Some(p) => (p.display().to_string(), read_records(p)?),
        None => (EXTRACT_LABEL.to_string(), super::train::predict(extractor, &gold)?),
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
