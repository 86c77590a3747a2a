//! The clustering step of ingest: loads the sentence-embedding model once
//! (or says once why not and clusters lexically), restores the online
//! clusterer from the store, places each batch's new articles into stories
//! and threads, and hands the rows to the store.
//!
//! Articles stored without a placement (a database from before stories
//! existed, or an ingest interrupted between its two transactions) are
//! placed first, in storage order, so nothing stays unclustered.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::Context;
use rayon::prelude::*;
use sitrep_cluster::embed::Embedder;
use sitrep_cluster::{
    ArticleView, BatchOutcome, Clusterer, DateBasis, Features, Incoming, MODEL_NAME, Params, PassageLink,
    Replay, codec, embedding_text, features,
};
use sitrep_model::{Article, ArticleId, DuplicateLink};
use sitrep_store::{
    AnnotationRecord, ClusterBatch, PlacementRecord, Store, StoryMergeRecord, StoryRecord, ThreadLinkRecord,
    VectorRecord,
};

/// Word pieces of headline and lead the model reads.
const MAX_TOKENS: usize = 128;

/// Which similarity the clusterer uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Method {
    /// Embeddings when the model is there, else lexical.
    Auto,
    /// TF-IDF, entities, dates and shared passages; no model.
    Lexical,
    /// Plain TF-IDF single-pass clustering (for comparison).
    Baseline,
}

/// Load the model from `dir`, or say once why not.
pub fn load_embedder(dir: &Path) -> Option<Embedder> {
    let read =
        |name: &str| std::fs::read(dir.join(name)).with_context(|| format!("{}", dir.join(name).display()));
    let loaded = (|| -> anyhow::Result<Embedder> {
        let weights = read("model.safetensors")?;
        let tokenizer = read("tokenizer.json")?;
        let config = read("config.json")?;
        Ok(Embedder::from_bytes(weights, &tokenizer, &config, MAX_TOKENS)?)
    })();
    match loaded {
        Ok(e) => Some(e),
        Err(why) => {
            eprintln!(
                "sitrep: sentence-embedding model unavailable ({why:#}); run scripts/setup.sh to fetch \
                 {MODEL_NAME}. Clustering stories lexically (TF-IDF, entities, dates, shared passages)."
            );
            None
        }
    }
}

/// The clustering stage with its model.
pub struct Clustering {
    clusterer: Clusterer,
    embedder: Option<Embedder>,
}

fn basis_of(s: Option<&str>) -> Option<DateBasis> {
    s.and_then(DateBasis::parse)
}

impl Clustering {
    /// Restore the clusterer from the store and place any stored article
    /// that has no story yet.
    pub fn restore(
        store: &mut Store,
        method: Method,
        window_days: i64,
        model_dir: &Path,
    ) -> anyhow::Result<Self> {
        let embedder = match method {
            Method::Auto => load_embedder(model_dir),
            Method::Lexical | Method::Baseline => None,
        };
        let base = match (method, &embedder) {
            (Method::Baseline, _) => Params::baseline(),
            (_, Some(_)) => Params::with_embeddings(),
            (_, None) => Params::lexical(),
        };
        let params = Params { window_days, ..base };
        let latest_clock = store.cluster_latest_clock()?;
        let since = latest_clock.map(|c| c - window_days);
        let mut replays = Vec::new();
        for row in store.cluster_active(since, MODEL_NAME)? {
            let p = row.placement;
            let features = codec::decode_features(&p.features)
                .with_context(|| format!("restoring stories (article {})", p.article))?;
            let vector = match (&embedder, row.vector) {
                (Some(_), Some(v)) => Some(codec::decode_vector(&v).context("restoring a cached vector")?),
                _ => None,
            };
            replays.push(Replay {
                incoming: Incoming {
                    id: p.article,
                    features,
                    vector,
                    links: Vec::new(),
                },
                story: p.story,
                thread: row.thread,
                seq: p.seq,
                day: p.day,
                basis: basis_of(p.basis.as_deref()),
                clock: p.clock,
            });
        }
        let mut this = Self {
            clusterer: Clusterer::restore(params, replays, store.cluster_latest_seq()?, latest_clock),
            embedder,
        };
        this.catch_up(store)?;
        Ok(this)
    }

    fn catch_up(&mut self, store: &mut Store) -> anyhow::Result<()> {
        let unplaced = store.cluster_unplaced()?;
        if unplaced.is_empty() {
            return Ok(());
        }
        let dedup = store.dedup_view()?;
        for chunk in unplaced.chunks(crate::pipeline::BATCH) {
            let mut articles = Vec::with_capacity(chunk.len());
            let mut annotations = Vec::with_capacity(chunk.len());
            for id in chunk {
                if let Some(a) = store.article(id)? {
                    annotations.push(store.annotation(id)?.unwrap_or_else(|| AnnotationRecord {
                        article: id.clone(),
                        annotations: Default::default(),
                        entities: Vec::new(),
                    }));
                    articles.push(a);
                }
            }
            let links: BTreeMap<&ArticleId, &[DuplicateLink]> =
                dedup.links.iter().map(|(k, v)| (k, v.as_slice())).collect();
            let batch = self.batch(store, &articles, &annotations, &links, &mut Prepared::new())?;
            store.insert_clusters(&batch)?;
        }
        Ok(())
    }

