//! Ingest of one in-memory input (sniffed as text, HTML, feed, JSON, JSON
//! Lines or WARC, gzip or not) never panics and stays within its caps.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sitrep_ingest::{Limits, read_bytes};

fuzz_target!(|data: &[u8]| {
    let limits = Limits {
        max_file_bytes: 1 << 20,
        max_decompressed_bytes: 1 << 20,
        max_record_bytes: 1 << 16,
    };
    for item in read_bytes(data.to_vec(), None, "fuzz", &limits) {
        if let Ok(doc) = item {
            assert!(doc.body.len() <= 4 << 20, "a document beyond the caps");
        }
    }
});
