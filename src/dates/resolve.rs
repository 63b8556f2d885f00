//! From a parsed expression to a span, against a context.
//!
//! Calendar arithmetic (days, weeks, months, clock times) happens on local
//! wall-clock values in the context's zone; only the final bounds are
//! mapped to UTC (see [`super::local`]). Amounts of seconds, minutes and
//! hours are real elapsed time, so `2 hours ago` is exactly 7200 s before
//! now even across a DST change, while `1 day ago` keeps the wall-clock time.
//!
//! Incomplete dates are completed by the context's preference:
//!
//! - a weekday (`friday`, `this friday`) is never today: the most recent one
//!   before today (`Past`) or the next one after today (`Future`); `last` and
//!   `next` always look back and forward;
//! - a month and day without a year (`dec 25`) is the latest such day on or
//!   before today, or the earliest on or after today;
//! - a month name (`march`) is the latest month starting on or before now,
//!   or the earliest month ending after now; `last march` and `next march`
//!   skip the current month;
//! - a clock time alone (`4pm`) is the latest such instant at or before now,
//!   or the earliest at or after now.

use chrono::{
    DateTime, Datelike, Days, Duration, Months, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Timelike, Utc, Weekday,
};

use super::ast::{Amount, Clock, Day, Expr, Modifier, MonthRef, Nth, Part, Tail, Target, Unit, Within, Year};
use super::grammar::impossible_date;
use super::local::{local, to_utc};
use super::{DateContext, DateError, DateSpan, Direction, Locale};
use crate::span::Span;

/// The earliest and latest years a resolved date may fall in: RFC 3339 and
/// both APIs write four-digit years.
const YEARS: std::ops::RangeInclusive<i32> = 1..=9999;

/// What resolution works with: the context, and the text's length to turn
/// grammar positions ([`Tail`]) into spans.
pub(crate) struct Resolver<'c> {
    ctx: &'c DateContext,
    len: usize,
    now: NaiveDateTime,
    today: NaiveDate,
}

type Res<T> = Result<T, DateError>;

impl<'c> Resolver<'c> {
    pub(crate) fn new(ctx: &'c DateContext, len: usize) -> Self {
        let now = local(ctx.now, ctx.tz);
        Resolver { ctx, len, now, today: now.date() }
    }

    /// The span of the whole expression.
    fn whole(&self) -> Span {
        Span::new(0, self.len)
    }

    fn span(&self, at: Tail) -> Span {
        let start = self.len.saturating_sub(at.start);
        let end = self.len.saturating_sub(at.end).max(start);
        Span::new(start, end)
    }

    fn error(&self, span: Span, message: impl Into<String>) -> DateError {
        DateError { span, message: message.into(), hint: None }
    }

    fn out_of_range(&self) -> DateError {
        DateError {
            span: self.whole(),
            message: "this date is out of range".into(),
            hint: Some("dates must fall between the years 1 and 9999".into()),
        }
    }

    fn past(&self) -> bool {
        self.ctx.prefer == Direction::Past
    }

    pub(crate) fn resolve(&self, expr: &Expr) -> Res<DateSpan> {
        let span = match *expr {
            Expr::Now => self.instant(self.ctx.now)?,
            Expr::Instant { date, time, offset_secs } => {
                let naive = self.naive(date.year, date.month, date.day, time)?;
                let utc = naive.checked_sub_signed(Duration::seconds(i64::from(offset_secs)));
                self.instant(Utc.from_utc_datetime(&utc.ok_or_else(|| self.out_of_range())?))?
            }
            Expr::Day { day, time: None } => {
                let date = self.day(day)?;
                self.days(date, 1)?
            }
            Expr::Day { day, time: Some(time) } => {
                let date = self.day(day)?;
                self.local_instant(date.and_time(clock(time)))?
            }
            Expr::Time(time) => self.time_alone(time)?,
            Expr::Shift { amount, dir, time } => self.shift(amount, dir, time)?,
            Expr::Business { amount, unit, dir } => {
                let t = self
                    .ctx
                    .calendar
                    .shift(self.ctx.now, amount, unit, dir, self.ctx.tz)
                    .map_err(|e| self.error(self.whole(), e.to_string()))?;
                self.instant(t)?
            }
            Expr::Grain { modifier, grain } => self.grain(modifier, grain)?,
            Expr::Month(month) => {
                let first = self.month(month)?;
                self.local_range(
                    first.and_time(NaiveTime::MIN),
                    add_months(first, 1).map(|d| d.and_time(NaiveTime::MIN)),
                )?
            }
            Expr::PartOfDay { day, part } => {
                let date = self.day(day)?;
                let (from, to) = part_hours(part);
                let start = date.and_time(NaiveTime::MIN) + Duration::hours(from);
                self.local_range(start, Some(date.and_time(NaiveTime::MIN) + Duration::hours(to)))?
            }
            Expr::Ordinal { nth, target, within, time, at } => self.ordinal(nth, target, within, time, at)?,
        };
        if !YEARS.contains(&span.start.year()) || !YEARS.contains(&span.end.year()) {
            return Err(self.out_of_range());
        }
        Ok(span)
    }

