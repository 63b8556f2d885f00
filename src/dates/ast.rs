//! The context-free meaning of a date expression.
//!
//! Nothing here knows "now": a node says *which* day, month or instant the
//! user named, and `resolve` turns it into a span for a given context.
//! Spans inside the tree are counted from the *end* of the text (see
//! [`Tail`]), because the grammar only ever sees the rest of its input.

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
    /// `now`.
    Now,
    /// A date and time with an explicit UTC offset (`...Z`, `+01:00`).
    Instant { date: Ymd, time: Clock, offset_secs: i32 },
    /// A day, whole or at a clock time.
    Day { day: Day, time: Option<Clock> },
    /// A clock time alone, completed to the nearest day by the preference.
    Time(Clock),
    /// `N units ago`, `in N units`, optionally `at <time>`.
    Shift { amount: Amount, dir: Direction, time: Option<Clock> },
    /// `N business hours ago` and friends, counted by the business calendar.
    Business { amount: u64, unit: BusinessUnit, dir: Direction },
    /// `last week`, `this month`, `next year`: a whole calendar unit.
    Grain { modifier: Modifier, grain: Unit },
    /// A whole month: `march`, `last march`, `jan 2011`.
    Month(MonthRef),
    /// A part of a day: `this morning`, `tonight`, `yesterday evening`.
    PartOfDay { day: Day, part: Part },
    /// `1st thursday in november`, `4th day last week`, `last day of january`.
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
}

/// `last`, `this` or `next`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Modifier {
    Last,
    This,
    Next,
}

/// A calendar unit.
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

/// An amount of time: `2 hours`, `a week`, `half an hour` (= 30 minutes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Amount {
    pub(crate) count: u64,
    pub(crate) unit: Unit,
    pub(crate) at: Tail,
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
    Unit(Unit),
}

/// What an ordinal counts inside.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Within {
    Month(MonthRef),
    Grain { modifier: Modifier, grain: Unit },
}
