//! `quotegraph train` and `--model`: a tiny model trained on an invented
//! house-style gold (tests/data/train/) must learn what the rules do not do.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/train").join(name)
}

fn qg() -> Command {
    Command::cargo_bin("quotegraph").unwrap()
}

fn train(out: &Path, seed: &str) {
    qg().args(["train", "--quiet", "--iterations", "60", "--seed", seed, "-o"])
        .arg(out)
        .arg(fixture("house-style.jsonl"))
        .assert()
        .success();
}

/// F1 (0..100) of a row of `eval --format json` over the held-out gold.
fn f1(model: Option<&Path>, row: &str) -> f64 {
    let mut c = qg();
    c.args(["eval", "--format", "json"]).arg(fixture("house-style-heldout.jsonl"));
    if let Some(m) = model {
        c.arg("--model").arg(m);
    }
    let out = c.assert().success().get_output().stdout.clone();
    let v: Value = serde_json::from_slice(&out).unwrap();
    100.0 * v["all"][row]["f1"].as_f64().unwrap_or_else(|| panic!("no row {row}"))
}

#[test]
fn a_trained_model_learns_the_house_style_the_rules_do_not_follow() {
    let dir = tempfile::tempdir().unwrap();
    let model = dir.path().join("house.model");
    train(&model, "7");
    // The house style keeps "that" and the full stop in the content; the
    // rules draw it narrower.
    let row = "content_exact_strict";
    let rules = f1(None, row);
    let learned = f1(Some(&model), row);
    assert!(rules < 50.0, "{row}: the rules alone already follow the house style ({rules})");
    assert!(learned >= 95.0, "{row}: the model did not learn the house style ({learned} on held-out documents)");
    // The appositive in the source: the rules take it too since the source
    // extent stage (issue 13); the model must keep it.
    let source = f1(Some(&model), "source_exact_matched");
    assert!(source >= 95.0, "source_exact_matched: the model lost the appositive ({source})");
    // And it still finds every quote and cue.
    assert!(f1(Some(&model), "content_overlap_0.3") >= 95.0);
    assert!(f1(Some(&model), "cue_exact_matched") >= 95.0);
}

/// `--combine add` keeps every rule quote as the rules drew it (content and
/// cue) and only adds: the held-out content-exact score stays the rules' one,
/// and no quote is found less often.
#[test]
fn combine_add_keeps_the_rule_quotes_and_only_adds() {
    let dir = tempfile::tempdir().unwrap();
    let model = dir.path().join("house.model");
    train(&model, "7");
    let eval = |combine: Option<&str>| -> Value {
        let mut c = qg();
        c.args(["eval", "--format", "json"]).arg(fixture("house-style-heldout.jsonl"));
        if let Some(k) = combine {
            c.arg("--model").arg(&model).args(["--combine", k]);
        }
        serde_json::from_slice(&c.assert().success().get_output().stdout).unwrap()
    };
    let (rules, add) = (eval(None), eval(Some("add")));
    let f = |v: &Value, row: &str| v["all"][row]["f1"].as_f64().unwrap_or_else(|| panic!("no row {row}"));
    assert_eq!(f(&add, "content_exact_strict"), f(&rules, "content_exact_strict"), "add re-drew a rule quote's content");
    assert_eq!(f(&add, "cue_exact_matched"), f(&rules, "cue_exact_matched"), "add changed a rule quote's cue");
    assert!(f(&add, "content_overlap_0.3") >= f(&rules, "content_overlap_0.3"));
    let text = "Nina Shaw, a baker on Elm Street, said that the oven had failed twice. Nobody was hurt.\n";
    let run = |args: &[&str]| -> Value {
        let out = qg().args(["extract"]).args(args).arg("-").write_stdin(text).assert().success().get_output().stdout.clone();
        serde_json::from_slice(&out).unwrap()
    };
    let m = model.to_str().unwrap();
    let (r, a) = (run(&[]), run(&["--model", m, "--combine", "add"]));
    let q = &a["quotes"][0];
    assert_eq!(q["rule"], r["quotes"][0]["rule"], "the rule quote is kept, not replaced by the model's");
    assert_eq!((&q["start"], &q["end"], &q["cue"]), (&r["quotes"][0]["start"], &r["quotes"][0]["end"], &r["quotes"][0]["cue"]));
    assert_eq!(q["speaker"]["entity"], "Nina Shaw");
}

