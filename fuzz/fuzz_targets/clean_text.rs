//! Plain-text cleanup never panics, and cleaning its body again changes
//! nothing.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sitrep_extract::text_cleanup::{clean_body, clean_plain_text};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let cleaned = clean_plain_text(&text);
    assert_eq!(clean_body(&cleaned.body), cleaned.body, "body is not a fixed point");
    let once = clean_body(&text);
    assert_eq!(clean_body(&once), once, "clean_body is not idempotent");
});
