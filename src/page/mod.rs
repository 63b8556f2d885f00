//! Pagination planners for the RingCX and OmniQ APIs (no I/O). The rules
//! both share, and how to drive one, are on [`OmniqPager`].

mod cursor;
mod omniq;
mod ringcx;
mod windows;

pub use crate::omniq::OMNIQ_RESULT_WINDOW;
pub use omniq::{OmniqPage, OmniqPageRequest, OmniqPager, OmniqPagination, OmniqRelation, OmniqTotal};
pub use ringcx::{RingCxPage, RingCxPageRequest, RingCxPager};
pub use windows::{CreatedAtWindow, CreatedAtWindows};

/// What one observed page means for the caller: how many of its records to
/// keep, and whether paging is over.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PageStep {
    keep: usize,
    stop: Option<PageStop>,
}

impl PageStep {
    fn new(keep: usize, stop: Option<PageStop>) -> Self {
        PageStep { keep, stop }
    }

    /// How many leading records of the page belong to the caller: all of
    /// them unless the server sent more than asked for, in which case the
    /// extra ones are fetched again by the next request.
    pub fn keep(&self) -> usize {
        self.keep
    }

    /// Why paging ended with this page, or `None` if another page follows.
    pub fn stop(&self) -> Option<PageStop> {
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
pub enum PageStop {
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
    #[error("RingCX limit {limit} is out of range: ask for 1 to {} records per page", RingCxPageRequest::MAX_LIMIT)]
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
