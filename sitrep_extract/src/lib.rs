//! `Document → Article`: main text and metadata out of HTML pages and
//! scraped plain text.
//!
//! Why it is built this way: extraction is a pure function of one document
//! (no IO, no clock), so it parallelises in the runner and is tested with
//! plain strings. Each source of evidence has its own module — HTML main
//! text, HTML metadata, plain-text cleanup, date strings, language — and
//! `assemble` merges them in one explicit trust order, so a reader can see
//! why a field has the value it has. A page is parsed once, by our own
//! lenient parser (`fast_html`), and both the metadata reader and the
//! main-text extractor (Readability's algorithm, `readability`) work on
//! that tree: the html5ever-based crates we started with (`dom_smoothie`)
//! gave the same text but spent most of their time parsing (see
//! ARCHITECTURE.md, "Measured choices").

mod assemble;
pub mod dates;
pub mod fast_html;
pub mod html_body;
pub mod html_clean;
pub mod html_meta;
pub mod language;
pub mod line_filters;
mod readability;
pub mod text_cleanup;

pub use assemble::{ExtractOptions, extract};
