//! OmniQ's result window: reading more than 10,000 matches by splitting
//! the query into disjoint `createdAt` windows (no I/O).

use chrono::{DateTime, TimeDelta, Utc};
use serde::{Deserialize, Serialize};

use crate::omniq::{FilterValue, OmniqRequest, CREATED_AT};

/// A `createdAt` range, both ends inclusive, at millisecond precision (the
/// documentation's `"to": "...23:59:59.999Z"`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct CreatedAtWindow {
    /// The first instant inside.
    pub from: DateTime<Utc>,
    /// The last instant inside.
    pub to: DateTime<Utc>,
}

impl CreatedAtWindow {
    /// The two halves of the window, earlier first: the first ends where
    /// the second starts minus 1 ms, so together they hold exactly the
    /// instants the window holds. `None` when the window is a single
    /// millisecond, which cannot be split.
    pub fn split(&self) -> Option<(CreatedAtWindow, CreatedAtWindow)> {
        let millis = (self.to - self.from).num_milliseconds();
        if millis < 1 {
            return None;
        }
        let end_of_first = self.from + TimeDelta::milliseconds(millis / 2);
        let start_of_second = end_of_first + TimeDelta::milliseconds(1);
        Some((
            CreatedAtWindow { from: self.from, to: end_of_first },
            CreatedAtWindow { from: start_of_second, to: self.to },
        ))
    }

    /// The window as a `filterBy` range: `{"from": ..., "to": ...}`.
    pub fn filter_value(&self) -> FilterValue<'static> {
        FilterValue::Range { from: Some(self.from), to: Some(self.to) }
    }

    /// The window a `filterBy` `createdAt` value allows: a range's bounds,
    /// with an absent end filled from `outer` (`from` the earliest instant
    /// to read, `to` the latest, usually the instant the fetch started).
    /// `None` for an exact instant, which cannot be split, or a value that
    /// is not an instant.
    pub fn of_filter(value: Option<FilterValue<'_>>, outer: CreatedAtWindow) -> Option<CreatedAtWindow> {
        match value {
            None => Some(outer),
            Some(FilterValue::Range { from, to }) => {
                Some(CreatedAtWindow { from: from.unwrap_or(outer.from), to: to.unwrap_or(outer.to) })
            }
            Some(_) => None,
        }
    }
}

impl OmniqRequest {
    /// The same filter within `window` only: its `createdAt` is the
    /// window's range (a window comes from the filter's own range, see
    /// [`CreatedAtWindow::of_filter`], so this narrows it).
    pub fn within(mut self, window: &CreatedAtWindow) -> Self {
        self.filter_mut().insert(CREATED_AT, window.filter_value());
        self
    }
}

/// The windows still to read, in `createdAt` order.
///
/// Start from the query's own range; when a window holds more than
/// [`OMNIQ_RESULT_WINDOW`](crate::OMNIQ_RESULT_WINDOW) results (its first page says `gte`, or the
/// server refuses a page past the limit), [`CreatedAtWindows::split_current`]
/// replaces it by its two halves, to be read from position 0. Windows are
/// disjoint and cover the starting range, so reading each one whole reads
/// every result once.
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use ringq::{CreatedAtWindow, CreatedAtWindows};
///
/// let year = CreatedAtWindow {
///     from: Utc.with_ymd_and_hms(2025, 1, 1, 0, 0, 0).unwrap(),
///     to: Utc.with_ymd_and_hms(2025, 12, 31, 23, 59, 59).unwrap(),
/// };
/// let mut windows = CreatedAtWindows::new(year);
/// assert!(windows.split_current()); // the first page said "gte"
/// let first = windows.current().expect("a window");
/// assert_eq!(first.from, year.from);
/// windows.finish_current();
/// let second = windows.current().expect("a window");
/// assert_eq!(second.from - first.to, chrono::TimeDelta::milliseconds(1));
/// assert_eq!(second.to, year.to);
/// windows.finish_current();
/// assert_eq!(windows.current(), None);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreatedAtWindows {
    /// The windows left, the next one last.
    pending: Vec<CreatedAtWindow>,
}

