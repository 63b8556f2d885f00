//! Query benchmarks: the whole pipeline a user calls (parse, validate,
//! print the canonical form) next to two Rust query parsers that only
//! tokenise, `query-parser` and `tantivy-query-grammar`, on the same text:
//! a typical query and long queries of the usual kinds (to show the cost is
//! linear).

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use ringq::Parser;

mod common;
use common::{long_query, TYPICAL};

/// ringq's whole pipeline: what `ringq check` does with the text. The
/// parser writes the canonical form as it validates, so the printed text
/// is ready when the parse returns.
fn ringq_pipeline(parser: &Parser, text: &str) -> usize {
    parser.parse(text).expect("valid").query().as_str().len()
}

fn typical(c: &mut Criterion) {
    let parser = Parser::new();
    let mut group = c.benchmark_group("typical_10_terms");
    group.bench_function("ringq_parse_validate_print", |b| b.iter(|| ringq_pipeline(&parser, black_box(TYPICAL))));
    group.bench_function("query_parser_parse", |b| {
        b.iter(|| black_box(query_parser::parse(black_box(TYPICAL)).terms.len()))
    });
    group.bench_function("tantivy_query_grammar_parse", |b| {
        b.iter(|| black_box(tantivy_query_grammar::parse_query(black_box(TYPICAL)).is_ok()))
    });
    group.finish();
}

fn long(c: &mut Criterion) {
    let parser = Parser::new();
    let mut group = c.benchmark_group("long");
    group.sample_size(10);
    for bytes in [1 << 10, 100 << 10, 1 << 20] {
        let text = long_query(bytes);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::new("ringq_parse_validate_print", bytes), &text, |b, text| {
            b.iter(|| ringq_pipeline(&parser, text))
        });
        group.bench_with_input(BenchmarkId::new("query_parser_parse", bytes), &text, |b, text| {
            b.iter(|| black_box(query_parser::parse(text).terms.len()))
        });
        // tantivy's grammar recurses per term and is quadratic-looking past
        // a few thousand terms; it is measured where it finishes.
        if bytes <= 100 << 10 {
            group.bench_with_input(BenchmarkId::new("tantivy_query_grammar_parse", bytes), &text, |b, text| {
                b.iter(|| black_box(tantivy_query_grammar::parse_query(text).is_ok()))
            });
        }
    }
    group.finish();
}

criterion_group!(benches, typical, long);
criterion_main!(benches);
