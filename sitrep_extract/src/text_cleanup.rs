//! Plain-text cleanup (being written).

use sitrep_model::PublishedDate;

/// The parts of a scraped plain-text article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CleanText {
    /// Headline, when the first line is one.
    pub title: Option<String>,
    /// Date from a dateline or metadata line.
    pub published: Option<PublishedDate>,
    /// Authors from bylines.
    pub authors: Vec<String>,
    /// Body: paragraphs separated by one blank line.
    pub body: String,
}

/// Clean a scraped plain-text article.
pub fn clean_plain_text(raw: &str) -> CleanText {
    CleanText {
        body: raw.trim().to_owned(),
        ..CleanText::default()
    }
}
