//! Fetching every record a query matches from the real APIs (feature
//! `client`): a blocking HTTP client around the sans-IO paginators.
//!
//! The paging rules live in [`crate::RingCxPager`], [`crate::OmniqPager`]
//! and [`crate::CreatedAtWindows`]; this ring only sends their requests,
//! retries what is worth retrying, and hands back records one page at a
//! time, each record once. An async program drives the same paginators
//! with its own HTTP client (see `examples/async_paging.rs`).
//!
//! What a long fetch needs to return every record exactly once:
//!
//! - **Pinned dates.** The query is checked once, at the start, against a
//!   whole-second `now`, and RingCX is sent its [pinned](crate::Report::pinned)
//!   form: `first_content_after:"2 hours ago"` would move while the fetch
//!   runs, `first_content_after:2026-11-18T08:30:00Z` does not.
//! - **Stable order.** Without an `order` term, RingCX is asked for
//!   `order:created_at.asc`, so that threads created meanwhile come last
//!   instead of shifting every offset.
//! - **Each record once.** A record whose id (RingCX `id`, OmniQ
//!   `document._id` or `_id`) was already handed back is dropped; the
//!   run remembers a 128-bit fingerprint per id (16 bytes a record).
//! - **OmniQ's result window.** Above 10,000 matches the query is split
//!   into disjoint `createdAt` windows, each read from position 0.

mod http;

use std::collections::HashSet;
use std::fmt;
use std::num::NonZeroU64;
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, DurationRound, TimeDelta, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use http::{fetch_page, Answer, Sleep};
pub use http::{RetryPolicy, Token};

use crate::diagnostic::{Diagnostic, Error};
use crate::front::{OmniqOptions, OmniqOutput, Options};
use crate::hash::{hash_bytes, random_seed};
use crate::omniq::{OmniqIndex, OmniqRequest, CREATED_AT};
use crate::page::{
    CreatedAtWindow, CreatedAtWindows, OmniqPage, OmniqPageRequest, OmniqPager, OmniqRelation, PageError, RingCxPage,
    RingCxPageRequest, RingCxPager, OMNIQ_RESULT_WINDOW,
};
use crate::query::{Order, OrderField, SortDirection, Value as QueryValue};

/// The documented OmniQ server.
pub const OMNIQ_BASE_URL: &str = "https://api.omniq.icq24.com";
/// The documented RingCX collection most exports read.
pub const RINGCX_ENDPOINT: &str = "content_threads";

/// The order RingCX is asked for when the query names none: threads
/// created during the fetch come after every offset already read.
const STABLE_ORDER: Order = Order { field: OrderField::CreatedAt, direction: SortDirection::Asc };

/// Why a fetch stopped before its last record.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum FetchError {
    /// The query is invalid; no request was made.
    #[error("{0}")]
    Invalid(Box<Error>),
    /// Something the caller gave cannot work (no `now`, a bad URL, …).
    #[error("{0}")]
    Usage(String),
    /// 401 or 403: the token or the tenant was refused. Not retried.
    #[error("{what}: the server refused the credentials (HTTP {status}){message}; check the token (and for OmniQ the tenant id)")]
    Refused {
        /// Which request.
        what: String,
        /// 401 or 403.
        status: u16,
        /// The start of the server's answer, `: ...`, or empty.
        message: String,
    },
    /// Any other refusal (4xx): the request itself is wrong. Not retried.
    #[error("{what}: the server refused the request (HTTP {status}){message}")]
    Status {
        /// Which request.
        what: String,
        /// The HTTP status.
        status: u16,
        /// The start of the server's answer, `: ...`, or empty.
        message: String,
    },
    /// The server or the network kept failing.
    #[error("{what}: gave up after {tries} tries: {reason}")]
    GaveUp {
        /// Which request.
        what: String,
        /// How many times it was sent.
        tries: u32,
        /// The last failure.
        reason: String,
    },
    /// The server's pages do not add up (it ignores the paging parameters).
    #[error("{0}")]
    Paging(#[from] PageError),
    /// More than 10,000 OmniQ results share what no `createdAt` window can
    /// separate.
    #[error("{0}")]
    Window(String),
}

impl From<Error> for FetchError {
    fn from(error: Error) -> Self {
        FetchError::Invalid(Box::new(error))
    }
}