    /// Place the newly stored articles of a batch (with their annotation
    /// records and dedup links) and return the rows to store. Features
    /// found in `prepared` (see [`prepare`]) are taken from there.
    pub fn batch(
        &mut self,
        store: &Store,
        articles: &[Article],
        annotations: &[AnnotationRecord],
        links: &BTreeMap<&ArticleId, &[DuplicateLink]>,
        prepared: &mut Prepared,
    ) -> anyhow::Result<ClusterBatch> {
        let stored = self.stored_vectors(store, articles)?;
        self.batch_with(stored, articles, annotations, links, prepared)
    }

    /// [`Clustering::batch`] given the stored embeddings of the articles
    /// ([`Clustering::stored_vectors`]): it reads nothing from the store,
    /// so it can run while the store writes the articles.
    pub fn batch_with(
        &mut self,
        stored: Vectors,
        articles: &[Article],
        annotations: &[AnnotationRecord],
        links: &BTreeMap<&ArticleId, &[DuplicateLink]>,
        prepared: &mut Prepared,
    ) -> anyhow::Result<ClusterBatch> {
        let by_id: BTreeMap<&ArticleId, &AnnotationRecord> =
            annotations.iter().map(|r| (&r.article, r)).collect();
        let mut incoming = Vec::with_capacity(articles.len());
        let mut encoded: BTreeMap<ArticleId, Vec<u8>> = BTreeMap::new();
        let (mut vectors_of, vectors) = self.vectors(stored, articles, &by_id)?;
        let todo: Vec<&Article> = articles
            .iter()
            .filter(|a| !prepared.contains_key(&a.id))
            .collect();
        let records: Vec<Option<&AnnotationRecord>> =
            todo.iter().map(|a| by_id.get(&a.id).copied()).collect();
        prepared.extend(prepare(&todo, &records));
        for a in articles {
            let (f, bytes) = prepared
                .remove(&a.id)
                .unwrap_or_else(|| prepare_one(a, by_id.get(&a.id).copied()));
            encoded.insert(a.id.clone(), bytes);
            incoming.push(Incoming {
                id: a.id.clone(),
                features: f,
                vector: vectors_of.remove(&a.id),
                links: links
                    .get(&a.id)
                    .map(|ls| {
                        ls.iter()
                            .map(|l| PassageLink {
                                other: l.other.clone(),
                                quotes_only: l.passages.iter().all(|p| p.quote),
                            })
                            .collect()
                    })
                    .unwrap_or_default(),
            });
        }
        let outcome = self.clusterer.add_batch(incoming);
        Ok(rows(outcome, encoded, vectors))
    }

    /// The stored sentence embeddings of `articles` (none without a model).
    pub fn stored_vectors(&self, store: &Store, articles: &[Article]) -> anyhow::Result<Vectors> {
        let mut out = BTreeMap::new();
        if self.embedder.is_none() {
            return Ok(out);
        }
        for a in articles {
            if let Some(v) = store.cluster_vector(&a.id, MODEL_NAME)? {
                out.insert(a.id.clone(), codec::decode_vector(&v)?);
            }
        }
        Ok(out)
    }

    /// The sentence embedding of each article (none without a model): the
    /// stored one (in `stored`), else computed, articles in parallel, each
    /// text on its own so a vector does not depend on the split; the
    /// computed ones are also returned as rows to store.
    fn vectors(
        &self,
        stored: Vectors,
        articles: &[Article],
        by_id: &BTreeMap<&ArticleId, &AnnotationRecord>,
    ) -> anyhow::Result<(Vectors, Vec<VectorRecord>)> {
        let mut out = stored;
        let Some(embedder) = &self.embedder else {
            return Ok((out, Vec::new()));
        };
        let empty = Default::default();
        let mut todo: Vec<(&ArticleId, String)> = Vec::new();
        for a in articles {
            if !out.contains_key(&a.id) {
                let ann = by_id.get(&a.id).map_or(&empty, |r| &r.annotations);
                todo.push((&a.id, embedding_text(a, ann)));
            }
        }
        let computed: Vec<anyhow::Result<Vec<f32>>> = todo
            .par_iter()
            .map(|(id, text)| {
                embedder
                    .embed(text)
                    .with_context(|| format!("embedding article {id}"))
            })
            .collect();
        let mut rows = Vec::with_capacity(todo.len());
        for ((id, _), vector) in todo.into_iter().zip(computed) {
            let vector = vector?;
            rows.push(VectorRecord {
                article: id.clone(),
                model: MODEL_NAME.to_owned(),
                vector: codec::encode_vector(&vector),
            });
            out.insert(id.clone(), vector);
        }
        Ok((out, rows))
    }
}

