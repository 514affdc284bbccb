//! Store behaviour on hand-built extractions.

use rusqlite::types::Value;

use super::fixture::{sample, Builder};
use super::*;
use crate::model::{EntityType, MentionKind, QuoteKind};

fn store() -> Store {
    let mut s = Store::open_in_memory().unwrap();
    let r = s.write_batch(&sample(), &AliasTable::default(), false).unwrap();
    assert!(r.iter().all(|r| matches!(r, Ok(IngestStatus::Added))));
    s
}

fn text(v: &str) -> Value {
    Value::Text(v.into())
}

fn col(rows: &[Row], k: &str) -> Vec<String> {
    rows.iter().map(|r| r[k].as_str().unwrap_or("").to_string()).collect()
}

fn count(s: &Store, what: &str) -> i64 {
    s.stats().unwrap().into_iter().find(|(g, k, _)| g == "total" && k == what).unwrap().2
}

#[test]
fn a_surname_finds_the_speaker_case_insensitively() {
    let s = store();
    for name in ["Naim", "naim", "BASEM NAIM", " Basem  Naim "] {
        let rows = s.rows("quotes_by_speaker", &[("name", text(name))]).unwrap();
        assert_eq!(col(&rows, "speaker"), vec!["Basem Naim", "Basem Naim"], "{name}");
    }
    let rows = s.rows("quotes_by_speaker", &[("name", text("Hewitt"))]).unwrap();
    assert_eq!(col(&rows, "quote"), vec!["Hamas continues to hold hostages"]);
}

#[test]
fn multi_token_names_merge_across_documents_and_lone_surnames_do_not() {
    let mut s = store();
    let mut c = Builder::new("other", "Smith said it rained. Anna Lee agreed.");
    let smith = c.entity("Smith", EntityType::Person);
    let lee = c.entity("Anna Lee", EntityType::Person);
    c.mention("Smith", 0, Some(smith), MentionKind::Name);
    c.mention("Anna Lee", 0, Some(lee), MentionKind::Name);
    c.quote(QuoteKind::Indirect, "it rained", Some(("Smith", smith)), Some("said"));
    s.write_batch(&[c.build()], &AliasTable::default(), false).unwrap();
    let ents = s.rows("entities", super::NO_PARAMS).unwrap();
    let names = col(&ents, "name");
    assert_eq!(names.iter().filter(|n| *n == "Smith").count(), 2, "{names:?}");
    assert_eq!(names.iter().filter(|n| *n == "Anna Lee").count(), 1, "{names:?}");
    assert_eq!(names.iter().filter(|n| *n == "Donald Trump").count(), 1, "{names:?}");
}

#[test]
fn a_lone_surname_joins_the_full_name_of_the_same_document() {
    let mut s = Store::open_in_memory().unwrap();
    let mut b = Builder::new("d", "Basem Naim spoke. \u{201c}Yes,\u{201d} Naim said.");
    let full = b.entity("Basem Naim", EntityType::Person);
    let lone = b.entity("Naim", EntityType::Person);
    b.mention("Basem Naim", 0, Some(full), MentionKind::Name);
    b.mention("Naim", 1, Some(lone), MentionKind::Name);
    b.quote(QuoteKind::Direct, "Yes", Some(("Naim", lone)), Some("said"));
    s.write_batch(&[b.build()], &AliasTable::default(), false).unwrap();
    assert_eq!(col(&s.rows("entities", super::NO_PARAMS).unwrap(), "name"), vec!["Basem Naim"]);
}

