//! Ruby's `Time` in one zone, as Chronic uses it: instants are whole UTC
//! seconds, and local times are built with `Time.local`'s own rules.
//!
//! - `Time.local(y, m, d, h, mi, s)` takes a day of 1–31 whatever the
//!   month and carries a day past the month's end into the next month
//!   (`feb 30` is March 2), takes hour 24 as the next day's 00:00, and
//!   raises for anything else out of range.
//! - A wall time in a spring-forward gap moves forward by the gap
//!   (02:30 is 03:30); one that happens twice is the later (standard time),
//!   as Ruby picks it.
//! - `Chronic.construct` first carries seconds, minutes, hours and days
//!   upwards, then calls `Time.local`.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, Offset, TimeZone, Timelike, Utc};
use chrono_tz::Tz;

/// Ruby raised (`ArgumentError` and friends): Chronic's `parse` raises with
/// it, so the date has no answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Raised;

pub(crate) type Ruby<T> = Result<T, Raised>;

/// A zone and the clock reading of instants in it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Clock {
    pub(crate) tz: Tz,
}

/// The local fields of an instant.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Fields {
    pub(crate) year: i64,
    pub(crate) month: i64,
    pub(crate) day: i64,
    pub(crate) hour: i64,
    pub(crate) min: i64,
    pub(crate) sec: i64,
    /// 0 for Sunday.
    pub(crate) wday: i64,
}

/// The largest year Chronic's arithmetic is followed to; beyond it the
/// answer is "raised" rather than a date no filter can use.
const MAX_YEAR: i64 = 200_000;

impl Clock {
    pub(crate) fn fields(&self, t: i64) -> Ruby<Fields> {
        let local = chrono::DateTime::<Utc>::from_timestamp(t, 0).ok_or(Raised)?.naive_utc()
            + Duration::seconds(self.offset(t)?);
        Ok(Fields {
            year: i64::from(local.year()),
            month: i64::from(local.month()),
            day: i64::from(local.day()),
            hour: i64::from(local.hour()),
            min: i64::from(local.minute()),
            sec: i64::from(local.second()),
            wday: i64::from(local.weekday().num_days_from_sunday()),
        })
    }

    /// The UTC offset in seconds at `t` (`Time#gmt_offset`).
    pub(crate) fn offset(&self, t: i64) -> Ruby<i64> {
        if self.tz == Tz::UTC {
            return Ok(0);
        }
        let utc = chrono::DateTime::<Utc>::from_timestamp(t, 0).ok_or(Raised)?.naive_utc();
        let utc = same_calendar(utc);
        Ok(i64::from(self.tz.offset_from_utc_datetime(&utc).fix().local_minus_utc()))
    }

    /// `Time.local(year, month, day, hour, min, sec)`.
    pub(crate) fn local(&self, year: i64, month: i64, day: i64, hour: i64, min: i64, sec: i64) -> Ruby<i64> {
        if !(1..=12).contains(&month)
            || !(1..=31).contains(&day)
            || !(0..=24).contains(&hour)
            || !(0..=59).contains(&min)
            || !(0..=60).contains(&sec)
            || (hour == 24 && (min > 0 || sec > 0))
            || year.abs() > MAX_YEAR
        {
            return Err(Raised);
        }
        let year = i32::try_from(year).map_err(|_| Raised)?;
        let first = NaiveDate::from_ymd_opt(year, month as u32, 1).ok_or(Raised)?;
        let date = first.checked_add_signed(Duration::days(day - 1)).ok_or(Raised)?;
        let naive = date.and_hms_opt(0, 0, 0).ok_or(Raised)? + Duration::seconds(hour * 3600 + min * 60 + sec);
        self.instant(naive)
    }

    /// The instant of the wall time `naive`, by Ruby's rules for gaps and
    /// repeated hours.
    fn instant(&self, naive: NaiveDateTime) -> Ruby<i64> {
        if self.tz == Tz::UTC {
            return Ok(naive.and_utc().timestamp());
        }
        let wall = same_calendar(naive);
        let offset = match self.tz.from_local_datetime(&wall).latest() {
            Some(t) => i64::from(t.offset().fix().local_minus_utc()),
            None => {
                // In a gap: read the wall time with the offset in force before it.
                let before = (1..=26)
                    .find_map(|h| {
                        let probe = wall.checked_sub_signed(Duration::hours(h))?;
                        self.tz.from_local_datetime(&probe).latest()
                    })
                    .ok_or(Raised)?;
                i64::from(before.offset().fix().local_minus_utc())
            }
        };
        Ok(naive.and_utc().timestamp() - offset)
    }

    /// `Chronic.construct(year, month, day, hour, min, sec)`.
    pub(crate) fn construct(&self, year: i64, month: i64, day: i64, hour: i64, min: i64, sec: i64) -> Ruby<i64> {
        let (mut year, mut month, mut day, mut hour, mut min, mut sec) = (year, month, day, hour, min, sec);
        if sec >= 60 {
            min += sec / 60;
            sec %= 60;
        }
        if min >= 60 {
            hour += min / 60;
            min %= 60;
        }
        if hour >= 24 {
            day += hour / 24;
            hour %= 24;
        }
        if day > 56 {
            return Err(Raised);
        }
        if day > 28 {
            let days = month_days(year, month).ok_or(Raised)?;
            if day > days {
                month += day / days;
                day %= days;
            }
        }
        if month > 12 {
            if month % 12 == 0 {
                year += (month - 12) / 12;
                month = 12;
            } else {
                year += month / 12;
                month %= 12;
            }
        }
        self.local(year, month, day, hour, min, sec)
    }
}

/// The last year the zone database lists transitions for; later years
/// follow its last rules, as Ruby (through the system's POSIX rule) does.
const LAST_LISTED_YEAR: i32 = 2037;

/// `t` moved to a listed year with the same calendar (leap or not, and the
/// same weekday on January 1st), where the zone's rules give the offset
/// they give in `t`'s year: 2010–2037 holds every one of the 14 calendars.
fn same_calendar(t: NaiveDateTime) -> NaiveDateTime {
    if t.year() <= LAST_LISTED_YEAR {
        return t;
    }
    let calendar = |y: i32| (is_leap(i64::from(y)), NaiveDate::from_ymd_opt(y, 1, 1).map(|d| d.weekday()));
    let wanted = calendar(t.year());
    (2010..=LAST_LISTED_YEAR).find(|y| calendar(*y) == wanted).and_then(|y| t.with_year(y)).unwrap_or(t)
}

pub(crate) fn is_leap(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days in `month` of `year`; `None` for a month that is not 1–12.
pub(crate) fn month_days(year: i64, month: i64) -> Option<i64> {
    const DAYS: [i64; 12] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    let index = usize::try_from(month.checked_sub(1)?).ok()?;
    let days = *DAYS.get(index)?;
    Some(if month == 2 && is_leap(year) { 29 } else { days })
}

/// Chronic's `month_overflow?`: whether `day` is past the month's end.
pub(crate) fn month_overflow(year: i64, month: i64, day: i64) -> bool {
    month_days(year, month).is_some_and(|days| day > days)
}