/// How far a fetch has got; [`Fetch::progress`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Progress {
    /// Records handed back.
    pub records: u64,
    /// Pages received (split OmniQ windows' discarded first pages too).
    pub pages: u64,
    /// Requests sent again after a failure.
    pub retries: u64,
    /// How many records match, when the server says exactly.
    pub total: Option<u64>,
}

/// Where a fetch is, to continue it later ([`Fetch::resume`]): what the
/// next request is. Holds no token.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "api", rename_all = "lowercase")]
pub enum Position {
    /// RingCX: the next offset.
    Ringcx {
        /// The next record's offset.
        offset: u64,
    },
    /// OmniQ: the windows left (none until the first split) and the
    /// position in the current one.
    Omniq {
        /// The `createdAt` windows still to read.
        windows: Option<CreatedAtWindows>,
        /// The next position in the current window.
        from: u64,
    },
}

/// Where and how to read a RingCX collection.
#[derive(Clone, Debug)]
pub struct RingCx {
    /// The account URL including `/1.0`, e.g. `https://ACCOUNT.api.PLATFORM/1.0`.
    pub base_url: String,
    /// The collection, e.g. `content_threads`.
    pub endpoint: String,
    /// Sent as `Authorization: Bearer ...`.
    pub token: Token,
    /// Records per page, 1 to 150 (default 150, the documented maximum).
    pub limit: u64,
}

impl RingCx {
    /// `content_threads` of the account at `base_url`, 150 a page.
    pub fn new(base_url: impl Into<String>, token: Token) -> Self {
        RingCx {
            base_url: base_url.into(),
            endpoint: RINGCX_ENDPOINT.to_owned(),
            token,
            limit: RingCxPageRequest::MAX_LIMIT,
        }
    }
}

/// Where and how to read an OmniQ index.
#[derive(Clone, Debug)]
pub struct Omniq {
    /// The server, default [`OMNIQ_BASE_URL`].
    pub base_url: String,
    /// Sent as `x-tenant-id`.
    pub tenant: String,
    /// Sent as `Authorization: Bearer ...` when present.
    pub token: Option<Token>,
    /// The entity to read.
    pub index: OmniqIndex,
    /// Results per page (default [`Omniq::DEFAULT_SIZE`]).
    pub size: NonZeroU64,
}

impl Omniq {
    /// The page size a fetch asks for unless told otherwise, 100: ten times
    /// the API's default, so a long fetch makes a tenth of the requests.
    pub const DEFAULT_SIZE: NonZeroU64 = match NonZeroU64::new(100) {
        Some(size) => size,
        None => NonZeroU64::MIN,
    };

    /// `index` of `tenant` on the documented server, [`Omniq::DEFAULT_SIZE`] a page.
    pub fn new(tenant: impl Into<String>, index: OmniqIndex) -> Self {
        let size = Omniq::DEFAULT_SIZE;
        Omniq { base_url: OMNIQ_BASE_URL.to_owned(), tenant: tenant.into(), token: None, index, size }
    }
}

