//! The client against a real server on 127.0.0.1: every record exactly
//! once, through faults, across OmniQ's result window.
#![cfg(feature = "client")]

mod support;

use std::collections::HashSet;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::{DateTime, Utc};
use ringq::client::{FetchError, Fetcher, Omniq, RetryPolicy, RingCx, Token};
use ringq::{OmniqIndex, Options};
use serde_json::Value;
use support::api_server::{ids, ApiServer, Fault, TENANT, TOKEN};

fn now() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-11-18T10:30:00.750Z").expect("date").to_utc()
}

/// A fetcher that records its waits instead of spending them.
fn fetcher(waits: &Arc<Mutex<Vec<Duration>>>) -> Fetcher {
    let waits = waits.clone();
    Fetcher::new()
        .timeout(Duration::from_secs(10))
        .retry(RetryPolicy { max_retries: 5, base: Duration::from_millis(100), cap: Duration::from_secs(30) })
        .sleep_with(move |d| waits.lock().expect("waits").push(d))
}

fn ringcx(server: &ApiServer) -> RingCx {
    RingCx::new(server.ringcx_url(), Token::new(TOKEN))
}

fn omniq(server: &ApiServer) -> Omniq {
    let mut api = Omniq::new(TENANT, OmniqIndex::Communications);
    api.base_url = server.omniq_url();
    api.size = 500.try_into().expect("size");
    api
}

fn assert_unique(ids: &[String]) {
    let unique: HashSet<&String> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "a record was handed back twice");
}

