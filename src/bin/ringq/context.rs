//! The options every subcommand shares: what dates are resolved against.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use clap::{Args, ValueEnum};
use ringq::{BusinessCalendar, DateReading, Direction, Locale, Options};

/// What dates are resolved against.
#[derive(Args)]
pub struct ContextArgs {
    /// The instant "now", RFC 3339 (default: the clock).
    #[arg(long, global = true, value_parser = parse_now)]
    now: Option<DateTime<Utc>>,
    /// IANA time zone for days, weeks and clock times.
    #[arg(long, global = true, default_value = "UTC", value_parser = parse_tz)]
    tz: Tz,
    /// How ambiguous numeric dates are read: en = 03/04 is 4 March, fr = 3 April.
    #[arg(long, global = true, value_enum, default_value_t = LocaleArg::En)]
    locale: LocaleArg,
    /// Which way incomplete dates (`friday`, `dec 25`) are completed.
    #[arg(long, global = true, value_enum, default_value_t = PreferArg::Past)]
    prefer: PreferArg,
    /// Which reading of human dates answers: ringcx = as RingCX reads them
    /// (Chronic's), intended = what a person means. Where they differ, a
    /// warning says so.
    #[arg(long, global = true, value_enum, default_value_t = DatesArg::Ringcx)]
    dates: DatesArg,
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

#[derive(Clone, Copy, ValueEnum)]
enum LocaleArg {
    En,
    Fr,
}

#[derive(Clone, Copy, ValueEnum)]
enum DatesArg {
    Ringcx,
    Intended,
}

#[derive(Clone, Copy, ValueEnum)]
enum PreferArg {
    Past,
    Future,
}

fn parse_now(text: &str) -> Result<DateTime<Utc>, String> {
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| format!("{e}; expected RFC 3339, e.g. 2026-11-24T12:00:00Z"))
}

fn parse_tz(text: &str) -> Result<Tz, String> {
    text.parse::<Tz>().map_err(|_| format!("unknown time zone `{text}`; use an IANA name such as Europe/Paris"))
}

impl ContextArgs {
    /// The library's options these arguments describe, "now" read from the
    /// clock when `--now` is absent (the library itself never reads it).
    pub fn options(&self) -> Options {
        let mut options = Options::at(self.now.unwrap_or_else(Utc::now));
        options.tz = self.tz;
        options.locale = match self.locale {
            LocaleArg::En => Locale::En,
            LocaleArg::Fr => Locale::Fr,
        };
        options.prefer = match self.prefer {
            PreferArg::Past => Direction::Past,
            PreferArg::Future => Direction::Future,
        };
        options.dates = match self.dates {
            DatesArg::Ringcx => DateReading::RingCx,
            DatesArg::Intended => DateReading::Intended,
        };
        options.calendar = self.calendar.clone();
        options
    }
}
