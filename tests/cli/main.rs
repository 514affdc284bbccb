//! The one integration-test binary: every module below links once.
//! (Cargo builds each `tests/*.rs` file as its own binary, so modules live here.)

/// Prints a SKIP notice that stays visible: `eprintln!` output of passing
/// tests is captured by the harness, a direct write to stderr is not.
#[macro_export]
macro_rules! skip {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), "SKIP: {}", format!($($arg)*));
    }};
}

mod cases;
mod eval_parity;
mod hardening;
mod properties;
mod reliability;
mod scale_out;
mod serve;
mod serve_browser;
mod skeleton;
mod spread_corpus;
mod store_cli;
mod store_reliability;
mod train;
mod unicode_properties;
