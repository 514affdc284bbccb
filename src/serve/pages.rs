//! The HTML pages: search, entity and document, rendered with minijinja
//! from the templates in assets/templates/ (auto-escaping on: every value
//! is escaped, and nothing is marked safe but `tojson`'s output, which
//! escapes `<`, `>`, `&` and `'` itself). The stylesheet and scripts are
//! compiled in, so the pages work offline.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use minijinja::{context, Environment};
use serde::Serialize;

use super::api::{self, Listing, QuoteFilter};
use super::http::{url_with, Query, Response, HTML, MAX_OFFSET};
use super::markup::{self, document_url, entity_url, Piece};
use super::ServeError;
use crate::model::EntityId;
use crate::store::browse::{text_of, Range};
use crate::store::{Row, Store};

/// Hits per search page.
pub const PAGE_SIZE: usize = 20;
/// Quotes listed on an entity page for each direction.
pub const ENTITY_QUOTES: usize = 8;
/// Quotes per entity and relation in the entity page's graph: enough to
/// show whom they talk with, few enough that the drawing stays legible.
pub const PAGE_EGO_MAX_QUOTES: usize = 12;
/// Roles listed on an entity page (the most stated first).
pub const ENTITY_ROLES: usize = 12;
/// Documents listed on an entity page (the newest; a frequent speaker appears in thousands).
pub const ENTITY_DOCUMENTS: usize = 40;
/// Speakers on the front page.
pub const FRONT_SPEAKERS: i64 = 24;

const TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("../../assets/templates/base.html")),
    ("error.html", include_str!("../../assets/templates/error.html")),
    ("search.html", include_str!("../../assets/templates/search.html")),
    ("entity.html", include_str!("../../assets/templates/entity.html")),
    ("document.html", include_str!("../../assets/templates/document.html")),
];

static ENV: LazyLock<Result<Environment<'static>, String>> = LazyLock::new(|| {
    let mut env = Environment::new();
    for (name, src) in TEMPLATES {
        env.add_template(name, src).map_err(|e| format!("{name}: {e}"))?;
    }
    Ok(env)
});

fn render(name: &str, ctx: minijinja::Value) -> Result<String, ServeError> {
    let err = |message: String| ServeError::Template { template: name.to_string(), message };
    let env = ENV.as_ref().map_err(|e| err(e.clone()))?;
    env.get_template(name).and_then(|t| t.render(ctx)).map_err(|e| err(e.to_string()))
}

/// The error page (plain text when even the template fails).
pub fn error_page(status: u16, message: &str) -> Response {
    let reason = match status {
        400 => "Bad request",
        404 => "Not found",
        405 => "Method not allowed",
        _ => "Server error",
    };
    match render("error.html", context! { status, reason, message, db => "" }) {
        Ok(body) => Response::new(status, HTML, body),
        Err(e) => Response::new(status, "text/plain; charset=utf-8", format!("{status} {reason}: {message} ({e})")),
    }
}

/// The compiled-in static files.
pub fn asset(file: &str) -> Result<Response, ServeError> {
    let (body, content_type): (&'static [u8], &'static str) = match file {
        "style.css" => (include_bytes!("../../assets/style.css"), "text/css; charset=utf-8"),
        "ego.js" => (include_bytes!("../../assets/ego.js"), "text/javascript; charset=utf-8"),
        "cytoscape.min.js" => (include_bytes!("../../assets/cytoscape.min.js"), "text/javascript; charset=utf-8"),
        _ => return Err(ServeError::NotFound(format!("no asset {file:?}"))),
    };
    Ok(Response::new(200, content_type, body).header("Cache-Control", "max-age=3600".into()))
}

/// A quote in a list: who, where, and the text in pieces.
#[derive(Serialize)]
struct Hit {
    speaker: String,
    speaker_url: String,
    doc: String,
    doc_url: String,
    title: String,
    date: String,
    kind: String,
    pieces: Vec<Piece>,
}

