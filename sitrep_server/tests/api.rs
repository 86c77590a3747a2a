//! Router tests without a socket: each request goes through the whole
//! application (`tower::ServiceExt::oneshot`) over a store written by the
//! test, with stand-in hooks. Covers every route, the OpenAPI document
//! against the route table, errors as JSON with the right statuses, ingest
//! auth and limits, and the security headers.

use std::sync::Mutex;

use axum::Router;
use axum::body::{Body, to_bytes};
use axum::http::{Request, StatusCode, header};
use serde_json::{Value, json};
use sitrep_model::{
    Annotations, Article, ArticleId, CopiedPassage, DuplicateLink, Entity, EntityId, EntityKind,
    EntityMention, PublishedBasis, PublishedDate, Quote, Span,
};
use sitrep_server::{
    BodyKind, EntityMerge, EntitySummary, HookError, Hooks, Ingest, IngestReport, RejectedInput,
    ServerConfig, Situation, SituationDoc,
};
use sitrep_store::{AnnotationRecord, ClusterBatch, DedupRecord, PlacementRecord, Store, StoryRecord};
use tower::ServiceExt;

const TOKEN: &str = "test-token-123";

fn article(url: &str, title: &str, text: &str, day: u32) -> Article {
    Article {
        id: ArticleId::from_content(Some(url), text),
        origin: format!("{url}.html"),
        url: Some(url.to_owned()),
        title: Some(title.to_owned()),
        text: text.to_owned(),
        published: PublishedDate::from_ymd(2025, 2, day),
        published_basis: Some(PublishedBasis::Metadata),
        authors: vec!["Ana Lima".into()],
        source: Some("n.test".into()),
        language: Some("en".into()),
    }
}

const SHARED: &str = "Rebels entered the airport of Goma on Sunday morning.";

/// Three articles: `a` and `b` share a passage; `a` mentions Goma and
/// quotes a minister; `c` is unrelated.
struct Fixture {
    _dir: tempfile::TempDir,
    db: std::path::PathBuf,
    a: Article,
    b: Article,
    c: Article,
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("api.db");
    let a = article(
        "https://n.test/a",
        "Fighting reaches Goma",
        &format!("{SHARED} \"We will hold the city,\" the minister said."),
        21,
    );
    let b = article(
        "https://m.test/b",
        "Airport taken",
        &format!("Residents fled. {SHARED}"),
        22,
    );
    let c = article(
        "https://k.test/c",
        "Harvest report",
        "Maize prices fell in the region.",
        23,
    );
    let goma = EntityId("geonames:216281".into());
    let record = AnnotationRecord {
        article: a.id.clone(),
        annotations: Annotations {
            entities: vec![EntityMention {
                span: Span::new(30, 34),
                entity: goma.clone(),
                kind: EntityKind::Place,
                role: None,
            }],
            quotes: vec![Quote {
                span: Span::new(55, 76),
                direct: true,
                speaker_span: None,
                speaker: Some("the minister".into()),
                speaker_entity: Some(EntityId("person:the-minister".into())),
            }],
            ..Annotations::default()
        },
        entities: vec![Entity {
            id: goma,
            name: "Goma".into(),
            kind: EntityKind::Place,
            aliases: vec![],
            country: Some("COD".into()),
            sector: None,
            gender: None,
        }],
    };
    let passage_in_b = b.text.find(SHARED).expect("shared");
    let link = DuplicateLink {
        other: a.id.clone(),
        similarity: 0.5,
        passages: vec![CopiedPassage {
            span: Span::new(passage_in_b, passage_in_b + SHARED.len()),
            other_span: Span::new(0, SHARED.len()),
            quote: false,
            first: a.id.clone(),
        }],
    };
    let dedup = |x: &Article, links: Vec<DuplicateLink>| DedupRecord {
        article: x.id.clone(),
        time: Some(20_000),
        signature: vec![1],
        duplicate_of: None,
        links,
    };
    let mut store = Store::open(&db).expect("open");
    store
        .insert_batch(
            &[a.clone(), b.clone(), c.clone()],
            &[dedup(&a, vec![]), dedup(&b, vec![link]), dedup(&c, vec![])],
            &[record],
        )
        .expect("insert");
    let placed = |x: &Article, seq: i64| PlacementRecord {
        article: x.id.clone(),
        seq,
        story: "s1".into(),
        day: None,
        basis: None,
        clock: None,
        score: 0.0,
        features: vec![],
    };
    store
        .insert_clusters(&ClusterBatch {
            placements: vec![placed(&a, 1), placed(&b, 2)],
            stories: vec![StoryRecord {
                id: "s1".into(),
                thread: "t1".into(),
                title: "Goma airport".into(),
                first_published: None,
                last_published: None,
                last_clock: None,
                size: 2,
            }],
            ..ClusterBatch::default()
        })
        .expect("clusters");
    Fixture {
        _dir: dir,
        db,
        a,
        b,
        c,
    }
}

