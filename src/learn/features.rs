//! Token features for the sequence model: the word and its neighbours, shape,
//! lexicon classes, quotation-mark structure, entity mentions, and the rules'
//! own proposal for the token. Computed per document, read per paragraph.

use std::ops::Range;

use crfs::Attribute;

use super::gold::GoldAttribution;
use super::tags::{encode, Label};
use crate::extract::lexicon::lexicon;
use crate::extract::Analysis;
use crate::model::{Extraction, MentionKind};
use crate::text::TokenKind;

/// How far either side the word and cue features look (tokens): a cue or a
/// quotation mark two words away still tells where a content span ends.
const WINDOW: usize = 2;

/// What the features need of one document, per token.
pub struct DocFeatures<'a> {
    a: &'a Analysis<'a>,
    lower: Vec<String>,
    shape: Vec<&'static str>,
    cue: Vec<bool>,
    /// Inside a quoted passage's words.
    quoted: Vec<bool>,
    /// A quotation mark (opening or closing).
    mark: Vec<bool>,
    sentence_start: Vec<bool>,
    sentence_end: Vec<bool>,
    /// The rules' proposal: the label the rule quotes give the token.
    rule: Vec<Label>,
    /// The kind of the rule quote whose content covers the token.
    rule_kind: Vec<Option<&'static str>>,
    /// The mention covering the token: entity type, or pronoun/nominal.
    mention: Vec<Option<&'static str>>,
}

impl<'a> DocFeatures<'a> {
    pub fn new(a: &'a Analysis<'a>, x: &Extraction) -> Self {
        let n = a.tokens.len();
        let lower: Vec<String> = a.words.iter().map(|w| w.to_lowercase()).collect();
        let lex = lexicon();
        let cue = lower.iter().map(|w| lex.cue(w).is_some()).collect();
        let shape = a.tokens.iter().zip(&a.words).map(|(t, w)| shape(t.kind, w)).collect();
        let mut quoted = vec![false; n];
        let mut mark = vec![false; n];
        for q in &a.quoted {
            for i in token_range(a, q.content.start(), q.content.end()) {
                quoted[i] = true;
            }
            for m in std::iter::once(q.open).chain(q.close) {
                for i in token_range(a, m.start(), m.end()) {
                    mark[i] = true;
                }
            }
        }
        let mut sentence_start = vec![false; n];
        let mut sentence_end = vec![false; n];
        for s in &a.sentences {
            if !s.tokens.is_empty() {
                sentence_start[s.tokens.start] = true;
                sentence_end[s.tokens.end - 1] = true;
            }
        }
        let proposals: Vec<GoldAttribution> = x
            .quotes
            .iter()
            .map(|q| GoldAttribution { content: q.content, source: q.speaker.and_then(|s| s.mention), cue: q.cue })
            .collect();
        let rule = encode(&a.tokens, &proposals);
        let mut rule_kind = vec![None; n];
        for q in &x.quotes {
            for i in token_range(a, q.content.start(), q.content.end()) {
                rule_kind[i] = Some(q.kind.as_str());
            }
        }
        let mut mention = vec![None; n];
        for m in &x.mentions {
            let class = match (m.kind, m.entity) {
                (MentionKind::Name, Some(e)) => x.entity(e).entity_type.as_str(),
                (MentionKind::Name, None) => "name",
                (MentionKind::Pronoun, _) => "pronoun",
                (MentionKind::Nominal, _) => "nominal",
            };
            for i in token_range(a, m.span.start(), m.span.end()) {
                mention[i] = Some(class);
            }
        }
        DocFeatures { a, lower, shape, cue, quoted, mark, sentence_start, sentence_end, rule, rule_kind, mention }
    }

    /// Token ranges of the document's paragraphs (the model's sequences), in order.
    pub fn paragraphs(&self) -> Vec<Range<usize>> {
        let mut out: Vec<(usize, Range<usize>)> = Vec::new();
        for s in &self.a.sentences {
            if s.tokens.is_empty() {
                continue;
            }
            match out.last_mut() {
                Some((p, last)) if *p == s.paragraph => last.end = s.tokens.end,
                _ => out.push((s.paragraph, s.tokens.clone())),
            }
        }
        out.into_iter().map(|(_, r)| r).collect()
    }

    /// The attributes of every token of `range` (one paragraph).
    pub fn sequence(&self, range: Range<usize>) -> Vec<Vec<Attribute>> {
        range.clone().map(|i| self.token(i, &range)).collect()
    }

    fn token(&self, i: usize, range: &Range<usize>) -> Vec<Attribute> {
        let mut f: Vec<Attribute> = Vec::with_capacity(40);
        let mut add = |s: String| f.push(Attribute::new(s, 1.0));
        add("bias".into());
        let at = |d: isize| -> Option<usize> {
            let j = i as isize + d;
            (j >= range.start as isize && j < range.end as isize).then_some(j as usize)
        };
        for d in -(WINDOW as isize)..=(WINDOW as isize) {
            let tag = if d == 0 { String::new() } else { format!("{d:+}") };
            match at(d) {
                Some(j) => {
                    add(format!("w{tag}={}", self.lower[j]));
                    add(format!("sh{tag}={}", self.shape[j]));
                    if self.cue[j] {
                        add(format!("cue{tag}"));
                    }
                    if self.mark[j] {
                        add(format!("mark{tag}"));
                    }
                    add(format!("r{tag}={}", self.rule[j].as_str()));
                    if let Some(m) = self.mention[j] {
                        add(format!("m{tag}={m}"));
                    }
                }
                None => add(format!("w{tag}=<{}>", if d < 0 { "bos" } else { "eos" })),
            }
        }
        if let Some(j) = at(-1) {
            add(format!("w-1|w={}|{}", self.lower[j], self.lower[i]));
        }
        if let Some(j) = at(1) {
            add(format!("w|w+1={}|{}", self.lower[i], self.lower[j]));
        }
        if self.quoted[i] {
            add("quoted".into());
        }
        if self.sentence_start[i] {
            add("sent-start".into());
        }
        if self.sentence_end[i] {
            add("sent-end".into());
        }
        if let Some(k) = self.rule_kind[i] {
            add(format!("rk={k}"));
        }
        add(format!("pos={}", (i - range.start).min(3)));
        f
    }
}

/// Token indices wholly inside bytes `start..end`.
fn token_range(a: &Analysis, start: usize, end: usize) -> Range<usize> {
    let lo = a.tokens.partition_point(|t| t.span.start() < start);
    let hi = a.tokens.partition_point(|t| t.span.end() <= end);
    lo..hi.max(lo)
}

/// A coarse word shape: capitalised, lower, upper, number, or the punctuation itself.
fn shape(kind: TokenKind, w: &str) -> &'static str {
    match kind {
        TokenKind::Number => "d",
        TokenKind::Punct => match w {
            "," => ",",
            "." => ".",
            ":" => ":",
            ";" => ";",
            "?" | "!" => "?",
            "(" | ")" | "[" | "]" => "(",
            "-" | "–" | "—" => "-",
            "\"" | "“" | "”" | "„" | "«" | "»" => "\"",
            "'" | "‘" | "’" => "'",
            _ => "p",
        },
        TokenKind::Word => {
            let mut chars = w.chars();
            let first = chars.next().unwrap_or(' ');
            if first.is_uppercase() {
                if w.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase) && w.chars().count() > 1 {
                    "X"
                } else {
                    "Xx"
                }
            } else {
                "x"
            }
        }
    }
}
