//! `sitrep timeline`: each thread's consolidated timeline — one entry per
//! happening, with its date, actors, places, every supporting sentence and
//! the sources' disagreements. `--json` prints one JSON object (DESIGN.md).

use std::io::Write;
use std::path::Path;

use sitrep_store::Store;

use crate::output::truncate;
use crate::situation::{Gathered, SituationJson};

pub fn run(db: &Path, thread: Option<&str>, json: bool) -> anyhow::Result<()> {
    let store = Store::open_existing(db)?;
    let lexicon = crate::resources::event_lexicon();
    let gathered = Gathered::read(&store, &lexicon)?;
    let threads = gathered.timelines(thread);
    if let Some(id) = thread
        && threads.is_empty()
    {
        anyhow::bail!("no thread {id} in {}", db.display());
    }
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if json {
        let doc = SituationJson {
            threads,
            stories: None,
        };
        serde_json::to_writer(&mut out, &doc)?;
        writeln!(out)?;
    } else {
        for t in &threads {
            writeln!(
                out,
                "{}  {} ({} stories, {} articles, {} events)",
                t.id,
                truncate(&t.title, 90),
                t.stories.len(),
                t.articles.len(),
                t.events.len()
            )?;
            for e in &t.events {
                let date = e.date.map_or_else(|| "undated".to_owned(), |d| d.to_string());
                let disputed = if e.disputes.is_empty() { "" } else { "  [disputed]" };
                writeln!(
                    out,
                    "  {date:<10}  {:<10}  {}  ({} sources){disputed}",
                    e.kind.as_str(),
                    truncate(&e.title, 80),
                    e.articles.len()
                )?;
            }
        }
    }
    out.flush()?;
    Ok(())
}
