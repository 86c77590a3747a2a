//! Threads, stories and timeline events, from the injected situation
//! view; empty lists while the store has none.

use axum::Json;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use serde::{Deserialize, Serialize};
use sitrep_model::{ArticleId, PartialDate};

use super::articles::HeadView;
use super::{Listing, PageParams, day, limit, page};
use crate::error::ApiError;
use crate::hooks::{Story, Thread, TimelineEvent};
use crate::state::AppState;

/// A thread in `GET /api/threads`.
#[derive(Debug, Serialize)]
pub(crate) struct ThreadRow {
    id: String,
    title: Option<String>,
    stories: usize,
    articles: usize,
    events: usize,
    first_date: Option<PartialDate>,
    last_date: Option<PartialDate>,
}

impl From<&Thread> for ThreadRow {
    fn from(t: &Thread) -> Self {
        let dates = || t.events.iter().filter_map(|e| e.date);
        Self {
            id: t.id.clone(),
            title: t.title.clone(),
            stories: t.stories.len(),
            articles: t.articles.len(),
            events: t.events.len(),
            first_date: dates().min(),
            last_date: dates().max(),
        }
    }
}

/// `GET /api/threads`: threads as the situation lists them, a page at a
/// time; `after` is a position.
pub(crate) async fn threads(
    State(state): State<AppState>,
    params: Result<Query<PageParams>, QueryRejection>,
) -> Result<Json<Listing<ThreadRow>>, ApiError> {
    let Query(params) = params?;
    let limit = limit(params.limit)?;
    let situation = state.situation().await?;
    Ok(Json(page(
        situation.doc.threads.iter(),
        params.after,
        limit,
        ThreadRow::from,
    )))
}

/// Filters on timeline events.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct EventParams {
    /// Only this thread's events (`/api/events` only).
    thread: Option<String>,
    /// Events on or after this day (`YYYY-MM-DD`); undated ones drop out.
    from: Option<String>,
    /// Events on or before this day.
    to: Option<String>,
    /// An actor's entity id, or a name (case-insensitive).
    actor: Option<String>,
    /// A place: `geonames:ID`, `country:ISO3`, or a name.
    place: Option<String>,
    /// PLOVER type (case-insensitive).
    #[serde(rename = "type")]
    kind: Option<String>,
    /// Position cursor (`/api/events` only).
    after: Option<i64>,
    /// Page size (`/api/events` only).
    limit: Option<usize>,
}

/// The day range `[first, last]` a partial date covers, as `YYYY-MM-DD`
/// strings (a month's last day given as 31: only compared, never shown).
fn day_range(d: &PartialDate) -> (String, String) {
    match (d.month, d.day) {
        (Some(m), Some(dd)) => {
            let s = format!("{:04}-{m:02}-{dd:02}", d.year);
            (s.clone(), s)
        }
        (Some(m), None) => (
            format!("{:04}-{m:02}-01", d.year),
            format!("{:04}-{m:02}-31", d.year),
        ),
        _ => (format!("{:04}-01-01", d.year), format!("{:04}-12-31", d.year)),
    }
}

/// A checked event filter.
struct EventFilter {
    from: Option<String>,
    to: Option<String>,
    actor: Option<String>,
    place: Option<String>,
    kind: Option<String>,
}

impl EventFilter {
    fn new(p: &EventParams) -> Result<Self, ApiError> {
        let lower = |v: &Option<String>| {
            v.as_deref()
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .map(str::to_lowercase)
        };
        Ok(Self {
            from: day("from", p.from.as_deref())?.map(|d| d.to_string()),
            to: day("to", p.to.as_deref())?.map(|d| d.to_string()),
            actor: lower(&p.actor),
            place: lower(&p.place),
            kind: lower(&p.kind),
        })
    }

    fn keeps(&self, e: &TimelineEvent) -> bool {
        if self.from.is_some() || self.to.is_some() {
            let Some(date) = &e.date else {
                return false;
            };
            let (first, last) = day_range(date);
            if self.from.as_ref().is_some_and(|f| &last < f) || self.to.as_ref().is_some_and(|t| &first > t) {
                return false;
            }
        }
        if let Some(kind) = &self.kind
            && e.kind.as_deref().is_none_or(|k| &k.to_lowercase() != kind)
        {
            return false;
        }
        if let Some(actor) = &self.actor
            && !e.actors.iter().any(|a| {
                a.entity.as_deref().is_some_and(|id| &id.to_lowercase() == actor)
                    || &a.name.to_lowercase() == actor
            })
        {
            return false;
        }
        if let Some(place) = &self.place
            && !e.places.iter().any(|p| {
                sitrep_model::gazetteer_id_of(p.geonames_id, p.region_id)
                    .is_some_and(|id| place == &sitrep_model::place_entity_key(id))
                    || p.country
                        .as_deref()
                        .is_some_and(|c| place == &format!("country:{}", c.to_lowercase()))
                    || &p.name.to_lowercase() == place
            })
        {
            return false;
        }
        true
    }
}

/// `GET /api/threads/{id}`: the thread with its stories and its timeline
/// (filtered).
#[derive(Debug, Serialize)]
pub(crate) struct ThreadView {
    id: String,
    title: Option<String>,
    stories: Vec<Story>,
    articles: Vec<HeadView>,
    events: Vec<TimelineEvent>,
}

