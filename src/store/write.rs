//! Writes: documents with their extraction, one transaction per batch.
//!
//! Entities are placed where the merge policy of [`crate::extract::merge`]
//! says (corpus-wide by name and type, a lone surname with its document's
//! full name or scoped to its document, a user alias where the table says);
//! this module only carries the plan out.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use rusqlite::TransactionBehavior::Immediate;
use rusqlite::{named_params, Connection, OpenFlags, OptionalExtension};
use rustc_hash::{FxHashMap, FxHashSet};

use super::aliases::{AliasTable, AliasTarget};
use super::quote_rows::{Pending, QuoteRow};
use super::{begin_err, normalize, registry::sql, sqlite_err, Store, StoreError};
use crate::extract::merge::{self, AliasSource, Target};
use crate::model::{Document, EntityType, Extraction, MentionKind, Span};

/// What happened to one document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum IngestStatus {
    /// A new document id.
    Added,
    /// A known id with new content: the old version was replaced.
    Replaced,
    /// A known id with the same content: nothing written.
    Unchanged,
}

/// A document ready to write.
#[derive(Clone, Debug)]
pub struct Prepared {
    pub doc: Document,
    pub hash: String,
    pub extraction: Extraction,
}

/// The content hash of a document: its text and metadata.
pub fn content_hash(doc: &Document) -> String {
    let mut h = blake3::Hasher::new();
    for part in [Some(doc.text.as_str()), doc.title.as_deref(), doc.date.as_deref(), doc.url.as_deref()] {
        match part {
            Some(p) => {
                h.update(&(p.len() as u64).to_le_bytes());
                h.update(p.as_bytes());
            }
            None => {
                h.update(&u64::MAX.to_le_bytes());
            }
        }
    }
    // An outlet other than the URL's host is metadata of its own; the host is already hashed with the URL.
    if let Some(o) =
        doc.outlet.as_deref().filter(|o| doc.url.as_deref().and_then(crate::corpus::outlet_of_url).as_deref() != Some(*o))
    {
        h.update(b"outlet");
        h.update(o.as_bytes());
    }
    h.finalize().to_hex()[..32].to_string()
}

/// Shared entities (scope '') and aliases that this connection knows are
/// stored, so that a write skips their look-up or `INSERT OR IGNORE`.
/// A cached row was committed or written in the open transaction; the
/// cache is dropped whenever that may no longer hold: another connection
/// committed (`PRAGMA data_version` changed), a transaction or savepoint
/// was rolled back, or unreferenced entities were collected.
#[derive(Debug, Default)]
pub(crate) struct WriteCache {
    entities: FxHashMap<(EntityType, String), i64>,
    /// (entity id, normalised alias): the primary key of `alias`.
    aliases: FxHashSet<(i64, String)>,
    data_version: Option<i64>,
}

/// Cache entries kept before starting afresh: memory stays flat whatever
/// the corpus (about 100 bytes an entry); frequent names come back at once.
const CACHE_MAX: usize = 200_000;

impl WriteCache {
    fn clear(&mut self) {
        self.entities.clear();
        self.aliases.clear();
        self.data_version = None;
    }

    /// Drops everything unless no other connection has committed since the last check.
    fn validate(&mut self, tx: &Connection, path: &std::path::Path) -> Result<(), StoreError> {
        let v: i64 = tx.query_row(sql("data_version"), [], |r| r.get(0)).map_err(|e| sqlite_err(path, "data_version", e))?;
        if self.data_version != Some(v) {
            self.clear();
            self.data_version = Some(v);
        }
        if self.entities.len() > CACHE_MAX {
            self.entities.clear();
        }
        if self.aliases.len() > 2 * CACHE_MAX {
            self.aliases.clear();
        }
        Ok(())
    }
}

impl Store {
    /// The stored content hash of a document id.
    pub fn stored_hash(&self, id: &str) -> Result<Option<String>, StoreError> {
        stored_hash(&self.conn, &self.path, id)
    }

    /// Settings for writing many documents (ingest, reindex): a larger page
    /// cache, in-memory statement journals, rarer WAL checkpoints.
    pub fn tune_for_bulk_writes(&self) -> Result<(), StoreError> {
        self.conn.execute_batch(sql("bulk_write_settings")).map_err(|e| self.err("bulk_write_settings", e))
    }

