//! `sitrep articles`: every stored article.

use std::io::Write;
use std::path::Path;

use sitrep_store::Store;

use crate::output::{ArticleJson, article_line, json_line};

pub fn run(db: &Path, json: bool) -> anyhow::Result<()> {
    let store = Store::open_existing(db)?;
    let articles = store.articles()?;
    let dedup = if json {
        store.dedup_view()?
    } else {
        Default::default()
    };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for a in &articles {
        if json {
            json_line(&mut out, &ArticleJson::with_dedup(a, &dedup))?;
        } else {
            writeln!(out, "{}", article_line(a))?;
        }
    }
    out.flush()?;
    Ok(())
}
