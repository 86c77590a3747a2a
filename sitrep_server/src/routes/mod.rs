//! The API's route table and the pieces every handler shares: paging,
//! filters, JSON answers.
//!
//! Why a table: [`ROUTES`] is the single list the router is built from and
//! the OpenAPI document is checked against (`tests/api.rs`), so a route
//! cannot exist undocumented or be documented without existing. Adding a
//! route is one entry here plus its handler (CONTRIBUTING.md).

mod articles;
pub(crate) mod catalog;
mod situation;

use axum::http::Method;
use axum::routing::{MethodRouter, get, post};
use serde::{Deserialize, Serialize};
use sitrep_model::{EntityId, PublishedDate};
use sitrep_store::ArticleFilter;

use crate::error::{ApiError, ErrorCode};
use crate::state::AppState;

/// One API route: method, path (axum syntax), handler.
pub(crate) struct Route {
    /// HTTP method.
    pub(crate) method: Method,
    /// Path with `{param}` segments.
    pub(crate) path: &'static str,
    /// The handler, as a method router.
    pub(crate) handler: fn() -> MethodRouter<AppState>,
}

/// Every API route.
pub(crate) const ROUTES: &[Route] = &[
    Route {
        method: Method::GET,
        path: "/api/health",
        handler: || get(catalog::health),
    },
    Route {
        method: Method::GET,
        path: "/api/openapi.json",
        handler: || get(crate::openapi::document),
    },
    Route {
        method: Method::GET,
        path: "/api/articles",
        handler: || get(articles::list),
    },
    Route {
        method: Method::POST,
        path: "/api/articles",
        handler: || post(articles::ingest),
    },
    Route {
        method: Method::GET,
        path: "/api/articles/{id}",
        handler: || get(articles::one),
    },
    Route {
        method: Method::GET,
        path: "/api/entities",
        handler: || get(catalog::entities),
    },
    Route {
        method: Method::GET,
        path: "/api/entities/{id}",
        handler: || get(catalog::entity),
    },
    Route {
        method: Method::GET,
        path: "/api/quotes",
        handler: || get(catalog::quotes),
    },
    Route {
        method: Method::GET,
        path: "/api/search",
        handler: || get(catalog::search),
    },
    Route {
        method: Method::GET,
        path: "/api/threads",
        handler: || get(situation::threads),
    },
    Route {
        method: Method::GET,
        path: "/api/threads/{id}",
        handler: || get(situation::thread),
    },
    Route {
        method: Method::GET,
        path: "/api/stories",
        handler: || get(situation::stories),
    },
    Route {
        method: Method::GET,
        path: "/api/stories/{id}",
        handler: || get(situation::story),
    },
    Route {
        method: Method::GET,
        path: "/api/events",
        handler: || get(situation::events),
    },
];

/// Items per page when `limit` is not given.
pub(crate) const DEFAULT_LIMIT: usize = 50;
/// The largest `limit` accepted.
pub(crate) const MAX_LIMIT: usize = 500;

/// One page of a listing: `next` is the `after` of the following page.
#[derive(Debug, Serialize)]
pub(crate) struct Listing<T> {
    pub(crate) items: Vec<T>,
    pub(crate) next: Option<i64>,
}

/// Parameters of a paged listing with nothing else to filter on.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PageParams {
    /// Position of the first item (the previous page's `next`).
    pub(crate) after: Option<i64>,
    /// Items per page.
    pub(crate) limit: Option<usize>,
}

/// The page of `items` that starts at position `after` (0 when absent),
/// each item on it made by `row` (the skipped ones are not).
pub(crate) fn page<I, T>(
    items: impl Iterator<Item = I>,
    after: Option<i64>,
    limit: usize,
    row: impl FnMut(I) -> T,
) -> Listing<T> {
    let start = position(after);
    let mut rest = items.skip(start);
    let items: Vec<T> = rest.by_ref().take(limit).map(row).collect();
    let next = rest.next().and_then(|_| i64::try_from(start + items.len()).ok());
    Listing { items, next }
}

/// The position an `after` cursor names (0 when absent or negative).
pub(crate) fn position(after: Option<i64>) -> usize {
    usize::try_from(after.unwrap_or(0).max(0)).unwrap_or(usize::MAX)
}

/// A checked page size.
pub(crate) fn limit(asked: Option<usize>) -> Result<usize, ApiError> {
    match asked {
        None => Ok(DEFAULT_LIMIT),
        Some(n) if (1..=MAX_LIMIT).contains(&n) => Ok(n),
        Some(n) => Err(ApiError::new(
            ErrorCode::BadRequest,
            format!("limit {n} is out of range 1..={MAX_LIMIT}"),
        )),
    }
}

/// A `YYYY-MM-DD` query parameter.
pub(crate) fn day(name: &str, value: Option<&str>) -> Result<Option<PublishedDate>, ApiError> {
    value
        .filter(|v| !v.is_empty())
        .map(|v| {
            v.parse::<PublishedDate>()
                .ok()
                .filter(|d| d.time().is_none())
                .ok_or_else(|| {
                    ApiError::new(
                        ErrorCode::BadRequest,
                        format!("{name} must be a day like 2025-02-21, not {v:?}"),
                    )
                })
        })
        .transpose()
}

/// The trimmed value of an optional parameter, unless blank.
fn non_empty(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

/// The filters shared by article-based listings.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FilterParams {
    /// Published on or after (`YYYY-MM-DD`).
    pub(crate) from: Option<String>,
    /// Published on or before (`YYYY-MM-DD`).
    pub(crate) to: Option<String>,
    /// An entity id the article mentions.
    pub(crate) actor: Option<String>,
    /// A place's entity id the article mentions.
    pub(crate) place: Option<String>,
    /// Publisher.
    pub(crate) source: Option<String>,
    /// Full-text query.
    pub(crate) q: Option<String>,
    /// Cursor.
    pub(crate) after: Option<i64>,
    /// Page size.
    pub(crate) limit: Option<usize>,
}

impl FilterParams {
    /// The store filter these parameters ask for.
    pub(crate) fn filter(&self) -> Result<ArticleFilter, ApiError> {
        Ok(ArticleFilter {
            from: day("from", self.from.as_deref())?,
            to: day("to", self.to.as_deref())?,
            entities: [non_empty(&self.actor), non_empty(&self.place)]
                .into_iter()
                .flatten()
                .map(|e| EntityId(e.to_owned()))
                .collect(),
            source: non_empty(&self.source).map(str::to_owned),
            text: non_empty(&self.q).map(str::to_owned),
        })
    }
}
