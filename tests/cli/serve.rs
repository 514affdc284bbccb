//! `quotegraph serve` through the binary: the server runs on an ephemeral
//! port over the store tests' sample database (plus a document of hostile
//! text), and every page and API route is asked over a real socket.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};

use quotegraph::model::{EntityType, MentionKind, QuoteKind};
use quotegraph::store::fixture::{sample, Builder};
use quotegraph::store::{AliasTable, Store};
use serde_json::Value;

use crate::store_cli::run_db;

/// The hostile pieces every HTML page must show as text.
const SCRIPT: &str = "<script>alert(1)</script>";
const SPEAKER: &str = "Eve <b>Mallory</b>";
const TITLE: &str = "<img src=x onerror=alert(3)> & \"T\"";
const DOC: &str = "evil doc/1 <x>";

/// The outlets of the sample documents `talks` and `tour`.
const OUTLETS: [&str; 2] = ["Example News", "Gulf Post"];

/// A running `quotegraph serve`; stopped when dropped.
pub struct Served {
    child: Child,
    pub addr: String,
}

impl Served {
    pub fn start(db: &Path) -> Served {
        let mut child = Command::new(assert_cmd::cargo::cargo_bin("quotegraph"))
            .args(["serve", "--bind", "127.0.0.1:0", "--db"])
            .arg(db)
            .env_remove("QUOTEGRAPH_DB")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
        let addr =
            line.trim().strip_prefix("listening on http://").and_then(|a| a.strip_suffix('/')).unwrap_or_default().to_string();
        assert!(addr.starts_with("127.0.0.1:"), "serve printed {line:?}");
        Served { child, addr }
    }

    /// (status, headers in lower case, body) of `method path`.
    pub fn request(&self, method: &str, path: &str) -> (u16, String, String) {
        let mut s = TcpStream::connect(&self.addr).unwrap();
        write!(s, "{method} {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n", self.addr).unwrap();
        let mut raw = Vec::new();
        s.read_to_end(&mut raw).unwrap();
        let raw = String::from_utf8_lossy(&raw).into_owned();
        let (head, body) = raw.split_once("\r\n\r\n").unwrap_or((&raw, ""));
        let status = head.split_whitespace().nth(1).and_then(|c| c.parse().ok()).unwrap_or(0);
        (status, head.to_lowercase(), body.to_string())
    }

    pub fn get(&self, path: &str) -> (u16, String, String) {
        self.request("GET", path)
    }

    /// GET that must answer 200; returns the body.
    pub fn ok(&self, path: &str) -> String {
        let (status, _, body) = self.get(path);
        assert_eq!(status, 200, "GET {path}: {body}");
        body
    }

    pub fn json(&self, path: &str) -> Value {
        serde_json::from_str(&self.ok(path)).unwrap_or_else(|e| panic!("GET {path}: not JSON: {e}"))
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) { (b as char).to_string() } else { format!("%{b:02X}") })
        .collect()
}

/// The sample database of the store tests plus one document of hostile text.
fn database(dir: &Path) -> std::path::PathBuf {
    let db = dir.join("q.db");
    let mut store = Store::open(&db).unwrap();
    let text = format!("\u{201c}{SCRIPT} & \"quotes\" are 'fine',\u{201d} said {SPEAKER}.\n");
    let mut b = Builder::new(DOC, &text).meta(TITLE, "2025-05-22", "javascript:alert(2)");
    let eve = b.entity(SPEAKER, EntityType::Person);
    b.mention(SPEAKER, 0, Some(eve), MentionKind::Name);
    b.quote(QuoteKind::Direct, &format!("{SCRIPT} & \"quotes\" are 'fine'"), Some((SPEAKER, eve)), Some("said"));
    let mut docs = sample();
    docs.push(b.build());
    // Outlets for the outlet filter (the JSONL `outlet`; the fixture has none).
    for (d, outlet) in docs.iter_mut().zip(OUTLETS) {
        d.doc.outlet = Some(outlet.to_string());
    }
    let aliases = AliasTable::parse("Trump,Donald Trump,person,Q22686\n", "aliases.csv").unwrap();
    for r in store.write_batch(&docs, &aliases, false).unwrap() {
        r.unwrap();
    }
    db
}

