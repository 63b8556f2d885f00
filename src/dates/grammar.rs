//! The date grammar: one function per rule of `grammar.md` section 3.
//!
//! Rules take the rest of the input and return the rest after them, so a
//! position is "bytes left" (see [`Tail`]). Alternatives are ordered (PEG);
//! each top-level alternative must reach the end of the input, so a prefix
//! match never hides a longer reading. A rule that has read enough to know
//! the user meant it and finds a mistake (`feb 30`, `25:00`) fails with
//! [`nom::Err::Failure`] and a message, which stops the search.
//!
//! The rules are small and combine: a day, a part of the day and a clock
//! time make a point (`friday evening at 7`); amounts move a point
//! (`3 years ago tomorrow`); periods and ordinals name spans.

use chrono::{NaiveDate, Weekday};
use nom::bytes::complete::{tag, tag_no_case, take_while, take_while1, take_while_m_n};
use nom::character::complete::{char, digit1, one_of};
use nom::combinator::{eof, opt};
use nom::error::{ErrorKind, ParseError};
use nom::{IResult, Parser};

use super::ast::{
    Amount, Clock, Day, Expr, Modifier, MonthRef, Nth, Part, Period, Recurring, Tail, Target, Unit, Within, Year, Ymd,
};
use super::business::BusinessUnit;
use super::units::{
    self, lookup, MODIFIERS, MONTHS, ORDINAL_WORDS, PARTS, PERIODS, SCALES, SEASONS, SMALL_NUMBERS, TENS, WEEKDAYS,
    ZONE_NAMES,
};
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

/// The most amounts one expression may add up (`1 year 2 months 3 days`).
const MAX_AMOUNTS: usize = 8;

/// `date = ws* expr ws* EOF`
pub(crate) fn date(i: &str) -> R<'_, Expr> {
    if let Some(day) = plain_iso_day(i) {
        return Ok(("", day));
    }
    let (i, _) = ows(i)?;
    expr(i)
}

/// `dddd-dd-dd` naming a real day, the commonest value of all, read as
/// [`instant`] reads it (the alternative [`expr`] tries first for it),
/// without combinators; anything else (an impossible day included, whose
/// error `instant` words) goes the long way.
fn plain_iso_day(i: &str) -> Option<Expr> {
    let &[y1, y2, y3, y4, b'-', m1, m2, b'-', d1, d2] = i.as_bytes() else { return None };
    let number =
        |digits: &[u8]| digits.iter().try_fold(0u32, |n, &b| b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0')));
    let (year, month, day) = (number(&[y1, y2, y3, y4])?, number(&[m1, m2])?, number(&[d1, d2])?);
    let year = i32::try_from(year).ok()?;
    NaiveDate::from_ymd_opt(year, month, day)?;
    let day = Day::Date { year: Some(Year::Full(year)), month, day, at: tail(i, "") };
    Some(Expr::Day { day, part: None, time: None, weekday: None })
}

/// `expr = stamp | point | relative | period | business`. Every leaf
/// alternative must reach the end, so that a shorter reading of a prefix
/// (`last day` in `last day of january`) never hides the whole one.
fn expr(i: &str) -> R<'_, Expr> {
    // The same alternatives, in the order that finds the usual reading of
    // the first word soonest: no two of them read the same whole text.
    let first = i.split(|c: char| !c.is_ascii_alphanumeric()).next().unwrap_or("");
    let digits = first.bytes().take_while(u8::is_ascii_digit).count();
    let ordinal = (digits > 0 && digits < first.len()) || lookup(ORDINAL_WORDS, first).is_some();
    if ordinal || lookup(MODIFIERS, first).is_some() {
        nom::branch::alt((period, point, relative, stamp, to_end(business))).parse(i)
    } else if digits > 0 {
        nom::branch::alt((stamp, relative, point, period, to_end(business))).parse(i)
    } else {
        nom::branch::alt((point, relative, period, stamp, to_end(business))).parse(i)
    }
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
    // A plain space or none is by far the commonest: no decoding for it.
    match i.as_bytes().first() {
        Some(b' ') if i.as_bytes().get(1).is_none_or(|&b| b < 0x80 && !char::from(b).is_whitespace()) => {
            Ok((&i[1..], &i[..1]))
        }
        Some(b) if b.is_ascii_alphanumeric() => Ok((i, "")),
        _ => take_while(char::is_whitespace)(i),
    }
}

/// Required white space.
fn ws(i: &str) -> R<'_, &str> {
    match ows(i)? {
        (_, "") => mismatch(i),
        found => Ok(found),
    }
}

/// Optional white space and a comma, then optional white space: what may
/// stand between two parts of a date (`Thursday, December 31st`).
fn comma(i: &str) -> R<'_, ()> {
    let (i, _) = opt((ows, char(','))).parse(i)?;
    let (i, _) = ows(i)?;
    Ok((i, ()))
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
fn number(i: &str) -> R<'_, u64> {
    let (rest, digits) = digit1(i)?;
    let mut value: u64 = 0;
    for b in digits.bytes() {
        let d = u64::from(b - b'0');
        value = match value.checked_mul(10).and_then(|v| v.checked_add(d)) {
            Some(v) => v,
            None => return mistake(i, rest, format!("the number `{digits}` is too large")),
        };
    }
    Ok((rest, value))
}

/// A number of at most `max_len` digits, as `u32`, with its length.
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

/// Exactly `len` digits.
fn digits(len: usize) -> impl Fn(&str) -> R<'_, u32> {
    move |i| {
        let (rest, (v, n)) = small(len)(i)?;
        if n != len {
            return mismatch(i);
        }
        Ok((rest, v))
    }
}

// ---------------------------------------------------------------- stamps

/// `stamp = iso_date [("t" | ws) (clock24 | clock) [ws* zone]] | year_month | unix`
fn stamp(i: &str) -> R<'_, Expr> {
    nom::branch::alt((to_end(instant), to_end(year_month), to_end(unix))).parse(i)
}

