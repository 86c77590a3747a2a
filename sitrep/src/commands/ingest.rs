//! `sitrep ingest`: read inputs, extract articles, annotate, deduplicate and store
//! them; report new, already present and rejected inputs, and how many new
//! articles are exact duplicates or share passages with earlier ones.

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::mpsc::Receiver;

use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};
use sitrep_extract::ExtractOptions;
use sitrep_ingest::Limits;
use sitrep_model::{Article, Rejection};
use sitrep_store::{AnnotationRecord, EventRecord, Store};

use crate::pipeline::{
    Dedup, EntityCountries, annotate_batch, events_batch, for_each_batch, fresh_in_stream, read_input,
    resolve_inputs,
};
use crate::timings::StageClock;

/// Counts for the summary line.
#[derive(Debug, Default)]
struct Tally {
    new: usize,
    existing: usize,
    exact_duplicates: usize,
    linked: usize,
    rejected: Vec<Rejection>,
}

pub fn run(
    db: &Path,
    dedup_window: u32,
    clustering: &crate::clustering::ClusterArgs,
    timings: bool,
    paths: &[PathBuf],
) -> anyhow::Result<()> {
    let mut store = Store::open(db).with_context(|| format!("opening the store {}", db.display()))?;
    store
        .tune_for_writing()
        .with_context(|| format!("opening the store {}", db.display()))?;
    // The reference data loads while the store's state is restored (and
    // is reported after it).
    let (read, restored) = rayon::join(crate::resources::Read::all, || -> anyhow::Result<_> {
        let dedup = Dedup::restore_window(&store, dedup_window)?;
        let stories = crate::clustering::Clustering::restore(
            &mut store,
            clustering.clustering,
            clustering.story_window,
            &crate::config::model_dir(),
        )?;
        Ok((dedup, stories))
    });
    let (mut dedup, mut stories) = restored?;
    let (resources, lexicon) = read.finish();
    // The annotating thread's own view of what was stored before this
    // ingest began (the store itself is busy with earlier batches).
    let before = Store::open_existing(db).with_context(|| format!("opening the store {}", db.display()))?;
    let (inputs, missing) = resolve_inputs(paths);
    let limits = Limits::default();
    let options = ExtractOptions::default();
    let mut rejected = missing;
    let mut clock = StageClock::new(timings);
    let progress = ProgressBar::new(inputs.len() as u64);
    progress.set_style(
        ProgressStyle::with_template("{bar:30} {pos}/{len} inputs, {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    // Two threads: this one reads, extracts, annotates and codes events
    // (batches in parallel on rayon); the other deduplicates, stores and
    // clusters the batch before, in input order. What each stage sees is
    // what it saw run one after the other.
    // (Asked here, the global pool starts from this thread.)
    let threads = rayon::current_num_threads();
    let done = std::thread::scope(|scope| -> anyhow::Result<_> {
        let (send, receive) = std::sync::mpsc::sync_channel::<Prepared>(1);
        let tail = std::thread::Builder::new()
            .name("sitrep-store".into())
            .spawn_scoped(scope, || {
                let mut clock = StageClock::new(timings);
                // Its own pool, as large as the global one, for the parallel
                // parts of dedup and clustering (tokenising, features,
                // embeddings), which would otherwise queue behind the
                // annotating batches.
                let pool = rayon::ThreadPoolBuilder::new()
                    .num_threads(threads)
                    .thread_name(|i| format!("sitrep-store-{i}"))
                    .build();
                let tally = match pool {
                    Ok(pool) => pool.install(|| {
                        store_batches(
                            receive,
                            db,
                            &mut store,
                            &mut dedup,
                            &mut stories,
                            &mut clock,
                            &progress,
                        )
                    }),
                    Err(e) => Err(e.into()),
                };
                (tally, clock)
            });
        let tail = tail.context("starting the store thread")?;
        let mut seen = HashSet::new();
        let mut countries = EntityCountries::default();
        let mut annotate = || -> anyhow::Result<()> {
            for input in &inputs {
                for_each_batch(
                    read_input(input, &limits),
                    &options,
                    |outcomes| -> anyhow::Result<()> {
                        let mut articles = Vec::with_capacity(outcomes.len());
                        for outcome in outcomes {
                            match outcome {
                                Ok(article) => articles.push(article),
                                Err(rejection) => rejected.push(rejection),
                            }
                        }
                        clock.mark(0);
                        let fresh = fresh_in_stream(&before, &mut seen, &articles)?;
                        let annotations = annotate_batch(&fresh, &resources, &mut countries);
                        clock.mark(1);
                        let events = events_batch(&fresh, &annotations, &lexicon);
                        clock.mark(2);
                        let records: Vec<_> = annotations.iter().map(Some).collect();
                        let features = crate::clustering::prepare(&fresh, &records);
                        clock.mark(5);
                        let sent = send.send(Prepared {
                            articles,
                            annotations,
                            events,
                            features,
                        });
                        clock.skip();
                        // A closed channel: storing failed, and says why.
                        anyhow::ensure!(sent.is_ok(), "storing stopped");
                        Ok(())
                    },
                )?;
                progress.inc(1);
            }
            Ok(())
        };
        let annotated = annotate();
        drop(send);
        match tail.join() {
            Ok(stored) => Ok((annotated, stored)),
            Err(panic) => std::panic::resume_unwind(panic),
        }
    });
    let (annotated, (stored, tail_clock)) = done?;
    let mut tally = stored?;
    annotated?;
    progress.finish_and_clear();
    tally.rejected = rejected;
    report(&tally)?;
    clock.absorb(&tail_clock);
    clock.report(&mut std::io::stderr().lock(), tally.new)?;
    Ok(())
}

/// A batch extracted, with the annotations, events and clustering features
/// of its new articles.
struct Prepared {
    articles: Vec<Article>,
    annotations: Vec<AnnotationRecord>,
    events: Vec<EventRecord>,
    /// The new articles' clustering features.
    features: crate::clustering::Prepared,
}

/// Deduplicate, store and cluster the batches `receive` hands over, in
/// order; the counts of what was stored.
fn store_batches(
    receive: Receiver<Prepared>,
    db: &Path,
    store: &mut Store,
    dedup: &mut Dedup,
    stories: &mut crate::clustering::Clustering,
    clock: &mut StageClock,
    progress: &ProgressBar,
) -> anyhow::Result<Tally> {
    let mut tally = Tally::default();
    for batch in receive {
        clock.skip();
        let Prepared {
            articles,
            annotations,
            events,
            mut features,
        } = batch;
        let records = dedup.batch(store, &articles)?;
        let new = crate::clustering::new_articles(&articles, &records);
        let vectors = stories.stored_vectors(store, &new)?;
        clock.mark(3);
        tally.exact_duplicates += records.iter().filter(|r| r.duplicate_of.is_some()).count();
        tally.linked += records.iter().filter(|r| !r.links.is_empty()).count();
        // Placing the new articles needs nothing the store is writing:
        // both run at once. The new articles are the ones dedup found
        // unstored; the insert stores exactly those (it ignores stored
        // ids), so both sides agree on them.
        let (stored, placed) = clock.overlap(
            (4, || {
                store.insert_batch_with_events(&articles, &records, &annotations, &events)
            }),
            (5, || {
                stories.batch_new(vectors, &new, &annotations, &records, &mut features)
            }),
        );
        let stored = stored.with_context(|| format!("storing articles in {}", db.display()))?;
        let placed = placed?;
        store
            .insert_clusters(&placed)
            .with_context(|| format!("storing stories in {}", db.display()))?;
        clock.mark(5);
        tally.new += stored.inserted.len();
        tally.existing += stored.existing.len();
        progress.set_message(format!("{} new", tally.new));
    }
    Ok(tally)
}

fn report(tally: &Tally) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "{} new, {} already present, {} rejected",
        tally.new,
        tally.existing,
        tally.rejected.len()
    )?;
    if tally.exact_duplicates + tally.linked > 0 {
        writeln!(
            out,
            "dedup: {} exact duplicates, {} sharing passages with earlier articles",
            tally.exact_duplicates, tally.linked
        )?;
    }
    drop(out);
    for r in &tally.rejected {
        eprintln!("rejected {r}");
    }
    Ok(())
}
