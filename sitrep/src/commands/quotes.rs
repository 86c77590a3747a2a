//! `sitrep quotes`: every attributed quote of the stored articles, with
//! its span in the article's text.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

use serde::Serialize;
use sitrep_store::Store;

use crate::output::{json_line, truncate};

/// The `sitrep quotes --json` shape.
#[derive(Debug, Serialize)]
struct QuoteJson<'a> {
    article: &'a str,
    speaker: Option<&'a str>,
    speaker_entity: Option<&'a str>,
    text: &'a str,
    start: usize,
    end: usize,
    direct: bool,
}

pub fn run(db: &Path, json: bool) -> anyhow::Result<()> {
    let store = Store::open_existing(db)?;
    let texts: BTreeMap<String, String> = store
        .articles()?
        .into_iter()
        .map(|a| (a.id.as_str().to_owned(), a.text))
        .collect();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for record in store.annotations()? {
        let Some(text) = texts.get(record.article.as_str()) else {
            continue;
        };
        for q in &record.annotations.quotes {
            let Some(quoted) = q.span.slice(text) else {
                continue;
            };
            let row = QuoteJson {
                article: record.article.as_str(),
                speaker: q.speaker.as_deref(),
                speaker_entity: q.speaker_entity.as_ref().map(|e| e.as_str()),
                text: quoted,
                start: q.span.start,
                end: q.span.end,
                direct: q.direct,
            };
            if json {
                json_line(&mut out, &row)?;
            } else {
                let mark = if q.direct { "\"" } else { "" };
                writeln!(
                    out,
                    "{}  {:<28} {mark}{}{mark}",
                    record.article,
                    truncate(row.speaker.unwrap_or("(unattributed)"), 28),
                    truncate(quoted, 100)
                )?;
            }
        }
    }
    out.flush()?;
    Ok(())
}
