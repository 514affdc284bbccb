//! `timeline`: how many quotes a speaker has per day, ISO week or month,
//! from document dates; undated quotes are counted apart, never guessed.

use std::collections::{BTreeMap, BTreeSet};

use rusqlite::types::Value;
use serde::Serialize;

use super::{int, text};
use crate::corpus::dates::{self, Bucket};
use crate::store::{Store, StoreError};

/// Label of the row for quotes whose document has no date.
pub const UNDATED: &str = "undated";
/// Empty periods between the first and the last are listed (as 0) up to
/// this many periods, so that a chart's gaps show; a longer span of days
/// lists only the periods with quotes.
pub const MAX_FILLED: usize = 5000;

/// One period; the columns of `timeline`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Period {
    pub period: String,
    pub quotes: i64,
    pub documents: i64,
}

/// Quotes said by `name` per period, oldest first, then the undated row (if any).
pub fn timeline(
    store: &Store,
    name: &str,
    by: Bucket,
    since: Option<&str>,
    until: Option<&str>,
) -> Result<Vec<Period>, StoreError> {
    let opt = |s: Option<&str>| s.map_or(Value::Null, |v| Value::Text(v.to_string()));
    let rows =
        store.rows("timeline_dates", &[("name", Value::Text(name.to_string())), ("since", opt(since)), ("until", opt(until))])?;
    let mut periods: BTreeMap<String, (i64, BTreeSet<String>)> = BTreeMap::new();
    let mut undated = (0, BTreeSet::new());
    let (mut first, mut last) = (None, None);
    for r in &rows {
        let n = int(r, "quotes").unwrap_or(0);
        let doc = text(r, "doc").unwrap_or_default();
        // Dates were checked on input; one that is not ISO (written by another program) counts as undated.
        match text(r, "date").as_deref().map(dates::parse) {
            Some(Ok(d)) => {
                first = first.min(Some(d)).or(Some(d));
                last = last.max(Some(d));
                let e = periods.entry(d.label(by)).or_default();
                e.0 += n;
                e.1.insert(doc);
            }
            _ => {
                undated.0 += n;
                undated.1.insert(doc);
            }
        }
    }
    if let (Some(mut d), Some(end)) = (first, last) {
        let mut labels = BTreeSet::new();
        while d <= end && labels.len() <= MAX_FILLED {
            labels.insert(d.label(by));
            d = d.next_day();
        }
        if labels.len() <= MAX_FILLED {
            for l in labels {
                periods.entry(l).or_default();
            }
        }
    }
    let mut out: Vec<Period> =
        periods.into_iter().map(|(period, (quotes, docs))| Period { period, quotes, documents: docs.len() as i64 }).collect();
    if undated.0 > 0 {
        out.push(Period { period: UNDATED.into(), quotes: undated.0, documents: undated.1.len() as i64 });
    }
    Ok(out)
}