/// `GET /api/threads/{id}`
pub(crate) async fn thread(
    State(state): State<AppState>,
    id: Result<Path<String>, PathRejection>,
    params: Result<Query<EventParams>, QueryRejection>,
) -> Result<Json<ThreadView>, ApiError> {
    let Path(id) = id?;
    let Query(params) = params?;
    let filter = EventFilter::new(&params)?;
    let situation = state.situation().await?;
    let Some(thread) = situation.thread(&id) else {
        return Err(ApiError::not_found("thread", &id));
    };
    let ids: Vec<ArticleId> = thread
        .articles
        .iter()
        .map(|a| ArticleId::from_stored(a.clone()))
        .collect();
    let heads = state.pool.run(move |s| Ok(s.article_heads_by_id(&ids)?)).await?;
    Ok(Json(ThreadView {
        id: thread.id.clone(),
        title: thread.title.clone(),
        stories: thread
            .stories
            .iter()
            .filter_map(|s| situation.story(s))
            .cloned()
            .collect(),
        articles: heads.into_iter().map(HeadView::from).collect(),
        events: thread
            .events
            .iter()
            .filter(|e| filter.keeps(e))
            .cloned()
            .collect(),
    }))
}

/// Parameters of `GET /api/stories`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct StoryParams {
    /// Only this thread's stories.
    thread: Option<String>,
    /// Position of the first item (the previous page's `next`).
    after: Option<i64>,
    /// Items per page.
    limit: Option<usize>,
}

/// `GET /api/stories`: every story, or a thread's, a page at a time;
/// `after` is a position.
pub(crate) async fn stories(
    State(state): State<AppState>,
    params: Result<Query<StoryParams>, QueryRejection>,
) -> Result<Json<Listing<Story>>, ApiError> {
    let Query(params) = params?;
    let limit = limit(params.limit)?;
    let situation = state.situation().await?;
    let stories = situation
        .doc
        .stories
        .iter()
        .filter(|s| params.thread.is_none() || s.thread == params.thread);
    Ok(Json(page(stories, params.after, limit, Clone::clone)))
}

/// `GET /api/stories/{id}`: a story with its articles' listing rows.
#[derive(Debug, Serialize)]
pub(crate) struct StoryView {
    #[serde(flatten)]
    story: Story,
    article_list: Vec<HeadView>,
}

/// `GET /api/stories/{id}`
pub(crate) async fn story(
    State(state): State<AppState>,
    id: Result<Path<String>, PathRejection>,
) -> Result<Json<StoryView>, ApiError> {
    let Path(id) = id?;
    let situation = state.situation().await?;
    let Some(story) = situation.story(&id) else {
        return Err(ApiError::not_found("story", &id));
    };
    let ids: Vec<ArticleId> = story
        .articles
        .iter()
        .map(|a| ArticleId::from_stored(a.clone()))
        .collect();
    let heads = state.pool.run(move |s| Ok(s.article_heads_by_id(&ids)?)).await?;
    Ok(Json(StoryView {
        story: story.clone(),
        article_list: heads.into_iter().map(HeadView::from).collect(),
    }))
}

/// A timeline event with its thread.
#[derive(Debug, Serialize)]
pub(crate) struct EventRow {
    thread: String,
    #[serde(flatten)]
    event: TimelineEvent,
}

/// `GET /api/events`: timeline events of every thread (or one), filtered,
/// in thread order then date order; `after` is a position.
pub(crate) async fn events(
    State(state): State<AppState>,
    params: Result<Query<EventParams>, QueryRejection>,
) -> Result<Json<Listing<EventRow>>, ApiError> {
    let Query(params) = params?;
    let filter = EventFilter::new(&params)?;
    let limit = limit(params.limit)?;
    let situation = state.situation().await?;
    let matching = situation
        .doc
        .threads
        .iter()
        .filter(|t| params.thread.as_ref().is_none_or(|id| &t.id == id))
        .flat_map(|t| t.events.iter().map(move |e| (t, e)))
        .filter(|(_, e)| filter.keeps(e));
    Ok(Json(page(matching, params.after, limit, |(t, e)| EventRow {
        thread: t.id.clone(),
        event: e.clone(),
    })))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(date: &str, from: Option<&str>, to: Option<&str>, expected: bool) {
        let event: TimelineEvent =
            serde_json::from_value(serde_json::json!({"id": "e", "date": date})).expect("event");
        let filter = EventFilter::new(&EventParams {
            from: from.map(str::to_owned),
            to: to.map(str::to_owned),
            ..EventParams::default()
        })
        .expect("filter");
        assert_eq!(filter.keeps(&event), expected, "{date} in {from:?}..{to:?}");
    }

    #[test]
    fn partial_dates_overlap_day_ranges() {
        check("2025-02-21", Some("2025-02-21"), Some("2025-02-21"), true);
        check("2025-02-21", Some("2025-02-22"), None, false);
        check("2025-02", Some("2025-02-15"), Some("2025-03-10"), true);
        check("2025-02", Some("2025-03-01"), None, false);
        check("2025", None, Some("2025-01-01"), true);
        check("2024", Some("2025-01-01"), None, false);
    }
}
