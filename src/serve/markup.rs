//! What the templates draw, as plain data: a document's text cut into
//! marked pieces, a search hit's highlighted pieces, and an ego graph as
//! Cytoscape elements. No HTML is written here: the templates escape every
//! piece of text, so quote text cannot turn into markup.

use std::collections::BTreeMap;

use petgraph::visit::EdgeRef;
use petgraph::Direction;
use serde::Serialize;
use serde_json::{json, Value};

use super::http::{percent_encode, url_with};
use crate::graph::{EdgeKind, Node, QuoteGraph};
use crate::model::EntityId;
use crate::store::browse::{DocumentQuote, Range};

/// A run of text with one set of marks.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Piece {
    pub text: String,
    /// CSS classes: `q q-direct` (quote content), `speaker`, `cue`, `hit`; empty for plain text.
    pub cls: String,
    /// Shown on hover.
    pub title: String,
    /// An element id (`q12` on the first piece of quote 12), or empty.
    pub anchor: String,
}

/// The link of an entity page.
pub fn entity_url(name: &str, id: Option<EntityId>) -> String {
    let path = format!("/entity/{}", percent_encode(name));
    match id {
        Some(id) => url_with(&path, &[("id", &id.to_string())]),
        None => path,
    }
}

/// The link of a document page.
pub fn document_url(id: &str) -> String {
    format!("/document/{}", percent_encode(id))
}

/// A search hit's text cut at the U+E000/U+E001 marks of `search_filtered`'s `marked` column.
pub fn hit_pieces(marked: &str) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut hit = false;
    let mut cur = String::new();
    for c in marked.chars() {
        if c == '\u{E000}' || c == '\u{E001}' {
            if !cur.is_empty() {
                out.push(Piece {
                    text: std::mem::take(&mut cur),
                    cls: if hit { "hit".into() } else { String::new() },
                    ..Default::default()
                });
            }
            hit = c == '\u{E000}';
        } else {
            cur.push(c);
        }
    }
    if !cur.is_empty() {
        out.push(Piece { text: cur, cls: if hit { "hit".into() } else { String::new() }, ..Default::default() });
    }
    out
}

/// The hover text of a quote: kind, speaker, cue, rule, confidence and the extractor's steps.
fn quote_title(n: usize, q: &DocumentQuote, trail: Option<&Vec<String>>) -> String {
    let speaker = match (&q.speaker, &q.speaker_mention) {
        (Some(s), Some(m)) if s != m => format!("{s} (\u{201c}{m}\u{201d})"),
        (Some(s), _) => s.clone(),
        (None, Some(m)) => format!("\u{201c}{m}\u{201d} (no entity)"),
        (None, None) => "unattributed".into(),
    };
    let cue = q.cue.as_deref().map_or(String::new(), |c| format!(" \u{b7} cue \u{201c}{c}\u{201d}"));
    let mut t =
        format!("quote {n}: {} \u{b7} speaker {speaker}{cue}\nrule {} \u{b7} confidence {:.2}", q.kind, q.rule, q.confidence);
    for step in trail.into_iter().flatten() {
        t.push_str("\n\u{2013} ");
        t.push_str(step);
    }
    t
}

/// One paragraph of a document: its pieces.
#[derive(Debug, Default, Serialize)]
pub struct Paragraph {
    pub pieces: Vec<Piece>,
}