/// Articles' clustering features and their stored encoding, computed
/// ahead of placing them.
pub type Prepared = BTreeMap<ArticleId, (Features, Vec<u8>)>;

/// The features of `articles` (each with its annotation record, if any),
/// computed and encoded in parallel: pure per article, so it does not
/// matter on which thread or how far ahead.
pub fn prepare(articles: &[&Article], records: &[Option<&AnnotationRecord>]) -> Prepared {
    articles
        .par_iter()
        .zip(records.par_iter())
        .map(|(a, record)| (a.id.clone(), prepare_one(a, *record)))
        .collect()
}

/// The features of one article and their encoding.
fn prepare_one(article: &Article, record: Option<&AnnotationRecord>) -> (Features, Vec<u8>) {
    let empty = Default::default();
    let f = features(ArticleView {
        article,
        annotations: record.map_or(&empty, |r| &r.annotations),
        entities: record.map_or(&[], |r| r.entities.as_slice()),
    });
    let bytes = codec::encode_features(&f);
    (f, bytes)
}

/// Sentence embeddings by article.
/// Sentence embeddings by article.
pub type Vectors = BTreeMap<ArticleId, Vec<f32>>;

fn rows(
    outcome: BatchOutcome,
    mut encoded: BTreeMap<ArticleId, Vec<u8>>,
    vectors: Vec<VectorRecord>,
) -> ClusterBatch {
    ClusterBatch {
        placements: outcome
            .placements
            .into_iter()
            .map(|p| PlacementRecord {
                features: encoded.remove(&p.article).unwrap_or_default(),
                article: p.article,
                seq: p.seq,
                story: p.story,
                day: p.day,
                basis: p.basis.map(|b| b.as_str().to_owned()),
                clock: p.clock,
                score: f64::from(p.score),
            })
            .collect(),
        vectors,
        stories: outcome
            .stories
            .into_iter()
            .map(|s| StoryRecord {
                id: s.id,
                thread: s.thread,
                title: s.title,
                first_published: s.first_published,
                last_published: s.last_published,
                last_clock: s.last_clock,
                size: i64::try_from(s.size).unwrap_or(i64::MAX),
            })
            .collect(),
        links: outcome
            .links
            .into_iter()
            .map(|l| ThreadLinkRecord {
                evidence: serde_json::json!({"entities": l.entities, "terms": l.terms}).to_string(),
                story: l.story,
                other: l.other,
                score: f64::from(l.score),
            })
            .collect(),
        merges: outcome
            .merges
            .into_iter()
            .map(|m| StoryMergeRecord {
                from: m.from,
                into: m.into,
                from_thread: m.from_thread,
                into_thread: m.into_thread,
            })
            .collect(),
    }
}

/// The `ingest` options of story clustering.
#[derive(Debug, Clone, clap::Args)]
pub struct ClusterArgs {
    /// Similarity for story clustering: `auto` uses sentence embeddings
    /// when the model is installed, else `lexical`; `baseline` is plain
    /// TF-IDF single-pass clustering, for comparison.
    #[arg(long, value_enum, default_value_t = Method::Auto)]
    pub clustering: Method,
    /// Days a story stays open to new articles after its latest one, by
    /// the newest publication date seen.
    #[arg(long, value_name = "DAYS", default_value_t = 90)]
    pub story_window: i64,
}

impl Clustering {
    /// Place the articles of an ingest batch that are not stored yet (the
    /// ones its dedup records name, each once), with their annotation
    /// records, given their stored embeddings
    /// ([`Clustering::stored_vectors`] of [`new_articles`]): it reads
    /// nothing from the store, so it runs while the store writes them.
    pub fn batch_new(
        &mut self,
        stored: Vectors,
        new: &[Article],
        annotations: &[AnnotationRecord],
        dedup: &[sitrep_store::DedupRecord],
        prepared: &mut Prepared,
    ) -> anyhow::Result<ClusterBatch> {
        let links: BTreeMap<&ArticleId, &[DuplicateLink]> =
            dedup.iter().map(|r| (&r.article, r.links.as_slice())).collect();
        self.batch_with(stored, new, annotations, &links, prepared)
    }
}

/// The articles of an ingest batch its dedup records name (the ones not
/// stored yet, first occurrence of each), in batch order: what the store
/// inserts and clustering places.
pub fn new_articles(articles: &[Article], dedup: &[sitrep_store::DedupRecord]) -> Vec<Article> {
    let wanted: std::collections::BTreeSet<&ArticleId> = dedup.iter().map(|r| &r.article).collect();
    let mut seen = std::collections::BTreeSet::new();
    articles
        .iter()
        .filter(|a| wanted.contains(&a.id) && seen.insert(&a.id))
        .cloned()
        .collect()
}
