//! Date keywords as the bounds of a range (which keyword bounds which
//! range, and at which end, is the catalogue's [`crate::DateBound`]),
//! narrowed to the tightest: one rule for every place that needs it. Validation uses it to warn that
//! `first_content_after:X first_content_before:Y` leaves no instant; the
//! OmniQ compiler to build `{"from", "to"}` and refuse an empty range.

use chrono::{DateTime, TimeDelta, Utc};

use crate::catalog::BoundSide;
use crate::dates::DateSpan;

/// The narrowed range of a field: each end with the term that set it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Range {
    pub(crate) from: Option<(usize, DateTime<Utc>)>,
    pub(crate) to: Option<(usize, DateTime<Utc>)>,
}

impl Range {
    /// Whether no bound is set (not whether no instant is inside).
    pub(crate) fn is_empty(&self) -> bool {
        self.from.is_none() && self.to.is_none()
    }

    /// The term of the bound that excludes `at`, if one does.
    pub(crate) fn excluding(&self, at: DateTime<Utc>) -> Option<usize> {
        match (self.from, self.to) {
            (Some((term, from)), _) if at < from => Some(term),
            (_, Some((term, to))) if at > to => Some(term),
            _ => None,
        }
    }

    /// The terms that set the bounds.
    pub(crate) fn terms(&self) -> Vec<usize> {
        self.from.iter().chain(self.to.iter()).map(|(term, _)| *term).collect()
    }
}

/// The bound a resolved date gives: `from` is its start (inclusive), `to`
/// one millisecond before its start (the documentation's `23:59:59.999`).
/// `None` only at the very start of representable time.
pub(crate) fn bound(side: BoundSide, span: DateSpan) -> Option<DateTime<Utc>> {
    match side {
        BoundSide::Lower => Some(span.start),
        BoundSide::Upper => span.start.checked_sub_signed(TimeDelta::milliseconds(1)),
    }
}

/// One bound: the term that gives it, which end, and the instant.
pub(crate) type Bound = (usize, BoundSide, DateTime<Utc>);

/// Narrows bounds `(term, side, instant)` to the tightest range: the
/// latest `from`, the earliest `to` (the first term on ties). An empty
/// range is `Err((from term, to term))`.
pub(crate) fn narrow(bounds: impl IntoIterator<Item = Bound>) -> Result<Range, (usize, usize)> {
    let mut range = Range::default();
    for bound in bounds {
        range.narrow(bound);
    }
    range.checked()
}

impl Range {
    /// Narrows the range by one more bound.
    pub(crate) fn narrow(&mut self, (term, side, at): Bound) {
        match side {
            BoundSide::Lower if self.from.is_none_or(|(_, from)| at > from) => self.from = Some((term, at)),
            BoundSide::Upper if self.to.is_none_or(|(_, to)| at < to) => self.to = Some((term, at)),
            _ => {}
        }
    }

    /// The range, or `Err((from term, to term))` when no instant is in it.
    pub(crate) fn checked(self) -> Result<Range, (usize, usize)> {
        match (self.from, self.to) {
            (Some((from_term, from)), Some((to_term, to))) if from > to => Err((from_term, to_term)),
            _ => Ok(self),
        }
    }
}
