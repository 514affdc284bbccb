//! The SQLite graph store: documents, quotes, mentions, entities, aliases
//! and typed edges (docs/schema.md). Every statement comes from `queries/`
//! through [`registry`] and runs with bound parameters.

pub mod aliases;
pub mod around;
pub mod browse;
pub mod bulk;
#[doc(hidden)]
/// Test fixtures: public only for the integration tests (tests/cli), not part of the API.
#[doc(hidden)]
pub mod fixture;
pub mod hits;
mod quote_rows;
pub mod read;
pub mod registry;
pub mod spread;
pub mod write;

use std::path::{Path, PathBuf};

use rusqlite::types::{Value, ValueRef};
use rusqlite::{Connection, OpenFlags, TransactionBehavior::Immediate};
use thiserror::Error;

pub use aliases::AliasTable;
pub use read::{GraphData, Row};
pub use write::{IngestStatus, Prepared};

/// The schema version this build writes (PRAGMA user_version).
pub const SCHEMA_VERSION: i64 = 5;

/// Migrations in order: entry `i` moves the database from version `i` to `i + 1`.
const MIGRATIONS: &[&str] = &["schema_v1", "schema_v2", "schema_v3", "schema_v4", "schema_v5"];

#[derive(Debug, Error)]
pub enum StoreError {
    // `error` is shown in the message, not chained as a source: `error: {e:#}`
    // would print SQLite's text two or three times.
    #[error("{path}: {context}: {error}")]
    Sqlite { path: String, context: String, error: rusqlite::Error },
    #[error("{path}: database schema version {found} is newer than this quotegraph understands ({SCHEMA_VERSION}); upgrade quotegraph")]
    TooNew { path: String, found: i64 },
    #[error(
        "{path}: not a quotegraph database (it has other tables: {tables}); it was left untouched; choose another file with --db"
    )]
    Foreign { path: String, tables: String },
    #[error("{path}: not a SQLite database or damaged ({message}); it was left untouched")]
    NotSqlite { path: String, message: String },
    #[error("{path}: database schema version {found} is older than this quotegraph's ({SCHEMA_VERSION}) and a read-only reader cannot upgrade it; run `quotegraph reindex` (or any ingest) on it once")]
    TooOld { path: String, found: i64 },
    #[error("{path}: database is locked: another process has been writing to it for more than 5 s; retry when it is done")]
    Locked { path: String },
    #[error("{path}: no database here; create one with `quotegraph ingest PATH...` (or choose another with --db)")]
    Missing { path: String },
    #[error("{file}:{line}: {message}")]
    QueryFile { file: String, line: usize, message: String },
    #[error("no query named `{name}`; `quotegraph query --list` shows the available ones")]
    UnknownQuery { name: String },
    #[error("query `{name}` has no parameter :{param} (its parameters: {params})")]
    UnknownParam { name: String, param: String, params: String },
    #[error("search query {query:?} is not valid full-text syntax ({message}); quote phrases with \"...\" or use plain words")]
    FtsSyntax { query: String, message: String },
    #[error("{file}:{line}: {message}")]
    AliasFile { file: String, line: usize, message: String },
    #[error("document {doc}: span {start}..{end} is not a slice of its text ({len} bytes)")]
    BadSpan { doc: String, start: u32, end: u32, len: usize },
    #[error("{path}: {source}")]
    Io { path: String, source: std::io::Error },
}

/// An open quotegraph database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// Entity ids and aliases known to be stored (write.rs), so that writes skip repeated look-ups.
    cache: write::WriteCache,
    /// Link quotes to statements as they are written (spread.rs).
    link: bool,
    /// This connection's bulk load has the secondary indexes deferred (bulk.rs).
    deferred: bool,
}