/// Stores a plain-text body as one article; rejects bodies under 3 words.
struct TextIngest {
    db: std::path::PathBuf,
    lock: Mutex<()>,
}

impl Ingest for TextIngest {
    fn ingest(&self, body: Vec<u8>, kind: BodyKind, origin: &str) -> Result<IngestReport, HookError> {
        let _guard = self.lock.lock().map_err(|e| HookError(e.to_string()))?;
        let text = String::from_utf8_lossy(&body).into_owned();
        if text.split_whitespace().count() < 3 || kind == BodyKind::Json {
            return Ok(IngestReport {
                rejected: vec![RejectedInput {
                    origin: origin.to_owned(),
                    reason: "too short".into(),
                }],
                ..IngestReport::default()
            });
        }
        let mut store = Store::open(&self.db).map_err(|e| HookError(e.to_string()))?;
        let mut a = article("https://post.test/x", "Posted", &text, 24);
        a.id = ArticleId::from_content(None, &text);
        let outcome = store
            .insert_articles(&[a])
            .map_err(|e| HookError(e.to_string()))?;
        Ok(IngestReport {
            inserted: outcome.inserted,
            existing: outcome.existing,
            rejected: vec![],
        })
    }
}

/// One entity per id, mentions counted.
struct CountMerge;

impl EntityMerge for CountMerge {
    fn merge(&self, records: &[AnnotationRecord]) -> Vec<EntitySummary> {
        let mut out: Vec<EntitySummary> = Vec::new();
        for r in records {
            for e in &r.entities {
                let mentions = r.annotations.entities.iter().filter(|m| m.entity == e.id).count();
                match out.iter_mut().find(|s| s.entity.id == e.id) {
                    Some(s) => {
                        s.mentions += mentions;
                        s.articles.push(r.article.clone());
                    }
                    None => out.push(EntitySummary {
                        entity: e.clone(),
                        mentions,
                        articles: vec![r.article.clone()],
                    }),
                }
            }
        }
        out
    }
}

struct FixedSituation(SituationDoc);

impl Situation for FixedSituation {
    fn load(&self, _store: &Store) -> Result<SituationDoc, HookError> {
        Ok(self.0.clone())
    }
}

struct BrokenSituation;

impl Situation for BrokenSituation {
    fn load(&self, _store: &Store) -> Result<SituationDoc, HookError> {
        Err(HookError(
            "disk I/O error reading /secret/internal/path.db".into(),
        ))
    }
}

fn situation(f: &Fixture) -> SituationDoc {
    serde_json::from_value(json!({
        "threads": [{
            "id": "t1", "title": "Fall of Goma", "stories": ["s1"],
            "articles": [f.a.id.as_str(), f.b.id.as_str()],
            "events": [
                {"id": "e1", "date": "2025-02-21", "date_precision": "day", "title": "Rebels take the airport",
                 "type": "FIGHT", "actors": [{"name": "M23", "entity": "group:m23", "role": "source"}],
                 "places": [{"name": "Goma", "lat": -1.68, "lon": 29.22, "geonames_id": 216281, "country": "COD"}],
                 "articles": [f.a.id.as_str()],
                 "evidence": [{"article": f.a.id.as_str(), "start": 0, "end": SHARED.len(), "text": SHARED}]},
                {"id": "e2", "date": "2025-03", "date_precision": "month", "title": "Talks", "type": "CONSULT",
                 "actors": [{"name": "Kenya", "entity": "country:KEN", "role": "source"}],
                 "evidence": []}
            ]
        }],
        "stories": [{"id": "s1", "title": "Goma airport", "thread": "t1",
                     "articles": [f.a.id.as_str(), f.b.id.as_str()]}]
    }))
    .expect("situation")
}

