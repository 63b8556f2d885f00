//! Chronic's repeaters: a unit of time that can be stepped through from a
//! start point (`next`), taken around it (`this`) or moved by an amount
//! (`offset`), each with the state Chronic keeps between calls and its
//! arithmetic, mistakes included.

use chrono::{Datelike, Duration, NaiveDate};

use super::clock::{month_days, Clock, Raised, Ruby};
use super::tokens::{Pointer, Portion, RepeaterKind, Season, Tick, Unit};

/// A span as Chronic's `Range`: both ends included by `cover?`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Span {
    pub(crate) begin: i64,
    pub(crate) end: i64,
}

impl Span {
    pub(crate) fn new(begin: i64, end: i64) -> Span {
        Span { begin, end }
    }

    fn shifted(self, by: i64) -> Span {
        Span::new(self.begin.saturating_add(by), self.end.saturating_add(by))
    }

    pub(crate) fn covers(self, t: i64) -> bool {
        self.begin <= t && t <= self.end
    }
}

/// `this`'s argument: a direction or none.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Context {
    Past,
    Future,
    None,
}

const DAY: i64 = 86_400;
const WEEK: i64 = 7 * DAY;

fn sign(p: Pointer) -> i64 {
    match p {
        Pointer::Future => 1,
        Pointer::Past => -1,
    }
}

/// A repeater with its start point and the state its `next` keeps.
#[derive(Clone, Debug)]
pub(crate) struct Repeater {
    pub(crate) kind: RepeaterKind,
    now: i64,
    current: Option<i64>,
    current_span: Option<Span>,
    current_date: Option<NaiveDate>,
}

impl Repeater {
    pub(crate) fn new(kind: RepeaterKind) -> Repeater {
        Repeater { kind, now: 0, current: None, current_span: None, current_date: None }
    }

    /// `start=`.
    pub(crate) fn start(&mut self, now: i64) {
        self.now = now;
    }

    /// `width`, by which repeaters are sorted.
    pub(crate) fn width(&self) -> i64 {
        match self.kind {
            RepeaterKind::SeasonName(_) | RepeaterKind::Unit(Unit::Season) => 7_862_400,
            RepeaterKind::MonthName(_) | RepeaterKind::Unit(Unit::Month) => 2_592_000,
            RepeaterKind::DayName(_) => DAY,
            RepeaterKind::DayPortion(p) => match self.current_span {
                Some(s) => s.end - s.begin,
                None => match p {
                    Portion::From(_) => 12 * 3600,
                    _ => {
                        let (a, b) = portion_range(p);
                        b - a
                    }
                },
            },
            RepeaterKind::Time(_) => 1,
            RepeaterKind::Unit(u) => match u {
                Unit::Year => 31_536_000,
                Unit::Season | Unit::Month => 2_592_000,
                Unit::Fortnight => 2 * WEEK,
                Unit::Week => WEEK,
                Unit::Weekend => 2 * DAY,
                Unit::Weekday | Unit::Day => DAY,
                Unit::Hour => 3600,
                Unit::Minute => 60,
                Unit::Second => 1,
            },
        }
    }

    /// Whether Chronic's class has `offset` (the day name, month name and
    /// time repeaters do not).
    pub(crate) fn has_offset(&self) -> bool {
        !matches!(self.kind, RepeaterKind::DayName(_) | RepeaterKind::MonthName(_) | RepeaterKind::Time(_))
    }

