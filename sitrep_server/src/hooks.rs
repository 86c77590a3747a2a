//! What the server needs from the rest of sitrep, injected by the binary.
//!
//! Why hooks: the server knows HTTP and the store, nothing of the
//! pipeline. Ingest (extract → annotate → dedup → store), the corpus-wide
//! entity merge and the stories/threads/timeline view are the binary's
//! business; it hands them in as trait objects, so `POST /api/articles`
//! runs exactly the pipeline `sitrep ingest` runs and `/api/entities`
//! lists exactly what `sitrep entities` lists.

use serde::{Deserialize, Serialize};
use sitrep_model::{ArticleId, DatePrecision, Entity, PartialDate};
use sitrep_store::{AnnotationRecord, Store};

/// How the body of an ingest request is to be read (from its
/// `Content-Type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyKind {
    /// One JSON object or an array of them (the `sitrep ingest` JSON input:
    /// `title`, `text`/`maintext`, `url`, `date_publish`/`published`,
    /// `source`/`source_domain`, `authors`, `language`).
    Json,
    /// One HTML page.
    Html,
    /// One plain-text article.
    Text,
}

/// An input the pipeline would not store, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RejectedInput {
    /// Which part of the body (`request.json#2`).
    pub origin: String,
    /// Why, in words.
    pub reason: String,
}

/// What one ingest request did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct IngestReport {
    /// Articles stored by this request.
    pub inserted: Vec<ArticleId>,
    /// Articles that were already stored (same content).
    pub existing: Vec<ArticleId>,
    /// Inputs rejected, with reasons.
    pub rejected: Vec<RejectedInput>,
}

/// A hook failed for a reason of the infrastructure (a store that cannot
/// be written or read); the message goes to the log, never to the client.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct HookError(pub String);

/// The ingest pipeline: extract, annotate, deduplicate and store the
/// articles of one request body. Implementations serialise their writes.
pub trait Ingest: Send + Sync {
    /// Ingest `body`, read as `kind`; `origin` names the request in
    /// rejections.
    fn ingest(&self, body: Vec<u8>, kind: BodyKind, origin: &str) -> Result<IngestReport, HookError>;
}

/// One canonical entity across the corpus (the `sitrep entities --json`
/// shape).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntitySummary {
    /// The entity: id, name, kind, aliases, country, sector.
    #[serde(flatten)]
    pub entity: Entity,
    /// Mentions across all articles.
    pub mentions: usize,
    /// Articles mentioning it, in id order.
    pub articles: Vec<ArticleId>,
}

/// The corpus-wide entity merge: every article's entity records in, one
/// summary per canonical entity out (ids merged where the records say two
/// ids are one entity).
pub trait EntityMerge: Send + Sync {
    /// Merge the records.
    fn merge(&self, records: &[AnnotationRecord]) -> Vec<EntitySummary>;
}

/// Stories, threads and their timelines: what `sitrep stories --json` and
/// `sitrep timeline --json` print.
pub trait Situation: Send + Sync {
    /// The whole picture derived from `store`.
    fn load(&self, store: &Store) -> Result<SituationDoc, HookError>;
}

/// No stories or timeline (the store has none): every list is empty.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoSituation;

impl Situation for NoSituation {
    fn load(&self, _store: &Store) -> Result<SituationDoc, HookError> {
        Ok(SituationDoc::default())
    }
}

/// Stories and threads with their timelines.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SituationDoc {
    /// Threads, each with its timeline.
    #[serde(default)]
    pub threads: Vec<Thread>,
    /// Stories (article clusters).
    #[serde(default)]
    pub stories: Vec<Story>,
}

/// A story: the coverage of one development (the `sitrep stories --json`
/// shape).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Story {
    /// Story id.
    pub id: String,
    /// A headline for it.
    #[serde(default)]
    pub title: Option<String>,
    /// Its thread.
    #[serde(default)]
    pub thread: Option<String>,
    /// Its articles.
    #[serde(default)]
    pub articles: Vec<String>,
    /// Earliest publication date among them.
    #[serde(default)]
    pub first_published: Option<String>,
    /// Latest publication date among them.
    #[serde(default)]
    pub last_published: Option<String>,
}

/// A thread: stories over weeks or months, with its timeline (one thread
/// of `sitrep timeline --json`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Thread {
    /// Thread id.
    pub id: String,
    /// A title for it.
    #[serde(default)]
    pub title: Option<String>,
    /// Its stories.
    #[serde(default)]
    pub stories: Vec<String>,
    /// Its articles.
    #[serde(default)]
    pub articles: Vec<String>,
    /// Its events in date order.
    #[serde(default)]
    pub events: Vec<TimelineEvent>,
}

/// One consolidated event of a timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelineEvent {
    /// Event id.
    pub id: String,
    /// When, as precisely as known.
    #[serde(default)]
    pub date: Option<PartialDate>,
    /// Precision of `date`.
    #[serde(default = "unknown_precision")]
    pub date_precision: DatePrecision,
    /// A one-line summary.
    #[serde(default)]
    pub title: Option<String>,
    /// PLOVER event type.
    #[serde(rename = "type", default)]
    pub kind: Option<String>,
    /// CAMEO code.
    #[serde(default)]
    pub cameo: Option<String>,
    /// Who took part.
    #[serde(default)]
    pub actors: Vec<EventActorView>,
    /// Where.
    #[serde(default)]
    pub places: Vec<EventPlaceView>,
    /// Articles reporting it.
    #[serde(default)]
    pub articles: Vec<String>,
    /// The sentences that support it.
    #[serde(default)]
    pub evidence: Vec<Evidence>,
    /// Where the sources disagree.
    #[serde(default)]
    pub disputes: Vec<serde_json::Value>,
}

fn unknown_precision() -> DatePrecision {
    DatePrecision::Unknown
}

/// A participant of a timeline event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventActorView {
    /// The name.
    pub name: String,
    /// Canonical entity id.
    #[serde(default)]
    pub entity: Option<String>,
    /// `source` or `target`.
    #[serde(default)]
    pub role: Option<String>,
}

/// A place of a timeline event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventPlaceView {
    /// The name.
    pub name: String,
    /// Latitude.
    #[serde(default)]
    pub lat: Option<f64>,
    /// Longitude.
    #[serde(default)]
    pub lon: Option<f64>,
    /// GeoNames id (none for a region sitrep derives).
    #[serde(default)]
    pub geonames_id: Option<u64>,
    /// A derived region's number (its entity is `region:<n>`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region_id: Option<u64>,
    /// ISO 3166-1 alpha-3 country.
    #[serde(default)]
    pub country: Option<String>,
}

/// A sentence supporting an event: byte span into an article's text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    /// The article.
    pub article: String,
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The sentence.
    #[serde(default)]
    pub text: String,
}

/// Everything the binary injects.
pub struct Hooks {
    /// The ingest pipeline (`None`: `POST /api/articles` answers
    /// `ingest_disabled`).
    pub ingest: Option<Box<dyn Ingest>>,
    /// The corpus-wide entity merge.
    pub entities: Box<dyn EntityMerge>,
    /// Stories, threads and timelines.
    pub situation: Box<dyn Situation>,
}
