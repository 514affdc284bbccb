//! Structure-aware target: each input byte picks a piece (a quotation mark,
//! a space of some kind, a line end, a cue, a name, ...), and the pieces are
//! joined into the text. Byte-level mutation of raw text rarely puts two
//! rare characters side by side; here any two pieces are two bytes apart,
//! so coverage guidance reaches combinations like a paragraph-initial `”`
//! followed by a no-break space (the issue 15 panic) within minutes.
#![no_main]

use libfuzzer_sys::fuzz_target;

mod check;

const PIECES: &[&str] = &[
    "\"", "'", "`", "``", "''", "\u{201c}", "\u{201d}", "\u{2018}", "\u{2019}", "\u{201e}", "\u{201f}", "\u{201a}", "\u{ab}",
    "\u{bb}", "\u{2039}", "\u{203a}", "\u{ff02}", "\u{300c}", "\u{300d}", " ", "\u{a0}", "\u{2009}", "\u{2003}", "\u{202f}",
    "\u{3000}", "\u{200b}", "\u{200d}", "\u{200f}", "\u{202e}", "\u{feff}", "\t", "\n", "\r\n", "\r", "\n\n", "\u{2028}",
    "\u{0}", "\u{fffd}", "e\u{301}", "\u{301}", "\u{5e9}\u{5dc}\u{5d5}\u{5dd}", "\u{1f600}", "\u{1f469}\u{200d}\u{1f4bb}",
    ",", ".", ":", ";", "\u{2014}", "-", "(", ")", "\u{2026}", "?", "said", "says", "told", "added", "according to",
    "that", "Maria Lopez", "Dr.", "Mr.", "he", "she", "the spokesperson", "We will rebuild", "U.S.", "Hamas", "official",
    "Egyptian", "envoy", "John Smith", "Israeli", "President", "42", "x",
];

fuzz_target!(|data: &[u8]| {
    let text: String = data.iter().map(|&b| PIECES[usize::from(b) % PIECES.len()]).collect();
    check::check(&text);
});
