//! `sitrep geocode --json`: geocodes JSON Lines from standard input
//! (`{id, text, published?, toponyms?: [{start, end}]}`, byte offsets) and
//! prints `{id, places: [{start, end, name, geonames_id, lat, lon,
//! country}]}` per line; nothing is stored. With `toponyms` exactly those
//! spans are resolved, without them the places are found in the text as
//! `ingest` finds them (names of people and of organisations or armed
//! groups the text mentions are not places, so the entity knowledge is
//! read too).
//!
//! The gazetteer is read from the cache folder (`scripts/setup.sh` builds
//! it); when it is missing the command says so once and falls back to the
//! compiled-in country table, which resolves countries, their spellings
//! and demonyms, and continents only.

use std::io::{BufRead, Write};
use std::path::Path;

use anyhow::Context;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sitrep_annotate::Resources;
use sitrep_annotate::geocode::{self, GeocodeContext, Weights};
use sitrep_model::Span;

/// Longest input line accepted (bytes).
const MAX_LINE: u64 = 16 * 1024 * 1024;

#[derive(Debug, Deserialize)]
struct InputLine {
    #[serde(default)]
    id: Value,
    text: String,
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    toponyms: Option<Vec<InputSpan>>,
}

#[derive(Debug, Deserialize)]
struct InputSpan {
    start: usize,
    end: usize,
}

#[derive(Debug, Serialize)]
struct OutputLine<'a> {
    id: &'a Value,
    places: Vec<OutputPlace<'a>>,
}

#[derive(Debug, Serialize)]
struct OutputPlace<'a> {
    start: usize,
    end: usize,
    name: &'a str,
    geonames_id: Option<u64>,
    lat: Option<f64>,
    lon: Option<f64>,
    country: Option<&'a str>,
}

/// Parse `name=value,...` weight overrides (for evaluation runs).
fn parse_weights(spec: &str) -> anyhow::Result<Weights> {
    let mut w = Weights::default();
    for item in spec.split(',').filter(|s| !s.trim().is_empty()) {
        let (name, value) = item
            .split_once('=')
            .with_context(|| format!("weight {item:?} is not name=value"))?;
        let value: f64 = value.trim().parse().with_context(|| format!("weight {item:?}"))?;
        anyhow::ensure!(
            w.set(name.trim(), value),
            "unknown weight {name:?}; known: {}",
            Weights::NAMES.join(", ")
        );
    }
    Ok(w)
}

pub fn run(gazetteer: &Path, knowledge: &Path, weights: Option<&str>) -> anyhow::Result<()> {
    let ctx = GeocodeContext {
        weights: weights.map(parse_weights).transpose()?.unwrap_or_default(),
        ..GeocodeContext::default()
    };
    let resources = Resources {
        gazetteer: crate::resources::load_gazetteer(gazetteer),
        knowledge: crate::resources::load_knowledge(knowledge),
    };
    let g = &resources.gazetteer;
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut buf = Vec::new();
    let mut line_no = 0usize;
    loop {
        buf.clear();
        line_no += 1;
        let n = std::io::Read::take(&mut input, MAX_LINE + 1).read_until(b'\n', &mut buf)?;
        if n == 0 {
            break;
        }
        if buf.len() as u64 > MAX_LINE && !buf.ends_with(b"\n") {
            eprintln!("rejected line {line_no}: longer than {MAX_LINE} bytes");
            // Skip the rest of the over-long line.
            let mut rest = Vec::new();
            input.read_until(b'\n', &mut rest)?;
            continue;
        }
        let line = String::from_utf8_lossy(&buf);
        if line.trim().is_empty() {
            continue;
        }
        let parsed: InputLine = match serde_json::from_str(line.trim()) {
            Ok(p) => p,
            Err(e) => {
                eprintln!("rejected line {line_no}: {e}");
                continue;
            }
        };
        let places = match &parsed.toponyms {
            Some(spans) => {
                let spans: Vec<Span> = spans.iter().map(|s| Span::new(s.start, s.end)).collect();
                geocode::resolve(&parsed.text, &spans, g, &ctx)
            }
            None => {
                let published = parsed
                    .published
                    .as_deref()
                    .and_then(super::code::parse_published)
                    .map(|d| d.day_only());
                sitrep_annotate::find_article_places(&parsed.text, published, &resources)
            }
        };
        let record = OutputLine {
            id: &parsed.id,
            places: places
                .iter()
                .map(|p| OutputPlace {
                    start: p.span.start,
                    end: p.span.end,
                    name: &p.name,
                    geonames_id: sitrep_model::geonames_id(p.geonames_id),
                    lat: p.lat,
                    lon: p.lon,
                    country: p.country.as_deref(),
                })
                .collect(),
        };
        serde_json::to_writer(&mut out, &record)?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(())
}