fn app_with(f: &Fixture, token: Option<&str>, max_body: usize, situation_hook: Box<dyn Situation>) -> Router {
    let config = ServerConfig {
        token: token.map(str::to_owned),
        max_body_bytes: max_body,
        readers: 2,
        ..ServerConfig::new(f.db.clone())
    };
    let hooks = Hooks {
        ingest: Some(Box::new(TextIngest {
            db: f.db.clone(),
            lock: Mutex::new(()),
        })),
        entities: Box::new(CountMerge),
        situation: situation_hook,
    };
    sitrep_server::app(&config, hooks).expect("app")
}

fn app(f: &Fixture) -> Router {
    app_with(f, Some(TOKEN), 1024, Box::new(FixedSituation(situation(f))))
}

struct Answer {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: Value,
}

async fn send(app: &Router, request: Request<Body>) -> Answer {
    let response = app.clone().oneshot(request).await.expect("infallible");
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = to_bytes(response.into_body(), 1 << 24).await.expect("body");
    let body = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
    Answer {
        status,
        headers,
        body,
    }
}

async fn get(app: &Router, uri: &str) -> Answer {
    send(app, Request::get(uri).body(Body::empty()).expect("request")).await
}

/// One GET checked: status, and a JSON pointer's value when given.
async fn check(app: &Router, uri: &str, status: u16, pointer: &str, expected: Value) {
    let answer = get(app, uri).await;
    assert_eq!(answer.status.as_u16(), status, "{uri}: {}", answer.body);
    if !pointer.is_empty() {
        assert_eq!(
            answer.body.pointer(pointer),
            Some(&expected),
            "{uri}{pointer}: {}",
            answer.body
        );
    }
}

fn post(uri: &str, content_type: &str, token: Option<&str>, body: impl Into<Body>) -> Request<Body> {
    let mut r = Request::post(uri).header(header::CONTENT_TYPE, content_type);
    if let Some(t) = token {
        r = r.header(header::AUTHORIZATION, format!("Bearer {t}"));
    }
    r.body(body.into()).expect("request")
}

/// On a multi-threaded runtime, as `sitrep serve` runs (the other tests
/// use the current-thread runtime).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn articles_list_page_filter_and_show_passages_and_annotations() {
    let f = fixture();
    let app = app(&f);
    check(
        &app,
        "/api/articles",
        200,
        "/items/2/title",
        json!("Harvest report"),
    )
    .await;
    check(&app, "/api/articles?limit=2", 200, "/next", json!(2)).await;
    check(
        &app,
        "/api/articles?limit=2&after=2",
        200,
        "/items/0/id",
        json!(f.c.id.as_str()),
    )
    .await;
    check(
        &app,
        "/api/articles?from=2025-02-22&to=2025-02-22",
        200,
        "/items/0/id",
        json!(f.b.id.as_str()),
    )
    .await;
    check(
        &app,
        "/api/articles?place=geonames:216281",
        200,
        "/items/0/id",
        json!(f.a.id.as_str()),
    )
    .await;
    check(
        &app,
        "/api/articles?q=maize",
        200,
        "/items/0/id",
        json!(f.c.id.as_str()),
    )
    .await;
    check(
        &app,
        "/api/articles?from=yesterday",
        400,
        "/error/code",
        json!("bad_request"),
    )
    .await;
    check(
        &app,
        "/api/articles?limit=0",
        400,
        "/error/code",
        json!("bad_request"),
    )
    .await;
    check(
        &app,
        "/api/articles?colour=red",
        400,
        "/error/code",
        json!("bad_request"),
    )
    .await;

    let uri = format!("/api/articles/{}", f.b.id);
    check(
        &app,
        &uri,
        200,
        "/near_duplicates/0/article",
        json!(f.a.id.as_str()),
    )
    .await;
    check(
        &app,
        &uri,
        200,
        "/near_duplicates/0/title",
        json!("Fighting reaches Goma"),
    )
    .await;
    check(
        &app,
        &uri,
        200,
        "/near_duplicates/0/shared_passages/0/text",
        json!(SHARED),
    )
    .await;
    check(&app, &uri, 200, "/story", json!("s1")).await;
    check(&app, &uri, 200, "/thread", json!("t1")).await;
    let uri = format!("/api/articles/{}", f.a.id);
    check(
        &app,
        &uri,
        200,
        "/near_duplicates/0/shared_passages/0/start",
        json!(0),
    )
    .await;
    check(&app, &uri, 200, "/entities/0/name", json!("Goma")).await;
    check(&app, &uri, 200, "/quotes/0/speaker", json!("the minister")).await;
    check(&app, "/api/articles/nope", 404, "/error/code", json!("not_found")).await;
}

