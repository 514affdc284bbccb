//! Resolving speaker mentions (names, pronouns, nominals) to entities.
//!
//! A speaker span that overlaps a name resolves to that name's entity (a
//! person inside it first: "White House spokesman James Hewitt"). A pronoun
//! resolves to the best preceding named entity of a compatible gender and
//! number, scored by recency, by having spoken before and by being a
//! sentence subject. A nominal ("the spokesperson", "a spokesman for the
//! ministry", "Hamas officials") resolves to a person whose role matches its
//! head noun, else to the organisation or place named inside it, else to
//! nothing. Resolved pronouns and nominals become mentions of their entity.

use std::cell::OnceCell;

use super::entities::{self, Gender};
use super::quotes::Candidate;
use super::role_match::{person_named_later, person_with_role, role_base};
use super::Analysis;
use super::{furniture, nonspeakers, speaker_words};
use crate::model::{EntityType, Extraction, LocalEntityId, Mention, MentionKind, Quote, QuoteKind, Span, Speaker};
use crate::text::TokenKind;

/// Turns quote candidates into quotes with resolved speakers, sorted by content start.
pub fn attach(a: &Analysis, x: &mut Extraction, candidates: Vec<Candidate>) {
    let mut resolved: Vec<Option<LocalEntityId>> = Vec::with_capacity(candidates.len());
    let mut speakers: Vec<(usize, LocalEntityId)> = Vec::new();
    let mut added: Vec<Mention> = Vec::new();
    // `x` does not change until the loop ends, so neither do the entities' genders.
    let genders = Genders::new(x);
    for c in &candidates {
        let entity = match (c.carried_from, c.speaker) {
            (Some(i), _) if i < resolved.len() && resolved[i].is_some() => resolved[i],
            (_, Some(span)) => {
                let r = resolve_with(a, x, span, &speakers, &genders);
                if let Some((e, kind)) = r {
                    if kind != MentionKind::Name {
                        added.push(Mention { span, kind, entity: Some(e) });
                    }
                }
                r.map(|(e, _)| e)
            }
            (None, None) if c.kind == QuoteKind::Direct => sole_person_before(a, x, c.content.start()),
            _ => None,
        };
        if let (Some(e), Some(span)) = (entity, c.speaker) {
            speakers.push((span.start(), e));
        }
        resolved.push(entity);
    }
    let excluded = furniture::excluded(a.text);
    for (c, entity) in candidates.into_iter().zip(resolved) {
        // "What do you think ...?": the hearer of a question is no speaker.
        if c.speaker.is_some_and(|s| nonspeakers::is_hearer(s.slice(a.text))) {
            continue;
        }
        // "announced his resignation", "claimed responsibility": an act, not a statement.
        let cue_text = c.cue.map_or("", |s| s.slice(a.text));
        if c.kind == QuoteKind::Indirect && nonspeakers::is_act_object(cue_text, c.content.slice(a.text)) {
            continue;
        }
        // Link lines and interview answers are not the article's quotes.
        let at = c.content.start();
        let direct_with_cue = c.kind != QuoteKind::Indirect && c.cue.is_some();
        if excluded.iter().any(|&(s, e, keep_direct)| s <= at && at < e && !(keep_direct && direct_with_cue)) {
            continue;
        }
        let speaker = match (c.speaker, entity) {
            (None, None) => None,
            (mention, entity) => Some(Speaker { mention, entity }),
        };
        x.quotes.push(Quote {
            kind: c.kind,
            content: c.content,
            fragments: c.fragments,
            speaker,
            cue: c.cue,
            confidence: c.confidence,
            rule: c.rule.name(),
            trail: c.trail,
        });
    }
    x.quotes.sort_by_key(|q| (q.content.start, q.content.end));
    x.quotes = one_attribution_per_content(std::mem::take(&mut x.quotes));
    add_mentions(x, added);
}

