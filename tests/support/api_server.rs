//! A real HTTP server on 127.0.0.1 implementing the two documented paging
//! contracts over a generated data set, with faults injected on demand.
//!
//! RingCX: `GET /1.0/content_threads?q=&offset=&limit=` answers
//! `{count, offset, limit, records}` over threads sorted by `created_at`
//! (the order the fetch asks for); a `limit` above 150 is a 400.
//! OmniQ: `GET /getmydata` with a JSON body `{index, filterBy, from, size}`
//! filters on equality and on `createdAt` (exact, or a `{from, to}`
//! range), sorts by `createdAt`, answers the envelope with `total`
//! (`gte` above 10,000) and refuses `from + size > 10000` with a 400.
//!
//! The server stops by itself: after `MAX_REQUESTS` requests, after
//! `LIFETIME`, or when dropped.

#![allow(dead_code)]

use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use serde_json::{json, Map, Value};

const MAX_REQUESTS: u64 = 20_000;
const LIFETIME: Duration = Duration::from_secs(300);
pub const TOKEN: &str = "tok-5ecret-abc123";
pub const TENANT: &str = "tenant-7";

/// What to do to one request instead of answering it.
#[derive(Clone, Debug, PartialEq)]
pub enum Fault {
    /// 429 with `Retry-After: N`.
    TooMany(u64),
    /// 503.
    Unavailable,
    /// Close the connection without answering.
    Drop,
    /// Answer 200 with half of the body.
    Truncate,
    /// 401.
    Unauthorized,
}

#[derive(Default)]
pub struct State {
    pub threads: Vec<Value>,
    pub documents: Vec<Value>,
    /// Faults for the next requests, in turn (a request takes the front one).
    pub faults: VecDeque<Option<Fault>>,
    /// Every request: the RingCX query string, or the OmniQ body.
    pub requests: Vec<String>,
    /// Every raw request head (request line and headers).
    pub heads: Vec<String>,
    /// How long each answer takes.
    pub delay: Duration,
}

pub struct ApiServer {
    pub addr: SocketAddr,
    pub state: Arc<Mutex<State>>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl ApiServer {
    pub fn start(threads: usize, documents: usize) -> ApiServer {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
        listener.set_nonblocking(true).expect("nonblocking");
        let addr = listener.local_addr().expect("address");
        let state = Arc::new(Mutex::new(State {
            threads: generate_threads(threads),
            documents: generate_documents(documents),
            ..State::default()
        }));
        let stop = Arc::new(AtomicBool::new(false));
        let thread = {
            let (state, stop) = (state.clone(), stop.clone());
            std::thread::spawn(move || serve(listener, state, stop))
        };
        ApiServer { addr, state, stop, thread: Some(thread) }
    }

    pub fn ringcx_url(&self) -> String {
        format!("http://{}/1.0", self.addr)
    }

    pub fn omniq_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn inject(&self, faults: impl IntoIterator<Item = Option<Fault>>) {
        self.state.lock().expect("state").faults.extend(faults);
    }

    pub fn slow_down(&self, delay: Duration) {
        self.state.lock().expect("state").delay = delay;
    }

    pub fn request_count(&self) -> usize {
        self.state.lock().expect("state").requests.len()
    }

    pub fn thread_ids(&self) -> Vec<String> {
        ids(&self.state.lock().expect("state").threads, "/id")
    }

    pub fn document_ids(&self) -> Vec<String> {
        ids(&self.state.lock().expect("state").documents, "/_id")
    }
}

impl Drop for ApiServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

pub fn ids(records: &[Value], pointer: &str) -> Vec<String> {
    records.iter().filter_map(|r| r.pointer(pointer).and_then(Value::as_str).map(str::to_owned)).collect()
}

/// Threads created a minute apart from 2025-01-01.
fn generate_threads(n: usize) -> Vec<Value> {
    let start = chrono::DateTime::parse_from_rfc3339("2025-01-01T00:00:00Z").expect("date");
    (0..n)
        .map(|i| {
            let created = start + chrono::TimeDelta::minutes(i as i64);
            json!({"id": format!("t{i:06}"), "created_at": created.to_rfc3339(), "source_id": format!("s{}", i % 7)})
        })
        .collect()
}

/// Documents spread over two years (2024-2025), a few sharing an instant,
/// on two platforms.
fn generate_documents(n: usize) -> Vec<Value> {
    let start = chrono::DateTime::parse_from_rfc3339("2024-01-01T00:00:00Z").expect("date").to_utc();
    let span_ms: i64 = 2 * 365 * 24 * 3600 * 1000;
    let mut docs: Vec<Value> = (0..n)
        .map(|i| {
            // A spread that is not uniform: more documents late.
            let x = (i as f64 + 0.5) / n.max(1) as f64;
            let at = start + chrono::TimeDelta::milliseconds((x.sqrt() * span_ms as f64) as i64 / 1000 * 1000);
            json!({
                "_id": format!("d{i:06}"),
                "createdAt": at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
                "platform": if i % 3 == 0 { "web" } else { "whatsapp" },
            })
        })
        .collect();
    docs.sort_by(|a, b| {
        (a["createdAt"].as_str(), a["_id"].as_str()).cmp(&(b["createdAt"].as_str(), b["_id"].as_str()))
    });
    docs
}

fn serve(listener: TcpListener, state: Arc<Mutex<State>>, stop: Arc<AtomicBool>) {
    let began = Instant::now();
    let mut served = 0u64;
    while !stop.load(Ordering::SeqCst) && served < MAX_REQUESTS && began.elapsed() < LIFETIME {
        match listener.accept() {
            Ok((stream, _)) => {
                served += 1;
                let _ = handle(stream, &state);
            }
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => std::thread::sleep(Duration::from_millis(1)),
            Err(_) => std::thread::sleep(Duration::from_millis(1)),
        }
    }
}

fn handle(stream: TcpStream, state: &Mutex<State>) -> std::io::Result<()> {
    stream.set_nonblocking(false)?;
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut head = String::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 {
            return Ok(());
        }
        if line == "\r\n" {
            break;
        }
        head.push_str(&line);
    }
    let header = |name: &str| {
        head.lines().find_map(|l| {
            l.split_once(':').filter(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.trim().to_owned())
        })
    };
    let length: usize = header("content-length").and_then(|v| v.parse().ok()).unwrap_or(0);
    let mut body = vec![0; length];
    reader.read_exact(&mut body)?;
    let target = head.split_whitespace().nth(1).unwrap_or("/").to_owned();
    let (path, query) = target.split_once('?').unwrap_or((&target, ""));
    let mut state = state.lock().expect("state");
    state.heads.push(head.clone());
    let fault = state.faults.pop_front().flatten();
    let mut out = stream;
    let (status, answer) = if path == "/getmydata" {
        state.requests.push(String::from_utf8_lossy(&body).into_owned());
        let authorized = header("x-tenant-id").as_deref() == Some(TENANT);
        if authorized {
            omniq(&state.documents, &body)
        } else {
            (403, json!({"message": "unknown tenant"}).to_string())
        }
    } else if path == "/1.0/content_threads" {
        state.requests.push(query.to_owned());
        let authorized = header("authorization").as_deref() == Some(&format!("Bearer {TOKEN}"));
        if authorized {
            ringcx(&state.threads, query)
        } else {
            (401, json!({"error": "invalid_token"}).to_string())
        }
    } else {
        (404, "{}".to_owned())
    };
    let delay = state.delay;
    drop(state);
    std::thread::sleep(delay);
    match fault {
        Some(Fault::Drop) => Ok(()),
        Some(Fault::TooMany(seconds)) => respond(&mut out, 429, &format!("Retry-After: {seconds}\r\n"), "{}"),
        Some(Fault::Unavailable) => respond(&mut out, 503, "", "{\"error\": \"maintenance\"}"),
        Some(Fault::Unauthorized) => respond(&mut out, 401, "", "{\"error\": \"invalid_token\"}"),
        Some(Fault::Truncate) => {
            let cut = answer.get(..answer.len() / 2).unwrap_or_default();
            respond(&mut out, status, "", cut)
        }
        None => respond(&mut out, status, "", &answer),
    }
}

