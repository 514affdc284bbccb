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
    let ents = s.rows("entities", &[]).unwrap();
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
    assert_eq!(col(&s.rows("entities", &[]).unwrap(), "name"), vec!["Basem Naim"]);
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
    let names = col(&s.rows("entities", &[]).unwrap(), "name");
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
    assert_eq!(col(&hits, "match"), vec!["Hamas continues to hold [hostages]"]);
    assert_eq!(col(&hits, "speaker"), vec!["James Hewitt"]);
    assert!(matches!(s.rows("search", &[("query", text("\"unclosed"))]), Err(StoreError::FtsSyntax { .. })));
}

#[test]
fn query_paths_use_indexes() {
    let s = store();
    for (name, index) in
        [("quotes_by_speaker", "quote_speaker"), ("who_about", "quote_about_entity"), ("quotes_about", "quote_about_entity")]
    {
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
        assert!(!plan.iter().any(|p| p.starts_with("SCAN q") || p == "SCAN quote"), "{name}: {plan:?}");
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
