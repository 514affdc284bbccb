//! Fitting the CRF to gold: one sequence per paragraph, the features of
//! [`super::features`], L-BFGS with elastic-net regularisation (crfs).

use std::path::Path;

use crfs::train::Trainer;
use crfs::Attribute;
use rayon::prelude::*;

use super::features::DocFeatures;
use super::gold::GoldDoc;
use super::modelfile::{Model, ModelMeta};
use super::tags::{encode, Label};
use super::LearnError;
use crate::extract::Analysis;

/// Settings of one training run.
#[derive(Clone, Debug)]
pub struct TrainOptions {
    /// L-BFGS iterations.
    pub iterations: usize,
    /// L1 coefficient: sparsifies the model (smaller file, faster tagging).
    pub c1: f64,
    /// L2 coefficient.
    pub c2: f64,
    /// Seed for every random choice (L-BFGS itself is deterministic; kept so
    /// a run is reproducible whatever the algorithm).
    pub seed: u64,
    /// Features seen fewer times than this are dropped.
    pub min_freq: f64,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions { iterations: 150, c1: 0.05, c2: 0.01, seed: 1, min_freq: 1.0 }
    }
}

/// One labelled sequence (a paragraph).
pub struct Instance {
    pub xseq: Vec<Vec<Attribute>>,
    pub yseq: Vec<Label>,
}

/// The labelled sequences of one gold document.
pub fn instances(doc: &GoldDoc) -> Vec<Instance> {
    let a = Analysis::new(&doc.text);
    let x = crate::extract::extract_analysis(&a);
    let f = DocFeatures::new(&a, &x);
    let labels = encode(&a.tokens, &doc.attributions);
    f.paragraphs().into_iter().map(|range| Instance { xseq: f.sequence(range.clone()), yseq: labels[range].to_vec() }).collect()
}

/// Features for every document, in parallel, in document order; `progress`
/// is called once per document.
pub fn featurize(docs: &[GoldDoc], progress: &(dyn Fn() + Sync)) -> Vec<Vec<Instance>> {
    docs.par_iter()
        .map(|d| {
            let out = instances(d);
            progress();
            out
        })
        .collect()
}

/// Trains a model on prepared instances. `scratch` is a file path crfs may
/// write its model to (it is read back and removed).
pub fn train(sets: &[Vec<Instance>], opts: &TrainOptions, trained_on: Vec<String>, scratch: &Path) -> Result<Model, LearnError> {
    let mut trainer = Trainer::lbfgs();
    trainer.verbose(false);
    let mut meta = ModelMeta {
        quotegraph: env!("CARGO_PKG_VERSION").to_string(),
        trained_on,
        documents: sets.len(),
        iterations: opts.iterations,
        c1: opts.c1,
        c2: opts.c2,
        seed: opts.seed,
        ..ModelMeta::default()
    };
    for inst in sets.iter().flatten() {
        if inst.yseq.is_empty() {
            continue;
        }
        let ys: Vec<&str> = inst.yseq.iter().map(|l| l.as_str()).collect();
        trainer.append(&inst.xseq, &ys).map_err(LearnError::Train)?;
        meta.sequences += 1;
        meta.tokens += ys.len();
    }
    let p = trainer.params_mut();
    p.set_c1(opts.c1).map_err(LearnError::Train)?;
    p.set_c2(opts.c2).map_err(LearnError::Train)?;
    p.set_max_iterations(opts.iterations).map_err(LearnError::Train)?;
    trainer.set_feature_minfreq(opts.min_freq).map_err(LearnError::Train)?;
    trainer.train(scratch).map_err(LearnError::Train)?;
    let crf = std::fs::read(scratch).map_err(|source| LearnError::Io { path: scratch.to_path_buf(), source })?;
    let _ = std::fs::remove_file(scratch);
    Ok(Model::from_crf(crf, meta))
}
