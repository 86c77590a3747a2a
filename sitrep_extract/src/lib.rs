//! `Document → Article`: main text and metadata out of HTML pages and
//! scraped plain text.
//!
//! Why it is built this way: extraction is a pure function of one document
//! (no IO, no clock), so it parallelises in the runner and is tested with
//! plain strings. Each source of evidence has its own module — HTML main
//! text, HTML metadata, plain-text cleanup, date strings, language — and
//! `assemble` merges them in one explicit trust order, so a reader can see
//! why a field has the value it has. The HTML main-text extractor starts
//! from a well-kept crate (`dom_smoothie`, a Readability port), picked by
//! measurement on the extraction-dev pages.

mod assemble;
pub mod dates;
pub mod html_body;
pub mod html_clean;
pub mod html_meta;
pub mod language;
pub mod line_filters;
pub mod text_cleanup;

pub use assemble::{ExtractOptions, extract};