/// An ISO-like date, with a time and a zone or not; without a zone it is a
/// local date and time, without a time a whole day.
fn instant(i: &str) -> R<'_, Expr> {
    let start = i;
    let (i, date) = iso_date(i)?;
    let day = Day::Date { year: Some(Year::Full(date.year)), month: date.month, day: date.day, at: tail(start, i) };
    // A date alone is the commonest value of all: read it here, in one
    // pass, rather than after every other alternative has failed.
    let Ok((i, _)) = nom::branch::alt((tag_no_case("t"), ws)).parse(i) else {
        return Ok((i, Expr::Day { day, part: None, time: None, weekday: None }));
    };
    let (i, time) = nom::branch::alt((clock24, |i| clock(i, false).map(|(r, c)| (r, c.settle(None))))).parse(i)?;
    let (i, zone) = opt(|i| {
        let (i, _) = ows(i)?;
        zone(i)
    })
    .parse(i)?;
    let expr = match zone {
        Some(offset_secs) => Expr::Instant { date, time, offset_secs, weekday: None },
        None => Expr::Day { day, part: None, time: Some(time), weekday: None },
    };
    Ok((i, expr))
}

/// `iso_date = yyyy sep m{1,2} sep d{1,2}`, checked; `sep` is one of
/// `- / . :` (the last is the EXIF layout), the same twice.
fn iso_date(i: &str) -> R<'_, Ymd> {
    let start = i;
    let (i, year) = digits(4)(i)?;
    let (i, sep) = one_of("-/.:")(i)?;
    let (i, (month, _)) = small(2)(i)?;
    let (i, _) = char(sep)(i)?;
    let (i, (day, _)) = small(2)(i)?;
    let year = year as i32;
    if NaiveDate::from_ymd_opt(year, month, day).is_none() {
        return mistake(start, i, impossible_date(Some(year), month, day));
    }
    Ok((i, Ymd { year, month, day }))
}

/// `year_month = yyyy ("-" | "/") m{1,2}`: a whole month (`2012-06`).
fn year_month(i: &str) -> R<'_, Expr> {
    let start = i;
    let (i, year) = digits(4)(i)?;
    let (i, _) = one_of("-/")(i)?;
    let (i, (month, _)) = small(2)(i)?;
    if !(1..=12).contains(&month) {
        return mistake(start, i, format!("there is no month {month}"));
    }
    Ok((i, Expr::Month(MonthRef { modifier: None, month, year: Some(Year::Full(year as i32)) })))
}

/// `unix = weekday ws month_name ws day_num ws clock24 [ws zone] ws yyyy`,
/// the layout of the Unix `date` command (`Mon Apr 02 17:00:00 PDT 2007`).
fn unix(i: &str) -> R<'_, Expr> {
    let start = i;
    let (i, weekday) = weekday_name(i)?;
    let named = tail(start, i);
    let (i, _) = ws(i)?;
    let day_start = i;
    let (i, month) = month_name(i)?;
    let (i, _) = ws(i)?;
    let (i, day) = day_num(i)?;
    let (i, _) = ws(i)?;
    let (i, time) = clock24(i)?;
    let (i, zone) = opt(|i| {
        let (i, _) = ws(i)?;
        zone(i)
    })
    .parse(i)?;
    let (i, _) = ws(i)?;
    let (i, year) = digits(4)(i)?;
    let year = year as i32;
    if NaiveDate::from_ymd_opt(year, month, day).is_none() {
        return mistake(day_start, i, impossible_date(Some(year), month, day));
    }
    let date = Ymd { year, month, day };
    let weekday = Some((weekday, named));
    let expr = match zone {
        Some(offset_secs) => Expr::Instant { date, time, offset_secs, weekday },
        None => Expr::Day {
            day: Day::Date { year: Some(Year::Full(year)), month, day, at: tail(day_start, i) },
            part: None,
            time: Some(time),
            weekday,
        },
    };
    Ok((i, expr))
}

/// `clock24 = h{1,2} ":" m{1,2} [(":" | ".") ss [("." | "," | ":") digits]]`,
/// checked: a 24-hour time as written.
fn clock24(i: &str) -> R<'_, Clock> {
    let start = i;
    let (i, (hour, _)) = small(2)(i)?;
    let (i, (minute, second)) = minutes_seconds(i)?;
    check_clock(start, i, hour, minute, second)
}

/// `":" m{1,2} [(":" | ".") s{1,2} [("." | "," | ":") digits]]`; fractions
/// of a second are dropped, as the span is the whole second.
fn minutes_seconds(i: &str) -> R<'_, (u32, u32)> {
    let (i, _) = char(':')(i)?;
    let (i, (minute, _)) = small(2)(i)?;
    let (i, second) = opt(|i| {
        let (i, _) = one_of(":.")(i)?;
        let (i, (s, _)) = small(2)(i)?;
        let (i, _) = opt((one_of(".,:"), digit1)).parse(i)?;
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

/// Two digits, whatever follows them.
fn two_digits(i: &str) -> R<'_, u32> {
    let (i, d) = take_while_m_n(2, 2, |c: char| c.is_ascii_digit())(i)?;
    Ok((i, d.bytes().fold(0u32, |acc, b| acc * 10 + u32::from(b - b'0'))))
}

/// `zone = zone_name | ("+" | "-") hh [[":"] mm]`, in seconds east of UTC.
fn zone(i: &str) -> R<'_, i32> {
    let start = i;
    if let Ok((i, hours)) = from_table(ZONE_NAMES)(i) {
        return Ok((i, hours * 3600));
    }
    let (i, sign) = one_of("+-")(i)?;
    let (i, hh) = two_digits(i)?;
    let (i, mm) = opt(|i| {
        let (i, _) = opt(char(':')).parse(i)?;
        two_digits(i)
    })
    .parse(i)?;
    if i.starts_with(|c: char| c.is_ascii_digit()) {
        return mismatch(start);
    }
    let mm = mm.unwrap_or(0);
    if hh > 23 || mm > 59 {
        return mistake(start, i, "a UTC offset goes from -23:59 to +23:59".to_owned());
    }
    let secs = (hh * 3600 + mm * 60) as i32;
    Ok((i, if sign == '-' { -secs } else { secs }))
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

/// `count = digits | number_words | "a" | "an"`, with its position.
fn count(i: &str) -> R<'_, (u64, Tail)> {
    let start = i;
    let (i, n) = nom::branch::alt((
        number,
        number_words,
        |i| kw("a")(i).map(|(r, _)| (r, 1)),
        |i| kw("an")(i).map(|(r, _)| (r, 1)),
    ))
    .parse(i)?;
    Ok((i, (n, tail(start, i))))
}

