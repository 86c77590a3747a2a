//! End-to-end annotation: `sitrep ingest`, then `sitrep entities --json`
//! and `sitrep quotes --json`, with the built-in fallbacks (no reference
//! data) and, when set-up has run, with the real gazetteer and knowledge
//! base on the example corpus.

mod common;

use std::path::Path;
use std::process::Output;

use serde_json::Value;

use common::{ingested_seeds, sitrep, sitrep_without_data};

fn json_lines(o: &Output) -> Vec<Value> {
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect()
}

fn entity<'a>(all: &'a [Value], id: &str) -> &'a Value {
    all.iter()
        .find(|e| e["id"] == id)
        .unwrap_or_else(|| panic!("no entity {id} in {all:#?}"))
}

#[test]
fn fallback_annotation_finds_countries_quotes_and_dates() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("a.db");
    let text = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/annotate/border-talks.txt");
    let out = sitrep_without_data()
        .arg("ingest")
        .arg("--db")
        .arg(&db)
        .arg(&text)
        .output()
        .expect("run");
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        err.matches("gazetteer unavailable").count(),
        1,
        "said once: {err}"
    );
    assert_eq!(
        err.matches("entity knowledge unavailable").count(),
        1,
        "said once: {err}"
    );

    let entities = json_lines(
        &sitrep_without_data()
            .args(["entities", "--json", "--db"])
            .arg(&db)
            .output()
            .expect("run"),
    );
    let kenya = entity(&entities, "country:KEN");
    assert_eq!(kenya["kind"], "country");
    assert!(
        kenya["mentions"].as_u64().expect("count") >= 2,
        "Kenya and Kenyan: {kenya}"
    );
    assert_eq!(entity(&entities, "country:UGA")["kind"], "country");
    let minister = entities
        .iter()
        .find(|e| e["kind"] == "person" && e["name"].as_str().is_some_and(|n| n.contains("Achieng")))
        .expect("the minister is a person");
    assert_eq!(minister["country"], "KEN");

    let quotes = json_lines(
        &sitrep_without_data()
            .args(["quotes", "--json", "--db"])
            .arg(&db)
            .output()
            .expect("run"),
    );
    let direct = quotes
        .iter()
        .find(|q| {
            q["text"]
                .as_str()
                .is_some_and(|t| t.starts_with("We have agreed"))
        })
        .expect("the direct quote");
    assert_eq!(direct["speaker_entity"], minister["id"]);
    assert!(direct["start"].as_u64() < direct["end"].as_u64());
}

#[test]
fn seeds_entities_are_canonical_across_articles() {
    let Some((_dir, db)) = ingested_seeds() else {
        return;
    };
    let entities = json_lines(
        &sitrep()
            .args(["entities", "--json", "--db"])
            .arg(&db)
            .output()
            .expect("run"),
    );
    let congo = entity(&entities, "country:COD");
    assert_eq!(
        congo["articles"].as_array().map(Vec::len),
        Some(5),
        "every seed names DR Congo"
    );
    let aliases: Vec<&str> = congo["aliases"]
        .as_array()
        .expect("aliases")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(
        aliases.contains(&"DRC") && aliases.iter().any(|a| a.contains("DR Congo")),
        "{aliases:?}"
    );
    let rubio = entity(&entities, "person:marco-rubio");
    assert!(rubio["articles"].as_array().map_or(0, Vec::len) >= 3);
    assert_eq!(rubio["country"], "USA");
    let m23 = entity(&entities, "group:m23");
    assert_eq!(m23["sector"], "REB");
    assert_eq!(entity(&entities, "geonames:216281")["name"], "Goma");

    let quotes = json_lines(
        &sitrep()
            .args(["quotes", "--json", "--db"])
            .arg(&db)
            .output()
            .expect("run"),
    );
    assert!(
        quotes.iter().any(|q| q["speaker_entity"] == "person:paul-kagame"
            && q["text"]
                .as_str()
                .is_some_and(|t| t.contains("productive conversation"))),
        "Kagame's post is his quote"
    );
}

#[test]
fn a_derived_region_is_no_geonames_place_in_stored_articles_and_entities() {
    let home = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir_all(home.path().join("gazetteer")).expect("mkdir");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../sitrep_annotate/tests/fixtures/gazetteer.tsv"),
        home.path().join("gazetteer/gazetteer.tsv"),
    )
    .expect("copy fixture gazetteer");
    let text = home.path().join("kivu.txt");
    std::fs::write(
        &text,
        "Fighting spread across Kivu on Monday, officials in Goma said, as rebels moved south \
         towards the lake and thousands of families fled their homes in the night, aid workers \
         reported from the area.\n",
    )
    .expect("write");
    let db = home.path().join("a.db");
    let run = |args: &[&str]| {
        sitrep()
            .env("SITREP_HOME", home.path())
            .args(args)
            .arg("--db")
            .arg(&db)
            .output()
            .expect("run")
    };
    let out = run(&["ingest", text.to_str().expect("UTF-8 path")]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let articles = json_lines(&run(&["articles", "--json"]));
    let places = articles[0]["places"].as_array().expect("places");
    let kivu = places.iter().find(|p| p["name"] == "Kivu").expect("Kivu found");
    assert_eq!(kivu["geonames_id"], Value::Null, "{kivu}");
    assert_eq!(kivu["region_id"], 0, "{kivu}");
    let goma = places.iter().find(|p| p["name"] == "Goma").expect("Goma found");
    assert_eq!(goma["geonames_id"], 216_281);
    assert!(goma.get("region_id").is_none(), "{goma}");
    let entities = json_lines(&run(&["entities", "--json"]));
    assert_eq!(entity(&entities, "region:0")["name"], "Kivu");
    assert_eq!(entity(&entities, "geonames:216281")["name"], "Goma");
}

#[test]
fn an_entity_one_article_leaves_unplaced_takes_the_country_the_others_give_it() {
    // The second article names the envoy without "U.S."; alone, the coder
    // would take him for a Kenyan like the only country his sentence names.
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("a.db");
    let folder = dir.path().join("articles");
    std::fs::create_dir(&folder).expect("folder");
    std::fs::write(
        folder.join("1-envoy.txt"),
        "US envoy heads to the region\n\ndate 2025-03-10\n\nU.S. Special Envoy Daniel Okafor arrived in \
         Nairobi on Monday for talks on the crisis in eastern Congo, the State Department said. He is \
         expected to travel on to Kigali and Kinshasa later in the week to meet officials of both governments.\n",
    )
    .expect("write");
    std::fs::write(
        folder.join("2-call.txt"),
        "Ruto holds talks with envoy\n\ndate 2025-03-11\n\nKenyan President William Ruto met Special Envoy \
         Daniel Okafor in Nairobi on Tuesday. The two men discussed the fighting in eastern Congo and the \
         regional peace process, officials in Nairobi said after the meeting.\n",
    )
    .expect("write");
    let out = sitrep_without_data()
        .arg("ingest")
        .arg("--db")
        .arg(&db)
        .arg(&folder)
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let events = json_lines(
        &sitrep_without_data()
            .args(["events", "--json", "--db"])
            .arg(&db)
            .output()
            .expect("run"),
    );
    let meeting = events
        .iter()
        .find(|e| e["type"] == "CONSULT" && e["source"]["name"] == "Kenyan President William Ruto")
        .unwrap_or_else(|| panic!("no meeting in {events:#?}"));
    assert_eq!(meeting["target"]["entity"], "person:daniel-okafor");
    assert_eq!(meeting["target"]["country"], "USA");
}
