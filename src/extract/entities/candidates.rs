//! Name candidates: runs of capitalised words cut into names.
//!
//! Decides what is a name at all and where each name starts and ends: inner
//! connectors join organisation and place names ("Bank of America"), known
//! places and organisations win over everything, a leading title is cut off
//! and kept as the name's title ("Dr. Basem Naim"), and capitalised common
//! words at sentence starts or in title-case headlines, demonyms, roles and
//! contractions are dropped. Each candidate gets a first type and a strength
//! from [`super::classify`].

use std::cell::OnceCell;

use super::classify::{classify, is_team_context};
use super::cluster::{self, words_of};
use super::lexicon::{
    is_acronym, is_honorific, is_inner_connector, is_opening, is_org_word, is_stop, is_title, length_bit, with_lowercase,
    HashMap, HashSet, LEX, WORDS,
};
use super::{c_text, Cand};
use crate::extract::lexicon::{lexicon, with_ascii_lowercase};
use crate::extract::Analysis;
use crate::extract::{names, nonspeakers};
use crate::model::EntityType;
use crate::text::TokenKind;

/// Per-document facts the rules look at.
pub(super) struct DocInfo<'t> {
    /// Lower-case forms of sentence-initial or headline words that the document also uses in lower case.
    pub(super) lower: HashSet<String>,
    /// Capitalised words seen in running text (not sentence-initially, not in headlines),
    /// collected on first use: few documents ask, and hashing every capitalised word is not free.
    pub(super) mid_caps: OnceCell<HashSet<&'t str>>,
    pub(super) headline: Vec<bool>,
    pub(super) initial: Vec<bool>,
    /// How often each candidate name occurs in the document (filled after candidates are found).
    pub(super) freq: HashMap<&'t str, u32>,
}

impl<'t> DocInfo<'t> {
    pub(super) fn is_mid_cap(&self, a: &Analysis<'t>, w: &str) -> bool {
        self.mid_caps
            .get_or_init(|| {
                let mut mid_caps = HashSet::default();
                for (si, s) in a.sentences.iter().enumerate() {
                    if self.headline[si] {
                        continue;
                    }
                    for i in s.tokens.clone() {
                        if !self.initial[i] && a.caps[i] {
                            mid_caps.insert(a.tok(i));
                        }
                    }
                }
                mid_caps
            })
            .contains(w)
    }

    pub(super) fn is_common(&self, w: &str) -> bool {
        with_lowercase(w, |lower| LEX.common.contains(lower) || self.lower.contains(lower))
    }
}

pub(super) fn doc_info<'t>(a: &Analysis<'t>) -> DocInfo<'t> {
    let mut headline = vec![false; a.sentences.len()];
    let mut initial = vec![false; a.tokens.len()];
    let capitalized = &a.caps;
    for (si, s) in a.sentences.iter().enumerate() {
        let mut words = 0usize;
        let mut caps = 0usize;
        let mut prev_opening = true;
        for i in s.tokens.clone() {
            let t = a.tokens[i];
            let w = a.tok(i);
            if t.kind == TokenKind::Word {
                if prev_opening {
                    initial[i] = true;
                }
                prev_opening = false;
                if w.len() > 3 || capitalized[i] {
                    words += 1;
                    caps += usize::from(capitalized[i]);
                }
            } else {
                prev_opening = t.kind == TokenKind::Punct && (is_opening(w) || matches!(w, "." | "!" | "?"));
            }
        }
        let last = s.tokens.clone().last().map(|i| a.tok(i));
        // A reference mark after the full stop ("... in 2007. [5]") still ends a sentence.
        let reference = last == Some("]")
            && s.tokens.clone().rev().nth(2).is_some_and(|i| a.tok(i) == "[")
            && s.tokens.clone().rev().nth(3).is_some_and(|i| a.tok(i) == ".");
        let ends_sentence = matches!(last, Some("." | "\u{201d}" | "\"")) || reference;
        headline[si] = words >= 2 && caps * 10 >= words * 7 && !ends_sentence;
    }
    // Capitalised words where capitals say nothing (sentence starts, headlines)
    // that the document also writes in lower case are common words.
    let mut wanted: HashSet<String> = HashSet::default();
    // Lengths (bit `len.min(63)`) of the wanted words by first byte: a cheap
    // filter before the set look-up that every lower-case word would need.
    let mut first_bytes = [0u64; 256];
    for (si, s) in a.sentences.iter().enumerate() {
        for i in s.tokens.clone() {
            if (initial[i] || headline[si]) && capitalized[i] {
                with_lowercase(a.tok(i), |l| {
                    if !LEX.common.contains(l) && !wanted.contains(l) {
                        // Invariant: a token is never empty, nor its lower case; a `u8` indexes 256 slots.
                        first_bytes[usize::from(l.as_bytes()[0])] |= length_bit(l);
                        wanted.insert(l.to_string());
                    }
                });
            }
        }
    }
    let mut lower = HashSet::default();
    if !wanted.is_empty() {
        for (i, t) in a.tokens.iter().enumerate() {
            let w = a.tok(i);
            if t.kind == TokenKind::Word
                // Invariant: a token is never empty; a `u8` indexes 256 slots.
                && first_bytes[usize::from(w.as_bytes()[0])] & length_bit(w) != 0
                && wanted.contains(w)
                && !lower.contains(w)
            {
                lower.insert(w.to_string());
            }
        }
    }
    DocInfo { lower, mid_caps: OnceCell::new(), headline, initial, freq: HashMap::default() }
}

