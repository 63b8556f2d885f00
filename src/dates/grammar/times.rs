//! Clock times: `at 4pm`, `noon`, `half past 2`, am/pm, and the parts of
//! the day that make a bare hour am or pm.

use super::*;

/// A clock time as read, before the part of the day or the rule for
/// 12-hour times without am/pm settles its hour.
#[derive(Clone, Copy, Debug)]
pub(super) struct RawClock {
    hour: u32,
    minute: u32,
    second: u32,
    /// Written on a 12-hour dial without am/pm (`4`, `4:30`, `11:15`):
    /// the part of the day, or the 1-6 rule, decides.
    pub(super) open: bool,
    /// `10 to 2`: the time is an hour before the hour named.
    before: bool,
    /// Written as a phrase (`half past 2`).
    pub(super) phrase: bool,
}

impl RawClock {
    fn exact(c: Clock) -> Self {
        RawClock { hour: c.hour, minute: c.minute, second: c.second, open: false, before: false, phrase: false }
    }

    /// The time, with an open hour read by `part` (morning: am; later
    /// parts: pm) or, without one, as Chronic and SPEC read it after
    /// `at`: 1-6 is in the afternoon, 7-12 in the morning and at noon.
    pub(super) fn settle(self, part: Option<Part>) -> Clock {
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
pub(super) fn at_time(i: &str) -> R<'_, Clock> {
    let (i, _) = ows(i)?;
    let (i, _) = nom::branch::alt((kw("at"), |i| tag("@")(i).map(|(r, _)| (r, ())))).parse(i)?;
    let (i, _) = ows(i)?;
    let (i, c) = clock(i, true)?;
    let (i, part) = opt(part_phrase).parse(i)?;
    Ok((i, c.settle(part)))
}

/// `part_phrase = ws ("in" ws "the" ws part | "at" ws "night" | "tonight")`:
/// what makes a time am or pm in words.
pub(super) fn part_phrase(i: &str) -> R<'_, Part> {
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
pub(super) fn clock(i: &str, bare: bool) -> R<'_, RawClock> {
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
pub(super) fn clock_phrase(i: &str) -> R<'_, RawClock> {
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
pub(super) fn ampm(i: &str) -> R<'_, bool> {
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
