//! `sitrep search`: full-text search over stored articles.

use std::io::Write;
use std::path::Path;

use sitrep_store::Store;

use crate::output::{display_title, json_line};

pub fn run(db: &Path, query: &str, limit: usize, json: bool) -> anyhow::Result<()> {
    let store = Store::open_existing(db)?;
    let hits = store.search(query, limit)?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for (rank, hit) in hits.iter().enumerate() {
        if json {
            json_line(&mut out, hit)?;
        } else {
            let title = store
                .article(&hit.article)?
                .map_or_else(|| "(missing)".to_owned(), |a| display_title(&a));
            writeln!(out, "{:>3}. {}  {}", rank + 1, hit.article, title)?;
            writeln!(
                out,
                "     {}",
                hit.snippet.split_whitespace().collect::<Vec<_>>().join(" ")
            )?;
        }
    }
    out.flush()?;
    if hits.is_empty() && !json {
        eprintln!("no matches for {query:?}");
    }
    Ok(())
}
