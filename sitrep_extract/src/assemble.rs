//! `Document → Article`: run the extractor for the document's format, then
//! merge what the container stated with what the page and text say.
//!
//! Trust order for every field: the container's hints (a feed item's date,
//! a JSON line's title), then markup metadata, then what the body text
//! states. A date after the fetch time is never taken.

use sitrep_model::{
    Article, ArticleId, Document, DocumentFormat, PublishedBasis, PublishedDate, RejectReason,
};

use crate::dates::parse_date;
use crate::html_body::{BodyError, body_paragraphs};
use crate::html_meta::{read_metadata, split_author_names};
use crate::language::detect_language;
use crate::text_cleanup::{CleanText, clean_paragraphs, clean_plain_text};

/// Settings of extraction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExtractOptions {
    /// Fewest words an article's text may have.
    pub min_words: usize,
}

impl Default for ExtractOptions {
    fn default() -> Self {
        Self { min_words: 25 }
    }
}

/// What the body extractor of either format found.
struct Extracted {
    title: Option<String>,
    text: String,
    published: Option<PublishedDate>,
    authors: Vec<String>,
    url: Option<String>,
    source: Option<String>,
    language: Option<String>,
}

/// Extract one document into an article, or say why it is not one.
pub fn extract(doc: &Document, options: &ExtractOptions) -> Result<Article, RejectReason> {
    let fetched = doc.hints.fetched.as_deref().and_then(parse_date);
    let found = match doc.format {
        DocumentFormat::Text => from_text(&doc.body),
        DocumentFormat::Html => from_html(&doc.body, fetched)?,
    };
    let text = found.text;
    if text.trim().is_empty() {
        return Err(RejectReason::NotAnArticle {
            detail: "no body text".into(),
        });
    }
    let words = text.split_whitespace().count();
    if words < options.min_words {
        return Err(RejectReason::TooShort {
            words,
            minimum: options.min_words,
        });
    }
    let hinted_date = doc.hints.published.as_deref().and_then(parse_date);
    let published = hinted_date
        .or(found.published)
        .filter(|d| fetched.is_none_or(|f| d.day_only() <= f.day_only()));
    let url = non_empty(doc.hints.url.clone()).or(found.url);
    let title = non_empty(doc.hints.title.clone().map(|t| collapse_spaces(&t))).or(found.title);
    let authors = if doc.hints.authors.is_empty() {
        found.authors
    } else {
        doc.hints
            .authors
            .iter()
            .map(|a| collapse_spaces(a))
            .filter(|a| !a.is_empty())
            .collect()
    };
    let source = non_empty(doc.hints.source.clone())
        .or(found.source)
        .or_else(|| url.as_deref().and_then(host_of));
    let language = non_empty(doc.hints.language.clone().map(|l| l.to_ascii_lowercase()))
        .or(found.language)
        .or_else(|| detect_language(&text));
    Ok(Article {
        id: ArticleId::from_content(url.as_deref(), &text),
        origin: doc.origin.clone(),
        url,
        title,
        text,
        published_basis: published.map(|_| PublishedBasis::Metadata),
        published,
        authors,
        source,
        language,
    })
}

fn from_text(body: &str) -> Extracted {
    let CleanText {
        title,
        published,
        authors,
        body,
    } = clean_plain_text(body);
    Extracted {
        title,
        text: body,
        published,
        authors,
        url: None,
        source: None,
        language: None,
    }
}

fn from_html(html: &str, fetched: Option<PublishedDate>) -> Result<Extracted, RejectReason> {
    let doc = crate::fast_html::Document::parse(html);
    let (meta, states_byline) = read_metadata(&doc, fetched);
    let (paragraphs, byline) =
        body_paragraphs(doc, meta.title.as_deref(), !states_byline).map_err(|e| match e {
            BodyError::NoContent => RejectReason::NotAnArticle {
                detail: "no main text found in the page".into(),
            },
            BodyError::TooManyElements { found, limit } => RejectReason::TooLarge {
                bytes: found as u64,
                limit: limit as u64,
            },
        })?;
    let authors = if meta.authors.is_empty() {
        byline
            .map(|b| split_author_names(&b, meta.site_name.as_deref()))
            .unwrap_or_default()
    } else {
        meta.authors
    };
    Ok(Extracted {
        title: meta.title,
        text: clean_paragraphs(paragraphs),
        published: meta.published,
        authors,
        url: meta.canonical_url,
        source: meta.site_name,
        language: meta.language,
    })
}

