//! Table tests, in the `intended` reading, for every family of `grammar.md`
//! section 3 added for Chronic parity: the start and end of each span, in New York and Paris (local
//! wall-clock times, so a reader can check them), warnings, and a
//! property: any case reads the same. (Errors with their positions, and any
//! combination of the language's words never panicking: `tests/dates.rs`.)

use chrono::{DateTime, TimeZone, Utc};
use chrono_tz::Tz;
use proptest::prelude::*;
use ringq::{resolve_date, DateContext, DateReading, Direction, HumanDate};

/// Tuesday 24 November 2026, 12:34:56 UTC: 07:34:56 in New York, 13:34:56
/// in Paris.
const NOW: &str = "2026-11-24T12:34:56Z";

fn context(tz: Tz, now: &str, prefer: Direction) -> DateContext {
    let now = DateTime::parse_from_rfc3339(now).unwrap().with_timezone(&Utc);
    DateContext::new(now).with_tz(tz).with_prefer(prefer).with_reading(DateReading::Intended)
}

/// `start .. end` in the context's zone.
fn local_span(input: &str, context: &DateContext) -> String {
    match resolve_date(input, context) {
        Ok(span) => {
            let f = |t: DateTime<Utc>| t.with_timezone(&context.tz()).format("%Y-%m-%d %H:%M:%S").to_string();
            format!("{} .. {}", f(span.start), f(span.end))
        }
        Err(e) => format!("error: {e}"),
    }
}

fn check(context: &DateContext, table: &[(&str, &str)]) {
    let failures: Vec<String> = table
        .iter()
        .filter_map(|(input, expected)| {
            let got = local_span(input, context);
            (got != *expected).then(|| format!("{input:?}: expected {expected}, got {got}"))
        })
        .collect();
    assert!(failures.is_empty(), "in {}:\n{}", context.tz(), failures.join("\n"));
}

fn new_york() -> DateContext {
    context(chrono_tz::America::New_York, NOW, Direction::Past)
}

fn paris() -> DateContext {
    context(chrono_tz::Europe::Paris, NOW, Direction::Past)
}

#[test]
fn parts_of_the_day_anchor_and_make_times_am_or_pm() {
    let both = [
        ("tomorrow morning at 5:30", "2026-11-25 05:30:00 .. 2026-11-25 05:30:01"),
        ("tomorrow evening at 7", "2026-11-25 19:00:00 .. 2026-11-25 19:00:01"),
        ("tonight at 7", "2026-11-24 19:00:00 .. 2026-11-24 19:00:01"),
        ("7 tonight", "2026-11-24 19:00:00 .. 2026-11-24 19:00:01"),
        ("tonight 7", "2026-11-24 19:00:00 .. 2026-11-24 19:00:01"),
        ("afternoon yesterday", "2026-11-23 13:00:00 .. 2026-11-23 17:00:00"),
        ("yesterday afternoon", "2026-11-23 13:00:00 .. 2026-11-23 17:00:00"),
        ("friday evening at 7", "2026-11-20 19:00:00 .. 2026-11-20 19:00:01"),
        ("friday 11 at night", "2026-11-20 23:00:00 .. 2026-11-20 23:00:01"),
        ("friday 11 in the evening", "2026-11-20 23:00:00 .. 2026-11-20 23:00:01"),
        ("4:00 in the morning", "2026-11-24 04:00:00 .. 2026-11-24 04:00:01"),
        ("monday night", "2026-11-23 20:00:00 .. 2026-11-24 00:00:00"),
    ];
    check(&new_york(), &both);
    check(&paris(), &both);
    // At 07:34 in New York this morning has not ended: the first morning
    // ago is yesterday's; at 13:34 in Paris it is today's.
    check(&new_york(), &[("5 mornings ago", "2026-11-19 06:00:00 .. 2026-11-19 12:00:00")]);
    check(&paris(), &[("5 mornings ago", "2026-11-20 06:00:00 .. 2026-11-20 12:00:00")]);
    check(&paris(), &[("2 evenings hence", "2026-11-25 17:00:00 .. 2026-11-25 20:00:00")]);
}

