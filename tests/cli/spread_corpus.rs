//! Across articles (issue 16) on the generated corpus
//! `tests/data/spread/corpus.jsonl` (scripts/gen_spread_corpus.py): linking
//! precision and recall, the first source, the conflicting speaker, no link
//! through a common phrase; timeline and report diversity through the
//! binary (JSON and SVG parse); the migration of a v2 database.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use quotegraph::report::spread::spread;
use quotegraph::store::Store;

use crate::store_cli::run_db;

const CORPUS: &str = "tests/data/spread/corpus.jsonl";
/// Linking on the generated corpus must be at least this good (it measures 1.0 / 1.0).
const MIN_PRECISION: f64 = 1.0;
const MIN_RECALL: f64 = 1.0;

/// The corpus ingested in two runs (every other line first), so that linking
/// must find copies stored by an earlier run: incremental, not a recompute.
fn ingested() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let lines: Vec<String> = std::fs::read_to_string(CORPUS).unwrap().lines().map(str::to_string).collect();
    for half in 0..2 {
        let part = dir.path().join(format!("part{half}.jsonl"));
        let text: String = lines.iter().skip(half).step_by(2).map(|l| format!("{l}\n")).collect();
        std::fs::write(&part, text).unwrap();
        let (code, _, err) = run_db(&dir.path().join("q.db"), &["ingest", "-q", part.to_str().unwrap()]);
        assert_eq!(code, 0, "{err}");
    }
    dir
}

/// The true statement of each document's one direct quote.
fn truth() -> BTreeMap<String, String> {
    std::fs::read_to_string(CORPUS)
        .unwrap()
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            (v["id"].as_str().unwrap().to_string(), v["statement"].as_str().unwrap().to_string())
        })
        .collect()
}

fn pairs(groups: &BTreeMap<String, String>) -> BTreeSet<(String, String)> {
    let mut out = BTreeSet::new();
    for (a, ga) in groups {
        for (b, gb) in groups {
            if a < b && ga == gb {
                out.insert((a.clone(), b.clone()));
            }
        }
    }
    out
}

#[test]
fn spread_links_every_copy_and_nothing_else() {
    let dir = ingested();
    let store = Store::open(&dir.path().join("q.db")).unwrap();
    let quotes = store.rows("quotes", &[("kind", rusqlite::types::Value::Text("direct".into()))]).unwrap();
    // Predicted groups: documents whose direct quotes share a statement.
    let mut predicted: BTreeMap<String, String> = BTreeMap::new();
    for q in &quotes {
        let (id, doc) = (q["quote_id"].as_i64().unwrap(), q["doc"].as_str().unwrap().to_string());
        let group = match spread(&store, &id.to_string()).unwrap() {
            Some(s) => format!("s{}", s.statement),
            None => format!("alone:{doc}"),
        };
        predicted.insert(doc, group);
    }
    let truth = truth();
    assert_eq!(predicted.keys().collect::<Vec<_>>(), truth.keys().collect::<Vec<_>>(), "one direct quote per document");
    let (t, p) = (pairs(&truth), pairs(&predicted));
    let hit = t.intersection(&p).count() as f64;
    let (precision, recall) = (hit / p.len() as f64, hit / t.len() as f64);
    eprintln!("linking on {CORPUS}: precision {precision:.3}, recall {recall:.3} ({} true pairs, {} linked)", t.len(), p.len());
    assert!(
        precision >= MIN_PRECISION && recall >= MIN_RECALL,
        "precision {precision}, recall {recall}; false: {:?}; missed: {:?}",
        p.difference(&t).collect::<Vec<_>>(),
        t.difference(&p).collect::<Vec<_>>()
    );

    // The trimmed copy finds all 8, the earliest date is the first source, Tom Baker is the conflict.
    let s = spread(&store, "We will not let the river plant close").unwrap().unwrap();
    assert_eq!(s.copies.len(), 8);
    assert_eq!(s.first().unwrap().doc, "a5", "earliest date, though stored fifth");
    let conflicts: Vec<_> = s.conflicts().map(|c| (c.doc.as_str(), c.speaker.as_deref())).collect();
    assert_eq!(conflicts, [("a7", Some("Tom Baker"))]);
    assert_eq!(s.copies.last().unwrap().doc, "a6", "undated copies come last");
    // A common phrase alone finds nothing.
    assert!(spread(&store, "we will see").unwrap().is_none());
}

