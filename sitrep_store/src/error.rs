//! The store's error type.

use std::path::{Path, PathBuf};

/// Why a store operation failed. These are infrastructure failures; bad
/// input never reaches the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database file could not be opened.
    #[error("cannot open the database {path}: {source}")]
    Open {
        /// The file.
        path: PathBuf,
        /// SQLite's error.
        source: rusqlite::Error,
    },
    /// No database file exists at the path.
    #[error("no database at {0}; run `sitrep ingest` first")]
    Missing(PathBuf),
    /// The file was written by a newer sitrep.
    #[error(
        "the database has schema version {found}, newer than this sitrep supports ({supported}); upgrade sitrep"
    )]
    NewerSchema {
        /// Version in the file.
        found: i64,
        /// Latest version this build knows.
        supported: i64,
    },
    /// SQLite lacks something sitrep needs.
    #[error("unsupported SQLite set-up: {0}")]
    Unsupported(String),
    /// Stored data could not be read back.
    #[error("corrupt database: {0}")]
    Corrupt(String),
    /// A query failed.
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// A JSON column could not be written.
    #[error("cannot encode a value: {0}")]
    Encode(#[from] serde_json::Error),
}

impl StoreError {
    pub(crate) fn open(path: &Path, source: rusqlite::Error) -> Self {
        Self::Open {
            path: path.to_path_buf(),
            source,
        }
    }
}
