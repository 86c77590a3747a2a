//! `sitrep serve`: the HTTP API and dashboard (`sitrep_server`), wired to
//! this binary's pipeline: `POST /api/articles` runs the same stages as
//! `sitrep ingest`, `/api/entities` the same merge as `sitrep entities`,
//! and the threads come from the store's stories (or a timeline document
//! given with `--timeline`).

use std::io::Write;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use anyhow::Context;
use sitrep_annotate::Resources;
use sitrep_extract::ExtractOptions;
use sitrep_ingest::Limits;
use sitrep_ingest::sniff::InputKind;
use sitrep_model::ArticleId;
use sitrep_server::{
    BodyKind, EntityMerge, EntitySummary, HookError, Hooks, Ingest, IngestReport, RejectedInput,
    ServerConfig, Situation, SituationDoc,
};
use sitrep_store::{AnnotationRecord, Store};

use crate::pipeline::{Dedup, EntityCountries, annotate_batch, for_each_batch, fresh_articles};

/// The options of `sitrep serve`, resolved.
pub struct ServeOptions {
    /// Database file.
    pub db: PathBuf,
    /// Address to listen on.
    pub addr: SocketAddr,
    /// The ingest token, when set.
    pub token: Option<String>,
    /// Days an article stays in the duplicate index.
    pub dedup_window: u32,
    /// A timeline document to serve instead of the store's stories.
    pub timeline: Option<PathBuf>,
    /// The country outlines built by set-up.
    pub map: PathBuf,
}

pub fn run(options: ServeOptions) -> anyhow::Result<()> {
    sitrep_server::check_exposure(&options.addr, options.token.as_deref())?;
    let ingest: Option<Box<dyn Ingest>> = match &options.token {
        Some(_) => Some(Box::new(PipelineIngest::open(&options.db, options.dedup_window)?)),
        None => None,
    };
    let situation: Box<dyn Situation> = match &options.timeline {
        Some(path) => Box::new(TimelineFile::read(path)?),
        None => Box::new(StoreSituation {
            lexicon: crate::resources::event_lexicon(),
        }),
    };
    let map = match std::fs::read(&options.map) {
        Ok(bytes) => Some(bytes),
        Err(e) => {
            eprintln!(
                "sitrep: map outlines unavailable ({}: {e}); run scripts/setup.sh to build them. \
                 The dashboard's map shows a plain grid with the event places.",
                options.map.display()
            );
            None
        }
    };
    let config = ServerConfig {
        token: options.token.clone(),
        map,
        ..ServerConfig::new(options.db.clone())
    };
    let hooks = Hooks {
        ingest,
        entities: Box::new(CorpusMerge),
        situation,
    };
    let app = sitrep_server::app(&config, hooks)
        .with_context(|| format!("opening the store {}", options.db.display()))?;
    let ingest_note = if options.token.is_some() {
        "ingest: POST /api/articles with the bearer token"
    } else {
        "ingest over HTTP off (no token)"
    };
    sitrep_server::run(app, options.addr, |bound| {
        // The first line is the address, for scripts that start on port 0.
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "listening on http://{bound}/");
        let _ = writeln!(out, "API: http://{bound}/api/openapi.json; {ingest_note}");
        let _ = out.flush();
    })?;
    Ok(())
}

/// The ingest pipeline behind `POST /api/articles`: one request at a time,
/// on its own write connection, with the dedup index restored once.
struct PipelineIngest {
    state: Mutex<IngestState>,
    resources: Resources,
}

struct IngestState {
    store: Store,
    dedup: Dedup,
}

impl PipelineIngest {
    fn open(db: &Path, dedup_window: u32) -> anyhow::Result<Self> {
        let store = Store::open(db).with_context(|| format!("opening the store {}", db.display()))?;
        let dedup = Dedup::restore_window(&store, dedup_window)?;
        Ok(Self {
            state: Mutex::new(IngestState { store, dedup }),
            resources: crate::resources::load(),
        })
    }

    fn run(&self, body: Vec<u8>, kind: BodyKind, origin: &str) -> anyhow::Result<IngestReport> {
        let mut state = self
            .state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let IngestState { store, dedup } = &mut *state;
        let input_kind = match kind {
            BodyKind::Json => InputKind::Json,
            BodyKind::Html => InputKind::Html,
            BodyKind::Text => InputKind::Text,
        };
        let mut report = IngestReport::default();
        for_each_batch(
            sitrep_ingest::read_bytes(body, Some(input_kind), origin, &Limits::default()),
            &ExtractOptions::default(),
            |outcomes| -> anyhow::Result<()> {
                let mut articles = Vec::with_capacity(outcomes.len());
                for outcome in outcomes {
                    match outcome {
                        Ok(article) => articles.push(article),
                        Err(r) => report.rejected.push(RejectedInput {
                            origin: r.origin.clone(),
                            reason: r.reason.to_string(),
                        }),
                    }
                }
                let annotations = annotate_batch(
                    &fresh_articles(store, &articles)?,
                    &self.resources,
                    &mut EntityCountries::default(),
                );
                let records = dedup.batch(store, &articles)?;
                let stored = store.insert_batch(&articles, &records, &annotations)?;
                report.inserted.extend(stored.inserted);
                report.existing.extend(stored.existing);
                Ok(())
            },
        )?;
        Ok(report)
    }
}

impl Ingest for PipelineIngest {
    fn ingest(&self, body: Vec<u8>, kind: BodyKind, origin: &str) -> Result<IngestReport, HookError> {
        self.run(body, kind, origin)
            .map_err(|e| HookError(format!("{e:#}")))
    }
}

/// The `sitrep entities` merge.
struct CorpusMerge;

impl EntityMerge for CorpusMerge {
    fn merge(&self, records: &[AnnotationRecord]) -> Vec<EntitySummary> {
        super::entities::merge(records)
            .entities
            .into_iter()
            .map(|e| EntitySummary {
                entity: e.entity,
                mentions: e.mentions,
                articles: e.articles.into_iter().map(ArticleId::from_stored).collect(),
            })
            .collect()
    }
}

/// A timeline document read once at start-up (the `sitrep timeline
/// --json` shape, optionally with a `stories` list).
struct TimelineFile(SituationDoc);

impl TimelineFile {
    fn read(path: &Path) -> anyhow::Result<Self> {
        let bytes =
            std::fs::read(path).with_context(|| format!("reading the timeline {}", path.display()))?;
        let doc: SituationDoc = serde_json::from_slice(&bytes)
            .with_context(|| format!("{} is not a timeline document", path.display()))?;
        Ok(Self(doc))
    }
}

impl Situation for TimelineFile {
    fn load(&self, _store: &Store) -> Result<SituationDoc, HookError> {
        Ok(self.0.clone())
    }
}

/// The store's threads consolidated into timelines on each change of the
/// store (the server caches the result per store sequence number).
struct StoreSituation {
    /// Codes the events of undated articles again against their story's date.
    lexicon: sitrep_events::Lexicon,
}

impl Situation for StoreSituation {
    fn load(&self, store: &Store) -> Result<SituationDoc, HookError> {
        let gathered =
            crate::situation::Gathered::read(store, &self.lexicon).map_err(|e| HookError(e.to_string()))?;
        let doc = crate::situation::SituationJson {
            threads: gathered.timelines(None),
            stories: Some(gathered.story_views()),
        };
        serde_json::to_value(&doc)
            .and_then(serde_json::from_value)
            .map_err(|e| HookError(e.to_string()))
    }
}