#[test]
fn training_is_deterministic_for_a_seed() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.model"), dir.path().join("b.model"));
    train(&a, "3");
    train(&b, "3");
    assert_eq!(std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap(), "same gold and seed, different model");
}

#[test]
fn extract_with_a_model_marks_its_quotes() {
    let dir = tempfile::tempdir().unwrap();
    let model = dir.path().join("house.model");
    train(&model, "1");
    let text = "Nina Shaw, a baker on Elm Street, said that the oven had failed twice. Nobody was hurt.\n";
    let out = qg()
        .args(["extract", "--explain", "--model"])
        .arg(&model)
        .arg("-")
        .write_stdin(text)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let rec: Value = serde_json::from_slice(&out).unwrap();
    let q = &rec["quotes"][0];
    assert_eq!(q["rule"], "model:crf");
    assert_eq!(q["speaker"]["text"], "Nina Shaw, a baker on Elm Street");
    assert_eq!(q["speaker"]["entity"], "Nina Shaw", "the rules still resolve the speaker's entity");
    assert_eq!(q["cue"]["text"], "said");
}

#[test]
fn a_damaged_or_foreign_model_is_refused_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let model = dir.path().join("house.model");
    train(&model, "1");
    let bytes = std::fs::read(&model).unwrap();

    let not_model = dir.path().join("notes.txt");
    std::fs::write(&not_model, "hello").unwrap();
    let err = qg().args(["extract", "--model"]).arg(&not_model).arg("-").write_stdin("x").assert().failure();
    let msg = String::from_utf8_lossy(&err.get_output().stderr).to_string();
    assert!(msg.contains("not a quotegraph model"), "{msg}");

    // Another format version (bytes 8..12).
    let mut other = bytes.clone();
    other[8] = other[8].wrapping_add(1);
    let p = dir.path().join("other.model");
    std::fs::write(&p, &other).unwrap();
    let err = qg().args(["extract", "--model"]).arg(&p).arg("-").write_stdin("x").assert().failure();
    let msg = String::from_utf8_lossy(&err.get_output().stderr).to_string();
    assert!(msg.contains("model format") && msg.contains("retrain"), "{msg}");

    // Features of another version (bytes 12..16).
    let mut other = bytes.clone();
    other[12] = other[12].wrapping_add(1);
    std::fs::write(&p, &other).unwrap();
    let err = qg().args(["eval", "--model"]).arg(&p).arg(fixture("house-style.jsonl")).assert().failure();
    let msg = String::from_utf8_lossy(&err.get_output().stderr).to_string();
    assert!(msg.contains("features version") && msg.contains("retrain"), "{msg}");

    // A flipped byte in the CRF itself.
    let mut damaged = bytes;
    let last = damaged.len() - 1;
    damaged[last] ^= 0xff;
    std::fs::write(&p, &damaged).unwrap();
    let err = qg().args(["extract", "--model"]).arg(&p).arg("-").write_stdin("x").assert().failure();
    let msg = String::from_utf8_lossy(&err.get_output().stderr).to_string();
    assert!(msg.contains("damaged"), "{msg}");
}

#[test]
fn bad_gold_names_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let gold = dir.path().join("bad.jsonl");
    std::fs::write(&gold, "{\"id\":\"a\",\"text\":\"héllo\",\"attributions\":[{\"content\":{\"start\":0,\"end\":2}}]}\n")
        .unwrap();
    let err = qg().args(["train", "-q", "-o"]).arg(dir.path().join("m")).arg(&gold).assert().failure();
    let msg = String::from_utf8_lossy(&err.get_output().stderr).to_string();
    assert!(msg.contains("bad.jsonl:1") && msg.contains("character boundaries"), "{msg}");
}