fn cli_json(db: &Path, args: &[&str]) -> Value {
    let (code, out, err) = run_db(db, args);
    assert_eq!(code, 0, "quotegraph {args:?}: {err}");
    serde_json::from_str(&out).unwrap()
}

/// Every `<script` of a page is one of the page's own.
fn assert_inert(path: &str, html: &str) {
    for bad in [SCRIPT, "<b>Mallory", "<img src=x", "javascript:alert", "<x>"] {
        assert!(!html.contains(bad), "GET {path} shows {bad:?} as markup:\n{html}");
    }
    for (i, _) in html.match_indices("<script") {
        let tag = &html[i..html[i..].find('>').map_or(html.len(), |e| i + e + 1)];
        assert!(
            [
                r#"<script type="application/json" id="ego-data">"#,
                r#"<script src="/assets/cytoscape.min.js">"#,
                r#"<script src="/assets/ego.js">"#
            ]
            .contains(&tag),
            "GET {path}: unexpected {tag}"
        );
    }
}

#[test]
fn pages_and_api_routes_answer_like_the_listing_commands() {
    let dir = tempfile::tempdir().unwrap();
    let db = database(dir.path());
    let s = Served::start(&db);

    let front = s.ok("/");
    assert!(front.contains("href=\"&#x2f;entity&#x2f;Basem%20Naim\""), "{front}");
    let hits = s.ok("/search?q=hostages");
    assert!(hits.contains("<mark>hostages</mark>"), "{hits}");
    assert!(hits.contains("James Hewitt</a>") && hits.contains("&#x2f;document&#x2f;talks#q"), "{hits}");
    let by = s.ok("/search?speaker=Naim&kind=direct");
    assert!(by.contains("data-total=\"2\"") && by.contains("We are ready to hand over the government"), "{by}");
    let dated = s.ok("/search?q=Trump&since=2025-05-21&until=2025-05-21");
    assert!(dated.contains("the tour was long") && !dated.contains("President Trump can do it"), "{dated}");
    let about = s.ok("/search?about=Trump&q=tour");
    assert!(about.contains("data-total=\"1\""), "{about}");

    let entity = s.ok("/entity/Basem%20Naim");
    assert!(entity.contains("senior official") && entity.contains("id=\"ego-data\""), "{entity}");
    let elements: Value = {
        let start = entity.find("id=\"ego-data\">").unwrap() + "id=\"ego-data\">".len();
        serde_json::from_str(&entity[start..start + entity[start..].find("</script>").unwrap()]).unwrap()
    };
    let labels: Vec<&str> = elements.as_array().unwrap().iter().filter_map(|e| e["data"]["label"].as_str()).collect();
    assert!(labels.contains(&"Basem Naim") && labels.contains(&"Donald Trump"), "{labels:?}");
    assert!(s.ok("/entity/Naim").contains("<h1>Basem Naim"));

    let document = s.ok("/document/talks");
    assert!(document.contains("class=\"q q-direct\"") && document.contains("class=\"speaker\""), "{document}");
    assert!(document.contains("class=\"cue\"") && document.contains("rule test:fixture"), "{document}");
    assert!(document.contains("href=\"https:&#x2f;&#x2f;example.org&#x2f;talks\""), "{document}");

    // The API gives the listing commands' JSON.
    for (api, cli) in [
        ("/api/quotes?by=Naim", vec!["quotes", "--by", "Naim"]),
        ("/api/quotes?about=Trump&kind=direct", vec!["quotes", "--about", "Trump", "--kind", "direct"]),
        ("/api/quotes?since=2025-05-21", vec!["quotes", "--since", "2025-05-21"]),
        ("/api/who?about=Trump", vec!["who", "--about", "Trump"]),
        ("/api/entity/Naim", vec!["entity", "Naim"]),
        ("/api/graph/ego?entity=Naim", vec!["export", "--entity", "Naim"]),
    ] {
        let cli: Vec<&str> = cli.into_iter().chain(["--format", "json"]).collect();
        assert_eq!(s.json(api), cli_json(&db, &cli), "GET {api} and quotegraph {cli:?} differ");
    }
    // Search rows carry the CLI's fields (and the speaker's id for links).
    let api = s.json("/api/search?q=hostages");
    let cli = cli_json(&db, &["search", "hostages", "--format", "json"]);
    assert_eq!(api.as_array().unwrap().len(), cli.as_array().unwrap().len());
    for (a, c) in api.as_array().unwrap().iter().zip(cli.as_array().unwrap()) {
        for (k, v) in c.as_object().unwrap() {
            assert_eq!(&a[k], v, "search field {k}");
        }
    }
    let (status, head, body) = s.get("/api/quotes?limit=1&offset=1");
    assert_eq!(status, 200);
    assert!(head.contains("content-type: application/json") && head.contains("x-total-count: 6"), "{head}");
    assert_eq!(serde_json::from_str::<Value>(&body).unwrap().as_array().unwrap().len(), 1);
    let doc = s.json("/api/document/talks");
    assert_eq!(doc["quotes"].as_array().unwrap().len(), 3);
    assert_eq!(doc["quotes"][0]["speaker"], "Basem Naim");
    assert!(s.ok("/assets/cytoscape.min.js").contains("cytoscape"));
    assert!(s.ok("/assets/style.css").contains("body"));
}