/// Sends page requests: an HTTP agent, a retry policy and a way to wait.
///
/// [`Fetcher::ringcx`] and [`Fetcher::omniq`] check the query and return a
/// [`Fetch`]; read it a page at a time with [`Fetch::next_page`] (then
/// [`Fetch::progress`] says how far it got, and the total when the server
/// says it), or a record at a time with [`Fetch::records`]. Here against a
/// stand-in for RingCX on 127.0.0.1 serving three threads, two a page:
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use ringq::client::{Fetcher, RingCx, Token};
/// use ringq::Options;
/// # use std::io::{BufRead, BufReader, Write};
/// # let listener = std::net::TcpListener::bind("127.0.0.1:0")?;
/// # let base_url = format!("http://{}/1.0", listener.local_addr()?);
/// # let server = std::thread::spawn(move || {
/// #     for offset in [0, 2] {
/// #         let (mut stream, _) = listener.accept().expect("a request");
/// #         let mut reader = BufReader::new(stream.try_clone().expect("stream"));
/// #         let mut line = String::new();
/// #         while { line.clear(); reader.read_line(&mut line).is_ok_and(|n| n > 2) } {}
/// #         let records: Vec<_> = (offset..3.min(offset + 2)).map(|i| serde_json::json!({"id": format!("t{i}")})).collect();
/// #         let body = serde_json::json!({"count": 3, "offset": offset, "limit": 2, "records": records}).to_string();
/// #         write!(stream, "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}", body.len()).expect("answer");
/// #     }
/// # });
///
/// // In real use: Token::from_env("RINGCX_TOKEN") and the account's URL.
/// let mut api = RingCx::new(base_url, Token::new("secret"));
/// api.limit = 2;
/// let options = Options::at(Utc.with_ymd_and_hms(2026, 11, 18, 10, 30, 0).unwrap());
/// let fetcher = Fetcher::new();
/// let mut fetch = fetcher.ringcx(&api, &options, "assigned_to_me:true -status_in:replied")?;
/// let mut ids = Vec::new();
/// while let Some(page) = fetch.next_page() {
///     ids.extend(page?.into_iter().map(|record| record["id"].clone()));
///     let progress = fetch.progress();
///     eprintln!("{} of {:?} threads", progress.records, progress.total);
/// }
/// assert_eq!(ids, ["t0", "t1", "t2"]);
/// assert_eq!(fetch.query(), "assigned_to_me:true -status_in:replied order:created_at.asc");
/// # server.join().expect("server");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone)]
pub struct Fetcher {
    agent: ureq::Agent,
    retry: RetryPolicy,
    sleep: Sleep,
}

impl fmt::Debug for Fetcher {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Fetcher").field("retry", &self.retry).finish_non_exhaustive()
    }
}

impl Default for Fetcher {
    fn default() -> Self {
        Fetcher::new()
    }
}

impl Fetcher {
    /// A fetcher with the default [`RetryPolicy`] and a 60 s timeout per
    /// request.
    pub fn new() -> Self {
        Fetcher {
            agent: agent(Duration::from_secs(60)),
            retry: RetryPolicy::default(),
            sleep: Arc::new(std::thread::sleep),
        }
    }

    /// Retries by `policy`.
    pub fn retry(mut self, policy: RetryPolicy) -> Self {
        self.retry = policy;
        self
    }

    /// Gives up on one request (connect, send, read) after `timeout`.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.agent = agent(timeout);
        self
    }

    /// Waits between tries with `sleep` instead of the thread sleeping: a
    /// test can record the waits instead of spending them.
    pub fn sleep_with(mut self, sleep: impl Fn(Duration) + Send + Sync + 'static) -> Self {
        self.sleep = Arc::new(sleep);
        self
    }

    /// A fetch of every thread of `api` that `query` matches. The query is
    /// checked here with `options` (which must have a `now`), before any
    /// request: an invalid one is [`FetchError::Invalid`].
    pub fn ringcx(&self, api: &RingCx, options: &Options, query: &str) -> Result<Fetch<'_>, FetchError> {
        let options = pinned_options(options)?;
        let report = options.check(query)?;
        let mut q = report.pinned();
        if !report.query().terms().any(|t| matches!(t.value(), QueryValue::Order(_))) {
            if !q.is_empty() {
                q.push(' ');
            }
            q.push_str("order:");
            q.push_str(STABLE_ORDER.as_str());
        }
        let first = RingCxPageRequest::new(0, api.limit)?;
        let url = format!("{}/{}", api.base_url.trim_end_matches('/'), api.endpoint.trim_matches('/'));
        let read = RingCxRead { url, token: api.token.clone(), q, pager: RingCxPager::new(first), limit: api.limit };
        let target = Target::RingCx(read);
        Ok(Fetch::new(self, target, report.warnings().to_vec()))
    }

    /// A fetch of every document of `api`'s index that `query` matches,
    /// compiled as `ringq omniq` compiles it (the options' `omniq` part is
    /// replaced by `api`'s index and page size).
    pub fn omniq(&self, api: &Omniq, options: &Options, query: &str) -> Result<Fetch<'_>, FetchError> {
        let mut options = pinned_options(options)?;
        let mut omniq = options.omniq.take().unwrap_or_else(|| OmniqOptions::new(api.index));
        omniq.index = api.index;
        omniq.from = 0;
        omniq.size = api.size;
        omniq.plan = false;
        options.omniq = Some(omniq);
        let report = options.check(query)?;
        let Some(OmniqOutput::Request(request)) = report.omniq().cloned() else {
            return Err(FetchError::Usage("the query did not compile to a getmydata request".to_owned()));
        };
        let started = options.now.unwrap_or_default();
        let target = Target::Omniq(OmniqRead {
            url: format!("{}/getmydata", api.base_url.trim_end_matches('/')),
            tenant: api.tenant.clone(),
            token: api.token.clone(),
            request,
            started,
            windows: None,
            pager: OmniqPager::new(OmniqPageRequest::new(0, api.size.get())?),
            checked: false,
        });
        Ok(Fetch::new(self, target, report.warnings().to_vec()))
    }
}

