//! The situation picture gathered from the store: threads with their
//! stories, articles, coded events and quotes, consolidated into timelines
//! (`sitrep_timeline`), and the inputs of the situation report. Shared by
//! `sitrep timeline`, `sitrep report` and the dashboard of `sitrep serve`.
//!
//! An article that states no publication date is dated from its story:
//! its time expressions are resolved again against the median publication
//! day of the story's dated articles (anchored `inferred`) and its events
//! coded again, so "on Friday" in an undated copy of a wire story lands on
//! the same Friday as in the dated ones. This happens here, on reading,
//! because a story's dates change as articles arrive; what is stored per
//! article stays what the article itself says.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;
use sitrep_events::Lexicon;
use sitrep_model::{Article, ArticleId, Event, PublishedDate, Quote};
use sitrep_store::{Store, StoreError, StoryListing};
use sitrep_timeline::report::{CopyEdge, QuoteLine, ThreadReport};
use sitrep_timeline::{ArticleInput, EntityName, ThreadInput, Timeline, consolidate_thread};

/// Everything read from the store that the timelines are built from.
pub struct Gathered {
    stories: Vec<StoryListing>,
    articles: BTreeMap<ArticleId, Article>,
    /// Each article's position in storage order.
    position: BTreeMap<ArticleId, usize>,
    events: BTreeMap<ArticleId, Vec<Event>>,
    /// Publication dates inferred from the story, for undated articles.
    inferred: BTreeMap<ArticleId, PublishedDate>,
    quotes: BTreeMap<ArticleId, Vec<Quote>>,
    copies: BTreeMap<ArticleId, Vec<(ArticleId, usize)>>,
    /// Canonical names and sectors of the linked entities, by id.
    entity_names: BTreeMap<String, EntityName>,
}

/// One thread: its id, title and stories in time order.
struct ThreadPlan<'a> {
    id: &'a str,
    title: &'a str,
    stories: Vec<&'a StoryListing>,
}

/// A story in the `sitrep stories --json` shape (without the thread link).
#[derive(Debug, Serialize)]
pub struct StoryView {
    id: String,
    title: String,
    thread: String,
    articles: Vec<String>,
    first_published: Option<PublishedDate>,
    last_published: Option<PublishedDate>,
}

/// The `sitrep timeline --json` document, with the stories beside it for
/// the dashboard.
#[derive(Debug, Serialize)]
pub struct SituationJson {
    /// Threads with their consolidated timelines.
    pub threads: Vec<Timeline>,
    /// Stories (only for the dashboard; `sitrep timeline` leaves them out).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stories: Option<Vec<StoryView>>,
}

impl Gathered {
    /// Read stories, articles, events, quotes and copied passages; date
    /// undated articles from their stories (`lexicon` codes their events
    /// again).
    pub fn read(store: &Store, lexicon: &Lexicon) -> Result<Self, StoreError> {
        let stories = store.stories()?;
        let list = store.articles()?;
        let position: BTreeMap<ArticleId, usize> =
            list.iter().enumerate().map(|(i, a)| (a.id.clone(), i)).collect();
        let articles: BTreeMap<ArticleId, Article> = list.into_iter().map(|a| (a.id.clone(), a)).collect();
        let mut events: BTreeMap<ArticleId, Vec<Event>> = store
            .events()?
            .into_iter()
            .map(|r| (r.article, r.events))
            .collect();
        let inferred = story_dates(&stories, &articles);
        let mut quotes = BTreeMap::new();
        let mut entity_names = BTreeMap::new();
        for record in store.annotations()? {
            for e in &record.entities {
                entity_names.entry(e.id.0.clone()).or_insert_with(|| EntityName {
                    name: e.name.clone(),
                    kind: e.kind,
                    sector: e.sector.clone(),
                });
            }
            if let (Some(date), Some(article)) =
                (inferred.get(&record.article), articles.get(&record.article))
            {
                events.insert(record.article.clone(), recode(article, *date, &record, lexicon));
            }
            quotes.insert(record.article, record.annotations.quotes);
        }
        let view = store.dedup_view()?;
        let copies = view
            .links
            .into_iter()
            .map(|(article, links)| {
                let reprinted: Vec<(ArticleId, usize)> = links
                    .into_iter()
                    .filter_map(|l| {
                        let n = l
                            .passages
                            .iter()
                            .filter(|p| !p.quote && p.first == l.other)
                            .count();
                        (n > 0).then_some((l.other, n))
                    })
                    .collect();
                (article, reprinted)
            })
            .collect();
        Ok(Self {
            stories,
            articles,
            position,
            events,
            inferred,
            quotes,
            copies,
            entity_names,
        })
    }

