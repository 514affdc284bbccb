//! The invariants every fuzz target checks on an extraction (the same ones as
//! `tests/cli/properties.rs`): a broken one panics, which libFuzzer reports
//! as a crash and saves under `fuzz/artifacts/`.

use quotegraph::extract::{extract, ExtractRecord};
use quotegraph::model::Span;

fn span(text: &str, s: Span, what: &str) {
    assert!(s.start <= s.end, "{what} {s:?}: start > end");
    assert!(s.end() <= text.len(), "{what} {s:?}: past the end ({} bytes)", text.len());
    assert!(text.is_char_boundary(s.start()) && text.is_char_boundary(s.end()), "{what} {s:?}: splits a character");
}

/// Extracts `text` and checks spans, indices, the public record and its JSON round trip.
pub fn check(text: &str) {
    let x = extract(text);
    for q in &x.quotes {
        span(text, q.content, "quote");
        for &f in &q.fragments {
            span(text, f, "fragment");
            assert!(q.content.contains(f), "fragment {f:?} outside its quote {:?}", q.content);
        }
        if let Some(c) = q.cue {
            span(text, c, "cue");
        }
        if let Some(s) = q.speaker {
            if let Some(m) = s.mention {
                span(text, m, "speaker");
            }
            if let Some(e) = s.entity {
                assert!((e.0 as usize) < x.entities.len(), "speaker entity out of range");
            }
        }
        assert!((0.0..=1.0).contains(&q.confidence), "confidence {}", q.confidence);
    }
    for m in &x.mentions {
        span(text, m.span, "mention");
        if let Some(e) = m.entity {
            assert!((e.0 as usize) < x.entities.len(), "mention entity out of range");
        }
    }
    for (i, e) in x.entities.iter().enumerate() {
        for &m in &e.mentions {
            assert!((m as usize) < x.mentions.len(), "entity mention out of range");
        }
        for r in &e.roles {
            span(text, r.span, "role");
        }
        // No phantom entity: each one is named, or something points at it.
        let referenced = x.quotes.iter().any(|q| q.speaker.and_then(|s| s.entity).is_some_and(|s| s.0 as usize == i))
            || x.entities.iter().flat_map(|o| &o.roles).any(|r| r.affiliation.is_some_and(|a| a.0 as usize == i));
        assert!(!e.mentions.is_empty() || referenced, "entity {:?} has no mention and nothing refers to it", e.name);
    }
    assert!(x.quotes.windows(2).all(|w| w[0].content.start <= w[1].content.start), "quotes out of order");
    // One quote per content span (sorted, so equal spans are neighbours).
    assert!(x.quotes.windows(2).all(|w| w[0].content != w[1].content), "two quotes of one content span");
    let rec = ExtractRecord::new("doc", text, &x, true);
    for q in &rec.quotes {
        assert_eq!(&text[q.start as usize..q.end as usize], q.text);
    }
    let json = serde_json::to_string(&rec).expect("a record serialises");
    let back: ExtractRecord = serde_json::from_str(&json).expect("a record reads back");
    assert_eq!(back, rec, "JSON round trip");
}
