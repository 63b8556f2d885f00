//! The date grammar: one function per rule of `grammar.md` section 3.
//!
//! Rules take the rest of the input and return the rest after them, so a
//! position is "bytes left" (see [`Tail`]). Alternatives are ordered (PEG);
//! each top-level alternative must reach the end of the input, so a prefix
//! match never hides a longer reading. A rule that has read enough to know
//! the user meant it and finds a mistake (`feb 30`, `25:00`) fails with
//! [`nom::Err::Failure`] and a message, which stops the search.

use chrono::NaiveDate;
use nom::bytes::complete::{tag, tag_no_case, take_while, take_while1};
use nom::character::complete::{char, digit1, one_of};
use nom::combinator::{eof, opt};
use nom::error::{ErrorKind, ParseError};
use nom::{IResult, Parser};

use super::ast::{Amount, Clock, Day, Expr, MonthRef, Nth, Part, Tail, Target, Unit, Within, Year, Ymd};
use super::business::BusinessUnit;
use super::units::{self, lookup, MODIFIERS, MONTHS, ORDINAL_WORDS, PARTS, WEEKDAYS};
use super::Direction;

/// A grammar error: where, and for a [`nom::Err::Failure`], what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct PErr {
    pub(crate) at: Tail,
    pub(crate) message: Option<String>,
}

impl<'a> ParseError<&'a str> for PErr {
    fn from_error_kind(input: &'a str, _kind: ErrorKind) -> Self {
        PErr { at: Tail { start: input.len(), end: input.len() }, message: None }
    }

    fn append(_input: &'a str, _kind: ErrorKind, other: Self) -> Self {
        other
    }

    /// Of two failed alternatives, keep the one that read furthest: its
    /// position is the best guess of where the text stops making sense.
    fn or(self, other: Self) -> Self {
        if other.at.start < self.at.start {
            other
        } else {
            self
        }
    }
}

type R<'a, T> = IResult<&'a str, T, PErr>;

fn tail(before: &str, after: &str) -> Tail {
    Tail { start: before.len(), end: after.len() }
}

/// A recoverable mismatch at `i`: the caller tries its next alternative.
fn mismatch<T>(i: &str) -> R<'_, T> {
    Err(nom::Err::Error(PErr::from_error_kind(i, ErrorKind::Verify)))
}

/// A definite mistake between `before` and `after`.
fn mistake<'a, T>(before: &str, after: &str, message: String) -> R<'a, T> {
    Err(nom::Err::Failure(PErr { at: tail(before, after), message: Some(message) }))
}

/// `date = ws* expr ws* EOF`
pub(crate) fn date(i: &str) -> R<'_, Expr> {
    let (i, _) = ows(i)?;
    expr(i)
}

/// `expr = instant | business | shift | ordinal | part_of_day | grain
///        | day_time | month | time_alone | now`, each up to the end.
fn expr(i: &str) -> R<'_, Expr> {
    nom::branch::alt((
        to_end(instant),
        to_end(business),
        to_end(shift),
        to_end(ordinal),
        to_end(part_of_day),
        to_end(grain),
        to_end(day_time),
        to_end(|i| month_ref(i).map(|(r, m)| (r, Expr::Month(m)))),
        to_end(time_alone),
        to_end(now),
    ))
    .parse(i)
}

fn to_end<'a>(mut p: impl FnMut(&'a str) -> R<'a, Expr>) -> impl FnMut(&'a str) -> R<'a, Expr> {
    move |i| {
        let (i, e) = p(i)?;
        let (i, _) = end(i)?;
        Ok((i, e))
    }
}

/// `end = ws* EOF`
fn end(i: &str) -> R<'_, ()> {
    let (i, _) = ows(i)?;
    let (i, _) = eof(i)?;
    Ok((i, ()))
}

/// Optional white space (any Unicode white space).
fn ows(i: &str) -> R<'_, &str> {
    take_while(char::is_whitespace)(i)
}

/// Required white space.
fn ws(i: &str) -> R<'_, &str> {
    take_while1(char::is_whitespace)(i)
}

/// A run of ASCII letters.
fn word(i: &str) -> R<'_, &str> {
    take_while1(|c: char| c.is_ascii_alphabetic())(i)
}

