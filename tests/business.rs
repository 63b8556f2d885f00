//! Business time: boundary cases as tables, calendar errors as snapshots,
//! and the real implementation against a minute-by-minute reference over
//! random calendars, nows and amounts.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, TimeZone, Timelike, Utc, Weekday};
use chrono_tz::Tz;
use proptest::prelude::*;
use ringq::{resolve_date, DateContext, DateReading, Direction};
use ringq::{BusinessCalendar, BusinessUnit, CalendarError};

fn utc(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

fn shift(calendar: &BusinessCalendar, now: &str, amount: u64, unit: BusinessUnit, dir: Direction) -> String {
    calendar.shift(utc(now), amount, unit, dir, chrono_tz::UTC).unwrap().to_rfc3339()
}

use BusinessUnit::{Day, Hour, Minute};
use Direction::{Future, Past};

#[test]
fn default_calendar_boundaries() {
    let c = BusinessCalendar::default();
    // 2026-11-24 is a Tuesday.
    let table: &[(&str, u64, BusinessUnit, Direction, &str)] = &[
        // Inside opening hours.
        ("2026-11-24T10:00:00Z", 1, Hour, Past, "2026-11-24T09:00:00+00:00"),
        ("2026-11-24T10:00:00Z", 2, Hour, Past, "2026-11-23T16:00:00+00:00"),
        ("2026-11-24T10:00:00Z", 90, Minute, Future, "2026-11-24T11:30:00+00:00"),
        // Before opening: counting starts at the last closing.
        ("2026-11-24T08:00:00Z", 1, Hour, Past, "2026-11-23T16:00:00+00:00"),
        ("2026-11-24T08:00:00Z", 1, Hour, Future, "2026-11-24T10:00:00+00:00"),
        // After closing.
        ("2026-11-24T18:00:00Z", 1, Hour, Past, "2026-11-24T16:00:00+00:00"),
        ("2026-11-24T18:00:00Z", 1, Hour, Future, "2026-11-25T10:00:00+00:00"),
        // On a weekend.
        ("2026-11-28T12:00:00Z", 1, Hour, Past, "2026-11-27T16:00:00+00:00"),
        ("2026-11-28T12:00:00Z", 1, Hour, Future, "2026-11-30T10:00:00+00:00"),
        // Exactly at closing and opening instants.
        ("2026-11-24T17:00:00Z", 8, Hour, Past, "2026-11-24T09:00:00+00:00"),
        ("2026-11-24T09:00:00Z", 1, Hour, Past, "2026-11-23T16:00:00+00:00"),
        ("2026-11-24T09:00:00Z", 1, Hour, Future, "2026-11-24T10:00:00+00:00"),
        ("2026-11-24T17:00:00Z", 1, Minute, Future, "2026-11-25T09:01:00+00:00"),
        // A count that runs out exactly at an opening or closing stops there.
        ("2026-11-24T12:00:00Z", 3, Hour, Past, "2026-11-24T09:00:00+00:00"),
        ("2026-11-24T12:00:00Z", 4, Hour, Past, "2026-11-23T16:00:00+00:00"),
        ("2026-11-24T12:00:00Z", 5, Hour, Future, "2026-11-24T17:00:00+00:00"),
        ("2026-11-24T12:00:00Z", 6, Hour, Future, "2026-11-25T10:00:00+00:00"),
        // Zero is now, wherever now is.
        ("2026-11-28T12:00:00Z", 0, Hour, Past, "2026-11-28T12:00:00+00:00"),
        ("2026-11-28T12:00:00Z", 0, Day, Future, "2026-11-28T12:00:00+00:00"),
        // Whole weeks: 40 hours a week.
        ("2026-11-24T10:00:00Z", 40, Hour, Past, "2026-11-17T10:00:00+00:00"),
        ("2026-11-24T10:00:00Z", 400, Hour, Future, "2027-02-02T10:00:00+00:00"),
        // Days keep the time of day and skip weekends.
        ("2026-11-28T12:00:00Z", 1, Day, Past, "2026-11-27T12:00:00+00:00"),
        ("2026-11-28T12:00:00Z", 1, Day, Future, "2026-11-30T12:00:00+00:00"),
        ("2026-11-24T20:30:00Z", 5, Day, Past, "2026-11-17T20:30:00+00:00"),
        ("2026-11-24T20:30:00Z", 11, Day, Future, "2026-12-09T20:30:00+00:00"),
    ];
    let mut failures = Vec::new();
    for &(now, amount, unit, dir, expected) in table {
        let got = shift(&c, now, amount, unit, dir);
        if got != expected {
            failures.push(format!("{amount} {unit:?} {dir:?} from {now}: expected {expected}, got {got}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn holidays_close_the_day() {
    let wednesday = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
    let c = BusinessCalendar::builder().weekdays("09:00", "17:00").holiday(wednesday).build().unwrap();
    assert_eq!(shift(&c, "2026-11-26T10:00:00Z", 2, Hour, Past), "2026-11-24T16:00:00+00:00");
    assert_eq!(shift(&c, "2026-11-25T12:00:00Z", 1, Hour, Past), "2026-11-24T16:00:00+00:00");
    assert_eq!(shift(&c, "2026-11-24T16:00:00Z", 2, Hour, Future), "2026-11-26T10:00:00+00:00");
    assert_eq!(shift(&c, "2026-11-26T12:00:00Z", 1, Day, Past), "2026-11-24T12:00:00+00:00");
    assert_eq!(shift(&c, "2026-11-24T12:00:00Z", 1, Day, Future), "2026-11-26T12:00:00+00:00");
}

#[test]
fn intervals_past_midnight_belong_to_the_day_they_open() {
    // A night shift, Saturday 22:00 to Sunday 06:00, and nothing else.
    let c = BusinessCalendar::builder().open(Weekday::Sat, "22:00", "06:00").build().unwrap();
    assert_eq!(shift(&c, "2026-11-29T12:00:00Z", 1, Hour, Past), "2026-11-29T05:00:00+00:00");
    // Eight hours last night, one the Saturday night before.
    assert_eq!(shift(&c, "2026-11-29T12:00:00Z", 9, Hour, Past), "2026-11-22T05:00:00+00:00");
    assert_eq!(shift(&c, "2026-11-29T03:00:00Z", 3, Hour, Future), "2026-11-29T06:00:00+00:00");
    // Saturday is the working day: one day from a Sunday is the next Saturday.
    assert_eq!(shift(&c, "2026-11-29T12:00:00Z", 1, Day, Future), "2026-12-05T12:00:00+00:00");
    // A holiday on the Saturday closes the whole night.
    let holiday = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
    let c = BusinessCalendar::builder().open(Weekday::Sat, "22:00", "06:00").holiday(holiday).build().unwrap();
    assert_eq!(shift(&c, "2026-11-29T12:00:00Z", 1, Hour, Past), "2026-11-22T05:00:00+00:00");
}

#[test]
fn dst_change_days() {
    let paris = BusinessCalendar::builder().zone(chrono_tz::Europe::Paris).weekdays("09:00", "17:00").build().unwrap();
    // Monday 30 March 2026, 10:00 CEST; the clocks went forward on Sunday.
    assert_eq!(shift(&paris, "2026-03-30T08:00:00Z", 2, Hour, Past), "2026-03-27T15:00:00+00:00");
    // Sunday 25 October 2026, clocks back; Friday 16:00 CEST is 14:00 UTC.
    // Monday 26 October, 09:30 CET: half an hour today, half an hour on
    // Friday, whose 16:30 CEST is 14:30 UTC.
    assert_eq!(shift(&paris, "2026-10-26T08:30:00Z", 1, Hour, Past), "2026-10-23T14:30:00+00:00");
    // One business day keeps the local time of day across the change.
    assert_eq!(shift(&paris, "2026-03-30T08:00:00Z", 1, Day, Past), "2026-03-27T09:00:00+00:00");
    // An interval over the change lasts what it really lasts: 00:00-06:00 is
    // five hours on 29 March and seven on 25 October.
    let night = |day: &str| {
        let date = NaiveDate::parse_from_str(day, "%Y-%m-%d").unwrap();
        BusinessCalendar::builder()
            .zone(chrono_tz::Europe::Paris)
            .open(date.weekday(), "00:00", "06:00")
            .build()
            .unwrap()
    };
    let spring = night("2026-03-29");
    assert_eq!(shift(&spring, "2026-03-29T04:00:00Z", 5, Hour, Past), "2026-03-28T23:00:00+00:00");
    assert_eq!(shift(&spring, "2026-03-29T04:00:00Z", 6, Hour, Past), "2026-03-22T04:00:00+00:00");
    let autumn = night("2026-10-25");
    assert_eq!(shift(&autumn, "2026-10-25T05:00:00Z", 7, Hour, Past), "2026-10-24T22:00:00+00:00");
    let new_york =
        BusinessCalendar::builder().zone(chrono_tz::America::New_York).weekdays("09:00", "17:00").build().unwrap();
    // Monday 9 March 2026 10:00 EDT; Friday 16:00 EST is 21:00 UTC.
    assert_eq!(shift(&new_york, "2026-03-09T14:00:00Z", 2, Hour, Past), "2026-03-06T21:00:00+00:00");
}

#[test]
fn large_amounts_jump_weeks_and_out_of_range_is_an_error() {
    let c = BusinessCalendar::default();
    // 10,000 hours is 250 weeks of 40 hours.
    assert_eq!(shift(&c, "2026-11-24T10:00:00Z", 10_000, Hour, Past), "2022-02-08T10:00:00+00:00");
    assert_eq!(shift(&c, "2026-11-24T10:00:00Z", 10_000, Day, Past), "1988-07-26T10:00:00+00:00");
    for (amount, unit) in [(u64::MAX, Hour), (u64::MAX, Minute), (u64::MAX, Day), (999_999_999_999, Hour)] {
        let err = c.shift(utc("2026-11-24T10:00:00Z"), amount, unit, Past, chrono_tz::UTC).unwrap_err();
        assert!(err.to_string().contains("out of range"), "{err}");
    }
}

#[test]
fn the_date_grammar_reads_business_amounts() {
    // Business time is ringq's own reading: RingCX (Chronic) skips `business`.
    let mut context = DateContext::new(utc("2026-11-24T10:00:00Z")).with_reading(DateReading::Intended);
    let at = |text: &str, context: &DateContext| resolve_date(text, context).unwrap().start.to_rfc3339();
    assert_eq!(at("2 business hours ago", &context), "2026-11-23T16:00:00+00:00");
    assert_eq!(at("A Business Hour From Now", &context), "2026-11-24T11:00:00+00:00");
    assert_eq!(at("90 business minutes from now", &context), "2026-11-24T11:30:00+00:00");
    assert_eq!(at("in 3 business days", &context), "2026-11-27T10:00:00+00:00");
    assert_eq!(at("1 business day ago", &context), "2026-11-23T10:00:00+00:00");
    // The calendar's zone, or else the context's.
    context = context.with_tz(chrono_tz::Asia::Tokyo); // 19:00 in Tokyo: closed
    assert_eq!(at("1 business hour ago", &context), "2026-11-24T07:00:00+00:00");
    let span = resolve_date("2 business hours ago", &context).unwrap();
    assert_eq!((span.end - span.start).num_seconds(), 1);
}

#[test]
fn calendars_load_from_json_and_print_back() {
    let text = include_str!("../examples/calendar.json");
    let calendar: BusinessCalendar = serde_json::from_str(text).unwrap();
    assert_eq!(calendar.zone(), Some(chrono_tz::Europe::Paris));
    assert_eq!(calendar.openings(Weekday::Sat), [("22:00".to_owned(), "06:00".to_owned())]);
    let json = serde_json::to_value(&calendar).unwrap();
    assert_eq!(serde_json::from_value::<BusinessCalendar>(json.clone()).unwrap(), calendar);
    insta::assert_json_snapshot!("calendar_json", json);
}

#[test]
fn invalid_calendars_are_clear_errors() {
    let cases = [
        ("bad time", r#"{"week": {"mon": [["9am", "17:00"]]}}"#),
        ("hour 25", r#"{"week": {"mon": [["09:00", "25:00"]]}}"#),
        ("empty interval", r#"{"week": {"tue": [["09:00", "09:00"]]}}"#),
        ("overlap", r#"{"week": {"mon": [["09:00", "12:00"], ["11:00", "17:00"]]}}"#),
        ("overlap past midnight", r#"{"week": {"mon": [["22:00", "06:00"]], "tue": [["05:00", "09:00"]]}}"#),
        ("overlap over the week end", r#"{"week": {"sun": [["20:00", "04:00"]], "mon": [["03:00", "09:00"]]}}"#),
        ("empty week", r#"{"week": {}}"#),
        ("unknown zone", r#"{"zone": "Mars/Olympus", "week": {"mon": [["09:00", "17:00"]]}}"#),
        ("unknown day", r#"{"week": {"monday": [["09:00", "17:00"]]}}"#),
        ("unknown field", r#"{"week": {"mon": [["09:00", "17:00"]]}, "holiday": []}"#),
        ("bad holiday", r#"{"week": {"mon": [["09:00", "17:00"]]}, "holidays": ["2026-02-30"]}"#),
    ];
    let mut report = String::new();
    for (name, json) in cases {
        let err = serde_json::from_str::<BusinessCalendar>(json).unwrap_err();
        report.push_str(&format!("{name}: {err}\n"));
    }
    insta::assert_snapshot!("calendar_errors", report);
    assert_eq!(BusinessCalendar::builder().build(), Err(CalendarError::EmptyWeek));
}

// ------------------------------------------------------------------ reference

/// A calendar as the test generates it: (weekday, start, end) in minutes,
/// end possibly past midnight, never overlapping, plus holidays.
#[derive(Clone, Debug)]
struct Spec {
    zone: Tz,
    openings: Vec<(Weekday, u32, u32)>,
    holidays: Vec<NaiveDate>,
}

impl Spec {
    fn calendar(&self) -> BusinessCalendar {
        let hhmm = |m: u32| format!("{:02}:{:02}", (m / 60) % 24, m % 60);
        let mut builder = BusinessCalendar::builder().zone(self.zone);
        for &(day, start, end) in &self.openings {
            let end = if end == 24 * 60 { "24:00".to_owned() } else { hhmm(end) };
            builder = builder.open(day, &hhmm(start), &end);
        }
        for &h in &self.holidays {
            builder = builder.holiday(h);
        }
        match builder.build() {
            Ok(c) => c,
            Err(e) => panic!("{e}: {self:?}"),
        }
    }

    /// Whether the minute starting at `t` is open: its local wall-clock
    /// time lies in an interval that opened on a non-holiday.
    fn open(&self, t: DateTime<Utc>) -> bool {
        let wall = t.with_timezone(&self.zone).naive_local();
        [wall.date(), wall.date().pred_opt().unwrap()].into_iter().any(|date| {
            !self.holidays.contains(&date)
                && self.openings.iter().any(|&(day, start, end)| {
                    let midnight: NaiveDateTime = date.and_hms_opt(0, 0, 0).unwrap();
                    day == date.weekday()
                        && midnight + Duration::minutes(start.into()) <= wall
                        && wall < midnight + Duration::minutes(end.into())
                })
        })
    }

    fn minutes(&self, now: DateTime<Utc>, n: u64, dir: Direction) -> DateTime<Utc> {
        let minute = Duration::minutes(1);
        let (mut t, mut count) = (now, 0);
        while count < n {
            match dir {
                Direction::Past => {
                    t -= minute;
                    count += u64::from(self.open(t));
                }
                Direction::Future => {
                    count += u64::from(self.open(t));
                    t += minute;
                }
            }
        }
        t
    }

    fn days(&self, now: DateTime<Utc>, n: u64, dir: Direction) -> DateTime<Utc> {
        let local = now.with_timezone(&self.zone).naive_local();
        let mut date = local.date();
        let mut left = n;
        while left > 0 {
            date = match dir {
                Direction::Past => date.pred_opt().unwrap(),
                Direction::Future => date.succ_opt().unwrap(),
            };
            let works = !self.holidays.contains(&date) && self.openings.iter().any(|o| o.0 == date.weekday());
            left -= u64::from(works);
        }
        let wall = date.and_time(local.time());
        self.zone.from_local_datetime(&wall).earliest().expect("generated nows avoid DST gaps").with_timezone(&Utc)
    }
}

const WEEKDAYS: [Weekday; 7] =
    [Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri, Weekday::Sat, Weekday::Sun];

/// Random non-overlapping calendars: each weekday gets up to two intervals
/// on a half-hour grid; the last one may run past midnight. Ends avoid the
/// hours that DST changes skip or repeat (02:00-03:00), where "open" by
/// the wall clock and the documented mapping of local times differ.
fn spec() -> impl Strategy<Value = Spec> {
    let day = prop::collection::vec(0u32..48, 0..5);
    (
        prop::sample::select(vec![chrono_tz::UTC, chrono_tz::Europe::Paris, chrono_tz::America::New_York]),
        prop::collection::vec(day, 7),
        prop::collection::vec(0i64..120, 0..6),
    )
        .prop_filter_map("needs some opening", |(zone, days, holidays)| {
            let mut openings = Vec::new();
            for (d, cuts) in days.iter().enumerate() {
                let mut cuts: Vec<u32> = cuts.iter().map(|c| c * 30).filter(|m| !(121..180).contains(m)).collect();
                cuts.sort_unstable();
                cuts.dedup();
                for pair in cuts.chunks(2) {
                    if let [s, e] = pair {
                        openings.push((WEEKDAYS[d], *s, *e));
                    }
                }
            }
            // A night shift on one day, when it fits before the next day's first opening.
            if let Some(&(day, s, e)) = openings.last() {
                let next = WEEKDAYS[(day.num_days_from_monday() as usize + 1) % 7];
                let next_first = openings.iter().filter(|o| o.0 == next).map(|o| o.1).min().unwrap_or(24 * 60);
                if s > 60 && e < 23 * 60 && next_first >= 60 && (s + e) % 4 == 0 {
                    let last = openings.len() - 1;
                    openings[last] = (day, s, 24 * 60 + 60.min(next_first));
                }
            }
            if openings.is_empty() {
                return None;
            }
            let base = NaiveDate::from_ymd_opt(2026, 2, 1).unwrap();
            let holidays = holidays.iter().map(|d| base + Duration::days(*d)).collect();
            Some(Spec { zone, openings, holidays })
        })
}

fn now() -> impl Strategy<Value = DateTime<Utc>> {
    // February to May 2026: both spring DST changes; whole minutes.
    (0i64..(120 * 24 * 60)).prop_map(|m| Utc.with_ymd_and_hms(2026, 2, 1, 0, 0, 0).unwrap() + Duration::minutes(m))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn minutes_and_hours_match_the_minute_by_minute_reference(
        spec in spec(), now in now(), n in 0u64..900, future in any::<bool>(), hours in any::<bool>()
    ) {
        let dir = if future { Direction::Future } else { Direction::Past };
        let calendar = spec.calendar();
        let (amount, unit, minutes) = if hours { (n / 60, Hour, n / 60 * 60) } else { (n, Minute, n) };
        let got = calendar.shift(now, amount, unit, dir, chrono_tz::UTC).unwrap();
        prop_assert_eq!(got, spec.minutes(now, minutes, dir), "{:?}", spec);
    }

    #[test]
    fn days_match_the_day_by_day_reference(spec in spec(), now in now(), n in 0u64..40, future in any::<bool>()) {
        // Keep now's local time away from the hour DST changes skip.
        prop_assume!(now.with_timezone(&spec.zone).hour() != 2);
        let dir = if future { Direction::Future } else { Direction::Past };
        let got = spec.calendar().shift(now, n, Day, dir, chrono_tz::UTC).unwrap();
        prop_assert_eq!(got, spec.days(now, n, dir), "{:?}", spec);
    }
}
