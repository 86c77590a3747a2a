//! HTML metadata (being written).

use sitrep_model::PublishedDate;

/// Metadata found in an HTML page's markup.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HtmlMetadata {
    /// Headline.
    pub title: Option<String>,
    /// Publication date.
    pub published: Option<PublishedDate>,
    /// Author names.
    pub authors: Vec<String>,
    /// Publisher or site name.
    pub site_name: Option<String>,
    /// Canonical URL.
    pub canonical_url: Option<String>,
    /// Language code (ISO 639-1).
    pub language: Option<String>,
}

/// Read metadata from a parsed page. `fetched`, when known, bounds dates.
pub fn html_metadata(_doc: &dom_query::Document, _fetched: Option<PublishedDate>) -> HtmlMetadata {
    HtmlMetadata::default()
}
