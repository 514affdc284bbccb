//! Issue 15: property tests whose pieces include every Unicode class the
//! extractor treats specially (the issue-8 properties used ASCII spaces
//! only and missed a no-break space after a closing mark). The same soup
//! goes through `extract`, the lossy decoder, `--html`, the store (`ingest`)
//! and every export format.

use proptest::prelude::*;
use quotegraph::extract::extract;
use quotegraph::graph::QuoteGraph;
use quotegraph::model::Document;
use quotegraph::store::write::content_hash;
use quotegraph::store::{AliasTable, IngestStatus, Prepared, Store};

use crate::properties::check_extraction;

/// Ordinary pieces: marks and look-alikes, spaces, joiners, combining
/// marks, right-to-left text, emoji, line ends, U+0000, U+FFFD, cues and names.
const PIECES: &[&str] = &[
    // Quotation marks and their look-alikes.
    "\"",
    "'",
    "`",
    "``",
    "''",
    "“",
    "”",
    "‘",
    "’",
    "„",
    "‟",
    "‚",
    "‛",
    "«",
    "»",
    "‹",
    "›",
    "＂",
    "″",
    "′",
    "「",
    "」",
    "『",
    "』",
    "❝",
    "❞",
    "〝",
    "〞",
    "’’",
    "‘‘",
    // Spaces: no-break, thin, em, narrow no-break, ideographic, zero-width; joiners and the BOM.
    " ",
    "\u{a0}",
    "\u{2009}",
    "\u{2003}",
    "\u{202f}",
    "\u{3000}",
    "\u{200b}",
    "\u{200c}",
    "\u{200d}",
    "\u{2060}",
    "\u{feff}",
    "\t",
    // Combining marks, right-to-left text and direction controls.
    "e\u{301}",
    "\u{301}",
    "\u{20dd}",
    "שלום",
    "سلام",
    "\u{200f}",
    "\u{202e}",
    "\u{2066}",
    // Emoji, a ZWJ sequence, a flag, a non-BMP letter.
    "😀",
    "👩\u{200d}💻",
    "🇫🇷",
    "𝔄",
    // Line ends: LF, CRLF, lone CR, blank line, line and paragraph separators.
    "\n",
    "\r\n",
    "\r",
    "\n\n",
    "\u{2028}",
    "\u{2029}",
    "\u{85}",
    // NUL, the replacement character, other controls.
    "\u{0}",
    "\u{fffd}",
    "\u{7}",
    "\u{1b}",
    // Punctuation the splitter and tokenizer look at.
    ",",
    ".",
    ":",
    ";",
    "—",
    "–",
    "-",
    "(",
    ")",
    "…",
    "?",
    "!",
    // Cues, names, titles, roles, demonyms.
    "said",
    "says",
    "told",
    "added",
    "according to",
    "that",
    "Maria Lopez",
    "Dr.",
    "Mr.",
    "he",
    "she",
    "they",
    "the spokesperson",
    "We will rebuild",
    "U.S.",
    "Hamas",
    "official",
    "Egyptian",
    "envoy",
    "John Smith",
    "Israeli",
    "42",
    "1,000",
];

/// Pieces too big to draw often: a very long word, 10,000 repeated marks.
fn big_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("x".repeat(20_000)),
        Just("Ω".repeat(5_000)),
        Just("“".repeat(10_000)),
        Just("”\u{a0}".repeat(10_000)),
        Just("'".repeat(10_000)),
        Just("«\u{202f}".repeat(10_000)),
    ]
}

fn unicode_soup() -> impl Strategy<Value = String> {
    let piece = prop_oneof![200 => prop::sample::select(PIECES).prop_map(str::to_string), 1 => big_piece()];
    prop::collection::vec(piece, 0..120).prop_map(|v| v.concat())
}

/// The soup wrapped in paragraphs, a script, a comment and entities, as `--html` reads it.
fn html_soup() -> impl Strategy<Value = (String, bool)> {
    let tag = prop::sample::select(
        &[
            "<p>",
            "</p>",
            "<br>",
            "<div>",
            "</div>",
            "<b>",
            "</b>",
            "<script>“x,” he said</script>",
            "<!-- “y” -->",
            "&nbsp;",
            "&#8220;",
            "&#x201D;",
            "&amp;",
            "&rsquo;",
            "&#0;",
            "&#xD800;",
            "&bogus;",
            "<",
            ">",
            "<pre>\n</pre>",
        ][..],
    );
    prop::collection::vec(prop_oneof![prop::sample::select(PIECES), tag], 0..120).prop_map(|v| {
        // A bare `<` can open a bogus comment (`<?`, `<!`) that the `>` of a
        // following `<script>` closes: then its body is text, as in a browser.
        let bare_lt = v.contains(&"<");
        (v.concat(), bare_lt)
    })
}

/// Every entity has a mention or something refers to it (issue 15's phantom `Egypt`).
fn check_no_phantom(text: &str) -> Result<(), TestCaseError> {
    let x = extract(text);
    for (i, e) in x.entities.iter().enumerate() {
        let referenced = x.quotes.iter().any(|q| q.speaker.and_then(|s| s.entity).is_some_and(|s| s.0 as usize == i))
            || x.entities.iter().flat_map(|o| &o.roles).any(|r| r.affiliation.is_some_and(|a| a.0 as usize == i));
        prop_assert!(!e.mentions.is_empty() || referenced, "phantom entity {:?} in {text:?}", e.name);
    }
    Ok(())
}

