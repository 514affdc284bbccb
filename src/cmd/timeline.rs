//! `quotegraph timeline ENTITY --by day|week|month`: quotes per period, with an optional SVG chart.

use std::path::Path;

use anyhow::{bail, Result};
use quotegraph::corpus::dates::{self, Bucket};
use quotegraph::report::{chart, timeline};

use super::db;
use super::Outcome;
use crate::cli::{BucketArg, ListFormat};

/// Checks --since/--until as ISO dates; `until` becomes an upper bound that
/// keeps date-times of that day ("2019-01-31T10:00" <= "2019-01-31~").
pub fn date_range(since: Option<&str>, until: Option<&str>) -> Result<(Option<String>, Option<String>)> {
    for (flag, v) in [("--since", since), ("--until", until)] {
        if let Some(Err(e)) = v.map(dates::parse) {
            bail!("{flag}: {e}");
        }
    }
    let until = until.map(|u| if u.trim().len() == 10 { format!("{}~", u.trim()) } else { u.trim().to_string() });
    Ok((since.map(|s| s.trim().to_string()), until))
}

pub fn run(
    db_path: &Path,
    entity: &str,
    by: BucketArg,
    since: Option<&str>,
    until: Option<&str>,
    svg: Option<&Path>,
    format: ListFormat,
) -> Result<Outcome> {
    let (since, until) = date_range(since, until)?;
    let store = db::open(db_path)?;
    db::resolve(&store, entity)?;
    let by = match by {
        BucketArg::Day => Bucket::Day,
        BucketArg::Week => Bucket::Week,
        BucketArg::Month => Bucket::Month,
    };
    let periods = timeline::timeline(&store, entity, by, since.as_deref(), until.as_deref())?;
    if let Some(path) = svg {
        let per = match by {
            Bucket::Day => "day",
            Bucket::Week => "week",
            Bucket::Month => "month",
        };
        chart::timeline_svg(path, &format!("Quotes by {entity} per {per}"), &periods)?;
    }
    db::print(&periods, format)?;
    Ok(Outcome::default())
}