/// Nested frames ("X suggested in a July tweet that ...") can attribute the same
/// words twice, and so can a sentence repeated around its cue ("A began, X
/// described, B began, X described, C": the second parenthetical's left part
/// is the first quote's whole span, issue 15's soak). One content span gets
/// one quote, whatever its kind or fragments: the most confident, then one
/// whose speaker resolved, then the cue nearest the content; on a full tie
/// the first the finders gave (the sort is stable). `quotes` is sorted by span.
fn one_attribution_per_content(quotes: Vec<Quote>) -> Vec<Quote> {
    fn rank(q: &Quote) -> (u32, bool, std::cmp::Reverse<u32>) {
        let gap = q.cue.map_or(u32::MAX, |c| {
            if c.end <= q.content.start {
                q.content.start - c.end
            } else {
                c.start.saturating_sub(q.content.end)
            }
        });
        ((q.confidence * 1e4) as u32, q.speaker.is_some_and(|s| s.entity.is_some()), std::cmp::Reverse(gap))
    }
    let mut kept: Vec<Quote> = Vec::with_capacity(quotes.len());
    for q in quotes {
        // Sorted by span, so a quote of the same content is the last one kept.
        match kept.last_mut().filter(|k| k.content == q.content) {
            Some(k) => {
                if rank(&q) > rank(k) {
                    *k = q;
                }
            }
            None => kept.push(q),
        }
    }
    kept
}

/// Adds pronoun and nominal mentions, keeping mentions sorted and entity indices right.
fn add_mentions(x: &mut Extraction, added: Vec<Mention>) {
    let mut fresh = 0;
    for m in added {
        if x.mentions.iter().any(|o| o.span == m.span) {
            continue;
        }
        x.mentions.push(m);
        fresh += 1;
    }
    if fresh == 0 {
        return;
    }
    let mut order: Vec<usize> = (0..x.mentions.len()).collect();
    order.sort_by_key(|&i| (x.mentions[i].span, x.mentions[i].kind, x.mentions[i].entity));
    x.mentions = order.iter().map(|&i| x.mentions[i]).collect();
    for e in &mut x.entities {
        e.mentions.clear();
    }
    for (i, m) in x.mentions.iter().enumerate() {
        if let Some(e) = m.entity {
            x.entities[e.0 as usize].mentions.push(i as u32);
        }
    }
}

/// What a pronoun can refer to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Want {
    Person(Option<Gender>),
    /// "they", "we": an organisation or a group; a person as a last resort.
    Group,
    /// "it": an organisation or place.
    Thing,
}

fn pronoun(w: &str) -> Option<Want> {
    Some(match w.to_lowercase().as_str() {
        "he" | "him" | "his" => Want::Person(Some(Gender::Male)),
        "she" | "her" | "hers" => Want::Person(Some(Gender::Female)),
        "i" | "me" => Want::Person(None),
        "they" | "them" | "their" | "we" | "us" => Want::Group,
        "it" | "its" => Want::Thing,
        _ => return None,
    })
}

/// No name mention is longer than this many bytes.
const MAX_NAME_BYTES: usize = 256;
/// How many of the latest speakers count as "recent" for pronouns.
const RECENT_SPEAKERS: usize = 24;

/// `entities::person_gender` of each entity, computed on first use: a pronoun
/// asks it of every name mention in six sentences, and it scans all of the
/// entity's mentions.
struct Genders(Vec<OnceCell<Option<Gender>>>);

impl Genders {
    fn new(x: &Extraction) -> Self {
        Genders(vec![OnceCell::new(); x.entities.len()])
    }

    fn of(&self, a: &Analysis, x: &Extraction, e: LocalEntityId) -> Option<Gender> {
        *self.0[e.0 as usize].get_or_init(|| entities::person_gender(a, x, e))
    }
}

