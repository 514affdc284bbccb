//! Words that are not speakers although they stand where a speaker would:
//! time adverbials between the subject and the cue ("Neil Basu, on Sunday
//! said"), the hearer "you" of an interview question, and documents or
//! agents introduced by a possessive ("her letter said", "its spokesman told")
//! whose speaker is the possessor, and documents without one ("The advisory
//! noted") whose issuer is named around them. Word lists in data/lexicon/.

use std::sync::LazyLock;

use super::speaker_words;

#[cfg(test)]
use crate::text::wordlist::ListError;
use crate::text::wordlist::{WordList, WordSet};

const TIME_WORDS_LIST: WordList = crate::word_list!("time_words.txt");
const DOCUMENT_NOUNS_LIST: WordList = crate::word_list!("document_nouns.txt");

/// Both lists are lower case; [`WordSet::has`] ignores ASCII case.
static TIME_WORDS: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(&TIME_WORDS_LIST.words().0));
static DOCUMENT_NOUNS: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(&DOCUMENT_NOUNS_LIST.words().0));

/// At most this many time words in a row ("Monday morning", "Sunday night
/// last week" is rarer than a name ending in a time word).
const MAX_TIME_WORDS: usize = 3;

/// A possessed document is short ("her open letter", "its latest press
/// release"); a longer phrase is a description, not the document.
const MAX_DOCUMENT_WORDS: usize = 3;

/// Lines of these lists their format does not allow.
#[cfg(test)]
pub(crate) fn check() -> Vec<ListError> {
    let mut errors = TIME_WORDS_LIST.words().1;
    errors.extend(DOCUMENT_NOUNS_LIST.words().1);
    errors
}

/// A weekday or other time word ("Sunday", "yesterday").
pub fn is_time_word(w: &str) -> bool {
    TIME_WORDS.has(w)
}

/// How many words at the end of `words` form a time adverbial that sits between
/// a subject and its cue: "on Sunday", "yesterday", "last week", "on Monday morning".
/// Zero when there is none.
pub fn trailing_time_adverbial(words: &[&str]) -> usize {
    let n = words.iter().rev().take(MAX_TIME_WORDS).take_while(|w| is_time_word(w)).count();
    if n == 0 {
        return 0;
    }
    // `n <= words.len()` (counted over `words`), so the subtraction cannot wrap.
    let before = words.len() - n;
    let opener = before.checked_sub(1).and_then(|b| words.get(b)).is_some_and(|w| speaker_words::TIME_OPENERS.has(w));
    n + usize::from(opener)
}

/// Whether `words` are, all of them, an adverbial that opens a sentence before
/// its subject: a sentence adverbial ("Nevertheless") or a time adverbial ("On
/// Thursday", "Yesterday", "Last week").
pub fn is_opening_adverbial(words: &[&str]) -> bool {
    match words {
        [] => false,
        [w] if speaker_words::SENTENCE_ADVERBIALS.has(w) => true,
        _ => trailing_time_adverbial(words) == words.len(),
    }
}

/// How many tokens at the start of a sentence's `words` are an opening
/// adverbial and its comma ("Nevertheless ,", "On Thursday ,"); zero when
/// the sentence opens otherwise.
pub fn leading_adverbial(words: &[&str]) -> usize {
    let Some(comma) = words.iter().take(MAX_TIME_WORDS + 2).position(|w| *w == ",") else { return 0 };
    // Invariant: `comma < words.len()` (a position in `words`), so the slices are in range.
    if is_opening_adverbial(&words[..comma]) {
        comma + 1
    } else {
        0
    }
}

/// True for the hearer of an interview question ("What do you think ...?"):
/// "you" is never the speaker of a news quote.
pub fn is_hearer(speaker: &str) -> bool {
    speaker.trim().eq_ignore_ascii_case("you")
}

/// For "her letter", "its press release", "his spokesman": the possessive
/// pronoun whose referent is the speaker. `None` for anything else.
pub fn possessor(speaker: &str) -> Option<&str> {
    let mut words = speaker.split_whitespace();
    let first = words.next()?;
    let rest: Vec<&str> = words.collect();
    let head = rest.last()?;
    let possessive = speaker_words::POSSESSIVES.has(first);
    (possessive && rest.len() <= MAX_DOCUMENT_WORDS && DOCUMENT_NOUNS.has(head)).then_some(first)
}

/// For "the advisory", "a memo", "The reports": a document with no possessor
/// and no name in it, whose issuer is to be found around it.
pub fn unowned_document(speaker: &str) -> bool {
    let mut words = speaker.split_whitespace();
    let Some(first) = words.next() else { return false };
    let rest: Vec<&str> = words.collect();
    let lower = rest.iter().all(|w| w.chars().next().is_some_and(char::is_lowercase));
    let head = rest.last().is_some_and(|h| DOCUMENT_NOUNS.has(h));
    speaker_words::DOCUMENT_DETERMINERS.has(first) && rest.len() <= MAX_DOCUMENT_WORDS && lower && head
}

