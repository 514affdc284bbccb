//! Quote rows on their way into `quote`: buffered as one JSON array per
//! transaction (one FTS5 flush instead of one per quote), or, where that
//! gains nothing, inserted one prepared statement each with the document's
//! date and outlet bound (no JSON for SQLite to decode, no document
//! look-ups): during a bulk load, whose full-text triggers are dropped, and
//! for text SQLite's JSON functions are not trusted with (U+0000).

use rusqlite::{named_params, Connection};

use super::{registry::sql, sqlite_err, StoreError};
use crate::model::{Document, RuleName};

/// One quote's columns, the text ones sliced from its document.
#[derive(Debug)]
pub(crate) struct QuoteRow<'a> {
    pub kind: &'static str,
    pub start: u32,
    pub end: u32,
    pub text: &'a str,
    pub fragments: Option<&'a str>,
    pub speaker_id: Option<i64>,
    pub speaker_text: Option<&'a str>,
    pub speaker_start: Option<u32>,
    pub speaker_end: Option<u32>,
    pub cue: Option<&'a str>,
    pub cue_start: Option<u32>,
    pub cue_end: Option<u32>,
    /// The confidence times 10,000, rounded: SQLite's division of it and Rust's give the same double.
    pub confidence: i64,
    pub rule: RuleName,
}

/// Rows of one table as a JSON array, for one multi-row `INSERT ... SELECT FROM json_each`.
#[derive(Debug, Default)]
struct JsonRows {
    json: Vec<u8>,
    n: usize,
}

impl JsonRows {
    fn push(&mut self, row: &impl serde::Serialize) {
        self.json.push(if self.n == 0 { b'[' } else { b',' });
        // Invariant: a row is strings, numbers and nulls: serde_json cannot fail on it.
        serde_json::to_writer(&mut self.json, row).expect("a row serialises to JSON");
        self.n += 1;
    }

    /// Runs `name` with the rows (if any) and empties the buffer; returns the rows inserted.
    fn insert(&mut self, tx: &Connection, path: &std::path::Path, name: &str) -> Result<usize, StoreError> {
        if self.n == 0 {
            return Ok(0);
        }
        self.json.push(b']');
        // Invariant: serde_json writes UTF-8.
        let json = std::str::from_utf8(&self.json).expect("serde_json writes UTF-8");
        let n = tx
            .prepare_cached(sql(name))
            .and_then(|mut st| st.execute(named_params! {":rows": json}))
            .map_err(|e| sqlite_err(path, name, e))?;
        self.json.clear();
        self.n = 0;
        Ok(n)
    }
}

/// Quotes waiting to be inserted, in the order they were written: one
/// statement for all of them, so one FTS5 flush per transaction instead of
/// one per quote (every statement that opens a statement journal flushes
/// FTS5's pending index, and a quote insert with its trigger is such a
/// statement). Other rows are inserted one by one: batching them as JSON
/// cost as much as it saved. With `direct` (a bulk load: no full-text
/// trigger, so nothing to flush) quotes are not buffered.
#[derive(Debug, Default)]
pub(crate) struct Pending {
    quotes: JsonRows,
    /// The ABOUT entities of each pending quote.
    about: Vec<Vec<i64>>,
    direct: bool,
}

impl Pending {
    /// `direct`: insert each quote at once instead of buffering it.
    pub(crate) fn new(direct: bool) -> Self {
        Pending { direct, ..Pending::default() }
    }

    /// Stores quote `q` of `doc` with its ABOUT edges, now if `direct` (or this
    /// writer does not buffer), else at the next [`Pending::flush`].
    pub(crate) fn add(
        &mut self,
        tx: &Connection,
        path: &std::path::Path,
        doc: &Document,
        q: &QuoteRow<'_>,
        about: Vec<i64>,
        direct: bool,
    ) -> Result<(), StoreError> {
        if !(direct || self.direct) {
            self.quotes.push(&(
                &doc.id,
                q.kind,
                q.start,
                q.end,
                q.text,
                q.fragments,
                q.speaker_id,
                q.speaker_text,
                q.speaker_start,
                q.speaker_end,
                q.cue,
                q.cue_start,
                q.cue_end,
                q.confidence,
                q.rule,
            ));
            self.about.push(about);
            return Ok(());
        }
        tx.prepare_cached(sql("quote_insert"))
            .and_then(|mut st| {
                st.execute(named_params! {
                    ":document_id": doc.id, ":kind": q.kind, ":start": q.start, ":end": q.end,
                    ":text": q.text, ":fragments": q.fragments, ":speaker_id": q.speaker_id, ":speaker_text": q.speaker_text,
                    ":speaker_start": q.speaker_start, ":speaker_end": q.speaker_end,
                    ":cue": q.cue, ":cue_start": q.cue_start, ":cue_end": q.cue_end,
                    ":confidence": q.confidence as f64 / 1e4, ":rule": q.rule,
                    ":date": doc.date, ":outlet": doc.outlet,
                })
            })
            .map_err(|e| sqlite_err(path, "quote_insert", e))?;
        insert_about(tx, path, tx.last_insert_rowid(), &about)
    }

    /// Inserts everything buffered; must run before a delete and before the transaction ends.
    pub(crate) fn flush(&mut self, tx: &Connection, path: &std::path::Path) -> Result<(), StoreError> {
        let n = self.quotes.insert(tx, path, "quote_insert_rows")?;
        if n != self.about.len() {
            return Err(sqlite_err(path, "quote_insert_rows", rusqlite::Error::StatementChangedRows(n)));
        }
        // One statement inserted the quotes with consecutive ids (rowid = max + 1 each time), so they end at the last rowid.
        let first = tx.last_insert_rowid() - n as i64 + 1;
        for (i, about) in std::mem::take(&mut self.about).iter().enumerate() {
            insert_about(tx, path, first + i as i64, about)?;
        }
        Ok(())
    }
}

fn insert_about(tx: &Connection, path: &std::path::Path, quote_id: i64, about: &[i64]) -> Result<(), StoreError> {
    for eid in about {
        tx.prepare_cached(sql("quote_about_insert"))
            .and_then(|mut st| st.execute(named_params! {":quote_id": quote_id, ":entity_id": eid}))
            .map_err(|e| sqlite_err(path, "quote_about_insert", e))?;
    }
    Ok(())
}