#[test]
fn clock_forms() {
    let both = [
        ("2100", "2026-11-23 21:00:00 .. 2026-11-23 21:00:01"),
        ("1045pm", "2026-11-23 22:45:00 .. 2026-11-23 22:45:01"),
        ("12:15a", "2026-11-24 00:15:00 .. 2026-11-24 00:15:01"),
        ("6:30p", "2026-11-23 18:30:00 .. 2026-11-23 18:30:01"),
        ("5:32.19pm", "2026-11-23 17:32:19 .. 2026-11-23 17:32:20"),
        ("@ 0700", "2026-11-24 07:00:00 .. 2026-11-24 07:00:01"),
        ("tomorrow at 0900", "2026-11-25 09:00:00 .. 2026-11-25 09:00:01"),
        ("today at 2100", "2026-11-24 21:00:00 .. 2026-11-24 21:00:01"),
        // A phrase alone: the nearest of 02:30 and 14:30 before now.
        ("half past 2", "2026-11-24 02:30:00 .. 2026-11-24 02:30:01"),
        ("quarter to 4", "2026-11-24 03:45:00 .. 2026-11-24 03:45:01"),
        ("10 past 2", "2026-11-24 02:10:00 .. 2026-11-24 02:10:01"),
        ("10 after 2", "2026-11-24 02:10:00 .. 2026-11-24 02:10:01"),
        ("10 to 2", "2026-11-24 01:50:00 .. 2026-11-24 01:50:01"),
        ("10 before 2", "2026-11-24 01:50:00 .. 2026-11-24 01:50:01"),
        ("10 till 2", "2026-11-24 01:50:00 .. 2026-11-24 01:50:01"),
        ("10 prior to 2", "2026-11-24 01:50:00 .. 2026-11-24 01:50:01"),
        // With a day, an hour 1-6 without am/pm is in the afternoon.
        ("monday 4:00", "2026-11-23 16:00:00 .. 2026-11-23 16:00:01"),
        ("monday at half past 2", "2026-11-23 14:30:00 .. 2026-11-23 14:30:01"),
        ("monday 04:00", "2026-11-23 04:00:00 .. 2026-11-23 04:00:01"),
        ("5", "2026-11-23 17:00:00 .. 2026-11-23 17:00:01"),
    ];
    check(&new_york(), &both);
    check(&paris(), &both);
    check(&new_york(), &[("0900", "2026-11-23 09:00:00 .. 2026-11-23 09:00:01")]);
    check(&paris(), &[("0900", "2026-11-24 09:00:00 .. 2026-11-24 09:00:01")]);
    let future = context(chrono_tz::Europe::Paris, NOW, Direction::Future);
    check(
        &future,
        &[
            ("half past 2", "2026-11-24 14:30:00 .. 2026-11-24 14:30:01"),
            ("10 to 2", "2026-11-24 13:50:00 .. 2026-11-24 13:50:01"),
            ("10 to 1", "2026-11-25 00:50:00 .. 2026-11-25 00:50:01"),
        ],
    );
}

#[test]
fn a_weekday_beside_a_date_is_checked_not_used() {
    let both = [
        ("Thu Aug 10 2006", "2006-08-10 00:00:00 .. 2006-08-11 00:00:00"),
        ("Thursday December 31st 2005", "2005-12-31 00:00:00 .. 2006-01-01 00:00:00"),
        ("Thu Aug 10th 2006 at 4pm", "2006-08-10 16:00:00 .. 2006-08-10 16:00:01"),
        ("Thursday, July 31 2006", "2006-07-31 00:00:00 .. 2006-08-01 00:00:00"),
        ("Thu 17th at 4pm", "2026-11-17 16:00:00 .. 2026-11-17 16:00:01"),
        ("on Tuesday", "2026-11-17 00:00:00 .. 2026-11-18 00:00:00"),
        ("on monday at 9am", "2026-11-23 09:00:00 .. 2026-11-23 09:00:01"),
    ];
    check(&new_york(), &both);
    check(&paris(), &both);
    // The Unix layout, with the zone of the text.
    check(&new_york(), &[("Mon Apr 02 17:00:00 PDT 2007", "2007-04-02 20:00:00 .. 2007-04-02 20:00:01")]);
    check(&paris(), &[("Mon Apr 02 17:00:00 PDT 2007", "2007-04-03 02:00:00 .. 2007-04-03 02:00:01")]);

    let now = Utc.with_ymd_and_hms(2026, 11, 24, 12, 0, 0).unwrap();
    let warnings = |text: &str| {
        let date: HumanDate = text.parse().unwrap();
        let (_, warnings) =
            date.resolve_with_warnings(&DateContext::new(now).with_reading(DateReading::Intended)).unwrap();
        warnings.into_iter().map(|w| (w.message().to_owned(), w.span().start, w.span().end)).collect::<Vec<_>>()
    };
    assert_eq!(warnings("Thursday July 31 2006"), [("july 31 2006 is a monday, not a thursday".to_owned(), 0, 8)]);
    assert_eq!(warnings("Thu 17th at 4pm"), [("november 17 2026 is a tuesday, not a thursday".to_owned(), 0, 3)]);
    assert_eq!(warnings("Fri Apr 02 17:00:00 PDT 2007"), [("april 2 2007 is a monday, not a friday".to_owned(), 0, 3)]);
    assert!(warnings("Thu Aug 10 2006").is_empty());
    assert!(warnings("Mon Apr 02 17:00:00 PDT 2007").is_empty());
    assert_eq!(
        warnings("2006"),
        [("`2006` is read as the time 20:06 on 2026-11-23 (UTC), as RingCX reads it too".to_owned(), 0, 4)]
    );
}

