//! One module per subcommand; [`run`] dispatches.

mod articles;
mod check;
mod entities;
mod extract;
mod geocode;
mod ingest;
mod quotes;
mod search;

use crate::cli::{Cli, Command};

/// Run the parsed command.
pub fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Ingest {
            db,
            dedup_window,
            paths,
        } => ingest::run(&crate::config::db_path(&db), dedup_window, &paths),
        Command::Extract { json, paths } => extract::run(&paths, json),
        Command::Geocode { json: _, weights } => {
            geocode::run(&crate::config::gazetteer_path(), weights.as_deref())
        }
        Command::Articles { db, json } => articles::run(&crate::config::db_path(&db), json),
        Command::Entities { db, json } => entities::run(&crate::config::db_path(&db), json),
        Command::Check { db } => check::run(&crate::config::db_path(&db)),
        Command::Quotes { db, json } => quotes::run(&crate::config::db_path(&db), json),
        Command::Search {
            db,
            json,
            limit,
            query,
        } => search::run(&crate::config::db_path(&db), &query.join(" "), limit, json),
    }
}
