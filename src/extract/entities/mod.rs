//! Named-entity mentions and their clustering within one document.
//!
//! Rules, in order:
//! 1. runs of capitalised words (with "of", "for", "&", "de", "bin" ... inside
//!    organisation and place names) are name candidates;
//! 2. a capitalised common word that starts a sentence or sits in a
//!    title-case headline is not a name ("Police said", "Senior Hamas
//!    official"), nor is a lone title ("the President"), day or demonym;
//! 3. a leading title ("Dr.", "President", "Prime Minister") is cut off the
//!    name and makes it a person; whatever stands before the title ("US",
//!    "Israeli") is its affiliation;
//! 4. the type comes from the known-organisation list, organisation words
//!    ("Ministry", "University"), place words ("River", "County"), the place
//!    gazetteer, a forename, an acronym, or the context (a reporting verb
//!    after, a role noun before, "in"/"at" before); where these rules are
//!    not sure, a small averaged-perceptron model over the name's words,
//!    shape, context and lexicon hits (`data/entity_types.tsv`, trained on
//!    GUM by `examples/train_entity_types.rs`) decides, summed over all the
//!    mentions of an entity; it may also say "none" (not a name at all);
//! 5. within the document "Dr. Basem Naim" = "Basem Naim" = "Naim", "U.S." =
//!    "United States", "NASA" = "National Aeronautics and Space
//!    Administration"; the canonical name is the longest form without title;
//! 6. roles and affiliations from appositives ("James Hewitt, White House
//!    spokesperson") and pre-modifiers ("Senior Hamas official Dr. Basem Naim").

//!
//! Modules, in pipeline order: [`candidates`] (rules 1-3), [`classify`] (rule
//! 4 without the model), [`typing`] (the model), [`cluster`] (rule 5),
//! [`roles`] (rule 6) and [`gender`] (for pronoun resolution in
//! [`super::coref`]); [`lexicon`] loads their word lists.

mod candidates;
mod classify;
mod cluster;
mod gender;
mod lexicon;
mod nominal_orgs;
mod roles;
mod typing;

pub(crate) use gender::{person_gender, Gender};
pub use typing::{candidate_features, CLASSES};

#[cfg(test)]
pub(crate) use lexicon::check;

use candidates::candidates;
use cluster::{canonical_name, cluster};
use lexicon::HashMap;
use roles::roles;

use super::{names, Analysis};
use crate::model::{Entity, EntityType, Extraction, LocalEntityId, Mention, MentionKind, Span};

/// A name found in the text, before clustering.
#[derive(Clone, Debug)]
struct Cand {
    /// Token range of the name itself (title excluded).
    start: usize,
    end: usize,
    /// First token of a title before the name ("Dr.", "Prime Minister").
    title: Option<usize>,
    ty: EntityType,
    /// How sure the type is: 3 lexicon/structure, 2 cue, 1 context, 0 default.
    strength: u8,
}

fn c_span(a: &Analysis, c: &Cand) -> Span {
    a.tokens[c.start].span.cover(a.tokens[c.end - 1].span)
}

/// The mention's span: the name with its title ("Dr. Basem Naim").
fn m_span(a: &Analysis, c: &Cand) -> Span {
    a.tokens[c.title.unwrap_or(c.start)].span.cover(a.tokens[c.end - 1].span)
}

fn c_text<'t>(a: &Analysis<'t>, c: &Cand) -> &'t str {
    c_span(a, c).slice(a.text)
}

