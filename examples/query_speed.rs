//! Query latency through one long-running process: opens the store once and
//! runs the queries of `quotegraph quotes --by NAME` and `who --about NAME`
//! (same named statements, same parameters, first page of 50) for each name,
//! repeatedly, then prints p50 and p99 per query. This is what a server
//! (`quotegraph serve`) pays per request; `scripts/bench_util.py query`
//! measures the same queries one process each.
//!
//!     cargo run --release --example query_speed -- DB NAMES.txt [ROUNDS]

use std::time::Instant;

use quotegraph::store::Store;
use rusqlite::types::Value;

/// Rows of the first page (the commands' default `--limit`), plus the one that tells a cut page.
const PAGE: i64 = 50 + 1;

/// Parameters of a named statement.
type Params = Vec<(&'static str, Value)>;

/// A command's label, its named statement, and its parameters for a name.
type Query = (&'static str, &'static str, fn(Value) -> Params);

fn percentile(sorted: &[f64], p: usize) -> f64 {
    let k = (sorted.len() * p).div_ceil(100).clamp(1, sorted.len()) - 1;
    sorted[k]
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let usage = "usage: query_speed DB NAMES.txt [ROUNDS]";
    let db = args.next().ok_or(usage)?;
    let names_path = args.next().ok_or(usage)?;
    let rounds: usize = args.next().map_or(Ok(5), |r| r.parse())?;
    let names: Vec<String> = std::fs::read_to_string(&names_path)?
        .lines()
        .filter_map(|l| l.split('\t').next())
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(200)
        .map(String::from)
        .collect();
    let opened = Instant::now();
    let store = Store::open_existing(std::path::Path::new(&db))?;
    let open_ms = opened.elapsed().as_secs_f64() * 1e3;
    let text = |s: &str| Value::Text(s.to_string());
    let queries: [Query; 2] = [
        ("quotes --by", "quotes_by_speaker", |name| {
            vec![
                ("doc", Value::Null),
                ("kind", Value::Null),
                ("since", Value::Null),
                ("until", Value::Null),
                ("name", name),
                ("about", Value::Null),
                ("limit", Value::Integer(PAGE)),
                ("offset", Value::Integer(0)),
            ]
        }),
        ("who --about", "who_about", |name| vec![("name", name)]),
    ];
    println!("opened {db} in {open_ms:.2} ms; {} names, {rounds} rounds (the first one as warm-up)", names.len());
    for (label, statement, params) in queries {
        let mut times = Vec::new();
        let mut rows = 0usize;
        for round in 0..rounds {
            for name in &names {
                let t = Instant::now();
                let got = store.rows(statement, &params(text(name)))?;
                // `quotes --by` also counts the total when the page is cut (index only).
                if statement == "quotes_by_speaker" && got.len() as i64 == PAGE {
                    let mut p = params(text(name));
                    p.retain(|(k, _)| *k != "limit" && *k != "offset");
                    store.rows("quotes_by_speaker_count", &p)?;
                }
                let ms = t.elapsed().as_secs_f64() * 1e3;
                if round > 0 {
                    times.push(ms);
                    rows += got.len();
                }
            }
        }
        times.sort_by(f64::total_cmp);
        if times.is_empty() {
            println!("{label:12} no runs");
            continue;
        }
        println!(
            "{label:12} p50 {:7.3} ms  p99 {:7.3} ms  max {:7.3} ms  ({} runs, {rows} rows)",
            percentile(&times, 50),
            percentile(&times, 99),
            times[times.len() - 1],
            times.len()
        );
    }
    Ok(())
}