fn hit(r: &Row) -> Hit {
    let speaker = text_of(r, "speaker");
    let speaker_id = r.get("speaker_id").and_then(|v| v.as_i64()).map(EntityId);
    let doc = text_of(r, "doc");
    let pieces = match r.get("marked").and_then(|v| v.as_str()) {
        Some(m) => markup::hit_pieces(m),
        None => vec![Piece { text: text_of(r, "quote"), ..Default::default() }],
    };
    Hit {
        speaker_url: if speaker.is_empty() { String::new() } else { entity_url(&speaker, speaker_id) },
        speaker,
        doc_url: format!("{}#q{}", document_url(&doc), text_of(r, "quote_id")),
        doc,
        title: text_of(r, "title"),
        date: text_of(r, "date"),
        kind: text_of(r, "kind"),
        pieces,
    }
}

#[derive(Serialize, Default)]
struct Form {
    q: String,
    speaker: String,
    about: String,
    kind: String,
    since: String,
    until: String,
}

pub fn search(store: &Store, q: &Query) -> Result<Response, ServeError> {
    q.allow(&["q", "speaker", "about", "kind", "since", "until", "offset"])?;
    let form = Form {
        q: q.text("q"),
        speaker: q.text("speaker"),
        about: q.text("about"),
        kind: q.kind()?.unwrap_or_default().to_string(),
        since: q.date("since")?.unwrap_or_default(),
        until: q.date("until")?.unwrap_or_default(),
    };
    let offset = q.count("offset", 0, MAX_OFFSET)?;
    let filtered = [&form.speaker, &form.about, &form.kind, &form.since, &form.until].iter().any(|s| !s.is_empty());
    let listing: Option<Listing> = if !form.q.is_empty() {
        Some(api::search(store, q, PAGE_SIZE, offset)?)
    } else if filtered {
        Some(api::quotes(store, &QuoteFilter::from_query(q, "speaker")?, PAGE_SIZE, offset)?)
    } else {
        None
    };
    let page_url = |off: usize| {
        let off = off.to_string();
        let mut p: Vec<(&str, &str)> = vec![
            ("q", &form.q),
            ("speaker", &form.speaker),
            ("about", &form.about),
            ("kind", &form.kind),
            ("since", &form.since),
            ("until", &form.until),
        ];
        if off != "0" {
            p.push(("offset", &off));
        }
        url_with("/search", &p)
    };
    let db = store.path().display().to_string();
    let body = match listing {
        Some(l) => {
            let hits: Vec<Hit> = l.rows.iter().map(hit).collect();
            let last = offset + hits.len();
            let prev_url = (offset > 0).then(|| page_url(offset.saturating_sub(PAGE_SIZE)));
            let next_url = (last < l.total).then(|| page_url(last));
            render("search.html", context! { form, db, hits, total => l.total, first => offset + 1, last, prev_url, next_url })?
        }
        None => {
            let mut stats: BTreeMap<String, i64> = BTreeMap::new();
            for r in store.rows("stats_counts", crate::store::NO_PARAMS)? {
                stats.insert(text_of(&r, "what"), r.get("n").and_then(|v| v.as_i64()).unwrap_or(0));
            }
            let speakers: Vec<_> = store
                .rows("top_speakers", &[("limit", rusqlite::types::Value::Integer(FRONT_SPEAKERS))])?
                .iter()
                .map(|r| context! { speaker => text_of(r, "speaker"), quotes => text_of(r, "quotes"), url => entity_url(&text_of(r, "speaker"), None) })
                .collect();
            render("search.html", context! { form, db, hits => minijinja::Value::from(()), stats, speakers })?
        }
    };
    Ok(Response::html(body))
}

/// Rows of `{name, type, quotes}` with their entity links.
fn linked(rows: &[Row]) -> Vec<minijinja::Value> {
    rows.iter()
        .map(|r| context! { name => text_of(r, "name"), quotes => text_of(r, "quotes"), url => entity_url(&text_of(r, "name"), None) })
        .collect()
}

