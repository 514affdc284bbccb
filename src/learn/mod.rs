//! A trainable sequence model over the extractor's own tokens (`quotegraph train`).
//!
//! Researchers with their own gold (PolNeAR, PARC, in-house annotation) fit a
//! linear-chain CRF ([`crfs`], a pure-Rust CRFsuite) that tags each token of a
//! paragraph as content, source or cue (BIO). Its features are the tokens, their
//! shapes and lexicon classes, the quotation-mark structure, and what the rules
//! proposed for the token (the rule quote's content, speaker and cue), so the
//! model learns where the user's house style draws boundaries differently from
//! the rules and which rule proposals to keep.
//!
//! At extraction the rules still run first: they find the entities and the
//! speaker mentions the model's source spans resolve to ([`apply`]). A model is
//! never compiled in: without `--model` quotegraph is the rules alone, so nothing
//! trained on unlicensed data ever ships.

pub mod apply;
pub mod features;
pub mod gold;
pub mod modelfile;
pub mod tags;
pub mod train;

pub use apply::{extract_with, Combine, Extractor};
pub use gold::{read_gold, GoldDoc};
pub use modelfile::{Model, ModelError};
pub use train::{train, TrainOptions};

use std::path::PathBuf;

/// Errors of the learning layer, each naming the file (and line) involved.
#[derive(Debug, thiserror::Error)]
pub enum LearnError {
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{path}:{line}: {message}")]
    Gold { path: PathBuf, line: usize, message: String },
    #[error("{path}: no attributions to learn from (is this a gold file with `attributions` or `quotes`?)")]
    Empty { path: PathBuf },
    #[error("training failed: {0}")]
    Train(std::io::Error),
    #[error(transparent)]
    Model(#[from] ModelError),
}
