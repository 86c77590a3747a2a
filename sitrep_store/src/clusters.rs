//! Clustering rows: where each article was placed (story, order, the date
//! clustering used, its encoded features for replay), the vector cache
//! (sentence embeddings by model), stories with their thread and title,
//! and the evidence of each thread link.
//!
//! The clusterer's state is not stored as such: it is rebuilt at every
//! ingest by replaying the placements of the active stories in their
//! original order, like the dedup index from its signatures. Features and
//! vectors are opaque bytes here (the clustering crate encodes them).

use rusqlite::{Connection, OptionalExtension, Transaction, params};
use sitrep_model::ArticleId;

use crate::StoreError;

/// Where one article was placed.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacementRecord {
    /// The article.
    pub article: ArticleId,
    /// Processing order across ingests.
    pub seq: i64,
    /// Its story.
    pub story: String,
    /// The date clustering used (days since 1970-01-01).
    pub day: Option<i64>,
    /// Where that date came from (`published`, `linked`, `text`).
    pub basis: Option<String>,
    /// The stream clock when it was placed.
    pub clock: Option<i64>,
    /// Its score against the story it joined (0 when it opened it).
    pub score: f64,
    /// Encoded clustering features.
    pub features: Vec<u8>,
}

/// A story's current summary.
#[derive(Debug, Clone, PartialEq)]
pub struct StoryRecord {
    /// Story id.
    pub id: String,
    /// Thread id.
    pub thread: String,
    /// Readable title.
    pub title: String,
    /// Earliest stated publication day of its articles (days since 1970-01-01).
    pub first_published: Option<i64>,
    /// Latest stated publication day.
    pub last_published: Option<i64>,
    /// Latest stream clock of its articles.
    pub last_clock: Option<i64>,
    /// Number of articles.
    pub size: i64,
}

/// Why a story was threaded to an earlier one.
#[derive(Debug, Clone, PartialEq)]
pub struct ThreadLinkRecord {
    /// The story.
    pub story: String,
    /// The earlier story it continues.
    pub other: String,
    /// Thread score.
    pub score: f64,
    /// Evidence as JSON (shared entities and words).
    pub evidence: String,
}

/// A cached sentence embedding.
#[derive(Debug, Clone, PartialEq)]
pub struct VectorRecord {
    /// The article.
    pub article: ArticleId,
    /// The model that made it.
    pub model: String,
    /// Encoded vector.
    pub vector: Vec<u8>,
}

/// Everything clustering wrote for one batch.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ClusterBatch {
    /// Placements of the batch's articles.
    pub placements: Vec<PlacementRecord>,
    /// Vectors of the batch's articles.
    pub vectors: Vec<VectorRecord>,
    /// Stories created or changed by the batch.
    pub stories: Vec<StoryRecord>,
    /// Thread links of the stories the batch opened.
    pub links: Vec<ThreadLinkRecord>,
    /// Stories merged into older ones by the batch, in order.
    pub merges: Vec<StoryMergeRecord>,
}

/// A story merged into an older one: its articles move to `into`, and
/// the stories of its thread to the thread of `into`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoryMergeRecord {
    /// The story merged away.
    pub from: String,
    /// The story that holds both.
    pub into: String,
    /// The thread of `from`.
    pub from_thread: String,
    /// The thread of `into`.
    pub into_thread: String,
}

/// A stored placement with its vector, to replay.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredPlacement {
    /// The placement.
    pub placement: PlacementRecord,
    /// The story's thread.
    pub thread: String,
    /// The cached vector of `model`, when there is one.
    pub vector: Option<Vec<u8>>,
}

/// A story with its articles, for listing.
#[derive(Debug, Clone, PartialEq)]
pub struct StoryListing {
    /// The summary.
    pub story: StoryRecord,
    /// Its articles in placement order.
    pub articles: Vec<ArticleId>,
    /// Its thread link, when it continues an earlier story.
    pub link: Option<ThreadLinkRecord>,
}