/// `number_words = number_word ((ws | "-") ["and" ws] number_word)*`:
/// `thirty-three`, `two million eight hundred and sixty seven thousand`.
/// The value obeys the same limits as digits: too large is a mistake.
fn number_words(i: &str) -> R<'_, u64> {
    let start = i;
    let (mut rest, first) = number_word(i)?;
    let too_large = |at: &str| mistake(start, at, "this number is too large".to_owned());
    let (mut total, mut current) = (0u64, 0u64);
    let mut next = Some(first);
    while let Some(w) = next.take() {
        match w {
            NumberWord::Value(v) => match current.checked_add(v) {
                Some(c) => current = c,
                None => return too_large(rest),
            },
            NumberWord::Hundred => match current.max(1).checked_mul(100) {
                Some(c) => current = c,
                None => return too_large(rest),
            },
            NumberWord::Scale(s) => match current.max(1).checked_mul(s).and_then(|c| total.checked_add(c)) {
                Some(t) => {
                    total = t;
                    current = 0;
                }
                None => return too_large(rest),
            },
        }
        let following = |i| {
            let (i, _) = nom::branch::alt((ws, tag("-"))).parse(i)?;
            let (i, _) = opt((kw("and"), ws)).parse(i)?;
            number_word(i)
        };
        if let Ok((r, w)) = following(rest) {
            rest = r;
            next = Some(w);
        }
    }
    match total.checked_add(current) {
        Some(v) => Ok((rest, v)),
        None => too_large(rest),
    }
}

#[derive(Clone, Copy)]
enum NumberWord {
    Value(u64),
    Hundred,
    Scale(u64),
}

fn number_word(i: &str) -> R<'_, NumberWord> {
    let (rest, w) = word(i)?;
    if let Some(v) = lookup(SMALL_NUMBERS, w).or_else(|| lookup(TENS, w)) {
        return Ok((rest, NumberWord::Value(v)));
    }
    match lookup(SCALES, w) {
        Some(100) => Ok((rest, NumberWord::Hundred)),
        Some(s) => Ok((rest, NumberWord::Scale(s))),
        None => mismatch(i),
    }
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

/// `pointer = "before" | "prior" ws "to" | "ago" | "after" | "from"`: how
/// amounts move an anchor.
fn pointer(i: &str) -> R<'_, Direction> {
    nom::branch::alt((
        |i| kw("before")(i).map(|(r, _)| (r, Direction::Past)),
        |i| (kw("prior"), ws, kw("to")).parse(i).map(|(r, _)| (r, Direction::Past)),
        |i| kw("ago")(i).map(|(r, _)| (r, Direction::Past)),
        |i| kw("after")(i).map(|(r, _)| (r, Direction::Future)),
        |i| kw("from")(i).map(|(r, _)| (r, Direction::Future)),
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

/// `amounts = amount ([ws* ","] ws ["and" ws] amount)*`, at most eight.
fn amounts(i: &str) -> R<'_, Vec<Amount>> {
    let (mut i, first) = amount(i)?;
    let mut all = vec![first];
    while all.len() < MAX_AMOUNTS {
        let next = |i| {
            let (i, _) = comma(i)?;
            let (i, _) = opt((kw("and"), ws)).parse(i)?;
            amount(i)
        };
        match next(i) {
            Ok((rest, a)) => {
                all.push(a);
                i = rest;
            }
            Err(nom::Err::Error(_)) => break,
            Err(e) => return Err(e),
        }
    }
    Ok((i, all))
}

/// `relative = "in" ws amounts [at_time] | count ws recurring ws direction | moved`
fn relative(i: &str) -> R<'_, Expr> {
    let inside = |i| {
        let (i, _) = (kw("in"), ws).parse(i)?;
        let (i, amounts) = amounts(i)?;
        let (i, time) = opt(at_time).parse(i)?;
        Ok((i, Expr::Shift { amounts, dir: Direction::Future, base: None, time }))
    };
    let recurring = |i| {
        let start = i;
        let (i, (count, _)) = count(i)?;
        let (i, _) = ws(i)?;
        let (i, of) = nom::branch::alt((
            |i| nom::branch::alt((kw("weekend"), kw("weekends"))).parse(i).map(|(r, _)| (r, Recurring::Weekend)),
            |i| from_table(PARTS)(i).map(|(r, p)| (r, Recurring::Part(p))),
        ))
        .parse(i)?;
        let at = tail(start, i);
        let (i, _) = ws(i)?;
        let (i, dir) = direction(i)?;
        Ok((i, Expr::Occurrence { count, of, dir, at }))
    };
    nom::branch::alt((to_end(inside), to_end(recurring), moved)).parse(i)
}

