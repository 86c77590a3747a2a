//! Consolidation: the coded events of a thread's articles grouped into
//! happenings, each with its date, actors, places, evidence and disputes.
//!
//! Order of work (deterministic): events dated by the text come first,
//! sorted by date, article and position; each joins the first compatible
//! happening or opens a new one. Events dated only by their article's
//! publication come next: each joins a compatible dated happening that
//! happened on or before that publication (a background restatement), else
//! a compatible undated happening reported within a day, else opens one.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;
use sha2::{Digest, Sha256};
use sitrep_model::{
    DatePrecision, Event, EventActor, EventDateBasis, PartialDate, PloverType, PublishedDate,
};

use crate::disputes::{Dispute, find_disputes};
use crate::input::{ArticleInput, ThreadInput};
use crate::title::event_title;

/// Day-precise text dates this many days apart, in one story, for the
/// same actors and type, are one happening with a date dispute.
const DISPUTE_DAYS: i64 = 2;

/// A thread's consolidated timeline, as `sitrep timeline --json` prints it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Timeline {
    /// Thread id.
    pub id: String,
    /// Thread title.
    pub title: String,
    /// Story ids, in time order.
    pub stories: Vec<String>,
    /// Article ids, in storage order.
    pub articles: Vec<String>,
    /// Happenings in date order (undated last).
    pub events: Vec<TimelineEvent>,
}

/// An actor of a happening.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TimelineActor {
    /// Name as most sources give it.
    pub name: String,
    /// Canonical entity, when linked.
    pub entity: Option<String>,
    /// `source` (who acted) or `target` (who was acted on).
    pub role: &'static str,
    /// ISO 3166-1 alpha-3 country, when known.
    pub country: Option<String>,
    /// CAMEO sector, when known.
    pub sector: Option<String>,
}

/// A place of a happening.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimelinePlace {
    /// Name as written.
    pub name: String,
    /// Latitude.
    pub lat: Option<f64>,
    /// Longitude.
    pub lon: Option<f64>,
    /// GeoNames id.
    pub geonames_id: Option<u64>,
    /// ISO 3166-1 alpha-3 country.
    pub country: Option<String>,
}

/// One sentence that supports a happening.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Evidence {
    /// Article id.
    pub article: String,
    /// Byte offset of the sentence in the article's text.
    pub start: usize,
    /// End byte offset.
    pub end: usize,
    /// The sentence.
    pub text: String,
}

/// One real-world happening, consolidated across articles.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimelineEvent {
    /// Stable id (from the thread and the first evidence).
    pub id: String,
    /// Best-supported date.
    pub date: Option<PartialDate>,
    /// Its precision.
    pub date_precision: DatePrecision,
    /// `text` when a time expression dates it, `publication` when only the
    /// reporting articles' publication does, `none` when neither.
    pub date_basis: EventDateBasis,
    /// Readable summary ("Marco Rubio holds talks with William Ruto").
    pub title: String,
    /// PLOVER type.
    #[serde(rename = "type")]
    pub kind: PloverType,
    /// CAMEO code most members give.
    pub cameo: Option<String>,
    /// Source and target actors.
    pub actors: Vec<TimelineActor>,
    /// Places.
    pub places: Vec<TimelinePlace>,
    /// Ids of the articles that report it, sorted.
    pub articles: Vec<String>,
    /// Every supporting sentence.
    pub evidence: Vec<Evidence>,
    /// Where sources disagree.
    pub disputes: Vec<Dispute>,
}

/// One coded event of one article, ready for grouping.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Member<'a> {
    pub(crate) article: &'a ArticleInput<'a>,
    pub(crate) event: &'a Event,
    /// Day range of the text date, when dated by the text.
    pub(crate) range: Option<(i64, i64)>,
    /// Publication day of the article.
    pub(crate) published: Option<i64>,
}

impl Member<'_> {
    fn by_text(&self) -> bool {
        self.event.date_basis == EventDateBasis::Text && self.range.is_some()
    }

    pub(crate) fn article_id(&self) -> &str {
        self.article.article.id.as_str()
    }
}

/// The day range a partial date covers.
pub(crate) fn day_range(date: PartialDate) -> Option<(i64, i64)> {
    let first = PublishedDate::from_ymd(date.year, date.month.unwrap_or(1), date.day.unwrap_or(1))?;
    let last = match (date.month, date.day) {
        (Some(_), Some(_)) => first,
        (Some(m), None) => PublishedDate::from_ymd(
            date.year,
            m,
            u32::from(sitrep_model::date::days_in_month(
                i16::try_from(date.year).ok()?,
                u8::try_from(m).ok()?,
            )),
        )?,
        _ => PublishedDate::from_ymd(date.year, 12, 31)?,
    };
    Some((first.days_since_epoch(), last.days_since_epoch()))
}

fn same_actor(a: &EventActor, b: &EventActor) -> bool {
    match (&a.entity, &b.entity) {
        (Some(x), Some(y)) => x == y,
        _ => {
            a.name.trim().eq_ignore_ascii_case(b.name.trim())
                || (a.country.is_some()
                    && a.sector.is_some()
                    && a.country == b.country
                    && a.sector == b.sector)
        }
    }
}

