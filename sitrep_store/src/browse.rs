//! Paged, filtered reads for the HTTP API and the dashboard: article
//! listings without their texts, one article's dedup rows, annotations a
//! page of articles at a time.
//!
//! Why paged by storage order: keyset pagination on `rowid` (`seq`) costs
//! the same on page 1 and page 2,000 of a 100k-article store and never
//! skips or repeats an article while ingest appends, where `OFFSET` would
//! rescan everything before the page. Filters are `EXISTS` / `IN`
//! sub-queries on indexed tables, so they narrow the scan without loading
//! anything the page does not show.

use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension};
use sitrep_model::{ArticleId, EntityId, PublishedDate};

use crate::StoreError;
use crate::annotations::{AnnotationRecord, decode};
use crate::search::fts_query;

/// Which articles a listing shows; every set field must hold.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArticleFilter {
    /// Published on or after this day.
    pub from: Option<PublishedDate>,
    /// Published on or before this day.
    pub to: Option<PublishedDate>,
    /// Entities the article must mention (actors, places), all of them.
    pub entities: Vec<EntityId>,
    /// Publisher, exactly as stored.
    pub source: Option<String>,
    /// Full-text query ([`fts_query`] syntax) the article must match.
    pub text: Option<String>,
}

/// An article without its text: what a listing shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleHead {
    /// Position in storage order; the listing's cursor.
    pub seq: i64,
    /// Article id.
    pub id: ArticleId,
    /// Headline.
    pub title: Option<String>,
    /// Page URL.
    pub url: Option<String>,
    /// Publisher.
    pub source: Option<String>,
    /// Publication date.
    pub published: Option<PublishedDate>,
    /// Language code.
    pub language: Option<String>,
    /// The opening of the text (at most [`LEAD_CHARS`] characters), for
    /// untitled articles and previews.
    pub lead: String,
}

/// Characters of text an [`ArticleHead`] carries.
pub const LEAD_CHARS: usize = 200;

/// One page of a listing in storage order.
#[derive(Debug, Clone, PartialEq)]
pub struct Page<T> {
    /// The items.
    pub items: Vec<T>,
    /// The cursor of the next page (`after` for the next call), when there
    /// may be one.
    pub next: Option<i64>,
}

/// An article's annotations with its text, for readers that slice spans.
#[derive(Debug, Clone, PartialEq)]
pub struct AnnotatedText {
    /// Position in storage order.
    pub seq: i64,
    /// The article's text.
    pub text: String,
    /// Its annotations.
    pub record: AnnotationRecord,
}

/// The rowids matching `filter` as one compound `SELECT` of a column `r`
/// (an `INTERSECT` of one index-only select per filter: publication dates,
/// mentions by entity, the full-text index), with its parameters numbered
/// from `?2`; `None` without filters. Rowids are found without touching
/// the article rows, so a page costs what its matches cost, not a scan of
/// every row before them.
fn matching(filter: &ArticleFilter) -> Option<(String, Vec<Value>)> {
    let mut parts: Vec<String> = Vec::new();
    let mut params: Vec<Value> = Vec::new();
    // Append a select, numbering its `?`s after the parameters so far.
    let mut push = |select: &str, values: Vec<Value>| {
        let mut sql = String::new();
        for (i, piece) in select.split('?').enumerate() {
            if i > 0 {
                sql.push_str(&format!("?{}", params.len() + i + 1));
            }
            sql.push_str(piece);
        }
        parts.push(sql);
        params.extend(values);
    };
    if filter.from.is_some() || filter.to.is_some() {
        // Stored dates are `YYYY-MM-DD` or `YYYY-MM-DDThh:mm…`; every one
        // starts with a digit and sorts before its day followed by `~`.
        let from = filter.from.map_or_else(String::new, |d| d.day_only().to_string());
        let to = filter
            .to
            .map_or_else(|| "~".to_owned(), |d| format!("{}~", d.day_only()));
        push(
            "SELECT rowid AS r FROM articles WHERE published >= ? AND published <= ?",
            vec![Value::Text(from), Value::Text(to)],
        );
    }
    for entity in &filter.entities {
        push(
            "SELECT x.rowid AS r FROM entity_mentions m JOIN articles x ON x.id = m.article WHERE m.entity = ?",
            vec![Value::Text(entity.as_str().to_owned())],
        );
    }
    if let Some(source) = &filter.source {
        push(
            "SELECT rowid AS r FROM articles WHERE source = ?",
            vec![Value::Text(source.clone())],
        );
    }
    if let Some(text) = &filter.text {
        // A query with nothing searchable matches nothing.
        let query = fts_query(text).unwrap_or_else(|| "\"\"".to_owned());
        push(
            "SELECT rowid AS r FROM articles_fts WHERE articles_fts MATCH ?",
            vec![Value::Text(query)],
        );
    }
    (!parts.is_empty()).then(|| (parts.join(" INTERSECT "), params))
}

