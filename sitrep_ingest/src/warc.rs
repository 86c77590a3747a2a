//! WARC archives (as in CC-NEWS), read one record at a time: each HTTP
//! response with a 2xx status and an HTML body, and each HTML or text
//! resource record, becomes a document; other records are skipped.
//!
//! Written here rather than taken from the `warc` crate because ingest
//! needs what that crate does not give: a cap on every record, recovery
//! from records whose `Content-Length` lies, HTTP de-chunking and
//! content-decoding with caps, and gzip handled by the same `flate2`
//! decoder the rest of ingest uses.

use std::io::{self, BufRead, Read};

use flate2::read::{MultiGzDecoder, ZlibDecoder};
use sitrep_model::{Document, DocumentFormat, DocumentHints, RejectReason, Rejection};

use crate::capped::{LineRead, compression_error, read_line_capped};
use crate::decode::{TextRules, charset_of_content_type, decode};
use crate::{Item, Limits};

/// Longest header line accepted, in bytes.
const MAX_HEADER_LINE: usize = 16 * 1024;
/// Most header lines in one record.
const MAX_HEADER_LINES: usize = 256;

/// Streams documents out of a WARC archive.
pub struct WarcRecords<R> {
    reader: R,
    origin: String,
    limits: Limits,
    compressed: bool,
    record_no: usize,
    produced: bool,
    resyncing: bool,
    finished: bool,
    line: Vec<u8>,
}

/// A record's WARC headers, as far as ingest needs them.
#[derive(Debug, Default)]
struct RecordHeader {
    kind: String,
    target_uri: Option<String>,
    date: Option<String>,
    content_type: Option<String>,
    content_length: Option<u64>,
}

impl<R: BufRead> WarcRecords<R> {
    /// Read records from `reader`; `origin` names the archive in messages;
    /// `compressed` says read errors mean corrupt gzip data.
    pub fn new(reader: R, origin: impl Into<String>, limits: Limits, compressed: bool) -> Self {
        Self {
            reader,
            origin: origin.into(),
            limits,
            compressed,
            record_no: 0,
            produced: false,
            resyncing: false,
            finished: false,
            line: Vec::new(),
        }
    }

    fn record_origin(&self) -> String {
        format!("{}#record {}", self.origin, self.record_no)
    }

    fn fail(&mut self, origin: String, reason: RejectReason) -> Option<Item> {
        self.finished = true;
        self.produced = true;
        Some(Err(Rejection::new(origin, reason)))
    }

    fn io_rejection(&self, e: &io::Error) -> Rejection {
        let reason = if self.compressed {
            compression_error(e)
        } else {
            RejectReason::Unreadable {
                detail: e.to_string(),
            }
        };
        Rejection::new(self.origin.clone(), reason)
    }

    fn io_failure(&mut self, e: &io::Error) -> Option<Item> {
        let rejection = self.io_rejection(e);
        self.fail(rejection.origin, rejection.reason)
    }

    fn read_header_line(&mut self) -> io::Result<LineRead> {
        read_line_capped(&mut self.reader, &mut self.line, MAX_HEADER_LINE)
    }

    fn read_headers(&mut self) -> Result<RecordHeader, Rejection> {
        let mut header = RecordHeader::default();
        for _ in 0..MAX_HEADER_LINES {
            match self.read_header_line() {
                Ok(LineRead::Eof) => {
                    return Err(Rejection::new(
                        self.record_origin(),
                        RejectReason::Malformed {
                            detail: "the archive ends inside a record header".into(),
                        },
                    ));
                }
                Ok(_) => {}
                Err(e) => return Err(self.io_rejection(&e)),
            }
            if self.line.is_empty() {
                return Ok(header);
            }
            let line = String::from_utf8_lossy(&self.line);
            let Some((name, value)) = line.split_once(':') else {
                continue;
            };
            let value = value.trim().to_owned();
            match name.trim().to_ascii_lowercase().as_str() {
                "warc-type" => header.kind = value.to_ascii_lowercase(),
                "warc-target-uri" => header.target_uri = Some(value.trim_matches(['<', '>']).to_owned()),
                "warc-date" => header.date = Some(value),
                "content-type" => header.content_type = Some(value),
                "content-length" => header.content_length = value.parse().ok(),
                _ => {}
            }
        }
        Err(Rejection::new(
            self.record_origin(),
            RejectReason::Malformed {
                detail: format!("more than {MAX_HEADER_LINES} header lines"),
            },
        ))
    }

