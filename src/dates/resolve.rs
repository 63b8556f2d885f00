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

use std::cell::RefCell;

use chrono::{
    DateTime, Datelike, Days, Duration, Months, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Timelike, Utc, Weekday,
};

use super::ast::{
    Amount, Clock, Day, Expr, Modifier, MonthRef, Nth, Part, Period, Recurring, Season, Tail, Target, Unit, Within,
    Year,
};
use super::grammar::impossible_date;
use super::local::{local, to_utc};
use super::units::{month_name, weekday_name};
use super::{DateContext, DateError, DateSpan, DateWarning, Direction, Locale};
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
    /// What resolution noticed without failing: a weekday that does not
    /// match its date.
    warnings: RefCell<Vec<DateWarning>>,
}

type Res<T> = Result<T, DateError>;

impl<'c> Resolver<'c> {
    pub(crate) fn new(ctx: &'c DateContext, len: usize) -> Self {
        let now = local(ctx.now, ctx.tz);
        Resolver { ctx, len, now, today: now.date(), warnings: RefCell::new(Vec::new()) }
    }

    /// The warnings collected so far.
    pub(crate) fn into_warnings(self) -> Vec<DateWarning> {
        self.warnings.into_inner()
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
        DateError { span, message: message.into(), hint: None, ringcx: false }
    }

    fn out_of_range(&self) -> DateError {
        DateError {
            span: self.whole(),
            message: "this date is out of range".into(),
            hint: Some("dates must fall between the years 1 and 9999".into()),
            ringcx: false,
        }
    }

    fn past(&self) -> bool {
        self.ctx.prefer == Direction::Past
    }

    pub(crate) fn resolve(&self, expr: &Expr) -> Res<DateSpan> {
        let span = match expr {
            Expr::Now => self.instant(self.ctx.now)?,
            &Expr::Instant { date, time, offset_secs, weekday } => {
                let naive = self.naive(date.year, date.month, date.day, time)?;
                self.check_weekday(naive.date(), weekday);
                let utc = naive.checked_sub_signed(Duration::seconds(i64::from(offset_secs)));
                self.instant(Utc.from_utc_datetime(&utc.ok_or_else(|| self.out_of_range())?))?
            }
            &Expr::Day { day, part, time, weekday } => {
                let date = self.day(day)?;
                self.check_weekday(date, weekday);
                match (time, part) {
                    (Some(time), _) => self.local_instant(date.and_time(clock(time)))?,
                    (None, Some(part)) => self.part(date, part)?,
                    (None, None) => self.days(date, 1)?,
                }
            }
            &Expr::Time(time) => self.time_alone(time)?,
            &Expr::Dial(time) => {
                let pm = Clock { hour: time.hour + 12, ..time };
                let (am, pm) = (self.time_alone(time)?, self.time_alone(pm)?);
                // The nearer of the two in the preferred direction.
                if self.past() == (am.start > pm.start) {
                    am
                } else {
                    pm
                }
            }
            Expr::Shift { amounts, dir, base, time } => self.shift(amounts, *dir, base.as_deref(), *time)?,
            &Expr::Occurrence { count, of, dir, at } => self.occurrence(count, of, dir, at)?,
            &Expr::Business { amount, unit, dir } => {
                let t = self
                    .ctx
                    .calendar
                    .shift(self.ctx.now, amount, unit, dir, self.ctx.tz)
                    .map_err(|e| self.error(self.whole(), e.message))?;
                self.instant(t)?
            }
            &Expr::Grain { modifier, grain } => self.grain(modifier, grain)?,
            &Expr::Month(month) => {
                let first = self.month(month)?;
                self.local_range(
                    first.and_time(NaiveTime::MIN),
                    add_months(first, 1).map(|d| d.and_time(NaiveTime::MIN)),
                )?
            }
            &Expr::Season { modifier, season } => self.season(modifier, season)?,
            &Expr::Ordinal { nth, target, within, time, at } => self.ordinal(nth, target, within, time, at)?,
        };
        if !YEARS.contains(&span.start.year()) || !YEARS.contains(&span.end.year()) {
            return Err(self.out_of_range());
        }
        Ok(span)
    }

