//! Differential test against Ruby's Chronic, the reference the RingCX
//! documentation quotes.
//!
//! A set of expressions (every form of `grammar.md` section 3, several
//! `now` values, both locales, both preferences, three zones) is resolved
//! by ringq and by a live Chronic (`tests/chronic/oracle.rb`, one Ruby
//! process per zone). The `ringcx` reading must give Chronic's answer on
//! every one. For the `intended` reading, every disagreement must belong to
//! a form listed in the table "Deliberate differences from Chronic" of
//! `grammar.md`, which says why; any other disagreement fails the test.
//! (The test that needs no Ruby is `tests/ringcx.rs`, on recorded answers.)
//!
//! Where Ruby or Chronic is missing the test says so and passes, except
//! under CI (`CI=true`), where a skip is a failure: `.ci/run` installs the
//! Debian package `ruby-chronic`.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::process::{Command, Stdio};

use chrono::{DateTime, Offset, Utc};
use chrono_tz::Tz;
use ringq::{resolve_date, DateContext, DateReading, Direction, Locale};

/// One expression of the generated set, with the family of forms it
/// belongs to (for the agreement report) and its form (the name a
/// deliberate difference is listed under in `grammar.md`).
struct Case {
    family: &'static str,
    form: &'static str,
    text: String,
}

const NOWS: &[&str] = &[
    "2026-11-24T12:34:56Z", // a Tuesday afternoon
    "2011-03-15T08:05:00Z", // the seed's era
    "2024-02-29T23:30:00Z", // a leap day, late
    "2026-03-29T01:30:00Z", // Paris changes to summer time this night
    "2026-11-01T06:30:00Z", // New York falls back this night
    "2025-12-31T23:59:59Z", // the last second of a year
    "2026-06-07T00:00:30Z", // a Sunday, just after midnight UTC
    "2026-04-30T16:45:00Z", // the last day of a month, a Thursday
];

const ZONES: &[&str] = &["UTC", "Europe/Paris", "America/New_York"];

