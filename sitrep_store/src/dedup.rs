//! Dedup rows: each article's signature (to restore the online index), its
//! exact-duplicate original, and its links with shared passages.
//!
//! A link is stored once, from the newer article (`article`) to the older
//! one (`other`); readers see it from both sides via [`links_by_article`].

use std::collections::BTreeMap;

use rusqlite::{Connection, Transaction, params};
use sitrep_model::{ArticleId, CopiedPassage, DuplicateLink, PublishedDate, Span};

use crate::StoreError;

/// The dedup stage's result for one new article, written with it.
#[derive(Debug, Clone, PartialEq)]
pub struct DedupRecord {
    /// The article.
    pub article: ArticleId,
    /// Its index time (days since 1970-01-01), `None` while undated.
    pub time: Option<i64>,
    /// Its encoded signature.
    pub signature: Vec<u8>,
    /// The stored article with the same normalised text, if any.
    pub duplicate_of: Option<ArticleId>,
    /// Links to stored articles it shares passages with.
    pub links: Vec<DuplicateLink>,
}

/// A stored signature, to restore the index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredSignature {
    /// The article.
    pub article: ArticleId,
    /// Its index time.
    pub time: Option<i64>,
    /// Its publication date.
    pub published: Option<PublishedDate>,
    /// The encoded signature.
    pub signature: Vec<u8>,
}

/// Every article's exact-duplicate original and links, from both sides.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DedupView {
    /// Article → the stored article with the same normalised text.
    pub duplicate_of: BTreeMap<ArticleId, ArticleId>,
    /// Article → its links, in the order the other articles were stored.
    pub links: BTreeMap<ArticleId, Vec<DuplicateLink>>,
}

fn to_i64(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// Write the records of one batch inside its transaction.
pub(crate) fn insert(tx: &Transaction<'_>, records: &[DedupRecord]) -> Result<(), StoreError> {
    let mut sig = tx.prepare_cached(
        "INSERT OR IGNORE INTO dedup_signatures (article, time, signature) VALUES (?1, ?2, ?3)",
    )?;
    let mut dup =
        tx.prepare_cached("INSERT OR IGNORE INTO duplicate_of (article, original) VALUES (?1, ?2)")?;
    let mut link = tx.prepare_cached(
        "INSERT OR IGNORE INTO duplicate_links (article, other, similarity) VALUES (?1, ?2, ?3)",
    )?;
    let mut passage = tx.prepare_cached(
        "INSERT INTO shared_passages (article, other, start, end, other_start, other_end, quote, first)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    for r in records {
        if sig.execute(params![r.article.as_str(), r.time, r.signature])? == 0 {
            continue;
        }
        if let Some(original) = &r.duplicate_of {
            dup.execute(params![r.article.as_str(), original.as_str()])?;
        }
        for l in &r.links {
            if link.execute(params![r.article.as_str(), l.other.as_str(), l.similarity])? == 0 {
                continue;
            }
            for p in &l.passages {
                passage.execute(params![
                    r.article.as_str(),
                    l.other.as_str(),
                    to_i64(p.span.start),
                    to_i64(p.span.end),
                    to_i64(p.other_span.start),
                    to_i64(p.other_span.end),
                    p.quote,
                    p.first.as_str(),
                ])?;
            }
        }
    }
    Ok(())
}

/// The newest index time stored.
pub(crate) fn latest_time(conn: &Connection) -> Result<Option<i64>, StoreError> {
    Ok(conn.query_row("SELECT max(time) FROM dedup_signatures", [], |r| r.get(0))?)
}

/// Signatures with an index time of at least `since` (all when `None`;
/// undated ones always), in the order their articles were stored.
pub(crate) fn signatures(conn: &Connection, since: Option<i64>) -> Result<Vec<StoredSignature>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT s.article, s.time, a.published, s.signature
         FROM dedup_signatures s JOIN articles a ON a.id = s.article
         WHERE ?1 IS NULL OR s.time IS NULL OR s.time >= ?1
         ORDER BY a.rowid",
    )?;
    let rows = stmt.query_map([since], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, Option<i64>>(1)?,
            r.get::<_, Option<String>>(2)?,
            r.get::<_, Vec<u8>>(3)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (article, time, published, signature) = row?;
        let published =
            match published {
                Some(p) => Some(p.parse::<PublishedDate>().map_err(|_| {
                    StoreError::Corrupt(format!("article {article}: bad published date {p:?}"))
                })?),
                None => None,
            };
        out.push(StoredSignature {
            article: ArticleId::from_stored(article),
            time,
            published,
            signature,
        });
    }
    Ok(out)
}

fn span(start: i64, end: i64) -> Result<Span, StoreError> {
    let conv = |n: i64| usize::try_from(n).map_err(|_| StoreError::Corrupt(format!("negative offset {n}")));
    Ok(Span::new(conv(start)?, conv(end)?))
}

/// Links with their passages, joined for reading; a `WHERE` clause may
/// follow, then [`LINK_ORDER`].
const LINK_ROWS: &str = "SELECT l.article, l.other, l.similarity,
                p.start, p.end, p.other_start, p.other_end, p.quote, p.first
         FROM duplicate_links l
         JOIN articles a ON a.id = l.article
         JOIN articles o ON o.id = l.other
         LEFT JOIN shared_passages p ON p.article = l.article AND p.other = l.other";