fn non_empty(s: Option<String>) -> Option<String> {
    s.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty())
}

fn collapse_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The host of an absolute URL, without a leading `www.`.
fn host_of(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let host = host.split(':').next()?.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_owned();
    (!host.is_empty()).then_some(host)
}

#[cfg(test)]
mod tests {
    use super::*;
    use sitrep_model::DocumentHints;

    fn doc(format: DocumentFormat, body: &str, hints: DocumentHints) -> Document {
        Document {
            origin: "t".into(),
            format,
            body: body.into(),
            hints,
        }
    }

    const BODY: &str = "Negotiators from both sides met in the lakeside town on Thursday and agreed to extend the truce by another thirty days, the mediators said in a statement after the talks ended late at night.";

    #[test]
    fn hints_outrank_what_the_text_says() {
        let hints = DocumentHints {
            title: Some("Truce  extended".into()),
            published: Some("2025-03-01T08:00:00Z".into()),
            url: Some("https://www.wire.test/a".into()),
            ..DocumentHints::default()
        };
        let a = extract(
            &doc(DocumentFormat::Text, BODY, hints),
            &ExtractOptions::default(),
        )
        .expect("article");
        assert_eq!(a.title.as_deref(), Some("Truce extended"));
        assert_eq!(
            a.published.map(|d| d.to_string()).as_deref(),
            Some("2025-03-01T08:00:00Z")
        );
        assert_eq!(a.published_basis, Some(PublishedBasis::Metadata));
        assert_eq!(a.source.as_deref(), Some("wire.test"));
        assert_eq!(a.language.as_deref(), Some("en"));
    }

    #[test]
    fn dates_after_the_fetch_are_dropped() {
        let hints = DocumentHints {
            published: Some("2031-01-01".into()),
            fetched: Some("2025-03-02T00:00:00Z".into()),
            ..DocumentHints::default()
        };
        let a = extract(
            &doc(DocumentFormat::Text, BODY, hints),
            &ExtractOptions::default(),
        )
        .expect("article");
        assert_eq!(a.published, None);
        assert_eq!(a.published_basis, None);
    }

    #[test]
    fn short_texts_are_rejected() {
        let err = extract(
            &doc(
                DocumentFormat::Text,
                "Just a few words.",
                DocumentHints::default(),
            ),
            &ExtractOptions::default(),
        )
        .expect_err("too short");
        assert_eq!(
            err,
            RejectReason::TooShort {
                words: 4,
                minimum: 25
            }
        );
    }

    #[test]
    fn html_pages_give_text_and_metadata() {
        let page = format!(
            r#"<html lang="en-GB"><head><title>Truce extended | Wire</title>
            <meta property="article:published_time" content="2025-03-01T08:00:00Z">
            <meta property="og:site_name" content="Wire"></head>
            <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
            <article><h1>Truce extended</h1><p>{BODY}</p><p>{BODY}</p></article>
            <footer>Copyright 2025 Wire</footer></body></html>"#
        );
        let a = extract(
            &doc(DocumentFormat::Html, &page, DocumentHints::default()),
            &ExtractOptions::default(),
        )
        .expect("article");
        assert_eq!(a.title.as_deref(), Some("Truce extended"));
        assert_eq!(a.text, format!("{BODY}\n\n{BODY}"));
        assert_eq!(
            a.published.map(|d| d.to_string()).as_deref(),
            Some("2025-03-01T08:00:00Z")
        );
        assert_eq!(a.source.as_deref(), Some("Wire"));
        assert_eq!(a.language.as_deref(), Some("en"));
    }

    #[test]
    fn hosts() {
        assert_eq!(
            host_of("https://www.Example.test:8080/a?b").as_deref(),
            Some("example.test")
        );
        assert_eq!(host_of("not a url"), None);
    }
}