/// The keyword `w`, as a whole word, any case.
fn kw<'a>(w: &'static str) -> impl Fn(&'a str) -> R<'a, ()> {
    move |i| {
        let (rest, got) = word(i)?;
        if got.eq_ignore_ascii_case(w) {
            Ok((rest, ()))
        } else {
            mismatch(i)
        }
    }
}

/// A word found in `table`.
fn from_table<'a, T: Copy>(table: &'static [(&'static str, T)]) -> impl Fn(&'a str) -> R<'a, T> {
    move |i| {
        let (rest, got) = word(i)?;
        match lookup(table, got) {
            Some(v) => Ok((rest, v)),
            None => mismatch(i),
        }
    }
}

/// A run of digits and its value; too large for `u64` is a mistake.
fn number(i: &str) -> R<'_, (u64, usize)> {
    let (rest, digits) = digit1(i)?;
    let mut value: u64 = 0;
    for b in digits.bytes() {
        let d = u64::from(b - b'0');
        value = match value.checked_mul(10).and_then(|v| v.checked_add(d)) {
            Some(v) => v,
            None => return mistake(i, rest, format!("the number `{digits}` is too large")),
        };
    }
    Ok((rest, (value, digits.len())))
}

/// A number of at most `max_len` digits, as `u32`.
fn small(max_len: usize) -> impl Fn(&str) -> R<'_, (u32, usize)> {
    move |i| {
        let (rest, digits) = digit1(i)?;
        if digits.len() > max_len {
            return mismatch(i);
        }
        let v = digits.bytes().fold(0u32, |acc, b| acc * 10 + u32::from(b - b'0'));
        Ok((rest, (v, digits.len())))
    }
}

// ---------------------------------------------------------------- instants

/// `instant = iso_date [("t" | ws) clock24 [ws* zone]]`; without a zone it
/// is a local date and time, without a time a whole day.
fn instant(i: &str) -> R<'_, Expr> {
    let start = i;
    let (i, date) = iso_date(i)?;
    let day = Day::Date { year: Some(Year::Full(date.year)), month: date.month, day: date.day, at: tail(start, i) };
    // A date alone is the commonest value of all: read it here, in one
    // pass, rather than after every other alternative has failed.
    let Ok((i, _)) = nom::branch::alt((tag_no_case("t"), ws)).parse(i) else {
        return Ok((i, Expr::Day { day, time: None }));
    };
    let (i, time) = clock24(i)?;
    let (i, zone) = opt(|i| {
        let (i, _) = ows(i)?;
        zone(i)
    })
    .parse(i)?;
    let expr = match zone {
        Some(offset_secs) => Expr::Instant { date, time, offset_secs },
        None => Expr::Day { day, time: Some(time) },
    };
    Ok((i, expr))
}

/// `iso_date = yyyy ("-" | "/") m{1,2} same-sep d{1,2}`, checked.
fn iso_date(i: &str) -> R<'_, Ymd> {
    let start = i;
    let (i, (year, ylen)) = small(4)(i)?;
    if ylen != 4 {
        return mismatch(start);
    }
    let (i, sep) = one_of("-/")(i)?;
    let (i, (month, _)) = small(2)(i)?;
    let (i, _) = char(sep)(i)?;
    let (i, (day, _)) = small(2)(i)?;
    let year = year as i32;
    if NaiveDate::from_ymd_opt(year, month, day).is_none() {
        return mistake(start, i, impossible_date(Some(year), month, day));
    }
    Ok((i, Ymd { year, month, day }))
}

/// `clock24 = h{1,2} ":" mm [":" ss [("." | ",") digits]]`, checked.
fn clock24(i: &str) -> R<'_, Clock> {
    let start = i;
    let (i, (hour, _)) = small(2)(i)?;
    let (i, (minute, second)) = minutes_seconds(i)?;
    check_clock(start, i, hour, minute, second)
}

