//! The extent of a speaker mention: the whole noun phrase that names the
//! source, and none of the sentence material around it.
//!
//! The quote finders mark the name they resolve ("Ada Price"); a source as a
//! reader (and PolNeAR) sees it is the whole phrase: "the former state
//! director Ada Price", "Ada Price, a Republican from Ohio", "Omar Haddad of
//! the Institute for Trade Studies". This stage runs after coreference, so
//! the entity a speaker resolves to never changes: only the mention's span
//! grows (or sheds a leading "But" or a trailing "on Tuesday").
//!
//! Indexing invariant: every token index used here comes from
//! [`token_range`] or a sentence's `tokens` range and is checked against that
//! range (`> sent.start`, `< sent.end`, a gap ending at the cue's token)
//! before `a.tokens`, `a.tok` or `a.caps` is indexed with it, so no index
//! runs past the document's tokens.

use std::sync::LazyLock;

use super::lexicon::{lexicon, with_ascii_lowercase};
use super::Analysis;
use crate::model::{Extraction, Span};
use crate::text::wordlist::{WordList, WordSet};
use crate::text::TokenKind;

/// An appositive or relative clause longer than this many tokens is more
/// likely a run-on clause than part of a name ("Ada Price, who ..., ..., said").
const MAX_APPOSITIVE_TOKENS: usize = 45;
/// A post-modifier without commas ("of the Institute for Trade Studies in
/// Geneva") longer than this is more likely the sentence going on.
const MAX_POSTMODIFIER_TOKENS: usize = 12;
/// Words a left widening may take at most: descriptors before a name are
/// short ("former state policy planning director").
const MAX_LEFT_TOKENS: usize = 10;

const SOURCE_MODIFIERS: WordList = crate::word_list!("source_modifiers.txt");
const SOURCE_BOUNDARIES: WordList = crate::word_list!("source_boundaries.txt");
const SOURCE_ADJUNCTS: WordList = crate::word_list!("source_adjuncts.txt");
const CUE_ADVERB_LIST: WordList = crate::word_list!("cue_adverbs.txt");
/// The closed classes of this stage, one section each.
const SOURCE_WORDS: WordList = crate::word_list!("source_words.txt");

crate::word_sections!(SOURCE_WORDS, lower_case: false, {
    TIME_NOUNS = "time_nouns",
    TIME_LEADS = "time_leads",
    APPOSITIVE_STARTS = "appositive_starts",
    POSTMODIFIER_PREPS = "postmodifier_preps",
    AFTER_CUE_OPENERS = "after_cue_openers",
    BARE_HEADS = "bare_heads",
    JOINERS = "joiners",
    CUE_AUX = "cue_aux",
    CUE_PREPS = "cue_preps",
    CUE_ARTICLES = "cue_articles",
    CUE_MEDIA = "cue_media",
    NOT_AFTER_CUE = "not_after_cue",
    NOT_MANNER = "not_manner",
});

fn words(list: WordList) -> WordSet {
    WordSet::new(&list.words().0)
}

/// Lines of these lists their format does not allow.
#[cfg(test)]
pub(crate) fn check() -> Vec<crate::text::wordlist::ListError> {
    let mut errors: Vec<_> =
        [SOURCE_MODIFIERS, SOURCE_BOUNDARIES, SOURCE_ADJUNCTS, CUE_ADVERB_LIST].into_iter().flat_map(|l| l.words().1).collect();
    errors.extend(SECTIONS.errors());
    errors
}

/// Lower-case words that may stand before a source's head ("former", "most").
static MODIFIERS: LazyLock<WordSet> = LazyLock::new(|| words(SOURCE_MODIFIERS));
/// Sentence material a source never starts with or takes in ("But", "If").
static BOUNDARIES: LazyLock<WordSet> = LazyLock::new(|| words(SOURCE_BOUNDARIES));
/// Adverbs and adjuncts that end a source ("yesterday", "famously").
static ADJUNCTS: LazyLock<WordSet> = LazyLock::new(|| words(SOURCE_ADJUNCTS));
/// Adverbs PolNeAR counts in a cue ("also said").
static CUE_ADVERBS: LazyLock<WordSet> = LazyLock::new(|| words(CUE_ADVERB_LIST));