#[test]
fn spread_timeline_and_diversity_through_the_binary() {
    let dir = ingested();
    let db = dir.path().join("q.db");
    let ok = |args: &[&str]| {
        let (code, out, err) = run_db(&db, args);
        assert_eq!(code, 0, "{args:?}: {err}");
        (out, err)
    };
    let (out, err) = ok(&["spread", "We won't let the river plant close", "--format", "json"]);
    let rows: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(rows.as_array().unwrap().len(), 8);
    assert!(err.contains("first source: a5") && err.contains("1 copy attributed to another speaker"), "{err}");

    let svg = dir.path().join("t.svg");
    let (out, _) = ok(&["timeline", "Maria Lopez", "--by", "day", "--svg", svg.to_str().unwrap(), "--format", "json"]);
    let rows: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap();
    let count = |p: &str| rows.iter().find(|r| r["period"] == p).map(|r| r["quotes"].as_i64().unwrap());
    assert_eq!(count("2023-03-02"), Some(2), "a date and a date-time of one day");
    assert_eq!(count("2023-03-04"), Some(0), "a gap is a zero");
    assert_eq!(count("undated"), Some(1));
    roxmltree::Document::parse(&std::fs::read_to_string(&svg).unwrap()).unwrap();
    let (out, _) =
        ok(&["timeline", "Maria Lopez", "--by", "month", "--since", "2023-03-01", "--until", "2023-03-02", "--format", "csv"]);
    assert_eq!(out, "period,quotes,documents\n2023-03,3,3\n");

    let svg = dir.path().join("d.svg");
    let (out, _) = ok(&["report", "diversity", "--svg", svg.to_str().unwrap(), "--format", "json"]);
    let rows: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap();
    assert!(rows.iter().any(|r| r["dimension"] == "gender" && r["group"] == "unknown"), "the unknown share is shown");
    roxmltree::Document::parse(&std::fs::read_to_string(&svg).unwrap()).unwrap();
    let (out, _) = ok(&["report", "diversity", "--speakers", "--outlet", "valley-times.example", "--format", "jsonl"]);
    assert!(out.lines().any(|l| l.contains("\"speaker\":\"John Smith\"") && l.contains("\"role\":\"official\"")), "{out}");

    // SAME_AS edges are exported like the others: 7 copies of A and 2 of B point to their first stored copy.
    for format in ["json", "graphml", "dot"] {
        let (out, _) = ok(&["export", "--format", format]);
        assert_eq!(out.matches("SAME_AS").count(), 9, "{format}");
    }

    let (code, _, err) = run_db(&db, &["timeline", "Maria Lopez", "--since", "March 1"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("--since"), "{err}");
}

#[test]
fn a_bad_date_is_an_error_naming_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.jsonl");
    std::fs::write(
        &input,
        "{\"id\":\"a\",\"text\":\"x\",\"date\":\"2023-01-01\"}\n{\"id\":\"b\",\"text\":\"y\",\"date\":\"01/02/2023\"}\n",
    )
    .unwrap();
    let (code, _, err) = run_db(&dir.path().join("q.db"), &["ingest", "-q", input.to_str().unwrap()]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("in.jsonl:2: bad \"date\""), "{err}");
}

#[test]
fn a_version_2_database_migrates_links_its_quotes_and_copies_their_outlets() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("v2.db");
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute_batch(quotegraph::store::registry::sql("schema_v1")).unwrap();
        conn.execute_batch(quotegraph::store::registry::sql("schema_v2")).unwrap();
        let text = "Eight words or more make this quote long enough to link";
        conn.execute_batch(&format!(
            "INSERT INTO document (id, url, content_hash, text) VALUES ('d1', 'https://www.example.org/a', 'h', '{text}'), ('d2', NULL, 'h', '{text}');
             INSERT INTO quote (document_id, kind, start, end, text, confidence, rule) VALUES
               ('d1', 'direct', 0, 10, '{text}', 0.9, 'r'), ('d2', 'direct', 0, 10, '{text}.', 0.9, 'r');"
        ))
        .unwrap();
    }
    let store = Store::open(Path::new(&db)).unwrap();
    assert_eq!(store.user_version().unwrap(), quotegraph::store::SCHEMA_VERSION);
    let s = spread(&store, "1").unwrap().unwrap();
    assert_eq!(s.copies.iter().map(|c| c.doc.as_str()).collect::<Vec<_>>(), ["d1", "d2"]);
    assert_eq!(s.copies[0].outlet.as_deref(), Some("example.org"));
    // v3 fills the document's outlet, v4 copies it onto the quote for the outlet filter.
    let rows = store.rows("quotes", &[("outlet", quotegraph::store::Param::Text("Example.ORG".into()))]).unwrap();
    assert_eq!(rows.iter().map(|r| r["doc"].as_str().unwrap()).collect::<Vec<_>>(), ["d1"]);
}
