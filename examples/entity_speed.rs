//! Times the analysis and entity stages on a JSONL file of documents.
//!
//!     cargo run --release --example entity_speed ../shared/data/wikinews/wikinews.jsonl

use std::io::BufRead;
use std::time::Instant;

use quotegraph::extract::{entities, Analysis};

fn main() {
    let path = std::env::args().nth(1).expect("usage: entity_speed FILE.jsonl");
    let file = std::io::BufReader::new(std::fs::File::open(&path).expect("open"));
    let texts: Vec<String> = file
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(&l.expect("read")).expect("json")["text"].as_str().unwrap_or("").to_string()
        })
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let (mut t_analysis, mut t_entities) = (0f64, 0f64);
    let mut n = 0;
    for _ in 0..3 {
        for t in &texts {
            let s = Instant::now();
            let a = Analysis::new(t);
            t_analysis += s.elapsed().as_secs_f64();
            let s = Instant::now();
            n += entities::find(&a).mentions.len();
            t_entities += s.elapsed().as_secs_f64();
        }
    }
    let mb = 3.0 * bytes as f64 / 1e6;
    println!("{mb:.1} MB: analysis {:.1} MB/s, entities {:.1} MB/s ({n} mentions)", mb / t_analysis, mb / t_entities);
}
