//! The options every subcommand shares: what dates are resolved against.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use std::str::FromStr;

use clap::Args;
use ringq::{BusinessCalendar, DateReading, Direction, Locale, Options};

/// What dates are resolved against. Each option is read by the library's
/// own parser, so a wrong value gets the same error as in the service and
/// in Python.
#[derive(Args)]
pub struct ContextArgs {
    /// The instant "now", RFC 3339 (default: the clock).
    #[arg(long, global = true, value_parser = ringq::parse_instant)]
    now: Option<DateTime<Utc>>,
    /// IANA time zone for days, weeks and clock times.
    #[arg(long, global = true, default_value = "UTC", value_parser = ringq::parse_time_zone)]
    tz: Tz,
    /// How ambiguous numeric dates are read: en = 03/04 is 4 March, fr = 3 April.
    #[arg(long, global = true, default_value = "en", value_name = "en|fr", value_parser = Locale::from_str)]
    locale: Locale,
    /// Which way incomplete dates (`friday`, `dec 25`) are completed.
    #[arg(long, global = true, default_value = "past", value_name = "past|future", value_parser = Direction::from_str)]
    prefer: Direction,
    /// Which reading of human dates answers: ringcx = as RingCX reads them
    /// (Chronic's), intended = what a person means. Where they differ, a
    /// warning says so.
    #[arg(long, global = true, default_value = "ringcx", value_name = "ringcx|intended", value_parser = DateReading::from_str)]
    dates: DateReading,
    /// Business calendar for `N business hours ago` (JSON; see the README).
    /// Default: Monday-Friday 09:00-17:00 in the --tz zone.
    #[arg(long, global = true, value_name = "FILE.json", value_parser = load_calendar)]
    calendar: Option<BusinessCalendar>,
}

/// Reads and checks a calendar file: reading files is the command's job,
/// the library only parses.
fn load_calendar(path: &str) -> Result<BusinessCalendar, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read `{path}`: {e}"))?;
    serde_json::from_str(&text).map_err(|e| format!("`{path}` is not a valid calendar: {e}"))
}

impl ContextArgs {
    /// The library's options these arguments describe, "now" read from the
    /// clock when `--now` is absent (the library itself never reads it).
    pub fn options(&self) -> Options {
        let mut options = Options::at(self.now.unwrap_or_else(Utc::now));
        options.tz = self.tz;
        options.locale = self.locale;
        options.prefer = self.prefer;
        options.dates = self.dates;
        options.calendar = self.calendar.clone();
        options
    }
}