/// Resolves a speaker span to an entity and says what kind of mention it is.
fn resolve_with(
    a: &Analysis,
    x: &Extraction,
    span: Span,
    speakers: &[(usize, LocalEntityId)],
    genders: &Genders,
) -> Option<(LocalEntityId, MentionKind)> {
    // "Other Republicans", "People in the Trump administration": a group that names no one.
    // "Some Democrats said": the quantifier may stand just before the subject span,
    // in its sentence.
    let first_tok = a.token_at_or_after(span.start());
    // Invariant: `first_tok <= tokens.len()`, so `p = first_tok - 1` indexes a token.
    let quantified = first_tok.checked_sub(1).is_some_and(|p| {
        a.sentence_at(a.tokens[p].span.start()) == a.sentence_at(span.start()) && nonspeakers::is_group_opener(a.tok(p))
    });
    if quantified || nonspeakers::anonymous_group(span.slice(a.text).trim(), entities::is_plural_demonym) {
        return None;
    }
    // A name inside: a person first.
    // Mentions are sorted by start: look only near the span (long documents stay linear).
    // Invariant: partition points are at most the length, and `lo <= hi` (searched in `..hi`).
    let hi = x.mentions.partition_point(|m| m.span.start < span.end);
    let lo = x.mentions[..hi].partition_point(|m| m.span.start() + MAX_NAME_BYTES < span.start());
    // Invariant: as above, `lo <= hi <= len`.
    let names: Vec<&Mention> =
        x.mentions[lo..hi].iter().filter(|m| m.kind == MentionKind::Name && m.span.overlaps(span)).collect();
    // "The Lee campaign": not the person inside a larger name.
    let inner = |m: &Mention| names.iter().any(|o| o.span != m.span && o.span.contains(m.span));
    let person = |m: &&&Mention| m.entity.is_some_and(|e| x.entity(e).entity_type == EntityType::Person) && !inner(m);
    if let Some(m) = names.iter().find(person) {
        return m.entity.map(|e| (e, MentionKind::Name));
    }
    let text = span.slice(a.text).trim();
    // "a Twitter post by Amy Cook": a document with a name inside, its issuer named after it.
    if nonspeakers::document_headed(text) {
        if let Some(e) = issuer_after(a, x, span) {
            return Some((e, MentionKind::Nominal));
        }
    }
    if let Some(want) = pronoun(text) {
        return resolve_pronoun(a, x, span.start(), want, speakers, genders).map(|e| (e, MentionKind::Pronoun));
    }
    // "The prime minister, Boris Johnson, tweeted": a nominal with the name in apposition.
    // With a name inside ("The mayor of London, Sadiq Khan,"), only a person in apposition.
    if let Some(e) = appositive_name(a, x, span) {
        if names.is_empty() || x.entity(e).entity_type == EntityType::Person {
            return Some((e, MentionKind::Nominal));
        }
    }
    // "the FAA and the NTSB, with the latter confirming": the last of the names before it.
    if text.eq_ignore_ascii_case("the latter") {
        let before = x.mentions.partition_point(|m| m.span.start() < span.start());
        let here = a.sentence_at(span.start());
        // Invariant: a partition point is at most the length.
        return x.mentions[..before]
            .iter()
            .rev()
            .take_while(|m| a.sentence_at(m.span.start()) == here)
            .find(|m| m.kind == MentionKind::Name)
            .and_then(|m| m.entity)
            .map(|e| (e, MentionKind::Nominal));
    }
    // "Thames Valley Police said ... Police also announced": a bare "police" is the force named before.
    if text.trim_start_matches("the ").trim_start_matches("The ").eq_ignore_ascii_case("police") {
        return named_force(x, span.start()).map(|e| (e, MentionKind::Nominal));
    }
    // "others, including Fox News reporter Jennifer Griffin, confirmed": the person included.
    if let Some(e) = included_person(a, x, span) {
        return Some((e, MentionKind::Nominal));
    }
    // "CNN, who reported", "Mark Hay, a marine ecologist, who said": the relative pronoun's antecedent.
    if text.eq_ignore_ascii_case("who") {
        return antecedent_of_who(a, x, span.start()).map(|e| (e, MentionKind::Pronoun));
    }
    // "her letter", "its press release": the possessor speaks.
    if let Some(want) = nonspeakers::possessor(text).and_then(pronoun) {
        return resolve_pronoun(a, x, span.start(), want, speakers, genders).map(|e| (e, MentionKind::Nominal));
    }
    // "The advisory noted", "a memo posted by Senator X": the document's issuer speaks.
    if names.is_empty() && nonspeakers::unowned_document(text) {
        if let Some(e) = document_issuer(a, x, span, speakers) {
            return Some((e, MentionKind::Nominal));
        }
    }
    // A nominal: a person with a matching role, else the organisation named inside.
    let first = a.token_at_or_after(span.start());
    let last = a.token_at_or_after(span.end()).saturating_sub(1);
    let head = (first..=last.max(first))
        .rev()
        .filter(|&i| i < a.tokens.len() && a.tokens[i].kind == TokenKind::Word)
        .map(|i| a.tok(i))
        .find(|w| w.chars().next().is_some_and(char::is_lowercase))
        .filter(|_| names.iter().all(|m| m.span.end() < span.end()));
    let org = names.iter().find_map(|m| m.entity.filter(|&e| x.entity(e).entity_type != EntityType::Person)).or_else(|| {
        // "a spokesman for the ministry": the organisation a common noun names.
        let nouns: Vec<&str> = (first..=last.min(a.tokens.len().saturating_sub(1))).map(|i| a.tok(i)).collect();
        recent_org_by_word(x, span.start(), &nouns)
    });
    // "The mayor of Thunder Bay": one person of the place, not the place, when the name ends the span.
    if head.is_none() && org.is_some_and(|e| x.entity(e).entity_type == EntityType::Place) {
        let singular_role = (first..=last.min(a.tokens.len().saturating_sub(1)))
            .map(|i| a.tok(i))
            .any(|w| head_is_singular_person(w) && super::lexicon::lexicon().speaker_nouns.contains(w));
        if singular_role {
            return None;
        }
    }
    if let Some(h) = head {
        let base = role_base(h);
        // "Hamas officials" are the organisation, not one official.
        let plural = !head_is_singular_person(h) || h.starts_with("spokespe") && h.ends_with("ople");
        if let Some(p) = person_with_role(x, span.start(), base, org, speakers).filter(|_| !plural) {
            return Some((p, MentionKind::Nominal));
        }
        // "Actress Denise Crosby ... The actress recalled": the person the word titled before.
        if let Some(p) = person_titled(a, x, span.start(), h).filter(|_| !plural && org.is_none()) {
            return Some((p, MentionKind::Nominal));
        }
        // "the company said": the organisation named last, close by.
        if org.is_none() && is_definite(a, span) && speaker_words::ORGANISATION_NOMINALS.has(h) {
            return nearest_org(a, x, span.start()).map(|e| (e, MentionKind::Nominal));
        }
        // "the mayor of Yartsevo", "Chelyabinsk's governor": a person, not the place;
        // the person with that role named later, if any ("Regional governor Boris Dubrovsky").
        let place = org.is_some_and(|e| x.entity(e).entity_type == EntityType::Place);
        if head_is_singular_person(h) && (org.is_none() || place) {
            return person_named_later(x, span.end(), base, org).map(|p| (p, MentionKind::Nominal));
        }
    }
    org.map(|e| (e, MentionKind::Nominal))
}