    /// A second, read-only connection to the same file, for checking content
    /// hashes on another thread while this one writes.
    pub fn hash_reader(&self) -> Result<HashReader, StoreError> {
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(&self.path, flags).map_err(|e| self.err("opening the database", e))?;
        conn.busy_timeout(std::time::Duration::from_secs(5)).map_err(|e| self.err("busy timeout", e))?;
        Ok(HashReader { conn, path: self.path.clone() })
    }

    /// Writes a batch in one transaction. A document that fails is reported
    /// and the others are kept: the batch is first written straight through
    /// (no savepoints: FTS5 flushes its index at every savepoint), and only
    /// if a document fails is it rolled back and written again with one
    /// savepoint per document. With `force`, a document with unchanged
    /// content is rewritten (reindex).
    pub fn write_batch(
        &mut self,
        docs: &[Prepared],
        aliases: &AliasTable,
        force: bool,
    ) -> Result<Vec<Result<IngestStatus, StoreError>>, StoreError> {
        match self.write_straight(docs, aliases, force)? {
            Some(out) => Ok(out),
            None => self.write_each(docs, aliases, force),
        }
    }

    /// All documents in one transaction; `None` (rolled back) if one fails.
    fn write_straight(
        &mut self,
        docs: &[Prepared],
        aliases: &AliasTable,
        force: bool,
    ) -> Result<Option<Vec<Result<IngestStatus, StoreError>>>, StoreError> {
        let Store { conn, path, cache, link, deferred } = self;
        let link = *link;
        let path = &*path;
        // Immediate: take the write lock up front, so that a concurrent
        // writer makes this wait (busy timeout) instead of failing on upgrade.
        let tx = conn.transaction_with_behavior(Immediate).map_err(|e| begin_err(path, e))?;
        cache.validate(&tx, path)?;
        build_deferred_if_replacing(&tx, path, deferred, docs)?;
        let mut out = Vec::with_capacity(docs.len());
        let mut removed_any = false;
        let mut rows = Pending::new(*deferred);
        let written = docs.iter().try_for_each(|p| {
            let status = write_document(&tx, path, p, aliases, force, Some(&mut *cache), &mut rows)?;
            removed_any |= status != IngestStatus::Added;
            out.push(Ok(status));
            Ok::<_, StoreError>(())
        });
        let linked = |()| {
            if link {
                super::spread::link_documents(&tx, path, docs.iter().map(|p| p.doc.id.as_str())).map(drop)
            } else {
                Ok(())
            }
        };
        if written.and_then(|()| rows.flush(&tx, path)).and_then(linked).is_err() {
            // Dropping `tx` rolls back: what the cache learnt in it is gone too.
            cache.clear();
            return Ok(None);
        }
        let finish = || -> Result<(), StoreError> {
            if removed_any {
                tx.execute(sql("entity_gc"), []).map_err(|e| sqlite_err(path, "entity_gc", e))?;
            }
            apply_aliases_tx(&tx, path, aliases)?;
            tx.commit().map_err(|e| sqlite_err(path, "commit", e))
        };
        let done = finish();
        if removed_any || done.is_err() {
            cache.clear();
        }
        done.map(|()| Some(out))
    }