fn agent(timeout: Duration) -> ureq::Agent {
    let config = ureq::Agent::config_builder().timeout_global(Some(timeout)).http_status_as_error(false).build();
    ureq::Agent::new_with_config(config)
}

/// The options with `now` cut to whole seconds, so that pinned dates say
/// exactly what the query said.
fn pinned_options(options: &Options) -> Result<Options, FetchError> {
    let now = options.now.ok_or_else(|| FetchError::Usage("a fetch needs a `now` to pin its dates to".to_owned()))?;
    let mut options = options.clone();
    options.now = Some(now.duration_trunc(TimeDelta::seconds(1)).unwrap_or(now));
    Ok(options)
}

/// What is being read, and where the paging is.
#[derive(Debug)]
enum Target {
    RingCx(RingCxRead),
    Omniq(OmniqRead),
}

/// A RingCX collection being read.
#[derive(Debug)]
struct RingCxRead {
    url: String,
    token: Token,
    /// The pinned query.
    q: String,
    pager: RingCxPager,
    limit: u64,
}

/// An OmniQ index being read, window by window once it has been split.
#[derive(Debug)]
struct OmniqRead {
    url: String,
    tenant: String,
    token: Option<Token>,
    /// The compiled request, page 0.
    request: OmniqRequest,
    /// The instant the fetch pins: the end of an open `createdAt` range.
    started: DateTime<Utc>,
    /// `None` until the first split.
    windows: Option<CreatedAtWindows>,
    /// Paging within the current window (or the whole query).
    pager: OmniqPager,
    /// Whether the current window's first page said it fits in the
    /// result window.
    checked: bool,
}

/// One fetch in progress: [`Fetch::next_page`] sends the next request and
/// returns its new records, [`Fetch::records`] hands them back one by one.
/// Memory holds one page, plus a 16-byte fingerprint per record.
pub struct Fetch<'f> {
    fetcher: &'f Fetcher,
    target: Target,
    /// Fingerprints of the ids handed back.
    seen: HashSet<u128>,
    seeds: (u64, u64),
    progress: Progress,
    warnings: Vec<Diagnostic>,
}

impl fmt::Debug for Fetch<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Fetch").field("target", &self.target).field("progress", &self.progress).finish_non_exhaustive()
    }
}

impl<'f> Fetch<'f> {
    fn new(fetcher: &'f Fetcher, target: Target, warnings: Vec<Diagnostic>) -> Self {
        let seeds = (random_seed(), random_seed());
        Fetch { fetcher, target, seen: HashSet::new(), seeds, progress: Progress::default(), warnings }
    }

    /// The query's warnings, pointing into the text given (render them
    /// with [`Diagnostic::render_all`]).
    pub fn warnings(&self) -> &[Diagnostic] {
        &self.warnings
    }

    /// What is sent: RingCX's pinned `q`, or OmniQ's request body (page 0).
    pub fn query(&self) -> String {
        match &self.target {
            Target::RingCx(read) => read.q.clone(),
            Target::Omniq(read) => serde_json::to_string(&read.request).unwrap_or_default(),
        }
    }

    /// Records, pages and retries so far, and the total when known.
    pub fn progress(&self) -> Progress {
        self.progress
    }

    /// Where the next request starts: save it after writing a page, and
    /// give it to [`Fetch::resume`] to go on from there.
    pub fn position(&self) -> Option<Position> {
        match &self.target {
            Target::RingCx(read) => read.pager.next_request().map(|r| Position::Ringcx { offset: r.offset() }),
            Target::Omniq(read) => {
                let from = read.pager.next_request().map_or(0, |r| r.from());
                Some(Position::Omniq { windows: read.windows.clone(), from })
            }
        }
    }

