//! End-to-end runs of `sitrep geocode --json`: with the tiny fixture
//! gazetteer of `sitrep_annotate` installed in a temporary `SITREP_HOME`,
//! without any gazetteer (the built-in country table fallback), and with
//! the real gazetteer built by `scripts/setup.sh` when it is present.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::{Value, json};

fn geocode(home: &Path, input: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sitrep"))
        .args(["geocode", "--json"])
        .env("SITREP_HOME", home)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run sitrep geocode");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("write stdin");
    child.wait_with_output().expect("wait for sitrep")
}

fn lines(o: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad JSON line {l:?}: {e}")))
        .collect()
}

fn ids(line: &Value) -> Vec<Value> {
    line["places"]
        .as_array()
        .expect("places")
        .iter()
        .map(|p| p["geonames_id"].clone())
        .collect()
}

/// A `SITREP_HOME` holding the fixture gazetteer.
fn fixture_home() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let fixture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../sitrep_annotate/tests/fixtures/gazetteer.tsv");
    std::fs::create_dir_all(dir.path().join("gazetteer")).expect("mkdir");
    std::fs::copy(fixture, dir.path().join("gazetteer/gazetteer.tsv")).expect("copy fixture");
    dir
}

const TEXT: &str = "Rebels took Goma, North Kivu. Tbilisi says Georgia will not yield.";

fn input() -> String {
    let with_spans =
        json!({"id": 7, "text": TEXT, "toponyms": [{"start": 12, "end": 16}, {"start": 43, "end": 50}]});
    let without = json!({"id": "b", "text": TEXT, "published": "2025-02-01"});
    format!("{with_spans}\n\nnot json\n{without}\n")
}

#[test]
fn given_spans_are_resolved_and_places_found_with_a_gazetteer() {
    let home = fixture_home();
    let out = geocode(home.path(), &input());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("rejected line 3"), "{stderr}");
    assert!(!stderr.contains("gazetteer unavailable"), "{stderr}");
    let got = lines(&out);
    assert_eq!(got.len(), 2);
    assert_eq!(got[0]["id"], 7);
    assert_eq!(ids(&got[0]), [json!(216281), json!(614540)]);
    let goma = &got[0]["places"][0];
    assert_eq!(goma["name"], "Goma");
    assert_eq!(goma["country"], "COD");
    assert_eq!(
        (goma["start"].clone(), goma["end"].clone()),
        (json!(12), json!(16))
    );
    assert_eq!(got[1]["id"], "b");
    assert_eq!(
        ids(&got[1]),
        [json!(216281), json!(206938), json!(611717), json!(614540)]
    );
}

#[test]
fn a_derived_region_has_coordinates_and_no_geonames_id() {
    let home = fixture_home();
    let line =
        json!({"id": 1, "text": "Fighting spread across Kivu.", "toponyms": [{"start": 23, "end": 27}]});
    let out = geocode(home.path(), &format!("{line}\n"));
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let got = lines(&out);
    let kivu = &got[0]["places"][0];
    assert_eq!(kivu["name"], "Kivu");
    assert_eq!(kivu["country"], "COD");
    assert_eq!(kivu["geonames_id"], Value::Null);
    assert!(kivu["lat"].is_number(), "{kivu}");
}

#[test]
fn without_a_gazetteer_it_says_so_once_and_resolves_countries_only() {
    let home = tempfile::tempdir().expect("temp dir");
    let out = geocode(home.path(), &input());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.matches("gazetteer unavailable").count(), 1, "{stderr}");
    assert!(stderr.contains("built-in country table"), "{stderr}");
    let got = lines(&out);
    assert_eq!(ids(&got[0]), [Value::Null, json!(614540)]);
    assert_eq!(got[0]["places"][0]["name"], "Goma");
    assert_eq!(ids(&got[1]), [json!(614540)]);
}

