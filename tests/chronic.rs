//! Differential test against Ruby's Chronic, the reference the RingCX
//! documentation quotes.
//!
//! A generated set of expressions (every form of `grammar.md` section 3,
//! several `now` values, both locales, both preferences, three zones) is
//! resolved by ringq and by Chronic (`tests/chronic/oracle.rb`, one Ruby
//! process per zone). Every disagreement must belong to a form listed in
//! the table "Deliberate differences from Chronic" of `grammar.md`, which
//! says why; any other disagreement fails the test.
//!
//! Where Ruby or Chronic is missing the test says so and passes, except
//! under CI (`CI=true`), where a skip is a failure: `.ci/run` installs the
//! Debian package `ruby-chronic`.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::process::{Command, Stdio};

use chrono::{DateTime, Offset, Utc};
use chrono_tz::Tz;
use ringq::dates::{resolve, DateContext, Direction, Locale};

/// One expression of the generated set, with the form it exercises.
struct Case {
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
];

const ZONES: &[&str] = &["UTC", "Europe/Paris", "America/New_York"];

fn cases() -> Vec<Case> {
    let mut out = Vec::new();
    let mut add = |form: &'static str, texts: &[&str]| {
        out.extend(texts.iter().map(|t| Case { form, text: (*t).to_owned() }));
    };
    add("iso-date", &["2011-02-03", "1999-12-31", "2024-02-29", "2026-11-24", "2030-01-01"]);
    add("iso-date-time", &["2011-02-03 14:27:33", "2011-02-03 14:27", "2024-02-29 00:00:00", "2026-03-29 12:00"]);
    add(
        "rfc3339",
        &["2011-02-03T14:27:33Z", "2011-02-03T14:27:33+01:00", "2011-02-03T14:27:33-05:00", "2026-11-24T00:00:00Z"],
    );
    add("yesterday-tomorrow", &["yesterday", "tomorrow", "Yesterday", "TOMORROW"]);
    add("today", &["today"]);
    add("now", &["now"]);
    add(
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
        "amount-later",
        &["3 days from now", "2 hours from now", "a week from now", "in 2 days", "in 3 hours", "in 2 years"],
    );
    add("in-a-unit", &["in a month", "in an hour", "in a week"]);
    add(
        "amount-ago-at-time",
        &["2 weeks ago at 4pm", "3 days ago at 16:00", "a week ago at 9am", "2 days ago at noon", "in 2 days at 10am"],
    );
    add("weekday", &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "fri", "Sat"]);
    add("this-weekday", &["this monday", "this friday", "this sunday"]);
    add("last-weekday", &["last monday", "last tuesday", "last friday", "last sunday", "last saturday"]);
    add("next-weekday", &["next monday", "next tuesday", "next friday", "next sunday"]);
    add(
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
        "month-day",
        &["dec 25", "january 5", "feb 28", "jul 4", "nov 24", "march 1st", "aug 15th", "oct 3rd", "sept 2nd"],
    );
    add("month-day-year", &["january 5 2011", "jan 5, 2011", "december 25th, 2010", "feb 29 2024", "march 3 1999"]);
    add("month-day-at-time", &["january 5 at 4", "dec 25 at 10am", "jan 5 2011 at 4pm", "jan 5, 2011 4pm"]);
    add("day-month-year", &["5 jan 2011", "25 december 2010", "3rd march 1999"]);
    add("numeric-full-year", &["03/04/2011", "03/17/2011", "17/03/2011", "12/31/1999", "1/2/2011", "10/11/2012"]);
    add("numeric-dashes", &["03-04-2011", "17-03-2011"]);
    add("numeric-short-year", &["3/4/11", "12/31/99", "5/6/30"]);
    add("numeric-no-year", &["3/4", "12/25", "25/12"]);
    add("numeric-dots", &["1.2.2011", "17.3.2011"]);
    add("grain-last-next", &["last week", "next week", "last month", "next month", "last year", "next year"]);
    add("grain-day", &["last day", "next day"]);
    add("grain-hour", &["last hour", "next hour", "last minute", "next minute"]);
    add("grain-this", &["this week", "this month", "this year", "this hour"]);
    add("month-name", &["march", "november", "december", "january", "jun", "Sept"]);
    add("month-name-modified", &["last march", "next november", "this december", "last january", "next june"]);
    add("month-year", &["jan 2011", "march 2025"]);
    add("time-alone", &["4pm", "noon", "midnight", "16:00", "9am", "11:30pm", "7:15", "23:59:59"]);
    add("at-time-alone", &["at 4pm", "at 16:00", "at noon"]);
    add("time-before-day", &["4pm yesterday", "4pm monday", "9am on friday"]);
    add("part-of-day", &["this morning", "this afternoon", "this evening", "tonight", "yesterday evening"]);
    add("last-night", &["last night"]);
    add("part-of-day-bare", &["morning", "afternoon", "evening"]);
    add("tomorrow-part", &["tomorrow morning", "tomorrow evening"]);
    add("ordinal-weekday-in-month", &["1st thursday in november", "2nd monday in march", "3rd friday in january"]);
    add("ordinal-of-month", &["first sunday of june", "2nd tuesday of march"]);
    add("ordinal-fifth-weekday", &["5th monday in march", "5th friday in february"]);
    add(
        "ordinal-in-grain",
        &["4th day last week", "1st day next month", "3rd month next year", "2nd day this week", "10th day last month"],
    );
    add("ordinal-week-in-month", &["2nd week in january", "1st week in march"]);
    add("ordinal-last", &["last day of january", "last friday of november", "last day of february"]);
    add("half-an-hour", &["half an hour ago", "in half an hour"]);
    add("impossible", &["2011-02-30", "13/13/2011", "feb 30", "2011-13-01", "25:00"]);
    add("business", &["2 business hours ago", "3 business days from now"]);
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
/// Chronic": the first column of that table, in backquotes.
fn listed_forms() -> BTreeSet<String> {
    let grammar = include_str!("../grammar.md");
    let Some(start) = grammar.find("### Deliberate differences from Chronic") else {
        return BTreeSet::new();
    };
    grammar[start..]
        .lines()
        .skip(1)
        .take_while(|l| !l.starts_with('#'))
        .filter_map(|l| l.strip_prefix("| `"))
        .filter_map(|l| l.split('`').next())
        .map(str::to_owned)
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
    let mut differences: BTreeMap<&str, (usize, String)> = BTreeMap::new();
    let mut all = String::new();
    for zone in ZONES {
        let tz: Tz = zone.parse().expect("zone");
        let mut lines = Vec::new();
        let mut ours = Vec::new();
        for now in NOWS {
            let now_utc: DateTime<Utc> = now.parse().expect("now");
            for locale in [Locale::En, Locale::Fr] {
                for prefer in [Direction::Past, Direction::Future] {
                    let context = DateContext { tz, locale, prefer, ..DateContext::new(now_utc) };
                    for case in &cases {
                        let locale_name = if locale == Locale::En { "en" } else { "fr" };
                        let context_name = if prefer == Direction::Past { "past" } else { "future" };
                        lines.push(format!("{}\t{locale_name}\t{context_name}\t{}", now_utc.timestamp(), case.text));
                        let answer = match resolve(&case.text, &context) {
                            Ok(span) => format!("{}\t{}", span.start.timestamp(), span.end.timestamp()),
                            Err(_) => "nil".to_owned(),
                        };
                        ours.push((case, answer, format!("{now} {zone} {locale_name} {context_name}"), now_utc));
                    }
                }
            }
        }
        let theirs = chronic(zone, &lines);
        assert_eq!(theirs.len(), ours.len(), "one answer per line from Chronic");
        for ((case, ours, setting, now_utc), theirs) in ours.iter().zip(&theirs) {
            compared += 1;
            let theirs = if theirs == "error" { "nil" } else { theirs.as_str() };
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
    let dump = concat!(env!("CARGO_TARGET_TMPDIR"), "/chronic-differences.tsv");
    std::fs::write(dump, &all).expect("differences written");
    assert!(compared >= 2000, "only {compared} comparisons");
    let mut report = format!("{compared} comparisons\n");
    let mut unlisted = Vec::new();
    for (form, (count, example)) in &differences {
        let status = if listed.contains(*form) { "listed" } else { "UNLISTED" };
        report.push_str(&format!("{status} {form}: {count} differences, e.g. {example}\n"));
        if !listed.contains(*form) {
            unlisted.push(*form);
        }
    }
    eprintln!("{report}");
    let stale: Vec<&String> = listed.iter().filter(|f| !differences.contains_key(f.as_str())).collect();
    assert!(unlisted.is_empty(), "disagreements with Chronic not listed in grammar.md: {unlisted:?}\n{report}");
    assert!(stale.is_empty(), "grammar.md lists differences that no longer occur: {stale:?}\n{report}");
}