#[test]
fn a_weekday_of_another_week() {
    let both = [
        ("last week tuesday", "2026-11-17 00:00:00 .. 2026-11-18 00:00:00"),
        ("tuesday last week", "2026-11-17 00:00:00 .. 2026-11-18 00:00:00"),
        ("next week friday", "2026-12-04 00:00:00 .. 2026-12-05 00:00:00"),
        ("friday next week", "2026-12-04 00:00:00 .. 2026-12-05 00:00:00"),
        ("this week sunday", "2026-11-22 00:00:00 .. 2026-11-23 00:00:00"),
        ("last week sunday", "2026-11-15 00:00:00 .. 2026-11-16 00:00:00"),
    ];
    check(&new_york(), &both);
    check(&paris(), &both);
}

#[test]
fn weekends_quarters_seasons_and_fortnights() {
    let both = [
        ("weekend", "2026-11-21 00:00:00 .. 2026-11-23 00:00:00"),
        ("this weekend", "2026-11-21 00:00:00 .. 2026-11-23 00:00:00"),
        ("last weekend", "2026-11-21 00:00:00 .. 2026-11-23 00:00:00"),
        ("next weekend", "2026-11-28 00:00:00 .. 2026-11-30 00:00:00"),
        ("2 weekends ago", "2026-11-14 00:00:00 .. 2026-11-16 00:00:00"),
        ("1 weekend from now", "2026-11-28 00:00:00 .. 2026-11-30 00:00:00"),
        ("Q1 2005", "2005-01-01 00:00:00 .. 2005-04-01 00:00:00"),
        ("2005 Q3", "2005-07-01 00:00:00 .. 2005-10-01 00:00:00"),
        ("q4", "2026-10-01 00:00:00 .. 2027-01-01 00:00:00"),
        ("this quarter", "2026-10-01 00:00:00 .. 2027-01-01 00:00:00"),
        ("last quarter", "2026-07-01 00:00:00 .. 2026-10-01 00:00:00"),
        ("next quarter", "2027-01-01 00:00:00 .. 2027-04-01 00:00:00"),
        ("third quarter next year", "2027-07-01 00:00:00 .. 2027-10-01 00:00:00"),
        ("next year Q2", "2027-04-01 00:00:00 .. 2027-07-01 00:00:00"),
        ("1st quarter this year", "2026-01-01 00:00:00 .. 2026-04-01 00:00:00"),
        ("2nd month of this quarter", "2026-11-01 00:00:00 .. 2026-12-01 00:00:00"),
        ("last month of last quarter", "2026-09-01 00:00:00 .. 2026-10-01 00:00:00"),
        ("last spring", "2026-03-20 00:00:00 .. 2026-06-21 00:00:00"),
        ("this winter", "2025-12-22 00:00:00 .. 2026-03-20 00:00:00"),
        ("next winter", "2026-12-22 00:00:00 .. 2027-03-20 00:00:00"),
        ("this autumn", "2026-09-23 00:00:00 .. 2026-12-22 00:00:00"),
        ("last fall", "2025-09-23 00:00:00 .. 2025-12-22 00:00:00"),
        ("this fortnight", "2026-11-22 00:00:00 .. 2026-12-06 00:00:00"),
        ("last fortnight", "2026-11-08 00:00:00 .. 2026-11-22 00:00:00"),
        ("next fortnight", "2026-11-29 00:00:00 .. 2026-12-13 00:00:00"),
        ("week", "2026-11-22 00:00:00 .. 2026-11-29 00:00:00"),
        ("month", "2026-11-01 00:00:00 .. 2026-12-01 00:00:00"),
        ("year", "2026-01-01 00:00:00 .. 2027-01-01 00:00:00"),
    ];
    check(&new_york(), &both);
    check(&paris(), &both);
    // Seasons in the future, and a season that has begun.
    let future = context(chrono_tz::America::New_York, NOW, Direction::Future);
    check(&future, &[("summer", "2027-06-21 00:00:00 .. 2027-09-23 00:00:00")]);
    check(
        &context(chrono_tz::Europe::Paris, "2026-07-01T12:00:00Z", Direction::Past),
        &[
            ("summer", "2026-06-21 00:00:00 .. 2026-09-23 00:00:00"),
            ("last summer", "2025-06-21 00:00:00 .. 2025-09-23 00:00:00"),
        ],
    );
    // On a Sunday, `this weekend` is the current one and `last weekend`
    // the one before.
    let sunday = context(chrono_tz::Europe::Paris, "2026-11-29T10:00:00Z", Direction::Past);
    check(
        &sunday,
        &[
            ("this weekend", "2026-11-28 00:00:00 .. 2026-11-30 00:00:00"),
            ("last weekend", "2026-11-21 00:00:00 .. 2026-11-23 00:00:00"),
            ("next weekend", "2026-12-05 00:00:00 .. 2026-12-07 00:00:00"),
            ("1 weekend ago", "2026-11-28 00:00:00 .. 2026-11-30 00:00:00"),
        ],
    );
}

