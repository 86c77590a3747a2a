//! JSON shapes of the command-line contract, and plain-text rendering.

use std::io::{self, Write};

use serde::Serialize;
use sitrep_model::{Article, PublishedBasis, PublishedDate};

/// The `sitrep extract --json` shape.
#[derive(Debug, Serialize)]
pub struct ExtractedJson<'a> {
    /// Where the document came from.
    pub origin: &'a str,
    /// Page URL.
    pub url: Option<&'a str>,
    /// Headline.
    pub title: Option<&'a str>,
    /// Clean text.
    pub text: &'a str,
    /// Publication date.
    pub published: Option<PublishedDate>,
    /// Where the date came from.
    pub published_basis: Option<PublishedBasis>,
    /// Authors.
    pub authors: &'a [String],
    /// Publisher.
    pub source: Option<&'a str>,
    /// Language code.
    pub language: Option<&'a str>,
}

impl<'a> From<&'a Article> for ExtractedJson<'a> {
    fn from(a: &'a Article) -> Self {
        Self {
            origin: &a.origin,
            url: a.url.as_deref(),
            title: a.title.as_deref(),
            text: &a.text,
            published: a.published,
            published_basis: a.published_basis,
            authors: &a.authors,
            source: a.source.as_deref(),
            language: a.language.as_deref(),
        }
    }
}

/// A near-duplicate link in `articles --json` (filled by the dedup stage).
#[derive(Debug, Serialize)]
pub struct NearDuplicateJson {
    /// The other article.
    pub article: String,
    /// Similarity, 0–1.
    pub similarity: f64,
    /// Shared passages.
    pub shared_passages: Vec<serde_json::Value>,
}

/// The `sitrep articles --json` shape: the extract fields plus identity,
/// duplicates and clusters.
#[derive(Debug, Serialize)]
pub struct ArticleJson<'a> {
    /// Article id.
    pub id: &'a str,
    /// The extract fields.
    #[serde(flatten)]
    pub extracted: ExtractedJson<'a>,
    /// The article this one is an exact copy of.
    pub duplicate_of: Option<String>,
    /// Near-duplicate articles.
    pub near_duplicates: Vec<NearDuplicateJson>,
    /// Story id.
    pub story: Option<String>,
    /// Thread id.
    pub thread: Option<String>,
}

impl<'a> From<&'a Article> for ArticleJson<'a> {
    fn from(a: &'a Article) -> Self {
        Self {
            id: a.id.as_str(),
            extracted: ExtractedJson::from(a),
            duplicate_of: None,
            near_duplicates: Vec::new(),
            story: None,
            thread: None,
        }
    }
}

/// Write one value as a JSON line.
pub fn json_line(out: &mut impl Write, value: &impl Serialize) -> io::Result<()> {
    serde_json::to_writer(&mut *out, value)?;
    out.write_all(b"\n")
}

/// A one-line human summary of an article.
pub fn article_line(a: &Article) -> String {
    format!(
        "{}  {:<10}  {:<20}  {}",
        a.id,
        a.published
            .map_or_else(|| "-".to_owned(), |d| d.day_only().to_string()),
        truncate(a.source.as_deref().unwrap_or("-"), 20),
        display_title(a)
    )
}

/// The article's title, or for an untitled article the opening of its text
/// in brackets, so lists stay readable.
pub fn display_title(a: &Article) -> String {
    match &a.title {
        Some(t) => truncate(t, 90),
        None => format!("[{}]", truncate(a.text.lines().next().unwrap_or(""), 88)),
    }
}

/// Cut `s` to at most `max` characters, marking the cut.
pub fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_owned();
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}
