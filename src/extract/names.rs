//! Person names without their titles: "Deputy Governor Oleg Klimov" is
//! "Oleg Klimov" with the title "Deputy Governor", "Carl Lipo of Binghamton
//! University" is "Carl Lipo". Pure word-list rules over a capitalised run
//! (data/lexicon/offices.txt and titles.txt); [`super::entities`] applies them
//! to each candidate name before clustering, so one person is one entity
//! however the article introduces them.

use std::sync::LazyLock;

use super::lexicon::lexicon;
use super::speaker_words;
#[cfg(test)]
use crate::text::wordlist::ListError;
use crate::text::wordlist::{WordList, WordSet};

const OFFICES_LIST: WordList = crate::word_list!("offices.txt");
const PARTIES_LIST: WordList = crate::word_list!("parties.tsv");

static OFFICES: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(&OFFICES_LIST.words().0));

/// The shared lexicon's single-word titles as a [`WordSet`] (its bit sets rule
/// out most words before hashing; membership is the same).
static TITLES: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(&lexicon().titles.iter().copied().collect::<Vec<_>>()));

static PARTIES: LazyLock<Vec<(&'static str, &'static str)>> = LazyLock::new(|| PARTIES_LIST.pairs().0);

/// Lines of these lists their format does not allow.
#[cfg(test)]
pub(crate) fn check() -> Vec<ListError> {
    let mut errors = OFFICES_LIST.words().1;
    errors.extend(PARTIES_LIST.pairs().1);
    errors
}

/// The party a group name stands for: "Democrats" -> "Democratic Party".
pub fn party(name: &str) -> Option<&'static str> {
    PARTIES.iter().find(|(form, _)| *form == name).map(|(_, p)| *p)
}

/// True for a word that names an office, job or title ("Governor", "MP", "CEO").
/// Hyphenated forms count as their base: "President-elect", "ex-Minister", "Vice-Chair".
pub fn is_office(w: &str) -> bool {
    let listed = |b: &str| OFFICES.contains(b) || TITLES.contains(b);
    // Every office prefix and suffix holds a hyphen (a test checks): a word
    // without one strips to itself.
    let direct = listed(w);
    if direct || !w.contains('-') {
        return direct;
    }
    let base = speaker_words::strip_suffix_of("office_suffixes", w).unwrap_or(w);
    let base = speaker_words::strip_prefix_of("office_prefixes", base).unwrap_or(base);
    // `base` is `w` itself when nothing was stripped: asked already.
    base.len() != w.len() && listed(base)
}

fn is_capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

fn is_name_word(w: &str) -> bool {
    is_capitalised(w) && !is_office(w) && !lexicon().org_words.contains(w)
}

/// How many leading words of a capitalised run are a title rather than the
/// person's name: everything up to the last office word, when what follows is
/// one or more name words ("Republican Senator Mitt Romney" -> 2). After an
/// office with "of" ("Mayor of London Sadiq Khan"), the name starts at the
/// first known forename, or after a known place ("Mayor of London Sadiq
/// Khan"). `is_forename` says whether a word is a known forename, `is_place`
/// whether a phrase is a known place.
pub fn title_words(words: &[&str], is_forename: impl Fn(&str) -> bool, is_place: impl Fn(&str) -> bool) -> usize {
    let Some(last) = words.iter().rposition(|w| is_office(w)) else {
        return 0;
    };
    let mut k = last + 1;
    // "Attorney General Merrick Garland": "General" is part of the office.
    if words.get(k).is_some_and(|w| is_capitalised(w) && speaker_words::OFFICE_CONTINUATIONS.has(w)) {
        k += 1;
    }
    // "Mayor of London Sadiq Khan", "Chief Executive of Hong Kong Carrie Lam": the name starts at a forename.
    // Invariant: `k.min(len)` keeps the slice in range when the office ends the run.
    if let Some(of) = words[k.min(words.len())..].iter().position(|w| *w == "of").map(|p| p + k) {
        let forename = (of + 1..words.len()).find(|&i| is_forename(words[i]) && i + 1 < words.len());
        // After a place, a name of two words or more: "Mayor of London Sadiq Khan".
        let after_place =
            || (of + 2..words.len().saturating_sub(1)).find(|&f| words.get(of + 1..f).is_some_and(|p| is_place(&p.join(" "))));
        // A forename after the place wins ("of Metro Transit Carrie Dunlop"); one inside
        // the place does not ("Kingston", "Austin" are forenames too).
        let place = after_place();
        let Some(f) = (match (place, forename) {
            (Some(p), Some(f)) if f < p => Some(p),
            (Some(p), None) => Some(p),
            (_, f) => f,
        }) else {
            return 0;
        };
        k = f;
    }
    // Invariant: `k.min(len)` keeps the slice in range.
    let rest = &words[k.min(words.len())..];
    if rest.is_empty() || !rest.iter().all(|w| is_name_word(w)) {
        return 0;
    }
    k
}