fn is_quote_mark(w: &str) -> bool {
    matches!(w, "\"" | "\u{201c}" | "\u{201d}" | "\u{2018}" | "\u{2019}" | "'" | "`" | "\u{ab}" | "\u{bb}")
}

/// Widens (or trims) every quote's speaker mention to its source phrase,
/// and every cue to the words PolNeAR counts in it ("also said", "said in
/// a statement", "was asked about").
pub fn widen_all(a: &Analysis, x: &mut Extraction) {
    for q in &mut x.quotes {
        if let Some(cue) = q.cue {
            let speaker = q.speaker.and_then(|s| s.mention);
            q.cue = Some(widen_cue(a, cue, speaker, q.content));
        }
    }
    for q in &mut x.quotes {
        let (Some(sp), Some(cue)) = (q.speaker.as_mut(), q.cue) else { continue };
        let Some(m) = sp.mention else { continue };
        sp.mention = Some(widen(a, m, cue, q.content));
    }
}

fn widen_cue(a: &Analysis, cue: Span, speaker: Option<Span>, content: Span) -> Span {
    let Some((si, mut first, mut last)) = token_range(a, cue) else { return cue };
    let sent = a.sentences[si].tokens.clone();
    let free = |i: usize| {
        let t = a.tokens[i].span;
        !content.overlaps(t) && !speaker.is_some_and(|s| s.overlaps(t))
    };
    let head = a.tok(first);
    let participle = head.ends_with("ing") || head.ends_with("ed") || head == "told" || head == "said";
    while first > sent.start && free(first - 1) {
        let w = a.tok(first - 1);
        if CUE_ADVERBS.has(w) || (participle && CUE_AUX.has(w) && !a.caps[first - 1]) {
            first -= 1;
        } else {
            break;
        }
    }
    let next = last + 1;
    if next < sent.end && free(next) {
        let w = a.tok(next);
        if CUE_PREPS.has(w) {
            last = next;
        } else if is_manner_adverb(w) {
            // "said recently", "wrote sarcastically".
            last = next;
        } else if w == "in"
            && next + 2 < sent.end
            && CUE_ARTICLES.has(a.tok(next + 1))
            && CUE_MEDIA.has(a.tok(next + 2))
            && free(next + 2)
        {
            last = next + 2;
        }
    }
    Span::new(a.tokens[first].span.start(), a.tokens[last].span.end())
}

/// Token range `[first, last]` covering `span`, if it falls in one sentence.
fn token_range(a: &Analysis, span: Span) -> Option<(usize, usize, usize)> {
    let si = a.sentence_at(span.start())?;
    let first = a.token_at_or_after(span.start());
    let s = &a.sentences[si];
    if first >= s.tokens.end || a.tokens[first].span.start() >= span.end() {
        return None;
    }
    let mut last = first;
    while last + 1 < s.tokens.end && a.tokens[last + 1].span.end() <= span.end() {
        last += 1;
    }
    Some((si, first, last))
}

fn widen(a: &Analysis, m: Span, cue: Span, content: Span) -> Span {
    let Some((si, mut first, mut last)) = token_range(a, m) else { return m };
    let sent = a.sentences[si].tokens.clone();
    // Sentence material the finder took in: "But Ada Price", "Ada Price on Tuesday".
    while first < last && BOUNDARIES.has(a.tok(first)) {
        first += 1;
    }
    while last > first && is_time_adjunct(a, last) {
        last -= 1;
        if TIME_LEADS.has(a.tok(last)) && last > first {
            last -= 1;
        }
    }
    let bare = first == last && BARE_HEADS.has(a.tok(first));
    if !bare {
        let m_start = a.tokens[first].span.start();
        let limit_left =
            [cue.end(), content.end()].into_iter().filter(|&e| e <= m_start).fold(a.tokens[sent.start].span.start(), usize::max);
        first = widen_left(a, first, sent.start, limit_left);
        let m_end = a.tokens[last].span.end();
        if m_end <= cue.start() {
            last = widen_right_before(a, last, cue.start());
        } else if cue.end() <= a.tokens[first].span.start() && m_end <= content.start() {
            // "said Ada Price, a Republican from Ohio, that ...": up to the content.
            last = widen_right_before(a, last, content.start());
        } else if cue.end() <= a.tokens[first].span.start() && content.end() <= cue.start() {
            last = widen_right_to_end(a, last, sent.end);
        }
    }
    Span::new(a.tokens[first].span.start(), a.tokens[last].span.end())
}

