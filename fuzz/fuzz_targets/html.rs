//! Any bytes read as HTML (`--html`): the text extractor never panics and
//! its output goes through the extractor with every invariant holding.
#![no_main]

use libfuzzer_sys::fuzz_target;

mod check;

fuzz_target!(|data: &[u8]| {
    let (html, _warning) = quotegraph::input::decode(data.to_vec(), "fuzz");
    let text = quotegraph::input::strip_html(&html);
    check::check(&text);
});
