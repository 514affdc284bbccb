//! Schema v5: a document's mentions in one row, APPEARS_IN keyed by document.
//! A v4 database migrates, its mentions read back through the `mention` view
//! as the v4 table held them, and every reader of APPEARS_IN answers as before.

use rusqlite::types::Value;
use rusqlite::Connection;

use super::fixture::sample;
use super::*;

/// The v4 tables and their columns; `mention` and `appears_in` change shape in v5.
const TABLES: &[(&str, &str)] = &[
    ("document", "*"),
    ("entity", "*"),
    ("alias", "*"),
    ("quote", "*"),
    ("quote_about", "*"),
    ("affiliation", "*"),
    ("statement", "*"),
    ("statement_key", "*"),
    ("quote_statement", "*"),
    ("gender_evidence", "*"),
];

/// A v4 database at `path` holding the rows a current store wrote at `from`.
fn v4_copy(from: &Path, path: &Path) {
    let c = Connection::open(path).unwrap();
    for m in &MIGRATIONS[..4] {
        c.execute_batch(registry::sql(m)).unwrap();
    }
    assert_eq!(c.query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0)).unwrap(), 4);
    c.execute("ATTACH DATABASE ?1 AS v5", [from.to_str().unwrap()]).unwrap();
    // The full-text index of the copy is filled by the quote trigger.
    for (t, cols) in TABLES {
        c.execute_batch(&format!("INSERT INTO main.{t} SELECT {cols} FROM v5.{t};")).unwrap();
    }
    c.execute_batch(
        "INSERT INTO main.mention (document_id, entity_id, start, end, kind, text)
              SELECT document_id, entity_id, start, end, kind, text FROM v5.mention ORDER BY document_id, seq;
         INSERT INTO main.appears_in (entity_id, document_id, mentions) SELECT entity_id, document_id, mentions FROM v5.appears_in;",
    )
    .unwrap();
}

fn dump(c: &Connection, sql: &str) -> Vec<String> {
    let mut st = c.prepare(sql).unwrap();
    let n = st.column_count();
    let rows =
        st.query_map([], |r| (0..n).map(|i| r.get::<_, Value>(i).map(|v| format!("{v:?}"))).collect::<Result<Vec<_>, _>>());
    rows.unwrap().map(|r| r.unwrap().join("|")).collect()
}

#[test]
fn a_v4_database_migrates_and_its_mentions_and_appears_in_read_as_before() {
    let dir = tempfile::tempdir().unwrap();
    let (v5, v4) = (dir.path().join("v5.db"), dir.path().join("v4.db"));
    let mut fresh = Store::open(&v5).unwrap();
    fresh.write_batch(&sample(), &AliasTable::default(), false).unwrap();
    v4_copy(&v5, &v4);
    // What v4 stored, read with its own tables.
    let old = Connection::open(&v4).unwrap();
    let mentions = "SELECT document_id, entity_id, start, end, kind, text FROM mention ORDER BY document_id, start, end, kind";
    let appears = "SELECT entity_id, document_id, mentions FROM appears_in ORDER BY entity_id, document_id";
    let (old_mentions, old_appears) = (dump(&old, mentions), dump(&old, appears));
    drop(old);
    assert!(old_mentions.len() > 10 && old_mentions.iter().any(|m| m.contains("pronoun")), "{old_mentions:?}");

    let migrated = Store::open(&v4).unwrap();
    assert_eq!(migrated.user_version().unwrap(), SCHEMA_VERSION);
    let c = migrated.connection();
    assert_eq!(dump(c, mentions), old_mentions, "the view reads what the v4 table held, text included");
    assert_eq!(dump(c, mentions), dump(fresh.connection(), mentions), "the migration writes what ingest writes");
    assert_eq!(dump(c, appears), old_appears);
    // Within a document, the array keeps the v4 row (id) order.
    let in_order = "SELECT document_id, seq, start, end FROM mention ORDER BY document_id, seq";
    assert_eq!(dump(c, in_order), dump(fresh.connection(), in_order));
    assert_eq!(
        dump(c, "SELECT document_id, count, spans FROM document_mentions ORDER BY document_id"),
        dump(fresh.connection(), "SELECT document_id, count, spans FROM document_mentions ORDER BY document_id")
    );
    // Every reader of mentions and APPEARS_IN.
    assert_eq!(migrated.stats().unwrap(), fresh.stats().unwrap());
    assert_eq!(migrated.graph_data().unwrap().appears_in, fresh.graph_data().unwrap().appears_in);
    assert!(!fresh.graph_data().unwrap().appears_in.is_empty());
    for id in dump(c, "SELECT DISTINCT entity_id FROM appears_in ORDER BY 1") {
        let p = [("id", Value::Integer(id.trim_start_matches("Integer(").trim_end_matches(')').parse().unwrap()))];
        assert_eq!(migrated.rows("entity_documents", &p).unwrap(), fresh.rows("entity_documents", &p).unwrap());
    }
    assert_eq!(dump(c, "SELECT * FROM edge ORDER BY 1, 3, 5"), dump(fresh.connection(), "SELECT * FROM edge ORDER BY 1, 3, 5"));
    let ok: String = c.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(ok, "ok");
    let fk: i64 = c.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0)).unwrap();
    assert_eq!(fk, 0);
}

#[test]
fn a_deleted_document_takes_its_mentions_and_appears_in_rows() {
    let mut s = Store::open_in_memory().unwrap();
    let docs = sample();
    s.write_batch(&docs, &AliasTable::default(), false).unwrap();
    let mut changed = docs[..1].to_vec();
    changed[0].hash = "changed".into();
    changed[0].extraction.mentions.truncate(1);
    s.write_batch(&changed, &AliasTable::default(), false).unwrap();
    let c = s.connection();
    let id = &docs[0].doc.id;
    let n: i64 = c.query_row("SELECT count(*) FROM mention WHERE document_id = ?1", [id], |r| r.get(0)).unwrap();
    assert_eq!(n, 1);
    let stored: i64 = c.query_row("SELECT count FROM document_mentions WHERE document_id = ?1", [id], |r| r.get(0)).unwrap();
    assert_eq!(stored, 1);
}
