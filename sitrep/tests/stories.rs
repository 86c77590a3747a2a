//! Stories and threads end to end: `ingest` places articles, `stories
//! --json` and `articles --json` show them; with and without the
//! sentence-embedding model; deterministic; the example corpus's
//! acceptance (skipped with a message when `../shared` is absent).

mod common;

use std::path::Path;
use std::process::{Command, Output};

use common::{reference_data_present, seeds, sitrep, sitrep_without_data};
use serde_json::Value;

const STREAM: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/stories/stream.jsonl");

fn ingest(mut cmd: Command, db: &Path, input: &str, extra: &[&str]) -> Output {
    let out = cmd
        .arg("ingest")
        .arg("--db")
        .arg(db)
        .args(extra)
        .arg(input)
        .output()
        .expect("run sitrep ingest");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    out
}

fn lines(db: &Path, what: &str) -> Vec<Value> {
    let out = sitrep()
        .args([what, "--json", "--db"])
        .arg(db)
        .output()
        .expect("run sitrep");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("json"))
        .collect()
}

/// Url (or origin file name) → (story, thread) from `articles --json`.
fn placed(db: &Path) -> Vec<(String, String, String)> {
    lines(db, "articles")
        .iter()
        .map(|a| {
            let key = a["url"].as_str().map_or_else(
                || {
                    Path::new(a["origin"].as_str().expect("origin"))
                        .file_name()
                        .map(|f| f.to_string_lossy()[..3].to_owned())
                        .unwrap_or_default()
                },
                |u| u.rsplit('/').next().unwrap_or(u).to_owned(),
            );
            (
                key,
                a["story"].as_str().expect("story").to_owned(),
                a["thread"].as_str().expect("thread").to_owned(),
            )
        })
        .collect()
}

fn story_of<'a>(placed: &'a [(String, String, String)], key: &str) -> &'a (String, String, String) {
    placed
        .iter()
        .find(|p| p.0 == key)
        .unwrap_or_else(|| panic!("no article {key}"))
}

fn check_stream(db: &Path) {
    let p = placed(db);
    let (strike, walkout, floods, deal) = (
        story_of(&p, "velmora-strike"),
        story_of(&p, "port-walkout"),
        story_of(&p, "arvan-floods"),
        story_of(&p, "velmora-deal"),
    );
    assert_eq!(strike.1, walkout.1, "two days of one strike are one story");
    assert_ne!(strike.1, floods.1, "the floods are another story");
    assert_ne!(
        strike.1, deal.1,
        "the deal three weeks later is a new development"
    );
    assert_eq!(strike.2, deal.2, "and continues the strike's thread");
    assert_ne!(strike.2, floods.2, "the floods share no actor or place with it");
}

#[test]
fn stories_and_threads_of_a_stream_with_the_model_or_without() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (name, cmd) in [("auto", sitrep()), ("without", sitrep_without_data())] {
        let db = dir.path().join(format!("{name}.db"));
        let out = ingest(cmd, &db, STREAM, &[]);
        check_stream(&db);
        let stories = lines(&db, "stories");
        assert_eq!(stories.len(), 3, "{stories:#?}");
        let first = &stories[0];
        for key in [
            "id",
            "title",
            "thread",
            "articles",
            "first_published",
            "last_published",
        ] {
            assert!(first.get(key).is_some(), "{key} in {first}");
        }
        assert_eq!(first["first_published"], "2025-03-04");
        assert_eq!(first["last_published"], "2025-03-05");
        assert_eq!(first["articles"].as_array().map(Vec::len), Some(2));
        assert!(
            first["title"].as_str().is_some_and(|t| t.contains("Velmora")),
            "a readable headline: {first}"
        );
        let deal = stories
            .iter()
            .find(|s| s["thread_link"].is_object())
            .expect("the deal story is threaded");
        let evidence = &deal["thread_link"];
        assert_eq!(evidence["story"], first["id"]);
        let words: Vec<&str> = evidence["terms"]
            .as_array()
            .expect("terms")
            .iter()
            .filter_map(Value::as_str)
            .collect();
        assert!(
            words.contains(&"velmora"),
            "explained by shared words: {evidence}"
        );
        if name == "without" {
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert_eq!(
                stderr.matches("sentence-embedding model unavailable").count(),
                1,
                "said once: {stderr}"
            );
        }
    }
}

#[test]
fn same_input_same_stories_and_a_second_ingest_adds_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (a, b) = (dir.path().join("a.db"), dir.path().join("b.db"));
    ingest(sitrep(), &a, STREAM, &["--clustering", "lexical"]);
    ingest(sitrep(), &b, STREAM, &["--clustering", "lexical"]);
    assert_eq!(lines(&a, "stories"), lines(&b, "stories"));
    let again = ingest(sitrep(), &a, STREAM, &["--clustering", "lexical"]);
    assert!(String::from_utf8_lossy(&again.stdout).starts_with("0 new, 4 already present"));
    assert_eq!(lines(&a, "stories"), lines(&b, "stories"));
}

#[test]
fn articles_stored_before_clustering_are_placed_by_the_next_ingest() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("late.db");
    // Split the stream: the second ingest restores the first's state.
    let text = std::fs::read_to_string(STREAM).expect("fixture");
    let all: Vec<&str> = text.lines().collect();
    let write = |name: &str, part: &[&str]| {
        let path = dir.path().join(name);
        std::fs::write(&path, part.join("\n") + "\n").expect("write");
        path
    };
    let first = write("first.jsonl", &all[..2]);
    let second = write("second.jsonl", &all[2..]);
    ingest(sitrep(), &db, first.to_str().expect("path"), &[]);
    ingest(sitrep(), &db, second.to_str().expect("path"), &[]);
    check_stream(&db);
}

#[test]
fn seeds_000_002_004_are_one_story_001_and_003_their_own_000_and_003_one_thread() {
    let Some(seeds) = seeds() else { return };
    if !reference_data_present() {
        eprintln!("skipping: the seeds' acceptance needs the entity knowledge (run scripts/setup.sh)");
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    for method in ["auto", "lexical"] {
        let db = dir.path().join(format!("seeds-{method}.db"));
        ingest(
            sitrep(),
            &db,
            seeds.to_str().expect("path"),
            &["--clustering", method],
        );
        let p = placed(&db);
        let s = |k: &str| story_of(&p, k);
        assert_eq!(s("000").1, s("002").1, "{method}: {p:?}");
        assert_eq!(s("000").1, s("004").1, "{method}: {p:?}");
        assert_ne!(s("001").1, s("000").1, "{method}: 001 is a year older: {p:?}");
        assert_ne!(s("003").1, s("000").1, "{method}: {p:?}");
        assert_ne!(s("003").1, s("001").1, "{method}: {p:?}");
        assert_eq!(s("000").2, s("003").2, "{method}: one thread: {p:?}");
    }
}
