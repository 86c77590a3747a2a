//! Sources: read files, folders and standard input into [`Document`]s.
//!
//! Why it is built this way: this is the pipeline's only reading edge, so
//! every cap that protects memory lives here ([`Limits`]): files read whole
//! are size-checked before reading, gzip output is capped, and streamed
//! containers (WARC, JSON Lines) are read one capped record at a time so a
//! 1 GB archive never sits in memory. Bad input is data: each problem comes
//! back as a [`Rejection`] naming the input, and reading goes on with the
//! next input. Formats are chosen by extension first, then by content, so
//! a feed saved as `.txt` is still read as text, but an unnamed file is
//! sniffed.
//!
//! Adding an input format: see CONTRIBUTING.md (one module with a function
//! from bytes or a reader to [`Item`]s, one arm in [`read_file`]).

pub mod capped;
pub mod decode;
pub mod feed;
pub mod jsonl;
mod limits;
pub mod sniff;
pub mod warc;

use std::fs::File;
use std::io::{self, BufReader, Read};
use std::path::{Path, PathBuf};

pub use limits::Limits;
use sitrep_model::{Document, DocumentFormat, DocumentHints, RejectReason, Rejection};

use crate::decode::TextRules;
use crate::sniff::InputKind;

/// One outcome of reading: a document, or a rejected input.
pub type Item = Result<Document, Rejection>;

/// A boxed stream of outcomes from one input.
pub type Items = Box<dyn Iterator<Item = Item> + Send>;

/// Expand `paths` into the files to read: files as given, folders
/// recursively (sorted by name, hidden entries skipped, symlinks not
/// followed into folders). Paths that do not exist are rejected.
pub fn expand_paths(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<Rejection>) {
    let mut files = Vec::new();
    let mut rejected = Vec::new();
    for path in paths {
        let meta = match std::fs::metadata(path) {
            Ok(m) => m,
            Err(e) => {
                rejected.push(Rejection::new(
                    path.display().to_string(),
                    RejectReason::Unreadable {
                        detail: e.to_string(),
                    },
                ));
                continue;
            }
        };
        if !meta.is_dir() {
            files.push(path.clone());
            continue;
        }
        let walker = walkdir::WalkDir::new(path)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
        for entry in walker {
            match entry {
                Ok(e) if e.file_type().is_file() => files.push(e.into_path()),
                Ok(_) => {}
                Err(e) => rejected.push(Rejection::new(
                    e.path()
                        .map_or_else(|| path.display().to_string(), |p| p.display().to_string()),
                    RejectReason::Unreadable {
                        detail: e.to_string(),
                    },
                )),
            }
        }
    }
    (files, rejected)
}

fn one(item: Item) -> Items {
    Box::new(std::iter::once(item))
}

fn reject(origin: &str, reason: RejectReason) -> Items {
    one(Err(Rejection::new(origin, reason)))
}

/// Read one file into its documents (one for a page, many for a feed,
/// JSON Lines or WARC), or a rejection.
pub fn read_file(path: &Path, limits: &Limits) -> Items {
    let origin = path.display().to_string();
    let by_name = sniff::kind_from_extension(path);
    let file = match File::open(path) {
        Ok(f) => f,
        Err(e) => {
            return reject(
                &origin,
                RejectReason::Unreadable {
                    detail: e.to_string(),
                },
            );
        }
    };
    let size = match file.metadata() {
        Ok(m) if m.is_dir() => {
            return reject(
                &origin,
                RejectReason::Unreadable {
                    detail: "is a folder".into(),
                },
            );
        }
        Ok(m) => m.len(),
        Err(e) => {
            return reject(
                &origin,
                RejectReason::Unreadable {
                    detail: e.to_string(),
                },
            );
        }
    };
    if size == 0 {
        return reject(&origin, RejectReason::Empty);
    }
    let mut reader = BufReader::with_capacity(64 * 1024, file);
    let mut magic = [0u8; 2];
    let gz = match reader.get_mut().read_exact(&mut magic) {
        Ok(()) => capped::is_gzip(&magic),
        Err(_) => false,
    };
    if let Err(e) = rewind(&mut reader) {
        return reject(
            &origin,
            RejectReason::Unreadable {
                detail: e.to_string(),
            },
        );
    }
    match by_name {
        Some(InputKind::Warc) => streamed_warc(reader, origin, *limits, gz),
        Some(InputKind::JsonLines) => streamed_jsonl(reader, origin, limits, gz),
        _ => {
            if size > limits.max_file_bytes {
                return reject(
                    &origin,
                    RejectReason::TooLarge {
                        bytes: size,
                        limit: limits.max_file_bytes,
                    },
                );
            }
            let bytes = match capped::read_to_end_capped(reader, limits.max_file_bytes) {
                Ok(b) => b,
                Err(reason) => return reject(&origin, reason),
            };
            read_bytes(bytes, by_name, &origin, limits)
        }
    }
}

fn rewind(reader: &mut BufReader<File>) -> io::Result<()> {
    use std::io::Seek;
    reader.get_mut().rewind()
}

fn streamed_warc(reader: BufReader<File>, origin: String, limits: Limits, gz: bool) -> Items {
    if gz {
        let decoder = BufReader::new(flate2::read::MultiGzDecoder::new(reader));
        Box::new(warc::WarcRecords::new(decoder, origin, limits, true))
    } else {
        Box::new(warc::WarcRecords::new(reader, origin, limits, false))
    }
}