/// Text of tokens `i..j`, if they are separated by single spaces only.
pub(super) fn phrase<'t>(a: &Analysis<'t>, i: usize, j: usize) -> Option<&'t str> {
    let s = a.tokens[i].span.start();
    let e = a.tokens[j - 1].span.end();
    // No newline, no tab, no two spaces in a row. A token holds none of these
    // bytes (tokens are cut at whitespace), so only the gaps between
    // consecutive tokens need looking at, and a gap of one space is clean.
    // Invariant: `i < j <= a.tokens.len()`, so `k + 1 < j` indexes a token; tokens are in text
    // order and do not overlap, so a gap's end is not before its start.
    let clean = (i..j - 1).all(|k| {
        let gap = &a.text.as_bytes()[a.tokens[k].span.end()..a.tokens[k + 1].span.start()];
        gap.is_empty() || gap == b" " || {
            let mut prev_space = false;
            gap.iter().all(|&b| {
                let ok = b != b'\n' && b != b'\t' && !(prev_space && b == b' ');
                prev_space = b == b' ';
                ok
            })
        }
    });
    // Invariant: token spans come from the tokenizer over `a.text` (char boundaries), `i < j`.
    clean.then(|| &a.text[s..e])
}

/// Length in tokens of the longest known place/organisation starting at `i` and ending by `end`.
pub(super) fn known_at(a: &Analysis, i: usize, end: usize) -> Option<(usize, EntityType)> {
    if !LEX.known_starts.contains(a.tok(i)) {
        return None;
    }
    let max = LEX.max_words.min(end - i);
    for n in (1..=max).rev() {
        // Names with hyphens or dots are single tokens, so token count may exceed word count.
        let Some(p) = phrase(a, i, i + n) else { continue };
        if LEX.orgs.contains(p) {
            return Some((n, EntityType::Organization));
        }
        if LEX.others.contains(p) {
            return Some((n, EntityType::Other));
        }
        if LEX.places.contains(p) || LEX.place_aliases.contains_key(p) {
            return Some((n, EntityType::Place));
        }
    }
    None
}

/// Length of a title starting at token `i` (multi-word titles first).
pub(super) fn title_len(a: &Analysis, i: usize, end: usize) -> usize {
    let w = a.tok(i);
    if !LEX.title_starts.contains(w) {
        return usize::from(is_title(w));
    }
    for t in &lexicon().multiword_titles {
        if i + t.len() <= end && t.iter().enumerate().all(|(k, w)| a.tok(i + k) == *w) {
            return t.len();
        }
    }
    usize::from(is_title(a.tok(i)))
}

pub(super) fn is_cap_word(a: &Analysis, i: usize) -> bool {
    if a.caps[i] {
        return true;
    }
    if a.tokens[i].kind != TokenKind::Word {
        return false;
    }
    // "al-Qaeda", "bin Laden"-style particles are handled as connectors; "iPhone" is a name,
    // and so is a particle joined by a hyphen to a capitalised word ("al-Assadi", "el-Sisi").
    let w = a.tok(i);
    let camel = match w.as_bytes() {
        // Two ASCII bytes: the char tests below, without decoding (the usual case).
        [c0, c1, ..] if c0.is_ascii() && c1.is_ascii() => c0.is_ascii_lowercase() && c1.is_ascii_uppercase(),
        _ => {
            let mut cs = w.chars();
            cs.next().is_some_and(char::is_lowercase) && cs.next().is_some_and(char::is_uppercase)
        }
    };
    // `split_once('-')` by a byte scan: '-' is one byte, never inside a multi-byte char.
    camel
        || w.bytes().position(|b| b == b'-').is_some_and(|h| {
            // Invariant: `h` is the offset of an ASCII '-' in `w`, so `h` and `h + 1` are char boundaries.
            let (p, rest) = (&w[..h], &w[h + 1..]);
            WORDS.name_particles.contains(p) && rest.chars().next().is_some_and(char::is_uppercase)
        })
}

