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

/// mimalloc's `mi_option_purge_delay` (its place in `mi_option_t`; the
/// bindings leave experimental options unnamed).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Keep the memory mimalloc frees instead of handing it back to the OS
/// a second later: ingest frees and allocates hundreds of MiB a batch, and
/// the kernel zeroing the pages faulted in again cost 7% of ingest's
/// time (100k articles lexical-only: 958.5 to 1,033.3 articles/s, peak
/// RSS 931 to 1,006 MiB). `MIMALLOC_PURGE_DELAY` in the environment still
/// decides when set.
#[allow(unsafe_code)]
fn keep_freed_memory() {
    if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
        // SAFETY: plain option setting, at the start of main, before any
        // other thread runs.
        unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, -1) }
    }
}

fn main() -> ExitCode {
    keep_freed_memory();
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The option's number is mimalloc's purge delay: its default is
    /// 1000 ms, and after `keep_freed_memory` it is -1 (never).
    #[test]
    #[allow(unsafe_code)]
    fn purge_delay_option_is_set_to_never() {
        if std::env::var_os("MIMALLOC_PURGE_DELAY").is_some() {
            return;
        }
        // SAFETY: reading an option; this is the only test touching them.
        let before = unsafe { libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY) };
        assert_eq!(
            before, 1000,
            "option {MI_OPTION_PURGE_DELAY} is not the purge delay"
        );
        keep_freed_memory();
        // SAFETY: as above.
        let after = unsafe { libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY) };
        assert_eq!(after, -1);
    }
}
