//! The words of the date language: month, weekday, unit and ordinal names.
//!
//! Tables are data so that the grammar reads like `grammar.md` and adding
//! a spelling is a one-line change. Lookups compare ASCII case-insensitively
//! and allocate nothing.

use chrono::Weekday;

use super::ast::{Modifier, Part, Unit};

/// Month names and abbreviations, with the month number.
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

/// Weekday names and abbreviations.
pub(crate) const WEEKDAYS: &[(&str, Weekday)] = &[
    ("sunday", Weekday::Sun),
    ("sun", Weekday::Sun),
    ("monday", Weekday::Mon),
    ("mon", Weekday::Mon),
    ("tuesday", Weekday::Tue),
    ("tues", Weekday::Tue),
    ("tue", Weekday::Tue),
    ("wednesday", Weekday::Wed),
    ("wed", Weekday::Wed),
    ("thursday", Weekday::Thu),
    ("thurs", Weekday::Thu),
    ("thur", Weekday::Thu),
    ("thu", Weekday::Thu),
    ("friday", Weekday::Fri),
    ("fri", Weekday::Fri),
    ("saturday", Weekday::Sat),
    ("sat", Weekday::Sat),
];

/// Units of an amount (`2 hrs`), with how many of the base unit one is
/// worth: a fortnight is two weeks.
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
    ("years", Unit::Year, 1),
    ("year", Unit::Year, 1),
    ("yrs", Unit::Year, 1),
    ("yr", Unit::Year, 1),
];

/// Ordinals written as words.
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
];

/// `last`, `this`, `next`.
pub(crate) const MODIFIERS: &[(&str, Modifier)] = &[
    ("last", Modifier::Last),
    ("past", Modifier::Last),
    ("previous", Modifier::Last),
    ("this", Modifier::This),
    ("next", Modifier::Next),
    ("coming", Modifier::Next),
];

/// Parts of a day.
pub(crate) const PARTS: &[(&str, Part)] =
    &[("morning", Part::Morning), ("afternoon", Part::Afternoon), ("evening", Part::Evening), ("night", Part::Night)];

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