/// `":" mm [":" ss [("." | ",") digits]]`; fractions of a second are dropped,
/// as the span is the whole second.
fn minutes_seconds(i: &str) -> R<'_, (u32, u32)> {
    let (i, _) = char(':')(i)?;
    let (i, (minute, mlen)) = small(2)(i)?;
    if mlen != 2 {
        return mismatch(i);
    }
    let (i, second) = opt(|i| {
        let (i, _) = char(':')(i)?;
        let (i, (s, slen)) = small(2)(i)?;
        if slen != 2 {
            return mismatch(i);
        }
        let (i, _) = opt((one_of(".,"), digit1)).parse(i)?;
        Ok((i, s))
    })
    .parse(i)?;
    Ok((i, (minute, second.unwrap_or(0))))
}

fn check_clock<'a>(start: &str, i: &'a str, hour: u32, minute: u32, second: u32) -> R<'a, Clock> {
    if hour > 23 {
        return mistake(start, i, format!("there is no hour {hour}: hours go from 0 to 23"));
    }
    if minute > 59 || second > 59 {
        return mistake(start, i, "minutes and seconds go from 00 to 59".to_owned());
    }
    Ok((i, Clock { hour, minute, second }))
}

/// `zone = "z" | "utc" | "gmt" | ("+" | "-") hh [[":"] mm]`, in seconds east.
fn zone(i: &str) -> R<'_, i32> {
    let start = i;
    if let Ok((i, _)) = nom::branch::alt((kw("z"), kw("utc"), kw("gmt"))).parse(i) {
        return Ok((i, 0));
    }
    let (i, sign) = one_of("+-")(i)?;
    let (i, (hh, hlen)) = small(2)(i)?;
    if hlen != 2 {
        return mismatch(start);
    }
    let (i, mm) = opt(|i| {
        let (i, _) = opt(char(':')).parse(i)?;
        small(2)(i)
    })
    .parse(i)?;
    let mm = mm.map_or(0, |(m, _)| m);
    if hh > 23 || mm > 59 {
        return mistake(start, i, "a UTC offset goes from -23:59 to +23:59".to_owned());
    }
    let secs = (hh * 3600 + mm * 60) as i32;
    Ok((i, if sign == '-' { -secs } else { secs }))
}

/// `now = ["right" ws] "now"`
fn now(i: &str) -> R<'_, Expr> {
    let (i, _) = opt((kw("right"), ws)).parse(i)?;
    let (i, _) = kw("now")(i)?;
    Ok((i, Expr::Now))
}

// ---------------------------------------------------------------- amounts

/// `business = count ws "business" ws bunit ws direction
///           | "in" ws count ws "business" ws bunit`
fn business(i: &str) -> R<'_, Expr> {
    let ahead = |i| {
        let (i, (amount, _)) = count(i)?;
        let (i, _) = (ws, kw("business"), ws).parse(i)?;
        let (i, unit) = business_unit(i)?;
        let (i, _) = ws(i)?;
        let (i, dir) = direction(i)?;
        Ok((i, (amount, unit, dir)))
    };
    let inside = |i| {
        let (i, _) = (kw("in"), ws).parse(i)?;
        let (i, (amount, _)) = count(i)?;
        let (i, _) = (ws, kw("business"), ws).parse(i)?;
        let (i, unit) = business_unit(i)?;
        Ok((i, (amount, unit, Direction::Future)))
    };
    let (i, (amount, unit, dir)) = nom::branch::alt((ahead, inside)).parse(i)?;
    Ok((i, Expr::Business { amount, unit, dir }))
}

/// `bunit = "minute"["s"] | "min"["s"] | "hour"["s"] | "hr"["s"] | "day"["s"]`
fn business_unit(i: &str) -> R<'_, BusinessUnit> {
    let (rest, w) = word(i)?;
    match units::unit(w) {
        Some((Unit::Minute, 1)) => Ok((rest, BusinessUnit::Minute)),
        Some((Unit::Hour, 1)) => Ok((rest, BusinessUnit::Hour)),
        Some((Unit::Day, 1)) => Ok((rest, BusinessUnit::Day)),
        _ => mismatch(i),
    }
}

/// `count = digits | "a" | "an" | "one"`, with its position.
fn count(i: &str) -> R<'_, (u64, Tail)> {
    let start = i;
    let (i, n) = nom::branch::alt((
        |i| number(i).map(|(r, (n, _))| (r, n)),
        |i| kw("a")(i).map(|(r, _)| (r, 1)),
        |i| kw("an")(i).map(|(r, _)| (r, 1)),
        |i| kw("one")(i).map(|(r, _)| (r, 1)),
    ))
    .parse(i)?;
    Ok((i, (n, tail(start, i))))
}

