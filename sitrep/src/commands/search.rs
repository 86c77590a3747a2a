//! `sitrep search`: full-text search over stored articles.

use std::io::Write;
use std::path::Path;

use sitrep_store::Store;

use crate::output::{json_line, truncate};

pub fn run(db: &Path, query: &str, limit: usize, json: bool) -> anyhow::Result<()> {
    let store = Store::open_existing(db)?;
    let hits = store.search(query, limit)?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for hit in &hits {
        if json {
            json_line(&mut out, hit)?;
        } else {
            let title = store
                .article(&hit.article)?
                .and_then(|a| a.title)
                .unwrap_or_else(|| "(untitled)".into());
            writeln!(
                out,
                "{}  {:>6.2}  {}",
                hit.article,
                hit.score,
                truncate(&title, 70)
            )?;
            writeln!(out, "    {}", hit.snippet.replace('\n', " "))?;
        }
    }
    out.flush()?;
    if hits.is_empty() && !json {
        eprintln!("no matches for {query:?}");
    }
    Ok(())
}
