//! Amounts: `2 hours ago` (elapsed time), `1 day ago` (wall-clock
//! steps), `in 3 days`, and the n-th occurrence of a recurring day.

use super::*;

impl Resolver<'_> {
    /// Amounts moved from now, or from the span of an anchor (`3 years ago
    /// tomorrow` is the whole day), and put at a clock time if one is given
    /// (after days or longer, an anchor's own time too: it is put on the day
    /// reached, so a time that a DST change skips on the anchor's day does
    /// not move it). An
    /// anchor that names a weekday stays that weekday: after months or
    /// years, the nearest such weekday to the day reached.
    pub(super) fn shift(
        &self,
        amounts: &[Amount],
        dir: Direction,
        base: Option<&Expr>,
        time: Option<Clock>,
    ) -> Res<DateSpan> {
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
    pub(super) fn step(&self, t: DateTime<Utc>, amount: Amount, dir: Direction) -> Res<DateTime<Utc>> {
        let too_far = || DateError {
            span: self.span(amount.at),
            message: "this amount of time is out of range".into(),
            hint: Some("dates must fall between the years 1 and 9999".into()),
            ringcx: false,
            fix: None,
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
    pub(super) fn occurrence(&self, count: u64, of: Recurring, dir: Direction, at: Tail) -> Res<DateSpan> {
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
}