/// `amounts ws direction [at_time | ws clock | ws point] | amounts ws pointer ws point`,
/// up to the end: the amounts are read once, then what moves them.
fn moved(i: &str) -> R<'_, Expr> {
    let (i, amounts) = amounts(i)?;
    let (i, _) = ws(i)?;
    if let Ok((i, dir)) = direction(i) {
        // What follows: nothing, a time for the day reached, or an anchor.
        if end(i).is_ok() {
            return Ok((i, Expr::Shift { amounts, dir, base: None, time: None }));
        }
        let time_after = |i| {
            let (i, _) = ws(i)?;
            let (i, c) = clock(i, false)?;
            Ok((i, c.settle(None)))
        };
        if let Ok((r, time)) = nom::branch::alt((at_time, time_after)).parse(i) {
            if end(r).is_ok() {
                return Ok((r, Expr::Shift { amounts, dir, base: None, time: Some(time) }));
            }
        }
        let anchor = |i| {
            let (i, _) = ws(i)?;
            point(i)
        };
        if let Ok((r, base)) = anchor(i) {
            return Ok((r, Expr::Shift { amounts, dir, base: Some(Box::new(base)), time: None }));
        }
    }
    let (i, dir) = pointer(i)?;
    let (i, _) = ws(i)?;
    let (i, base) = point(i)?;
    Ok((i, Expr::Shift { amounts, dir, base: Some(Box::new(base)), time: None }))
}

// ---------------------------------------------------------------- times

/// A clock time as read, before the part of the day or the rule for
/// 12-hour times without am/pm settles its hour.
#[derive(Clone, Copy, Debug)]
struct RawClock {
    hour: u32,
    minute: u32,
    second: u32,
    /// Written on a 12-hour dial without am/pm (`4`, `4:30`, `11:15`):
    /// the part of the day, or the 1-6 rule, decides.
    open: bool,
    /// `10 to 2`: the time is an hour before the hour named.
    before: bool,
    /// Written as a phrase (`half past 2`).
    phrase: bool,
}

impl RawClock {
    fn exact(c: Clock) -> Self {
        RawClock { hour: c.hour, minute: c.minute, second: c.second, open: false, before: false, phrase: false }
    }

    /// The time, with an open hour read by `part` (morning: am; later
    /// parts: pm) or, without one, as Chronic and SPEC read it after
    /// `at`: 1-6 is in the afternoon, 7-12 in the morning and at noon.
    fn settle(self, part: Option<Part>) -> Clock {
        let mut hour = self.hour;
        if self.open {
            hour = match part {
                Some(Part::Morning) => hour % 12,
                Some(_) => hour % 12 + 12,
                None if (1..=6).contains(&hour) => hour + 12,
                None => hour,
            };
        }
        if self.before {
            hour = (hour + 23) % 24;
        }
        Clock { hour, minute: self.minute, second: self.second }
    }
}

/// `at_time = ws* ("at" | "@") ws* clock [part_phrase]` (a bare hour allowed).
fn at_time(i: &str) -> R<'_, Clock> {
    let (i, _) = ows(i)?;
    let (i, _) = nom::branch::alt((kw("at"), |i| tag("@")(i).map(|(r, _)| (r, ())))).parse(i)?;
    let (i, _) = ows(i)?;
    let (i, c) = clock(i, true)?;
    let (i, part) = opt(part_phrase).parse(i)?;
    Ok((i, c.settle(part)))
}

/// `part_phrase = ws ("in" ws "the" ws part | "at" ws "night" | "tonight")`:
/// what makes a time am or pm in words.
fn part_phrase(i: &str) -> R<'_, Part> {
    let (i, _) = ws(i)?;
    nom::branch::alt((
        |i| {
            let (i, _) = (kw("in"), ws, kw("the"), ws).parse(i)?;
            from_table(PARTS)(i)
        },
        |i| (kw("at"), ws, kw("night")).parse(i).map(|(r, _)| (r, Part::Night)),
    ))
    .parse(i)
}

/// `clock = "noon" | "midnight" | phrase
///        | h ":" m [":" s] [ampm] | hhmm [ampm] | h ampm | h`
///
/// A bare hour (`at 4`) only where `bare` allows it (after `at`, before
/// `on` or a part of the day).
fn clock(i: &str, bare: bool) -> R<'_, RawClock> {
    if let Ok((r, _)) = kw("noon")(i) {
        return Ok((r, RawClock::exact(Clock { hour: 12, minute: 0, second: 0 })));
    }
    if let Ok((r, _)) = kw("midnight")(i) {
        return Ok((r, RawClock::exact(Clock { hour: 0, minute: 0, second: 0 })));
    }
    match clock_phrase(i) {
        Err(nom::Err::Error(_)) => {}
        found => return found,
    }
    let start = i;
    let (i, (hour, hlen)) = small(4)(i)?;
    // `0900`, `1045pm`: hours and minutes without a colon.
    let (hour, hlen, compact) = match hlen {
        1 | 2 => (hour, hlen, None),
        _ => (hour / 100, hlen - 2, Some(hour % 100)),
    };
    let (i, ms) = match compact {
        Some(m) => (i, Some((m, 0))),
        None => opt(minutes_seconds).parse(i)?,
    };
    let (i, pm) = opt(|i| {
        let (i, _) = ows(i)?;
        ampm(i)
    })
    .parse(i)?;
    let (minute, second) = ms.unwrap_or((0, 0));
    if compact.is_some() && (hour > 23 || minute > 59) {
        // `1999` is no time; not a mistake in a time either.
        return mismatch(start);
    }
    let (hour, open) = match pm {
        Some(pm) => {
            if hour > 12 {
                return mistake(start, i, format!("there is no hour {hour} on a 12-hour clock"));
            }
            (if pm { hour % 12 + 12 } else { hour % 12 }, false)
        }
        None if ms.is_none() && (!bare || hour > 23) => return mismatch(start),
        // A one-digit hour, or 10-12, is on a 12-hour dial, as Chronic
        // reads it; `04:00`, `16:00` and `0900` are 24-hour times.
        None => (hour, compact.is_none() && ((hlen == 1 && hour > 0) || (10..=12).contains(&hour))),
    };
    let (i, c) = check_clock(start, i, hour, minute, second)?;
    Ok((i, RawClock { open, ..RawClock::exact(c) }))
}

