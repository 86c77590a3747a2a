//! Size caps that keep one hostile input from exhausting memory.

/// Caps applied while reading inputs. Every read in this crate is bounded
/// by one of these.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest file read whole (text, HTML, feeds, JSON documents), in bytes.
    /// Streamed containers (WARC, JSON Lines) have no total cap; their
    /// records are capped by `max_record_bytes`.
    pub max_file_bytes: u64,
    /// Largest size a gzip-compressed input may expand to, in bytes.
    pub max_decompressed_bytes: u64,
    /// Largest single record: one JSON line, one WARC record, one HTTP body.
    pub max_record_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_file_bytes: 64 * 1024 * 1024,
            max_decompressed_bytes: 64 * 1024 * 1024,
            max_record_bytes: 16 * 1024 * 1024,
        }
    }
}
