//! End-to-end dedup: `sitrep ingest` on invented articles with planted
//! copies (`tests/fixtures/dedup/`), then `sitrep articles --json`.

use std::path::{Path, PathBuf};
use std::process::Output;

use serde_json::Value;

mod common;

use common::sitrep_without_data as sitrep;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/dedup")
        .join(name)
}

fn ingest(db: &Path, args: &[&str], path: &Path) -> String {
    let out: Output = sitrep()
        .arg("ingest")
        .arg("--db")
        .arg(db)
        .args(args)
        .arg(path)
        .output()
        .expect("run sitrep ingest");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn articles(db: &Path) -> Vec<Value> {
    let out = sitrep()
        .args(["articles", "--json", "--db"])
        .arg(db)
        .output()
        .expect("run sitrep articles");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("json line"))
        .collect()
}

fn by_title<'a>(all: &'a [Value], title: &str) -> &'a Value {
    all.iter()
        .find(|a| a["title"] == title)
        .unwrap_or_else(|| panic!("no article titled {title:?}"))
}

fn link<'a>(from: &'a Value, to: &Value) -> Option<&'a Value> {
    from["near_duplicates"]
        .as_array()
        .expect("near_duplicates")
        .iter()
        .find(|l| l["article"] == to["id"])
}

fn slice<'a>(article: &'a Value, start: &Value, end: &Value) -> &'a str {
    let text = article["text"].as_str().expect("text");
    let (s, e) = (
        start.as_u64().expect("start") as usize,
        end.as_u64().expect("end") as usize,
    );
    text.get(s..e)
        .unwrap_or_else(|| panic!("span {s}..{e} not on char boundaries"))
}

const COPIED_PARAGRAPH: &str = "The strike began after talks over night-shift pay collapsed late on Monday. \
                                Harbour managers said three vessels bound for the southern coast were stranded \
                                at anchor, and that perishable cargo was being moved to cold stores inland.";

#[test]
fn planted_copies_are_linked_with_their_passages() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("d.db");
    let out = ingest(&db, &[], &fixture("wire.jsonl"));
    assert_eq!(
        out.trim(),
        "7 new, 0 already present, 0 rejected\ndedup: 1 exact duplicates, 4 sharing passages with earlier articles"
    );
    let all = articles(&db);
    let original = by_title(&all, "Dock strike halts grain loading at Velmora");
    let verbatim = by_title(&all, "Port workers strike over night pay");
    let wrapped = by_title(&all, "Velmora dockers down tools");
    let partial = by_title(&all, "Early harvest in the valley");
    let unrelated = by_title(&all, "Arnsby approves new library");

    assert_eq!(verbatim["duplicate_of"], original["id"]);
    assert_eq!(original["duplicate_of"], Value::Null);
    let exact = link(verbatim, original).expect("verbatim copy linked");
    assert_eq!(exact["similarity"], 1.0);

    let w = link(wrapped, original).expect("re-paragraphed, wrapped copy linked");
    assert!(w["similarity"].as_f64().expect("similarity") > 0.8, "{w}");
    let passages = w["shared_passages"].as_array().expect("passages");
    assert_eq!(passages.len(), 1, "{w}");
    let p = &passages[0];
    assert!(p["text"].as_str().expect("text").starts_with("Dock workers"));
    assert!(!p["text"].as_str().expect("text").contains("Republished"));
    assert_eq!(p["first"], original["id"], "the original printed first");
    assert_eq!(p["quote"], false);

    let l = link(partial, original).expect("partial copy linked");
    let passages = l["shared_passages"].as_array().expect("passages");
    assert_eq!(passages.len(), 1, "{l}");
    let p = &passages[0];
    assert_eq!(slice(partial, &p["start"], &p["end"]), COPIED_PARAGRAPH);
    assert_eq!(
        slice(original, &p["other_start"], &p["other_end"]),
        COPIED_PARAGRAPH
    );
    assert_eq!(p["text"], COPIED_PARAGRAPH);

    assert_eq!(unrelated["near_duplicates"], serde_json::json!([]));
    for a in &all {
        assert!(link(a, unrelated).is_none());
    }
}

#[test]
fn links_are_symmetric_and_quotes_are_marked() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("d.db");
    ingest(&db, &[], &fixture("wire.jsonl"));
    let all = articles(&db);
    for a in &all {
        for l in a["near_duplicates"].as_array().expect("links") {
            let b = all
                .iter()
                .find(|b| b["id"] == l["article"])
                .expect("linked article stored");
            let back = link(b, a).expect("link seen from both sides");
            assert_eq!(back["similarity"], l["similarity"]);
            for (p, q) in l["shared_passages"]
                .as_array()
                .expect("passages")
                .iter()
                .zip(back["shared_passages"].as_array().expect("passages"))
            {
                assert_eq!(p["start"], q["other_start"]);
                assert_eq!(p["other_end"], q["end"]);
                assert_eq!(p["first"], q["first"]);
            }
        }
    }
    let q1 = by_title(&all, "Quotas dominate assembly debate");
    let q2 = by_title(&all, "Boats stay in harbour");
    let l = link(q2, q1).expect("shared quotation links the two");
    let passages = l["shared_passages"].as_array().expect("passages");
    assert_eq!(passages.len(), 1);
    assert_eq!(passages[0]["quote"], true);
    assert!(
        passages[0]["text"]
            .as_str()
            .expect("text")
            .contains("We will not accept any agreement")
    );
}

#[test]
fn a_second_ingest_restores_the_index_and_reingest_adds_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("d.db");
    ingest(&db, &[], &fixture("wire.jsonl"));
    let before = articles(&db);
    let again = ingest(&db, &[], &fixture("wire.jsonl"));
    assert_eq!(again.trim(), "0 new, 7 already present, 0 rejected");
    assert_eq!(articles(&db), before, "re-ingest adds no links");

    let out = ingest(&db, &[], &fixture("late.jsonl"));
    assert!(out.contains("1 exact duplicates"), "{out}");
    let all = articles(&db);
    let late = by_title(&all, "A look back at the Velmora strike");
    let original = by_title(&all, "Dock strike halts grain loading at Velmora");
    assert_eq!(late["duplicate_of"], original["id"]);
    assert!(link(late, original).is_some());
}

#[test]
fn articles_older_than_the_window_are_not_matched() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("d.db");
    ingest(&db, &["--dedup-window", "10"], &fixture("wire.jsonl"));
    let out = ingest(&db, &["--dedup-window", "10"], &fixture("late.jsonl"));
    assert_eq!(out.trim(), "1 new, 0 already present, 0 rejected");
    let all = articles(&db);
    let late = by_title(&all, "A look back at the Velmora strike");
    assert_eq!(late["duplicate_of"], Value::Null);
    assert_eq!(late["near_duplicates"], serde_json::json!([]));
}