/// Finds the name candidates of one sentence.
pub(super) fn sentence_cands<'t>(a: &Analysis<'t>, info: &DocInfo<'t>, si: usize, out: &mut Vec<Cand>) {
    let range = a.sentences[si].tokens.clone();
    let headline = info.headline[si];
    let mut i = range.start;
    while i < range.end {
        if !is_cap_word(a, i) {
            i += 1;
            continue;
        }
        // Maximal run of capitalised words with inner connectors.
        let mut j = i + 1;
        loop {
            if j < range.end && is_cap_word(a, j) {
                j += 1;
                continue;
            }
            // connector(s) followed by a capitalised word
            let mut k = j;
            while k < range.end && k < j + 2 && is_inner_connector(a.tok(k)) {
                k += 1;
            }
            if k > j && k < range.end && is_cap_word(a, k) && connector_ok(a, i, j, k) {
                j = k + 1;
                continue;
            }
            break;
        }
        split_run(a, info, headline, i, j, out);
        i = j;
    }
}

/// Whether connector tokens `j..k` may join the run `i..j` to the capitalised word at `k`.
pub(super) fn connector_ok(a: &Analysis, i: usize, j: usize, k: usize) -> bool {
    let first = a.tok(j);
    match first {
        "&" => true,
        "of" | "for" | "the" | "and" => {
            // Only inside organisation/place names: "University of Texas", "Bank of America",
            // "National Aeronautics and Space Administration".
            let headword = |t: usize| {
                let w = a.tok(t);
                is_org_word(w) || LEX.place_words.contains(w) || WORDS.place_heads.contains(w) || (first == "of" && is_title(w))
            };
            let ahead = (k..a.tokens.len().min(k + 3)).take_while(|&t| is_cap_word(a, t)).any(|t| is_org_word(a.tok(t)));
            // "the FAA and the National Transportation Safety Board": "and the" starts another name.
            if first == "and" && k > j + 1 {
                return false;
            }
            if first == "and" {
                // "Ministry of Trade and Industry", "National Aeronautics and Space Administration";
                // but "the University of Texas and Acme Corporation" are two.
                let left = (i..j).any(|t| is_org_word(a.tok(t)));
                // "Rowan Weekly and Ada Price": a name closed by its organisation word is whole.
                let closed = left && !ahead && is_org_word(a.tok(j - 1));
                left != ahead && !closed || left && ahead && and_tail(a, i, j, k) || spelled_out(a, i, k)
            } else {
                (i..j).any(headword) || (first != "of" && ahead)
            }
        }
        // "Commission on Presidential Debates", "Institute on Water Safety": right after the
        // head of a body (on_heads), before a plain word that is no time, month, place or
        // other known name ("the Council on Monday", "the Panel on April 3").
        "on" => {
            let next = a.tok(k);
            k == j + 1
                && WORDS.on_heads.contains(a.tok(j - 1))
                && next.chars().all(char::is_alphabetic)
                && !nonspeakers::is_time_word(next)
                && !lexicon().stop_capitalized.contains(next)
                && known_at(a, k, a.tokens.len()).is_none()
                // "Council on American-Islamic Relations": not half a word.
                && a.tokens.get(k + 1).is_none_or(|_| a.tok(k + 1) != "-")
        }
        // "United States Embassy in Iraq": right after a mission's head, before a known place.
        "in" => {
            k == j + 1
                && WORDS.in_heads.contains(a.tok(j - 1))
                && known_at(a, k, a.tokens.len()).is_some_and(|(_, t)| t == EntityType::Place)
        }
        _ if WORDS.name_particles.contains(first) => k == j + 1,
        _ => false,
    }
}

