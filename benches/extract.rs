//! Micro benchmarks of the extraction stages (divan).
//!
//! ```sh
//! cargo bench --bench extract                 # measure
//! cargo bench --bench extract -- --test       # run each benchmark once (what CI does)
//! ```
//!
//! Inputs: the seed article and the Wikinews sample, read at run time from
//! data/samples/ (falling back to ../shared/data/ and, if neither exists, to a
//! short built-in article so that the benchmarks always run). Throughput is
//! reported in bytes of text per second.

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use divan::counter::BytesCount;
use divan::{black_box, Bencher};
use quotegraph::text;

fn main() {
    eprintln!(
        "inputs: seed {} bytes ({}), wikinews article {} bytes ({}), wikinews sample {} articles / {} bytes",
        SEED.text.len(),
        SEED.origin,
        ARTICLE.text.len(),
        ARTICLE.origin,
        SAMPLE.len(),
        SAMPLE.iter().map(String::len).sum::<usize>()
    );
    divan::main();
}

/// Text used when no sample file can be found.
const FALLBACK: &str =
    "“We are ready to hand over the government immediately,” said Dr. Basem Naim, a senior Hamas official.\n\n\
James Hewitt, a White House spokesman, said the talks were not a “negotiation”. “Hamas must release the hostages,” he said.\n\n\
According to officials, the proposal was accepted on Monday. Naim added: “We are committed to peace.”\n";

struct Input {
    text: String,
    origin: String,
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The first of `candidates` (relative to the crate root) that can be read.
fn read_first(candidates: &[&str]) -> Option<(String, String)> {
    candidates.iter().find_map(|c| {
        let p = root().join(c);
        std::fs::read_to_string(&p).ok().map(|t| (t, display(&p)))
    })
}

fn display(p: &Path) -> String {
    p.strip_prefix(root()).unwrap_or(p).display().to_string()
}

static SEED: LazyLock<Input> =
    LazyLock::new(|| match read_first(&["data/samples/hamas-talks.txt", "../shared/data/seed/hamas-talks.txt"]) {
        Some((text, origin)) => Input { text, origin },
        None => Input { text: FALLBACK.to_string(), origin: "built-in fallback".to_string() },
    });

/// Texts of the Wikinews sample, in file order.
static SAMPLE: LazyLock<Vec<String>> = LazyLock::new(|| {
    let Some((jsonl, _)) = read_first(&["data/samples/wikinews.jsonl", "../shared/data/wikinews/wikinews.jsonl"]) else {
        return vec![FALLBACK.to_string()];
    };
    jsonl
        .lines()
        .filter(|l| !l.trim().is_empty())
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_string))
        .collect()
});

/// A typical quote-rich news article: among the Wikinews articles of 3-8 kB,
/// the one with the most double quotation marks (ties: the first).
static ARTICLE: LazyLock<Input> = LazyLock::new(|| {
    let marks = |t: &str| t.chars().filter(|&c| c == '"' || c == '“' || c == '”').count();
    let best = SAMPLE
        .iter()
        .enumerate()
        .filter(|(_, t)| (3000..8000).contains(&t.len()))
        .max_by_key(|(i, t)| (marks(t), std::cmp::Reverse(*i)));
    match best {
        Some((i, t)) => Input { text: t.clone(), origin: format!("wikinews sample #{i}") },
        None => Input { text: FALLBACK.to_string(), origin: "built-in fallback".to_string() },
    }
});

fn input(name: &str) -> &'static str {
    match name {
        "seed" => &SEED.text,
        _ => &ARTICLE.text,
    }
}

const DOCS: &[&str] = &["seed", "wikinews"];

/// Paragraphs, then sentences (sentencex) per paragraph.
#[divan::bench(args = DOCS)]
fn sentence_split(bencher: Bencher, doc: &str) {
    let t = input(doc);
    bencher.counter(BytesCount::of_str(t)).bench(|| text::sentences(black_box(t)));
}

/// Tokenizing the whole text (one span per paragraph).
#[divan::bench(args = DOCS)]
fn tokenize(bencher: Bencher, doc: &str) {
    let t = input(doc);
    let paragraphs = text::paragraphs(t);
    bencher
        .counter(BytesCount::of_str(t))
        .bench(|| paragraphs.iter().map(|&p| text::tokenize(black_box(t), p).len()).sum::<usize>());
}

/// Sentence split + tokenize, as `extract::Analysis` does it.
#[divan::bench(args = DOCS)]
fn sentences_and_tokens(bencher: Bencher, doc: &str) {
    let t = input(doc);
    bencher.counter(BytesCount::of_str(t)).bench(|| {
        let t = black_box(t);
        let mut n = 0;
        for p in text::paragraphs(t) {
            for s in text::sentences::sentences_in(t, p) {
                n += text::tokenize(t, s).len();
            }
        }
        n
    });
}

/// Quotation-mark pairing.
#[divan::bench(args = DOCS)]
fn find_quoted(bencher: Bencher, doc: &str) {
    let t = input(doc);
    bencher.counter(BytesCount::of_str(t)).bench(|| text::find_quoted(black_box(t)));
}

/// The whole analysis (paragraphs, sentences, tokens, quoted passages).
#[divan::bench(args = DOCS)]
fn analysis(bencher: Bencher, doc: &str) {
    let t = input(doc);
    bencher.counter(BytesCount::of_str(t)).bench(|| quotegraph::extract::Analysis::new(black_box(t)).tokens.len());
}

/// Full extraction of one document.
#[divan::bench(args = DOCS)]
fn extract(bencher: Bencher, doc: &str) {
    let t = input(doc);
    bencher.counter(BytesCount::of_str(t)).bench(|| quotegraph::extract::extract(black_box(t)));
}

/// Full extraction of every article of the Wikinews sample, one after the other (one core).
#[divan::bench(sample_count = 10, sample_size = 1)]
fn extract_wikinews_sample(bencher: Bencher) {
    let bytes: usize = SAMPLE.iter().map(String::len).sum();
    bencher
        .counter(BytesCount::new(bytes))
        .bench(|| SAMPLE.iter().map(|t| quotegraph::extract::extract(black_box(t)).quotes.len()).sum::<usize>());
}
