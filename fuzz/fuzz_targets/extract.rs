//! Any bytes, decoded as `quotegraph extract` decodes a file, through the
//! extractor: no panic, and every invariant of `check.rs` holds.
#![no_main]

use libfuzzer_sys::fuzz_target;

mod check;

fuzz_target!(|data: &[u8]| {
    let (text, _warning) = quotegraph::input::decode(data.to_vec(), "fuzz");
    check::check(&text);
});
