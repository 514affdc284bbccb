//! Data-driven entity cases: `tests/entity-cases/NAME.txt` is a document,
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
//! Names in `absent` must be no entity's name; words in `not_person`
//! must be no person mention. `speakers` checks speaker
//! resolution: each item makes a quote candidate whose content is the first
//! occurrence of `quote` and whose speaker mention is the first occurrence of
//! `speaker` after it (or before it, if none follows; `speaker_at` picks the
//! n-th occurrence), and the resolved entity must be `entity` (null: none).
//!
//! Besides these hand-written expectations, the full findings of each case
//! are an insta snapshot (`src/extract/snapshots/`), so that any change in
//! what is found shows up in review: `cargo insta review` (or
//! `INSTA_UPDATE=always cargo test`) blesses them, the one way this project
//! blesses expected output. A unit test, because the speaker checks build
//! quote candidates, an internal type.

use super::quotes::Candidate;
use super::rule::Rule;
use super::{coref, entities, Analysis};
use crate::model::{QuoteKind, Span};
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
    errors.extend(check_speakers(name, text, expected));
    for absent in expected["absent"].as_array().into_iter().flatten() {
        if got.iter().any(|e| &e["name"] == absent) {
            errors.push(format!("{name}: {absent} should not be an entity"));
        }
    }
    for word in expected["not_person"].as_array().into_iter().flatten() {
        let person_mention = got
            .iter()
            .filter(|e| e["type"] == "person")
            .any(|e| e["mentions"].as_array().into_iter().flatten().any(|m| m == word));
        if person_mention {
            errors.push(format!("{name}: {word} should be no person mention"));
        }
    }
    errors
}

fn check_speakers(name: &str, text: &str, expected: &Value) -> Vec<String> {
    let items: Vec<&Value> = expected["speakers"].as_array().into_iter().flatten().collect();
    if items.is_empty() {
        return Vec::new();
    }
    let mut cands = Vec::new();
    for it in &items {
        let quote = it["quote"].as_str().expect("quote");
        let qs = text.find(quote).unwrap_or_else(|| panic!("{name}: quote {quote:?} not in text"));
        let speaker = it["speaker"].as_str().expect("speaker");
        let occurrences: Vec<usize> = text.match_indices(speaker).map(|(p, _)| p).collect();
        let at = match it["speaker_at"].as_u64() {
            Some(n) => occurrences[n as usize],
            None => occurrences.iter().copied().find(|&p| p > qs).or(occurrences.last().copied()).expect("speaker in text"),
        };
        cands.push(Candidate {
            kind: QuoteKind::Direct,
            content: Span::new(qs, qs + quote.len()),
            fragments: Vec::new(),
            speaker: Some(Span::new(at, at + speaker.len())),
            carried_from: None,
            cue: None,
            confidence: 1.0,
            rule: Rule::DirectQuoteSpeakerCue,
            trail: Vec::new(),
        });
    }
    let a = Analysis::new(text);
    let mut x = entities::find(&a);
    coref::attach(&a, &mut x, cands);
    let mut errors = Vec::new();
    for it in items {
        let quote = it["quote"].as_str().unwrap_or_default();
        let qs = text.find(quote).unwrap_or_default() as u32;
        let got = x
            .quotes
            .iter()
            .find(|q| q.content.start == qs)
            .and_then(|q| q.speaker)
            .and_then(|s| s.entity)
            .map(|e| x.entity(e).name.clone());
        let want = it["entity"].as_str().map(str::to_string);
        if got != want {
            errors.push(format!("{name}: speaker of {quote:?} resolved to {got:?}, expected {want:?}"));
        }
    }
    errors
}

#[test]
fn entity_cases() {
    let mut errors = Vec::new();
    let mut cases = 0;
    insta::glob!("../../tests/entity-cases", "*.txt", |path| {
        cases += 1;
        let text = std::fs::read_to_string(path).expect("case text");
        let text = text.trim_end();
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
        let exp_path = path.with_file_name(format!("{stem}.expected.json"));
        let expected: Value =
            serde_json::from_str(&std::fs::read_to_string(&exp_path).expect("expected file")).expect("expected json");
        errors.extend(check(stem, text, &expected));
        insta::assert_json_snapshot!(actual(text));
    });
    assert!(cases > 0, "no cases in tests/entity-cases");
    assert!(errors.is_empty(), "{} failing expectations:\n{}", errors.len(), errors.join("\n"));
}
