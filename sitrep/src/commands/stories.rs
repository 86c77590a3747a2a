//! `sitrep stories`: the story clusters, oldest first, each with its
//! thread, its articles in the order they joined, its date range and, when
//! it continues an earlier story, the evidence of that thread link.

use std::io::Write;
use std::path::Path;

use serde::Serialize;
use sitrep_model::PublishedDate;
use sitrep_store::{Store, StoryListing};

use crate::output::{json_line, truncate};

/// Why a story joined its thread.
#[derive(Debug, Serialize)]
struct ThreadLinkJson {
    /// The earlier story it continues.
    story: String,
    /// Thread score.
    score: f64,
    /// Entities both name.
    entities: Vec<String>,
    /// Words both use.
    terms: Vec<String>,
}

/// The `sitrep stories --json` shape (DESIGN.md), plus the thread link.
#[derive(Debug, Serialize)]
struct StoryJson {
    id: String,
    title: String,
    thread: String,
    articles: Vec<String>,
    first_published: Option<PublishedDate>,
    last_published: Option<PublishedDate>,
    thread_link: Option<ThreadLinkJson>,
}

fn day(d: Option<i64>) -> Option<PublishedDate> {
    d.and_then(PublishedDate::from_days_since_epoch)
}

fn to_json(s: StoryListing) -> StoryJson {
    let thread_link = s.link.map(|l| {
        let evidence: serde_json::Value = serde_json::from_str(&l.evidence).unwrap_or_default();
        let list = |key: &str| -> Vec<String> {
            evidence[key]
                .as_array()
                .map(|a| a.iter().filter_map(|v| v.as_str().map(str::to_owned)).collect())
                .unwrap_or_default()
        };
        ThreadLinkJson {
            story: l.other,
            score: (l.score * 1e4).round() / 1e4,
            entities: list("entities"),
            terms: list("terms"),
        }
    });
    StoryJson {
        id: s.story.id,
        title: s.story.title,
        thread: s.story.thread,
        articles: s.articles.iter().map(ToString::to_string).collect(),
        first_published: day(s.story.first_published),
        last_published: day(s.story.last_published),
        thread_link,
    }
}

pub fn run(db: &Path, json: bool) -> anyhow::Result<()> {
    let store = Store::open_existing(db)?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for s in store.stories()? {
        let row = to_json(s);
        if json {
            json_line(&mut out, &row)?;
        } else {
            let dates = match (row.first_published, row.last_published) {
                (Some(a), Some(b)) if a == b => a.to_string(),
                (Some(a), Some(b)) => format!("{a}..{b}"),
                _ => "-".to_owned(),
            };
            writeln!(
                out,
                "{:<20}  {:<20}  {:>3} articles  {:<22}  {}",
                row.id,
                row.thread,
                row.articles.len(),
                dates,
                truncate(&row.title, 90)
            )?;
        }
    }
    out.flush()?;
    Ok(())
}
