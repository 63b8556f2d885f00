//! RingCX collection paging: `offset`/`limit` query parameters and the
//! `{count, offset, limit, records}` response.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::cursor::{Cursor, Remaining, Seen};
use super::{PageError, PageStep};

/// The `offset`/`limit` query parameters of a paginated RingCX call.
///
/// Valid by construction: `limit` is within 1..=150, the range the API
/// documents, so a request built here is never rejected for its paging.
/// Serializes as `{"offset": .., "limit": ..}`, ready for a query string.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "RawRingCxRequest")]
pub struct RingCxPageRequest {
    offset: u64,
    limit: u64,
}

/// The wire form, validated into [`RingCxPageRequest`]; absent fields take
/// the documented defaults.
#[derive(Deserialize)]
#[serde(default)]
struct RawRingCxRequest {
    offset: u64,
    limit: u64,
}

impl Default for RawRingCxRequest {
    fn default() -> Self {
        RawRingCxRequest { offset: 0, limit: RingCxPageRequest::DEFAULT_LIMIT }
    }
}

impl TryFrom<RawRingCxRequest> for RingCxPageRequest {
    type Error = PageError;

    fn try_from(raw: RawRingCxRequest) -> Result<Self, PageError> {
        RingCxPageRequest::new(raw.offset, raw.limit)
    }
}

impl RingCxPageRequest {
    /// The page size the API uses when `limit` is not given.
    pub const DEFAULT_LIMIT: u64 = 30;
    /// The largest page the API serves.
    pub const MAX_LIMIT: u64 = 150;

    /// A request for `limit` records from record index `offset`.
    ///
    /// Fails with [`PageError::LimitOutOfRange`] unless `1 <= limit <= 150`:
    /// 0 would never make progress and the API refuses more than 150.
    pub fn new(offset: u64, limit: u64) -> Result<Self, PageError> {
        if (1..=Self::MAX_LIMIT).contains(&limit) {
            Ok(RingCxPageRequest { offset, limit })
        } else {
            Err(PageError::LimitOutOfRange { limit })
        }
    }

    /// Index of the first record asked for.
    pub fn offset(&self) -> u64 {
        self.offset
    }

    /// Most records asked for (1 to 150).
    pub fn limit(&self) -> u64 {
        self.limit
    }
}

impl Default for RingCxPageRequest {
    /// The API's defaults: offset 0, limit 30.
    fn default() -> Self {
        RingCxPageRequest { offset: 0, limit: Self::DEFAULT_LIMIT }
    }
}

/// One page of a RingCX collection, as documented:
/// `{"count": 4320, "offset": 90, "limit": 30, "records": [...]}`.
///
/// Generic over the record type so callers can parse records straight into
/// their own structs; unknown fields are ignored. All four fields are
/// required, since the documentation is explicit about each.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RingCxPage<T = Value> {
    /// Total number of records in the collection (not in this page).
    pub count: u64,
    /// The `offset` the request gave, echoed.
    pub offset: u64,
    /// The `limit` the request gave, echoed. Not checked by the planner: a
    /// server that serves fewer records than asked is handled by counting
    /// the records themselves.
    pub limit: u64,
    /// The records of this page.
    pub records: Vec<T>,
}

/// Plans the requests that read a RingCX collection page by page.
///
/// Stops when `offset + records >= count` (the server's total), on an empty
/// page, or at the caller's bound. Each request starts where the records
/// received so far end, so a server serving short pages loses nothing.
///
/// The rules both pagers share, and how to drive one, are on [`crate::OmniqPager`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RingCxPager {
    cursor: Cursor,
}

impl RingCxPager {
    /// A planner whose first request is `first`; later requests keep its
    /// limit.
    pub fn new(first: RingCxPageRequest) -> Self {
        RingCxPager { cursor: Cursor::new(first.offset, first.limit) }
    }

    /// A planner for exactly the records `records.start..records.end`, in
    /// pages of at most 150 (the fewest requests the API allows).
    ///
    /// An empty window plans no request; a reversed one is
    /// [`PageError::ReversedWindow`].
    pub fn window(records: std::ops::Range<u64>) -> Result<Self, PageError> {
        let len = window_len(&records)?;
        Ok(RingCxPager::new(RingCxPageRequest { offset: records.start, limit: RingCxPageRequest::MAX_LIMIT })
            .with_max_records(len))
    }

    /// Reads at most `max` records from the first offset, whatever the
    /// server's count: a guard against huge or endless collections. The
    /// last request's limit shrinks so no record past the bound is fetched.
    pub fn with_max_records(self, max: u64) -> Self {
        RingCxPager { cursor: self.cursor.with_max_records(max) }
    }

    /// The request to send next, or `None` when paging is over.
    pub fn next_request(&self) -> Option<RingCxPageRequest> {
        self.cursor.request().map(|(offset, limit)| RingCxPageRequest { offset, limit })
    }

    /// Reads the response to the request [`RingCxPager::next_request`]
    /// returned and moves on.
    ///
    /// Errors if the page echoes another offset than the one requested
    /// (see [`PageError::ServerRepeated`]), or if called after paging ended.
    pub fn observe<T>(&mut self, page: &RingCxPage<T>) -> Result<PageStep, PageError> {
        self.cursor.observe(Seen {
            echoed: Some(page.offset),
            returned: page.records.len(),
            remaining: Remaining::Total(page.count),
        })
    }
}

/// The number of records in a window, refusing reversed windows.
pub(super) fn window_len(records: &std::ops::Range<u64>) -> Result<u64, PageError> {
    records.end.checked_sub(records.start).ok_or(PageError::ReversedWindow { start: records.start, end: records.end })
}
