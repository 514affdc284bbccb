//! `quotegraph quotes`: quotes by speaker, about an entity, per document, kind, outlet or date.

use std::path::Path;

use anyhow::Result;
use quotegraph::store::param_value;
use quotegraph::store::Param;

use super::db::{self, Page};
use super::Outcome;
use crate::cli::{KindArg, ListFormat, PageArgs};

/// Rows shown when --limit is not given: the newest quotes, like `git log -n`.
pub const DEFAULT_LIMIT: usize = 50;

#[derive(Debug, Default, Clone)]
pub struct Filter {
    pub by: Option<String>,
    pub about: Option<String>,
    pub doc: Option<String>,
    /// Outlet name, exact but case-insensitive (`document.outlet`).
    pub outlet: Option<String>,
    pub since: Option<String>,
    pub until: Option<String>,
    pub kind: Option<KindArg>,
}

pub fn run(db_path: &Path, f: &Filter, page: PageArgs, format: ListFormat) -> Result<Outcome> {
    let page = Page::new(page, DEFAULT_LIMIT);
    let store = db::open(db_path)?;
    let text = |s: &Option<String>| s.as_deref().map_or(Param::Null, |v| Param::Text(v.to_string()));
    let kind = f.kind.map_or(Param::Null, |k| {
        param_value(match k {
            KindArg::Direct => "direct",
            KindArg::Mixed => "mixed",
            KindArg::Indirect => "indirect",
        })
    });
    let (since, until) = super::timeline::date_range(f.since.as_deref(), f.until.as_deref())?;
    let mut params = vec![
        ("doc", text(&f.doc)),
        ("kind", kind),
        ("outlet", text(&f.outlet)),
        ("since", text(&since)),
        ("until", text(&until)),
    ];
    let name = match (&f.by, &f.about) {
        (Some(by), about) => {
            params.push(("name", Param::Text(by.clone())));
            params.push(("about", text(about)));
            "quotes_by_speaker"
        }
        (None, Some(about)) => {
            params.push(("name", Param::Text(about.clone())));
            "quotes_about"
        }
        (None, None) => "quotes",
    };
    let mut paged = params.clone();
    paged.extend(page.params());
    let mut rows = store.rows(name, &paged)?;
    let total = if page.cut(&mut rows) || (rows.is_empty() && page.offset > 0) {
        // Index-only count, run only when the page does not show everything.
        let count = store.rows(&format!("{name}_count"), &params)?;
        count.first().and_then(|r| r.get("total")).and_then(|v| v.as_u64()).unwrap_or(0) as usize
    } else {
        page.offset + rows.len()
    };
    if rows.is_empty() {
        // Only an empty answer needs the names checked (rows prove they exist).
        for n in [&f.by, &f.about].into_iter().flatten() {
            if store.resolve_name(n)?.is_empty() {
                eprintln!("note: no entity named {n:?}; `quotegraph entities` lists the known names");
            }
        }
    }
    db::print_rows(&rows, format, &["doc", "date", "speaker", "kind", "quote"])?;
    page.note(rows.len(), total, "quotes");
    Ok(Outcome::default())
}
