//! The data model shared by every layer: documents, spans, quotes, mentions
//! and entities. Spans are byte ranges into a document's text, never copies.

use serde::{Deserialize, Serialize};

/// A stored entity's row id: a distinct type so an entity id cannot be
/// passed where a quote id is meant. Serialises as the bare integer.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct EntityId(pub i64);

/// A stored quote's row id (see [`EntityId`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct QuoteId(pub i64);

impl std::fmt::Display for EntityId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl std::fmt::Display for QuoteId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// Byte range into a document's original text, end exclusive. Never a copied string.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span { start: start as u32, end: end as u32 }
    }
    pub fn start(self) -> usize {
        self.start as usize
    }
    pub fn end(self) -> usize {
        self.end as usize
    }
    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }
    /// The slice of `text` this span covers.
    pub fn slice(self, text: &str) -> &str {
        // Invariant: only for spans made over this `text` (the extractor's, property-tested on char boundaries); offsets read back from a store go through `get`-guarded code (`store::hits`, `serve::markup`).
        &text[self.start()..self.end()]
    }
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span { start: self.start.min(other.start), end: self.end.max(other.end) }
    }
}

/// A document as quotegraph stores it: `text` is what every span indexes.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    pub id: String,
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Who published it: the JSONL `outlet` field, else the URL's host (input.rs).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
}

/// How a quote is reported.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// The content is inside quotation marks.
    Direct,
    /// Reported speech containing a quoted part.
    Mixed,
    /// Reported speech without quotation marks.
    Indirect,
}

impl QuoteKind {
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Mixed => "mixed",
            QuoteKind::Indirect => "indirect",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        match s.to_ascii_lowercase().as_str() {
            "direct" => Some(QuoteKind::Direct),
            "mixed" => Some(QuoteKind::Mixed),
            "indirect" => Some(QuoteKind::Indirect),
            _ => None,
        }
    }
}

/// The closed set of entity types of the public contract.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityType {
    Person,
    Organization,
    Place,
    Other,
}

impl EntityType {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "person",
            EntityType::Organization => "organization",
            EntityType::Place => "place",
            EntityType::Other => "other",
        }
    }
    /// Parses a type name; `org`, `per`, `loc`, `gpe` are accepted as short forms.
    pub fn parse(s: &str) -> Option<Self> {
        match s.to_ascii_lowercase().as_str() {
            "person" | "per" | "people" => Some(EntityType::Person),
            "organization" | "organisation" | "org" => Some(EntityType::Organization),
            "place" | "loc" | "location" | "gpe" => Some(EntityType::Place),
            "other" | "misc" => Some(EntityType::Other),
            _ => None,
        }
    }
}

/// What kind of expression a mention is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MentionKind {
    /// A proper name ("Dr. Basem Naim", "the White House").
    Name,
    /// A personal pronoun ("he", "they").
    Pronoun,
    /// A common-noun description ("the spokesperson", "Hamas officials").
    Nominal,
}

impl std::fmt::Display for QuoteKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::fmt::Display for EntityType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Index of an entity within one document's extraction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct LocalEntityId(pub u32);

/// One mention of an entity in a document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    pub span: Span,
    pub kind: MentionKind,
    /// The entity this mention resolves to, if any.
    pub entity: Option<LocalEntityId>,
}

/// An entity found in one document, with its mentions.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Canonical name ("Basem Naim", "White House").
    pub name: String,
    pub entity_type: EntityType,
    /// Indices into [`Extraction::mentions`], in text order.
    pub mentions: Vec<u32>,
    /// Other names this entity is known by in the document, canonical excluded.
    pub aliases: Vec<String>,
    /// Roles from appositives and pre-modifiers ("spokesperson", "senior official").
    pub roles: Vec<Role>,
}

/// A role an entity holds, optionally for an organisation or place.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Role {
    pub role: String,
    pub affiliation: Option<LocalEntityId>,
    /// Where the text says so.
    pub span: Span,
}

/// Who a quote is attributed to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    /// The mention in or next to the quote's sentence; `None` when the speaker
    /// is carried over from earlier text without being mentioned here.
    pub mention: Option<Span>,
    pub entity: Option<LocalEntityId>,
}

/// One attributed quotation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    pub kind: QuoteKind,
    /// The content (outer extent when fragmented).
    pub content: Span,
    /// The pieces of a quote split around its cue; empty for a one-piece quote.
    pub fragments: Vec<Span>,
    pub speaker: Option<Speaker>,
    pub cue: Option<Span>,
    pub confidence: f32,
    /// The rule that produced the quote.
    #[serde(deserialize_with = "rule_name")]
    pub rule: RuleName,
    /// The steps the extractor took, for `--explain`.
    pub trail: Vec<String>,
}

/// Everything extracted from one document's text. It serialises losslessly
/// (`extract --with-text` records), so a store can be built from it later.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Extraction {
    pub quotes: Vec<Quote>,
    pub mentions: Vec<Mention>,
    pub entities: Vec<Entity>,
}

impl Extraction {
    pub fn entity(&self, id: LocalEntityId) -> &Entity {
        &self.entities[id.0 as usize]
    }
    /// Entities mentioned inside a quote's content (ABOUT edges), speaker excluded, in first-mention order.
    pub fn entities_in(&self, quote: &Quote) -> Vec<LocalEntityId> {
        let speaker = quote.speaker.and_then(|s| s.entity);
        let pieces: Vec<Span> = if quote.fragments.is_empty() { vec![quote.content] } else { quote.fragments.clone() };
        let mut out = Vec::new();
        for m in &self.mentions {
            if m.kind != MentionKind::Name {
                continue;
            }
            let Some(e) = m.entity else { continue };
            if Some(e) == speaker || out.contains(&e) {
                continue;
            }
            if pieces.iter().any(|p| p.contains(m.span)) {
                out.push(e);
            }
        }
        out
    }
}

/// A rule's name. An alias, not `&'static str` written out, because serde
/// would make a written-out `&str` field borrow from the input, and records
/// are read from buffers that do not live for ever ([`rule_name`] reads it).
pub type RuleName = &'static str;

/// Distinct rule names read back from records before reading gives up: the
/// extractor has a few dozen, and each one read is kept for the process's life.
const MAX_RULE_NAMES: usize = 1024;

/// Reads a quote's rule name back as the `&'static str` the extractor uses:
/// each distinct name is stored once, and at most [`MAX_RULE_NAMES`] of them.
fn rule_name<'de, D: serde::Deserializer<'de>>(d: D) -> Result<&'static str, D::Error> {
    static NAMES: std::sync::Mutex<std::collections::BTreeSet<&'static str>> =
        std::sync::Mutex::new(std::collections::BTreeSet::new());
    let name = String::deserialize(d)?;
    let mut names = NAMES.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some(&known) = names.get(name.as_str()) {
        return Ok(known);
    }
    if names.len() >= MAX_RULE_NAMES {
        return Err(serde::de::Error::custom(format!("more than {MAX_RULE_NAMES} distinct quote rule names")));
    }
    let leaked: &'static str = Box::leak(name.into_boxed_str());
    names.insert(leaked);
    Ok(leaked)
}

/// Lower case, single spaces, straight apostrophes: how names are compared.
pub fn normalize(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for w in name.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in w.chars() {
            match c {
                '\u{2019}' | '\u{2018}' => out.push('\''),
                c => out.extend(c.to_lowercase()),
            }
        }
    }
    out
}
