//! Past one machine (docs/scale-out.md): `extract` as a stream filter,
//! `ingest --extracted`, and the Spark job of scripts/spark/ end to end.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use rusqlite::types::Value;
use rusqlite::Connection;

fn bin() -> PathBuf {
    assert_cmd::cargo::cargo_bin("quotegraph")
}

fn samples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data/samples")
}

/// Runs quotegraph; returns (exit code, stdout, stderr).
fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(bin()).args(args).env_remove("QUOTEGRAPH_DB").output().unwrap();
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    (out.status.code().unwrap_or(-1), text(&out.stdout), text(&out.stderr))
}

/// How long a record may take to come back before the stream filter counts as holding it.
const ANSWER_TIMEOUT: Duration = Duration::from_secs(60);

#[test]
fn the_stream_filter_answers_each_line_in_order_before_the_next_arrives() {
    let mut child = Command::new(bin())
        .args(["extract", "--format", "jsonl", "--input-format", "jsonl", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let (tx, rx) = mpsc::channel();
    let stdout = child.stdout.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let _ = tx.send(line.unwrap());
        }
    });
    let inputs = [
        r#"{"id": "a", "text": "“We are ready,” said Dr. Basem Naim."}"#,
        "not json",
        r#"{"id": "no-text"}"#,
        r#"{"id": 7, "text": "He said it rained.", "date": "2024-01-01"}"#,
    ];
    let mut records = Vec::new();
    // Stdin stays open: each record must come back while the process waits for more.
    for input in inputs {
        writeln!(stdin, "{input}").unwrap();
        stdin.flush().unwrap();
        let line = rx.recv_timeout(ANSWER_TIMEOUT).unwrap_or_else(|_| panic!("no record for {input:?} while stdin is open"));
        records.push(serde_json::from_str::<serde_json::Value>(&line).unwrap());
    }
    drop(stdin);
    let status = child.wait().unwrap();
    assert!(rx.recv_timeout(ANSWER_TIMEOUT).is_err(), "one record per input line, no more");
    assert_eq!(status.code(), Some(1), "some inputs failed: exit code 1");
    assert_eq!(records[0]["doc"], "a");
    assert_eq!(records[0]["quotes"][0]["speaker"]["entity"], "Basem Naim");
    assert_eq!(records[3]["doc"], "7");
    for (i, line) in [(1, 2), (2, 3)] {
        let r = &records[i];
        assert_eq!(r["line"], line, "{r}");
        assert!(r["error"].as_str().unwrap().contains(&format!("<stdin>:{line}:")), "{r}");
        assert_eq!(r["quotes"], serde_json::json!([]), "error records keep the record's shape");
    }
    for r in [&records[0], &records[3]] {
        assert!(r.get("error").is_none() && r.get("document").is_none(), "{r}");
    }
}

/// Every table of a database as sorted rows, with row ids replaced by what
/// they stand for (an entity by its key, a quote by its document and span),
/// so that two databases built in different ways compare equal.
fn dump(db: &Path) -> BTreeMap<String, Vec<String>> {
    let conn = Connection::open(db).unwrap();
    let keys = |sql: &str| -> BTreeMap<i64, String> {
        let mut st = conn.prepare(sql).unwrap();
        st.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap().map(Result::unwrap).collect()
    };
    let entities = keys("SELECT id, name_key || '|' || type || '|' || scope FROM entity");
    let quotes = keys("SELECT id, document_id || '|' || start || '|' || end || '|' || kind FROM quote");
    let tables: Vec<String> = {
        let mut st = conn
            .prepare(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
                 AND name NOT LIKE 'quote_fts%' ORDER BY name",
            )
            .unwrap();
        st.query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect()
    };
    let mut out = BTreeMap::new();
    for t in tables {
        let mut st = conn.prepare(&format!("SELECT * FROM \"{t}\"")).unwrap();
        let columns: Vec<String> = st.column_names().iter().map(|c| c.to_string()).collect();
        let mut rows: Vec<String> = st
            .query_map([], |r| {
                let mut row = Vec::new();
                for (i, c) in columns.iter().enumerate() {
                    let v: Value = r.get(i)?;
                    let id = match v {
                        Value::Integer(n) => Some(n),
                        _ => None,
                    };
                    let shown = match (c.as_str(), id) {
                        ("id", _) if t != "document" => continue,
                        ("entity_id" | "speaker_id" | "organization_id", Some(n)) => entities[&n].clone(),
                        ("quote_id", Some(n)) => quotes[&n].clone(),
                        _ => format!("{v:?}"),
                    };
                    row.push(format!("{c}={shown}"));
                }
                Ok(row.join(" "))
            })
            .unwrap()
            .map(Result::unwrap)
            .collect();
        rows.sort();
        out.insert(t, rows);
    }
    out
}