#[test]
fn numbers_in_words_and_compound_amounts() {
    let both_times = [
        ("may tenth", "2026-05-10 00:00:00 .. 2026-05-11 00:00:00"),
        ("fifteenth of this month", "2026-11-15 00:00:00 .. 2026-11-16 00:00:00"),
        ("twenty-first of march", "2026-03-21 00:00:00 .. 2026-03-22 00:00:00"),
        ("the thirtieth of june", "2026-06-30 00:00:00 .. 2026-07-01 00:00:00"),
        ("7 hours before tomorrow at midnight", "2026-11-24 17:00:00 .. 2026-11-24 17:00:01"),
        ("1 day and 2 hours before tomorrow at noon", "2026-11-24 10:00:00 .. 2026-11-24 10:00:01"),
    ];
    check(&new_york(), &both_times);
    check(&paris(), &both_times);
    check(
        &new_york(),
        &[
            ("thirty-three days from now", "2026-12-27 07:34:56 .. 2026-12-27 07:34:57"),
            ("two days ago", "2026-11-22 07:34:56 .. 2026-11-22 07:34:57"),
            ("one hundred and one minutes ago", "2026-11-24 05:53:56 .. 2026-11-24 05:53:57"),
            ("24 hours and 20 minutes from now", "2026-11-25 07:54:56 .. 2026-11-25 07:54:57"),
            ("25 minutes and 20 seconds from now", "2026-11-24 08:00:16 .. 2026-11-24 08:00:17"),
            ("1 year, 2 months and 3 days ago", "2025-09-21 07:34:56 .. 2025-09-21 07:34:57"),
            ("20 seconds before now", "2026-11-24 07:34:36 .. 2026-11-24 07:34:37"),
            ("2 days from this second", "2026-11-26 07:34:56 .. 2026-11-26 07:34:57"),
            ("3 days after tomorrow", "2026-11-28 00:00:00 .. 2026-11-29 00:00:00"),
        ],
    );
    check(
        &paris(),
        // 2,867,532 s: 33 days, 4 hours, 32 minutes and 12 seconds.
        &[(
            "two million eight hundred and sixty seven thousand five hundred and thirty two seconds from now",
            "2026-12-27 18:07:08 .. 2026-12-27 18:07:09",
        )],
    );
}

