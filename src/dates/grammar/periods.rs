//! Periods and ordinals: `this week`, `q3 2025`, `last month`, `3rd
//! wednesday in november`.

use super::*;

/// `period = modifier ws (period_word | season) | period_word | season
///         | quarter | ordinal | month_ref`
pub(super) fn period(i: &str) -> R<'_, Expr> {
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
pub(super) fn bare_period(i: &str) -> R<'_, Expr> {
    let (r, grain) = from_table(PERIODS)(i)?;
    match grain {
        Period::Second | Period::Minute | Period::Hour => mismatch(i),
        _ => Ok((r, Expr::Grain { modifier: Modifier::This, grain })),
    }
}

/// `quarter = "q" d [ws (yyyy | modifier ws "year")] | (yyyy | modifier ws "year") ws "q" d`
pub(super) fn quarter(i: &str) -> R<'_, Expr> {
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
pub(super) fn month_ref(i: &str) -> R<'_, MonthRef> {
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
pub(super) fn ordinal(i: &str) -> R<'_, Expr> {
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
pub(super) fn nth(i: &str) -> R<'_, Nth> {
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
pub(super) fn ordinal_word(i: &str) -> R<'_, u32> {
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
