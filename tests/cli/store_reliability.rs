//! Store guarantees of issue 8 through the binary: killed and interrupted
//! ingests leave a consistent database and resume without duplicates;
//! foreign, newer and damaged files are refused untouched; readers and a
//! second writer run beside an ingest; friendly search errors; quiet exits
//! on a closed pipe. docs/reliability-store.md lists them.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use rusqlite::{Connection, OpenFlags};

const NAMES: &[(&str, &str)] = &[
    ("Maria Lopez", "Lopez"),
    ("John Smith", "Smith"),
    ("Aisha Rahman", "Rahman"),
    ("Peter Novak", "Novak"),
    ("Chen Wei", "Chen"),
];
const CITIES: &[&str] = &["Springfield", "Riverton", "Lakeside", "Hillview"];

fn bin() -> PathBuf {
    assert_cmd::cargo::cargo_bin("quotegraph")
}

/// A `quotegraph` command on `db` (through QUOTEGRAPH_DB).
fn qg(db: &Path) -> Command {
    let mut c = Command::new(bin());
    c.env("QUOTEGRAPH_DB", db).env("COLUMNS", "200");
    c
}

fn run(db: &Path, args: &[&str]) -> (i32, String, String) {
    let out: Output = qg(db).args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Writes `n` small news documents, each with three quotes, as `{prefix}NNN.txt`.
fn corpus(dir: &Path, prefix: &str, n: usize) -> PathBuf {
    std::fs::create_dir_all(dir).unwrap();
    for i in 0..n {
        let (name, surname) = NAMES[i % NAMES.len()];
        let (other, _) = NAMES[(i + 2) % NAMES.len()];
        let city = CITIES[i % CITIES.len()];
        let text = format!(
            "{name} spoke in {city} on Monday about plan number {i}.\n\n\
             \u{201c}We will build {i} new schools before the winter,\u{201d} said {name}, the mayor of {city}.\n\n\
             \u{201c}The budget for item {i} is settled,\u{201d} {surname} told reporters. {other} said that the plan was too costly.\n"
        );
        std::fs::write(dir.join(format!("{prefix}{i:03}.txt")), text).unwrap();
    }
    dir.to_path_buf()
}

fn ingest_ok(db: &Path, inputs: &[&Path]) {
    let out = qg(db).arg("ingest").arg("--quiet").args(inputs).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "ingest failed: {}", String::from_utf8_lossy(&out.stderr));
}

fn stats(db: &Path) -> String {
    let (code, out, err) = run(db, &["stats", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    out
}

/// Per document: (quotes, mentions).
type Contents = BTreeMap<String, (i64, i64)>;

fn contents(conn: &Connection) -> Contents {
    let mut st = conn
        .prepare(
            "SELECT d.id, (SELECT count(*) FROM quote q WHERE q.document_id = d.id), \
             (SELECT count(*) FROM mention m WHERE m.document_id = d.id) FROM document d ORDER BY d.id",
        )
        .unwrap();
    st.query_map([], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?)))).unwrap().map(Result::unwrap).collect()
}

/// Integrity ok, no dangling foreign keys, no duplicate quote, and every
/// stored document complete (as in `reference`). Returns the document count.
fn assert_consistent(db: &Path, reference: &Contents) -> usize {
    if !db.exists() {
        return 0;
    }
    // A kill may leave a hot rollback journal (while the new file switches
    // to WAL); opening recovers it, and it must be gone afterwards.
    let journal = PathBuf::from(format!("{}-journal", db.display()));
    let conn = Connection::open(db).unwrap();
    let ok: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(ok, "ok");
    let tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_master WHERE name = 'quote'", [], |r| r.get(0)).unwrap();
    if tables == 0 {
        return 0; // killed before the schema was committed
    }
    let fk: i64 = conn.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0)).unwrap();
    assert_eq!(fk, 0, "foreign_key_check reports rows");
    let dup: i64 = conn
        .query_row(
            "SELECT count(*) FROM (SELECT 1 FROM quote GROUP BY document_id, kind, start, end HAVING count(*) > 1)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(dup, 0, "duplicate quotes");
    let got = contents(&conn);
    for (doc, have) in &got {
        assert_eq!(Some(have), reference.get(doc), "document {doc} is stored incompletely (quotes, mentions)");
    }
    drop(conn);
    assert!(!journal.exists(), "{} left behind after recovery", journal.display());
    got.len()
}

