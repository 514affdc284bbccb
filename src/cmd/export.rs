//! `quotegraph export --format dot|svg|graphml|json|csv`.

use std::io::Write;
use std::path::Path;

use anyhow::{bail, Result};
use quotegraph::export;
use quotegraph::graph::{QuoteGraph, AROUND_QUOTE_CAP};

use super::{db, Outcome};
use crate::cli::ExportFormat;

pub fn run(
    db_path: &Path,
    format: ExportFormat,
    output: Option<&Path>,
    entity: Option<&str>,
    depth: usize,
    min_quotes: i64,
    max_quotes: usize,
) -> Result<Outcome> {
    let store = db::open(db_path)?;
    let mut graph = match entity {
        Some(name) => {
            let ids = db::resolve(&store, name)?;
            let max = (max_quotes > 0).then_some(max_quotes);
            // Invariant: `db::resolve` fails rather than return no ids.
            let around = QuoteGraph::load_ego_bounded(&store, &ids[..1], depth, max)?;
            if around.truncated {
                eprintln!("note: {name:?} has a large neighbourhood; stopped reading it at {AROUND_QUOTE_CAP} quotes, the export is partial");
            }
            let left_out: i64 = around.graph.omitted.values().map(|o| o.said + o.about + o.between).sum();
            let affiliates: i64 = around.graph.omitted.values().map(|o| o.affiliates).sum();
            if left_out + affiliates > 0 {
                eprintln!(
                    "note: the ego graph shows at most {max_quotes} quotes per entity and relation (the newest) and \
                     {max_quotes} affiliates per entity; {} more quotes and {} more affiliates left out, \
                     marked \"+K more\" on their entities; --max-quotes 0 for all",
                    db::thousands(left_out as usize),
                    db::thousands(affiliates as usize)
                );
            }
            around.graph
        }
        None => QuoteGraph::load(&store)?,
    };
    graph = graph.min_quotes(min_quotes);
    if format == ExportFormat::Csv {
        let Some(dir) = output else { bail!("export --format csv writes several files: give a directory with -o DIR") };
        let files = export::csv::write(&graph, dir)?;
        for f in files {
            eprintln!("wrote {}", f.display());
        }
        return Ok(Outcome::default());
    }
    let mut buf = Vec::new();
    match format {
        ExportFormat::Dot => export::dot::write(&graph, &mut buf)?,
        ExportFormat::Svg => {
            let mut dot = Vec::new();
            export::dot::write(&graph, &mut dot)?;
            buf = export::svg(&String::from_utf8_lossy(&dot))?;
        }
        ExportFormat::Graphml => export::graphml::write(&graph, &mut buf)?,
        ExportFormat::Json => export::json::write(&graph, &mut buf)?,
        ExportFormat::Csv => unreachable!("handled above"),
    }
    match output {
        Some(p) => std::fs::write(p, &buf).map_err(|e| export::ExportError::io(p, e))?,
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(&buf)?;
            out.flush()?;
        }
    }
    Ok(Outcome::default())
}