    // ------------------------------------------------------------ spans

    /// The one-second span starting at `t`.
    fn instant(&self, t: DateTime<Utc>) -> Res<DateSpan> {
        let end = t.checked_add_signed(Duration::seconds(1)).ok_or_else(|| self.out_of_range())?;
        Ok(DateSpan { start: t, end })
    }

    fn local_instant(&self, t: NaiveDateTime) -> Res<DateSpan> {
        self.instant(to_utc(t, self.ctx.tz).ok_or_else(|| self.out_of_range())?)
    }

    /// The local wall-clock range `[start, end)`; `None` means out of range.
    fn local_range(&self, start: NaiveDateTime, end: Option<NaiveDateTime>) -> Res<DateSpan> {
        let tz = self.ctx.tz;
        let start = to_utc(start, tz).ok_or_else(|| self.out_of_range())?;
        let end = end.and_then(|e| to_utc(e, tz)).ok_or_else(|| self.out_of_range())?;
        if end <= start {
            // Only possible when a zone skips a whole day or more; keep the
            // span non-empty.
            return self.instant(start);
        }
        Ok(DateSpan { start, end })
    }

    /// `n` whole local days from `first`.
    fn days(&self, first: NaiveDate, n: u64) -> Res<DateSpan> {
        let end = first.checked_add_days(Days::new(n)).map(|d| d.and_time(NaiveTime::MIN));
        self.local_range(first.and_time(NaiveTime::MIN), end)
    }

    fn naive(&self, year: i32, month: u32, day: u32, time: Clock) -> Res<NaiveDateTime> {
        NaiveDate::from_ymd_opt(year, month, day)
            .map(|d| d.and_time(clock(time)))
            .ok_or_else(|| self.error(self.whole(), impossible_date(Some(year), month, day)))
    }

    // ------------------------------------------------------------ days

    /// The local date a [`Day`] names.
    fn day(&self, day: Day) -> Res<NaiveDate> {
        let today = self.today;
        match day {
            Day::Today => Ok(today),
            Day::Yesterday => today.pred_opt().ok_or_else(|| self.out_of_range()),
            Day::Tomorrow => today.succ_opt().ok_or_else(|| self.out_of_range()),
            Day::Weekday { modifier, weekday } => {
                let back = match modifier {
                    Some(Modifier::Last) => true,
                    Some(Modifier::Next) => false,
                    Some(Modifier::This) | None => self.past(),
                };
                self.weekday(weekday, back)
            }
            Day::Date { year, month, day, at } => self.month_day(year, month, day, at),
            Day::Numeric { first, second, year, at } => {
                let (month, day) = self.numeric_order(first, second, year);
                self.month_day(year, month, day, at)
            }
        }
    }

    /// The weekday before today (`back`) or after today, never today.
    fn weekday(&self, weekday: Weekday, back: bool) -> Res<NaiveDate> {
        let today = self.today.weekday().num_days_from_sunday();
        let wanted = weekday.num_days_from_sunday();
        let date = if back {
            let n = (today + 7 - wanted) % 7;
            self.today.checked_sub_days(Days::new(u64::from(if n == 0 { 7 } else { n })))
        } else {
            let n = (wanted + 7 - today) % 7;
            self.today.checked_add_days(Days::new(u64::from(if n == 0 { 7 } else { n })))
        };
        date.ok_or_else(|| self.out_of_range())
    }