/// A clean single ingest into a fresh database: its contents and stats.
fn reference(dir: &Path, inputs: &[&Path]) -> (Contents, String) {
    let db = dir.join("reference.db");
    ingest_ok(&db, inputs);
    let c = contents(&Connection::open(&db).unwrap());
    assert!(c.values().all(|&(q, _)| q > 0), "every generated document has quotes: {c:?}");
    (c, stats(&db))
}

/// Documents committed so far, read without writing (0 while the file or schema is missing).
fn committed(db: &Path) -> usize {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    Connection::open_with_flags(db, flags)
        .and_then(|c| c.query_row("SELECT count(*) FROM document", [], |r| r.get::<_, i64>(0)))
        .map_or(0, |n| n as usize)
}

fn spawn_ingest(db: &Path, input: &Path) -> Child {
    use std::os::unix::process::CommandExt as _;
    let mut c = qg(db);
    // A test harness started in the background by a non-interactive shell
    // (`bash .ci/run &`, nohup) inherits SIGINT *ignored*, and so would the
    // ingest: the SIGINT test would then never interrupt anything. The child
    // gets the default disposition, as in a terminal.
    // SAFETY: `signal` is async-signal-safe, the only call between fork and exec.
    unsafe {
        c.pre_exec(|| {
            libc::signal(libc::SIGINT, libc::SIG_DFL);
            Ok(())
        });
    }
    c.arg("ingest").arg("--quiet").arg(input).stdout(Stdio::null()).stderr(Stdio::piped()).spawn().unwrap()
}