/// Whether the phrase at `span` starts with "the" (any case).
fn is_definite(a: &Analysis, span: Span) -> bool {
    span.slice(a.text).split_whitespace().next().is_some_and(|w| w.eq_ignore_ascii_case("the"))
}

/// At most this many words between a document and the name of its issuer
/// ("a memo posted online by Senator X"); more is another clause.
const ISSUER_GAP_WORDS: usize = 5;

/// The issuer of a document with no possessor: a name after "by" or "from"
/// right after it ("a memo posted online by X", "a statement from the OECD"),
/// else the latest organisation, else the latest speaker, of the last
/// [`ORG_NOMINAL_SENTENCES`] sentences (organisations issue documents).
fn document_issuer(a: &Analysis, x: &Extraction, span: Span, speakers: &[(usize, LocalEntityId)]) -> Option<LocalEntityId> {
    let here = a.sentence_at(span.start())?;
    if let Some(e) = issuer_after(a, x, span) {
        return Some(e);
    }
    // "a statement released by the Supreme Court ... The statement ascribed": a
    // definite document is the one introduced before, with its issuer.
    let noun = span.slice(a.text).split_whitespace().next_back().unwrap_or("");
    if is_definite(a, span) {
        let lo = a.token_at_or_after(span.start().saturating_sub(ISSUER_REACH_BYTES));
        let first = a.token_at_or_after(span.start());
        let same = |k: usize| a.tok(k).eq_ignore_ascii_case(noun) || a.tok(k).eq_ignore_ascii_case(noun.trim_end_matches('s'));
        // The latest mention of the noun that names an issuer.
        // Invariant: `k < first <= tokens.len()`.
        if let Some(e) = (lo..first).rev().filter(|&k| same(k)).find_map(|k| issuer_after(a, x, a.tokens[k].span)) {
            return Some(e);
        }
    }
    let near = |pos: usize| a.sentence_at(pos).is_some_and(|s| s <= here && here - s <= ORG_NOMINAL_SENTENCES);
    let speaker = speakers.iter().filter(|s| s.0 < span.start() && near(s.0)).max_by_key(|s| s.0).map(|s| s.1);
    nearest_org(a, x, span.start()).or(speaker)
}

