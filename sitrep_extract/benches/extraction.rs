//! Extraction speed on the extraction-dev pages: extracts every page on one
//! thread, several rounds, and reports pages/s and MB/s of HTML.
//!
//! `cargo bench -p sitrep_extract --bench extraction -- [--rounds N]
//! [--predictions FILE] [--shared DIR]`. With `--predictions`, writes the
//! extracted bodies as `{page id: {"articleBody": text}}` for
//! `../shared/tools/shingle_f1.py`. The pages are read from
//! `$SITREP_SHARED/data/extraction-dev` (default `../shared`); without
//! them the bench says so and exits. On Linux it also prints the best round's
//! CPU time of the measuring thread (`/proc/thread-self/schedstat`), which a
//! busy shared machine disturbs far less than the wall clock; the last line
//! stays the wall-clock figure that `bench/compare-extraction.sh` reads.

#![allow(clippy::print_stdout, reason = "a bench binary reports its figures on stdout")]

use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Instant;

use sitrep_extract::{ExtractOptions, extract};
use sitrep_model::{Document, DocumentFormat, DocumentHints};

struct Args {
    rounds: usize,
    predictions: Option<PathBuf>,
    shared: PathBuf,
}

fn parse_args() -> Args {
    let mut args = Args {
        rounds: 3,
        predictions: None,
        shared: std::env::var_os("SITREP_SHARED")
            .map(PathBuf::from)
            .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared")),
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--rounds" => args.rounds = it.next().and_then(|v| v.parse().ok()).unwrap_or(3),
            "--predictions" => args.predictions = it.next().map(PathBuf::from),
            "--shared" => args.shared = it.next().map(PathBuf::from).unwrap_or(args.shared),
            _ => {}
        }
    }
    args
}

fn load_pages(dir: &Path) -> std::io::Result<Vec<(String, String)>> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".html.gz"))
        .collect();
    paths.sort();
    let mut pages = Vec::new();
    for path in paths {
        let mut html = String::new();
        flate2::read::GzDecoder::new(std::fs::File::open(&path)?).read_to_string(&mut html)?;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let id = name.split('.').next().unwrap_or_default().to_owned();
        pages.push((id, html));
    }
    Ok(pages)
}

/// Nanoseconds this thread has run on a CPU, where the kernel says so.
fn thread_cpu_ns() -> Option<u64> {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

fn main() {
    let args = parse_args();
    let dir = args.shared.join("data/extraction-dev/html");
    let pages = match load_pages(&dir) {
        Ok(p) if !p.is_empty() => p,
        _ => {
            eprintln!("extraction bench: no pages at {}; skipping", dir.display());
            return;
        }
    };
    let bytes: usize = pages.iter().map(|(_, h)| h.len()).sum();
    let options = ExtractOptions { min_words: 0 };
    let docs: Vec<(String, Document)> = pages
        .into_iter()
        .map(|(id, html)| {
            let doc = Document {
                origin: id.clone(),
                format: DocumentFormat::Html,
                body: html,
                hints: DocumentHints::default(),
            };
            (id, doc)
        })
        .collect();
    let mut predictions = serde_json::Map::new();
    let mut best = f64::INFINITY;
    let mut best_cpu: Option<f64> = None;
    for round in 0..args.rounds.max(1) {
        let cpu_start = thread_cpu_ns();
        let start = Instant::now();
        for (id, doc) in &docs {
            let text = extract(doc, &options).map(|a| a.text).unwrap_or_default();
            if round == 0 {
                predictions.insert(id.clone(), serde_json::json!({ "articleBody": text }));
            }
        }
        best = best.min(start.elapsed().as_secs_f64());
        if let (Some(a), Some(b)) = (cpu_start, thread_cpu_ns()) {
            let cpu = b.saturating_sub(a) as f64 / 1e9;
            best_cpu = Some(best_cpu.map_or(cpu, |c| c.min(cpu)));
        }
    }
    if let Some(cpu) = best_cpu.filter(|c| *c > 0.0) {
        println!(
            "extraction CPU time: best round {:.3} s: {:.1} pages/s, {:.2} MB/s of CPU (one thread)",
            cpu,
            docs.len() as f64 / cpu,
            bytes as f64 / 1e6 / cpu
        );
    }
    let pages_per_s = docs.len() as f64 / best;
    let mb_per_s = bytes as f64 / 1e6 / best;
    println!(
        "extraction: {} pages, {:.1} MB, best of {} rounds {:.3} s: {:.1} pages/s, {:.2} MB/s (one thread)",
        docs.len(),
        bytes as f64 / 1e6,
        args.rounds.max(1),
        best,
        pages_per_s,
        mb_per_s
    );
    if let Some(path) = args.predictions {
        let json = serde_json::Value::Object(predictions).to_string();
        if let Err(e) = std::fs::write(&path, json) {
            eprintln!("extraction bench: cannot write {}: {e}", path.display());
        }
    }
}