/// Waits until the ingest has committed past `more_than` documents (or ended).
fn wait_for_commit(child: &mut Child, db: &Path, more_than: usize) {
    let start = Instant::now();
    while committed(db) <= more_than && child.try_wait().unwrap().is_none() && start.elapsed() < Duration::from_secs(20) {
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// Interrupts ingests of `n` documents at several moments with `interrupt`,
/// checking the database after each, then resumes to completion.
fn interrupt_and_resume(n: usize, interrupt: fn(&mut Child)) {
    let dir = tempfile::tempdir().unwrap();
    let input = corpus(&dir.path().join("corpus"), "d", n);
    let (reference, ref_stats) = reference(dir.path(), &[&input]);
    let db = dir.path().join("q.db");
    let mut partial = 0;
    // Delays in ms: None kills at once (during open and migration), Some(d)
    // waits for one more committed batch and then `d` ms (mid-batch).
    for delay in [None, Some(0), Some(30), Some(120)] {
        let before = committed(&db);
        let mut child = spawn_ingest(&db, &input);
        if let Some(d) = delay {
            wait_for_commit(&mut child, &db, before);
            std::thread::sleep(Duration::from_millis(d));
        }
        interrupt(&mut child);
        let t = Instant::now();
        let status = child.wait().unwrap();
        assert!(t.elapsed() < Duration::from_secs(2), "the ingest took {:?} to stop", t.elapsed());
        // Killed by the signal, or (on a slow, busy machine) already finished
        // with 0 before the signal arrived: either way the database must be consistent.
        assert!(status.code().is_none_or(|c| c == 130 || c == 1 || c == 0), "unexpected exit {status:?}");
        let stored = assert_consistent(&db, &reference);
        if stored > 0 && stored < n {
            partial += 1;
        }
    }
    assert!(partial > 0, "no interruption hit the middle of the ingest; make the corpus bigger");
    let (code, _, err) = run(&db, &["ingest", "--quiet", input.to_str().unwrap()]);
    assert_eq!(code, 0, "resumed ingest failed: {err}");
    assert_eq!(assert_consistent(&db, &reference), n);
    assert_eq!(stats(&db), ref_stats, "a resumed ingest stores what a clean one does");
}

#[test]
fn ingest_killed_with_sigkill_leaves_a_consistent_db_and_resumes_without_duplicates() {
    interrupt_and_resume(320, |c| c.kill().unwrap());
}

#[test]
fn ingest_interrupted_with_sigint_leaves_a_consistent_db_and_resumes() {
    interrupt_and_resume(320, |c| {
        let ok = Command::new("kill").arg("-INT").arg(c.id().to_string()).status().is_ok_and(|s| s.success());
        if !ok {
            // Already exited (or no `kill`): the rest of the checks still hold.
            skip!("could not send SIGINT to {}", c.id());
        }
    });
}

#[test]
fn reingest_of_unchanged_documents_is_a_no_op() {
    let dir = tempfile::tempdir().unwrap();
    let input = corpus(&dir.path().join("corpus"), "d", 10);
    let db = dir.path().join("q.db");
    ingest_ok(&db, &[&input]);
    let first = stats(&db);
    let (code, _, err) = run(&db, &["ingest", input.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("0 added, 0 replaced, 10 unchanged"), "{err}");
    assert_eq!(stats(&db), first);
}

// Foreign, newer and damaged files ----------------------------------------

fn sidecars_absent(db: &Path) {
    for suffix in ["-wal", "-shm", "-journal"] {
        let p = PathBuf::from(format!("{}{suffix}", db.display()));
        assert!(!p.exists(), "{} left behind", p.display());
    }
}

/// Every command in `cmds` exits 1 with a message naming the file and
/// containing `needle`, without panicking, and leaves the file's bytes alone.
fn assert_refused_untouched(db: &Path, cmds: &[&[&str]], needle: &str) {
    let before = std::fs::read(db).unwrap();
    for args in cmds {
        let (code, _, err) = run(db, args);
        assert_eq!(code, 1, "quotegraph {args:?}: {err}");
        assert!(!err.contains("panicked"), "{err}");
        assert!(err.contains(&db.display().to_string()), "quotegraph {args:?} does not name the file: {err}");
        assert!(err.contains(needle), "quotegraph {args:?}: expected {needle:?} in: {err}");
        assert_eq!(err.lines().count(), 1, "one error line, SQLite's text not repeated: {err}");
        assert_eq!(err.matches(needle).count(), 1, "SQLite's text repeated: {err}");
        assert!(std::fs::read(db).unwrap() == before, "quotegraph {args:?} modified {}", db.display());
        sidecars_absent(db);
    }
}

fn commands(dir: &Path) -> Vec<Vec<String>> {
    let doc = dir.join("new.txt");
    std::fs::write(&doc, "\u{201c}We are ready,\u{201d} said Maria Lopez.\n").unwrap();
    vec![
        vec!["ingest".into(), doc.display().to_string()],
        vec!["quotes".into(), "--format".into(), "json".into()],
        vec!["stats".into()],
    ]
}

fn as_args(cmds: &[Vec<String>]) -> Vec<Vec<&str>> {
    cmds.iter().map(|c| c.iter().map(String::as_str).collect()).collect()
}

#[test]
fn db_from_a_newer_schema_version_is_refused_and_not_modified() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("newer.db");
    ingest_ok(&db, &[&corpus(&dir.path().join("c"), "d", 3)]);
    {
        // A newer quotegraph's file, copied around in rollback-journal mode:
        // even switching it to WAL would rewrite its header.
        let conn = Connection::open(&db).unwrap();
        conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
        conn.pragma_update(None, "user_version", 99).unwrap();
    }
    sidecars_absent(&db);
    let cmds = commands(dir.path());
    let args = as_args(&cmds);
    let args: Vec<&[&str]> = args.iter().map(Vec::as_slice).collect();
    assert_refused_untouched(&db, &args, "newer than this quotegraph");
}

#[test]
fn non_quotegraph_sqlite_file_is_refused_and_never_modified() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("other.sqlite");
    {
        let conn = Connection::open(&db).unwrap();
        conn.execute_batch("CREATE TABLE t(x); INSERT INTO t VALUES (1), ('two');").unwrap();
    }
    let cmds = commands(dir.path());
    let args = as_args(&cmds);
    let args: Vec<&[&str]> = args.iter().map(Vec::as_slice).collect();
    assert_refused_untouched(&db, &args, "not a quotegraph database");
}

#[test]
fn corrupt_or_non_sqlite_db_file_is_refused_and_never_modified() {
    let dir = tempfile::tempdir().unwrap();
    let cmds = commands(dir.path());
    let args = as_args(&cmds);
    let args: Vec<&[&str]> = args.iter().map(Vec::as_slice).collect();

    let text = dir.path().join("notes.db");
    std::fs::write(&text, "These are my notes, not a database.\n".repeat(200)).unwrap();
    assert_refused_untouched(&text, &args, "not a SQLite database");

    let real = dir.path().join("real.db");
    ingest_ok(&real, &[&corpus(&dir.path().join("c"), "d", 20)]);
    let bytes = std::fs::read(&real).unwrap();
    let page = u16::from_be_bytes([bytes[16], bytes[17]]) as usize;
    assert!(bytes.len() > 4 * page, "the sample database is too small to damage");

    let truncated = dir.path().join("truncated.db");
    std::fs::write(&truncated, &bytes[..2 * page]).unwrap();
    assert_refused_untouched(&truncated, &args, "malformed");

    // Damage that the first look cannot see is found when the page is read:
    // ingest and quotes read it (stats may not), and nothing is written.
    let reading = &args[..2];
    let garbage = dir.path().join("garbage.db");
    let mut damaged = bytes.clone();
    for (i, b) in damaged[2 * page..3 * page].iter_mut().enumerate() {
        *b = (i * 7 + 13) as u8;
    }
    std::fs::write(&garbage, &damaged).unwrap();
    assert_refused_untouched(&garbage, reading, "malformed");
}

// Concurrency ----------------------------------------------------------------

#[test]
fn queries_run_while_an_ingest_writes() {
    let dir = tempfile::tempdir().unwrap();
    let input = corpus(&dir.path().join("corpus"), "d", 320);
    let db = dir.path().join("q.db");
    let mut child = spawn_ingest(&db, &input);
    wait_for_commit(&mut child, &db, 0);
    let (mut last, mut reads) = (0, 0);
    while child.try_wait().unwrap().is_none() {
        let (code, out, err) = run(&db, &["quotes", "--format", "json"]);
        assert_eq!(code, 0, "quotes during an ingest: {err}");
        let rows: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap();
        assert!(rows.len() >= last, "quote count went down: {} after {last}", rows.len());
        last = rows.len();
        let (code, out, err) = run(&db, &["stats", "--format", "json"]);
        assert_eq!(code, 0, "stats during an ingest: {err}");
        serde_json::from_str::<serde_json::Value>(&out).unwrap();
        reads += 1;
    }
    let status = child.wait_with_output().unwrap();
    assert!(status.status.success(), "{}", String::from_utf8_lossy(&status.stderr));
    if reads == 0 {
        skip!("the ingest finished before a query could run beside it");
    }
    let conn = Connection::open(&db).unwrap();
    let mode: String = conn.query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
    assert_eq!(mode, "wal");
}

#[test]
fn two_concurrent_ingests_neither_corrupt_nor_duplicate() {
    let dir = tempfile::tempdir().unwrap();
    let a = corpus(&dir.path().join("a"), "a", 100);
    let b = corpus(&dir.path().join("b"), "b", 100);
    let c = corpus(&dir.path().join("c"), "c", 100);
    let (reference, ref_stats) = reference(dir.path(), &[&a, &b, &c]);
    let db = dir.path().join("q.db");
    let spawn = |x: &Path, y: &Path| {
        qg(&db).arg("ingest").arg("--quiet").arg(x).arg(y).stdout(Stdio::null()).stderr(Stdio::piped()).spawn().unwrap()
    };
    let (first, second) = (spawn(&a, &b), spawn(&b, &c));
    for child in [first, second] {
        let out = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "a concurrent ingest failed: {err}");
    }
    assert_eq!(assert_consistent(&db, &reference), 300);
    assert_eq!(stats(&db), ref_stats, "concurrent ingests store what a serial one does");
}