#[test]
fn the_outlet_filter_keeps_one_outlets_quotes_and_drops_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let db = database(dir.path());
    let s = Served::start(&db);
    let texts = |v: &Value| -> Vec<String> {
        v.as_array().unwrap().iter().map(|r| r["quote"].as_str().or(r["match"].as_str()).unwrap().to_string()).collect()
    };

    // API: the outlet's quotes are kept (case-insensitive), the others dropped; same rows as the CLI.
    let kept = s.json("/api/quotes?by=Naim&outlet=example%20news");
    assert_eq!(kept.as_array().unwrap().len(), 2, "{kept}");
    assert_eq!(kept, cli_json(&db, &["quotes", "--by", "Naim", "--outlet", "example news", "--format", "json"]));
    let (status, head, body) = s.get("/api/quotes?by=Naim&outlet=Gulf%20Post");
    assert_eq!((status, body.as_str()), (200, "[]"), "{head}");
    assert!(head.contains("x-total-count: 0"), "{head}");
    assert_eq!(cli_json(&db, &["quotes", "--by", "Naim", "--outlet", "Gulf Post", "--format", "json"]), Value::Array(vec![]));
    let tour = s.json("/api/quotes?outlet=Gulf%20Post");
    assert_eq!(tour.as_array().unwrap().len(), 2, "{tour}");
    assert!(tour.as_array().unwrap().iter().all(|r| r["doc"] == "tour"), "{tour}");
    assert_eq!(
        s.json("/api/quotes?about=Trump&outlet=Example%20News"),
        cli_json(&db, &["quotes", "--about", "Trump", "--outlet", "Example News", "--format", "json"])
    );
    assert_eq!(s.json("/api/quotes?outlet=nowhere.example"), Value::Array(vec![]));

    // Search, API and CLI: "Trump" is in both documents; the outlet keeps one.
    let all = texts(&s.json("/api/search?q=Trump"));
    let gulf = texts(&s.json("/api/search?q=Trump&outlet=gulf%20post"));
    assert!(gulf.iter().any(|t| t.contains("the tour was long")) && gulf.len() < all.len(), "{gulf:?} of {all:?}");
    assert!(!gulf.iter().any(|t| t.contains("President [Trump] can do it")), "{gulf:?}");
    assert_eq!(gulf, texts(&cli_json(&db, &["search", "Trump", "--outlet", "gulf post", "--format", "json"])));
    assert_eq!(s.json("/api/search?q=Trump&outlet=nowhere.example"), Value::Array(vec![]));
    let cli = cli_json(&db, &["search", "Trump", "--outlet", "Example News", "--format", "json"]);
    let plain = cli_json(&db, &["search", "Trump", "--format", "json"]);
    let columns = |v: &Value| v[0].as_object().unwrap().keys().cloned().collect::<Vec<_>>();
    assert_eq!(columns(&cli), columns(&plain), "search --outlet prints the columns of search");

    // The search page: with a query and as the only filter; the form keeps the value.
    let page = s.ok("/search?q=Trump&outlet=Gulf%20Post");
    assert!(page.contains("the tour was long") && !page.contains("President Trump can do it"), "{page}");
    assert!(page.contains("name=\"outlet\" value=\"Gulf Post\""), "{page}");
    let only = s.ok("/search?outlet=Example%20News");
    assert!(only.contains("data-total=\"3\"") && only.contains("Hamas continues to hold hostages"), "{only}");
    let none = s.ok("/search?q=Trump&outlet=nowhere.example");
    assert!(none.contains("data-total=\"0\"") && !none.contains("the tour was long"), "{none}");
}

