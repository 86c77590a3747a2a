//! The HTML parser never panics on arbitrary bytes and always builds a
//! consistent, bounded tree: every node is among its parent's children,
//! sibling links agree, nesting stays under `MAX_DEPTH`, and the text
//! helpers run on any subtree.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sitrep_extract::fast_html::{Document, MAX_DEPTH, MAX_ELEMENTS};

fuzz_target!(|data: &[u8]| {
    let html = String::from_utf8_lossy(data);
    let doc = Document::parse(&html);
    assert!(doc.element_count() <= MAX_ELEMENTS + 1);
    for node in doc.root().descendants() {
        let parent = node.parent().expect("attached nodes have a parent");
        assert!(parent.children().any(|c| c == node), "node missing from its parent's children");
        match node.next_sibling() {
            Some(next) => assert_eq!(next.prev_sibling(), Some(node)),
            None => assert_eq!(parent.last_child(), Some(node)),
        }
        assert!(node.ancestors().count() <= MAX_DEPTH + 3, "nesting past the depth cap");
    }
    let body = doc.body();
    let _ = body.formatted_text();
    assert_eq!(body.normalized_char_count(), body.text_summary().normalized());
});
