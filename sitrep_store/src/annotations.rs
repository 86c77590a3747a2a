//! Annotation rows: each article's annotation layers (sentences, mentions,
//! quotes, times, places) as one JSON document, its canonical entity
//! records, and its entity mentions as rows (for lookups by entity).
//!
//! JSON for the layers because they are always read whole, per article,
//! and their shape grows with the annotation stage; mentions get rows
//! because the API filters articles by actor.

use rusqlite::{Connection, Transaction, params};
use sitrep_model::{Annotations, ArticleId, Entity};

use crate::StoreError;

/// The annotation stage's result for one new article, written with it.
#[derive(Debug, Clone, PartialEq)]
pub struct AnnotationRecord {
    /// The article.
    pub article: ArticleId,
    /// Its annotation layers.
    pub annotations: Annotations,
    /// The canonical entities its mentions link to.
    pub entities: Vec<Entity>,
}

pub(crate) fn insert(tx: &Transaction<'_>, records: &[AnnotationRecord]) -> Result<(), StoreError> {
    let mut layers =
        tx.prepare_cached("INSERT OR IGNORE INTO annotations (article, data, entities) VALUES (?1, ?2, ?3)")?;
    let mut mentions = tx.prepare_cached(
        "INSERT OR IGNORE INTO entity_mentions (article, entity, kind, start, end, role)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for r in records {
        let changed = layers.execute(params![
            r.article.as_str(),
            serde_json::to_string(&r.annotations)?,
            serde_json::to_string(&r.entities)?,
        ])?;
        if changed == 0 {
            continue;
        }
        for m in &r.annotations.entities {
            mentions.execute(params![
                r.article.as_str(),
                m.entity.as_str(),
                m.kind.as_str(),
                i64::try_from(m.span.start).unwrap_or(i64::MAX),
                i64::try_from(m.span.end).unwrap_or(i64::MAX),
                m.role,
            ])?;
        }
    }
    Ok(())
}

pub(crate) fn decode(article: String, data: &str, entities: &str) -> Result<AnnotationRecord, StoreError> {
    let bad = |what: &str| StoreError::Corrupt(format!("article {article}: unreadable {what}"));
    let annotations: Annotations = serde_json::from_str(data).map_err(|_| bad("annotations"))?;
    let entities: Vec<Entity> = serde_json::from_str(entities).map_err(|_| bad("entities"))?;
    Ok(AnnotationRecord {
        article: ArticleId::from_stored(article),
        annotations,
        entities,
    })
}

/// Every article's annotations, in storage order of the articles.
pub(crate) fn all(conn: &Connection) -> Result<Vec<AnnotationRecord>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT n.article, n.data, n.entities FROM annotations n
         JOIN articles a ON a.id = n.article ORDER BY a.rowid",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (article, data, entities) = row?;
        out.push(decode(article, &data, &entities)?);
    }
    Ok(out)
}

/// One article's annotations.
pub(crate) fn one(conn: &Connection, id: &ArticleId) -> Result<Option<AnnotationRecord>, StoreError> {
    use rusqlite::OptionalExtension;
    let row = conn
        .prepare_cached("SELECT article, data, entities FROM annotations WHERE article = ?1")?
        .query_row([id.as_str()], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
            ))
        })
        .optional()?;
    row.map(|(a, d, e)| decode(a, &d, &e)).transpose()
}
