//! Timelines: the coded events of all articles of a thread consolidated
//! into one entry per real-world happening, each citing every sentence that
//! supports it and listing where sources disagree; and the situation
//! report rendered from them (Markdown and standalone HTML).
//!
//! Why it is built this way: consolidation is a pure function of the
//! thread's articles and their coded events, so it is deterministic and
//! tested on invented inputs; the binary gathers the inputs from the store.
//! Merging is conservative and explainable — same event type, compatible
//! actors, compatible dates and places — with two news-specific rules:
//! an undated restatement (no time expression, dated only by publication)
//! joins the earlier dated happening it repeats (background facts), and
//! within one story, day-precise dates a day or two apart for the same
//! actors and type are one happening with a date dispute rather than two
//! happenings.

pub mod consolidate;
pub mod disputes;
pub mod input;
pub mod report;
pub mod title;

pub use consolidate::{Timeline, TimelineEvent, consolidate_thread};
pub use input::{ArticleInput, EntityName, ThreadInput};

#[cfg(test)]
mod tests;