/// `phrase = ("half" | "quarter" | m{1,2}) ws relation ws h{1,2}`:
/// `half past 2`, `quarter to 4`, `10 till 2`, `10 prior to 2`.
fn clock_phrase(i: &str) -> R<'_, RawClock> {
    let start = i;
    let (i, minutes) = nom::branch::alt((
        |i| kw("half")(i).map(|(r, _)| (r, 30)),
        |i| kw("quarter")(i).map(|(r, _)| (r, 15)),
        |i| small(2)(i).map(|(r, (m, _))| (r, m)),
    ))
    .parse(i)?;
    let (i, _) = ws(i)?;
    let (i, before) = nom::branch::alt((
        |i| nom::branch::alt((kw("past"), kw("after"))).parse(i).map(|(r, _)| (r, false)),
        |i| nom::branch::alt((kw("to"), kw("till"), kw("before"))).parse(i).map(|(r, _)| (r, true)),
        |i| (kw("prior"), ws, kw("to")).parse(i).map(|(r, _)| (r, true)),
    ))
    .parse(i)?;
    let (i, _) = ws(i)?;
    let (i, (hour, hlen)) = small(2)(i)?;
    if !(1..60).contains(&minutes) || hour > 23 {
        return mistake(start, i, "write the minutes (1-59) and an hour (0-23), as in `10 past 2`".to_owned());
    }
    let minute = if before { 60 - minutes } else { minutes };
    let open = (hlen == 1 && hour > 0) || (10..=12).contains(&hour);
    Ok((i, RawClock { hour, minute, second: 0, open, before, phrase: true }))
}

/// `ampm = "am" | "pm" | "a.m." | "p.m." | "a" | "p"`; true for pm.
fn ampm(i: &str) -> R<'_, bool> {
    nom::branch::alt((
        |i| tag_no_case("a.m.")(i).map(|(r, _)| (r, false)),
        |i| tag_no_case("p.m.")(i).map(|(r, _)| (r, true)),
        |i| kw("am")(i).map(|(r, _)| (r, false)),
        |i| kw("pm")(i).map(|(r, _)| (r, true)),
        |i| kw("a")(i).map(|(r, _)| (r, false)),
        |i| kw("p")(i).map(|(r, _)| (r, true)),
    ))
    .parse(i)
}

// ---------------------------------------------------------------- points

/// `point = now | day_point | at_time_alone | timed`, up to the end (a
/// point is always last in an expression).
fn point(i: &str) -> R<'_, Expr> {
    nom::branch::alt((to_end(now), to_end(day_point), to_end(at_time_alone), timed)).parse(i)
}

/// `now = ["right" ws] "now" | "this" ws "second"`
fn now(i: &str) -> R<'_, Expr> {
    let (i, _) = nom::branch::alt((
        |i| (opt((kw("right"), ws)), kw("now")).parse(i).map(|(r, _)| (r, ())),
        |i| (kw("this"), ws, kw("second")).parse(i).map(|(r, _)| (r, ())),
    ))
    .parse(i)?;
    Ok((i, Expr::Now))
}

/// `day_point = ["on" ws] day_part [time_suffix]`
fn day_point(i: &str) -> R<'_, Expr> {
    let (i, _) = opt((kw("on"), ws)).parse(i)?;
    let (i, (day, part, weekday)) = day_part(i)?;
    let (i, time) = opt(|i| time_suffix(i, part)).parse(i)?;
    Ok((i, Expr::Day { day, part, time, weekday }))
}

/// `time_suffix = [ws* ","] (at_time | ws clock [part_phrase])`: the time
/// of a day, read with the part of the day already named.
fn time_suffix(i: &str, part: Option<Part>) -> R<'_, Clock> {
    let (i, _) = opt((ows, char(','))).parse(i)?;
    let at = |i| {
        let (i, _) = ows(i)?;
        let (i, _) = nom::branch::alt((kw("at"), |i| tag("@")(i).map(|(r, _)| (r, ())))).parse(i)?;
        let (i, _) = ows(i)?;
        clock(i, true)
    };
    let plain = |i| {
        let (i, _) = ws(i)?;
        clock(i, true)
    };
    let (i, raw) = nom::branch::alt((at, plain)).parse(i)?;
    let (i, phrase) = opt(part_phrase).parse(i)?;
    Ok((i, raw.settle(phrase.or(part))))
}

/// `at_time_alone = at_time`
fn at_time_alone(i: &str) -> R<'_, Expr> {
    at_time(i).map(|(i, c)| (i, Expr::Time(c)))
}

/// `timed = clock [part_phrase] [ws ["on" ws] day_part]`, up to the end:
/// a time on a day (`5pm on may 27th`, `4pm yesterday`, `7 tonight`,
/// `5 on may 28`) or alone. A time phrase alone on a 12-hour dial (`half
/// past 2`) is the nearest of its two readings, as Chronic reads it.
fn timed(i: &str) -> R<'_, Expr> {
    let (i, raw) = clock(i, true)?;
    let (i, phrase) = opt(part_phrase).parse(i)?;
    if let Ok((i, _)) = end(i) {
        let clock = raw.settle(phrase);
        if raw.phrase && raw.open && phrase.is_none() {
            return Ok((i, Expr::Dial(Clock { hour: clock.hour % 12, ..clock })));
        }
        return Ok((i, Expr::Time(clock)));
    }
    let (i, _) = ws(i)?;
    let (i, _) = opt((kw("on"), ws)).parse(i)?;
    let (i, (day, part, weekday)) = day_part(i)?;
    let (i, _) = end(i)?;
    Ok((i, Expr::Day { day, part, time: Some(raw.settle(phrase.or(part))), weekday }))
}

