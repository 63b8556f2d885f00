//! Ruby's `Time.parse`, for the layouts Chronic's `handle_generic` hands
//! it: ISO 8601 dates with a time and a zone or offset, the Unix `date`
//! layout (`Mon Apr 02 17:00:00 PDT 2007`), and an ordinal day alone
//! (`28th`: that day of the current month), found anywhere in the text
//! as Ruby's `Date._parse` finds them.

use std::sync::LazyLock;

use regex::Regex;

use super::clock::Clock;
use super::tokens::ruby_to_i;

pub(crate) enum Failure {
    /// `argument out of range`: Chronic rescues it and answers nothing.
    OutOfRange,
    /// Anything else Ruby raises.
    Raised,
}

struct Layouts {
    iso: Regex,
    unix: Regex,
    ordinal: Regex,
}

static LAYOUTS: LazyLock<Layouts> = LazyLock::new(|| {
    // Constant patterns; a bad one fails every test.
    #[allow(clippy::expect_used)]
    let compile = |p: &str| Regex::new(p).expect("a valid pattern");
    Layouts {
        iso: compile(
            r"(?i)\b(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[t\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?\s*(z\b|utc\b|gmt\b|[pmce][ds]t\b|[+-]\d{2}(?::?\d{2})?)?",
        ),
        unix: compile(
            r"(?i)\b[a-z]+,?\s+([a-z]+)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(z|utc|gmt|[pmce][ds]t|[+-]\d{2}:?\d{2})?\s+(\d{4})\b",
        ),
        ordinal: compile(r"(?i)\b(\d{1,2})(?:st|nd|rd|th)\b"),
    }
});

/// The offset, in seconds east of UTC, of a zone written in the text.
fn zone_offset(zone: &str) -> Option<i64> {
    let z = zone.to_ascii_lowercase();
    let hours = match z.as_str() {
        "z" | "utc" | "gmt" => 0,
        "edt" => -4,
        "est" | "cdt" => -5,
        "cst" | "mdt" => -6,
        "mst" | "pdt" => -7,
        "pst" => -8,
        _ => {
            let sign = if z.starts_with('-') { -1 } else { 1 };
            let digits: String = z.chars().filter(char::is_ascii_digit).collect();
            let h = ruby_to_i(digits.get(..2)?);
            let m = digits.get(2..4).map_or(0, ruby_to_i);
            return Some(sign * (h * 3600 + m * 60));
        }
    };
    Some(hours * 3600)
}

const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/// The instant `Time.parse(text)` gives, with `now` completing what the
/// text leaves out.
pub(crate) fn time_parse(text: &str, clock: &Clock, now: i64) -> Result<i64, Failure> {
    let layouts = &*LAYOUTS;
    let num = |c: &regex::Captures, i: usize| c.get(i).map_or(0, |m| ruby_to_i(m.as_str()));
    let (year, month, day, hour, min, sec, zone) = if let Some(c) = layouts.iso.captures(text) {
        (num(&c, 1), num(&c, 2), num(&c, 3), num(&c, 4), num(&c, 5), num(&c, 6), c.get(7).map(|m| m.as_str()))
    } else if let Some(c) = layouts.unix.captures(text) {
        let name = c.get(1).map_or("", |m| m.as_str()).to_ascii_lowercase();
        let month = MONTHS.iter().position(|m| name.starts_with(m)).ok_or(Failure::Raised)? as i64 + 1;
        (num(&c, 7), month, num(&c, 2), num(&c, 3), num(&c, 4), num(&c, 5), c.get(6).map(|m| m.as_str()))
    } else if let Some(c) = layouts.ordinal.captures(text) {
        let f = clock.fields(now).map_err(|_| Failure::Raised)?;
        (f.year, f.month, num(&c, 1), 0, 0, 0, None)
    } else {
        return Err(Failure::Raised);
    };
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) || hour > 24 || min > 59 || sec > 60 {
        return Err(Failure::OutOfRange);
    }
    match zone.and_then(zone_offset) {
        Some(offset) => {
            // A fixed offset: the wall time read in UTC, then moved.
            let utc = Clock { tz: chrono_tz::Tz::UTC };
            let t = utc.local(year, month, day, hour, min, sec).map_err(|_| Failure::OutOfRange)?;
            Ok(t - offset)
        }
        None => clock.local(year, month, day, hour, min, sec).map_err(|_| Failure::OutOfRange),
    }
}
