//! The situation picture of the example corpus end to end: `sitrep
//! timeline --json` consolidates the seeds' reports into happenings with
//! the dates the texts state (also relatively, and in the articles that
//! state no publication date, through their story), each citing every
//! article that reports it; `sitrep report` renders it. Skips with a
//! message without the corpus or the reference data.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::{ingested_seeds, sitrep};
use serde_json::Value;

fn run(args: &[&str], db: &Path) -> String {
    let out = sitrep()
        .args(args)
        .arg("--db")
        .arg(db)
        .output()
        .expect("run sitrep");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 output")
}

/// Seed file prefix ("000") → article id.
fn seed_ids(db: &Path) -> BTreeMap<String, String> {
    run(&["articles", "--json"], db)
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).expect("json"))
        .map(|a| {
            let origin = a["origin"].as_str().unwrap_or_default();
            let file = Path::new(origin)
                .file_name()
                .map(|f| f.to_string_lossy().into_owned());
            let prefix = file.unwrap_or_default().chars().take(3).collect::<String>();
            (prefix, a["id"].as_str().unwrap_or_default().to_owned())
        })
        .collect()
}

/// The happenings of `kind` on `date`.
fn on<'a>(events: &'a [Value], kind: &str, date: &str) -> Vec<&'a Value> {
    events
        .iter()
        .filter(|e| e["type"] == kind && e["date"] == date)
        .collect()
}

/// Does the happening's title name `words`?
fn titled(e: &Value, words: &str) -> bool {
    e["title"].as_str().is_some_and(|t| t.contains(words))
}

/// The happening of `kind` on `date` whose title names `words`.
fn on_titled<'a>(events: &'a [Value], kind: &str, date: &str, words: &str) -> &'a Value {
    on(events, kind, date)
        .into_iter()
        .find(|e| titled(e, words))
        .unwrap_or_else(|| panic!("no {kind} on {date} naming {words:?}: {events:#?}"))
}

fn cites(e: &Value, id: &str) -> bool {
    e["articles"]
        .as_array()
        .is_some_and(|a| a.iter().any(|x| x == id))
}

