//! API errors: one code per kind of failure, mapped to an HTTP status in
//! one table ([`ErrorCode::status`]), always answered as JSON
//! `{"error": {"code", "message"}}`.
//!
//! A 5xx never carries the underlying error: its message is generic with
//! an incident number, and the detail goes to the server's log (stderr)
//! under that number. Bad requests say exactly what was wrong with them.

use std::sync::atomic::{AtomicU64, Ordering};

use axum::Json;
use axum::extract::rejection::{BytesRejection, JsonRejection, PathRejection, QueryRejection};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use sitrep_store::StoreError;

/// What went wrong, as a stable machine-readable code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// A query parameter or path segment is malformed or unknown.
    BadRequest,
    /// The request body is not what the route takes.
    BadBody,
    /// No or a wrong bearer token.
    Unauthorized,
    /// Ingest over HTTP is off: the server was started without a token.
    IngestDisabled,
    /// No such article, entity, story or thread.
    NotFound,
    /// No such route.
    NoSuchRoute,
    /// The route exists, not with this method.
    MethodNotAllowed,
    /// The body is larger than the server accepts.
    PayloadTooLarge,
    /// The body's content type is not one the route takes.
    UnsupportedMediaType,
    /// The body was read but held no article that could be stored.
    Rejected,
    /// The server failed; details are in its log.
    Internal,
}

impl ErrorCode {
    /// The one table from error codes to HTTP statuses.
    pub fn status(self) -> StatusCode {
        match self {
            Self::BadRequest | Self::BadBody => StatusCode::BAD_REQUEST,
            Self::Unauthorized => StatusCode::UNAUTHORIZED,
            Self::IngestDisabled => StatusCode::FORBIDDEN,
            Self::NotFound | Self::NoSuchRoute => StatusCode::NOT_FOUND,
            Self::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            Self::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            Self::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Self::Rejected => StatusCode::UNPROCESSABLE_ENTITY,
            Self::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// Every code, for the OpenAPI document's test.
    pub const ALL: [Self; 11] = [
        Self::BadRequest,
        Self::BadBody,
        Self::Unauthorized,
        Self::IngestDisabled,
        Self::NotFound,
        Self::NoSuchRoute,
        Self::MethodNotAllowed,
        Self::PayloadTooLarge,
        Self::UnsupportedMediaType,
        Self::Rejected,
        Self::Internal,
    ];
}

/// An error answer.
#[derive(Debug, Clone, PartialEq)]
pub struct ApiError {
    /// The code.
    pub code: ErrorCode,
    /// What the client should know (generic for [`ErrorCode::Internal`]).
    pub message: String,
    /// Inputs the ingest rejected, with reasons (only for
    /// [`ErrorCode::Rejected`]).
    pub rejected: Vec<crate::RejectedInput>,
}

static INCIDENTS: AtomicU64 = AtomicU64::new(1);

impl ApiError {
    /// An error with a message for the client.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
            rejected: Vec::new(),
        }
    }

    /// A 404 for a missing `what`.
    pub fn not_found(what: &str, id: &str) -> Self {
        Self::new(ErrorCode::NotFound, format!("no {what} with id {id:?}"))
    }

    /// A server failure: `detail` goes to the log under a fresh incident
    /// number, the client sees only the number.
    pub fn internal(detail: &dyn std::fmt::Display) -> Self {
        let incident = INCIDENTS.fetch_add(1, Ordering::Relaxed);
        eprintln!("sitrep serve: incident {incident}: {detail}");
        Self::new(
            ErrorCode::Internal,
            format!("internal error (incident {incident}); the details are in the server log"),
        )
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        Self::internal(&e)
    }
}

impl From<QueryRejection> for ApiError {
    fn from(e: QueryRejection) -> Self {
        Self::new(ErrorCode::BadRequest, e.body_text())
    }
}

impl From<PathRejection> for ApiError {
    fn from(e: PathRejection) -> Self {
        Self::new(ErrorCode::BadRequest, e.body_text())
    }
}

impl From<JsonRejection> for ApiError {
    fn from(e: JsonRejection) -> Self {
        Self::new(ErrorCode::BadBody, e.body_text())
    }
}

impl From<BytesRejection> for ApiError {
    fn from(e: BytesRejection) -> Self {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            Self::new(
                ErrorCode::PayloadTooLarge,
                "the body is larger than the server accepts",
            )
        } else {
            Self::new(ErrorCode::BadBody, e.body_text())
        }
    }
}

#[derive(Serialize)]
struct ErrorBody<'a> {
    error: ErrorDetail<'a>,
}

#[derive(Serialize)]
struct ErrorDetail<'a> {
    code: ErrorCode,
    message: &'a str,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    rejected: &'a [crate::RejectedInput],
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = ErrorBody {
            error: ErrorDetail {
                code: self.code,
                message: &self.message,
                rejected: &self.rejected,
            },
        };
        (self.code.status(), Json(body)).into_response()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(code: ErrorCode, expected: u16) {
        assert_eq!(code.status().as_u16(), expected, "{code:?}");
    }

    #[test]
    fn codes_map_to_statuses() {
        check(ErrorCode::BadRequest, 400);
        check(ErrorCode::Unauthorized, 401);
        check(ErrorCode::IngestDisabled, 403);
        check(ErrorCode::NotFound, 404);
        check(ErrorCode::PayloadTooLarge, 413);
        check(ErrorCode::Rejected, 422);
        check(ErrorCode::Internal, 500);
        for code in ErrorCode::ALL {
            assert!(code.status().is_client_error() || code == ErrorCode::Internal);
        }
    }

    #[test]
    fn internal_errors_hide_their_detail() {
        let e = ApiError::internal(&"disk I/O error at /secret/path.db");
        assert_eq!(e.code, ErrorCode::Internal);
        assert!(!e.message.contains("secret"), "{}", e.message);
        assert!(e.message.contains("incident"));
    }
}
