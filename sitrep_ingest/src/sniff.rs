//! Which reader handles an input: by file extension first, then by the
//! first bytes of the content.

use std::path::Path;

/// The shape of an input file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    /// Plain text: one article.
    Text,
    /// An HTML page: one article.
    Html,
    /// RSS 2.0, RSS 1.0, Atom or JSON Feed: one article per item.
    Feed,
    /// JSON Lines: one article per line.
    JsonLines,
    /// One JSON document: an object (one article) or an array of objects.
    Json,
    /// A WARC archive: one article per HTML response or resource record.
    Warc,
}

/// The kind named by a path's extension (ignoring a final `.gz`).
pub fn kind_from_extension(path: &Path) -> Option<InputKind> {
    let name = path.file_name()?.to_str()?.to_ascii_lowercase();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    let ext = name.rsplit_once('.')?.1;
    Some(match ext {
        "txt" | "text" => InputKind::Text,
        "html" | "htm" | "xhtml" | "shtml" => InputKind::Html,
        "rss" | "atom" | "xml" => InputKind::Feed,
        "jsonl" | "ndjson" => InputKind::JsonLines,
        "json" => InputKind::Json,
        "warc" => InputKind::Warc,
        _ => return None,
    })
}

/// True when the path names a gzip-compressed file.
pub fn has_gz_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("gz"))
}

/// The kind the content's first bytes suggest.
pub fn kind_from_content(bytes: &[u8]) -> InputKind {
    let head = &bytes[..bytes.len().min(2048)];
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace() && !matches!(b, 0xef | 0xbb | 0xbf))
        .unwrap_or(head.len());
    let head = head[start..].to_ascii_lowercase();
    let contains = |needle: &[u8]| memchr::memmem::find(&head, needle).is_some();
    if head.starts_with(b"warc/") {
        InputKind::Warc
    } else if head.starts_with(b"{") && contains(b"\"version\"") && contains(b"jsonfeed.org") {
        InputKind::Feed
    } else if head.starts_with(b"{") {
        InputKind::JsonLines
    } else if head.starts_with(b"[") {
        InputKind::Json
    } else if head.starts_with(b"<") && (contains(b"<rss") || contains(b"<feed") || contains(b"<rdf:rdf")) {
        InputKind::Feed
    } else if head.starts_with(b"<")
        || contains(b"<html")
        || contains(b"<!doctype html")
        || contains(b"<body")
    {
        InputKind::Html
    } else {
        InputKind::Text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions() {
        assert_eq!(
            kind_from_extension(Path::new("a/b.HTML.gz")),
            Some(InputKind::Html)
        );
        assert_eq!(kind_from_extension(Path::new("x.warc.gz")), Some(InputKind::Warc));
        assert_eq!(
            kind_from_extension(Path::new("x.jsonl")),
            Some(InputKind::JsonLines)
        );
        assert_eq!(kind_from_extension(Path::new("notes")), None);
        assert!(has_gz_extension(Path::new("x.warc.GZ")));
    }

    #[test]
    fn content() {
        assert_eq!(kind_from_content(b"WARC/1.0\r\n"), InputKind::Warc);
        assert_eq!(
            kind_from_content(b"<?xml version=\"1.0\"?><rss>"),
            InputKind::Feed
        );
        assert_eq!(
            kind_from_content(b"\n<feed xmlns=\"http://www.w3.org/2005/Atom\">"),
            InputKind::Feed
        );
        assert_eq!(kind_from_content(b"<!DOCTYPE html><html>"), InputKind::Html);
        assert_eq!(kind_from_content(b"{\"title\": 1}\n"), InputKind::JsonLines);
        assert_eq!(kind_from_content(b"Headline\nBody text."), InputKind::Text);
    }
}
