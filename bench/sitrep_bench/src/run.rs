//! Our dedup over a generated corpus, in stream order, through the same
//! `DedupIndex::process` the ingest pipeline calls (candidate texts come
//! from memory instead of the store).

use std::borrow::Cow;
use std::io::{BufRead, Write};
use std::path::Path;
use std::time::Instant;

use anyhow::Context;
use serde::{Deserialize, Serialize};
use sitrep_dedup::{DedupIndex, Existing, Incoming, Params, Ready, Signature};
use sitrep_model::{ArticleId, PublishedDate};

#[derive(Deserialize)]
struct Line {
    id: String,
    published: Option<String>,
    text: String,
}

/// One predicted pair: `a` printed earlier in the stream than `b`.
#[derive(Serialize, Deserialize)]
pub struct Prediction {
    /// Earlier article.
    pub a: String,
    /// Later article.
    pub b: String,
    /// Similarity reported.
    #[serde(default)]
    pub similarity: f64,
    /// Shared passages in `a`.
    #[serde(default)]
    pub a_spans: Vec<(usize, usize)>,
    /// Shared passages in `b`.
    #[serde(default)]
    pub b_spans: Vec<(usize, usize)>,
}

/// What a run measured.
pub struct Report {
    /// Articles processed.
    pub articles: usize,
    /// Seconds in the dedup loop.
    pub seconds: f64,
    /// CPU seconds in the dedup loop (this thread's), when the system says.
    pub cpu_seconds: Option<f64>,
    /// Bytes the index's tables hold at the end.
    pub index_bytes: usize,
    /// Pairs found (or candidate pairs, for an index-only run).
    pub pairs: usize,
}

fn parse(line: &str) -> anyhow::Result<(ArticleId, String, Option<PublishedDate>)> {
    let l: Line = serde_json::from_str(line).context("corpus line")?;
    let published = l.published.and_then(|p| p.parse().ok());
    Ok((ArticleId::from_stored(l.id), l.text, published))
}

/// This thread's CPU time so far, from `/proc/thread-self/schedstat`
/// (Linux); CPU time is what to compare when other work shares the cores.
fn cpu_now() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

fn position(id: &ArticleId) -> Option<usize> {
    id.as_str().strip_prefix('a')?.parse().ok()
}

/// Articles prepared together when preparing runs beside processing.
const CHUNK: usize = 256;

/// Full run: signatures, candidates, verification and passages; writes
/// the predictions to `out`. With `threads` > 1 the next chunk of articles
/// is tokenised and signed (pure work) while the current one goes through
/// the index, as the ingest pipeline does per batch.
pub fn full(corpus: &Path, params: Params, threads: usize, out: &mut impl Write) -> anyhow::Result<Report> {
    let file = std::io::BufReader::new(std::fs::File::open(corpus)?);
    let mut docs = Vec::new();
    for line in file.lines() {
        docs.push(parse(&line?)?);
    }
    let mut index = DedupIndex::new(params);
    let mut found = Vec::new();
    let prepare = |chunk: &[(ArticleId, String, Option<PublishedDate>)]| -> Vec<Ready> {
        chunk
            .iter()
            .map(|(_, text, _)| Ready::new(text, &params))
            .collect()
    };
    let cpu_started = cpu_now();
    let started = Instant::now();
    let chunks: Vec<&[(ArticleId, String, Option<PublishedDate>)]> = docs.chunks(CHUNK).collect();
    let mut ready = if threads > 1 {
        chunks.first().map(|c| prepare(c))
    } else {
        None
    };
    for (k, chunk) in chunks.iter().enumerate() {
        let mut work = |current: Option<Vec<Ready>>| -> anyhow::Result<()> {
            let mut current = current.map(Vec::into_iter);
            for (id, text, published) in chunk.iter() {
                let r = match current.as_mut().and_then(Iterator::next) {
                    Some(r) => r,
                    None => Ready::new(text, &params),
                };
                let outcome = index.process_ready(
                    Incoming {
                        id,
                        text,
                        published: *published,
                    },
                    r,
                    |other| -> anyhow::Result<Option<Existing<'_>>> {
                        Ok(position(other)
                            .and_then(|p| docs.get(p))
                            .map(|(_, t, _)| Existing {
                                text: Cow::Borrowed(t.as_str()),
                            }))
                    },
                )?;
                for link in outcome.links {
                    found.push(Prediction {
                        a: link.other.to_string(),
                        b: id.to_string(),
                        similarity: link.similarity,
                        a_spans: link
                            .passages
                            .iter()
                            .map(|p| (p.other_span.start, p.other_span.end))
                            .collect(),
                        b_spans: link.passages.iter().map(|p| (p.span.start, p.span.end)).collect(),
                    });
                }
            }
            Ok(())
        };
        if threads > 1 {
            let current = ready.take();
            let next_chunk = chunks.get(k + 1);
            let (done, next) = rayon::join(|| work(current), || next_chunk.map(|c| prepare(c)));
            done?;
            ready = next;
        } else {
            work(None)?;
        }
    }
    let seconds = started.elapsed().as_secs_f64();
    let cpu_seconds = if threads > 1 {
        None
    } else {
        cpu_now().zip(cpu_started).map(|(b, a)| b - a)
    };
    for p in &found {
        serde_json::to_writer(&mut *out, p)?;
        out.write_all(b"\n")?;
    }
    Ok(Report {
        articles: docs.len(),
        seconds,
        cpu_seconds,
        index_bytes: index.memory_bytes(),
        pairs: found.len(),
    })
}

/// Index-only run: streams the corpus without keeping texts, computing
/// signatures, looking candidates up and inserting; for memory figures.
pub fn index_only(corpus: &Path, params: Params) -> anyhow::Result<Report> {
    let file = std::io::BufReader::new(std::fs::File::open(corpus)?);
    let mut index = DedupIndex::new(params);
    let mut candidates = 0;
    let mut articles = 0;
    let mut seconds = 0.0;
    let mut cpu = 0.0;
    for line in file.lines() {
        let (id, text, published) = parse(&line?)?;
        let started = Instant::now();
        let cpu_started = cpu_now();
        let signature = Signature::new(&text, &params);
        candidates += index.candidates(&signature).len();
        index.insert(id, published, &signature);
        seconds += started.elapsed().as_secs_f64();
        cpu += cpu_now().zip(cpu_started).map_or(0.0, |(b, a)| b - a);
        articles += 1;
    }
    Ok(Report {
        articles,
        seconds,
        cpu_seconds: Some(cpu),
        index_bytes: index.memory_bytes(),
        pairs: candidates,
    })
}