    pub(crate) fn next(&mut self, c: &Clock, pointer: Pointer) -> Ruby<Span> {
        let now = self.now;
        let f = c.fields(now)?;
        let dir = sign(pointer);
        match self.kind {
            RepeaterKind::Unit(Unit::Year) => {
                let start = match self.current {
                    None => c.construct(f.year + dir, 1, 1, 0, 0, 0)?,
                    Some(cur) => c.construct(c.fields(cur)?.year + dir, 1, 1, 0, 0, 0)?,
                };
                self.current = Some(start);
                let y = c.fields(start)?.year;
                Ok(Span::new(start, c.construct(y + 1, 1, 1, 0, 0, 0)?))
            }
            RepeaterKind::Unit(Unit::Month) => {
                let base = match self.current {
                    None => c.construct(f.year, f.month, 1, 0, 0, 0)?,
                    Some(cur) => {
                        let g = c.fields(cur)?;
                        c.construct(g.year, g.month, 1, 0, 0, 0)?
                    }
                };
                let start = month_offset_by(c, base, 1, pointer)?;
                self.current = Some(start);
                let g = c.fields(start)?;
                Ok(Span::new(start, c.construct(g.year, g.month + 1, 1, 0, 0, 0)?))
            }
            RepeaterKind::MonthName(index) => self.month_name_next(c, index, Context::from(pointer)),
            RepeaterKind::Unit(Unit::Fortnight) | RepeaterKind::Unit(Unit::Week) => {
                let length = if self.kind == RepeaterKind::Unit(Unit::Week) { WEEK } else { 2 * WEEK };
                let start = match self.current {
                    None => match pointer {
                        Pointer::Future => {
                            let mut sunday = Repeater::new(RepeaterKind::DayName(0));
                            sunday.start(now);
                            sunday.next(c, Pointer::Future)?.begin
                        }
                        Pointer::Past => {
                            let mut sunday = Repeater::new(RepeaterKind::DayName(0));
                            sunday.start(now + DAY);
                            let skips = if length == WEEK { 1 } else { 2 };
                            for _ in 0..skips {
                                sunday.next(c, Pointer::Past)?;
                            }
                            sunday.next(c, Pointer::Past)?.begin
                        }
                    },
                    Some(cur) => cur + dir * length,
                };
                self.current = Some(start);
                Ok(Span::new(start, start + length))
            }
            RepeaterKind::Unit(Unit::Weekend) => {
                let start = match self.current {
                    None => {
                        let mut saturday = Repeater::new(RepeaterKind::DayName(6));
                        match pointer {
                            Pointer::Future => saturday.start(now),
                            Pointer::Past => saturday.start(now + DAY),
                        }
                        saturday.next(c, pointer)?.begin
                    }
                    Some(cur) => cur + dir * WEEK,
                };
                self.current = Some(start);
                Ok(Span::new(start, start + 2 * DAY))
            }
            RepeaterKind::Unit(Unit::Weekday) => {
                let weekday = |t: i64| -> Ruby<bool> { Ok(!matches!(c.fields(t)?.wday, 0 | 6)) };
                let mut start = match self.current {
                    None => c.construct(f.year, f.month, f.day, 0, 0, 0)?,
                    Some(cur) => cur,
                };
                // At most two weekend days lie between weekdays.
                for _ in 0..4 {
                    start += dir * DAY;
                    if weekday(start)? {
                        break;
                    }
                }
                self.current = Some(start);
                Ok(Span::new(start, start + DAY))
            }
            RepeaterKind::Unit(Unit::Day) => {
                let base = match self.current {
                    None => c.local(f.year, f.month, f.day, 0, 0, 0)?,
                    Some(cur) => cur,
                };
                let start = base + dir * DAY;
                self.current = Some(start);
                Ok(Span::new(start, start + DAY))
            }
            RepeaterKind::DayName(wday) => {
                let date = match self.current_date {
                    None => {
                        let mut date = naive_date(f.year, f.month, f.day)?;
                        date = date.checked_add_signed(Duration::days(dir)).ok_or(Raised)?;
                        for _ in 0..7 {
                            if i64::from(date.weekday().num_days_from_sunday()) == wday {
                                break;
                            }
                            date = date.checked_add_signed(Duration::days(dir)).ok_or(Raised)?;
                        }
                        date
                    }
                    Some(d) => d.checked_add_signed(Duration::days(7 * dir)).ok_or(Raised)?,
                };
                self.current_date = Some(date);
                let next = date.succ_opt().ok_or(Raised)?;
                Ok(Span::new(
                    c.construct(i64::from(date.year()), i64::from(date.month()), i64::from(date.day()), 0, 0, 0)?,
                    c.construct(i64::from(next.year()), i64::from(next.month()), i64::from(next.day()), 0, 0, 0)?,
                ))
            }
            RepeaterKind::DayPortion(portion) => self.portion_next(c, portion, pointer),
            RepeaterKind::Unit(Unit::Hour) => {
                let start = match self.current {
                    None => c.construct(f.year, f.month, f.day, f.hour + dir, 0, 0)?,
                    Some(cur) => cur + dir * 3600,
                };
                self.current = Some(start);
                Ok(Span::new(start, start + 3600))
            }
            RepeaterKind::Unit(Unit::Minute) => {
                let start = match self.current {
                    None => c.construct(f.year, f.month, f.day, f.hour, f.min + dir, 0)?,
                    Some(cur) => cur + dir * 60,
                };
                self.current = Some(start);
                Ok(Span::new(start, start + 60))
            }
            RepeaterKind::Unit(Unit::Second) => {
                let start = match self.current {
                    None => now + dir,
                    Some(cur) => cur + dir,
                };
                self.current = Some(start);
                Ok(Span::new(start, start + 1))
            }
            RepeaterKind::Time(tick) => self.time_next(c, tick, pointer),
            RepeaterKind::SeasonName(season) => self.season_span(c, sign(pointer), season),
            RepeaterKind::Unit(Unit::Season) => {
                let current = current_season(f.month, f.day)?;
                self.season_span(c, dir, season_after(current, dir))
            }
        }
    }

