//! Points: `now`, a day with its part and time (`friday evening at 7`), a
//! time alone.

use super::*;

/// `point = now | day_point | at_time_alone | timed`, up to the end (a
/// point is always last in an expression).
pub(super) fn point(i: &str) -> R<'_, Expr> {
    nom::branch::alt((to_end(now), to_end(day_point), to_end(at_time_alone), timed)).parse(i)
}

/// `now = ["right" ws] "now" | "this" ws "second"`
pub(super) fn now(i: &str) -> R<'_, Expr> {
    let (i, _) = nom::branch::alt((
        |i| (opt((kw("right"), ws)), kw("now")).parse(i).map(|(r, _)| (r, ())),
        |i| (kw("this"), ws, kw("second")).parse(i).map(|(r, _)| (r, ())),
    ))
    .parse(i)?;
    Ok((i, Expr::Now))
}

/// `day_point = ["on" ws] day_part [time_suffix]`
pub(super) fn day_point(i: &str) -> R<'_, Expr> {
    let (i, _) = opt((kw("on"), ws)).parse(i)?;
    let (i, (day, part, weekday)) = day_part(i)?;
    let (i, time) = opt(|i| time_suffix(i, part)).parse(i)?;
    Ok((i, Expr::Day { day, part, time, weekday }))
}

/// `time_suffix = [ws* ","] (at_time | ws clock [part_phrase])`: the time
/// of a day, read with the part of the day already named.
pub(super) fn time_suffix(i: &str, part: Option<Part>) -> R<'_, Clock> {
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
pub(super) fn at_time_alone(i: &str) -> R<'_, Expr> {
    at_time(i).map(|(i, c)| (i, Expr::Time(c)))
}

/// `timed = clock [part_phrase] [ws ["on" ws] day_part]`, up to the end:
/// a time on a day (`5pm on may 27th`, `4pm yesterday`, `7 tonight`,
/// `5 on may 28`) or alone. A time phrase alone on a 12-hour dial (`half
/// past 2`) is the nearest of its two readings, as Chronic reads it.
pub(super) fn timed(i: &str) -> R<'_, Expr> {
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
pub(super) type DayPart = (Day, Option<Part>, Option<(Weekday, Tail)>);

/// `day_part = "tonight" | "last" ws "night" | "this" ws part
///           | day [ws part] | part [ws day]`
pub(super) fn day_part(i: &str) -> R<'_, DayPart> {
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