#[test]
fn ingest_blocked_past_the_busy_timeout_says_retry_and_a_rerun_completes() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("q.db");
    ingest_ok(&db, &[&corpus(&dir.path().join("c"), "d", 2)]);
    let more = corpus(&dir.path().join("more"), "m", 2);
    let holder = Connection::open(&db).unwrap();
    holder.execute_batch("BEGIN IMMEDIATE").unwrap();
    let (code, _, err) = run(&db, &["ingest", "--quiet", more.to_str().unwrap()]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("database is locked") && err.contains("retry"), "{err}");
    holder.execute_batch("ROLLBACK").unwrap();
    drop(holder);
    let (code, _, err) = run(&db, &["ingest", "--quiet", more.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(committed(&db), 4);
}

// Search errors and closed pipes ------------------------------------------------

#[test]
fn search_with_fts5_syntax_error_gives_a_friendly_message() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("q.db");
    ingest_ok(&db, &[&corpus(&dir.path().join("c"), "d", 3)]);
    for q in ["\"unbalanced", "AND", "foo NEAR(", "schools OR", "*"] {
        let (code, _, err) = run(&db, &["search", q]);
        assert_eq!(code, 1, "search {q:?}: {err}");
        assert!(err.starts_with("error: search query") && err.contains("not valid full-text syntax"), "search {q:?}: {err}");
        assert!(err.contains("quote phrases"), "search {q:?} gives no hint: {err}");
        assert!(!err.contains("panicked"), "{err}");
    }
}