impl Store {
    /// Opens (creating if needed) the database at `path` and migrates it to [`SCHEMA_VERSION`].
    /// An existing file is first inspected read-only: a file that is not
    /// SQLite, belongs to another program or to a newer quotegraph is
    /// refused before anything (even the journal mode) is written to it.
    ///
    /// Without a `-journal` or `-wal` file beside it (no other writer, no
    /// crash to recover) nothing reading the file can write to it, so the
    /// inspection runs on the connection that is then used: one open and
    /// one schema parse per command, which is most of a read-only query's
    /// cost. Otherwise a separate read-only connection inspects it first.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let open = |p: &Path| Connection::open(p).map_err(|e| sqlite_err(p, "opening the database", e));
        if !std::fs::metadata(path).is_ok_and(|m| m.len() > 0) {
            return Store::init(open(path)?, path.to_path_buf());
        }
        let [journal, wal, shm] = ["-journal", "-wal", "-shm"].map(|s| PathBuf::from(format!("{}{s}", path.display())));
        if journal.exists() || wal.exists() {
            check_existing(path)?;
            return Store::init(open(path)?, path.to_path_buf());
        }
        let shm_existed = shm.exists();
        let conn = open(path)?;
        if let Err(e) = inspect_conn(&conn, path) {
            drop(conn);
            for (p, existed) in [(&wal, false), (&shm, shm_existed)] {
                if !existed {
                    let _ = std::fs::remove_file(p);
                }
            }
            return Err(e);
        }
        Store::init(conn, path.to_path_buf())
    }

    /// Opens an existing database; a missing file is an error that says how to create one.
    pub fn open_existing(path: &Path) -> Result<Store, StoreError> {
        if !path.exists() {
            return Err(StoreError::Missing { path: path.display().to_string() });
        }
        Store::open(path)
    }

    /// Opens an existing database read-only (`SQLITE_OPEN_READ_ONLY`, and
    /// `query_only` on top): nothing through this connection can write the
    /// file, not even a migration, so a reader such as `serve` can run while
    /// an ingest writes (WAL). A database of an older schema is refused with
    /// the command that upgrades it; a newer or foreign one as by [`Store::open`].
    pub fn open_read_only(path: &Path) -> Result<Store, StoreError> {
        if !path.exists() {
            return Err(StoreError::Missing { path: path.display().to_string() });
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_URI;
        let conn = Connection::open_with_flags(path, flags).map_err(|e| sqlite_err(path, "opening the database read-only", e))?;
        inspect_conn(&conn, path)?;
        let store = Store { conn, path: path.to_path_buf(), cache: write::WriteCache::default(), link: false, deferred: false };
        store.conn.execute_batch(registry::sql("connection_read_only")).map_err(|e| store.err("connection settings", e))?;
        store.conn.busy_handler(Some(wait_for_lock)).map_err(|e| store.err("busy handler", e))?;
        let found = store.user_version()?;
        if found < SCHEMA_VERSION {
            return Err(StoreError::TooOld { path: path.display().to_string(), found });
        }
        Ok(store)
    }

    /// A fresh database in memory (tests).
    pub fn open_in_memory() -> Result<Store, StoreError> {
        let path = PathBuf::from(":memory:");
        let conn = Connection::open_in_memory().map_err(|e| sqlite_err(&path, "opening the database", e))?;
        Store::init(conn, path)
    }

    fn init(conn: Connection, path: PathBuf) -> Result<Store, StoreError> {
        let mut store = Store { conn, path, cache: write::WriteCache::default(), link: true, deferred: false };
        // The write path runs about 15 statements; the default cache of 16 would evict them under queries.
        store.conn.set_prepared_statement_cache_capacity(64);
        // Switching a new file to WAL can report "locked" at once, without waiting,
        // while another process creates the same database: retry within the busy timeout.
        let started = std::time::Instant::now();
        loop {
            match store.conn.execute_batch(registry::sql("connection")) {
                Ok(()) => break,
                Err(e) if is_busy(&e) && started.elapsed() < std::time::Duration::from_secs(5) => {
                    std::thread::sleep(std::time::Duration::from_millis(20));
                }
                Err(e) => return Err(store.err("connection settings", e)),
            }
        }
        // Replaces the busy timeout of `connection` (same 5 s) with short, even polls.
        store.conn.busy_handler(Some(wait_for_lock)).map_err(|e| store.err("busy handler", e))?;
        store.migrate()?;
        store.restore_if_abandoned()?;
        Ok(store)
    }

    /// The database file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The underlying connection (read-only use: EXPLAIN, tests).
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    pub(crate) fn err(&self, context: &str, e: rusqlite::Error) -> StoreError {
        sqlite_err(&self.path, context, e)
    }

    /// The schema version stored in the file.
    pub fn user_version(&self) -> Result<i64, StoreError> {
        self.conn.query_row(registry::sql("user_version"), [], |r| r.get(0)).map_err(|e| self.err("user_version", e))
    }

    fn migrate(&mut self) -> Result<(), StoreError> {
        let found = self.user_version()?;
        if found > SCHEMA_VERSION {
            return Err(StoreError::TooNew { path: self.path.display().to_string(), found });
        }
        for (i, name) in MIGRATIONS.iter().enumerate().skip(found as usize) {
            // Immediate: a second process creating the same new database waits
            // here, then sees the migration done and skips it.
            let tx = self.conn.transaction_with_behavior(Immediate).map_err(|e| begin_err(&self.path, e))?;
            let now: i64 = tx
                .query_row(registry::sql("user_version"), [], |r| r.get(0))
                .map_err(|e| sqlite_err(&self.path, "user_version", e))?;
            if now > i as i64 {
                continue;
            }
            tx.execute_batch(registry::sql(name))
                .map_err(|e| sqlite_err(&self.path, &format!("migration {i} -> {} ({name})", i + 1), e))?;
            if *name == "schema_v3" {
                // Quotes stored before v3 are linked to statements once, in the migration's transaction.
                spread::link_all(&tx, &self.path)?;
            }
            tx.commit().map_err(|e| sqlite_err(&self.path, "migration", e))?;
        }
        Ok(())
    }
}