#[test]
fn same_content_is_skipped_and_new_content_replaces() {
    let mut s = store();
    let before = s.stats().unwrap();
    let again = s.write_batch(&sample(), &AliasTable::default(), false).unwrap();
    assert!(again.iter().all(|r| matches!(r, Ok(IngestStatus::Unchanged))));
    assert_eq!(s.stats().unwrap(), before);

    let mut b = Builder::new("tour", "Smith said nothing.");
    let smith = b.entity("Smith", EntityType::Person);
    b.mention("Smith", 0, Some(smith), MentionKind::Name);
    b.quote(QuoteKind::Indirect, "nothing", Some(("Smith", smith)), Some("said"));
    let r = s.write_batch(&[b.build()], &AliasTable::default(), false).unwrap();
    assert!(matches!(r[0], Ok(IngestStatus::Replaced)));
    assert_eq!(count(&s, "documents"), 2);
    assert_eq!(count(&s, "quotes"), 4);
    // Anna Lee and Saudi Arabia no longer appear anywhere.
    let names = col(&s.rows("entities", super::NO_PARAMS).unwrap(), "name");
    assert!(!names.contains(&"Anna Lee".to_string()), "{names:?}");
    assert_eq!(s.rows("search", &[("query", text("welcome"))]).unwrap().len(), 0);
}

#[test]
fn an_alias_file_merges_renames_and_attaches_external_ids() {
    let mut s = Store::open_in_memory().unwrap();
    let table = AliasTable::parse("Trump,Donald Trump,person,Q22686\nSmith,Anna Smith,person\n", "a.csv").unwrap();
    s.write_batch(&sample(), &table, false).unwrap();
    let ents = s.rows("entities", &[("type", text("person"))]).unwrap();
    let names = col(&ents, "name");
    assert!(names.contains(&"Anna Smith".to_string()), "{names:?}");
    assert!(!names.contains(&"Smith".to_string()), "{names:?}");
    let trump = ents.iter().find(|r| r["name"] == "Donald Trump").unwrap();
    assert_eq!(trump["external_id"], "Q22686");
}

#[test]
fn who_about_ranks_speakers_and_search_highlights() {
    let s = store();
    let who = s.rows("who_about", &[("name", text("trump"))]).unwrap();
    assert_eq!(col(&who, "speaker"), vec!["Anna Lee", "Basem Naim", "Smith"]);
    let hits = s.rows("search", &[("query", text("hostages"))]).unwrap();
    assert_eq!(col(&hits, "quote"), vec!["Hamas continues to hold hostages"]);
    assert_eq!(hits[0]["hits"], serde_json::json!([[24, 32]]), "byte offsets of the match in `quote`");
    assert_eq!(col(&hits, "speaker"), vec!["James Hewitt"]);
    assert!(matches!(s.rows("search", &[("query", text("\"unclosed"))]), Err(StoreError::FtsSyntax { .. })));
}

#[test]
fn query_paths_use_indexes() {
    let s = store();
    for (name, index) in [
        ("quotes_by_speaker", "quote_speaker_date"),
        ("quotes_by_speaker_count", "COVERING INDEX quote_speaker_date"),
        ("who_about", "COVERING INDEX quote_about_speaker"),
        ("quotes_about", "quote_about_date"),
        ("quotes", "quote_date"),
        ("around_said_naming_newest", "COVERING INDEX quote_about_speaker"),
        ("around_affiliations_among", "COVERING INDEX affiliation_entity"),
        // Linking copies at write time: one key range, the document's quotes, the statement's copies.
        ("statement_key_lookup", "PRIMARY KEY (key=?)"),
        ("spread_document_quotes", "quote_document"),
        ("statement_in_document", "quote_document"),
        ("spread", "quote_statement_statement"),
        ("timeline_dates", "quote_speaker_date"),
        // The outlet filter (schema v4): one index range on the copied outlet, never the document table.
        ("quotes", "COVERING INDEX quote_outlet_date (outlet=?)"),
        ("quotes_count", "COVERING INDEX quote_outlet_date (outlet=?)"),
        ("quotes_by_speaker", "COVERING INDEX quote_speaker_outlet_date (speaker_id=? AND outlet=?)"),
        ("quotes_by_speaker_count", "COVERING INDEX quote_speaker_outlet_date (speaker_id=? AND outlet=?)"),
        ("quotes_about", "COVERING INDEX quote_about_outlet_date (entity_id=? AND outlet=?)"),
        ("quotes_about_count", "COVERING INDEX quote_about_outlet_date (entity_id=? AND outlet=?)"),
        ("search_filtered", "quote_fts"),
        ("search_filtered_count", "quote_fts"),
    ] {
        let sql = format!("EXPLAIN QUERY PLAN {}", registry::sql(name));
        let mut st = s.connection().prepare(&sql).unwrap();
        for i in 1..=st.parameter_count() {
            st.raw_bind_parameter(i, "x").unwrap();
        }
        let mut rows = st.raw_query();
        let mut plan = Vec::new();
        while let Some(r) = rows.next().unwrap() {
            plan.push(r.get::<_, String>(3).unwrap());
        }
        assert!(plan.iter().any(|p| p.contains(index)), "{name}: {plan:?}");
        // An index walked in order (`quotes`: newest first, stopped at the limit) is fine; a table scan is not.
        assert!(!plan.iter().any(|p| (p.starts_with("SCAN q") && !p.contains("INDEX")) || p == "SCAN quote"), "{name}: {plan:?}");
        assert!(!plan.iter().any(|p| p.starts_with("SCAN d")), "{name}: {plan:?}");
    }
}