    pub(crate) fn this(&mut self, c: &Clock, context: Context) -> Ruby<Span> {
        let now = self.now;
        let f = c.fields(now)?;
        match self.kind {
            RepeaterKind::Unit(Unit::Year) => Ok(match context {
                Context::Future => Span::new(
                    c.construct(f.year, f.month, f.day + 1, 0, 0, 0)?,
                    c.construct(f.year + 1, 1, 1, 0, 0, 0)?,
                ),
                Context::Past => {
                    Span::new(c.construct(f.year, 1, 1, 0, 0, 0)?, c.construct(f.year, f.month, f.day, 0, 0, 0)?)
                }
                Context::None => {
                    Span::new(c.construct(f.year, 1, 1, 0, 0, 0)?, c.construct(f.year + 1, 1, 1, 0, 0, 0)?)
                }
            }),
            RepeaterKind::Unit(Unit::Month) => {
                let first = c.construct(f.year, f.month, 1, 0, 0, 0)?;
                Ok(match context {
                    Context::Future => Span::new(
                        c.construct(f.year, f.month, f.day + 1, 0, 0, 0)?,
                        month_offset_by(c, first, 1, Pointer::Future)?,
                    ),
                    Context::Past => Span::new(first, c.construct(f.year, f.month, f.day, 0, 0, 0)?),
                    Context::None => Span::new(first, month_offset_by(c, first, 1, Pointer::Future)?),
                })
            }
            RepeaterKind::MonthName(index) => match context {
                Context::Past => self.month_name_next(c, index, Context::Past),
                _ => self.month_name_next(c, index, Context::None),
            },
            RepeaterKind::Unit(Unit::Week) => {
                let mut sunday = Repeater::new(RepeaterKind::DayName(0));
                sunday.start(now);
                Ok(match context {
                    Context::Future => Span::new(
                        c.local(f.year, f.month, f.day, f.hour, 0, 0)? + 3600,
                        sunday.this(c, Context::Future)?.begin,
                    ),
                    Context::Past => {
                        Span::new(sunday.next(c, Pointer::Past)?.begin, c.local(f.year, f.month, f.day, f.hour, 0, 0)?)
                    }
                    Context::None => {
                        let start = sunday.next(c, Pointer::Past)?.begin;
                        Span::new(start, start + WEEK)
                    }
                })
            }
            RepeaterKind::Unit(Unit::Fortnight) => {
                let mut sunday = Repeater::new(RepeaterKind::DayName(0));
                sunday.start(now);
                Ok(match context {
                    Context::Future | Context::None => {
                        let start = c.construct(f.year, f.month, f.day, f.hour, 0, 0)? + 3600;
                        sunday.this(c, Context::Future)?;
                        let end = sunday.this(c, Context::Future)?.begin;
                        Span::new(start, end)
                    }
                    Context::Past => {
                        let end = c.construct(f.year, f.month, f.day, f.hour, 0, 0)?;
                        Span::new(sunday.next(c, Pointer::Past)?.begin, end)
                    }
                })
            }
            RepeaterKind::Unit(Unit::Weekend) => {
                let mut saturday = Repeater::new(RepeaterKind::DayName(6));
                saturday.start(now);
                let begin = match context {
                    Context::Past => saturday.this(c, Context::Past)?.begin,
                    _ => saturday.this(c, Context::Future)?.begin,
                };
                Ok(Span::new(begin, begin + 2 * DAY))
            }
            RepeaterKind::Unit(Unit::Weekday) => match context {
                Context::Past => self.next(c, Pointer::Past),
                _ => self.next(c, Pointer::Future),
            },
            RepeaterKind::Unit(Unit::Day) => Ok(match context {
                Context::Future => Span::new(
                    c.construct(f.year, f.month, f.day, f.hour, 0, 0)?,
                    c.construct(f.year, f.month, f.day, 0, 0, 0)? + DAY,
                ),
                Context::Past => Span::new(
                    c.construct(f.year, f.month, f.day, 0, 0, 0)?,
                    c.construct(f.year, f.month, f.day, f.hour, 0, 0)?,
                ),
                Context::None => {
                    let start = c.construct(f.year, f.month, f.day, 0, 0, 0)?;
                    Span::new(start, start + DAY)
                }
            }),
            RepeaterKind::DayName(_) | RepeaterKind::Time(_) => match context {
                Context::Past => self.next(c, Pointer::Past),
                _ => self.next(c, Pointer::Future),
            },
            RepeaterKind::DayPortion(portion) => {
                let (begin, length) = match portion {
                    Portion::From(h) => (h * 3600, 12 * 3600),
                    _ => {
                        let (a, b) = portion_range(portion);
                        (a, b - a)
                    }
                };
                let start = c.construct(f.year, f.month, f.day, 0, 0, 0)? + begin;
                let end = portion_end(c, start, length)?;
                let span = Span::new(start, end);
                self.current_span = Some(span);
                Ok(span)
            }
            RepeaterKind::Unit(Unit::Hour) => Ok(match context {
                Context::Future => Span::new(
                    c.construct(f.year, f.month, f.day, f.hour, f.min + 1, 0)?,
                    c.construct(f.year, f.month, f.day, f.hour + 1, 0, 0)?,
                ),
                Context::Past => Span::new(
                    c.construct(f.year, f.month, f.day, f.hour, 0, 0)?,
                    c.construct(f.year, f.month, f.day, f.hour, f.min, 0)?,
                ),
                Context::None => {
                    let start = c.construct(f.year, f.month, f.day, f.hour, 0, 0)?;
                    Span::new(start, start + 3600)
                }
            }),
            RepeaterKind::Unit(Unit::Minute) => Ok(match context {
                Context::Future => Span::new(now, c.construct(f.year, f.month, f.day, f.hour, f.min, 0)?),
                Context::Past => Span::new(c.construct(f.year, f.month, f.day, f.hour, f.min, 0)?, now),
                Context::None => {
                    let start = c.construct(f.year, f.month, f.day, f.hour, f.min, 0)?;
                    Span::new(start, start + 60)
                }
            }),
            RepeaterKind::Unit(Unit::Second) => Ok(Span::new(now, now + 1)),
            RepeaterKind::Unit(Unit::Season) => {
                let dir = if context == Context::Future { 1 } else { -1 };
                let today = c.construct(f.year, f.month, f.day, 0, 0, 0)?;
                let current = current_season(f.month, f.day)?;
                let (start, end) = match context {
                    Context::Past => (today + dir * days_until(c, now, season_start(current), dir)?, today),
                    Context::Future => (today + DAY, today + dir * days_until(c, now, season_end(current), dir)?),
                    Context::None => (
                        today + dir * days_until(c, now, season_start(current), dir)?,
                        today + dir * days_until(c, now, season_end(current), dir)?,
                    ),
                };
                construct_season(c, start, end)
            }
            RepeaterKind::SeasonName(season) => {
                let dir = if context == Context::Future { 1 } else { -1 };
                let today = c.construct(f.year, f.month, f.day, 0, 0, 0)?;
                let goal_start = today + dir * days_until(c, now, season_start(season), dir)?;
                let goal_end = today + dir * days_until(c, now, season_end(season), dir)?;
                let current = current_season(f.month, f.day)?;
                let (start, end) = match context {
                    Context::Past => (goal_start, if current == season { today } else { goal_end }),
                    Context::Future => (if current == season { today + DAY } else { goal_start }, goal_end),
                    Context::None => (goal_start, goal_end),
                };
                construct_season(c, start, end)
            }
        }
    }