/// A day, the part of it named, and a weekday written beside a date.
type DayPart = (Day, Option<Part>, Option<(Weekday, Tail)>);

/// `day_part = "tonight" | "last" ws "night" | "this" ws part
///           | day [ws part] | part [ws day]`
fn day_part(i: &str) -> R<'_, DayPart> {
    // The first word decides among the fixed phrases; it is read once.
    if let Ok((r, first)) = word(i) {
        let then = |w: &'static str, r| (ws, kw(w)).parse(r).map(|(r, _)| r);
        if first.eq_ignore_ascii_case("tonight") {
            return Ok((r, (Day::Today, Some(Part::Night), None)));
        }
        if first.eq_ignore_ascii_case("last") {
            if let Ok(r) = then("night", r) {
                return Ok((r, (Day::Yesterday, Some(Part::Night), None)));
            }
        }
        if first.eq_ignore_ascii_case("this") {
            if let Ok((r, part)) = (ws, from_table(PARTS)).parse(r).map(|(r, (_, p))| (r, p)) {
                return Ok((r, (Day::Today, Some(part), None)));
            }
        }
        if let Some(part) = lookup(PARTS, first) {
            let (r, day) = opt(|i| {
                let (i, _) = ws(i)?;
                day(i)
            })
            .parse(r)?;
            let (day, weekday) = day.unwrap_or((Day::Today, None));
            return Ok((r, (day, Some(part), weekday)));
        }
    }
    let (i, (day, weekday)) = day(i)?;
    let (i, part) = opt(|i| {
        let (i, _) = ws(i)?;
        from_table(PARTS)(i)
    })
    .parse(i)?;
    Ok((i, (day, part, weekday)))
}

// ---------------------------------------------------------------- days

/// `day = "today" | "yesterday" | "tomorrow" | "this" ws "day"
///      | modifier ws ("week" ws weekday_name | weekday_name)
///      | weekday_name (ws modifier ws "week" | [ws* ","] ws* calendar_date)?
///      | calendar_date`
///
/// A modifier and a weekday name are each read once, then what follows
/// decides: `last week tuesday`, `last tuesday`, `tuesday last week`,
/// `Thu Aug 10` (a weekday checked against its date), `tuesday`.
fn day(i: &str) -> R<'_, (Day, Option<(Weekday, Tail)>)> {
    if let Ok((r, w)) = word(i) {
        let named = [("today", Day::Today), ("yesterday", Day::Yesterday), ("tomorrow", Day::Tomorrow)];
        if let Some(day) = lookup(&named, w) {
            return Ok((r, (day, None)));
        }
    }
    if let Ok((r, _)) = (kw("this"), ws, kw("day")).parse(i) {
        return Ok((r, (Day::Today, None)));
    }
    if let Ok((r, modifier)) = from_table(MODIFIERS)(i) {
        let (r, _) = ws(r)?;
        if let Ok((r, _)) = (kw("week"), ws).parse(r) {
            let (r, weekday) = weekday_name(r)?;
            return Ok((r, (Day::WeekdayOfWeek { week: modifier, weekday }, None)));
        }
        let (r, weekday) = weekday_name(r)?;
        return Ok((r, (Day::Weekday { modifier: Some(modifier), weekday }, None)));
    }
    let start = i;
    if let Ok((r, weekday)) = weekday_name(i) {
        let named = tail(start, r);
        let of_week = |i| -> R<'_, Modifier> {
            let (i, _) = ws(i)?;
            let (i, week) = from_table(MODIFIERS)(i)?;
            let (i, _) = (ws, kw("week")).parse(i)?;
            Ok((i, week))
        };
        if let Ok((r, week)) = of_week(r) {
            return Ok((r, (Day::WeekdayOfWeek { week, weekday }, None)));
        }
        let dated = |i| -> R<'_, Day> {
            let (i, _) = comma(i)?;
            calendar_date(i)
        };
        return match dated(r) {
            Ok((r, day)) => Ok((r, (day, Some((weekday, named))))),
            Err(nom::Err::Failure(e)) => Err(nom::Err::Failure(e)),
            Err(_) => Ok((r, (Day::Weekday { modifier: None, weekday }, None))),
        };
    }
    calendar_date(i).map(|(r, d)| (r, (d, None)))
}

/// `calendar_date = iso_date | numeric | month_day | day_month | yyyy ws month_day
///                | day_of_month` (a day of the month alone: `28th`)
fn calendar_date(i: &str) -> R<'_, Day> {
    nom::branch::alt((
        |i| {
            let start = i;
            let (i, d) = iso_date(i)?;
            Ok((i, Day::Date { year: Some(Year::Full(d.year)), month: d.month, day: d.day, at: tail(start, i) }))
        },
        numeric,
        month_day,
        day_month,
        year_month_day,
        day_of_month,
    ))
    .parse(i)
}

/// A weekday name, with an optional dot after an abbreviation.
fn weekday_name(i: &str) -> R<'_, Weekday> {
    let (i, w) = from_table(WEEKDAYS)(i)?;
    let (i, _) = opt(char('.')).parse(i)?;
    Ok((i, w))
}

/// A month name, with an optional dot after an abbreviation (`aug.`).
fn month_name(i: &str) -> R<'_, u32> {
    let (i, m) = from_table(MONTHS)(i)?;
    let (i, _) = opt(char('.')).parse(i)?;
    Ok((i, m))
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

/// `day_num = d{1,2} [suffix] | ordinal_word`, 1 to 31.
fn day_num(i: &str) -> R<'_, u32> {
    if let Ok((r, n)) = ordinal_word(i) {
        return if (1..=31).contains(&n) { Ok((r, n)) } else { mismatch(i) };
    }
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

