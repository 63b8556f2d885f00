//! The local service (feature `serve`): the library over HTTP for tools
//! not written in Rust, and a playground page for people.
//!
//! An outer ring, like `client`: it depends on the core and the
//! core never on it, and without the feature the crate pulls in no server
//! stack. Every endpoint is one call to the front door ([`crate::Options`])
//! made on a blocking thread, so a long query never stalls the others.
//!
//! - `POST /v1/check`, `/v1/format`, `/v1/parse`, `/v1/complete`,
//!   `/v1/explain`, `/v1/date`, `/v1/omniq`: a JSON object in
//!   (`{"q": "...", "cursor": 12, "now": "...", "tz": "...", ...}`, the
//!   keys besides `q` and `cursor` being [`crate::Options`]'s, with
//!   `now` defaulting to the server's clock), JSON out. Spans are UTF-8
//!   byte offsets, as in the library.
//! - Errors are `{"error": {"code", "message", "diagnostics"?}}`: 422 for
//!   an invalid query or date, 400 for a malformed request (the message
//!   names the key at fault and what it takes), 404 for an unknown path
//!   (the message lists the endpoints), 405 for a method other than `POST`
//!   on an endpoint, 413 for a body over the limit, 415 for a body that is
//!   not `application/json`, 503 when an answer takes longer than the time
//!   limit.
//! - `GET /healthz` answers `{"status": "ok"}`; `GET /v1/openapi.json` is
//!   the OpenAPI 3.1 document of every endpoint; `GET /` is the playground.
//!
//! Safe by default: the command binds `127.0.0.1:8844`; bodies are capped
//! (1 MiB); no CORS header is sent unless an origin is allowed; the page
//! is served with a content security policy that allows only its own
//! script and requests to this service, and it writes what it shows as
//! text, never as HTML.

mod api;
mod openapi;
mod page;

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;

use self::api::{Answer, Endpoint};

/// How the service runs.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Config {
    /// The largest request body read, in bytes (default 1 MiB); a larger
    /// one is answered 413.
    pub body_limit: usize,
    /// How long one answer may take (default 10 s); a slower one is
    /// answered 503.
    pub timeout: Duration,
    /// The origin allowed to call the service from a browser (CORS), such
    /// as `https://tools.example.com`; `None` (the default) sends no CORS
    /// header, so only the service's own page can read its answers.
    pub allow_origin: Option<String>,
}

impl Default for Config {
    fn default() -> Self {
        Config { body_limit: 1 << 20, timeout: Duration::from_secs(10), allow_origin: None }
    }
}

/// A [`Config`] that cannot be served.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ConfigError {
    /// The allowed origin is not a valid header value.
    #[error("`{0}` is not a valid origin; write it as scheme://host[:port], e.g. https://tools.example.com")]
    Origin(String),
}

/// What every handler shares.
struct Shared {
    timeout: Duration,
    body_limit: usize,
    page: String,
}

/// The service's routes, ready to be served by any axum server.
pub fn router(config: &Config) -> Result<Router, ConfigError> {
    let shared = Arc::new(Shared { timeout: config.timeout, body_limit: config.body_limit, page: page::html() });
    let mut router = Router::new()
        .route("/", get(index))
        .route("/playground.js", get(script))
        .route("/healthz", get(healthz))
        .route("/v1/openapi.json", get(openapi));
    for endpoint in Endpoint::ALL {
        router = router.route(
            endpoint.path(),
            post(move |State(shared): State<Arc<Shared>>, headers: HeaderMap, body: Result<Bytes, BytesRejection>| {
                handle(shared, endpoint, headers, body)
            })
            .fallback(move |method: Method| method_not_allowed(endpoint, method)),
        );
    }
    let mut router = router.fallback(not_found).layer(DefaultBodyLimit::max(config.body_limit)).with_state(shared);
    if let Some(origin) = &config.allow_origin {
        let value = HeaderValue::from_str(origin)
            .ok()
            .filter(|_| origin.contains("://"))
            .ok_or_else(|| ConfigError::Origin(origin.clone()))?;
        router = router.layer(
            tower_http::cors::CorsLayer::new()
                .allow_origin(value)
                .allow_methods([Method::GET, Method::POST])
                .allow_headers([header::CONTENT_TYPE]),
        );
    }
    Ok(router)
}

