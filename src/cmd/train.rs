//! `quotegraph train`: fit a sequence model to the user's own gold.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressStyle};
use quotegraph::eval::{read_gold as read_eval_gold, score, Gold};
use quotegraph::extract::ExtractRecord;
use quotegraph::learn::{self, Combine, Model, TrainOptions};
use rayon::prelude::*;
use serde_json::Value;

use super::Outcome;

/// What `train` was asked for.
pub struct TrainArgs<'a> {
    pub gold: &'a [PathBuf],
    pub output: &'a Path,
    pub dev: Option<&'a Path>,
    pub options: TrainOptions,
    /// Dev scores after this many rounds (each retrains with more iterations).
    pub rounds: usize,
    pub combine: Combine,
    pub quiet: bool,
}

pub fn run(args: &TrainArgs) -> Result<Outcome> {
    let started = std::time::Instant::now();
    let mut docs = Vec::new();
    for path in args.gold {
        docs.extend(learn::read_gold(path)?);
    }
    let attributions: usize = docs.iter().map(|d| d.attributions.len()).sum();
    if !args.quiet {
        eprintln!("training on {} documents, {attributions} attributions", docs.len());
    }
    let bar = progress(args.quiet, docs.len() as u64, "features");
    let done = AtomicUsize::new(0);
    let sets = learn::train::featurize(&docs, &|| {
        let n = done.fetch_add(1, Ordering::Relaxed) + 1;
        bar.set_position(n as u64);
    });
    bar.finish_and_clear();
    let dev = match args.dev {
        Some(p) => Some(read_eval_gold(p).with_context(|| format!("reading the dev gold {}", p.display()))?),
        None => None,
    };
    let trained_on: Vec<String> = args.gold.iter().map(|p| p.display().to_string()).collect();
    let scratch = args.output.with_extension("crfsuite.partial");
    let rounds = if dev.is_some() { args.rounds.max(1) } else { 1 };
    let mut model = None;
    for round in 1..=rounds {
        let mut opts = args.options.clone();
        opts.iterations = (args.options.iterations * round).div_ceil(rounds).max(1);
        let spin = spinner(args.quiet, format!("round {round}/{rounds}: L-BFGS, {} iterations", opts.iterations));
        let m = learn::train(&sets, &opts, trained_on.clone(), &scratch)?;
        spin.finish_and_clear();
        if let Some(dev) = &dev {
            let row = dev_scores(&m, dev, args.combine)?;
            eprintln!("round {round}/{rounds} ({} iterations): dev {row}", opts.iterations);
        }
        model = Some(m);
    }
    let Some(model) = model else { anyhow::bail!("no training round ran") };
    model.save(args.output)?;
    if !args.quiet {
        let size = std::fs::metadata(args.output).map(|m| m.len()).unwrap_or(0);
        eprintln!(
            "wrote {} ({:.1} MB; {} sequences, {} tokens) in {:.1} s",
            args.output.display(),
            size as f64 / 1e6,
            model.meta.sequences,
            model.meta.tokens,
            started.elapsed().as_secs_f64()
        );
    }
    Ok(Outcome::default())
}

/// The headline rows of the scorer on the dev gold, with the model applied.
fn dev_scores(model: &Model, dev: &Gold, combine: Combine) -> Result<String> {
    let preds = predict(learn::Extractor::Model(model, combine), dev)?;
    let report = score(dev, &preds, &[0.3, 0.8]);
    let f = |k: &str| report.all.prf(k).map_or("-".to_string(), |(_, _, f1)| format!("{:.1}", 100.0 * f1));
    Ok(format!(
        "content overlap F1 {}, content exact (norm) {}, source exact matched {}, cue exact matched {}",
        f("content_overlap_0.3"),
        f("content_exact_norm"),
        f("source_exact_matched"),
        f("cue_exact_matched")
    ))
}

/// Extract records for every gold document, as `eval` makes them.
pub fn predict(extractor: learn::Extractor, gold: &Gold) -> Result<Vec<Value>> {
    let docs: Vec<(&Value, &str)> = gold.documents().collect();
    docs.par_iter()
        .map(|&(id, text)| {
            let name = match id {
                Value::String(s) => s.clone(),
                v => v.to_string(),
            };
            let x = extractor.extract(text);
            let record = ExtractRecord::new(&name, text, &x, false);
            let mut value = serde_json::to_value(&record).context("serialising an extract record")?;
            value["doc"] = id.clone();
            Ok(value)
        })
        .collect()
}

fn progress(quiet: bool, len: u64, what: &str) -> ProgressBar {
    if quiet {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(len);
    bar.set_style(
        ProgressStyle::with_template(&format!("{what} {{bar:40}} {{pos}}/{{len}} documents ({{eta}})"))
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar
}

fn spinner(quiet: bool, msg: String) -> ProgressBar {
    if quiet {
        return ProgressBar::hidden();
    }
    let s = ProgressBar::new_spinner();
    s.set_message(msg);
    s.enable_steady_tick(std::time::Duration::from_millis(200));
    s
}