#[tokio::test]
async fn entities_quotes_and_search() {
    let f = fixture();
    let app = app(&f);
    check(
        &app,
        "/api/entities",
        200,
        "/items/0/id",
        json!("geonames:216281"),
    )
    .await;
    check(&app, "/api/entities?kind=person", 200, "/items", json!([])).await;
    check(&app, "/api/entities?q=gom", 200, "/items/0/articles", json!(1)).await;
    check(
        &app,
        "/api/entities/geonames:216281",
        200,
        "/article_list/items/0/id",
        json!(f.a.id.as_str()),
    )
    .await;
    check(
        &app,
        "/api/entities/person:nobody",
        404,
        "/error/code",
        json!("not_found"),
    )
    .await;
    check(
        &app,
        "/api/quotes",
        200,
        "/items/0/text",
        json!("We will hold the city"),
    )
    .await;
    let uri = format!("/api/quotes?article={}", f.c.id);
    check(&app, &uri, 200, "/items", json!([])).await;
    check(
        &app,
        "/api/quotes?speaker=person:the-minister",
        200,
        "/items/0/direct",
        json!(true),
    )
    .await;
    check(
        &app,
        "/api/search?q=airport",
        200,
        "/items/0/title",
        json!("Airport taken"),
    )
    .await;
    check(&app, "/api/search?q=%22unbalanced", 200, "/items", json!([])).await;
    check(&app, "/api/search", 400, "/error/code", json!("bad_request")).await;
    check(&app, "/api/health", 200, "/articles", json!(3)).await;
    check(&app, "/api/health", 200, "/ingest", json!(true)).await;
}

#[tokio::test]
async fn threads_stories_and_events_with_filters() {
    let f = fixture();
    let app = app(&f);
    check(&app, "/api/threads", 200, "/items/0/events", json!(2)).await;
    check(&app, "/api/threads", 200, "/items/0/last_date", json!("2025-03")).await;
    check(
        &app,
        "/api/threads/t1",
        200,
        "/events/0/evidence/0/text",
        json!(SHARED),
    )
    .await;
    check(
        &app,
        "/api/threads/t1",
        200,
        "/articles/1/title",
        json!("Airport taken"),
    )
    .await;
    check(
        &app,
        "/api/threads/t1?type=consult",
        200,
        "/events/0/id",
        json!("e2"),
    )
    .await;
    check(
        &app,
        "/api/threads/t1?actor=group:m23",
        200,
        "/events/0/id",
        json!("e1"),
    )
    .await;
    check(
        &app,
        "/api/threads/t1?place=country:COD",
        200,
        "/events/0/id",
        json!("e1"),
    )
    .await;
    check(
        &app,
        "/api/threads/t1?from=2025-03-05",
        200,
        "/events/0/id",
        json!("e2"),
    )
    .await;
    check(&app, "/api/threads/t9", 404, "/error/code", json!("not_found")).await;
    check(&app, "/api/stories?thread=t1", 200, "/items/0/id", json!("s1")).await;
    check(&app, "/api/threads?limit=1", 200, "/next", Value::Null).await;
    check(&app, "/api/threads?after=1", 200, "/items", json!([])).await;
    for refused in ["/api/threads?limit=0", "/api/threads?page=2"] {
        check(&app, refused, 400, "/error/code", json!("bad_request")).await;
    }
    check(&app, "/api/stories?limit=1", 200, "/items/0/id", json!("s1")).await;
    check(&app, "/api/stories?thread=t1&after=1", 200, "/items", json!([])).await;
    check(
        &app,
        "/api/stories/s1",
        200,
        "/article_list/0/id",
        json!(f.a.id.as_str()),
    )
    .await;
    check(&app, "/api/events?limit=1", 200, "/next", json!(1)).await;
    check(
        &app,
        "/api/events?limit=1&after=1",
        200,
        "/items/0/thread",
        json!("t1"),
    )
    .await;

    let empty = app_with(&f, None, 1024, Box::new(sitrep_server::NoSituation));
    check(&empty, "/api/threads", 200, "/items", json!([])).await;
    check(&empty, "/api/events", 200, "/items", json!([])).await;
    check(&empty, "/api/stories", 200, "/items", json!([])).await;
}

