//! Reads of a part of the graph: records and one-hop neighbours of given
//! node ids, for traversals that must not load the whole graph. Id lists
//! bind as one JSON array parameter (`json_each`), and every lookup goes
//! through an index.

use rusqlite::{named_params, Row as SqlRow};
use serde::Serialize;

use super::read::{AffiliationRecord, DocumentRecord, EntityRecord, QuoteRecord};
use super::registry::sql;
use super::{Store, StoreError};
use crate::model::{EntityId, QuoteId};

/// A list of ids as the JSON array the `around_*` queries take.
fn json<T: Serialize>(ids: &[T]) -> String {
    serde_json::to_string(ids).unwrap_or_else(|_| "[]".into())
}

impl Store {
    /// Runs an `around_*` query over a list of ids; an empty list reads nothing.
    fn around<T: Serialize, R>(
        &self,
        name: &'static str,
        ids: &[T],
        map: impl FnMut(&SqlRow<'_>) -> rusqlite::Result<R>,
    ) -> Result<Vec<R>, StoreError> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let e = |err| self.err(name, err);
        let mut st = self.conn.prepare_cached(sql(name)).map_err(e)?;
        let rows = st.query_map(named_params! {":ids": json(ids)}, map).map_err(e)?;
        rows.collect::<Result<_, _>>().map_err(e)
    }

    /// Entity records (with quote counts) by id, in id order.
    pub fn entities_by_id(&self, ids: &[EntityId]) -> Result<Vec<EntityRecord>, StoreError> {
        self.around("around_entities", ids, EntityRecord::from_row)
    }

    /// Document records by id, in id order.
    pub fn documents_by_id(&self, ids: &[String]) -> Result<Vec<DocumentRecord>, StoreError> {
        self.around("around_documents", ids, DocumentRecord::from_row)
    }

    /// Quote records by id, in (document, start, id) order like the whole-graph read.
    pub fn quotes_by_id(&self, ids: &[QuoteId]) -> Result<Vec<QuoteRecord>, StoreError> {
        self.around("around_quotes", ids, QuoteRecord::from_row)
    }

    /// ABOUT edges (quote id, entity id) of the given quotes.
    pub fn about_of_quotes(&self, ids: &[QuoteId]) -> Result<Vec<(QuoteId, EntityId)>, StoreError> {
        self.around("around_about", ids, |r| Ok((r.get(0)?, r.get(1)?)))
    }

    /// AFFILIATED_WITH rows from or to the given entities.
    pub fn affiliations_of(&self, ids: &[EntityId]) -> Result<Vec<AffiliationRecord>, StoreError> {
        self.around("around_affiliations", ids, |r| {
            Ok(AffiliationRecord { entity_id: r.get(0)?, organization_id: r.get(1)?, role: r.get(2)?, document_id: r.get(3)? })
        })
    }

    /// AFFILIATED_WITH rows between two of the given entities.
    pub fn affiliations_among(&self, ids: &[EntityId]) -> Result<Vec<AffiliationRecord>, StoreError> {
        self.around("around_affiliations_among", ids, |r| {
            Ok(AffiliationRecord { entity_id: r.get(0)?, organization_id: r.get(1)?, role: r.get(2)?, document_id: r.get(3)? })
        })
    }

    /// (entity, organisation) pairs of the affiliations from or to the given entities.
    pub fn affiliates_of(&self, ids: &[EntityId]) -> Result<Vec<(EntityId, EntityId)>, StoreError> {
        self.around("around_affiliates", ids, |r| Ok((r.get(0)?, r.get(1)?)))
    }