#[test]
fn the_seeds_timeline_dates_each_happening_and_cites_every_report() {
    let Some((_dir, db)) = ingested_seeds() else {
        return;
    };
    let ids = seed_ids(&db);
    let doc: Value = serde_json::from_str(&run(&["timeline", "--json"], &db)).expect("timeline json");
    let events: Vec<Value> = doc["threads"]
        .as_array()
        .expect("threads")
        .iter()
        .flat_map(|t| t["events"].as_array().cloned().unwrap_or_default())
        .collect();

    // "The United States said a day earlier that it was imposing
    // sanctions": the day before Friday, February 21, in 002 (dated) and
    // in 000 (undated, dated through its story).
    let sanctions = on(&events, "SANCTION", "2025-02-20");
    assert_eq!(sanctions.len(), 1, "{sanctions:#?}");
    assert!(cites(sanctions[0], &ids["000"]) && cites(sanctions[0], &ids["002"]));

    // Rubio and Ruto called for a ceasefire: announced on Friday.
    let ceasefire = on_titled(&events, "DEMAND", "2025-02-21", "Ruto");
    assert!(cites(ceasefire, &ids["000"]) && cites(ceasefire, &ids["002"]));

    // Their phone call, reported by three articles, is one happening.
    let calls: Vec<&Value> = events
        .iter()
        .filter(|e| e["type"] == "CONSULT" && cites(e, &ids["002"]))
        .collect();
    assert_eq!(calls.len(), 1, "{calls:#?}");
    for seed in ["000", "002", "004"] {
        assert!(cites(calls[0], &ids[seed]), "the call cites {seed}");
    }
    // 004 dates it: "In the discussions held on Friday, February 21, both
    // leaders agreed …" (the leaders named in its next sentences).
    assert_eq!(calls[0]["date"], "2025-02-21", "{:#}", calls[0]);
    // "Their previous conversation took place on February 6": another
    // call between the same two, another happening.
    let earlier = on(&events, "CONSULT", "2025-02-06");
    assert_eq!(earlier.len(), 1, "{earlier:#?}");
    assert!(cites(earlier[0], &ids["004"]) && !cites(earlier[0], &ids["002"]));

    // Bukavu "last Sunday" before the 22nd; Goma entered "on Monday"
    // before January 29.
    assert!(!on(&events, "FIGHT", "2025-02-16").is_empty(), "Bukavu");
    // 002's "weeks after capturing Goma" is that capture, not news of
    // the 22nd.
    let goma = on(&events, "FIGHT", "2025-01-27")
        .into_iter()
        .find(|e| cites(e, &ids["003"]) && cites(e, &ids["002"]))
        .unwrap_or_else(|| panic!("the capture of Goma cites 003 and 002: {events:#?}"));
    assert!(titled(goma, "Goma"), "{goma:#}");
    // So is the State Department's "the unacceptable capture of Goma and
    // Bukavu by the Rwanda-backed M23 armed group" (000, 002), and
    // Bukavu's capture is the one of "last Sunday".
    assert!(cites(goma, &ids["000"]), "{goma:#}");
    let bukavu = on(&events, "FIGHT", "2025-02-16");
    assert_eq!(bukavu.len(), 1, "{bukavu:#?}");
    assert!(cites(bukavu[0], &ids["000"]) && cites(bukavu[0], &ids["002"]));

    // "The Congolese and Rwandan army exchanged fire": the two armies,
    // by their canonical names.
    let clash = on_titled(&events, "FIGHT", "2025-01-27", "Rwandan military");
    assert!(titled(clash, "Congolese military"), "{clash:#}");

    // "In a diplomatic note seen by Reuters earlier this month, the U.S.
    // said that stability in the region will require the Rwandan military
    // to withdraw": February only, in 000 and 002.
    let note = on(&events, "DEMAND", "2025-02");
    assert_eq!(note.len(), 1, "{note:#?}");
    assert!(cites(note[0], &ids["000"]) && cites(note[0], &ids["002"]));

    // "The Chiefs of Defense Forces convened in Nairobi on February 21":
    // the EAC and SADC chiefs the sentence before names.
    let chiefs = on_titled(
        &events,
        "CONSULT",
        "2025-02-21",
        "Southern African Development Community",
    );
    assert!(cites(chiefs, &ids["004"]));

    // "Had a productive conversation with Secretary (of State Marco)
    // Rubio on the need to ensure a ceasefire in Eastern DRC": DRC is
    // what they talked about, not where.
    let kagame = on(&events, "CONSULT", "2025-01-29");
    assert_eq!(kagame.len(), 1, "{kagame:#?}");
    assert_eq!(kagame[0]["places"], serde_json::json!([]), "{:#}", kagame[0]);

    // "the M23 rebels they support": no support coded from that clause.
    assert!(
        on(&events, "SUPPORT", "2025-01-29").is_empty(),
        "{:#?}",
        on(&events, "SUPPORT", "2025-01-29")
    );

    // The year-old article (001) states no date, and its story gives none:
    // none of its happenings gets one.
    for e in events.iter().filter(|e| cites(e, &ids["001"])) {
        let only_001 = e["articles"].as_array().is_some_and(|a| a.len() == 1);
        assert!(!only_001 || e["date"].is_null(), "001 dated: {e:#}");
    }

    let markdown = run(&["report"], &db);
    assert!(markdown.starts_with("# Situation report"));
    assert!(markdown.contains("2025-02-20") && markdown.contains("### Who reprinted whom"));
    let html = run(&["report", "--format", "html"], &db);
    assert!(html.contains("<html") && !html.contains("http://") && !html.contains("https://"));
}
