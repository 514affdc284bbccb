//! Bulk loads into an empty database: the secondary indexes and the
//! full-text triggers are dropped at the start and built once at the end
//! (sorting a finished table is much cheaper than millions of inserts at
//! random places in large indexes). A row in `deferred_build` says they are
//! missing; every writable open builds them when the process that dropped
//! them is gone, so a killed load leaves nothing missing for long, and a
//! write that needs an index (a replaced document, collecting entities)
//! builds them first.

use rusqlite::TransactionBehavior::Immediate;
use rusqlite::{named_params, Connection};

use super::{begin_err, registry::sql, sqlite_err, Store, StoreError};

/// Whether the database is empty, and the process that deferred its indexes (if any).
fn state(conn: &Connection, path: &std::path::Path) -> Result<(bool, Option<i64>), StoreError> {
    conn.query_row(sql("bulk_state"), [], |r| Ok((r.get(0)?, r.get(1)?))).map_err(|e| sqlite_err(path, "bulk_state", e))
}

/// Whether process `pid` is still running (it may be loading into the file now).
fn running(pid: i64) -> bool {
    if pid == i64::from(std::process::id()) {
        return true;
    }
    // Where the process table cannot be read, the loader counts as gone: its indexes are built now.
    // A killed process not reaped yet (a zombie, state Z) is gone too.
    let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else { return false };
    let state = stat.rsplit_once(')').and_then(|(_, rest)| rest.trim_start().chars().next());
    !matches!(state, None | Some('Z' | 'X'))
}

/// Builds the deferred indexes inside the transaction `tx` if they are still
/// missing; returns whether it did.
pub(crate) fn restore_in(tx: &Connection, path: &std::path::Path) -> Result<bool, StoreError> {
    if state(tx, path)?.1.is_none() {
        return Ok(false);
    }
    tx.execute_batch(sql("bulk_restore")).map_err(|e| sqlite_err(path, "bulk_restore", e))?;
    Ok(true)
}

impl Store {
    /// Starts a bulk load: in an empty database, drops the secondary indexes
    /// and full-text triggers (marked as deferred, in one transaction).
    /// Returns whether it did; [`Store::finish_bulk_load`] builds them.
    pub fn start_bulk_load(&mut self) -> Result<bool, StoreError> {
        let path = self.path.clone();
        let tx = self.conn.transaction_with_behavior(Immediate).map_err(|e| begin_err(&path, e))?;
        let (empty, deferred) = state(&tx, &path)?;
        if !empty || deferred.is_some() {
            return Ok(false);
        }
        tx.prepare_cached(sql("bulk_mark"))
            .and_then(|mut st| st.execute(named_params! {":pid": i64::from(std::process::id())}))
            .map_err(|e| sqlite_err(&path, "bulk_mark", e))?;
        tx.execute_batch(sql("bulk_defer")).map_err(|e| sqlite_err(&path, "bulk_defer", e))?;
        tx.commit().map_err(|e| sqlite_err(&path, "commit", e))?;
        self.deferred = true;
        Ok(true)
    }

    /// Ends a bulk load: builds whatever [`Store::start_bulk_load`] dropped.
    pub fn finish_bulk_load(&mut self) -> Result<(), StoreError> {
        if !std::mem::take(&mut self.deferred) {
            return Ok(());
        }
        self.restore_deferred()
    }

    /// Builds indexes a bulk load deferred, unless nothing is deferred or
    /// its process (another one) is still running.
    pub(crate) fn restore_if_abandoned(&mut self) -> Result<(), StoreError> {
        match state(&self.conn, &self.path)?.1 {
            Some(pid) if !running(pid) => self.restore_deferred(),
            _ => Ok(()),
        }
    }

    fn restore_deferred(&mut self) -> Result<(), StoreError> {
        let path = self.path.clone();
        // Outside a transaction (SQLite refuses it inside one); the rare build inside a
        // write's transaction (build_deferred_if_replacing) sorts with the connection's setting.
        self.conn.execute_batch(sql("bulk_sort_settings")).map_err(|e| sqlite_err(&path, "bulk_sort_settings", e))?;
        let tx = self.conn.transaction_with_behavior(Immediate).map_err(|e| begin_err(&path, e))?;
        restore_in(&tx, &path)?;
        tx.commit().map_err(|e| sqlite_err(&path, "commit", e))
    }

