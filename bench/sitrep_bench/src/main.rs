//! `sitrep_bench`: the syndication benchmark, run by hand (never by the
//! test suite). `generate` writes a corpus with planted copies and its
//! ground truth from the real texts in `../shared/data`; `run` runs our
//! dedup over it; `score` scores any predictions (ours or datasketch's).
//! `bench/compare-dedup.sh` drives all three and the datasketch side.

mod generate;
mod rng;
mod run;
mod score;
mod sources;
mod stories;

use std::io::{BufWriter, Write};
use std::path::PathBuf;

use clap::{Parser, Subcommand};

/// The syndication benchmark.
#[derive(Parser)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Write a corpus (JSON Lines) and its truth (JSON Lines of pairs).
    Generate {
        /// Articles.
        #[arg(long, default_value_t = 100_000)]
        n: usize,
        /// Random seed.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Share of copies in the stream.
        #[arg(long, default_value_t = 0.35)]
        copy_rate: f64,
        /// Days the stream spans.
        #[arg(long, default_value_t = 365)]
        span_days: i64,
        /// The shared data folder.
        #[arg(long, default_value = "../shared/data")]
        data: PathBuf,
        /// Output folder.
        #[arg(long)]
        out: PathBuf,
    },
    /// Run our dedup over a corpus.
    Run {
        /// The corpus.
        #[arg(long)]
        corpus: PathBuf,
        /// Where to write predicted pairs (full runs).
        #[arg(long)]
        out: Option<PathBuf>,
        /// Only build the index (no texts kept, no verification): memory figures.
        #[arg(long)]
        index_only: bool,
        /// Eviction window in days.
        #[arg(long, default_value_t = sitrep_dedup::DEFAULT_WINDOW_DAYS)]
        window_days: u32,
        /// Winnowing window (shingles).
        #[arg(long)]
        winnow: Option<usize>,
        /// Minimum shared words of a passage.
        #[arg(long)]
        min_words: Option<usize>,
        /// Words per fingerprinted shingle.
        #[arg(long)]
        fp_words: Option<usize>,
        /// Latest articles kept tokenised for verification.
        #[arg(long)]
        cache: Option<usize>,
        /// Threads: 2 tokenises the next chunk while the index works on this one.
        #[arg(long, default_value_t = 1)]
        threads: usize,
    },
    /// Re-run story clustering over databases `sitrep ingest` filled and
    /// score BCubed against gold (`url<TAB>thread<TAB>story`), with the
    /// seconds spent clustering. `STORIES_BY_ID=1` names articles by id
    /// (synthetic corpora repeat urls); `STORIES_DUMP=FILE` writes the
    /// last run's labels in the gold's format (to compare two settings).
    Stories {
        /// Database and gold file pairs: `DB:GOLD`.
        #[arg(required = true)]
        runs: Vec<String>,
        /// Preset: `embedding`, `lexical` or `baseline`.
        #[arg(long, default_value = "embedding")]
        preset: String,
        /// Parameter overrides, `key=value,...`; several sets separated by `;`.
        #[arg(long, default_value = "")]
        set: String,
    },
    /// Story clustering throughput on a generated corpus (features,
    /// optional embeddings, clustering), articles/s.
    StoriesThroughput {
        /// The corpus.
        #[arg(long)]
        corpus: PathBuf,
        /// Articles to cluster.
        #[arg(long, default_value_t = 100_000)]
        n: usize,
        /// Folder of the sentence-embedding model (model.safetensors,
        /// tokenizer.json, config.json); without it, no embeddings.
        #[arg(long)]
        model: Option<PathBuf>,
    },
    /// Score predictions against the truth.
    Score {
        /// The corpus (for passage texts).
        #[arg(long)]
        corpus: PathBuf,
        /// The truth.
        #[arg(long)]
        truth: PathBuf,
        /// The predictions.
        #[arg(long)]
        pred: PathBuf,
        /// A label for the output line.
        #[arg(long, default_value = "ours")]
        label: String,
    },
}

