//! The situation report: per thread, an extractive summary (every sentence
//! cited), the timeline with evidence and disputes, key actors and places,
//! quotes by actor, and who reprinted whom — as Markdown and as one
//! standalone HTML page (no external assets; all article text escaped).

mod html;
mod markdown;

use std::collections::{BTreeMap, BTreeSet};

use sitrep_model::{Article, EventDateBasis};

use crate::consolidate::{Timeline, TimelineEvent};

pub use html::render_html;
pub use markdown::render_markdown;

/// A quote for the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteLine {
    /// Speaker as named (or resolved).
    pub speaker: String,
    /// The quoted words.
    pub text: String,
    /// Article id.
    pub article: String,
}

/// One article reprinting passages of an earlier one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CopyEdge {
    /// The article that printed the passages first.
    pub original: String,
    /// The article that reprinted them.
    pub copy: String,
    /// Number of shared passages.
    pub passages: usize,
}

/// Everything the report shows about one thread.
#[derive(Debug, Clone)]
pub struct ThreadReport<'a> {
    /// The consolidated timeline.
    pub timeline: &'a Timeline,
    /// The thread's articles (the sources, numbered in this order).
    pub articles: Vec<&'a Article>,
    /// Attributed quotes.
    pub quotes: Vec<QuoteLine>,
    /// Copied passages between the thread's articles.
    pub copies: Vec<CopyEdge>,
}

impl ThreadReport<'_> {
    /// The source number (1-based) of an article in this thread.
    pub fn source_number(&self, article: &str) -> Option<usize> {
        self.articles
            .iter()
            .position(|a| a.id.as_str() == article)
            .map(|i| i + 1)
    }

    /// A short label for a source: its outlet, else its title, else its id.
    pub fn source_label(&self, article: &str) -> String {
        self.articles
            .iter()
            .find(|a| a.id.as_str() == article)
            .map(|a| {
                a.source
                    .clone()
                    .or_else(|| a.title.clone())
                    .unwrap_or_else(|| a.id.to_string())
            })
            .unwrap_or_else(|| article.to_owned())
    }

    /// Sentences for the summary: the first evidence sentence of the most
    /// widely reported happenings (at most `n`), in date order, each with
    /// the sources that report the happening.
    pub fn summary(&self, n: usize) -> Vec<(&TimelineEvent, &str)> {
        let mut ranked: Vec<&TimelineEvent> = self.timeline.events.iter().collect();
        // Most sources first; among equals, happenings the text dates
        // before those only dated by their reports.
        ranked.sort_by(|a, b| {
            b.articles
                .len()
                .cmp(&a.articles.len())
                .then_with(|| {
                    (b.date_basis == EventDateBasis::Text).cmp(&(a.date_basis == EventDateBasis::Text))
                })
                .then_with(|| a.id.cmp(&b.id))
        });
        let mut chosen: Vec<&TimelineEvent> = Vec::new();
        let mut texts: BTreeSet<&str> = BTreeSet::new();
        for e in ranked {
            if chosen.len() >= n {
                break;
            }
            if let Some(ev) = e.evidence.first()
                && texts.insert(ev.text.as_str())
            {
                chosen.push(e);
            }
        }
        let position: BTreeMap<&str, usize> = self
            .timeline
            .events
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.as_str(), i))
            .collect();
        chosen.sort_by_key(|e| position.get(e.id.as_str()).copied().unwrap_or(usize::MAX));
        chosen
            .into_iter()
            .filter_map(|e| e.evidence.first().map(|ev| (e, ev.text.as_str())))
            .collect()
    }

    /// Actors linked to an entity, by the number of happenings they take
    /// part in, each under its most used name ("Marco Rubio" and "Rubio"
    /// count as one).
    pub fn key_actors(&self, n: usize) -> Vec<(String, usize)> {
        let mut by_entity: BTreeMap<&str, (BTreeSet<&str>, BTreeMap<&str, usize>)> = BTreeMap::new();
        for e in &self.timeline.events {
            for a in &e.actors {
                let Some(entity) = a.entity.as_deref() else {
                    continue;
                };
                let entry = by_entity.entry(entity).or_default();
                entry.0.insert(e.id.as_str());
                *entry.1.entry(a.name.as_str()).or_default() += 1;
            }
        }
        let counts = by_entity
            .into_values()
            .filter_map(|(events, names)| {
                let name = names
                    .into_iter()
                    .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(a.0)))?
                    .0;
                Some((name.to_owned(), events.len()))
            })
            .collect();
        top(counts, n)
    }

    /// Places by the number of happenings there.
    pub fn key_places(&self, n: usize) -> Vec<(String, usize)> {
        let mut counts: BTreeMap<String, usize> = BTreeMap::new();
        for e in &self.timeline.events {
            for p in &e.places {
                *counts.entry(p.name.clone()).or_default() += 1;
            }
        }
        top(counts, n)
    }

    /// Quotes grouped by speaker, speakers in order of first quote.
    pub fn quotes_by_speaker(&self) -> Vec<(&str, Vec<&QuoteLine>)> {
        let mut out: Vec<(&str, Vec<&QuoteLine>)> = Vec::new();
        for q in &self.quotes {
            match out.iter_mut().find(|(s, _)| *s == q.speaker) {
                Some((_, list)) => list.push(q),
                None => out.push((q.speaker.as_str(), vec![q])),
            }
        }
        out
    }
}

fn top(counts: BTreeMap<String, usize>, n: usize) -> Vec<(String, usize)> {
    let mut v: Vec<(String, usize)> = counts.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    v.truncate(n);
    v
}

/// Citations like `[1][3]` for the articles reporting a happening.
pub(crate) fn citations(report: &ThreadReport<'_>, articles: &[String]) -> String {
    let mut numbers: Vec<usize> = articles.iter().filter_map(|a| report.source_number(a)).collect();
    numbers.sort_unstable();
    numbers.iter().map(|n| format!("[{n}]")).collect()
}
