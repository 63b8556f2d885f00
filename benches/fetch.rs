//! Records per second through the client against a server on 127.0.0.1,
//! next to a bare ureq loop over the same pages: what the client's
//! retries, pinning, checking and de-duplication cost.

#[path = "../tests/support/api_server.rs"]
mod api_server;

use std::hint::black_box;

use api_server::{ApiServer, TOKEN};
use chrono::{TimeZone, Utc};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use ringq::client::{Fetcher, RingCx, Token};
use ringq::Options;
use serde_json::Value;

const THREADS: usize = 3_000;

fn fetch(c: &mut Criterion) {
    let server = ApiServer::start(THREADS, 0);
    let url = format!("{}/content_threads", server.ringcx_url());
    let options = Options::at(Utc.with_ymd_and_hms(2026, 11, 18, 10, 30, 0).unwrap());
    let api = RingCx::new(server.ringcx_url(), Token::new(TOKEN));
    let fetcher = Fetcher::new();
    let agent = ureq::Agent::new_with_defaults();

    let mut group = c.benchmark_group("fetch_3000_threads");
    group.throughput(Throughput::Elements(THREADS as u64));
    group.sample_size(20);
    group.bench_function("ringq_client", |b| {
        b.iter(|| {
            let fetch = fetcher.ringcx(&api, &options, "refund").expect("valid");
            let count = fetch.records().try_fold(0usize, |n, record| record.map(|_| n + 1)).expect("records");
            assert_eq!(count, THREADS);
            black_box(count)
        })
    });
    group.bench_function("bare_ureq_loop", |b| {
        b.iter(|| {
            let (mut offset, mut count) = (0u64, 0usize);
            loop {
                let mut response = agent
                    .get(&url)
                    .query("q", "refund order:created_at.asc")
                    .query("offset", offset.to_string())
                    .query("limit", "150")
                    .header("Authorization", format!("Bearer {TOKEN}"))
                    .call()
                    .expect("page");
                let bytes = response.body_mut().read_to_vec().expect("body");
                let page: Value = serde_json::from_slice(&bytes).expect("json");
                let records = page["records"].as_array().map_or(0, Vec::len);
                count += records;
                offset += records as u64;
                if records == 0 || offset >= page["count"].as_u64().unwrap_or(0) {
                    break;
                }
            }
            assert_eq!(count, THREADS);
            black_box(count)
        })
    });
    group.finish();
}

criterion_group!(benches, fetch);
criterion_main!(benches);