/// How far back "the statement" looks for the statement it repeats (a few paragraphs).
const ISSUER_REACH_BYTES: usize = 3_000;

/// The name after "by" or "from" just after a document ("a memo posted online
/// by X", "a statement from the OECD", "warning issued by Met Éireann"), in its sentence.
fn issuer_after(a: &Analysis, x: &Extraction, span: Span) -> Option<LocalEntityId> {
    let here = a.sentence_at(span.start())?;
    let sentence_end = a.sentences[here].span.end();
    let after = x.mentions.partition_point(|m| m.span.start() < span.end());
    // Invariant: a partition point is at most the length.
    let m = x.mentions[after..].iter().find(|m| m.kind == MentionKind::Name && m.span.start() < sentence_end)?;
    let gap: Vec<&str> = a.text.get(span.end()..m.span.start())?.split_whitespace().collect();
    let clean = gap.iter().all(|w| w.chars().all(|c| c.is_alphanumeric() || c == '-'));
    (clean && gap.len() <= ISSUER_GAP_WORDS && gap.iter().any(|w| matches!(*w, "by" | "from"))).then_some(m.entity).flatten()
}

/// For a quote with no cue: the one person named in the sentence before it,
/// in the same paragraph ("..., leaving Ingram unimpressed. \"One of them was
/// questionable.\""). `None` when that sentence names nobody or several people.
fn sole_person_before(a: &Analysis, x: &Extraction, pos: usize) -> Option<LocalEntityId> {
    let here = a.sentence_at(pos)?;
    let prev = here.checked_sub(1)?;
    let (sp, sh) = (&a.sentences[prev], &a.sentences[here]);
    if sp.paragraph != sh.paragraph {
        return None;
    }
    let lo = x.mentions.partition_point(|m| m.span.start() < sp.span.start());
    let hi = x.mentions.partition_point(|m| m.span.start() < sp.span.end());
    let mut person = None;
    // Invariant: mentions are sorted by start and a sentence starts before it ends, so `lo <= hi <= len`.
    for m in x.mentions[lo..hi].iter().filter(|m| m.kind == MentionKind::Name) {
        let Some(e) = m.entity.filter(|&e| x.entity(e).entity_type == EntityType::Person) else { continue };
        if person.is_some_and(|p| p != e) {
            return None;
        }
        person = Some(e);
    }
    person
}

/// The named entity right after `span` and a comma ("The prime minister, Boris Johnson, ..."),
/// closed by a comma, when `span` starts with a determiner.
fn appositive_name(a: &Analysis, x: &Extraction, span: Span) -> Option<LocalEntityId> {
    let first = span.slice(a.text).split_whitespace().next()?;
    if !speaker_words::APPOSITIVE_DETERMINERS.has(first) {
        return None;
    }
    let after = x.mentions.partition_point(|m| m.span.start() < span.end());
    let m = x.mentions.get(after).filter(|m| m.kind == MentionKind::Name)?;
    let gap = a.text.get(span.end()..m.span.start())?;
    let tail = a.text.get(m.span.end()..)?.trim_start();
    // Closed by a comma, or the name ends the sentence ("..., argued the lawyer, Ann Lee.").
    (gap.trim() == "," && (tail.starts_with(',') || tail.starts_with('.'))).then_some(m.entity).flatten()
}

