//! Bounded reads: whole inputs, gzip streams and lines, each with a cap.

use std::io::{self, BufRead, Read};

use flate2::read::MultiGzDecoder;
use sitrep_model::RejectReason;

/// True when `bytes` start with the gzip magic number.
pub fn is_gzip(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0x1f, 0x8b])
}

/// Read all of `reader`, failing with `TooLarge` past `limit` bytes.
pub fn read_to_end_capped(reader: impl Read, limit: u64) -> Result<Vec<u8>, RejectReason> {
    let mut buf = Vec::new();
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut buf)
        .map_err(|e| RejectReason::Unreadable {
            detail: e.to_string(),
        })?;
    if buf.len() as u64 > limit {
        return Err(RejectReason::TooLarge {
            bytes: buf.len() as u64,
            limit,
        });
    }
    Ok(buf)
}

/// Decompress a whole gzip input (all members), failing past `limit` bytes
/// of output or on corrupt or truncated data.
pub fn gunzip_capped(compressed: &[u8], limit: u64) -> Result<Vec<u8>, RejectReason> {
    let mut out = Vec::new();
    MultiGzDecoder::new(compressed)
        .take(limit.saturating_add(1))
        .read_to_end(&mut out)
        .map_err(|e| compression_error(&e))?;
    if out.len() as u64 > limit {
        return Err(RejectReason::DecompressionLimit { limit });
    }
    Ok(out)
}

/// Map a decoder's IO error to a rejection reason.
pub fn compression_error(e: &io::Error) -> RejectReason {
    let detail = if e.kind() == io::ErrorKind::UnexpectedEof {
        "the gzip stream is truncated".to_owned()
    } else {
        e.to_string()
    };
    RejectReason::CorruptCompression { detail }
}

/// What [`read_line_capped`] found.
#[derive(Debug, PartialEq, Eq)]
pub enum LineRead {
    /// A line (without its `\n`) is in the buffer.
    Line,
    /// The line was longer than the cap; the buffer holds its first bytes
    /// and the rest was skipped.
    Overlong,
    /// End of input; nothing was read.
    Eof,
}

/// Read one `\n`-terminated line into `buf` (cleared first), keeping at
/// most `cap` bytes and skipping the rest of an overlong line.
pub fn read_line_capped(reader: &mut impl BufRead, buf: &mut Vec<u8>, cap: usize) -> io::Result<LineRead> {
    buf.clear();
    let mut overlong = false;
    let mut read_any = false;
    loop {
        let available = reader.fill_buf()?;
        if available.is_empty() {
            break;
        }
        read_any = true;
        let (chunk, found_newline) = match memchr::memchr(b'\n', available) {
            Some(i) => (&available[..i], true),
            None => (available, false),
        };
        let room = cap.saturating_sub(buf.len());
        if chunk.len() > room {
            overlong = true;
        }
        buf.extend_from_slice(&chunk[..chunk.len().min(room)]);
        let used = chunk.len() + usize::from(found_newline);
        reader.consume(used);
        if found_newline {
            break;
        }
    }
    if buf.last() == Some(&b'\r') {
        buf.pop();
    }
    Ok(match (read_any, overlong) {
        (false, _) => LineRead::Eof,
        (true, true) => LineRead::Overlong,
        (true, false) => LineRead::Line,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::{Compression, write::GzEncoder};
    use std::io::Write;

    fn gzip(data: &[u8]) -> Vec<u8> {
        let mut enc = GzEncoder::new(Vec::new(), Compression::default());
        enc.write_all(data).expect("write to memory");
        enc.finish().expect("finish in memory")
    }

    #[test]
    fn gunzip_within_the_cap() {
        let packed = gzip(b"hello world");
        assert_eq!(gunzip_capped(&packed, 100).expect("fits"), b"hello world");
    }

    #[test]
    fn gunzip_bomb_hits_the_cap() {
        let packed = gzip(&vec![b'a'; 1_000_000]);
        assert!(packed.len() < 5_000);
        assert_eq!(
            gunzip_capped(&packed, 10_000),
            Err(RejectReason::DecompressionLimit { limit: 10_000 })
        );
    }

    #[test]
    fn truncated_gzip_is_corrupt() {
        let packed = gzip(&[b'x'; 5000]);
        let cut = &packed[..packed.len() / 2];
        assert!(matches!(
            gunzip_capped(cut, 100_000),
            Err(RejectReason::CorruptCompression { .. })
        ));
    }

    #[test]
    fn lines_are_capped_and_the_rest_skipped() {
        let mut input = io::Cursor::new(b"short\r\nwaytoolongline\nnext".to_vec());
        let mut buf = Vec::new();
        assert_eq!(
            read_line_capped(&mut input, &mut buf, 8).expect("io"),
            LineRead::Line
        );
        assert_eq!(buf, b"short");
        assert_eq!(
            read_line_capped(&mut input, &mut buf, 8).expect("io"),
            LineRead::Overlong
        );
        assert_eq!(buf, b"waytoolo");
        assert_eq!(
            read_line_capped(&mut input, &mut buf, 8).expect("io"),
            LineRead::Line
        );
        assert_eq!(buf, b"next");
        assert_eq!(
            read_line_capped(&mut input, &mut buf, 8).expect("io"),
            LineRead::Eof
        );
    }
}