#[tokio::test]
async fn ingest_needs_the_token_a_known_type_and_a_bounded_body() {
    let f = fixture();
    let app = app(&f);
    let text = "Aid convoys reached Bukavu on Monday after the road reopened.";
    check(&app, "/api/search?q=convoys", 200, "/items", json!([])).await;
    let a = send(&app, post("/api/articles", "text/plain", None, text)).await;
    assert_eq!(
        (a.status.as_u16(), &a.body["error"]["code"]),
        (401, &json!("unauthorized"))
    );
    let a = send(&app, post("/api/articles", "text/plain", Some("wrong"), text)).await;
    assert_eq!(a.status.as_u16(), 401);
    let a = send(&app, post("/api/articles", "image/png", Some(TOKEN), text)).await;
    assert_eq!(
        (a.status.as_u16(), &a.body["error"]["code"]),
        (415, &json!("unsupported_media_type"))
    );
    let a = send(
        &app,
        post("/api/articles", "text/plain", Some(TOKEN), "x".repeat(2048)),
    )
    .await;
    assert_eq!(
        (a.status.as_u16(), &a.body["error"]["code"]),
        (413, &json!("payload_too_large"))
    );
    let a = send(
        &app,
        post("/api/articles", "text/plain", Some(TOKEN), "too short"),
    )
    .await;
    assert_eq!(
        (a.status.as_u16(), &a.body["error"]["code"]),
        (422, &json!("rejected"))
    );
    assert_eq!(a.body["error"]["rejected"][0]["reason"], json!("too short"));
    let a = send(
        &app,
        post("/api/articles", "text/plain; charset=utf-8", Some(TOKEN), text),
    )
    .await;
    assert_eq!(a.status.as_u16(), 201, "{}", a.body);
    let id = a.body["inserted"][0].as_str().expect("id").to_owned();
    // The answer kept from before the ingest is not served after it.
    check(&app, "/api/search?q=convoys", 200, "/items/0/article", json!(id)).await;
    let a = send(&app, post("/api/articles", "text/plain", Some(TOKEN), text)).await;
    assert_eq!((a.status.as_u16(), &a.body["existing"][0]), (200, &json!(id)));
    check(&app, &format!("/api/articles/{id}"), 200, "/text", json!(text)).await;

    let closed = app_with(&f, None, 1024, Box::new(sitrep_server::NoSituation));
    let a = send(&closed, post("/api/articles", "text/plain", Some(TOKEN), text)).await;
    assert_eq!(
        (a.status.as_u16(), &a.body["error"]["code"]),
        (403, &json!("ingest_disabled"))
    );
}