/// The nearest named entity before `pos` in the same sentence: a person if
/// there is one within the sentence, else whatever was named last.
fn antecedent_of_who(a: &Analysis, x: &Extraction, pos: usize) -> Option<LocalEntityId> {
    let sentence = a.sentence_at(pos)?;
    let before = x.mentions.partition_point(|m| m.span.start() < pos);
    // Invariant: a partition point is at most the length.
    let in_sentence = x.mentions[..before]
        .iter()
        .rev()
        .take_while(|m| a.sentence_at(m.span.start()) == Some(sentence))
        .filter(|m| m.kind == MentionKind::Name)
        .filter_map(|m| m.entity);
    let mut last = None;
    for e in in_sentence {
        if x.entity(e).entity_type == EntityType::Person {
            return Some(e);
        }
        last = last.or(Some(e));
    }
    last
}

fn head_is_singular_person(h: &str) -> bool {
    !h.ends_with('s') || matches!(h, "boss" | "actress")
}

/// The person named last in ", including ... ," right after `span` ("others,
/// including Fox News reporter Jennifer Griffin, confirmed").
fn included_person(a: &Analysis, x: &Extraction, span: Span) -> Option<LocalEntityId> {
    let rest = a.text.get(span.end()..)?;
    let gap = rest.len() - rest.trim_start_matches([',', ' ']).len();
    if !rest.get(gap..)?.starts_with("including ") {
        return None;
    }
    let close = rest.get(gap..)?.find(',')? + gap + span.end();
    let from = x.mentions.partition_point(|m| m.span.start() < span.end());
    let to = x.mentions.partition_point(|m| m.span.start() < close);
    // Invariant: partition points are at most the length; `from <= to` as `span.end() <= close`.
    // The name closing the appositive is its head ("Fox News reporter Jennifer Griffin").
    x.mentions[from..to]
        .iter()
        .filter(|m| m.kind == MentionKind::Name)
        .filter_map(|m| m.entity.filter(|&e| x.entity(e).entity_type == EntityType::Person))
        .next_back()
}

/// The organisation named last before `pos` whose name ends in "Police"
/// ("Thames Valley Police"), the force a bare "police" refers to.
fn named_force(x: &Extraction, pos: usize) -> Option<LocalEntityId> {
    let before = x.mentions.partition_point(|m| m.span.start() < pos);
    let from = x.mentions.partition_point(|m| m.span.start() + TITLED_REACH_BYTES < pos);
    // Invariant: partition points are at most the length, and `from <= before`.
    x.mentions[from..before].iter().rev().filter(|m| m.kind == MentionKind::Name).find_map(|m| {
        let e = m.entity.filter(|&e| x.entity(e).entity_type == EntityType::Organization)?;
        x.entity(e).name.split(' ').next_back().is_some_and(|w| w == "Police").then_some(e)
    })
}

/// How far back a title introduces the person "the actress" refers to: a long
/// article (the search stays linear in a document with no line break).
const TITLED_REACH_BYTES: usize = 20_000;

/// The person named last before `pos` right after the word `title`
/// ("Actress Denise Crosby", "archbishop Jorge Scheinig"), in any case.
fn person_titled(a: &Analysis, x: &Extraction, pos: usize, title: &str) -> Option<LocalEntityId> {
    let before = x.mentions.partition_point(|m| m.span.start() < pos);
    let from = x.mentions.partition_point(|m| m.span.start() + TITLED_REACH_BYTES < pos);
    // Invariant: partition points are at most the length, and `from <= before` (same order, earlier bound).
    x.mentions[from..before].iter().rev().filter(|m| m.kind == MentionKind::Name).find_map(|m| {
        let e = m.entity.filter(|&e| x.entity(e).entity_type == EntityType::Person)?;
        let word = a.text.get(..m.span.start())?.split_whitespace().next_back()?;
        word.eq_ignore_ascii_case(title).then_some(e)
    })
}