/// Serves `router` (see [`router`]) on `listener` until `shutdown`
/// completes, then finishes the requests under way.
pub async fn run(
    listener: tokio::net::TcpListener,
    router: Router,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, router).with_graceful_shutdown(shutdown).await
}

async fn handle(
    shared: Arc<Shared>,
    endpoint: Endpoint,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let json = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(';').next().is_some_and(|t| t.trim().eq_ignore_ascii_case("application/json")));
    if !json {
        return respond(Answer::error(
            415,
            "unsupported_media_type",
            "send the body as `Content-Type: application/json`",
        ));
    }
    let body = match body {
        Ok(body) => body,
        Err(rejection) if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            let message = format!(
                "the request body is larger than the service reads: at most {} bytes (`ringq serve --body-limit BYTES` sets it)",
                crate::diagnostic::grouped(shared.body_limit as u64)
            );
            return respond(Answer::error(413, "body_too_large", &message));
        }
        Err(rejection) => return respond(Answer::error(400, "malformed_request", &rejection.body_text())),
    };
    // The work is CPU-bound: on a blocking thread, under the time limit.
    // A request that runs out of time is answered at once; its work, which
    // is bounded by the body limit, finishes in the background.
    let work = tokio::task::spawn_blocking(move || api::answer(endpoint, &body));
    match tokio::time::timeout(shared.timeout, work).await {
        Ok(Ok(answer)) => respond(answer),
        Ok(Err(_)) => respond(Answer::error(500, "internal", "the answer failed; please report this query")),
        Err(_) => {
            respond(Answer::error(503, "timeout", &format!("no answer within {} ms", shared.timeout.as_millis())))
        }
    }
}

fn respond(answer: Answer) -> Response {
    let status = StatusCode::from_u16(answer.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    (status, [(header::CONTENT_TYPE, "application/json")], answer.body).into_response()
}

async fn healthz() -> Response {
    respond(Answer { status: 200, body: br#"{"status":"ok"}"#.to_vec() })
}

async fn openapi() -> Response {
    respond(Answer { status: 200, body: openapi::document().to_string().into_bytes() })
}

async fn not_found(uri: axum::http::Uri) -> Response {
    let endpoints: Vec<String> = Endpoint::ALL.iter().map(|e| format!("POST {}", e.path())).collect();
    let message = format!(
        "no endpoint at `{}`; the service answers {}, GET /v1/openapi.json, GET /healthz and GET / (the playground)",
        uri.path(),
        endpoints.join(", ")
    );
    respond(Answer::error(404, "not_found", &message))
}

/// A known endpoint asked with another method than `POST`.
async fn method_not_allowed(endpoint: Endpoint, method: Method) -> Response {
    let message = format!("{} takes `POST` with a JSON body, not `{method}`", endpoint.path());
    let mut response = respond(Answer::error(405, "method_not_allowed", &message));
    response.headers_mut().insert(header::ALLOW, HeaderValue::from_static("POST"));
    response
}

/// The headers of the page and its script: nothing but this service's own
/// script runs on it, and it talks only to this service.
const PAGE_HEADERS: [(header::HeaderName, &str); 4] = [
    (
        header::CONTENT_SECURITY_POLICY,
        "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; connect-src 'self'; img-src 'self'; \
         base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    ),
    (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
    (header::REFERRER_POLICY, "no-referrer"),
    (header::CACHE_CONTROL, "no-cache"),
];

async fn index(State(shared): State<Arc<Shared>>) -> Response {
    let mut response = (PAGE_HEADERS, shared.page.clone()).into_response();
    response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("text/html; charset=utf-8"));
    response
}

async fn script() -> Response {
    let mut response = (PAGE_HEADERS, page::SCRIPT).into_response();
    response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("text/javascript; charset=utf-8"));
    response
}
