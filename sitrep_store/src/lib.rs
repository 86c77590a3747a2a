//! Persistence: one embedded SQLite file in WAL mode.
//!
//! Why it is built this way: SQLite (bundled, so nothing is assumed on the
//! machine) gives one-file deployment, crash-safe transactions and FTS5
//! full-text search in-process. WAL mode lets readers (`articles`,
//! `search`, the server) run while an ingest writes. Each batch of articles
//! is written in one transaction, so a crash leaves either the whole batch
//! or none of it. The schema evolves by numbered migrations tracked in
//! `PRAGMA user_version`; a file from a newer sitrep is refused rather than
//! damaged. This is the only crate that speaks SQL.

mod annotations;
mod browse;
mod clusters;
mod dedup;
mod error;
mod events;
mod migrations;
mod search;

use std::path::Path;

use rusqlite::{Connection, OpenFlags, OptionalExtension, params};
use sitrep_model::{Article, ArticleId, DuplicateLink, PublishedBasis, PublishedDate};

pub use annotations::AnnotationRecord;
pub use browse::{AnnotatedText, ArticleFilter, ArticleHead, LEAD_CHARS, Page};
pub use clusters::{
    ClusterBatch, PlacementRecord, StoredPlacement, StoryListing, StoryMergeRecord, StoryRecord,
    ThreadLinkRecord, VectorRecord,
};
pub use dedup::{DedupRecord, DedupView, StoredSignature};
pub use error::StoreError;
pub use events::EventRecord;
pub use search::{SearchHit, fts_query};

/// Bytes of the database file each connection reads through a memory map
/// (SQLite caps it at its compile-time limit, 2 GiB by default).
const MMAP_BYTES: u64 = 1 << 34;
/// Prepared statements kept per connection (the read routes use ~30).
const STATEMENT_CACHE: usize = 64;
/// Page cache per connection, in KiB.
const CACHE_KIB: u64 = 32 * 1024;
/// Page cache of a connection tuned for writing, in KiB.
const WRITE_CACHE_KIB: u64 = 64 * 1024;
/// WAL pages after which a connection tuned for writing checkpoints
/// (256 MiB of 16 KiB pages).
const CHECKPOINT_PAGES: u32 = 16000;
/// Page size of a new database, in bytes: an article's annotations
/// (~6 KB) fit in one page instead of spilling into overflow pages.
const PAGE_BYTES: u32 = 16384;

/// What a batch insert did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InsertOutcome {
    /// Ids of articles stored by this batch.
    pub inserted: Vec<ArticleId>,
    /// Ids of articles that were already stored (same content).
    pub existing: Vec<ArticleId>,
}

/// A handle on one sitrep database file.
pub struct Store {
    conn: Connection,
}

