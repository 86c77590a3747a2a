//! JSON records in the news-please shape (`title`, `maintext`/`text`,
//! `date_publish`, `url`, `source_domain`, `authors`, `language`), one per
//! line (JSON Lines) or as one JSON document (an object or an array).

use std::io::BufRead;

use serde_json::{Map, Value};
use sitrep_model::{Document, DocumentFormat, DocumentHints, RejectReason, Rejection};

use crate::Item;
use crate::capped::{LineRead, read_line_capped};

/// Fields that may hold the article body as plain text, in order of trust.
const TEXT_FIELDS: &[&str] = &["maintext", "text", "content", "body", "articleBody"];
/// Fields that may hold the page as HTML.
const HTML_FIELDS: &[&str] = &["html", "raw_html", "content_html"];

fn string_field(obj: &Map<String, Value>, names: &[&str]) -> Option<String> {
    names.iter().find_map(|n| match obj.get(*n) {
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s.clone()),
        _ => None,
    })
}

fn authors_field(obj: &Map<String, Value>) -> Vec<String> {
    match obj.get("authors").or_else(|| obj.get("author")) {
        Some(Value::String(s)) => vec![s.clone()],
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(|v| match v {
                Value::String(s) => Some(s.clone()),
                Value::Object(o) => string_field(o, &["name"]),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// Turn one parsed JSON record into a document.
pub fn document_from_json(value: Value, origin: &str) -> Result<Document, Rejection> {
    let reject = |reason| Rejection::new(origin, reason);
    let Value::Object(obj) = value else {
        return Err(reject(RejectReason::Malformed {
            detail: "a record must be a JSON object".into(),
        }));
    };
    let (format, body) = if let Some(text) = string_field(&obj, TEXT_FIELDS) {
        (DocumentFormat::Text, text)
    } else if let Some(html) = string_field(&obj, HTML_FIELDS) {
        (DocumentFormat::Html, html)
    } else {
        return Err(reject(RejectReason::NotAnArticle {
            detail: "no non-empty maintext, text or html field".into(),
        }));
    };
    let hints = DocumentHints {
        title: string_field(&obj, &["title", "headline"]),
        url: string_field(&obj, &["url", "canonical_url"]),
        published: string_field(&obj, &["date_publish", "published", "date", "datePublished"]),
        authors: authors_field(&obj),
        source: string_field(&obj, &["source_domain", "source", "site_name"]),
        language: string_field(&obj, &["language", "lang"]),
        fetched: string_field(&obj, &["date_download", "fetched"]),
    };
    Ok(Document {
        origin: origin.to_owned(),
        format,
        body,
        hints,
    })
}

/// Parse one JSON line into a document.
pub fn document_from_line(line: &[u8], origin: &str) -> Result<Document, Rejection> {
    let text = std::str::from_utf8(line).map_err(|e| {
        Rejection::new(
            origin,
            RejectReason::UnsupportedEncoding {
                detail: format!("invalid UTF-8 at byte {}", e.valid_up_to()),
            },
        )
    })?;
    let value: Value = serde_json::from_str(text.trim_start_matches('\u{feff}')).map_err(|e| {
        Rejection::new(
            origin,
            RejectReason::Malformed {
                detail: format!("invalid JSON: {e}"),
            },
        )
    })?;
    document_from_json(value, origin)
}

/// Documents of a whole JSON document: an object or an array of objects.
pub fn documents_from_json_document(bytes: &[u8], origin: &str) -> Vec<Item> {
    let value: Value = match serde_json::from_slice(bytes) {
        Ok(v) => v,
        Err(e) => {
            return vec![Err(Rejection::new(
                origin,
                RejectReason::Malformed {
                    detail: format!("invalid JSON: {e}"),
                },
            ))];
        }
    };
    match value {
        Value::Array(items) if items.is_empty() => vec![Err(Rejection::new(
            origin,
            RejectReason::NoItems {
                detail: "the JSON array is empty".into(),
            },
        ))],
        Value::Array(items) => items
            .into_iter()
            .enumerate()
            .map(|(i, v)| document_from_json(v, &format!("{origin}#item {}", i + 1)))
            .collect(),
        other => vec![document_from_json(other, origin)],
    }
}

/// Streams documents from JSON Lines, one line at a time, each line capped.
pub struct JsonLines<R> {
    reader: R,
    origin: String,
    cap: usize,
    line_no: usize,
    buf: Vec<u8>,
    yielded: bool,
    finished: bool,
    compressed: bool,
}

impl<R: BufRead> JsonLines<R> {
    /// Read JSON Lines from `reader`; `origin` names the input in messages.
    pub fn new(reader: R, origin: impl Into<String>, max_line_bytes: u64) -> Self {
        Self {
            reader,
            origin: origin.into(),
            cap: usize::try_from(max_line_bytes).unwrap_or(usize::MAX),
            line_no: 0,
            buf: Vec::new(),
            yielded: false,
            finished: false,
            compressed: false,
        }
    }

    /// Mark the reader as decompressing, so read errors are reported as
    /// corrupt compressed data.
    pub fn compressed(mut self, compressed: bool) -> Self {
        self.compressed = compressed;
        self
    }
}

impl<R: BufRead> Iterator for JsonLines<R> {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        while !self.finished {
            self.line_no += 1;
            let origin = format!("{}#line {}", self.origin, self.line_no);
            let read = match read_line_capped(&mut self.reader, &mut self.buf, self.cap) {
                Ok(r) => r,
                Err(e) => {
                    self.finished = true;
                    let reason = if self.compressed {
                        crate::capped::compression_error(&e)
                    } else {
                        RejectReason::Unreadable {
                            detail: e.to_string(),
                        }
                    };
                    self.yielded = true;
                    return Some(Err(Rejection::new(origin, reason)));
                }
            };
            match read {
                LineRead::Eof => {
                    self.finished = true;
                    if !self.yielded {
                        self.yielded = true;
                        return Some(Err(Rejection::new(self.origin.clone(), RejectReason::Empty)));
                    }
                }
                LineRead::Overlong => {
                    self.yielded = true;
                    return Some(Err(Rejection::new(
                        origin,
                        RejectReason::TooLarge {
                            bytes: self.cap as u64 + 1,
                            limit: self.cap as u64,
                        },
                    )));
                }
                LineRead::Line if self.buf.iter().all(u8::is_ascii_whitespace) => {}
                LineRead::Line => {
                    self.yielded = true;
                    return Some(document_from_line(&self.buf, &origin));
                }
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn collect(input: &str) -> Vec<Item> {
        JsonLines::new(input.as_bytes(), "in.jsonl", 1000).collect()
    }

    #[test]
    fn news_please_fields_become_hints() {
        let line = r#"{"title":"T","maintext":"Body.","date_publish":"2025-02-22 10:00:00","url":"https://n.test/a","source_domain":"n.test","authors":["A B"],"language":"en","date_download":"2025-02-23 00:00:00"}"#;
        let items = collect(line);
        let doc = items[0].as_ref().expect("document");
        assert_eq!(doc.body, "Body.");
        assert_eq!(doc.origin, "in.jsonl#line 1");
        assert_eq!(doc.hints.title.as_deref(), Some("T"));
        assert_eq!(doc.hints.published.as_deref(), Some("2025-02-22 10:00:00"));
        assert_eq!(doc.hints.authors, vec!["A B".to_string()]);
        assert_eq!(doc.hints.source.as_deref(), Some("n.test"));
        assert_eq!(doc.hints.fetched.as_deref(), Some("2025-02-23 00:00:00"));
    }

    #[test]
    fn bad_lines_are_rejected_and_the_rest_read() {
        let items =
            collect("{\"text\":\"one\"}\n\n{broken\n[1,2]\n{\"title\":\"no body\"}\n{\"text\":\"two\"}\n");
        assert_eq!(items.len(), 5);
        assert!(items[0].is_ok());
        let reasons: Vec<String> = items[1..4]
            .iter()
            .map(|i| i.as_ref().expect_err("rejected").to_string())
            .collect();
        assert!(
            reasons[0].starts_with("in.jsonl#line 3: malformed (invalid JSON"),
            "{}",
            reasons[0]
        );
        assert_eq!(
            reasons[1],
            "in.jsonl#line 4: malformed (a record must be a JSON object)"
        );
        assert!(reasons[2].contains("no non-empty maintext"));
        assert_eq!(items[4].as_ref().expect("document").body, "two");
    }

    #[test]
    fn overlong_lines_are_rejected() {
        let long = format!("{{\"text\":\"{}\"}}\n{{\"text\":\"ok\"}}", "x".repeat(2000));
        let items = collect(&long);
        assert!(matches!(
            items[0],
            Err(Rejection {
                reason: RejectReason::TooLarge { .. },
                ..
            })
        ));
        assert!(items[1].is_ok());
    }

    #[test]
    fn deeply_nested_json_is_rejected_not_overflowed() {
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        let items: Vec<Item> = JsonLines::new(deep.as_bytes(), "deep.jsonl", 1_000_000).collect();
        assert!(matches!(
            items[0],
            Err(Rejection {
                reason: RejectReason::Malformed { .. },
                ..
            })
        ));
    }

    #[test]
    fn json_documents_hold_one_or_many() {
        let many = documents_from_json_document(br#"[{"text":"a"},{"text":"b"}]"#, "f.json");
        assert_eq!(many.len(), 2);
        assert_eq!(many[1].as_ref().expect("doc").origin, "f.json#item 2");
        let empty = documents_from_json_document(b"[]", "f.json");
        assert!(matches!(
            empty[0],
            Err(Rejection {
                reason: RejectReason::NoItems { .. },
                ..
            })
        ));
    }
}
