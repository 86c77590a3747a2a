//! Where `sitrep ingest --timings` spends its time: wall-clock seconds per
//! pipeline stage, summed over batches and printed once at the end. The
//! only module of the binary that reads the clock; nothing it measures
//! changes what is computed or stored. Ingest runs its stages on two
//! threads that overlap (read, extract, annotate and events of one batch
//! while dedup, store and clustering work on the one before), so the
//! stages' seconds can add up to more than the total; time a thread
//! waits for the other is charged to no stage. Where the store thread
//! writes a batch and clusters it at once ([`StageClock::overlap`]),
//! each is charged its own seconds.

use std::io::Write;
use std::time::Instant;

/// The stages an ingest batch goes through, in order.
pub const STAGES: [&str; 6] = ["read+extract", "annotate", "events", "dedup", "store", "cluster"];

/// Seconds spent per stage.
#[derive(Debug)]
pub struct StageClock {
    seconds: [f64; STAGES.len()],
    since: Option<Instant>,
    started: Option<Instant>,
}

impl StageClock {
    /// A clock that measures only when `enabled`.
    pub fn new(enabled: bool) -> Self {
        let now = enabled.then(Instant::now);
        Self {
            seconds: [0.0; STAGES.len()],
            since: now,
            started: now,
        }
    }

    /// Charge the time since the previous mark to stage `index` of
    /// [`STAGES`].
    pub fn mark(&mut self, index: usize) {
        if self.started.is_none() {
            return;
        }
        let now = Instant::now();
        if let (Some(since), Some(slot)) = (self.since, self.seconds.get_mut(index)) {
            *slot += now.duration_since(since).as_secs_f64();
        }
        self.since = Some(now);
    }

    /// Start counting again from now without charging the time since the
    /// previous mark to any stage (time spent waiting for another thread).
    pub fn skip(&mut self) {
        if self.started.is_some() {
            self.since = Some(Instant::now());
        }
    }

    /// Run `first` and `second` at once (`rayon::join`), charging each
    /// one's own seconds to its stage (`.0`), and count again from when
    /// both are done.
    pub fn overlap<A, B>(
        &mut self,
        first: (usize, impl FnOnce() -> A + Send),
        second: (usize, impl FnOnce() -> B + Send),
    ) -> (A, B)
    where
        A: Send,
        B: Send,
    {
        let enabled = self.started.is_some();
        let ((a, ta), (b, tb)) = rayon::join(
            || {
                let start = enabled.then(Instant::now);
                ((first.1)(), start.map(|s| s.elapsed().as_secs_f64()))
            },
            || {
                let start = enabled.then(Instant::now);
                ((second.1)(), start.map(|s| s.elapsed().as_secs_f64()))
            },
        );
        for (index, seconds) in [(first.0, ta), (second.0, tb)] {
            if let (Some(s), Some(slot)) = (seconds, self.seconds.get_mut(index)) {
                *slot += s;
            }
        }
        self.skip();
        (a, b)
    }

    /// Add the seconds `other` charged (a clock of stages that ran on
    /// another thread, overlapping these).
    pub fn absorb(&mut self, other: &StageClock) {
        for (mine, theirs) in self.seconds.iter_mut().zip(other.seconds) {
            *mine += theirs;
        }
    }

    /// Print one line per stage and the total to `out`, when enabled.
    pub fn report(&self, out: &mut impl Write, articles: usize) -> std::io::Result<()> {
        let Some(started) = self.started else {
            return Ok(());
        };
        let total = started.elapsed().as_secs_f64();
        for (name, s) in STAGES.iter().zip(self.seconds) {
            writeln!(
                out,
                "timings: {name:<13} {s:>9.3} s  {:>5.1}%",
                100.0 * s / total.max(1e-9)
            )?;
        }
        let rate = articles as f64 / total.max(1e-9);
        writeln!(
            out,
            "timings: {:<13} {total:>9.3} s  {rate:.1} new articles/s",
            "total"
        )
    }
}
