//! Ingest of bytes read as an RSS, Atom or JSON feed (the kind a file's extension names):
//! see `sitrep_fuzz::check_ingest`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sitrep_ingest::sniff::InputKind;

fuzz_target!(|data: &[u8]| sitrep_fuzz::check_ingest(data, Some(InputKind::Feed)));
