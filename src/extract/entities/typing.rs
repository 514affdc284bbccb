//! The type model: an averaged perceptron over a name's words, shape,
//! context and lexicon hits (`data/entity_types.tsv`, trained on GUM by
//! `examples/train_entity_types.rs`).
//!
//! Decides the type of the candidates the rules are not sure of (strength
//! below 3), with the rules' type added as a boost, and the type of an
//! entity from the sum over its fullest mentions. It may also say "none":
//! not a name at all. Closed-set features are numbered ([`fixed`]) so their
//! weights are looked up once, when the model loads.

use std::sync::LazyLock;

use super::candidates::{is_cap_word, phrase, DocInfo};
use super::classify::not_a_person_word;
use super::lexicon::{is_acronym, is_org_word, push_lowercase, with_lowercase, StaticMap, LEX};
use super::{c_span, candidates::candidates, Cand};
use crate::extract::Analysis;
use crate::model::{EntityType, Span};
use crate::text::wordlist::{ListError, WordList};

/// Classes of the mention-type model, in weight-column order.
pub const CLASSES: [&str; 4] = ["person", "organization", "place", "none"];

/// Averaged-perceptron weights for typing a name from its features
/// (`data/entity_types.tsv`, trained on GUM by `examples/train_entity_types.rs`).
pub(super) static WEIGHTS: LazyLock<StaticMap<&'static str, [f32; 4]>> =
    LazyLock::new(|| parse_weights().0.into_iter().collect());

const WEIGHTS_FILE: WordList = WordList { file: "entity_types.tsv", text: include_str!("../../../data/entity_types.tsv") };

/// The weight lines: a feature (kept as written, spaces included), a tab and
/// four numbers, one per class of [`CLASSES`]. Other lines are errors.
fn parse_weights() -> (Vec<(&'static str, [f32; 4])>, Vec<ListError>) {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for (n, l) in WEIGHTS_FILE.entries() {
        let mut it = l.split('\t');
        let f = it.next().unwrap_or_default();
        let mut w = [0f32; 4];
        let numbers = w.iter_mut().all(|x| it.next().and_then(|v| v.parse().ok()).map(|v| *x = v).is_some());
        if numbers && it.next().is_none() {
            out.push((f, w));
        } else {
            errors.push(ListError {
                file: WEIGHTS_FILE.file,
                line: n,
                message: format!("{l:?}: expected FEATURE and 4 numbers, tab-separated"),
            });
        }
    }
    (out, errors)
}

/// Lines of the weight file its format does not allow.
#[cfg(test)]
pub(super) fn check() -> Vec<ListError> {
    parse_weights().1
}

/// Shapes of a word, as [`shape`] numbers them.
pub(super) const SHAPES: [&str; 6] = ["digit", "hyphen", "dot", "upper", "camel", "title"];

pub(super) fn shape(w: &str) -> usize {
    if w.chars().any(|c| c.is_ascii_digit()) {
        0
    } else if w.contains('-') {
        1
    } else if w.contains('.') {
        2
    } else if w.chars().all(|c| !c.is_lowercase()) {
        3
    } else if w.chars().skip(1).any(char::is_uppercase) {
        4
    } else {
        5
    }
}

/// Features whose values form a small closed set, by number: their weights
/// are looked up once, when the model loads, instead of per candidate.
pub(super) mod fixed {
    use crate::model::EntityType;

    /// Feature names without a value, in number order.
    pub const FLAGS: [&str; 18] = [
        "bias",
        "title",
        "forename",
        "forename1",
        "gazetteer",
        "known_org",
        "org_word",
        "has_org_word",
        "place_word",
        "demonym",
        "acronym",
        "has_common",
        "initial",
        "connector",
        "plural",
        "next_cue",
        "prev_cue",
        "all_common",
    ];
    pub const BIAS: usize = 0;
    pub const TITLE: usize = 1;
    pub const FORENAME: usize = 2;
    pub const FORENAME1: usize = 3;
    pub const GAZETTEER: usize = 4;
    pub const KNOWN_ORG: usize = 5;
    pub const ORG_WORD: usize = 6;
    pub const HAS_ORG_WORD: usize = 7;
    pub const PLACE_WORD: usize = 8;
    pub const DEMONYM: usize = 9;
    pub const ACRONYM: usize = 10;
    pub const HAS_COMMON: usize = 11;
    pub const INITIAL: usize = 12;
    pub const CONNECTOR: usize = 13;
    pub const PLURAL: usize = 14;
    pub const NEXT_CUE: usize = 15;
    pub const PREV_CUE: usize = 16;
    pub const ALL_COMMON: usize = 17;
    /// `len=0` to `len=4`.
    const LEN: usize = FLAGS.len();
    /// `shape=` one of [`super::SHAPES`].
    const SHAPE: usize = LEN + 5;
    /// `df=1`, `df=2-3`, `df=4+`.
    const DF: usize = SHAPE + super::SHAPES.len();
    pub const DFS: [&str; 3] = ["1", "2-3", "4+"];
    /// `rule=TYPE:STRENGTH`, 4 types by 4 strengths.
    const RULE: usize = DF + DFS.len();
    pub const COUNT: usize = RULE + 16;
    const TYPES: [EntityType; 4] = [EntityType::Person, EntityType::Organization, EntityType::Place, EntityType::Other];