fn same_target(a: Option<&EventActor>, b: Option<&EventActor>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => same_actor(x, y),
        _ => true,
    }
}

fn same_place(a: &Event, b: &Event) -> bool {
    match (&a.place, &b.place) {
        (Some(x), Some(y)) => match (x.geonames_id, y.geonames_id) {
            (Some(i), Some(j)) => i == j || x.country.is_some() && x.country == y.country,
            _ => true,
        },
        _ => true,
    }
}

/// A happening being built.
struct Group<'a> {
    members: Vec<Member<'a>>,
}

impl<'a> Group<'a> {
    fn anchor(&self) -> &Member<'a> {
        &self.members[0]
    }

    fn stories(&self) -> BTreeSet<&'a str> {
        self.members.iter().filter_map(|m| m.article.story).collect()
    }

    /// The day range of the group's first text-dated member.
    fn text_range(&self) -> Option<(i64, i64)> {
        self.members.iter().find(|m| m.by_text()).and_then(|m| m.range)
    }

    fn same_kind_and_actors(&self, m: &Member<'_>) -> bool {
        let a = self.anchor().event;
        a.kind == m.event.kind
            && same_actor(&a.source, &m.event.source)
            && same_target(a.target.as_ref(), m.event.target.as_ref())
            && self.members.iter().all(|x| same_place(x.event, m.event))
    }

    /// May a text-dated member join?
    fn accepts_dated(&self, m: &Member<'_>) -> bool {
        if !self.same_kind_and_actors(m) {
            return false;
        }
        let (Some((s, e)), Some((ms, me))) = (self.text_range(), m.range) else {
            return false;
        };
        if ms <= e && s <= me {
            return true;
        }
        let a = self.anchor().event;
        let exact_actors = a.source.entity.is_some()
            && a.source.entity == m.event.source.entity
            && (a.target.is_none()
                || m.event.target.is_none()
                || a.target.as_ref().map(|t| &t.entity) == m.event.target.as_ref().map(|t| &t.entity));
        let both_days = s == e && ms == me;
        let same_story = m.article.story.is_some_and(|st| self.stories().contains(st));
        exact_actors && both_days && same_story && (ms - s).abs() <= DISPUTE_DAYS
    }

    /// May an event dated only by publication join as a restatement?
    fn accepts_restatement(&self, m: &Member<'_>) -> bool {
        let Some(published) = m.published else {
            return false;
        };
        self.same_kind_and_actors(m)
            && match self.text_range() {
                Some((start, _)) => start <= published,
                None => self
                    .members
                    .iter()
                    .any(|x| x.published.is_some_and(|p| (p - published).abs() <= 1)),
            }
    }
}

/// Consolidate one thread's coded events into its timeline.
pub fn consolidate_thread(thread: &ThreadInput<'_>) -> Timeline {
    let mut members: Vec<Member<'_>> = Vec::new();
    for input in &thread.articles {
        let published = input.article.published.map(|d| d.day_only().days_since_epoch());
        for event in input.events {
            members.push(Member {
                article: input,
                event,
                range: event.date.and_then(day_range),
                published,
            });
        }
    }
    let order = |m: &Member<'_>| {
        (
            m.range.map(|r| r.0),
            m.article.article.id.clone(),
            m.event.span.start,
        )
    };
    let (mut dated, mut undated): (Vec<Member<'_>>, Vec<Member<'_>>) =
        members.into_iter().partition(Member::by_text);
    dated.sort_by_key(order);
    undated.sort_by_key(|m| (m.published, m.article.article.id.clone(), m.event.span.start));

    let mut groups: Vec<Group<'_>> = Vec::new();
    for m in dated {
        match groups.iter_mut().find(|g| g.accepts_dated(&m)) {
            Some(g) => g.members.push(m),
            None => groups.push(Group { members: vec![m] }),
        }
    }
    for m in undated {
        // Prefer the happening most sources report, then the latest one on
        // or before this article's publication.
        let best = groups
            .iter_mut()
            .filter(|g| g.accepts_restatement(&m))
            .max_by_key(|g| (distinct_articles(&g.members), g.text_range().map(|r| r.0)));
        match best {
            Some(g) => g.members.push(m),
            None => groups.push(Group { members: vec![m] }),
        }
    }

    let mut events: Vec<TimelineEvent> = groups.into_iter().map(|g| finish(thread.id, g.members)).collect();
    events.sort_by(|a, b| {
        let key = |e: &TimelineEvent| {
            (
                e.date.is_none(),
                e.date.and_then(day_range).map(|r| r.0),
                e.id.clone(),
            )
        };
        key(a).cmp(&key(b))
    });
    Timeline {
        id: thread.id.to_owned(),
        title: thread.title.to_owned(),
        stories: thread.stories.iter().map(|s| (*s).to_owned()).collect(),
        articles: thread.articles.iter().map(|a| a.article.id.to_string()).collect(),
        events,
    }
}