fn streamed_jsonl(reader: BufReader<File>, origin: String, limits: &Limits, gz: bool) -> Items {
    if gz {
        let decoder = BufReader::new(flate2::read::MultiGzDecoder::new(reader));
        Box::new(jsonl::JsonLines::new(decoder, origin, limits.max_record_bytes).compressed(true))
    } else {
        Box::new(jsonl::JsonLines::new(reader, origin, limits.max_record_bytes))
    }
}

/// Read an input already in memory (a whole file): gunzip it if needed,
/// then choose the format by `by_name`, else by content.
pub fn read_bytes(bytes: Vec<u8>, by_name: Option<InputKind>, origin: &str, limits: &Limits) -> Items {
    let bytes = if capped::is_gzip(&bytes) {
        match capped::gunzip_capped(&bytes, limits.max_decompressed_bytes) {
            Ok(b) => b,
            Err(reason) => return reject(origin, reason),
        }
    } else {
        bytes
    };
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return reject(origin, RejectReason::Empty);
    }
    if let Err(reason) = decode::check_not_binary(&bytes) {
        return reject(origin, reason);
    }
    let kind = by_name.unwrap_or_else(|| sniff::kind_from_content(&bytes));
    match kind {
        InputKind::Text => single(&bytes, origin, DocumentFormat::Text, TextRules::Plain),
        InputKind::Html => single(&bytes, origin, DocumentFormat::Html, TextRules::Html),
        InputKind::Feed => Box::new(feed::documents_from_feed(&bytes, origin).into_iter()),
        InputKind::Json => Box::new(jsonl::documents_from_json_document(&bytes, origin).into_iter()),
        InputKind::JsonLines => Box::new(
            jsonl::JsonLines::new(io::Cursor::new(bytes), origin, limits.max_record_bytes)
                .collect::<Vec<_>>()
                .into_iter(),
        ),
        InputKind::Warc => Box::new(
            warc::WarcRecords::new(io::Cursor::new(bytes), origin, *limits, false)
                .collect::<Vec<_>>()
                .into_iter(),
        ),
    }
}

fn single(bytes: &[u8], origin: &str, format: DocumentFormat, rules: TextRules) -> Items {
    match decode::decode(bytes, rules, None) {
        Ok(body) if body.trim().is_empty() => reject(origin, RejectReason::Empty),
        Ok(body) => one(Ok(Document {
            origin: origin.to_owned(),
            format,
            body,
            hints: DocumentHints::default(),
        })),
        Err(reason) => reject(origin, reason),
    }
}

/// Read JSON Lines from standard input (the `-` argument).
pub fn read_stdin_jsonl(limits: &Limits) -> Items {
    let reader = BufReader::new(io::stdin());
    Box::new(jsonl::JsonLines::new(reader, "stdin", limits.max_record_bytes))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
        let path = dir.join(name);
        let mut f = File::create(&path).expect("create");
        f.write_all(bytes).expect("write");
        path
    }

    fn reasons(items: Items) -> Vec<String> {
        items
            .map(|i| match i {
                Ok(d) => format!("ok {}", d.origin),
                Err(r) => format!("{}", r.reason),
            })
            .collect()
    }

    #[test]
    fn folders_are_walked_in_name_order_skipping_hidden() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::create_dir(dir.path().join("sub")).expect("mkdir");
        std::fs::create_dir(dir.path().join(".git")).expect("mkdir");
        write(dir.path(), "b.txt", b"b");
        write(&dir.path().join("sub"), "a.txt", b"a");
        write(&dir.path().join(".git"), "x.txt", b"x");
        write(dir.path(), "a.txt", b"a");
        let missing = dir.path().join("missing.txt");
        let (files, rejected) = expand_paths(&[dir.path().to_path_buf(), missing]);
        let names: Vec<String> = files
            .iter()
            .map(|p| p.strip_prefix(dir.path()).expect("inside").display().to_string())
            .collect();
        assert_eq!(names, ["a.txt", "b.txt", "sub/a.txt"]);
        assert_eq!(rejected.len(), 1);
    }

    #[test]
    fn whole_files_are_size_checked_before_reading() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = write(dir.path(), "big.txt", b"word ");
        File::options()
            .write(true)
            .open(&path)
            .and_then(|f| f.set_len(1_000))
            .expect("grow");
        let limits = Limits {
            max_file_bytes: 100,
            ..Limits::default()
        };
        assert_eq!(
            reasons(read_file(&path, &limits)),
            ["too large (1000 bytes; the limit is 100 bytes)"]
        );
    }

    #[test]
    fn empty_and_binary_files_are_rejected() {
        let dir = tempfile::tempdir().expect("tempdir");
        let empty = write(dir.path(), "e.txt", b"");
        let blank = write(dir.path(), "blank.html", b"  \n ");
        let bin = write(dir.path(), "b.txt", b"\x89PNG\r\n\x1a\n\0\0");
        let limits = Limits::default();
        assert_eq!(reasons(read_file(&empty, &limits)), ["empty input"]);
        assert_eq!(reasons(read_file(&blank, &limits)), ["empty input"]);
        assert_eq!(
            reasons(read_file(&bin, &limits)),
            ["binary content (looks like a PNG image)"]
        );
    }

    #[test]
    fn unnamed_files_are_sniffed() {
        let dir = tempfile::tempdir().expect("tempdir");
        let page = write(
            dir.path(),
            "page",
            b"<!doctype html><html><body><p>x</p></body></html>",
        );
        let docs: Vec<Item> = read_file(&page, &Limits::default()).collect();
        assert_eq!(docs[0].as_ref().expect("doc").format, DocumentFormat::Html);
    }
}