fn cases() -> Vec<Case> {
    let mut out = Vec::new();
    let mut add = |family: &'static str, form: &'static str, texts: &[&str]| {
        out.extend(texts.iter().map(|t| Case { family, form, text: (*t).to_owned() }));
    };
    // The forms of SPEC section 3.
    add("absolute", "iso-date", &["2011-02-03", "1999-12-31", "2024-02-29", "2026-11-24", "2030-01-01"]);
    add(
        "absolute",
        "iso-date-time",
        &["2011-02-03 14:27:33", "2011-02-03 14:27", "2024-02-29 00:00:00", "2026-03-29 12:00"],
    );
    add(
        "absolute",
        "rfc3339",
        &["2011-02-03T14:27:33Z", "2011-02-03T14:27:33+01:00", "2011-02-03T14:27:33-05:00", "2026-11-24T00:00:00Z"],
    );
    add("named-days", "yesterday-tomorrow", &["yesterday", "tomorrow", "Yesterday", "TOMORROW"]);
    add("named-days", "today", &["today"]);
    add("named-days", "now", &["now"]);
    add(
        "amounts",
        "amount-ago",
        &[
            "2 hours ago",
            "1 hour ago",
            "an hour ago",
            "a minute ago",
            "30 seconds ago",
            "45 minutes ago",
            "3 days ago",
            "a day ago",
            "2 weeks ago",
            "a week ago",
            "1 month ago",
            "3 months ago",
            "a year ago",
            "2 years ago",
            "100 days ago",
            "26 hours ago",
        ],
    );
    add(
        "amounts",
        "amount-later",
        &["3 days from now", "2 hours from now", "a week from now", "in 2 days", "in 3 hours", "in 2 years"],
    );
    add("amounts", "in-a-unit", &["in a month", "in an hour", "in a week"]);
    add(
        "amounts",
        "amount-ago-at-time",
        &["2 weeks ago at 4pm", "3 days ago at 16:00", "a week ago at 9am", "2 days ago at noon", "in 2 days at 10am"],
    );
    add(
        "weekdays",
        "weekday",
        &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "fri", "Sat"],
    );
    add("weekdays", "this-weekday", &["this monday", "this friday", "this sunday"]);
    add("weekdays", "last-weekday", &["last monday", "last tuesday", "last friday", "last sunday", "last saturday"]);
    add("weekdays", "next-weekday", &["next monday", "next tuesday", "next friday", "next sunday"]);
    add(
        "weekdays",
        "weekday-at-time",
        &[
            "last friday at 20:00",
            "monday at 4",
            "friday at 4pm",
            "last monday at 9:30",
            "next tuesday at 7",
            "yesterday at 4",
            "yesterday at 7",
            "tomorrow at 4pm",
            "yesterday at noon",
            "yesterday at 12am",
        ],
    );
    add(
        "month-days",
        "month-day",
        &["dec 25", "january 5", "feb 28", "jul 4", "nov 24", "march 1st", "aug 15th", "oct 3rd", "sept 2nd"],
    );
    add(
        "month-days",
        "month-day-year",
        &["january 5 2011", "jan 5, 2011", "december 25th, 2010", "feb 29 2024", "march 3 1999"],
    );
    add(
        "month-days",
        "month-day-at-time",
        &["january 5 at 4", "dec 25 at 10am", "jan 5 2011 at 4pm", "jan 5, 2011 4pm"],
    );
    add("month-days", "day-month-year", &["5 jan 2011", "25 december 2010", "3rd march 1999"]);
    add("month-days", "midnight-next-day", &["November 18th 2010 midnight", "jan 3 2010 at midnight"]);
    add(
        "numeric",
        "numeric-full-year",
        &["03/04/2011", "03/17/2011", "17/03/2011", "12/31/1999", "1/2/2011", "10/11/2012"],
    );
    add("numeric", "numeric-dashes", &["03-04-2011", "17-03-2011"]);
    add("numeric", "numeric-short-year", &["3/4/11", "12/31/99", "5/6/30"]);
    add("numeric", "numeric-no-year", &["3/4", "12/25", "25/12"]);
    add("numeric", "numeric-dots", &["1.2.2011", "17.3.2011"]);
    add("spans", "grain-last-next", &["last week", "next week", "last month", "next month", "last year", "next year"]);
    add("spans", "grain-day", &["last day", "next day"]);
    add("spans", "grain-hour", &["last hour", "next hour", "last minute", "next minute"]);
    add("spans", "grain-this", &["this week", "this month", "this year", "this hour"]);
    add("spans", "month-name", &["march", "november", "december", "january", "jun", "Sept"]);
    add("spans", "month-name-modified", &["last march", "next november", "this december", "last january", "next june"]);
    add("spans", "month-year", &["jan 2011", "march 2025"]);
    add("times", "time-alone", &["4pm", "noon", "midnight", "16:00", "9am", "11:30pm", "7:15", "23:59:59"]);
    add("times", "at-time-alone", &["at 4pm", "at 16:00", "at noon"]);
    add("times", "time-before-day", &["4pm yesterday", "4pm monday", "9am on friday"]);
    add(
        "parts-of-day",
        "part-of-day",
        &["this morning", "this afternoon", "this evening", "tonight", "yesterday evening"],
    );
    add("parts-of-day", "last-night", &["last night"]);
    add("parts-of-day", "part-of-day-bare", &["morning", "afternoon", "evening"]);
    add("parts-of-day", "tomorrow-part", &["tomorrow morning", "tomorrow evening"]);
    add(
        "ordinals",
        "ordinal-weekday-in-month",
        &["1st thursday in november", "2nd monday in march", "3rd friday in january"],
    );
    add("ordinals", "ordinal-of-month", &["first sunday of june", "2nd tuesday of march"]);
    add("ordinals", "ordinal-fifth-weekday", &["5th monday in march", "5th friday in february"]);
    add(
        "ordinals",
        "ordinal-in-grain",
        &["4th day last week", "1st day next month", "3rd month next year", "2nd day this week", "10th day last month"],
    );
    add("ordinals", "ordinal-week-in-month", &["2nd week in january", "1st week in march"]);
    add("ordinals", "ordinal-last", &["last day of january", "last friday of november", "last day of february"]);
    add("amounts", "half-an-hour", &["half an hour ago", "in half an hour"]);
    add("errors", "impossible", &["2011-02-30", "13/13/2011", "feb 30", "2011-13-01", "25:00"]);
    add("business", "business", &["2 business hours ago", "3 business days from now"]);

    // 1. Parts of the day as anchors and with times.
    add(
        "parts-of-day",
        "part-with-time",
        &[
            "tomorrow morning at 5:30",
            "tomorrow evening at 7",
            "tonight at 7",
            "tonight 7",
            "friday evening at 7",
            "friday 11 at night",
            "monday morning at 9",
            "yesterday afternoon at 3",
        ],
    );
    add("parts-of-day", "time-in-part", &["7 tonight", "4:00 in the morning", "7 in the evening", "11 at night"]);
    add("parts-of-day", "part-before-day", &["afternoon yesterday", "morning yesterday", "evening tomorrow"]);
    add("parts-of-day", "weekday-part", &["friday evening", "monday morning", "sunday night"]);
    add("parts-of-day", "parts-ago", &["5 mornings ago", "2 evenings ago", "5 mornings hence", "3 nights from now"]);

    // 2. Clock forms.
    add("clock-forms", "compact-time", &["0900", "0715", "1045pm", "0930am", "at 0700", "tomorrow at 0900"]);
    add("clock-forms", "compact-time-later", &["2100", "2345", "today at 2100", "this day 1800"]);
    add("clock-forms", "short-ampm", &["12:15a", "6:30p", "11:45p", "5:32.19pm", "12:00:00 PM", "01:00:00 AM"]);
    add("clock-forms", "open-hour", &["4:00", "monday 4:00", "yesterday at 4:00", "sat 3:30", "tomorrow at 11:15"]);
    add(
        "clock-forms",
        "clock-phrase",
        &[
            "half past 2",
            "10 past 2",
            "10 to 2",
            "10 after 2",
            "10 before 2",
            "10 till 2",
            "10 prior to 2",
            "20 to 8",
            "half past 11",
            "quarter to 4",
            "quarter past 4",
        ],
    );
    add("clock-forms", "at-sign", &["@ 0700", "@ 4pm", "27/5/1979 @ 0700"]);

    // 3. A weekday with a date.
    add(
        "weekday-with-date",
        "weekday-date",
        &[
            "Thu Aug 10 2006",
            "Thursday December 31st 2005",
            "Sat, Feb 29 2020",
            "Tue Nov 24 2026 at 4pm",
            "Thu Aug 10th 2006 at 4pm",
            "wed 25 nov 2026",
        ],
    );
    add("weekday-with-date", "weekday-date-no-year", &["Thu Aug 10", "Thu Aug 10th at 4pm", "Thursday December 31"]);
    add("weekday-with-date", "weekday-day-of-month", &["Thu 17th", "Thu 17th at 4pm", "mon 1st"]);
    add("weekday-with-date", "on-weekday", &["on Tuesday", "on friday", "on monday at 9am"]);
    add("weekday-with-date", "unix-date", &["Mon Apr 02 17:00:00 PDT 2007", "Tue Nov 24 12:00:00 UTC 2026"]);
    add("weekday-with-date", "weekday-contradicts-date", &["Thursday July 31 2006", "Mon Nov 24 2026"]);

    // 4. A weekday of another week.
    add(
        "weekday-of-week",
        "weekday-of-week",
        &["last week tuesday", "tuesday last week", "next week friday", "friday next week", "last week sunday"],
    );

    // 5. Larger spans.
    add("larger-spans", "weekend", &["weekend", "this weekend", "last weekend", "next weekend"]);
    add("larger-spans", "weekends-ago", &["2 weekends ago", "1 weekend from now", "3 weekends ago"]);
    add(
        "larger-spans",
        "quarter",
        &[
            "Q1 2005",
            "2005 Q3",
            "this quarter",
            "next quarter",
            "last quarter",
            "third quarter next year",
            "next year Q2",
            "1st quarter this year",
        ],
    );
    add("larger-spans", "season", &["last spring", "this winter", "next summer", "this autumn", "last fall", "summer"]);
    add("larger-spans", "fortnight", &["this fortnight", "last fortnight", "next fortnight"]);

    // 6. Numbers in words and compound amounts.
    add(
        "numbers-in-words",
        "word-amount",
        &[
            "thirty-three days from now",
            "two days ago",
            "three weeks from now",
            "one hundred days ago",
            "twelve hours ago",
        ],
    );
    add("numbers-in-words", "word-ordinal", &["may tenth", "fifteenth of this month", "twenty-first of march"]);
    add(
        "numbers-in-words",
        "compound-amount",
        &["24 hours and 20 minutes from now", "25 minutes and 20 seconds from now", "2 hours 30 minutes ago"],
    );
    add(
        "numbers-in-words",
        "before-anchor",
        &["20 seconds before now", "2 days from this second", "3 hours after now"],
    );
    add("numbers-in-words", "midnight-next-day", &["7 hours before tomorrow at midnight"]);

    // 7. More numeric layouts.
    add("numeric-layouts", "year-month", &["2012-06", "2013/12", "2026-11"]);
    add("numeric-layouts", "dotted-iso", &["2013.08.09", "2013.07.30 11:45:23", "2012:05:25 22:06:50"]);
    add("numeric-layouts", "offset-no-colon", &["2011-07-03 22:11:35 +0100", "2011-07-03 16:11:35 -0500"]);
    add(
        "numeric-layouts",
        "month-day-layouts",
        &["Jan 1,2010", "2009 May 22nd", "22-feb", "30-Mar-11", "aug-20", "aug. 3"],
    );
    add("numeric-layouts", "short-year", &["may 97", "March 30th 79", "11th december 79", "may 27 79"]);
    add("numeric-layouts", "short-year-quoted", &["may '01"]);
    add("numeric-layouts", "day-month-short-year", &["3 jan 10"]);
    add("numeric-layouts", "day-of-month", &["28th", "1st", "15th"]);
    add("numeric-layouts", "bare-hour", &["5", "11"]);
    add("numeric-layouts", "midnight-as-time", &["two days ago 0:0:0am", "two days ago 00:00:00am"]);

    // 8. An offset followed by an anchor.
    add("offset-anchor", "offset-anchor", &["3 years ago tomorrow", "a month ago at noon", "1 year ago today at 9am"]);
    add("offset-anchor", "offset-weekday", &["2 weeks ago monday", "1 week ago friday", "3 years ago this friday"]);
    add("offset-anchor", "offset-weekday-months", &["3 months ago saturday at 5:00 pm", "2 months ago tuesday"]);

    // 9. Bare units.
    add("bare-units", "bare-unit", &["week", "month", "year"]);

    // 10. Abbreviations and Chronic's spellings.
    add(
        "abbreviations",
        "spellings",
        &["tues", "wed", "thurs", "thur", "sept 5", "mun", "tus", "wenns", "fry", "satterday", "sum", "jan. 5"],
    );

    // Words that are not part of a date.
    add("words-around", "words-around", &["meeting today at 2pm", "eat pasty buns today at 2pm"]);
    out
}

