//! The `ringcx` reading against Chronic 0.10.5's recorded answers.
//!
//! `tests/chronic/corpus.tsv` holds generated phrasings (`generate.py`,
//! seed 1: zones, nows, locales and preferences drawn with them) and what
//! Chronic answered for each (`record.py`, which runs Ruby; this test does
//! not). The RingCX reading must give Chronic's span, start and end, on
//! every row where Chronic answers, and an error on every row where it
//! answers `nil` or raises.

use chrono::{DateTime, SecondsFormat, Utc};
use ringq::{resolve_date, DateContext, DateReading, Direction, Locale};

struct Row {
    zone: String,
    now: DateTime<Utc>,
    locale: Locale,
    prefer: Direction,
    text: String,
    chronic: Option<(String, String)>,
}

fn corpus(text: &str) -> Vec<Row> {
    text.lines()
        .filter(|l| !l.is_empty())
        .map(|line| {
            let f: Vec<&str> = line.split('\t').collect();
            assert_eq!(f.len(), 6, "a corpus row has six fields: {line}");
            let chronic = f[5].split_once(' ').map(|(a, b)| (a.to_owned(), b.to_owned()));
            Row {
                zone: f[0].to_owned(),
                now: f[1].parse().expect("an RFC 3339 now"),
                locale: if f[2] == "fr" { Locale::Fr } else { Locale::En },
                prefer: if f[3] == "future" { Direction::Future } else { Direction::Past },
                text: f[4].to_owned(),
                chronic,
            }
        })
        .collect()
}

fn utc(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// The rows where the RingCX reading does not give Chronic's answer.
fn disagreements(rows: &[Row]) -> Vec<String> {
    let mut out = Vec::new();
    for row in rows {
        let context = DateContext::new(row.now)
            .with_tz(row.zone.parse().expect("a zone"))
            .with_locale(row.locale)
            .with_prefer(row.prefer)
            .with_reading(DateReading::RingCx);
        let ours = resolve_date(&row.text, &context).ok().map(|s| (utc(s.start), utc(s.end)));
        if ours != row.chronic {
            out.push(format!(
                "{}\t{}\t{:?}\t{:?}\t{:?}\tringq {:?}\tchronic {:?}",
                row.zone, row.now, row.locale, row.prefer, row.text, ours, row.chronic
            ));
        }
    }
    out
}

#[test]
fn ringcx_reading_is_chronics_on_the_generated_corpus() {
    let rows = corpus(include_str!("chronic/corpus.tsv"));
    assert!(rows.len() >= 2000, "the corpus has at least 2,000 rows");
    let wrong = disagreements(&rows);
    assert!(wrong.is_empty(), "{} of {} rows differ from Chronic:\n{}", wrong.len(), rows.len(), wrong.join("\n"));
}

/// A held-out set (another seed of `generate.py`, recorded by
/// `record.py`) can be checked without changing the test:
/// `RINGQ_HELD_OUT=path cargo test --test ringcx held_out -- --nocapture`.
#[test]
fn held_out() {
    let Ok(path) = std::env::var("RINGQ_HELD_OUT") else { return };
    let rows = corpus(&std::fs::read_to_string(path).expect("the held-out file"));
    let wrong = disagreements(&rows);
    for line in &wrong {
        println!("{line}");
    }
    println!("{} of {} rows differ", wrong.len(), rows.len());
}

mod readings_differ {
    use proptest::prelude::*;
    use ringq::{Code, DateReading, Options};

    fn options(now: i64, tz: &str, reading: DateReading) -> Options {
        let mut options: Options = serde_json::from_value(serde_json::json!({ "tz": tz })).expect("options");
        options.now = chrono::DateTime::from_timestamp(now, 0);
        options.dates = reading;
        options
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1500))]

        /// Wherever the two readings give different spans, the default
        /// check of a date term carries the warning that says so (what
        /// `ringq check --format json` prints), and answers with RingCX's.
        #[test]
        fn every_difference_carries_the_warning(
            words in proptest::collection::vec(prop::sample::select(vec![
                "last", "next", "this", "at", "in", "ago", "from", "now", "4", "4pm", "16:00", "12", "31", "feb",
                "december", "friday", "week", "month", "year", "day", "days", "hours", "1st", "5th", "of", "2011",
                "3/4/11", "noon", "midnight", "tonight", "morning", "a", "an", "hour", "yesterday", "tomorrow",
                "today", "jan", "3", "monday", "weekend", "2 weeks", "meeting", "9.8.2013", "2011-02-03",
            ]), 1..5),
            tz in prop::sample::select(vec!["UTC", "Europe/Paris", "America/New_York"]),
            now in 946_684_800i64..2_000_000_000i64,
        ) {
            let text = words.join(" ");
            let ringcx = options(now, tz, DateReading::RingCx);
            let Ok(answer) = ringcx.date(&text) else { return Ok(()) };
            let query = format!("first_content_after:\"{text}\"");
            let report = ringcx.check(&query);
            let differ = answer.readings.is_some();
            if let Ok(report) = &report {
                let warned = report.warnings().iter().any(|d| d.code() == Code::DateReadingsDiffer);
                prop_assert_eq!(warned, differ, "{}", text);
                let start = report.parsed().date(0).map(|s| s.start);
                prop_assert_eq!(start, Some(answer.start));
            }
            if differ {
                let warned = answer.warnings.iter().any(|d| d.code() == Code::DateReadingsDiffer);
                prop_assert!(warned, "{}", text);
            }
        }
    }
}
