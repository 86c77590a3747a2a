//! Date strings: never panic, spans fall on the input, and what is written
//! parses back to the same date.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sitrep_extract::dates::{find_date, parse_date};
use sitrep_model::PublishedDate;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Some(found) = find_date(&text) {
        assert!(text.get(found.span.clone()).is_some(), "span off the input");
    }
    if let Some(date) = parse_date(&text) {
        assert_eq!(date.to_string().parse::<PublishedDate>().ok(), Some(date));
    }
});