    /// APPEARS_IN edges (entity, document, mentions) from the given entities into the given documents.
    pub fn appears_in_between(
        &self,
        entities: &[EntityId],
        documents: &[String],
    ) -> Result<Vec<(EntityId, String, i64)>, StoreError> {
        self.around2("around_appears_in", (":entities", entities), (":documents", documents), |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
    }

    /// (entity, quote) pairs of the quotes said by, or naming, the given entities.
    pub fn quotes_of_entities(&self, ids: &[EntityId]) -> Result<Vec<(EntityId, QuoteId)>, StoreError> {
        self.around("around_entity_quotes", ids, |r| Ok((r.get(0)?, r.get(1)?)))
    }

    /// (document, quote) pairs of the quotes in the given documents.
    pub fn quotes_of_documents(&self, ids: &[String]) -> Result<Vec<(String, QuoteId)>, StoreError> {
        self.around("around_document_quotes", ids, |r| Ok((r.get(0)?, r.get(1)?)))
    }

    /// (quote id, speaker id, document id) of the given quotes.
    pub fn quote_links(&self, ids: &[QuoteId]) -> Result<Vec<(QuoteId, Option<EntityId>, String)>, StoreError> {
        self.around("around_quote_links", ids, |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
    }

    /// Ids of the quotes said by one of `speakers` that name one of `named`.
    pub fn quotes_said_naming(&self, speakers: &[EntityId], named: &[EntityId]) -> Result<Vec<QuoteId>, StoreError> {
        self.around2("around_said_naming", (":speakers", speakers), (":named", named), |r| r.get(0))
    }

    /// Runs a query over two lists of ids; reads nothing when either is empty.
    fn around2<A: Serialize, B: Serialize, R>(
        &self,
        name: &'static str,
        (pa, a): (&str, &[A]),
        (pb, b): (&str, &[B]),
        map: impl FnMut(&SqlRow<'_>) -> rusqlite::Result<R>,
    ) -> Result<Vec<R>, StoreError> {
        if a.is_empty() || b.is_empty() {
            return Ok(Vec::new());
        }
        let e = |err| self.err(name, err);
        let mut st = self.conn.prepare_cached(sql(name)).map_err(e)?;
        let rows = st.query_map(&[(pa, &json(a) as &dyn rusqlite::ToSql), (pb, &json(b))], map).map_err(e)?;
        rows.collect::<Result<_, _>>().map_err(e)
    }
}

/// Newest-first reads for bounded ego graphs: each reads at most `max` ids
/// from an index already in date order.
impl Store {
    fn newest(&self, name: &'static str, id: EntityId, max: usize) -> Result<Vec<QuoteId>, StoreError> {
        let e = |err| self.err(name, err);
        let mut st = self.conn.prepare_cached(sql(name)).map_err(e)?;
        let rows = st.query_map(named_params! {":id": id, ":max": max as i64}, |r| r.get(0)).map_err(e)?;
        rows.collect::<Result<_, _>>().map_err(e)
    }

    /// Ids of the `max` newest quotes said by `entity`.
    pub fn newest_said(&self, entity: EntityId, max: usize) -> Result<Vec<QuoteId>, StoreError> {
        self.newest("around_said_newest", entity, max)
    }

    /// Ids of the `max` newest quotes that name `entity`.
    pub fn newest_about(&self, entity: EntityId, max: usize) -> Result<Vec<QuoteId>, StoreError> {
        self.newest("around_about_newest", entity, max)
    }

    /// Ids of the `max` newest quotes said by one of `speakers` that name one of `named`.
    pub fn newest_said_naming(&self, speakers: &[EntityId], named: &[EntityId], max: usize) -> Result<Vec<QuoteId>, StoreError> {
        if speakers.is_empty() || named.is_empty() || max == 0 {
            return Ok(Vec::new());
        }
        let name = "around_said_naming_newest";
        let e = |err| self.err(name, err);
        let mut st = self.conn.prepare_cached(sql(name)).map_err(e)?;
        // A quote comes once per named entity: ask for more rows until `max`
        // distinct quotes are found or the rows run out.
        let mut rows_wanted = max.saturating_mul(2);
        loop {
            let params = named_params! {":speakers": json(speakers), ":named": json(named), ":max": rows_wanted as i64};
            let rows: Vec<QuoteId> = st.query_map(params, |r| r.get(0)).map_err(e)?.collect::<Result<_, _>>().map_err(e)?;
            let exhausted = rows.len() < rows_wanted;
            let mut seen = std::collections::BTreeSet::new();
            let ids: Vec<QuoteId> = rows.into_iter().filter(|q| seen.insert(*q)).take(max).collect();
            if ids.len() == max || exhausted {
                return Ok(ids);
            }
            rows_wanted = rows_wanted.saturating_mul(4);
        }
    }

    /// How many quotes said by one of `speakers` name one of `named`.
    pub fn count_said_naming(&self, speakers: &[EntityId], named: &[EntityId]) -> Result<i64, StoreError> {
        if speakers.is_empty() || named.is_empty() {
            return Ok(0);
        }
        let name = "around_said_naming_count";
        self.conn
            .query_row(sql(name), named_params! {":speakers": json(speakers), ":named": json(named)}, |r| r.get(0))
            .map_err(|e| self.err(name, e))
    }
}
