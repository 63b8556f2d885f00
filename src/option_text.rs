//! Options that arrive as text: a flag on the command line, a string in
//! the service's JSON, a keyword argument in Python. Each option has one
//! parser here, so the three shells accept the same spellings and answer a
//! wrong one with the same error: which option, what was written, the
//! nearest allowed value, and what is allowed.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Deserializer};

use crate::dates::{DateReading, Direction, Locale};
use crate::diagnostic::shown;
use crate::suggest::{did_you_mean, nearest_name};

/// A value an option does not take.
///
/// ```
/// use ringq::Locale;
///
/// let error = "EN".parse::<Locale>().unwrap_err();
/// assert_eq!(error.option(), "locale");
/// assert_eq!(
///     error.to_string(),
///     "unknown locale `EN`: did you mean `en`? Use `en` (03/04 is 4 March) or `fr` (03/04 is 3 April)"
/// );
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OptionError {
    option: &'static str,
    value: String,
    suggestions: Vec<String>,
    allowed: &'static str,
}

impl OptionError {
    /// The option's name as the options' JSON spells it (`locale`, `tz`).
    pub fn option(&self) -> &'static str {
        self.option
    }

    /// What was written.
    pub fn value(&self) -> &str {
        &self.value
    }

    /// The nearest allowed values, nearest first (perhaps none).
    pub fn suggestions(&self) -> &[String] {
        &self.suggestions
    }

    /// What the option allows, in a sentence.
    pub fn allowed(&self) -> &'static str {
        self.allowed
    }
}

impl fmt::Display for OptionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.option {
            "tz" => "time zone",
            "dates" => "date reading",
            "prefer" => "preference",
            "now" => "instant",
            other => other,
        };
        write!(f, "unknown {what} `{}`", shown(&self.value))?;
        match did_you_mean(&self.suggestions) {
            Some(suggestion) => write!(f, ": {suggestion} {}", self.allowed),
            None => write!(f, ". {}", self.allowed),
        }
    }
}

impl std::error::Error for OptionError {}

/// An option whose values are a few names.
trait Named: Copy + 'static {
    const OPTION: &'static str;
    const ALLOWED: &'static str;
    const ALL: &'static [Self];
    fn name(self) -> &'static str;

    fn parse_named(s: &str) -> Result<Self, OptionError> {
        if let Some(value) = Self::ALL.iter().copied().find(|v| v.name() == s) {
            return Ok(value);
        }
        let names = Self::ALL.iter().map(|v| v.name());
        let suggestions = match names.clone().find(|name| name.eq_ignore_ascii_case(s.trim())) {
            Some(same) => vec![same.to_owned()],
            None => nearest_name(s, names).into_iter().map(str::to_owned).collect(),
        };
        Err(OptionError { option: Self::OPTION, value: s.to_owned(), suggestions, allowed: Self::ALLOWED })
    }
}

impl Named for Locale {
    const OPTION: &'static str = "locale";
    const ALLOWED: &'static str = "Use `en` (03/04 is 4 March) or `fr` (03/04 is 3 April)";
    const ALL: &'static [Self] = &[Locale::En, Locale::Fr];
    fn name(self) -> &'static str {
        self.as_str()
    }
}

impl Named for Direction {
    const OPTION: &'static str = "prefer";
    const ALLOWED: &'static str =
        "Use `past` (an incomplete date such as `friday` is the last one) or `future` (the next one)";
    const ALL: &'static [Self] = &[Direction::Past, Direction::Future];
    fn name(self) -> &'static str {
        self.as_str()
    }
}

impl Named for DateReading {
    const OPTION: &'static str = "dates";
    const ALLOWED: &'static str = "Use `ringcx` (as RingCX reads a date) or `intended` (what a person means)";
    const ALL: &'static [Self] = &[DateReading::RingCx, DateReading::Intended];
    fn name(self) -> &'static str {
        self.as_str()
    }
}

/// `FromStr`, `TryFrom<String>` (which serde reads them through, so JSON
/// options get the same error) for each named option.
macro_rules! text_option {
    ($($ty:ty),*) => {$(
        impl FromStr for $ty {
            type Err = OptionError;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                <$ty as Named>::parse_named(s)
            }
        }

        impl TryFrom<String> for $ty {
            type Error = OptionError;

            fn try_from(s: String) -> Result<Self, Self::Error> {
                s.parse()
            }
        }
    )*};
}

