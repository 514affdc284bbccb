//! Command-line definitions (clap derive). No logic lives here.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Parser, Debug)]
#[command(
    name = "quotegraph",
    version,
    about = "Find quotations in news text, attribute them to speakers, and query them as a knowledge graph"
)]
pub struct Cli {
    /// SQLite database file.
    #[arg(long, global = true, env = "QUOTEGRAPH_DB", default_value = "quotegraph.db")]
    pub db: PathBuf,
    #[command(subcommand)]
    pub command: Command,
}

/// Output format of listing commands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Table,
    Json,
    Jsonl,
    Csv,
}

/// Output format of `extract`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    Jsonl,
    Json,
    Table,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum StdinFormat {
    Text,
    Jsonl,
}

#[derive(Args, Debug, Clone)]
pub struct InputArgs {
    /// Files (.txt, .jsonl), directories, or - for stdin.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// How to read stdin.
    #[arg(long, value_enum, default_value = "text")]
    pub input_format: StdinFormat,
    /// Document id for text read from stdin.
    #[arg(long)]
    pub id: Option<String>,
    /// Strip HTML markup from the input text.
    #[arg(long)]
    pub html: bool,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Extract quotes and entities and print them (no database).
    Extract {
        #[command(flatten)]
        input: InputArgs,
        #[arg(long, value_enum, default_value = "jsonl")]
        format: ExtractFormat,
        /// Show the rule trail of each quote.
        #[arg(long)]
        explain: bool,
    },
    /// Score extraction against a gold file (PolNeAR-style or extract-format gold).
    Eval {
        /// Gold file: PolNeAR-style records with `attributions`, or extract-format gold (`quotes` + `text`/`text_file`).
        gold: PathBuf,
        /// The table of ../shared/eval/score.py, or its --json report (same keys).
        #[arg(long, value_enum, default_value = "table")]
        format: EvalFormat,
        /// Score this prediction file (`extract --format jsonl` records) instead of running extraction.
        #[arg(long, hide_short_help = true)]
        pred: Option<PathBuf>,
        /// GenderGapTracker overlap thresholds, comma-separated.
        #[arg(long, hide_short_help = true, value_delimiter = ',', default_value = "0.3,0.8")]
        thresholds: Vec<f64>,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum EvalFormat {
    Table,
    Json,
}
