//! Bytes to UTF-8 text: binary detection, byte-order marks, declared
//! charsets for HTML, and strict UTF-8 for plain text.
//!
//! Plain text must be UTF-8 (or UTF-16 with a byte-order mark): a file that
//! is not is rejected rather than guessed at. HTML follows the browsers: a
//! charset from the HTTP header or a `<meta>` tag is honoured, and
//! undeclared non-UTF-8 bytes are read as windows-1252, the web's legacy
//! default.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};
use sitrep_model::RejectReason;

/// How many leading bytes are inspected for binary signatures.
const SNIFF_BYTES: usize = 8192;

/// Which decoding rules apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextRules {
    /// Strict UTF-8 (or UTF-16 with a BOM).
    Plain,
    /// Declared charset, else UTF-8, else windows-1252.
    Html,
}

/// File signatures of common binary formats, with a name for messages.
const SIGNATURES: &[(&[u8], &str)] = &[
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"\x7fELF", "an ELF executable"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ", "an xz archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"\x28\xb5\x2f\xfd", "a zstd archive"),
    (b"RIFF", "a RIFF media file"),
    (b"OggS", "an Ogg media file"),
    (b"ID3", "an MP3 file"),
    (b"SQLite format 3\0", "an SQLite database"),
];

/// Reject `bytes` that look like binary data rather than text or markup.
pub fn check_not_binary(bytes: &[u8]) -> Result<(), RejectReason> {
    if let Some((_, name)) = SIGNATURES.iter().find(|(sig, _)| bytes.starts_with(sig)) {
        return Err(RejectReason::BinaryContent {
            detail: format!("looks like {name}"),
        });
    }
    if has_utf16_bom(bytes) {
        return Ok(());
    }
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    if let Some(pos) = memchr::memchr(0, head) {
        return Err(RejectReason::BinaryContent {
            detail: format!("NUL byte at offset {pos}"),
        });
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c))
        .count();
    if !head.is_empty() && controls * 20 > head.len() {
        return Err(RejectReason::BinaryContent {
            detail: format!("{controls} control bytes in the first {} bytes", head.len()),
        });
    }
    Ok(())
}

fn has_utf16_bom(bytes: &[u8]) -> bool {
    bytes.starts_with(b"\xff\xfe") || bytes.starts_with(b"\xfe\xff")
}

/// Decode `bytes` to a UTF-8 string under `rules`. `declared` is a charset
/// label from outside the bytes (an HTTP `Content-Type`).
pub fn decode(bytes: &[u8], rules: TextRules, declared: Option<&str>) -> Result<String, RejectReason> {
    check_not_binary(bytes)?;
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return decode_with(encoding, &bytes[bom_len..]);
    }
    match rules {
        TextRules::Plain => match std::str::from_utf8(bytes) {
            Ok(s) => Ok(s.to_owned()),
            Err(e) => Err(RejectReason::UnsupportedEncoding {
                detail: format!("invalid UTF-8 at byte {}", e.valid_up_to()),
            }),
        },
        TextRules::Html => {
            let label = declared
                .and_then(|l| Encoding::for_label(l.as_bytes()))
                .or_else(|| sniff_meta_charset(bytes).and_then(|l| Encoding::for_label(l.as_bytes())));
            // A page cannot declare UTF-16 in ASCII-compatible markup; the
            // HTML standard reads such declarations as UTF-8.
            let encoding = match label {
                Some(e) if e == UTF_16LE || e == UTF_16BE => UTF_8,
                Some(e) => e,
                None if std::str::from_utf8(bytes).is_ok() => UTF_8,
                None => WINDOWS_1252,
            };
            decode_with(encoding, bytes)
        }
    }
}

fn decode_with(encoding: &'static Encoding, bytes: &[u8]) -> Result<String, RejectReason> {
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    let replaced = text.matches('\u{fffd}').count();
    let chars = text.chars().count().max(1);
    if replaced * 100 > chars {
        return Err(RejectReason::UnsupportedEncoding {
            detail: format!(
                "{replaced} of {chars} characters are not valid {}",
                encoding.name()
            ),
        });
    }
    if encoding != UTF_8 && encoding != WINDOWS_1252 {
        check_not_binary(text.as_bytes())?;
    }
    Ok(text.into_owned())
}

/// The charset a page declares in its first 1024 bytes
/// (`<meta charset=…>` or `<meta http-equiv content="…; charset=…">`).
pub fn sniff_meta_charset(bytes: &[u8]) -> Option<&str> {
    let head = &bytes[..bytes.len().min(1024)];
    let lower: Vec<u8> = head.to_ascii_lowercase();
    let needle = b"charset=";
    let pos = memchr::memmem::find(&lower, needle)?;
    let rest = &head[pos + needle.len()..];
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|b| {
            matches!(
                b,
                b'"' | b'\'' | b';' | b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r'
            )
        })
        .unwrap_or(rest.len());
    std::str::from_utf8(&rest[..end]).ok().filter(|s| !s.is_empty())
}

/// The charset parameter of a MIME type (`text/html; charset=ISO-8859-1`).
pub fn charset_of_content_type(content_type: &str) -> Option<&str> {
    content_type.split(';').skip(1).find_map(|param| {
        let (name, value) = param.split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches(['"', '\'']))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn binary_signatures_are_named() {
        let err = decode(b"%PDF-1.7 rest", TextRules::Plain, None).expect_err("binary");
        assert_eq!(
            err,
            RejectReason::BinaryContent {
                detail: "looks like a PDF document".into()
            }
        );
        assert!(matches!(
            decode(b"abc\0def", TextRules::Plain, None),
            Err(RejectReason::BinaryContent { .. })
        ));
    }

    #[test]
    fn plain_text_must_be_utf8() {
        assert_eq!(
            decode("Kinshasa – Goma".as_bytes(), TextRules::Plain, None).as_deref(),
            Ok("Kinshasa – Goma")
        );
        assert_eq!(
            decode(b"caf\xe9 au lait", TextRules::Plain, None),
            Err(RejectReason::UnsupportedEncoding {
                detail: "invalid UTF-8 at byte 3".into()
            })
        );
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        let mut bytes = vec![0xff, 0xfe];
        for unit in "Hé".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        assert_eq!(decode(&bytes, TextRules::Plain, None).as_deref(), Ok("Hé"));
    }

    #[test]
    fn html_honours_declared_charsets() {
        let page = b"<html><head><meta charset=\"iso-8859-1\"></head><body>caf\xe9</body></html>";
        assert!(
            decode(page, TextRules::Html, None)
                .expect("decodes")
                .contains("café")
        );
        let undeclared = b"<p>caf\xe9</p>";
        assert!(
            decode(undeclared, TextRules::Html, None)
                .expect("decodes")
                .contains("café")
        );
        let header = b"<p>\xe4</p>";
        assert!(
            decode(header, TextRules::Html, Some("windows-1251"))
                .expect("decodes")
                .contains('д')
        );
    }

    #[test]
    fn content_type_charset() {
        assert_eq!(
            charset_of_content_type("text/html; charset=\"UTF-8\""),
            Some("UTF-8")
        );
        assert_eq!(charset_of_content_type("text/html"), None);
    }

    proptest! {
        #[test]
        fn decode_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
            let _ = decode(&bytes, TextRules::Plain, None);
            let _ = decode(&bytes, TextRules::Html, None);
        }
    }
}
