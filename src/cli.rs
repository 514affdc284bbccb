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

/// An ISO 8601 date or date-time (--since, --until): a bad one is a usage error.
fn iso_date(s: &str) -> Result<String, String> {
    quotegraph::corpus::dates::parse(s).map(|_| s.trim().to_string())
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
    /// Read input as HTML: its text without markup (scripts, styles and comments dropped, entities
    /// decoded), one block element per line; offsets index that text.
    #[arg(long)]
    pub html: bool,
    /// Follow symbolic links inside directories (not followed by default; loops are detected).
    #[arg(long)]
    pub follow: bool,
}

/// A trained model to combine with the rules (`quotegraph train`).
#[derive(Args, Debug, Clone)]
pub struct ModelArgs {
    /// Model file made by `quotegraph train`; without it, the rules alone.
    #[arg(long, value_name = "MODEL")]
    pub model: Option<PathBuf>,
    /// How the model and the rules combine: the model proposes quotes and the rules attach
    /// speakers (`model`, learns a house style), the rules propose and the model re-draws their
    /// boundaries (`rules`), or the rules' quotes keep their content and cue and the model adds
    /// the quotes they missed (`add`, best on PolNeAR).
    #[arg(long, value_enum, default_value = "model", requires = "model")]
    pub combine: CombineArg,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum CombineArg {
    Model,
    Rules,
    Add,
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
        #[command(flatten)]
        model: ModelArgs,
        /// Add each document (text, metadata) and its complete extraction to its
        /// record, for `ingest --extracted` (docs/scale-out.md).
        #[arg(long)]
        with_text: bool,
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
        #[command(flatten)]
        model: ModelArgs,
    },
    /// Train a sequence model (a CRF over quotegraph's tokens) on gold attributions; use it with --model.
    Train {
        /// Gold files: PolNeAR-style JSONL with `attributions`, or extract-format records with `text` and `quotes`.
        #[arg(required = true)]
        gold: Vec<PathBuf>,
        /// Where to write the model.
        #[arg(short, long, value_name = "MODEL")]
        output: PathBuf,
        /// Gold to score after each round (never used for fitting).
        #[arg(long, value_name = "GOLD")]
        dev: Option<PathBuf>,
        /// L-BFGS iterations.
        #[arg(long, default_value = "150")]
        iterations: usize,
        /// With --dev, score after this many rounds of increasing iterations (each round retrains).
        #[arg(long, default_value = "3")]
        rounds: usize,
        /// L1 regularisation (sparser, smaller, faster model).
        #[arg(long, default_value = "0.05")]
        c1: f64,
        /// L2 regularisation.
        #[arg(long, default_value = "0.01")]
        c2: f64,
        /// Features seen fewer times than this are dropped.
        #[arg(long, default_value = "1")]
        min_freq: f64,
        /// Seed for every random choice: the same seed and gold give the same model.
        #[arg(long, default_value = "1")]
        seed: u64,
        /// How --dev applies the model (as --combine of extract).
        #[arg(long, value_enum, default_value = "model")]
        combine: CombineArg,
        /// No progress bar or summary.
        #[arg(long, short)]
        quiet: bool,
    },
    /// Extract documents and store them in the database (idempotent: unchanged documents are skipped).
    Ingest {
        #[command(flatten)]
        input: InputArgs,
        /// CSV of `alias,canonical name[,type[,external id]]` rows that merge and rename entities.
        #[arg(long, value_name = "FILE")]
        aliases: Option<PathBuf>,
        /// No progress bar and no summary.
        #[arg(long, short)]
        quiet: bool,
        #[command(flatten)]
        model: ModelArgs,
        /// Do not link copies of the same quote across documents (`spread --relink` links them later).
        #[arg(long)]
        no_link: bool,
        /// The inputs are `extract --with-text` records (files, directories of
        /// Spark part files, or -): store them without extracting again.
        #[arg(long, conflicts_with_all = ["html", "id"])]
        extracted: bool,
    },
    /// Re-extract every stored document (after the extractor changed).
    Reindex {
        /// CSV of aliases, as for ingest.
        #[arg(long, value_name = "FILE")]
        aliases: Option<PathBuf>,
        #[arg(long, short)]
        quiet: bool,
        #[command(flatten)]
        model: ModelArgs,
    },
    /// List quotes, by speaker, about an entity, per document, kind, outlet or date.
    Quotes {
        /// Speaker: canonical name or alias (surname works), case-insensitive.
        #[arg(long, value_name = "NAME")]
        by: Option<String>,
        /// Quotes whose content names this entity.
        #[arg(long, value_name = "NAME")]
        about: Option<String>,
        /// Only this document id.
        #[arg(long, value_name = "ID")]
        doc: Option<String>,
        /// Only documents of this outlet (the JSONL `outlet`, else the URL's host; case-insensitive).
        #[arg(long)]
        outlet: Option<String>,
        /// Only documents dated on or after this date (YYYY-MM-DD).
        #[arg(long, value_name = "DATE", value_parser = iso_date)]
        since: Option<String>,
        /// Only documents dated on or before this date (YYYY-MM-DD).
        #[arg(long, value_name = "DATE", value_parser = iso_date)]
        until: Option<String>,
        #[arg(long, value_enum)]
        kind: Option<KindArg>,
        #[command(flatten)]
        page: PageArgs,
        #[arg(long, value_enum, default_value = "table")]
        format: ListFormat,
    },
    /// Speakers ranked by how many of their quotes name an entity.
    Who {
        #[arg(long, value_name = "NAME")]
        about: String,
        /// Only quotes of documents dated on or after this date (YYYY-MM-DD).
        #[arg(long, value_name = "DATE", value_parser = iso_date)]
        since: Option<String>,
        /// Only quotes of documents dated on or before this date (YYYY-MM-DD).
        #[arg(long, value_name = "DATE", value_parser = iso_date)]
        until: Option<String>,
        #[command(flatten)]
        page: PageArgs,
        #[arg(long, value_enum, default_value = "table")]
        format: ListFormat,
    },
    /// The shortest connection between two entities through quotes, documents and affiliations.
    Path {
        from: String,
        to: String,
        #[arg(long, value_enum, default_value = "table")]
        format: ListFormat,
    },
    /// Entities related to an entity through quotes and affiliations.
    Neighbors {
        name: String,
        #[arg(long, default_value_t = 1)]
        depth: usize,
        #[arg(long, value_enum, default_value = "table")]
        format: ListFormat,
    },
    /// The most quoted speakers or most talked-about entities.
    Top {
        #[arg(value_enum)]
        what: TopWhat,
        #[arg(long, value_enum, default_value = "quotes")]
        by: TopBy,
        #[arg(long, default_value_t = 20)]
        limit: usize,
        #[arg(long, value_enum, default_value = "table")]
        format: ListFormat,
    },
    /// Counts of documents, quotes by kind, entities by type and edges by type.
    Stats {
        #[arg(long, value_enum, default_value = "table")]
        format: ListFormat,
    },
    /// Full-text search over quote text (SQLite FTS5 syntax).
    Search {
        query: String,
        /// Only quotes of documents of this outlet (the JSONL `outlet`, else the URL's host; case-insensitive).
        #[arg(long)]
        outlet: Option<String>,
        #[command(flatten)]
        page: PageArgs,
        #[arg(long, value_enum, default_value = "table")]
        format: ListFormat,
    },
    /// Run a named SQL query from queries/ (or --queries DIR); --list shows them.
    Query {
        /// The query's name.
        #[arg(required_unless_present = "list")]
        name: Option<String>,
        /// A parameter, bound by name: --param name=Naim.
        #[arg(long = "param", value_name = "KEY=VALUE")]
        params: Vec<String>,
        /// A directory of extra .sql query files.
        #[arg(long, value_name = "DIR")]
        queries: Option<PathBuf>,
        /// List the queries with their descriptions.
        #[arg(long)]
        list: bool,
        #[arg(long, value_enum, default_value = "table")]
        format: ListFormat,
    },
    /// List entities, optionally of one type.
    Entities {
        #[arg(long = "type", value_name = "TYPE")]
        entity_type: Option<String>,
        #[arg(long, value_enum, default_value = "table")]
        format: ListFormat,
    },
    /// An entity's profile: type, aliases, roles, quotes, documents, whom they talk about and who talks about them.
    Entity {
        name: String,
        #[arg(long, value_enum, default_value = "table")]
        format: ListFormat,
    },
    /// Export the graph (or an ego graph) as DOT, SVG, GraphML, node-link JSON or Neo4j CSV.
    Export {
        #[arg(long, value_enum, default_value = "dot")]
        format: ExportFormat,
        /// Output file (directory for csv); stdout when absent.
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Export only the ego graph of this entity.
        #[arg(long, value_name = "NAME")]
        entity: Option<String>,
        /// Relations to follow from --entity.
        #[arg(long, default_value_t = 1)]
        depth: usize,
        /// Keep only entities with at least K quotes (said or about them).
        #[arg(long, value_name = "K", default_value_t = 0)]
        min_quotes: i64,
        /// With --entity: at most N quotes per entity and relation (the newest; a "+K more" note stands for the rest); 0 for all.
        #[arg(long, value_name = "N", default_value_t = quotegraph::graph::DEFAULT_MAX_QUOTES)]
        max_quotes: usize,
    },
    /// Every copy of one quote across documents: outlet, date, speaker, the first source and conflicting speakers.
    Spread {
        /// A quote id (from `quotes --format json`) or quote text (a trimmed or edited copy finds it too).
        #[arg(required_unless_present = "relink")]
        quote: Option<String>,
        /// Link every quote not linked yet (after `ingest --no-link`), then exit.
        #[arg(long)]
        relink: bool,
        #[arg(long, value_enum, default_value = "table")]
        format: ListFormat,
    },
    /// Quotes said by an entity per day, week or month, from document dates.
    Timeline {
        /// Speaker: canonical name or alias, case-insensitive.
        entity: String,
        #[arg(long, value_enum, default_value = "month")]
        by: BucketArg,
        /// Only documents dated on or after this date (YYYY-MM-DD).
        #[arg(long, value_name = "DATE", value_parser = iso_date)]
        since: Option<String>,
        /// Only documents dated on or before this date (YYYY-MM-DD).
        #[arg(long, value_name = "DATE", value_parser = iso_date)]
        until: Option<String>,
        /// Also draw a bar chart into this SVG file.
        #[arg(long, value_name = "FILE")]
        svg: Option<PathBuf>,
        #[arg(long, value_enum, default_value = "table")]
        format: ListFormat,
    },
    /// Reports over the whole corpus.
    Report {
        #[command(subcommand)]
        report: ReportCommand,
    },
    /// Browse the database in a web browser: search, entity and document pages, and a JSON API under /api/ (read-only).
    Serve {
        /// Address to listen on; the default answers this machine only (port 0 picks a free port).
        #[arg(long, value_name = "ADDR", default_value = quotegraph::serve::DEFAULT_BIND)]
        bind: String,
    },
    /// Print shell completions.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff): quotegraph man > quotegraph.1
    Man,
}