#[test]
fn quotes_into_a_closed_pipe_ends_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("q.db");
    ingest_ok(&db, &[&corpus(&dir.path().join("c"), "d", 200)]);
    let qg = bin();
    for args in [
        "quotes --all --format jsonl",
        "quotes --all --format table",
        "quotes --all --format json",
        "export --format dot",
        "search schools --all",
    ] {
        let out = Command::new("bash")
            .arg("-c")
            .arg(format!("set -o pipefail; \"$QG\" {args} | head -c 10 >/dev/null"))
            .env("QG", &qg)
            .env("QUOTEGRAPH_DB", &db)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "quotegraph {args} | head: {err}");
        assert!(err.is_empty(), "quotegraph {args} | head: {err}");
    }
}

// Bad inputs through ingest ------------------------------------------------------

#[test]
fn ingest_bad_inputs_exit_1_with_summary_and_store_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(input.join("good.txt"), "\u{201c}We will win,\u{201d} said Maria Lopez.\n").unwrap();
    std::fs::write(input.join("latin.txt"), b"Caf\xff \xe2\x80\x9cThe \xfe plan is good,\xe2\x80\x9d said John Smith.\n")
        .unwrap();
    std::fs::write(input.join("binary.txt"), b"abc\x00\x01\x02def").unwrap();
    std::fs::write(input.join("empty.txt"), b"").unwrap();
    std::fs::write(
        input.join("news.jsonl"),
        "{\"id\":\"j1\",\"text\":\"\u{201c}We agree,\u{201d} said Peter Novak.\"}\n{bad json\n",
    )
    .unwrap();
    let db = dir.path().join("q.db");
    let (code, _, err) = run(&db, &["ingest", input.to_str().unwrap()]);
    assert_eq!(code, 1, "{err}");
    for needle in [
        "binary.txt: looks like a binary file",
        "news.jsonl:2: invalid JSON line",
        "latin.txt: invalid UTF-8 at byte 3",
        "4 added, 0 replaced, 0 unchanged, 2 failed",
        "error: some inputs failed",
    ] {
        assert!(err.contains(needle), "expected {needle:?} in: {err}");
    }
    let conn = Connection::open(&db).unwrap();
    let docs: Vec<(String, String)> = conn
        .prepare("SELECT id, text FROM document ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let ids: Vec<&str> = docs.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(ids, ["empty", "good", "j1", "latin"]);
    let latin = &docs[3].1;
    assert!(latin.starts_with("Caf\u{fffd} "), "the lossily decoded text is stored: {latin:?}");
    // Offsets index the stored (decoded) text.
    let mut st =
        conn.prepare("SELECT q.text, q.start, q.end, d.text FROM quote q JOIN document d ON d.id = q.document_id WHERE q.fragments IS NULL").unwrap();
    let quotes: Vec<(String, usize, usize, String)> =
        st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))).unwrap().map(Result::unwrap).collect();
    assert!(quotes.len() >= 3, "{quotes:?}");
    for (text, start, end, doc) in &quotes {
        assert_eq!(doc.get(*start..*end), Some(text.as_str()), "quote span {start}..{end} of {doc:?}");
    }
}