fn assert_same_database(expected: &Path, actual: &Path) {
    let (a, b) = (dump(expected), dump(actual));
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (table, rows) in &a {
        assert!(!rows.is_empty() || table != "quote", "the reference database has quotes");
        let other = &b[table];
        if rows != other {
            let (mine, theirs): (BTreeSet<_>, BTreeSet<_>) = (rows.iter().collect(), other.iter().collect());
            let missing: Vec<_> = mine.difference(&theirs).take(3).collect();
            let extra: Vec<_> = theirs.difference(&mine).take(3).collect();
            panic!("table {table}: {} vs {} rows; missing {missing:?}; extra {extra:?}", rows.len(), other.len());
        }
    }
}

/// `quotegraph ingest data/samples` into `dir/reference.db`.
fn reference_db(dir: &Path) -> PathBuf {
    let db = dir.join("reference.db");
    let (code, _, err) = run(&["--db", db.to_str().unwrap(), "ingest", "--quiet", samples().to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    db
}

#[test]
fn records_with_text_rebuild_the_database_that_ingest_builds() {
    let dir = tempfile::tempdir().unwrap();
    let reference = reference_db(dir.path());
    let (code, records, err) = run(&["extract", "--with-text", samples().to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let parts = dir.path().join("parts");
    std::fs::create_dir(&parts).unwrap();
    // Split like Spark's output: part files in a directory, with its marker files beside them.
    let lines: Vec<&str> = records.lines().collect();
    let (first, second) = lines.split_at(lines.len() / 2);
    std::fs::write(parts.join("part-00000"), first.join("\n") + "\n").unwrap();
    std::fs::write(parts.join("part-00001"), second.join("\n") + "\n").unwrap();
    std::fs::write(parts.join("_SUCCESS"), "").unwrap();
    std::fs::write(parts.join(".part-00000.crc"), "not a record").unwrap();
    let db = dir.path().join("loaded.db");
    let load = || run(&["--db", db.to_str().unwrap(), "ingest", "--extracted", parts.to_str().unwrap()]);
    let (code, _, err) = load();
    assert_eq!(code, 0, "{err}");
    assert!(err.contains(&format!("{} added", lines.len())), "{err}");
    assert_same_database(&reference, &db);
    // Idempotent like ingest: the same records again change nothing.
    let (code, _, err) = load();
    assert_eq!(code, 0, "{err}");
    assert!(err.contains(&format!("0 added, 0 replaced, {} unchanged", lines.len())), "{err}");
    assert_same_database(&reference, &db);
}

#[test]
fn ingest_extracted_reports_records_it_cannot_store_and_keeps_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let input = "{\"id\": \"ok\", \"text\": \"“Yes,” said Ann Lee.\"}\nnot json\n";
    let stream = |extra: &[&str]| {
        let out = assert_cmd::Command::new(bin())
            .args(["extract", "--input-format", "jsonl", "-"])
            .args(extra)
            .write_stdin(input)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "the bad line fails");
        String::from_utf8(out.stdout).unwrap()
    };
    let with_text = stream(&["--with-text"]);
    let plain = stream(&[]);
    let records = dir.path().join("records.jsonl");
    let plain_ok = plain.lines().next().unwrap();
    std::fs::write(&records, format!("{with_text}{plain_ok}\n{{\"doc\": \n")).unwrap();
    let db = dir.path().join("q.db");
    let (code, _, err) = run(&["--db", db.to_str().unwrap(), "ingest", "--extracted", records.to_str().unwrap()]);
    assert_eq!(code, 1, "{err}");
    let file = records.display().to_string();
    assert!(err.contains(&format!("{file}:2: an input line failed where it was extracted")), "{err}");
    assert!(err.contains(&format!("{file}:3: record \"ok\" has no document text")), "{err}");
    assert!(err.contains(&format!("{file}:4: not an extract record")), "{err}");
    assert!(err.contains("1 added") && err.contains("3 failed"), "{err}");
}

/// Whether `python3` (the CI venv's, first on PATH) has pyspark and pyarrow,
/// and Java runs. Missing pieces fail under CI=true (.ci/run installs them)
/// and skip visibly elsewhere.
fn have_spark() -> bool {
    let runs = |cmd: &str, args: &[&str]| Command::new(cmd).args(args).output().is_ok_and(|o| o.status.success());
    let missing: Vec<&str> = [
        ("java (openjdk-17-jre-headless)", runs("java", &["-version"])),
        ("python3 with pyspark and pyarrow", runs("python3", &["-c", "import pyspark, pyarrow"])),
    ]
    .into_iter()
    .filter(|(_, ok)| !ok)
    .map(|(what, _)| what)
    .collect();
    if missing.is_empty() {
        return true;
    }
    let why = format!("the Spark job test needs {}", missing.join(" and "));
    assert!(std::env::var("CI").map_or(true, |v| v != "true"), "{why}: .ci/run installs them, so CI must have them");
    crate::skip!("{why}");
    false
}

#[test]
fn the_spark_job_builds_the_database_that_ingest_builds() {
    if !have_spark() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let reference = reference_db(dir.path());
    // The samples as the job reads them, in `ingest data/samples` order: the
    // .txt document as Parquet, then the JSONL file with a line that is no document.
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    let hamas = samples().join("hamas-talks.txt");
    let mut jsonl = std::fs::read_to_string(samples().join("wikinews.jsonl")).unwrap();
    jsonl.push_str("not a document\n");
    std::fs::write(input.join("wikinews.jsonl"), jsonl).unwrap();
    let python = |script: &str, args: &[&Path]| {
        let out = Command::new("python3").arg("-c").arg(script).args(args).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    python(
        "import sys, pyarrow as pa, pyarrow.parquet as pq\n\
         text = open(sys.argv[1], encoding='utf-8').read()\n\
         pq.write_table(pa.table({'id': ['hamas-talks'], 'text': [text]}), sys.argv[2])",
        &[&hamas, &input.join("hamas.parquet")],
    );
    let out = dir.path().join("out");
    let job = Command::new("python3")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/spark/extract.py"))
        .args(["--master", "local[2]", "--binary"])
        .arg(bin())
        .args([input.join("hamas.parquet"), input.join("wikinews.jsonl"), out.clone()])
        .output()
        .unwrap();
    let log = String::from_utf8_lossy(&job.stderr);
    assert!(job.status.success(), "the Spark job failed:\n{log}");
    assert!(log.contains("1 records with an error"), "{log}");

    let db = dir.path().join("spark.db");
    let records = out.join("records");
    let (code, _, err) = run(&["--db", db.to_str().unwrap(), "ingest", "--extracted", records.to_str().unwrap()]);
    assert_eq!(code, 1, "the error record is reported: {err}");
    assert!(err.contains("an input line failed where it was extracted") && err.contains("1 failed"), "{err}");
    assert_same_database(&reference, &db);

    // The Parquet tables read in pyarrow (as pandas and DuckDB read them) and agree with the database.
    let counts = python(
        "import sys, pyarrow.parquet as pq\n\
         for t in ['documents', 'quotes', 'entities', 'mentions']:\n    \
             print(t, pq.read_table(sys.argv[1] + '/' + t).num_rows)",
        &[&out],
    );
    // The tables hold the public records' rows: count them in `quotegraph extract`'s output.
    let (_, records, _) = run(&["extract", samples().to_str().unwrap()]);
    let records: Vec<serde_json::Value> = records.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let entities = || records.iter().flat_map(|r| r["entities"].as_array().unwrap());
    let expected = format!(
        "documents {}\nquotes {}\nentities {}\nmentions {}\n",
        records.len() + 1,
        records.iter().map(|r| r["quotes"].as_array().unwrap().len()).sum::<usize>(),
        entities().count(),
        entities().map(|e| e["mentions"].as_array().unwrap().len()).sum::<usize>(),
    );
    assert_eq!(counts, expected);
}
