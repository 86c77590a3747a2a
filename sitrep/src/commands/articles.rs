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
    let mut annotations: std::collections::BTreeMap<_, _> = if json {
        store
            .annotations()?
            .into_iter()
            .map(|r| (r.article.clone(), r))
            .collect()
    } else {
        Default::default()
    };
    let stories = if json {
        store.article_stories()?
    } else {
        Default::default()
    };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for a in &articles {
        if json {
            let row = ArticleJson::with_dedup(a, &dedup)
                .with_annotations(annotations.remove(&a.id))
                .with_story(stories.get(&a.id));
            json_line(&mut out, &row)?;
        } else {
            writeln!(out, "{}", article_line(a))?;
        }
    }
    out.flush()?;
    Ok(())
}