    /// Whether this connection's bulk load still has indexes deferred.
    pub fn bulk_deferred(&self) -> bool {
        self.deferred
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::fixture::sample;
    use crate::store::AliasTable;

    /// Every index and trigger of the schema with its SQL.
    fn schema(c: &Connection) -> Vec<(String, String)> {
        let mut st = c
            .prepare("SELECT name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY name")
            .unwrap();
        st.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap().map(Result::unwrap).collect()
    }

    fn dump(c: &Connection) -> Vec<String> {
        let mut out = Vec::new();
        for q in [
            "SELECT rowid, text FROM quote_fts WHERE quote_fts MATCH 'the OR hostages OR trump' ORDER BY rowid",
            "SELECT id, speaker_id, date, outlet FROM quote INDEXED BY quote_speaker_date ORDER BY speaker_id, date DESC, id",
            "SELECT entity_id, document_id, mentions FROM appears_in INDEXED BY appears_in_entity ORDER BY entity_id",
            // Every column: a bulk load inserts quotes one statement each, a plain write as JSON rows.
            "SELECT * FROM quote ORDER BY id",
            "SELECT * FROM quote_about ORDER BY quote_id, entity_id",
            "SELECT * FROM alias ORDER BY entity_id, norm",
        ] {
            let mut st = c.prepare(q).unwrap();
            let n = st.column_count();
            let rows = st.query_map([], |r| {
                (0..n).map(|i| r.get::<_, rusqlite::types::Value>(i).map(|v| format!("{v:?}"))).collect::<Result<Vec<_>, _>>()
            });
            out.extend(rows.unwrap().map(|r| r.unwrap().join("|")));
        }
        out
    }

    #[test]
    fn a_bulk_load_ends_with_the_schema_and_index_contents_of_a_plain_one() {
        let mut plain = Store::open_in_memory().unwrap();
        plain.write_batch(&sample(), &AliasTable::default(), false).unwrap();
        let mut bulk = Store::open_in_memory().unwrap();
        assert!(bulk.start_bulk_load().unwrap());
        assert!(schema(bulk.connection()).len() < schema(plain.connection()).len());
        bulk.write_batch(&sample(), &AliasTable::default(), false).unwrap();
        bulk.finish_bulk_load().unwrap();
        assert_eq!(schema(bulk.connection()), schema(plain.connection()), "bulk_restore builds what the schema files define");
        assert_eq!(dump(bulk.connection()), dump(plain.connection()));
        assert!(!dump(plain.connection()).is_empty());
        assert!(!bulk.start_bulk_load().unwrap(), "only an empty database defers its indexes");
    }

    #[test]
    fn a_replaced_document_during_a_bulk_load_builds_the_indexes_first() {
        let mut bulk = Store::open_in_memory().unwrap();
        assert!(bulk.start_bulk_load().unwrap());
        let docs = sample();
        bulk.write_batch(&docs, &AliasTable::default(), false).unwrap();
        let mut changed = docs.clone();
        changed[0].hash = "changed".into();
        bulk.write_batch(&changed[..1], &AliasTable::default(), false).unwrap();
        assert!(!bulk.bulk_deferred());
        let mut plain = Store::open_in_memory().unwrap();
        plain.write_batch(&docs, &AliasTable::default(), false).unwrap();
        plain.write_batch(&changed[..1], &AliasTable::default(), false).unwrap();
        assert_eq!(schema(bulk.connection()), schema(plain.connection()));
        assert_eq!(dump(bulk.connection()), dump(plain.connection()));
    }

    #[test]
    fn only_a_live_process_counts_as_loading() {
        assert!(running(i64::from(std::process::id())));
        assert!(!running(-1));
        assert!(!running(i64::from(i32::MAX)));
        if cfg!(target_os = "linux") {
            let mut child = std::process::Command::new("sleep").arg("30").spawn().unwrap();
            let pid = i64::from(child.id());
            assert!(running(pid));
            child.kill().unwrap();
            // Killed and not reaped yet: a zombie (the kill lands within a moment).
            let gone = (0..250).any(|_| {
                std::thread::sleep(std::time::Duration::from_millis(20));
                !running(pid)
            });
            assert!(gone, "a zombie is not loading");
            child.wait().unwrap();
            assert!(!running(pid));
        }
    }

    #[test]
    fn an_abandoned_bulk_load_is_finished_by_the_next_open() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("q.db");
        {
            let mut s = Store::open(&p).unwrap();
            assert!(s.start_bulk_load().unwrap());
            s.write_batch(&sample(), &AliasTable::default(), false).unwrap();
            // As if killed: no finish_bulk_load; the marker names a process that is gone.
            s.connection().execute("UPDATE deferred_build SET pid = -1", []).unwrap();
        }
        let reopened = Store::open(&p).unwrap();
        let mut plain = Store::open_in_memory().unwrap();
        plain.write_batch(&sample(), &AliasTable::default(), false).unwrap();
        assert_eq!(schema(reopened.connection()), schema(plain.connection()));
        assert_eq!(dump(reopened.connection()), dump(plain.connection()));
        let left: i64 = reopened.connection().query_row("SELECT count(*) FROM deferred_build", [], |r| r.get(0)).unwrap();
        assert_eq!(left, 0);
    }
}
