//! The words of the date language: month, weekday, unit, season, number
//! and ordinal names.
//!
//! Tables are data so that the grammar reads like `grammar.md` and adding
//! a spelling is a one-line change. Lookups compare ASCII case-insensitively
//! and allocate nothing. The spellings are the ones Chronic 0.10.5 accepts
//! (its own table of misspellings included: `mun`, `tus`, `wenns`, `fry`,
//! `satterday`), less the one-letter `t` it reads as Tuesday.

use chrono::Weekday;

use super::ast::{Modifier, Part, Period, Season, Unit};

/// Month names and abbreviations, with the month number. An abbreviation
/// may also be followed by a dot (`aug. 3`), which the grammar reads.
pub(crate) const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

/// Weekday names, abbreviations and the misspellings Chronic accepts.
pub(crate) const WEEKDAYS: &[(&str, Weekday)] = &[
    ("sunday", Weekday::Sun),
    ("sun", Weekday::Sun),
    ("sumday", Weekday::Sun),
    ("sum", Weekday::Sun),
    ("monday", Weekday::Mon),
    ("mon", Weekday::Mon),
    ("munday", Weekday::Mon),
    ("mun", Weekday::Mon),
    ("tuesday", Weekday::Tue),
    ("tues", Weekday::Tue),
    ("tue", Weekday::Tue),
    ("tusday", Weekday::Tue),
    ("tus", Weekday::Tue),
    ("tu", Weekday::Tue),
    ("teusday", Weekday::Tue),
    ("teus", Weekday::Tue),
    ("teu", Weekday::Tue),
    ("toosday", Weekday::Tue),
    ("toos", Weekday::Tue),
    ("wednesday", Weekday::Wed),
    ("wednes", Weekday::Wed),
    ("wed", Weekday::Wed),
    ("wendsday", Weekday::Wed),
    ("wends", Weekday::Wed),
    ("wennsday", Weekday::Wed),
    ("wenns", Weekday::Wed),
    ("thursday", Weekday::Thu),
    ("thurs", Weekday::Thu),
    ("thur", Weekday::Thu),
    ("thu", Weekday::Thu),
    ("thurday", Weekday::Thu),
    ("thersday", Weekday::Thu),
    ("thers", Weekday::Thu),
    ("friday", Weekday::Fri),
    ("fri", Weekday::Fri),
    ("fryday", Weekday::Fri),
    ("fry", Weekday::Fri),
    ("saturday", Weekday::Sat),
    ("sat", Weekday::Sat),
    ("saterday", Weekday::Sat),
    ("satturday", Weekday::Sat),
    ("satterday", Weekday::Sat),
];

/// Units of an amount (`2 hrs`), with how many of the base unit one is
/// worth: a fortnight is two weeks, a quarter three months.
pub(crate) const UNITS: &[(&str, Unit, u64)] = &[
    ("seconds", Unit::Second, 1),
    ("second", Unit::Second, 1),
    ("secs", Unit::Second, 1),
    ("sec", Unit::Second, 1),
    ("minutes", Unit::Minute, 1),
    ("minute", Unit::Minute, 1),
    ("mins", Unit::Minute, 1),
    ("min", Unit::Minute, 1),
    ("hours", Unit::Hour, 1),
    ("hour", Unit::Hour, 1),
    ("hrs", Unit::Hour, 1),
    ("hr", Unit::Hour, 1),
    ("days", Unit::Day, 1),
    ("day", Unit::Day, 1),
    ("weeks", Unit::Week, 1),
    ("week", Unit::Week, 1),
    ("wks", Unit::Week, 1),
    ("wk", Unit::Week, 1),
    ("fortnights", Unit::Week, 2),
    ("fortnight", Unit::Week, 2),
    ("months", Unit::Month, 1),
    ("month", Unit::Month, 1),
    ("quarters", Unit::Month, 3),
    ("quarter", Unit::Month, 3),
    ("years", Unit::Year, 1),
    ("year", Unit::Year, 1),
    ("yrs", Unit::Year, 1),
    ("yr", Unit::Year, 1),
];

/// Periods named after `last`, `this` or `next`, or alone (`week` is
/// `this week`). Plural spellings are for `last 2 weeks`-like readings
/// Chronic also takes (`next hrs`).
pub(crate) const PERIODS: &[(&str, Period)] = &[
    ("second", Period::Second),
    ("secs", Period::Second),
    ("sec", Period::Second),
    ("minute", Period::Minute),
    ("mins", Period::Minute),
    ("min", Period::Minute),
    ("hour", Period::Hour),
    ("hrs", Period::Hour),
    ("hr", Period::Hour),
    ("day", Period::Day),
    ("week", Period::Week),
    ("wk", Period::Week),
    ("weekend", Period::Weekend),
    ("fortnight", Period::Fortnight),
    ("month", Period::Month),
    ("quarter", Period::Quarter),
    ("year", Period::Year),
    ("yr", Period::Year),
];

/// Ordinals written as words, up to the last day of a month.
pub(crate) const ORDINAL_WORDS: &[(&str, u32)] = &[
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
    ("ninth", 9),
    ("tenth", 10),
    ("eleventh", 11),
    ("twelfth", 12),
    ("thirteenth", 13),
    ("fourteenth", 14),
    ("fifteenth", 15),
    ("sixteenth", 16),
    ("seventeenth", 17),
    ("eighteenth", 18),
    ("nineteenth", 19),
    ("twentieth", 20),
    ("thirtieth", 30),
];