    /// Continues from `position` (of a fetch of the same query and API),
    /// having handed back `records` records already; pass each of them to
    /// [`Fetch::mark_seen`] so none is handed back twice.
    pub fn resume(&mut self, position: Position, records: u64) -> Result<(), FetchError> {
        match (&mut self.target, position) {
            (Target::RingCx(read), Position::Ringcx { offset }) => {
                read.pager = RingCxPager::new(RingCxPageRequest::new(offset, read.limit)?);
            }
            (Target::Omniq(read), Position::Omniq { windows, from }) => {
                read.windows = windows;
                read.page_from(from)?;
            }
            _ => return Err(FetchError::Usage("the position is for the other API".to_owned())),
        }
        self.progress.records = records;
        Ok(())
    }

    /// Remembers `record` as handed back: a record with the same id is
    /// dropped from now on.
    pub fn mark_seen(&mut self, record: &Value) {
        if let Some(fingerprint) = self.fingerprint(record) {
            self.seen.insert(fingerprint);
        }
    }

    /// The records of the next page not handed back before, in the
    /// server's order; `None` once every record has been read.
    pub fn next_page(&mut self) -> Option<Result<Vec<Value>, FetchError>> {
        loop {
            match self.step() {
                Ok(Step::Records(records)) => {
                    let fresh: Vec<Value> = records.into_iter().filter(|r| self.first_sight(r)).collect();
                    self.progress.records += fresh.len() as u64;
                    return Some(Ok(fresh));
                }
                Ok(Step::Again) => continue,
                Ok(Step::Done) => return None,
                Err(error) => return Some(Err(error)),
            }
        }
    }

    /// Every record, one at a time (pages are fetched as they are needed).
    pub fn records(self) -> Records<'f> {
        Records { fetch: self, page: Vec::new().into_iter(), failed: false }
    }

    fn fingerprint(&self, record: &Value) -> Option<u128> {
        let id = record.get("id").or_else(|| record.pointer("/document/_id")).or_else(|| record.get("_id"))?;
        let text = id.to_string();
        let high = hash_bytes(self.seeds.0, text.as_bytes());
        let low = hash_bytes(self.seeds.1, text.as_bytes());
        Some(u128::from(high) << 64 | u128::from(low))
    }

    /// Whether `record` was not handed back before; a record without an
    /// id always is new (nothing is dropped that cannot be told apart).
    fn first_sight(&mut self, record: &Value) -> bool {
        self.fingerprint(record).is_none_or(|f| self.seen.insert(f))
    }

    fn step(&mut self) -> Result<Step, FetchError> {
        match &mut self.target {
            Target::RingCx(read) => read.step(self.fetcher, &mut self.progress),
            Target::Omniq(read) => read.step(self.fetcher, &mut self.progress),
        }
    }
}

/// What one request gave.
enum Step {
    Records(Vec<Value>),
    /// Nothing to hand back yet: a window was split or finished.
    Again,
    Done,
}

impl RingCxRead {
    fn step(&mut self, fetcher: &Fetcher, progress: &mut Progress) -> Result<Step, FetchError> {
        let Some(request) = self.pager.next_request() else { return Ok(Step::Done) };
        let what = format!("RingCX page at offset {}", request.offset());
        let (offset, limit) = (request.offset().to_string(), request.limit().to_string());
        let send = || {
            fetcher
                .agent
                .get(self.url.as_str())
                .query("q", self.q.as_str())
                .query("offset", &offset)
                .query("limit", &limit)
                .header("Authorization", self.token.bearer())
                .header("Accept", "application/json")
                .call()
        };
        let page: RingCxPage = match fetch_page(&fetcher.retry, &fetcher.sleep, &mut progress.retries, &what, send)? {
            Answer::Page(page) => page,
            Answer::BadRequest(message) => return Err(FetchError::Status { what, status: 400, message }),
        };
        progress.pages += 1;
        progress.total = Some(page.count);
        let step = self.pager.observe(&page)?;
        Ok(Step::Records(page.records.into_iter().take(step.keep()).collect()))
    }
}