/// `direction = "ago" | "from" ws "now" | "hence" | "later"`
fn direction(i: &str) -> R<'_, Direction> {
    nom::branch::alt((
        |i| kw("ago")(i).map(|(r, _)| (r, Direction::Past)),
        |i| (kw("from"), ws, kw("now")).parse(i).map(|(r, _)| (r, Direction::Future)),
        |i| kw("hence")(i).map(|(r, _)| (r, Direction::Future)),
        |i| kw("later")(i).map(|(r, _)| (r, Direction::Future)),
    ))
    .parse(i)
}

/// `amount = "half" ws ("a" | "an") ws unit | count ws unit`
fn amount(i: &str) -> R<'_, Amount> {
    let start = i;
    if let Ok((i, _)) = (kw("half"), ws, nom::branch::alt((kw("a"), kw("an"))), ws).parse(i) {
        let (rest, w) = word(i)?;
        let half = match units::unit(w) {
            Some((Unit::Minute, 1)) => (30, Unit::Second),
            Some((Unit::Hour, 1)) => (30, Unit::Minute),
            Some((Unit::Day, 1)) => (12, Unit::Hour),
            Some((Unit::Week, 1)) => (84, Unit::Hour),
            Some(_) => return mistake(start, rest, format!("half a {w} is not a whole number of smaller units")),
            None => return mismatch(i),
        };
        return Ok((rest, Amount { count: half.0, unit: half.1, at: tail(start, rest) }));
    }
    let (i, (n, _)) = count(i)?;
    let (i, _) = ws(i)?;
    let (rest, w) = word(i)?;
    let Some((unit, factor)) = units::unit(w) else {
        return mismatch(i);
    };
    let Some(count) = n.checked_mul(factor) else {
        return mistake(start, rest, "this amount of time is too large".to_owned());
    };
    Ok((rest, Amount { count, unit, at: tail(start, rest) }))
}

/// `shift = "in" ws amount [at] | amount ws direction [at]`
fn shift(i: &str) -> R<'_, Expr> {
    let inside = |i| {
        let (i, _) = (kw("in"), ws).parse(i)?;
        let (i, a) = amount(i)?;
        Ok((i, (a, Direction::Future)))
    };
    let ahead = |i| {
        let (i, a) = amount(i)?;
        let (i, _) = ws(i)?;
        let (i, d) = direction(i)?;
        Ok((i, (a, d)))
    };
    let (i, (amount, dir)) = nom::branch::alt((inside, ahead)).parse(i)?;
    let (i, time) = opt(at_time).parse(i)?;
    Ok((i, Expr::Shift { amount, dir, time }))
}

// ---------------------------------------------------------------- times

/// `at_time = ws ("at" | "@") ws clock_after_at`
fn at_time(i: &str) -> R<'_, Clock> {
    let (i, _) = ows(i)?;
    let (i, _) = nom::branch::alt((kw("at"), |i| tag("@")(i).map(|(r, _)| (r, ())))).parse(i)?;
    let (i, _) = ows(i)?;
    clock(i, true)
}

/// `clock = "noon" | "midnight" | h [":" mm [":" ss]] ws* ampm
///        | h ":" mm [":" ss] | hour` (a bare hour only after `at`).
///
/// After `at`, a one-digit hour 1-6 without am/pm is in the afternoon
/// (`january 5 at 4` is 16:00), as Chronic reads it.
fn clock(i: &str, after_at: bool) -> R<'_, Clock> {
    if let Ok((r, _)) = kw("noon")(i) {
        return Ok((r, Clock { hour: 12, minute: 0, second: 0 }));
    }
    if let Ok((r, _)) = kw("midnight")(i) {
        return Ok((r, Clock { hour: 0, minute: 0, second: 0 }));
    }
    let start = i;
    let (i, (hour, hlen)) = small(2)(i)?;
    let (i, ms) = opt(minutes_seconds).parse(i)?;
    let (i, pm) = opt(|i| {
        let (i, _) = ows(i)?;
        ampm(i)
    })
    .parse(i)?;
    let (minute, second) = ms.unwrap_or((0, 0));
    let hour = match pm {
        Some(pm) => {
            if !(1..=12).contains(&hour) {
                return mistake(start, i, format!("there is no hour {hour} on a 12-hour clock"));
            }
            match (hour, pm) {
                (12, false) => 0,
                (12, true) => 12,
                (h, false) => h,
                (h, true) => h + 12,
            }
        }
        None if ms.is_none() && !after_at => return mismatch(start),
        None if after_at && hlen == 1 && (1..=6).contains(&hour) => hour + 12,
        None => hour,
    };
    check_clock(start, i, hour, minute, second)
}