    pub(crate) fn offset(&mut self, c: &Clock, span: Span, amount: i64, pointer: Pointer) -> Ruby<Span> {
        let dir = sign(pointer);
        let by = |unit: i64| -> Ruby<Span> {
            let shift = dir.checked_mul(amount).and_then(|n| n.checked_mul(unit)).ok_or(Raised)?;
            Ok(span.shifted(shift))
        };
        match self.kind {
            RepeaterKind::Unit(Unit::Year) => {
                Ok(Span::new(year_offset(c, span.begin, amount, dir)?, year_offset(c, span.end, amount, dir)?))
            }
            RepeaterKind::Unit(Unit::Month) => Ok(Span::new(
                month_offset_by(c, span.begin, amount, pointer)?,
                month_offset_by(c, span.end, amount, pointer)?,
            )),
            RepeaterKind::Unit(Unit::Fortnight) => by(2 * WEEK),
            RepeaterKind::Unit(Unit::Week) => by(WEEK),
            RepeaterKind::Unit(Unit::Day) => by(DAY),
            RepeaterKind::Unit(Unit::Hour) => by(3600),
            RepeaterKind::Unit(Unit::Minute) => by(60),
            RepeaterKind::Unit(Unit::Second) => by(1),
            RepeaterKind::Unit(Unit::Season) => by(7_862_400),
            RepeaterKind::SeasonName(_) => by(31_536_000),
            RepeaterKind::Unit(Unit::Weekend) => {
                let mut weekend = Repeater::new(RepeaterKind::Unit(Unit::Weekend));
                weekend.start(span.begin);
                let shift = (amount - 1).checked_mul(dir * WEEK).ok_or(Raised)?;
                let start = weekend.next(c, pointer)?.begin.checked_add(shift).ok_or(Raised)?;
                Ok(Span::new(start, start + (span.end - span.begin)))
            }
            RepeaterKind::Unit(Unit::Weekday) => {
                if amount > 100_000 {
                    return Err(Raised);
                }
                let mut passed = 0;
                let mut offset = 0;
                // Chronic loops until it has passed `amount` weekdays (for
                // ever when the amount is 0 or negative: Ruby hangs).
                if amount <= 0 {
                    return Err(Raised);
                }
                while passed != amount {
                    offset += dir * DAY;
                    if !matches!(c.fields(span.begin + offset)?.wday, 0 | 6) {
                        passed += 1;
                    }
                }
                Ok(span.shifted(offset))
            }
            RepeaterKind::DayPortion(_) => {
                self.now = span.begin;
                let portion = self.next(c, pointer)?;
                Ok(portion.shifted(dir * (amount - 1).checked_mul(DAY).ok_or(Raised)?))
            }
            RepeaterKind::DayName(_) | RepeaterKind::MonthName(_) | RepeaterKind::Time(_) => Err(Raised),
        }
    }

