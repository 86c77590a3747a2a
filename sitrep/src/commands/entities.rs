//! `sitrep entities`: the canonical entities of every stored article,
//! merged across articles (aliases unioned, mentions counted).

use std::io::Write;
use std::path::Path;

use sitrep_annotate::entities::{ArticleEntities, CorpusEntities, merge_entities};
use sitrep_store::{AnnotationRecord, Store};

use crate::output::json_line;

/// The corpus-wide merge of every article's entity records (also what
/// `sitrep serve` lists).
pub fn merge(records: &[AnnotationRecord]) -> CorpusEntities {
    let per_article: Vec<ArticleEntities<'_>> = records
        .iter()
        .map(|r| ArticleEntities {
            article: r.article.as_str(),
            entities: &r.entities,
            mentions: &r.annotations.entities,
        })
        .collect();
    merge_entities(&per_article)
}

pub fn run(db: &Path, json: bool) -> anyhow::Result<()> {
    let store = Store::open_existing(db)?;
    let merged = merge(&store.annotations()?);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for e in &merged.entities {
        if json {
            json_line(&mut out, e)?;
        } else {
            let detail: Vec<&str> = [e.entity.country.as_deref(), e.entity.sector.as_deref()]
                .into_iter()
                .flatten()
                .collect();
            writeln!(
                out,
                "{:<34} {:<12} {:>4} mentions in {:>3} articles  {}{}",
                e.entity.id.as_str(),
                e.entity.kind.as_str(),
                e.mentions,
                e.articles.len(),
                e.entity.name,
                if detail.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", detail.join(" "))
                }
            )?;
        }
    }
    out.flush()?;
    Ok(())
}