/// `ampm = "am" | "pm" | "a.m." | "p.m."`; true for pm.
fn ampm(i: &str) -> R<'_, bool> {
    nom::branch::alt((
        |i| tag_no_case("a.m.")(i).map(|(r, _)| (r, false)),
        |i| tag_no_case("p.m.")(i).map(|(r, _)| (r, true)),
        |i| kw("am")(i).map(|(r, _)| (r, false)),
        |i| kw("pm")(i).map(|(r, _)| (r, true)),
    ))
    .parse(i)
}

/// `time_alone = [("at" | "@") ws] clock`
fn time_alone(i: &str) -> R<'_, Expr> {
    if let Ok((i, c)) = at_time(i) {
        return Ok((i, Expr::Time(c)));
    }
    let (i, c) = clock(i, false)?;
    Ok((i, Expr::Time(c)))
}

// ---------------------------------------------------------------- days

/// `day_time = clock ws ["on" ws] day | day [[ws* ","] (at_time | ws clock)]`
fn day_time(i: &str) -> R<'_, Expr> {
    let time_first = |i| {
        let (i, time) = clock(i, false)?;
        let (i, _) = ws(i)?;
        let (i, _) = opt((kw("on"), ws)).parse(i)?;
        let (i, day) = day(i)?;
        Ok((i, Expr::Day { day, time: Some(time) }))
    };
    let day_first = |i| {
        let (i, day) = day(i)?;
        let (i, time) = opt(|i| {
            let (i, _) = opt((ows, char(','))).parse(i)?;
            nom::branch::alt((at_time, |i| {
                let (i, _) = ws(i)?;
                clock(i, false)
            }))
            .parse(i)
        })
        .parse(i)?;
        Ok((i, Expr::Day { day, time }))
    };
    nom::branch::alt((time_first, day_first)).parse(i)
}

/// `day = "today" | "yesterday" | "tomorrow" | [modifier ws] weekday
///      | iso_date | numeric | month_day | day_month`
fn day(i: &str) -> R<'_, Day> {
    nom::branch::alt((
        |i| kw("today")(i).map(|(r, _)| (r, Day::Today)),
        |i| kw("yesterday")(i).map(|(r, _)| (r, Day::Yesterday)),
        |i| kw("tomorrow")(i).map(|(r, _)| (r, Day::Tomorrow)),
        weekday,
        |i| {
            let start = i;
            let (i, d) = iso_date(i)?;
            Ok((i, Day::Date { year: Some(Year::Full(d.year)), month: d.month, day: d.day, at: tail(start, i) }))
        },
        numeric,
        month_day,
        day_month,
    ))
    .parse(i)
}

/// `weekday = [modifier ws] weekday_name`
fn weekday(i: &str) -> R<'_, Day> {
    let (i, modifier) = opt(|i| {
        let (i, m) = from_table(MODIFIERS)(i)?;
        let (i, _) = ws(i)?;
        Ok((i, m))
    })
    .parse(i)?;
    let (i, weekday) = from_table(WEEKDAYS)(i)?;
    Ok((i, Day::Weekday { modifier, weekday }))
}

