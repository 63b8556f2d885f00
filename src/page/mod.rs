//! Pagination planners for the RingCX and OmniQ APIs (no I/O).
//!
//! Both APIs page by position: RingCX with `offset`/`limit` (default 0/30,
//! at most 150), OmniQ `getmydata` with `from`/`size` (default 0/10). A
//! planner ([`RingCxPager`], [`OmniqPager`]) says which request to send
//! next and reads each parsed response ([`RingCxPage`], [`OmniqPage`]) to
//! decide whether another is needed. The caller does the HTTP; the planner
//! only does arithmetic, so it is easy to test and to drive from any
//! client, sync or async.
//!
//! Both planners share one state machine, so they agree on the rules:
//!
//! - The next request starts after the records the server actually
//!   returned, not after the size asked for. On a well-behaved server the
//!   two are the same (the documented strategy "increment by your size");
//!   when a server returns a short page but says more exist (it capped the
//!   page size), advancing by what arrived is what keeps every record.
//! - Records beyond the size asked for are not counted ([`Next::keep`]):
//!   the following request asks for them in their turn.
//! - An empty page always ends paging, whatever the server says about
//!   more, because a page with no records makes no progress.
//! - A response that answers for another offset than the one requested is
//!   an error ([`PageError::ServerRepeated`] when it is one already read,
//!   [`PageError::OffsetMismatch`] otherwise): the server is ignoring the
//!   paging parameters, and going on would loop forever or skip records.
//! - A caller bound ([`RingCxPager::with_max_records`], the `window`
//!   constructors) shrinks the last request so nothing past it is fetched.
//! - Position arithmetic is checked; nothing panics on any response.
//!
//! ```
//! use ringq::page::{OmniqPage, OmniqPageRequest, OmniqPager};
//! use serde_json::{json, Value};
//!
//! // A fake in-memory OmniQ server holding 25 records; it answers with the
//! // JSON body a real one would send.
//! let data: Vec<Value> = (0..25).map(|i| json!({ "id": i })).collect();
//! let server = |from: usize, size: usize| -> String {
//!     let results: Vec<&Value> = data.iter().skip(from).take(size).collect();
//!     json!({
//!         "results": results,
//!         "total": { "value": data.len(), "relation": "eq" },
//!         "count": results.len(),
//!         "pagination": { "from": from, "size": size, "hasMore": from + size < data.len() },
//!     })
//!     .to_string()
//! };
//!
//! let mut all = Vec::new();
//! let mut pager = OmniqPager::new(OmniqPageRequest::default());
//! while let Some(req) = pager.next_request() {
//!     // The caller's HTTP call: `req` serializes to `{"from": .., "size": ..}`.
//!     let body = server(req.from().try_into()?, req.size().try_into()?);
//!     let page: OmniqPage = serde_json::from_str(&body)?;
//!     let next = pager.observe(&page)?;
//!     all.extend(page.results.into_iter().take(next.keep()));
//! }
//! assert_eq!(all, data);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod cursor;
mod omniq;
mod ringcx;

pub use omniq::{OmniqPage, OmniqPageRequest, OmniqPager, Pagination, Relation, Total};
pub use ringcx::{RingCxPage, RingCxPageRequest, RingCxPager};

/// What one observed page means for the caller: how many of its records to
/// keep, and whether paging is over.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Next {
    keep: usize,
    stop: Option<Stop>,
}

impl Next {
    fn new(keep: usize, stop: Option<Stop>) -> Self {
        Next { keep, stop }
    }

    /// How many leading records of the page belong to the caller: all of
    /// them unless the server sent more than asked for, in which case the
    /// extra ones are fetched again by the next request.
    pub fn keep(&self) -> usize {
        self.keep
    }

    /// Why paging ended with this page, or `None` if another page follows.
    pub fn stop(&self) -> Option<Stop> {
        self.stop
    }

    /// Whether this was the last page (`next_request` now returns `None`).
    pub fn is_done(&self) -> bool {
        self.stop.is_some()
    }
}

/// Why a planner stopped asking for pages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Stop {
    /// The server said there is nothing more (RingCX `offset + records >=
    /// count`, OmniQ `hasMore: false`).
    Exhausted,
    /// The page held no records: no progress is possible, so paging ends
    /// even if the server claims more exist.
    EmptyPage,
    /// The caller's bound (`max_records` or the end of a window) was reached.
    MaxRecords,
}

/// Why a page request could not be built or a response could not be used.
///
/// Every message says what to change, since the usual cause is either a
/// caller's parameter or a server not honouring the paging parameters.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PageError {
    /// A RingCX `limit` outside 1..=150.
    #[error("RingCX limit {limit} is out of range: ask for 1 to 150 records per page")]
    LimitOutOfRange {
        /// The limit asked for.
        limit: u64,
    },
    /// An OmniQ `size` of 0, which would never make progress.
    #[error("OmniQ size 0 asks for no records: ask for at least 1 record per page")]
    ZeroSize,
    /// A window whose end comes before its start.
    #[error("record window {start}..{end} ends before it starts: give start..end with start <= end")]
    ReversedWindow {
        /// First record of the window.
        start: u64,
        /// One past the last record of the window.
        end: u64,
    },
    /// The server answered for an offset already read: it ignores the
    /// paging parameters, and following it would loop forever.
    #[error(
        "asked for records from offset {requested} but the server sent offset {echoed} again, \
         which was already read; it is ignoring the paging parameters, so paging stops here \
         instead of looping forever"
    )]
    ServerRepeated {
        /// The offset requested.
        requested: u64,
        /// The offset the server answered for.
        echoed: u64,
    },
    /// The server answered for an offset that was not requested.
    #[error(
        "asked for records from offset {requested} but the server answered for offset \
         {echoed}; paging stops so that no record is skipped or read twice"
    )]
    OffsetMismatch {
        /// The offset requested.
        requested: u64,
        /// The offset the server answered for.
        echoed: u64,
    },
    /// A page was observed after the planner had finished.
    #[error(
        "a page was observed after paging finished; observe only the response to the \
         request next_request() returned"
    )]
    Finished,
    /// A record position would not fit in a `u64`.
    #[error("record positions past offset {offset} do not fit in 64 bits; set max_records")]
    Overflow {
        /// The last position that could be represented.
        offset: u64,
    },
}
