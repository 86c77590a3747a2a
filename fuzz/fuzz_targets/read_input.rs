//! Ingest of one in-memory input (sniffed as text, HTML, feed, JSON, JSON
//! Lines or WARC, gzip or not): see `sitrep_fuzz::check_ingest`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| sitrep_fuzz::check_ingest(data, None));
