//! Main text of an HTML page, via `dom_smoothie` (a Readability port).
//!
//! The first extractor: chosen by measurement on the extraction-dev pages
//! (see ARCHITECTURE.md for the figures). Its formatted text is split into
//! paragraphs and normalised like every other body.

use dom_smoothie::{Config, Readability, TextMode};

use crate::html_clean::{remove_invisible, remove_named_furniture};
use crate::text_cleanup::normalize_paragraphs;

/// Most element nodes a page may have before extraction refuses it; keeps
/// hostile, deeply generated pages bounded in time.
pub const MAX_ELEMENTS: usize = 200_000;

/// Why no main text came out of a page.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BodyError {
    /// Readability found no article content.
    #[error("no main text found")]
    NoContent,
    /// The page has more elements than [`MAX_ELEMENTS`].
    #[error("too many HTML elements ({found}; the limit is {limit})")]
    TooManyElements {
        /// Elements found.
        found: usize,
        /// The limit.
        limit: usize,
    },
}

/// The main text found in a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HtmlBody {
    /// Paragraphs separated by a blank line.
    pub text: String,
    /// Title as Readability guessed it.
    pub title: Option<String>,
    /// Byline as Readability found it.
    pub byline: Option<String>,
}

/// Extract the main text of a parsed page. `url` (absolute) helps resolve
/// relative links; it is ignored when not absolute.
pub fn extract_body(doc: dom_query::Document, url: Option<&str>) -> Result<HtmlBody, BodyError> {
    let config = Config {
        text_mode: TextMode::Formatted,
        keep_classes: true,
        max_elements_to_parse: MAX_ELEMENTS,
        ..Config::default()
    };
    remove_invisible(&doc);
    let url = url.map(str::trim).filter(|u| {
        ["http://", "https://"].iter().any(|scheme| {
            u.strip_prefix(scheme)
                .is_some_and(|rest| !rest.is_empty() && !rest.contains(char::is_whitespace))
        })
    });
    let mut readability =
        Readability::with_document(doc, url, Some(config)).map_err(|_| BodyError::NoContent)?;
    let article = readability.parse().map_err(|e| match e {
        dom_smoothie::ReadabilityError::TooManyElements(found, limit) => {
            BodyError::TooManyElements { found, limit }
        }
        _ => BodyError::NoContent,
    })?;
    let fragment = dom_query::Document::from(article.content);
    remove_named_furniture(&fragment);
    let text = normalize_paragraphs(&fragment.select("body").formatted_text());
    if text.is_empty() {
        return Err(BodyError::NoContent);
    }
    let title = Some(article.title.trim().to_owned()).filter(|t| !t.is_empty());
    Ok(HtmlBody {
        text,
        title,
        byline: article.byline.filter(|b| !b.trim().is_empty()),
    })
}
