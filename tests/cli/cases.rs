//! Data-driven extraction cases: every `tests/cases/**/NAME.txt` is run
//! through the library extractor and compared with `NAME.expected.json`.
//! A new layout or a bug report becomes a new pair of files.
//! `QUOTEGRAPH_BLESS=1 cargo test` rewrites the expected files; review the diff.

use std::path::{Path, PathBuf};

use quotegraph::extract::{extract, ExtractRecord};
use serde_json::{json, Value};

fn case_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            case_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "txt") {
            out.push(p);
        }
    }
}

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
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let mut files = Vec::new();
    case_files(&root, &mut files);
    assert!(files.len() >= 20, "expected the layout cases under {}", root.display());
    let bless = std::env::var_os("QUOTEGRAPH_BLESS").is_some();
    let mut failures = Vec::new();
    for txt in files {
        let text = std::fs::read_to_string(&txt).unwrap();
        let x = extract(&text);
        let rec = ExtractRecord::new("case", &text, &x, false);
        // Every span is a slice of the text on character boundaries.
        for q in &rec.quotes {
            assert_eq!(&text[q.start as usize..q.end as usize], q.text, "{}", txt.display());
        }
        let got = summary(&rec);
        let expected_path = txt.with_extension("expected.json");
        let rendered = serde_json::to_string_pretty(&got).unwrap() + "\n";
        if bless {
            std::fs::write(&expected_path, &rendered).unwrap();
            continue;
        }
        match std::fs::read_to_string(&expected_path) {
            Ok(want) if serde_json::from_str::<Value>(&want).unwrap() == got => {}
            Ok(want) => failures.push(format!("{}\n--- expected\n{want}--- got\n{rendered}", txt.display())),
            Err(_) => {
                failures.push(format!("{}: missing {} (run with QUOTEGRAPH_BLESS=1)", txt.display(), expected_path.display()))
            }
        }
    }
    assert!(failures.is_empty(), "{} case(s) differ:\n{}", failures.len(), failures.join("\n"));
}
