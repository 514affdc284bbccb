//! The single integration-test binary: CLI behaviour through the built binary.

mod store_cli;
