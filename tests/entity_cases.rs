//! Data-driven entity cases: `tests/cases/entities/NAME.txt` is a document,
//! `NAME.expected.json` what `extract` must find in it:
//!
//! ```json
//! {"entities": [{"name": "Basem Naim", "type": "person", "mentions": ["Dr. Basem Naim", "Naim"],
//!                "aliases": ["Naim"], "roles": [{"role": "senior official", "affiliation": "Hamas"}]}],
//!  "absent": ["Police"]}
//! ```
//!
//! Each listed entity must exist with that canonical name and type; `mentions`
//! (texts, in order), `aliases` and `roles` are compared only when given.
//! Names in `absent` must be no entity's name. Set `UPDATE_CASES=1` to print
//! the actual findings of a failing case.

use std::path::Path;

use quotegraph::extract::{entities, Analysis};
use serde_json::{json, Value};

fn actual(text: &str) -> Vec<Value> {
    let a = Analysis::new(text);
    let x = entities::find(&a);
    x.entities
        .iter()
        .map(|e| {
            json!({
                "name": e.name,
                "type": e.entity_type.as_str(),
                "mentions": e.mentions.iter().map(|&m| x.mentions[m as usize].span.slice(text)).collect::<Vec<_>>(),
                "aliases": e.aliases,
                "roles": e.roles.iter().map(|r| json!({
                    "role": r.role,
                    "affiliation": r.affiliation.map(|id| x.entity(id).name.clone()),
                })).collect::<Vec<_>>(),
            })
        })
        .collect()
}

fn check(name: &str, text: &str, expected: &Value) -> Vec<String> {
    let got = actual(text);
    let mut errors = Vec::new();
    for want in expected["entities"].as_array().into_iter().flatten() {
        let wname = want["name"].as_str().unwrap_or_default();
        let Some(have) = got.iter().find(|e| e["name"] == want["name"]) else {
            errors.push(format!("{name}: no entity named {wname:?}"));
            continue;
        };
        for field in ["type", "mentions", "aliases", "roles"] {
            if !want[field].is_null() && want[field] != have[field] {
                errors.push(format!("{name}: {wname}: {field} is {}, expected {}", have[field], want[field]));
            }
        }
    }
    for absent in expected["absent"].as_array().into_iter().flatten() {
        if got.iter().any(|e| &e["name"] == absent) {
            errors.push(format!("{name}: {absent} should not be an entity"));
        }
    }
    if !errors.is_empty() && std::env::var_os("UPDATE_CASES").is_some() {
        eprintln!("{name}: actual = {}", serde_json::to_string_pretty(&got).unwrap_or_default());
    }
    errors
}

#[test]
fn entity_cases() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases/entities");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/cases/entities")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    assert!(!names.is_empty(), "no cases in {}", dir.display());
    let mut errors = Vec::new();
    for path in &names {
        let text = std::fs::read_to_string(path).expect("case text");
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
        let exp_path = path.with_file_name(format!("{stem}.expected.json"));
        let expected: Value =
            serde_json::from_str(&std::fs::read_to_string(&exp_path).expect("expected file")).expect("expected json");
        errors.extend(check(stem, text.trim_end(), &expected));
    }
    assert!(errors.is_empty(), "{} failing expectations:\n{}", errors.len(), errors.join("\n"));
}