    /// Threads in order of their first story; each titled by its largest
    /// story with a headline (else its largest story; among equals the
    /// latest, then the first).
    fn threads(&self) -> Vec<ThreadPlan<'_>> {
        let mut by_thread: BTreeMap<&str, Vec<&StoryListing>> = BTreeMap::new();
        let mut first_seen: Vec<&str> = Vec::new();
        for s in &self.stories {
            let t = s.story.thread.as_str();
            if !by_thread.contains_key(t) {
                first_seen.push(t);
            }
            by_thread.entry(t).or_default().push(s);
        }
        first_seen
            .into_iter()
            .map(|id| {
                let stories = by_thread.remove(id).unwrap_or_default();
                let title = stories
                    .iter()
                    .enumerate()
                    .max_by_key(|(i, s)| {
                        (
                            self.is_headline(s),
                            s.articles.len(),
                            s.story.last_published,
                            std::cmp::Reverse(*i),
                        )
                    })
                    .map_or("", |(_, s)| s.story.title.as_str());
                ThreadPlan { id, title, stories }
            })
            .collect()
    }

    /// Is the story titled by one of its articles' headlines (rather than
    /// by a lead sentence, when none of its articles has a title)?
    fn is_headline(&self, s: &StoryListing) -> bool {
        s.articles.iter().any(|id| {
            self.articles
                .get(id)
                .and_then(|a| a.title.as_deref())
                .is_some_and(|t| t == s.story.title)
        })
    }

    /// The thread's articles in storage order, each with its story.
    fn input<'a>(&'a self, plan: &ThreadPlan<'a>) -> ThreadInput<'a> {
        let mut members: Vec<(usize, &ArticleId, &str)> = plan
            .stories
            .iter()
            .flat_map(|s| s.articles.iter().map(|a| (a, s.story.id.as_str())))
            .filter_map(|(id, story)| Some((*self.position.get(id)?, id, story)))
            .collect();
        members.sort_by_key(|&(position, _, _)| position);
        members.dedup_by_key(|&mut (position, _, _)| position);
        let articles = members
            .into_iter()
            .filter_map(|(_, id, story)| {
                let article = self.articles.get(id)?;
                Some(ArticleInput {
                    article,
                    story: Some(story),
                    events: self.events.get(id).map_or(&[][..], Vec::as_slice),
                    quotes: self.quotes.get(id).map_or(&[][..], Vec::as_slice),
                    inferred_published: self.inferred.get(id).copied(),
                })
            })
            .collect();
        ThreadInput {
            id: plan.id,
            title: plan.title,
            stories: plan.stories.iter().map(|s| s.story.id.as_str()).collect(),
            articles,
            entity_names: &self.entity_names,
        }
    }

    /// The consolidated timelines, one per thread (only `thread` when
    /// given).
    pub fn timelines(&self, thread: Option<&str>) -> Vec<Timeline> {
        self.threads()
            .iter()
            .filter(|p| thread.is_none_or(|t| t == p.id))
            .map(|p| consolidate_thread(&self.input(p)))
            .collect()
    }

    /// The stories in the `sitrep stories --json` shape.
    pub fn story_views(&self) -> Vec<StoryView> {
        let day = |d: Option<i64>| d.and_then(PublishedDate::from_days_since_epoch);
        self.stories
            .iter()
            .map(|s| StoryView {
                id: s.story.id.clone(),
                title: s.story.title.clone(),
                thread: s.story.thread.clone(),
                articles: s.articles.iter().map(ToString::to_string).collect(),
                first_published: day(s.story.first_published),
                last_published: day(s.story.last_published),
            })
            .collect()
    }

    /// What the report shows of each timeline's thread: its articles, the
    /// attributed quotes, and who reprinted whom among its articles.
    pub fn reports<'a>(&'a self, timelines: &'a [Timeline]) -> Vec<ThreadReport<'a>> {
        timelines
            .iter()
            .map(|tl| {
                let ids: Vec<ArticleId> = tl.articles.iter().map(ArticleId::from_stored).collect();
                let members: BTreeSet<&ArticleId> = ids.iter().collect();
                let articles: Vec<&Article> = ids.iter().filter_map(|id| self.articles.get(id)).collect();
                let quotes = articles
                    .iter()
                    .flat_map(|a| {
                        self.quotes
                            .get(&a.id)
                            .into_iter()
                            .flatten()
                            .filter_map(move |q| quote_line(a, q))
                    })
                    .collect();
                let copies = ids
                    .iter()
                    .flat_map(|id| {
                        self.copies
                            .get(id)
                            .into_iter()
                            .flatten()
                            .filter(|(other, _)| members.contains(other))
                            .map(move |(other, n)| CopyEdge {
                                original: other.to_string(),
                                copy: id.to_string(),
                                passages: *n,
                            })
                    })
                    .collect();
                ThreadReport {
                    timeline: tl,
                    articles,
                    quotes,
                    copies,
                }
            })
            .collect()
    }
}

/// A quote with a named speaker, as the report lists it.
fn quote_line(article: &Article, q: &Quote) -> Option<QuoteLine> {
    let speaker = q.speaker.clone()?;
    let text = article.text.get(q.span.start..q.span.end)?.trim();
    (!text.is_empty()).then(|| QuoteLine {
        speaker,
        text: text.to_owned(),
        article: article.id.to_string(),
    })
}

/// For each article without a publication date whose story has dated
/// articles: the story's median publication day (the earlier of the two
/// middle ones).
fn story_dates(
    stories: &[StoryListing],
    articles: &BTreeMap<ArticleId, Article>,
) -> BTreeMap<ArticleId, PublishedDate> {
    let mut out = BTreeMap::new();
    for s in stories {
        let mut days: Vec<PublishedDate> = s
            .articles
            .iter()
            .filter_map(|id| articles.get(id)?.published.map(|d| d.day_only()))
            .collect();
        if days.is_empty() {
            continue;
        }
        days.sort();
        let median = days[(days.len() - 1) / 2];
        for id in &s.articles {
            if articles.get(id).is_some_and(|a| a.published.is_none()) {
                out.insert(id.clone(), median);
            }
        }
    }
    out
}

/// An undated article's events coded again with its time expressions
/// resolved against the date inferred from its story.
fn recode(
    article: &Article,
    date: PublishedDate,
    record: &sitrep_store::AnnotationRecord,
    lexicon: &Lexicon,
) -> Vec<Event> {
    let mut annotations = record.annotations.clone();
    annotations.times =
        sitrep_annotate::temporal::resolve_times_inferred(&article.text, &annotations.sentences, date);
    let dated = Article {
        published: Some(date),
        ..article.clone()
    };
    sitrep_events::code_events(&dated, &annotations, &record.entities, lexicon)
}