impl CreatedAtWindows {
    /// One window to read: `whole`.
    pub fn new(whole: CreatedAtWindow) -> Self {
        CreatedAtWindows { pending: vec![whole] }
    }

    /// The window to read now; `None` when every window has been read.
    pub fn current(&self) -> Option<CreatedAtWindow> {
        self.pending.last().copied()
    }

    /// Replaces the current window by its halves, the earlier one current.
    /// `false` (nothing changes) when the window is one millisecond or
    /// there is none: more than 10,000 results share one instant, which no
    /// `createdAt` filter can separate.
    pub fn split_current(&mut self) -> bool {
        let Some((first, second)) = self.current().and_then(|w| w.split()) else { return false };
        self.pending.pop();
        self.pending.push(second);
        self.pending.push(first);
        true
    }

    /// The current window has been read whole; the next one becomes
    /// current.
    pub fn finish_current(&mut self) {
        self.pending.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use proptest::prelude::*;

    fn at(ms: i64) -> DateTime<Utc> {
        Utc.timestamp_millis_opt(ms).single().unwrap_or_default()
    }

    proptest! {
        /// However often windows are split, reading them in turn covers
        /// every millisecond of the start exactly once, in order.
        #[test]
        fn splits_cover_the_range_once_in_order(start in 0i64..1_000_000, len in 0i64..5_000, splits in proptest::collection::vec(any::<bool>(), 0..40)) {
            let whole = CreatedAtWindow { from: at(start), to: at(start + len) };
            let mut windows = CreatedAtWindows::new(whole);
            let mut read = Vec::new();
            for split in splits {
                if split && windows.split_current() {
                    continue;
                }
                match windows.current() {
                    Some(w) => { read.push(w); windows.finish_current(); }
                    None => break,
                }
            }
            while let Some(w) = windows.current() {
                read.push(w);
                windows.finish_current();
            }
            prop_assert_eq!(read.first().map(|w| w.from), Some(whole.from));
            prop_assert_eq!(read.last().map(|w| w.to), Some(whole.to));
            for pair in read.windows(2) {
                prop_assert_eq!(pair[1].from - pair[0].to, TimeDelta::milliseconds(1));
            }
            prop_assert!(read.iter().all(|w| w.from <= w.to));
        }
    }

    #[test]
    fn one_millisecond_does_not_split() {
        let mut windows = CreatedAtWindows::new(CreatedAtWindow { from: at(5), to: at(5) });
        assert!(!windows.split_current());
        assert_eq!(windows.current(), Some(CreatedAtWindow { from: at(5), to: at(5) }));
    }

    #[test]
    fn a_filter_range_fills_its_open_end() {
        let outer = CreatedAtWindow { from: at(0), to: at(10_000) };
        let value = FilterValue::Range { from: Some(at(1000)), to: None };
        assert_eq!(
            CreatedAtWindow::of_filter(Some(value), outer),
            Some(CreatedAtWindow { from: at(1000), to: at(10_000) })
        );
        assert_eq!(CreatedAtWindow::of_filter(None, outer), Some(outer));
        assert_eq!(CreatedAtWindow::of_filter(Some(FilterValue::At(at(1000))), outer), None);
        assert_eq!(CreatedAtWindow::of_filter(Some(FilterValue::Text("yesterday")), outer), None);
        let window = CreatedAtWindow { from: at(1000), to: at(2000) };
        assert_eq!(CreatedAtWindow::of_filter(Some(window.filter_value()), outer), Some(window));
        assert_eq!(
            serde_json::to_value(window.filter_value()).ok(),
            Some(serde_json::json!({"from": "1970-01-01T00:00:01.000Z", "to": "1970-01-01T00:00:02.000Z"}))
        );
    }
}
