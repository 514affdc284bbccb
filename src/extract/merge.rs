//! How a document's entities join the corpus's: the merge policy.
//!
//! The store carries out this plan; what merges with what is decided here,
//! purely from the extraction. Entities merge across documents by normalised
//! canonical name and type, except a single-token person name ("Naim"): it
//! never merges two documents' people. It joins a multi-token person of the
//! same document whose surname it is ("Basem Naim"), or else stays scoped to
//! its document. A name the user's alias table knows goes where the table
//! says. Mentions are stored as aliases without a possessive; the extractor's
//! own aliases keep their titles, a name mention loses them.

use std::collections::BTreeMap;

use crate::model::{normalize, EntityType, Extraction};

/// Where one local entity goes in the corpus.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// A name of the user's alias table (of the entity's name or an alias): the table decides.
    User,
    /// The corpus-wide entity of this canonical name and type.
    Corpus,
    /// The same entity as an earlier local entity of the plan (a surname joining its full name).
    SameAs(usize),
    /// An entity of this document only (a lone surname with no full name here).
    Document,
}

/// Where an alias of an entity comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AliasSource {
    /// The canonical name.
    Name,
    /// A name the document uses for it, titles and possessive stripped.
    Mention,
    /// A person's last name.
    Surname,
}

impl AliasSource {
    /// The `alias.source` value.
    pub fn as_str(self) -> &'static str {
        match self {
            AliasSource::Name => "name",
            AliasSource::Mention => "mention",
            AliasSource::Surname => "surname",
        }
    }
}

/// One local entity's placement: where it goes and the aliases it brings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Placement {
    /// Index into [`Extraction::entities`].
    pub local: usize,
    pub target: Target,
    pub aliases: Vec<(String, AliasSource)>,
}

/// The placements of a document's entities, in the order they must be
/// written: every [`Target::SameAs`] names a placement earlier in the list.
/// `is_user_name` tells whether the user's alias table knows a name.
pub fn plan(x: &Extraction, is_user_name: impl Fn(&str) -> bool) -> Vec<Placement> {
    let lone = |i: usize| {
        let e = &x.entities[i];
        e.entity_type == EntityType::Person && is_single_token(&e.name) && !is_user_name(&e.name)
    };
    // Multi-token names and non-persons first, so that a lone surname can
    // join the full name of the same document.
    let order = (0..x.entities.len()).filter(|&i| !lone(i)).chain((0..x.entities.len()).filter(|&i| lone(i)));
    let mut surnames: BTreeMap<String, usize> = BTreeMap::new();
    let mut out = Vec::with_capacity(x.entities.len());
    for i in order {
        let e = &x.entities[i];
        let target = if std::iter::once(&e.name).chain(&e.aliases).any(|n| is_user_name(n)) {
            Target::User
        } else if lone(i) {
            surnames.get(&normalize(&e.name)).map_or(Target::Document, |&j| Target::SameAs(j))
        } else {
            Target::Corpus
        };
        let mut aliases = vec![(e.name.clone(), AliasSource::Name)];
        // The extractor's aliases are kept as written: titled forms ("Deputy
        // Commissioner Alan Moyer") are aliases too (extract/names.rs decides
        // what the name is).
        aliases.extend(e.aliases.iter().map(|a| (strip_possessive(a).to_string(), AliasSource::Mention)));
        if e.entity_type == EntityType::Person && !is_single_token(&e.name) {
            if let Some(last) = e.name.split_whitespace().last() {
                aliases.push((last.to_string(), AliasSource::Surname));
                surnames.entry(normalize(last)).or_insert(i);
            }
        }
        out.push(Placement { local: i, target, aliases });
    }
    out
}

/// A mention's text without the leading words that are not part of the
/// canonical name ("Dr. Basem Naim" -> "Basem Naim") and without a possessive.
pub fn strip_title(mention: &str, canonical: &str) -> String {
    let canon: Vec<String> = canonical.split_whitespace().map(normalize).collect();
    let words: Vec<&str> = mention.split_whitespace().collect();
    let first = words.iter().position(|w| canon.contains(&normalize(strip_possessive(w)))).unwrap_or(0);
    // Invariant: `first` is a position in `words` (or 0, and `words[0..]` of an empty list is empty).
    let kept = words[first..].join(" ");
    strip_possessive(&kept).to_string()
}

fn strip_possessive(s: &str) -> &str {
    s.strip_suffix("'s").or_else(|| s.strip_suffix("\u{2019}s")).or_else(|| s.strip_suffix('\u{2019}')).unwrap_or(s)
}

fn is_single_token(name: &str) -> bool {
    name.split_whitespace().count() == 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Entity;

    fn person(name: &str, aliases: &[&str]) -> Entity {
        Entity {
            name: name.into(),
            entity_type: EntityType::Person,
            mentions: vec![],
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            roles: vec![],
        }
    }

    #[test]
    fn titles_and_possessives_are_stripped_from_mentions() {
        assert_eq!(strip_title("Dr. Basem Naim", "Basem Naim"), "Basem Naim");
        assert_eq!(strip_title("President Trump\u{2019}s", "Donald Trump"), "Trump");
        assert_eq!(strip_title("the White House", "White House"), "White House");
        assert_eq!(strip_title("", "White House"), "");
    }

    #[test]
    fn a_lone_surname_joins_the_full_name_of_its_document_else_stays_in_it() {
        let x = Extraction {
            entities: vec![person("Naim", &[]), person("Basem Naim", &["Dr. Basem Naim"]), person("Smith", &[])],
            ..Default::default()
        };
        let p = plan(&x, |_| false);
        let by_local: BTreeMap<usize, &Placement> = p.iter().map(|p| (p.local, p)).collect();
        assert_eq!(p[0].local, 1, "full names are placed first");
        assert_eq!(by_local[&1].target, Target::Corpus);
        assert_eq!(by_local[&0].target, Target::SameAs(1));
        assert_eq!(by_local[&2].target, Target::Document);
        assert_eq!(
            by_local[&1].aliases,
            vec![
                ("Basem Naim".to_string(), AliasSource::Name),
                ("Dr. Basem Naim".to_string(), AliasSource::Mention),
                ("Naim".to_string(), AliasSource::Surname)
            ]
        );
    }

    #[test]
    fn the_user_alias_table_decides_for_the_names_it_knows() {
        let x = Extraction { entities: vec![person("Naim", &[]), person("Basem Naim", &[])], ..Default::default() };
        let p = plan(&x, |n| n == "Naim");
        assert!(p.iter().all(|p| if p.local == 0 { p.target == Target::User } else { p.target == Target::Corpus }));
    }
}
