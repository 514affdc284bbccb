//! Scoring predicted quotes against gold attributions.
//!
//! A faithful port of the reference scorer `shared/eval/score.py`: the same
//! rows (content exact strict/normalised, GenderGapTracker overlap matching at
//! each threshold, source/cue on matched pairs and as independent spans, GGT
//! accuracies and pairwise speaker/verb counts), for all attributions and the
//! direct subset, with all span arithmetic in code points. Its figures equal
//! score.py's on the same inputs, row for row (checked by `tests/eval_parity/mod.rs`).
//!
//! [`read_gold`] and [`read_records`] read files; [`score`] is pure: gold
//! documents and prediction records (`quotegraph extract --format jsonl`
//! records, as JSON values) in, a [`Report`] out.
//!
//! Where score.py would crash on malformed predictions (a quote that is not an
//! object, a speaker that is a string) this port is lenient and treats the
//! value as absent; malformed gold is an error, as there.

mod gold;
mod matching;
mod report;
mod text;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

pub use gold::*;
use matching::*;
pub use report::*;
use text::{intersect_len, is_direct, merge_ranges, name_key, py_slice_lossy, py_strip_lower, trim};

/// The thresholds score.py uses by default.
pub const DEFAULT_THRESHOLDS: [f64; 2] = [0.3, 0.8];

/// Errors reading or interpreting a gold or prediction file.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("{path}: cannot read: {source}")]
    Read { path: PathBuf, source: std::io::Error },
    #[error("{path}:{line}: invalid JSON: {message}")]
    Json { path: PathBuf, line: usize, message: String },
    #[error("{path}: record {record}: {message}")]
    Gold { path: PathBuf, record: usize, message: String },
    #[error("{path}: record {record}: text file {file}: {source}")]
    TextFile { path: PathBuf, record: usize, file: PathBuf, source: std::io::Error },
    #[error("{path}: record {record}: duplicate gold document id {id}")]
    DuplicateDoc { path: PathBuf, record: usize, id: String },
}

