//! Main text of an HTML page: Readability's algorithm
//! ([`crate::readability`]) on our own parser's tree
//! ([`crate::fast_html`]), between two clean-up passes
//! ([`crate::html_clean`]): invisible elements go before the article is
//! looked for, named furniture inside the article after. The formatted text
//! is split into paragraphs and normalised like every other body.
//!
//! Why not a crate: `dom_smoothie` (a Readability port on html5ever) gave
//! the same text, but parsing alone took ~40% of extraction time; see
//! ARCHITECTURE.md, "Measured choices".

use crate::fast_html::Document;
use crate::html_clean::{remove_invisible, remove_named_furniture};
use crate::readability::grab_article;
use crate::text_cleanup::paragraphs;

/// Most element nodes a page may have before extraction refuses it; keeps
/// hostile, deeply generated pages bounded in time.
pub const MAX_ELEMENTS: usize = crate::fast_html::MAX_ELEMENTS;

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
    /// Byline as the page's byline element gave it.
    pub byline: Option<String>,
}

/// Extract the main text of a parsed page. `title`, the page's headline
/// when known, lets the heading repeating it stay out of the text;
/// `find_byline` takes the page's byline element out of the body (when the
/// metadata names no author) and returns its text.
pub fn extract_body(
    doc: Document<'_>,
    title: Option<&str>,
    find_byline: bool,
) -> Result<HtmlBody, BodyError> {
    let (paragraphs, byline) = body_paragraphs(doc, title, find_byline)?;
    Ok(HtmlBody {
        text: paragraphs.join("\n\n"),
        byline,
    })
}

/// The main text as paragraphs (each a normalised line, none empty) and the
/// byline: what [`extract_body`] joins, for callers that clean the
/// paragraphs next ([`crate::text_cleanup::clean_paragraphs`]).
pub(crate) fn body_paragraphs(
    mut doc: Document<'_>,
    title: Option<&str>,
    find_byline: bool,
) -> Result<(Vec<String>, Option<String>), BodyError> {
    if doc.is_truncated() {
        return Err(BodyError::TooManyElements {
            found: doc.element_count(),
            limit: MAX_ELEMENTS,
        });
    }
    remove_invisible(&mut doc);
    let article = grab_article(doc, title, find_byline).ok_or(BodyError::NoContent)?;
    let mut doc = article.doc;
    remove_named_furniture(&mut doc, article.root);
    let paragraphs = paragraphs(&doc.node(article.root).formatted_text());
    if paragraphs.is_empty() {
        return Err(BodyError::NoContent);
    }
    Ok((paragraphs, article.byline.filter(|b| !b.trim().is_empty())))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(html: &str, expected: Result<&str, BodyError>) {
        let got = extract_body(Document::parse(html), Some("Bridge reopens"), true);
        assert_eq!(
            got.as_ref().map(|b| b.text.as_str()).map_err(Clone::clone),
            expected,
            "{html:?}"
        );
    }

    const PARA: &str =
        "The old bridge over the river reopened on Monday after two years of repairs, officials said.";

    #[test]
    fn paragraphs_without_furniture() {
        check(
            &format!(
                r#"<html><body><h1>Bridge reopens</h1><article><p>{PARA}</p><figure><img src="a.jpg"><figcaption>The bridge. Photo: J. Doe</figcaption></figure><p>{PARA}</p><div class="related-links"><a href="/a">Older story</a></div></article></body></html>"#
            ),
            Ok(&format!("{PARA}\n\n{PARA}")),
        );
        check("<html><body></body></html>", Err(BodyError::NoContent));
    }

    #[test]
    fn hostile_pages_are_refused() {
        let html = "<i>".repeat(MAX_ELEMENTS + 1);
        assert!(matches!(
            extract_body(Document::parse(&html), None, true),
            Err(BodyError::TooManyElements { .. })
        ));
    }
}
