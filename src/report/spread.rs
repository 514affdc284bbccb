//! `spread`: every stored copy of one statement, its first source (earliest
//! date) and the copies whose speaker differs from the first source's.

use serde::Serialize;

use super::{int, text};
use crate::model::QuoteId;
use crate::store::{normalize, Store, StoreError};

/// One copy of a statement; the columns of `spread`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Copy {
    pub quote_id: QuoteId,
    pub doc: String,
    pub outlet: Option<String>,
    pub date: Option<String>,
    /// The speaker entity, else the mention text, else empty.
    pub speaker: Option<String>,
    pub kind: String,
    /// How it matched the statement's text when linked: exact, contained, edited.
    #[serde(rename = "match")]
    pub matched: String,
    pub similarity: f64,
    /// The earliest dated copy (first stored when none is dated).
    pub first_source: bool,
    /// Attributed to another speaker than the first source's (a misattribution signal).
    pub conflict: bool,
    pub quote: String,
    #[serde(skip)]
    named: bool,
}

/// The copies of a statement, in date order, and what they say together.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Spread {
    pub statement: i64,
    pub copies: Vec<Copy>,
    /// Named speakers and how many copies each has, most first.
    pub speakers: Vec<(String, usize)>,
}

impl Spread {
    pub fn first(&self) -> Option<&Copy> {
        self.copies.iter().find(|c| c.first_source)
    }
    pub fn conflicts(&self) -> impl Iterator<Item = &Copy> {
        self.copies.iter().filter(|c| c.conflict)
    }
}

/// Two speaker names for one person: equal, or one ends with the other's
/// words ("Trump" and "Donald Trump"; "Chief Officer Chris Wright" and
/// "Chris Wright", a title the extractor kept). A bare surname is not a
/// conflict with a full name: too little to call it another person.
pub fn same_person(a: &str, b: &str) -> bool {
    let (a, b) = (normalize(a), normalize(b));
    let (a, b): (Vec<&str>, Vec<&str>) = (a.split(' ').collect(), b.split(' ').collect());
    let (short, long) = if a.len() <= b.len() { (&a, &b) } else { (&b, &a) };
    long.ends_with(short)
}

/// The spread of a quote id or of a quote's text (trimmed or edited copies
/// find it too); `None` when no stored statement matches.
pub fn spread(store: &Store, quote_or_text: &str) -> Result<Option<Spread>, StoreError> {
    let arg = quote_or_text.trim();
    let statement = match arg.parse::<i64>() {
        Ok(id) => store.statement_of_quote(QuoteId(id))?,
        Err(_) => store.statement_of_text(arg)?,
    };
    let Some(statement) = statement else { return Ok(None) };
    let rows = store.rows("spread", &[("statement", rusqlite::types::Value::Integer(statement))])?;
    let mut copies: Vec<Copy> = rows
        .iter()
        .map(|r| {
            let entity = text(r, "speaker");
            Copy {
                quote_id: QuoteId(int(r, "quote_id").unwrap_or(0)),
                doc: text(r, "doc").unwrap_or_default(),
                outlet: text(r, "outlet"),
                date: text(r, "date"),
                named: entity.is_some(),
                speaker: entity.or_else(|| text(r, "speaker_mention")),
                kind: text(r, "kind").unwrap_or_default(),
                matched: text(r, "match").unwrap_or_default(),
                similarity: r.get("similarity").and_then(|v| v.as_f64()).unwrap_or(0.0),
                first_source: false,
                conflict: false,
                quote: text(r, "quote").unwrap_or_default(),
            }
        })
        .collect();
    // Rows come earliest date first, undated last, then in stored order.
    if let Some(first) = copies.first_mut() {
        first.first_source = true;
    }
    let mut speakers: Vec<(String, usize)> = Vec::new();
    for c in copies.iter().filter(|c| c.named) {
        let name = c.speaker.clone().unwrap_or_default();
        match speakers.iter_mut().find(|(s, _)| same_person(s, &name)) {
            Some(s) => s.1 += 1,
            None => speakers.push((name, 1)),
        }
    }
    speakers.sort_by_key(|s| std::cmp::Reverse(s.1));
    // The reference speaker: the first source's if named, else the most frequent.
    let reference = copies
        .iter()
        .find(|c| c.first_source && c.named)
        .and_then(|c| c.speaker.clone())
        .or_else(|| speakers.first().map(|s| s.0.clone()));
    if let Some(r) = reference {
        for c in copies.iter_mut().filter(|c| c.named) {
            c.conflict = !same_person(&r, c.speaker.as_deref().unwrap_or(""));
        }
    }
    Ok(Some(Spread { statement, copies, speakers }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_surname_is_the_same_person() {
        assert!(same_person("Donald Trump", "trump"));
        assert!(same_person("Technical Officer Chris Wright", "Chris Wright"));
        assert!(!same_person("Donald Trump", "Ivanka Trump"));
        assert!(!same_person("Joe Biden", "Trump"));
    }
}
