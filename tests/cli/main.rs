//! The one integration-test binary: every module below links once.
//! (Cargo builds each `tests/*.rs` file as its own binary, so modules live here.)

mod cases;
mod entity_cases;
mod eval_parity;
mod skeleton;
mod store_cli;
