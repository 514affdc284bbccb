//! Issue 15: no panic on any text, no directory walk that never ends, clean
//! machine-readable output. Each test names the guarantee it proves in
//! RELIABILITY.md.

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

fn qg() -> Command {
    let mut c = Command::cargo_bin("quotegraph").unwrap();
    c.env_remove("QUOTEGRAPH_DB").env("COLUMNS", "200");
    c
}

/// Runs quotegraph; returns (exit code, stdout, stderr) and fails on a panic.
fn run(args: &[&str], stdin: &[u8]) -> (i32, String, String) {
    let out = qg().args(args).write_stdin(stdin.to_vec()).output().unwrap();
    let code = out.status.code().expect("killed by a signal");
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_ne!(code, 101, "panicked: {err}");
    (code, String::from_utf8(out.stdout).expect("stdout is UTF-8"), err)
}

fn records(stdout: &str) -> Vec<Value> {
    stdout.lines().map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}"))).collect()
}

#[test]
fn a_no_break_space_after_a_paragraph_initial_closing_mark_does_not_panic() {
    // The reproducer of issue 15: `printf '\xe2\x80\x9d\xc2\xa0x\n' | quotegraph extract -`.
    let (code, out, err) = run(&["extract", "-"], b"\xe2\x80\x9d\xc2\xa0x\n");
    assert_eq!(code, 0, "{err}");
    assert_eq!(records(&out).len(), 1);
    // Every multi-byte space after every mark at a paragraph start.
    let mut text = String::new();
    for mark in ["\u{201d}", "\u{201c}", "\u{bb}", "\u{ab}", "\"", "\u{2019}\u{2019}", "''"] {
        for space in ["\u{a0}", "\u{2009}", "\u{2003}", "\u{202f}", "\u{3000}", "\u{200b}"] {
            text.push_str(&format!("{mark}{space}\u{2026}{space}x\n{mark}{space}We won,{mark} he said.\n"));
        }
    }
    let (code, out, err) = run(&["extract", "-"], text.as_bytes());
    assert_eq!(code, 0, "{err}");
    assert_eq!(records(&out).len(), 1);
}

#[cfg(unix)]
fn symlink_tree() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("corpus");
    std::fs::create_dir_all(root.join("sub")).unwrap();
    std::fs::write(root.join("a.txt"), "“We will rebuild the bridge,” said Maria Lopez.\n").unwrap();
    std::fs::write(root.join("sub/b.txt"), "“The bridge is safe,” the mayor said.\n").unwrap();
    std::os::unix::fs::symlink("..", root.join("sub/up")).unwrap();
    dir
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_is_not_followed_by_default_and_detected_with_follow() {
    let dir = symlink_tree();
    let root = dir.path().join("corpus");
    let root = root.to_str().unwrap();
    // Before walkdir, `sub/up -> ..` made 2 files into 82 documents, exit 0, no warning.
    let (code, out, err) = run(&["extract", root], b"");
    assert_eq!(code, 0, "{err}");
    let docs: Vec<String> = records(&out).iter().map(|r| r["doc"].as_str().unwrap().to_string()).collect();
    assert_eq!(docs, ["a", "b"]);
    assert!(err.contains("up") && err.contains("not followed") && err.contains("--follow"), "{err}");

    let (code, out, err) = run(&["extract", "--follow", root], b"");
    assert_eq!(code, 0, "{err}");
    assert_eq!(records(&out).len(), 2, "each file once: {err}");
    assert!(err.contains("up") && err.contains("loop"), "the loop is reported: {err}");

    // The same through ingest: 2 documents stored.
    let db = dir.path().join("q.db");
    let (code, _, err) = run(&["--db", db.to_str().unwrap(), "ingest", "--quiet", "--follow", root], b"");
    assert_eq!(code, 0, "{err}");
    let (_, stats, _) = run(&["--db", db.to_str().unwrap(), "stats", "--format", "json"], b"");
    let stats: Value = serde_json::from_str(&stats).unwrap();
    let documents = stats.as_array().unwrap().iter().find(|r| r["name"] == "documents").map(|r| r["count"].clone());
    assert_eq!(documents, Some(Value::from(2)), "{stats}");
}