    pub fn len(n: usize) -> usize {
        LEN + n.min(4)
    }
    pub fn shape(k: usize) -> usize {
        SHAPE + k
    }
    pub fn df(k: usize) -> usize {
        DF + k
    }
    /// Strength is 0 to 3 by construction.
    pub fn rule(ty: EntityType, strength: u8) -> usize {
        let t = TYPES.iter().position(|&t| t == ty).unwrap_or(3);
        RULE + 4 * t + usize::from(strength.min(3))
    }

    /// The feature string of number `k`, as the weight file writes it.
    pub fn name(k: usize) -> String {
        match k {
            _ if k < LEN => FLAGS[k].to_string(),
            _ if k < SHAPE => format!("len={}", k - LEN),
            _ if k < DF => format!("shape={}", super::SHAPES[k - SHAPE]),
            _ if k < RULE => format!("df={}", DFS[k - DF]),
            _ => format!("rule={}:{}", TYPES[(k - RULE) / 4].as_str(), (k - RULE) % 4),
        }
    }
}

/// Receives the features of a candidate, in order: closed-set ones by number
/// ([`fixed`]), the others as pieces to concatenate.
pub(super) trait FeatureSink {
    fn fixed(&mut self, k: usize);
    fn open(&mut self, parts: &[&str]);
}

/// Collects feature strings (for training).
pub(super) struct Strings(Vec<String>);

impl FeatureSink for Strings {
    fn fixed(&mut self, k: usize) {
        self.0.push(fixed::name(k));
    }
    fn open(&mut self, parts: &[&str]) {
        self.0.push(parts.concat());
    }
}

/// Sums the weights of the features (for typing): the same sum, in the same
/// order, as looking every feature string up in [`WEIGHTS`].
pub(super) struct Scores {
    sum: [f32; 4],
    buf: String,
}

impl Scores {
    fn add(&mut self, w: &[f32; 4]) {
        for (s, x) in self.sum.iter_mut().zip(w) {
            *s += x;
        }
    }
}

impl FeatureSink for Scores {
    fn fixed(&mut self, k: usize) {
        if let Some(w) = &FIXED_WEIGHTS[k] {
            self.add(w);
        }
    }
    fn open(&mut self, parts: &[&str]) {
        self.buf.clear();
        for p in parts {
            self.buf.push_str(p);
        }
        if let Some(w) = WEIGHTS.get(self.buf.as_str()) {
            self.add(w);
        }
    }
}

/// Weights of the [`fixed`] features, by number.
pub(super) static FIXED_WEIGHTS: LazyLock<Vec<Option<[f32; 4]>>> =
    LazyLock::new(|| (0..fixed::COUNT).map(|k| WEIGHTS.get(fixed::name(k).as_str()).copied()).collect());

/// Buffers [`features`] reuses from one candidate to the next.
#[derive(Default)]
pub(super) struct Buffers {
    /// The last word in lower case.
    lower: String,
    /// The lower-case context words one after the other.
    context: String,
}

