//! Time expressions in article text: resolution never panics, every span
//! is a slice of the text on character boundaries, resolving again gives
//! the same result, and a text without a publication date gets no date
//! that rests on one.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sitrep_annotate::temporal::resolve_times;
use sitrep_model::{PublishedDate, TimeAnchor};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let published = PublishedDate::from_ymd(2025, 2, 22);
    let times = resolve_times(&text, &[], published, None);
    for t in &times {
        assert!(t.span.slice(&text).is_some(), "span off the text");
    }
    assert_eq!(times, resolve_times(&text, &[], published, None), "not deterministic");
    for t in resolve_times(&text, &[], None, None) {
        assert!(
            t.date.is_none() || t.anchor != TimeAnchor::Publication,
            "a date resting on a publication date that is not there"
        );
    }
});
