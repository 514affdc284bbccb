//! The JSON API under `/api/`, and the list reads the pages share with it.
//! List routes answer with the rows of the listing command's `--format json`
//! (a bare array) and the total in `X-Total-Count`.

use rusqlite::types::Value;
use serde::Serialize;

use super::http::{Query, Response, MAX_LIMIT, MAX_OFFSET};
use super::ServeError;
use crate::graph::QuoteGraph;
use crate::model::EntityId;
use crate::store::browse::DocumentQuote;
use crate::store::{Row, Store};

/// Rows of a list route when `limit` is not given (the CLI's `quotes` default).
pub const DEFAULT_LIMIT: usize = 50;
/// Quotes per entity and relation in `/api/graph/ego` when `max_quotes` is not
/// given: the default of `export --entity`.
pub const EGO_MAX_QUOTES: usize = 50;
/// Deepest ego graph the API draws: depth 3 of a well-quoted entity is most of a corpus.
pub const EGO_MAX_DEPTH: usize = 2;

/// One page of a list and the number of rows without the page.
pub struct Listing {
    pub rows: Vec<Row>,
    pub total: usize,
}

/// Runs list query `name` for one page; counts with `{name}_count` only when the page is cut.
pub fn paged(store: &Store, name: &str, params: &[(&str, Value)], limit: usize, offset: usize) -> Result<Listing, ServeError> {
    let mut p = params.to_vec();
    p.push(("limit", Value::Integer(limit as i64 + 1)));
    p.push(("offset", Value::Integer(offset as i64)));
    let mut rows = store.rows(name, &p)?;
    let cut = rows.len() > limit;
    rows.truncate(limit);
    let total = if cut || (rows.is_empty() && offset > 0) {
        let count = store.rows(&format!("{name}_count"), params)?;
        count.first().and_then(|r| r.get("total")).and_then(|v| v.as_u64()).unwrap_or(0) as usize
    } else {
        offset + rows.len()
    };
    Ok(Listing { rows, total })
}

fn text(v: Option<&str>) -> Value {
    v.map_or(Value::Null, |s| Value::Text(s.to_string()))
}

/// The filters of `quotes` (the CLI's flags).
#[derive(Debug, Default)]
pub struct QuoteFilter<'a> {
    pub by: Option<&'a str>,
    pub about: Option<&'a str>,
    pub doc: Option<&'a str>,
    pub kind: Option<&'static str>,
    pub since: Option<String>,
    pub until: Option<String>,
}

