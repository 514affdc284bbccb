//! One module per subcommand: thin glue between the CLI and the library.

pub mod eval;
pub mod extract;
pub mod output;

pub mod completions;
pub mod db;
pub mod entities;
pub mod entity;
pub mod export;
pub mod ingest;
pub mod load;
pub mod neighbors;
pub mod path;
pub mod query;
pub mod quotes;
pub mod reindex;
pub mod search;
pub mod serve;
pub mod stats;
pub mod top;
pub mod train;
pub mod who;

pub mod report;
pub mod spread;
pub mod timeline;

use crate::cli::{Cli, Command};

/// What a command reports back to `main` for the exit code.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Outcome {
    /// Some inputs failed (exit code 1).
    pub partial_failure: bool,
}

pub fn run(cli: Cli) -> anyhow::Result<Outcome> {
    match cli.command {
        Command::Extract { input, format, explain, with_text, model } => {
            let model = load_model(&model)?;
            extract::run(&input, format, explain, with_text, extractor(&model))
        }
        Command::Eval { gold, format, pred, thresholds, model } => {
            let model = load_model(&model)?;
            eval::run(&gold, pred.as_deref(), format, &thresholds, extractor(&model))
        }
        Command::Train { gold, output, dev, iterations, rounds, c1, c2, min_freq, seed, combine, quiet } => {
            train::run(&train::TrainArgs {
                gold: &gold,
                output: &output,
                dev: dev.as_deref(),
                options: quotegraph::learn::TrainOptions { iterations, c1, c2, seed, min_freq },
                rounds,
                combine: combine_of(combine),
                quiet,
            })
        }
        Command::Ingest { input, aliases, quiet, extracted: true, .. } => {
            load::run(&cli.db, &input.paths, aliases.as_deref(), quiet)
        }
        Command::Ingest { input, aliases, quiet, extracted: false, no_link, model } => {
            let model = load_model(&model)?;
            ingest::run(&cli.db, &input, aliases.as_deref(), quiet, !no_link, extractor(&model))
        }
        Command::Reindex { aliases, quiet, model } => {
            let model = load_model(&model)?;
            reindex::run(&cli.db, aliases.as_deref(), quiet, extractor(&model))
        }
        Command::Quotes { by, about, doc, outlet, since, until, kind, page, format } => {
            quotes::run(&cli.db, &quotes::Filter { by, about, doc, outlet, since, until, kind }, page, format)
        }
        Command::Who { about, since, until, page, format } => {
            who::run(&cli.db, &about, since.as_deref(), until.as_deref(), page, format)
        }
        Command::Path { from, to, format } => path::run(&cli.db, &from, &to, format),
        Command::Neighbors { name, depth, format } => neighbors::run(&cli.db, &name, depth, format),
        Command::Top { what, by, limit, format } => top::run(&cli.db, what, by, limit, format),
        Command::Stats { format } => stats::run(&cli.db, format),
        Command::Search { query, outlet, page, format } => search::run(&cli.db, &query, outlet.as_deref(), page, format),
        Command::Query { name, params, queries, list, format } => {
            query::run(&cli.db, name.as_deref(), &params, queries.as_deref(), list, format)
        }
        Command::Entities { entity_type, format } => entities::run(&cli.db, entity_type.as_deref(), format),
        Command::Entity { name, format } => entity::run(&cli.db, &name, format),
        Command::Export { format, output, entity, depth, min_quotes, max_quotes } => {
            export::run(&cli.db, format, output.as_deref(), entity.as_deref(), depth, min_quotes, max_quotes)
        }
        Command::Spread { quote, relink, format } => spread::run(&cli.db, quote.as_deref(), relink, format),
        Command::Timeline { entity, by, since, until, svg, format } => {
            timeline::run(&cli.db, &entity, by, since.as_deref(), until.as_deref(), svg.as_deref(), format)
        }
        Command::Report { report } => report::run(&cli.db, report),
        Command::Serve { bind } => serve::run(&cli.db, &bind),
        Command::Completions { shell } => completions::run(shell),
        Command::Man => completions::man(),
    }
}

/// The model of `--model`, loaded once, with how it combines with the rules.
fn load_model(args: &crate::cli::ModelArgs) -> anyhow::Result<Option<(quotegraph::learn::Model, quotegraph::learn::Combine)>> {
    match &args.model {
        None => Ok(None),
        Some(p) => Ok(Some((quotegraph::learn::Model::load(p)?, combine_of(args.combine)))),
    }
}

fn combine_of(c: crate::cli::CombineArg) -> quotegraph::learn::Combine {
    match c {
        crate::cli::CombineArg::Model => quotegraph::learn::Combine::Model,
        crate::cli::CombineArg::Rules => quotegraph::learn::Combine::Rules,
        crate::cli::CombineArg::Add => quotegraph::learn::Combine::Add,
    }
}

/// The extractor a command runs: the rules, or the rules with a loaded model.
fn extractor(model: &Option<(quotegraph::learn::Model, quotegraph::learn::Combine)>) -> quotegraph::learn::Extractor<'_> {
    match model {
        None => quotegraph::learn::Extractor::Rules,
        Some((m, c)) => quotegraph::learn::Extractor::Model(m, *c),
    }
}

/// Input options from the shared CLI arguments.
pub fn input_options(input: &crate::cli::InputArgs) -> quotegraph::input::InputOptions {
    quotegraph::input::InputOptions {
        stdin_format: match input.input_format {
            crate::cli::StdinFormat::Text => quotegraph::input::StdinFormat::Text,
            crate::cli::StdinFormat::Jsonl => quotegraph::input::StdinFormat::Jsonl,
        },
        stdin_id: input.id.clone(),
        html: input.html,
        follow: input.follow,
    }
}
