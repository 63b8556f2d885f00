//! Business time: opening hours, holidays, and counting business time.
//!
//! A [`BusinessCalendar`] is a zone, a weekly schedule (any number of
//! opening intervals per weekday, in local wall-clock time) and holiday
//! dates. It answers `N business hours|minutes|days ago|from now`:
//!
//! - **hours and minutes** ago: the latest instant `t <= now` such that the
//!   business time inside `[t, now]` is N; from now: the earliest `t >= now`
//!   such that the business time inside `[now, t]` is N. Business time is
//!   real elapsed time inside opening intervals, so on a DST change day an
//!   interval of 09:00–17:00 is still 8 hours, and an interval that a
//!   change shortens counts what it really lasts.
//! - **days**: N working days back or forward from now's local date,
//!   keeping now's local time of day. A working day is a date that is not a
//!   holiday and on which at least one interval opens.
//!
//! Intervals are local wall-clock times. One whose end is not after its
//! start (`22:00`–`06:00`) runs past midnight and belongs to the day it
//! opens on; `24:00` is accepted as an end. A holiday closes the intervals
//! that open on that date. A local time that a spring-forward change skips
//! is moved forward by the gap; one that a fall-back change repeats is the
//! earlier one (the same rule as for dates, see `grammar.md`).
//!
//! Counting never walks minute by minute: it steps interval by interval,
//! and jumps whole weeks when a week holds no holiday and no offset change,
//! so `10000 business hours ago` costs a few hundred steps.

mod calendar;
mod shift;

use std::collections::BTreeSet;

use chrono::{NaiveDate, Weekday};
use chrono_tz::Tz;

pub use calendar::{BusinessCalendarBuilder, CalendarError};

/// A business calendar: a zone, a weekly schedule and holidays.
///
/// ```
/// use chrono::{NaiveDate, TimeZone, Utc, Weekday};
/// use ringq::{BusinessCalendar, BusinessUnit};
/// use ringq::Direction;
///
/// let calendar = BusinessCalendar::builder()
///     .zone(chrono_tz::Europe::Paris)
///     .weekdays("09:00", "12:00")
///     .weekdays("13:00", "17:00")
///     .holiday(NaiveDate::from_ymd_opt(2026, 12, 25).unwrap())
///     .build()?;
/// // Monday 30 November 2026, 10:00 in Paris.
/// let now = Utc.with_ymd_and_hms(2026, 11, 30, 9, 0, 0).unwrap();
/// let t = calendar.shift(now, 3, BusinessUnit::Hour, Direction::Past, chrono_tz::UTC)?;
/// // One hour this morning, two on Friday afternoon (15:00-17:00 Paris).
/// assert_eq!(t, Utc.with_ymd_and_hms(2026, 11, 27, 14, 0, 0).unwrap());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BusinessCalendar {
    /// `None`: the zone of the date context.
    zone: Option<Tz>,
    /// Opening intervals by weekday (Monday first), sorted, not overlapping.
    week: [Vec<Opening>; 7],
    holidays: BTreeSet<NaiveDate>,
}

/// One opening interval, in minutes after the local midnight of the day it
/// opens on; `end` may be up to a day after `start` (past midnight).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Opening {
    start: u32,
    end: u32,
}

/// The unit of a business-time amount.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum BusinessUnit {
    /// Business minutes.
    Minute,
    /// Business hours.
    Hour,
    /// Working days.
    Day,
}

impl Default for BusinessCalendar {
    /// Monday to Friday, 09:00–17:00, in the zone of the date context, no
    /// holidays.
    fn default() -> Self {
        let day = vec![Opening { start: 9 * 60, end: 17 * 60 }];
        BusinessCalendar {
            zone: None,
            week: [day.clone(), day.clone(), day.clone(), day.clone(), day, Vec::new(), Vec::new()],
            holidays: BTreeSet::new(),
        }
    }
}

impl BusinessCalendar {
    /// A builder that starts from an empty week, no zone and no holidays.
    pub fn builder() -> BusinessCalendarBuilder {
        BusinessCalendarBuilder::default()
    }

    /// The calendar's own zone, if it has one.
    pub fn zone(&self) -> Option<Tz> {
        self.zone
    }

    /// The opening intervals of `weekday`, as local `(start, end)` times
    /// `"HH:MM"`; an end not after its start is on the next day.
    pub fn openings(&self, weekday: Weekday) -> Vec<(String, String)> {
        self.day(weekday).iter().map(|o| (calendar::clock(o.start), calendar::clock(o.end % (24 * 60)))).collect()
    }

    /// The holidays, in order.
    pub fn holidays(&self) -> impl Iterator<Item = NaiveDate> + '_ {
        self.holidays.iter().copied()
    }

    fn day(&self, weekday: Weekday) -> &[Opening] {
        self.week.get(weekday.num_days_from_monday() as usize).map_or(&[], Vec::as_slice)
    }

    /// The intervals that open on `date` (none on a holiday).
    fn openings_on(&self, date: NaiveDate) -> &[Opening] {
        if self.holidays.contains(&date) {
            &[]
        } else {
            use chrono::Datelike;
            self.day(date.weekday())
        }
    }
}
