//! OmniQ `getmydata` paging: `from`/`size` in the request body and the
//! `{results, total, count, pagination}` response.

use std::fmt;
use std::marker::PhantomData;
use std::num::NonZeroU64;

use serde::de::value::{MapAccessDeserializer, SeqAccessDeserializer};
use serde::de::{MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

use super::cursor::{Cursor, Remaining, Seen};
use super::ringcx::window_len;
use super::{PageError, PageStep};
use crate::omniq::OmniqRequest;

/// The `from`/`size` fields of a `getmydata` request body.
///
/// Valid by construction: `size` is at least 1, since a page of nothing
/// makes no progress. The API documents no maximum. Serializes as
/// `{"from": .., "size": ..}`, so it can be `#[serde(flatten)]`ed into the
/// request body next to `index` and `filterBy`; deserializing fills absent
/// fields with the documented defaults and validates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "RawOmniqRequest")]
pub struct OmniqPageRequest {
    from: u64,
    size: u64,
}

/// The wire form, validated into [`OmniqPageRequest`].
#[derive(Deserialize)]
#[serde(default)]
struct RawOmniqRequest {
    from: u64,
    size: u64,
}

impl Default for RawOmniqRequest {
    fn default() -> Self {
        RawOmniqRequest { from: 0, size: OmniqPageRequest::DEFAULT_SIZE }
    }
}

impl TryFrom<RawOmniqRequest> for OmniqPageRequest {
    type Error = PageError;

    fn try_from(raw: RawOmniqRequest) -> Result<Self, PageError> {
        OmniqPageRequest::new(raw.from, raw.size)
    }
}

impl OmniqPageRequest {
    /// The page size the API uses when `size` is not given.
    pub const DEFAULT_SIZE: u64 = OmniqRequest::DEFAULT_SIZE.get();

    /// A request for `size` records from position `from`.
    ///
    /// Fails with [`PageError::ZeroSize`] when `size` is 0.
    pub fn new(from: u64, size: u64) -> Result<Self, PageError> {
        if size == 0 {
            Err(PageError::ZeroSize)
        } else {
            Ok(OmniqPageRequest { from, size })
        }
    }

    /// Position of the first record asked for.
    pub fn from(&self) -> u64 {
        self.from
    }

    /// Most records asked for (at least 1).
    pub fn size(&self) -> u64 {
        self.size
    }
}

impl OmniqRequest {
    /// The same filter, for the page a pager asks for.
    pub fn with_page(self, page: OmniqPageRequest) -> Self {
        // A page request's size is never 0.
        self.with_from(page.from()).with_size(NonZeroU64::new(page.size()).unwrap_or(NonZeroU64::MIN))
    }
}

impl Default for OmniqPageRequest {
    /// The API's defaults: from 0, size 10.
    fn default() -> Self {
        OmniqPageRequest { from: 0, size: Self::DEFAULT_SIZE }
    }
}

/// One `getmydata` response page.
///
/// The documentation describes two shapes: its "Response Schema" is a bare
/// array of records, its "OmniqPagination" section the envelope
/// `{"results": [..], "total": {"value", "relation"}, "count",
/// "pagination": {"from", "size", "hasMore"}}`. Both are accepted; a bare
/// array reads as `results` with every other field absent. Within the
/// envelope only `results` is required: `total`, `count` and `pagination`
/// are what a real server plausibly leaves out, and the planner falls back
/// to weaker stopping rules without them (see [`OmniqPager::observe`]).
/// Unknown fields are ignored. Serializes as the envelope, leaving absent
/// fields out.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OmniqPage<T = Value> {
    /// The records of this page.
    pub results: Vec<T>,
    /// How many records match the query, exactly or as a lower bound.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<OmniqTotal>,
    /// Number of records in this response, as the server counts them. Not
    /// trusted by the planner, which counts `results` itself: the
    /// documentation's own example gives a `count` above `total`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<u64>,
    /// The request's `from`/`size` echoed, and whether more pages exist.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pagination: Option<OmniqPagination>,
}

