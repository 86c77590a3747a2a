//! End-to-end runs of the `sitrep` binary on fixtures written for these
//! tests (under `tests/fixtures/`), on generated bad inputs, and on the
//! example corpus in `../shared/seeds` when it is present.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};

use serde_json::Value;

mod common;

use common::sitrep_without_data as sitrep;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn run(args: &[&str]) -> Output {
    sitrep().args(args).output().expect("run sitrep")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn json_lines(o: &Output) -> Vec<Value> {
    stdout(o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad JSON line {l:?}: {e}")))
        .collect()
}

fn ingest(db: &Path, paths: &[&Path]) -> Output {
    let mut cmd = sitrep();
    cmd.arg("ingest").arg("--db").arg(db);
    cmd.args(paths);
    cmd.output().expect("run sitrep ingest")
}

fn articles(db: &Path) -> Vec<Value> {
    let out = sitrep()
        .args(["articles", "--json", "--db"])
        .arg(db)
        .output()
        .expect("run sitrep articles");
    assert!(out.status.success(), "{}", stderr(&out));
    json_lines(&out)
}

fn by_title<'a>(all: &'a [Value], title: &str) -> &'a Value {
    all.iter()
        .find(|a| a["title"] == title)
        .unwrap_or_else(|| panic!("no article titled {title:?} in {all:#?}"))
}

#[test]
fn html_with_json_ld_gives_text_and_metadata() {
    let out = run(&[
        "extract",
        "--json",
        &fixtures().join("html/flood-relief.html").display().to_string(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let docs = json_lines(&out);
    assert_eq!(docs.len(), 1);
    let a = &docs[0];
    assert_eq!(
        a["title"],
        "Flood relief convoy reaches Marenga after bridge repair"
    );
    assert_eq!(a["published"], "2025-03-14T07:45:00+02:00");
    assert_eq!(a["published_basis"], "metadata");
    assert_eq!(a["authors"], serde_json::json!(["Nadia Okafor", "Tomas Reyes"]));
    assert_eq!(a["source"], "Valley Courier");
    assert_eq!(a["language"], "en");
    assert_eq!(
        a["url"],
        "https://valleycourier.test/2025/03/14/flood-relief-convoy-marenga/"
    );
    let text = a["text"].as_str().expect("text");
    assert!(text.starts_with("A convoy of forty lorries"), "{text}");
    assert!(text.contains("weather permitting"));
    for boilerplate in ["Home", "Related stories", "All rights reserved", "Privacy"] {
        assert!(!text.contains(boilerplate), "{boilerplate:?} left in {text}");
    }
}

#[test]
fn rss_and_atom_items_become_articles() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("s.db");
    let out = ingest(
        &db,
        &[
            &fixtures().join("feeds/wire.rss"),
            &fixtures().join("feeds/bulletin.atom"),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out).trim(), "3 new, 0 already present, 0 rejected");
    let all = articles(&db);
    let grain = by_title(&all, "Grain corridor reopens after week-long closure");
    assert_eq!(grain["published"], "2025-03-18T06:30:00Z");
    assert_eq!(grain["url"], "https://northernwire.test/grain-corridor-reopens");
    assert_eq!(grain["source"], "Northern Wire");
    assert_eq!(grain["authors"], serde_json::json!(["Priya Raman"]));
    assert!(grain["text"].as_str().expect("text").contains("Eleven vessels"));
    let ferry = by_title(&all, "Ferry service to Lonn island suspended");
    assert_eq!(ferry["published"], "2025-04-01T16:20:00Z");
    assert_eq!(ferry["authors"], serde_json::json!(["Oskar Lind"]));
    assert_eq!(
        ferry["origin"],
        format!("{}#item 1", fixtures().join("feeds/bulletin.atom").display())
    );
}

#[test]
fn news_please_json_lines_from_a_file_and_from_stdin() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("s.db");
    let file = fixtures().join("jsonl/newsplease.jsonl");
    let out = ingest(&db, &[&file]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out).trim(), "2 new, 0 already present, 2 rejected");
    let err = stderr(&out);
    assert!(
        err.contains("newsplease.jsonl#line 3: malformed (invalid JSON"),
        "{err}"
    );
    assert!(err.contains("newsplease.jsonl#line 4: not an article"), "{err}");
    let all = articles(&db);
    let council = by_title(&all, "Council approves new water treatment plant");
    assert_eq!(council["published"], "2025-05-06T21:15:00");
    assert_eq!(council["source"], "dunmoreherald.test");
    assert_eq!(council["authors"], serde_json::json!(["Leah Brandt"]));

    let db2 = dir.path().join("stdin.db");
    let mut child = sitrep()
        .args(["ingest", "--db"])
        .arg(&db2)
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(&std::fs::read(&file).expect("fixture"))
        .expect("write stdin");
    let out = child.wait_with_output().expect("wait");
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out).trim(), "2 new, 0 already present, 2 rejected");
    assert!(stderr(&out).contains("stdin#line 3"), "{}", stderr(&out));
}