#[test]
fn more_numeric_layouts() {
    let both = [
        ("2012-06", "2012-06-01 00:00:00 .. 2012-07-01 00:00:00"),
        ("2013/12", "2013-12-01 00:00:00 .. 2014-01-01 00:00:00"),
        ("2013.08.09", "2013-08-09 00:00:00 .. 2013-08-10 00:00:00"),
        ("2013.07.30 11:45:23", "2013-07-30 11:45:23 .. 2013-07-30 11:45:24"),
        ("2012:05:25 22:06:50", "2012-05-25 22:06:50 .. 2012-05-25 22:06:51"),
        ("2006-08-20 15:30:30:000536", "2006-08-20 15:30:30 .. 2006-08-20 15:30:31"),
        ("2006-08-20 7pm", "2006-08-20 19:00:00 .. 2006-08-20 19:00:01"),
        ("Jan 1,2010", "2010-01-01 00:00:00 .. 2010-01-02 00:00:00"),
        ("2009 May 22nd", "2009-05-22 00:00:00 .. 2009-05-23 00:00:00"),
        ("22-feb", "2026-02-22 00:00:00 .. 2026-02-23 00:00:00"),
        ("30-Mar-11", "2011-03-30 00:00:00 .. 2011-03-31 00:00:00"),
        ("aug-20", "2026-08-20 00:00:00 .. 2026-08-21 00:00:00"),
        ("aug. 3", "2026-08-03 00:00:00 .. 2026-08-04 00:00:00"),
        ("3 jan 10", "2010-01-03 00:00:00 .. 2010-01-04 00:00:00"),
        ("may 97", "1997-05-01 00:00:00 .. 1997-06-01 00:00:00"),
        ("may '01", "2001-05-01 00:00:00 .. 2001-06-01 00:00:00"),
        ("may 27 79", "1979-05-27 00:00:00 .. 1979-05-28 00:00:00"),
        ("March 30th 79 at 4:30", "1979-03-30 16:30:00 .. 1979-03-30 16:30:01"),
        ("11th december 79", "1979-12-11 00:00:00 .. 1979-12-12 00:00:00"),
        ("28th", "2026-10-28 00:00:00 .. 2026-10-29 00:00:00"),
        ("the 24th", "2026-11-24 00:00:00 .. 2026-11-25 00:00:00"),
        ("two days ago 0:0:0am", "2026-11-22 00:00:00 .. 2026-11-22 00:00:01"),
        ("27/5/1979 @ 0700", "1979-05-27 07:00:00 .. 1979-05-27 07:00:01"),
        ("oct 5 2012 1045pm", "2012-10-05 22:45:00 .. 2012-10-05 22:45:01"),
        ("05:00 pm may 27th", "2026-05-27 17:00:00 .. 2026-05-27 17:00:01"),
        ("5 on may 28", "2026-05-28 17:00:00 .. 2026-05-28 17:00:01"),
    ];
    check(&new_york(), &both);
    check(&paris(), &both);
    check(&new_york(), &[("2011-07-03 22:11:35 +0100", "2011-07-03 17:11:35 .. 2011-07-03 17:11:36")]);
    check(&paris(), &[("2011-07-03 22:11:35 +0100", "2011-07-03 23:11:35 .. 2011-07-03 23:11:36")]);
}

#[test]
fn an_amount_moves_an_anchor() {
    let both = [
        ("3 years ago tomorrow", "2023-11-25 00:00:00 .. 2023-11-26 00:00:00"),
        ("2 weeks ago monday", "2026-11-09 00:00:00 .. 2026-11-10 00:00:00"),
        ("a month ago at noon", "2026-10-24 12:00:00 .. 2026-10-24 12:00:01"),
        ("1 year ago today at 9am", "2025-11-24 09:00:00 .. 2025-11-24 09:00:01"),
        // Last Saturday (21 November) three months back is Friday 21
        // August; the nearest Saturday is the 22nd.
        ("3 months ago saturday at 5:00 pm", "2026-08-22 17:00:00 .. 2026-08-22 17:00:01"),
        // Last Friday (20 November) three years back is Monday 20 November
        // 2023; the nearest Friday is the 17th.
        ("3 years ago this friday", "2023-11-17 00:00:00 .. 2023-11-18 00:00:00"),
    ];
    check(&new_york(), &both);
    check(&paris(), &both);
}

