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
//!
//! The rules are grouped by phrase family, one file each: [`stamps`]
//! (ISO and Unix layouts, 24-hour clocks, zones), [`amounts`] (counts,
//! business time, `ago`/`in`), [`times`] (clock times and am/pm),
//! [`points`] (a day with its part and time), [`days`] (weekdays and
//! calendar dates) and [`periods`] (periods and ordinals). This file holds
//! the entry point, the top-level alternatives and the lexical rules they
//! share.

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

mod amounts;
mod days;
mod periods;
mod points;
mod stamps;
mod times;

use amounts::*;
use days::*;
pub(crate) use days::{impossible_date, plausible};
use periods::*;
use points::*;
use stamps::*;
use times::*;

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