/// `year_tail = [ws* ","] ws* yyyy | ws ("'" yy | yy)`: a year after a
/// month and day. A two-digit year is completed from now.
fn year_tail(i: &str) -> R<'_, Year> {
    let full = |i| {
        let (i, _) = comma(i)?;
        let (i, y) = digits(4)(i)?;
        Ok((i, Year::Full(y as i32)))
    };
    let short = |i| {
        let (i, _) = ws(i)?;
        let (i, _) = opt(char('\'')).parse(i)?;
        let (i, y) = digits(2)(i)?;
        Ok((i, Year::Short(y)))
    };
    let (i, year) = nom::branch::alt((full, short)).parse(i)?;
    // A year is a whole number: `jan 5 2011` but not `jan 5 2011pm`.
    if i.starts_with(|c: char| c.is_ascii_alphanumeric() || c == ':') {
        return mismatch(i);
    }
    Ok((i, year))
}

/// `month_day = month_name (ws* | "-") day_num [year_tail]`
fn month_day(i: &str) -> R<'_, Day> {
    let start = i;
    let (i, month) = month_name(i)?;
    let (i, _) = nom::branch::alt((tag("-"), ows)).parse(i)?;
    let (i, day) = day_num(i)?;
    let (i, year) = opt(year_tail).parse(i)?;
    checked_date(start, i, year, month, day)
}

/// `day_month = day_num (ws ["of" ws] | "-") month_name ["-" (yyyy | yy) | year_tail]`
fn day_month(i: &str) -> R<'_, Day> {
    let start = i;
    let (i, day) = day_num(i)?;
    let (i, dash) = nom::branch::alt((
        |i| tag("-")(i).map(|(r, _)| (r, true)),
        |i| {
            let (i, _) = ws(i)?;
            let (i, _) = opt((kw("of"), ws)).parse(i)?;
            Ok((i, false))
        },
    ))
    .parse(i)?;
    let (i, month) = month_name(i)?;
    let (i, year) = if dash {
        opt(|i| {
            let (i, _) = tag("-")(i)?;
            nom::branch::alt((
                |i| digits(4)(i).map(|(r, y)| (r, Year::Full(y as i32))),
                |i| digits(2)(i).map(|(r, y)| (r, Year::Short(y))),
            ))
            .parse(i)
        })
        .parse(i)?
    } else {
        opt(year_tail).parse(i)?
    };
    checked_date(start, i, year, month, day)
}

/// `year_month_day = yyyy ws month_day` (`2009 May 22nd`).
fn year_month_day(i: &str) -> R<'_, Day> {
    let start = i;
    let (i, year) = digits(4)(i)?;
    let (i, _) = ws(i)?;
    let (i, month) = month_name(i)?;
    let (i, _) = ows(i)?;
    let (i, day) = day_num(i)?;
    checked_date(start, i, Some(Year::Full(year as i32)), month, day)
}

/// `day_of_month = ["the" ws] d{1,2} suffix | ["the" ws] ordinal_word`:
/// a day of the month alone (`28th`).
fn day_of_month(i: &str) -> R<'_, Day> {
    let start = i;
    let (i, _) = opt((kw("the"), ws)).parse(i)?;
    let (i, day) = nom::branch::alt((ordinal_word, |i| {
        let (i, (d, _)) = small(2)(i)?;
        let (i, _) = suffix(i)?;
        Ok((i, d))
    }))
    .parse(i)?;
    if !(1..=31).contains(&day) {
        return mistake(start, i, format!("there is no day {day} in any month"));
    }
    Ok((i, Day::OfMonth { day, at: tail(start, i) }))
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

// ---------------------------------------------------------------- periods

/// `period = modifier ws (period_word | season) | period_word | season
///         | quarter | ordinal | month_ref`
fn period(i: &str) -> R<'_, Expr> {
    nom::branch::alt((
        to_end(|i| {
            let (i, modifier) = from_table(MODIFIERS)(i)?;
            let (i, _) = ws(i)?;
            nom::branch::alt((
                |i| from_table(PERIODS)(i).map(|(r, grain)| (r, Expr::Grain { modifier, grain })),
                |i| from_table(SEASONS)(i).map(|(r, season)| (r, Expr::Season { modifier: Some(modifier), season })),
            ))
            .parse(i)
        }),
        to_end(bare_period),
        to_end(|i| from_table(SEASONS)(i).map(|(r, season)| (r, Expr::Season { modifier: None, season }))),
        to_end(quarter),
        to_end(ordinal),
        to_end(|i| month_ref(i).map(|(r, m)| (r, Expr::Month(m)))),
    ))
    .parse(i)
}

/// `bare_period = "day" | "week" | "weekend" | "fortnight" | "month"
///              | "quarter" | "year"`: the current one, as `this ...`.
fn bare_period(i: &str) -> R<'_, Expr> {
    let (r, grain) = from_table(PERIODS)(i)?;
    match grain {
        Period::Second | Period::Minute | Period::Hour => mismatch(i),
        _ => Ok((r, Expr::Grain { modifier: Modifier::This, grain })),
    }
}

