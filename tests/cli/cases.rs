//! Data-driven extraction cases: every `tests/cases/**/NAME.txt` is run
//! through the library extractor and compared with its insta snapshot
//! (`tests/cli/snapshots/cli__cases__extraction_cases@DIR__NAME.txt.snap`).
//! A new layout or a bug report becomes a new `.txt` file; `cargo insta
//! review` (or `INSTA_UPDATE=always cargo test`) writes its snapshot after
//! a deliberate change: review the diff.

use quotegraph::extract::rule::Rule;
use quotegraph::extract::{extract, ExtractRecord};
use serde_json::{json, Value};

/// The parts of a record a reader checks: what was said, by whom, with which cue.
fn summary(rec: &ExtractRecord) -> Value {
    let quotes: Vec<Value> = rec
        .quotes
        .iter()
        .map(|q| {
            json!({
                "kind": q.kind,
                "text": q.text,
                "fragments": q.fragments.as_ref().map(|f| f.len()),
                "speaker": q.speaker.as_ref().and_then(|s| s.text.clone()),
                "entity": q.speaker.as_ref().and_then(|s| s.entity.clone()),
                "cue": q.cue.as_ref().map(|c| c.text.clone()),
                "rule": q.rule,
            })
        })
        .collect();
    json!({ "quotes": quotes })
}

#[test]
fn extraction_cases() {
    let mut cases = 0;
    let mut rules = std::collections::BTreeSet::new();
    insta::glob!("../cases", "**/*.txt", |path| {
        cases += 1;
        let text = std::fs::read_to_string(path).unwrap();
        let x = extract(&text);
        let rec = ExtractRecord::new("case", &text, &x, false);
        // Every span is a slice of the text on character boundaries.
        for q in &rec.quotes {
            assert_eq!(&text[q.start as usize..q.end as usize], q.text, "{}", path.display());
        }
        rules.extend(rec.quotes.iter().filter_map(|q| q.rule.clone()));
        insta::assert_json_snapshot!(summary(&rec));
    });
    assert!(cases >= 20, "expected the layout cases under tests/cases");
    // Every rule is shown at work by at least one case.
    let missing: Vec<&str> = Rule::ALL.iter().map(|r| r.name()).filter(|n| !rules.contains(*n)).collect();
    assert!(missing.is_empty(), "rules without a case in tests/cases: {missing:?}");
}