/// The nows (and zones) at which a DST change happens within a day.
const DST_SETTINGS: &[&str] = &["2026-03-29T01:30:00Z Europe/Paris", "2026-11-01T06:30:00Z America/New_York"];

/// The form a disagreement is counted under: its own, or `dst-days` when a
/// DST change lies between the instants involved and Chronic is off by
/// exactly the hour the change adds or removes (Chronic counts a day as
/// 86 400 seconds), or gives up next to a change.
fn classify(form: &'static str, setting: &str, tz: Tz, now: DateTime<Utc>, ours: &str, theirs: &str) -> &'static str {
    if theirs == "nil" && ours != "nil" && DST_SETTINGS.iter().any(|s| setting.starts_with(s)) {
        return "dst-days";
    }
    let numbers = |s: &str| -> Option<(i64, i64)> {
        let (a, b) = s.split_once('\t')?;
        Some((a.parse().ok()?, b.parse().ok()?))
    };
    let (Some((a, b)), Some((c, d))) = (numbers(ours), numbers(theirs)) else {
        return form;
    };
    // Does the zone change its offset anywhere from a month before the
    // earliest instant involved to a day after the latest?
    let offset = |t: i64| DateTime::from_timestamp(t, 0).map(|t| t.with_timezone(&tz).offset().fix().local_minus_utc());
    let instants = [now.timestamp(), a, b, c, d];
    let from = instants.iter().min().copied().unwrap_or(0) - 32 * 86_400;
    let to = instants.iter().max().copied().unwrap_or(0) + 86_400;
    let offsets: BTreeSet<Option<i32>> = (from..=to).step_by(3 * 3600).map(offset).collect();
    let off_by_the_change = [a - c, b - d].iter().all(|x| x.abs() == 3600 || *x == 0);
    if offsets.len() > 1 && off_by_the_change {
        "dst-days"
    } else {
        form
    }
}

/// The forms listed in `grammar.md` under "Deliberate differences from
/// Chronic" (the first column of that table, in backquotes), each with its
/// kind (`bug` where Chronic is plainly wrong, `choice` otherwise).
fn listed_forms() -> BTreeMap<String, String> {
    let grammar = include_str!("../grammar.md");
    let Some(start) = grammar.find("### Deliberate differences from Chronic") else {
        return BTreeMap::new();
    };
    grammar[start..]
        .lines()
        .skip(1)
        .take_while(|l| !l.starts_with('#'))
        .filter_map(|l| l.strip_prefix("| `"))
        .filter_map(|l| {
            let (form, rest) = l.split_once('`')?;
            let kind = rest.trim_start_matches([' ', '|']).split(' ').next()?;
            Some((form.to_owned(), kind.to_owned()))
        })
        .collect()
}

fn chronic_available() -> bool {
    Command::new("ruby")
        .args(["-e", "require 'chronic'"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .map(|s| s.success())
        .unwrap_or(false)
}

/// Chronic's answers for `lines` (`now<TAB>locale<TAB>context<TAB>expr`) in `zone`.
fn chronic(zone: &str, lines: &[String]) -> Vec<String> {
    let mut child = Command::new("ruby")
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/chronic/oracle.rb"))
        .env("TZ", zone)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("ruby starts");
    let mut input = child.stdin.take().expect("stdin");
    let text = lines.join("\n") + "\n";
    let writer = std::thread::spawn(move || input.write_all(text.as_bytes()));
    let out = child.wait_with_output().expect("ruby finishes");
    writer.join().expect("writer thread").expect("stdin written");
    assert!(out.status.success(), "the Chronic oracle failed");
    String::from_utf8(out.stdout).expect("utf-8").lines().map(str::to_owned).collect()
}

#[test]
fn ringq_agrees_with_chronic_except_where_grammar_md_says_why() {
    if !chronic_available() {
        let message = "Ruby's Chronic is not installed (apt-get install ruby-chronic): differential test skipped";
        assert!(std::env::var("CI").as_deref() != Ok("true"), "{message}; under CI this is a failure");
        eprintln!("{message}");
        return;
    }
    let cases = cases();
    let listed = listed_forms();
    let mut compared = 0usize;
    let mut ringcx_wrong = Vec::new();
    let mut differences: BTreeMap<&str, (usize, String)> = BTreeMap::new();
    // Per family: answers whose start agrees with Chronic's, of those
    // where Chronic gives a time.
    let mut agreement: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut gated = (0usize, 0usize);
    let mut all = String::new();
    // Chronic takes most of the time: ask it about every zone at once, one
    // Ruby process per zone, while ringq answers here.
    let questions = {
        let mut lines = Vec::new();
        for now in NOWS {
            let now_utc: DateTime<Utc> = now.parse().expect("now");
            for locale in ["en", "fr"] {
                for context in ["past", "future"] {
                    for case in &cases {
                        lines.push(format!("{}\t{locale}\t{context}\t{}", now_utc.timestamp(), case.text));
                    }
                }
            }
        }
        lines
    };
    let oracles: Vec<_> = ZONES
        .iter()
        .map(|zone| {
            let lines = questions.clone();
            std::thread::spawn(move || chronic(zone, &lines))
        })
        .collect();
    for (zone, oracle) in ZONES.iter().zip(oracles) {
        let tz: Tz = zone.parse().expect("zone");
        // In the order of `questions`.
        let mut ours = Vec::new();
        let mut ringcx = Vec::new();
        for now in NOWS {
            let now_utc: DateTime<Utc> = now.parse().expect("now");
            for locale in [Locale::En, Locale::Fr] {
                for prefer in [Direction::Past, Direction::Future] {
                    let context = DateContext::new(now_utc)
                        .with_tz(tz)
                        .with_locale(locale)
                        .with_prefer(prefer)
                        .with_reading(DateReading::Intended);
                    let ringcx_context = context.clone().with_reading(DateReading::RingCx);
                    for case in &cases {
                        let locale_name = if locale == Locale::En { "en" } else { "fr" };
                        let context_name = if prefer == Direction::Past { "past" } else { "future" };
                        let answer = |context: &DateContext| match resolve_date(&case.text, context) {
                            Ok(span) => format!("{}\t{}", span.start.timestamp(), span.end.timestamp()),
                            Err(_) => "nil".to_owned(),
                        };
                        let setting = format!("{now} {zone} {locale_name} {context_name}");
                        ringcx.push((case.text.clone(), answer(&ringcx_context), setting.clone()));
                        ours.push((case, answer(&context), setting, now_utc));
                    }
                }
            }
        }
        let theirs = oracle.join().expect("the Chronic oracle thread");
        assert_eq!(theirs.len(), ours.len(), "one answer per line from Chronic");
        for ((text, answer, setting), theirs) in ringcx.iter().zip(&theirs) {
            let theirs = if theirs == "error" { "nil" } else { theirs.as_str() };
            if answer != theirs {
                ringcx_wrong.push(format!("{text:?} at {setting}: ringcx {answer}, Chronic {theirs}"));
            }
        }
        for ((case, ours, setting, now_utc), theirs) in ours.iter().zip(&theirs) {
            compared += 1;
            let theirs = if theirs == "error" { "nil" } else { theirs.as_str() };
            if theirs != "nil" {
                let start = |s: &str| s.split('\t').next().map(str::to_owned);
                let same = start(ours) == start(theirs);
                let entry = agreement.entry(case.family).or_insert((0, 0));
                entry.1 += 1;
                entry.0 += usize::from(same);
                // Chronic's plain mistakes are not a target: a comparison
                // counts towards the gate unless it differs in a form whose
                // difference grammar.md lists as a bug of Chronic's.
                let form = classify(case.form, setting, tz, *now_utc, ours, theirs);
                if same || listed.get(form).map(String::as_str) != Some("bug") {
                    gated.1 += 1;
                    gated.0 += usize::from(same);
                }
            }
            if ours != theirs {
                let form = classify(case.form, setting, tz, *now_utc, ours, theirs);
                all.push_str(&format!("{form}\t{:?}\t{setting}\tringq {ours}\tChronic {theirs}\n", case.text));
                let entry = differences.entry(form).or_insert((0, String::new()));
                if entry.0 == 0 {
                    entry.1 = format!("{:?} at {setting}: ringq {ours}, Chronic {theirs}", case.text);
                }
                entry.0 += 1;
            }
        }
    }
    assert!(ringcx_wrong.is_empty(), "the ringcx reading differs from Chronic:\n{}", ringcx_wrong.join("\n"));
    let dump = concat!(env!("CARGO_TARGET_TMPDIR"), "/chronic-differences.tsv");
    std::fs::write(dump, &all).expect("differences written");
    assert!(compared >= 2000, "only {compared} comparisons");
    let mut report =
        format!("{compared} comparisons\nagreement with Chronic on the span's start, where Chronic gives a time:\n");
    let (mut agreed, mut answered) = (0, 0);
    for (family, (same, total)) in &agreement {
        report.push_str(&format!("  {family:<20} {same:>6} / {total:<6} {:5.1} %\n", percent(*same, *total)));
        agreed += same;
        answered += total;
    }
    let overall = percent(agreed, answered);
    report.push_str(&format!("  {:<20} {agreed:>6} / {answered:<6} {overall:5.1} %\n", "overall"));
    let target = percent(gated.0, gated.1);
    report.push_str(&format!(
        "  {:<20} {:>6} / {:<6} {target:5.1} %  (the gate: bugs of Chronic's left out)\n",
        "where Chronic is right", gated.0, gated.1
    ));
    let mut unlisted = Vec::new();
    for (form, (count, example)) in &differences {
        let status = if listed.contains_key(*form) { "listed" } else { "UNLISTED" };
        report.push_str(&format!("{status} {form}: {count} differences, e.g. {example}\n"));
        if !listed.contains_key(*form) {
            unlisted.push(*form);
        }
    }
    // Straight to the standard error, past the test harness's capture, so
    // that the agreement table shows in every run.
    let _ = std::io::stderr().write_all(report.as_bytes());
    let stale: Vec<&String> = listed.keys().filter(|f| !differences.contains_key(f.as_str())).collect();
    let unknown_kinds: Vec<&String> =
        listed.iter().filter(|(_, k)| !matches!(k.as_str(), "bug" | "choice")).map(|(f, _)| f).collect();
    assert!(unknown_kinds.is_empty(), "grammar.md rows whose kind is neither bug nor choice: {unknown_kinds:?}");
    assert!(target >= 95.0, "agreement with Chronic below 95 %:\n{report}");
    assert!(unlisted.is_empty(), "disagreements with Chronic not listed in grammar.md: {unlisted:?}\n{report}");
    assert!(stale.is_empty(), "grammar.md lists differences that no longer occur: {stale:?}\n{report}");
}

fn percent(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        100.0
    } else {
        100.0 * part as f64 / whole as f64
    }
}