#[tokio::test]
async fn errors_are_json_never_leak_and_answers_carry_security_headers() {
    let f = fixture();
    let app = app(&f);
    check(&app, "/api/nothing", 404, "/error/code", json!("no_such_route")).await;
    let a = send(
        &app,
        Request::delete("/api/articles")
            .body(Body::empty())
            .expect("request"),
    )
    .await;
    assert_eq!(
        (a.status.as_u16(), &a.body["error"]["code"]),
        (405, &json!("method_not_allowed"))
    );
    let request = Request::get("/api/health")
        .header(header::ORIGIN, "https://evil.test")
        .body(Body::empty())
        .expect("request");
    let a = send(&app, request).await;
    assert!(
        a.headers.get(header::ACCESS_CONTROL_ALLOW_ORIGIN).is_none(),
        "CORS is off"
    );
    let csp = a.headers[header::CONTENT_SECURITY_POLICY].to_str().expect("csp");
    assert!(
        csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"),
        "{csp}"
    );
    assert_eq!(a.headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");

    let broken = app_with(&f, None, 1024, Box::new(BrokenSituation));
    let a = get(&broken, "/api/threads").await;
    assert_eq!(
        (a.status.as_u16(), &a.body["error"]["code"]),
        (500, &json!("internal"))
    );
    let message = a.body["error"]["message"].as_str().expect("message");
    assert!(
        !message.contains("secret") && !message.contains("I/O"),
        "{message}"
    );

    let page = get(&app, "/").await;
    assert_eq!(page.status.as_u16(), 200);
    let js = get(&app, "/assets/app.js").await;
    assert_eq!(js.headers[header::CONTENT_TYPE], "text/javascript; charset=utf-8");
    check(&app, "/assets/world.json", 404, "/error/code", json!("not_found")).await;
}

/// A sample value for a documented parameter.
fn sample(param: &Value, ids: &[(&str, String)], path: &str) -> String {
    let name = param["name"].as_str().expect("name");
    if param["in"] == "path" {
        return ids
            .iter()
            .find(|(prefix, _)| path.starts_with(prefix))
            .map(|(_, id)| id.clone())
            .expect("an id for every path");
    }
    match (
        name,
        param["schema"]["type"].as_str(),
        param["schema"]["format"].as_str(),
    ) {
        ("limit", _, _) => "1".into(),
        (_, Some("integer"), _) => "0".into(),
        (_, _, Some("date")) => "2025-02-21".into(),
        ("kind", _, _) => "place".into(),
        _ => "goma".into(),
    }
}

#[tokio::test]
async fn the_openapi_document_describes_exactly_the_real_routes() {
    let f = fixture();
    let app = app(&f);
    let doc = get(&app, "/api/openapi.json").await.body;
    assert_eq!(doc["openapi"], json!("3.1.0"));
    let mut documented: Vec<(String, String)> = Vec::new();
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for method in item.as_object().expect("methods").keys() {
            documented.push((method.to_uppercase(), path.clone()));
        }
    }
    documented.sort();
    let mut real: Vec<(String, String)> = sitrep_server::api_routes()
        .into_iter()
        .map(|(m, p)| (m, p.to_owned()))
        .collect();
    real.sort();
    assert_eq!(documented, real, "the document and the route table differ");

    // Every documented GET answers (not the fallback) with every documented
    // parameter given: handlers reject unknown parameters, so this also
    // checks the parameter lists.
    let ids = [
        ("/api/articles/", f.a.id.to_string()),
        ("/api/entities/", "geonames:216281".to_owned()),
        ("/api/threads/", "t1".to_owned()),
        ("/api/stories/", "s1".to_owned()),
    ];
    for (method, path) in &documented {
        if method != "GET" {
            continue;
        }
        let params = doc["paths"][path]["get"]["parameters"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        let mut uri = path.clone();
        let mut query = Vec::new();
        for p in &params {
            let value = sample(p, &ids, path);
            let name = p["name"].as_str().expect("name");
            if p["in"] == "path" {
                uri = uri.replace(&format!("{{{name}}}"), &value);
            } else {
                query.push(format!("{name}={value}"));
            }
        }
        if !query.is_empty() {
            uri = format!("{uri}?{}", query.join("&"));
        }
        let a = get(&app, &uri).await;
        assert_eq!(a.status.as_u16(), 200, "{uri}: {}", a.body);
    }
    let codes =
        doc["components"]["schemas"]["Error"]["properties"]["error"]["properties"]["code"]["enum"].clone();
    for code in sitrep_server::ErrorCode::ALL {
        let name = serde_json::to_value(code).expect("code");
        assert!(
            codes.as_array().expect("enum").contains(&name),
            "{name} undocumented"
        );
    }
}