/// How many records match: `value` is exact with [`OmniqRelation::Eq`] (up to
/// 10,000 records) and a lower bound with [`OmniqRelation::Gte`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct OmniqTotal {
    /// The number of matching records, or a lower bound of it.
    pub value: u64,
    /// Whether `value` is exact.
    pub relation: OmniqRelation,
}

/// Whether a [`OmniqTotal`] is exact.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OmniqRelation {
    /// `"eq"`: the total is exact.
    Eq,
    /// `"gte"`: at least that many records match (more than 10,000).
    Gte,
}

/// The `pagination` object of a response.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct OmniqPagination {
    /// The `from` the request gave, echoed.
    pub from: u64,
    /// The `size` the request gave, echoed. Not checked by the planner.
    pub size: u64,
    /// Whether records exist past this page.
    #[serde(rename = "hasMore")]
    pub has_more: bool,
}

/// The envelope shape, deserialized by derive for its field-level errors.
#[derive(Deserialize)]
#[serde(rename = "OmniqPage")]
#[serde(bound(deserialize = "T: Deserialize<'de>"))]
struct Envelope<T> {
    results: Vec<T>,
    #[serde(default)]
    total: Option<OmniqTotal>,
    #[serde(default)]
    count: Option<u64>,
    #[serde(default)]
    pagination: Option<OmniqPagination>,
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for OmniqPage<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Shapes<T>(PhantomData<T>);

        impl<'de, T: Deserialize<'de>> Visitor<'de> for Shapes<T> {
            type Value = OmniqPage<T>;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an OmniQ response: an object with `results`, or an array of records")
            }

            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
                let results = Vec::deserialize(SeqAccessDeserializer::new(seq))?;
                Ok(OmniqPage { results, total: None, count: None, pagination: None })
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                let e = Envelope::deserialize(MapAccessDeserializer::new(map))?;
                Ok(OmniqPage { results: e.results, total: e.total, count: e.count, pagination: e.pagination })
            }
        }

        deserializer.deserialize_any(Shapes(PhantomData))
    }
}

/// Plans the `from`/`size` requests that read a `getmydata` result page by
/// page.
///
/// Each request starts where the records received so far end (the
/// documented "increment `from` by your `size`" on full pages), so a server
/// serving short pages loses nothing.
///
/// Both APIs page by position: RingCX with `offset`/`limit` (default 0/30,
/// at most 150), OmniQ `getmydata` with `from`/`size` (default 0/10). A
/// planner ([`RingCxPager`](crate::RingCxPager), [`OmniqPager`]) says which request to send
/// next and reads each parsed response ([`RingCxPage`](crate::RingCxPage), [`OmniqPage`]) to
/// decide whether another is needed. The caller does the HTTP; the planner
/// only does arithmetic, so it is easy to test and to drive from any
/// client, sync or async.
///
/// Both planners share one state machine, so they agree on the rules:
///
/// - The next request starts after the records the server actually
///   returned, not after the size asked for. On a well-behaved server the
///   two are the same (the documented strategy "increment by your size");
///   when a server returns a short page but says more exist (it capped the
///   page size), advancing by what arrived is what keeps every record.
/// - Records beyond the size asked for are not counted ([`PageStep::keep`]):
///   the following request asks for them in their turn.
/// - An empty page always ends paging, whatever the server says about
///   more, because a page with no records makes no progress.
/// - A response that answers for another offset than the one requested is
///   an error ([`PageError::ServerRepeated`] when it is one already read,
///   [`PageError::OffsetMismatch`] otherwise): the server is ignoring the
///   paging parameters, and going on would loop forever or skip records.
/// - A caller bound ([`RingCxPager::with_max_records`](crate::RingCxPager::with_max_records), the `window`
///   constructors) shrinks the last request so nothing past it is fetched.
/// - Position arithmetic is checked; nothing panics on any response.
///
/// ```
/// use ringq::{OmniqPage, OmniqPageRequest, OmniqPager};
/// use serde_json::{json, Value};
///
/// // A fake in-memory OmniQ server holding 25 records; it answers with the
/// // JSON body a real one would send.
/// let data: Vec<Value> = (0..25).map(|i| json!({ "id": i })).collect();
/// let server = |from: usize, size: usize| -> String {
///     let results: Vec<&Value> = data.iter().skip(from).take(size).collect();
///     json!({
///         "results": results,
///         "total": { "value": data.len(), "relation": "eq" },
///         "count": results.len(),
///         "pagination": { "from": from, "size": size, "hasMore": from + size < data.len() },
///     })
///     .to_string()
/// };
///
/// let mut all = Vec::new();
/// let mut pager = OmniqPager::new(OmniqPageRequest::default());
/// while let Some(req) = pager.next_request() {
///     // The caller's HTTP call: `req` serializes to `{"from": .., "size": ..}`.
///     let body = server(req.from().try_into()?, req.size().try_into()?);
///     let page: OmniqPage = serde_json::from_str(&body)?;
///     let next = pager.observe(&page)?;
///     all.extend(page.results.into_iter().take(next.keep()));
/// }
/// assert_eq!(all, data);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OmniqPager {
    cursor: Cursor,
}