impl<'a> QuoteFilter<'a> {
    /// The filters of a query string; the speaker is parameter `by_key` (`by` in the API, `speaker` on the search page).
    pub fn from_query(q: &'a Query, by_key: &str) -> Result<QuoteFilter<'a>, ServeError> {
        Ok(QuoteFilter {
            by: q.get(by_key),
            about: q.get("about"),
            doc: q.get("doc"),
            kind: q.kind()?,
            since: q.date("since")?,
            until: q.date("until")?,
        })
    }
}

/// `quotes`, `quotes_by_speaker` or `quotes_about` as the filters ask; 404 for an unknown name without rows.
pub fn quotes(store: &Store, f: &QuoteFilter, limit: usize, offset: usize) -> Result<Listing, ServeError> {
    let mut params = vec![
        ("doc", text(f.doc)),
        ("kind", text(f.kind)),
        ("since", text(f.since.as_deref())),
        ("until", text(f.until.as_deref())),
    ];
    let name = match (f.by, f.about) {
        (Some(by), about) => {
            params.push(("name", text(Some(by))));
            params.push(("about", text(about)));
            "quotes_by_speaker"
        }
        (None, Some(about)) => {
            params.push(("name", text(Some(about))));
            "quotes_about"
        }
        (None, None) => "quotes",
    };
    let listing = paged(store, name, &params, limit, offset)?;
    if listing.rows.is_empty() {
        for n in [f.by, f.about].into_iter().flatten() {
            if store.resolve_name(n)?.is_empty() {
                return Err(ServeError::NotFound(format!("no entity named {n:?}")));
            }
        }
    }
    Ok(listing)
}

/// `search_filtered`: full-text query `q` with speaker, about, kind and date filters.
pub fn search(store: &Store, q: &Query, limit: usize, offset: usize) -> Result<Listing, ServeError> {
    let (since, until, kind) = (q.date("since")?, q.date("until")?, q.kind()?);
    let params = [
        ("query", text(Some(q.required("q")?))),
        ("speaker", text(q.get("speaker"))),
        ("about", text(q.get("about"))),
        ("kind", text(kind)),
        ("since", text(since.as_deref())),
        ("until", text(until.as_deref())),
    ];
    paged(store, "search_filtered", &params, limit, offset)
}

/// The entity a name (and optionally `id`, among same-named entities) refers to, and all it may refer to.
pub fn resolve(store: &Store, name: &str, id: Option<&str>) -> Result<(EntityId, Vec<EntityId>), ServeError> {
    let ids = store.resolve_name(name)?;
    let Some(&first) = ids.first() else {
        return Err(ServeError::NotFound(format!("no entity named {name:?}")));
    };
    match id {
        None => Ok((first, ids)),
        Some(s) => {
            let n = EntityId(s.parse().map_err(|_| ServeError::BadRequest(format!("id={s:?} is not an entity id")))?);
            if ids.contains(&n) {
                Ok((n, ids))
            } else {
                Err(ServeError::NotFound(format!("entity {n} is not named {name:?}")))
            }
        }
    }
}

/// A stored document with its quotes and their spans.
#[derive(Serialize)]
pub struct DocumentView {
    pub id: String,
    pub title: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
    pub text: String,
    pub quotes: Vec<DocumentQuote>,
}

pub fn document(store: &Store, id: &str) -> Result<DocumentView, ServeError> {
    let doc = store.document(id)?.ok_or_else(|| ServeError::NotFound(format!("no document with id {id:?}")))?;
    let quotes = store.document_quotes(id)?;
    Ok(DocumentView { id: doc.id, title: doc.title, date: doc.date, url: doc.url, text: doc.text, quotes })
}

/// The ego graph of an entity, bounded like `export --entity`.
pub fn ego(store: &Store, id: EntityId, depth: usize, max_quotes: usize) -> Result<QuoteGraph, ServeError> {
    Ok(QuoteGraph::load_ego_bounded(store, &[id], depth, Some(max_quotes))?.graph)
}

fn list_response(listing: Listing) -> Response {
    Response::json(&listing.rows).header("X-Total-Count", listing.total.to_string())
}

pub fn route(store: &Store, rest: &str, q: &Query) -> Result<Response, ServeError> {
    let page = |q: &Query| -> Result<(usize, usize), ServeError> {
        Ok((q.count("limit", DEFAULT_LIMIT, MAX_LIMIT)?, q.count("offset", 0, MAX_OFFSET)?))
    };
    if let Some(name) = rest.strip_prefix("entity/") {
        q.allow(&["id"])?;
        let (id, _) = resolve(store, &super::http::percent_decode(name, false), q.get("id"))?;
        return Ok(Response::json(&store.entity_profile(id)?));
    }
    if let Some(id) = rest.strip_prefix("document/") {
        q.allow(&[])?;
        return Ok(Response::json(&document(store, &super::http::percent_decode(id, false))?));
    }
    match rest {
        "quotes" => {
            q.allow(&["by", "about", "doc", "kind", "since", "until", "limit", "offset"])?;
            let (limit, offset) = page(q)?;
            Ok(list_response(quotes(store, &QuoteFilter::from_query(q, "by")?, limit, offset)?))
        }
        "search" => {
            q.allow(&["q", "speaker", "about", "kind", "since", "until", "limit", "offset"])?;
            let (limit, offset) = page(q)?;
            let mut listing = search(store, q, limit, offset)?;
            for r in &mut listing.rows {
                r.shift_remove("marked");
            }
            Ok(list_response(listing))
        }
        "who" => {
            q.allow(&["about", "limit", "offset"])?;
            let (limit, offset) = page(q)?;
            let about = q.required("about")?;
            // Every speaker is aggregated to rank them, so the page is cut here (as `who` does).
            let rows = store.rows("who_about", &[("name", Value::Text(about.to_string()))])?;
            if rows.is_empty() {
                resolve(store, about, None)?;
            }
            let total = rows.len();
            let rows: Vec<Row> = rows.into_iter().skip(offset).take(limit).collect();
            Ok(list_response(Listing { rows, total }))
        }
        "graph/ego" => {
            q.allow(&["entity", "id", "depth", "max_quotes"])?;
            let (id, _) = resolve(store, q.required("entity")?, q.get("id"))?;
            let depth = q.count("depth", 1, EGO_MAX_DEPTH)?;
            let max_quotes = q.count("max_quotes", EGO_MAX_QUOTES, MAX_LIMIT)?;
            if max_quotes == 0 {
                return Err(ServeError::BadRequest(format!(
                    "max_quotes=0: the API draws at most {MAX_LIMIT} quotes per relation"
                )));
            }
            let graph = ego(store, id, depth, max_quotes)?;
            Ok(Response::json(&crate::export::json::node_link(&graph)))
        }
        _ => Err(ServeError::NotFound(format!("no API route /api/{rest}"))),
    }
}