/// The `WHERE` condition (over `articles a`) choosing the page after
/// cursor `?1` of at most `limit` + 1 matching rows, and its parameters.
fn page_condition(filter: &ArticleFilter, after: Option<i64>, limit: usize) -> (String, Vec<Value>) {
    let mut params = vec![Value::Integer(after.unwrap_or(0))];
    let sql = match matching(filter) {
        None => "a.rowid > ?1".to_owned(),
        Some((compound, values)) => {
            params.extend(values);
            format!(
                "a.rowid IN (SELECT r FROM ({compound}) WHERE r > ?1 ORDER BY r LIMIT ?{})",
                params.len() + 1
            )
        }
    };
    params.push(limit_value(limit));
    (sql, params)
}

fn limit_value(limit: usize) -> Value {
    // One more than asked, to know whether a next page exists.
    Value::Integer(i64::try_from(limit.saturating_add(1)).unwrap_or(i64::MAX))
}

/// Keep `limit` items; the cursor of the last kept one when more followed.
fn paged<T>(mut items: Vec<T>, limit: usize, seq: impl Fn(&T) -> i64) -> Page<T> {
    let more = items.len() > limit;
    items.truncate(limit);
    let next = if more { items.last().map(seq) } else { None };
    Page { items, next }
}

/// Listing columns; the lead is the first [`LEAD_CHARS`] characters.
const HEAD_COLUMNS: &str =
    "a.rowid, a.id, a.title, a.url, a.source, a.published, a.language, substr(a.text, 1, 200)";

fn row_to_head(r: &rusqlite::Row<'_>) -> rusqlite::Result<(ArticleHead, Option<String>)> {
    Ok((
        ArticleHead {
            seq: r.get(0)?,
            id: ArticleId::from_stored(r.get::<_, String>(1)?),
            title: r.get(2)?,
            url: r.get(3)?,
            source: r.get(4)?,
            published: None,
            language: r.get(6)?,
            lead: r.get(7)?,
        },
        r.get(5)?,
    ))
}

fn finish_head((mut head, published): (ArticleHead, Option<String>)) -> Result<ArticleHead, StoreError> {
    head.published = published
        .map(|p| {
            p.parse::<PublishedDate>()
                .map_err(|_| StoreError::Corrupt(format!("article {}: bad published date {p:?}", head.id)))
        })
        .transpose()?;
    Ok(head)
}