impl OmniqPager {
    /// A planner whose first request is `first`; later requests keep its
    /// size.
    pub fn new(first: OmniqPageRequest) -> Self {
        OmniqPager { cursor: Cursor::new(first.from, first.size) }
    }

    /// A planner for exactly the records `records.start..records.end`, in
    /// pages of at most `max_size` records: one request when the window
    /// fits, several otherwise.
    ///
    /// An empty window plans no request. Errors on a reversed window
    /// ([`PageError::ReversedWindow`]) or a `max_size` of 0
    /// ([`PageError::ZeroSize`]).
    pub fn window(records: std::ops::Range<u64>, max_size: u64) -> Result<Self, PageError> {
        let len = window_len(&records)?;
        let first = OmniqPageRequest::new(records.start, max_size)?;
        Ok(OmniqPager::new(first).with_max_records(len))
    }

    /// Reads at most `max` records from the first position, whatever the
    /// server says: a guard against huge or endless results, and the only
    /// one against a server that ignores `from` while answering with bare
    /// arrays (which echo nothing to check). The last request's size
    /// shrinks so no record past the bound is fetched.
    pub fn with_max_records(self, max: u64) -> Self {
        OmniqPager { cursor: self.cursor.with_max_records(max) }
    }

    /// The request to send next, or `None` when paging is over.
    pub fn next_request(&self) -> Option<OmniqPageRequest> {
        self.cursor.request().map(|(from, size)| OmniqPageRequest { from, size })
    }

    /// Reads the response to the request [`OmniqPager::next_request`]
    /// returned and moves on.
    ///
    /// Paging stops on `hasMore: false`, on an empty `results` even when
    /// `hasMore` says `true` (no progress is possible), or at the caller's
    /// bound. Without `pagination` it stops when the position reaches an
    /// exact (`eq`) `total`, or else on a page shorter than asked for.
    ///
    /// Errors if `pagination.from` is not the `from` requested (see
    /// [`PageError::ServerRepeated`]), or if called after paging ended.
    pub fn observe<T>(&mut self, page: &OmniqPage<T>) -> Result<PageStep, PageError> {
        let remaining = match (page.pagination, page.total) {
            (Some(p), _) => Remaining::HasMore(p.has_more),
            (None, Some(OmniqTotal { value, relation: OmniqRelation::Eq })) => Remaining::Total(value),
            (None, _) => Remaining::UntilShortPage,
        };
        self.cursor.observe(Seen { echoed: page.pagination.map(|p| p.from), returned: page.results.len(), remaining })
    }
}