/// The places `sitrep geocode --json` gives for one text with its
/// toponym spans.
fn places_of(home: &Path, text: &str, toponyms: &Value) -> Vec<Value> {
    let input = format!("{}\n", json!({"id": 1, "text": text, "toponyms": toponyms}));
    let out = geocode(home, &input);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let got = lines(&out);
    got[0]["places"].as_array().expect("places").clone()
}

fn real_gazetteer_home() -> Option<PathBuf> {
    let home = std::env::var_os("SITREP_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache/sitrep")))?;
    home.join("gazetteer/gazetteer.tsv").is_file().then_some(home)
}

#[test]
fn the_real_gazetteer_resolves_ambiguous_names_by_context() {
    let Some(home) = real_gazetteer_home() else {
        eprintln!("skipped: no gazetteer in $SITREP_HOME (run scripts/setup.sh)");
        return;
    };
    let text = "Fans in Atlanta, Georgia cheered. Rebels near Goma, North Kivu.";
    let spans = [(8, 15), (17, 24), (46, 50), (52, 62)];
    let toponyms: Vec<Value> = spans.iter().map(|(s, e)| json!({"start": s, "end": e})).collect();
    let paris = json!({"id": 2, "text": "Paris police said.", "toponyms": [{"start": 0, "end": 5}]});
    let input = format!(
        "{}\n{paris}\n",
        json!({"id": 1, "text": text, "toponyms": toponyms})
    );
    let out = geocode(&home, &input);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let got = lines(&out);
    let places = got[0]["places"].as_array().expect("places");
    let names: Vec<&str> = places.iter().filter_map(|p| p["name"].as_str()).collect();
    assert_eq!(names, ["Atlanta", "Georgia", "Goma", "North Kivu"]);
    let countries: Vec<&str> = places.iter().filter_map(|p| p["country"].as_str()).collect();
    assert_eq!(countries, ["USA", "USA", "COD", "COD"]);
    assert_eq!(
        got[1]["places"][0]["country"], "FRA",
        "Paris alone is the capital"
    );
    assert_eq!(places[1]["geonames_id"], 4197000, "Georgia the US state");
    assert_eq!(places[3]["geonames_id"], 206938, "North Kivu");
}

#[test]
fn the_real_gazetteer_gives_a_large_region_its_name_over_a_hamlet_abroad() {
    let Some(home) = real_gazetteer_home() else {
        eprintln!("skipped: no gazetteer in $SITREP_HOME (run scripts/setup.sh)");
        return;
    };
    // GeoNames splits Java and Sinai into subdivisions (West/Central/East
    // Java, North/South Sinai); villages in Georgia and Mexico carry the
    // bare names.
    let text = "Floods hit Java. Militants attacked troops in the Sinai.";
    let toponyms = json!([{"start": 11, "end": 15}, {"start": 50, "end": 55}]);
    let places = places_of(&home, text, &toponyms);
    let found: Vec<(&str, &str)> = places
        .iter()
        .filter_map(|p| Some((p["name"].as_str()?, p["country"].as_str()?)))
        .collect();
    assert_eq!(found, [("Java", "IDN"), ("Sinai", "EGY")]);
}

#[test]
fn the_real_gazetteer_knows_regions_by_their_residents_irregular_names() {
    let Some(home) = real_gazetteer_home() else {
        eprintln!("skipped: no gazetteer in $SITREP_HOME (run scripts/setup.sh)");
        return;
    };
    // "Catalan" is also another name of Catalan Bay, Gibraltar.
    let text = "Catalan and Chechen leaders met Tibetan monks.";
    let toponyms = json!([{"start": 0, "end": 7}, {"start": 12, "end": 19}, {"start": 32, "end": 39}]);
    let places = places_of(&home, text, &toponyms);
    let ids: Vec<&Value> = places.iter().map(|p| &p["geonames_id"]).collect();
    assert_eq!(ids, [&json!(3336901), &json!(569665), &json!(1279685)]);
}
