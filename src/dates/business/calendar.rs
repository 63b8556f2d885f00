//! Building a calendar: the builder, the JSON file, and the checks both go
//! through.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{NaiveDate, Weekday};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use super::{BusinessCalendar, Opening};

const DAY: u32 = 24 * 60;
const WEEK: u32 = 7 * DAY;

/// The weekday keys of the JSON file, Monday first.
const DAY_KEYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// Why a calendar is not valid.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CalendarError {
    /// A time that is not `HH:MM` on a 24-hour clock.
    #[error("`{text}` is not a time of day: write HH:MM on a 24-hour clock, from 00:00 to 24:00")]
    BadTime {
        /// The time as written.
        text: String,
    },
    /// An interval that opens and closes at the same time.
    #[error("the interval {start}-{end} on {day} is empty")]
    EmptyInterval {
        /// The weekday, `mon` to `sun`.
        day: &'static str,
        /// Opening time.
        start: String,
        /// Closing time.
        end: String,
    },
    /// Two intervals that share some time (an interval past midnight can
    /// overlap the next day's first one).
    #[error("the interval {first} overlaps {second}")]
    Overlap {
        /// The earlier interval, as `day HH:MM-HH:MM`.
        first: String,
        /// The later interval.
        second: String,
    },
    /// No opening at all: business time could never be counted.
    #[error("the calendar is never open: give at least one opening interval")]
    EmptyWeek,
    /// A zone that is not an IANA name.
    #[error("unknown time zone `{0}`: use an IANA name such as Europe/Paris")]
    UnknownZone(String),
    /// A holiday that is not a `YYYY-MM-DD` date.
    #[error("`{0}` is not a holiday date: write YYYY-MM-DD, e.g. 2026-12-25")]
    BadHoliday(String),
    /// A weekday key that is not `mon` … `sun`.
    #[error("unknown weekday `{0}`: use mon, tue, wed, thu, fri, sat or sun")]
    UnknownDay(String),
}

/// Builds a [`BusinessCalendar`]; every check happens in
/// [`BusinessCalendarBuilder::build`], so calls chain.
#[derive(Clone, Debug, Default)]
pub struct BusinessCalendarBuilder {
    zone: Option<Tz>,
    openings: Vec<(Weekday, String, String)>,
    holidays: BTreeSet<NaiveDate>,
}

impl BusinessCalendarBuilder {
    /// The zone of the opening hours (default: the date context's zone).
    pub fn zone(mut self, zone: Tz) -> Self {
        self.zone = Some(zone);
        self
    }

    /// Opens `weekday` from `start` to `end` (`"HH:MM"`; an end not after
    /// the start is on the next day).
    pub fn open(mut self, weekday: Weekday, start: &str, end: &str) -> Self {
        self.openings.push((weekday, start.to_owned(), end.to_owned()));
        self
    }

    /// Opens Monday to Friday from `start` to `end`.
    pub fn weekdays(self, start: &str, end: &str) -> Self {
        [Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri]
            .into_iter()
            .fold(self, |builder, day| builder.open(day, start, end))
    }

    /// Closes every interval that opens on `date`.
    pub fn holiday(mut self, date: NaiveDate) -> Self {
        self.holidays.insert(date);
        self
    }

    /// The calendar, or the first problem found.
    pub fn build(self) -> Result<BusinessCalendar, CalendarError> {
        let mut week: [Vec<Opening>; 7] = Default::default();
        for (weekday, start, end) in &self.openings {
            let day = weekday.num_days_from_monday() as usize;
            let (s, e) = (minutes(start)?, minutes(end)?);
            if s == e || (s == DAY && e == 0) {
                return Err(CalendarError::EmptyInterval {
                    day: DAY_KEYS.get(day).copied().unwrap_or("?"),
                    start: start.clone(),
                    end: end.clone(),
                });
            }
            if s == DAY {
                return Err(CalendarError::BadTime { text: start.clone() });
            }
            let e = if e <= s { e + DAY } else { e };
            if let Some(slot) = week.get_mut(day) {
                slot.push(Opening { start: s, end: e });
            }
        }
        for day in &mut week {
            day.sort();
        }
        check_overlaps(&week)?;
        if week.iter().all(Vec::is_empty) {
            return Err(CalendarError::EmptyWeek);
        }
        Ok(BusinessCalendar { zone: self.zone, week, holidays: self.holidays })
    }
}