fn is_time_word(w: &str) -> bool {
    TIME_NOUNS.has(w) || ADJUNCTS.has(w)
}

/// Whether token `i` is a time word ending a mention ("on Tuesday").
fn is_time_adjunct(a: &Analysis, i: usize) -> bool {
    (TIME_NOUNS.has(a.tok(i)) && !a.caps[i]) || ADJUNCTS.has(a.tok(i))
}

fn left_word_ok(a: &Analysis, i: usize) -> bool {
    let w = a.tok(i);
    if BOUNDARIES.has(w) {
        return false;
    }
    match a.tokens[i].kind {
        TokenKind::Number => true,
        TokenKind::Punct => matches!(w, "%" | "/" | "&"),
        TokenKind::Word => {
            a.caps[i]
                || w == "'s"
                || w == "\u{2019}s"
                || MODIFIERS.has(w)
                || with_ascii_lowercase(w, |l| lexicon().speaker_nouns.contains(l) || lexicon().titles.contains(l))
        }
    }
}

/// A lower-case word that may be a descriptor noun ("radio" in "radio host
/// Ada Price"): not sentence material, not a cue, not shaped like a verb or
/// an adverb.
fn loose_word_ok(a: &Analysis, i: usize) -> bool {
    let w = a.tok(i);
    a.tokens[i].kind == TokenKind::Word
        && !BOUNDARIES.has(w)
        && !is_cue_word(w)
        && !w.ends_with("ed")
        && !w.ends_with("ing")
        && !w.ends_with("ly")
        && w.chars().all(|c| c.is_alphabetic() || c == '-')
}

fn widen_left(a: &Analysis, first: usize, sent_start: usize, limit: usize) -> usize {
    let strict = widen_left_by(a, first, sent_start, limit, left_word_ok);
    let loose = widen_left_by(a, first, sent_start, limit, |a, i| left_word_ok(a, i) || loose_word_ok(a, i));
    // Descriptor nouns are taken only when the phrase then reaches a clear
    // left edge (sentence start, punctuation, a clause word, the cue): a
    // stop on anything else means a verb was read as a noun.
    let edge = loose == sent_start || a.tokens[loose - 1].span.start() < limit || {
        let w = a.tok(loose - 1);
        a.tokens[loose - 1].kind == TokenKind::Punct || BOUNDARIES.has(w) || is_cue_word(w)
    };
    let f = if loose < strict && edge { loose } else { strict };
    trim_joiners(a, f, first)
}

fn widen_left_by(a: &Analysis, first: usize, sent_start: usize, limit: usize, ok: impl Fn(&Analysis, usize) -> bool) -> usize {
    let mut f = first;
    let mut taken = 0;
    while f > sent_start && taken < MAX_LEFT_TOKENS {
        let i = f - 1;
        if a.tokens[i].span.start() < limit || !ok(a, i) {
            break;
        }
        f = i;
        taken += 1;
    }
    f
}

fn trim_joiners(a: &Analysis, mut f: usize, first: usize) -> usize {
    // Never start on a joining word ("of", "and", "-"): the phrase starts at a content word.
    while f < first && (JOINERS.has(a.tok(f)) || a.tok(f) == "'s") {
        f += 1;
    }
    f
}

fn appositive_start_ok(a: &Analysis, i: usize) -> bool {
    let w = a.tok(i);
    if is_time_word(w) || (BOUNDARIES.has(w) && !APPOSITIVE_STARTS.has(w)) {
        return false;
    }
    a.caps[i]
        || a.tokens[i].kind == TokenKind::Number
        || APPOSITIVE_STARTS.has(w)
        || MODIFIERS.has(w)
        || with_ascii_lowercase(w, |l| lexicon().speaker_nouns.contains(l) || lexicon().titles.contains(l))
}

/// A lower-case "-ly" adverb or a cue adverb, right after a cue.
fn is_manner_adverb(w: &str) -> bool {
    let ly = w.len() > 4 && w.ends_with("ly") && w.chars().all(|c| c.is_ascii_lowercase());
    (ly && !NOT_MANNER.has(w)) || (CUE_ADVERBS.has(w) && !NOT_AFTER_CUE.has(w))
}

