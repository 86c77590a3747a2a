//! The domain types every sitrep stage speaks.
//!
//! Why it is built this way: the pipeline's stages never depend on each other,
//! only on this crate, so each arrow of the data flow
//! (`Document → Article → …`) is a concrete type defined here and the compiler
//! checks the order. The crate holds no IO and no clock reads; everything in it
//! is plain data with serde support, plus the few pure functions that define
//! identity (content-derived article ids) and calendar dates.

pub mod annotation;
pub mod article;
pub mod date;
pub mod document;
pub mod duplicate;
pub mod event;
pub mod gazetteer_id;
pub mod id;
pub mod rejection;
pub mod span;

pub use annotation::{
    AnnotatedArticle, Annotations, DatePrecision, Entity, EntityId, EntityKind, EntityMention, Gender,
    PartialDate, PlaceMention, Quote, Sentence, TimeAnchor, TimeExpression,
};
pub use article::{Article, PublishedBasis};
pub use date::{DateParseError, PublishedDate};
pub use document::{Document, DocumentFormat, DocumentHints};
pub use duplicate::{CopiedPassage, DuplicateLink};
pub use event::{Event, EventActor, EventDateBasis, EventPlace, PloverType};
pub use gazetteer_id::{DERIVED_REGION_ID_BASE, gazetteer_id_of, geonames_id, place_entity_key, region_id};
pub use id::ArticleId;
pub use rejection::{RejectReason, Rejection};
pub use span::Span;
