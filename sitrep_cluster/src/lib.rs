//! Stories and threads: online clustering of the article stream.
//!
//! A *story* is the coverage of one development (one phone call, one
//! battle); a *thread* chains stories over weeks and months (the M23
//! offensive). Each new article, in publication-time order, joins the most
//! similar active story or opens one; a new story joins the thread of the
//! most related earlier story, and the link records which entities and
//! words it rests on.
//!
//! Why it is built this way (figures from `bench/eval-stories.sh` on ECB+
//! and `bench/bench-stories.sh`; details in ARCHITECTURE.md):
//!
//! - **Single-pass against centroids**, as Europe Media Monitor, Event
//!   Registry and the Priberam streaming system (Miranda et al., EMNLP
//!   2018) do: an article is compared with a bounded set of candidate
//!   stories (those sharing a distinctive term, an entity or a passage),
//!   never with the whole history, so the cost per article is flat.
//!   An article that clearly joins two stories merges them into the
//!   older ([`StoryMerge`]): single-pass alone splits an event whose
//!   first reports share little (ECB+ story F1 +3 to +4 points).
//! - **Several kinds of evidence**: TF-IDF over Snowball stems (what),
//!   canonical entities from annotation (who and where), dates with a
//!   decaying time factor (when; undated articles borrow the date of the
//!   articles they share passages with, else the latest date their text
//!   states), shared passages from dedup (copied wire text), and MiniLM
//!   sentence embeddings of headline and lead (paraphrase). Without the
//!   model the weights of the lexical preset apply.
//! - **Threads are explainable**: a story is threaded only when it shares
//!   an actor or place (not just a country), or a name the knowledge base
//!   does not know, with an earlier story, and the link keeps the shared
//!   entities and words. The threading score weighs shared actors, words,
//!   names and (with the model) the embedding, which tells the same kind
//!   of news apart from other news better than words alone.
//! - **Deterministic and restorable**: no clock, no randomness, maps
//!   iterated in key order, ties broken by creation order, ids derived from
//!   article ids (`s-<article>`, `t-<article>`). The state is a replay of
//!   the active stories' stored articles ([`Clusterer::restore`]), and is
//!   bounded by the stream's own clock (`window_days`).
//! - **No IO**: the binary reads the model files and hands in bytes.

mod cluster;
pub mod codec;
#[cfg(feature = "embeddings")]
pub mod embed;
mod features;
pub mod sparse;
pub mod text;

pub use cluster::{
    BatchOutcome, Clusterer, DateBasis, Incoming, Params, PassageLink, Placement, Replay, StoryMerge,
    StoryRow, ThreadLink, Weights,
};
pub use features::{ArticleView, EntityFeature, Features, embedding_text, features, shorten};

/// The name recorded with cached vectors, so vectors of another model are
/// never mixed in.
pub const MODEL_NAME: &str = "all-MiniLM-L6-v2";
