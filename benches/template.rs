//! Templates: rendering a 5-hole template (binding five values through the
//! printer, then checking the query) next to checking the query it
//! renders, with the same options. The goal is within 1.5× of the check.

use std::hint::black_box;

use chrono::{TimeZone, Utc};
use criterion::{criterion_group, criterion_main, Criterion};
use ringq::{Options, Template, Values};

const TEMPLATE: &str =
    "assigned_to_me:{mine} -status_in:{done} first_content_after:{since} source:{src} {words} order:created_at.desc";

fn template(c: &mut Criterion) {
    let options = Options::at(Utc.with_ymd_and_hms(2026, 11, 24, 12, 0, 0).unwrap());
    let template = Template::parse(TEMPLATE, &options).expect("a template");
    let values = Values::new()
        .set("mine", true)
        .set("done", vec!["replied", "ignored"])
        .set("since", "2 weeks ago at 4pm")
        .set("src", 42_i64)
        .set("words", "refund \"now\" -x");
    let rendered = template.render(&values).expect("renders").as_str().to_owned();
    let mut group = c.benchmark_group("template_5_holes");
    group.bench_function("render", |b| b.iter(|| template.render(black_box(&values)).expect("renders").len()));
    group.bench_function("check_the_rendered_query", |b| {
        b.iter(|| options.check(black_box(&rendered)).expect("valid").canonical().len())
    });
    group.bench_function("parse_template", |b| b.iter(|| Template::parse(black_box(TEMPLATE), &options).is_ok()));
    group.finish();
}

criterion_group!(benches, template);
criterion_main!(benches);
