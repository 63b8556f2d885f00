//! Business-time benchmarks: a few hours back, ten thousand hours back (to
//! show that whole weeks are jumped), and working days.

use std::hint::black_box;

use chrono::{TimeZone, Utc};
use criterion::{criterion_group, criterion_main, Criterion};
use ringq::Direction;
use ringq::{BusinessCalendar, BusinessUnit};

fn business(c: &mut Criterion) {
    let calendar: BusinessCalendar =
        serde_json::from_str(include_str!("../examples/calendar.json")).expect("the example calendar is valid");
    let now = Utc.with_ymd_and_hms(2026, 11, 24, 15, 30, 0).unwrap();
    let mut group = c.benchmark_group("business");
    for (name, amount, unit) in [
        ("3_hours_ago", 3, BusinessUnit::Hour),
        ("10000_hours_ago", 10_000, BusinessUnit::Hour),
        ("20_days_ago", 20, BusinessUnit::Day),
    ] {
        group.bench_function(name, |b| {
            b.iter(|| calendar.shift(black_box(now), black_box(amount), unit, Direction::Past, chrono_tz::UTC))
        });
    }
    group.finish();
}

criterion_group!(benches, business);
criterion_main!(benches);
