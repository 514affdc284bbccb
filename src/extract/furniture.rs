//! Text that is on the page but is not the article's speech: link lines
//! ("READ MORE: Mayor says ...", "WATCH: ..."), whose words belong to another
//! story, and interview transcripts ("((WN)) What do you think ...?" /
//! "((Jane Doe)) They told us ..."), whose answers are the interviewee's
//! own words and not attributions the article makes. Quotes found there are
//! dropped ([`super::coref::attach`]); a quoted passage with a cue inside a
//! transcript stays.

use std::sync::LazyLock;

#[cfg(test)]
use crate::text::wordlist::ListError;
use crate::text::wordlist::WordList;

const LABELS_LIST: WordList = crate::word_list!("furniture_labels.txt");

static LABELS: LazyLock<Vec<String>> = LazyLock::new(|| LABELS_LIST.words().0.into_iter().map(str::to_ascii_uppercase).collect());

/// A turn label names a speaker ("((Jane Doe))", "((WN))"); a longer
/// parenthesis is an aside, not a label.
const MAX_TURN_LABEL_BYTES: usize = 40;

/// Two or more turn labels make a transcript; one is a quirk of the text.
const MIN_TURNS: usize = 2;

/// Lines of this list its format does not allow.
#[cfg(test)]
pub(crate) fn check() -> Vec<ListError> {
    LABELS_LIST.words().1
}

/// Where the text's lines start and end (byte offsets, without the newline).
fn lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut at = 0;
    text.split('\n').map(move |l| {
        let start = at;
        at += l.len() + 1;
        (start, l)
    })
}

/// True when `line` starts with a page-furniture label: "READ MORE: ...",
/// "WATCH: ...", "PHOTOS" alone.
pub fn is_link_line(line: &str) -> bool {
    let l = line.trim_start();
    LABELS.iter().any(|label| {
        // `get` fails off a character boundary, so both halves are on one.
        let (Some(head), Some(rest)) = (l.get(..label.len()), l.get(label.len()..)) else {
            return false;
        };
        let rest = rest.trim_start();
        head.eq_ignore_ascii_case(label)
            && rest.chars().next().is_none_or(|c| matches!(c, ':' | '|' | '\u{2014}' | '-' | '\u{bb}' | '>'))
            // A label in capitals, or followed by a colon: "More: ..." but not "More than 40 people".
            && (head.chars().all(|c| !c.is_lowercase()) || rest.starts_with(':'))
    })
}

/// True when a paragraph opens with an interview turn label: "((WN))", "((Jane Doe))", "Q:".
fn is_turn_label(line: &str) -> bool {
    let l = line.trim_start();
    if let Some(rest) = l.strip_prefix("((") {
        return rest.find("))").is_some_and(|k| k > 0 && k <= MAX_TURN_LABEL_BYTES);
    }
    l.starts_with("Q:") || l.strip_prefix("Q.").is_some_and(|r| r.starts_with(' '))
}

/// Byte ranges whose quotes are not the article's: link lines, and the
/// interview transcript from its first turn label to the end of the text.
/// The flag says whether a direct quote with a cue may stay (in transcripts).
pub fn excluded(text: &str) -> Vec<(usize, usize, bool)> {
    let mut out = Vec::new();
    for (start, line) in lines(text) {
        if is_link_line(line) {
            out.push((start, start + line.len(), false));
        } else if is_turn_label(line) {
            // Two or more turns make a transcript; one label is a quirk.
            // Invariant: `start` is a line start from `lines`, so on a character boundary.
            let turns = lines(&text[start..]).filter(|(_, l)| is_turn_label(l)).take(MIN_TURNS).count();
            if turns >= MIN_TURNS {
                out.push((start, text.len(), true));
                break;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn link_lines() {
        assert!(is_link_line("READ MORE: Mayor says the bridge will close"));
        assert!(is_link_line("WATCH: Crews battle the fire"));
        assert!(is_link_line("PHOTOS"));
        assert!(is_link_line("Related: Ottawa budget"));
        assert!(!is_link_line("More than 40 people said they would go."));
        assert!(!is_link_line("Watchdog groups said the plan was weak."));
    }

    #[test]
    fn transcripts() {
        let t = "Intro said \"x\".\n\n((WN)) Why?\n\n((Jane Doe)) They said so.\n";
        let ex = excluded(t);
        assert_eq!(ex.len(), 1);
        assert_eq!(ex[0].0, t.find("((WN))").unwrap());
        assert!(excluded("No interview here.\n((aside)) once.\n").is_empty());
    }
}
