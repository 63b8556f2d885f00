//! Driving the sans-IO paginators from async code, with any HTTP client.
//!
//! The `client` feature is blocking. An async program keeps its own HTTP
//! client and drives the same planners: ask the pager for the next
//! request, send it (`.await`), parse the page, let the pager read it.
//! Nothing in ringq waits or does I/O, so no runtime is imposed.
//!
//! This example's "HTTP client" answers from memory so that it runs
//! anywhere (`cargo run --example async_paging`); with reqwest or hyper,
//! `send` would make the real call with the headers the README lists.

use std::future::Future;
use std::pin::pin;
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};

use ringq::{OmniqPage, OmniqPageRequest, OmniqPager, OmniqRequest, Options};
use serde_json::{json, Value};

/// Reads every result of `request`, page by page; `send` is your async
/// HTTP call (`GET /getmydata` with the body), returning the body text.
async fn fetch_all<F, Fut>(request: &OmniqRequest, send: F) -> Result<Vec<Value>, Box<dyn std::error::Error>>
where
    F: Fn(Vec<u8>) -> Fut,
    Fut: Future<Output = Result<String, Box<dyn std::error::Error>>>,
{
    let mut pager = OmniqPager::new(OmniqPageRequest::new(0, request.size())?);
    let mut all = Vec::new();
    while let Some(page_request) = pager.next_request() {
        let body = serde_json::to_vec(&request.clone().with_page(page_request))?;
        let text = send(body).await?;
        let page: OmniqPage = serde_json::from_str(&text)?;
        let step = pager.observe(&page)?;
        all.extend(page.results.into_iter().take(step.keep()));
    }
    Ok(all)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut options = Options::default();
    options.omniq = Some(ringq::OmniqOptions::new(ringq::OmniqIndex::Communications));
    let report = options.check("platform:web")?;
    let Some(ringq::OmniqOutput::Request(request)) = report.omniq().cloned() else { return Err("no request".into()) };

    // 25 documents behind a fake async call.
    let data: Vec<Value> = (0..25).map(|i| json!({"_id": format!("d{i}"), "platform": "web"})).collect();
    let send = |body: Vec<u8>| {
        let data = data.clone();
        async move {
            let asked: Value = serde_json::from_slice(&body)?;
            let from = asked["from"].as_u64().unwrap_or(0) as usize;
            let size = asked["size"].as_u64().unwrap_or(10) as usize;
            let results: Vec<&Value> = data.iter().skip(from).take(size).collect();
            let more = from + size < data.len();
            Ok(json!({"results": results, "pagination": {"from": from, "size": size, "hasMore": more}}).to_string())
        }
    };
    let all = block_on(fetch_all(&request, send))?;
    println!("{} documents in pages of {}", all.len(), request.size());
    assert_eq!(all, data);
    Ok(())
}

/// The smallest executor: enough for a future that never really waits.
/// A real program uses its runtime's (`tokio::main`, …).
fn block_on<F: Future>(future: F) -> F::Output {
    struct Noop;
    impl Wake for Noop {
        fn wake(self: Arc<Self>) {}
    }
    let waker = Waker::from(Arc::new(Noop));
    let mut context = Context::from_waker(&waker);
    let mut future = pin!(future);
    loop {
        if let Poll::Ready(output) = future.as_mut().poll(&mut context) {
            return output;
        }
    }
}
