//! Stamps: ISO dates and times, year-months, the Unix `date` layout, clock
//! times written in 24 hours and zones.

use super::*;

/// `stamp = iso_date [("t" | ws) (clock24 | clock) [ws* zone]] | year_month | unix`
pub(super) fn stamp(i: &str) -> R<'_, Expr> {
    nom::branch::alt((to_end(instant), to_end(year_month), to_end(unix))).parse(i)
}

/// An ISO-like date, with a time and a zone or not; without a zone it is a
/// local date and time, without a time a whole day.
pub(super) fn instant(i: &str) -> R<'_, Expr> {
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
pub(super) fn iso_date(i: &str) -> R<'_, Ymd> {
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
pub(super) fn year_month(i: &str) -> R<'_, Expr> {
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
pub(super) fn unix(i: &str) -> R<'_, Expr> {
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
pub(super) fn clock24(i: &str) -> R<'_, Clock> {
    let start = i;
    let (i, (hour, _)) = small(2)(i)?;
    let (i, (minute, second)) = minutes_seconds(i)?;
    check_clock(start, i, hour, minute, second)
}

/// `":" m{1,2} [(":" | ".") s{1,2} [("." | "," | ":") digits]]`; fractions
/// of a second are dropped, as the span is the whole second.
pub(super) fn minutes_seconds(i: &str) -> R<'_, (u32, u32)> {
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

pub(super) fn check_clock<'a>(start: &str, i: &'a str, hour: u32, minute: u32, second: u32) -> R<'a, Clock> {
    if hour > 23 {
        return mistake(start, i, format!("there is no hour {hour}: hours go from 0 to 23"));
    }
    if minute > 59 || second > 59 {
        return mistake(start, i, "minutes and seconds go from 00 to 59".to_owned());
    }
    Ok((i, Clock { hour, minute, second }))
}

/// Two digits, whatever follows them.
pub(super) fn two_digits(i: &str) -> R<'_, u32> {
    let (i, d) = take_while_m_n(2, 2, |c: char| c.is_ascii_digit())(i)?;
    Ok((i, d.bytes().fold(0u32, |acc, b| acc * 10 + u32::from(b - b'0'))))
}

/// `zone = zone_name | ("+" | "-") hh [[":"] mm]`, in seconds east of UTC.
pub(super) fn zone(i: &str) -> R<'_, i32> {
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
