//! Amounts and what moves them: business time, counts (digits or words),
//! directions, `in 3 days`, `2 weeks ago at 4pm`.

use super::*;

/// `business = count ws "business" ws bunit ws direction
///           | "in" ws count ws "business" ws bunit`
pub(super) fn business(i: &str) -> R<'_, Expr> {
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
pub(super) fn business_unit(i: &str) -> R<'_, BusinessUnit> {
    let (rest, w) = word(i)?;
    match units::unit(w) {
        Some((Unit::Minute, 1)) => Ok((rest, BusinessUnit::Minute)),
        Some((Unit::Hour, 1)) => Ok((rest, BusinessUnit::Hour)),
        Some((Unit::Day, 1)) => Ok((rest, BusinessUnit::Day)),
        _ => mismatch(i),
    }
}

/// `count = digits | number_words | "a" | "an"`, with its position.
pub(super) fn count(i: &str) -> R<'_, (u64, Tail)> {
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
pub(super) fn number_words(i: &str) -> R<'_, u64> {
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
pub(super) enum NumberWord {
    Value(u64),
    Hundred,
    Scale(u64),
}

pub(super) fn number_word(i: &str) -> R<'_, NumberWord> {
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
pub(super) fn direction(i: &str) -> R<'_, Direction> {
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
pub(super) fn pointer(i: &str) -> R<'_, Direction> {
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
pub(super) fn amount(i: &str) -> R<'_, Amount> {
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
pub(super) fn amounts(i: &str) -> R<'_, Vec<Amount>> {
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
pub(super) fn relative(i: &str) -> R<'_, Expr> {
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
pub(super) fn moved(i: &str) -> R<'_, Expr> {
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