    /// One savepoint per document: a failed one is rolled back alone.
    fn write_each(
        &mut self,
        docs: &[Prepared],
        aliases: &AliasTable,
        force: bool,
    ) -> Result<Vec<Result<IngestStatus, StoreError>>, StoreError> {
        let path = self.path.clone();
        let link = self.link;
        // Rare path: no cache, so no rolled-back savepoint can leave a stale entry.
        self.cache.clear();
        let mut tx = self.conn.transaction_with_behavior(Immediate).map_err(|e| begin_err(&path, e))?;
        build_deferred_if_replacing(&tx, &path, &mut self.deferred, docs)?;
        let mut out = Vec::with_capacity(docs.len());
        let mut removed_any = false;
        for p in docs {
            let mut sp = tx.savepoint().map_err(|e| sqlite_err(&path, "savepoint", e))?;
            let mut rows = Pending::new(self.deferred);
            let written = write_document(&sp, &path, p, aliases, force, None, &mut rows);
            let linked = |status| match link {
                true => super::spread::link_documents(&sp, &path, [p.doc.id.as_str()]).map(|_| status),
                false => Ok(status),
            };
            match written.and_then(|status| rows.flush(&sp, &path).map(|()| status)).and_then(linked) {
                Ok(status) => {
                    sp.commit().map_err(|e| sqlite_err(&path, "savepoint", e))?;
                    removed_any |= status != IngestStatus::Added;
                    out.push(Ok(status));
                }
                Err(e) => {
                    sp.rollback().map_err(|e| sqlite_err(&path, "rollback", e))?;
                    drop(sp);
                    out.push(Err(e));
                }
            }
        }
        if removed_any {
            tx.execute(sql("entity_gc"), []).map_err(|e| sqlite_err(&path, "entity_gc", e))?;
        }
        apply_aliases_tx(&tx, &path, aliases)?;
        tx.commit().map_err(|e| sqlite_err(&path, "commit", e))?;
        Ok(out)
    }

    /// Attaches user aliases and external ids to stored entities with those canonical names.
    pub fn apply_aliases(&mut self, aliases: &AliasTable) -> Result<(), StoreError> {
        let path = self.path.clone();
        let tx = self.conn.transaction_with_behavior(Immediate).map_err(|e| begin_err(&path, e))?;
        apply_aliases_tx(&tx, &path, aliases)?;
        tx.commit().map_err(|e| sqlite_err(&path, "commit", e))
    }
}

/// During a bulk load with deferred indexes: a batch that replaces a stored
/// document deletes rows (and may collect entities), which needs the indexes
/// and full-text triggers; they are built first, in the batch's transaction.
fn build_deferred_if_replacing(
    tx: &Connection,
    path: &std::path::Path,
    deferred: &mut bool,
    docs: &[Prepared],
) -> Result<(), StoreError> {
    if !*deferred {
        return Ok(());
    }
    for p in docs {
        if stored_hash(tx, path, &p.doc.id)?.is_some() {
            super::bulk::restore_in(tx, path)?;
            *deferred = false;
            break;
        }
    }
    Ok(())
}

/// Content-hash look-ups on their own read-only connection ([`Store::hash_reader`]).
pub struct HashReader {
    conn: Connection,
    path: std::path::PathBuf,
}

impl HashReader {
    /// The stored content hash of a document id (as committed so far).
    pub fn stored_hash(&self, id: &str) -> Result<Option<String>, StoreError> {
        stored_hash(&self.conn, &self.path, id)
    }
}

/// The content hash stored for a document id, on any connection.
fn stored_hash(conn: &Connection, path: &std::path::Path, id: &str) -> Result<Option<String>, StoreError> {
    let err = |e| sqlite_err(path, "document_hash", e);
    let mut st = conn.prepare_cached(sql("document_hash")).map_err(err)?;
    st.query_row(named_params! {":id": id}, |r| r.get(0)).optional().map_err(err)
}

fn apply_aliases_tx(tx: &Connection, path: &std::path::Path, aliases: &AliasTable) -> Result<(), StoreError> {
    let err = |c: &str, e| sqlite_err(path, c, e);
    for t in aliases.targets() {
        let ids: Vec<i64> = {
            let mut st = tx.prepare_cached(sql("entity_by_key")).map_err(|e| err("entity_by_key", e))?;
            let rows = st
                .query_map(named_params! {":key": normalize(&t.canonical), ":type": t.entity_type.map(|x| x.as_str())}, |r| {
                    r.get(0)
                })
                .map_err(|e| err("entity_by_key", e))?;
            rows.collect::<Result<_, _>>().map_err(|e| err("entity_by_key", e))?
        };
        for id in ids {
            add_user_aliases(tx, path, id, t, None)?;
        }
    }
    Ok(())
}