/// Features of a name candidate for the type model.
pub(super) fn features(a: &Analysis, info: &DocInfo, c: &Cand, f: &mut impl FeatureSink, b: &mut Buffers) {
    let n = c.end - c.start;
    let first = a.tok(c.start);
    let last = a.tok(c.end - 1);
    f.fixed(fixed::BIAS);
    f.fixed(fixed::len(n));
    f.fixed(fixed::rule(c.ty, c.strength));
    f.open(&["first=", first]);
    f.open(&["last=", last]);
    f.fixed(fixed::shape(shape(last)));
    b.lower.clear();
    push_lowercase(&mut b.lower, last);
    let lower = b.lower.as_str();
    // Suffixes of 2 and 3 characters, when the word is longer than that
    // (from the starts of its last 2, 3 and 4 characters).
    let mut starts = lower.char_indices().rev().map(|(i, _)| i).skip(1);
    let (s2, s3, s4) = (starts.next(), starts.next(), starts.next());
    if let (Some(s), Some(_)) = (s2, s3) {
        // Invariant: `s` comes from `lower.char_indices()`.
        f.open(&["suf2=", &lower[s..]]);
    }
    if let (Some(s), Some(_)) = (s3, s4) {
        // Invariant: `s` comes from `lower.char_indices()`.
        f.open(&["suf3=", &lower[s..]]);
    }
    for i in c.start..c.end {
        f.open(&["w=", a.tok(i)]);
    }
    let sent = a.sentence_at(a.tokens[c.start].span.start()).map(|s| a.sentences[s].tokens.clone()).unwrap_or(0..a.tokens.len());
    let from = c.title.unwrap_or(c.start);
    // Previous 1, previous 2, next 1, next 2, each ending at `ends[k]` in `b.context`.
    b.context.clear();
    let mut ends = [0; 4];
    for (k, end) in ends.iter_mut().enumerate() {
        let tok = if k < 2 {
            (from > sent.start + k).then(|| from - k - 1).ok_or("<s>")
        } else {
            let at = c.end + k - 2;
            (at < sent.end).then_some(at).ok_or("</s>")
        };
        match tok {
            Ok(t) => push_lowercase(&mut b.context, a.tok(t)),
            Err(edge) => b.context.push_str(edge),
        }
        *end = b.context.len();
    }
    let cx = b.context.as_str();
    let (p1, p2, n1, n2) = (&cx[..ends[0]], &cx[ends[0]..ends[1]], &cx[ends[1]..ends[2]], &cx[ends[2]..ends[3]]);
    f.open(&["prev=", p1]);
    f.open(&["prev2=", p2, " ", p1]);
    f.open(&["next=", n1]);
    f.open(&["next2=", n1, " ", n2]);
    if let Some(t) = c.title {
        f.fixed(fixed::TITLE);
        f.open(&["title=", a.tok(t)]);
    }
    let ph = phrase(a, c.start, c.end).unwrap_or("");
    let forename = LEX.forenames.contains_key(first);
    if n >= 2 && forename {
        f.fixed(fixed::FORENAME);
    }
    if n == 1 && forename {
        f.fixed(fixed::FORENAME1);
    }
    if LEX.places.contains(ph) || LEX.place_aliases.contains_key(ph) {
        f.fixed(fixed::GAZETTEER);
    }
    if LEX.orgs.contains(ph) {
        f.fixed(fixed::KNOWN_ORG);
    }
    let last_org_word = is_org_word(last);
    if last_org_word {
        f.fixed(fixed::ORG_WORD);
    }
    if last_org_word || (c.start..c.end - 1).any(|i| is_org_word(a.tok(i))) {
        f.fixed(fixed::HAS_ORG_WORD);
    }
    if LEX.place_words.contains(last) {
        f.fixed(fixed::PLACE_WORD);
    }
    if LEX.demonyms.contains_key(first) {
        f.fixed(fixed::DEMONYM);
    }
    if is_acronym(first) && n == 1 {
        f.fixed(fixed::ACRONYM);
    }
    let common: u64 = (c.start..c.end).map(|i| u64::from(with_lowercase(a.tok(i), |l| LEX.common.contains(l)))).sum();
    if common > 0 {
        f.fixed(fixed::HAS_COMMON);
    }
    if info.initial[c.start] {
        f.fixed(fixed::INITIAL);
    }
    if (c.start..c.end).any(|i| !is_cap_word(a, i)) {
        f.fixed(fixed::CONNECTOR);
    }
    let df = info.freq.get(ph).copied().unwrap_or(0);
    f.fixed(fixed::df(match df {
        0 | 1 => 0,
        2 | 3 => 1,
        _ => 2,
    }));
    if n == 1 && last.ends_with('s') && !last.ends_with("ss") {
        f.fixed(fixed::PLURAL);
    }
    if LEX.cues.contains(n1) {
        f.fixed(fixed::NEXT_CUE);
    }
    if LEX.cues.contains(p1) {
        f.fixed(fixed::PREV_CUE);
    }
    if common == n as u64 {
        f.fixed(fixed::ALL_COMMON);
    }
}

pub(super) fn scores(a: &Analysis, info: &DocInfo, c: &Cand, s: &mut Scores, b: &mut Buffers) -> [f32; 4] {
    s.sum = [0f32; 4];
    features(a, info, c, s, b);
    s.sum
}

/// Name candidates of a document with their spans and model features (for training the type model).
pub fn candidate_features(a: &Analysis) -> Vec<(Span, Vec<String>)> {
    let (info, cands) = candidates(a);
    cands
        .iter()
        .map(|c| {
            let mut f = Strings(Vec::new());
            features(a, &info, c, &mut f, &mut Buffers::default());
            (c_span(a, c), f.0)
        })
        .collect()
}