/// Refuses an existing file that this build must not write to. A refused
/// file keeps no `-wal`/`-shm` that the read-only look created.
fn check_existing(path: &Path) -> Result<(), StoreError> {
    let sidecars = ["-wal", "-shm"].map(|s| PathBuf::from(format!("{}{s}", path.display())));
    let existed = sidecars.clone().map(|p| p.exists());
    let result = inspect(path);
    if result.is_err() {
        for (p, existed) in sidecars.iter().zip(existed) {
            if !existed {
                let _ = std::fs::remove_file(p);
            }
        }
    }
    result
}

fn inspect(path: &Path) -> Result<(), StoreError> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags)
        .map_err(|e| StoreError::NotSqlite { path: path.display().to_string(), message: e.to_string() })?;
    inspect_conn(&conn, path)
}

/// The checks of [`inspect`] on an open connection; they only read.
fn inspect_conn(conn: &Connection, path: &Path) -> Result<(), StoreError> {
    let shown = || path.display().to_string();
    let not_sqlite = |e: rusqlite::Error| StoreError::NotSqlite { path: shown(), message: e.to_string() };
    let found: i64 = conn.query_row(registry::sql("user_version"), [], |r| r.get(0)).map_err(not_sqlite)?;
    let tables: Vec<String> = conn
        .prepare(registry::sql("schema_tables"))
        .and_then(|mut st| st.query_map([], |r| r.get(0))?.collect())
        .map_err(not_sqlite)?;
    let ours = ["document", "quote"].iter().all(|t| tables.iter().any(|n| n == t));
    if !tables.is_empty() && !ours {
        return Err(StoreError::Foreign { path: shown(), tables: tables.join(", ") });
    }
    if found > SCHEMA_VERSION {
        return Err(StoreError::TooNew { path: shown(), found });
    }
    Ok(())
}

/// The error of a failed `BEGIN IMMEDIATE`: a lock held past the busy timeout says to retry.
pub(crate) fn begin_err(path: &Path, e: rusqlite::Error) -> StoreError {
    match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::DatabaseBusy) => StoreError::Locked { path: path.display().to_string() },
        _ => sqlite_err(path, "begin", e),
    }
}

pub(crate) fn sqlite_err(path: &Path, context: &str, e: rusqlite::Error) -> StoreError {
    StoreError::Sqlite { path: path.display().to_string(), context: context.to_string(), error: e }
}

pub use crate::model::normalize;

/// A value bound to a named query's parameter. The store's own type, so that
/// callers (`cmd/`, `serve`) need not know the SQLite crate.
#[derive(Clone, Debug, PartialEq)]
pub enum Param {
    Null,
    Integer(i64),
    Real(f64),
    Text(String),
}

impl From<Param> for Value {
    fn from(p: Param) -> Value {
        match p {
            Param::Null => Value::Null,
            Param::Integer(i) => Value::Integer(i),
            Param::Real(f) => Value::Real(f),
            Param::Text(t) => Value::Text(t),
        }
    }
}

