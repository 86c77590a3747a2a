//! Checks shared by the ingest fuzz targets: reading any bytes as a given
//! kind of input (or sniffed) never panics, every document stays within
//! the caps, and every rejection names its input.

use sitrep_ingest::sniff::InputKind;
use sitrep_ingest::{Limits, read_bytes};

/// Read `data` as `kind` (sniffed when `None`) under small caps and check
/// what comes out.
pub fn check_ingest(data: &[u8], kind: Option<InputKind>) {
    let limits = Limits {
        max_file_bytes: 1 << 20,
        max_decompressed_bytes: 1 << 20,
        max_record_bytes: 1 << 16,
    };
    for item in read_bytes(data.to_vec(), kind, "fuzz", &limits) {
        match item {
            Ok(doc) => assert!(doc.body.len() <= 4 << 20, "a document beyond the caps"),
            Err(rejection) => assert!(rejection.to_string().contains("fuzz"), "a rejection without its input"),
        }
    }
}
