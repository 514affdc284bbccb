//! `quotegraph eval` against the reference scorer `../shared/eval/score.py`: every number
//! of `--format json` must equal score.py's `--json`, and the tables must be identical.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

const DATA: &str = "tests/data/eval";
const SCORE_PY: &str = "../shared/eval/score.py";
const SEED_TXT: &str = "../shared/data/seed/hamas-talks.txt";
const SEED_GOLD: &str = "../shared/data/seed/hamas-talks.gold.json";
const DEV_GOLD: &str = "../shared/data/polnear/dev.jsonl";
const DEV_INPUT: &str = "../shared/data/polnear/dev.input.jsonl";

fn quotegraph(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_quotegraph")).args(args).output().expect("run quotegraph");
    assert!(out.status.success(), "quotegraph {args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// `python3 score.py ARGS`, or `None` (with a SKIP message) when Python or score.py is missing.
fn score_py(args: &[&str]) -> Option<String> {
    if !Path::new(SCORE_PY).exists() {
        skip!("{SCORE_PY} not found");
        return None;
    }
    let out = match Command::new("python3").arg(SCORE_PY).args(args).output() {
        Ok(out) => out,
        Err(e) => {
            skip!("python3 not available ({e})");
            return None;
        }
    };
    assert!(out.status.success(), "score.py {args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    Some(String::from_utf8(out.stdout).expect("UTF-8 output"))
}

/// Asserts two score reports are equal: same keys, same strings, numbers within 1e-9.
fn assert_same(want: &Value, got: &Value, path: &str) {
    match (want, got) {
        (Value::Object(a), Value::Object(b)) => {
            let ka: Vec<_> = a.keys().collect();
            let kb: Vec<_> = b.keys().collect();
            assert_eq!(ka, kb, "keys differ at {path}");
            for (k, v) in a {
                assert_same(v, &b[k], &format!("{path}/{k}"));
            }
        }
        (Value::Array(a), Value::Array(b)) => {
            assert_eq!(a.len(), b.len(), "lengths differ at {path}");
            for (i, (v, w)) in a.iter().zip(b).enumerate() {
                assert_same(v, w, &format!("{path}/{i}"));
            }
        }
        (Value::Number(a), Value::Number(b)) => {
            let (x, y) = (a.as_f64().unwrap(), b.as_f64().unwrap());
            assert!((x - y).abs() <= 1e-9, "{path}: score.py {x}, quotegraph {y}");
        }
        _ => assert_eq!(want, got, "differs at {path}"),
    }
}

fn parse(s: &str) -> Value {
    serde_json::from_str(s).expect("JSON report")
}

/// Live parity of JSON and table for one gold/prediction pair; false when skipped.
fn check_live(gold: &str, pred: &str, extra: &[&str]) -> bool {
    let mut py_args = vec![gold, pred, "--json"];
    py_args.extend(extra);
    let Some(want) = score_py(&py_args) else { return false };
    let mut args = vec!["eval", gold, "--pred", pred, "--format", "json"];
    args.extend(extra);
    assert_same(&parse(&want), &parse(&quotegraph(&args)), &format!("[{gold} {pred}]"));
    let mut py_args = vec![gold, pred];
    py_args.extend(extra);
    let want = score_py(&py_args).expect("score.py ran just before");
    let mut args = vec!["eval", gold, "--pred", pred];
    args.extend(extra);
    assert_eq!(quotegraph(&args), want, "tables differ for {gold} {pred}");
    true
}

fn data(name: &str) -> String {
    format!("{DATA}/{name}")
}

/// The committed score.py outputs (see tests/data/eval/README.md): checked without Python.
#[test]
fn eval_matches_recorded_score_py_output() {
    let cases: [(&str, &str, &[&str], &str); 5] = [
        ("gold.jsonl", "pred-good.jsonl", &[], "pred-good.json"),
        ("gold.jsonl", "pred-messy.jsonl", &[], "pred-messy.json"),
        ("gold.jsonl", "pred-kinds.jsonl", &[], "pred-kinds.json"),
        ("gold.jsonl", "pred-messy.jsonl", &["--thresholds", "0.5,0.1,0.5"], "pred-messy-thresholds.json"),
        ("harbour.gold.json", "harbour.pred.json", &[], "harbour.json"),
    ];
    for (gold, pred, extra, expected) in cases {
        let (gold, pred) = (data(gold), data(pred));
        let mut args = vec!["eval", &gold, "--pred", &pred, "--format", "json"];
        args.extend(extra);
        let want = std::fs::read_to_string(data(&format!("expected/{expected}"))).expect("expected file");
        assert_same(&parse(&want), &parse(&quotegraph(&args)), expected);
    }
    let want = std::fs::read_to_string(data("expected/pred-messy.table.txt")).expect("expected table");
    assert_eq!(quotegraph(&["eval", &data("gold.jsonl"), "--pred", &data("pred-messy.jsonl")]), want);
    // the direct subset is decided from the text, never from `kind`
    let good = parse(&quotegraph(&["eval", &data("gold.jsonl"), "--pred", &data("pred-good.jsonl"), "--format", "json"]));
    let kinds = parse(&quotegraph(&["eval", &data("gold.jsonl"), "--pred", &data("pred-kinds.jsonl"), "--format", "json"]));
    assert_eq!(good["direct"], kinds["direct"]);
}

#[test]
fn eval_matches_score_py_on_synthetic_predictions() {
    for pred in ["pred-good.jsonl", "pred-messy.jsonl", "pred-kinds.jsonl"] {
        if !check_live(&data("gold.jsonl"), &data(pred), &[]) {
            return;
        }
    }
    check_live(&data("gold.jsonl"), &data("pred-messy.jsonl"), &["--thresholds", "0.5,0.1,0.5"]);
    check_live(&data("harbour.gold.json"), &data("harbour.pred.json"), &[]);
}

/// Predictions of `quotegraph extract` on `input`, written to a temporary file.
fn extract_to_file(input: &str, dir: &tempfile::TempDir, name: &str) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, quotegraph(&["extract", "--format", "jsonl", input])).expect("write predictions");
    path
}

/// `eval GOLD` (extraction run inside) equals `eval GOLD --pred <extract output>` but for the label.
fn assert_eval_runs_extraction(gold: &str, pred: &Path) {
    let mut own = parse(&quotegraph(&["eval", gold, "--format", "json"]));
    let mut given = parse(&quotegraph(&["eval", gold, "--pred", pred.to_str().unwrap(), "--format", "json"]));
    assert_eq!(own["pred"], "quotegraph extract");
    own["pred"] = Value::Null;
    given["pred"] = Value::Null;
    assert_same(&given, &own, "[eval with and without --pred]");
}

#[test]
fn eval_matches_score_py_on_seed_extraction() {
    if !Path::new(SEED_TXT).exists() {
        skip!("{SEED_TXT} not found");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let pred = extract_to_file(SEED_TXT, &dir, "seed.pred.jsonl");
    assert_eval_runs_extraction(SEED_GOLD, &pred);
    check_live(SEED_GOLD, pred.to_str().unwrap(), &[]);
}

#[test]
fn eval_matches_score_py_on_polnear_dev_extraction() {
    if !Path::new(DEV_GOLD).exists() || !Path::new(DEV_INPUT).exists() {
        skip!("{DEV_GOLD} or {DEV_INPUT} not found (PolNeAR is read at test time only)");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let pred = extract_to_file(DEV_INPUT, &dir, "dev.pred.jsonl");
    assert_eval_runs_extraction(DEV_GOLD, &pred);
    check_live(DEV_GOLD, pred.to_str().unwrap(), &[]);
}