#[test]
fn the_views_answer_the_main_questions() {
    let s = store();
    let n: i64 = s.connection().query_row("SELECT count(*) FROM who_said_what", [], |r| r.get(0)).unwrap();
    assert_eq!(n, 5);
    let n: i64 = s.connection().query_row("SELECT count(*) FROM who_talks_about_whom", [], |r| r.get(0)).unwrap();
    assert_eq!(n, 5);
}

/// Every row of the tables a write touches, ids included, in id order.
fn table_dump(s: &Store) -> Vec<String> {
    let mut out = Vec::new();
    for sql in [
        "SELECT id, name, type, scope FROM entity ORDER BY id",
        "SELECT entity_id, norm, alias, source FROM alias ORDER BY norm, entity_id",
        "SELECT document_id, seq, entity_id, start, end, kind, text FROM mention ORDER BY document_id, seq",
        "SELECT id, document_id, text, speaker_id, confidence FROM quote ORDER BY id",
        "SELECT quote_id, entity_id FROM quote_about ORDER BY quote_id, entity_id",
        "SELECT entity_id, document_id, mentions FROM appears_in ORDER BY entity_id, document_id",
        "SELECT rowid, text FROM quote_fts WHERE quote_fts MATCH 'the OR hostages OR rained OR zero' ORDER BY rowid",
    ] {
        let mut st = s.connection().prepare(sql).unwrap();
        let n = st.column_count();
        let rows =
            st.query_map([], |r| (0..n).map(|i| r.get::<_, Value>(i).map(|v| format!("{v:?}"))).collect::<Result<Vec<_>, _>>());
        out.extend(rows.unwrap().map(|r| r.unwrap().join("|")));
    }
    out
}

fn a_quote_by(id: &str, text: &str, speaker: &str, content: &str) -> Prepared {
    let mut b = Builder::new(id, text);
    let e = b.entity(speaker, EntityType::Person);
    b.mention(speaker, 0, Some(e), MentionKind::Name);
    b.quote(QuoteKind::Indirect, content, Some((speaker, e)), Some("said"));
    b.build()
}

#[test]
fn a_failing_document_is_rolled_back_alone_and_the_others_get_the_ids_of_a_clean_write() {
    let good = sample();
    let mut clean = Store::open_in_memory().unwrap();
    clean.write_batch(&good, &AliasTable::default(), false).unwrap();

    let mut bad = a_quote_by("bad", "Anna Lee said it rained.", "Anna Lee", "it rained");
    bad.extraction.quotes[0].content = crate::model::Span::new(0, 10_000);
    let batch = vec![good[0].clone(), bad, good[1].clone()];
    let mut s = Store::open_in_memory().unwrap();
    let r = s.write_batch(&batch, &AliasTable::default(), false).unwrap();
    assert!(matches!(r[0], Ok(IngestStatus::Added)) && matches!(r[2], Ok(IngestStatus::Added)), "{r:?}");
    assert!(matches!(r[1], Err(StoreError::BadSpan { .. })), "{r:?}");
    assert_eq!(table_dump(&s), table_dump(&clean));
    assert_eq!(count(&s, "documents"), 2);
}

