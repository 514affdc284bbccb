//! Reads: named queries as rows of ordered JSON maps, and the whole graph
//! as plain records for [`crate::graph`].

use std::collections::BTreeMap;

use rusqlite::named_params;
use rusqlite::types::Value;
use serde::Serialize;

use super::registry::{self, sql, NamedQuery};
use super::{json_value, Store, StoreError};
use crate::model::{EntityId, EntityType, QuoteId, QuoteKind};

/// One result row: column name -> value, in the query's column order.
pub type Row = indexmap::IndexMap<String, serde_json::Value>;

/// An entity record for the graph.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EntityRecord {
    pub id: EntityId,
    pub name: String,
    pub entity_type: EntityType,
    pub external_id: Option<String>,
    /// Quotes the entity said.
    pub said: i64,
    /// Quotes that name the entity.
    pub about: i64,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DocumentRecord {
    pub id: String,
    pub title: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct QuoteRecord {
    pub id: QuoteId,
    pub document_id: String,
    pub kind: QuoteKind,
    pub text: String,
    pub speaker_id: Option<EntityId>,
    pub cue: Option<String>,
    pub confidence: f64,
    pub start: i64,
    pub end: i64,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AffiliationRecord {
    pub entity_id: EntityId,
    pub organization_id: EntityId,
    pub role: String,
    pub document_id: String,
}

/// Parameters that hold entity names: bound normalised, see [`super::normalize`].
pub const ENTITY_PARAMS: &[&str] = &["name", "about", "speaker"];

/// Everything the graph is built from, each list in a defined order.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct GraphData {
    pub entities: Vec<EntityRecord>,
    pub documents: Vec<DocumentRecord>,
    pub quotes: Vec<QuoteRecord>,
    /// (quote id, entity id)
    pub about: Vec<(QuoteId, EntityId)>,
    pub affiliations: Vec<AffiliationRecord>,
    /// (entity id, document id, mentions)
    pub appears_in: Vec<(EntityId, String, i64)>,
}

// Row readers shared by the whole-graph read and the neighbourhood reads
// (around.rs); the column order is the one of the graph_* and around_* queries.
impl EntityRecord {
    pub(crate) fn from_row(r: &rusqlite::Row) -> rusqlite::Result<Self> {
        Ok(EntityRecord {
            id: r.get(0)?,
            name: r.get(1)?,
            entity_type: r.get(2)?,
            external_id: r.get(3)?,
            said: r.get(4)?,
            about: r.get(5)?,
        })
    }
}

impl DocumentRecord {
    pub(crate) fn from_row(r: &rusqlite::Row) -> rusqlite::Result<Self> {
        Ok(DocumentRecord { id: r.get(0)?, title: r.get(1)?, date: r.get(2)?, url: r.get(3)? })
    }
}

impl QuoteRecord {
    pub(crate) fn from_row(r: &rusqlite::Row) -> rusqlite::Result<Self> {
        Ok(QuoteRecord {
            id: r.get(0)?,
            document_id: r.get(1)?,
            kind: r.get(2)?,
            text: r.get(3)?,
            speaker_id: r.get(4)?,
            cue: r.get(5)?,
            confidence: r.get(6)?,
            start: r.get(7)?,
            end: r.get(8)?,
        })
    }
}

impl Store {
    /// Runs a built-in query with named parameters (absent ones bind NULL).
    /// Values are [`super::Param`]s (or SQLite values, inside the store).
    pub fn rows<P: Clone + Into<Value>>(&self, name: &str, params: &[(&str, P)]) -> Result<Vec<Row>, StoreError> {
        let q = registry::builtin().get(name).ok_or_else(|| StoreError::UnknownQuery { name: name.to_string() })?;
        self.run(q, params)
    }

    /// Runs any named query: every parameter the SQL uses is bound from
    /// `params` by name (without its `:`), NULL when not given.
    pub fn run<P: Clone + Into<Value>>(&self, q: &NamedQuery, params: &[(&str, P)]) -> Result<Vec<Row>, StoreError> {
        let params: Vec<(&str, Value)> = params.iter().map(|(k, v)| (*k, v.clone().into())).collect();
        let params = params.as_slice();
        let ctx = |e| self.err(&q.name, e);
        let mut st = self.conn.prepare_cached(&q.sql).map_err(ctx)?;
        let names: Vec<String> = (1..=st.parameter_count())
            .map(|i| st.parameter_name(i).unwrap_or("").trim_start_matches([':', '@', '$']).to_string())
            .collect();
        for (k, _) in params {
            if !names.iter().any(|n| n == k) {
                return Err(StoreError::UnknownParam {
                    name: q.name.clone(),
                    param: k.to_string(),
                    params: if q.params.is_empty() { "none".into() } else { q.params.clone() },
                });
            }
        }
        for (i, n) in names.iter().enumerate() {
            let mut v = params.iter().find(|(k, _)| k == n).map_or(Value::Null, |(_, v)| v.clone());
            // Entity names compare normalised (case, spacing, apostrophes), like the alias table.
            if let (true, Value::Text(t)) = (ENTITY_PARAMS.contains(&n.as_str()), &v) {
                v = Value::Text(super::normalize(t));
            }
            st.raw_bind_parameter(i + 1, v).map_err(ctx)?;
        }
        let rows = st.raw_query();
        let out = {
            let mut out = Vec::new();
            let mut rows = rows;
            loop {
                match rows.next() {
                    Ok(Some(r)) => {
                        let stmt = r.as_ref();
                        let mut m = Row::new();
                        for i in 0..stmt.column_count() {
                            let name = stmt.column_name(i).map_err(ctx)?.to_string();
                            m.insert(name, json_value(r.get_ref(i).map_err(ctx)?));
                        }
                        super::hits::convert(&mut m);
                        out.push(m);
                    }
                    Ok(None) => break,
                    Err(e) => return Err(self.classify(&q.name, params, e)),
                }
            }
            out
        };
        Ok(out)
    }

    fn classify(&self, name: &str, params: &[(&str, Value)], e: rusqlite::Error) -> StoreError {
        let msg = e.to_string();
        let fts = ["fts5", "syntax error", "no such column", "unterminated string", "unknown special query"];
        if name.starts_with("search") && fts.iter().any(|f| msg.contains(f)) {
            let query = params.iter().find(|(k, _)| *k == "query").map_or(String::new(), |(_, v)| match v {
                Value::Text(t) => t.clone(),
                other => format!("{other:?}"),
            });
            return StoreError::FtsSyntax { query, message: msg };
        }
        self.err(name, e)
    }

    /// Entity ids a name refers to (canonical name or alias, case-insensitive), full-name matches first.
    pub fn resolve_name(&self, name: &str) -> Result<Vec<EntityId>, StoreError> {
        let mut st = self.conn.prepare_cached(sql("resolve_name")).map_err(|e| self.err("resolve_name", e))?;
        let rows = st
            .query_map(named_params! {":name": super::normalize(name)}, |r| r.get(0))
            .map_err(|e| self.err("resolve_name", e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.err("resolve_name", e))
    }

    /// Stored document ids in id order.
    pub fn document_ids(&self) -> Result<Vec<String>, StoreError> {
        let mut st = self.conn.prepare_cached(sql("document_ids")).map_err(|e| self.err("document_ids", e))?;
        let rows = st.query_map([], |r| r.get(0)).map_err(|e| self.err("document_ids", e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.err("document_ids", e))
    }

    /// One stored document.
    pub fn document(&self, id: &str) -> Result<Option<crate::model::Document>, StoreError> {
        use rusqlite::OptionalExtension;
        let mut st = self.conn.prepare_cached(sql("document_get")).map_err(|e| self.err("document_get", e))?;
        st.query_row(named_params! {":id": id}, |r| {
            Ok(crate::model::Document {
                id: r.get(0)?,
                title: r.get(1)?,
                date: r.get(2)?,
                url: r.get(3)?,
                text: r.get(4)?,
                outlet: r.get(5)?,
            })
        })
        .optional()
        .map_err(|e| self.err("document_get", e))
    }

    /// Counts for `stats`: (section, key, count) in a fixed order.
    pub fn stats(&self) -> Result<Vec<(String, String, i64)>, StoreError> {
        let mut out = Vec::new();
        for (section, name) in [
            ("total", "stats_counts"),
            ("quotes", "stats_quote_kinds"),
            ("entities", "stats_entity_types"),
            ("edges", "stats_edges"),
        ] {
            for r in self.rows(name, super::NO_PARAMS)? {
                let mut vals = r.values();
                let key = vals.next().and_then(|v| v.as_str()).unwrap_or_default().to_string();
                let n = vals.next().and_then(|v| v.as_i64()).unwrap_or(0);
                out.push((section.to_string(), key, n));
            }
        }
        Ok(out)
    }

    /// The whole graph as records.
    pub fn graph_data(&self) -> Result<GraphData, StoreError> {
        let mut g = GraphData::default();
        let q = |name: &str| self.conn.prepare_cached(sql(name)).map_err(|e| self.err(name, e));
        let e = |name: &'static str| move |err| self.err(name, err);
        {
            let mut st = q("graph_entities")?;
            let rows = st.query_map([], EntityRecord::from_row).map_err(e("graph_entities"))?;
            g.entities = rows.collect::<Result<_, _>>().map_err(e("graph_entities"))?;
        }
        {
            let mut st = q("graph_documents")?;
            let rows = st.query_map([], DocumentRecord::from_row).map_err(e("graph_documents"))?;
            g.documents = rows.collect::<Result<_, _>>().map_err(e("graph_documents"))?;
        }
        {
            let mut st = q("graph_quotes")?;
            let rows = st.query_map([], QuoteRecord::from_row).map_err(e("graph_quotes"))?;
            g.quotes = rows.collect::<Result<_, _>>().map_err(e("graph_quotes"))?;
        }
        {
            let mut st = q("graph_about")?;
            let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).map_err(e("graph_about"))?;
            g.about = rows.collect::<Result<_, _>>().map_err(e("graph_about"))?;
        }
        {
            let mut st = q("graph_affiliations")?;
            let rows = st
                .query_map([], |r| {
                    Ok(AffiliationRecord {
                        entity_id: r.get(0)?,
                        organization_id: r.get(1)?,
                        role: r.get(2)?,
                        document_id: r.get(3)?,
                    })
                })
                .map_err(e("graph_affiliations"))?;
            g.affiliations = rows.collect::<Result<_, _>>().map_err(e("graph_affiliations"))?;
        }
        {
            let mut st = q("graph_appears_in")?;
            let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).map_err(e("graph_appears_in"))?;
            g.appears_in = rows.collect::<Result<_, _>>().map_err(e("graph_appears_in"))?;
        }
        Ok(g)
    }
}

/// Parameters as (name, value) pairs from a string map (CLI `--param KEY=VALUE`).
pub fn params_from(map: &BTreeMap<String, String>) -> Vec<(&str, super::Param)> {
    map.iter().map(|(k, v)| (k.trim_start_matches(':'), super::param_value(v))).collect()
}
