//! `quotegraph report diversity`: who gets quoted.

use std::path::Path;

use anyhow::Result;
use quotegraph::report::{chart, diversity};

use super::db;
use super::Outcome;
use crate::cli::ReportCommand;

pub fn run(db_path: &Path, report: ReportCommand) -> Result<Outcome> {
    match report {
        ReportCommand::Diversity { outlet, since, until, about, speakers, svg, format } => {
            let (since, until) = super::timeline::date_range(since.as_deref(), until.as_deref())?;
            let store = db::open(db_path)?;
            if let Some(a) = &about {
                db::resolve(&store, a)?;
            }
            let filter =
                diversity::Filter { outlet: outlet.clone(), since: since.clone(), until: until.clone(), about: about.clone() };
            let (shares, people) = diversity::diversity(&store, &filter)?;
            if let Some(path) = svg {
                let mut title = "Who gets quoted".to_string();
                for (k, v) in [
                    ("outlet", &outlet),
                    ("about", &about),
                    ("since", &since),
                    ("until", &until.map(|u| u.trim_end_matches('~').to_string())),
                ] {
                    if let Some(v) = v {
                        title.push_str(&format!(", {k} {v}"));
                    }
                }
                chart::diversity_svg(&path, &title, &shares)?;
            }
            if speakers {
                db::print(&people, format)?;
            } else {
                db::print(&shares, format)?;
            }
        }
    }
    Ok(Outcome::default())
}
