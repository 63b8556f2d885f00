//! Periods: weeks, months, quarters, years, weekends and seasons, named
//! by `this`, `last` and `next`, and ordinals (`3rd wednesday in november`).

use super::*;

impl Resolver<'_> {
    /// The local start of the period containing now.
    pub(super) fn grain_start(&self, grain: Period) -> Option<NaiveDateTime> {
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
    pub(super) fn weekend_start(&self) -> Option<NaiveDate> {
        let latest = self.latest_saturday()?;
        if matches!(self.today.weekday(), Weekday::Sat | Weekday::Sun) || self.past() {
            Some(latest)
        } else {
            shift_days(latest, 7)
        }
    }

    /// The latest Saturday on or before today.
    pub(super) fn latest_saturday(&self) -> Option<NaiveDate> {
        let since_saturday = (self.today.weekday().num_days_from_sunday() + 1) % 7;
        shift_days(self.today, -i64::from(since_saturday))
    }

    /// `last|this|next <period>`: a whole period. Periods of a day and more
    /// are local calendar periods; seconds, minutes and hours are elapsed
    /// time from the local start of the current one. `last weekend` is the
    /// one before the current or latest weekend, `next weekend` the one
    /// after the current or coming one; `last fortnight` ends and `next
    /// fortnight` starts a week from this week's Sunday.
    pub(super) fn grain(&self, modifier: Modifier, grain: Period) -> Res<DateSpan> {
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
    pub(super) fn season(&self, modifier: Option<Modifier>, season: Season) -> Res<DateSpan> {
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

    /// The first day of the month a [`MonthRef`] names.
    pub(super) fn month(&self, m: MonthRef) -> Res<NaiveDate> {
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

    pub(super) fn ordinal(
        &self,
        nth: Nth,
        target: Target,
        within: Within,
        time: Option<Clock>,
        at: Tail,
    ) -> Res<DateSpan> {
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
pub(super) fn season_dates(season: Season, year: i32) -> Option<(NaiveDate, NaiveDate)> {
    let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
    Some(match season {
        Season::Spring => (date(year, 3, 20)?, date(year, 6, 21)?),
        Season::Summer => (date(year, 6, 21)?, date(year, 9, 23)?),
        Season::Autumn => (date(year, 9, 23)?, date(year, 12, 22)?),
        Season::Winter => (date(year, 12, 22)?, date(year + 1, 3, 20)?),
    })
}

pub(super) fn pick(items: &[NaiveDate], nth: Nth) -> Option<NaiveDate> {
    match nth {
        Nth::Number(n) => items.get(usize::try_from(n).ok()?.checked_sub(1)?).copied(),
        Nth::Last => items.last().copied(),
    }
}

pub(super) fn period_name(period: Period) -> &'static str {
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

pub(super) fn ordinal_name(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}