/// Scores prediction records against the gold (score.py `score`).
///
/// `preds` are `quotegraph extract` records (`{"doc", "quotes": [...]}`);
/// documents of the gold missing from them count as empty predictions.
/// `thresholds` are GGT's overlap thresholds ([`DEFAULT_THRESHOLDS`]).
/// The report's `pred` label is left empty for the caller to fill.
pub fn score(gold: &Gold, preds: &[Value], thresholds: &[f64]) -> Report {
    // Offsets are converted with the gold texts, whose `bad` counters predictions advance.
    let mut docs: Vec<GoldDoc> = gold
        .docs
        .iter()
        .map(|d| GoldDoc {
            id: Value::Null,
            key: d.key.clone(),
            source: String::new(),
            text: DocText { chars: d.text.chars.clone(), raw: d.text.raw.clone(), b2c: d.text.b2c.clone(), bad: 0 },
            items: d.items.clone(),
        })
        .collect();
    let mut diag = Diagnostics::default();
    let preds = pred_items(&mut docs, &gold.index, preds, &mut diag);
    let gold_items = || docs.iter().flat_map(|d| d.items.iter());
    diag.gold_docs = docs.len() as u64;
    diag.gold_docs_missing_in_pred = preds.iter().filter(|p| p.is_none()).count() as u64;
    diag.gold_attributions = gold_items().filter(|g| !g.optional).count() as u64;
    diag.gold_optional = gold_items().filter(|g| g.optional).count() as u64;
    diag.gold_direct = gold_items().filter(|g| g.direct && !g.optional).count() as u64;
    let has_ref = gold_items().any(|g| g.has_reference);
    let mut ths = thresholds.to_vec();
    ths.sort_by(f64::total_cmp);
    let mut subsets = Vec::new();
    for direct_only in [false, true] {
        let mut c: BTreeMap<String, Prf> = BTreeMap::new();
        let mut a: BTreeMap<String, Acc> = BTreeMap::new();
        let mut keys: Vec<String> = [
            "content_exact_strict",
            "content_exact_norm",
            "source_exact_matched",
            "source_overlap_matched",
            "source_exact_indep",
            "cue_exact_matched",
            "cue_exact_indep",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        keys.extend(ths.iter().map(|&th| format!("content_overlap_{}", fmt_g(th))));
        let mut ggt_keys = BTreeSet::new();
        if !direct_only {
            for k in ["ggt_speakers_indep", "ggt_verbs_indep"] {
                keys.push(k.into());
                ggt_keys.insert(k.to_string());
            }
        }
        for k in keys {
            c.entry(k).or_default();
        }
        for &th in &ths {
            for k in ["speaker_span", "verb", "name"] {
                a.entry(format!("{k}_{}", fmt_g(th))).or_default();
            }
        }
        for (di, doc) in docs.iter().enumerate() {
            let t = &doc.text.chars;
            let g_all: Vec<&Item> = doc.items.iter().filter(|g| !direct_only || g.direct).collect();
            let p_all: Vec<&Item> =
                preds[di].as_deref().unwrap_or_default().iter().filter(|p| !direct_only || p.direct).collect();
            // Invariant: full ranges (`..`) never panic.
            let (gs, ps) = (&g_all[..], &p_all[..]);
            let (tp, fp, fn_) = match_by_key(gs, ps, &|x| x.content);
            c.entry("content_exact_strict".into()).or_default().add(tp, fp, fn_);
            let (tp, fp, fn_) = match_by_key(gs, ps, &|x| trim(t, x.content.0, x.content.1, true));
            c.entry("content_exact_norm".into()).or_default().add(tp, fp, fn_);
            for &th in &ths {
                let g_ = fmt_g(th);
                let (tp, fp, fn_, pairs) = ggt_compare_res(gs, ps, th);
                c.entry(format!("content_overlap_{g_}")).or_default().add(tp, fp, fn_);
                for (gi, pj) in pairs {
                    let (g, p) = (gs[gi], ps[pj]);
                    if g.optional {
                        continue;
                    }
                    let acc = a.entry(format!("speaker_span_{g_}")).or_default();
                    acc.n += 1;
                    acc.correct += ggt_speaker_match(g, p) as u64;
                    let acc = a.entry(format!("verb_{g_}")).or_default();
                    acc.n += 1;
                    acc.correct += (py_strip_lower(&g.cue_text) == py_strip_lower(&p.cue_text)) as u64;
                    if g.has_reference {
                        let acc = a.entry(format!("name_{g_}")).or_default();
                        acc.n += 1;
                        let gk = name_key(g.reference.as_deref().unwrap_or(""));
                        if !gk.is_empty() {
                            acc.correct += (gk == name_key(p.speaker_name.as_deref().unwrap_or(""))) as u64;
                        } else {
                            acc.correct += !p.claims_entity as u64;
                        }
                    }
                    if th == ths[0] {
                        for role in [Role::Source, Role::Cue] {
                            let (gs, ps) = (role.of(g), role.of(p));
                            let both = gs.zip(ps);
                            let ex = both.is_some_and(|(x, y)| trim(t, x.0, x.1, false) == trim(t, y.0, y.1, false));
                            let ov = both.is_some_and(|(x, y)| x.0.max(y.0) < x.1.min(y.1));
                            let r = role.name();
                            c.entry(format!("{r}_exact_matched")).or_default().add(
                                ex as u64,
                                (ps.is_some() && !ex) as u64,
                                (gs.is_some() && !ex) as u64,
                            );
                            c.entry(format!("{r}_overlap_matched")).or_default().add(
                                ov as u64,
                                (ps.is_some() && !ov) as u64,
                                (gs.is_some() && !ov) as u64,
                            );
                        }
                    }
                }
            }
            for role in [Role::Source, Role::Cue] {
                let tr = |x: Span| trim(t, x.0, x.1, false);
                let req: BTreeSet<Span> = gs.iter().filter(|g| !g.optional).filter_map(|g| role.of(g)).map(tr).collect();
                let opt: BTreeSet<Span> =
                    gs.iter().filter(|g| g.optional).filter_map(|g| role.of(g)).map(tr).filter(|s| !req.contains(s)).collect();
                let pset: BTreeSet<Span> = ps.iter().filter_map(|p| role.of(p)).map(tr).collect();
                let tp = pset.intersection(&req).count() as u64;
                let fp = pset.iter().filter(|s| !req.contains(s) && !opt.contains(s)).count() as u64;
                let fn_ = req.difference(&pset).count() as u64;
                c.entry(format!("{}_exact_indep", role.name())).or_default().add(tp, fp, fn_);
            }
            if !direct_only {
                for (role, key) in [(Role::Source, "ggt_speakers_indep"), (Role::Cue, "ggt_verbs_indep")] {
                    let (tp, n_t, n_p) = ggt_indep(gs, ps, role);
                    // stored as denominators, as score.py does
                    c.entry(key.into()).or_default().add(tp, n_p, n_t);
                }
            }
        }
        let mut rows: BTreeMap<String, Metric> = c
            .into_iter()
            .map(|(k, v)| {
                let m = if ggt_keys.contains(&k) {
                    Metric::Pairwise { tp: v.tp, n_gold: v.fn_, n_pred: v.fp }
                } else {
                    Metric::Prf(v)
                };
                (k, m)
            })
            .collect();
        for (k, v) in a {
            if k.starts_with("name_") && !has_ref {
                continue;
            }
            rows.insert(k, Metric::Acc(v));
        }
        let n_gold = gold_items_subset(&docs, direct_only);
        let n_pred = preds.iter().flatten().flatten().filter(|p| !direct_only || p.direct).count() as u64;
        subsets.push(Subset { rows, n_gold, n_pred });
    }
    let direct = subsets.pop().unwrap_or_default();
    let all = subsets.pop().unwrap_or_default();
    Report {
        gold: gold.label.clone(),
        pred: String::new(),
        thresholds: ths,
        diagnostics: diag,
        has_reference: has_ref,
        all,
        direct,
    }
}

fn gold_items_subset(docs: &[GoldDoc], direct_only: bool) -> u64 {
    docs.iter().flat_map(|d| d.items.iter()).filter(|g| !g.optional && (!direct_only || g.direct)).count() as u64
}

#[cfg(test)]
mod tests;