/// For "a Twitter post", "the CDC report": a phrase opened by a determiner and
/// headed by a document noun, whatever the words between (names included).
pub fn document_headed(speaker: &str) -> bool {
    let words: Vec<&str> = speaker.split_whitespace().collect();
    match words.as_slice() {
        [first, mid @ .., head] => {
            speaker_words::DOCUMENT_DETERMINERS.has(first) && mid.len() < MAX_DOCUMENT_WORDS && DOCUMENT_NOUNS.has(head)
        }
        _ => false,
    }
}

/// Whether `w` is a document noun ("post", "statement", "report").
pub fn is_document_noun(w: &str) -> bool {
    DOCUMENT_NOUNS.has(w)
}

/// "Other Republicans", "Some of the protesters", "People in the Trump
/// administration", "The Armenians": an unnamed group of people, whose
/// reference is no one (a party, person or place named inside it is not the
/// speaker). `plural_demonym` says whether a word is a demonym in the plural.
pub fn anonymous_group(speaker: &str, plural_demonym: impl Fn(&str) -> bool) -> bool {
    let words: Vec<&str> = speaker.split_whitespace().collect();
    let Some(&first) = words.first() else { return false };
    if speaker_words::GROUP_OPENERS.has(first) && words.len() > 1 {
        return true;
    }
    // Invariant: `words` has a first word, so `1..` is within it.
    let rest = if speaker_words::DOCUMENT_DETERMINERS.has(first) { &words[1..] } else { &words[..] };
    match rest {
        [one] => plural_demonym(one),
        [head, prep, ..] => speaker_words::GROUP_NOUNS.has(head) && speaker_words::GROUP_PREPOSITIONS.has(prep),
        [] => false,
    }
}

/// "Other", "Some", "Many" before a subject: a quantified group ("Some
/// Democrats said"), not the party or place it names.
pub fn is_group_opener(w: &str) -> bool {
    speaker_words::GROUP_OPENERS.has(w) && !w.eq_ignore_ascii_case("over")
}

/// Words of an object before its head noun: "his 2020 candidacy", "the
/// immediate resignation"; more is a longer phrase that may carry a claim.
const ACT_OBJECT_MODIFIERS: usize = 2;

/// "announced his resignation", "claimed responsibility for the attacks": a
/// cue whose object names an act rather than a statement. `cue` is the cue's
/// text, `content` the candidate content.
pub fn is_act_object(cue: &str, content: &str) -> bool {
    if !cue.split_whitespace().next_back().is_some_and(|w| speaker_words::ACT_CUES.has(w)) {
        return false;
    }
    let mut words = content.split_whitespace().peekable();
    words.next_if(|w| speaker_words::POSSESSIVES.has(w) || speaker_words::DOCUMENT_DETERMINERS.has(w));
    words.take(ACT_OBJECT_MODIFIERS + 1).any(|w| speaker_words::ACT_NOUNS.has(w.trim_end_matches([',', '.'])))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_adverbials() {
        assert_eq!(trailing_time_adverbial(&["Basu", ",", "on", "Sunday"]), 2);
        assert_eq!(trailing_time_adverbial(&["The", "ministry", "yesterday"]), 1);
        assert_eq!(trailing_time_adverbial(&["The", "ministry"]), 0);
    }

    #[test]
    fn opening_adverbials() {
        assert_eq!(leading_adverbial(&["Nevertheless", ",", "Collins", "said"]), 2);
        assert_eq!(leading_adverbial(&["On", "Thursday", ",", "Cengiz", "said"]), 3);
        assert_eq!(leading_adverbial(&["Collins", ",", "a", "singer"]), 0);
        assert!(!is_opening_adverbial(&["Thursday", "Show"]));
    }

    #[test]
    fn possessors() {
        assert_eq!(possessor("her letter"), Some("her"));
        assert_eq!(possessor("its press release"), Some("its"));
        assert_eq!(possessor("her sister"), None);
        assert_eq!(possessor("the letter"), None);
    }

    #[test]
    fn act_objects() {
        assert!(is_act_object("announced", "his resignation shortly"));
        assert!(is_act_object("also announced", "her 2020 candidacy in Ohio"));
        assert!(is_act_object("claimed", "responsibility for the attacks"));
        assert!(!is_act_object("announced", "the company would close"));
        assert!(!is_act_object("said", "his resignation was final"));
    }

    #[test]
    fn anonymous_groups() {
        let demonym = |w: &str| w == "Armenians";
        assert!(anonymous_group("Other Republicans", demonym));
        assert!(anonymous_group("Some of the protesters Wikinews interviewed", demonym));
        assert!(anonymous_group("People in the Trump administration", demonym));
        assert!(anonymous_group("The Armenians", demonym));
        assert!(!anonymous_group("Armenian officials", demonym));
        assert!(!anonymous_group("Hamas officials", demonym));
        assert!(!anonymous_group("Some", demonym));
        assert!(!anonymous_group("The Republican Party", demonym));
    }

    #[test]
    fn unowned_documents() {
        assert!(unowned_document("The advisory"));
        assert!(unowned_document("a memo"));
        assert!(unowned_document("the government statement"));
        assert!(!unowned_document("her letter"));
        assert!(!unowned_document("The NBA statement"));
        assert!(!unowned_document("the spokesman"));
    }
}