fn add_user_aliases(
    tx: &Connection,
    path: &std::path::Path,
    id: i64,
    t: &AliasTarget,
    mut cache: Option<&mut WriteCache>,
) -> Result<(), StoreError> {
    let mut st = tx.prepare_cached(sql("entity_set_external_id")).map_err(|e| sqlite_err(path, "entity_set_external_id", e))?;
    st.execute(named_params! {":id": id, ":external_id": t.external_id})
        .map_err(|e| sqlite_err(path, "entity_set_external_id", e))?;
    for a in &t.aliases {
        insert_alias(tx, path, id, a, "user", cache.as_deref_mut())?;
    }
    Ok(())
}

fn insert_alias(
    tx: &Connection,
    path: &std::path::Path,
    id: i64,
    alias: &str,
    source: &str,
    cache: Option<&mut WriteCache>,
) -> Result<(), StoreError> {
    let norm = normalize(alias);
    if norm.is_empty() {
        return Ok(());
    }
    // The row (norm, entity) is known to exist: `INSERT OR IGNORE` would do nothing.
    let key = (id, norm);
    if cache.as_ref().is_some_and(|c| c.aliases.contains(&key)) {
        return Ok(());
    }
    let mut st = tx.prepare_cached(sql("alias_insert")).map_err(|e| sqlite_err(path, "alias_insert", e))?;
    st.execute(named_params! {":entity_id": id, ":alias": alias.trim(), ":norm": key.1, ":source": source})
        .map_err(|e| sqlite_err(path, "alias_insert", e))?;
    if let Some(c) = cache {
        c.aliases.insert(key);
    }
    Ok(())
}

fn find_or_insert(
    tx: &Connection,
    path: &std::path::Path,
    name: &str,
    entity_type: EntityType,
    scope: &str,
    external_id: Option<&str>,
    cache: Option<&mut WriteCache>,
) -> Result<i64, StoreError> {
    let key = normalize(name);
    // Document-scoped entities are never looked up from another document: not cached.
    let cache = cache.filter(|_| scope.is_empty());
    let ckey = (entity_type, key);
    if let Some(&id) = cache.as_ref().and_then(|c| c.entities.get(&ckey)) {
        return Ok(id);
    }
    let key = &ckey.1;
    let found: Option<i64> = {
        let mut st = tx.prepare_cached(sql("entity_find")).map_err(|e| sqlite_err(path, "entity_find", e))?;
        st.query_row(named_params! {":key": key, ":type": entity_type.as_str(), ":scope": scope}, |r| r.get(0))
            .optional()
            .map_err(|e| sqlite_err(path, "entity_find", e))?
    };
    let id = match found {
        Some(id) => id,
        None => {
            let mut st = tx.prepare_cached(sql("entity_insert")).map_err(|e| sqlite_err(path, "entity_insert", e))?;
            st.execute(named_params! {":name": name.trim(), ":type": entity_type.as_str(), ":scope": scope, ":key": key, ":external_id": external_id})
                .map_err(|e| sqlite_err(path, "entity_insert", e))?;
            tx.last_insert_rowid()
        }
    };
    if let Some(c) = cache {
        c.entities.insert(ckey, id);
    }
    Ok(id)
}

fn slice(doc: &Document, span: Span) -> Result<&str, StoreError> {
    doc.text.get(span.start()..span.end()).ok_or_else(|| StoreError::BadSpan {
        doc: doc.id.clone(),
        start: span.start,
        end: span.end,
        len: doc.text.len(),
    })
}

/// Per entity of `x`: whether it has a mention, or a mention, quote speaker
/// or role affiliation refers to it.
fn referenced_entities(x: &Extraction) -> Vec<bool> {
    let mut wanted: Vec<bool> = x.entities.iter().map(|e| !e.mentions.is_empty()).collect();
    let mut mark = |e: Option<crate::model::LocalEntityId>| {
        if let Some(w) = e.and_then(|e| wanted.get_mut(e.0 as usize)) {
            *w = true;
        }
    };
    x.mentions.iter().for_each(|m| mark(m.entity));
    x.quotes.iter().for_each(|q| mark(q.speaker.and_then(|s| s.entity)));
    x.entities.iter().flat_map(|e| &e.roles).for_each(|r| mark(r.affiliation));
    wanted
}