/// The best class; "none" only when it beats the best type by [`NONE_MARGIN`].
pub(super) fn argmax(s: &[f32; 4]) -> usize {
    let best = (0..3).max_by(|&x, &y| s[x].total_cmp(&s[y]).then(y.cmp(&x))).unwrap_or(0);
    if s[3] - s[best] > NONE_MARGIN {
        3
    } else {
        best
    }
}

/// How far "none" must beat the best type before a name is not typed.
pub(super) const NONE_MARGIN: f32 = 2.0;

/// How much rule evidence of a given strength adds to the model's score for the rule's type.
pub(super) fn boost(strength: u8) -> f32 {
    match strength {
        3 => 10.0,
        2 => 5.0,
        _ => 0.0,
    }
}

pub(super) fn class_index(t: EntityType) -> Option<usize> {
    match t {
        EntityType::Person => Some(0),
        EntityType::Organization => Some(1),
        EntityType::Place => Some(2),
        EntityType::Other => None,
    }
}

/// Scores of every candidate for person, organisation, place and none: the
/// model's sum with the rules' evidence added as a [`boost`]. Empty when no
/// model is trained.
pub(super) fn model_scores(a: &Analysis, info: &DocInfo, cands: &[Cand]) -> Vec<[f32; 4]> {
    if WEIGHTS.is_empty() {
        Vec::new()
    } else {
        let mut sink = Scores { sum: [0f32; 4], buf: String::with_capacity(64) };
        let mut buffers = Buffers::default();
        cands
            .iter()
            .map(|c| {
                // Structure decides strength-3 names; the model is only asked about the rest (it is the costly part).
                let mut s = if c.strength >= 3 { [0.0; 4] } else { scores(a, info, c, &mut sink, &mut buffers) };
                let boost = boost(c.strength);
                // People are not written as acronyms, nor with abstract-noun endings ("Scientology").
                if c.end == c.start + 1 && not_a_person_word(a.tok(c.start)) {
                    s[0] = f32::MIN / 4.0;
                }
                // A known product, event or language is no person, organisation or place;
                // nor is a single word with digits ("L2", "A380") a person.
                let digits = c.end == c.start + 1 && a.tok(c.start).bytes().any(|b| b.is_ascii_digit());
                if c.ty == EntityType::Other && c.strength >= 3 || digits {
                    s[3] = s[0].max(s[1]).max(s[2]) + 10.0;
                }
                if let Some(k) = class_index(c.ty) {
                    s[k] += boost;
                    // Structure (a title, an organisation word, the lexicons) says it is a name.
                    if c.strength >= 2 {
                        s[3] = s[3].min(s[k]);
                    }
                }
                s
            })
            .collect()
    }
}

/// Gives each candidate the type its scores prefer, where that differs from the rules' type.
pub(super) fn retype(cands: &mut [Cand], model: &[[f32; 4]]) {
    for (c, s) in cands.iter_mut().zip(model) {
        let (ty, strength) = match argmax(s) {
            0 => (EntityType::Person, 2),
            1 => (EntityType::Organization, 2),
            2 => (EntityType::Place, 2),
            _ => (EntityType::Other, 0),
        };
        if ty != c.ty {
            c.ty = ty;
            c.strength = strength;
        }
    }
}

/// A candidate the rules know is a product, event, work or term ("Internet
/// Explorer", "World Cup", "TV"): the entity it belongs to is one too, so
/// its acronym or a shorter form ("IE") is not typed on its own.
pub(super) fn is_known_other(c: &Cand) -> bool {
    c.ty == EntityType::Other && c.strength >= 3
}

/// The type of an entity (the candidates `g`) from its candidates' model scores.
pub(super) fn group_type(model: &[[f32; 4]], cands: &[Cand], g: &[usize]) -> EntityType {
    if g.iter().any(|&i| is_known_other(&cands[i])) {
        return EntityType::Other;
    }
    // The fullest forms decide: "Valeska Paris" types "Paris" too.
    let longest = g.iter().map(|&i| cands[i].end - cands[i].start).max().unwrap_or(1);
    let mut sum = [0f32; 4];
    for &i in g.iter().filter(|&&i| longest == 1 || cands[i].end - cands[i].start > 1) {
        for k in 0..4 {
            sum[k] += model[i][k];
        }
    }
    // "none" only when every mention is none on its own.
    if g.iter().any(|&i| argmax(&model[i]) != 3) {
        sum[3] = f32::MIN;
    }
    match argmax(&sum) {
        0 => EntityType::Person,
        1 => EntityType::Organization,
        2 => EntityType::Place,
        _ => EntityType::Other,
    }
}
