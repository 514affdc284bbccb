//! Trains the mention-type model (`data/entity_types.tsv`): an averaged
//! perceptron over the features of `entities::candidate_features`, labelled
//! by the GUM gold of `../shared/eval/gum_entities.py gold`.
//!
//!     python3 ../shared/eval/gum_entities.py gold /tmp/gumtrain --data ../shared/data/gum_train
//!     cargo run --release --example train_entity_types /tmp/gumtrain/gum_news.entities.jsonl > data/entity_types.tsv
//!
//! Train on gum_train only (never on gum_news, the evaluation set). The travel
//! guides (`GUM_voyage_*`) and academic papers (`GUM_academic_*`) are left out:
//! their names are mostly places and technical acronyms, unlike news. (Chosen
//! by comparing all genres, all but voyage, all but academic, and all but both
//! on the aggregate GUM-news scores; all but both was best.)

use std::collections::HashMap;
use std::io::{BufRead, Write};

use quotegraph::extract::{entities, Analysis};

const EPOCHS: usize = 12;
const RUNS: usize = 7;
const SKIPPED_GENRES: [&str; 2] = ["GUM_voyage_", "GUM_academic_"];

fn main() {
    let path = std::env::args().nth(1).expect("usage: train_entity_types GOLD.entities.jsonl");
    let file = std::io::BufReader::new(std::fs::File::open(&path).expect("open gold"));
    let mut data: Vec<(Vec<String>, usize)> = Vec::new();
    for line in file.lines() {
        let doc: serde_json::Value = serde_json::from_str(&line.expect("read")).expect("json");
        let id = doc["id"].as_str().unwrap_or_default();
        if SKIPPED_GENRES.iter().any(|g| id.starts_with(g)) {
            continue;
        }
        let text = doc["text"].as_str().expect("text");
        let gold: Vec<(u64, u64, usize)> = doc["mentions"]
            .as_array()
            .expect("mentions")
            .iter()
            .map(|m| {
                let ty = entities::CLASSES.iter().position(|c| *c == m["type"].as_str().unwrap_or("")).unwrap_or(3);
                (m["start"].as_u64().unwrap_or(0), m["end"].as_u64().unwrap_or(0), ty)
            })
            .collect();
        let a = Analysis::new(text);
        for (span, feats) in entities::candidate_features(&a) {
            let (s, e) = (span.start as u64, span.end as u64);
            let label = gold.iter().filter(|g| g.0 < e && s < g.1).max_by_key(|g| g.1.min(e) - g.0.max(s)).map_or(3, |g| g.2);
            data.push((feats, label));
        }
    }
    eprintln!("{} candidates", data.len());
    // Several runs with different shuffles, averaged: less variance than one run.
    let mut bag: HashMap<String, [f64; 4]> = HashMap::new();
    for run in 0..RUNS {
        let mut seed = 0x9e3779b97f4a7c15u64 ^ (run as u64).wrapping_mul(0x2545_f491_4f6c_dd1d);
        let mut w: HashMap<String, [f64; 4]> = HashMap::new();
        let mut total: HashMap<String, [f64; 4]> = HashMap::new();
        let mut stamp: HashMap<String, [usize; 4]> = HashMap::new();
        let mut t = 0usize;
        // Deterministic shuffling: a fixed permutation per epoch.
        let mut order: Vec<usize> = (0..data.len()).collect();
        for epoch in 0..EPOCHS {
            for i in (1..order.len()).rev() {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                order.swap(i, (seed % (i as u64 + 1)) as usize);
            }
            let mut errors = 0;
            for &i in &order {
                t += 1;
                let (feats, gold) = &data[i];
                let mut s = [0f64; 4];
                for f in feats {
                    if let Some(v) = w.get(f) {
                        for k in 0..4 {
                            s[k] += v[k];
                        }
                    }
                }
                let guess = (0..4).max_by(|&x, &y| s[x].total_cmp(&s[y]).then(y.cmp(&x))).unwrap_or(3);
                if guess != *gold {
                    errors += 1;
                    for f in feats {
                        let wv = w.entry(f.clone()).or_default();
                        let tv = total.entry(f.clone()).or_default();
                        let st = stamp.entry(f.clone()).or_default();
                        for (k, delta) in [(*gold, 1.0), (guess, -1.0)] {
                            tv[k] += (t - st[k]) as f64 * wv[k];
                            st[k] = t;
                            wv[k] += delta;
                        }
                    }
                }
            }
            eprintln!("run {run} epoch {epoch}: {errors} errors");
        }
        for (f, wv) in &w {
            let tv = total[f];
            let st = stamp[f];
            let e = bag.entry(f.clone()).or_default();
            for k in 0..4 {
                e[k] += (tv[k] + (t - st[k]) as f64 * wv[k]) / t as f64 / RUNS as f64;
            }
        }
    }
    let mut rows: Vec<(String, [f64; 4])> = bag.into_iter().filter(|(_, v)| v.iter().any(|x| x.abs() >= 0.005)).collect();
    rows.sort_by(|a, b| a.0.cmp(&b.0));
    let out = std::io::stdout();
    let mut out = out.lock();
    writeln!(out, "# Mention-type weights (person organization place none), averaged perceptron trained on GUM").unwrap();
    writeln!(
        out,
        "# (gum_train less voyage and academic, CC BY 4.0, Zeldes 2017) by examples/train_entity_types.rs. Do not edit by hand."
    )
    .unwrap();
    for (f, v) in rows {
        if f.contains(['\t', '\n']) || f.starts_with('#') {
            continue;
        }
        writeln!(out, "{f}\t{:.3}\t{:.3}\t{:.3}\t{:.3}", v[0], v[1], v[2], v[3]).unwrap();
    }
}
