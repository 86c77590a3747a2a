//! JSON shapes of the command-line contract, and plain-text rendering.

use std::io::{self, Write};

use serde::Serialize;
use sitrep_model::{Article, DuplicateLink, PlaceMention, PublishedBasis, PublishedDate, TimeExpression};
use sitrep_store::{AnnotationRecord, DedupView};

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
    /// Jaccard similarity of the two articles' word 5-shingle sets, 0–1.
    pub similarity: f64,
    /// Passages the two articles share.
    pub shared_passages: Vec<PassageJson>,
}

/// A shared passage: byte spans into this article's `text` (`start`,
/// `end`) and into the other article's (`other_start`, `other_end`).
#[derive(Debug, Serialize)]
pub struct PassageJson {
    /// First byte in this article.
    pub start: usize,
    /// One past the last byte in this article.
    pub end: usize,
    /// First byte in the other article.
    pub other_start: usize,
    /// One past the last byte in the other article.
    pub other_end: usize,
    /// The passage as this article prints it.
    pub text: String,
    /// True when both articles quote it (a third party's words).
    pub quote: bool,
    /// Id of the article that printed it first.
    pub first: String,
}

impl NearDuplicateJson {
    /// The JSON of `link`, seen from the article whose text is `text`.
    pub fn new(link: &DuplicateLink, text: &str) -> Self {
        Self {
            article: link.other.to_string(),
            similarity: (link.similarity * 1e4).round() / 1e4,
            shared_passages: link
                .passages
                .iter()
                .map(|p| PassageJson {
                    start: p.span.start,
                    end: p.span.end,
                    other_start: p.other_span.start,
                    other_end: p.other_span.end,
                    text: p.span.slice(text).unwrap_or_default().to_owned(),
                    quote: p.quote,
                    first: p.first.to_string(),
                })
                .collect(),
        }
    }
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
    /// Ids of the canonical entities the article mentions, sorted.
    pub entities: Vec<String>,
    /// Places mentioned, resolved to GeoNames where possible.
    pub places: Vec<PlaceMention>,
    /// Time expressions with the dates they resolve to.
    pub times: Vec<TimeExpression>,
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
            entities: Vec::new(),
            places: Vec::new(),
            times: Vec::new(),
        }
    }
}

impl<'a> ArticleJson<'a> {
    /// Add what annotation found in the article.
    pub fn with_annotations(mut self, record: Option<AnnotationRecord>) -> Self {
        if let Some(r) = record {
            let ids: std::collections::BTreeSet<String> = r
                .annotations
                .entities
                .iter()
                .map(|m| m.entity.to_string())
                .collect();
            self.entities = ids.into_iter().collect();
            self.places = r.annotations.places;
            self.times = r.annotations.times;
        }
        self
    }

    /// Add the article's story and thread.
    pub fn with_story(mut self, placed: Option<&(String, String)>) -> Self {
        if let Some((story, thread)) = placed {
            self.story = Some(story.clone());
            self.thread = Some(thread.clone());
        }
        self
    }

    /// The article with its dedup results.
    pub fn with_dedup(a: &'a Article, dedup: &DedupView) -> Self {
        Self {
            duplicate_of: dedup.duplicate_of.get(&a.id).map(ToString::to_string),
            near_duplicates: dedup
                .links
                .get(&a.id)
                .map(|links| links.iter().map(|l| NearDuplicateJson::new(l, &a.text)).collect())
                .unwrap_or_default(),
            ..Self::from(a)
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
