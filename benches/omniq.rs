//! OmniQ benchmarks: compiling a typical query to a request body (parse
//! and validation included), the same with the body written as JSON, and
//! planning one with a residual predicate. Next to them, on the same
//! text and in the same run, the two Rust query parsers of the query
//! benchmarks, which only tokenise: the machines these run on are noisy,
//! and a ratio within one run is what compares.

use std::hint::black_box;

use chrono::{TimeZone, Utc};
use criterion::{criterion_group, criterion_main, Criterion};
use ringq::DateContext;
use ringq::{OmniqCompiler, OmniqIndex};

const TYPICAL: &str = "platform:web isNewClient:yes campaign:\"Black Friday\" \
workflow.attrs.contact.email:ann@example.com created_after:2025-05-20 created_before:2025-06-22";
const RESIDUAL: &str = "platform:web -campaign:spring refund first_content_after:\"2 weeks ago\"";

fn omniq(c: &mut Criterion) {
    let context = DateContext::new(Utc.with_ymd_and_hms(2026, 11, 24, 15, 30, 0).unwrap());
    let compiler = OmniqCompiler::new(OmniqIndex::Agents);
    let mut group = c.benchmark_group("omniq");
    group.bench_function("compile_typical_6_terms", |b| {
        b.iter(|| black_box(compiler.compile_str(black_box(TYPICAL), &context).expect("compiles")))
    });
    group.bench_function("compile_typical_6_terms_to_json", |b| {
        b.iter(|| {
            let request = compiler.compile_str(black_box(TYPICAL), &context).expect("compiles");
            black_box(serde_json::to_vec(&request).expect("serializes"))
        })
    });
    group.bench_function("plan_with_residual_4_terms", |b| {
        b.iter(|| black_box(compiler.plan_str(black_box(RESIDUAL), &context).expect("plans")))
    });
    group.bench_function("query_parser_parse_typical", |b| {
        b.iter(|| black_box(query_parser::parse(black_box(TYPICAL)).terms.len()))
    });
    group.bench_function("tantivy_query_grammar_parse_typical", |b| {
        b.iter(|| black_box(tantivy_query_grammar::parse_query(black_box(TYPICAL)).is_ok()))
    });
    group.finish();
}

criterion_group!(benches, omniq);
criterion_main!(benches);
