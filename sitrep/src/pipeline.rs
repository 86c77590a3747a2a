//! The pipeline's order, in one place: sources → extract → annotate →
//! events → dedup → store.
//! Inputs are read one at a time, documents are extracted in parallel
//! batches (rayon; the stages themselves are sequential and pure), the new
//! articles of a batch are deduplicated in input order against the online
//! index (restored from the store at start), and each batch — articles and
//! their dedup rows — is stored in one transaction. `sitrep ingest` runs
//! the stages on two threads: one reads, extracts, annotates and codes a
//! batch while the other deduplicates, stores and clusters the batch
//! before it ([`fresh_in_stream`] tells the first which articles are new
//! without waiting for the store); each stage still sees the batches in
//! input order and what it saw when they ran one after the other.

use std::path::PathBuf;

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashSet};

use anyhow::Context;
use rayon::prelude::*;
use sitrep_annotate::{Resources, annotate};
use sitrep_dedup::{DedupIndex, Existing, Incoming, Params, Ready, Signature};
use sitrep_extract::{ExtractOptions, extract};
use sitrep_ingest::{Items, Limits, expand_paths, read_file, read_stdin_jsonl};
use sitrep_model::{Article, ArticleId, Document, Entity, EntityKind, Rejection};
use sitrep_store::{AnnotationRecord, DedupRecord, EventRecord, Store};

/// Documents extracted and stored together. 10k synthetic articles,
/// lexical: 64 → 12.1 s, 256 → 10.7–11.3 s, 512 → 10.5–10.7 s, 1024 →
/// 10.3–10.4 s (fewer transactions and larger parallel batches; peak RSS
/// 494 MiB at 512). Placement in stories sorts a batch by date, so the
/// size can move an article: on a 2k stream 1,068 stories at 64 against
/// 1,067 at 512 (BCubed 0.999 / 1.0 of one against the other).
pub const BATCH: usize = 512;

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

/// The dedup stage: the online index, restored from the store.
pub struct Dedup {
    index: DedupIndex,
}

impl Dedup {
    /// [`Dedup::restore`] with the default parameters and a window of
    /// `window_days`.
    pub fn restore_window(store: &Store, window_days: u32) -> anyhow::Result<Self> {
        Self::restore(
            store,
            Params {
                window_days,
                ..Params::default()
            },
        )
    }

    /// Rebuild the index from the signatures stored within the window.
    pub fn restore(store: &Store, params: Params) -> anyhow::Result<Self> {
        let mut index = DedupIndex::new(params);
        let since = store
            .dedup_latest_time()?
            .map(|t| t - i64::from(params.window_days));
        for row in store.dedup_signatures(since)? {
            let signature = Signature::from_bytes(&row.signature, &params)
                .with_context(|| format!("restoring the dedup index (article {})", row.article))?;
            index.insert_at(row.article, row.time, row.published, &signature);
        }
        Ok(Self { index })
    }

    /// Deduplicate the articles of a batch that are not stored yet, in
    /// order: each is compared with the stored articles and the earlier
    /// ones of the batch it shares fingerprints with. Tokenising and
    /// signing (pure) runs in parallel; the index is used in input order.
    pub fn batch(&mut self, store: &Store, articles: &[Article]) -> anyhow::Result<Vec<DedupRecord>> {
        let fresh = fresh_articles(store, articles)?;
        let params = *self.index.params();
        let ready: Vec<Ready> = fresh.par_iter().map(|a| Ready::new(&a.text, &params)).collect();
        let mut seen: BTreeMap<&ArticleId, &Article> = BTreeMap::new();
        let mut records = Vec::new();
        for (a, ready) in fresh.into_iter().zip(ready) {
            let outcome = self.index.process_ready(
                Incoming {
                    id: &a.id,
                    text: &a.text,
                    published: a.published,
                },
                ready,
                |other| -> anyhow::Result<Option<Existing<'_>>> {
                    if let Some(b) = seen.get(other) {
                        return Ok(Some(Existing {
                            text: Cow::Borrowed(b.text.as_str()),
                        }));
                    }
                    Ok(store.article(other)?.map(|b| Existing {
                        text: Cow::Owned(b.text),
                    }))
                },
            )?;
            records.push(DedupRecord {
                article: a.id.clone(),
                time: outcome.time,
                signature: outcome.signature.to_bytes(self.index.params()),
                duplicate_of: outcome.duplicate_of,
                links: outcome.links,
            });
            seen.insert(&a.id, a);
        }
        Ok(records)
    }
}

