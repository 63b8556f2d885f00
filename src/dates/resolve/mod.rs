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
//!
//! This file holds the resolver and the expression's top level; the rules
//! for each unit are beside it: [`days`], [`amounts`] and [`periods`].

use std::cell::RefCell;

use chrono::{
    DateTime, Datelike, Days, Duration, Months, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Timelike, Utc, Weekday,
};

use super::ast::{
    Amount, Clock, Day, Expr, Modifier, MonthRef, Nth, Part, Period, Recurring, Season, Tail, Target, Unit, Within,
    Year,
};
use super::grammar::{impossible_date, plausible};
use super::local::{local, to_utc};
use super::units::{month_name, weekday_name};
use super::{DateContext, DateError, DateSpan, DateWarning, Direction, Locale};
use crate::span::Span;

mod amounts;
mod days;
mod periods;

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
        DateError { span, message: message.into(), hint: None, ringcx: false, fix: None }
    }

    fn out_of_range(&self) -> DateError {
        DateError {
            span: self.whole(),
            message: "this date is out of range".into(),
            hint: Some("dates must fall between the years 1 and 9999".into()),
            ringcx: false,
            fix: None,
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
            fix: None,
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

    // ------------------------------------------------------------ days

    // ------------------------------------------------------------ amounts

    // ------------------------------------------------------------ units

    fn utc(&self, t: NaiveDateTime) -> Res<DateTime<Utc>> {
        to_utc(t, self.ctx.tz).ok_or_else(|| self.out_of_range())
    }

    // ------------------------------------------------------------ ordinals
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

/// Chronic's hours for the parts of a day, as `[from, to)` in hours.
fn part_hours(part: Part) -> (i64, i64) {
    match part {
        Part::Morning => (6, 12),
        Part::Afternoon => (13, 17),
        Part::Evening => (17, 20),
        Part::Night => (20, 24),
    }
}
