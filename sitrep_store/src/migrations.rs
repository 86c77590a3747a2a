//! Numbered schema migrations, tracked in `PRAGMA user_version`.
//!
//! Each entry upgrades the schema from version `i` to `i + 1` and runs in
//! its own transaction. Never edit a released migration; append a new one.

use rusqlite::{Connection, TransactionBehavior};

use crate::StoreError;

/// The migrations, in order; entry `i` moves the schema to version `i + 1`.
const MIGRATIONS: &[&str] = &[
    // 1: articles and their full-text index.
    "CREATE TABLE articles (
        id TEXT PRIMARY KEY NOT NULL,
        origin TEXT NOT NULL,
        url TEXT,
        title TEXT,
        text TEXT NOT NULL,
        published TEXT,
        published_basis TEXT CHECK (published_basis IN ('metadata', 'text', 'inferred')),
        authors TEXT NOT NULL DEFAULT '[]',
        source TEXT,
        language TEXT,
        CHECK ((published IS NULL) = (published_basis IS NULL))
    );
    CREATE INDEX articles_published ON articles(published);
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text,
        content='articles', content_rowid='rowid',
        tokenize='unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END;
    CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
    END;
    CREATE TRIGGER articles_fts_update AFTER UPDATE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END;",
    // 2: dedup: signatures to restore the online index, exact-duplicate
    // pointers, links between articles that share text, shared passages.
    "CREATE TABLE dedup_signatures (
        article TEXT PRIMARY KEY NOT NULL REFERENCES articles(id),
        time INTEGER,
        signature BLOB NOT NULL
    );
    CREATE INDEX dedup_signatures_time ON dedup_signatures(time);
    CREATE TABLE duplicate_of (
        article TEXT PRIMARY KEY NOT NULL REFERENCES articles(id),
        original TEXT NOT NULL REFERENCES articles(id)
    );
    CREATE TABLE duplicate_links (
        article TEXT NOT NULL REFERENCES articles(id),
        other TEXT NOT NULL REFERENCES articles(id),
        similarity REAL NOT NULL CHECK (similarity >= 0 AND similarity <= 1),
        PRIMARY KEY (article, other)
    );
    CREATE INDEX duplicate_links_other ON duplicate_links(other);
    CREATE TABLE shared_passages (
        article TEXT NOT NULL,
        other TEXT NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        other_start INTEGER NOT NULL,
        other_end INTEGER NOT NULL,
        quote INTEGER NOT NULL CHECK (quote IN (0, 1)),
        first TEXT NOT NULL REFERENCES articles(id),
        CHECK (start <= end AND other_start <= other_end),
        FOREIGN KEY (article, other) REFERENCES duplicate_links(article, other)
    );
    CREATE INDEX shared_passages_pair ON shared_passages(article, other);",
    // 3: annotations: per article the annotation layers (JSON) and its
    // canonical entity records; mentions by entity for lookups.
    "CREATE TABLE annotations (
        article TEXT PRIMARY KEY NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        data TEXT NOT NULL,
        entities TEXT NOT NULL
    );
    CREATE TABLE entity_mentions (
        article TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        entity TEXT NOT NULL,
        kind TEXT NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        role TEXT,
        PRIMARY KEY (article, start, end)
    );
    CREATE INDEX entity_mentions_entity ON entity_mentions(entity);",
    // 4: stories and threads: each article's placement (story, order,
    // the date clustering used, encoded features to replay the online
    // state), cached sentence embeddings by model, story summaries with
    // their thread, and the evidence of each thread link.
    "CREATE TABLE cluster_articles (
        article TEXT PRIMARY KEY NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL UNIQUE,
        story TEXT NOT NULL,
        day INTEGER,
        basis TEXT CHECK (basis IN ('published', 'linked', 'text')),
        clock INTEGER,
        score REAL NOT NULL,
        features BLOB NOT NULL
    );
    CREATE INDEX cluster_articles_story ON cluster_articles(story);
    CREATE TABLE article_vectors (
        article TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        model TEXT NOT NULL,
        vector BLOB NOT NULL,
        PRIMARY KEY (article, model)
    );
    CREATE TABLE stories (
        id TEXT PRIMARY KEY NOT NULL,
        thread TEXT NOT NULL,
        title TEXT NOT NULL,
        first_published INTEGER,
        last_published INTEGER,
        last_clock INTEGER,
        size INTEGER NOT NULL
    );
    CREATE INDEX stories_thread ON stories(thread);
    CREATE INDEX stories_last_clock ON stories(last_clock);
    CREATE TABLE thread_links (
        story TEXT PRIMARY KEY NOT NULL REFERENCES stories(id),
        other TEXT NOT NULL REFERENCES stories(id),
        score REAL NOT NULL,
        evidence TEXT NOT NULL
    );",
    // 5: coded events per article: type, mode, context, CAMEO code, actors
    // and place as JSON, date with precision and basis, the evidence
    // sentence and the trigger words as spans.
    "CREATE TABLE events (
        article TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        type TEXT NOT NULL,
        mode TEXT,
        context TEXT,
        cameo TEXT,
        source TEXT NOT NULL,
        target TEXT,
        date TEXT,
        date_precision TEXT NOT NULL CHECK (date_precision IN ('day', 'month', 'year', 'unknown')),
        date_basis TEXT NOT NULL CHECK (date_basis IN ('text', 'publication', 'none')),
        place TEXT,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        trigger_start INTEGER NOT NULL,
        trigger_end INTEGER NOT NULL,
        CHECK (start <= end AND trigger_start <= trigger_end),
        PRIMARY KEY (article, seq)
    );
    CREATE INDEX events_type ON events(type);
    CREATE INDEX events_date ON events(date);",
    // 6: new articles enter the full-text index once per batch, from the
    // inserting transaction (`Store::insert_batch_with_events`), not by a
    // trigger per row: the trigger made every row's insert a statement
    // savepoint, at which FTS5 writes its pending terms out as a new
    // segment, and merging those tiny segments was most of storing.
    "DROP TRIGGER articles_fts_insert;",
];

