//! The pipeline's order, in one place: sources → extract → store.
//! Inputs are read one at a time, documents are extracted in parallel
//! batches (rayon; the stages themselves are sequential and pure), and
//! each batch is stored in one transaction.

use std::path::PathBuf;

use rayon::prelude::*;
use sitrep_extract::{ExtractOptions, extract};
use sitrep_ingest::{Items, Limits, expand_paths, read_file, read_stdin_jsonl};
use sitrep_model::{Article, Document, Rejection};

/// Documents extracted and stored together.
pub const BATCH: usize = 64;

/// One input to read: a file or standard input.
pub enum Input {
    /// A file.
    File(PathBuf),
    /// JSON Lines on standard input.
    Stdin,
}

/// Resolve command-line paths into inputs; `-` is standard input.
/// Paths that cannot be found come back as rejections.
pub fn resolve_inputs(paths: &[PathBuf]) -> (Vec<Input>, Vec<Rejection>) {
    let (files, rejected) = expand_paths(
        &paths
            .iter()
            .filter(|p| p.as_os_str() != "-")
            .cloned()
            .collect::<Vec<_>>(),
    );
    let mut inputs: Vec<Input> = files.into_iter().map(Input::File).collect();
    if paths.iter().any(|p| p.as_os_str() == "-") {
        inputs.push(Input::Stdin);
    }
    (inputs, rejected)
}

/// The documents of one input.
pub fn read_input(input: &Input, limits: &Limits) -> Items {
    match input {
        Input::File(path) => read_file(path, limits),
        Input::Stdin => read_stdin_jsonl(limits),
    }
}

/// Extract a batch of documents in parallel, keeping input order.
pub fn extract_batch(docs: &[Document], options: &ExtractOptions) -> Vec<Result<Article, Rejection>> {
    docs.par_iter()
        .map(|doc| extract(doc, options).map_err(|reason| Rejection::new(doc.origin.clone(), reason)))
        .collect()
}

/// Feed every outcome of `items` to `sink` in batches: rejected inputs as
/// they come, documents extracted [`BATCH`] at a time.
pub fn for_each_batch<E>(
    items: Items,
    options: &ExtractOptions,
    mut sink: impl FnMut(Vec<Result<Article, Rejection>>) -> Result<(), E>,
) -> Result<(), E> {
    let mut docs = Vec::with_capacity(BATCH);
    let mut rejected = Vec::new();
    for item in items {
        match item {
            Ok(doc) => docs.push(doc),
            Err(r) => rejected.push(Err(r)),
        }
        if docs.len() >= BATCH {
            let mut outcomes = std::mem::take(&mut rejected);
            outcomes.extend(extract_batch(&docs, options));
            docs.clear();
            sink(outcomes)?;
        }
    }
    let mut outcomes = rejected;
    outcomes.extend(extract_batch(&docs, options));
    if outcomes.is_empty() {
        return Ok(());
    }
    sink(outcomes)
}
