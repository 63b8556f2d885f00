//! Query benchmarks: a typical query end to end, long queries (to show the
//! cost is linear), and the whole pipeline next to tantivy's query grammar
//! (which only parses) on a comparable query.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use ringq::Parser;

/// Ten terms of the kinds people write.
const TYPICAL: &str = "assigned_to_me:true -status_in:replied status_in:new source:5d8b1f2a \
categorized_in:c42 language:en first_content_after:2011-02-03 order:created_at.asc refund \"late delivery\"";

/// A query of about `bytes` bytes, of distinct terms (so none is dropped as
/// a duplicate) of the usual kinds.
fn long_query(bytes: usize) -> String {
    let mut text = String::with_capacity(bytes + 64);
    let mut i = 0u64;
    while text.len() < bytes {
        let term = match i % 4 {
            0 => format!("source:s{i} "),
            1 => format!("-assigned_to_team:t{i} "),
            2 => format!("\"words {i}\" "),
            _ => format!("categorized_in:c{i} "),
        };
        text.push_str(&term);
        i += 1;
    }
    text
}

fn typical(c: &mut Criterion) {
    let parser = Parser::new();
    c.bench_function("query/typical_10_terms_parse_validate_print", |b| {
        b.iter(|| {
            let parsed = parser.parse(black_box(TYPICAL)).expect("valid");
            black_box(parsed.query().to_string())
        })
    });
}

fn long(c: &mut Criterion) {
    let parser = Parser::new();
    let mut group = c.benchmark_group("query/long_parse_validate");
    group.sample_size(20);
    for bytes in [1 << 10, 100 << 10, 1 << 20] {
        let text = long_query(bytes);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(bytes), &text, |b, text| {
            b.iter(|| black_box(parser.parse(text).expect("valid").query().terms().len()))
        });
    }
    group.finish();
}

/// The whole pipeline (parse, validate, print) against
/// `tantivy-query-grammar`'s parse alone, of the same
/// `field:value -field:value "phrase"` shapes. The syntax stage is not
/// public, so it is not measured on its own.
fn versus_tantivy(c: &mut Criterion) {
    let parser = Parser::new();
    let mut group = c.benchmark_group("typical_10_terms");
    group.bench_function("ringq_parse_validate_print", |b| {
        b.iter(|| black_box(parser.parse(black_box(TYPICAL)).expect("valid").query().to_string()))
    });
    group.bench_function("tantivy_query_grammar", |b| {
        b.iter(|| black_box(tantivy_query_grammar::parse_query(black_box(TYPICAL)).is_ok()))
    });
    group.finish();
}

criterion_group!(benches, typical, long, versus_tantivy);
criterion_main!(benches);