fn distinct_articles(members: &[Member<'_>]) -> usize {
    members
        .iter()
        .map(Member::article_id)
        .collect::<BTreeSet<_>>()
        .len()
}

/// The most frequent value (ties: the smallest), by distinct articles.
fn consensus<T: Ord + Clone>(values: impl Iterator<Item = (T, String)>) -> Option<T> {
    let mut support: BTreeMap<T, BTreeSet<String>> = BTreeMap::new();
    for (v, article) in values {
        support.entry(v).or_default().insert(article);
    }
    support
        .into_iter()
        .max_by(|(va, a), (vb, b)| a.len().cmp(&b.len()).then_with(|| vb.cmp(va)))
        .map(|(v, _)| v)
}

fn actor(
    members: &[Member<'_>],
    role: &'static str,
    pick: impl Fn(&Event) -> Option<&EventActor>,
) -> Option<TimelineActor> {
    let name = consensus(
        members
            .iter()
            .filter_map(|m| pick(m.event).map(|a| (a.name.clone(), m.article_id().to_owned()))),
    )?;
    let first = members
        .iter()
        .filter_map(|m| pick(m.event))
        .find(|a| a.name == name)?;
    let entity = members
        .iter()
        .filter_map(|m| pick(m.event))
        .find_map(|a| a.entity.clone());
    Some(TimelineActor {
        name,
        entity: entity.map(|e| e.to_string()),
        role,
        country: first.country.clone(),
        sector: first.sector.clone(),
    })
}

fn finish(thread: &str, members: Vec<Member<'_>>) -> TimelineEvent {
    let anchor = members[0];
    let textual: Vec<&Member<'_>> = members.iter().filter(|m| m.by_text()).collect();
    let (date, basis) = if textual.is_empty() {
        let earliest = members.iter().filter_map(|m| m.article.article.published).min();
        match earliest {
            Some(d) => (
                Some(PartialDate::from_day(d.day_only())),
                EventDateBasis::Publication,
            ),
            None => (None, EventDateBasis::None),
        }
    } else {
        // Best supported, then most precise, then earliest.
        let best = consensus(textual.iter().filter_map(|m| {
            m.event.date.map(|d| {
                (
                    (std::cmp::Reverse(precision_rank(d.precision())), d),
                    m.article_id().to_owned(),
                )
            })
        }));
        (best.map(|(_, d)| d), EventDateBasis::Text)
    };
    let cameo = consensus(
        members
            .iter()
            .filter_map(|m| m.event.cameo.clone().map(|c| (c, m.article_id().to_owned()))),
    );
    let mut actors = Vec::new();
    actors.extend(actor(&members, "source", |e| Some(&e.source)));
    actors.extend(actor(&members, "target", |e| e.target.as_ref()));
    let mut places: Vec<TimelinePlace> = Vec::new();
    for p in members.iter().filter_map(|m| m.event.place.as_ref()) {
        let known = places.iter().any(|q| {
            (p.geonames_id.is_some() && q.geonames_id == p.geonames_id)
                || q.name.eq_ignore_ascii_case(&p.name)
        });
        if !known {
            places.push(TimelinePlace {
                name: p.name.clone(),
                lat: p.lat,
                lon: p.lon,
                geonames_id: p.geonames_id,
                country: p.country.clone(),
            });
        }
    }
    let mut evidence: Vec<Evidence> = Vec::new();
    for m in &members {
        let text = &m.article.article.text;
        let span = m.event.span;
        if evidence
            .iter()
            .any(|e| e.article == m.article_id() && e.start == span.start && e.end == span.end)
        {
            continue;
        }
        evidence.push(Evidence {
            article: m.article_id().to_owned(),
            start: span.start,
            end: span.end,
            text: span.slice(text).unwrap_or_default().to_owned(),
        });
    }
    evidence.sort_by(|a, b| (&a.article, a.start).cmp(&(&b.article, b.start)));
    let articles: Vec<String> = members
        .iter()
        .map(|m| m.article_id().to_owned())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let disputes = find_disputes(&members, date);
    let first_evidence = evidence
        .first()
        .map(|e| format!("{}:{}", e.article, e.start))
        .unwrap_or_default();
    let mut hasher = Sha256::new();
    hasher.update(format!("{thread}|{}|{first_evidence}", anchor.event.kind).as_bytes());
    let digest = hasher.finalize();
    let id = format!(
        "ev-{}",
        digest[..6].iter().map(|b| format!("{b:02x}")).collect::<String>()
    );
    let title = event_title(
        anchor.event.kind,
        actors.iter().find(|a| a.role == "source"),
        actors.iter().find(|a| a.role == "target"),
    );
    TimelineEvent {
        id,
        date_precision: date.map_or(DatePrecision::Unknown, |d| d.precision()),
        date,
        date_basis: basis,
        title,
        kind: anchor.event.kind,
        cameo,
        actors,
        places,
        articles,
        evidence,
        disputes,
    }
}

fn precision_rank(p: DatePrecision) -> u8 {
    match p {
        DatePrecision::Day => 3,
        DatePrecision::Month => 2,
        DatePrecision::Year => 1,
        DatePrecision::Unknown => 0,
    }
}