/// Routes of the outlet filter alone and with every other filter and paging
/// (schema v4 answers them from the outlet copied onto quotes).
const OUTLET_ROUTES: &[&str] = &[
    "/api/quotes?outlet=example%20news",
    "/api/quotes?outlet=EXAMPLE%20NEWS&limit=1&offset=1",
    "/api/quotes?outlet=gulf%20post&since=2025-05-21&until=2025-05-21",
    "/api/quotes?outlet=Example%20News&until=2025-05-19",
    "/api/quotes?outlet=Example%20News&kind=direct&limit=2",
    "/api/quotes?by=Naim&outlet=Example%20News&limit=1",
    "/api/quotes?by=Naim&about=Trump&outlet=Example%20News",
    "/api/quotes?by=Lee&outlet=gulf%20post&since=2025-05-21",
    "/api/quotes?about=Trump&outlet=Gulf%20Post",
    "/api/quotes?about=Trump&outlet=Example%20News&until=2025-05-20&limit=1",
    "/api/search?q=Trump&outlet=Example%20News&speaker=Naim",
    "/api/search?q=Trump%20OR%20hostages&outlet=example%20news&limit=1&offset=1",
    "/api/quotes?outlet=nowhere.example",
];

#[test]
fn the_outlet_filter_routes_answer_as_their_golden_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = database(dir.path());
    let s = Served::start(&db);
    let mut answers = Vec::new();
    for route in OUTLET_ROUTES {
        let (status, head, body) = s.get(route);
        let total = head.lines().find_map(|l| l.trim().strip_prefix("x-total-count: ").map(str::to_string));
        let rows: Value = serde_json::from_str(&body).unwrap_or_else(|e| panic!("GET {route}: {e}: {body}"));
        answers.push(serde_json::json!({ "route": route, "status": status, "total": total, "rows": rows }));
    }
    insta::assert_json_snapshot!("serve_outlet_routes", answers);
}

#[test]
fn hostile_text_is_shown_as_text_on_every_page() {
    let dir = tempfile::tempdir().unwrap();
    let db = database(dir.path());
    let s = Served::start(&db);
    let entity = format!("/entity/{}", enc(SPEAKER));
    let document = format!("/document/{}", enc(DOC));
    for path in [
        "/search?q=alert".to_string(),
        format!("/search?speaker={}", enc(SPEAKER)),
        entity.clone(),
        document.clone(),
        format!("/nowhere/{}", enc(SCRIPT)),
        format!("/entity/{}", enc(SCRIPT)),
        format!("/search?kind={}", enc(SCRIPT)),
    ] {
        let (_, _, html) = s.get(&path);
        assert_inert(&path, &html);
    }
    let html = s.ok(&document);
    assert!(html.contains("&lt;script&gt;alert(1)&lt;&#x2f;script&gt; &amp; &quot;quotes&quot;"), "{html}");
    assert!(html.contains("Eve &lt;b&gt;Mallory&lt;&#x2f;b&gt;"), "{html}");
    assert!(!html.contains("source</a>"), "a javascript: URL must not become a link: {html}");
    let html = s.ok(&entity);
    assert!(html.contains("\\u003cb\\u003eMallory"), "the graph data escapes markup: {html}");
    assert!(s.ok("/search?q=alert").contains("&lt;script&gt;<mark>alert</mark>(1)"));
    // The JSON API gives the text unchanged, as JSON (not sniffed as HTML).
    let (_, head, _) = s.get("/api/search?q=alert");
    assert!(head.contains("x-content-type-options: nosniff"));
    let doc = s.json(&format!("/api/document/{}", enc(DOC)));
    assert_eq!(doc["title"], TITLE);
    assert!(doc["quotes"][0]["text"].as_str().unwrap().starts_with(SCRIPT));
}