// CSV export escaping ------------------------------------------------------------

fn hostile_graph(text: &str) -> quotegraph::graph::QuoteGraph {
    use quotegraph::store::read::{DocumentRecord, EntityRecord, QuoteRecord};
    let doc = "d\"1,\\".to_string();
    quotegraph::graph::QuoteGraph::from_data(quotegraph::store::GraphData {
        entities: vec![EntityRecord {
            id: quotegraph::model::EntityId(1),
            name: text.into(),
            entity_type: quotegraph::model::EntityType::Person,
            external_id: None,
            said: 1,
            about: 0,
        }],
        documents: vec![DocumentRecord { id: doc.clone(), title: Some(text.into()), date: None, url: None }],
        quotes: vec![QuoteRecord {
            id: quotegraph::model::QuoteId(1),
            document_id: doc,
            kind: quotegraph::model::QuoteKind::Direct,
            text: text.into(),
            speaker_id: Some(quotegraph::model::EntityId(1)),
            cue: Some(text.into()),
            confidence: 0.5,
            start: 0,
            end: 1,
        }],
        ..Default::default()
    })
}

/// The one data row of `file` as header -> field.
fn csv_row(dir: &Path, file: &str) -> BTreeMap<String, String> {
    let mut r = csv::Reader::from_path(dir.join(file)).unwrap();
    let headers = r.headers().unwrap().clone();
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 1, "{file}: {rows:?}");
    headers.iter().zip(rows[0].iter()).map(|(h, v)| (h.to_string(), v.to_string())).collect()
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]

    /// Quotation marks, commas, newlines, backslashes, control and non-BMP
    /// characters in quote text, names and titles survive a CSV round trip.
    #[test]
    fn csv_export_round_trips_any_text(text in "(\\PC|[\"\\\\,\\r\\n\\t\\x00-\\x1f<>&]|\\]\\]>|--|\u{1F600}){0,24}") {
        let dir = tempfile::tempdir().unwrap();
        quotegraph::export::csv::write(&hostile_graph(&text), dir.path()).unwrap();
        let quote = csv_row(dir.path(), "quotes.csv");
        proptest::prop_assert_eq!(&quote["text"], &text);
        proptest::prop_assert_eq!(&quote["cue"], &text);
        proptest::prop_assert_eq!(&quote["document"], "d\"1,\\");
        proptest::prop_assert_eq!(&csv_row(dir.path(), "entities.csv")["name"], &text);
        proptest::prop_assert_eq!(&csv_row(dir.path(), "documents.csv")["title"], &text);
    }
}