/// "Department of Health and Human Services": after an office with "of" (`i..j`), "and"
/// joins common words closed by an organisation word that ends the run (`k..`); "the
/// University of Texas and Acme Corporation" (a name, not common words) stays two.
fn and_tail(a: &Analysis, i: usize, j: usize, k: usize) -> bool {
    let of_left = (i + 1..j).any(|t| a.tok(t) == "of" && is_org_word(a.tok(t - 1)));
    let mut t = k;
    while t < a.tokens.len() && is_cap_word(a, t) && !is_org_word(a.tok(t)) {
        if !with_lowercase(a.tok(t), |l| LEX.common.contains(l)) {
            return false;
        }
        t += 1;
    }
    let closes = |t: usize| a.tokens.get(t + 1).is_none_or(|_| !is_cap_word(a, t + 1) && a.tok(t + 1) != "of");
    of_left && t > k && t < a.tokens.len() && is_org_word(a.tok(t)) && closes(t)
}

/// "Pacific Gas and Electric (PG&E)": the run from `i` across "and" to `k` and on
/// is spelled out by the acronym in parentheses right after it (same initials).
fn spelled_out(a: &Analysis, i: usize, k: usize) -> bool {
    let mut t = k;
    while t < a.tokens.len() && is_cap_word(a, t) {
        t += 1;
    }
    if t >= a.tokens.len() || a.tok(t) != "(" {
        return false;
    }
    // "PG&E" may be several tokens: up to the closing parenthesis, close by.
    let Some(close) = (t + 2..a.tokens.len().min(t + 6)).find(|&c| a.tok(c) == ")") else { return false };
    // Invariant: `t < close - 1 < tokens.len()`, so both tokens exist.
    let acr = a.text.get(a.tokens[t + 1].span.start()..a.tokens[close - 1].span.end()).unwrap_or("");
    // Invariant: `i <= t <= tokens.len()`, so `words[i..t]` is in range.
    let run = cluster::initials(&a.words[i..t]);
    is_acronym(acr) && acr.chars().filter(|c| c.is_alphabetic()).eq(run.chars())
}