/// Reports of `quotegraph report`.
#[derive(Subcommand, Debug)]
pub enum ReportCommand {
    /// Who gets quoted: shares of quotes and speakers by speaker type, role, affiliation and gender.
    Diversity {
        /// Only documents of this outlet (the JSONL `outlet`, else the URL's host).
        #[arg(long)]
        outlet: Option<String>,
        /// Only documents dated on or after this date (YYYY-MM-DD).
        #[arg(long, value_name = "DATE", value_parser = iso_date)]
        since: Option<String>,
        /// Only documents dated on or before this date (YYYY-MM-DD).
        #[arg(long, value_name = "DATE", value_parser = iso_date)]
        until: Option<String>,
        /// Only quotes that name this entity.
        #[arg(long, value_name = "NAME")]
        about: Option<String>,
        /// List every speaker with type, role, affiliation, gender and its evidence instead of the shares.
        #[arg(long)]
        speakers: bool,
        /// Also draw the shares as an SVG chart into this file.
        #[arg(long, value_name = "FILE")]
        svg: Option<PathBuf>,
        #[arg(long, value_enum, default_value = "table")]
        format: ListFormat,
    },
}

/// Time buckets of `timeline`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum BucketArg {
    Day,
    Week,
    Month,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum EvalFormat {
    Table,
    Json,
}

/// Quote kinds for filtering.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    Direct,
    Mixed,
    Indirect,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum TopWhat {
    Speakers,
    Entities,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum TopBy {
    Quotes,
    Pagerank,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Dot,
    Svg,
    Graphml,
    Json,
    Csv,
}

/// Paging of list commands (`quotes`, `who`, `search`).
#[derive(Args, Debug, Clone, Copy, Default)]
pub struct PageArgs {
    /// Show at most N rows [default: 50; search: 20]; 0 shows all.
    #[arg(long, short = 'n', value_name = "N")]
    pub limit: Option<usize>,
    /// Skip the first N rows (the next page starts at --offset N).
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub offset: usize,
    /// Show all rows (same as --limit 0).
    #[arg(long, conflicts_with = "limit")]
    pub all: bool,
}
