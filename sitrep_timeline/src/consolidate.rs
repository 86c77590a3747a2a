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
    DatePrecision, EntityKind, Event, EventActor, EventDateBasis, PartialDate, PloverType, PublishedDate,
};

use crate::disputes::{Dispute, find_disputes};
use crate::input::{ArticleInput, EntityName, ThreadInput};
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
    /// The canonical name of its entity when it names a person, an
    /// organisation, a group or a bare country or place; else the name
    /// most sources give it.
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
    /// GeoNames id (none for a region sitrep derives).
    pub geonames_id: Option<u64>,
    /// A derived region's number ([`sitrep_model::region_id`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region_id: Option<u64>,
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

/// Types whose two sides act together, so who is named first does not
/// matter ("A spoke with B" = "B spoke with A").
pub(crate) fn symmetric(kind: PloverType) -> bool {
    matches!(
        kind,
        PloverType::Consult | PloverType::Cooperate | PloverType::Agree | PloverType::Fight
    )
}

/// An actor's identity for matching: its canonical entity, else its name
/// folded to lower case (`None` for an empty name).
fn actor_key(a: &EventActor) -> Option<String> {
    match &a.entity {
        Some(e) => Some(e.to_string()),
        None => {
            let name = a.name.trim().to_lowercase();
            (!name.is_empty()).then(|| format!("name:{name}"))
        }
    }
}

/// How two sets of actors relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fit {
    /// They share an actor.
    Shared,
    /// One side names no actor it can be matched on: no evidence either way.
    Open,
    /// Both name linked actors and share none.
    Conflict,
}

/// One side's actors: identities, their countries, and whether any is a
/// linked entity.
#[derive(Debug, Default)]
struct Side {
    keys: BTreeSet<String>,
    countries: BTreeSet<String>,
    linked: bool,
}

/// Sides that share an actor fit; linked actors of one country ("Kigali"
/// and "Rwanda's military" as the target of the same demand) may be the
/// same party named differently, so they leave it open; other linked
/// actors conflict.
fn fit(a: &Side, b: &Side) -> Fit {
    if a.keys.intersection(&b.keys).next().is_some() {
        Fit::Shared
    } else if a.linked && b.linked && a.countries.intersection(&b.countries).next().is_none() {
        Fit::Conflict
    } else {
        Fit::Open
    }
}

/// The actors of some members on one side: their keys, and whether any
/// is a linked entity.
fn side<'m, 'a: 'm>(
    members: impl Iterator<Item = &'m Member<'a>>,
    pick: impl Fn(&Event) -> Vec<&EventActor>,
) -> Side {
    let mut out = Side::default();
    for m in members {
        for a in pick(m.event) {
            out.linked |= a.entity.is_some();
            out.keys.extend(actor_key(a));
            out.countries.extend(a.country.clone());
        }
    }
    out
}

fn sources(e: &Event) -> Vec<&EventActor> {
    vec![&e.source]
}

fn targets(e: &Event) -> Vec<&EventActor> {
    e.target.iter().collect()
}

fn participants(e: &Event) -> Vec<&EventActor> {
    std::iter::once(&e.source).chain(e.target.as_ref()).collect()
}

/// Where an event happened, unless the "place" is one of its actors
/// ("calling on Kigali": the capital stands for the government).
pub(crate) fn place_of(e: &Event) -> Option<&sitrep_model::EventPlace> {
    let place = e.place.as_ref()?;
    let is_actor = place.geonames_id.is_some_and(|id| {
        let key = sitrep_model::place_entity_key(id);
        participants(e)
            .iter()
            .any(|a| a.entity.as_ref().is_some_and(|x| x.to_string() == key))
    });
    (!is_actor).then_some(place)
}

fn same_place(a: &Event, b: &Event) -> bool {
    match (place_of(a), place_of(b)) {
        (Some(x), Some(y)) => match (x.geonames_id, y.geonames_id) {
            (Some(i), Some(j)) => i == j || x.country.is_some() && x.country == y.country,
            _ => true,
        },
        _ => true,
    }
}

/// Do two day ranges share a day?
fn overlaps((s, e): (i64, i64), (ms, me): (i64, i64)) -> bool {
    ms <= e && s <= me
}

/// Do two members come from the same sentence of the same article?
fn one_sentence(a: &Member<'_>, b: &Member<'_>) -> bool {
    a.article_id() == b.article_id()
        && a.event.span.start < b.event.span.end
        && b.event.span.start < a.event.span.end
}

/// Do two members of one sentence report it at the same time ("Fighters
/// took Bukavu last Sunday, weeks after capturing Goma" reports two
/// happenings)?
fn same_time(a: &Member<'_>, b: &Member<'_>) -> bool {
    match (a.by_text(), b.by_text()) {
        (true, true) => matches!((a.range, b.range), (Some(x), Some(y)) if overlaps(x, y)),
        (false, false) => true,
        _ => false,
    }
}

