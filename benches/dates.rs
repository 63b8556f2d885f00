//! Date benchmarks: parsing and resolving human dates, per expression, and
//! Ruby's Chronic on the same expressions in the same run when it is
//! installed (`apt-get install ruby-chronic`).

use std::hint::black_box;
use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::time::Duration;

use chrono::{TimeZone, Utc};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use ringq::{resolve_date, DateContext, HumanDate};

/// The seed's examples and the usual forms; every one resolves.
const EXPRESSIONS: &[&str] = &[
    "yesterday",
    "last month",
    "2011-02-03",
    "2011-02-03 14:27:33",
    "2 hours ago",
    "2 weeks ago at 4pm",
    "last friday at 20:00",
    "4th day last week",
    "dec 25",
    "january 5 at 4",
    "03/04/2011",
    "1st thursday in november",
];

fn context() -> DateContext {
    DateContext::new(Utc.with_ymd_and_hms(2026, 11, 24, 12, 34, 56).unwrap()).with_tz(chrono_tz::Europe::Paris)
}

fn ringq_dates(c: &mut Criterion) {
    let context = context();
    let parsed: Vec<HumanDate> = EXPRESSIONS.iter().map(|e| e.parse().expect("parses")).collect();
    let mut group = c.benchmark_group("dates/per_expression");
    group.throughput(Throughput::Elements(EXPRESSIONS.len() as u64));
    group.bench_function("ringq_parse_and_resolve", |b| {
        b.iter(|| {
            for e in EXPRESSIONS {
                black_box(resolve_date(black_box(e), &context).expect("resolves"));
            }
        })
    });
    group.bench_function("ringq_parse", |b| {
        b.iter(|| {
            for e in EXPRESSIONS {
                black_box(black_box(e).parse::<HumanDate>().expect("parses"));
            }
        })
    });
    group.bench_function("ringq_resolve", |b| {
        b.iter(|| {
            for d in &parsed {
                black_box(d.resolve(&context).expect("resolves"));
            }
        })
    });
    if let Some(mut chronic) = Chronic::start() {
        group.sample_size(10);
        group.bench_function("chronic_parse", |b| b.iter_custom(|iters| chronic.time(iters)));
    } else {
        eprintln!("Ruby's Chronic is not installed: no side-by-side figure");
    }
    group.finish();
}

/// A Ruby process running `benches/chronic_timer.rb`.
struct Chronic {
    _child: Child,
    input: ChildStdin,
    output: BufReader<ChildStdout>,
}

impl Chronic {
    fn start() -> Option<Chronic> {
        let mut child = Command::new("ruby")
            .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/benches/chronic_timer.rb"))
            .env("TZ", "Europe/Paris")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .ok()?;
        let mut input = child.stdin.take()?;
        let output = BufReader::new(child.stdout.take()?);
        writeln!(input, "{}\n", EXPRESSIONS.join("\n")).ok()?;
        let mut chronic = Chronic { _child: child, input, output };
        chronic.ask(1)?;
        Some(chronic)
    }

    fn ask(&mut self, rounds: u64) -> Option<Duration> {
        writeln!(self.input, "{rounds}").ok()?;
        let mut line = String::new();
        self.output.read_line(&mut line).ok()?;
        Some(Duration::from_nanos(line.trim().parse().ok()?))
    }

    fn time(&mut self, rounds: u64) -> Duration {
        self.ask(rounds).expect("the Chronic timer answers")
    }
}

criterion_group!(benches, ringq_dates);
criterion_main!(benches);
