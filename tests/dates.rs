//! Human dates in the `intended` reading: table tests for every form of
//! `grammar.md` section 3, both locales and preferences, DST change days,
//! errors, and "never panics" (in both readings). The `ringcx` reading is
//! tested against Chronic's recorded answers in `tests/ringcx.rs`.

use chrono::{DateTime, SecondsFormat, TimeZone, Utc};
use chrono_tz::Tz;
use proptest::prelude::*;
use ringq::{resolve_date, DateContext, DateReading, DateSpan, Direction, HumanDate, Locale};

/// Tuesday 24 November 2026, 12:34:56 UTC.
fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 24, 12, 34, 56).unwrap()
}

fn ctx(prefer: Direction, locale: Locale) -> DateContext {
    DateContext::new(now()).with_prefer(prefer).with_locale(locale).with_reading(DateReading::Intended)
}

fn show(span: &DateSpan) -> String {
    format!(
        "{} {}",
        span.start.to_rfc3339_opts(SecondsFormat::Secs, true),
        span.end.to_rfc3339_opts(SecondsFormat::Secs, true)
    )
}

fn check_table(context: &DateContext, table: &[(&str, &str)]) {
    let mut failures = Vec::new();
    for (input, expected) in table {
        let got = match resolve_date(input, context) {
            Ok(span) => show(&span),
            Err(e) => format!("error: {e}"),
        };
        if got != *expected {
            failures.push(format!("{input:?}: expected {expected}, got {got}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn seed_examples_in_the_past() {
    check_table(
        &ctx(Direction::Past, Locale::En),
        &[
            ("yesterday", "2026-11-23T00:00:00Z 2026-11-24T00:00:00Z"),
            ("last month", "2026-10-01T00:00:00Z 2026-11-01T00:00:00Z"),
            ("2011-02-03", "2011-02-03T00:00:00Z 2011-02-04T00:00:00Z"),
            ("2011-02-03 14:27:33", "2011-02-03T14:27:33Z 2011-02-03T14:27:34Z"),
            ("2 hours ago", "2026-11-24T10:34:56Z 2026-11-24T10:34:57Z"),
            ("2 weeks ago at 4pm", "2026-11-10T16:00:00Z 2026-11-10T16:00:01Z"),
            ("last friday at 20:00", "2026-11-20T20:00:00Z 2026-11-20T20:00:01Z"),
            ("4th day last week", "2026-11-18T00:00:00Z 2026-11-19T00:00:00Z"),
            ("dec 25", "2025-12-25T00:00:00Z 2025-12-26T00:00:00Z"),
            ("january 5 at 4", "2026-01-05T16:00:00Z 2026-01-05T16:00:01Z"),
            ("03/04/2011", "2011-03-04T00:00:00Z 2011-03-05T00:00:00Z"),
            ("03/17/2011", "2011-03-17T00:00:00Z 2011-03-18T00:00:00Z"),
        ],
    );
}

#[test]
fn numeric_dates_follow_the_locale_unless_only_one_reading_exists() {
    let fr = ctx(Direction::Past, Locale::Fr);
    check_table(
        &fr,
        &[
            ("03/04/2011", "2011-04-03T00:00:00Z 2011-04-04T00:00:00Z"),
            ("03/17/2011", "2011-03-17T00:00:00Z 2011-03-18T00:00:00Z"),
            ("17/03/2011", "2011-03-17T00:00:00Z 2011-03-18T00:00:00Z"),
            ("1.2.2011", "2011-02-01T00:00:00Z 2011-02-02T00:00:00Z"),
            ("03-04-2011", "2011-04-03T00:00:00Z 2011-04-04T00:00:00Z"),
        ],
    );
    check_table(
        &ctx(Direction::Past, Locale::En),
        &[
            ("17/03/2011", "2011-03-17T00:00:00Z 2011-03-18T00:00:00Z"),
            ("1.2.2011", "2011-01-02T00:00:00Z 2011-01-03T00:00:00Z"),
            ("3/4/11", "2011-03-04T00:00:00Z 2011-03-05T00:00:00Z"),
            ("3/4/75", "2075-03-04T00:00:00Z 2075-03-05T00:00:00Z"),
            ("3/4/76", "1976-03-04T00:00:00Z 1976-03-05T00:00:00Z"),
            ("3/4", "2026-03-04T00:00:00Z 2026-03-05T00:00:00Z"),
        ],
    );
}

#[test]
fn every_form_in_the_past() {
    check_table(
        &ctx(Direction::Past, Locale::En),
        &[
            // Absolute instants and dates.
            ("2011-02-03T14:27:33Z", "2011-02-03T14:27:33Z 2011-02-03T14:27:34Z"),
            ("2011-02-03T14:27:33+01:00", "2011-02-03T13:27:33Z 2011-02-03T13:27:34Z"),
            ("2011-02-03T14:27:33.250-05:30", "2011-02-03T19:57:33Z 2011-02-03T19:57:34Z"),
            ("2011-02-03 14:27", "2011-02-03T14:27:00Z 2011-02-03T14:27:01Z"),
            ("2011/02/03", "2011-02-03T00:00:00Z 2011-02-04T00:00:00Z"),
            ("jan 5 2011 at 4pm", "2011-01-05T16:00:00Z 2011-01-05T16:00:01Z"),
            ("5 jan 2011", "2011-01-05T00:00:00Z 2011-01-06T00:00:00Z"),
            ("january 5th, 2011", "2011-01-05T00:00:00Z 2011-01-06T00:00:00Z"),
            ("5th of january 2011", "2011-01-05T00:00:00Z 2011-01-06T00:00:00Z"),
            ("jan 5, 2011 4pm", "2011-01-05T16:00:00Z 2011-01-05T16:00:01Z"),
            ("sept 3", "2026-09-03T00:00:00Z 2026-09-04T00:00:00Z"),
            ("nov 24", "2026-11-24T00:00:00Z 2026-11-25T00:00:00Z"),
            ("nov 30", "2025-11-30T00:00:00Z 2025-12-01T00:00:00Z"),
            ("feb 29", "2024-02-29T00:00:00Z 2024-03-01T00:00:00Z"),
            // Named days and parts of days.
            ("now", "2026-11-24T12:34:56Z 2026-11-24T12:34:57Z"),
            ("right now", "2026-11-24T12:34:56Z 2026-11-24T12:34:57Z"),
            ("today", "2026-11-24T00:00:00Z 2026-11-25T00:00:00Z"),
            ("tomorrow", "2026-11-25T00:00:00Z 2026-11-26T00:00:00Z"),
            ("YESTERDAY", "2026-11-23T00:00:00Z 2026-11-24T00:00:00Z"),
            ("noon", "2026-11-24T12:00:00Z 2026-11-24T12:00:01Z"),
            ("midnight", "2026-11-24T00:00:00Z 2026-11-24T00:00:01Z"),
            ("tonight", "2026-11-24T20:00:00Z 2026-11-25T00:00:00Z"),
            ("this morning", "2026-11-24T06:00:00Z 2026-11-24T12:00:00Z"),
            ("this afternoon", "2026-11-24T13:00:00Z 2026-11-24T17:00:00Z"),
            ("this evening", "2026-11-24T17:00:00Z 2026-11-24T20:00:00Z"),
            ("yesterday evening", "2026-11-23T17:00:00Z 2026-11-23T20:00:00Z"),
            ("last night", "2026-11-23T20:00:00Z 2026-11-24T00:00:00Z"),
            ("tomorrow morning", "2026-11-25T06:00:00Z 2026-11-25T12:00:00Z"),
            // Weekdays: never today.
            ("tuesday", "2026-11-17T00:00:00Z 2026-11-18T00:00:00Z"),
            ("this tuesday", "2026-11-17T00:00:00Z 2026-11-18T00:00:00Z"),
            ("friday", "2026-11-20T00:00:00Z 2026-11-21T00:00:00Z"),
            ("sat", "2026-11-21T00:00:00Z 2026-11-22T00:00:00Z"),
            ("last tuesday", "2026-11-17T00:00:00Z 2026-11-18T00:00:00Z"),
            ("next tuesday", "2026-12-01T00:00:00Z 2026-12-02T00:00:00Z"),
            ("next friday", "2026-11-27T00:00:00Z 2026-11-28T00:00:00Z"),
            ("monday at 4", "2026-11-23T16:00:00Z 2026-11-23T16:00:01Z"),
            ("4pm monday", "2026-11-23T16:00:00Z 2026-11-23T16:00:01Z"),
            ("4pm on monday", "2026-11-23T16:00:00Z 2026-11-23T16:00:01Z"),
            ("4pm yesterday", "2026-11-23T16:00:00Z 2026-11-23T16:00:01Z"),
            ("yesterday at 7", "2026-11-23T07:00:00Z 2026-11-23T07:00:01Z"),
            ("yesterday at 4:30pm", "2026-11-23T16:30:00Z 2026-11-23T16:30:01Z"),
            ("yesterday at 4 p.m.", "2026-11-23T16:00:00Z 2026-11-23T16:00:01Z"),
            ("yesterday at 12am", "2026-11-23T00:00:00Z 2026-11-23T00:00:01Z"),
            ("yesterday noon", "2026-11-23T12:00:00Z 2026-11-23T12:00:01Z"),
            // Clock times alone: the latest at or before now.
            ("4pm", "2026-11-23T16:00:00Z 2026-11-23T16:00:01Z"),
            ("at 4pm", "2026-11-23T16:00:00Z 2026-11-23T16:00:01Z"),
            ("11am", "2026-11-24T11:00:00Z 2026-11-24T11:00:01Z"),
            ("16:00", "2026-11-23T16:00:00Z 2026-11-23T16:00:01Z"),
            // Calendar units.
            ("last week", "2026-11-15T00:00:00Z 2026-11-22T00:00:00Z"),
            ("this week", "2026-11-22T00:00:00Z 2026-11-29T00:00:00Z"),
            ("next week", "2026-11-29T00:00:00Z 2026-12-06T00:00:00Z"),
            ("this month", "2026-11-01T00:00:00Z 2026-12-01T00:00:00Z"),
            ("next month", "2026-12-01T00:00:00Z 2027-01-01T00:00:00Z"),
            ("last year", "2025-01-01T00:00:00Z 2026-01-01T00:00:00Z"),
            ("this year", "2026-01-01T00:00:00Z 2027-01-01T00:00:00Z"),
            ("last day", "2026-11-23T00:00:00Z 2026-11-24T00:00:00Z"),
            ("next day", "2026-11-25T00:00:00Z 2026-11-26T00:00:00Z"),
            ("last hour", "2026-11-24T11:00:00Z 2026-11-24T12:00:00Z"),
            ("this hour", "2026-11-24T12:00:00Z 2026-11-24T13:00:00Z"),
            ("last minute", "2026-11-24T12:33:00Z 2026-11-24T12:34:00Z"),
            ("this second", "2026-11-24T12:34:56Z 2026-11-24T12:34:57Z"),
            // Months.
            ("november", "2026-11-01T00:00:00Z 2026-12-01T00:00:00Z"),
            ("december", "2025-12-01T00:00:00Z 2026-01-01T00:00:00Z"),
            ("march", "2026-03-01T00:00:00Z 2026-04-01T00:00:00Z"),
            ("last november", "2025-11-01T00:00:00Z 2025-12-01T00:00:00Z"),
            ("last march", "2026-03-01T00:00:00Z 2026-04-01T00:00:00Z"),
            ("next november", "2027-11-01T00:00:00Z 2027-12-01T00:00:00Z"),
            ("next march", "2027-03-01T00:00:00Z 2027-04-01T00:00:00Z"),
            ("jan 2011", "2011-01-01T00:00:00Z 2011-02-01T00:00:00Z"),
            // Amounts.
            ("a week ago", "2026-11-17T12:34:56Z 2026-11-17T12:34:57Z"),
            ("an hour ago", "2026-11-24T11:34:56Z 2026-11-24T11:34:57Z"),
            ("half an hour ago", "2026-11-24T12:04:56Z 2026-11-24T12:04:57Z"),
            ("1 year ago", "2025-11-24T12:34:56Z 2025-11-24T12:34:57Z"),
            ("3 months ago", "2026-08-24T12:34:56Z 2026-08-24T12:34:57Z"),
            ("10 mins ago", "2026-11-24T12:24:56Z 2026-11-24T12:24:57Z"),
            ("30 seconds ago", "2026-11-24T12:34:26Z 2026-11-24T12:34:27Z"),
            ("a fortnight ago", "2026-11-10T12:34:56Z 2026-11-10T12:34:57Z"),
            ("in 2 days", "2026-11-26T12:34:56Z 2026-11-26T12:34:57Z"),
            ("3 days from now", "2026-11-27T12:34:56Z 2026-11-27T12:34:57Z"),
            ("a month from now", "2026-12-24T12:34:56Z 2026-12-24T12:34:57Z"),
            ("in 3 days at 9am", "2026-11-27T09:00:00Z 2026-11-27T09:00:01Z"),
            // Ordinals.
            ("1st thursday in november", "2026-11-05T00:00:00Z 2026-11-06T00:00:00Z"),
            ("first thursday of november", "2026-11-05T00:00:00Z 2026-11-06T00:00:00Z"),
            ("3rd month next year", "2027-03-01T00:00:00Z 2027-04-01T00:00:00Z"),
            ("2nd monday in march", "2026-03-09T00:00:00Z 2026-03-10T00:00:00Z"),
            ("5th monday in march", "2026-03-30T00:00:00Z 2026-03-31T00:00:00Z"),
            ("last day of january", "2026-01-31T00:00:00Z 2026-02-01T00:00:00Z"),
            ("last friday of november", "2026-11-27T00:00:00Z 2026-11-28T00:00:00Z"),
            ("1st day next month", "2026-12-01T00:00:00Z 2026-12-02T00:00:00Z"),
            ("2nd week in january", "2026-01-11T00:00:00Z 2026-01-18T00:00:00Z"),
            ("4th day last week at 9:15", "2026-11-18T09:15:00Z 2026-11-18T09:15:01Z"),
        ],
    );
}

#[test]
fn the_future_preference_completes_forward() {
    check_table(
        &ctx(Direction::Future, Locale::En),
        &[
            ("dec 25", "2026-12-25T00:00:00Z 2026-12-26T00:00:00Z"),
            ("nov 24", "2026-11-24T00:00:00Z 2026-11-25T00:00:00Z"),
            ("jan 31", "2027-01-31T00:00:00Z 2027-02-01T00:00:00Z"),
            ("friday", "2026-11-27T00:00:00Z 2026-11-28T00:00:00Z"),
            ("tuesday", "2026-12-01T00:00:00Z 2026-12-02T00:00:00Z"),
            ("last tuesday", "2026-11-17T00:00:00Z 2026-11-18T00:00:00Z"),
            ("march", "2027-03-01T00:00:00Z 2027-04-01T00:00:00Z"),
            ("november", "2026-11-01T00:00:00Z 2026-12-01T00:00:00Z"),
            ("4pm", "2026-11-24T16:00:00Z 2026-11-24T16:00:01Z"),
            ("11am", "2026-11-25T11:00:00Z 2026-11-25T11:00:01Z"),
            ("midnight", "2026-11-25T00:00:00Z 2026-11-25T00:00:01Z"),
            ("monday at 4", "2026-11-30T16:00:00Z 2026-11-30T16:00:01Z"),
            ("2nd monday in march", "2027-03-08T00:00:00Z 2027-03-09T00:00:00Z"),
            ("2 hours ago", "2026-11-24T10:34:56Z 2026-11-24T10:34:57Z"),
        ],
    );
}

#[test]
fn impossible_dates_and_amounts_are_errors_with_a_position() {
    let context = ctx(Direction::Past, Locale::En);
    let table: &[(&str, &str, (usize, usize))] = &[
        ("2011-02-30", "february 2011 has no day 30", (0, 10)),
        ("13/13/2011", "`13/13` is not a valid day and month in either order", (0, 10)),
        ("feb 30", "february has no day 30", (0, 6)),
        ("feb 29 2026", "february 2026 has no day 29", (0, 11)),
        ("25:00", "there is no hour 25: hours go from 0 to 23", (0, 5)),
        ("yesterday at 13pm", "there is no hour 13 on a 12-hour clock", (13, 17)),
        ("999999999999 years ago", "this amount of time is out of range", (0, 18)),
        ("99999999999999999999999 days ago", "the number `99999999999999999999999` is too large", (0, 23)),
        ("5th monday in february 2026", "there is no 5th monday in that month", (0, 27)),
        ("banana", "`banana` is not a date this language understands", (0, 6)),
        ("yesterday banana", "`banana` is not part of a date", (10, 16)),
        ("yesterday at 4 bananas apples", "`bananas`, `apples` are not part of a date", (15, 29)),
        ("   ", "empty date", (0, 3)),
        // The families added for Chronic parity.
        ("Q5 2005", "there is no quarter 5: quarters go from Q1 to Q4", (0, 2)),
        ("5th quarter 2020", "there is no 5th quarter in that year", (0, 16)),
        ("half past 25", "write the minutes (1-59) and an hour (0-23), as in `10 past 2`", (0, 12)),
        ("75 past 2", "write the minutes (1-59) and an hour (0-23), as in `10 past 2`", (0, 9)),
        ("0 weekends ago", "count from 1: `1 weekend ago` is the latest one", (0, 10)),
        ("Thursday February 30", "february has no day 30", (9, 20)),
        ("31st of february 2026", "february 2026 has no day 31", (0, 21)),
        ("february 31st 2026", "february 2026 has no day 31", (0, 18)),
        ("2012-13", "there is no month 13", (0, 7)),
        (
            "nine hundred hundred hundred hundred hundred hundred hundred hundred hundred hundred years ago",
            "this number is too large",
            (0, 84),
        ),
        ("ninety nine billion years ago", "this amount of time is out of range", (0, 25)),
        ("meeting today at 2pm", "`meeting` is not part of a date", (0, 7)),
        ("eat pasty buns today at 2pm", "`eat`, `pasty`, `buns` are not part of a date", (0, 14)),
        ("1999", "`1999` is not a date this language understands", (0, 4)),
    ];
    let mut failures = Vec::new();
    for (input, message, (start, end)) in table {
        match resolve_date(input, &context) {
            Ok(span) => failures.push(format!("{input:?}: expected an error, got {}", show(&span))),
            Err(e) => {
                if e.message() != *message || (e.span().start, e.span().end) != (*start, *end) {
                    failures.push(format!(
                        "{input:?}: expected {message:?} at {start}..{end}, got {:?} at {}..{}",
                        e.message(),
                        e.span().start,
                        e.span().end
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    let hint = |text: &str| resolve_date(text, &context).unwrap_err().hint().unwrap_or_default().to_owned();
    assert_eq!(
        hint("meeting today at 2pm"),
        "RingCX would skip the word and read the rest: did you mean \"today at 2pm\"?"
    );
    assert_eq!(hint("1999"), "a year alone is not a date: write `jan 1999`, `1999-01-01` or `Q1 1999`");
}

fn at(tz: Tz, now: &str) -> DateContext {
    let now = DateTime::parse_from_rfc3339(now).unwrap().with_timezone(&Utc);
    DateContext::new(now).with_tz(tz).with_reading(DateReading::Intended)
}

#[test]
fn paris_spring_forward_day_has_23_hours() {
    // 2026-03-29: 02:00 CET becomes 03:00 CEST.
    check_table(
        &at(chrono_tz::Europe::Paris, "2026-03-30T10:00:00Z"),
        &[
            ("yesterday", "2026-03-28T23:00:00Z 2026-03-29T22:00:00Z"),
            ("1 day ago", "2026-03-29T10:00:00Z 2026-03-29T10:00:01Z"),
            ("24 hours ago", "2026-03-29T10:00:00Z 2026-03-29T10:00:01Z"),
            ("2 days ago", "2026-03-28T11:00:00Z 2026-03-28T11:00:01Z"),
            ("48 hours ago", "2026-03-28T10:00:00Z 2026-03-28T10:00:01Z"),
            // 02:30 does not exist that day: it is read as 03:30 CEST.
            ("2026-03-29 02:30", "2026-03-29T01:30:00Z 2026-03-29T01:30:01Z"),
            ("yesterday at 4", "2026-03-29T14:00:00Z 2026-03-29T14:00:01Z"),
            ("last week", "2026-03-21T23:00:00Z 2026-03-28T23:00:00Z"),
        ],
    );
}

#[test]
fn paris_fall_back_day_has_25_hours() {
    // 2026-10-25: 03:00 CEST becomes 02:00 CET.
    check_table(
        &at(chrono_tz::Europe::Paris, "2026-10-25T20:00:00Z"),
        &[
            ("today", "2026-10-24T22:00:00Z 2026-10-25T23:00:00Z"),
            ("1 day ago", "2026-10-24T19:00:00Z 2026-10-24T19:00:01Z"),
            ("24 hours ago", "2026-10-24T20:00:00Z 2026-10-24T20:00:01Z"),
            // 02:30 happens twice: the earlier one (CEST).
            ("2026-10-25 02:30", "2026-10-25T00:30:00Z 2026-10-25T00:30:01Z"),
            ("this morning", "2026-10-25T05:00:00Z 2026-10-25T11:00:00Z"),
        ],
    );
}

#[test]
fn new_york_change_days() {
    // 2026-03-08: 02:00 EST becomes 03:00 EDT; 2026-11-01: 02:00 EDT becomes 01:00 EST.
    check_table(
        &at(chrono_tz::America::New_York, "2026-03-09T15:00:00Z"),
        &[
            ("yesterday", "2026-03-08T05:00:00Z 2026-03-09T04:00:00Z"),
            ("1 day ago", "2026-03-08T15:00:00Z 2026-03-08T15:00:01Z"),
            ("yesterday at 2:30am", "2026-03-08T07:30:00Z 2026-03-08T07:30:01Z"),
        ],
    );
    check_table(
        &at(chrono_tz::America::New_York, "2026-11-02T15:00:00Z"),
        &[
            ("yesterday", "2026-11-01T04:00:00Z 2026-11-02T05:00:00Z"),
            ("yesterday at 1:30am", "2026-11-01T05:30:00Z 2026-11-01T05:30:01Z"),
            ("last week", "2026-10-25T04:00:00Z 2026-11-01T04:00:00Z"),
            ("this week", "2026-11-01T04:00:00Z 2026-11-08T05:00:00Z"),
        ],
    );
}

#[test]
fn zones_move_the_day_boundaries() {
    check_table(
        &at(chrono_tz::Asia::Kolkata, "2026-11-24T20:00:00Z"),
        &[
            // 01:30 on the 25th in India.
            ("today", "2026-11-24T18:30:00Z 2026-11-25T18:30:00Z"),
            ("this hour", "2026-11-24T19:30:00Z 2026-11-24T20:30:00Z"),
            ("2011-02-03", "2011-02-02T18:30:00Z 2011-02-03T18:30:00Z"),
            ("2011-02-03T00:00:00Z", "2011-02-03T00:00:00Z 2011-02-03T00:00:01Z"),
        ],
    );
}

#[test]
fn parsing_is_independent_of_the_context_and_keeps_the_text() {
    let date: HumanDate = "Last  Friday at 20:00".parse().unwrap();
    assert_eq!(date.to_string(), "Last  Friday at 20:00");
    assert_eq!(date.as_str(), "Last  Friday at 20:00");
}

#[test]
fn check_reports_a_date_that_does_not_resolve_at_its_span() {
    let parsed =
        ringq::Parser::new().dates(ctx(Direction::Past, Locale::En)).parse("first_content_after:\"feb 30\" refund");
    let error = parsed.unwrap_err();
    let rendered = error.to_string();
    assert!(rendered.contains("february has no day 30"), "{rendered}");
    // The span is the date inside the quotes.
    assert_eq!((error.diagnostics()[0].span().start, error.diagnostics()[0].span().end), (21, 27));
}

#[test]
fn the_library_exposes_the_span_of_every_date_term() {
    let parsed = ringq::Parser::new()
        .dates(ctx(Direction::Past, Locale::En))
        .parse("first_content_after:yesterday last_content_before:\"2 hours ago\"")
        .unwrap();
    let spans: Vec<String> = (0..parsed.query().len()).filter_map(|i| parsed.date(i)).map(show).collect();
    assert_eq!(spans, ["2026-11-23T00:00:00Z 2026-11-24T00:00:00Z", "2026-11-24T10:34:56Z 2026-11-24T10:34:57Z"]);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn random_text_never_panics(s in "\\PC{0,40}") {
        let context = ctx(Direction::Past, Locale::En);
        let _ = resolve_date(&s, &context);
        if let Ok(date) = s.parse::<HumanDate>() {
            let _ = date.resolve_with_warnings(&context.with_reading(DateReading::RingCx));
        }
    }

    #[test]
    fn word_salad_never_panics_and_spans_are_ordered(
        words in proptest::collection::vec(
            prop::sample::select(vec![
                "last", "next", "this", "at", "in", "ago", "from", "now", "4", "4pm", "16:00", "12", "31", "feb",
                "december", "friday", "week", "month", "year", "day", "days", "hours", "1st", "5th", "of", "2011",
                "2011-02-30", "3/4/11", "13/13", "noon", "midnight", "tonight", "morning", "a", "half", "an", "hour",
                "business", "99999999999999", "0", "-", ",", "yesterday", "tomorrow",
                // The families added for Chronic parity (grammar.md section 3).
                "on", "the", "before", "after", "hence", "and", "11", "0900", "1045pm", "4:00", "5:32.19pm",
                "12:15a", "quarter", "past", "to", "till", "prior", "evening", "night", "weekend", "weekends",
                "fortnight", "q3", "spring", "fall", "mornings", "thirty-three", "two", "million", "hundred",
                "tenth", "twenty-first", "fifteenth", "28th", "may", "sept.", "aug-20", "22-feb", "'01", "97",
                "2005", "2013.08.09", "tuesday", "thu", "satterday", "today", "PDT", "+0100", "17:00:00",
            ]),
            1..8,
        ),
        tz in prop::sample::select(vec![chrono_tz::UTC, chrono_tz::Europe::Paris, chrono_tz::America::New_York]),
        secs in -62_000_000_000i64..250_000_000_000i64,
        future in any::<bool>(),
        fr in any::<bool>(),
    ) {
        let text = words.join(" ");
        let context = DateContext::new(Utc.timestamp_opt(secs, 0).unwrap())
            .with_tz(tz)
            .with_prefer(if future { Direction::Future } else { Direction::Past })
            .with_locale(if fr { Locale::Fr } else { Locale::En });
        if let Ok(date) = text.parse::<HumanDate>() {
            if let Ok((span, _)) = date.resolve_with_warnings(&context.clone().with_reading(DateReading::Intended)) {
                prop_assert!(span.start < span.end, "{text}: {span:?}");
            }
            // RingCX's reading gives Chronic's span as Chronic gives it, which
            // can be empty (`today` at 00:00 with `past`) or even reversed
            // (`this minute` with `future`): only "never panics" holds.
            let _ = date.resolve_with_warnings(&context.with_reading(DateReading::RingCx));
        }
    }

    #[test]
    fn random_amounts_never_panic(n in any::<u64>(), unit in prop::sample::select(vec![
        "seconds", "minutes", "hours", "days", "weeks", "months", "years", "fortnights",
    ]), ago in any::<bool>()) {
        let text = format!("{n} {unit} {}", if ago { "ago" } else { "from now" });
        match resolve_date(&text, &ctx(Direction::Past, Locale::En)) {
            Ok(span) => prop_assert!(span.start < span.end),
            Err(e) => prop_assert!(!e.message().is_empty()),
        }
    }
}

proptest! {
    /// A bare number (0 to 2400, leading zeros or not) never resolves
    /// without a warning, in either reading, in any zone and at any `now`:
    /// it is read as a time, which few who type `2` or `2006` mean.
    #[test]
    fn a_bare_number_always_warns(
        value in 0u32..=2400,
        zeros in 0usize..3,
        seconds in 0i64..4_000_000_000,
        zone in prop::sample::select(vec!["UTC", "America/New_York", "Europe/Paris", "Asia/Kolkata"]),
        intended in any::<bool>(),
    ) {
        let number = format!("{}{value}", "0".repeat(zeros));
        prop_assume!(number.len() <= 4);
        let date: HumanDate = match number.parse() {
            Ok(date) => date,
            Err(_) => return Ok(()),
        };
        let reading = if intended { DateReading::Intended } else { DateReading::RingCx };
        let tz: Tz = zone.parse().unwrap();
        let context = DateContext::new(Utc.timestamp_opt(seconds, 0).unwrap()).with_tz(tz).with_reading(reading);
        if let Ok((_, warnings)) = date.resolve_with_warnings(&context) {
            prop_assert!(!warnings.is_empty(), "{number:?} in {zone} at {seconds} ({reading:?}) resolves without a warning");
        }
    }
}
