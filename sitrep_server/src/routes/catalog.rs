//! Health, entities, quotes and search: the corpus-wide views that are not
//! stories or timelines.

use std::sync::Arc;

use axum::Json;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use serde::{Deserialize, Serialize};
use sitrep_model::ArticleId;
use sitrep_store::{SearchHit, fts_query};

use super::articles::HeadView;
use super::{FilterParams, Listing, PageParams, limit, page, position};
use crate::error::{ApiError, ErrorCode};
use crate::hooks::EntitySummary;
use crate::state::{AppState, SearchPage};

/// `GET /api/health`
#[derive(Debug, Serialize)]
pub(crate) struct Health {
    status: &'static str,
    articles: u64,
    schema_version: i64,
    ingest: bool,
}

/// `GET /api/health`: the store answers; how much it holds.
pub(crate) async fn health(State(state): State<AppState>) -> Result<Json<Health>, ApiError> {
    let (articles, schema_version) = state
        .pool
        .run(|s| Ok((s.article_count()?, s.schema_version()?)))
        .await?;
    Ok(Json(Health {
        status: "ok",
        articles,
        schema_version,
        ingest: state.token.is_some() && state.hooks.ingest.is_some(),
    }))
}

/// Parameters of `GET /api/entities`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct EntityParams {
    kind: Option<String>,
    q: Option<String>,
    after: Option<i64>,
    limit: Option<usize>,
}

/// An entity in a listing: the summary with its article count instead of
/// the article list.
#[derive(Debug, Serialize)]
pub(crate) struct EntityRow {
    id: String,
    name: String,
    kind: &'static str,
    aliases: Vec<String>,
    country: Option<String>,
    sector: Option<String>,
    mentions: usize,
    articles: usize,
}

impl From<&EntitySummary> for EntityRow {
    fn from(e: &EntitySummary) -> Self {
        Self {
            id: e.entity.id.to_string(),
            name: e.entity.name.clone(),
            kind: e.entity.kind.as_str(),
            aliases: e.entity.aliases.clone(),
            country: e.entity.country.clone(),
            sector: e.entity.sector.clone(),
            mentions: e.mentions,
            articles: e.articles.len(),
        }
    }
}

/// `GET /api/entities`: canonical entities, most mentioned first; `kind`
/// and a case-insensitive `q` on names filter; `after` is a position.
pub(crate) async fn entities(
    State(state): State<AppState>,
    params: Result<Query<EntityParams>, QueryRejection>,
) -> Result<Json<Listing<EntityRow>>, ApiError> {
    let Query(params) = params?;
    let limit = limit(params.limit)?;
    let index = state.entity_index().await?;
    let needle = params
        .q
        .as_deref()
        .map(str::to_lowercase)
        .filter(|q| !q.is_empty());
    let start = position(params.after);
    let mut matching = index
        .list
        .iter()
        .enumerate()
        .skip(start)
        .filter(|(_, e)| params.kind.as_deref().is_none_or(|k| e.entity.kind.as_str() == k))
        .filter(|(_, e)| {
            needle.as_deref().is_none_or(|n| {
                e.entity.name.to_lowercase().contains(n)
                    || e.entity.aliases.iter().any(|a| a.to_lowercase().contains(n))
            })
        });
    let items: Vec<(usize, &EntitySummary)> = matching.by_ref().take(limit).collect();
    let next = match (items.last(), matching.next()) {
        (Some((i, _)), Some(_)) => i64::try_from(i + 1).ok(),
        _ => None,
    };
    Ok(Json(Listing {
        items: items.into_iter().map(|(_, e)| EntityRow::from(e)).collect(),
        next,
    }))
}

/// `GET /api/entities/{id}`: one entity and a page of its articles.
#[derive(Debug, Serialize)]
pub(crate) struct EntityView {
    #[serde(flatten)]
    entity: EntityRow,
    article_list: Listing<HeadView>,
}

/// `GET /api/entities/{id}`
pub(crate) async fn entity(
    State(state): State<AppState>,
    id: Result<Path<String>, PathRejection>,
    params: Result<Query<PageParams>, QueryRejection>,
) -> Result<Json<EntityView>, ApiError> {
    let Path(id) = id?;
    let Query(params) = params?;
    let limit = limit(params.limit)?;
    let index = state.entity_index().await?;
    let Some(summary) = index.get(&id) else {
        return Err(ApiError::not_found("entity", &id));
    };
    let Listing { items: ids, next } = page(summary.articles.iter(), params.after, limit, Clone::clone);
    let heads = state.pool.run(move |s| Ok(s.article_heads_by_id(&ids)?)).await?;
    Ok(Json(EntityView {
        entity: EntityRow::from(summary),
        article_list: Listing {
            items: heads.into_iter().map(HeadView::from).collect(),
            next,
        },
    }))
}