/// One sentence, one time: one happening whatever the actors.
fn same_sentence(a: &Member<'_>, b: &Member<'_>) -> bool {
    one_sentence(a, b) && same_time(a, b)
}

/// Two reports of one sentence at different times: never one happening.
fn other_time_same_sentence(a: &Member<'_>, b: &Member<'_>) -> bool {
    one_sentence(a, b) && !same_time(a, b)
}

/// A happening being built.
struct Group<'a> {
    members: Vec<Member<'a>>,
}

impl<'a> Group<'a> {
    fn kind(&self) -> PloverType {
        self.members[0].event.kind
    }

    fn stories(&self) -> BTreeSet<&'a str> {
        self.members.iter().filter_map(|m| m.article.story).collect()
    }

    /// The day range of the group's first text-dated member.
    fn text_range(&self) -> Option<(i64, i64)> {
        self.members.iter().find(|m| m.by_text()).and_then(|m| m.range)
    }

    /// How the member's actors fit the group's: `Shared` when they share
    /// an actor and contradict on no side.
    fn actors_fit(&self, m: &Member<'_>) -> Fit {
        let one = std::slice::from_ref(m);
        if symmetric(self.kind()) {
            return fit(
                &side(self.members.iter(), participants),
                &side(one.iter(), participants),
            );
        }
        let source_fit = fit(&side(self.members.iter(), sources), &side(one.iter(), sources));
        let target_fit = fit(&side(self.members.iter(), targets), &side(one.iter(), targets));
        match (source_fit, target_fit) {
            (Fit::Conflict, _) | (_, Fit::Conflict) => Fit::Conflict,
            (Fit::Shared, _) | (_, Fit::Shared) => Fit::Shared,
            _ => Fit::Open,
        }
    }

    /// How many actors the member names that the group names too.
    fn shared_actors(&self, m: &Member<'_>) -> usize {
        let group = side(self.members.iter(), participants);
        let member = side(std::slice::from_ref(m).iter(), participants);
        group.keys.intersection(&member.keys).count()
    }

    /// Same type, actors that share someone and contradict nowhere, and
    /// compatible places. Events of one sentence with the same type are
    /// one happening whatever their actors ("Rwanda rejects allegations
    /// from Congo, the UN and Western powers").
    fn same_kind_and_actors(&self, m: &Member<'_>) -> bool {
        if self.kind() != m.event.kind || self.members.iter().any(|x| other_time_same_sentence(x, m)) {
            return false;
        }
        if self.members.iter().any(|x| same_sentence(x, m)) {
            return true;
        }
        self.actors_fit(m) == Fit::Shared && self.members.iter().all(|x| same_place(x.event, m.event))
    }

    /// May a text-dated member join?
    fn accepts_dated(&self, m: &Member<'_>) -> bool {
        if !self.same_kind_and_actors(m) {
            return false;
        }
        let (Some((s, e)), Some((ms, me))) = (self.text_range(), m.range) else {
            return false;
        };
        if overlaps((s, e), (ms, me)) {
            return true;
        }
        let both_days = s == e && ms == me;
        let same_story = m.article.story.is_some_and(|st| self.stories().contains(st));
        let linked = m.event.source.entity.is_some();
        linked && both_days && same_story && (ms - s).abs() <= DISPUTE_DAYS
    }

    /// May an event dated only by publication join as a restatement?
    fn accepts_restatement(&self, m: &Member<'_>) -> bool {
        let Some(published) = m.published else {
            // Nothing dates it: it may join only what nothing dates either,
            // in its own story (an undated article's repeated report).
            let undated = self.text_range().is_none() && self.members.iter().all(|x| x.published.is_none());
            let same_story = m.article.story.is_some_and(|st| self.stories().contains(st));
            return self.kind() == m.event.kind
                && (self.members.iter().any(|x| same_sentence(x, m))
                    || undated && same_story && self.same_kind_and_actors(m));
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
        let published = input
            .article
            .published
            .or(input.inferred_published)
            .map(|d| d.day_only().days_since_epoch());
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
        // Prefer the happening that shares the most actors with it ("weeks
        // after capturing Goma": the capture of Goma, not another advance
        // of the same group), then the one most sources report, then the
        // latest one on or before this article's publication.
        let best = groups
            .iter_mut()
            .filter(|g| g.accepts_restatement(&m))
            .max_by_key(|g| {
                (
                    g.shared_actors(&m),
                    distinct_articles(&g.members),
                    g.text_range().map(|r| r.0),
                )
            });
        match best {
            Some(g) => g.members.push(m),
            None => groups.push(Group { members: vec![m] }),
        }
    }

    let mut events: Vec<TimelineEvent> = groups
        .into_iter()
        .map(|g| finish(thread.id, g.members, thread.entity_names))
        .collect();
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

/// The actors of a happening: one per identity, named by its entity's
/// canonical name or as most sources name it, in the role it most often
/// has (ties: its role where it is first named); sources first, each
/// side in order of support.
fn actors_of(members: &[Member<'_>], entity_names: &BTreeMap<String, EntityName>) -> Vec<TimelineActor> {
    struct Tally<'e> {
        names: Vec<(String, String)>,
        actor: &'e EventActor,
        entity: Option<String>,
        as_source: BTreeSet<String>,
        as_target: BTreeSet<String>,
        first_role: &'static str,
        first_seen: usize,
    }
    let mut by_key: BTreeMap<String, Tally<'_>> = BTreeMap::new();
    let mut seen = 0usize;
    for m in members {
        let sides =
            std::iter::once(("source", &m.event.source)).chain(m.event.target.iter().map(|t| ("target", t)));
        for (role, a) in sides {
            let Some(key) = actor_key(a) else { continue };
            seen += 1;
            let t = by_key.entry(key).or_insert_with(|| Tally {
                names: Vec::new(),
                actor: a,
                entity: a.entity.as_ref().map(ToString::to_string),
                as_source: BTreeSet::new(),
                as_target: BTreeSet::new(),
                first_role: role,
                first_seen: seen,
            });
            t.names
                .push((a.name.trim().to_owned(), m.article_id().to_owned()));
            let article = m.article_id().to_owned();
            if role == "source" {
                t.as_source.insert(article);
            } else {
                t.as_target.insert(article);
            }
        }
    }
    let mut tallies: Vec<Tally<'_>> = by_key.into_values().collect();
    let role_of = |t: &Tally<'_>| match t.as_source.len().cmp(&t.as_target.len()) {
        std::cmp::Ordering::Greater => "source",
        std::cmp::Ordering::Less => "target",
        std::cmp::Ordering::Equal => t.first_role,
    };
    tallies.sort_by_key(|t| {
        let support = t.as_source.union(&t.as_target).count();
        (role_of(t) != "source", std::cmp::Reverse(support), t.first_seen)
    });
    tallies
        .iter()
        .filter_map(|t| {
            let said = consensus(t.names.iter().cloned())?;
            let name = t
                .entity
                .as_deref()
                .and_then(|e| entity_names.get(e))
                .filter(|e| names_the_actor(e, t.actor.sector.as_deref()))
                .map_or(said, |e| e.name.clone());
            Some(TimelineActor {
                name,
                entity: t.entity.clone(),
                role: role_of(t),
                country: t.actor.country.clone(),
                sector: t.actor.sector.clone(),
            })
        })
        .collect()
}

