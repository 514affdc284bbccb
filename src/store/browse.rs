//! Reads for browsing (`entity`, `serve`): an entity's profile and a
//! document's quotes with every span the document page marks up.

use rusqlite::named_params;
use rusqlite::types::Value;
use serde::Serialize;

use super::read::Row;
use super::registry::sql;
use super::{Store, StoreError};
use crate::model::{EntityId, QuoteId};

/// An entity's profile, as `quotegraph entity --format json` prints it
/// (the field names are part of the JSON contract).
#[derive(Clone, Debug, Serialize)]
pub struct EntityProfile {
    pub name: String,
    #[serde(rename = "type")]
    pub entity_type: String,
    pub external_id: Option<String>,
    pub aliases: Vec<String>,
    /// `{role, organization, documents}`
    pub roles: Vec<Row>,
    pub quotes: i64,
    pub quoted_about: i64,
    /// `{id, title, date, mentions}`
    pub documents: Vec<Row>,
    /// `{name, type, quotes}`: whom their quotes name most.
    pub talks_about: Vec<Row>,
    /// `{name, type, quotes}`: who names them most.
    pub talked_about_by: Vec<Row>,
}

/// A row value as text (empty for null).
pub fn text_of(r: &Row, k: &str) -> String {
    match r.get(k) {
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(serde_json::Value::Null) | None => String::new(),
        Some(v) => v.to_string(),
    }
}

/// A byte range of a document's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Range {
    pub start: usize,
    pub end: usize,
}

/// One quote of a document with the spans the document page marks.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DocumentQuote {
    pub id: QuoteId,
    pub kind: String,
    pub content: Range,
    /// The pieces of a quote split around its cue; empty for a one-piece quote.
    pub fragments: Vec<Range>,
    pub text: String,
    pub speaker_id: Option<EntityId>,
    /// The speaker entity's canonical name.
    pub speaker: Option<String>,
    pub speaker_type: Option<String>,
    /// The mention the speaker was found at, as written.
    pub speaker_mention: Option<String>,
    pub speaker_span: Option<Range>,
    pub cue: Option<String>,
    pub cue_span: Option<Range>,
    pub confidence: f64,
    pub rule: String,
}

fn range(start: Option<i64>, end: Option<i64>) -> Option<Range> {
    match (start, end) {
        (Some(s), Some(e)) if s >= 0 && e >= s => Some(Range { start: s as usize, end: e as usize }),
        _ => None,
    }
}

impl Store {
    /// The profile of entity `id` (an unknown id gives an empty profile).
    pub fn entity_profile(&self, id: EntityId) -> Result<EntityProfile, StoreError> {
        let p = [("id", Value::Integer(id.0))];
        let e = self.rows("entity_get", &p)?.into_iter().next().unwrap_or_default();
        let int = |k: &str| e.get(k).and_then(|v| v.as_i64()).unwrap_or(0);
        Ok(EntityProfile {
            name: text_of(&e, "name"),
            entity_type: text_of(&e, "type"),
            external_id: e.get("external_id").and_then(|v| v.as_str()).map(str::to_string),
            aliases: self.rows("entity_aliases", &p)?.iter().map(|r| text_of(r, "alias")).collect(),
            roles: self.rows("entity_roles", &p)?,
            quotes: int("quotes"),
            quoted_about: int("quoted_about"),
            documents: self.rows("entity_documents", &p)?,
            talks_about: self.rows("entity_talks_about", &p)?,
            talked_about_by: self.rows("entity_talked_about_by", &p)?,
        })
    }

    /// The quotes of document `id` in text order.
    pub fn document_quotes(&self, id: &str) -> Result<Vec<DocumentQuote>, StoreError> {
        let e = |err| self.err("document_quotes", err);
        let mut st = self.conn.prepare_cached(sql("document_quotes")).map_err(e)?;
        let rows = st
            .query_map(named_params! {":id": id}, |r| {
                let fragments: Option<String> = r.get("fragments")?;
                let fragments = fragments
                    .and_then(|f| serde_json::from_str::<Vec<[i64; 2]>>(&f).ok())
                    .unwrap_or_default()
                    .into_iter()
                    .filter_map(|[s, e]| range(Some(s), Some(e)))
                    .collect();
                Ok(DocumentQuote {
                    id: r.get("id")?,
                    kind: r.get("kind")?,
                    content: range(r.get("start")?, r.get("end")?).unwrap_or(Range { start: 0, end: 0 }),
                    fragments,
                    text: r.get("text")?,
                    speaker_id: r.get("speaker_id")?,
                    speaker: r.get("speaker")?,
                    speaker_type: r.get("speaker_type")?,
                    speaker_mention: r.get("speaker_text")?,
                    speaker_span: range(r.get("speaker_start")?, r.get("speaker_end")?),
                    cue: r.get("cue")?,
                    cue_span: range(r.get("cue_start")?, r.get("cue_end")?),
                    confidence: r.get("confidence")?,
                    rule: r.get("rule")?,
                })
            })
            .map_err(e)?;
        rows.collect::<Result<_, _>>().map_err(e)
    }
}