    fn month_name_next(&mut self, c: &Clock, index: i64, pointer: Context) -> Ruby<Span> {
        let f = c.fields(self.now)?;
        let begin = match self.current {
            None => {
                let year = match pointer {
                    Context::Future if f.month < index => Some(f.year),
                    Context::Future if f.month > index => Some(f.year + 1),
                    Context::None if f.month <= index => Some(f.year),
                    Context::None => Some(f.year + 1),
                    Context::Past if f.month >= index => Some(f.year),
                    Context::Past => Some(f.year - 1),
                    // `next(:future)` in the month itself: Chronic raises
                    // "Current month should be set by now".
                    Context::Future => None,
                };
                c.construct(year.ok_or(Raised)?, index, 1, 0, 0, 0)?
            }
            Some(cur) => {
                let g = c.fields(cur)?;
                match pointer {
                    Context::Future => c.construct(g.year + 1, g.month, 1, 0, 0, 0)?,
                    Context::Past => c.construct(g.year - 1, g.month, 1, 0, 0, 0)?,
                    Context::None => cur,
                }
            }
        };
        self.current = Some(begin);
        let g = c.fields(begin)?;
        let (y, m) = if g.month == 12 { (g.year + 1, 1) } else { (g.year, g.month + 1) };
        Ok(Span::new(begin, c.construct(y, m, 1, 0, 0, 0)?))
    }