/// The document's text as paragraphs of marked pieces: quote content (each
/// fragment), speaker mentions and cues. `trails` are the extractor's steps
/// by content span, when re-extraction found the same quote. Spans that do
/// not fit the text (not on a character boundary, past the end) are skipped.
pub fn document_paragraphs(text: &str, quotes: &[DocumentQuote], trails: &BTreeMap<Range, Vec<String>>) -> Vec<Paragraph> {
    let fits =
        |r: &Range| r.start < r.end && r.end <= text.len() && text.is_char_boundary(r.start) && text.is_char_boundary(r.end);
    let pieces_of = |q: &DocumentQuote| -> Vec<Range> {
        let v = if q.fragments.is_empty() { vec![q.content] } else { q.fragments.clone() };
        v.into_iter().filter(fits).collect()
    };
    let quote_pieces: Vec<Vec<Range>> = quotes.iter().map(pieces_of).collect();
    let mut cuts: Vec<usize> = vec![0, text.len()];
    cuts.extend(text.match_indices('\n').flat_map(|(i, _)| [i, i + 1]));
    for (q, pieces) in quotes.iter().zip(&quote_pieces) {
        for r in pieces.iter().chain(q.speaker_span.iter().filter(|r| fits(r))).chain(q.cue_span.iter().filter(|r| fits(r))) {
            cuts.extend([r.start, r.end]);
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    let within = |r: &Range, a: usize, b: usize| r.start <= a && b <= r.end;
    let mut paragraphs = vec![Paragraph::default()];
    let mut anchored = vec![false; quotes.len()];
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        // Invariant: every cut is 0, `text.len()`, around a `\n`, or an end of a span that `fits`.
        let s = &text[a..b];
        if s == "\n" {
            paragraphs.push(Paragraph::default());
            continue;
        }
        let mut piece = Piece { text: s.to_string(), ..Default::default() };
        let mut cls: Vec<String> = Vec::new();
        let mut titles: Vec<String> = Vec::new();
        if let Some(i) = quote_pieces.iter().position(|ps| ps.iter().any(|r| within(r, a, b))) {
            let q = &quotes[i];
            cls.push(format!("q q-{}", q.kind));
            titles.push(quote_title(i + 1, q, trails.get(&q.content)));
            if !anchored[i] {
                anchored[i] = true;
                piece.anchor = format!("q{}", q.id);
            }
        }
        for (i, q) in quotes.iter().enumerate() {
            if q.speaker_span.is_some_and(|r| within(&r, a, b)) {
                cls.push("speaker".into());
                titles.push(format!("speaker of quote {}: {}", i + 1, q.speaker.as_deref().unwrap_or("no entity")));
                break;
            }
        }
        for (i, q) in quotes.iter().enumerate() {
            if q.cue_span.is_some_and(|r| within(&r, a, b)) {
                cls.push("cue".into());
                titles.push(format!("cue of quote {} (rule {})", i + 1, q.rule));
                break;
            }
        }
        piece.cls = cls.join(" ");
        piece.title = titles.join("\n");
        // Invariant: `paragraphs` starts with one and is only pushed to.
        let para = paragraphs.last_mut().expect("one paragraph at least");
        match para.pieces.last_mut() {
            Some(last) if last.cls == piece.cls && last.title == piece.title && piece.anchor.is_empty() => last.text.push_str(s),
            _ => para.pieces.push(piece),
        }
    }
    paragraphs.retain(|p| p.pieces.iter().any(|x| !x.text.trim().is_empty()));
    paragraphs
}

/// An ego graph as Cytoscape elements, entity to entity: one edge per
/// speaker and entity their quotes name (weighted by quotes), and one per
/// affiliation. Quotes and documents are behind the edges, not drawn.
pub fn ego_elements(g: &QuoteGraph, center: EntityId) -> Vec<Value> {
    let gr = &g.graph;
    let mut out = Vec::new();
    for n in gr.node_indices() {
        let Node::Entity(e) = &gr[n] else { continue };
        let more = g.omitted.get(&e.id).map(|o| o.summary()).unwrap_or_default();
        out.push(json!({"group": "nodes", "data": {
            "id": format!("e{}", e.id), "label": e.name, "type": e.entity_type,
            "said": e.said, "about": e.about, "more": more,
            "url": entity_url(&e.name, Some(e.id)), "center": e.id == center,
        }}));
    }
    let mut talks: BTreeMap<(EntityId, EntityId), i64> = BTreeMap::new();
    let entity_id = |n| match &gr[n] {
        Node::Entity(e) => Some(e.id),
        _ => None,
    };
    for q in gr.node_indices().filter(|&n| matches!(gr[n], Node::Quote(_))) {
        let speakers: Vec<EntityId> = gr
            .edges_directed(q, Direction::Incoming)
            .filter(|x| x.weight().kind == EdgeKind::Said)
            .filter_map(|x| entity_id(x.source()))
            .collect();
        for about in gr.edges_directed(q, Direction::Outgoing).filter(|x| x.weight().kind == EdgeKind::About) {
            let Some(a) = entity_id(about.target()) else { continue };
            for &s in &speakers {
                if s != a {
                    *talks.entry((s, a)).or_default() += 1;
                }
            }
        }
    }
    for ((s, a), n) in talks {
        out.push(json!({"group": "edges", "data": {
            "id": format!("t{s}-{a}"), "source": format!("e{s}"), "target": format!("e{a}"),
            "kind": "talks", "weight": n, "label": format!("{n} quote{}", if n == 1 { "" } else { "s" }),
        }}));
    }
    for x in gr.edge_references().filter(|x| x.weight().kind == EdgeKind::AffiliatedWith) {
        let (Some(s), Some(o)) = (entity_id(x.source()), entity_id(x.target())) else { continue };
        out.push(json!({"group": "edges", "data": {
            "id": format!("a{s}-{o}-{}", x.id().index()), "source": format!("e{s}"), "target": format!("e{o}"),
            "kind": "affiliated", "weight": x.weight().count, "label": x.weight().role.clone().unwrap_or_default(),
        }}));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::QuoteId;

    fn quote(start: usize, end: usize) -> DocumentQuote {
        DocumentQuote {
            id: QuoteId(7),
            kind: "direct".into(),
            content: Range { start, end },
            fragments: vec![],
            text: String::new(),
            speaker_id: Some(EntityId(1)),
            speaker: Some("Ann Lee".into()),
            speaker_type: Some("person".into()),
            speaker_mention: Some("Lee".into()),
            speaker_span: Some(Range { start: 12, end: 15 }),
            cue: Some("said".into()),
            cue_span: Some(Range { start: 16, end: 20 }),
            confidence: 0.9,
            rule: "direct-after".into(),
        }
    }

    #[test]
    fn pieces_cover_the_text_with_quote_speaker_and_cue_marked() {
        let text = "\u{201c}Go <now>,\u{201d} Lee said.\nNext.";
        let q = quote(3, 11);
        let mut q = q;
        q.speaker_span = Some(Range { start: 16, end: 19 });
        q.cue_span = Some(Range { start: 20, end: 24 });
        let paras = document_paragraphs(text, &[q], &BTreeMap::new());
        assert_eq!(paras.len(), 2);
        let joined: String = paras.iter().flat_map(|p| p.pieces.iter().map(|x| x.text.as_str())).collect();
        assert_eq!(joined, text.replace('\n', ""));
        let marked: Vec<(&str, &str)> = paras[0].pieces.iter().map(|p| (p.text.as_str(), p.cls.as_str())).collect();
        assert_eq!(
            marked,
            vec![
                ("\u{201c}", ""),
                ("Go <now>", "q q-direct"),
                (",\u{201d} ", ""),
                ("Lee", "speaker"),
                (" ", ""),
                ("said", "cue"),
                (".", "")
            ]
        );
        assert_eq!(paras[0].pieces[1].anchor, "q7");
    }

    #[test]
    fn spans_off_the_text_are_skipped() {
        let text = "é said";
        let mut q = quote(1, 40);
        q.speaker_span = Some(Range { start: 1, end: 2 });
        q.cue_span = None;
        let paras = document_paragraphs(text, &[q], &BTreeMap::new());
        assert_eq!(paras[0].pieces.len(), 1);
        assert_eq!(paras[0].pieces[0].text, text);
    }

    #[test]
    fn hits_are_cut_at_the_marks() {
        let p = hit_pieces("a \u{E000}b\u{E001} c");
        let v: Vec<(&str, &str)> = p.iter().map(|x| (x.text.as_str(), x.cls.as_str())).collect();
        assert_eq!(v, vec![("a ", ""), ("b", "hit"), (" c", "")]);
    }
}