pub(crate) fn insert(tx: &Transaction<'_>, batch: &ClusterBatch) -> Result<(), StoreError> {
    let mut place = tx.prepare_cached(
        "INSERT OR IGNORE INTO cluster_articles (article, seq, story, day, basis, clock, score, features)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    for p in &batch.placements {
        place.execute(params![
            p.article.as_str(),
            p.seq,
            p.story,
            p.day,
            p.basis,
            p.clock,
            p.score,
            p.features
        ])?;
    }
    for m in &batch.merges {
        merge(tx, m)?;
    }
    let mut vector = tx.prepare_cached(
        "INSERT OR REPLACE INTO article_vectors (article, model, vector) VALUES (?1, ?2, ?3)",
    )?;
    for v in &batch.vectors {
        vector.execute(params![v.article.as_str(), v.model, v.vector])?;
    }
    let mut story = tx.prepare_cached(
        "INSERT INTO stories (id, thread, title, first_published, last_published, last_clock, size)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT(id) DO UPDATE SET title = excluded.title, first_published = excluded.first_published,
            last_published = excluded.last_published, last_clock = excluded.last_clock, size = excluded.size",
    )?;
    for s in &batch.stories {
        story.execute(params![
            s.id,
            s.thread,
            s.title,
            s.first_published,
            s.last_published,
            s.last_clock,
            s.size
        ])?;
    }
    let mut link = tx.prepare_cached(
        "INSERT OR IGNORE INTO thread_links (story, other, score, evidence) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for l in &batch.links {
        link.execute(params![l.story, l.other, l.score, l.evidence])?;
    }
    Ok(())
}

/// Apply one merge: placements and links of `from` go to `into` (its own
/// link, and a link of `into` to itself, dropped), its thread's stories
/// to the thread of `into`, and its summary row away.
fn merge(tx: &Transaction<'_>, m: &StoryMergeRecord) -> Result<(), StoreError> {
    tx.prepare_cached("UPDATE cluster_articles SET story = ?2 WHERE story = ?1")?
        .execute(params![m.from, m.into])?;
    tx.prepare_cached("DELETE FROM thread_links WHERE story = ?1")?
        .execute(params![m.from])?;
    tx.prepare_cached("UPDATE thread_links SET other = ?2 WHERE other = ?1")?
        .execute(params![m.from, m.into])?;
    tx.prepare_cached("DELETE FROM thread_links WHERE story = other")?
        .execute([])?;
    tx.prepare_cached("UPDATE stories SET thread = ?2 WHERE thread = ?1")?
        .execute(params![m.from_thread, m.into_thread])?;
    tx.prepare_cached("DELETE FROM stories WHERE id = ?1")?
        .execute(params![m.from])?;
    Ok(())
}

/// The newest stream clock of any story.
pub(crate) fn latest_clock(conn: &Connection) -> Result<Option<i64>, StoreError> {
    Ok(conn.query_row("SELECT max(last_clock) FROM stories", [], |r| r.get(0))?)
}

/// The largest placement order stored.
pub(crate) fn latest_seq(conn: &Connection) -> Result<Option<i64>, StoreError> {
    Ok(conn.query_row("SELECT max(seq) FROM cluster_articles", [], |r| r.get(0))?)
}

/// Placements of the stories whose last clock is at least `since` (all
/// when `None`; stories with no clock always), in `seq` order, with the
/// vector `model` made for each (when cached).
pub(crate) fn active(
    conn: &Connection,
    since: Option<i64>,
    model: &str,
) -> Result<Vec<StoredPlacement>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT c.article, c.seq, c.story, c.day, c.basis, c.clock, c.score, c.features, s.thread, v.vector
         FROM cluster_articles c
         JOIN stories s ON s.id = c.story
         LEFT JOIN article_vectors v ON v.article = c.article AND v.model = ?2
         WHERE ?1 IS NULL OR s.last_clock IS NULL OR s.last_clock >= ?1
         ORDER BY c.seq",
    )?;
    let rows = stmt.query_map(params![since, model], |r| {
        Ok(StoredPlacement {
            placement: PlacementRecord {
                article: ArticleId::from_stored(r.get::<_, String>(0)?),
                seq: r.get(1)?,
                story: r.get(2)?,
                day: r.get(3)?,
                basis: r.get(4)?,
                clock: r.get(5)?,
                score: r.get(6)?,
                features: r.get(7)?,
            },
            thread: r.get(8)?,
            vector: r.get(9)?,
        })
    })?;
    Ok(rows.collect::<Result<Vec<_>, _>>()?)
}

