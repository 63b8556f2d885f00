//! Counting business time: interval by interval, whole weeks at a time
//! where nothing differs from the schedule.

use chrono::{DateTime, Datelike, Days, Duration, NaiveDate, NaiveTime, Offset, TimeZone, Utc};
use chrono_tz::Tz;

use super::{BusinessCalendar, BusinessUnit, Opening};
use crate::dates::local::{local, to_utc};
use crate::dates::DateError;
use crate::dates::Direction;
use crate::span::Span;

/// More weeks than the years 1 to 9999 hold: an amount that needs more is
/// out of range before any counting.
const MAX_WEEKS: u64 = 530_000;

impl BusinessCalendar {
    /// The instant `amount` units of business time before (`Past`, "ago")
    /// or after (`Future`, "from now") `now`, as the module documentation
    /// defines it. `fallback_zone` is used when the calendar has no zone of
    /// its own (the date context's zone). A result outside the years 1 to
    /// 9999 is an error (with an empty span: there is no expression).
    pub fn shift(
        &self,
        now: DateTime<Utc>,
        amount: u64,
        unit: BusinessUnit,
        direction: Direction,
        fallback_zone: Tz,
    ) -> Result<DateTime<Utc>, DateError> {
        let out_of_range = || {
            let unit = match unit {
                BusinessUnit::Minute => "minutes",
                BusinessUnit::Hour => "hours",
                BusinessUnit::Day => "days",
            };
            DateError {
                span: Span::default(),
                message: format!(
                    "{amount} business {unit} is out of range: the result would fall outside the years 1 to 9999"
                ),
                hint: None,
                ringcx: false,
                fix: None,
            }
        };
        if amount == 0 {
            return Ok(now);
        }
        let tz = self.zone.unwrap_or(fallback_zone);
        let found = match unit {
            BusinessUnit::Minute | BusinessUnit::Hour => {
                let per = if unit == BusinessUnit::Minute { 60 } else { 3600 };
                let seconds = amount.checked_mul(per).and_then(|s| i64::try_from(s).ok());
                seconds.and_then(Duration::try_seconds).and_then(|d| self.count_time(now, d, direction, tz))
            }
            BusinessUnit::Day => self.count_days(now, amount, direction, tz),
        };
        found.filter(|t| (1..=9999).contains(&t.year())).ok_or_else(out_of_range)
    }

    /// The business time of a week that follows the schedule exactly.
    fn weekly(&self) -> Duration {
        let minutes: u32 = self.week.iter().flatten().map(|o| o.end - o.start).sum();
        Duration::minutes(i64::from(minutes))
    }

    /// The instants an interval opening on `date` starts and ends.
    fn interval(&self, date: NaiveDate, o: Opening, tz: Tz) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
        let midnight = date.and_time(NaiveTime::MIN);
        let start = to_utc(midnight.checked_add_signed(Duration::minutes(i64::from(o.start)))?, tz)?;
        let end = to_utc(midnight.checked_add_signed(Duration::minutes(i64::from(o.end)))?, tz)?;
        Some((start, end))
    }

    /// Whether the intervals opening on `first..=last` add up to exactly
    /// [`Self::weekly`]: no holiday among them, and one UTC offset from the
    /// first midnight to two days after the last (intervals may run past
    /// midnight).
    fn plain(&self, first: NaiveDate, last: NaiveDate, tz: Tz) -> bool {
        if self.holidays.range(first..=last).next().is_some() {
            return false;
        }
        let offset = |date: Option<NaiveDate>| {
            let t = to_utc(date?.and_time(NaiveTime::MIN), tz)?;
            Some(tz.offset_from_utc_datetime(&t.naive_utc()).fix().local_minus_utc())
        };
        let before = offset(Some(first));
        before.is_some() && before == offset(last.checked_add_days(Days::new(2)))
    }

    fn count_time(&self, now: DateTime<Utc>, amount: Duration, direction: Direction, tz: Tz) -> Option<DateTime<Utc>> {
        let weekly = self.weekly();
        let weeks = amount.num_seconds() / weekly.num_seconds().max(1);
        if u64::try_from(weeks).ok()? > MAX_WEEKS {
            return None;
        }
        let today = local(now, tz).date();
        let mut remaining = amount;
        match direction {
            Direction::Past => {
                // Tomorrow first: in a zone far from UTC an interval opening
                // "tomorrow" may already have begun.
                let mut date = today.checked_add_days(Days::new(1))?;
                loop {
                    let first = date.checked_sub_days(Days::new(6))?;
                    // A whole week entirely before now, not holding the answer.
                    if date.checked_add_days(Days::new(2))? <= today
                        && remaining > weekly
                        && self.plain(first, date, tz)
                    {
                        remaining = remaining.checked_sub(&weekly)?;
                        date = first.pred_opt()?;
                        continue;
                    }
                    for &o in self.openings_on(date).iter().rev() {
                        let (start, end) = self.interval(date, o, tz)?;
                        let end = end.min(now);
                        if end <= start {
                            continue;
                        }
                        let open = end - start;
                        if open >= remaining {
                            return end.checked_sub_signed(remaining);
                        }
                        remaining = remaining.checked_sub(&open)?;
                    }
                    date = date.pred_opt().filter(|d| d.year() >= 1)?;
                }
            }
            Direction::Future => {
                // Yesterday first: its last interval may run past midnight.
                let mut date = today.checked_sub_days(Days::new(1))?;
                loop {
                    let last = date.checked_add_days(Days::new(6))?;
                    if date > today && remaining > weekly && self.plain(date, last, tz) {
                        remaining = remaining.checked_sub(&weekly)?;
                        date = last.succ_opt()?;
                        continue;
                    }
                    for &o in self.openings_on(date) {
                        let (start, end) = self.interval(date, o, tz)?;
                        let start = start.max(now);
                        if end <= start {
                            continue;
                        }
                        let open = end - start;
                        if open >= remaining {
                            return start.checked_add_signed(remaining);
                        }
                        remaining = remaining.checked_sub(&open)?;
                    }
                    date = date.succ_opt().filter(|d| d.year() <= 9999)?;
                }
            }
        }
    }

    fn count_days(&self, now: DateTime<Utc>, amount: u64, direction: Direction, tz: Tz) -> Option<DateTime<Utc>> {
        let per_week = self.week.iter().filter(|day| !day.is_empty()).count() as u64;
        if amount / per_week.max(1) > MAX_WEEKS {
            return None;
        }
        let now_local = local(now, tz);
        let mut date = now_local.date();
        let mut left = amount;
        let step = |d: NaiveDate, n: u64| match direction {
            Direction::Past => d.checked_sub_days(Days::new(n)),
            Direction::Future => d.checked_add_days(Days::new(n)),
        };
        while left > 0 {
            if left > per_week {
                let (a, b) = (step(date, 1)?, step(date, 7)?);
                let (first, last) = if a <= b { (a, b) } else { (b, a) };
                if self.holidays.range(first..=last).next().is_none() {
                    left -= per_week;
                    date = b;
                    continue;
                }
            }
            date = step(date, 1).filter(|d| (1..=9999).contains(&d.year()))?;
            if !self.openings_on(date).is_empty() {
                left -= 1;
            }
        }
        to_utc(date.and_time(now_local.time()), tz)
    }
}