/// The articles of a batch not stored yet, first occurrence of each id.
pub fn fresh_articles<'a>(store: &Store, articles: &'a [Article]) -> anyhow::Result<Vec<&'a Article>> {
    let mut seen: BTreeMap<&ArticleId, ()> = BTreeMap::new();
    let mut fresh = Vec::new();
    for a in articles {
        if seen.insert(&a.id, ()).is_none() && !store.contains(&a.id)? {
            fresh.push(a);
        }
    }
    Ok(fresh)
}

/// The articles of a batch not stored yet, first occurrence of each id,
/// for a batch annotated while the batches before it may still be on
/// their way into the store: not in `before` (the store as the ingest
/// began) and not in an earlier batch of this ingest (`seen`, which this
/// extends). Since every article of an earlier batch is stored (or was
/// already), this is [`fresh_articles`] as it would answer once they are.
pub fn fresh_in_stream<'a>(
    before: &Store,
    seen: &mut HashSet<ArticleId>,
    articles: &'a [Article],
) -> anyhow::Result<Vec<&'a Article>> {
    let mut fresh = Vec::new();
    for a in articles {
        if !seen.contains(&a.id) {
            seen.insert(a.id.clone());
            if !before.contains(&a.id)? {
                fresh.push(a);
            }
        }
    }
    Ok(fresh)
}

/// Annotate the new articles of a batch in parallel, keeping input order;
/// entities left without a country take the one `countries` learnt for
/// them from this batch and the run's earlier ones.
pub fn annotate_batch(
    articles: &[&Article],
    resources: &Resources,
    countries: &mut EntityCountries,
) -> Vec<AnnotationRecord> {
    let mut records: Vec<AnnotationRecord> = articles
        .par_iter()
        .map(|a| {
            let out = annotate(a, resources, None);
            AnnotationRecord {
                article: a.id.clone(),
                annotations: out.annotations,
                entities: out.entities,
            }
        })
        .collect();
    countries.learn(&records);
    countries.fill(&mut records);
    records
}

/// The countries the articles of an ingest run give each entity, so that
/// one an article leaves without a country takes the one every other
/// article that places it gives it: "Secretary of State Marco Rubio" in a
/// Nairobi paper is the "U.S. Secretary of State Marco Rubio" of the
/// others (else the coder would take him for a Kenyan). People only when
/// named by first and last name (a lone surname's id is anyone's),
/// organisations and groups; never places. Learnt in stream order, so
/// the same input in the same order gives the same entities.
#[derive(Debug, Default)]
pub struct EntityCountries {
    placed: BTreeMap<String, BTreeSet<String>>,
}

impl EntityCountries {
    fn shareable(e: &Entity) -> bool {
        match e.kind {
            EntityKind::Person => {
                e.id.as_str()
                    .strip_prefix("person:")
                    .is_some_and(|n| n.contains('-'))
            }
            EntityKind::Organization | EntityKind::Group => true,
            _ => false,
        }
    }

    /// Record the countries the batch's articles give their entities.
    fn learn(&mut self, records: &[AnnotationRecord]) {
        for e in records.iter().flat_map(|r| &r.entities) {
            if let Some(country) = &e.country
                && Self::shareable(e)
            {
                self.placed
                    .entry(e.id.as_str().to_owned())
                    .or_default()
                    .insert(country.clone());
            }
        }
    }

    /// Give an entity with no country the one country learnt for it.
    fn fill(&self, records: &mut [AnnotationRecord]) {
        for e in records.iter_mut().flat_map(|r| r.entities.iter_mut()) {
            if e.country.is_none()
                && Self::shareable(e)
                && let Some(countries) = self.placed.get(e.id.as_str())
                && countries.len() == 1
            {
                e.country = countries.first().cloned();
            }
        }
    }
}

/// Code the events of the newly annotated articles of a batch, in
/// parallel, keeping input order.
pub fn events_batch(
    articles: &[&Article],
    annotations: &[AnnotationRecord],
    lexicon: &sitrep_events::Lexicon,
) -> Vec<EventRecord> {
    articles
        .par_iter()
        .zip(annotations.par_iter())
        .map(|(a, record)| EventRecord {
            article: a.id.clone(),
            events: sitrep_events::code_events(a, &record.annotations, &record.entities, lexicon),
        })
        .collect()
}