#[test]
fn ringcx_gives_every_thread_once_in_order_through_faults() {
    let server = ApiServer::start(2_000, 0);
    server.inject([
        None,
        Some(Fault::TooMany(2)),
        Some(Fault::Unavailable),
        None,
        Some(Fault::Drop),
        Some(Fault::Truncate),
        None,
        Some(Fault::Unavailable),
    ]);
    let waits = Arc::new(Mutex::new(Vec::new()));
    let fetcher = fetcher(&waits);
    let options = Options::at(now());
    let fetch =
        fetcher.ringcx(&ringcx(&server), &options, r#"first_content_after:"2 hours ago" refund"#).expect("valid");
    assert_eq!(fetch.query(), "first_content_after:2026-11-18T08:30:00Z refund order:created_at.asc");
    let records: Vec<Value> = fetch.records().collect::<Result<_, _>>().expect("every page");
    let got = ids(&records, "/id");
    assert_unique(&got);
    assert_eq!(got, server.thread_ids());
    // 14 pages of 150, and 5 retries.
    assert_eq!(server.request_count(), 14 + 5);
    let waits = waits.lock().expect("waits").clone();
    assert_eq!(waits.len(), 5);
    assert!(waits.contains(&Duration::from_secs(2)), "Retry-After is honoured: {waits:?}");
    let state = server.state.lock().expect("state");
    assert!(state.requests.iter().all(|q| q.contains("limit=150")));
    assert!(state.requests.iter().all(|q| q.contains("2026-11-18T08%3A30%3A00Z")), "{:?}", state.requests.first());
}

#[test]
fn an_explicit_order_is_kept() {
    let server = ApiServer::start(10, 0);
    let fetcher = Fetcher::new();
    let fetch = fetcher.ringcx(&ringcx(&server), &Options::at(now()), "order:last_content_at.desc").expect("valid");
    assert_eq!(fetch.query(), "order:last_content_at.desc");
}

#[test]
fn an_invalid_query_sends_no_request() {
    let server = ApiServer::start(10, 10);
    let fetcher = Fetcher::new();
    let error = fetcher.ringcx(&ringcx(&server), &Options::at(now()), "assigned:maybe").expect_err("invalid");
    assert!(matches!(error, FetchError::Invalid(_)), "{error:?}");
    let error = fetcher.omniq(&omniq(&server), &Options::at(now()), "-").expect_err("invalid");
    assert!(matches!(error, FetchError::Invalid(_)), "{error:?}");
    assert_eq!(server.request_count(), 0);
}

#[test]
fn a_refused_token_is_not_retried_and_never_shown() {
    let server = ApiServer::start(10, 0);
    let waits = Arc::new(Mutex::new(Vec::new()));
    let fetcher = fetcher(&waits);
    let mut api = ringcx(&server);
    api.token = Token::new("wrong-token-xyz");
    let error = fetcher.ringcx(&api, &Options::at(now()), "refund").expect("valid").records().find_map(Result::err);
    let error = error.expect("refused");
    assert!(matches!(error, FetchError::Refused { status: 401, .. }), "{error:?}");
    assert_eq!(server.request_count(), 1);
    let shown = format!("{error} {error:?} {api:?}");
    assert!(!shown.contains("wrong-token-xyz"), "{shown}");
    assert!(shown.contains("check the token"), "{shown}");
}

#[test]
fn retries_end_with_what_failed() {
    let server = ApiServer::start(300, 0);
    server.inject([None, Some(Fault::Unavailable), Some(Fault::Unavailable), Some(Fault::Unavailable)]);
    let waits = Arc::new(Mutex::new(Vec::new()));
    let fetcher = fetcher(&waits).retry(RetryPolicy {
        max_retries: 2,
        base: Duration::from_millis(1),
        cap: Duration::from_millis(5),
    });
    let mut fetch = fetcher.ringcx(&ringcx(&server), &Options::at(now()), "refund").expect("valid");
    let first = fetch.next_page().expect("a page").expect("first page");
    assert_eq!(first.len(), 150);
    let error = fetch.next_page().expect("an answer").expect_err("gives up");
    assert_eq!(error.to_string(), "RingCX page at offset 150: gave up after 3 tries: the server failed (503 Service Unavailable): {\"error\": \"maintenance\"}");
    assert_eq!(fetch.position(), Some(ringq::client::Position::Ringcx { offset: 150 }));
}

#[test]
fn omniq_reads_past_ten_thousand_by_createdat_windows() {
    let server = ApiServer::start(0, 25_000);
    server.inject([None, Some(Fault::Unavailable), None, Some(Fault::Drop), Some(Fault::Truncate)]);
    let waits = Arc::new(Mutex::new(Vec::new()));
    let fetcher = fetcher(&waits);
    let fetch = fetcher.omniq(&omniq(&server), &Options::at(now()), "").expect("valid");
    let records: Vec<Value> = fetch.records().collect::<Result<_, _>>().expect("every page");
    let got = ids(&records, "/_id");
    assert_unique(&got);
    // Windows are read in createdAt order, and the server sorts by
    // createdAt: the server's own order comes back.
    assert_eq!(got, server.document_ids());
    let state = server.state.lock().expect("state");
    assert!(state.requests.iter().any(|body| body.contains("\"createdAt\":{\"from\"")), "no window was used");
}

#[test]
fn omniq_windows_stay_inside_the_query_range_and_filter() {
    let server = ApiServer::start(0, 25_000);
    let fetcher = Fetcher::new();
    let query = "platform:whatsapp created_after:2024-06-01 created_before:2025-12-01";
    let fetch = fetcher.omniq(&omniq(&server), &Options::at(now()), query).expect("valid");
    let records: Vec<Value> = fetch.records().collect::<Result<_, _>>().expect("every page");
    let got = ids(&records, "/_id");
    assert_unique(&got);
    let state = server.state.lock().expect("state");
    let expected: Vec<String> = state
        .documents
        .iter()
        .filter(|d| {
            let at = d["createdAt"].as_str().unwrap_or_default();
            d["platform"] == "whatsapp" && ("2024-06-01".."2025-12-01").contains(&at)
        })
        .filter_map(|d| d["_id"].as_str().map(str::to_owned))
        .collect();
    assert!(expected.len() > 10_000, "the test needs a split: {}", expected.len());
    assert_eq!(got, expected);
}

#[test]
fn omniq_sends_the_tenant_and_the_token_when_given() {
    let server = ApiServer::start(0, 30);
    let fetcher = Fetcher::new();
    let mut api = omniq(&server);
    api.token = Some(Token::new(TOKEN));
    let records: Vec<Value> = fetcher
        .omniq(&api, &Options::at(now()), "platform:web")
        .expect("valid")
        .records()
        .collect::<Result<_, _>>()
        .expect("pages");
    assert_eq!(records.len(), 10);
    let state = server.state.lock().expect("state");
    let head = state.heads.first().expect("a request").to_ascii_lowercase();
    assert!(head.starts_with("get /getmydata "), "{head}");
    assert!(head.contains(&format!("x-tenant-id: {TENANT}")), "{head}");
    assert!(head.contains(&format!("authorization: bearer {TOKEN}").to_ascii_lowercase()), "{head}");
    assert!(head.contains("content-type: application/json"), "{head}");
}

#[test]
fn a_wrong_tenant_is_refused() {
    let server = ApiServer::start(0, 30);
    let mut api = omniq(&server);
    api.tenant = "someone-else".to_owned();
    let error = Fetcher::new().omniq(&api, &Options::at(now()), "").expect("valid").records().find_map(Result::err);
    assert!(matches!(error, Some(FetchError::Refused { status: 403, .. })), "{error:?}");
}

#[test]
fn omniq_exact_createdat_is_sent_as_the_documented_instant() {
    let server = ApiServer::start(0, 2_000);
    let at = server.state.lock().expect("state").documents[700]["createdAt"].as_str().expect("date").to_owned();
    let fetcher = Fetcher::new();
    let records: Vec<Value> = fetcher
        .omniq(&omniq(&server), &Options::at(now()), &format!("createdAt:{}", at.trim_end_matches(".000Z")))
        .expect("valid")
        .records()
        .collect::<Result<_, _>>()
        .expect("pages");
    assert!(!records.is_empty());
    assert!(records.iter().all(|r| r["createdAt"] == at.as_str()), "{records:?}");
}