/// A DOT file whose quoted strings all close (an unescaped `"` or a stray
/// backslash in a label would leave one open).
fn dot_strings_close(dot: &str) -> bool {
    let (mut inside, mut escaped) = (false, false);
    for c in dot.chars() {
        match (inside, escaped, c) {
            (true, true, _) => escaped = false,
            (true, false, '\\') => escaped = true,
            (_, false, '"') => inside = !inside,
            _ => {}
        }
    }
    !inside
}

/// Ingests `texts` (as documents `d0`, `d1`, ...) into a fresh store, twice,
/// and runs every export on the result.
fn check_store_and_exports(texts: &[String]) -> Result<(), TestCaseError> {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("q.db");
    let docs: Vec<Prepared> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let doc = Document {
                id: format!("d{i}"),
                text: t.clone(),
                title: Some(t.chars().take(40).collect()),
                date: None,
                url: None,
                outlet: None,
            };
            Prepared { hash: content_hash(&doc), extraction: extract(&doc.text), doc }
        })
        .collect();
    let aliases = AliasTable::default();
    {
        let mut store = Store::open(&db).unwrap();
        for r in store.write_batch(&docs, &aliases, false).unwrap() {
            prop_assert_eq!(r.unwrap(), IngestStatus::Added);
        }
        // A second ingest of the same documents changes nothing.
        for r in store.write_batch(&docs, &aliases, false).unwrap() {
            prop_assert_eq!(r.unwrap(), IngestStatus::Unchanged);
        }
        let g = QuoteGraph::load(&store).unwrap();
        let mut out = Vec::new();
        quotegraph::export::json::write(&g, &mut out).unwrap();
        serde_json::from_slice::<serde_json::Value>(&out).expect("the JSON export parses");
        out.clear();
        quotegraph::export::graphml::write(&g, &mut out).unwrap();
        let xml = String::from_utf8(out.clone()).expect("GraphML is UTF-8");
        roxmltree::Document::parse(&xml).expect("the GraphML export parses");
        out.clear();
        quotegraph::export::dot::write(&g, &mut out).unwrap();
        let dot = String::from_utf8(out).expect("DOT is UTF-8");
        prop_assert!(dot_strings_close(&dot), "a DOT string stays open: {dot}");
        let csv_dir = dir.path().join("csv");
        for f in quotegraph::export::csv::write(&g, &csv_dir).unwrap() {
            let mut r = csv::Reader::from_path(&f).unwrap();
            let width = r.headers().unwrap().len();
            for rec in r.records() {
                prop_assert_eq!(rec.expect("the CSV export parses").len(), width, "{}", f.display());
            }
        }
    }
    // The database: intact, quote texts are slices of their documents, no phantom entity.
    let conn = rusqlite::Connection::open(&db).unwrap();
    let ok: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    prop_assert_eq!(ok, "ok");
    let mut st = conn
        .prepare("SELECT d.text, q.start, q.end, q.text, q.fragments FROM quote q JOIN document d ON d.id = q.document_id")
        .unwrap();
    let rows = st
        .query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, i64>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, Option<String>>(4)?,
            ))
        })
        .unwrap();
    for row in rows {
        let (doc, s, e, text, fragments) = row.unwrap();
        if fragments.is_none() {
            prop_assert_eq!(doc.get(s as usize..e as usize), Some(text.as_str()));
        }
    }
    let phantoms: i64 = conn
        .query_row(
            "SELECT count(*) FROM entity e WHERE NOT EXISTS (SELECT 1 FROM mention m WHERE m.entity_id = e.id)
               AND NOT EXISTS (SELECT 1 FROM quote q WHERE q.speaker_id = e.id)
               AND NOT EXISTS (SELECT 1 FROM affiliation a WHERE a.organization_id = e.id OR a.entity_id = e.id)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    prop_assert_eq!(phantoms, 0, "entities with no mention that nothing references");
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn extract_is_sound_on_every_unicode_class(text in unicode_soup()) {
        check_extraction(&text)?;
        check_no_phantom(&text)?;
    }

    #[test]
    fn extract_is_sound_on_lossily_decoded_soup_with_invalid_bytes(
        text in unicode_soup(),
        cut in prop::collection::vec((any::<prop::sample::Index>(), prop::sample::select(&[0x80u8, 0xc3, 0xe2, 0xff, 0xf0][..])), 0..6),
    ) {
        let mut bytes = text.into_bytes();
        for (at, b) in cut {
            if !bytes.is_empty() {
                let i = at.index(bytes.len());
                bytes.insert(i, b);
            }
        }
        let (decoded, _) = quotegraph::input::decode(bytes, "soup");
        check_extraction(&decoded)?;
    }

    #[test]
    fn html_input_never_panics_and_its_text_is_sound((html, bare_lt) in html_soup()) {
        let text = quotegraph::input::strip_html(&html);
        prop_assert!(bare_lt || !text.contains("\u{201c}x,\u{201d} he said"), "script text leaked: {text:?}");
        check_extraction(&text)?;
    }
}

proptest! {
    // Each case opens a database: fewer cases.
    #![proptest_config(ProptestConfig { cases: 24, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn ingest_and_every_export_are_sound_on_every_unicode_class(texts in prop::collection::vec(unicode_soup(), 1..4)) {
        check_store_and_exports(&texts)?;
    }
}