/// Articles matching `filter` stored after cursor `after`, at most `limit`.
pub(crate) fn heads(
    conn: &Connection,
    filter: &ArticleFilter,
    after: Option<i64>,
    limit: usize,
) -> Result<Page<ArticleHead>, StoreError> {
    let (cond, params) = page_condition(filter, after, limit);
    let sql = format!(
        "SELECT {HEAD_COLUMNS} FROM articles a WHERE {cond} ORDER BY a.rowid LIMIT ?{}",
        params.len()
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(rusqlite::params_from_iter(params), row_to_head)?;
    let mut items = Vec::new();
    for row in rows {
        items.push(finish_head(row?)?);
    }
    Ok(paged(items, limit, |h| h.seq))
}

/// The heads of the given articles, in the order asked; unknown ids are
/// left out.
pub(crate) fn heads_by_id(conn: &Connection, ids: &[ArticleId]) -> Result<Vec<ArticleHead>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {HEAD_COLUMNS} FROM articles a WHERE a.id = ?1"))?;
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        if let Some(row) = stmt.query_row([id.as_str()], row_to_head).optional()? {
            out.push(finish_head(row)?);
        }
    }
    Ok(out)
}

/// Annotations (with texts) of the annotated articles matching `filter`
/// stored after cursor `after`, at most `limit` articles.
pub(crate) fn annotated(
    conn: &Connection,
    filter: &ArticleFilter,
    after: Option<i64>,
    limit: usize,
) -> Result<Page<AnnotatedText>, StoreError> {
    // Annotated articles only: the limit must count those.
    let mut params = vec![Value::Integer(after.unwrap_or(0))];
    let cond = match matching(filter) {
        None => "a.rowid > ?1".to_owned(),
        Some((compound, values)) => {
            params.extend(values);
            format!("a.rowid IN (SELECT r FROM ({compound}) WHERE r > ?1)")
        }
    };
    params.push(limit_value(limit));
    let sql = format!(
        "SELECT a.rowid, a.text, n.article, n.data, n.entities
         FROM articles a JOIN annotations n ON n.article = a.id
         WHERE {cond} ORDER BY a.rowid LIMIT ?{}",
        params.len()
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(rusqlite::params_from_iter(params), |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, String>(4)?,
        ))
    })?;
    let mut items = Vec::new();
    for row in rows {
        let (seq, text, article, data, entities) = row?;
        items.push(AnnotatedText {
            seq,
            text,
            record: decode(article, &data, &entities)?,
        });
    }
    Ok(paged(items, limit, |a| a.seq))
}