/// `numeric = n{1,2} sep n{1,2} [same-sep (yy | yyyy)]`, sep in `/ - .`;
/// which number is the month is left to the locale.
fn numeric(i: &str) -> R<'_, Day> {
    let start = i;
    let (i, (first, _)) = small(2)(i)?;
    let (i, sep) = one_of("/-.")(i)?;
    let (i, (second, _)) = small(2)(i)?;
    let (i, year) = opt(|i| {
        let (i, _) = char(sep)(i)?;
        let (r, (y, len)) = small(4)(i)?;
        match len {
            2 => Ok((r, Year::Short(y))),
            4 => Ok((r, Year::Full(y as i32))),
            _ => mismatch(i),
        }
    })
    .parse(i)?;
    let full = match year {
        Some(Year::Full(y)) => Some(y),
        _ => None,
    };
    if !plausible(full, first, second) && !plausible(full, second, first) {
        return mistake(start, i, format!("`{first}{sep}{second}` is not a valid day and month in either order"));
    }
    Ok((i, Day::Numeric { first, second, year, at: tail(start, i) }))
}

/// Whether `month`/`day` can be a date (in `year` when known; February 29
/// is allowed when the year is not known yet).
pub(crate) fn plausible(year: Option<i32>, month: u32, day: u32) -> bool {
    NaiveDate::from_ymd_opt(year.unwrap_or(2000), month, day).is_some()
}

/// The message for a date that does not exist.
pub(crate) fn impossible_date(year: Option<i32>, month: u32, day: u32) -> String {
    if !(1..=12).contains(&month) {
        return format!("there is no month {month}");
    }
    let name = units::month_name(month);
    match year {
        Some(y) => format!("{name} {y} has no day {day}"),
        None => format!("{name} has no day {day}"),
    }
}

/// `day_num = d{1,2} [ordinal suffix]`, 1 to 31.
fn day_num(i: &str) -> R<'_, u32> {
    let (i, (d, _)) = small(2)(i)?;
    let (i, _) = opt(suffix).parse(i)?;
    if !(1..=31).contains(&d) {
        return mismatch(i);
    }
    Ok((i, d))
}

/// `suffix = "st" | "nd" | "rd" | "th"`
fn suffix(i: &str) -> R<'_, ()> {
    nom::branch::alt((kw("st"), kw("nd"), kw("rd"), kw("th"))).parse(i)
}

/// `year_tail = [ws* ","] ws yyyy`
fn year_tail(i: &str) -> R<'_, Year> {
    let (i, _) = opt((ows, char(','))).parse(i)?;
    let (i, _) = ws(i)?;
    let (r, (y, len)) = small(4)(i)?;
    if len != 4 {
        return mismatch(i);
    }
    Ok((r, Year::Full(y as i32)))
}

/// `month_day = month_name ws* day_num [year_tail]`
fn month_day(i: &str) -> R<'_, Day> {
    let start = i;
    let (i, month) = from_table(MONTHS)(i)?;
    let (i, _) = ows(i)?;
    let (i, day) = day_num(i)?;
    let (i, year) = opt(year_tail).parse(i)?;
    checked_date(start, i, year, month, day)
}

/// `day_month = day_num ws ["of" ws] month_name [year_tail]`
fn day_month(i: &str) -> R<'_, Day> {
    let start = i;
    let (i, day) = day_num(i)?;
    let (i, _) = ws(i)?;
    let (i, _) = opt((kw("of"), ws)).parse(i)?;
    let (i, month) = from_table(MONTHS)(i)?;
    let (i, year) = opt(year_tail).parse(i)?;
    checked_date(start, i, year, month, day)
}

fn checked_date<'a>(start: &str, i: &'a str, year: Option<Year>, month: u32, day: u32) -> R<'a, Day> {
    let full = match year {
        Some(Year::Full(y)) => Some(y),
        _ => None,
    };
    if !plausible(full, month, day) {
        return mistake(start, i, impossible_date(full, month, day));
    }
    Ok((i, Day::Date { year, month, day, at: tail(start, i) }))
}

// ---------------------------------------------------------------- spans

/// `month_ref = modifier ws month_name | month_name [year_tail]`
fn month_ref(i: &str) -> R<'_, MonthRef> {
    let with_modifier = |i| {
        let (i, modifier) = from_table(MODIFIERS)(i)?;
        let (i, _) = ws(i)?;
        let (i, month) = from_table(MONTHS)(i)?;
        Ok((i, MonthRef { modifier: Some(modifier), month, year: None }))
    };
    let plain = |i| {
        let (i, month) = from_table(MONTHS)(i)?;
        let (i, year) = opt(year_tail).parse(i)?;
        Ok((i, MonthRef { modifier: None, month, year }))
    };
    nom::branch::alt((with_modifier, plain)).parse(i)
}