    /// Which of `a/b` is the month: the locale's reading when it is a date,
    /// else the other one (the grammar checked that one of them is).
    fn numeric_order(&self, first: u32, second: u32, year: Option<Year>) -> (u32, u32) {
        let preferred = match self.ctx.locale {
            Locale::En => (first, second),
            Locale::Fr => (second, first),
        };
        let year = year.map(|y| self.full_year(y));
        if super::grammar::plausible(year, preferred.0, preferred.1) {
            preferred
        } else {
            (preferred.1, preferred.0)
        }
    }

    /// A two-digit year is the one within 50 years before and 49 after now,
    /// as Chronic does (relative to the context, not the machine's clock).
    fn full_year(&self, year: Year) -> i32 {
        match year {
            Year::Full(y) => y,
            Year::Short(yy) => {
                let start = self.today.year() - 50;
                let century = start.div_euclid(100) * 100;
                let y = century + yy as i32;
                if y < start {
                    y + 100
                } else {
                    y
                }
            }
        }
    }

    /// A month and day, in the given year or completed by the preference.
    fn month_day(&self, year: Option<Year>, month: u32, day: u32, at: Tail) -> Res<NaiveDate> {
        if let Some(year) = year {
            let year = self.full_year(year);
            return NaiveDate::from_ymd_opt(year, month, day)
                .ok_or_else(|| self.error(self.span(at), impossible_date(Some(year), month, day)));
        }
        // The latest such day on or before today, or the earliest on or
        // after; February 29 may be up to eight years away.
        let this_year = self.today.year();
        for k in 0..=8 {
            let y = if self.past() { this_year - k } else { this_year + k };
            if let Some(d) = NaiveDate::from_ymd_opt(y, month, day) {
                if (self.past() && d <= self.today) || (!self.past() && d >= self.today) {
                    return Ok(d);
                }
            }
        }
        Err(self.error(self.span(at), impossible_date(None, month, day)))
    }

    /// A clock time alone: the latest such instant at or before now, or the
    /// earliest at or after.
    fn time_alone(&self, time: Clock) -> Res<DateSpan> {
        let today = self.today.and_time(clock(time));
        let date = if self.past() && today > self.now {
            today.date().pred_opt()
        } else if !self.past() && today < self.now {
            today.date().succ_opt()
        } else {
            Some(today.date())
        };
        self.local_instant(date.ok_or_else(|| self.out_of_range())?.and_time(clock(time)))
    }

    // ------------------------------------------------------------ amounts

    fn shift(&self, amount: Amount, dir: Direction, time: Option<Clock>) -> Res<DateSpan> {
        let too_far = || DateError {
            span: self.span(amount.at),
            message: "this amount of time is out of range".into(),
            hint: Some("dates must fall between the years 1 and 9999".into()),
        };
        let count = amount.count;
        let signed = |n: u64| -> Res<i64> {
            let n = i64::try_from(n).map_err(|_| too_far())?;
            Ok(if dir == Direction::Past { -n } else { n })
        };
        let elapsed = |secs_per: i64| -> Res<DateSpan> {
            let secs = signed(count)?.checked_mul(secs_per).ok_or_else(too_far)?;
            let d = Duration::try_seconds(secs).ok_or_else(too_far)?;
            let t = self.ctx.now.checked_add_signed(d).ok_or_else(too_far)?;
            self.instant(t)
        };
        let span = match amount.unit {
            Unit::Second => elapsed(1),
            Unit::Minute => elapsed(60),
            Unit::Hour => elapsed(3600),
            Unit::Day | Unit::Week => {
                let days = if amount.unit == Unit::Week { count.checked_mul(7).ok_or_else(too_far)? } else { count };
                let t = match dir {
                    Direction::Past => self.now.checked_sub_days(Days::new(days)),
                    Direction::Future => self.now.checked_add_days(Days::new(days)),
                };
                self.local_instant(t.ok_or_else(too_far)?)
            }
            Unit::Month | Unit::Year => {
                let months = if amount.unit == Unit::Year { count.checked_mul(12).ok_or_else(too_far)? } else { count };
                let months = Months::new(u32::try_from(months).map_err(|_| too_far())?);
                let t = match dir {
                    Direction::Past => self.now.checked_sub_months(months),
                    Direction::Future => self.now.checked_add_months(months),
                };
                self.local_instant(t.ok_or_else(too_far)?)
            }
        }?;
        match time {
            None => Ok(span),
            Some(time) => {
                let date = local(span.start, self.ctx.tz).date();
                self.local_instant(date.and_time(clock(time)))
            }
        }
    }

    // ------------------------------------------------------------ units