    fn portion_next(&mut self, c: &Clock, portion: Portion, pointer: Pointer) -> Ruby<Span> {
        let f = c.fields(self.now)?;
        let (range_begin, range_end) = match portion {
            Portion::From(h) => (h * 3600, (h + 12) * 3600),
            _ => portion_range(portion),
        };
        let span = match self.current_span {
            None => {
                let midnight = c.construct(f.year, f.month, f.day, 0, 0, 0)?;
                let now_seconds = self.now - midnight;
                let day = if now_seconds < range_begin {
                    match pointer {
                        Pointer::Future => f.day,
                        Pointer::Past => f.day - 1,
                    }
                } else if now_seconds > range_end {
                    match pointer {
                        Pointer::Future => f.day + 1,
                        Pointer::Past => f.day,
                    }
                } else {
                    match pointer {
                        Pointer::Future => f.day + 1,
                        Pointer::Past => f.day - 1,
                    }
                };
                let start = c.construct(f.year, f.month, day, 0, 0, 0)? + range_begin;
                Span::new(start, portion_end(c, start, range_end - range_begin)?)
            }
            Some(cur) => {
                let shift = sign(pointer);
                let b = c.fields(cur.begin)?;
                let e = c.fields(cur.end)?;
                Span::new(
                    c.construct(b.year, b.month, b.day + shift, b.hour, b.min, b.sec)?,
                    c.construct(e.year, e.month, e.day + shift, e.hour, e.min, e.sec)?,
                )
            }
        };
        self.current_span = Some(span);
        Ok(span)
    }

    fn time_next(&mut self, c: &Clock, tick: Tick, pointer: Pointer) -> Ruby<Span> {
        const HALF: i64 = 12 * 3600;
        const FULL: i64 = 24 * 3600;
        let now = self.now;
        let time = match self.current {
            None => {
                let f = c.fields(now)?;
                let midnight = c.local(f.year, f.month, f.day, 0, 0, 0)?;
                let adjust = |t: i64| -> Ruby<i64> { Ok(t + c.offset(midnight)? - c.offset(t)?) };
                let bases: &[i64] = match (pointer, tick.ambiguous) {
                    (Pointer::Future, true) => &[midnight, midnight + HALF, midnight + FULL],
                    (Pointer::Future, false) => &[midnight, midnight + FULL],
                    (Pointer::Past, true) => &[midnight + HALF, midnight, midnight - FULL + HALF],
                    (Pointer::Past, false) => &[midnight, midnight - FULL],
                };
                let mut found = None;
                for base in bases {
                    let t = adjust(base + tick.seconds)?;
                    let fits = match pointer {
                        Pointer::Future => t >= now,
                        Pointer::Past => t <= now,
                    };
                    if fits {
                        found = Some(t);
                        break;
                    }
                }
                // "Current time cannot be nil at this point".
                found.ok_or(Raised)?
            }
            Some(cur) => {
                let increment = if tick.ambiguous { HALF } else { FULL };
                cur + sign(pointer) * increment
            }
        };
        self.current = Some(time);
        Ok(Span::new(time, time + 1))
    }

    fn season_span(&mut self, c: &Clock, dir: i64, season: Season) -> Ruby<Span> {
        let f = c.fields(self.now)?;
        let (start, end) = match (self.current, self.current_span) {
            (Some(s), Some(e)) => (s, e.begin),
            _ => {
                let today = c.construct(f.year, f.month, f.day, 0, 0, 0)?;
                (today, today)
            }
        };
        let start = start + dir * days_until(c, self.now, season_start(season), dir)?;
        let end = end + dir * days_until(c, self.now, season_end(season), dir)?;
        self.current = Some(start);
        self.current_span = Some(Span::new(end, end));
        construct_season(c, start, end)
    }
}

impl From<Pointer> for Context {
    fn from(p: Pointer) -> Context {
        match p {
            Pointer::Past => Context::Past,
            Pointer::Future => Context::Future,
        }
    }
}

fn naive_date(year: i64, month: i64, day: i64) -> Ruby<NaiveDate> {
    let year = i32::try_from(year).map_err(|_| Raised)?;
    let month = u32::try_from(month).map_err(|_| Raised)?;
    let day = u32::try_from(day).map_err(|_| Raised)?;
    NaiveDate::from_ymd_opt(year, month, day).ok_or(Raised)
}

/// `RepeaterMonth#offset_by`.
fn month_offset_by(c: &Clock, time: i64, amount: i64, pointer: Pointer) -> Ruby<i64> {
    let f = c.fields(time)?;
    let signed = sign(pointer).checked_mul(amount).ok_or(Raised)?;
    let years = signed.div_euclid(12);
    let months = signed.rem_euclid(12);
    let mut year = f.year.checked_add(years).ok_or(Raised)?;
    let mut month = f.month + months;
    if month > 12 {
        year += 1;
        month -= 12;
    }
    let days = month_days(year, month).ok_or(Raised)?;
    c.construct(year, month, f.day.min(days), f.hour, f.min, f.sec)
}