/// Does `entity` name the actor itself? A person, organisation or group
/// does unless the actor has a sector the entity's does not hold (the
/// military chiefs of a regional community); a country or place only as
/// a bare actor ("Rwanda", "the U.S."), not as the home of one with a
/// sector ("the government in Nairobi", "Rwanda's military").
fn names_the_actor(entity: &EntityName, sector: Option<&str>) -> bool {
    let whole = match (sector, entity.sector.as_deref()) {
        (Some(part), Some(whole)) => whole.contains(part),
        _ => true,
    };
    let itself = matches!(
        entity.kind,
        EntityKind::Person | EntityKind::Organization | EntityKind::Group
    );
    (itself && whole) || sector.is_none()
}

fn finish(
    thread: &str,
    members: Vec<Member<'_>>,
    entity_names: &BTreeMap<String, EntityName>,
) -> TimelineEvent {
    let anchor = members[0];
    let textual: Vec<&Member<'_>> = members.iter().filter(|m| m.by_text()).collect();
    let (date, basis) = if textual.is_empty() {
        // Only a report that gives no time of its own is dated by its
        // publication: "weeks after capturing Goma" happened before it.
        let earliest = members
            .iter()
            .filter(|m| m.event.date_basis == EventDateBasis::Publication)
            .filter_map(|m| m.article.article.published)
            .min();
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
    let actors = actors_of(&members, entity_names);
    let mut places: Vec<TimelinePlace> = Vec::new();
    for p in members.iter().filter_map(|m| m.event.place.as_ref()) {
        let (geonames_id, region_id) = (
            sitrep_model::geonames_id(p.geonames_id),
            sitrep_model::region_id(p.geonames_id),
        );
        let known = places.iter().any(|q| {
            (p.geonames_id.is_some() && (q.geonames_id, q.region_id) == (geonames_id, region_id))
                || q.name.eq_ignore_ascii_case(&p.name)
        });
        if !known {
            places.push(TimelinePlace {
                name: p.name.clone(),
                lat: p.lat,
                lon: p.lon,
                geonames_id,
                region_id,
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
        &actors.iter().filter(|a| a.role == "source").collect::<Vec<_>>(),
        &actors.iter().filter(|a| a.role == "target").collect::<Vec<_>>(),
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