pub(super) fn last_mention_before(x: &Extraction, e: LocalEntityId, pos: usize) -> Option<usize> {
    // An entity's mentions are in text order.
    let ms = &x.entity(e).mentions;
    let i = ms.partition_point(|&m| x.mentions[m as usize].span.start() < pos);
    i.checked_sub(1).map(|k| x.mentions[ms[k] as usize].span.start())
}

/// The organisation named last before `pos`, at most [`ORG_NOMINAL_SENTENCES`] sentences back.
fn nearest_org(a: &Analysis, x: &Extraction, pos: usize) -> Option<LocalEntityId> {
    let here = a.sentence_at(pos)?;
    let before = x.mentions.partition_point(|m| m.span.start() < pos);
    // Invariant: a partition point is at most the length.
    x.mentions[..before]
        .iter()
        .rev()
        .take_while(|m| a.sentence_at(m.span.start()).is_some_and(|s| here - s.min(here) <= ORG_NOMINAL_SENTENCES))
        .filter(|m| m.kind == MentionKind::Name)
        .filter_map(|m| m.entity)
        .find(|&e| x.entity(e).entity_type == EntityType::Organization)
}

/// "The company" refers to an organisation of the last two sentences or so;
/// further back the text has usually moved on.
const ORG_NOMINAL_SENTENCES: usize = 2;

fn recent_org_by_word(x: &Extraction, pos: usize, words: &[&str]) -> Option<LocalEntityId> {
    let mut best: Option<(usize, LocalEntityId)> = None;
    for (i, e) in x.entities.iter().enumerate() {
        if e.entity_type != EntityType::Organization {
            continue;
        }
        let hit = words.iter().any(|w| {
            w.len() > 3
                && w.chars().next().is_some_and(char::is_lowercase)
                && e.name.split(' ').any(|n| n.eq_ignore_ascii_case(w) && super::lexicon::lexicon().org_words.contains(n))
        });
        if !hit {
            continue;
        }
        let id = LocalEntityId(i as u32);
        if let Some(p) = last_mention_before(x, id, pos) {
            if best.is_none_or(|b| p > b.0) {
                best = Some((p, id));
            }
        }
    }
    best.map(|b| b.1)
}

