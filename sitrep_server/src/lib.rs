//! The HTTP JSON API and the web dashboard over a sitrep store.
//!
//! Why it is built this way:
//! - This is the only crate that knows HTTP (axum on tokio, HTTP/1 only,
//!   no TLS: put a proxy in front for that). It knows the store and the
//!   model; the pipeline, the entity merge and the timeline come in as
//!   [`Hooks`] from the binary, so the API serves exactly what the CLI
//!   prints and ingests exactly as `sitrep ingest` does.
//! - Every route is one entry of a table (`routes::ROUTES`) that both
//!   builds the router and is checked against the OpenAPI document served
//!   at `/api/openapi.json`.
//! - Errors are JSON with a stable code, mapped to statuses in one table
//!   ([`ErrorCode::status`]); a 5xx never carries internals.
//! - The dashboard is plain HTML, CSS and JavaScript compiled into the
//!   binary (`assets/`); it needs no network. The map's country outlines
//!   are data the binary loads from the cache folder and hands in
//!   ([`ServerConfig::map`]); without them the map draws a graticule.
//! - Article text is untrusted: the dashboard only ever inserts it as text
//!   nodes, and every answer carries a Content-Security-Policy that allows
//!   no inline script, so even a mistake there could not run a script.
//!   No CORS headers are sent: other origins cannot read the API.

mod assets;
mod error;
mod hooks;
mod openapi;
mod routes;
mod state;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use axum::Router;
use axum::extract::DefaultBodyLimit;

pub use error::{ApiError, ErrorCode};
pub use hooks::{
    BodyKind, EntityMerge, EntitySummary, EventActorView, EventPlaceView, Evidence, HookError, Hooks, Ingest,
    IngestReport, NoSituation, RejectedInput, Situation, SituationDoc, Story, Thread, TimelineEvent,
};

/// The largest request body accepted by default (8 MiB).
pub const DEFAULT_MAX_BODY_BYTES: usize = 8 * 1024 * 1024;

/// How to run the server.
#[derive(Debug, Clone)]
pub struct ServerConfig {
    /// The database file (created when missing).
    pub db: PathBuf,
    /// Read connections to keep open (at least one).
    pub readers: usize,
    /// The bearer token `POST /api/articles` requires; `None` turns ingest
    /// over HTTP off.
    pub token: Option<String>,
    /// The largest request body accepted, in bytes.
    pub max_body_bytes: usize,
    /// Country outlines for the dashboard's map (GeoJSON-like JSON built at
    /// set-up), when available.
    pub map: Option<Vec<u8>>,
}

impl ServerConfig {
    /// Defaults for the database at `db`: two readers per core, no token,
    /// [`DEFAULT_MAX_BODY_BYTES`], no map.
    pub fn new(db: PathBuf) -> Self {
        let cores = std::thread::available_parallelism().map_or(2, std::num::NonZero::get);
        Self {
            db,
            readers: cores * 2,
            token: None,
            max_body_bytes: DEFAULT_MAX_BODY_BYTES,
            map: None,
        }
    }
}

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    /// The database could not be opened.
    #[error(transparent)]
    Store(#[from] sitrep_store::StoreError),
    /// A non-loopback address without a token.
    #[error(
        "refusing to listen on {0} without a token: anyone who can reach it could ingest; \
         set one (--token-file or $SITREP_TOKEN) or listen on a loopback address"
    )]
    TokenRequired(SocketAddr),
    /// The address could not be bound or the server failed.
    #[error("cannot serve on {addr}: {source}")]
    Io {
        /// The address.
        addr: SocketAddr,
        /// The error.
        source: std::io::Error,
    },
}

/// Every API route as (method, path), in the order the router adds them:
/// what the OpenAPI document must describe.
pub fn api_routes() -> Vec<(String, &'static str)> {
    routes::ROUTES
        .iter()
        .map(|r| (r.method.as_str().to_owned(), r.path))
        .collect()
}

/// Refuse to expose a server without a token beyond this machine.
pub fn check_exposure(addr: &SocketAddr, token: Option<&str>) -> Result<(), ServerError> {
    if addr.ip().is_loopback() || token.is_some_and(|t| !t.is_empty()) {
        Ok(())
    } else {
        Err(ServerError::TokenRequired(*addr))
    }
}

/// The application: API routes, dashboard, security headers, body limit.
pub fn app(config: &ServerConfig, hooks: Hooks) -> Result<Router, ServerError> {
    let pool = state::Pool::open(&config.db, config.readers)?;
    let inner = state::Inner {
        pool: Arc::new(pool),
        hooks: Arc::new(hooks),
        token: config.token.clone().filter(|t| !t.is_empty()),
        map: config.map.clone().map(Arc::from),
        entities: state::Cached::new(),
        searches: Arc::new(state::Recent::new(SEARCHES_KEPT)),
        situation: state::Cached::new(),
    };
    let mut router = Router::new();
    for route in routes::ROUTES {
        router = router.route(route.path, (route.handler)());
    }
    let router = assets::routes(router)
        .fallback(assets::no_such_route)
        .method_not_allowed_fallback(assets::method_not_allowed)
        .layer(DefaultBodyLimit::max(config.max_body_bytes))
        .layer(axum::middleware::from_fn(assets::security_headers))
        .with_state(Arc::new(inner));
    Ok(router)
}

/// Serve `router` on `addr` until Ctrl-C or SIGTERM, on a multi-threaded
/// runtime; `ready` is called with the bound address (useful with port 0).
/// The whole-store views (situation, entities) are computed in the
/// background as soon as the socket is bound, so the first visitor does
/// not wait for them.
pub fn run(router: Router, addr: SocketAddr, ready: impl FnOnce(SocketAddr)) -> Result<(), ServerError> {
    let io = |source| ServerError::Io { addr, source };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_io()
        .enable_time()
        .build()
        .map_err(io)?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr).await.map_err(io)?;
        ready(listener.local_addr().map_err(io)?);
        tokio::spawn(warm(router.clone()));
        axum::serve(listener, router)
            .with_graceful_shutdown(shutdown_signal())
            .await
            .map_err(io)
    })
}

/// Ask the routes that read whole-store views once, so their caches fill.
async fn warm(router: Router) {
    use tower::ServiceExt;
    for path in WARM_PATHS {
        let Ok(request) = axum::http::Request::get(*path).body(axum::body::Body::empty()) else {
            continue;
        };
        // The answer only fills the cache; an error shows again when a
        // client asks.
        let _ = router.clone().oneshot(request).await;
    }
}

/// Distinct searches whose answers are kept until the store changes.
const SEARCHES_KEPT: usize = 1024;

/// Routes whose first answer computes a cached whole-store view.
const WARM_PATHS: &[&str] = &["/api/threads", "/api/entities?limit=1"];

/// Resolves on Ctrl-C or (on Unix) SIGTERM.
async fn shutdown_signal() {
    use std::future::Future;
    use std::task::Poll;
    let mut ctrl_c = std::pin::pin!(tokio::signal::ctrl_c());
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    let mut term = std::pin::pin!(term);
    std::future::poll_fn(|cx| {
        if ctrl_c.as_mut().poll(cx).is_ready() || term.as_mut().poll(cx).is_ready() {
            Poll::Ready(())
        } else {
            Poll::Pending
        }
    })
    .await;
}