fn write_document(
    tx: &Connection,
    path: &std::path::Path,
    p: &Prepared,
    aliases: &AliasTable,
    force: bool,
    mut cache: Option<&mut WriteCache>,
    rows: &mut Pending,
) -> Result<IngestStatus, StoreError> {
    let err = |c: &str, e| sqlite_err(path, c, e);
    let doc = &p.doc;
    let x = &p.extraction;
    // SQLite's JSON functions are not trusted with U+0000: such a document's quotes are inserted one by one.
    let direct = doc.text.contains('\0') || doc.id.contains('\0');
    let old = stored_hash(tx, path, &doc.id)?;
    let status = match &old {
        Some(h) if *h == p.hash && !force => return Ok(IngestStatus::Unchanged),
        Some(h) if *h == p.hash => IngestStatus::Unchanged,
        Some(_) => IngestStatus::Replaced,
        None => IngestStatus::Added,
    };
    if old.is_some() || direct {
        // Buffered rows go first, so that ids come out as written one at a time,
        // and a deleted quote is in the full-text index that its trigger updates.
        rows.flush(tx, path)?;
    }
    if old.is_some() {
        tx.prepare_cached(sql("document_delete"))
            .and_then(|mut st| st.execute(named_params! {":id": doc.id}))
            .map_err(|e| err("document_delete", e))?;
    }
    tx.prepare_cached(sql("document_insert"))
        .and_then(|mut st| {
            st.execute(named_params! {":id": doc.id, ":title": doc.title, ":date": doc.date, ":url": doc.url, ":hash": p.hash, ":text": doc.text, ":outlet": doc.outlet})
        })
        .map_err(|e| err("document_insert", e))?;

    // Entities, where the merge policy (extract::merge) places them.
    let mut global: Vec<Option<i64>> = vec![None; x.entities.len()];
    // Defence in depth (issue 15): an entity that nothing in the document
    // names or points at (an extractor phantom) is never written.
    let wanted = referenced_entities(x);
    for place in merge::plan(x, |n| aliases.lookup(n).is_some()).into_iter().filter(|p| wanted[p.local]) {
        let e = &x.entities[place.local];
        let id = match place.target {
            Target::User => {
                // Invariant: `User` means one of these names has a lookup.
                let Some(t) = std::iter::once(&e.name).chain(&e.aliases).find_map(|n| aliases.lookup(n)) else {
                    continue;
                };
                let id = find_or_insert(
                    tx,
                    path,
                    &t.canonical,
                    t.entity_type.unwrap_or(e.entity_type),
                    "",
                    t.external_id.as_deref(),
                    cache.as_deref_mut(),
                )?;
                add_user_aliases(tx, path, id, t, cache.as_deref_mut())?;
                id
            }
            // Invariant: the plan places `j` before the entity that joins it.
            Target::SameAs(j) => match global.get(j).copied().flatten() {
                Some(id) => id,
                None => find_or_insert(tx, path, &e.name, e.entity_type, &doc.id, None, None)?,
            },
            Target::Document => find_or_insert(tx, path, &e.name, e.entity_type, &doc.id, None, None)?,
            Target::Corpus => find_or_insert(tx, path, &e.name, e.entity_type, "", None, cache.as_deref_mut())?,
        };
        global[place.local] = Some(id);
        for (alias, source) in &place.aliases {
            insert_alias(tx, path, id, alias, source.as_str(), cache.as_deref_mut())?;
        }
    }

    super::spread::write_gender_evidence(tx, path, doc, x, &global)?;

    // Mentions (one row: [start, end, kind, entity id] each) and APPEARS_IN.
    let mut counts: BTreeMap<i64, i64> = global.iter().flatten().map(|&id| (id, 0)).collect();
    let mut spans = String::with_capacity(2 + 24 * x.mentions.len());
    spans.push('[');
    let mut named = FxHashSet::default();
    for (i, m) in x.mentions.iter().enumerate() {
        let text = slice(doc, m.span)?;
        let id = m.entity.and_then(|e| global.get(e.0 as usize).copied().flatten());
        let kind = match m.kind {
            MentionKind::Name => 0,
            MentionKind::Pronoun => 1,
            MentionKind::Nominal => 2,
        };
        let sep = if i == 0 { "" } else { "," };
        // Numbers only: written directly, no JSON encoder needed.
        let _ = match id {
            Some(id) => write!(spans, "{sep}[{},{},{kind},{id}]", m.span.start, m.span.end),
            None => write!(spans, "{sep}[{},{},{kind},null]", m.span.start, m.span.end),
        };
        if let (Some(id), Some(local)) = (id, m.entity) {
            *counts.entry(id).or_default() += 1;
            // A repeated name (same text, same entity) gives the same alias: normalised and looked up once.
            if m.kind == MentionKind::Name && named.insert((local.0, text)) {
                insert_alias(
                    tx,
                    path,
                    id,
                    &merge::strip_title(text, &x.entity(local).name),
                    AliasSource::Mention.as_str(),
                    cache.as_deref_mut(),
                )?;
            }
        }
    }
    spans.push(']');
    if !x.mentions.is_empty() {
        tx.prepare_cached(sql("document_mentions_insert"))
            .and_then(|mut st| {
                st.execute(named_params! {":document_id": doc.id, ":count": x.mentions.len() as i64, ":spans": spans})
            })
            .map_err(|e| err("document_mentions_insert", e))?;
    }
    for (id, n) in counts {
        tx.prepare_cached(sql("appears_in_add"))
            .and_then(|mut st| st.execute(named_params! {":entity_id": id, ":document_id": doc.id, ":mentions": n}))
            .map_err(|e| err("appears_in_add", e))?;
    }

    // Roles and AFFILIATED_WITH.
    for (i, e) in x.entities.iter().enumerate() {
        let Some(id) = global[i] else { continue };
        for r in &e.roles {
            let org = r.affiliation.and_then(|a| global.get(a.0 as usize).copied().flatten()).filter(|&o| o != id);
            tx.prepare_cached(sql("affiliation_insert"))
                .and_then(|mut st| {
                    st.execute(named_params! {":entity_id": id, ":organization_id": org, ":role": r.role, ":document_id": doc.id, ":start": r.span.start, ":end": r.span.end})
                })
                .map_err(|e| err("affiliation_insert", e))?;
        }
    }

    // Quotes with SAID, IN and ABOUT.
    for q in &x.quotes {
        let text = if q.fragments.is_empty() {
            slice(doc, q.content)?.to_string()
        } else {
            q.fragments.iter().map(|f| slice(doc, *f)).collect::<Result<Vec<_>, _>>()?.join(" … ")
        };
        let fragments = (!q.fragments.is_empty()).then(|| {
            serde_json::to_string(&q.fragments.iter().map(|f| [f.start, f.end]).collect::<Vec<_>>()).unwrap_or_default()
        });
        let speaker_id = q.speaker.and_then(|s| s.entity).and_then(|e| global.get(e.0 as usize).copied().flatten());
        let speaker_span = q.speaker.and_then(|s| s.mention);
        let speaker_text = speaker_span.map(|s| slice(doc, s)).transpose()?;
        let cue = q.cue.map(|c| slice(doc, c)).transpose()?;
        let confidence = (f64::from(q.confidence) * 1e4).round();
        let about: Vec<i64> = x
            .entities_in(q)
            .into_iter()
            .filter_map(|a| global.get(a.0 as usize).copied().flatten())
            .filter(|&eid| Some(eid) != speaker_id)
            .collect();
        let row = QuoteRow {
            kind: q.kind.as_str(),
            start: q.content.start,
            end: q.content.end,
            text: &text,
            fragments: fragments.as_deref(),
            speaker_id,
            speaker_text,
            speaker_start: speaker_span.map(|s| s.start),
            speaker_end: speaker_span.map(|s| s.end),
            cue,
            cue_start: q.cue.map(|c| c.start),
            cue_end: q.cue.map(|c| c.end),
            confidence: confidence as i64,
            rule: q.rule,
        };
        rows.add(tx, path, doc, &row, about, direct)?;
    }
    Ok(status)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hash_covers_metadata() {
        let a = Document { id: "a".into(), text: "x".into(), ..Default::default() };
        let b = Document { title: Some("t".into()), ..a.clone() };
        assert_ne!(content_hash(&a), content_hash(&b));
        assert_eq!(content_hash(&a), content_hash(&a.clone()));
    }
}
