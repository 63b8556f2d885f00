//! The state machine both planners share: offset/size paging over a record
//! sequence, independent of how either API spells its parameters.

use super::{PageError, PageStep, PageStop};

/// What one response says about the records after it, in the API's terms
/// already translated by the caller of [`Cursor::observe`].
#[derive(Clone, Copy, Debug)]
pub(crate) enum Remaining {
    /// The server reported this many records in total (RingCX `count`,
    /// OmniQ `total` with relation `eq`): stop once the position reaches it.
    Total(u64),
    /// The server said whether more pages exist (OmniQ `hasMore`).
    HasMore(bool),
    /// Nothing was said: a page shorter than asked for is the last one.
    UntilShortPage,
}

/// One parsed response as the cursor needs it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Seen {
    /// The start offset the server says it answered for, if it says.
    pub echoed: Option<u64>,
    /// How many records the page holds.
    pub returned: usize,
    /// What the server said about later records.
    pub remaining: Remaining,
}

/// Offset/size paging with caller bounds and loop protection.
///
/// Invariants: `size >= 1`; every page that does not stop the cursor moves
/// `next` forward by at least one record and never past `u64::MAX`, so a
/// bounded cursor finishes whatever the server answers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Cursor {
    /// Offset of the first request: offsets in `first..next` were read.
    first: u64,
    /// Offset of the next request.
    next: u64,
    /// Page size asked for (at least 1).
    size: u64,
    /// Exclusive end set by the caller (`max_records`, window), if any.
    end: Option<u64>,
    /// Why paging finished, once it has.
    stop: Option<PageStop>,
}

impl Cursor {
    /// A cursor starting at `first` asking `size` records per page.
    /// `size` must already be validated as at least 1.
    pub(crate) fn new(first: u64, size: u64) -> Self {
        Cursor { first, next: first, size: size.max(1), end: None, stop: None }
    }

    /// Bounds the cursor to `max` records from its first offset.
    pub(crate) fn with_max_records(mut self, max: u64) -> Self {
        let end = self.first.saturating_add(max);
        self.end = Some(end);
        if self.stop.is_none() && self.next >= end {
            self.stop = Some(PageStop::MaxRecords);
        }
        self
    }

    /// The next `(start, size)` to ask for, or `None` once finished. The
    /// size shrinks on the last page of a caller bound so no record past it
    /// is fetched.
    pub(crate) fn request(&self) -> Option<(u64, u64)> {
        if self.stop.is_some() {
            return None;
        }
        let room = self.end.unwrap_or(u64::MAX).saturating_sub(self.next);
        let size = self.size.min(room);
        (size > 0).then_some((self.next, size))
    }

    /// Reads one response to the request [`Cursor::request`] returned.
    pub(crate) fn observe(&mut self, seen: Seen) -> Result<PageStep, PageError> {
        let Some((start, size)) = self.request() else {
            return Err(PageError::Finished);
        };
        if let Some(echoed) = seen.echoed {
            if echoed != start {
                return Err(if (self.first..start).contains(&echoed) {
                    PageError::ServerRepeated { requested: start, echoed }
                } else {
                    PageError::OffsetMismatch { requested: start, echoed }
                });
            }
        }
        // Records past the size asked for are not ours to count: the next
        // request fetches them again, in their place.
        let keep = u64::try_from(seen.returned).unwrap_or(u64::MAX).min(size);
        if keep == 0 {
            self.stop = Some(PageStop::EmptyPage);
            return Ok(PageStep::new(0, self.stop));
        }
        let position = start.checked_add(keep).ok_or(PageError::Overflow { offset: start })?;
        self.next = position;
        let exhausted = match seen.remaining {
            Remaining::Total(total) => position >= total,
            Remaining::HasMore(more) => !more,
            Remaining::UntilShortPage => keep < size,
        };
        self.stop = if exhausted {
            Some(PageStop::Exhausted)
        } else if self.end.is_some_and(|end| position >= end) {
            Some(PageStop::MaxRecords)
        } else if position == u64::MAX {
            return Err(PageError::Overflow { offset: position });
        } else {
            None
        };
        // `keep <= size <= usize` records of a page that held `returned`.
        let keep = usize::try_from(keep).unwrap_or(seen.returned);
        Ok(PageStep::new(keep, self.stop))
    }
}