/// Closed sets stored as their lower-case names read back as enums; a name
/// the enum does not know is an error naming it (a database written by
/// something else), never a silent default.
impl rusqlite::types::FromSql for crate::model::EntityType {
    fn column_result(v: ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
        let s = v.as_str()?;
        crate::model::EntityType::parse(s)
            .ok_or_else(|| rusqlite::types::FromSqlError::Other(format!("unknown entity type {s:?}").into()))
    }
}

impl rusqlite::types::FromSql for crate::model::QuoteKind {
    fn column_result(v: ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
        let s = v.as_str()?;
        crate::model::QuoteKind::parse(s)
            .ok_or_else(|| rusqlite::types::FromSqlError::Other(format!("unknown quote kind {s:?}").into()))
    }
}

/// Row ids read and bind as their integer.
macro_rules! sql_id {
    ($t:ty) => {
        impl rusqlite::types::FromSql for $t {
            fn column_result(v: ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
                i64::column_result(v).map(Self)
            }
        }
        impl rusqlite::types::ToSql for $t {
            fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
                Ok(self.0.into())
            }
        }
    };
}
sql_id!(crate::model::EntityId);
sql_id!(crate::model::QuoteId);

/// No parameters, for [`Store::rows`] on a query that takes none.
pub const NO_PARAMS: &[(&str, Param)] = &[];

/// A parameter value given on the command line: integers and reals bind as numbers, the rest as text.
pub fn param_value(s: &str) -> Param {
    if let Ok(i) = s.parse::<i64>() {
        Param::Integer(i)
    } else if let Ok(f) = s.parse::<f64>() {
        Param::Real(f)
    } else {
        Param::Text(s.to_string())
    }
}

fn json_value(v: ValueRef<'_>) -> serde_json::Value {
    match v {
        ValueRef::Null => serde_json::Value::Null,
        ValueRef::Integer(i) => i.into(),
        ValueRef::Real(f) => serde_json::Number::from_f64(f).map_or(serde_json::Value::Null, serde_json::Value::Number),
        ValueRef::Text(t) => String::from_utf8_lossy(t).into_owned().into(),
        ValueRef::Blob(b) => b.iter().map(|x| format!("{x:02x}")).collect::<String>().into(),
    }
}

#[cfg(test)]
mod mention_tests;
#[cfg(test)]
mod outlet_tests;
#[cfg(test)]
mod store_tests;

/// How long a statement waits for another connection's lock before failing with "database is locked".
pub const BUSY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(5);

/// Busy handler: retries every millisecond for [`BUSY_TIMEOUT`]. SQLite's
/// own handler backs off to one try per 100 ms, and an ingest writing
/// back-to-back transactions leaves the lock free only for a few
/// milliseconds between them: polled that rarely, a second ingest (or its
/// migration) would wait out the timeout and fail.
fn wait_for_lock(attempt: i32) -> bool {
    thread_local! {
        static SINCE: std::cell::Cell<std::time::Instant> = std::cell::Cell::new(std::time::Instant::now());
    }
    if attempt == 0 {
        SINCE.set(std::time::Instant::now());
    }
    if SINCE.get().elapsed() >= BUSY_TIMEOUT {
        return false;
    }
    std::thread::sleep(std::time::Duration::from_millis(1));
    true
}

/// SQLite reported that another connection holds a lock.
fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(e, rusqlite::Error::SqliteFailure(f, _) if matches!(f.code, rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_database_is_at_the_current_version_and_reopening_keeps_it() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("q.db");
        assert_eq!(Store::open(&p).unwrap().user_version().unwrap(), SCHEMA_VERSION);
        assert_eq!(Store::open(&p).unwrap().user_version().unwrap(), SCHEMA_VERSION);
    }

    #[test]
    fn a_newer_database_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("q.db");
        Connection::open(&p).unwrap().pragma_update(None, "user_version", 99).unwrap();
        assert!(matches!(Store::open(&p), Err(StoreError::TooNew { found: 99, .. })));
    }

    #[test]
    fn normalize_folds_case_space_and_apostrophes() {
        assert_eq!(normalize("  Basem   NAIM "), "basem naim");
        assert_eq!(normalize("O\u{2019}Brien"), "o'brien");
    }
}