impl OmniqRead {
    fn step(&mut self, fetcher: &Fetcher, progress: &mut Progress) -> Result<Step, FetchError> {
        let window = match &self.windows {
            Some(windows) => match windows.current() {
                Some(window) => Some(window),
                None => return Ok(Step::Done),
            },
            None => None,
        };
        let Some(page_request) = self.pager.next_request() else {
            let Some(windows) = &mut self.windows else { return Ok(Step::Done) };
            windows.finish_current();
            self.page_from(0)?;
            return Ok(Step::Again);
        };
        let mut body = self.request.clone().with_page(page_request);
        if let Some(window) = &window {
            body = body.within(window);
        }
        let body = serde_json::to_vec(&body).unwrap_or_default();
        let what = match &window {
            Some(w) => format!("OmniQ page from {} in createdAt {}..{}", page_request.from(), w.from, w.to),
            None => format!("OmniQ page from {}", page_request.from()),
        };
        let send = || {
            let mut call = fetcher
                .agent
                .get(self.url.as_str())
                .header("x-tenant-id", self.tenant.as_str())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json");
            if let Some(token) = &self.token {
                call = call.header("Authorization", token.bearer());
            }
            call.force_send_body().send(&body[..])
        };
        let past_window = page_request.from().saturating_add(page_request.size()) > OMNIQ_RESULT_WINDOW;
        let page: OmniqPage = match fetch_page(&fetcher.retry, &fetcher.sleep, &mut progress.retries, &what, send)? {
            Answer::Page(page) => page,
            Answer::BadRequest(_) if past_window => {
                self.split()?;
                return Ok(Step::Again);
            }
            Answer::BadRequest(message) => return Err(FetchError::Status { what, status: 400, message }),
        };
        progress.pages += 1;
        if !self.checked {
            let too_many =
                page.total.is_some_and(|t| t.relation == OmniqRelation::Gte || t.value > OMNIQ_RESULT_WINDOW);
            if too_many {
                self.split()?;
                return Ok(Step::Again);
            }
            self.checked = true;
            if self.windows.is_none() {
                progress.total = page.total.map(|t| t.value);
            }
        }
        let step = self.pager.observe(&page)?;
        Ok(Step::Records(page.results.into_iter().take(step.keep()).collect()))
    }

    /// Pages the current window (or the whole query) from position `from`;
    /// from 0, its first page is checked against the result window again.
    fn page_from(&mut self, from: u64) -> Result<(), FetchError> {
        self.pager = OmniqPager::new(OmniqPageRequest::new(from, self.request.size())?);
        self.checked = from > 0;
        Ok(())
    }

    /// Splits the current window (the query's own `createdAt` range, up to
    /// the fetch's start, the first time) and pages its first half from 0.
    fn split(&mut self) -> Result<(), FetchError> {
        let windows = match &mut self.windows {
            Some(windows) => windows,
            None => {
                let outer = CreatedAtWindow { from: DateTime::UNIX_EPOCH, to: self.started };
                let whole =
                    CreatedAtWindow::of_filter(self.request.filter_by().get(CREATED_AT), outer).ok_or_else(|| {
                        FetchError::Window(
                            "more than 10,000 documents match an exact createdAt, which cannot be split; \
                         narrow the query with another field"
                                .to_owned(),
                        )
                    })?;
                self.windows.insert(CreatedAtWindows::new(whole))
            }
        };
        if !windows.split_current() {
            let at = windows.current().map(|w| w.from.to_rfc3339()).unwrap_or_default();
            return Err(FetchError::Window(format!(
                "more than 10,000 documents were created in the same millisecond ({at}); \
                 narrow the query with another field"
            )));
        }
        self.page_from(0)
    }
}

/// Every record of a [`Fetch`], one at a time; ends after the first error.
#[derive(Debug)]
pub struct Records<'f> {
    fetch: Fetch<'f>,
    page: std::vec::IntoIter<Value>,
    failed: bool,
}

impl Records<'_> {
    /// How far the fetch has got.
    pub fn progress(&self) -> Progress {
        self.fetch.progress()
    }
}

impl Iterator for Records<'_> {
    type Item = Result<Value, FetchError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(record) = self.page.next() {
                return Some(Ok(record));
            }
            if self.failed {
                return None;
            }
            match self.fetch.next_page()? {
                Ok(page) => self.page = page.into_iter(),
                Err(error) => {
                    self.failed = true;
                    return Some(Err(error));
                }
            }
        }
    }
}
