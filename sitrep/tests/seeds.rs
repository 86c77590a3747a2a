//! The example corpus (`../shared/seeds`): five real articles. Skips with a
//! message when the folder is absent, so the suite runs without it.

mod common;

use std::path::Path;

use common::{seeds, sitrep};

use serde_json::Value;

fn ingest(db: &Path, seeds: &Path) -> std::process::Output {
    sitrep()
        .arg("ingest")
        .arg("--db")
        .arg(db)
        .arg(seeds)
        .output()
        .expect("run sitrep ingest")
}

fn stored(db: &Path) -> Vec<Value> {
    let out = sitrep()
        .args(["articles", "--json", "--db"])
        .arg(db)
        .output()
        .expect("run sitrep articles");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("json"))
        .collect()
}

fn article<'a>(all: &'a [Value], prefix: &str) -> &'a Value {
    all.iter()
        .find(|a| {
            a["origin"]
                .as_str()
                .and_then(|o| Path::new(o).file_name())
                .is_some_and(|f| f.to_string_lossy().starts_with(prefix))
        })
        .unwrap_or_else(|| panic!("no seed {prefix}"))
}

#[test]
fn seeds_store_five_articles_once_with_stated_titles_and_dates() {
    let Some(seeds) = seeds() else { return };
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("seeds.db");
    let first = ingest(&db, &seeds);
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&first.stdout).lines().next(),
        Some("5 new, 0 already present, 0 rejected")
    );
    let again = ingest(&db, &seeds);
    assert_eq!(
        String::from_utf8_lossy(&again.stdout).trim(),
        "0 new, 5 already present, 0 rejected"
    );

    let all = stored(&db);
    assert_eq!(all.len(), 5);

    let a0 = article(&all, "000_");
    assert_eq!(
        a0["title"],
        Value::Null,
        "000 opens with a body sentence, not a headline"
    );
    assert_eq!(a0["published"], Value::Null, "000 states no date");

    let a1 = article(&all, "001_");
    assert_eq!(
        a1["title"],
        "The United States Calls on Rwanda and DRC for De-escalation"
    );
    assert_eq!(a1["published"], Value::Null, "001 states no date");
    assert_eq!(a1["authors"], serde_json::json!(["Soukaina Sghir"]));
    let t1 = a1["text"].as_str().expect("text");
    assert!(
        t1.starts_with("The United States Secretary of State Antony Blinken"),
        "{t1}"
    );
    assert!(t1.ends_with("arms and equipment sales to Rwanda."), "{t1}");

    let a2 = article(&all, "002_");
    assert_eq!(a2["published"], "2025-02-22");
    assert_eq!(a2["published_basis"], "metadata");
    assert!(
        a2["text"]
            .as_str()
            .expect("text")
            .starts_with("US Secretary of State Marco Rubio")
    );

    let a3 = article(&all, "003_");
    assert_eq!(
        a3["title"],
        "Rwanda's Kagame says he agrees with US on need for ceasefire in Congo"
    );
    assert_eq!(a3["published"], "2025-01-29");
    assert!(
        a3["text"]
            .as_str()
            .expect("text")
            .starts_with("Rwanda's President Paul Kagame said")
    );

    let a4 = article(&all, "004_");
    assert_eq!(
        a4["published"],
        Value::Null,
        "004 names a day but no year of publication"
    );
    assert!(
        a4["text"]
            .as_str()
            .expect("text")
            .contains("- Provision of humanitarian assistance")
    );

    for a in &all {
        let text = a["text"].as_str().expect("text");
        for boilerplate in ["Min Read", "Share this Article", "Leave a comment"] {
            assert!(!text.contains(boilerplate), "{boilerplate:?} in {}", a["origin"]);
        }
    }
}

#[test]
fn seeds_000_and_002_share_reuters_passages_and_001_is_linked_to_nothing() {
    let Some(seeds) = seeds() else { return };
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("seeds.db");
    let out = ingest(&db, &seeds);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let all = stored(&db);
    let (a0, a1, a2) = (
        article(&all, "000_"),
        article(&all, "001_"),
        article(&all, "002_"),
    );
    let link = a0["near_duplicates"]
        .as_array()
        .expect("links")
        .iter()
        .find(|l| l["article"] == a2["id"])
        .expect("000 and 002 are linked");
    let passages = link["shared_passages"].as_array().expect("passages");
    assert!(passages.len() >= 2, "{link:#}");
    let texts: Vec<&str> = passages
        .iter()
        .map(|p| p["text"].as_str().expect("text"))
        .collect();
    assert!(
        texts
            .iter()
            .any(|t| t.starts_with("The United States said a day earlier that it was imposing sanctions")),
        "{texts:#?}"
    );
    assert!(
        passages.iter().any(|p| p["quote"] == true
            && p["text"]
                .as_str()
                .is_some_and(|t| t.contains("Both leaders reaffirmed"))),
        "the State Department quote both print is marked as a quote: {texts:#?}"
    );
    assert_eq!(a1["near_duplicates"], serde_json::json!([]), "001 shares nothing");
    for a in &all {
        assert_eq!(a["duplicate_of"], Value::Null);
        assert!(
            a["near_duplicates"]
                .as_array()
                .expect("links")
                .iter()
                .all(|l| l["article"] != a1["id"]),
            "nothing links to 001"
        );
    }
}
