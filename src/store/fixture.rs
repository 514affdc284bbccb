//! Hand-built extractions for tests of the store, the graph and the
//! exports, independent of how well the extractor does today.

use crate::model::{
    Document, Entity, EntityType, Extraction, LocalEntityId, Mention, MentionKind, Quote, QuoteKind, Role, Span, Speaker,
};

use super::write::content_hash;
use super::Prepared;

/// Builds an [`Extraction`] over a text by naming the pieces of text.
pub struct Builder {
    pub doc: Document,
    pub x: Extraction,
}

impl Builder {
    pub fn new(id: &str, text: &str) -> Builder {
        Builder { doc: Document { id: id.into(), text: text.into(), ..Default::default() }, x: Extraction::default() }
    }

    pub fn meta(mut self, title: &str, date: &str, url: &str) -> Builder {
        self.doc.title = Some(title.into());
        self.doc.date = Some(date.into());
        self.doc.url = Some(url.into());
        self
    }

    /// The span of the `nth` (0-based) occurrence of `needle`. Panics when absent.
    pub fn span(&self, needle: &str, nth: usize) -> Span {
        let (start, _) =
            self.doc.text.match_indices(needle).nth(nth).unwrap_or_else(|| panic!("{needle:?} #{nth} not in the text"));
        Span::new(start, start + needle.len())
    }

    pub fn entity(&mut self, name: &str, t: EntityType) -> LocalEntityId {
        self.x.entities.push(Entity { name: name.into(), entity_type: t, mentions: vec![], aliases: vec![], roles: vec![] });
        LocalEntityId(self.x.entities.len() as u32 - 1)
    }

    pub fn mention(&mut self, needle: &str, nth: usize, e: Option<LocalEntityId>, kind: MentionKind) {
        let span = self.span(needle, nth);
        let i = self.x.mentions.len() as u32;
        self.x.mentions.push(Mention { span, kind, entity: e });
        if let Some(e) = e {
            self.x.entities[e.0 as usize].mentions.push(i);
            let name = &self.x.entities[e.0 as usize].name;
            if kind == MentionKind::Name && needle != name && !self.x.entities[e.0 as usize].aliases.iter().any(|a| a == needle) {
                self.x.entities[e.0 as usize].aliases.push(needle.into());
            }
        }
    }

    pub fn role(&mut self, e: LocalEntityId, role: &str, affiliation: Option<LocalEntityId>, needle: &str) {
        let span = self.span(needle, 0);
        self.x.entities[e.0 as usize].roles.push(Role { role: role.into(), affiliation, span });
    }

    /// A quote with content `content`, speaker mention `speaker` (its first occurrence after the content) and cue.
    pub fn quote(&mut self, kind: QuoteKind, content: &str, speaker: Option<(&str, LocalEntityId)>, cue: Option<&str>) {
        let content = self.span(content, 0);
        let after = |needle: &str| -> Span {
            // Invariant: test fixture; `content` was found in this text by `span`.
            let start = self.doc.text[content.end()..]
                .find(needle)
                .map(|i| i + content.end())
                .or_else(|| self.doc.text.find(needle))
                .unwrap_or_else(|| panic!("{needle:?} not in the text"));
            Span::new(start, start + needle.len())
        };
        let speaker = speaker.map(|(m, e)| Speaker { mention: Some(after(m)), entity: Some(e) });
        let cue = cue.map(after);
        self.x.quotes.push(Quote {
            kind,
            content,
            fragments: vec![],
            speaker,
            cue,
            confidence: 0.9,
            rule: "test:fixture",
            trail: vec![],
        });
    }

    pub fn build(self) -> Prepared {
        let hash = content_hash(&self.doc);
        Prepared { doc: self.doc, hash, extraction: self.x }
    }
}

/// Two small documents: the seed's three direct quotes, and a second
/// article with escaping traps, a lone surname speaker and reported speech.
pub fn sample() -> Vec<Prepared> {
    use EntityType::*;
    use MentionKind::*;
    let mut a = Builder::new(
        "talks",
        "\u{201c}We are ready to hand over the government,\u{201d} said Dr. Basem Naim, a senior Hamas official. \
         \u{201c}President Trump can do it if he exercises enough pressure on the Israelis,\u{201d} Naim said.\n\
         \u{201c}Hamas continues to hold hostages,\u{201d} said James Hewitt, White House spokesperson.\n",
    )
    .meta("Hamas confirms talks", "2025-05-20", "https://example.org/talks");
    let naim = a.entity("Basem Naim", Person);
    let hamas = a.entity("Hamas", Organization);
    let trump = a.entity("Donald Trump", Person);
    let israelis = a.entity("Israelis", Other);
    let hewitt = a.entity("James Hewitt", Person);
    let wh = a.entity("White House", Organization);
    a.mention("Dr. Basem Naim", 0, Some(naim), Name);
    a.mention("Hamas", 0, Some(hamas), Name);
    a.mention("President Trump", 0, Some(trump), Name);
    a.mention("he", 0, Some(trump), Pronoun);
    a.mention("Israelis", 0, Some(israelis), Name);
    a.mention("Naim", 1, Some(naim), Name);
    a.mention("Hamas", 1, Some(hamas), Name);
    a.mention("James Hewitt", 0, Some(hewitt), Name);
    a.mention("White House", 0, Some(wh), Name);
    a.role(naim, "senior official", Some(hamas), "senior Hamas official");
    a.role(hewitt, "spokesperson", Some(wh), "White House spokesperson");
    a.quote(QuoteKind::Direct, "We are ready to hand over the government", Some(("Dr. Basem Naim", naim)), Some("said"));
    a.quote(
        QuoteKind::Direct,
        "President Trump can do it if he exercises enough pressure on the Israelis",
        Some(("Naim", naim)),
        Some("said"),
    );
    a.quote(QuoteKind::Direct, "Hamas continues to hold hostages", Some(("James Hewitt", hewitt)), Some("said"));

    let mut b = Builder::new(
        "tour",
        "\u{201c}Trump is \"welcome\" at C:\\Gulf & <beyond>,\u{201d} said Anna Lee, a Saudi official.\n\
         Smith said the tour was long for Trump.\n",
    )
    .meta("Trump's \"Gulf\" tour", "2025-05-21", "https://example.org/tour?a=1&b=2");
    let trump = b.entity("Donald Trump", Person);
    let lee = b.entity("Anna Lee", Person);
    let saudi = b.entity("Saudi Arabia", Place);
    let smith = b.entity("Smith", Person);
    b.mention("Trump", 0, Some(trump), Name);
    b.mention("Anna Lee", 0, Some(lee), Name);
    b.mention("Saudi", 0, Some(saudi), Name);
    b.mention("Smith", 0, Some(smith), Name);
    b.mention("Trump", 1, Some(trump), Name);
    b.role(lee, "official", Some(saudi), "Saudi official");
    b.quote(QuoteKind::Direct, "Trump is \"welcome\" at C:\\Gulf & <beyond>", Some(("Anna Lee", lee)), Some("said"));
    b.quote(QuoteKind::Indirect, "the tour was long for Trump", Some(("Smith", smith)), Some("said"));
    vec![a.build(), b.build()]
}