fn resolve_pronoun(
    a: &Analysis,
    x: &Extraction,
    pos: usize,
    want: Want,
    speakers: &[(usize, LocalEntityId)],
    genders: &Genders,
) -> Option<LocalEntityId> {
    let here = a.sentence_at(pos).unwrap_or(0);
    let mut best: Option<(i64, LocalEntityId)> = None;
    // "Speaking to Ann Lee of PBS, he said": the object of a fronted participle is not
    // the subject's referent; names in that phrase are skipped.
    let at = a.token_at_or_after(pos);
    // Invariant: `s.tokens.start + 1 < at <= a.tokens.len()`, so both token indices are in range.
    let fronted = a.sentences.get(here).is_some_and(|s| {
        at > s.tokens.start + 1
            && a.tok(at - 1) == ","
            && a.tok(s.tokens.start).ends_with("ing")
            && a.caps.get(s.tokens.start).copied().unwrap_or(false)
    });
    let adjunct_end = if fronted { pos } else { 0 };
    let before = x.mentions.partition_point(|m| m.span.start() < pos);
    // Invariant: a partition point is at most the length.
    for m in x.mentions[..before].iter().rev() {
        // Antecedents are at most six sentences back.
        if here.saturating_sub(a.sentence_at(m.span.start()).unwrap_or(0)) > 6 {
            break;
        }
        if m.kind != MentionKind::Name {
            continue;
        }
        let Some(e) = m.entity else { continue };
        if m.span.start() < adjunct_end && a.sentence_at(m.span.start()) == Some(here) {
            continue;
        }
        let ent = x.entity(e);
        let ok = match want {
            Want::Person(g) => {
                ent.entity_type == EntityType::Person
                    && match (g, genders.of(a, x, e)) {
                        (Some(w), Some(h)) => h == w || h == Gender::Either,
                        _ => true,
                    }
            }
            Want::Group => ent.entity_type == EntityType::Organization,
            Want::Thing => matches!(ent.entity_type, EntityType::Organization | EntityType::Place),
        };
        if !ok {
            continue;
        }
        let sent = a.sentence_at(m.span.start()).unwrap_or(0);
        let dist = here.saturating_sub(sent) as i64;
        if dist > 6 {
            break;
        }
        let mut score = -10 * dist;
        // A recent speaker (the last few quotes) is the likely "he".
        let recent = speakers.iter().rev().take(RECENT_SPEAKERS).any(|s| s.1 == e);
        if recent {
            score += 8;
        }
        // A sentence subject: the first word of its sentence.
        let subject = a
            .sentences
            .get(sent)
            .is_some_and(|s| s.tokens.start < a.tokens.len() && a.token_at_or_after(m.span.start()) <= s.tokens.start + 1);
        if subject {
            score += 5;
        }
        // "They said", "it said": an organisation only when it is what the text is about
        // (a recent speaker or a subject); one named in passing is rarely the antecedent,
        // and "they" is as often an unnamed group.
        if !matches!(want, Want::Person(_)) && !recent && !subject {
            continue;
        }
        // Same-sentence mention inside the quote's own clause is too close to be the speaker of "he said".
        if best.is_none_or(|b| score > b.0) {
            best = Some((score, e));
        }
    }
    best.map(|b| b.1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::QuoteKind;

    fn cand(text: &str, content: &str, speaker: Option<&str>, carried_from: Option<usize>) -> Candidate {
        let cs = text.find(content).unwrap();
        let speaker = speaker.map(|s| {
            let p = text[cs..].find(s).map(|p| p + cs).or_else(|| text.rfind(s)).unwrap();
            Span::new(p, p + s.len())
        });
        Candidate {
            kind: QuoteKind::Direct,
            content: Span::new(cs, cs + content.len()),
            fragments: Vec::new(),
            speaker,
            carried_from,
            cue: None,
            confidence: 0.9,
            rule: crate::extract::rule::Rule::DirectQuoteSpeakerCue,
            trail: Vec::new(),
        }
    }

    fn speakers(text: &str, cands: Vec<Candidate>) -> Vec<Option<String>> {
        let a = Analysis::new(text);
        let mut x = entities::find(&a);
        attach(&a, &mut x, cands);
        x.quotes.iter().map(|q| q.speaker.and_then(|s| s.entity).map(|e| x.entity(e).name.clone())).collect()
    }

    #[test]
    fn pronoun_takes_gender_into_account() {
        let text = "Mary Smith met John Brown on Monday. \"We agreed,\" he said.";
        assert_eq!(speakers(text, vec![cand(text, "We agreed,", Some("he"), None)]), [Some("John Brown".to_string())]);
        let text = "John Brown met Mary Smith on Monday. \"We agreed,\" she said.";
        assert_eq!(speakers(text, vec![cand(text, "We agreed,", Some("she"), None)]), [Some("Mary Smith".to_string())]);
    }

    #[test]
    fn nominal_matches_role_or_org() {
        let text =
            "James Hewitt, White House spokesperson, spoke. Later \"No,\" the spokesperson said. \"Yes,\" Hamas officials said.";
        let got = speakers(
            text,
            vec![cand(text, "No,", Some("the spokesperson"), None), cand(text, "Yes,", Some("Hamas officials"), None)],
        );
        assert_eq!(got, [Some("James Hewitt".to_string()), Some("Hamas".to_string())]);
    }

    #[test]
    fn carried_speaker_and_sorting() {
        let text = "\"One,\" said Basem Naim. \"Two.\"";
        let got = speakers(text, vec![cand(text, "Two.", None, Some(1)), cand(text, "One,", Some("Basem Naim"), None)]);
        assert_eq!(got.len(), 2);
        let text = "\"One,\" said Basem Naim. \"Two.\"";
        let got = speakers(text, vec![cand(text, "One,", Some("Basem Naim"), None), cand(text, "Two.", None, Some(0))]);
        assert_eq!(got, [Some("Basem Naim".to_string()), Some("Basem Naim".to_string())]);
    }
}
