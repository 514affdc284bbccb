//! Golden files for every query and export on the fixed sample database
//! (re-bless with INSTA_UPDATE=always after a deliberate change).

use super::Fixture;

macro_rules! golden {
    ($name:ident, $($arg:expr),+) => {
        #[test]
        fn $name() {
            let f = Fixture::new();
            insta::assert_snapshot!(stringify!($name), f.ok(&[$($arg),+]));
        }
    };
}

golden!(quotes_by_naim_json, "quotes", "--by", "Naim", "--format", "json");
golden!(quotes_by_hewitt_csv, "quotes", "--by", "hewitt", "--format", "csv");
golden!(quotes_about_trump_table, "quotes", "--about", "Trump", "--format", "table");
golden!(quotes_indirect_jsonl, "quotes", "--kind", "indirect", "--format", "jsonl");
golden!(quotes_since_jsonl, "quotes", "--since", "2025-05-21", "--format", "jsonl");
golden!(quotes_of_doc_jsonl, "quotes", "--doc", "talks", "--until", "2025-05-20", "--format", "jsonl");
golden!(quotes_by_about_jsonl, "quotes", "--by", "Naim", "--about", "Israelis", "--format", "jsonl");
golden!(who_about_trump_json, "who", "--about", "Trump", "--format", "json");
golden!(path_naim_hewitt, "path", "Basem Naim", "James Hewitt");
golden!(path_naim_lee_csv, "path", "Naim", "Anna Lee", "--format", "csv");
golden!(neighbors_hewitt_depth_2, "neighbors", "Hewitt", "--depth", "2", "--format", "table");
golden!(top_speakers, "top", "speakers", "--format", "csv");
golden!(top_entities_pagerank, "top", "entities", "--by", "pagerank", "--limit", "5", "--format", "csv");
golden!(stats_table, "stats");
golden!(search_hostages, "search", "hostages", "--format", "json");
golden!(query_list, "query", "--list", "--format", "csv");
golden!(query_who_talks_about_whom, "query", "who_talks_about_whom", "--format", "csv");
golden!(query_who_about_param, "query", "who_about", "--param", "name=trump", "--format", "jsonl");
golden!(entities_org, "entities", "--type", "org", "--format", "csv");
golden!(entities_all, "entities", "--format", "table");
golden!(entity_naim_table, "entity", "Naim");
golden!(entity_trump_json, "entity", "Donald Trump", "--format", "json");
golden!(export_dot, "export", "--format", "dot");
golden!(export_dot_ego, "export", "--format", "dot", "--entity", "Hewitt", "--depth", "1");
golden!(export_graphml, "export", "--format", "graphml");
golden!(export_json, "export", "--format", "json");
golden!(export_json_min_quotes, "export", "--format", "json", "--min-quotes", "2");

#[test]
fn export_csv_writes_neo4j_files() {
    let f = Fixture::new();
    let dir = f.dir.path().join("neo4j");
    f.ok(&["export", "--format", "csv", "-o", dir.to_str().unwrap()]);
    let mut all = String::new();
    for name in quotegraph::export::csv::FILES {
        all.push_str(&format!("== {name}\n{}", std::fs::read_to_string(dir.join(name)).unwrap()));
    }
    insta::assert_snapshot!("export_csv", all);
}

#[test]
fn unknown_names_and_bad_searches_say_what_to_do() {
    let f = Fixture::new();
    let (code, _, err) = f.run(&["who", "--about", "Nobody"]);
    assert_eq!(code, 1);
    assert!(err.contains("quotegraph entities"), "{err}");
    let (code, _, err) = f.run(&["search", "hostages AND ("]);
    assert_eq!(code, 1);
    assert!(err.contains("not valid full-text syntax"), "{err}");
    let (code, _, err) = f.run(&["query", "who_about", "--param", "nme=x"]);
    assert_eq!(code, 1);
    assert!(err.contains("no parameter :nme"), "{err}");
    let (code, _, err) = f.run(&["query", "document_insert"]);
    assert_eq!(code, 1);
    assert!(err.contains("query --list"), "{err}");
    let (code, _, err) = super::run_db(&f.dir.path().join("missing.db"), &["stats"]);
    assert_eq!(code, 1);
    assert!(err.contains("quotegraph ingest"), "{err}");
    let (code, _, _) = f.run(&["quotes", "--kind", "sarcastic"]);
    assert_eq!(code, 2);
}

#[test]
fn user_queries_come_from_a_directory() {
    let f = Fixture::new();
    let dir = f.dir.path().join("q");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(
        dir.join("long_quotes.sql"),
        "-- name: long_quotes\n-- description: Quotes longer than :min characters.\n-- params: :min\nSELECT text FROM quote WHERE length(text) > :min ORDER BY id;\n",
    )
    .unwrap();
    let list = f.ok(&["query", "--list", "--queries", dir.to_str().unwrap(), "--format", "jsonl"]);
    assert!(list.contains("\"name\":\"long_quotes\""), "{list}");
    let out = f.ok(&["query", "long_quotes", "--queries", dir.to_str().unwrap(), "--param", "min=35", "--format", "jsonl"]);
    assert_eq!(out.lines().count(), 3, "{out}");
}

#[test]
fn completions_and_man_page() {
    let f = Fixture::new();
    assert!(f.ok(&["completions", "bash"]).contains("quotegraph"));
    assert!(f.ok(&["man"]).contains(".TH"));
}