    /// Skip to the next line that starts a record; false at the end.
    fn resync(&mut self) -> io::Result<bool> {
        let mut scanned: u64 = 0;
        loop {
            match read_line_capped(&mut self.reader, &mut self.line, MAX_HEADER_LINE)? {
                LineRead::Eof => return Ok(false),
                _ if self.line.starts_with(b"WARC/") => return Ok(true),
                _ => {
                    scanned += self.line.len() as u64 + 1;
                    if scanned > self.limits.max_record_bytes {
                        return Ok(false);
                    }
                }
            }
        }
    }

    fn next_record(&mut self) -> Option<Item> {
        loop {
            if self.finished {
                return None;
            }
            if self.resyncing {
                self.resyncing = false;
                match self.resync() {
                    Ok(true) => {}
                    Ok(false) => {
                        self.finished = true;
                        return None;
                    }
                    Err(e) => return self.io_failure(&e),
                }
            } else {
                match self.read_header_line() {
                    Ok(LineRead::Eof) => {
                        self.finished = true;
                        if !self.produced {
                            self.produced = true;
                            return Some(Err(Rejection::new(
                                self.origin.clone(),
                                RejectReason::NoItems {
                                    detail: "no HTML response or resource records".into(),
                                },
                            )));
                        }
                        return None;
                    }
                    Ok(_) if self.line.iter().all(u8::is_ascii_whitespace) => continue,
                    Ok(_) => {}
                    Err(e) => return self.io_failure(&e),
                }
                if !self.line.starts_with(b"WARC/") {
                    self.resyncing = true;
                    self.produced = true;
                    let origin = format!("{}#record {}", self.origin, self.record_no + 1);
                    return Some(Err(Rejection::new(
                        origin,
                        RejectReason::Malformed {
                            detail: "expected a WARC/ version line; a previous Content-Length may be wrong"
                                .into(),
                        },
                    )));
                }
            }
            self.record_no += 1;
            let header = match self.read_headers() {
                Ok(h) => h,
                Err(rejection) => return self.fail(rejection.origin, rejection.reason),
            };
            let Some(length) = header.content_length else {
                let origin = self.record_origin();
                return self.fail(
                    origin,
                    RejectReason::Malformed {
                        detail: "record without a valid Content-Length".into(),
                    },
                );
            };
            let wanted = matches!(header.kind.as_str(), "response" | "resource");
            if !wanted || length > self.limits.max_record_bytes {
                match io::copy(&mut (&mut self.reader).take(length), &mut io::sink()) {
                    Ok(n) if n == length => {}
                    Ok(n) => return self.truncated(length, n),
                    Err(e) => return self.io_failure(&e),
                }
                if wanted {
                    self.produced = true;
                    return Some(Err(Rejection::new(
                        self.record_origin(),
                        RejectReason::TooLarge {
                            bytes: length,
                            limit: self.limits.max_record_bytes,
                        },
                    )));
                }
                continue;
            }
            let mut block = Vec::with_capacity(usize::try_from(length.min(1 << 20)).unwrap_or(0));
            match (&mut self.reader).take(length).read_to_end(&mut block) {
                Ok(n) if n as u64 == length => {}
                Ok(n) => return self.truncated(length, n as u64),
                Err(e) => return self.io_failure(&e),
            }
            let origin = self.record_origin();
            match document_from_record(&header, &block, &origin, &self.limits) {
                Some(item) => {
                    self.produced = true;
                    return Some(item);
                }
                None => continue,
            }
        }
    }

    fn truncated(&mut self, length: u64, got: u64) -> Option<Item> {
        let origin = self.record_origin();
        self.fail(
            origin,
            RejectReason::Malformed {
                detail: format!("truncated record: Content-Length is {length} but only {got} bytes follow"),
            },
        )
    }
}

impl<R: BufRead> Iterator for WarcRecords<R> {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        self.next_record()
    }
}

fn is_html_type(content_type: &str) -> bool {
    let t = content_type.trim().to_ascii_lowercase();
    t.starts_with("text/html") || t.starts_with("application/xhtml")
}

