//! A speaker's gender from evidence, strongest first: pronouns that
//! coreference resolved to the person ("she said"), honorifics before their
//! name ("Ms. Ortiz"), and only then the first-name list
//! (`data/lexicon/forenames.tsv`, see data/ATTRIBUTION.md). Without any of
//! them the gender is `unknown`: never guessed.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use serde::Serialize;

use crate::model::{EntityType, Extraction, LocalEntityId, MentionKind};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Gender {
    Female,
    Male,
    Unknown,
}

impl Gender {
    pub fn as_str(self) -> &'static str {
        match self {
            Gender::Female => "female",
            Gender::Male => "male",
            Gender::Unknown => "unknown",
        }
    }
    pub fn parse(s: &str) -> Gender {
        match s {
            "female" | "f" => Gender::Female,
            "male" | "m" => Gender::Male,
            _ => Gender::Unknown,
        }
    }
}

/// Where a gender comes from, strongest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Evidence {
    Pronoun,
    Honorific,
    Name,
    Unknown,
}

impl Evidence {
    pub fn as_str(self) -> &'static str {
        match self {
            Evidence::Pronoun => "pronoun",
            Evidence::Honorific => "honorific",
            Evidence::Name => "name",
            Evidence::Unknown => "unknown",
        }
    }
    pub fn parse(s: &str) -> Evidence {
        match s {
            "pronoun" => Evidence::Pronoun,
            "honorific" => Evidence::Honorific,
            "name" => Evidence::Name,
            _ => Evidence::Unknown,
        }
    }
}

fn table(src: &'static str) -> BTreeMap<String, Gender> {
    src.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| l.split_once('\t'))
        .map(|(w, g)| (w.trim().to_lowercase(), Gender::parse(g.trim())))
        .collect()
}

static HONORIFICS: LazyLock<BTreeMap<String, Gender>> =
    LazyLock::new(|| table(include_str!("../../data/lexicon/honorifics.tsv")));
static FORENAMES: LazyLock<BTreeMap<String, Gender>> = LazyLock::new(|| table(include_str!("../../data/lexicon/forenames.tsv")));

fn pronoun_gender(p: &str) -> Gender {
    match p.to_lowercase().as_str() {
        "he" | "him" | "his" | "himself" => Gender::Male,
        "she" | "her" | "hers" | "herself" => Gender::Female,
        _ => Gender::Unknown,
    }
}

fn honorific_gender(word: &str) -> Gender {
    let w = word.trim_end_matches('.').to_lowercase();
    HONORIFICS.get(&w).copied().unwrap_or(Gender::Unknown)
}

/// The gender the first-name list gives a person's name (its first word).
pub fn name_gender(name: &str) -> Gender {
    let Some(first) = name.split_whitespace().next() else { return Gender::Unknown };
    FORENAMES.get(&first.to_lowercase()).copied().unwrap_or(Gender::Unknown)
}

/// Text evidence in one document: for each person entity, (gender, evidence)
/// with the number of mentions that show it, in entity order.
pub fn text_evidence(text: &str, x: &Extraction) -> Vec<(LocalEntityId, Gender, Evidence, u32)> {
    let mut out: BTreeMap<(u32, Gender, Evidence), u32> = BTreeMap::new();
    for (i, e) in x.entities.iter().enumerate() {
        if e.entity_type != EntityType::Person {
            continue;
        }
        for &mi in &e.mentions {
            let Some(m) = x.mentions.get(mi as usize) else { continue };
            let Some(span) = text.get(m.span.start()..m.span.end()) else { continue };
            let found = match m.kind {
                MentionKind::Pronoun => (pronoun_gender(span), Evidence::Pronoun),
                MentionKind::Name => {
                    let inside = span.split_whitespace().next().map_or(Gender::Unknown, honorific_gender);
                    // Invariant: `m` is a mention the extractor made over this `text`.
                    let before = text[..m.span.start()].split_whitespace().next_back().map_or(Gender::Unknown, honorific_gender);
                    (if inside != Gender::Unknown { inside } else { before }, Evidence::Honorific)
                }
                MentionKind::Nominal => (Gender::Unknown, Evidence::Unknown),
            };
            if found.0 != Gender::Unknown {
                *out.entry((i as u32, found.0, found.1)).or_default() += 1;
            }
        }
    }
    out.into_iter().map(|((i, g, ev), n)| (LocalEntityId(i), g, ev, n)).collect()
}

/// A speaker's gender from all its evidence: the strongest kind of evidence
/// decides, by majority of mentions; a tie within it is `unknown`.
/// `counts` holds (gender, evidence, mentions); `name` adds the name list.
pub fn decide(counts: &[(Gender, Evidence, u64)], name: Option<&str>) -> (Gender, Evidence) {
    for ev in [Evidence::Pronoun, Evidence::Honorific] {
        let n = |g| counts.iter().filter(|c| c.0 == g && c.1 == ev).map(|c| c.2).sum::<u64>();
        let (f, m) = (n(Gender::Female), n(Gender::Male));
        if f + m > 0 {
            return match f.cmp(&m) {
                std::cmp::Ordering::Greater => (Gender::Female, ev),
                std::cmp::Ordering::Less => (Gender::Male, ev),
                std::cmp::Ordering::Equal => (Gender::Unknown, Evidence::Unknown),
            };
        }
    }
    match name.map(name_gender) {
        Some(g @ (Gender::Female | Gender::Male)) => (g, Evidence::Name),
        _ => (Gender::Unknown, Evidence::Unknown),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pronouns_beat_honorifics_beat_names() {
        let c = [(Gender::Female, Evidence::Pronoun, 2), (Gender::Male, Evidence::Honorific, 1)];
        assert_eq!(decide(&c, Some("John Smith")), (Gender::Female, Evidence::Pronoun));
        assert_eq!(decide(&c[1..], Some("Mary Smith")), (Gender::Male, Evidence::Honorific));
        assert_eq!(decide(&[], Some("Mary Smith")), (Gender::Female, Evidence::Name));
        assert_eq!(decide(&[], Some("Xqzt Smith")), (Gender::Unknown, Evidence::Unknown));
        assert_eq!(decide(&[], None), (Gender::Unknown, Evidence::Unknown));
    }

    #[test]
    fn honorifics_and_pronouns_in_text_are_evidence() {
        let text = "“We are ready,” said Ms. Jordan Lee, the mayor. She added that the city would pay.";
        let x = crate::extract::extract(text);
        let ev = text_evidence(text, &x);
        assert!(ev.iter().any(|e| e.1 == Gender::Female && e.2 == Evidence::Honorific), "{ev:?}");
    }
}