/// Number words below twenty.
pub(crate) const SMALL_NUMBERS: &[(&str, u64)] = &[
    ("zero", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
];

/// Tens, which may be followed by a unit word (`thirty-three`, `twenty first`).
pub(crate) const TENS: &[(&str, u64)] = &[
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

/// Multipliers of a number written in words.
pub(crate) const SCALES: &[(&str, u64)] =
    &[("hundred", 100), ("thousand", 1_000), ("million", 1_000_000), ("billion", 1_000_000_000)];

/// `last`, `this`, `next`.
pub(crate) const MODIFIERS: &[(&str, Modifier)] = &[
    ("last", Modifier::Last),
    ("past", Modifier::Last),
    ("previous", Modifier::Last),
    ("this", Modifier::This),
    ("next", Modifier::Next),
    ("coming", Modifier::Next),
];

/// Parts of a day, singular and plural (`5 mornings ago`).
pub(crate) const PARTS: &[(&str, Part)] = &[
    ("morning", Part::Morning),
    ("mornings", Part::Morning),
    ("afternoon", Part::Afternoon),
    ("afternoons", Part::Afternoon),
    ("evening", Part::Evening),
    ("evenings", Part::Evening),
    ("night", Part::Night),
    ("nights", Part::Night),
    ("nite", Part::Night),
];

/// Seasons, with `fall` for autumn.
pub(crate) const SEASONS: &[(&str, Season)] = &[
    ("spring", Season::Spring),
    ("summer", Season::Summer),
    ("autumn", Season::Autumn),
    ("fall", Season::Autumn),
    ("winter", Season::Winter),
];

/// The US zone abbreviations Chronic knows, with their offsets in hours.
pub(crate) const ZONE_NAMES: &[(&str, i32)] = &[
    ("utc", 0),
    ("gmt", 0),
    ("z", 0),
    ("est", -5),
    ("edt", -4),
    ("cst", -6),
    ("cdt", -5),
    ("mst", -7),
    ("mdt", -6),
    ("pst", -8),
    ("pdt", -7),
];

/// The entry of `table` spelled `word` (ASCII case-insensitive).
pub(crate) fn lookup<T: Copy>(table: &[(&str, T)], word: &str) -> Option<T> {
    table.iter().find(|(name, _)| name.eq_ignore_ascii_case(word)).map(|&(_, value)| value)
}

/// The unit spelled `word` and how many base units it is worth.
pub(crate) fn unit(word: &str) -> Option<(Unit, u64)> {
    UNITS.iter().find(|(name, _, _)| name.eq_ignore_ascii_case(word)).map(|&(_, unit, factor)| (unit, factor))
}

/// The English name of a month, for messages.
pub(crate) fn month_name(month: u32) -> &'static str {
    MONTHS.iter().find(|(_, m)| *m == month).map_or("month", |(name, _)| name)
}

/// The English name of a weekday, for messages.
pub(crate) fn weekday_name(w: Weekday) -> &'static str {
    WEEKDAYS.iter().find(|(_, d)| *d == w).map_or("day", |(name, _)| name)
}

/// The words of the date language that are in no table of their own.
const OTHER: &[&str] = &[
    "a",
    "an",
    "ago",
    "and",
    "after",
    "at",
    "before",
    "business",
    "from",
    "half",
    "hence",
    "in",
    "later",
    "noon",
    "midnight",
    "now",
    "of",
    "on",
    "prior",
    "quarter",
    "right",
    "the",
    "till",
    "to",
    "today",
    "tomorrow",
    "tonight",
    "yesterday",
    "am",
    "pm",
    "past",
    "q",
    "weekends",
    "seasons",
    "st",
    "nd",
    "rd",
    "th",
];

/// Every word of the date language that a typo may be near: the names in
/// the tables, less the one- and two-letter ones (too short to correct).
pub(crate) fn vocabulary() -> impl Iterator<Item = &'static str> {
    fn names<T>(table: &'static [(&'static str, T)]) -> impl Iterator<Item = &'static str> {
        table.iter().map(|(name, _)| *name)
    }
    OTHER
        .iter()
        .copied()
        .chain(names(MONTHS))
        .chain(names(WEEKDAYS))
        .chain(UNITS.iter().map(|(name, _, _)| *name))
        .chain(names(PERIODS))
        .chain(names(ORDINAL_WORDS))
        .chain(names(SMALL_NUMBERS))
        .chain(names(TENS))
        .chain(names(SCALES))
        .chain(names(MODIFIERS))
        .chain(names(PARTS))
        .chain(names(SEASONS))
        .filter(|name| name.len() > 2)
}

/// Whether `word` belongs to the date language at all: the test behind
/// the hint that names the words of a value that are not part of a date.
pub(crate) fn is_date_word(word: &str) -> bool {
    let w = word.trim_matches(|c: char| matches!(c, ',' | '.'));
    if w.is_empty() || w.bytes().any(|b| b.is_ascii_digit() || !b.is_ascii_alphabetic()) {
        return true;
    }

    fn known<T: Copy>(table: &[(&str, T)], w: &str) -> bool {
        lookup(table, w).is_some()
    }
    OTHER.iter().any(|o| o.eq_ignore_ascii_case(w))
        || known(MONTHS, w)
        || known(WEEKDAYS, w)
        || unit(w).is_some()
        || known(PERIODS, w)
        || known(ORDINAL_WORDS, w)
        || known(SMALL_NUMBERS, w)
        || known(TENS, w)
        || known(SCALES, w)
        || known(MODIFIERS, w)
        || known(PARTS, w)
        || known(SEASONS, w)
        || known(ZONE_NAMES, w)
}