/// `grain = modifier ws grain_unit`
fn grain(i: &str) -> R<'_, Expr> {
    let (i, modifier) = from_table(MODIFIERS)(i)?;
    let (i, _) = ws(i)?;
    let (i, grain) = grain_unit(i)?;
    Ok((i, Expr::Grain { modifier, grain }))
}

/// A singular calendar unit: `second | minute | hour | day | week | month | year`.
fn grain_unit(i: &str) -> R<'_, Unit> {
    let (rest, w) = word(i)?;
    match units::unit(w) {
        Some((u, 1)) if !w.ends_with('s') => Ok((rest, u)),
        _ => mismatch(i),
    }
}

/// `part_of_day = "tonight" | "last" ws "night" | "this" ws part
///              | day ws part | part`
fn part_of_day(i: &str) -> R<'_, Expr> {
    if let Ok((r, _)) = kw("tonight")(i) {
        return Ok((r, Expr::PartOfDay { day: Day::Today, part: Part::Night }));
    }
    if let Ok((r, _)) = (kw("last"), ws, kw("night")).parse(i) {
        return Ok((r, Expr::PartOfDay { day: Day::Yesterday, part: Part::Night }));
    }
    if let Ok((r, (_, _, part))) = (kw("this"), ws, from_table(PARTS)).parse(i) {
        return Ok((r, Expr::PartOfDay { day: Day::Today, part }));
    }
    if let Ok((r, part)) = from_table(PARTS)(i) {
        return Ok((r, Expr::PartOfDay { day: Day::Today, part }));
    }
    let (i, day) = day(i)?;
    let (i, _) = ws(i)?;
    let (i, part) = from_table(PARTS)(i)?;
    Ok((i, Expr::PartOfDay { day, part }))
}

/// `ordinal = nth ws target ws [("in" | "of") ws] within [at_time]`
fn ordinal(i: &str) -> R<'_, Expr> {
    let start = i;
    let (i, nth) = nth(i)?;
    let (i, _) = ws(i)?;
    let (i, target) = nom::branch::alt((
        |i| from_table(WEEKDAYS)(i).map(|(r, w)| (r, Target::Weekday(w))),
        |i| {
            let (r, u) = grain_unit(i)?;
            match u {
                Unit::Day | Unit::Week | Unit::Month => Ok((r, Target::Unit(u))),
                _ => mismatch(i),
            }
        },
    ))
    .parse(i)?;
    let (i, _) = ws(i)?;
    let (i, _) = opt((nom::branch::alt((kw("in"), kw("of"))), ws)).parse(i)?;
    let (i, within) = nom::branch::alt((
        |i| {
            let (i, modifier) = from_table(MODIFIERS)(i)?;
            let (i, _) = ws(i)?;
            let (r, grain) = grain_unit(i)?;
            match grain {
                Unit::Week | Unit::Month | Unit::Year => Ok((r, Within::Grain { modifier, grain })),
                _ => mismatch(i),
            }
        },
        |i| month_ref(i).map(|(r, m)| (r, Within::Month(m))),
    ))
    .parse(i)?;
    let at = tail(start, i);
    let (i, time) = opt(at_time).parse(i)?;
    Ok((i, Expr::Ordinal { nth, target, within, time, at }))
}

/// `nth = digits suffix | ordinal_word | "last"`
fn nth(i: &str) -> R<'_, Nth> {
    if let Ok((r, n)) = from_table(ORDINAL_WORDS)(i) {
        return Ok((r, Nth::Number(n)));
    }
    if let Ok((r, _)) = kw("last")(i) {
        return Ok((r, Nth::Last));
    }
    let (r, (n, _)) = small(3)(i)?;
    let (r, _) = suffix(r)?;
    if n == 0 {
        return mistake(i, r, "ordinals start at 1st".to_owned());
    }
    Ok((r, Nth::Number(n)))
}