/// `RepeaterYear#build_offset_time`.
fn year_offset(c: &Clock, time: i64, amount: i64, dir: i64) -> Ruby<i64> {
    let f = c.fields(time)?;
    let year = f.year.checked_add(amount.checked_mul(dir).ok_or(Raised)?).ok_or(Raised)?;
    let days = month_days(year, f.month).ok_or(Raised)?;
    c.construct(year, f.month, f.day.min(days), f.hour, f.min, f.sec)
}

/// `RepeaterDayPortion::PORTIONS`, in seconds after midnight.
fn portion_range(p: Portion) -> (i64, i64) {
    const H: i64 = 3600;
    match p {
        Portion::Am => (0, 12 * H - 1),
        Portion::Pm => (12 * H, 24 * H - 1),
        Portion::Morning => (6 * H, 12 * H),
        Portion::Afternoon => (13 * H, 17 * H),
        Portion::Evening => (17 * H, 20 * H),
        Portion::Night => (20 * H, 24 * H),
        Portion::From(h) => (h * H, (h + 12) * H),
    }
}

/// `construct_date_from_reference_and_offset`, with its odd second hand.
fn portion_end(c: &Clock, reference: i64, elapsed: i64) -> Ruby<i64> {
    let r = c.fields(reference)?;
    let second = (elapsed - 12 * 60).rem_euclid(60);
    let minute = ((elapsed - second) / 60).rem_euclid(60);
    let hour = (elapsed - minute - second) / 3600 + r.hour % 24;
    c.construct(r.year, r.month, r.day, hour, minute, second)
}

/// Season boundaries as (month, day).
fn season_start(s: Season) -> (i64, i64) {
    match s {
        Season::Spring => (3, 20),
        Season::Summer => (6, 21),
        Season::Autumn => (9, 23),
        Season::Winter => (12, 22),
    }
}

fn season_end(s: Season) -> (i64, i64) {
    match s {
        Season::Spring => (6, 20),
        Season::Summer => (9, 22),
        Season::Autumn => (12, 21),
        Season::Winter => (3, 19),
    }
}

const SEASONS: [Season; 4] = [Season::Spring, Season::Summer, Season::Autumn, Season::Winter];

fn season_after(s: Season, dir: i64) -> Season {
    let i = SEASONS.iter().position(|x| *x == s).unwrap_or(0) as i64;
    SEASONS.get((i + dir).rem_euclid(4) as usize).copied().unwrap_or(Season::Spring)
}

/// `MiniDate#is_between?` over the seasons.
fn current_season(month: i64, day: i64) -> Ruby<Season> {
    let between = |start: (i64, i64), end: (i64, i64)| {
        if month == start.0 && month == end.0 && (day < start.1 || day > end.1) {
            return false;
        }
        if (month == start.0 && day >= start.1) || (month == end.0 && day <= end.1) {
            return true;
        }
        let mut i = start.0 % 12 + 1;
        while i != end.0 {
            if month == i {
                return true;
            }
            i = i % 12 + 1;
        }
        false
    };
    SEASONS.iter().copied().find(|s| between(season_start(*s), season_end(*s))).ok_or(Raised)
}

/// `num_seconds_til`: days from now's local date (stepping by 24 hours)
/// until the month and day `goal`, in seconds.
fn days_until(c: &Clock, now: i64, goal: (i64, i64), dir: i64) -> Ruby<i64> {
    let f = c.fields(now)?;
    let start = c.construct(f.year, f.month, f.day, 0, 0, 0)?;
    let mut seconds = 0;
    for _ in 0..800 {
        let g = c.fields(start + dir * seconds)?;
        if (g.month, g.day) == goal {
            return Ok(seconds);
        }
        seconds += DAY;
    }
    Err(Raised)
}

fn construct_season(c: &Clock, start: i64, end: i64) -> Ruby<Span> {
    let s = c.fields(start)?;
    let e = c.fields(end)?;
    Ok(Span::new(c.construct(s.year, s.month, s.day, 0, 0, 0)?, c.construct(e.year, e.month, e.day, 0, 0, 0)?))
}