/// The schema version this build writes.
pub const LATEST: i64 = MIGRATIONS.len() as i64;

/// Bring the schema up to [`LATEST`]. Safe when several processes open
/// the same new file at once: each step takes the write lock first and
/// re-reads the version under it, so a migration another process just
/// committed is never run twice.
pub fn apply(conn: &mut Connection) -> Result<(), StoreError> {
    let newer = |found: i64| StoreError::NewerSchema {
        found,
        supported: LATEST,
    };
    loop {
        let current: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if current > LATEST {
            return Err(newer(current));
        }
        if current == LATEST {
            return Ok(());
        }
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let current: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if current > LATEST {
            return Err(newer(current));
        }
        let Some(sql) = usize::try_from(current).ok().and_then(|i| MIGRATIONS.get(i)) else {
            return Ok(());
        };
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", current + 1)?;
        tx.commit()?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_idempotent() {
        let mut conn = Connection::open_in_memory().expect("open");
        apply(&mut conn).expect("first");
        apply(&mut conn).expect("second");
        let v: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .expect("version");
        assert_eq!(v, LATEST);
    }

    #[test]
    fn upgrading_a_version_5_file_keeps_its_index_and_drops_the_row_trigger() {
        let mut conn = Connection::open_in_memory().expect("open");
        for sql in &MIGRATIONS[..5] {
            conn.execute_batch(sql).expect("old migration");
        }
        conn.pragma_update(None, "user_version", 5).expect("set");
        conn.execute(
            "INSERT INTO articles (id, origin, text) VALUES ('a', 'a.txt', 'Talks in Lusaka')",
            [],
        )
        .expect("insert");
        apply(&mut conn).expect("upgrade");
        let count = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).expect("count") };
        assert_eq!(
            count("SELECT count(*) FROM sqlite_master WHERE name = 'articles_fts_insert'"),
            0
        );
        assert_eq!(
            count("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'lusaka'"),
            1
        );
    }

    #[test]
    fn newer_schemas_are_refused() {
        let mut conn = Connection::open_in_memory().expect("open");
        conn.pragma_update(None, "user_version", LATEST + 1).expect("set");
        assert!(matches!(apply(&mut conn), Err(StoreError::NewerSchema { .. })));
    }
}
