//! Property tests: arbitrary quote text survives DOT, GraphML and JSON exports.

use proptest::prelude::*;
use quotegraph::export::{self, dot, graphml, json};
use quotegraph::graph::QuoteGraph;
use quotegraph::store::read::{DocumentRecord, EntityRecord, QuoteRecord};
use quotegraph::store::GraphData;

fn graph(text: &str) -> QuoteGraph {
    QuoteGraph::from_data(GraphData {
        entities: vec![EntityRecord {
            id: quotegraph::model::EntityId(1),
            name: text.to_string(),
            entity_type: quotegraph::model::EntityType::Person,
            external_id: None,
            said: 1,
            about: 0,
        }],
        documents: vec![DocumentRecord { id: "d\"1\\".into(), title: Some(text.to_string()), date: None, url: None }],
        quotes: vec![QuoteRecord {
            id: quotegraph::model::QuoteId(1),
            document_id: "d\"1\\".into(),
            kind: quotegraph::model::QuoteKind::Direct,
            text: text.to_string(),
            speaker_id: Some(quotegraph::model::EntityId(1)),
            cue: None,
            confidence: 0.5,
            start: 0,
            end: 1,
        }],
        ..Default::default()
    })
}

/// Reads back a DOT double-quoted string body as Graphviz does for these escapes.
fn dot_unescape(s: &str) -> String {
    let s = s.replace("&amp;", "\u{0}AMP");
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') => out.push('\n'),
                Some(o) => out.push(o),
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out.replace("\u{0}AMP", "&")
}

/// What DOT can carry: line ends become `\n`, other controls spaces.
fn dot_expected(s: &str) -> String {
    export::sanitize(&s.replace("\r\n", "\n").replace('\r', "\n"))
}

fn xml_expected(s: &str) -> String {
    s.chars()
        .map(|c| if (c.is_control() && !matches!(c, '\t' | '\n' | '\r')) || c == '\u{FFFE}' || c == '\u{FFFF}' { ' ' } else { c })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn dot_strings_round_trip(text in any::<String>()) {
        let escaped = dot::escape(&text);
        // No unescaped quote can end the string early, and no raw line end is left.
        let mut prev_backslashes = 0;
        for c in escaped.chars() {
            if c == '"' { prop_assert!(prev_backslashes % 2 == 1, "{escaped:?}"); }
            prop_assert!(c != '\n' && c != '\r');
            prev_backslashes = if c == '\\' { prev_backslashes + 1 } else { 0 };
        }
        prop_assert_eq!(dot_unescape(&escaped), dot_expected(&text));
    }

    #[test]
    fn graphml_text_round_trips_through_an_xml_parser(text in any::<String>()) {
        let mut buf = Vec::new();
        graphml::write(&graph(&text), &mut buf).unwrap();
        let xml = String::from_utf8(buf).unwrap();
        let doc = roxmltree::Document::parse(&xml).map_err(|e| TestCaseError::fail(format!("{e}: {xml}")))?;
        let quote = doc.descendants().find(|n| n.has_tag_name("node") && n.attribute("id") == Some("quote:1")).unwrap();
        let name = quote.children().find(|n| n.attribute("key") == Some("name")).unwrap();
        prop_assert_eq!(name.text().unwrap_or(""), xml_expected(&text));
        let doc_node = doc.descendants().find(|n| n.has_tag_name("node") && n.attribute("id") == Some("document:d\"1\\"));
        prop_assert!(doc_node.is_some());
    }

    #[test]
    fn json_text_round_trips(text in any::<String>()) {
        let v = json::node_link(&graph(&text));
        let back: serde_json::Value = serde_json::from_str(&serde_json::to_string(&v).unwrap()).unwrap();
        let q = back["nodes"].as_array().unwrap().iter().find(|n| n["id"] == "quote:1").unwrap();
        prop_assert_eq!(q["name"].as_str().unwrap(), text.as_str());
    }
}

#[test]
fn dot_with_hostile_text_renders() {
    if !super::have("dot", &["-V"], "DOT rendering of escaped labels") {
        return;
    }
    for text in ["", "plain", "a \"quoted\" \\ back\\slash\nnew\r\nline\u{7}bell & <tag> \\N \\G {x}", "\\", "\"", "trailing \\"]
    {
        let mut buf = Vec::new();
        dot::write(&graph(text), &mut buf).unwrap();
        let svg = export::svg(&String::from_utf8(buf).unwrap()).unwrap();
        assert!(String::from_utf8_lossy(&svg).contains("<svg"), "{text:?}");
    }
}

/// Renders DOT with `dot -Tjson0` and returns the quote node's tooltip as Graphviz parsed it.
fn graphviz_tooltip(dot_text: &str) -> String {
    use std::io::Write;
    let mut child = std::process::Command::new("dot")
        .arg("-Tjson0")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(dot_text.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "dot failed on {dot_text}: {}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let node = v["objects"].as_array().unwrap().iter().find(|o| o["name"] == "quote:1").unwrap();
    node["tooltip"].as_str().unwrap_or_default().to_string()
}

#[test]
fn dot_strings_round_trip_through_graphviz() {
    if !super::have("dot", &["-V"], "DOT round trip through Graphviz") {
        return;
    }
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig::with_cases(24));
    runner
        .run(&any::<String>(), |text| {
            let mut buf = Vec::new();
            dot::write(&graph(&text), &mut buf).unwrap();
            let parsed = graphviz_tooltip(&String::from_utf8(buf).unwrap());
            prop_assert_eq!(dot_unescape(&parsed), dot_expected(&text));
            Ok(())
        })
        .unwrap();
}
