//! Issue 8, the store side: crashes, foreign files and concurrent use.
//! Everything goes through the built binary; the database is checked with
//! rusqlite (integrity, no duplicates).

use std::path::{Path, PathBuf};
use std::process::{Child, Command as Std, Stdio};
use std::time::{Duration, Instant};

fn bin() -> PathBuf {
    assert_cmd::cargo::cargo_bin("quotegraph")
}

fn qg(db: &Path, args: &[&str]) -> std::process::Output {
    let out = Std::new(bin()).arg("--db").arg(db).args(args).env_remove("QUOTEGRAPH_DB").output().unwrap();
    assert_ne!(out.status.code(), Some(101), "panicked: {}", String::from_utf8_lossy(&out.stderr));
    out
}

fn spawn_ingest(db: &Path, input: &Path) -> Child {
    Std::new(bin())
        .arg("--db")
        .arg(db)
        .args(["ingest", "-q"])
        .arg(input)
        .env_remove("QUOTEGRAPH_DB")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// `n` JSONL documents with three quotes each, ids `d{from}`..
fn corpus(dir: &Path, name: &str, from: usize, n: usize) -> PathBuf {
    let mut s = String::new();
    for i in from..from + n {
        s.push_str(&format!(
            "{{\"id\": \"d{i}\", \"text\": \"“We will rebuild bridge {i},” said Maria Lopez, the mayor of Springfield. \
             Officials said that the plan would cost {i} million dollars. “It is late,” said Ann Lee.\"}}\n"
        ));
    }
    let p = dir.join(name);
    std::fs::write(&p, s).unwrap();
    p
}

/// (documents, quotes) after checking integrity and that no document or quote is stored twice.
fn check_db(db: &Path) -> (i64, i64) {
    let c = rusqlite::Connection::open(db).unwrap();
    let ok: String = c.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(ok, "ok");
    let one = |sql: &str| -> i64 { c.query_row(sql, [], |r| r.get(0)).unwrap() };
    let docs = one("SELECT count(*) FROM document");
    let quotes = one("SELECT count(*) FROM quote");
    let dup = one("SELECT count(*) FROM (SELECT 1 FROM quote GROUP BY document_id, start, end, kind HAVING count(*) > 1)");
    assert_eq!(dup, 0, "a quote stored twice");
    let fk: i64 = c.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0)).unwrap();
    assert_eq!(fk, 0, "dangling references");
    (docs, quotes)
}

fn signal(child: &Child, sig: &str) {
    let ok = Std::new("kill").arg(format!("-{sig}")).arg(child.id().to_string()).status().unwrap();
    assert!(ok.success());
}

fn interrupted_ingest_resumes(sig: &str) {
    let dir = tempfile::tempdir().unwrap();
    let input = corpus(dir.path(), "c.jsonl", 0, 6000);
    let clean = dir.path().join("clean.db");
    assert!(qg(&clean, &["ingest", "-q", input.to_str().unwrap()]).status.success());
    let expected = check_db(&clean);
    assert_eq!(expected, (6000, 18000));
    let mut stopped_midway = 0;
    for delay_ms in [200, 700, 1500, 3000] {
        let db = dir.path().join(format!("k{delay_ms}.db"));
        let mut child = spawn_ingest(&db, &input);
        std::thread::sleep(Duration::from_millis(delay_ms));
        signal(&child, sig);
        let t = Instant::now();
        let status = child.wait().unwrap();
        assert!(t.elapsed() < Duration::from_secs(10), "{sig}: took {:?} to stop", t.elapsed());
        assert_ne!(status.code(), Some(101));
        if db.exists() {
            // Whatever the moment, the database is consistent and holds whole documents.
            let (docs, quotes) = check_db(&db);
            assert_eq!(quotes, docs * 3, "{sig} after {delay_ms} ms: a document stored without all its quotes");
            if docs > 0 && docs < 6000 {
                stopped_midway += 1;
            }
        }
        // Running it again completes without duplicates.
        let again = qg(&db, &["ingest", "-q", input.to_str().unwrap()]);
        assert!(again.status.success(), "{}", String::from_utf8_lossy(&again.stderr));
        assert_eq!(check_db(&db), expected, "{sig} after {delay_ms} ms then re-run");
    }
    eprintln!("{sig}: {stopped_midway} of 4 interrupted ingests stopped midway");
}

#[test]
fn ingest_killed_with_sigkill_leaves_a_consistent_db_and_resumes_without_duplicates() {
    interrupted_ingest_resumes("KILL");
}

#[test]
fn ingest_interrupted_with_sigint_leaves_a_consistent_db_and_resumes_without_duplicates() {
    interrupted_ingest_resumes("INT");
}

#[test]
fn a_file_that_is_not_sqlite_is_refused_and_never_modified() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("notes.db");
    let bytes = b"These are my notes, not a database.\n".repeat(200);
    std::fs::write(&db, &bytes).unwrap();
    let input = corpus(dir.path(), "c.jsonl", 0, 3);
    for args in [vec!["quotes"], vec!["stats"], vec!["ingest", "-q", input.to_str().unwrap()]] {
        let out = qg(&db, &args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
        assert!(err.starts_with("error: ") && err.contains("notes.db"), "{args:?}: names the file: {err}");
        assert_eq!(std::fs::read(&db).unwrap(), bytes, "{args:?} modified the file");
    }
    assert!(!dir.path().join("notes.db-wal").exists());
}

#[test]
fn quotes_into_a_closed_pipe_end_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("q.db");
    let input = corpus(dir.path(), "c.jsonl", 0, 3000);
    assert!(qg(&db, &["ingest", "-q", input.to_str().unwrap()]).status.success());
    for cmd in ["quotes --format jsonl", "quotes --format table", "quotes --format csv", "export --format dot"] {
        let script = format!("set -o pipefail; '{}' --db '{}' {cmd} | head -1", bin().display(), db.display());
        let out = Std::new("bash").arg("-c").arg(&script).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{cmd}: exit {:?}: {err}", out.status);
        assert!(err.is_empty(), "{cmd}: quiet on a closed pipe: {err}");
    }
}

#[test]
fn queries_run_while_an_ingest_writes() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("live.db");
    // A first batch so the schema exists before readers start.
    assert!(qg(&db, &["ingest", "-q", corpus(dir.path(), "a.jsonl", 0, 10).to_str().unwrap()]).status.success());
    let input = corpus(dir.path(), "b.jsonl", 10, 6000);
    let mut child = spawn_ingest(&db, &input);
    let mut last = 0;
    let mut reads = 0;
    while child.try_wait().unwrap().is_none() && reads < 20 {
        for args in [&["stats", "--format", "json"][..], &["quotes", "--by", "Lopez", "--format", "json"], &["search", "bridge"]]
        {
            let out = qg(&db, args);
            assert!(out.status.success(), "{args:?} during ingest: {}", String::from_utf8_lossy(&out.stderr));
            if args[0] == "quotes" {
                let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
                let n = rows.as_array().unwrap().len();
                assert!(n >= last, "readers see only committed batches: {n} < {last}");
                last = n;
            }
        }
        reads += 1;
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(child.wait().unwrap().success());
    assert!(reads > 0);
    let c = rusqlite::Connection::open(&db).unwrap();
    let mode: String = c.query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
    assert_eq!(mode, "wal");
    assert_eq!(check_db(&db), (6010, 18030));
}