/// `"HH:MM"` as minutes after midnight, `24:00` included.
fn minutes(text: &str) -> Result<u32, CalendarError> {
    let bad = || CalendarError::BadTime { text: text.to_owned() };
    let (h, m) = text.split_once(':').ok_or_else(bad)?;
    let digits = |s: &str| s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(h) || !digits(m) {
        return Err(bad());
    }
    let (h, m): (u32, u32) = (h.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?);
    match (h, m) {
        (24, 0) => Ok(DAY),
        (0..=23, 0..=59) => Ok(h * 60 + m),
        _ => Err(bad()),
    }
}

/// Minutes after midnight as `"HH:MM"`.
pub(super) fn clock(minutes: u32) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

/// Every interval of the week, placed on a cyclic week of minutes, must be
/// apart from every other: Sunday night may run into Monday morning.
fn check_overlaps(week: &[Vec<Opening>; 7]) -> Result<(), CalendarError> {
    let mut all: Vec<(u32, u32, usize, Opening)> = Vec::new();
    for (day, openings) in week.iter().enumerate() {
        for o in openings {
            let base = day as u32 * DAY;
            all.push((base + o.start, base + o.end, day, *o));
        }
    }
    all.sort();
    let describe = |day: usize, o: Opening| {
        format!("{} {}-{}", DAY_KEYS.get(day).copied().unwrap_or("?"), clock(o.start), clock(o.end % DAY))
    };
    for pair in all.windows(2) {
        if let [a, b] = pair {
            if b.0 < a.1 {
                return Err(CalendarError::Overlap { first: describe(a.2, a.3), second: describe(b.2, b.3) });
            }
        }
    }
    // The last interval of the week may run into the first one.
    if let (Some(first), Some(last)) = (all.first(), all.last()) {
        if all.len() > 1 && last.1 > WEEK && last.1 - WEEK > first.0 {
            return Err(CalendarError::Overlap { first: describe(last.2, last.3), second: describe(first.2, first.3) });
        }
    }
    Ok(())
}

/// A calendar as JSON: the file `--calendar` reads, and the shape
/// `BusinessCalendar` serializes to.
///
/// ```json
/// {
///   "zone": "Europe/Paris",
///   "week": {
///     "mon": [["09:00", "12:00"], ["13:00", "17:00"]],
///     "sat": [["22:00", "06:00"]]
///   },
///   "holidays": ["2026-12-25"]
/// }
/// ```
///
/// `zone` may be left out (the date context's zone is used); weekdays left
/// out are closed; `holidays` may be left out.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CalendarFile {
    /// IANA zone of the opening hours.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zone: Option<String>,
    /// Opening intervals by weekday key (`mon` … `sun`).
    #[serde(default)]
    pub week: BTreeMap<String, Vec<(String, String)>>,
    /// Closed dates, `YYYY-MM-DD`.
    #[serde(default)]
    pub holidays: Vec<String>,
}

impl TryFrom<CalendarFile> for BusinessCalendar {
    type Error = CalendarError;

    fn try_from(file: CalendarFile) -> Result<Self, CalendarError> {
        let mut builder = BusinessCalendar::builder();
        if let Some(zone) = &file.zone {
            builder = builder.zone(zone.parse().map_err(|_| CalendarError::UnknownZone(zone.clone()))?);
        }
        for (key, openings) in &file.week {
            let day = DAY_KEYS
                .iter()
                .position(|k| k.eq_ignore_ascii_case(key))
                .ok_or_else(|| CalendarError::UnknownDay(key.clone()))?;
            let weekday = Weekday::try_from(day as u8).map_err(|_| CalendarError::UnknownDay(key.clone()))?;
            for (start, end) in openings {
                builder = builder.open(weekday, start, end);
            }
        }
        for text in &file.holidays {
            let date =
                NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| CalendarError::BadHoliday(text.clone()))?;
            builder = builder.holiday(date);
        }
        builder.build()
    }
}

impl From<BusinessCalendar> for CalendarFile {
    fn from(calendar: BusinessCalendar) -> Self {
        let week = DAY_KEYS
            .iter()
            .zip(&calendar.week)
            .filter(|(_, openings)| !openings.is_empty())
            .map(|(key, openings)| {
                let openings = openings.iter().map(|o| (clock(o.start), clock(o.end % DAY))).collect();
                ((*key).to_owned(), openings)
            })
            .collect();
        CalendarFile {
            zone: calendar.zone.map(|z| z.name().to_owned()),
            week,
            holidays: calendar.holidays.iter().map(|d| d.format("%Y-%m-%d").to_string()).collect(),
        }
    }
}

impl Serialize for BusinessCalendar {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        CalendarFile::from(self.clone()).serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for BusinessCalendar {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let file = CalendarFile::deserialize(deserializer)?;
        BusinessCalendar::try_from(file).map_err(serde::de::Error::custom)
    }
}