fn is_cue_word(w: &str) -> bool {
    !w.starts_with(char::is_uppercase) && with_ascii_lowercase(w, |l| lexicon().cue(l).is_some())
}

/// A word of a time adjunct ("on Tuesday", "last week").
fn is_time_token(a: &Analysis, i: usize) -> bool {
    is_time_word(a.tok(i)) || TIME_LEADS.has(a.tok(i))
}

fn is_adverb(w: &str) -> bool {
    (w.len() > 3 && w.ends_with("ly") && w.chars().all(|c| c.is_ascii_lowercase())) || ADJUNCTS.has(w)
}

/// "Ada Price, a Republican from Ohio, said": the mention takes the
/// appositive between it and the cue; "Omar Haddad of the Institute said":
/// the post-modifier.
fn widen_right_before(a: &Analysis, last: usize, boundary: usize) -> usize {
    let cue_tok = a.token_at_or_after(boundary);
    let gap = last + 1..cue_tok;
    if gap.is_empty() || gap.len() > MAX_APPOSITIVE_TOKENS || gap.clone().any(|i| is_quote_mark(a.tok(i))) {
        return last;
    }
    if gap.clone().any(|i| is_cue_word(a.tok(i))) {
        return last;
    }
    let first = a.tok(gap.start);
    if first == "," || first == "(" {
        // "Ada Price, a Republican from Ohio, said", "Sen. Ada Price (R-Ohio), a lawyer, said":
        // the last comma (or a closing parenthesis) before the cue closes the phrase;
        // only adverbs and time words may follow it.
        let opens_ok = first == "(" || (gap.len() > 2 && appositive_start_ok(a, gap.start + 1));
        let close = gap.clone().rev().find(|&i| a.tok(i) == "," || a.tok(i) == ")");
        if let (true, Some(close)) = (opens_ok, close) {
            let tail_ok = (close + 1..cue_tok).all(|i| is_adverb(a.tok(i)) || is_time_token(a, i));
            if tail_ok && close > gap.start {
                return if a.tok(close) == ")" { close } else { close - 1 };
            }
        }
    } else if POSTMODIFIER_PREPS.has(first)
        && gap.len() <= MAX_POSTMODIFIER_TOKENS
        && gap.len() >= 2
        && (a.caps[gap.start + 1] || a.tok(gap.start + 1).eq_ignore_ascii_case("the"))
        && !gap.clone().any(|i| (a.tokens[i].kind == TokenKind::Punct && a.tok(i) != ".") || is_time_word(a.tok(i)))
    {
        return gap.end - 1;
    }
    last
}

/// "..., said Ada Price, a Republican from Ohio." : after the cue, the
/// source runs to the end of the sentence, short of a time or circumstance
/// adjunct ("on Tuesday", ", speaking to reporters").
fn widen_right_to_end(a: &Analysis, last: usize, sent_end: usize) -> usize {
    let start = last + 1;
    if start >= sent_end {
        return last;
    }
    let w = a.tok(start);
    let opens = (w == "," && start + 1 < sent_end && appositive_start_ok(a, start + 1))
        || w == "("
        || POSTMODIFIER_PREPS.has(w)
        || AFTER_CUE_OPENERS.has(w);
    if !opens {
        return last;
    }
    let mut end = last;
    let mut i = start;
    while i < sent_end {
        if i - start > MAX_APPOSITIVE_TOKENS {
            return last;
        }
        let w = a.tok(i);
        if is_quote_mark(w) || matches!(w, "." | "?" | "!" | ";" | ":") {
            break;
        }
        if w == "," && !(i + 1 < sent_end && appositive_start_ok(a, i + 1)) {
            break;
        }
        if (ADJUNCTS.has(w) && !a.caps[i]) || is_cue_word(w) {
            break;
        }
        if TIME_LEADS.has(w) && i + 1 < sent_end && TIME_NOUNS.has(a.tok(i + 1)) {
            break;
        }
        if w.eq_ignore_ascii_case("in")
            && i + 2 < sent_end
            && CUE_ARTICLES.has(a.tok(i + 1))
            && with_ascii_lowercase(a.tok(i + 2), |l| lexicon().cue_nouns.contains(l))
        {
            break;
        }
        if w != "," {
            end = i;
        }
        i += 1;
    }
    end
}
