//! Schema v4: the outlet copied onto quotes. A v3 database migrates and its
//! outlet filters answer as the document join of v3 did.

use rusqlite::types::Value;
use rusqlite::Connection;

use super::fixture::{sample, Builder};
use super::*;
use crate::model::{EntityType, MentionKind, QuoteKind};

/// The sample's two documents and two more, with outlets in mixed case, one without.
fn docs() -> Vec<Prepared> {
    let mut docs = sample();
    docs[0].doc.outlet = Some("Example.org".into());
    docs[1].doc.outlet = Some("other.example".into());
    for (id, outlet, date) in [("c", Some("EXAMPLE.ORG"), "2025-05-19"), ("d", None, "2025-05-22")] {
        let text = "Basem Naim said Donald Trump was wrong about Hamas.";
        let mut b = Builder::new(id, text).meta("More", date, "");
        let naim = b.entity("Basem Naim", EntityType::Person);
        let trump = b.entity("Donald Trump", EntityType::Person);
        let hamas = b.entity("Hamas", EntityType::Organization);
        b.mention("Basem Naim", 0, Some(naim), MentionKind::Name);
        b.mention("Donald Trump", 0, Some(trump), MentionKind::Name);
        b.mention("Hamas", 0, Some(hamas), MentionKind::Name);
        b.quote(QuoteKind::Indirect, "Donald Trump was wrong about Hamas", Some(("Basem Naim", naim)), Some("said"));
        b.doc.outlet = outlet.map(String::from);
        docs.push(b.build());
    }
    docs
}

/// The v3 tables and the columns v3 had; the others are unchanged by v4.
const TABLES: &[(&str, &str)] = &[
    ("document", "*"),
    ("entity", "*"),
    ("alias", "*"),
    ("mention", "document_id, entity_id, start, end, kind, text"),
    (
        "quote",
        "id, document_id, kind, start, end, text, fragments, speaker_id, speaker_text, speaker_start, speaker_end, \
         cue, cue_start, cue_end, confidence, rule, date",
    ),
    ("quote_about", "quote_id, entity_id, speaker_id, document_id, date"),
    ("affiliation", "*"),
    ("appears_in", "entity_id, document_id, mentions"),
    ("statement", "*"),
    ("statement_key", "*"),
    ("quote_statement", "*"),
    ("gender_evidence", "*"),
];

/// A v3 database at `path` holding the rows a v4 store wrote at `from`
/// (migrations 1 to 3 run as they are, then the rows copied without the outlet).
fn v3_copy(from: &Path, path: &Path) {
    let c = Connection::open(path).unwrap();
    for m in &MIGRATIONS[..3] {
        c.execute_batch(registry::sql(m)).unwrap();
    }
    assert_eq!(c.query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0)).unwrap(), 3);
    c.execute("ATTACH DATABASE ?1 AS v4", [from.to_str().unwrap()]).unwrap();
    for (t, cols) in TABLES {
        let insert_cols = if *cols == "*" { String::new() } else { format!("({cols})") };
        c.execute_batch(&format!("INSERT INTO main.{t} {insert_cols} SELECT {cols} FROM v4.{t};")).unwrap();
    }
}

/// Quote ids of an outlet as v3 found them: through the document table.
fn by_join(s: &Store, outlet: &str) -> Vec<i64> {
    let mut st = s
        .connection()
        .prepare(
            "SELECT q.id FROM quote q WHERE q.document_id IN (SELECT id FROM document WHERE lower(outlet) = lower(?1))
              ORDER BY q.date DESC, q.document_id DESC, q.start, q.id",
        )
        .unwrap();
    st.query_map([outlet], |r| r.get(0)).unwrap().map(|r| r.unwrap()).collect()
}

fn ids(rows: &[Row]) -> Vec<i64> {
    rows.iter().map(|r| r["quote_id"].as_i64().unwrap()).collect()
}

fn text(v: &str) -> Value {
    Value::Text(v.into())
}

