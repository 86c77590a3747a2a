//! `sitrep ingest`: read inputs, extract articles, annotate, deduplicate and store
//! them; report new, already present and rejected inputs, and how many new
//! articles are exact duplicates or share passages with earlier ones.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};
use sitrep_extract::ExtractOptions;
use sitrep_ingest::Limits;
use sitrep_model::Rejection;
use sitrep_store::Store;

use crate::pipeline::{
    Dedup, annotate_batch, events_batch, for_each_batch, fresh_articles, read_input, resolve_inputs,
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
    let mut dedup = Dedup::restore(
        &store,
        sitrep_dedup::Params {
            window_days: dedup_window,
            ..sitrep_dedup::Params::default()
        },
    )?;
    let resources = crate::resources::load();
    let lexicon = crate::resources::event_lexicon();
    let mut stories = crate::clustering::Clustering::restore(
        &mut store,
        clustering.clustering,
        clustering.story_window,
        &crate::config::model_dir(),
    )?;
    let (inputs, missing) = resolve_inputs(paths);
    let limits = Limits::default();
    let options = ExtractOptions::default();
    let mut tally = Tally {
        rejected: missing,
        ..Tally::default()
    };
    let mut clock = StageClock::new(timings);
    let progress = ProgressBar::new(inputs.len() as u64);
    progress.set_style(
        ProgressStyle::with_template("{bar:30} {pos}/{len} inputs, {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    for input in &inputs {
        for_each_batch(
            read_input(input, &limits),
            &options,
            |outcomes| -> anyhow::Result<()> {
                let mut articles = Vec::with_capacity(outcomes.len());
                for outcome in outcomes {
                    match outcome {
                        Ok(article) => articles.push(article),
                        Err(rejection) => tally.rejected.push(rejection),
                    }
                }
                clock.mark(0);
                let fresh = fresh_articles(&store, &articles)?;
                let annotations = annotate_batch(&fresh, &resources);
                clock.mark(1);
                let events = events_batch(&fresh, &annotations, &lexicon);
                clock.mark(2);
                let records = dedup.batch(&store, &articles)?;
                clock.mark(3);
                tally.exact_duplicates += records.iter().filter(|r| r.duplicate_of.is_some()).count();
                tally.linked += records.iter().filter(|r| !r.links.is_empty()).count();
                let stored = store
                    .insert_batch_with_events(&articles, &records, &annotations, &events)
                    .with_context(|| format!("storing articles in {}", db.display()))?;
                clock.mark(4);
                let placed =
                    stories.batch_stored(&store, &articles, &stored.inserted, &annotations, &records)?;
                store
                    .insert_clusters(&placed)
                    .with_context(|| format!("storing stories in {}", db.display()))?;
                clock.mark(5);
                tally.new += stored.inserted.len();
                tally.existing += stored.existing.len();
                progress.set_message(format!("{} new", tally.new));
                Ok(())
            },
        )?;
        progress.inc(1);
    }
    progress.finish_and_clear();
    report(&tally)?;
    clock.report(&mut std::io::stderr().lock(), tally.new)?;
    Ok(())
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
