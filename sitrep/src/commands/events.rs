//! `sitrep events`: the coded events of the stored articles (before
//! consolidation across articles), one per line, each with the evidence
//! sentence's span in its article's text. Also the event JSON shape that
//! `sitrep code --json` shares.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

use serde::Serialize;
use sitrep_model::{Event, EventActor};
use sitrep_store::Store;

use crate::output::{json_line, truncate};

/// An actor in JSON: `{name, entity, country, sector}`.
#[derive(Debug, Serialize)]
pub struct ActorJson<'a> {
    name: &'a str,
    entity: Option<&'a str>,
    country: Option<&'a str>,
    sector: Option<&'a str>,
}

impl<'a> ActorJson<'a> {
    fn new(a: &'a EventActor) -> Self {
        Self {
            name: &a.name,
            entity: a.entity.as_ref().map(|e| e.as_str()),
            country: a.country.as_deref(),
            sector: a.sector.as_deref(),
        }
    }
}

/// A place in JSON: `{name, geonames_id, lat, lon, country}`.
#[derive(Debug, Serialize)]
pub struct PlaceJson<'a> {
    name: &'a str,
    geonames_id: Option<u64>,
    lat: Option<f64>,
    lon: Option<f64>,
    country: Option<&'a str>,
}

/// The event shape of `sitrep events --json` (DESIGN.md) and, without
/// `article`, of `sitrep code --json`: `{article, type, mode, cameo,
/// source, target, date, date_precision, place, start, end}` plus
/// `context`, `date_basis` and the `trigger` words.
#[derive(Debug, Serialize)]
pub struct EventJson<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    article: Option<&'a str>,
    #[serde(rename = "type")]
    kind: &'static str,
    mode: Option<&'a str>,
    context: Option<&'a str>,
    cameo: Option<&'a str>,
    source: ActorJson<'a>,
    target: Option<ActorJson<'a>>,
    date: Option<String>,
    date_precision: sitrep_model::DatePrecision,
    date_basis: sitrep_model::EventDateBasis,
    place: Option<PlaceJson<'a>>,
    start: usize,
    end: usize,
    trigger: &'a str,
}

impl<'a> EventJson<'a> {
    /// The JSON of `e`, an event of `text` (of stored article `article`).
    pub fn new(article: Option<&'a str>, e: &'a Event, text: &'a str) -> Self {
        Self {
            article,
            kind: e.kind.as_str(),
            mode: e.mode.as_deref(),
            context: e.context.as_deref(),
            cameo: e.cameo.as_deref(),
            source: ActorJson::new(&e.source),
            target: e.target.as_ref().map(ActorJson::new),
            date: e.date.map(|d| d.to_string()),
            date_precision: e.date_precision,
            date_basis: e.date_basis,
            place: e.place.as_ref().map(|p| PlaceJson {
                name: &p.name,
                geonames_id: sitrep_model::geonames_id(p.geonames_id),
                lat: p.lat,
                lon: p.lon,
                country: p.country.as_deref(),
            }),
            start: e.span.start,
            end: e.span.end,
            trigger: e.trigger.slice(text).unwrap_or(""),
        }
    }
}

pub fn run(db: &Path, json: bool) -> anyhow::Result<()> {
    let store = Store::open_existing(db)?;
    let texts: BTreeMap<String, String> = store
        .articles()?
        .into_iter()
        .map(|a| (a.id.as_str().to_owned(), a.text))
        .collect();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for record in store.events()? {
        let Some(text) = texts.get(record.article.as_str()) else {
            continue;
        };
        for e in &record.events {
            let row = EventJson::new(Some(record.article.as_str()), e, text);
            if json {
                json_line(&mut out, &row)?;
            } else {
                let actor =
                    |a: Option<&EventActor>| a.map_or_else(|| "-".to_owned(), |a| truncate(&a.name, 30));
                writeln!(
                    out,
                    "{}  {:<10} {:<5} {:<30} → {:<30} {:<10} {}",
                    record.article,
                    e.kind.as_str(),
                    e.cameo.as_deref().unwrap_or("-"),
                    actor(Some(&e.source)),
                    actor(e.target.as_ref()),
                    e.date.map_or("-".into(), |d| d.to_string()),
                    truncate(e.span.slice(text).unwrap_or(""), 80)
                )?;
            }
        }
    }
    out.flush()?;
    Ok(())
}