#[test]
fn warc_html_responses_become_articles_plain_and_gzipped() {
    for name in ["small.warc", "small.warc.gz"] {
        let out = run(&[
            "extract",
            "--json",
            &fixtures().join("warc").join(name).display().to_string(),
        ]);
        assert!(out.status.success(), "{name}: {}", stderr(&out));
        let docs = json_lines(&out);
        assert_eq!(docs.len(), 2, "{name}: {docs:#?}");
        let vaccination = by_title(&docs, "Vaccination drive reaches remote valleys");
        assert_eq!(
            vaccination["url"],
            "https://highlandpost.test/health/vaccination-drive"
        );
        assert_eq!(vaccination["published"], "2025-06-30T09:00:00Z");
        let museum = by_title(&docs, "Museum returns carved doors to village");
        let text = museum["text"].as_str().expect("text");
        assert!(text.contains("village of Kélu"), "charset decoded: {text}");
        assert!(text.contains("museum’s director"), "windows-1252 quote: {text}");
        assert_eq!(museum["published"], Value::Null, "no date is invented");
    }
}

#[test]
fn texts_with_bylines_and_datelines() {
    let out = run(&[
        "extract",
        "--json",
        &fixtures().join("text").display().to_string(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let docs = json_lines(&out);
    assert_eq!(docs.len(), 3);
    let drought = by_title(&docs, "Drought pushes herders south as wells run dry");
    assert_eq!(drought["published"], "2025-03-21");
    assert_eq!(drought["published_basis"], "metadata");
    assert_eq!(drought["authors"], serde_json::json!(["Amara Diallo"]));
    let text = drought["text"].as_str().expect("text");
    assert!(text.starts_with("Herders in the northern districts"), "{text}");
    assert!(
        text.ends_with("\"The animals cannot walk much further.\""),
        "{text}"
    );
    for boilerplate in ["Min Read", "Share this Article", "Leave a comment", "Published:"] {
        assert!(!text.contains(boilerplate), "{boilerplate:?} left in {text}");
    }
    let inline = docs
        .iter()
        .find(|d| {
            d["origin"]
                .as_str()
                .is_some_and(|o| o.ends_with("inline-dateline.txt"))
        })
        .expect("inline dateline article");
    assert_eq!(inline["published"], "2025-06-02");
    assert!(
        inline["text"]
            .as_str()
            .expect("text")
            .starts_with("Lawmakers in the coastal province")
    );
    assert_eq!(inline["title"], Value::Null);
    let undated = docs
        .iter()
        .find(|d| d["origin"].as_str().is_some_and(|o| o.ends_with("no-date.txt")))
        .expect("undated article");
    assert_eq!(undated["published"], Value::Null);
    assert_eq!(undated["published_basis"], Value::Null);
    assert_eq!(
        undated["title"],
        Value::Null,
        "a long first sentence is not a headline"
    );
}

#[test]
fn reingesting_adds_nothing_and_search_finds_articles() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("s.db");
    let all_fixtures = fixtures();
    let first = ingest(&db, &[&all_fixtures]);
    assert!(first.status.success(), "{}", stderr(&first));
    let summary = stdout(&first);
    let new: usize = summary
        .split(' ')
        .next()
        .and_then(|n| n.parse().ok())
        .expect("count");
    assert_eq!(new, 24, "{summary}");
    let again = ingest(&db, &[&all_fixtures]);
    assert!(again.status.success(), "{}", stderr(&again));
    assert!(
        stdout(&again).starts_with("0 new, 26 already present"),
        "{}",
        stdout(&again)
    );
    assert_eq!(articles(&db).len(), 24);

    let out = sitrep()
        .args(["search", "--json", "--db"])
        .arg(&db)
        .arg("ferry corrosion")
        .output()
        .expect("search");
    assert!(out.status.success(), "{}", stderr(&out));
    let hits = json_lines(&out);
    assert_eq!(hits.len(), 1);
    assert!(
        hits[0]["snippet"]
            .as_str()
            .expect("snippet")
            .contains("[corrosion]")
    );
    assert!(hits[0]["score"].as_f64().expect("score") > 0.0);
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    enc.write_all(data).expect("compress");
    enc.finish().expect("compress")
}

#[test]
fn bad_inputs_are_rejected_one_by_one_and_harm_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("s.db");
    let good = fixtures().join("text/byline-dateline.txt");
    let out = ingest(&db, &[&good]);
    assert!(out.status.success());
    let before = articles(&db);

    let bad = dir.path().join("bad");
    std::fs::create_dir(&bad).expect("mkdir");
    let write = |name: &str, bytes: &[u8]| std::fs::write(bad.join(name), bytes).expect("write");
    write("a-empty.txt", b"");
    write("b-binary.txt", &[0x7f, b'E', b'L', b'F', 2, 1, 1, 0, 0, 0]);
    write(
        "c-latin1.txt",
        b"Le pr\xe9sident a d\xe9clar\xe9 vendredi que les n\xe9gociations reprendraient.",
    );
    let page = std::fs::read(fixtures().join("html/flood-relief.html")).expect("fixture");
    let packed = gzip(&page);
    write("d-truncated.html.gz", &packed[..packed.len() / 2]);
    write("e-bomb.html.gz", &gzip(&vec![b' '; 80 * 1024 * 1024]));
    let huge = bad.join("f-huge.txt");
    std::fs::write(&huge, b"A line of perfectly ordinary text.\n").expect("write");
    std::fs::File::options()
        .write(true)
        .open(&huge)
        .and_then(|f| f.set_len(200 * 1024 * 1024))
        .expect("grow to 200 MB");
    std::fs::copy(fixtures().join("feeds/empty.rss"), bad.join("g-empty.rss")).expect("copy");
    write(
        "h-malformed.jsonl",
        b"{\"title\": \"x\", \"maintext\": \n[1, 2\nnot json at all\n",
    );
    write("i-short.txt", b"Too short to be news.");

    let out = ingest(&db, &[&bad, &good]);
    assert!(
        out.status.success(),
        "rejections are not failures: {}",
        stderr(&out)
    );
    assert_eq!(stdout(&out).trim(), "0 new, 1 already present, 11 rejected");
    let err = stderr(&out);
    let expect = [
        "a-empty.txt: empty input",
        "b-binary.txt: binary content (looks like an ELF executable)",
        "c-latin1.txt: unsupported encoding (invalid UTF-8 at byte 5)",
        "d-truncated.html.gz: corrupt compressed data (the gzip stream is truncated)",
        "e-bomb.html.gz: decompresses to more than the limit of 67108864 bytes",
        "f-huge.txt: too large (209715200 bytes; the limit is 67108864 bytes)",
        "g-empty.rss: nothing to ingest (the feed has no items)",
        "h-malformed.jsonl#line 1: malformed (invalid JSON",
        "h-malformed.jsonl#line 2: malformed (invalid JSON",
        "h-malformed.jsonl#line 3: malformed (invalid JSON",
        "i-short.txt: too short (5 words; the minimum is 25)",
    ];
    for e in expect {
        assert!(err.contains(e), "missing {e:?} in:\n{err}");
    }
    assert_eq!(articles(&db), before, "stored articles unchanged");
}

#[test]
fn usage_errors_exit_2_and_failures_exit_1() {
    let out = run(&["ingest"]);
    assert_eq!(out.status.code(), Some(2));
    let out = run(&["frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
    let dir = tempfile::tempdir().expect("tempdir");
    let missing = dir.path().join("none.db");
    let out = run(&["articles", "--json", "--db", &missing.display().to_string()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("no database at"), "{}", stderr(&out));
    let not_a_db = fixtures().join("text/no-date.txt");
    let out = run(&["articles", "--db", &not_a_db.display().to_string()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("no-date.txt"),
        "the error names the file: {}",
        stderr(&out)
    );
}

#[test]
fn db_defaults_to_the_environment_variable() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("env.db");
    let out = sitrep()
        .env("SITREP_DB", &db)
        .arg("ingest")
        .arg(fixtures().join("text/no-date.txt"))
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(db.exists());
}
