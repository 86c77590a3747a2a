//! Ingest of bytes read as a JSON Lines (the kind a file's extension names):
//! never panics, every document stays within the caps, and a rejection
//! names the input.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sitrep_ingest::sniff::InputKind;
use sitrep_ingest::{Limits, read_bytes};

fuzz_target!(|data: &[u8]| {
    let limits = Limits {
        max_file_bytes: 1 << 20,
        max_decompressed_bytes: 1 << 20,
        max_record_bytes: 1 << 16,
    };
    for item in read_bytes(data.to_vec(), Some(InputKind::JsonLines), "fuzz", &limits) {
        match item {
            Ok(doc) => assert!(doc.body.len() <= 4 << 20, "a document beyond the caps"),
            Err(rejection) => assert!(rejection.to_string().contains("fuzz"), "a rejection without its input"),
        }
    }
});