/// Finds named mentions, clusters them into entities and reads their roles.
pub fn find(a: &Analysis) -> Extraction {
    let (info, mut cands) = candidates(a);
    // The type model, where trained, weighs in; rule evidence is added as a boost.
    let model = typing::model_scores(a, &info, &cands);
    typing::retype(&mut cands, &model);
    let (roots, n) = cluster(a, &cands);
    // Entity type: the strongest evidence wins; ties go to person > org > place > other.
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut group_of: HashMap<usize, usize> = HashMap::default();
    for (i, &r) in roots.iter().enumerate().take(n) {
        let g = *group_of.entry(r).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[g].push(i);
    }
    let mut x = Extraction::default();
    for g in &groups {
        let ty = if model.is_empty() { classify::group_type(&cands, g) } else { typing::group_type(&model, &cands, g) };
        // Unknown single words with no evidence are left out.
        if ty == EntityType::Other && g.iter().all(|&i| cands[i].strength == 0 && cands[i].end - cands[i].start == 1) {
            let w = a.tok(cands[g[0]].start);
            if !a.text.is_empty() && !info.is_mid_cap(a, w) {
                continue;
            }
        }
        let id = LocalEntityId(x.entities.len() as u32);
        let mut forms: Vec<&str> = g.iter().map(|&i| c_text(a, &cands[i])).collect();
        let mut canonical = canonical_name(a, &cands, g, ty);
        // "Democrats" are the Democratic Party.
        if let Some(p) = names::party(&canonical) {
            forms.push(c_text(a, &cands[g[0]]));
            canonical = p.to_string();
        }
        // Titled forms are aliases too: `entity "Alan Moyer"` finds "Deputy Commissioner Alan Moyer".
        forms.extend(g.iter().filter(|&&i| cands[i].title.is_some()).map(|&i| m_span(a, &cands[i]).slice(a.text)));
        forms.sort_unstable();
        forms.dedup();
        let mut aliases: Vec<String> = forms.iter().filter(|f| **f != canonical).map(|f| f.to_string()).collect();
        if ty == EntityType::Person {
            if let Some(sur) = canonical.split(' ').next_back().filter(|_| canonical.contains(' ')) {
                if !aliases.iter().any(|s| s == sur) {
                    aliases.push(sur.to_string());
                }
            }
        }
        aliases.sort();
        let mut mentions = Vec::new();
        for &i in g {
            mentions.push(x.mentions.len() as u32);
            x.mentions.push(Mention { span: m_span(a, &cands[i]), kind: MentionKind::Name, entity: Some(id) });
        }
        x.entities.push(Entity { name: canonical, entity_type: ty, mentions, aliases, roles: Vec::new() });
    }
    sort_mentions(&mut x);
    roles(a, &cands, &mut x);
    x
}

/// Sorts mentions by span and remaps the entities' indices.
fn sort_mentions(x: &mut Extraction) {
    let mut order: Vec<usize> = (0..x.mentions.len()).collect();
    order.sort_by_key(|&i| (x.mentions[i].span, x.mentions[i].entity));
    let mut new_index = vec![0u32; order.len()];
    for (new, &old) in order.iter().enumerate() {
        new_index[old] = new as u32;
    }
    x.mentions = order.iter().map(|&i| x.mentions[i]).collect();
    for e in &mut x.entities {
        for m in &mut e.mentions {
            *m = new_index[*m as usize];
        }
        e.mentions.sort_unstable();
    }
}

/// The named mention whose span contains or overlaps `span`, preferring the largest overlap.
/// "Armenians", "Azerbaijanis": a demonym in the plural (people of a place, not a name).
pub fn is_plural_demonym(w: &str) -> bool {
    w.strip_suffix('s').is_some_and(|s| lexicon::LEX.demonyms.contains_key(s))
}