/// Cuts a run of capitalised words into names, dropping what is not a name.
pub(super) fn split_run<'t>(a: &Analysis<'t>, info: &DocInfo<'t>, headline: bool, mut i: usize, j: usize, out: &mut Vec<Cand>) {
    // "Pacific Gas and Electric (PG&E)": a run spelled out by the acronym after it is one
    // organisation, even when it starts with a known place (which alone wins otherwise).
    if j > i + 2 && !headline && spelled_out(a, i, j - 1) && known_at(a, i, j).is_none_or(|(n, _)| i + n < j) {
        push(out, i, j, None, EntityType::Organization, 3);
        return;
    }
    while i < j {
        let w = a.tok(i);
        // Known multi-word place or organisation wins over everything.
        if let Some((n, ty)) = known_at(a, i, j) {
            if n > 1 || !(info.initial[i] || headline) || !info.is_common(w) {
                // "Reading", "Bath" at a sentence start are words.
                let end = i + n;
                // An organisation word right after a place makes an organisation: "Texas Rangers";
                // an event word an event: "Gulf War".
                if end < j && !is_connector_tok(a, end) {
                    let rest = name_end(a, end, j);
                    let full = (i..rest).any(|t| is_org_word(a.tok(t))) || LEX.event_words.contains(a.tok(rest - 1));
                    if full {
                        let (ty2, st) = classify(a, i, rest, None);
                        push(out, i, rest, None, ty2, st);
                        i = rest;
                        continue;
                    }
                }
                // "Supreme Court of the United Kingdom": a known body, "of" and a known place
                // closing the run are one body; the place stays a name of its own inside it.
                let of_place = (ty == EntityType::Organization && end + 1 < j && a.tok(end) == "of").then(|| {
                    let p = if a.tok(end + 1) == "the" { end + 2 } else { end + 1 };
                    known_at(a, p, j).filter(|&(n, t)| t == EntityType::Place && p + n == j).map(|(n, _)| (p, n))
                });
                if let Some((p, n)) = of_place.flatten() {
                    push(out, i, j, None, EntityType::Organization, 3);
                    push(out, p, p + n, None, EntityType::Place, 3);
                    i = j;
                    continue;
                }
                let ty = if ty == EntityType::Place && is_team_context(a, i, end) { EntityType::Organization } else { ty };
                push(out, i, end, None, ty, 3);
                i = end;
                continue;
            }
        }
        if is_connector_tok(a, i) {
            i += 1;
            continue;
        }
        let tl = title_len(a, i, j);
        if tl > 0 {
            let after = i + tl;
            if after < j && !is_connector_tok(a, after) && !is_org_word(a.tok(after)) {
                // Titles may stack: "Former President Dr. X".
                let mut name = after;
                while name < j {
                    let t2 = title_len(a, name, j);
                    if t2 == 0 {
                        break;
                    }
                    name += t2;
                }
                if name < j {
                    let end = name_end(a, name, j);
                    let (ty, st) = classify(a, name, end, Some(i));
                    push(out, name, end, Some(i), ty, st);
                    i = end;
                    continue;
                }
            }
            // A title alone or a title of an organisation ("Minister of Defence") is no name,
            // but a named organisation or place after it is: "President of the Linguistic
            // Society of America", "Prime Minister of Israel".
            if after >= j || is_connector_tok(a, after) {
                // "Secretary of Justice Wanda Vázquez", "Minister of Defence Peter Lang": a person after the office.
                // Invariant: `i..j` is a candidate's token range, within `a.words` (one word per token).
                let t = names::title_words(&a.words[i..j], |w| LEX.forenames.contains_key(w), |p| LEX.places.contains(p));
                if t > 0 {
                    let end = name_end(a, i + t, j);
                    let (ty, st) = classify(a, i + t, end, Some(i));
                    push(out, i + t, end, Some(i), ty, st);
                    i = end;
                    continue;
                }
                let mut k = after;
                while k < j && is_connector_tok(a, k) {
                    k += 1;
                }
                let named = k < j && ((k..j).any(|t| is_org_word(a.tok(t))) || known_at(a, k, j).is_some());
                i = if named { k } else { skip_of_phrase(a, after, j) };
                continue;
            }
        }
        if is_stop(w) || is_demonym_compound(w) || is_contraction(w) {
            i += 1;
            continue;
        }
        if (info.initial[i] || headline) && info.is_common(w) && !LEX.forenames.contains_key(w) {
            i += 1;
            continue;
        }
        if headline && !info.is_mid_cap(a, w) && !LEX.forenames.contains_key(w) && !is_acronym(w) {
            i += 1;
            continue;
        }
        let end = name_end(a, i, j);
        // "New Zealander": a demonym of more than one word.
        if end > i + 1 && phrase(a, i, end).is_some_and(|p| LEX.demonyms.contains_key(p)) {
            i = end;
            continue;
        }
        // A role, not a name: "High Commissioner", "New Democrat MP", "Sheriff"; but a
        // forename and one title word is a person: "John Major", "Tom Marshal".
        let forename_surname = end == i + 2 && LEX.forenames.contains_key(w) && is_title(a.tok(end - 1));
        if is_role_word(a.tok(end - 1)) && !forename_surname {
            i = end;
            continue;
        }
        // Single words that are never names on their own.
        if end == i + 1 && (LEX.demonyms.contains_key(w) || is_org_word(w) || LEX.place_words.contains(w)) {
            // "the Court", "the Church": a capitalised organisation word in running text names one.
            if is_org_word(w) && !info.initial[i] && !headline && w.len() > 3 {
                push(out, i, end, None, EntityType::Organization, 1);
            }
            i += 1;
            continue;
        }
        // A demonym before an organisation or name: "Israeli Army" stays whole; "Israeli Netanyahu" splits.
        let (ty, st) = classify(a, i, end, None);
        push(out, i, end, None, ty, st);
        i = end;
    }
}

/// A capitalised word that names a role: a title or a role noun ("Commissioner", "MP").
pub(super) fn is_role_word(w: &str) -> bool {
    if is_org_word(w) || LEX.place_words.contains(w) {
        return false;
    }
    is_title(w) || WORDS.role_words.contains(w) || {
        w.len() > 3 && !w.chars().skip(1).any(char::is_uppercase) && with_ascii_lowercase(w, |l| LEX.speaker_nouns.contains(l))
    }
}

/// "I'm", "I'll": a pronoun with its verb.
pub(super) fn is_contraction(w: &str) -> bool {
    w.starts_with("I'") || w.starts_with("I\u{2019}")
}

/// "US-Israeli", "Israeli-American": demonym compounds are adjectives, not names.
pub(super) fn is_demonym_compound(w: &str) -> bool {
    w.contains('-')
        && w.split('-').all(|p| LEX.demonyms.contains_key(p) || LEX.place_aliases.contains_key(p) || LEX.places.contains(p))
        && w.split('-').any(|p| LEX.demonyms.contains_key(p))
}

pub(super) fn is_connector_tok(a: &Analysis, i: usize) -> bool {
    !is_cap_word(a, i)
}