/// `quarter = "q" d [ws (yyyy | modifier ws "year")] | (yyyy | modifier ws "year") ws "q" d`
fn quarter(i: &str) -> R<'_, Expr> {
    let start = i;
    let q = |i| {
        let (i, _) = tag_no_case("q")(i)?;
        let (r, (n, _)) = small(1)(i)?;
        if !(1..=4).contains(&n) {
            return mistake(start, r, format!("there is no quarter {n}: quarters go from Q1 to Q4"));
        }
        Ok((r, n))
    };
    let year = |i| {
        nom::branch::alt((
            |i| digits(4)(i).map(|(r, y)| (r, Within::Year(Year::Full(y as i32)))),
            |i| {
                let (i, modifier) = from_table(MODIFIERS)(i)?;
                let (i, _) = (ws, kw("year")).parse(i)?;
                Ok((i, Within::Grain { modifier, grain: Period::Year }))
            },
        ))
        .parse(i)
    };
    let q_first = |i| {
        let (i, n) = q(i)?;
        let (i, within) = opt(|i| {
            let (i, _) = ws(i)?;
            year(i)
        })
        .parse(i)?;
        Ok((i, (n, within.unwrap_or(Within::Grain { modifier: Modifier::This, grain: Period::Year }))))
    };
    let year_first = |i| {
        let (i, within) = year(i)?;
        let (i, _) = ws(i)?;
        let (i, n) = q(i)?;
        Ok((i, (n, within)))
    };
    let (i, (n, within)) = nom::branch::alt((q_first, year_first)).parse(i)?;
    Ok((i, Expr::Ordinal { nth: Nth::Number(n), target: Target::Quarter, within, time: None, at: tail(start, i) }))
}

/// `month_ref = modifier ws month_name | month_name [year_tail]`; a
/// two-digit year after a month name only when it cannot be a day
/// (`may 97`, `may '01`; `may 27` is a day).
fn month_ref(i: &str) -> R<'_, MonthRef> {
    let with_modifier = |i| {
        let (i, modifier) = from_table(MODIFIERS)(i)?;
        let (i, _) = ws(i)?;
        let (i, month) = month_name(i)?;
        Ok((i, MonthRef { modifier: Some(modifier), month, year: None }))
    };
    let plain = |i| {
        let (i, month) = month_name(i)?;
        let (i, year) = opt(|i| {
            let (r, year) = year_tail(i)?;
            match year {
                Year::Short(y) if y <= 31 && !i.trim_start().starts_with('\'') => mismatch(i),
                _ => Ok((r, year)),
            }
        })
        .parse(i)?;
        Ok((i, MonthRef { modifier: None, month, year }))
    };
    nom::branch::alt((with_modifier, plain)).parse(i)
}

/// `ordinal = nth ws target ws [("in" | "of") ws] within [at_time]
///          | nth ws "of" ws within [at_time]`
fn ordinal(i: &str) -> R<'_, Expr> {
    let start = i;
    let (i, _) = opt((kw("the"), ws)).parse(i)?;
    let (i, nth) = nth(i)?;
    let (i, _) = ws(i)?;
    let with_target = |i| {
        let (i, target) = nom::branch::alt((
            |i| weekday_name(i).map(|(r, w)| (r, Target::Weekday(w))),
            |i| {
                let (r, p) = from_table(PERIODS)(i)?;
                match p {
                    Period::Day => Ok((r, Target::Day)),
                    Period::Week => Ok((r, Target::Week)),
                    Period::Month => Ok((r, Target::Month)),
                    Period::Quarter => Ok((r, Target::Quarter)),
                    _ => mismatch(i),
                }
            },
        ))
        .parse(i)?;
        let (i, _) = ws(i)?;
        let (i, _) = opt((nom::branch::alt((kw("in"), kw("of"))), ws)).parse(i)?;
        Ok((i, target))
    };
    let day_of = |i| {
        let (i, _) = (kw("of"), ws).parse(i)?;
        Ok((i, Target::Day))
    };
    let (i, target) = nom::branch::alt((with_target, day_of)).parse(i)?;
    let (i, within) = nom::branch::alt((
        |i| {
            let (i, modifier) = from_table(MODIFIERS)(i)?;
            let (i, _) = ws(i)?;
            let (r, grain) = from_table(PERIODS)(i)?;
            match grain {
                Period::Week | Period::Month | Period::Quarter | Period::Year => {
                    Ok((r, Within::Grain { modifier, grain }))
                }
                _ => mismatch(i),
            }
        },
        |i| month_ref(i).map(|(r, m)| (r, Within::Month(m))),
        |i| digits(4)(i).map(|(r, y)| (r, Within::Year(Year::Full(y as i32)))),
    ))
    .parse(i)?;
    let at = tail(start, i);
    let (i, time) = opt(at_time).parse(i)?;
    Ok((i, Expr::Ordinal { nth, target, within, time, at }))
}

/// `nth = digits suffix | ordinal_word | "last"`
fn nth(i: &str) -> R<'_, Nth> {
    if let Ok((r, n)) = ordinal_word(i) {
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

/// `ordinal_word = [tens (ws | "-")] ordinal_name`: `third`, `twenty-first`.
fn ordinal_word(i: &str) -> R<'_, u32> {
    let compound = |i| {
        let (i, tens) = from_table(TENS)(i)?;
        let (i, _) = nom::branch::alt((ws, tag("-"))).parse(i)?;
        let (i, unit) = from_table(ORDINAL_WORDS)(i)?;
        if unit > 9 {
            return mismatch(i);
        }
        Ok((i, tens as u32 + unit))
    };
    nom::branch::alt((compound, from_table(ORDINAL_WORDS))).parse(i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plain_iso_day_reads_as_the_grammar_reads_it() {
        let days = ["2025-05-20", "0000-01-01", "9999-12-31", "2024-02-29", "1970-01-01", "2000-10-09"];
        for text in days {
            let long_way = expr(text).map(|(rest, e)| (rest.len(), e)).ok();
            assert_eq!(plain_iso_day(text).map(|e| (0, e)), long_way, "{text}");
        }
        // Impossible days, other layouts and white space go the long way.
        for text in ["2023-02-29", "2025-13-01", "2025-00-10", "2025-05-32", "2025/05/20", "2025-5-20", " 2025-05-20"] {
            assert_eq!(plain_iso_day(text), None, "{text}");
        }
        let impossible = date("2023-02-29").err().and_then(|e| match e {
            nom::Err::Failure(e) => e.message,
            _ => None,
        });
        assert!(impossible.as_deref().is_some_and(|m| m.contains("29")), "{impossible:?}");
    }
}
