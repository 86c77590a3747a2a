//! Annotation: turns an article's text into facts with spans — sentences,
//! entity mentions linked to canonical entities, quotes with speakers, time
//! expressions resolved against the publication date, and places resolved
//! to GeoNames.
//!
//! Why it is built this way: no general-purpose NER model ships in a
//! package here, so annotation is built on knowledge bases (GeoNames via
//! the gazetteer, country names and demonyms, the Phoenix/CAMEO actor
//! dictionaries) plus text cues (capitalisation, titles, syntax). Each kind
//! of annotation has its own module with one pure entry point; the
//! knowledge is passed in as loaded data (the binary reads the files), so
//! the stage does no IO and is deterministic.

pub mod entities;
pub mod gazetteer;
pub mod geocode;
pub mod quotes;
pub mod sentences;
pub mod temporal;
