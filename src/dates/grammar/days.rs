//! Days: weekdays, calendar dates in words or numbers, and the checks that
//! a date exists.

use super::*;

/// `day = "today" | "yesterday" | "tomorrow" | "this" ws "day"
///      | modifier ws ("week" ws weekday_name | weekday_name)
///      | weekday_name (ws modifier ws "week" | [ws* ","] ws* calendar_date)?
///      | calendar_date`
///
/// A modifier and a weekday name are each read once, then what follows
/// decides: `last week tuesday`, `last tuesday`, `tuesday last week`,
/// `Thu Aug 10` (a weekday checked against its date), `tuesday`.
pub(super) fn day(i: &str) -> R<'_, (Day, Option<(Weekday, Tail)>)> {
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
pub(super) fn calendar_date(i: &str) -> R<'_, Day> {
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
pub(super) fn weekday_name(i: &str) -> R<'_, Weekday> {
    let (i, w) = from_table(WEEKDAYS)(i)?;
    let (i, _) = opt(char('.')).parse(i)?;
    Ok((i, w))
}

/// A month name, with an optional dot after an abbreviation (`aug.`).
pub(super) fn month_name(i: &str) -> R<'_, u32> {
    let (i, m) = from_table(MONTHS)(i)?;
    let (i, _) = opt(char('.')).parse(i)?;
    Ok((i, m))
}

/// `numeric = n{1,2} sep n{1,2} [same-sep (yy | yyyy)]`, sep in `/ - .`;
/// which number is the month is left to the locale.
pub(super) fn numeric(i: &str) -> R<'_, Day> {
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
pub(super) fn day_num(i: &str) -> R<'_, u32> {
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
pub(super) fn suffix(i: &str) -> R<'_, ()> {
    nom::branch::alt((kw("st"), kw("nd"), kw("rd"), kw("th"))).parse(i)
}

/// `year_tail = [ws* ","] ws* yyyy | ws ("'" yy | yy)`: a year after a
/// month and day. A two-digit year is completed from now.
pub(super) fn year_tail(i: &str) -> R<'_, Year> {
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
pub(super) fn month_day(i: &str) -> R<'_, Day> {
    let start = i;
    let (i, month) = month_name(i)?;
    let (i, _) = nom::branch::alt((tag("-"), ows)).parse(i)?;
    let (i, day) = day_num(i)?;
    let (i, year) = opt(year_tail).parse(i)?;
    checked_date(start, i, year, month, day)
}

/// `day_month = day_num (ws ["of" ws] | "-") month_name ["-" (yyyy | yy) | year_tail]`
pub(super) fn day_month(i: &str) -> R<'_, Day> {
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
pub(super) fn year_month_day(i: &str) -> R<'_, Day> {
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
pub(super) fn day_of_month(i: &str) -> R<'_, Day> {
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

pub(super) fn checked_date<'a>(start: &str, i: &'a str, year: Option<Year>, month: u32, day: u32) -> R<'a, Day> {
    let full = match year {
        Some(Year::Full(y)) => Some(y),
        _ => None,
    };
    if !plausible(full, month, day) {
        return mistake(start, i, impossible_date(full, month, day));
    }
    Ok((i, Day::Date { year, month, day, at: tail(start, i) }))
}