/// The document in one record's block, `None` for records that hold none.
fn document_from_record(header: &RecordHeader, block: &[u8], origin: &str, limits: &Limits) -> Option<Item> {
    let hints = DocumentHints {
        url: header.target_uri.clone(),
        fetched: header.date.clone(),
        ..DocumentHints::default()
    };
    let reject = |reason| Some(Err(Rejection::new(origin, reason)));
    let (format, payload, content_type) = if header.kind == "resource" {
        let ct = header.content_type.clone().unwrap_or_default();
        let format = if is_html_type(&ct) {
            DocumentFormat::Html
        } else if ct.to_ascii_lowercase().starts_with("text/plain") {
            DocumentFormat::Text
        } else {
            return None;
        };
        (format, block.to_vec(), ct)
    } else {
        let response = match parse_http_response(block) {
            Ok(r) => r,
            Err(detail) => return reject(RejectReason::Malformed { detail }),
        };
        if !(200..300).contains(&response.status) {
            return None;
        }
        let ct = response
            .content_type
            .clone()
            .unwrap_or_else(|| "text/html".into());
        if !is_html_type(&ct) {
            return None;
        }
        let body = match response.decoded_body(limits.max_record_bytes) {
            Ok(b) => b,
            Err(reason) => return reject(reason),
        };
        (DocumentFormat::Html, body, ct)
    };
    let rules = match format {
        DocumentFormat::Html => TextRules::Html,
        DocumentFormat::Text => TextRules::Plain,
    };
    if payload.iter().all(u8::is_ascii_whitespace) {
        return reject(RejectReason::Empty);
    }
    match decode(&payload, rules, charset_of_content_type(&content_type)) {
        Ok(body) => Some(Ok(Document {
            origin: origin.to_owned(),
            format,
            body,
            hints,
        })),
        Err(reason) => reject(reason),
    }
}

/// The parts of an HTTP response ingest uses.
struct HttpResponse<'a> {
    status: u16,
    content_type: Option<String>,
    content_encoding: Option<String>,
    chunked: bool,
    body: &'a [u8],
}

fn parse_http_response(block: &[u8]) -> Result<HttpResponse<'_>, String> {
    let (head_end, sep_len) = memchr::memmem::find(block, b"\r\n\r\n")
        .map(|i| (i, 4))
        .or_else(|| memchr::memmem::find(block, b"\n\n").map(|i| (i, 2)))
        .ok_or_else(|| "HTTP response without a header end".to_owned())?;
    let head = String::from_utf8_lossy(&block[..head_end]);
    let mut lines = head.lines();
    let status_line = lines.next().unwrap_or_default();
    let status = status_line
        .strip_prefix("HTTP/")
        .and_then(|rest| rest.split_whitespace().nth(1))
        .and_then(|code| code.parse::<u16>().ok())
        .ok_or_else(|| {
            format!(
                "not an HTTP status line: {:?}",
                status_line.chars().take(60).collect::<String>()
            )
        })?;
    let mut response = HttpResponse {
        status,
        content_type: None,
        content_encoding: None,
        chunked: false,
        body: &block[head_end + sep_len..],
    };
    for line in lines {
        let Some((name, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim();
        match name.trim().to_ascii_lowercase().as_str() {
            "content-type" => response.content_type = Some(value.to_owned()),
            "content-encoding" => response.content_encoding = Some(value.to_ascii_lowercase()),
            "transfer-encoding" => response.chunked = value.to_ascii_lowercase().contains("chunked"),
            _ => {}
        }
    }
    Ok(response)
}

impl HttpResponse<'_> {
    fn decoded_body(&self, cap: u64) -> Result<Vec<u8>, RejectReason> {
        let raw = if self.chunked {
            dechunk(self.body).ok_or_else(|| RejectReason::Malformed {
                detail: "invalid chunked transfer encoding".into(),
            })?
        } else {
            self.body.to_vec()
        };
        let mut out = Vec::new();
        let result = match self.content_encoding.as_deref().map(str::trim) {
            None | Some("" | "identity") => return Ok(raw),
            Some("gzip" | "x-gzip") => MultiGzDecoder::new(raw.as_slice())
                .take(cap + 1)
                .read_to_end(&mut out),
            Some("deflate") => ZlibDecoder::new(raw.as_slice())
                .take(cap + 1)
                .read_to_end(&mut out),
            Some(other) => {
                return Err(RejectReason::UnsupportedEncoding {
                    detail: format!("HTTP content encoding {other:?}"),
                });
            }
        };
        result.map_err(|e| compression_error(&e))?;
        if out.len() as u64 > cap {
            return Err(RejectReason::DecompressionLimit { limit: cap });
        }
        Ok(out)
    }
}

