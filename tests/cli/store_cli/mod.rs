//! The store commands and exports through the binary, on a database built
//! from hand-made extractions (independent of extraction quality), plus
//! ingest behaviour on real text.

mod escaping;
mod goldens;
mod ingest;
mod interop;
mod paging;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use quotegraph::store::fixture::sample;
use quotegraph::store::{AliasTable, Store};

/// A temporary directory with the sample database `q.db`.
pub struct Fixture {
    pub dir: tempfile::TempDir,
}

impl Fixture {
    pub fn new() -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("q.db")).unwrap();
        let aliases = AliasTable::parse("Trump,Donald Trump,person,Q22686\n", "aliases.csv").unwrap();
        for r in store.write_batch(&sample(), &aliases, false).unwrap() {
            r.unwrap();
        }
        Fixture { dir }
    }

    pub fn db(&self) -> PathBuf {
        self.dir.path().join("q.db")
    }

    /// Runs quotegraph with `--db` set; returns (exit code, stdout, stderr).
    pub fn run(&self, args: &[&str]) -> (i32, String, String) {
        run_db(&self.db(), args)
    }

    /// Runs and expects success; returns stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let (code, out, err) = self.run(args);
        assert_eq!(code, 0, "quotegraph {args:?} failed: {err}");
        out
    }
}

pub fn run_db(db: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::cargo_bin("quotegraph")
        .unwrap()
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("QUOTEGRAPH_DB")
        .env("COLUMNS", "200")
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Whether a program runs; prints a visible SKIP otherwise. Under CI
/// (`CI=true`) a missing program fails the test: `.ci/run` installs them all.
pub fn have(program: &str, args: &[&str], why: &str) -> bool {
    let ok = std::process::Command::new(program).args(args).output().is_ok_and(|o| o.status.success());
    if !ok {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "{why}: `{program} {}` is not available, and .ci/run installs it",
            args.join(" ")
        );
        skip!("{why}: `{program} {}` is not available", args.join(" "));
    }
    ok
}

/// Whether python3 with networkx is available.
pub fn have_networkx() -> bool {
    have("python3", &["-c", "import networkx"], "networkx checks")
}
