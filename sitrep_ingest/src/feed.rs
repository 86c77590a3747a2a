//! RSS 2.0, RSS 1.0, Atom and JSON Feed: each item with content becomes a
//! document, with the item's title, link, date and authors as hints.
//!
//! Parsing is delegated to `feed-rs` (well kept, all four formats); its XML
//! reader does not expand user-defined entities, so entity bombs cannot
//! blow up.

use feed_rs::model::{Entry, Feed};
use sitrep_model::{Document, DocumentFormat, DocumentHints, RejectReason, Rejection};

use crate::Item;

/// Documents of every item with a body in the feed `bytes`.
pub fn documents_from_feed(bytes: &[u8], origin: &str) -> Vec<Item> {
    let feed = match feed_rs::parser::parse(bytes) {
        Ok(f) => f,
        Err(e) => {
            return vec![Err(Rejection::new(
                origin,
                RejectReason::Malformed {
                    detail: format!("not a readable feed: {e}"),
                },
            ))];
        }
    };
    let total = feed.entries.len();
    let docs: Vec<Item> = feed
        .entries
        .iter()
        .enumerate()
        .filter_map(|(i, entry)| document_from_entry(&feed, entry, &format!("{origin}#item {}", i + 1)))
        .map(Ok)
        .collect();
    if docs.is_empty() {
        let detail = if total == 0 {
            "the feed has no items".to_owned()
        } else {
            format!("none of the feed's {total} items has content")
        };
        return vec![Err(Rejection::new(origin, RejectReason::NoItems { detail }))];
    }
    docs
}

fn document_from_entry(feed: &Feed, entry: &Entry, origin: &str) -> Option<Document> {
    let (body, media_type) = entry
        .content
        .as_ref()
        .and_then(|c| c.body.as_ref().map(|b| (b.clone(), c.content_type.to_string())))
        .filter(|(b, _)| !b.trim().is_empty())
        .or_else(|| {
            entry
                .summary
                .as_ref()
                .map(|s| (s.content.clone(), s.content_type.to_string()))
                .filter(|(b, _)| !b.trim().is_empty())
        })?;
    let format = if media_type.starts_with("text/plain") && !looks_like_markup(&body) {
        DocumentFormat::Text
    } else {
        DocumentFormat::Html
    };
    let url = entry
        .links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .or_else(|| entry.links.first())
        .map(|l| l.href.clone());
    let authors = entry
        .authors
        .iter()
        .filter_map(|p| p.name.clone())
        .filter(|n| !n.trim().is_empty())
        .collect();
    Some(Document {
        origin: origin.to_owned(),
        format,
        body,
        hints: DocumentHints {
            title: entry.title.as_ref().map(|t| t.content.clone()),
            url,
            published: entry.published.or(entry.updated).map(|d| d.to_rfc3339()),
            authors,
            source: feed.title.as_ref().map(|t| t.content.clone()),
            language: entry.language.clone().or_else(|| feed.language.clone()),
            fetched: None,
        },
    })
}

/// RSS bodies are often HTML declared as plain text.
fn looks_like_markup(body: &str) -> bool {
    ["<p", "<br", "<div", "</a>", "&lt;p"]
        .iter()
        .any(|t| body.contains(t))
}

#[cfg(test)]
mod tests {
    use super::*;

    const RSS: &str = r#"<?xml version="1.0"?>
<rss version="2.0"><channel><title>Example Wire</title><language>en</language>
<item><title>First</title><link>https://w.test/1</link><pubDate>Sat, 22 Feb 2025 09:30:00 GMT</pubDate>
<description>&lt;p&gt;Body one.&lt;/p&gt;</description></item>
<item><title>Empty</title><link>https://w.test/2</link></item>
</channel></rss>"#;

    #[test]
    fn rss_items_with_content_become_documents() {
        let items = documents_from_feed(RSS.as_bytes(), "w.rss");
        assert_eq!(items.len(), 1);
        let doc = items[0].as_ref().expect("document");
        assert_eq!(doc.origin, "w.rss#item 1");
        assert_eq!(doc.format, DocumentFormat::Html);
        assert!(doc.body.contains("Body one."));
        assert_eq!(doc.hints.title.as_deref(), Some("First"));
        assert_eq!(doc.hints.url.as_deref(), Some("https://w.test/1"));
        assert_eq!(doc.hints.published.as_deref(), Some("2025-02-22T09:30:00+00:00"));
        assert_eq!(doc.hints.source.as_deref(), Some("Example Wire"));
    }

    #[test]
    fn feed_without_items_is_rejected() {
        let items = documents_from_feed(
            b"<rss version=\"2.0\"><channel><title>x</title></channel></rss>",
            "e.rss",
        );
        assert_eq!(
            items[0].as_ref().expect_err("rejected").reason,
            RejectReason::NoItems {
                detail: "the feed has no items".into()
            }
        );
    }

    #[test]
    fn broken_xml_is_malformed() {
        let items = documents_from_feed(b"<rss><channel><item><title>x</ti", "b.rss");
        assert!(matches!(
            items[0],
            Err(Rejection {
                reason: RejectReason::Malformed { .. },
                ..
            })
        ));
    }

    #[test]
    fn entity_expansion_is_not_performed() {
        let bomb = r#"<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<rss version="2.0"><channel><title>t</title><item><title>&lol3;</title><description>text</description></item></channel></rss>"#;
        let items = documents_from_feed(bomb.as_bytes(), "bomb.rss");
        assert_eq!(items.len(), 1);
        match &items[0] {
            Ok(doc) => assert!(doc.hints.title.as_deref().unwrap_or("").len() < 100, "{doc:?}"),
            Err(r) => assert!(matches!(r.reason, RejectReason::Malformed { .. }), "{r}"),
        }
    }
}
