//! One module per subcommand; [`run`] dispatches.

mod articles;
mod check;
mod code;
mod entities;
mod events;
mod extract;
mod geocode;
mod ingest;
mod quotes;
mod report;
mod search;
mod serve;
mod stories;
mod timeline;

use crate::cli::{Cli, Command};

/// Run the parsed command.
pub fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Ingest {
            db,
            dedup_window,
            clustering,
            timings,
            paths,
        } => ingest::run(
            &crate::config::db_path(&db),
            dedup_window,
            &clustering,
            timings,
            &paths,
        ),
        Command::Extract { json, paths } => extract::run(&paths, json),
        Command::Geocode { json: _, weights } => geocode::run(
            &crate::config::gazetteer_path(),
            &crate::config::knowledge_path(),
            weights.as_deref(),
        ),
        Command::Articles { db, json } => articles::run(&crate::config::db_path(&db), json),
        Command::Stories { db, json } => stories::run(&crate::config::db_path(&db), json),
        Command::Entities { db, json } => entities::run(&crate::config::db_path(&db), json),
        Command::Events { db, json } => events::run(&crate::config::db_path(&db), json),
        Command::Code { json: _, explain } => code::run(explain),
        Command::Timeline { db, thread, json } => {
            timeline::run(&crate::config::db_path(&db), thread.as_deref(), json)
        }
        Command::Report { db, format } => report::run(&crate::config::db_path(&db), format),
        Command::Check { db } => check::run(&crate::config::db_path(&db)),
        Command::Quotes { db, json } => quotes::run(&crate::config::db_path(&db), json),
        Command::Serve {
            db,
            addr,
            token_file,
            dedup_window,
            timeline,
        } => serve::run(serve::ServeOptions {
            db: crate::config::db_path(&db),
            addr,
            token: crate::config::serve_token(token_file.as_deref())?,
            dedup_window,
            timeline,
            map: crate::config::map_path(),
        }),
        Command::Search {
            db,
            json,
            limit,
            query,
        } => search::run(&crate::config::db_path(&db), &query.join(" "), limit, json),
    }
}
