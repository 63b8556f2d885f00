//! The context-free meaning of a date expression.
//!
//! Nothing here knows "now": a node says *which* day, month or instant the
//! user named, and `resolve` turns it into a span for a given context.
//! Spans inside the tree are counted from the *end* of the text (see
//! [`Tail`]), because the grammar only ever sees the rest of its input.
//!
//! The tree is built from a few pieces that combine freely: a [`Day`], a
//! [`Part`] of it and a [`Clock`] time make a point; [`Amount`]s move any
//! point; a [`Period`] or [`Season`] names a span; an ordinal picks one
//! day, week, month or quarter inside a span.

use chrono::Weekday;

use super::business::BusinessUnit;
use super::Direction;

/// A position range in the expression, counted as "bytes left to read" at
/// the start and at the end of the piece. `HumanDate` turns it into a
/// [`crate::Span`] once the full length is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Tail {
    pub(crate) start: usize,
    pub(crate) end: usize,
}

/// A whole expression.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Expr {
    /// `now`, `right now`, `this second`.
    Now,
    /// A date and time with an explicit UTC offset (`...Z`, `+01:00`, `PDT`),
    /// and the weekday written before it, if any (checked, not used).
    Instant { date: Ymd, time: Clock, offset_secs: i32, weekday: Option<(Weekday, Tail)> },
    /// A day: whole, a part of it, or a clock time on it. `weekday` is a
    /// weekday written next to a date (`Thu Aug 10`), checked, not used.
    Day { day: Day, part: Option<Part>, time: Option<Clock>, weekday: Option<(Weekday, Tail)> },
    /// A clock time alone, completed to the nearest day by the preference.
    Time(Clock),
    /// A time phrase alone on a 12-hour dial (`half past 2`, `10 to 2`):
    /// either the morning's or the afternoon's, whichever is nearest in
    /// the preferred direction. The hour is 0-11.
    Dial(Clock),
    /// Amounts of time before or after now or after an anchor
    /// (`2 hours ago`, `3 years ago tomorrow`, `7 hours before tomorrow at
    /// midnight`), optionally put at a clock time (`2 weeks ago at 4pm`).
    Shift { amounts: Vec<Amount>, dir: Direction, base: Option<Box<Expr>>, time: Option<Clock> },
    /// The n-th weekend, weekday or part of a day before or after now
    /// (`2 weekends ago`, `5 mornings ago`, `1 monday from now`).
    Occurrence { count: u64, of: Recurring, dir: Direction, at: Tail },
    /// `N business hours ago` and friends, counted by the business calendar.
    Business { amount: u64, unit: BusinessUnit, dir: Direction },
    /// `last week`, `this quarter`, `next weekend`, `month`: a whole period.
    Grain { modifier: Modifier, grain: Period },
    /// A whole month: `march`, `last march`, `jan 2011`, `2012-06`.
    Month(MonthRef),
    /// A season: `last spring`, `this winter`, `summer`.
    Season { modifier: Option<Modifier>, season: Season },
    /// `1st thursday in november`, `4th day last week`, `Q1 2005`.
    Ordinal { nth: Nth, target: Target, within: Within, time: Option<Clock>, at: Tail },
}

/// A calendar date whose fields were checked by the grammar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Ymd {
    pub(crate) year: i32,
    pub(crate) month: u32,
    pub(crate) day: u32,
}

/// A clock time, checked by the grammar (hour 0-23, minute and second 0-59).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Clock {
    pub(crate) hour: u32,
    pub(crate) minute: u32,
    pub(crate) second: u32,
}

/// A year as written: four digits, or two digits completed from "now".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Year {
    Full(i32),
    Short(u32),
}

/// A named day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Day {
    Today,
    Yesterday,
    Tomorrow,
    Weekday {
        modifier: Option<Modifier>,
        weekday: Weekday,
    },
    /// A weekday of a named week: `last week tuesday`, `friday next week`.
    WeekdayOfWeek {
        week: Modifier,
        weekday: Weekday,
    },
    /// Month and day, with or without a year (`dec 25`, `2011-02-03`).
    Date {
        year: Option<Year>,
        month: u32,
        day: u32,
        at: Tail,
    },
    /// `a/b[/y]`: which of `a` and `b` is the month depends on the locale.
    Numeric {
        first: u32,
        second: u32,
        year: Option<Year>,
        at: Tail,
    },
    /// A day of the month alone (`28th`), completed by the preference.
    OfMonth {
        day: u32,
        at: Tail,
    },
}

/// `last`, `this` or `next`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Modifier {
    Last,
    This,
    Next,
}

/// A unit of an amount of time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Year,
}

/// A named period: what `last`, `this` and `next` count in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Period {
    Second,
    Minute,
    Hour,
    Day,
    /// Sunday to Sunday.
    Week,
    /// Saturday and Sunday.
    Weekend,
    /// Two weeks from the Sunday of the current week.
    Fortnight,
    Month,
    /// January-March, April-June, July-September, October-December.
    Quarter,
    Year,
}

/// An amount of time: `2 hours`, `a week`, `half an hour` (= 30 minutes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Amount {
    pub(crate) count: u64,
    pub(crate) unit: Unit,
    pub(crate) at: Tail,
}

/// Something that recurs, counted by [`Expr::Occurrence`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Recurring {
    Weekend,
    Part(Part),
}

/// A month, with an optional modifier or year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct MonthRef {
    pub(crate) modifier: Option<Modifier>,
    pub(crate) month: u32,
    pub(crate) year: Option<Year>,
}

/// A named part of a day, with Chronic's hours.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Part {
    /// 06:00-12:00.
    Morning,
    /// 13:00-17:00.
    Afternoon,
    /// 17:00-20:00.
    Evening,
    /// 20:00-24:00.
    Night,
}

/// A season of the northern hemisphere, with Chronic's fixed dates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Season {
    /// 20 March to 21 June.
    Spring,
    /// 21 June to 23 September.
    Summer,
    /// 23 September to 22 December.
    Autumn,
    /// 22 December to 20 March.
    Winter,
}

/// Which occurrence an ordinal names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Nth {
    /// The n-th, counting from 1.
    Number(u32),
    /// The last one.
    Last,
}

/// What an ordinal counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Target {
    Weekday(Weekday),
    Day,
    Week,
    Month,
    Quarter,
}

/// What an ordinal counts inside.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Within {
    Month(MonthRef),
    Grain { modifier: Modifier, grain: Period },
    Year(Year),
}