/// Where a person's name ends before an "of" phrase naming their employer or
/// home ("Carl Lipo of Binghamton University" -> 2): only after a known
/// forename and at least one more name word, so "Royal Bank of Canada" and
/// "Duchess of Sussex" stay whole.
pub fn name_before_of(words: &[&str], is_forename: impl Fn(&str) -> bool) -> Option<usize> {
    let of = words.iter().position(|w| *w == "of")?;
    // "Louis XV of France": a regnal name keeps its "of".
    // Invariant: `of` is a position in `words`; `of >= 2` is checked before `words[0]`.
    let regnal = words[..of].last().is_some_and(|w| w.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L')));
    (of >= 2 && !regnal && is_forename(words[0]) && words[..of].iter().all(|w| is_name_word(w))).then_some(of)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn office_affixes_hold_a_hyphen() {
        for name in ["office_prefixes", "office_suffixes"] {
            assert!(!speaker_words::words(name).is_empty(), "{name}");
            for a in speaker_words::words(name) {
                assert!(a.contains('-'), "{name}: {a:?} has no hyphen; is_office relies on one");
            }
        }
    }

    fn forename(w: &str) -> bool {
        matches!(w, "Oleg" | "Mitt" | "Sadiq" | "Carl" | "Joe" | "Rita" | "Alan" | "Carrie")
    }

    #[test]
    fn titles_before_names() {
        let place = |p: &str| matches!(p, "London" | "Hong Kong");
        let t = |s: &str| title_words(&s.split(' ').collect::<Vec<_>>(), forename, place);
        assert_eq!(t("Deputy Governor Oleg Klimov"), 2);
        assert_eq!(t("Republican Senator Mitt Romney"), 2);
        assert_eq!(t("Green MP Rita Dunmore"), 2);
        assert_eq!(t("Mayor of London Sadiq Khan"), 3);
        assert_eq!(t("Attorney General Merrick Garland"), 2);
        assert_eq!(t("Chief Executive of Hong Kong Carrie Lam"), 5);
        assert_eq!(t("Mayor of London Abdul Nabi"), 3);
        assert_eq!(t("Minister of Foreign Affairs Abdul Nabi"), 0);
        assert_eq!(t("Office of the Governor"), 0);
        assert_eq!(t("Alan Moyer"), 0);
        assert_eq!(t("Governor General"), 0);
        assert_eq!(t("President-elect Joe Biden"), 1);
    }

    #[test]
    fn of_phrases() {
        let t = |s: &str| name_before_of(&s.split(' ').collect::<Vec<_>>(), forename);
        assert_eq!(t("Carl Lipo of Binghamton University"), Some(2));
        assert_eq!(party("Democrats"), Some("Democratic Party"));
        assert_eq!(t("Royal Bank of Canada"), None);
        assert_eq!(t("Carl XVI of Sweden"), None);
        assert_eq!(t("Bank of Canada"), None);
    }
}
