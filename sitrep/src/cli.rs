//! The command-line contract (DESIGN.md), as clap definitions.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// sitrep: news articles in, a sourced situation picture out.
#[derive(Debug, Parser)]
#[command(name = "sitrep", version, about, propagate_version = true)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The database option shared by commands that use the store.
#[derive(Debug, Args)]
pub struct DbArg {
    /// Database file [default: $SITREP_DB, else ./sitrep.db]
    #[arg(long, value_name = "FILE")]
    pub db: Option<PathBuf>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Ingest files, folders (recursively) and `-` (JSON Lines on stdin) into the store.
    Ingest {
        #[command(flatten)]
        db: DbArg,
        /// Days an article stays in the duplicate index after the newest
        /// publication date seen; older articles are no longer matched.
        #[arg(long, value_name = "DAYS", default_value_t = sitrep_dedup::DEFAULT_WINDOW_DAYS)]
        dedup_window: u32,
        /// Story clustering options.
        #[command(flatten)]
        clustering: crate::clustering::ClusterArgs,
        /// Print the seconds spent in each pipeline stage on stderr at the end.
        #[arg(long)]
        timings: bool,
        /// Inputs: files, folders, or `-` for JSON Lines on standard input.
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// Extract articles from inputs and print them; nothing is stored.
    Extract {
        /// Print JSON Lines.
        #[arg(long)]
        json: bool,
        /// Inputs: files, folders, or `-` for JSON Lines on standard input.
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// Geocode JSON Lines from standard input (`{id, text, toponyms?}`); nothing is stored.
    Geocode {
        /// Print JSON Lines (the only output format).
        #[arg(long)]
        json: bool,
        /// Override ranking weights, `name=value,...` (for evaluation runs).
        #[arg(long, hide = true, value_name = "WEIGHTS")]
        weights: Option<String>,
    },
    /// List every stored article.
    Articles {
        #[command(flatten)]
        db: DbArg,
        /// Print JSON Lines.
        #[arg(long)]
        json: bool,
    },
    /// Stories (articles on one development) and their threads.
    Stories {
        #[command(flatten)]
        db: DbArg,
        /// Print JSON Lines.
        #[arg(long)]
        json: bool,
    },
    /// Each thread's consolidated timeline: one entry per happening, with evidence and disputes.
    Timeline {
        #[command(flatten)]
        db: DbArg,
        /// Only this thread (an id from `sitrep stories`).
        #[arg(long, value_name = "ID")]
        thread: Option<String>,
        /// Print one JSON object (DESIGN.md shape).
        #[arg(long)]
        json: bool,
    },
    /// The situation report: per thread a summary, the timeline, actors, places, quotes and reprints.
    Report {
        #[command(flatten)]
        db: DbArg,
        /// Markdown or a standalone HTML page.
        #[arg(long, value_enum, default_value_t = ReportFormat::Md)]
        format: ReportFormat,
    },
    /// Canonical entities (people, organisations, groups, countries, places) across stored articles.
    Entities {
        #[command(flatten)]
        db: DbArg,
        /// Print JSON Lines.
        #[arg(long)]
        json: bool,
    },
    /// Attributed quotes of the stored articles.
    Quotes {
        #[command(flatten)]
        db: DbArg,
        /// Print JSON Lines.
        #[arg(long)]
        json: bool,
    },
    /// Verify the database: integrity, no dangling rows, full-text index in step.
    Check {
        #[command(flatten)]
        db: DbArg,
    },
    /// Coded events of the stored articles (before consolidation).
    Events {
        #[command(flatten)]
        db: DbArg,
        /// Print JSON Lines.
        #[arg(long)]
        json: bool,
    },
    /// Code events in JSON Lines from standard input (`{id, text, published?}`); nothing is stored.
    Code {
        /// Print JSON Lines (the only output format).
        #[arg(long)]
        json: bool,
        /// Explain each sentence's analysis (chunks, triggers, subjects) on standard error.
        #[arg(long)]
        explain: bool,
    },
    /// Serve the HTTP JSON API and the web dashboard.
    Serve {
        #[command(flatten)]
        db: DbArg,
        /// Address to listen on; a non-loopback address needs a token.
        #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:8080")]
        addr: std::net::SocketAddr,
        /// File holding the bearer token POST /api/articles requires
        /// [default: $SITREP_TOKEN]; without a token, ingest over HTTP is off.
        #[arg(long, value_name = "FILE")]
        token_file: Option<PathBuf>,
        /// Days an article stays in the duplicate index (as for ingest).
        #[arg(long, value_name = "DAYS", default_value_t = sitrep_dedup::DEFAULT_WINDOW_DAYS)]
        dedup_window: u32,
        /// Serve this timeline document (the `sitrep timeline --json`
        /// shape) instead of the store's threads.
        #[arg(long, value_name = "FILE")]
        timeline: Option<PathBuf>,
    },
    /// Full-text search over stored articles.
    Search {
        #[command(flatten)]
        db: DbArg,
        /// Print JSON Lines.
        #[arg(long)]
        json: bool,
        /// Most results to show.
        #[arg(long, default_value_t = 20)]
        limit: usize,
        /// Words must all occur; "quoted phrases", a trailing * for prefixes, OR between terms.
        #[arg(required = true, value_name = "QUERY")]
        query: Vec<String>,
    },
}

/// Output format of `sitrep report`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// Markdown.
    Md,
    /// One standalone HTML page (no external assets).
    Html,
}
