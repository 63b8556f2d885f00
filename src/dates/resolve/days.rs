//! Days: calendar dates, weekdays, numeric dates in the locale's order,
//! years completed by the preference, and a clock time alone.

use super::*;

impl Resolver<'_> {
    /// `n` whole local days from `first`.
    pub(super) fn days(&self, first: NaiveDate, n: u64) -> Res<DateSpan> {
        let end = first.checked_add_days(Days::new(n)).map(|d| d.and_time(NaiveTime::MIN));
        self.local_range(first.and_time(NaiveTime::MIN), end)
    }

    pub(super) fn naive(&self, year: i32, month: u32, day: u32, time: Clock) -> Res<NaiveDateTime> {
        NaiveDate::from_ymd_opt(year, month, day)
            .map(|d| d.and_time(clock(time)))
            .ok_or_else(|| self.error(self.whole(), impossible_date(Some(year), month, day)))
    }

    /// The local date a [`Day`] names.
    pub(super) fn day(&self, day: Day) -> Res<NaiveDate> {
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
    pub(super) fn weekday(&self, weekday: Weekday, back: bool) -> Res<NaiveDate> {
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
    pub(super) fn numeric_order(&self, first: u32, second: u32, year: Option<Year>) -> (u32, u32) {
        let preferred = match self.ctx.locale {
            Locale::En => (first, second),
            Locale::Fr => (second, first),
        };
        let year = year.map(|y| self.full_year(y));
        if plausible(year, preferred.0, preferred.1) {
            preferred
        } else {
            (preferred.1, preferred.0)
        }
    }

    /// A two-digit year is the one within 50 years before and 49 after now,
    /// as Chronic does (relative to the context, not the machine's clock).
    pub(super) fn full_year(&self, year: Year) -> i32 {
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
    pub(super) fn month_day(&self, year: Option<Year>, month: u32, day: u32, at: Tail) -> Res<NaiveDate> {
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
    pub(super) fn day_of_month(&self, day: u32, at: Tail) -> Res<NaiveDate> {
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
    pub(super) fn time_alone(&self, time: Clock) -> Res<DateSpan> {
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
}
