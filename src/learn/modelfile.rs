//! The model file: a versioned header, a checksum, the training metadata and
//! the CRF itself. A model from another format or feature version, or a
//! damaged file, is refused with a message saying what to do.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::tags::Label;

/// First bytes of every quotegraph model file.
const MAGIC: &[u8; 8] = b"QGMODEL\n";
/// Layout of the file; bumped when the header changes.
pub const FORMAT_VERSION: u32 = 1;
/// Bumped whenever the features change: a model only makes sense with the
/// features it was trained on.
pub const FEATURES_VERSION: u32 = 1;
/// magic + format + features + checksum + metadata length.
const HEADER_LEN: usize = 8 + 4 + 4 + 32 + 4;

#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{path}: not a quotegraph model (made by `quotegraph train`)")]
    NotAModel { path: PathBuf },
    #[error("{path}: model format {found}, this quotegraph reads format {FORMAT_VERSION}; retrain it with this version's `quotegraph train`")]
    Format { path: PathBuf, found: u32 },
    #[error("{path}: model trained on features version {found}, this quotegraph computes version {FEATURES_VERSION} (quotegraph {trained_with} made it); retrain it with `quotegraph train`")]
    Features { path: PathBuf, found: u32, trained_with: String },
    #[error("{path}: the model file is damaged (checksum mismatch); retrain or copy it again")]
    Damaged { path: PathBuf },
    #[error("the model could not tag: {0}")]
    Tag(String),
}

/// How a model was made, stored in the file and printed by `train`.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct ModelMeta {
    /// The quotegraph version that trained it.
    pub quotegraph: String,
    pub trained_on: Vec<String>,
    pub documents: usize,
    pub sequences: usize,
    pub tokens: usize,
    pub iterations: usize,
    pub c1: f64,
    pub c2: f64,
    pub seed: u64,
}

/// A trained sequence model, loaded once and shared by every document.
pub struct Model {
    crf: Vec<u8>,
    pub meta: ModelMeta,
}

impl Model {
    pub(crate) fn from_crf(crf: Vec<u8>, meta: ModelMeta) -> Model {
        Model { crf, meta }
    }

    /// The model's bytes as a file.
    pub fn to_bytes(&self) -> Vec<u8> {
        // Serialising a struct of strings and numbers cannot fail.
        let meta = serde_json::to_vec(&self.meta).unwrap_or_default();
        let mut out = Vec::with_capacity(HEADER_LEN + meta.len() + self.crf.len());
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        out.extend_from_slice(&FEATURES_VERSION.to_le_bytes());
        out.extend_from_slice(blake3::hash(&self.crf).as_bytes());
        out.extend_from_slice(&(meta.len() as u32).to_le_bytes());
        out.extend_from_slice(&meta);
        out.extend_from_slice(&self.crf);
        out
    }

    pub fn save(&self, path: &Path) -> Result<(), ModelError> {
        let io = |source| ModelError::Io { path: path.to_path_buf(), source };
        // Write beside and rename, so an interrupted save never leaves half a model.
        let tmp = path.with_extension("partial");
        std::fs::write(&tmp, self.to_bytes()).map_err(io)?;
        std::fs::rename(&tmp, path).map_err(io)
    }

    pub fn load(path: &Path) -> Result<Model, ModelError> {
        let bytes = std::fs::read(path).map_err(|source| ModelError::Io { path: path.to_path_buf(), source })?;
        Model::from_bytes(&bytes, path)
    }

    pub fn from_bytes(bytes: &[u8], path: &Path) -> Result<Model, ModelError> {
        let path = path.to_path_buf();
        // Invariant: `||` reads the magic only when the header is all there.
        if bytes.len() < HEADER_LEN || &bytes[..8] != MAGIC {
            return Err(ModelError::NotAModel { path });
        }
        // Invariant: called below with 8, 12 and 48 only: `i + 3 < HEADER_LEN <= bytes.len()`.
        let u32_at = |i: usize| u32::from_le_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]);
        // Invariant: offsets below are within HEADER_LEN, checked above.
        let format = u32_at(8);
        if format != FORMAT_VERSION {
            return Err(ModelError::Format { path, found: format });
        }
        let features = u32_at(12);
        let meta_len = u32_at(48) as usize;
        let Some(meta_bytes) = bytes.get(HEADER_LEN..HEADER_LEN + meta_len) else {
            return Err(ModelError::Damaged { path });
        };
        let meta: ModelMeta = serde_json::from_slice(meta_bytes).map_err(|_| ModelError::Damaged { path: path.clone() })?;
        if features != FEATURES_VERSION {
            return Err(ModelError::Features { path, found: features, trained_with: meta.quotegraph });
        }
        // Invariant: `bytes.get(HEADER_LEN..HEADER_LEN + meta_len)` succeeded above; 16..48 < HEADER_LEN.
        let crf = &bytes[HEADER_LEN + meta_len..];
        if blake3::hash(crf).as_bytes() != &bytes[16..48] {
            return Err(ModelError::Damaged { path });
        }
        // The checksum matches what `train` wrote, so crfs reads its own output.
        crfs::Model::new(crf).map_err(|_| ModelError::Damaged { path: path.clone() })?;
        Ok(Model { crf: crf.to_vec(), meta })
    }

    /// Labels one sequence.
    pub fn tag(&self, xseq: &[Vec<crfs::Attribute>]) -> Result<Vec<Label>, ModelError> {
        let model = crfs::Model::new(&self.crf).map_err(|e| ModelError::Tag(e.to_string()))?;
        let tagger = model.tagger().map_err(|e| ModelError::Tag(e.to_string()))?;
        let out = tagger.tag(xseq).map_err(|e| ModelError::Tag(e.to_string()))?;
        Ok(out.into_iter().map(|l| Label::parse(l).unwrap_or(Label::O)).collect())
    }
}