text_option!(Locale, Direction, DateReading);

/// The IANA time zone named `text` (`Europe/Paris`), exactly as the tz
/// database spells it; a near miss is an error that names the zone meant.
///
/// ```
/// assert_eq!(ringq::parse_time_zone("Europe/Paris")?, chrono_tz::Europe::Paris);
/// let error = ringq::parse_time_zone("Europe/Pari").unwrap_err();
/// assert_eq!(error.suggestions(), ["Europe/Paris"]);
/// # Ok::<(), ringq::OptionError>(())
/// ```
pub fn parse_time_zone(text: &str) -> Result<Tz, OptionError> {
    if let Ok(zone) = text.parse::<Tz>() {
        return Ok(zone);
    }
    let names = chrono_tz::TZ_VARIANTS.iter().map(|zone| zone.name());
    let suggestions = match names.clone().find(|name| name.eq_ignore_ascii_case(text.trim())) {
        Some(same) => vec![same.to_owned()],
        None => nearest_name(text, names).into_iter().map(str::to_owned).collect(),
    };
    Err(OptionError {
        option: "tz",
        value: text.to_owned(),
        suggestions,
        allowed: "Use an IANA time zone name such as `Europe/Paris` or `UTC`",
    })
}

/// The instant `text` names, in RFC 3339 (`2026-11-24T12:00:00Z`, or with
/// an offset: `2026-11-24T13:00:00+01:00`).
///
/// ```
/// assert_eq!(ringq::parse_instant("2026-11-24T13:00:00+01:00")?.to_rfc3339(), "2026-11-24T12:00:00+00:00");
/// assert!(ringq::parse_instant("yesterday").is_err());
/// # Ok::<(), ringq::OptionError>(())
/// ```
pub fn parse_instant(text: &str) -> Result<DateTime<Utc>, OptionError> {
    DateTime::parse_from_rfc3339(text.trim()).map(|t| t.with_timezone(&Utc)).map_err(|_| OptionError {
        option: "now",
        value: text.to_owned(),
        suggestions: Vec::new(),
        allowed: "Use an RFC 3339 instant such as `2026-11-24T12:00:00Z`",
    })
}

/// `tz` in the options' JSON, read by [`parse_time_zone`].
pub(crate) fn deserialize_zone<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Tz, D::Error> {
    let text = String::deserialize(deserializer)?;
    parse_time_zone(&text).map_err(serde::de::Error::custom)
}

/// `now` in the options' JSON, read by [`parse_instant`].
pub(crate) fn deserialize_instant<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<DateTime<Utc>>, D::Error> {
    match Option::<String>::deserialize(deserializer)? {
        Some(text) => parse_instant(&text).map(Some).map_err(serde::de::Error::custom),
        None => Ok(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_option_reads_its_names_and_no_other() {
        assert_eq!("fr".parse::<Locale>(), Ok(Locale::Fr));
        assert_eq!("future".parse::<Direction>(), Ok(Direction::Future));
        assert_eq!("intended".parse::<DateReading>(), Ok(DateReading::Intended));
        let error = "futur".parse::<Direction>().unwrap_err();
        assert_eq!((error.option(), error.suggestions()), ("prefer", &["future".to_owned()][..]));
        let error = "chronic".parse::<DateReading>().unwrap_err();
        assert_eq!(
            error.to_string(),
            "unknown date reading `chronic`. Use `ringcx` (as RingCX reads a date) or `intended` (what a person means)"
        );
        assert_eq!("Ringcx".parse::<DateReading>().unwrap_err().suggestions(), ["ringcx"]);
    }

    #[test]
    fn zones_and_instants() {
        assert_eq!(parse_time_zone("europe/paris").unwrap_err().suggestions(), ["Europe/Paris"]);
        let error = parse_time_zone("Mars/Olympus").unwrap_err();
        assert!(error.to_string().starts_with("unknown time zone `Mars/Olympus`"), "{error}");
        let error = parse_instant("2026-13-01T00:00:00Z").unwrap_err();
        assert_eq!(
            error.to_string(),
            "unknown instant `2026-13-01T00:00:00Z`. Use an RFC 3339 instant such as `2026-11-24T12:00:00Z`"
        );
        // Control characters are shown escaped, never sent to a terminal.
        assert!(parse_time_zone("\u{1b}[2J").unwrap_err().to_string().contains("\\u{1b}"));
    }
}