pub fn entity(store: &Store, name: &str, q: &Query) -> Result<Response, ServeError> {
    q.allow(&["id"])?;
    let (id, ids) = api::resolve(store, name, q.get("id"))?;
    let p = store.entity_profile(id)?;
    let others: Vec<_> = store
        .entities_by_id(&ids.iter().copied().filter(|&i| i != id).collect::<Vec<_>>())?
        .into_iter()
        .map(|e| context! { url => entity_url(name, Some(e.id)), label => format!("{} ({}, {} quotes)", e.name, e.entity_type, e.said) })
        .collect();
    let roles: Vec<_> = p
        .roles
        .iter()
        .take(ENTITY_ROLES)
        .map(|r| {
            let org = text_of(r, "organization");
            context! { role => text_of(r, "role"), org_url => entity_url(&org, None), organization => org }
        })
        .collect();
    let more_documents = p.documents.len().saturating_sub(ENTITY_DOCUMENTS);
    let documents: Vec<_> = p
        .documents
        .iter()
        .rev()
        .take(ENTITY_DOCUMENTS)
        .map(|r| context! { id => text_of(r, "id"), url => document_url(&text_of(r, "id")), title => text_of(r, "title"), date => text_of(r, "date"), mentions => r.get("mentions").and_then(|v| v.as_i64()).unwrap_or(0) })
        .collect();
    let listed = |f: QuoteFilter| -> Result<Vec<Hit>, ServeError> {
        match api::quotes(store, &f, ENTITY_QUOTES, 0) {
            Ok(l) => Ok(l.rows.iter().map(hit).collect()),
            Err(ServeError::NotFound(_)) => Ok(Vec::new()),
            Err(e) => Err(e),
        }
    };
    let said = listed(QuoteFilter { by: Some(&p.name), ..Default::default() })?;
    let about = listed(QuoteFilter { about: Some(&p.name), ..Default::default() })?;
    let (talks_about, talked_about_by) = (linked(&p.talks_about), linked(&p.talked_about_by));
    let graph = api::ego(store, id, 1, PAGE_EGO_MAX_QUOTES)?;
    let ego_note =
        if graph.omitted.is_empty() { String::new() } else { format!("the newest {PAGE_EGO_MAX_QUOTES} quotes per relation") };
    let elements = markup::ego_elements(&graph, id);
    let said_url = url_with("/search", &[("speaker", &p.name)]);
    let about_url = url_with("/search", &[("about", &p.name)]);
    let body = render(
        "entity.html",
        context! {
            p, name, others, roles, documents, more_documents, said, about, elements, ego_note, said_url, about_url,
            talks_about, talked_about_by,
            db => store.path().display().to_string(),
        },
    )?;
    Ok(Response::html(body))
}

pub fn document(store: &Store, id: &str, q: &Query) -> Result<Response, ServeError> {
    q.allow(&[])?;
    let d = api::document(store, id)?;
    // The store keeps each quote's rule, not the extractor's steps: they are
    // recomputed from the stored text (pure, about a millisecond per article)
    // and shown where the same quote comes out again.
    let x = crate::extract::extract(&d.text);
    let trails: BTreeMap<Range, Vec<String>> = x
        .quotes
        .iter()
        .map(|q| (Range { start: q.content.start as usize, end: q.content.end as usize }, q.trail.clone()))
        .collect();
    let paragraphs = markup::document_paragraphs(&d.text, &d.quotes, &trails);
    let quotes: Vec<_> = d
        .quotes
        .iter()
        .map(|q| {
            let speaker_url = q.speaker.as_deref().map(|s| entity_url(s, q.speaker_id)).unwrap_or_default();
            context! { id => q.id, kind => q.kind, speaker => q.speaker, speaker_url, cue => q.cue, text => q.text, rule => q.rule, confidence => q.confidence }
        })
        .collect();
    // Only web links become links: a stored `javascript:` URL stays text.
    let link = d.url.as_deref().filter(|u| u.starts_with("https://") || u.starts_with("http://"));
    let body = render(
        "document.html",
        context! { d => context! { id => d.id, title => d.title, date => d.date }, link, paragraphs, quotes, db => store.path().display().to_string() },
    )?;
    Ok(Response::html(body))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_parses() {
        assert!(ENV.is_ok(), "{:?}", ENV.as_ref().err());
    }

    #[test]
    fn the_error_page_escapes_its_message() {
        let r = error_page(404, "no entity named \"<script>alert(1)</script>\"");
        let body = String::from_utf8(r.body).unwrap();
        assert!(!body.contains("<script>alert"), "{body}");
        assert!(body.contains("&lt;script&gt;"), "{body}");
    }
}
