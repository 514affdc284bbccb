//! Statements: copies of one quote across documents, linked as they are
//! written (incremental: a new quote looks its keys up in `statement_key`
//! and is compared with a few candidate statements, never with every stored
//! quote), and the speakers' gender evidence written with each document.

use std::path::Path;

use rusqlite::{named_params, Connection, OptionalExtension};
use rustc_hash::FxHashMap;

use super::registry::sql;
use super::{sqlite_err, Store, StoreError};
use crate::corpus::gender;
use crate::corpus::near_dup::{self, Match};
use crate::model::{Document, Extraction, QuoteId};

/// Statements read per look-up key. A key shared by more statements than
/// this is a stock phrase ("said in a statement that the"): the true
/// statement of a copy shares rarer keys too, and reading the long list
/// would cost every later quote time.
pub const MAX_POSTINGS: i64 = 50;
/// Candidate statements compared word by word with a new quote, those
/// sharing the most keys first: a copy of a statement shares most of its keys.
pub const MAX_VERIFY: usize = 4;

fn q<T>(path: &Path, name: &str, r: rusqlite::Result<T>) -> Result<T, StoreError> {
    r.map_err(|e| sqlite_err(path, name, e))
}

/// Links the unlinked direct and mixed quotes of these documents to their statements.
pub(crate) fn link_documents<'a>(
    tx: &Connection,
    path: &Path,
    docs: impl IntoIterator<Item = &'a str>,
) -> Result<usize, StoreError> {
    let mut n = 0;
    for doc in docs {
        let quotes: Vec<(i64, String, String)> = {
            let mut st = q(path, "spread_document_quotes", tx.prepare_cached(sql("spread_document_quotes")))?;
            let rows = q(
                path,
                "spread_document_quotes",
                st.query_map(named_params! {":doc": doc}, |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))),
            )?;
            q(path, "spread_document_quotes", rows.collect())?
        };
        for (id, text, doc) in quotes {
            n += usize::from(link_quote(tx, path, id, &text, &doc)?);
        }
    }
    Ok(n)
}

/// Links every unlinked direct or mixed quote (after a migration, or an ingest with linking off).
pub(crate) fn link_all(tx: &Connection, path: &Path) -> Result<usize, StoreError> {
    let quotes: Vec<(i64, String, String)> = {
        let mut st = q(path, "spread_unlinked_quotes", tx.prepare_cached(sql("spread_unlinked_quotes")))?;
        let rows = q(path, "spread_unlinked_quotes", st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))))?;
        q(path, "spread_unlinked_quotes", rows.collect())?
    };
    let mut n = 0;
    for (id, text, doc) in quotes {
        n += usize::from(link_quote(tx, path, id, &text, &doc)?);
    }
    Ok(n)
}

/// The best statement for these words among those sharing keys: (id, its
/// length in words, similarity, match). With `doc`, a statement that already
/// has a copy in that document is passed over: two overlapping quotes of one
/// article (a mixed quote and its quoted part) are not copies.
fn best_statement(
    conn: &Connection,
    path: &Path,
    words: &[String],
    keys: &[i64],
    doc: Option<&str>,
) -> Result<Option<(i64, usize, f64, Match)>, StoreError> {
    let mut shared: FxHashMap<i64, u32> = FxHashMap::default();
    {
        let mut st = q(path, "statement_key_lookup", conn.prepare_cached(sql("statement_key_lookup")))?;
        for k in keys {
            let rows = q(path, "statement_key_lookup", st.query_map(named_params! {":key": k}, |r| r.get(0)))?;
            // Rows are stepped one by one: taking MAX_POSTINGS is the LIMIT.
            for s in rows.take(MAX_POSTINGS as usize) {
                *shared.entry(q(path, "statement_key_lookup", s)?).or_default() += 1;
            }
        }
    }
    let mut ranked: Vec<(i64, u32)> = shared.into_iter().collect();
    ranked.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    verify(conn, path, words, ranked.into_iter().take(MAX_VERIFY).map(|r| r.0), doc)
}

/// The most similar of these statements, if any is a copy.
fn verify(
    conn: &Connection,
    path: &Path,
    words: &[String],
    candidates: impl IntoIterator<Item = i64>,
    doc: Option<&str>,
) -> Result<Option<(i64, usize, f64, Match)>, StoreError> {
    let mut best: Option<(i64, usize, f64, Match)> = None;
    let mut st = q(path, "statement_words", conn.prepare_cached(sql("statement_words")))?;
    for sid in candidates {
        let Some(text): Option<String> =
            q(path, "statement_words", st.query_row(named_params! {":id": sid}, |r| r.get(0)).optional())?
        else {
            continue;
        };
        let theirs: Vec<String> = text.split(' ').map(str::to_string).collect();
        if let Some((sim, m)) = near_dup::compare(words, &theirs) {
            if best.as_ref().is_none_or(|b| sim > b.2) && !in_document(conn, path, sid, doc)? {
                best = Some((sid, theirs.len(), sim, m));
            }
        }
    }
    Ok(best)
}

fn in_document(conn: &Connection, path: &Path, sid: i64, doc: Option<&str>) -> Result<bool, StoreError> {
    let Some(doc) = doc else { return Ok(false) };
    let mut st = q(path, "statement_in_document", conn.prepare_cached(sql("statement_in_document")))?;
    q(path, "statement_in_document", st.query_row(named_params! {":statement_id": sid, ":doc": doc}, |r| r.get(0)))
}