    /// The local start of the `grain` containing now.
    fn grain_start(&self, grain: Unit) -> Option<NaiveDateTime> {
        let now = self.now;
        let day = now.date();
        Some(match grain {
            Unit::Second => now.with_nanosecond(0)?,
            Unit::Minute => day.and_hms_opt(now.hour(), now.minute(), 0)?,
            Unit::Hour => day.and_hms_opt(now.hour(), 0, 0)?,
            Unit::Day => day.and_time(NaiveTime::MIN),
            Unit::Week => week_start(day)?.and_time(NaiveTime::MIN),
            Unit::Month => day.with_day(1)?.and_time(NaiveTime::MIN),
            Unit::Year => NaiveDate::from_ymd_opt(day.year(), 1, 1)?.and_time(NaiveTime::MIN),
        })
    }

    /// `last|this|next <grain>`: a whole unit. Units of a day and more are
    /// local calendar units; seconds, minutes and hours are elapsed time
    /// from the local start of the current one.
    fn grain(&self, modifier: Modifier, grain: Unit) -> Res<DateSpan> {
        let step: i64 = match modifier {
            Modifier::Last => -1,
            Modifier::This => 0,
            Modifier::Next => 1,
        };
        let start = self.grain_start(grain).ok_or_else(|| self.out_of_range())?;
        match grain {
            Unit::Second | Unit::Minute | Unit::Hour => {
                let len = match grain {
                    Unit::Second => Duration::seconds(1),
                    Unit::Minute => Duration::minutes(1),
                    _ => Duration::hours(1),
                };
                let start = if grain == Unit::Second { self.ctx.now } else { self.utc(start)? };
                let start = start.checked_add_signed(len * step as i32).ok_or_else(|| self.out_of_range())?;
                let end = start.checked_add_signed(len).ok_or_else(|| self.out_of_range())?;
                Ok(DateSpan { start, end })
            }
            Unit::Day | Unit::Week => {
                let days = if grain == Unit::Week { 7 } else { 1 };
                let first = shift_days(start.date(), step * days).ok_or_else(|| self.out_of_range())?;
                self.days(first, days as u64)
            }
            Unit::Month | Unit::Year => {
                let months = if grain == Unit::Year { 12 } else { 1 };
                let first = shift_months(start.date(), step * months).ok_or_else(|| self.out_of_range())?;
                self.local_range(
                    first.and_time(NaiveTime::MIN),
                    add_months(first, months as u32).map(|d| d.and_time(NaiveTime::MIN)),
                )
            }
        }
    }

    fn utc(&self, t: NaiveDateTime) -> Res<DateTime<Utc>> {
        to_utc(t, self.ctx.tz).ok_or_else(|| self.out_of_range())
    }

    /// The first day of the month a [`MonthRef`] names.
    fn month(&self, m: MonthRef) -> Res<NaiveDate> {
        let first = |y: i32| NaiveDate::from_ymd_opt(y, m.month, 1).ok_or_else(|| self.out_of_range());
        if let Some(year) = m.year {
            return first(self.full_year(year));
        }
        let year = self.today.year();
        let current = self.today.month();
        let this_year = first(year)?;
        let back = || if m.month <= current { first(year) } else { first(year - 1) };
        let ahead = || if m.month >= current { first(year) } else { first(year + 1) };
        match m.modifier {
            Some(Modifier::Last) => {
                if m.month < current {
                    Ok(this_year)
                } else {
                    first(year - 1)
                }
            }
            Some(Modifier::Next) => {
                if m.month > current {
                    Ok(this_year)
                } else {
                    first(year + 1)
                }
            }
            Some(Modifier::This) | None => {
                if self.past() {
                    back()
                } else {
                    ahead()
                }
            }
        }
    }

    // ------------------------------------------------------------ ordinals