#[test]
fn a_document_with_nul_characters_is_written_in_order_with_the_others() {
    let docs = vec![
        a_quote_by("a", "Anna Lee said the plan failed.", "Anna Lee", "the plan failed"),
        a_quote_by("b", "Bob Ray said the \0 zero plan won.", "Bob Ray", "the \0 zero plan won"),
        a_quote_by("c", "Anna Lee said the hostages left.", "Anna Lee", "the hostages left"),
    ];
    let mut s = Store::open_in_memory().unwrap();
    s.write_batch(&docs, &AliasTable::default(), false).unwrap();
    let dump = table_dump(&s);
    let quotes: Vec<&String> =
        dump.iter().filter(|l| l.contains("|Text(\"a\")|") || l.contains("Text(\"b\")") || l.contains("Text(\"c\")")).collect();
    assert!(quotes.iter().any(|l| l.starts_with("Integer(2)|Text(\"b\")|Text(\"the \\0 zero plan won\")")), "{dump:#?}");
    assert!(quotes.iter().any(|l| l.starts_with("Integer(3)|Text(\"c\")")), "{dump:#?}");
    for word in ["failed", "zero", "hostages"] {
        assert_eq!(s.rows("search", &[("query", text(word))]).unwrap().len(), 1, "{word}");
    }
}

#[test]
fn entity_ids_cached_by_one_connection_are_dropped_when_another_one_writes() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("q.db");
    let mut first = Store::open(&db).unwrap();
    first
        .write_batch(&[a_quote_by("a", "Anna Lee said it rained.", "Anna Lee", "it rained")], &AliasTable::default(), false)
        .unwrap();
    // Another process replaces the only document naming Anna Lee (her entity is
    // collected) and then creates a new entity, which takes her freed id.
    let mut other = Store::open(&db).unwrap();
    other.write_batch(&[Builder::new("a", "Nothing said.").build()], &AliasTable::default(), false).unwrap();
    other
        .write_batch(&[a_quote_by("z", "Zoe Kim said it hailed.", "Zoe Kim", "it hailed")], &AliasTable::default(), false)
        .unwrap();
    let zoe: i64 = other.connection().query_row("SELECT id FROM entity WHERE name = 'Zoe Kim'", [], |r| r.get(0)).unwrap();
    assert_eq!(zoe, 1, "the test needs the freed id to be reused");
    drop(other);
    first
        .write_batch(&[a_quote_by("c", "Anna Lee said it cleared.", "Anna Lee", "it cleared")], &AliasTable::default(), false)
        .unwrap();
    let rows = first.rows("quotes_by_speaker", &[("name", text("Anna Lee"))]).unwrap();
    assert_eq!(col(&rows, "quote"), vec!["it cleared"]);
    let rows = first.rows("quotes_by_speaker", &[("name", text("Zoe Kim"))]).unwrap();
    assert_eq!(col(&rows, "quote"), vec!["it hailed"]);
}

