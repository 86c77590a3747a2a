//! HTML extraction never panics on arbitrary bytes, and its body text is a
//! fixed point of the body cleanup.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sitrep_extract::text_cleanup::clean_body;
use sitrep_extract::{ExtractOptions, extract};
use sitrep_model::{Document, DocumentFormat, DocumentHints};

fuzz_target!(|data: &[u8]| {
    let body = String::from_utf8_lossy(data).into_owned();
    let doc = Document {
        origin: "fuzz".into(),
        format: DocumentFormat::Html,
        body,
        hints: DocumentHints::default(),
    };
    if let Ok(article) = extract(&doc, &ExtractOptions { min_words: 0 }) {
        assert_eq!(clean_body(&article.text), article.text, "extracted text is not clean");
    }
});
