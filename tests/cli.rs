//! The one integration-test binary: every module below links once.

mod cases;
mod skeleton;