    /// Warns when a weekday written beside a date is not that date's
    /// weekday. RingCX ignores such a weekday, so the date stands.
    fn check_weekday(&self, date: NaiveDate, weekday: Option<(Weekday, Tail)>) {
        let Some((named, at)) = weekday else { return };
        let real = date.weekday();
        if real == named {
            return;
        }
        let date_text = format!("{} {} {}", month_name(date.month()), date.day(), date.year());
        self.warnings.borrow_mut().push(DateWarning {
            span: self.span(at),
            message: format!("{date_text} is a {}, not a {}", weekday_name(real), weekday_name(named)),
            hint: Some(format!(
                "the weekday is ignored and the date kept, as RingCX does; write `{}` or leave the weekday out",
                weekday_name(real)
            )),
            readings_differ: false,
        });
    }

    /// The part of the day `part` on `date`.
    fn part(&self, date: NaiveDate, part: Part) -> Res<DateSpan> {
        let (from, to) = part_hours(part);
        let midnight = date.and_time(NaiveTime::MIN);
        self.local_range(midnight + Duration::hours(from), Some(midnight + Duration::hours(to)))
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
            Day::WeekdayOfWeek { week, weekday } => {
                let step = match week {
                    Modifier::Last => -7,
                    Modifier::This => 0,
                    Modifier::Next => 7,
                };
                let sunday = week_start(today).and_then(|d| shift_days(d, step));
                sunday
                    .and_then(|d| d.checked_add_days(Days::new(u64::from(weekday.num_days_from_sunday()))))
                    .ok_or_else(|| self.out_of_range())
            }
            Day::OfMonth { day, at } => self.day_of_month(day, at),
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

    /// A day of the month alone: the latest such date on or before today,
    /// or the earliest on or after (the 31st skips shorter months).
    fn day_of_month(&self, day: u32, at: Tail) -> Res<NaiveDate> {
        let first = self.today.with_day(1).ok_or_else(|| self.out_of_range())?;
        for k in 0..=12 {
            let month = if self.past() { shift_months(first, -k) } else { shift_months(first, k) };
            let Some(date) = month.and_then(|m| m.with_day(day)) else { continue };
            if (self.past() && date <= self.today) || (!self.past() && date >= self.today) {
                return Ok(date);
            }
        }
        Err(self.error(self.span(at), format!("there is no day {day} in any month")))
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

    /// Amounts moved from now, or from the span of an anchor (`3 years ago
    /// tomorrow` is the whole day), and put at a clock time if one is given
    /// (after days or longer, an anchor's own time too: it is put on the day
    /// reached, so a time that a DST change skips on the anchor's day does
    /// not move it). An
    /// anchor that names a weekday stays that weekday: after months or
    /// years, the nearest such weekday to the day reached.
    fn shift(&self, amounts: &[Amount], dir: Direction, base: Option<&Expr>, time: Option<Clock>) -> Res<DateSpan> {
        let (mut start, mut end, weekday, time) = match base {
            None => (self.ctx.now, None, None, time),
            Some(expr) => {
                // Calendar steps move the day and keep the time as written;
                // elapsed time moves the instant.
                let calendar = amounts.iter().all(|a| a.unit >= Unit::Day);
                let (span, anchor_time) = match *expr {
                    Expr::Day { day, part, time: Some(t), weekday } if calendar => {
                        (self.resolve(&Expr::Day { day, part, time: None, weekday })?, Some(t))
                    }
                    _ => (self.resolve(expr)?, None),
                };
                let weekday = match expr {
                    Expr::Day {
                        day: Day::Weekday { weekday, .. } | Day::WeekdayOfWeek { weekday, .. },
                        weekday: None,
                        ..
                    } => Some(*weekday),
                    _ => None,
                };
                (span.start, Some(span.end), weekday, time.or(anchor_time))
            }
        };
        for &amount in amounts {
            start = self.step(start, amount, dir)?;
            end = end.map(|e| self.step(e, amount, dir)).transpose()?;
        }
        if let Some(weekday) = weekday {
            let reached = local(start, self.ctx.tz).date().weekday();
            let ahead = (7 + weekday.num_days_from_sunday() - reached.num_days_from_sunday()) % 7;
            let delta = if ahead > 3 { i64::from(ahead) - 7 } else { i64::from(ahead) };
            let by_days = |t: DateTime<Utc>| {
                let wall = local(t, self.ctx.tz);
                let moved = shift_days(wall.date(), delta).map(|d| d.and_time(wall.time()));
                moved.and_then(|m| to_utc(m, self.ctx.tz)).ok_or_else(|| self.out_of_range())
            };
            start = by_days(start)?;
            end = end.map(by_days).transpose()?;
        }
        match (time, end) {
            (Some(time), _) => {
                let date = local(start, self.ctx.tz).date();
                self.local_instant(date.and_time(clock(time)))
            }
            (None, Some(end)) if end > start => Ok(DateSpan { start, end }),
            (None, _) => self.instant(start),
        }
    }

    /// `t` moved by one amount: seconds, minutes and hours are elapsed
    /// time; days and longer are calendar steps on the local wall clock.
    fn step(&self, t: DateTime<Utc>, amount: Amount, dir: Direction) -> Res<DateTime<Utc>> {
        let too_far = || DateError {
            span: self.span(amount.at),
            message: "this amount of time is out of range".into(),
            hint: Some("dates must fall between the years 1 and 9999".into()),
            ringcx: false,
        };
        let count = amount.count;
        let elapsed = |secs_per: i64| -> Res<DateTime<Utc>> {
            let n = i64::try_from(count).map_err(|_| too_far())?;
            let secs = n.checked_mul(secs_per).ok_or_else(too_far)?;
            let d = Duration::try_seconds(secs).ok_or_else(too_far)?;
            match dir {
                Direction::Past => t.checked_sub_signed(d),
                Direction::Future => t.checked_add_signed(d),
            }
            .ok_or_else(too_far)
        };
        let wall = local(t, self.ctx.tz);
        let moved = match amount.unit {
            Unit::Second => return elapsed(1),
            Unit::Minute => return elapsed(60),
            Unit::Hour => return elapsed(3600),
            Unit::Day | Unit::Week => {
                let days = if amount.unit == Unit::Week { count.checked_mul(7).ok_or_else(too_far)? } else { count };
                match dir {
                    Direction::Past => wall.checked_sub_days(Days::new(days)),
                    Direction::Future => wall.checked_add_days(Days::new(days)),
                }
            }
            Unit::Month | Unit::Year => {
                let months = if amount.unit == Unit::Year { count.checked_mul(12).ok_or_else(too_far)? } else { count };
                let months = Months::new(u32::try_from(months).map_err(|_| too_far())?);
                match dir {
                    Direction::Past => wall.checked_sub_months(months),
                    Direction::Future => wall.checked_add_months(months),
                }
            }
        };
        moved.and_then(|m| to_utc(m, self.ctx.tz)).ok_or_else(too_far)
    }

    /// The `count`-th weekend or part of a day before now (`Past`) or
    /// after now, as Chronic counts: the first weekend ago is the latest
    /// that has begun, the first morning ago the latest that has ended;
    /// the first one from now is the earliest that has not begun.
    fn occurrence(&self, count: u64, of: Recurring, dir: Direction, at: Tail) -> Res<DateSpan> {
        if count == 0 {
            return Err(self.error(self.span(at), "count from 1: `1 weekend ago` is the latest one"));
        }
        let too_far = || self.error(self.span(at), "this amount of time is out of range");
        // Today's occurrence (this week's, for weekends) and the period.
        // This day's or this week's occurrence, whether it counts as one
        // ago, and the step to the next one in days.
        let (start, counts_as_past, step) = match of {
            Recurring::Part(part) => {
                let (from, to) = part_hours(part);
                let midnight = self.today.and_time(NaiveTime::MIN);
                (midnight + Duration::hours(from), midnight + Duration::hours(to) <= self.now, 1)
            }
            Recurring::Weekend => {
                let saturday = self.latest_saturday().ok_or_else(too_far)?.and_time(NaiveTime::MIN);
                (saturday, saturday < self.now, 7)
            }
        };
        let first = match dir {
            Direction::Past if counts_as_past => start,
            Direction::Past => shift_naive(start, -step).ok_or_else(too_far)?,
            Direction::Future if start > self.now => start,
            Direction::Future => shift_naive(start, step).ok_or_else(too_far)?,
        };
        let more = i64::try_from(count - 1).ok().and_then(|n| n.checked_mul(step)).ok_or_else(too_far)?;
        let start = shift_naive(first, if dir == Direction::Past { -more } else { more }).ok_or_else(too_far)?;
        match of {
            Recurring::Part(part) => self.part(start.date(), part),
            Recurring::Weekend => self.days(start.date(), 2),
        }
    }

    // ------------------------------------------------------------ units

    /// The local start of the period containing now.
    fn grain_start(&self, grain: Period) -> Option<NaiveDateTime> {
        let now = self.now;
        let day = now.date();
        Some(match grain {
            Period::Second => now.with_nanosecond(0)?,
            Period::Minute => day.and_hms_opt(now.hour(), now.minute(), 0)?,
            Period::Hour => day.and_hms_opt(now.hour(), 0, 0)?,
            Period::Day => day.and_time(NaiveTime::MIN),
            Period::Week | Period::Fortnight => week_start(day)?.and_time(NaiveTime::MIN),
            Period::Weekend => self.weekend_start()?.and_time(NaiveTime::MIN),
            Period::Month => day.with_day(1)?.and_time(NaiveTime::MIN),
            Period::Quarter => {
                NaiveDate::from_ymd_opt(day.year(), (day.month0() / 3) * 3 + 1, 1)?.and_time(NaiveTime::MIN)
            }
            Period::Year => NaiveDate::from_ymd_opt(day.year(), 1, 1)?.and_time(NaiveTime::MIN),
        })
    }

    /// The Saturday of `this weekend`: the current weekend on a Saturday or
    /// Sunday, else the latest one (`Past`) or the next one.
    fn weekend_start(&self) -> Option<NaiveDate> {
        let latest = self.latest_saturday()?;
        if matches!(self.today.weekday(), Weekday::Sat | Weekday::Sun) || self.past() {
            Some(latest)
        } else {
            shift_days(latest, 7)
        }
    }

    /// The latest Saturday on or before today.
    fn latest_saturday(&self) -> Option<NaiveDate> {
        let since_saturday = (self.today.weekday().num_days_from_sunday() + 1) % 7;
        shift_days(self.today, -i64::from(since_saturday))
    }

    /// `last|this|next <period>`: a whole period. Periods of a day and more
    /// are local calendar periods; seconds, minutes and hours are elapsed
    /// time from the local start of the current one. `last weekend` is the
    /// one before the current or latest weekend, `next weekend` the one
    /// after the current or coming one; `last fortnight` ends and `next
    /// fortnight` starts a week from this week's Sunday.
    fn grain(&self, modifier: Modifier, grain: Period) -> Res<DateSpan> {
        let step: i64 = match modifier {
            Modifier::Last => -1,
            Modifier::This => 0,
            Modifier::Next => 1,
        };
        let start = self.grain_start(grain).ok_or_else(|| self.out_of_range())?;
        match grain {
            Period::Second | Period::Minute | Period::Hour => {
                let len = match grain {
                    Period::Second => Duration::seconds(1),
                    Period::Minute => Duration::minutes(1),
                    _ => Duration::hours(1),
                };
                let start = if grain == Period::Second { self.ctx.now } else { self.utc(start)? };
                let start = start.checked_add_signed(len * step as i32).ok_or_else(|| self.out_of_range())?;
                let end = start.checked_add_signed(len).ok_or_else(|| self.out_of_range())?;
                Ok(DateSpan { start, end })
            }
            Period::Day | Period::Week | Period::Fortnight => {
                let (days, shift) = match (grain, modifier) {
                    (Period::Day, _) => (1, step),
                    (Period::Week, _) => (7, 7 * step),
                    (_, Modifier::Last) => (14, -14),
                    (_, Modifier::This) => (14, 0),
                    (_, Modifier::Next) => (14, 7),
                };
                let first = shift_days(start.date(), shift).ok_or_else(|| self.out_of_range())?;
                self.days(first, days as u64)
            }
            Period::Weekend => {
                let current = start.date();
                let in_weekend = matches!(self.today.weekday(), Weekday::Sat | Weekday::Sun);
                let shift = match modifier {
                    Modifier::Last if in_weekend || current > self.today => -7,
                    Modifier::Next if in_weekend || current <= self.today => 7,
                    _ => 0,
                };
                let first = shift_days(current, shift).ok_or_else(|| self.out_of_range())?;
                self.days(first, 2)
            }
            Period::Month | Period::Quarter | Period::Year => {
                let months = match grain {
                    Period::Year => 12,
                    Period::Quarter => 3,
                    _ => 1,
                };
                let first = shift_months(start.date(), step * months).ok_or_else(|| self.out_of_range())?;
                self.local_range(
                    first.and_time(NaiveTime::MIN),
                    add_months(first, months as u32).map(|d| d.and_time(NaiveTime::MIN)),
                )
            }
        }
    }

    /// A season: the current one, else the latest ended (`Past`) or the
    /// next to begin; `last` is the latest ended and `next` the next to
    /// begin, whatever the current season is.
    fn season(&self, modifier: Option<Modifier>, season: Season) -> Res<DateSpan> {
        let year = self.today.year();
        let instances = (year - 2..=year + 1).filter_map(|y| season_dates(season, y));
        let inside = |&(s, e): &(NaiveDate, NaiveDate)| s <= self.today && self.today < e;
        let ended = |&(_, e): &(NaiveDate, NaiveDate)| e <= self.today;
        let ahead = |&(s, _): &(NaiveDate, NaiveDate)| s > self.today;
        let all: Vec<(NaiveDate, NaiveDate)> = instances.collect();
        let latest_ended = all.iter().copied().filter(ended).last();
        let next = all.iter().copied().find(ahead);
        let found = match modifier {
            Some(Modifier::Last) => latest_ended,
            Some(Modifier::Next) => next,
            Some(Modifier::This) | None => {
                all.iter().copied().find(inside).or(if self.past() { latest_ended } else { next })
            }
        };
        let (start, end) = found.ok_or_else(|| self.out_of_range())?;
        self.local_range(start.and_time(NaiveTime::MIN), Some(end.and_time(NaiveTime::MIN)))
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
                (first, add_months(first, 1).ok_or_else(|| self.out_of_range())?, Period::Month)
            }
            Within::Year(year) => {
                let y = self.full_year(year);
                let first = NaiveDate::from_ymd_opt(y, 1, 1).ok_or_else(|| self.out_of_range())?;
                (first, add_months(first, 12).ok_or_else(|| self.out_of_range())?, Period::Year)
            }
            Within::Grain { modifier, grain } => {
                let span = self.grain(modifier, grain)?;
                let first = local(span.start, self.ctx.tz).date();
                let end = match grain {
                    Period::Week => first.checked_add_days(Days::new(7)),
                    Period::Month => add_months(first, 1),
                    Period::Quarter => add_months(first, 3),
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
            self.error(self.span(at), format!("there is no {which} {what} in that {}", period_name(inside)))
        };
        let days = || first.iter_days().take_while(|d| *d < end);
        let (day, len_days) = match target {
            Target::Weekday(w) => {
                let found: Vec<NaiveDate> = days().filter(|d| d.weekday() == w).collect();
                (pick(&found, nth).ok_or_else(|| missing(weekday_name(w)))?, 1)
            }
            Target::Day => {
                let found: Vec<NaiveDate> = days().collect();
                let no_such_day = || match (nth, inside) {
                    // `31st of february 2026` says what `february 31st 2026` says.
                    (Nth::Number(n), Period::Month) => {
                        self.error(self.span(at), impossible_date(Some(first.year()), first.month(), n))
                    }
                    _ => missing("day"),
                };
                (pick(&found, nth).ok_or_else(no_such_day)?, 1)
            }
            Target::Week if inside != Period::Week => {
                // Weeks start on Sunday; the n-th week is the n-th one
                // starting inside the period.
                let sundays: Vec<NaiveDate> = days().filter(|d| d.weekday() == Weekday::Sun).collect();
                (pick(&sundays, nth).ok_or_else(|| missing("week"))?, 7)
            }
            Target::Month | Target::Quarter
                if inside == Period::Year || (inside == Period::Quarter && target == Target::Month) =>
            {
                let step = if target == Target::Quarter { 3 } else { 1 };
                let months = if inside == Period::Year { 12 } else { 3 };
                let starts: Vec<NaiveDate> = (0..months / step).filter_map(|k| add_months(first, k * step)).collect();
                let what = if target == Target::Quarter { "quarter" } else { "month" };
                let start = pick(&starts, nth).ok_or_else(|| missing(what))?;
                if time.is_some() {
                    return Err(self.error(self.span(at), format!("a time needs a day, not a whole {what}")));
                }
                let next = add_months(start, step).map(|d| d.and_time(NaiveTime::MIN));
                return self.local_range(start.and_time(NaiveTime::MIN), next);
            }
            Target::Week | Target::Month | Target::Quarter => {
                let what = match target {
                    Target::Week => "week",
                    Target::Month => "month",
                    _ => "quarter",
                };
                return Err(self.error(self.span(at), format!("a {} is not counted in {what}s", period_name(inside))));
            }
        };
        match time {
            Some(time) => self.local_instant(day.and_time(clock(time))),
            None => self.days(day, len_days),
        }
    }
}

/// The first and the day after the last day of `season` starting in `year`.
fn season_dates(season: Season, year: i32) -> Option<(NaiveDate, NaiveDate)> {
    let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
    Some(match season {
        Season::Spring => (date(year, 3, 20)?, date(year, 6, 21)?),
        Season::Summer => (date(year, 6, 21)?, date(year, 9, 23)?),
        Season::Autumn => (date(year, 9, 23)?, date(year, 12, 22)?),
        Season::Winter => (date(year, 12, 22)?, date(year + 1, 3, 20)?),
    })
}

fn shift_naive(t: NaiveDateTime, days: i64) -> Option<NaiveDateTime> {
    shift_days(t.date(), days).map(|d| d.and_time(t.time()))
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

fn period_name(period: Period) -> &'static str {
    match period {
        Period::Second => "second",
        Period::Minute => "minute",
        Period::Hour => "hour",
        Period::Day => "day",
        Period::Week => "week",
        Period::Weekend => "weekend",
        Period::Fortnight => "fortnight",
        Period::Month => "month",
        Period::Quarter => "quarter",
        Period::Year => "year",
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
