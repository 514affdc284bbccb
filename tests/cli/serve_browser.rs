//! `quotegraph serve` in a real browser: headless Chromium loads the search
//! page and an entity page of the bundled sample corpus, the test reads the
//! rendered DOM back (results listed, the Cytoscape graph laid out) and
//! takes screenshots. QUOTEGRAPH_SCREENSHOTS=DIR also copies them to DIR
//! (docs/img/ holds the ones the README shows).
//!
//! Chromium is installed by .ci/run: under CI=true a missing browser fails
//! the test; elsewhere it prints SKIP.

use std::path::Path;
use std::process::Command;

use crate::serve::Served;
use crate::store_cli::run_db;

const FLAGS: &[&str] = &[
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--window-size=1280,1000",
    // Scripts, layout and timers run to completion before the DOM or picture is taken.
    "--virtual-time-budget=10000",
];

fn chromium() -> Option<&'static str> {
    for c in ["chromium", "chromium-browser", "google-chrome"] {
        if Command::new(c).arg("--version").output().is_ok_and(|o| o.status.success()) {
            return Some(c);
        }
    }
    assert!(std::env::var("CI").as_deref() != Ok("true"), "chromium is missing; .ci/run installs it (apt-get install chromium)");
    crate::skip!("browser test: chromium is not installed (apt-get install chromium)");
    None
}

/// Runs the browser on `url` with `extra` flags (a fresh profile each time); returns stdout.
fn browse(browser: &str, profile: &Path, url: &str, extra: &str) -> String {
    let out = Command::new("timeout")
        .arg("120")
        .arg(browser)
        .args(FLAGS)
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(extra)
        .arg(url)
        .output()
        .unwrap();
    assert!(out.status.success(), "{browser} {extra} {url}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn screenshot(browser: &str, dir: &Path, url: &str, name: &str) {
    let png = dir.join(name);
    browse(browser, &dir.join(format!("profile-{name}")), url, &format!("--screenshot={}", png.display()));
    let bytes = std::fs::read(&png).unwrap_or_default();
    assert!(bytes.starts_with(b"\x89PNG") && bytes.len() > 10_000, "{name}: no picture ({} bytes)", bytes.len());
    if let Ok(to) = std::env::var("QUOTEGRAPH_SCREENSHOTS") {
        std::fs::copy(&png, Path::new(&to).join(name)).unwrap();
    }
}

#[test]
fn the_search_and_entity_pages_render_in_chromium() {
    let Some(browser) = chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("samples.db");
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/samples");
    let (code, _, err) = run_db(&db, &["ingest", "-q", samples.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let s = Served::start(&db);

    let search = format!("http://{}/search?q=peace", s.addr);
    let dom = browse(browser, &dir.path().join("profile-search"), &search, "--dump-dom");
    let hits = dom.matches("class=\"hit\"").count();
    assert!(hits >= 3, "the search page shows {hits} hits:\n{dom}");

    let entity = format!("http://{}/entity/Basem%20Naim", s.addr);
    let dom = browse(browser, &dir.path().join("profile-entity"), &entity, "--dump-dom");
    assert!(dom.contains("data-graph=\"ready\""), "the ego graph was not laid out:\n{dom}");
    let nodes: usize =
        dom.split("data-nodes=\"").nth(1).and_then(|r| r.split('"').next()).and_then(|n| n.parse().ok()).unwrap_or(0);
    assert!(nodes >= 3, "the ego graph has {nodes} nodes");
    assert!(dom.contains("<canvas"), "Cytoscape drew no canvas");

    screenshot(browser, dir.path(), &search, "serve-search.png");
    screenshot(browser, dir.path(), &entity, "serve-entity.png");
}
