//! Helpers shared by the end-to-end tests: how to start the binary, with
//! the reference data of the cache folder or without any.
#![allow(dead_code, reason = "each test binary uses a different subset")]

use std::path::{Path, PathBuf};
use std::process::Command;

/// The binary with the caller's environment (the cache folder's gazetteer
/// and knowledge base when set-up has run), and no default database.
pub fn sitrep() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_sitrep"));
    cmd.env_remove("SITREP_DB");
    cmd
}

/// The binary with an empty cache folder: annotation uses its built-in
/// fallbacks (and says so once on stderr).
pub fn sitrep_without_data() -> Command {
    let mut cmd = sitrep();
    cmd.env(
        "SITREP_HOME",
        Path::new(env!("CARGO_TARGET_TMPDIR")).join("empty-sitrep-home"),
    );
    cmd
}

/// The shared evaluation folder (`$SITREP_SHARED`, else `../shared` beside
/// the repository), when present.
pub fn shared() -> Option<PathBuf> {
    let dir = std::env::var_os("SITREP_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared"));
    dir.is_dir().then_some(dir)
}

/// The example corpus, or `None` after printing why the test skips.
pub fn seeds() -> Option<PathBuf> {
    match shared().map(|s| s.join("seeds")).filter(|d| d.is_dir()) {
        Some(dir) => Some(dir),
        None => {
            eprintln!("skipping: no example corpus (set SITREP_SHARED or put shared/ beside the repository)");
            None
        }
    }
}

/// True when set-up has built the gazetteer and knowledge base.
pub fn reference_data_present() -> bool {
    let home = std::env::var_os("SITREP_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache/sitrep")));
    home.is_some_and(|h| {
        h.join("gazetteer/gazetteer.tsv").is_file() && h.join("knowledge/knowledge.tsv").is_file()
    })
}

/// The example corpus ingested into a fresh store with the reference data,
/// or `None` after printing why the test skips. Keep the folder alive as
/// long as the store is used.
pub fn ingested_seeds() -> Option<(tempfile::TempDir, PathBuf)> {
    let seeds = seeds()?;
    if !reference_data_present() {
        eprintln!("skipping: no gazetteer/knowledge base in the cache folder; run scripts/setup.sh");
        return None;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("seeds.db");
    let out = sitrep()
        .arg("ingest")
        .arg("--db")
        .arg(&db)
        .arg(&seeds)
        .output()
        .expect("run sitrep ingest");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    Some((dir, db))
}
