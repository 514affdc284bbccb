//! BIO labels for content, source and cue, and the mapping between labelled
//! tokens and spans.

use std::ops::Range;

use super::gold::GoldAttribution;
use crate::model::Span;
use crate::text::Token;

/// The role a span plays in an attribution.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Role {
    Content,
    Source,
    Cue,
}

/// One token's label: outside, or the beginning/inside of a role's span.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Label {
    O,
    B(Role),
    I(Role),
}

impl Label {
    pub const ALL: [Label; 7] = [
        Label::O,
        Label::B(Role::Content),
        Label::I(Role::Content),
        Label::B(Role::Source),
        Label::I(Role::Source),
        Label::B(Role::Cue),
        Label::I(Role::Cue),
    ];

    /// The label's name in the model file.
    pub fn as_str(self) -> &'static str {
        match self {
            Label::O => "O",
            Label::B(Role::Content) => "C-B",
            Label::I(Role::Content) => "C-I",
            Label::B(Role::Source) => "S-B",
            Label::I(Role::Source) => "S-I",
            Label::B(Role::Cue) => "V-B",
            Label::I(Role::Cue) => "V-I",
        }
    }

    pub fn parse(s: &str) -> Option<Label> {
        Label::ALL.into_iter().find(|l| l.as_str() == s)
    }

    pub fn role(self) -> Option<Role> {
        match self {
            Label::O => None,
            Label::B(r) | Label::I(r) => Some(r),
        }
    }
}

/// Tokens (indices into `tokens`) wholly inside `span`.
fn covered(tokens: &[Token], span: Span) -> Range<usize> {
    let lo = tokens.partition_point(|t| t.span.start < span.start);
    let hi = tokens.partition_point(|t| t.span.end <= span.end);
    lo..hi.max(lo)
}

/// Labels `tokens` (one paragraph, in text order) with the gold attributions
/// that fall inside it. Attributions come outer first (by content start, longer
/// first); one whose tokens are already labelled (a frame nested in another's
/// content) is skipped, since a token carries one label.
pub fn encode(tokens: &[Token], attributions: &[GoldAttribution]) -> Vec<Label> {
    let mut labels = vec![Label::O; tokens.len()];
    for a in attributions {
        let spans: Vec<(Role, Range<usize>)> = [(Role::Content, Some(a.content)), (Role::Source, a.source), (Role::Cue, a.cue)]
            .into_iter()
            .filter_map(|(r, s)| s.map(|s| (r, covered(tokens, s))))
            .filter(|(_, r)| !r.is_empty())
            .collect();
        if !spans.iter().any(|(r, _)| *r == Role::Content) {
            continue;
        }
        if spans.iter().any(|(_, range)| labels[range.clone()].iter().any(|l| *l != Label::O)) {
            continue;
        }
        for (role, range) in spans {
            for (k, i) in range.enumerate() {
                labels[i] = if k == 0 { Label::B(role) } else { Label::I(role) };
            }
        }
    }
    labels
}

/// The labelled spans of a sequence: a span begins at `B` or at an `I` whose
/// role differs from the previous token's, and runs while `I` of its role follows.
pub fn decode(labels: &[Label]) -> Vec<(Role, Range<usize>)> {
    let mut out: Vec<(Role, Range<usize>)> = Vec::new();
    let mut open: Option<(Role, usize)> = None;
    for (i, l) in labels.iter().enumerate() {
        let continues = matches!((open, l), (Some((r, _)), Label::I(r2)) if r == *r2);
        if continues {
            continue;
        }
        if let Some((r, s)) = open.take() {
            out.push((r, s..i));
        }
        if let Some(r) = l.role() {
            open = Some((r, i));
        }
    }
    if let Some((r, s)) = open {
        out.push((r, s..labels.len()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    #[test]
    fn encode_then_decode_gives_the_spans_back() {
        let text = "“We will win,” said Ana Lopez on Monday.";
        let toks = tokenize(text, Span::new(0, text.len()));
        let at = |s: &str| {
            let i = text.find(s).unwrap();
            Span::new(i, i + s.len())
        };
        let a = GoldAttribution { content: at("We will win"), source: Some(at("Ana Lopez")), cue: Some(at("said")) };
        let labels = encode(&toks, &[a]);
        let spans = decode(&labels);
        let got: Vec<(Role, &str)> =
            spans.iter().map(|(r, range)| (*r, &text[toks[range.start].span.start()..toks[range.end - 1].span.end()])).collect();
        assert_eq!(got, vec![(Role::Content, "We will win"), (Role::Cue, "said"), (Role::Source, "Ana Lopez")]);
    }

    #[test]
    fn nested_frames_keep_the_outer_one() {
        let text = "He said she told them it was over.";
        let toks = tokenize(text, Span::new(0, text.len()));
        let at = |s: &str| {
            let i = text.find(s).unwrap();
            Span::new(i, i + s.len())
        };
        let outer = GoldAttribution { content: at("she told them it was over"), source: Some(at("He")), cue: Some(at("said")) };
        let inner = GoldAttribution { content: at("it was over"), source: Some(at("she")), cue: Some(at("told")) };
        let labels = encode(&toks, &[outer, inner]);
        assert_eq!(decode(&labels).len(), 3);
    }
}