#[cfg(unix)]
#[test]
fn an_entry_that_cannot_be_read_is_an_error_naming_it_and_the_rest_is_read() {
    let dir = symlink_tree();
    let root = dir.path().join("corpus");
    std::os::unix::fs::symlink("nowhere.txt", root.join("broken.txt")).unwrap();
    let (code, out, err) = run(&["extract", "--follow", root.to_str().unwrap()], b"");
    assert_eq!(code, 1, "some inputs failed: {err}");
    assert_eq!(records(&out).len(), 2, "{err}");
    assert!(err.contains("broken.txt") && err.contains("error:"), "names the entry: {err}");
    assert!(err.contains("summary:"), "{err}");
}

#[test]
fn html_input_is_parsed_entities_decoded_scripts_and_comments_dropped_blocks_kept() {
    let html = "<!DOCTYPE html><html><head><title>Bridge &#8211; news</title>\
        <style>p::before { content: \"said\" }</style><script>var q = \"“No,” he said.\";</script></head><body>\
        <!-- “Hidden,” said Nobody. -->\
        <p>&#8220;We will\n rebuild the bridge,&#x201D; said <b>Maria&nbsp;Lopez</b>, the mayor.</p>\
        <div>&ldquo;It is safe,&rdquo; said Ann Lee.<br>Traffic resumes &amp; flows.</div></body></html>";
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("page.html");
    std::fs::write(&f, html).unwrap();
    let (code, out, err) = run(&["extract", "--html", f.to_str().unwrap()], b"");
    assert_eq!(code, 0, "{err}");
    let stored = quotegraph::input::strip_html(html);
    assert_eq!(
        stored,
        "Bridge \u{2013} news\n“We will rebuild the bridge,” said Maria\u{a0}Lopez, the mayor.\n\
         “It is safe,” said Ann Lee.\nTraffic resumes & flows."
    );
    let rec = &records(&out)[0];
    let quotes: Vec<&str> = rec["quotes"].as_array().unwrap().iter().map(|q| q["text"].as_str().unwrap()).collect();
    assert_eq!(quotes, ["We will rebuild the bridge", "It is safe"]);
    for q in rec["quotes"].as_array().unwrap() {
        let (s, e) = (q["start"].as_u64().unwrap() as usize, q["end"].as_u64().unwrap() as usize);
        assert_eq!(&stored[s..e], q["text"].as_str().unwrap(), "offsets index the stored text");
    }
}

fn ingest(dir: &Path, text: &str) -> std::path::PathBuf {
    let db = dir.join("q.db");
    let f = dir.join("doc.txt");
    std::fs::write(&f, text).unwrap();
    let (code, _, err) = run(&["--db", db.to_str().unwrap(), "ingest", "--quiet", f.to_str().unwrap()], b"");
    assert_eq!(code, 0, "{err}");
    db
}

#[test]
fn search_machine_formats_carry_plain_text_and_hit_offsets_and_only_the_table_brackets() {
    let dir = tempfile::tempdir().unwrap();
    let db = ingest(dir.path(), "“Les otages [sic] et the hostages must come home,” said Maria Lopez.\n");
    let db = db.to_str().unwrap();
    let (code, out, err) = run(&["--db", db, "search", "hostages", "--format", "json"], b"");
    assert_eq!(code, 0, "{err}");
    let rows: Value = serde_json::from_str(&out).unwrap();
    let row = &rows[0];
    let quote = row["quote"].as_str().unwrap();
    assert_eq!(quote, "Les otages [sic] et the hostages must come home", "plain text, no markup");
    let hits: Vec<[usize; 2]> = serde_json::from_value(row["hits"].clone()).unwrap();
    assert_eq!(hits.iter().map(|&[s, e]| &quote[s..e]).collect::<Vec<_>>(), ["hostages"]);
    assert!(row.get("match").is_none(), "{row}");

    let (_, jsonl, _) = run(&["--db", db, "search", "hostages", "--format", "jsonl"], b"");
    let line: Value = serde_json::from_str(jsonl.lines().next().unwrap()).unwrap();
    assert_eq!(line["quote"], quote);
    assert_eq!(line["hits"], row["hits"]);

    let (_, csv, _) = run(&["--db", db, "search", "hostages", "--format", "csv"], b"");
    let mut r = csv::Reader::from_reader(csv.as_bytes());
    let headers = r.headers().unwrap().clone();
    let rec = r.records().next().unwrap().unwrap();
    let col = |name: &str| rec.get(headers.iter().position(|h| h == name).unwrap()).unwrap().to_string();
    assert_eq!(col("quote"), quote);
    assert_eq!(serde_json::from_str::<Vec<[usize; 2]>>(&col("hits")).unwrap(), hits);

    let (_, table, _) = run(&["--db", db, "search", "hostages"], b"");
    assert!(table.contains("the [hostages] must"), "{table}");
}
