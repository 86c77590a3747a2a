//! Settings resolved from flags and the environment, all in one place.
//! This is the only module that reads environment variables.

use std::path::PathBuf;

use crate::cli::DbArg;

/// Environment variable naming the default database file.
pub const DB_ENV: &str = "SITREP_DB";
/// Database file used when neither `--db` nor `$SITREP_DB` is given.
pub const DEFAULT_DB: &str = "sitrep.db";

/// The database path: `--db`, else `$SITREP_DB`, else `./sitrep.db`.
pub fn db_path(arg: &DbArg) -> PathBuf {
    arg.db
        .clone()
        .or_else(|| {
            std::env::var_os(DB_ENV)
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        })
        .unwrap_or_else(|| PathBuf::from(DEFAULT_DB))
}

/// Environment variable naming the cache folder of models and reference data.
pub const HOME_ENV: &str = "SITREP_HOME";

/// The cache folder: `$SITREP_HOME`, else `~/.cache/sitrep`.
pub fn sitrep_home() -> PathBuf {
    std::env::var_os(HOME_ENV)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache/sitrep")))
        .unwrap_or_else(|| PathBuf::from(".cache/sitrep"))
}

/// The converted gazetteer built by `scripts/setup.sh`.
pub fn gazetteer_path() -> PathBuf {
    sitrep_home().join("gazetteer/gazetteer.tsv")
}

/// The converted entity knowledge base built by `scripts/setup.sh`.
pub fn knowledge_path() -> PathBuf {
    sitrep_home().join("knowledge/knowledge.tsv")
}

/// The converted event lexicon (verb dictionary, CAMEO→PLOVER table)
/// built by `scripts/setup.sh`.
pub fn event_lexicon_path() -> PathBuf {
    sitrep_home().join("events/lexicon.tsv")
}

/// The sentence-embedding model unpacked by `scripts/setup.sh`
/// (`model.safetensors`, `tokenizer.json`, `config.json`).
pub fn model_dir() -> PathBuf {
    sitrep_home().join("models/all-minilm-l6-v2")
}

/// Environment variable holding the token `sitrep serve` requires for
/// ingest over HTTP (when `--token-file` is not given).
pub const TOKEN_ENV: &str = "SITREP_TOKEN";

/// The ingest token of `sitrep serve`: the first line of `file`, else
/// `$SITREP_TOKEN`; `None` when neither is set or both are blank.
pub fn serve_token(file: Option<&std::path::Path>) -> anyhow::Result<Option<String>> {
    let token = match file {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .map_err(|e| anyhow::anyhow!("reading the token file {}: {e}", path.display()))?;
            text.lines().next().unwrap_or("").trim().to_owned()
        }
        None => std::env::var(TOKEN_ENV).unwrap_or_default().trim().to_owned(),
    };
    Ok((!token.is_empty()).then_some(token))
}

/// The country outlines for the dashboard's map, built by `scripts/setup.sh`.
pub fn map_path() -> PathBuf {
    sitrep_home().join("map/world.json")
}
