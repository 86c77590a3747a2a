//! `/api/articles`: the listing (filters, cursor pages), one article with
//! everything known about it (copied passages, annotations, story), and
//! ingest over HTTP.

use std::collections::BTreeMap;

use axum::Json;
use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, PathRejection, QueryRejection};
use axum::extract::{FromRequestParts, Path, Query, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use sitrep_model::{
    Article, ArticleId, DuplicateLink, PlaceMention, PublishedBasis, PublishedDate, TimeExpression,
};
use sitrep_store::ArticleHead;

use super::{FilterParams, Listing, limit};
use crate::error::{ApiError, ErrorCode};
use crate::hooks::BodyKind;
use crate::state::AppState;

/// An article in a listing.
#[derive(Debug, Serialize)]
pub(crate) struct HeadView {
    id: String,
    title: Option<String>,
    url: Option<String>,
    source: Option<String>,
    published: Option<PublishedDate>,
    language: Option<String>,
    lead: String,
}

impl From<ArticleHead> for HeadView {
    fn from(h: ArticleHead) -> Self {
        Self {
            id: h.id.to_string(),
            title: h.title,
            url: h.url,
            source: h.source,
            published: h.published,
            language: h.language,
            lead: h.lead,
        }
    }
}

/// `GET /api/articles`
pub(crate) async fn list(
    State(state): State<AppState>,
    params: Result<Query<FilterParams>, QueryRejection>,
) -> Result<Json<Listing<HeadView>>, ApiError> {
    let Query(params) = params?;
    let filter = params.filter()?;
    let limit = limit(params.limit)?;
    let page = state
        .pool
        .run(move |s| Ok(s.article_heads(&filter, params.after, limit)?))
        .await?;
    Ok(Json(Listing {
        items: page.items.into_iter().map(HeadView::from).collect(),
        next: page.next,
    }))
}

/// A shared passage seen from the article shown.
#[derive(Debug, Serialize)]
struct PassageView {
    start: usize,
    end: usize,
    other_start: usize,
    other_end: usize,
    text: String,
    quote: bool,
    first: String,
}

/// A near-duplicate of the article shown.
#[derive(Debug, Serialize)]
struct NearDuplicateView {
    article: String,
    title: Option<String>,
    source: Option<String>,
    similarity: f64,
    shared_passages: Vec<PassageView>,
}

/// An entity mention with the entity's name.
#[derive(Debug, Serialize)]
struct MentionView {
    start: usize,
    end: usize,
    entity: String,
    kind: &'static str,
    name: Option<String>,
    role: Option<String>,
}

/// A quote of the article shown.
#[derive(Debug, Serialize)]
struct QuoteView {
    start: usize,
    end: usize,
    direct: bool,
    speaker: Option<String>,
    speaker_entity: Option<String>,
}

/// `GET /api/articles/{id}`: the article with everything known about it.
#[derive(Debug, Serialize)]
pub(crate) struct ArticleView {
    id: String,
    origin: String,
    url: Option<String>,
    title: Option<String>,
    text: String,
    published: Option<PublishedDate>,
    published_basis: Option<PublishedBasis>,
    authors: Vec<String>,
    source: Option<String>,
    language: Option<String>,
    duplicate_of: Option<String>,
    near_duplicates: Vec<NearDuplicateView>,
    story: Option<String>,
    thread: Option<String>,
    entities: Vec<MentionView>,
    quotes: Vec<QuoteView>,
    places: Vec<PlaceMention>,
    times: Vec<TimeExpression>,
}

fn near_duplicate(
    link: DuplicateLink,
    text: &str,
    heads: &BTreeMap<ArticleId, ArticleHead>,
) -> NearDuplicateView {
    let head = heads.get(&link.other);
    NearDuplicateView {
        article: link.other.to_string(),
        title: head.and_then(|h| h.title.clone()),
        source: head.and_then(|h| h.source.clone()),
        similarity: (link.similarity * 1e4).round() / 1e4,
        shared_passages: link
            .passages
            .into_iter()
            .map(|p| PassageView {
                start: p.span.start,
                end: p.span.end,
                other_start: p.other_span.start,
                other_end: p.other_span.end,
                text: p.span.slice(text).unwrap_or_default().to_owned(),
                quote: p.quote,
                first: p.first.to_string(),
            })
            .collect(),
    }
}

/// `GET /api/articles/{id}`
pub(crate) async fn one(
    State(state): State<AppState>,
    id: Result<Path<String>, PathRejection>,
) -> Result<Json<ArticleView>, ApiError> {
    let Path(id) = id?;
    let article_id = ArticleId::from_stored(id.clone());
    let found = state
        .pool
        .run(move |s| {
            let Some(article) = s.article(&article_id)? else {
                return Ok(None);
            };
            let (duplicate_of, links) = s.dedup_of(&article_id)?;
            let others: Vec<ArticleId> = links.iter().map(|l| l.other.clone()).collect();
            let heads = s
                .article_heads_by_id(&others)?
                .into_iter()
                .map(|h| (h.id.clone(), h))
                .collect();
            let record = s.annotation(&article_id)?;
            let story = s.article_story(&article_id)?;
            Ok(Some((article, duplicate_of, links, heads, record, story)))
        })
        .await?;
    let Some((article, duplicate_of, links, heads, record, story)) = found else {
        return Err(ApiError::not_found("article", &id));
    };
    let mut view = view_of(article, duplicate_of, links, &heads);
    if let Some((story, thread)) = story {
        view.story = Some(story);
        view.thread = Some(thread);
    }
    if let Some(r) = record {
        let names: BTreeMap<&str, &str> = r
            .entities
            .iter()
            .map(|e| (e.id.as_str(), e.name.as_str()))
            .collect();
        view.entities = r
            .annotations
            .entities
            .iter()
            .map(|m| MentionView {
                start: m.span.start,
                end: m.span.end,
                entity: m.entity.to_string(),
                kind: m.kind.as_str(),
                name: names.get(m.entity.as_str()).map(|n| (*n).to_owned()),
                role: m.role.clone(),
            })
            .collect();
        view.quotes = r
            .annotations
            .quotes
            .iter()
            .map(|q| QuoteView {
                start: q.span.start,
                end: q.span.end,
                direct: q.direct,
                speaker: q.speaker.clone(),
                speaker_entity: q.speaker_entity.as_ref().map(ToString::to_string),
            })
            .collect();
        view.places = r.annotations.places;
        view.times = r.annotations.times;
    }
    Ok(Json(view))
}

fn view_of(
    article: Article,
    duplicate_of: Option<ArticleId>,
    links: Vec<DuplicateLink>,
    heads: &BTreeMap<ArticleId, ArticleHead>,
) -> ArticleView {
    let near_duplicates = links
        .into_iter()
        .map(|l| near_duplicate(l, &article.text, heads))
        .collect();
    ArticleView {
        id: article.id.to_string(),
        origin: article.origin,
        url: article.url,
        title: article.title,
        text: article.text,
        published: article.published,
        published_basis: article.published_basis,
        authors: article.authors,
        source: article.source,
        language: article.language,
        duplicate_of: duplicate_of.map(|d| d.to_string()),
        near_duplicates,
        story: None,
        thread: None,
        entities: Vec::new(),
        quotes: Vec::new(),
        places: Vec::new(),
        times: Vec::new(),
    }
}

/// True when `headers` carry `Authorization: Bearer <token>`; compared in
/// time independent of where the first difference is.
fn authorized(headers: &HeaderMap, token: &str) -> bool {
    let Some(given) = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
    else {
        return false;
    };
    let (a, b) = (given.trim().as_bytes(), token.as_bytes());
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The body kind of a `Content-Type`.
fn body_kind(headers: &HeaderMap) -> Result<BodyKind, ApiError> {
    let value = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let mime = value.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    match mime.as_str() {
        "application/json" => Ok(BodyKind::Json),
        "text/html" | "application/xhtml+xml" => Ok(BodyKind::Html),
        "text/plain" => Ok(BodyKind::Text),
        _ => Err(ApiError::new(
            ErrorCode::UnsupportedMediaType,
            format!("Content-Type {value:?} is not accepted; send application/json, text/html or text/plain"),
        )),
    }
}

/// The checks of an ingest request that need no body: ingest is on, the
/// bearer token matches, the content type is one we read. As an extractor
/// it runs before the body is read, so a refused request costs nothing.
pub(crate) struct IngestRequest(BodyKind);

impl FromRequestParts<AppState> for IngestRequest {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let (Some(token), Some(_)) = (&state.token, &state.hooks.ingest) else {
            return Err(ApiError::new(
                ErrorCode::IngestDisabled,
                "ingest over HTTP is off: start the server with a token (--token-file or $SITREP_TOKEN)",
            ));
        };
        if !authorized(&parts.headers, token) {
            return Err(ApiError::new(
                ErrorCode::Unauthorized,
                "send the server's token as `Authorization: Bearer <token>`",
            ));
        }
        Ok(Self(body_kind(&parts.headers)?))
    }
}

/// `POST /api/articles`: ingest one JSON article (or an array), one HTML
/// page or one plain-text article through the pipeline. The body is
/// capped by the router's body limit.
pub(crate) async fn ingest(
    State(state): State<AppState>,
    IngestRequest(kind): IngestRequest,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    let bytes = body?.to_vec();
    let origin = format!(
        "request.{}",
        match kind {
            BodyKind::Json => "json",
            BodyKind::Html => "html",
            BodyKind::Text => "txt",
        }
    );
    let hooks = std::sync::Arc::clone(&state.hooks);
    let report = tokio::task::spawn_blocking(move || match &hooks.ingest {
        Some(ingest) => ingest
            .ingest(bytes, kind, &origin)
            .map_err(|e| ApiError::internal(&e)),
        None => Err(ApiError::new(
            ErrorCode::IngestDisabled,
            "ingest over HTTP is off",
        )),
    })
    .await
    .map_err(|e| ApiError::internal(&e))??;
    if report.inserted.is_empty() && report.existing.is_empty() {
        let mut err = ApiError::new(ErrorCode::Rejected, "no article in the body could be stored");
        err.rejected = report.rejected;
        return Err(err);
    }
    let status = if report.inserted.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::CREATED
    };
    Ok((status, Json(report)).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(header_value: Option<&str>, token: &str, expected: bool) {
        let mut headers = HeaderMap::new();
        if let Some(v) = header_value {
            headers.insert(header::AUTHORIZATION, v.parse().expect("header"));
        }
        assert_eq!(authorized(&headers, token), expected, "{header_value:?}");
    }

    #[test]
    fn bearer_tokens_must_match_exactly() {
        check(Some("Bearer s3cret"), "s3cret", true);
        check(Some("Bearer s3cre"), "s3cret", false);
        check(Some("Bearer s3cretx"), "s3cret", false);
        check(Some("Basic s3cret"), "s3cret", false);
        check(Some("s3cret"), "s3cret", false);
        check(None, "s3cret", false);
    }
}
