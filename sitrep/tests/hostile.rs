//! Hostile input: each input below gets a clear per-input outcome (a
//! rejection naming it, or an article) without crashing the batch, and
//! the good input beside them is still stored. Sizes are bounded by the
//! ingest caps, so memory is bounded by construction; these tests prove
//! the caps are enforced on real files.

mod common;

use std::io::Write;
use std::path::Path;

use common::sitrep_without_data as sitrep;

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    std::fs::write(dir.join(name), bytes).expect("write input");
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    enc.write_all(data).expect("compress");
    enc.finish().expect("compress")
}

const GOOD: &str = "The harbour board voted on Thursday to keep the night ferry running through the winter, after a petition signed by more than two thousand residents of the outer islands asked it to reverse a planned cut.";

#[test]
fn hostile_inputs_are_rejected_or_extracted_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().expect("tempdir");
    let inputs = dir.path().join("in");
    std::fs::create_dir(&inputs).expect("mkdir");

    // A 1 GB sparse file: rejected on its size before any byte is read.
    let huge = inputs.join("a-one-gigabyte.txt");
    std::fs::write(&huge, GOOD).expect("write");
    std::fs::File::options()
        .write(true)
        .open(&huge)
        .and_then(|f| f.set_len(1 << 30))
        .expect("grow");
    // A gzip bomb inside a WARC name: streamed and capped per record.
    let mut warc =
        b"WARC/1.0\r\nWARC-Type: resource\r\nContent-Type: text/html\r\nContent-Length: 4000000000\r\n\r\n"
            .to_vec();
    warc.extend_from_slice(b"<p>lying length</p>");
    write(&inputs, "b-lying.warc", &warc);
    write(&inputs, "c-bomb.html.gz", &gzip(&vec![b'<'; 200 * 1024 * 1024]));
    // 20 000 nested elements.
    let nested = format!(
        "<html><body>{}<p>Deep inside: {GOOD}</p>{}</body></html>",
        "<div>".repeat(20_000),
        "</div>".repeat(20_000)
    );
    write(&inputs, "d-nested.html", nested.as_bytes());
    // 10 MB of HTML on one line.
    let mut one_line = String::from("<html><body>");
    while one_line.len() < 10 * 1024 * 1024 {
        one_line.push_str("<span class=\"x\">word</span> ");
    }
    one_line.push_str(&format!("<p>At the end of a long line: {GOOD}</p></body></html>"));
    write(&inputs, "e-one-line.html", one_line.as_bytes());
    // UTF-16 without a byte-order mark, and invalid UTF-8 declared as UTF-8.
    let utf16: Vec<u8> = "<html><body><p>text</p></body></html>"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    write(&inputs, "f-utf16.html", &utf16);
    write(
        &inputs,
        "g-invalid.txt",
        b"caf\xc3\x28 \xff\xfe broken bytes everywhere \x80\x81",
    );
    // Billion laughs in a feed.
    let laughs = r#"<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]><rss version="2.0"><channel><title>&d;</title><item><title>&d;</title><description>&d;</description></item></channel></rss>"#;
    write(&inputs, "h-laughs.rss", laughs.as_bytes());
    // JSON with a huge number and deep nesting.
    let deep = format!(
        "{{\"title\": 1e999999, \"maintext\": {}0{}}}\n",
        "[".repeat(50_000),
        "]".repeat(50_000)
    );
    write(&inputs, "i-deep.jsonl", deep.as_bytes());
    write(&inputs, "z-good.txt", GOOD.as_bytes());

    let db = dir.path().join("h.db");
    let out = sitrep()
        .arg("ingest")
        .arg("--db")
        .arg(&db)
        .arg(&inputs)
        .output()
        .expect("run ingest");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "hostile inputs are not failures: {stderr}");
    for (name, reason) in [
        ("a-one-gigabyte.txt", "too large"),
        ("b-lying.warc", "record 1"),
        ("c-bomb.html.gz", "decompresses to more than"),
        ("f-utf16.html", "binary content"),
        ("g-invalid.txt", "unsupported encoding"),
        ("i-deep.jsonl", "malformed"),
    ] {
        assert!(
            stderr.lines().any(|l| l.contains(name) && l.contains(reason)),
            "{name} should be rejected with {reason:?}:\n{stderr}"
        );
    }
    let articles = sitrep()
        .args(["articles", "--json", "--db"])
        .arg(&db)
        .output()
        .expect("run articles");
    let stored = String::from_utf8_lossy(&articles.stdout);
    assert!(
        stored.lines().any(|l| l.contains("z-good.txt")),
        "the good input is stored: {stdout}"
    );
    for name in ["d-nested.html", "e-one-line.html"] {
        let outcome_named = stored.lines().any(|l| l.contains(name)) || stderr.contains(name);
        assert!(outcome_named, "{name} has an outcome: {stdout}\n{stderr}");
    }
    let laughs_titles: Vec<&str> = stored.lines().filter(|l| l.contains("h-laughs.rss")).collect();
    for line in laughs_titles {
        assert!(
            line.len() < 100_000,
            "entities were expanded: {} bytes",
            line.len()
        );
    }
    let check = sitrep()
        .args(["check", "--db"])
        .arg(&db)
        .output()
        .expect("run check");
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
}