impl Store {
    /// Open the database at `path`, creating it if missing, and bring its
    /// schema up to date.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        let conn = Connection::open(path).map_err(|e| StoreError::open(path, e))?;
        Self::init(conn, path)
    }

    /// Open an existing database; fails with [`StoreError::Missing`] when
    /// there is no file at `path`.
    pub fn open_existing(path: &Path) -> Result<Self, StoreError> {
        if !path.exists() {
            return Err(StoreError::Missing(path.to_path_buf()));
        }
        let flags =
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_URI;
        let conn = Connection::open_with_flags(path, flags).map_err(|e| StoreError::open(path, e))?;
        Self::init(conn, path)
    }

    /// A private in-memory database, for tests and one-shot runs.
    pub fn open_in_memory() -> Result<Self, StoreError> {
        let conn = Connection::open_in_memory()?;
        Self::init(conn, Path::new(":memory:"))
    }

    fn init(conn: Connection, path: &Path) -> Result<Self, StoreError> {
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        // Takes effect only when the file is new (before WAL mode writes
        // its header); an existing database keeps its page size.
        conn.execute_batch(&format!("PRAGMA page_size={PAGE_BYTES};"))?;
        let mode: String = conn
            .query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))
            .map_err(|e| StoreError::open(path, e))?;
        if mode != "wal" && mode != "memory" {
            return Err(StoreError::Unsupported(format!(
                "journal mode {mode} instead of wal"
            )));
        }
        conn.execute_batch("PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;")?;
        conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
        // One plan per statement whatever its parameters: without it SQLite
        // re-prepared some cached lookups at every run (measured: half the
        // time of `GET /api/articles/{id}`).
        conn.set_db_config(rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, true)?;
        let mut store = Self { conn };
        migrations::apply(&mut store.conn)?;
        Ok(store)
    }

    /// Tune this connection for serving reads: pages read through a memory
    /// map rather than copied one by one, and a larger page cache. Not the
    /// default: a long ingest would count the whole mapped file in its
    /// resident memory.
    pub fn map_for_reads(&self) -> Result<(), StoreError> {
        self.conn.execute_batch(&format!(
            "PRAGMA mmap_size={MMAP_BYTES}; PRAGMA cache_size=-{CACHE_KIB};"
        ))?;
        Ok(())
    }

    /// Tune this connection for a long write (ingest): a 64 MiB page cache
    /// instead of SQLite's 2 MiB, so the indexes a batch updates stay in
    /// memory instead of being read again page by page, and a checkpoint
    /// once the WAL holds 256 MiB instead of SQLite's 1,000 pages, so a
    /// page written by many batches is copied back once per checkpoint
    /// rather than at each (the WAL file can grow that large while an
    /// ingest runs). Measured on 10k synthetic articles (4 KiB pages, 8,000
    /// of them): the store stage 7.8 s → 6.0 s, system CPU 2.5 s → 1.4 s;
    /// on 100k, the store stage (4 KiB pages, 32 MiB → 128 MiB) 76 → 67 s,
    /// (16 KiB pages, 32 → 128 → 256 MiB) 76 → 65 → 59 s.
    pub fn tune_for_writing(&self) -> Result<(), StoreError> {
        self.conn.execute_batch(&format!(
            "PRAGMA cache_size=-{WRITE_CACHE_KIB}; PRAGMA wal_autocheckpoint={CHECKPOINT_PAGES};"
        ))?;
        Ok(())
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<i64, StoreError> {
        Ok(self.conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    /// Store a batch of articles in one transaction. Articles whose id is
    /// already stored are left untouched and reported as existing.
    pub fn insert_articles(&mut self, articles: &[Article]) -> Result<InsertOutcome, StoreError> {
        self.insert_batch(articles, &[], &[])
    }

    /// Store a batch of articles and the dedup stage's records for them in
    /// one transaction. Records of articles already stored are ignored, so
    /// re-ingesting adds nothing.
    pub fn insert_batch(
        &mut self,
        articles: &[Article],
        dedup: &[DedupRecord],
        annotations: &[AnnotationRecord],
    ) -> Result<InsertOutcome, StoreError> {
        self.insert_batch_with_events(articles, dedup, annotations, &[])
    }

    /// [`Store::insert_batch`] plus the articles' coded events, all in
    /// one transaction. Events of articles that already have events
    /// stored are ignored.
    pub fn insert_batch_with_events(
        &mut self,
        articles: &[Article],
        dedup: &[DedupRecord],
        annotations: &[AnnotationRecord],
        events: &[EventRecord],
    ) -> Result<InsertOutcome, StoreError> {
        let tx = self.conn.transaction()?;
        let mut outcome = InsertOutcome::default();
        let mut new_rows: Vec<i64> = Vec::new();
        {
            let mut insert = tx.prepare_cached(
                "INSERT OR IGNORE INTO articles
                 (id, origin, url, title, text, published, published_basis, authors, source, language)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            )?;
            for a in articles {
                let authors = serde_json::to_string(&a.authors)?;
                let changed = insert.execute(params![
                    a.id.as_str(),
                    a.origin,
                    a.url,
                    a.title,
                    a.text,
                    a.published.map(|d| d.to_string()),
                    a.published_basis.map(|b| b.as_str()),
                    authors,
                    a.source,
                    a.language,
                ])?;
                if changed == 1 {
                    new_rows.push(tx.last_insert_rowid());
                    outcome.inserted.push(a.id.clone());
                } else {
                    outcome.existing.push(a.id.clone());
                }
            }
        }
        if !new_rows.is_empty() {
            // One statement for the batch (see migration 6).
            tx.execute(
                "INSERT INTO articles_fts(rowid, title, text)
                 SELECT rowid, title, text FROM articles
                 WHERE rowid IN (SELECT value FROM json_each(?1))",
                [serde_json::to_string(&new_rows)?],
            )?;
        }
        dedup::insert(&tx, dedup)?;
        annotations::insert(&tx, annotations)?;
        events::insert(&tx, events)?;
        tx.commit()?;
        Ok(outcome)
    }

    /// The newest index time among stored dedup signatures.
    pub fn dedup_latest_time(&self) -> Result<Option<i64>, StoreError> {
        dedup::latest_time(&self.conn)
    }

    /// Stored dedup signatures with an index time of at least `since` (all
    /// when `None`; undated ones always), in storage order.
    pub fn dedup_signatures(&self, since: Option<i64>) -> Result<Vec<StoredSignature>, StoreError> {
        dedup::signatures(&self.conn, since)
    }

    /// Every article's exact-duplicate original and its links, seen from
    /// both articles of each link.
    pub fn dedup_view(&self) -> Result<DedupView, StoreError> {
        dedup::view(&self.conn)
    }

    /// One article's exact-duplicate original and its links, as
    /// [`Store::dedup_view`] gives them for that article.
    pub fn dedup_of(&self, id: &ArticleId) -> Result<(Option<ArticleId>, Vec<DuplicateLink>), StoreError> {
        dedup::of_article(&self.conn, id)
    }

    /// A page of articles matching `filter`, without their texts, in
    /// storage order after cursor `after` (from the first when `None`).
    pub fn article_heads(
        &self,
        filter: &ArticleFilter,
        after: Option<i64>,
        limit: usize,
    ) -> Result<Page<ArticleHead>, StoreError> {
        browse::heads(&self.conn, filter, after, limit)
    }

    /// The listing rows of the given articles, in the order given; ids not
    /// stored are left out.
    pub fn article_heads_by_id(&self, ids: &[ArticleId]) -> Result<Vec<ArticleHead>, StoreError> {
        browse::heads_by_id(&self.conn, ids)
    }

    /// A page of annotated articles matching `filter` (annotations and
    /// text), in storage order after cursor `after`.
    pub fn annotated_texts(
        &self,
        filter: &ArticleFilter,
        after: Option<i64>,
        limit: usize,
    ) -> Result<Page<AnnotatedText>, StoreError> {
        browse::annotated(&self.conn, filter, after, limit)
    }

    /// The cursor of the newest stored article (0 when none): it changes
    /// whenever articles are stored, so views derived from the whole store
    /// can be cached on it.
    pub fn latest_seq(&self) -> Result<i64, StoreError> {
        browse::latest_seq(&self.conn)
    }

    /// Store what clustering decided for a batch, in one transaction.
    /// Placements of articles already placed are ignored.
    pub fn insert_clusters(&mut self, batch: &ClusterBatch) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        clusters::insert(&tx, batch)?;
        tx.commit()?;
        Ok(())
    }

    /// The newest stream clock of any story.
    pub fn cluster_latest_clock(&self) -> Result<Option<i64>, StoreError> {
        clusters::latest_clock(&self.conn)
    }

    /// The largest placement order stored.
    pub fn cluster_latest_seq(&self) -> Result<Option<i64>, StoreError> {
        clusters::latest_seq(&self.conn)
    }

    /// Placements of the stories last joined at clock `since` or later
    /// (all when `None`; stories with no clock always), in placement
    /// order, each with its cached vector of `model`.
    pub fn cluster_active(
        &self,
        since: Option<i64>,
        model: &str,
    ) -> Result<Vec<StoredPlacement>, StoreError> {
        clusters::active(&self.conn, since, model)
    }

    /// Stored articles not placed in a story yet, in storage order.
    pub fn cluster_unplaced(&self) -> Result<Vec<ArticleId>, StoreError> {
        clusters::unplaced(&self.conn)
    }

    /// One article's cached vector of `model`.
    pub fn cluster_vector(&self, id: &ArticleId, model: &str) -> Result<Option<Vec<u8>>, StoreError> {
        clusters::vector(&self.conn, id, model)
    }

    /// Article → (story, thread) for every placed article.
    pub fn article_stories(
        &self,
    ) -> Result<std::collections::BTreeMap<ArticleId, (String, String)>, StoreError> {
        clusters::article_stories(&self.conn)
    }

    /// The (story, thread) of one article, when it was clustered.
    pub fn article_story(&self, id: &ArticleId) -> Result<Option<(String, String)>, StoreError> {
        clusters::article_story(&self.conn, id)
    }

    /// Every story with its articles and thread link, in the order the
    /// stories were opened.
    pub fn stories(&self) -> Result<Vec<StoryListing>, StoreError> {
        clusters::stories(&self.conn)
    }

    /// Every stored article's coded events, articles in storage order.
    pub fn events(&self) -> Result<Vec<EventRecord>, StoreError> {
        events::all(&self.conn)
    }

    /// Every stored article's annotations, in storage order.
    pub fn annotations(&self) -> Result<Vec<AnnotationRecord>, StoreError> {
        annotations::all(&self.conn)
    }

    /// One article's annotations, when stored.
    pub fn annotation(&self, id: &ArticleId) -> Result<Option<AnnotationRecord>, StoreError> {
        annotations::one(&self.conn, id)
    }

    /// Number of stored articles.
    pub fn article_count(&self) -> Result<u64, StoreError> {
        let n: i64 = self
            .conn
            .query_row("SELECT count(*) FROM articles", [], |r| r.get(0))?;
        Ok(u64::try_from(n).unwrap_or(0))
    }

    /// True when an article with `id` is stored.
    pub fn contains(&self, id: &ArticleId) -> Result<bool, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT 1 FROM articles WHERE id = ?1", [id.as_str()], |_| Ok(()))
            .optional()?
            .is_some())
    }

    /// Every stored article, in the order they were stored.
    pub fn articles(&self) -> Result<Vec<Article>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT id, origin, url, title, text, published, published_basis, authors, source, language
             FROM articles ORDER BY rowid",
        )?;
        let rows = stmt.query_map([], row_to_raw)?;
        let mut out = Vec::new();
        for raw in rows {
            out.push(raw?.into_article()?);
        }
        Ok(out)
    }

    /// One article by id.
    pub fn article(&self, id: &ArticleId) -> Result<Option<Article>, StoreError> {
        let raw = self
            .conn
            .prepare_cached(
                "SELECT id, origin, url, title, text, published, published_basis, authors, source, language
                 FROM articles WHERE id = ?1",
            )?
            .query_row([id.as_str()], row_to_raw)
            .optional()?;
        raw.map(RawArticle::into_article).transpose()
    }

    /// Full-text search over titles and texts; see [`fts_query`] for the
    /// query syntax. Best matches first.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>, StoreError> {
        search::search(&self.conn, query, limit)
    }

    /// Run SQLite's integrity check; `Ok(())` when the file is sound.
    pub fn integrity_check(&self) -> Result<(), StoreError> {
        let verdict: String = self.conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
        if verdict == "ok" {
            Ok(())
        } else {
            Err(StoreError::Corrupt(verdict))
        }
    }

    /// Check the whole database: SQLite's integrity check, no row pointing
    /// at a missing article (foreign keys), and the full-text index in step
    /// with the articles. Returns counts for the report.
    pub fn check(&self) -> Result<CheckReport, StoreError> {
        self.integrity_check()?;
        let mut orphans = self.conn.prepare("PRAGMA foreign_key_check")?;
        let mut rows = orphans.query([])?;
        if let Some(row) = rows.next()? {
            let table: String = row.get(0)?;
            return Err(StoreError::Corrupt(format!(
                "table {table} has rows pointing at missing rows"
            )));
        }
        self.conn
            .execute(
                "INSERT INTO articles_fts(articles_fts, rank) VALUES('integrity-check', 1)",
                [],
            )
            .map_err(|e| StoreError::Corrupt(format!("the full-text index is out of step: {e}")))?;
        let count = |sql: &str| -> Result<u64, StoreError> {
            let n: i64 = self.conn.query_row(sql, [], |r| r.get(0))?;
            Ok(u64::try_from(n).unwrap_or(0))
        };
        Ok(CheckReport {
            articles: count("SELECT count(*) FROM articles")?,
            annotated: count("SELECT count(*) FROM annotations")?,
            schema_version: self.schema_version()?,
        })
    }
}

