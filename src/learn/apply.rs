//! Extraction with a trained model: the rules run first (entities, speaker
//! mentions, their proposals as features), the model tags each paragraph, and
//! the two are combined one of two ways, chosen with `--combine`:
//!
//! - [`Combine::Model`]: the model proposes. Each content span it tags becomes
//!   a quote; its cue and source are the model's nearest cue and source spans
//!   in the paragraph, else those of the rule quote it overlaps; the speaker
//!   entity is the one the rules resolved for that mention (so pronouns and
//!   surnames keep their coreference). Rule quotes the model did not tag are
//!   dropped.
//! - [`Combine::Rules`]: the rules propose, the model re-draws. Every rule
//!   quote is kept; one the model tagged content in takes the model's
//!   boundaries, cue and source; model contents no rule found are added as in
//!   `Model`.
//! - [`Combine::Add`]: the rules propose, the model adds. Every
//!   rule quote keeps the content and cue the rules drew; its speaker mention
//!   takes the extent of the model's source when the two overlap (the entity
//!   is unchanged); model contents that overlap no rule quote are added as in
//!   `Model`. On PolNeAR dev this keeps the rules' content boundaries, the
//!   more often exact ones, and adds the model's recall (README, accuracy);
//!   a house style the rules do not follow is not learned this way, so
//!   `Model` stays the default.

use std::ops::Range;

use super::features::DocFeatures;
use super::modelfile::{Model, ModelError};
use super::tags::{decode, Role};
use crate::extract::Analysis;
use crate::model::{Extraction, Quote, QuoteKind, Span, Speaker};

/// Confidence of a quote whose content the model tagged: the model gives no
/// calibrated probability, and its dev precision is about this.
const MODEL_CONFIDENCE: f32 = 0.8;
/// The rule that labels a quote the model proposed.
pub const MODEL_RULE: &str = "model:crf";
/// The rule that labels a rule quote whose boundaries the model re-drew.
pub const REDRAWN_RULE: &str = "model:crf-redrawn";

/// How model and rules are combined (see the module docs).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Combine {
    #[default]
    Model,
    Rules,
    Add,
}

/// Extracts `text` with the rules and `model` combined as `combine` says.
pub fn extract_with(model: &Model, text: &str, combine: Combine) -> Result<Extraction, ModelError> {
    let a = Analysis::new(text);
    let mut x = crate::extract::extract_analysis(&a);
    let f = DocFeatures::new(&a, &x);
    let mut tagged: Vec<Tagged> = Vec::new();
    for range in f.paragraphs() {
        let labels = model.tag(&f.sequence(range.clone()))?;
        let spans = decode(&labels);
        let bytes = |r: &Range<usize>| {
            let r = (range.start + r.start)..(range.start + r.end);
            Span::new(a.tokens[r.start].span.start(), a.tokens[r.end - 1].span.end())
        };
        let mut para = Tagged::default();
        for (role, r) in &spans {
            let s = bytes(r);
            match role {
                Role::Content => para.contents.push(s),
                Role::Source => para.sources.push(s),
                Role::Cue => para.cues.push(s),
            }
        }
        tagged.push(para);
    }
    let mut rules = std::mem::take(&mut x.quotes);
    let mut quotes: Vec<Quote> = Vec::new();
    let mut used = vec![false; rules.len()];
    for para in &tagged {
        for &c in &para.contents {
            let content = trim_marks(text, c);
            if content.is_empty() {
                continue;
            }
            let rule = rules.iter().position(|q| q.content.overlaps(content));
            if let Some(i) = rule {
                used[i] = true;
                if combine == Combine::Add {
                    redraw_mention(&mut rules[i], para);
                    continue;
                }
            }
            let rq = rule.map(|i| &rules[i]);
            let cue = nearest(&para.cues, content).or(rq.and_then(|q| q.cue));
            let source = nearest(&para.sources, cue.unwrap_or(content)).or(rq.and_then(|q| q.speaker.and_then(|s| s.mention)));
            let speaker =
                source.map(|m| Speaker { mention: Some(m), entity: entity_of(&x, &rules, m) }).or(rq.and_then(|q| q.speaker));
            let kind = kind_of(text, c, content);
            let (rule_name, fragments, trail) = match (combine, rq) {
                (Combine::Rules, Some(q)) => (REDRAWN_RULE, Vec::new(), q.trail.clone()),
                _ => (MODEL_RULE, Vec::new(), vec![format!("model: content {}..{}", content.start, content.end)]),
            };
            quotes.push(Quote { kind, content, fragments, speaker, cue, confidence: MODEL_CONFIDENCE, rule: rule_name, trail });
        }
    }
    match combine {
        // Rule quotes the model did not re-draw stay as the rules found them.
        Combine::Rules => quotes.extend(rules.into_iter().zip(used).filter(|(_, u)| !u).map(|(q, _)| q)),
        Combine::Add => quotes.extend(rules),
        Combine::Model => {}
    }
    quotes.sort_by_key(|q| (q.content.start, q.content.end));
    quotes.dedup_by_key(|q| q.content);
    x.quotes = quotes;
    Ok(x)
}

