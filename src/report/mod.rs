//! Reports across articles, readers of the store: a quote's spread over
//! documents (first source, conflicting speakers), a speaker's timeline,
//! and who gets quoted (source diversity), with SVG charts.

pub mod chart;
pub mod diversity;
pub mod spread;
pub mod timeline;

use crate::store::Row;

fn text(r: &Row, k: &str) -> Option<String> {
    r.get(k).and_then(|v| v.as_str()).map(str::to_string)
}

fn int(r: &Row, k: &str) -> Option<i64> {
    r.get(k).and_then(|v| v.as_i64())
}

/// Percentage with one decimal (0 for an empty base).
pub fn percent(part: i64, whole: i64) -> f64 {
    if whole == 0 {
        0.0
    } else {
        (1000.0 * part as f64 / whole as f64).round() / 10.0
    }
}