/// Stored articles with no placement, in storage order.
pub(crate) fn unplaced(conn: &Connection) -> Result<Vec<ArticleId>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT a.id FROM articles a LEFT JOIN cluster_articles c ON c.article = a.id
         WHERE c.article IS NULL ORDER BY a.rowid",
    )?;
    let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
    let mut out = Vec::new();
    for r in rows {
        out.push(ArticleId::from_stored(r?));
    }
    Ok(out)
}

/// One article's cached vector of `model`.
pub(crate) fn vector(conn: &Connection, id: &ArticleId, model: &str) -> Result<Option<Vec<u8>>, StoreError> {
    Ok(conn
        .query_row(
            "SELECT vector FROM article_vectors WHERE article = ?1 AND model = ?2",
            params![id.as_str(), model],
            |r| r.get(0),
        )
        .optional()?)
}

/// Article → (story, thread) for every placed article.
pub(crate) fn article_stories(
    conn: &Connection,
) -> Result<std::collections::BTreeMap<ArticleId, (String, String)>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT c.article, c.story, s.thread FROM cluster_articles c JOIN stories s ON s.id = c.story",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
        ))
    })?;
    let mut out = std::collections::BTreeMap::new();
    for row in rows {
        let (a, s, t) = row?;
        out.insert(ArticleId::from_stored(a), (s, t));
    }
    Ok(out)
}

/// The story and thread of one article, when it was clustered.
pub(crate) fn article_story(
    conn: &Connection,
    id: &ArticleId,
) -> Result<Option<(String, String)>, StoreError> {
    Ok(conn
        .prepare_cached(
            "SELECT c.story, s.thread FROM cluster_articles c JOIN stories s ON s.id = c.story WHERE c.article = ?1",
        )?
        .query_row([id.as_str()], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
        .optional()?)
}

/// Every story with its articles and thread link, in the order the
/// stories were opened.
pub(crate) fn stories(conn: &Connection) -> Result<Vec<StoryListing>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT s.id, s.thread, s.title, s.first_published, s.last_published, s.last_clock, s.size,
                l.other, l.score, l.evidence
         FROM stories s LEFT JOIN thread_links l ON l.story = s.id
         ORDER BY (SELECT min(seq) FROM cluster_articles c WHERE c.story = s.id), s.id",
    )?;
    let rows = stmt.query_map([], |r| {
        let story = StoryRecord {
            id: r.get(0)?,
            thread: r.get(1)?,
            title: r.get(2)?,
            first_published: r.get(3)?,
            last_published: r.get(4)?,
            last_clock: r.get(5)?,
            size: r.get(6)?,
        };
        let other: Option<String> = r.get(7)?;
        let link = match other {
            Some(other) => Some(ThreadLinkRecord {
                story: story.id.clone(),
                other,
                score: r.get(8)?,
                evidence: r.get(9)?,
            }),
            None => None,
        };
        Ok((story, link))
    })?;
    let mut out = Vec::new();
    let mut index = std::collections::HashMap::new();
    for row in rows {
        let (story, link) = row?;
        index.insert(story.id.clone(), out.len());
        out.push(StoryListing {
            story,
            articles: Vec::new(),
            link,
        });
    }
    let mut members = conn.prepare("SELECT story, article FROM cluster_articles ORDER BY seq")?;
    let rows = members.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
    for row in rows {
        let (story, article) = row?;
        if let Some(&i) = index.get(&story) {
            out[i].articles.push(ArticleId::from_stored(article));
        }
    }
    Ok(out)
}