    fn ordinal(&self, nth: Nth, target: Target, within: Within, time: Option<Clock>, at: Tail) -> Res<DateSpan> {
        // The period counted in, as local dates [first, end).
        let (first, end, inside) = match within {
            Within::Month(m) => {
                let first = self.month(m)?;
                (first, add_months(first, 1).ok_or_else(|| self.out_of_range())?, Unit::Month)
            }
            Within::Grain { modifier, grain } => {
                let span = self.grain(modifier, grain)?;
                let first = local(span.start, self.ctx.tz).date();
                let end = match grain {
                    Unit::Week => first.checked_add_days(Days::new(7)),
                    Unit::Month => add_months(first, 1),
                    _ => add_months(first, 12),
                };
                (first, end.ok_or_else(|| self.out_of_range())?, grain)
            }
        };
        let missing = |what: &str| {
            let which = match nth {
                Nth::Number(n) => ordinal_name(n),
                Nth::Last => "last".to_owned(),
            };
            self.error(self.span(at), format!("there is no {which} {what} in that {}", unit_name(inside)))
        };
        let (day, len_days) = match target {
            Target::Weekday(w) => {
                let days: Vec<NaiveDate> =
                    first.iter_days().take_while(|d| *d < end).filter(|d| d.weekday() == w).collect();
                let name = weekday_name(w);
                (pick(&days, nth).ok_or_else(|| missing(name))?, 1)
            }
            Target::Unit(Unit::Day) => {
                let days: Vec<NaiveDate> = first.iter_days().take_while(|d| *d < end).collect();
                (pick(&days, nth).ok_or_else(|| missing("day"))?, 1)
            }
            Target::Unit(Unit::Week) if inside != Unit::Week => {
                // Weeks start on Sunday; the n-th week is the n-th one
                // starting inside the period.
                let sundays: Vec<NaiveDate> =
                    first.iter_days().take_while(|d| *d < end).filter(|d| d.weekday() == Weekday::Sun).collect();
                (pick(&sundays, nth).ok_or_else(|| missing("week"))?, 7)
            }
            Target::Unit(Unit::Month) if inside == Unit::Year => {
                let months: Vec<NaiveDate> = (0..12).filter_map(|k| add_months(first, k)).collect();
                let month = pick(&months, nth).ok_or_else(|| missing("month"))?;
                if time.is_some() {
                    return Err(self.error(self.span(at), "a time needs a day, not a whole month"));
                }
                let next = add_months(month, 1).map(|d| d.and_time(NaiveTime::MIN));
                return self.local_range(month.and_time(NaiveTime::MIN), next);
            }
            Target::Unit(unit) => {
                return Err(self
                    .error(self.span(at), format!("a {} is not counted in {}s", unit_name(inside), unit_name(unit))));
            }
        };
        match time {
            Some(time) => self.local_instant(day.and_time(clock(time))),
            None => self.days(day, len_days),
        }
    }
}

fn clock(c: Clock) -> NaiveTime {
    NaiveTime::from_hms_opt(c.hour, c.minute, c.second).unwrap_or(NaiveTime::MIN)
}

/// The Sunday starting the week of `day`.
fn week_start(day: NaiveDate) -> Option<NaiveDate> {
    day.checked_sub_days(Days::new(u64::from(day.weekday().num_days_from_sunday())))
}

fn shift_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_days(Days::new(n as u64))
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs()))
    }
}

fn shift_months(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    let months = Months::new(u32::try_from(n.unsigned_abs()).ok()?);
    if n >= 0 {
        d.checked_add_months(months)
    } else {
        d.checked_sub_months(months)
    }
}

fn add_months(d: NaiveDate, n: u32) -> Option<NaiveDate> {
    d.checked_add_months(Months::new(n))
}

fn pick(items: &[NaiveDate], nth: Nth) -> Option<NaiveDate> {
    match nth {
        Nth::Number(n) => items.get(usize::try_from(n).ok()?.checked_sub(1)?).copied(),
        Nth::Last => items.last().copied(),
    }
}

/// Chronic's hours for the parts of a day, as `[from, to)` in hours.
fn part_hours(part: Part) -> (i64, i64) {
    match part {
        Part::Morning => (6, 12),
        Part::Afternoon => (13, 17),
        Part::Evening => (17, 20),
        Part::Night => (20, 24),
    }
}

fn unit_name(unit: Unit) -> &'static str {
    match unit {
        Unit::Second => "second",
        Unit::Minute => "minute",
        Unit::Hour => "hour",
        Unit::Day => "day",
        Unit::Week => "week",
        Unit::Month => "month",
        Unit::Year => "year",
    }
}

fn weekday_name(w: Weekday) -> &'static str {
    match w {
        Weekday::Mon => "monday",
        Weekday::Tue => "tuesday",
        Weekday::Wed => "wednesday",
        Weekday::Thu => "thursday",
        Weekday::Fri => "friday",
        Weekday::Sat => "saturday",
        Weekday::Sun => "sunday",
    }
}

fn ordinal_name(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}