/// Skips "of the Treasury" after a bare title.
pub(super) fn skip_of_phrase(a: &Analysis, mut i: usize, j: usize) -> usize {
    while i < j && (is_connector_tok(a, i) || is_cap_word(a, i)) {
        i += 1;
    }
    i
}

/// End of the name starting at `i`: up to the next title or known place that
/// begins a new name inside the run ("Hamas Dr. Basem Naim").
pub(super) fn name_end(a: &Analysis, i: usize, j: usize) -> usize {
    let mut e = i + 1;
    while e < j {
        // The cheap test first. A title that ends the run introduces no one:
        // "John Major", "Tom Marshal" keep their last word.
        if e + 1 < j && is_honorific(a.tok(e)) && title_len(a, e, j) > 0 {
            break;
        }
        e += 1;
    }
    // Trailing connectors are not part of the name.
    while e > i + 1 && is_connector_tok(a, e - 1) {
        e -= 1;
    }
    e
}

pub(super) fn push(out: &mut Vec<Cand>, start: usize, end: usize, title: Option<usize>, ty: EntityType, strength: u8) {
    if end > start {
        out.push(Cand { start, end, title, ty, strength });
    }
}

/// Titles and "of" phrases out of person names (see [`crate::extract::names`]):
/// "Deputy Governor Oleg Klimov" keeps its title as the mention's title,
/// "Carl Lipo of Binghamton University" becomes two names.
fn split_titles(a: &Analysis, cands: &mut Vec<Cand>) {
    let forename = |w: &str| LEX.forenames.contains_key(w);
    let mut extra = Vec::new();
    for c in cands.iter_mut() {
        let words = words_of(a, c);
        // Invariant: `title_words` returns at most `words.len()`, so `words[t..]` is in range.
        let t = names::title_words(words, forename, |p| LEX.places.contains(p));
        let of = names::name_before_of(&words[t..], forename);
        if t == 0 && of.is_none() {
            continue;
        }
        if t > 0 {
            c.title = Some(c.title.unwrap_or(c.start));
            c.start += t;
        }
        if let Some(of) = of {
            let (ty, strength) = classify(a, c.start + of + 1, c.end, None);
            push(&mut extra, c.start + of + 1, c.end, None, ty, strength);
            c.end = c.start + of;
        }
        (c.ty, c.strength) = classify(a, c.start, c.end, c.title);
    }
    if !extra.is_empty() {
        cands.extend(extra);
        cands.sort_by_key(|c| (c.start, c.end));
    }
}

/// The body, place or person an event, award or scheme is named after is a name of its
/// own inside it: "[Google] Science Fair", "[Moscow] Film Festival", "[Ada Lind]
/// Memorial Prize". The event stays a candidate ("other"). (Not an acronym: "HEROES Act".)
fn event_owners(a: &Analysis, cands: &mut Vec<Cand>) {
    let mut extra = Vec::new();
    for c in cands.iter().filter(|c| c.ty == EntityType::Other && c.strength >= 3 && c.title.is_none()) {
        let (s, e) = (c.start, c.end);
        if e - s < 2 {
            continue;
        }
        let first = a.tok(s);
        if let Some((n, ty)) = known_at(a, s, e - 1).filter(|&(_, ty)| ty != EntityType::Other) {
            extra.push(Cand { start: s, end: s + n, title: None, ty, strength: 3 });
        } else if e - s >= 3
            && LEX.forenames.contains_key(first)
            && is_cap_word(a, s + 1)
            && !is_org_word(a.tok(s + 1))
            && !LEX.event_words.contains(a.tok(s + 1))
        {
            extra.push(Cand { start: s, end: s + 2, title: None, ty: EntityType::Person, strength: 2 });
        }
    }
    if !extra.is_empty() {
        cands.extend(extra);
        cands.sort_by_key(|c| (c.start, c.end));
    }
}

/// The name candidates of a document, in order, with the per-document facts the rules read.
pub(super) fn candidates<'t>(a: &Analysis<'t>) -> (DocInfo<'t>, Vec<Cand>) {
    let mut info = doc_info(a);
    let mut cands = Vec::new();
    for si in 0..a.sentences.len() {
        sentence_cands(a, &info, si, &mut cands);
    }
    split_titles(a, &mut cands);
    super::nominal_orgs::extend(a, &mut cands);
    event_owners(a, &mut cands);
    for c in &cands {
        *info.freq.entry(c_text(a, c)).or_default() += 1;
    }
    (info, cands)
}