#[test]
fn unknown_things_are_404_and_bad_parameters_400() {
    let dir = tempfile::tempdir().unwrap();
    let db = database(dir.path());
    let s = Served::start(&db);
    for (path, want) in [
        ("/entity/Nobody%20Atall", 404),
        ("/entity/Naim?id=999999", 404),
        ("/entity/Naim?id=x", 400),
        ("/document/no-such-doc", 404),
        ("/nowhere", 404),
        ("/assets/nothing.js", 404),
        ("/search?kind=loud", 400),
        ("/search?since=yesterday", 400),
        ("/search?q=%22unbalanced", 400),
        ("/search?offset=-3", 400),
        ("/search?colour=red", 400),
        ("/api/entity/Nobody%20Atall", 404),
        ("/api/document/no-such-doc", 404),
        ("/api/quotes?by=Nobody%20Atall", 404),
        ("/api/who?about=Nobody%20Atall", 404),
        ("/api/graph/ego?entity=Nobody%20Atall", 404),
        ("/api/nowhere", 404),
        ("/api/quotes?kind=loud", 400),
        ("/api/quotes?limit=abc", 400),
        ("/api/quotes?limit=100000", 400),
        ("/api/quotes?offset=99999999999999999999", 400),
        ("/api/quotes?by=Naim&by=Hewitt", 400),
        ("/api/quotes?bogus=1", 400),
        ("/api/search", 400),
        ("/api/search?q=%22unbalanced", 400),
        ("/api/who", 400),
        ("/api/graph/ego?entity=Naim&depth=9", 400),
        ("/api/graph/ego", 400),
    ] {
        let (status, head, body) = s.get(path);
        assert_eq!(status, want, "GET {path}: {body}");
        if path.starts_with("/api/") {
            let v: Value = serde_json::from_str(&body).unwrap_or_else(|e| panic!("GET {path}: {e}: {body}"));
            assert_eq!(v["status"], want);
            assert!(!v["error"].as_str().unwrap_or_default().is_empty(), "{body}");
        } else {
            assert!(head.contains("text/html") && body.contains(&format!("<h1>{want}")), "GET {path}: {body}");
        }
    }
    let (status, head, _) = s.request("POST", "/api/quotes");
    assert_eq!(status, 405);
    assert!(head.contains("allow: get, head"), "{head}");
}

#[test]
fn the_server_reads_only_and_sees_a_concurrent_ingest() {
    let dir = tempfile::tempdir().unwrap();
    let db = database(dir.path());
    // The connection the server uses cannot write.
    let ro = Store::open_read_only(&db).unwrap();
    assert!(ro.connection().execute_batch("CREATE TABLE scribble (x)").is_err());
    drop(ro);
    let s = Served::start(&db);
    assert_eq!(s.get("/document/late").0, 404);
    let late = dir.path().join("late.txt");
    std::fs::write(&late, "\u{201c}We arrived late,\u{201d} said Ruth Cole, a spokesperson.\n").unwrap();
    let (code, _, err) = run_db(&db, &["ingest", "-q", late.to_str().unwrap()]);
    assert_eq!(code, 0, "ingest while serving: {err}");
    assert!(s.ok("/document/late").contains("We arrived late"));
    // An older database is refused with the command that upgrades it.
    let old = dir.path().join("old.db");
    rusqlite::Connection::open(&old)
        .unwrap()
        .execute_batch("CREATE TABLE document (id); CREATE TABLE quote (id); PRAGMA user_version = 1;")
        .unwrap();
    let (code, _, err) = run_db(&old, &["serve", "--bind", "127.0.0.1:0"]);
    assert_eq!(code, 1);
    assert!(err.contains("reindex"), "{err}");
}