#[test]
fn a_version_1_database_migrates_and_its_copies_follow_the_originals() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("v1.db");
    {
        let c = rusqlite::Connection::open(&p).unwrap();
        c.execute_batch(registry::sql("schema_v1")).unwrap();
        c.execute_batch(
            "INSERT INTO document (id, date, content_hash, text) VALUES ('a', '2024-01-02', 'h', 'x'), ('b', NULL, 'h', 'y');
             INSERT INTO entity (id, name, type, name_key) VALUES (1, 'Ann', 'person', 'ann'), (2, 'Bo', 'person', 'bo');
             INSERT INTO quote (id, document_id, kind, start, end, text, speaker_id, confidence, rule)
                  VALUES (10, 'a', 'direct', 0, 1, 'x', 1, 1, 'r'), (11, 'b', 'direct', 0, 1, 'y', 2, 1, 'r');
             INSERT INTO quote_about (quote_id, entity_id) VALUES (10, 2), (11, 1);",
        )
        .unwrap();
    }
    let s = Store::open(&p).unwrap();
    assert_eq!(s.user_version().unwrap(), SCHEMA_VERSION);
    let rows = |sql: &str| -> Vec<String> {
        let mut st = s.connection().prepare(sql).unwrap();
        let r = st.query_map([], |r| r.get::<_, Option<String>>(0)).unwrap();
        r.map(|x| x.unwrap().unwrap_or_else(|| "NULL".into())).collect()
    };
    let q = "SELECT id || ' ' || coalesce(date, 'NULL') FROM quote ORDER BY id";
    let qa = "SELECT quote_id || ' ' || speaker_id || ' ' || document_id || ' ' || coalesce(date, 'NULL') FROM quote_about ORDER BY quote_id";
    assert_eq!(rows(q), ["10 2024-01-02", "11 NULL"]);
    assert_eq!(rows(qa), ["10 1 a 2024-01-02", "11 2 b NULL"]);
    // Rows written without the copies (another program) get them from the triggers,
    // and a document's new date reaches its quotes and their ABOUT edges.
    s.connection()
        .execute_batch(
            "INSERT INTO quote (id, document_id, kind, start, end, text, speaker_id, confidence, rule)
                  VALUES (12, 'a', 'mixed', 2, 3, 'z', 2, 1, 'r');
             INSERT INTO quote_about (quote_id, entity_id) VALUES (12, 1);
             UPDATE document SET date = '2020-05-05' WHERE id = 'b';",
        )
        .unwrap();
    assert_eq!(rows(q), ["10 2024-01-02", "11 2020-05-05", "12 2024-01-02"]);
    assert_eq!(rows(qa), ["10 1 a 2024-01-02", "11 2 b 2020-05-05", "12 2 a 2024-01-02"]);
    drop(s);
    assert_eq!(Store::open(&p).unwrap().user_version().unwrap(), SCHEMA_VERSION);
}

#[test]
fn paged_queries_page_and_count() {
    let s = store();
    let all = s.rows("quotes", super::NO_PARAMS).unwrap();
    let page = s.rows("quotes", &[("limit", Value::Integer(2)), ("offset", Value::Integer(1))]).unwrap();
    assert_eq!(page, all[1..3].to_vec());
    let total = s.rows("quotes_count", super::NO_PARAMS).unwrap();
    assert_eq!(total[0]["total"], all.len());
    let dates: Vec<_> = all.iter().map(|r| r["date"].as_str().unwrap_or("").to_string()).collect();
    let mut newest_first = dates.clone();
    newest_first.sort_by(|a, b| b.cmp(a));
    assert_eq!(dates, newest_first);
}

/// Every built-in statement's `-- params:` header names exactly the
/// parameters its SQL binds: `query --list` shows the header, so a filter
/// added to the SQL alone (or left in the header after it went) would be
/// invisible or misleading there.
#[test]
fn every_query_header_lists_the_parameters_its_sql_binds() {
    let s = store();
    let mut checked = 0;
    for q in registry::builtin().values() {
        // Migrations (and the build after a bulk load) create what the store already has; they bind nothing.
        if q.name.starts_with("schema_v") || q.name == "bulk_restore" {
            assert!(q.params.is_empty(), "{}: a migration with parameters {}", q.origin, q.params);
            continue;
        }
        let st = match s.connection().prepare(&q.sql) {
            Ok(st) => st,
            // Batches (schema, migrations, settings) run whole and bind nothing.
            Err(rusqlite::Error::MultipleStatement) => {
                assert!(q.params.is_empty(), "{}: a batch with parameters {}", q.origin, q.params);
                continue;
            }
            Err(e) => panic!("{}: {e}", q.origin),
        };
        let mut bound: Vec<String> = (1..=st.parameter_count())
            .map(|i| st.parameter_name(i).unwrap_or_default().trim_start_matches(':').to_string())
            .collect();
        let mut listed: Vec<String> = q
            .params
            .split(',')
            .map(|p| p.trim().trim_start_matches(':').trim_end_matches('?').to_string())
            .filter(|p| !p.is_empty())
            .collect();
        bound.sort();
        listed.sort();
        assert_eq!(listed, bound, "{}: the `-- params:` header and the SQL differ", q.origin);
        checked += 1;
    }
    assert!(checked > 50, "only {checked} statements checked");
}
