//! The single integration-test binary: one module per area.

mod eval_parity;