/// A quote in `GET /api/quotes`.
#[derive(Debug, Serialize)]
pub(crate) struct QuoteRow {
    article: String,
    speaker: Option<String>,
    speaker_entity: Option<String>,
    text: String,
    start: usize,
    end: usize,
    direct: bool,
}

/// Parameters of `GET /api/quotes`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct QuoteParams {
    article: Option<String>,
    speaker: Option<String>,
    from: Option<String>,
    to: Option<String>,
    actor: Option<String>,
    place: Option<String>,
    source: Option<String>,
    q: Option<String>,
    after: Option<i64>,
    limit: Option<usize>,
}

/// `GET /api/quotes`: quotes of the articles matching the filters, a page
/// of articles at a time (`next` is an article cursor); `speaker` keeps
/// quotes whose speaker entity is that id; `article` one article's.
pub(crate) async fn quotes(
    State(state): State<AppState>,
    params: Result<Query<QuoteParams>, QueryRejection>,
) -> Result<Json<Listing<QuoteRow>>, ApiError> {
    let Query(params) = params?;
    let filter = FilterParams {
        from: params.from,
        to: params.to,
        actor: params.actor,
        place: params.place,
        source: params.source,
        q: params.q,
        after: params.after,
        limit: params.limit,
    };
    let limit = limit(filter.limit)?;
    let after = filter.after;
    let filter = filter.filter()?;
    let article = params.article.filter(|a| !a.is_empty());
    let speaker = params.speaker.filter(|s| !s.is_empty());
    let page = state
        .pool
        .run(move |s| match article {
            Some(id) => {
                let id = ArticleId::from_stored(id);
                let texts = match (s.article(&id)?, s.annotation(&id)?) {
                    (Some(a), Some(r)) => vec![(a.text, r)],
                    _ => Vec::new(),
                };
                Ok((texts, None))
            }
            None => {
                let page = s.annotated_texts(&filter, after, limit)?;
                Ok((
                    page.items.into_iter().map(|a| (a.text, a.record)).collect(),
                    page.next,
                ))
            }
        })
        .await?;
    let (records, next) = page;
    let mut items = Vec::new();
    for (text, record) in &records {
        for q in &record.annotations.quotes {
            let speaker_entity = q.speaker_entity.as_ref().map(ToString::to_string);
            if speaker.is_some() && speaker_entity != speaker {
                continue;
            }
            let Some(quoted) = q.span.slice(text) else {
                continue;
            };
            items.push(QuoteRow {
                article: record.article.to_string(),
                speaker: q.speaker.clone(),
                speaker_entity,
                text: quoted.to_owned(),
                start: q.span.start,
                end: q.span.end,
                direct: q.direct,
            });
        }
    }
    Ok(Json(Listing { items, next }))
}

/// Parameters of `GET /api/search`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SearchParams {
    q: Option<String>,
    limit: Option<usize>,
}

/// A search hit with its article's listing row.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct HitView {
    article: String,
    score: f64,
    snippet: String,
    title: Option<String>,
    source: Option<String>,
    published: Option<sitrep_model::PublishedDate>,
}

/// `GET /api/search`: full-text search, best first (the `sitrep search`
/// syntax: all words, "phrases", prefix*, OR).
pub(crate) async fn search(
    State(state): State<AppState>,
    params: Result<Query<SearchParams>, QueryRejection>,
) -> Result<Json<Listing<HitView>>, ApiError> {
    let Query(params) = params?;
    let limit = limit(params.limit)?;
    let Some(q) = params.q.filter(|q| !q.trim().is_empty()) else {
        return Err(ApiError::new(ErrorCode::BadRequest, "give a query: ?q=words"));
    };
    let key = (fts_query(&q).unwrap_or_default(), limit);
    let searches = Arc::clone(&state.searches);
    let items = state
        .pool
        .run(move |s| {
            let version = s.latest_seq()?;
            if let Some(items) = searches.get(version, &key) {
                return Ok(items);
            }
            let hits: Vec<SearchHit> = s.search(&q, limit)?;
            let ids: Vec<ArticleId> = hits.iter().map(|h| h.article.clone()).collect();
            let heads = s.article_heads_by_id(&ids)?;
            let items: SearchPage = Arc::new(hits.into_iter().map(|h| hit_view(h, &heads)).collect());
            searches.put(version, key, Arc::clone(&items));
            Ok(items)
        })
        .await?;
    let items = Arc::unwrap_or_clone(items);
    Ok(Json(Listing { items, next: None }))
}

/// A hit with its article's listing row (from `heads`).
fn hit_view(h: SearchHit, heads: &[sitrep_store::ArticleHead]) -> HitView {
    let head = heads.iter().find(|x| x.id == h.article);
    HitView {
        article: h.article.to_string(),
        score: (h.score * 1e4).round() / 1e4,
        snippet: h.snippet,
        title: head.and_then(|x| x.title.clone()),
        source: head.and_then(|x| x.source.clone()),
        published: head.and_then(|x| x.published),
    }
}