/// What [`Store::check`] counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CheckReport {
    /// Stored articles.
    pub articles: u64,
    /// Articles with stored annotations.
    pub annotated: u64,
    /// Schema version.
    pub schema_version: i64,
}

/// An article row before its text fields are parsed.
struct RawArticle {
    id: String,
    origin: String,
    url: Option<String>,
    title: Option<String>,
    text: String,
    published: Option<String>,
    published_basis: Option<String>,
    authors: String,
    source: Option<String>,
    language: Option<String>,
}

fn row_to_raw(r: &rusqlite::Row<'_>) -> rusqlite::Result<RawArticle> {
    Ok(RawArticle {
        id: r.get(0)?,
        origin: r.get(1)?,
        url: r.get(2)?,
        title: r.get(3)?,
        text: r.get(4)?,
        published: r.get(5)?,
        published_basis: r.get(6)?,
        authors: r.get(7)?,
        source: r.get(8)?,
        language: r.get(9)?,
    })
}

impl RawArticle {
    fn into_article(self) -> Result<Article, StoreError> {
        let bad = |what: &str, value: &str| {
            StoreError::Corrupt(format!("article {}: bad {what} {value:?}", self.id))
        };
        let published = match &self.published {
            Some(p) => Some(p.parse::<PublishedDate>().map_err(|_| bad("published date", p))?),
            None => None,
        };
        let published_basis = match &self.published_basis {
            Some(b) => Some(PublishedBasis::parse(b).ok_or_else(|| bad("published_basis", b))?),
            None => None,
        };
        let authors: Vec<String> =
            serde_json::from_str(&self.authors).map_err(|_| bad("authors", &self.authors))?;
        Ok(Article {
            id: ArticleId::from_stored(self.id),
            origin: self.origin,
            url: self.url,
            title: self.title,
            text: self.text,
            published,
            published_basis,
            authors,
            source: self.source,
            language: self.language,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn article(url: &str, title: &str, text: &str) -> Article {
        Article {
            id: ArticleId::from_content(Some(url), text),
            origin: format!("{url}.html"),
            url: Some(url.to_owned()),
            title: Some(title.to_owned()),
            text: text.to_owned(),
            published: PublishedDate::from_ymd(2025, 2, 21),
            published_basis: Some(PublishedBasis::Metadata),
            authors: vec!["Ana Lima".into()],
            source: Some("n.test".into()),
            language: Some("en".into()),
        }
    }

    /// Two articles of different text: on Lusaka and on Matadi.
    fn two_articles() -> (Article, Article) {
        (
            article(
                "https://n.test/a",
                "Talks resume",
                "Negotiators met in Lusaka on Friday.",
            ),
            article("https://n.test/b", "Port reopens", "The port of Matadi reopened."),
        )
    }

    #[test]
    fn articles_round_trip_and_duplicates_are_ignored() {
        let mut store = Store::open_in_memory().expect("open");
        let (a, b) = two_articles();
        let first = store.insert_articles(&[a.clone(), b.clone()]).expect("insert");
        assert_eq!(first.inserted.len(), 2);
        let again = store.insert_articles(std::slice::from_ref(&a)).expect("insert");
        assert_eq!(again.inserted.len(), 0);
        assert_eq!(again.existing, vec![a.id.clone()]);
        assert_eq!(store.articles().expect("read"), vec![a.clone(), b]);
        assert_eq!(store.article(&a.id).expect("read"), Some(a));
        assert_eq!(store.article_count().expect("count"), 2);
    }

    #[test]
    fn a_merged_story_hands_its_articles_links_and_thread_to_the_older() {
        let mut store = Store::open_in_memory().expect("open");
        let docs = [
            article("https://n.test/a", "A", "Dockers strike at Velmora."),
            article("https://n.test/b", "B", "Ships wait off Velmora."),
            article("https://n.test/c", "C", "Velmora port talks open."),
        ];
        store.insert_articles(&docs).expect("insert");
        let placed = |i: usize, story: &str| PlacementRecord {
            article: docs[i].id.clone(),
            seq: i as i64,
            story: story.into(),
            day: None,
            basis: None,
            clock: Some(100),
            score: 0.0,
            features: vec![],
        };
        let story = |id: &str, thread: &str, size| StoryRecord {
            id: id.into(),
            thread: thread.into(),
            title: id.into(),
            first_published: None,
            last_published: None,
            last_clock: Some(100),
            size,
        };
        store
            .insert_clusters(&ClusterBatch {
                placements: vec![placed(0, "s-a"), placed(1, "s-b"), placed(2, "s-c")],
                stories: vec![
                    story("s-a", "t-a", 1),
                    story("s-b", "t-b", 1),
                    story("s-c", "t-b", 1),
                ],
                links: vec![ThreadLinkRecord {
                    story: "s-c".into(),
                    other: "s-b".into(),
                    score: 0.5,
                    evidence: "{}".into(),
                }],
                ..ClusterBatch::default()
            })
            .expect("first batch");
        store
            .insert_clusters(&ClusterBatch {
                stories: vec![story("s-a", "t-a", 2)],
                merges: vec![StoryMergeRecord {
                    from: "s-b".into(),
                    into: "s-a".into(),
                    from_thread: "t-b".into(),
                    into_thread: "t-a".into(),
                }],
                ..ClusterBatch::default()
            })
            .expect("merge");
        let listed = store.stories().expect("stories");
        let summary: Vec<(&str, &str, usize, Option<&str>)> = listed
            .iter()
            .map(|l| {
                (
                    l.story.id.as_str(),
                    l.story.thread.as_str(),
                    l.articles.len(),
                    l.link.as_ref().map(|k| k.other.as_str()),
                )
            })
            .collect();
        assert_eq!(summary, [("s-a", "t-a", 2, None), ("s-c", "t-a", 1, Some("s-a"))]);
        store.integrity_check().expect("sound");
        store.check().expect("consistent");
    }

    #[test]
    fn file_databases_use_wal_and_reopen() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("s.db");
        {
            let mut store = Store::open(&path).expect("open");
            store
                .insert_articles(&[article("https://n.test/a", "T", "Body text here.")])
                .expect("insert");
        }
        let store = Store::open_existing(&path).expect("reopen");
        let mode: String = store
            .conn
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .expect("pragma");
        assert_eq!(mode, "wal");
        assert_eq!(store.article_count().expect("count"), 1);
        assert_eq!(store.schema_version().expect("version"), migrations::LATEST);
        store.integrity_check().expect("sound");
        let report = store.check().expect("consistent");
        assert_eq!(report.articles, 1);
    }

    #[test]
    fn new_databases_take_large_pages_and_older_ones_keep_theirs() {
        let dir = tempfile::tempdir().expect("tempdir");
        let page_size = |store: &Store| -> u32 {
            store
                .conn
                .query_row("PRAGMA page_size", [], |r| r.get(0))
                .expect("pragma")
        };
        let fresh = Store::open(&dir.path().join("new.db")).expect("open");
        assert_eq!(page_size(&fresh), PAGE_BYTES);
        // A database created with SQLite's default pages, as older
        // versions did, keeps them and its rows.
        let older = dir.path().join("old.db");
        {
            let conn = Connection::open(&older).expect("create");
            conn.execute_batch("PRAGMA page_size=4096; PRAGMA journal_mode=WAL; CREATE TABLE t (x);")
                .expect("schema");
        }
        let mut store = Store::open(&older).expect("open older");
        assert_eq!(page_size(&store), 4096);
        store
            .insert_articles(&[article("https://n.test/a", "T", "Body text here.")])
            .expect("insert");
        assert_eq!(store.article_count().expect("count"), 1);
        store.integrity_check().expect("sound");
    }

    #[test]
    fn dedup_records_round_trip_from_both_sides_and_are_written_once() {
        use sitrep_model::{CopiedPassage, DuplicateLink, Span};
        let mut store = Store::open_in_memory().expect("open");
        let a = article("https://n.test/a", "A", "Shared words here. And more of them.");
        let b = article("https://m.test/b", "B", "Shared words here. Other text.");
        let record = |id: &Article, time, links: Vec<DuplicateLink>| DedupRecord {
            article: id.id.clone(),
            time,
            signature: vec![1, 2, 3],
            duplicate_of: None,
            links,
        };
        let link = DuplicateLink {
            other: a.id.clone(),
            similarity: 0.25,
            passages: vec![CopiedPassage {
                span: Span::new(0, 18),
                other_span: Span::new(0, 18),
                quote: false,
                first: a.id.clone(),
            }],
        };
        let records = [
            record(&a, Some(20_000), vec![]),
            DedupRecord {
                duplicate_of: Some(a.id.clone()),
                ..record(&b, None, vec![link.clone()])
            },
        ];
        store
            .insert_batch(&[a.clone(), b.clone()], &records, &[])
            .expect("insert");
        store
            .insert_batch(&[a.clone(), b.clone()], &records, &[])
            .expect("re-insert adds nothing");
        let view = store.dedup_view().expect("view");
        assert_eq!(view.duplicate_of.get(&b.id), Some(&a.id));
        assert_eq!(view.links.get(&b.id), Some(&vec![link.clone()]));
        let back = &view.links.get(&a.id).expect("mirrored")[0];
        assert_eq!(back.other, b.id);
        assert_eq!(back.passages[0].first, a.id);
        for id in [&a.id, &b.id] {
            let (original, links) = store.dedup_of(id).expect("one article");
            assert_eq!(original.as_ref(), view.duplicate_of.get(id));
            assert_eq!(Some(&links), view.links.get(id), "same as the whole view");
        }
        assert_eq!(store.dedup_latest_time().expect("time"), Some(20_000));
        let sigs = store.dedup_signatures(Some(20_001)).expect("signatures");
        assert_eq!(sigs.len(), 1, "only the undated one is newer than the cut-off");
        assert_eq!(sigs[0].article, b.id);
        assert_eq!(store.dedup_signatures(None).expect("all").len(), 2);
    }

    #[test]
    fn annotations_round_trip_with_their_batch() {
        use sitrep_model::{Annotations, EntityId, EntityKind, EntityMention, Sentence, Span};
        let mut store = Store::open_in_memory().expect("open");
        let a = article(
            "https://n.test/a",
            "Talks resume",
            "Negotiators met in Lusaka on Friday.",
        );
        let record = AnnotationRecord {
            article: a.id.clone(),
            annotations: Annotations {
                sentences: vec![Sentence {
                    span: Span::new(0, 36),
                }],
                entities: vec![EntityMention {
                    span: Span::new(19, 25),
                    entity: EntityId("geonames:909137".into()),
                    kind: EntityKind::Place,
                    role: None,
                }],
                ..Annotations::default()
            },
            entities: Vec::new(),
        };
        store
            .insert_batch(std::slice::from_ref(&a), &[], std::slice::from_ref(&record))
            .expect("insert");
        assert_eq!(store.annotation(&a.id).expect("read"), Some(record.clone()));
        assert_eq!(store.annotations().expect("read"), vec![record]);
        let n: i64 = store
            .conn
            .query_row(
                "SELECT count(*) FROM entity_mentions WHERE entity = 'geonames:909137'",
                [],
                |r| r.get(0),
            )
            .expect("count");
        assert_eq!(n, 1);
    }

    #[test]
    fn each_new_article_enters_the_full_text_index_once() {
        let mut store = Store::open_in_memory().expect("open");
        let (a, b) = two_articles();
        store.insert_articles(std::slice::from_ref(&a)).expect("insert");
        // A batch repeating a stored article indexes only the new one.
        store.insert_articles(&[a.clone(), b.clone()]).expect("insert");
        store.check().expect("consistent");
        let indexed: i64 = store
            .conn
            .query_row(
                "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'lusaka OR matadi'",
                [],
                |r| r.get(0),
            )
            .expect("count");
        assert_eq!(indexed, 2);
        let hits = store.search("Matadi", 10).expect("search");
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].article, b.id);
    }

    #[test]
    fn check_finds_a_full_text_index_out_of_step() {
        let mut store = Store::open_in_memory().expect("open");
        store
            .insert_articles(&[article("https://n.test/a", "T", "Body text here.")])
            .expect("insert");
        store.check().expect("consistent");
        store
            .conn
            .execute(
                "INSERT INTO articles_fts(rowid, title, text) VALUES (999, 'ghost', 'ghost row')",
                [],
            )
            .expect("tamper");
        assert!(matches!(store.check(), Err(StoreError::Corrupt(_))));
    }

    #[test]
    fn missing_database_is_reported() {
        let dir = tempfile::tempdir().expect("tempdir");
        let err = Store::open_existing(&dir.path().join("none.db"))
            .err()
            .expect("missing");
        assert!(matches!(err, StoreError::Missing(_)));
    }
}
