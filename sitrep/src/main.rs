//! The `sitrep` command: turns news articles into a sourced situation
//! picture. This binary wires the pipeline's stages together; the stages
//! themselves live in their own crates and know nothing of each other.
//!
//! Exit codes: 0 success (rejected inputs are reported, not failures),
//! 1 failure, 2 usage error.

mod cli;
mod clustering;
mod commands;
mod config;
mod output;
mod pipeline;
mod resources;
mod situation;
mod timings;

use std::process::ExitCode;

use clap::Parser;

/// mimalloc: ingest allocates many small values that live briefly, on
/// several threads at once; glibc's allocator took 14% of its CPU.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    match commands::run(args) {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`sitrep articles | head`) is the reader's choice.
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("sitrep: error: {e:#}");
            ExitCode::from(1)
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain()
        .filter_map(|c| c.downcast_ref::<std::io::Error>())
        .any(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
}
