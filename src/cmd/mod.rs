//! One module per subcommand: thin glue between the CLI and the library.

pub mod eval;
pub mod extract;
pub mod output;

use crate::cli::{Cli, Command};

/// What a command reports back to `main` for the exit code.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Outcome {
    /// Some inputs failed (exit code 1).
    pub partial_failure: bool,
}

pub fn run(cli: Cli) -> anyhow::Result<Outcome> {
    match cli.command {
        Command::Extract { input, format, explain } => extract::run(&input, format, explain),
        Command::Eval { gold, format, pred, thresholds } => eval::run(&gold, pred.as_deref(), format, &thresholds),
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
    }
}
