//! Crash safety: `sitrep ingest` killed with SIGKILL at several points of
//! a large ingest, re-run to completion; the store stays consistent
//! (`sitrep check`: SQLite integrity, no dangling rows, full-text index in
//! step), nothing is lost and nothing is duplicated. Readers running
//! during the ingest always see complete, growing data.
//!
//! Kill points are chosen by observed progress (the stored article count),
//! not by timing, so the assertions hold wherever the kill lands.

mod common;

use std::io::Write;
use std::path::Path;
use std::process::Stdio;

use common::sitrep_without_data as sitrep;

/// Articles in the corpus.
const ARTICLES: usize = 1600;

/// A deterministic corpus of distinct invented articles as JSON Lines.
fn write_corpus(path: &Path) {
    const SUBJECTS: &[&str] = &[
        "The council",
        "A regional court",
        "Farmers in the valley",
        "The port authority",
        "Teachers",
        "The health ministry",
        "Rescue crews",
        "The electoral board",
        "Miners",
        "A coalition of towns",
    ];
    const VERBS: &[&str] = &[
        "approved",
        "rejected",
        "postponed",
        "announced",
        "questioned",
        "extended",
        "cancelled",
        "funded",
    ];
    const OBJECTS: &[&str] = &[
        "a new water plan",
        "the bridge repairs",
        "a wage agreement",
        "the harvest subsidy",
        "a curfew in the old town",
        "the school calendar",
        "an inquiry into the floods",
        "a ferry route",
    ];
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        usize::try_from(state % n as u64).unwrap_or(0)
    };
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).expect("corpus file"));
    for i in 0..ARTICLES {
        let mut text = String::new();
        for s in 0..6 {
            text.push_str(&format!(
                "{} {} {} on day {} of week {}, officials said in report {i}-{s}. ",
                SUBJECTS[next(SUBJECTS.len())],
                VERBS[next(VERBS.len())],
                OBJECTS[next(OBJECTS.len())],
                next(7) + 1,
                next(52) + 1,
            ));
        }
        let line = serde_json::json!({
            "title": format!("Bulletin {i}"),
            "maintext": text.trim(),
            "url": format!("https://bulletin.test/{i}"),
            "date_publish": format!("2025-{:02}-{:02}", i % 12 + 1, i % 28 + 1),
        });
        writeln!(out, "{line}").expect("write corpus");
    }
}

/// Stored article ids as `articles --json` reports them, or `None` while
/// there is no database yet.
fn stored_ids(db: &Path) -> Option<Vec<String>> {
    if !db.exists() {
        return None;
    }
    let out = sitrep()
        .args(["articles", "--json", "--db"])
        .arg(db)
        .output()
        .expect("run articles");
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("no database"),
            "a reader failed during ingest: {err}"
        );
        return None;
    }
    Some(
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(|l| {
                let v: serde_json::Value = serde_json::from_str(l).expect("every line a complete article");
                v["id"].as_str().expect("an id").to_owned()
            })
            .collect(),
    )
}

fn check(db: &Path) {
    let out = sitrep()
        .args(["check", "--db"])
        .arg(db)
        .output()
        .expect("run check");
    assert!(
        out.status.success(),
        "store inconsistent after a kill: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn sigkill_during_ingest_loses_and_duplicates_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let corpus = dir.path().join("corpus.jsonl");
    write_corpus(&corpus);
    let db = dir.path().join("crash.db");
    let mut kills = 0;
    for threshold in [1, 300, 900] {
        let mut child = sitrep()
            .arg("ingest")
            .arg("--db")
            .arg(&db)
            .arg(&corpus)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn ingest");
        let mut seen = 0;
        for _ in 0..100_000 {
            if child.try_wait().expect("poll child").is_some() {
                break;
            }
            if let Some(ids) = stored_ids(&db) {
                assert!(
                    ids.len() >= seen,
                    "a reader saw the store shrink: {} after {seen}",
                    ids.len()
                );
                seen = ids.len();
                if seen >= threshold {
                    child.kill().expect("SIGKILL");
                    kills += 1;
                    break;
                }
            }
        }
        child.wait().expect("reap ingest");
        check(&db);
    }
    eprintln!("interrupted {kills} of 3 ingest runs");
    assert!(
        kills >= 1,
        "no ingest was interrupted; the corpus is too small to test anything"
    );

    let out = sitrep()
        .arg("ingest")
        .arg("--db")
        .arg(&db)
        .arg(&corpus)
        .output()
        .expect("final ingest");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let summary = String::from_utf8_lossy(&out.stdout);
    let first = summary.lines().next().unwrap_or_default();
    let numbers: Vec<usize> = first
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|n| n.parse().ok())
        .collect();
    assert_eq!(numbers.len(), 3, "{first}");
    assert_eq!(
        numbers[0] + numbers[1],
        ARTICLES,
        "every article new or already present: {first}"
    );
    assert_eq!(numbers[2], 0, "{first}");
    check(&db);
    let mut ids = stored_ids(&db).expect("a database");
    assert_eq!(ids.len(), ARTICLES, "nothing lost");
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), ARTICLES, "nothing duplicated");
}
