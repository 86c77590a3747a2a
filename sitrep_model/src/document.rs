//! Raw inputs as the sources deliver them, before extraction.

use serde::{Deserialize, Serialize};

/// What kind of markup a document's body holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DocumentFormat {
    /// Plain text, possibly with scraped boilerplate lines.
    Text,
    /// An HTML page or fragment.
    Html,
}

/// Metadata a container already states about a document (a feed item's
/// title, a JSON line's `date_publish`, a WARC record's target URI).
/// Extraction trusts these over what it finds in the body.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentHints {
    /// Title given by the container.
    pub title: Option<String>,
    /// URL of the page.
    pub url: Option<String>,
    /// Publication date as the container wrote it (any common format).
    pub published: Option<String>,
    /// Authors given by the container.
    pub authors: Vec<String>,
    /// Publisher or site name, or the source domain.
    pub source: Option<String>,
    /// Language code given by the container.
    pub language: Option<String>,
    /// When the page was fetched (a WARC date), an upper bound for dates.
    pub fetched: Option<String>,
}

/// One raw input: a file, a feed item, a JSON line or a WARC record,
/// already decoded to UTF-8.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// Where it came from, for messages and provenance: a path, optionally
    /// with `#item 3`, `#line 12` or `#record 5`, or `stdin#line 4`.
    pub origin: String,
    /// Markup of the body.
    pub format: DocumentFormat,
    /// The body, decoded to UTF-8.
    pub body: String,
    /// Metadata the container stated.
    pub hints: DocumentHints,
}