/// Links one quote: to the most similar statement sharing its keys, or to a
/// new statement. Returns false for a quote too short to link.
fn link_quote(tx: &Connection, path: &Path, id: i64, text: &str, doc: &str) -> Result<bool, StoreError> {
    let words = near_dup::words(text);
    let keys = near_dup::keys(&words);
    if keys.is_empty() {
        return Ok(false);
    }
    let joined = words.join(" ");
    let (sid, sim, m, new_keys) = match best_statement(tx, path, &words, &keys, Some(doc))? {
        Some((sid, their_len, sim, m)) => {
            // A longer copy becomes the text later copies are compared with, and adds its keys.
            let longer = words.len() > their_len;
            if longer {
                let mut st = q(path, "statement_set_words", tx.prepare_cached(sql("statement_set_words")))?;
                q(path, "statement_set_words", st.execute(named_params! {":id": sid, ":words": joined}))?;
            }
            (sid, sim, m, longer)
        }
        None => {
            let mut st = q(path, "statement_insert", tx.prepare_cached(sql("statement_insert")))?;
            q(path, "statement_insert", st.execute(named_params! {":words": joined}))?;
            (tx.last_insert_rowid(), 1.0, Match::Exact, true)
        }
    };
    if new_keys {
        let mut st = q(path, "statement_key_insert", tx.prepare_cached(sql("statement_key_insert")))?;
        for k in &keys {
            q(path, "statement_key_insert", st.execute(named_params! {":key": k, ":statement_id": sid}))?;
        }
    }
    let mut st = q(path, "quote_statement_insert", tx.prepare_cached(sql("quote_statement_insert")))?;
    q(
        path,
        "quote_statement_insert",
        st.execute(
            named_params! {":quote_id": id, ":statement_id": sid, ":similarity": (sim * 1e4).round() / 1e4, ":match": m.as_str()},
        ),
    )?;
    Ok(true)
}

/// Writes the text's gender evidence for the document's persons (`global`: stored id per local entity).
pub(crate) fn write_gender_evidence(
    tx: &Connection,
    path: &Path,
    doc: &Document,
    x: &Extraction,
    global: &[Option<i64>],
) -> Result<(), StoreError> {
    let found = gender::text_evidence(&doc.text, x);
    if found.is_empty() {
        return Ok(());
    }
    let mut st = q(path, "gender_evidence_add", tx.prepare_cached(sql("gender_evidence_add")))?;
    for (local, g, ev, n) in found {
        let Some(id) = global.get(local.0 as usize).copied().flatten() else { continue };
        q(
            path,
            "gender_evidence_add",
            st.execute(named_params! {":entity_id": id, ":document_id": doc.id, ":gender": g.as_str(), ":evidence": ev.as_str(), ":mentions": n}),
        )?;
    }
    Ok(())
}

impl Store {
    /// Whether writes link quotes to statements (on by default; `ingest --no-link` turns it off).
    pub fn set_linking(&mut self, on: bool) {
        self.link = on;
    }

    /// Links every quote that is not linked yet; returns how many were linked.
    pub fn relink(&mut self) -> Result<usize, StoreError> {
        let path = self.path.clone();
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(|e| super::begin_err(&path, e))?;
        let n = link_all(&tx, &path)?;
        tx.commit().map_err(|e| sqlite_err(&path, "commit", e))?;
        Ok(n)
    }

    /// The statement a text is a copy of (a stored quote's text, trimmed or edited), if any.
    /// Every 3-gram is looked up; when none is a stored key, the full-text
    /// index proposes the quotes sharing the most words.
    pub fn statement_of_text(&self, text: &str) -> Result<Option<i64>, StoreError> {
        let words = near_dup::words(text);
        if words.len() < near_dup::MIN_WORDS {
            return Ok(None);
        }
        if let Some(b) = best_statement(&self.conn, &self.path, &words, &near_dup::all_keys(&words), None)? {
            return Ok(Some(b.0));
        }
        let query = words.iter().map(|w| format!("\"{w}\"")).collect::<Vec<_>>().join(" OR ");
        let candidates: Vec<i64> = {
            let mut st =
                self.conn.prepare_cached(sql("spread_text_candidates")).map_err(|e| self.err("spread_text_candidates", e))?;
            let rows = st
                .query_map(named_params! {":query": query, ":limit": MAX_POSTINGS}, |r| r.get(0))
                .map_err(|e| self.err("spread_text_candidates", e))?;
            rows.collect::<Result<_, _>>().map_err(|e| self.err("spread_text_candidates", e))?
        };
        Ok(verify(&self.conn, &self.path, &words, candidates, None)?.map(|b| b.0))
    }

    /// The statement a stored quote belongs to, if it is linked.
    pub fn statement_of_quote(&self, quote_id: QuoteId) -> Result<Option<i64>, StoreError> {
        let mut st = self.conn.prepare_cached(sql("quote_statement_of")).map_err(|e| self.err("quote_statement_of", e))?;
        st.query_row(named_params! {":quote_id": quote_id}, |r| r.get(0))
            .optional()
            .map_err(|e| self.err("quote_statement_of", e))
    }

    /// SAME_AS edges: (copy, first stored copy of its statement), by copy id.
    pub fn same_as_edges(&self) -> Result<Vec<(QuoteId, QuoteId)>, StoreError> {
        let mut st = self.conn.prepare_cached(sql("graph_same_as")).map_err(|e| self.err("graph_same_as", e))?;
        let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).map_err(|e| self.err("graph_same_as", e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.err("graph_same_as", e))
    }
}