/// The cursor of the newest stored article (0 when empty): changes
/// whenever an article is stored, so derived views can be cached on it.
pub(crate) fn latest_seq(conn: &Connection) -> Result<i64, StoreError> {
    Ok(conn.query_row("SELECT coalesce(max(rowid), 0) FROM articles", [], |r| r.get(0))?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Store;
    use crate::tests::article;
    use sitrep_model::{Annotations, EntityKind, EntityMention, Span};

    fn store_of(n: usize) -> (Store, Vec<ArticleId>) {
        let mut store = Store::open_in_memory().expect("open");
        let mut ids = Vec::new();
        let mut records = Vec::new();
        let mut articles = Vec::new();
        for i in 0..n {
            let mut a = article(
                &format!("https://n.test/{i}"),
                &format!("Title {i}"),
                &format!("Goma report number {i} about the talks."),
            );
            a.published =
                PublishedDate::from_ymd(2025, 2, 1 + u32::try_from(i).expect("small")).and_then(|d| {
                    if i == 6 {
                        d.with_time(9, 30, 0, Some(60))
                    } else {
                        Some(d)
                    }
                });
            if i % 2 == 0 {
                records.push(AnnotationRecord {
                    article: a.id.clone(),
                    annotations: Annotations {
                        entities: vec![EntityMention {
                            span: Span::new(0, 4),
                            entity: EntityId("geonames:216281".into()),
                            kind: EntityKind::Place,
                            role: None,
                        }],
                        ..Annotations::default()
                    },
                    entities: Vec::new(),
                });
            }
            ids.push(a.id.clone());
            articles.push(a);
        }
        store.insert_batch(&articles, &[], &records).expect("insert");
        (store, ids)
    }

    /// Ids of every page of a listing, following cursors.
    fn check(filter: ArticleFilter, limit: usize, expected: &[usize]) {
        let (store, ids) = store_of(7);
        let mut got = Vec::new();
        let mut after = None;
        loop {
            let page = store.article_heads(&filter, after, limit).expect("page");
            assert!(page.items.len() <= limit);
            got.extend(page.items.iter().map(|h| h.id.clone()));
            match page.next {
                Some(n) => after = Some(n),
                None => break,
            }
        }
        let want: Vec<ArticleId> = expected.iter().map(|&i| ids[i].clone()).collect();
        assert_eq!(got, want, "{filter:?} limit {limit}");
    }

    #[test]
    fn listings_page_and_filter() {
        check(ArticleFilter::default(), 3, &[0, 1, 2, 3, 4, 5, 6]);
        check(ArticleFilter::default(), 7, &[0, 1, 2, 3, 4, 5, 6]);
        check(
            ArticleFilter {
                from: PublishedDate::from_ymd(2025, 2, 3),
                to: PublishedDate::from_ymd(2025, 2, 5),
                ..ArticleFilter::default()
            },
            2,
            &[2, 3, 4],
        );
        check(
            ArticleFilter {
                from: PublishedDate::from_ymd(2025, 2, 7),
                to: PublishedDate::from_ymd(2025, 2, 7),
                ..ArticleFilter::default()
            },
            2,
            &[6],
        );
        check(
            ArticleFilter {
                to: PublishedDate::from_ymd(2025, 2, 2),
                ..ArticleFilter::default()
            },
            5,
            &[0, 1],
        );
        check(
            ArticleFilter {
                entities: vec![EntityId("geonames:216281".into())],
                ..ArticleFilter::default()
            },
            2,
            &[0, 2, 4, 6],
        );
        check(
            ArticleFilter {
                from: PublishedDate::from_ymd(2025, 2, 3),
                to: PublishedDate::from_ymd(2025, 2, 7),
                entities: vec![EntityId("geonames:216281".into())],
                ..ArticleFilter::default()
            },
            1,
            &[2, 4, 6],
        );
        check(
            ArticleFilter {
                text: Some("\"number 5\"".into()),
                ..ArticleFilter::default()
            },
            2,
            &[5],
        );
        check(
            ArticleFilter {
                text: Some("(*)".into()),
                ..ArticleFilter::default()
            },
            2,
            &[],
        );
    }

    #[test]
    fn heads_carry_metadata_and_annotated_pages_carry_texts() {
        let (store, ids) = store_of(3);
        let heads = store
            .article_heads_by_id(&[ids[2].clone(), ArticleId::from_stored("missing"), ids[0].clone()])
            .expect("heads");
        assert_eq!(heads.len(), 2);
        assert_eq!(heads[0].title.as_deref(), Some("Title 2"));
        assert_eq!(heads[0].published, PublishedDate::from_ymd(2025, 2, 3));
        assert!(heads[1].lead.starts_with("Goma report number 0"));
        let page = store
            .annotated_texts(&ArticleFilter::default(), None, 1)
            .expect("annotated");
        assert_eq!(page.items.len(), 1);
        assert_eq!(page.items[0].record.article, ids[0]);
        let rest = store
            .annotated_texts(&ArticleFilter::default(), page.next, 10)
            .expect("annotated");
        assert_eq!(rest.items.len(), 1, "only even articles are annotated");
        assert_eq!(rest.next, None);
        let filtered = ArticleFilter {
            from: PublishedDate::from_ymd(2025, 2, 2),
            ..ArticleFilter::default()
        };
        let page = store.annotated_texts(&filtered, None, 1).expect("annotated");
        assert_eq!(
            page.items[0].record.article, ids[2],
            "the first annotated one from the 2nd"
        );
        assert_eq!(page.next, None);
        assert!(store.latest_seq().expect("seq") >= 3);
    }
}
