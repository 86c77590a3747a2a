//! The OpenAPI 3.1 document of the API, served at `/api/openapi.json`.
//!
//! Written by hand (`openapi.json` beside this file) rather than derived
//! by macros, to keep the build lean; `tests/api.rs` checks it against the
//! route table: the same paths and methods, every documented parameter
//! accepted by its handler, every error code listed.

use axum::http::header;
use axum::response::IntoResponse;

/// The document.
pub(crate) const DOCUMENT: &str = include_str!("openapi.json");

/// `GET /api/openapi.json`
pub(crate) async fn document() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "application/json")], DOCUMENT)
}
