//! `sitrep check`: verify a database — SQLite's integrity check, no
//! dangling rows, the full-text index in step — and print what it holds.
//! Exits 1 when anything is wrong.

use std::io::Write;
use std::path::Path;

use anyhow::Context;
use sitrep_store::Store;

pub fn run(db: &Path) -> anyhow::Result<()> {
    let store = Store::open_existing(db)?;
    let report = store
        .check()
        .with_context(|| format!("checking {}", db.display()))?;
    writeln!(
        std::io::stdout().lock(),
        "ok: {} articles, {} annotated, schema version {}",
        report.articles,
        report.annotated,
        report.schema_version
    )?;
    Ok(())
}