fn respond(out: &mut TcpStream, status: u16, extra: &str, body: &str) -> std::io::Result<()> {
    let reason = match status {
        200 => "OK",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        429 => "Too Many Requests",
        503 => "Service Unavailable",
        _ => "Other",
    };
    write!(
        out,
        "HTTP/1.1 {status} {reason}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n{extra}\r\n{body}",
        body.len()
    )?;
    out.flush()
}

fn ringcx(threads: &[Value], query: &str) -> (u16, String) {
    let params: Vec<(String, String)> =
        query.split('&').filter_map(|pair| pair.split_once('=')).map(|(k, v)| (decode(k), decode(v))).collect();
    let param = |name: &str| params.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone());
    let offset: usize = param("offset").and_then(|v| v.parse().ok()).unwrap_or(0);
    let limit: usize = param("limit").and_then(|v| v.parse().ok()).unwrap_or(30);
    if limit > 150 {
        return (400, json!({"error": "limit must be at most 150"}).to_string());
    }
    let records: Vec<&Value> = threads.iter().skip(offset).take(limit).collect();
    (200, json!({"count": threads.len(), "offset": offset, "limit": limit, "records": records}).to_string())
}

fn omniq(documents: &[Value], body: &[u8]) -> (u16, String) {
    let Ok(request) = serde_json::from_slice::<Value>(body) else {
        return (400, json!({"message": "body is not JSON"}).to_string());
    };
    let from = request["from"].as_u64().unwrap_or(0) as usize;
    let size = request["size"].as_u64().unwrap_or(10) as usize;
    if from + size > 10_000 {
        return (
            400,
            json!({"message": "Result window is too large, from + size must be less than or equal to: [10000]"})
                .to_string(),
        );
    }
    let empty = Map::new();
    let filter = request["filterBy"].as_object().unwrap_or(&empty);
    let matching: Vec<&Value> =
        documents.iter().filter(|doc| filter.iter().all(|(field, want)| matches(doc, field, want))).collect();
    let n = matching.len();
    let results: Vec<&Value> = matching.into_iter().skip(from).take(size).collect();
    let (value, relation) = if n > 10_000 { (10_000, "gte") } else { (n, "eq") };
    let answer = json!({
        "results": results,
        "total": {"value": value, "relation": relation},
        "count": results.len(),
        "pagination": {"from": from, "size": size, "hasMore": from + size < n},
    });
    (200, answer.to_string())
}

fn matches(doc: &Value, field: &str, want: &Value) -> bool {
    let have = &doc[field];
    match (field, want) {
        ("createdAt", Value::Object(range)) => {
            let at = have.as_str().unwrap_or_default();
            range.get("from").and_then(Value::as_str).is_none_or(|from| at >= from)
                && range.get("to").and_then(Value::as_str).is_none_or(|to| at <= to)
        }
        _ => have == want,
    }
}

fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("00");
                out.push(u8::from_str_radix(hex, 16).unwrap_or(b'?'));
                i += 2;
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}