const LINK_ORDER: &str = " ORDER BY a.rowid, o.rowid, p.start, p.end";
/// [`LINK_ROWS`] with the rowids [`LINK_ORDER`] sorts on as output
/// columns, for compound selects (sorted by [`LINK_ORDER_OUTPUT`]).
const LINK_ROWS_ORDERED: &str = "SELECT l.article, l.other, l.similarity,
                p.start, p.end, p.other_start, p.other_end, p.quote, p.first,
                a.rowid AS article_row, o.rowid AS other_row
         FROM duplicate_links l
         JOIN articles a ON a.id = l.article
         JOIN articles o ON o.id = l.other
         LEFT JOIN shared_passages p ON p.article = l.article AND p.other = l.other";
/// [`LINK_ORDER`] on the output columns of [`LINK_ROWS_ORDERED`].
const LINK_ORDER_OUTPUT: &str = "ORDER BY article_row, other_row, 4, 5";

/// Every exact-duplicate pointer and every link, seen from both articles.
pub(crate) fn view(conn: &Connection) -> Result<DedupView, StoreError> {
    let mut out = DedupView::default();
    let mut stmt = conn.prepare("SELECT article, original FROM duplicate_of")?;
    for row in stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))? {
        let (a, o) = row?;
        out.duplicate_of
            .insert(ArticleId::from_stored(a), ArticleId::from_stored(o));
    }
    let mut stmt = conn.prepare(&format!("{LINK_ROWS}{LINK_ORDER}"))?;
    for (article, link) in stored_links(&mut stmt, [])? {
        let back = mirrored(&article, &link);
        out.links.entry(link.other.clone()).or_default().push(back);
        out.links.entry(article).or_default().push(link);
    }
    Ok(out)
}

/// One article's exact-duplicate original and its links (as in
/// [`view`], without reading the others').
pub(crate) fn of_article(
    conn: &Connection,
    id: &ArticleId,
) -> Result<(Option<ArticleId>, Vec<DuplicateLink>), StoreError> {
    use rusqlite::OptionalExtension;
    let original = conn
        .prepare_cached("SELECT original FROM duplicate_of WHERE article = ?1")?
        .query_row([id.as_str()], |r| r.get::<_, String>(0))
        .optional()?
        .map(ArticleId::from_stored);
    // Two index searches joined by UNION ALL: as `… OR …` SQLite
    // re-prepared the statement at every step (measured: 2× the time).
    let mut stmt = conn.prepare_cached(&format!(
        "{LINK_ROWS_ORDERED} WHERE l.article = ?1 UNION ALL {LINK_ROWS_ORDERED} WHERE l.other = ?1 {LINK_ORDER_OUTPUT}"
    ))?;
    let links = stored_links(&mut stmt, [id.as_str()])?
        .into_iter()
        .map(|(article, link)| {
            if &article == id {
                link
            } else {
                mirrored(&article, &link)
            }
        })
        .collect();
    Ok((original, links))
}

/// `link` (stored from `article`) seen from its other article.
fn mirrored(article: &ArticleId, link: &DuplicateLink) -> DuplicateLink {
    let mut back = DuplicateLink {
        other: article.clone(),
        similarity: link.similarity,
        passages: link.passages.iter().map(CopiedPassage::mirrored).collect(),
    };
    back.passages.sort_by_key(|p| (p.span.start, p.span.end));
    back
}

/// Links as stored (newer → older), each with its passages, from rows of
/// [`LINK_ROWS`] in [`LINK_ORDER`].
fn stored_links(
    stmt: &mut rusqlite::Statement<'_>,
    params: impl rusqlite::Params,
) -> Result<Vec<(ArticleId, DuplicateLink)>, StoreError> {
    type Row = (
        String,
        String,
        f64,
        Option<i64>,
        Option<i64>,
        Option<i64>,
        Option<i64>,
        Option<bool>,
        Option<String>,
    );
    let rows = stmt.query_map(params, |r| {
        Ok((
            r.get(0)?,
            r.get(1)?,
            r.get(2)?,
            r.get(3)?,
            r.get(4)?,
            r.get(5)?,
            r.get(6)?,
            r.get(7)?,
            r.get(8)?,
        ))
    })?;
    let mut stored: Vec<(ArticleId, DuplicateLink)> = Vec::new();
    for row in rows {
        let (article, other, similarity, start, end, other_start, other_end, quote, first): Row = row?;
        let (article, other) = (ArticleId::from_stored(article), ArticleId::from_stored(other));
        let same = stored
            .last()
            .is_some_and(|(a, l)| a == &article && l.other == other);
        if !same {
            stored.push((
                article.clone(),
                DuplicateLink {
                    other,
                    similarity,
                    passages: Vec::new(),
                },
            ));
        }
        if let (Some(s), Some(e), Some(os), Some(oe), Some(q), Some(f)) =
            (start, end, other_start, other_end, quote, first)
            && let Some((_, link)) = stored.last_mut()
        {
            link.passages.push(CopiedPassage {
                span: span(s, e)?,
                other_span: span(os, oe)?,
                quote: q,
                first: ArticleId::from_stored(f),
            });
        }
    }
    Ok(stored)
}