#[test]
fn an_amount_and_a_weekday_across_dst_weeks() {
    // Sunday 29 March 2026, the day Paris moves to summer time: last
    // Saturday (28 March, winter time) three months back is Sunday 28
    // December; the nearest Saturday is the 27th.
    let paris_change = context(chrono_tz::Europe::Paris, "2026-03-29T10:00:00Z", Direction::Past);
    check(
        &paris_change,
        &[
            ("3 months ago saturday at 5:00 pm", "2025-12-27 17:00:00 .. 2025-12-27 17:00:01"),
            ("1 week ago saturday at 5:00 pm", "2026-03-21 17:00:00 .. 2026-03-21 17:00:01"),
            ("3 weeks from now sunday", "2026-04-12 00:00:00 .. 2026-04-13 00:00:00"),
        ],
    );
    // Tuesday 10 March 2026 in New York, two days after the change.
    let new_york_change = context(chrono_tz::America::New_York, "2026-03-10T15:00:00Z", Direction::Past);
    check(
        &new_york_change,
        &[
            // Saturday 7 March three months back is Sunday 7 December.
            ("3 months ago saturday at 5:00 pm", "2025-12-06 17:00:00 .. 2025-12-06 17:00:01"),
            ("2 weeks ago monday", "2026-02-23 00:00:00 .. 2026-02-24 00:00:00"),
            ("1 week ago sunday at 2:30am", "2026-03-01 02:30:00 .. 2026-03-01 02:30:01"),
        ],
    );
    // In UTC, the same answer as the wall clock.
    let utc = context(chrono_tz::UTC, "2026-03-10T15:00:00Z", Direction::Past);
    check(&utc, &[("3 months ago saturday at 5:00 pm", "2025-12-06 17:00:00 .. 2025-12-06 17:00:01")]);
}

#[test]
fn chronic_spellings() {
    let both = [
        ("tues", "2026-11-17 00:00:00 .. 2026-11-18 00:00:00"),
        ("tus", "2026-11-17 00:00:00 .. 2026-11-18 00:00:00"),
        ("wed", "2026-11-18 00:00:00 .. 2026-11-19 00:00:00"),
        ("wenns", "2026-11-18 00:00:00 .. 2026-11-19 00:00:00"),
        ("thurs", "2026-11-19 00:00:00 .. 2026-11-20 00:00:00"),
        ("fry", "2026-11-20 00:00:00 .. 2026-11-21 00:00:00"),
        ("satterday", "2026-11-21 00:00:00 .. 2026-11-22 00:00:00"),
        ("sum", "2026-11-22 00:00:00 .. 2026-11-23 00:00:00"),
        ("mun", "2026-11-23 00:00:00 .. 2026-11-24 00:00:00"),
        ("sept 5", "2026-09-05 00:00:00 .. 2026-09-06 00:00:00"),
        ("sept. 5", "2026-09-05 00:00:00 .. 2026-09-06 00:00:00"),
    ];
    check(&new_york(), &both);
    check(&paris(), &both);
}

/// One expression of every family, for the properties below.
const FORMS: &[&str] = &[
    "tomorrow morning at 5:30",
    "friday 11 at night",
    "4:00 in the morning",
    "5 mornings ago",
    "1045pm",
    "12:15a",
    "half past 2",
    "10 prior to 2",
    "Thu Aug 10th 2006 at 4pm",
    "Mon Apr 02 17:00:00 PDT 2007",
    "last week tuesday",
    "2 weekends ago",
    "third quarter next year",
    "Q1 2005",
    "last spring",
    "this fortnight",
    "thirty-three days from now",
    "fifteenth of this month",
    "24 hours and 20 minutes from now",
    "7 hours before tomorrow at midnight",
    "2013.07.30 11:45:23",
    "30-Mar-11",
    "may '01",
    "3 months ago saturday at 5:00 pm",
    "week",
    "satterday",
    "sept. 5",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn every_form_reads_the_same_in_any_case(index in 0..FORMS.len(), flips in proptest::collection::vec(any::<bool>(), 64)) {
        let form = FORMS[index];
        let mixed: String = form
            .chars()
            .zip(flips.iter().cycle())
            .map(|(c, &up)| if up { c.to_ascii_uppercase() } else { c.to_ascii_lowercase() })
            .collect();
        let context = paris();
        prop_assert_eq!(local_span(&mixed, &context), local_span(form, &context), "{:?}", mixed);
    }
}