/// Undo HTTP/1.1 chunked transfer encoding; `None` when malformed.
fn dechunk(mut data: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(data.len());
    loop {
        let line_end = memchr::memmem::find(data, b"\r\n")?;
        let size_text = std::str::from_utf8(&data[..line_end]).ok()?;
        let size_text = size_text.split(';').next()?.trim();
        let size = usize::from_str_radix(size_text, 16).ok()?;
        data = &data[line_end + 2..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(data.get(..size)?);
        data = data.get(size..)?;
        data = data.strip_prefix(b"\r\n").unwrap_or(data);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(kind: &str, uri: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
        let mut out = format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2025-02-22T10:00:00Z\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        out.extend_from_slice(block);
        out.extend_from_slice(b"\r\n\r\n");
        out
    }

    fn http(status: &str, headers: &str, body: &[u8]) -> Vec<u8> {
        let mut out = format!("HTTP/1.1 {status}\r\n{headers}\r\n").into_bytes();
        out.extend_from_slice(body);
        out
    }

    fn read(bytes: &[u8]) -> Vec<Item> {
        WarcRecords::new(bytes, "a.warc", Limits::default(), false).collect()
    }

    #[test]
    fn html_responses_become_documents_and_others_are_skipped() {
        let mut warc = record("warcinfo", "", "application/warc-fields", b"software: test\r\n");
        warc.extend(record(
            "response",
            "https://n.test/story",
            "application/http; msgtype=response",
            &http(
                "200 OK",
                "Content-Type: text/html; charset=utf-8\r\n",
                b"<html><p>Hello</p></html>",
            ),
        ));
        warc.extend(record(
            "request",
            "https://n.test/story",
            "application/http",
            b"GET / HTTP/1.1\r\n\r\n",
        ));
        warc.extend(record(
            "response",
            "https://n.test/img.png",
            "application/http; msgtype=response",
            &http("200 OK", "Content-Type: image/png\r\n", b"\x89PNG"),
        ));
        warc.extend(record(
            "response",
            "https://n.test/gone",
            "application/http; msgtype=response",
            &http("404 Not Found", "Content-Type: text/html\r\n", b"<p>gone</p>"),
        ));
        let items = read(&warc);
        assert_eq!(items.len(), 1);
        let doc = items[0].as_ref().expect("document");
        assert_eq!(doc.origin, "a.warc#record 2");
        assert_eq!(doc.hints.url.as_deref(), Some("https://n.test/story"));
        assert_eq!(doc.hints.fetched.as_deref(), Some("2025-02-22T10:00:00Z"));
        assert!(doc.body.contains("Hello"));
    }

    #[test]
    fn chunked_bodies_are_joined() {
        let body = b"5\r\n<p>Hi\r\n6\r\n there\r\n0\r\n\r\n";
        let warc = record(
            "response",
            "https://n.test/c",
            "application/http",
            &http(
                "200 OK",
                "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n",
                body,
            ),
        );
        let items = read(&warc);
        assert_eq!(items[0].as_ref().expect("document").body, "<p>Hi there");
    }

    #[test]
    fn lying_lengths_are_reported_and_reading_recovers() {
        let good = record(
            "response",
            "https://n.test/ok",
            "application/http",
            &http("200 OK", "Content-Type: text/html\r\n", b"<p>fine</p>"),
        );
        let good_text = String::from_utf8(good.clone()).expect("ascii");
        let length_line = good_text
            .lines()
            .find(|l| l.starts_with("Content-Length"))
            .expect("a length");
        let liar = good_text.replace(length_line, "Content-Length: 20");
        let mut warc = liar.into_bytes();
        warc.extend(&good);
        let items = read(&warc);
        assert!(items.iter().any(|i| matches!(
            i,
            Err(Rejection {
                reason: RejectReason::Malformed { .. },
                ..
            })
        )));
        assert!(
            items
                .iter()
                .any(|i| i.as_ref().is_ok_and(|d| d.body.contains("fine"))),
            "{items:?}"
        );
    }

    #[test]
    fn truncated_archive_is_reported() {
        let good = record(
            "response",
            "https://n.test/ok",
            "application/http",
            &http("200 OK", "Content-Type: text/html\r\n", b"<p>fine</p>"),
        );
        let items = read(&good[..good.len() - 20]);
        assert_eq!(items.len(), 1);
        let err = items[0].as_ref().expect_err("truncated");
        assert!(err.to_string().contains("truncated record"), "{err}");
    }

    #[test]
    fn oversized_records_are_skipped_with_a_reason() {
        let limits = Limits {
            max_record_bytes: 10,
            ..Limits::default()
        };
        let warc = record(
            "resource",
            "https://n.test/r",
            "text/html",
            b"<p>much longer than ten</p>",
        );
        let items: Vec<Item> = WarcRecords::new(warc.as_slice(), "a.warc", limits, false).collect();
        assert!(matches!(
            items[0],
            Err(Rejection {
                reason: RejectReason::TooLarge { .. },
                ..
            })
        ));
    }

    #[test]
    fn archive_without_html_is_reported() {
        let items = read(&record("warcinfo", "", "application/warc-fields", b"x: y\r\n"));
        assert!(matches!(
            items[0],
            Err(Rejection {
                reason: RejectReason::NoItems { .. },
                ..
            })
        ));
    }
}