/// `Combine::Add` on a rule quote the model also tagged: the model's source
/// nearest to the quote's cue (else its content) becomes the speaker mention
/// when it overlaps the rules' mention, a re-drawn extent of the same phrase
/// ("Sen. Ada Price, a Republican from Ohio" for "Sen. Ada Price"); the
/// speaker entity stays the one the rules resolved.
fn redraw_mention(q: &mut Quote, para: &Tagged) {
    let anchor = q.cue.unwrap_or(q.content);
    let Some(m) = nearest(&para.sources, anchor) else { return };
    if let Some(sp) = q.speaker.as_mut() {
        if sp.mention.is_some_and(|rm| rm.overlaps(m)) {
            sp.mention = Some(m);
        }
    }
}

/// The spans the model tagged in one paragraph.
#[derive(Default)]
struct Tagged {
    contents: Vec<Span>,
    sources: Vec<Span>,
    cues: Vec<Span>,
}

/// The span of `cands` nearest to `to` (by the gap between them), if any.
fn nearest(cands: &[Span], to: Span) -> Option<Span> {
    let gap = |s: Span| if s.end <= to.start { to.start - s.end } else { s.start.saturating_sub(to.end) };
    cands.iter().copied().filter(|s| !s.overlaps(to)).min_by_key(|&s| (gap(s), s.start))
}

/// The entity of the mention at `m`: a mention the rules found there, or the
/// speaker the rules resolved for a quote whose speaker mention overlaps it.
fn entity_of(x: &Extraction, rules: &[Quote], m: Span) -> Option<crate::model::LocalEntityId> {
    let by_mention = x.mentions.iter().filter(|k| k.span.overlaps(m)).find_map(|k| k.entity);
    by_mention.or_else(|| {
        rules.iter().filter_map(|q| q.speaker).filter(|s| s.mention.is_some_and(|sm| sm.overlaps(m))).find_map(|s| s.entity)
    })
}

fn is_mark(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '‟' | '«' | '»' | '\'' | '‘' | '’' | '`')
}

/// `span` without quotation marks and whitespace at either end (the extract
/// format's content excludes the marks).
fn trim_marks(text: &str, span: Span) -> Span {
    let s = span.slice(text);
    let t = s.trim_start_matches(|c: char| is_mark(c) || c.is_whitespace());
    let start = span.start() + (s.len() - t.len());
    let t = t.trim_end_matches(|c: char| is_mark(c) || c.is_whitespace());
    Span::new(start, start + t.len())
}

/// Direct when the tagged span was wrapped in marks, mixed when marks are inside it.
fn kind_of(text: &str, tagged: Span, content: Span) -> QuoteKind {
    let s = tagged.slice(text);
    let wrapped = s.starts_with(is_mark) && s.ends_with(|c: char| is_mark(c) || c == '.' || c == ',');
    if wrapped && !content.slice(text).contains(['"', '“', '”']) {
        QuoteKind::Direct
    } else if s.contains(['"', '“', '”']) {
        QuoteKind::Mixed
    } else {
        QuoteKind::Indirect
    }
}

/// The extraction a command runs: the rules alone, or rules and a model.
#[derive(Clone, Copy)]
pub enum Extractor<'m> {
    Rules,
    Model(&'m Model, Combine),
}

impl Extractor<'_> {
    /// Extracts one document's text.
    ///
    /// Tagging cannot fail for a model that [`Model::load`] accepted: its
    /// checksum proves the bytes are those crfs wrote. Should it fail all the
    /// same, the document gets the rules' extraction and every quote's trail
    /// says why (visible with `--explain`), rather than losing the document.
    pub fn extract(&self, text: &str) -> Extraction {
        match self {
            Extractor::Rules => crate::extract::extract(text),
            Extractor::Model(m, c) => extract_with(m, text, *c).unwrap_or_else(|e| {
                let mut x = crate::extract::extract(text);
                for q in &mut x.quotes {
                    q.trail.push(format!("model not applied: {e}"));
                }
                x
            }),
        }
    }
}