/// Every outlet list and count, for comparison between two stores.
fn answers(s: &Store) -> Vec<(String, Vec<Row>)> {
    let mut out = Vec::new();
    for outlet in ["example.org", "EXAMPLE.org", "other.example", "nowhere.example"] {
        let o = ("outlet", text(outlet));
        let runs: Vec<(&str, Vec<(&str, Value)>)> = vec![
            ("quotes", vec![o.clone()]),
            ("quotes", vec![o.clone(), ("limit", Value::Integer(1)), ("offset", Value::Integer(1))]),
            ("quotes", vec![o.clone(), ("since", text("2025-05-20")), ("until", text("2025-05-21"))]),
            ("quotes", vec![o.clone(), ("kind", text("indirect"))]),
            ("quotes_count", vec![o.clone()]),
            ("quotes_by_speaker", vec![o.clone(), ("name", text("naim"))]),
            ("quotes_by_speaker", vec![o.clone(), ("name", text("naim")), ("about", text("trump"))]),
            ("quotes_by_speaker", vec![o.clone(), ("name", text("naim")), ("until", text("2025-05-19"))]),
            ("quotes_by_speaker_count", vec![o.clone(), ("name", text("naim"))]),
            ("quotes_about", vec![o.clone(), ("name", text("trump"))]),
            ("quotes_about", vec![o.clone(), ("name", text("trump")), ("limit", Value::Integer(1))]),
            ("quotes_about_count", vec![o.clone(), ("name", text("trump"))]),
            ("search_filtered", vec![o.clone(), ("query", text("trump OR hostages"))]),
            ("search_filtered_count", vec![o.clone(), ("query", text("trump OR hostages"))]),
            ("diversity_speakers", vec![o.clone()]),
        ];
        for (name, params) in runs {
            let rows = s.rows(name, &params).unwrap();
            out.push((format!("{name} {params:?}"), rows));
        }
    }
    out
}

#[test]
fn a_v3_database_migrates_and_its_outlet_filters_answer_as_before() {
    let dir = tempfile::tempdir().unwrap();
    let (v4, v3) = (dir.path().join("v4.db"), dir.path().join("v3.db"));
    let mut fresh = Store::open(&v4).unwrap();
    fresh.write_batch(&docs(), &AliasTable::default(), false).unwrap();
    v3_copy(&v4, &v3);

    let migrated = Store::open(&v3).unwrap();
    assert_eq!(migrated.user_version().unwrap(), SCHEMA_VERSION);
    let copies = "SELECT id, outlet FROM quote UNION ALL SELECT quote_id * 1000 + entity_id, outlet FROM quote_about ORDER BY 1";
    let read = |s: &Store| -> Vec<(i64, Option<String>)> {
        let mut st = s.connection().prepare(copies).unwrap();
        st.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap().map(|r| r.unwrap()).collect()
    };
    assert_eq!(read(&migrated), read(&fresh), "the backfill writes what ingest writes");
    assert!(read(&fresh).iter().any(|(_, o)| o.as_deref() == Some("example.org")));
    assert!(read(&fresh).iter().any(|(_, o)| o.is_none()), "a document without outlet");

    for outlet in ["example.org", "EXAMPLE.org", "other.example", "nowhere.example"] {
        let rows = migrated.rows("quotes", &[("outlet", text(outlet))]).unwrap();
        assert_eq!(ids(&rows), by_join(&migrated, outlet), "{outlet}");
    }
    assert_eq!(by_join(&migrated, "example.org").len(), 4, "two documents of the outlet, in two cases");
    let (a, b) = (answers(&migrated), answers(&fresh));
    assert_eq!(a.len(), b.len());
    for (x, y) in a.iter().zip(&b) {
        assert_eq!(x, y);
    }
    assert!(a.iter().filter(|(_, rows)| !rows.is_empty()).count() > 30, "{a:#?}");
}

#[test]
fn the_copies_follow_a_changed_outlet_and_rows_written_without_them() {
    let mut s = Store::open_in_memory().unwrap();
    s.write_batch(&docs(), &AliasTable::default(), false).unwrap();
    let c = s.connection();
    c.execute("UPDATE document SET outlet = 'Moved.example' WHERE id = 'talks'", []).unwrap();
    let moved = s.rows("quotes", &[("outlet", text("moved.example"))]).unwrap();
    assert_eq!(ids(&moved), by_join(&s, "moved.example"));
    assert_eq!(moved.len(), 3);
    let about = s.rows("quotes_about", &[("outlet", text("MOVED.example")), ("name", text("trump"))]).unwrap();
    assert_eq!(about.len(), 1, "quote_about follows the quote");
    // Another program writing quote rows without the copy: the trigger fills it.
    c.execute_batch(
        "INSERT INTO quote (id, document_id, kind, start, end, text, speaker_id, confidence, rule)
              VALUES (100, 'tour', 'direct', 0, 5, 'Trump', NULL, 0.5, 'user');
         INSERT INTO quote_about (quote_id, entity_id) VALUES (100, 1);",
    )
    .unwrap();
    let outlet: (Option<String>, Option<String>) = c
        .query_row(
            "SELECT q.outlet, qa.outlet FROM quote q JOIN quote_about qa ON qa.quote_id = q.id WHERE q.id = 100",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(outlet, (Some("other.example".into()), Some("other.example".into())));
}