fn main() -> anyhow::Result<()> {
    let mut stdout = std::io::stdout().lock();
    match Cli::parse().command {
        Command::Generate {
            n,
            seed,
            copy_rate,
            span_days,
            data,
            out,
        } => {
            let bases = sources::load(&data)?;
            if bases.is_empty() {
                anyhow::bail!(
                    "no real article texts under {}; is ../shared/data there?",
                    data.display()
                );
            }
            std::fs::create_dir_all(&out)?;
            let mut corpus = BufWriter::new(std::fs::File::create(out.join("corpus.jsonl"))?);
            let mut truth = BufWriter::new(std::fs::File::create(out.join("truth.jsonl"))?);
            let settings = generate::Settings {
                n,
                seed,
                copy_rate,
                span_days,
            };
            let w = generate::write(&bases, &settings, &mut corpus, &mut truth)?;
            corpus.flush()?;
            truth.flush()?;
            writeln!(
                stdout,
                "generated {} articles ({} real base texts of {} loaded), copies {:?}, {} truth pairs",
                w.articles,
                w.real,
                bases.len(),
                w.copies,
                w.pairs
            )?;
        }
        Command::Run {
            corpus,
            out,
            index_only,
            window_days,
            winnow,
            min_words,
            fp_words,
            cache,
            threads,
        } => {
            let defaults = sitrep_dedup::Params::default();
            let params = sitrep_dedup::Params {
                window_days,
                window: winnow.unwrap_or(defaults.window),
                min_passage_words: min_words.unwrap_or(defaults.min_passage_words),
                fingerprint_words: fp_words.unwrap_or(defaults.fingerprint_words),
                prepared_cache: cache.unwrap_or(defaults.prepared_cache),
                ..defaults
            };
            let report = if index_only {
                run::index_only(&corpus, params)?
            } else {
                let path = out.ok_or_else(|| anyhow::anyhow!("--out is needed for a full run"))?;
                let mut w = BufWriter::new(std::fs::File::create(&path)?);
                let r = run::full(&corpus, params, threads, &mut w)?;
                w.flush()?;
                r
            };
            let per_cpu = report.cpu_seconds.map_or_else(String::new, |c| {
                format!(" ({:.0} per CPU second)", report.articles as f64 / c.max(1e-9))
            });
            writeln!(
                stdout,
                "ours: {} articles in {:.2} s = {:.0} articles/s{per_cpu}; index {:.1} MiB; {} {}",
                report.articles,
                report.seconds,
                report.articles as f64 / report.seconds.max(1e-9),
                report.index_bytes as f64 / (1024.0 * 1024.0),
                report.pairs,
                if index_only { "candidate pairs" } else { "pairs" }
            )?;
        }
        Command::Stories { runs, preset, set } => {
            let (base, embeddings) = match preset.as_str() {
                "embedding" => (sitrep_cluster::Params::with_embeddings(), true),
                "lexical" => (sitrep_cluster::Params::lexical(), false),
                "baseline" => (sitrep_cluster::Params::baseline(), false),
                other => anyhow::bail!("unknown preset {other}"),
            };
            let mut loaded = Vec::new();
            for r in &runs {
                let (db, gold) = r
                    .split_once(':')
                    .ok_or_else(|| anyhow::anyhow!("runs are DB:GOLD"))?;
                loaded.push((stories::load(db.as_ref())?, stories::gold(gold.as_ref())?));
            }
            for overrides in set.split(';') {
                let params = stories::apply(base, overrides)?;
                let mut line = format!("{preset} [{overrides}]");
                for (stream, (gs, gt)) in &loaded {
                    let started = std::time::Instant::now();
                    let (ps, pt) = stories::run(stream, params, embeddings, 64);
                    let seconds = started.elapsed().as_secs_f64();
                    if let Some(path) = std::env::var_os("STORIES_DUMP") {
                        let mut dump = String::new();
                        for (u, s) in &ps {
                            dump.push_str(&format!("{u}\t{}\t{s}\n", pt[u]));
                        }
                        std::fs::write(path, dump)?;
                    }
                    if std::env::var_os("CONFUSIONS").is_some() {
                        write!(stdout, "{}", stories::confusions(stream, &ps, gs))?;
                    }
                    let (sp, sr, sf) = stories::bcubed(&ps, gs);
                    let (tp, tr, tf) = stories::bcubed(&pt, gt);
                    line.push_str(&format!(
                        " | story P {sp:.3} R {sr:.3} F1 {sf:.4} thread P {tp:.3} R {tr:.3} F1 {tf:.4} ({seconds:.2} s)"
                    ));
                }
                writeln!(stdout, "{line}")?;
            }
        }
        Command::StoriesThroughput { corpus, n, model } => {
            let embedder = match &model {
                Some(dir) => {
                    let read = |f: &str| std::fs::read(dir.join(f));
                    Some(sitrep_cluster::embed::Embedder::from_bytes(
                        read("model.safetensors")?,
                        &read("tokenizer.json")?,
                        &read("config.json")?,
                        128,
                    )?)
                }
                None => None,
            };
            let t = stories::throughput(&corpus, n, embedder.as_ref())?;
            let total = t.prepare_seconds + t.cluster_seconds;
            writeln!(
                stdout,
                "stories ({}): {} articles, {} stories; features{} {:.1} s, clustering {:.1} s = {:.0} articles/s \
                 (clustering alone {:.0} articles/s)",
                if embedder.is_some() {
                    "with embeddings"
                } else {
                    "lexical"
                },
                t.articles,
                t.stories,
                if embedder.is_some() { " and embeddings" } else { "" },
                t.prepare_seconds,
                t.cluster_seconds,
                t.articles as f64 / total.max(1e-9),
                t.articles as f64 / t.cluster_seconds.max(1e-9)
            )?;
        }
        Command::Score {
            corpus,
            truth,
            pred,
            label,
        } => {
            let s = score::score(&corpus, &truth, &pred)?;
            writeln!(
                stdout,
                "{label}: pairs P {:.4} R {:.4} F1 {:.4} ({} predicted, {} true)",
                s.pairs.p, s.pairs.r, s.pairs.f1, s.predicted_pairs, s.truth_pairs
            )?;
            if let Some(p) = s.passages {
                writeln!(
                    stdout,
                    "{label}: passages (bytes) P {:.4} R {:.4} F1 {:.4}",
                    p.p, p.r, p.f1
                )?;
            }
            let by_kind: Vec<String> = s
                .recall_by_kind
                .iter()
                .map(|(k, (found, total))| {
                    format!(
                        "{k} {:.3} ({found}/{total})",
                        *found as f64 / (*total).max(1) as f64
                    )
                })
                .collect();
            writeln!(stdout, "{label}: recall by kind: {}", by_kind.join(", "))?;
        }
    }
    Ok(())
}