pub fn mention_at(x: &Extraction, span: Span) -> Option<&Mention> {
    let i = x.mentions.partition_point(|m| m.span.end <= span.start);
    // Invariant: a partition point is at most the length.
    x.mentions[i..]
        .iter()
        .take_while(|m| m.span.start < span.end)
        .filter(|m| m.kind == MentionKind::Name && m.span.overlaps(span))
        .max_by_key(|m| {
            let s = m.span.start.max(span.start);
            let e = m.span.end.min(span.end);
            (e - s, std::cmp::Reverse(m.span.start))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ents(text: &str) -> Vec<(String, &'static str, Vec<String>)> {
        let a = Analysis::new(text);
        let x = find(&a);
        x.entities
            .iter()
            .filter(|e| !e.mentions.is_empty())
            .map(|e| {
                (
                    e.name.clone(),
                    e.entity_type.as_str(),
                    e.mentions.iter().map(|&m| x.mentions[m as usize].span.slice(text).to_string()).collect(),
                )
            })
            .collect()
    }

    fn find_ent<'e>(v: &'e [(String, &'static str, Vec<String>)], name: &str) -> &'e (String, &'static str, Vec<String>) {
        v.iter().find(|e| e.0 == name).unwrap_or_else(|| panic!("{name} not in {v:?}"))
    }

    #[test]
    fn title_is_cut_and_makes_a_person() {
        let v = ents("The talks were confirmed by Dr. Basem Naim on Monday. Naim said more.");
        let e = find_ent(&v, "Basem Naim");
        assert_eq!(e.1, "person");
        assert_eq!(e.2, ["Dr. Basem Naim", "Naim"]);
    }

    #[test]
    fn known_orgs_places_and_words() {
        let v = ents("Officials at the White House met NATO envoys in Egypt. Police said the Ministry of Defence agreed.");
        assert_eq!(find_ent(&v, "White House").1, "organization");
        assert_eq!(find_ent(&v, "NATO").1, "organization");
        assert_eq!(find_ent(&v, "Egypt").1, "place");
        assert_eq!(find_ent(&v, "Ministry of Defence").1, "organization");
        assert!(v.iter().all(|e| e.0 != "Police" && e.0 != "Officials"), "{v:?}");
    }

    #[test]
    fn place_aliases_cluster() {
        let v = ents("The United States said so. The U.S. later agreed, and the US confirmed.");
        let e = find_ent(&v, "United States");
        assert_eq!(e.2.len(), 3);
    }

    #[test]
    fn demonyms_are_not_names() {
        let v = ents("An Israeli soldier and Egyptian mediators met.");
        assert!(v.is_empty(), "{v:?}");
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        for t in [
            "",
            " ",
            "A",
            "Dr.",
            "Dr. ",
            "The",
            "“Mr.”",
            "U.S.-",
            "of the and",
            "President",
            "ÉLAN Ärzte Über",
            "X\n\nY Z.",
            "NASA NASA",
            "'s 's",
        ] {
            let a = Analysis::new(t);
            let x = find(&a);
            for m in &x.mentions {
                assert!(m.span.end() <= t.len());
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn any_text_gives_valid_spans(t in "[A-Za-z .,'\"“”\n-]{0,80}") {
            let a = Analysis::new(&t);
            let x = find(&a);
            for e in &x.entities {
                for &m in &e.mentions {
                    let sp = x.mentions[m as usize].span;
                    proptest::prop_assert!(sp.end() <= t.len() && t.is_char_boundary(sp.start()) && t.is_char_boundary(sp.end()));
                }
            }
        }
    }

    #[test]
    fn acronyms_and_abstract_nouns_are_not_people() {
        let v = ents("Critics of Scientology met. Scientology said the DAB and Scientology disagreed, the DAB said.");
        assert_ne!(find_ent(&v, "Scientology").1, "person", "{v:?}");
        assert_ne!(find_ent(&v, "DAB").1, "person", "{v:?}");
    }

    #[test]
    fn known_products_and_events_are_other() {
        let v = ents("Users of Internet Explorer watched the World Cup. Internet Explorer crashed.");
        assert_eq!(find_ent(&v, "Internet Explorer").1, "other", "{v:?}");
        assert_eq!(find_ent(&v, "World Cup").1, "other", "{v:?}");
    }

    #[test]
    fn countries_as_teams_are_organisations() {
        let v = ents("In the final, Sweden beat Mexico after Mexico's coach resigned. Fans in Sweden celebrated.");
        assert_eq!(find_ent(&v, "Mexico").1, "organization", "{v:?}");
    }

    #[test]
    fn acronym_joins_its_long_form() {
        let v = ents("The National Aeronautics and Space Administration said on Friday that NASA would launch.");
        let e = find_ent(&v, "National Aeronautics and Space Administration");
        assert_eq!(e.2.len(), 2, "{v:?}");
    }
}
