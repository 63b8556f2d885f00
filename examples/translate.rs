//! Move a RingCX filter to OmniQ: compile the query to a `getmydata`
//! request in plan mode, page through the responses, and keep the
//! documents the residual predicate accepts.
//!
//! The responses here are recorded (`examples/omniq_pages.json`); a real
//! program sends each request with its HTTP client instead.
//!
//! ```sh
//! cargo run --example translate
//! ```

use chrono::{TimeZone, Utc};
use ringq::DateContext;
use ringq::{OmniqCompiler, OmniqIndex, OmniqMapping};
use ringq::{OmniqPage, OmniqPageRequest, OmniqPager};

const QUERY: &str = "first_content_after:2025-05-20 platform:web -campaign:spring refund";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let context = DateContext::new(Utc.with_ymd_and_hms(2025, 6, 30, 12, 0, 0).single().ok_or("bad date")?);

    // `first_content_after` reaches `createdAt` through the default mapping;
    // the rest are document fields. Negation and free text cannot be said in
    // `filterBy`: plan mode returns them as a residual predicate.
    let compiler = OmniqCompiler::new(OmniqIndex::Communications).size(2.try_into()?).mapping(OmniqMapping::default());
    let plan = match compiler.plan_str(QUERY, &context) {
        Ok(plan) => plan,
        Err(error) => {
            eprint!("{error}");
            std::process::exit(1);
        }
    };
    println!("request:  {}", serde_json::to_string(&plan.request)?);
    println!("residual: {}", serde_json::to_string(&plan.residual)?);

    // Page through the (recorded) responses.
    let recorded: Vec<OmniqPage> = serde_json::from_str(include_str!("omniq_pages.json"))?;
    let mut responses = recorded.into_iter();
    let mut pager = OmniqPager::new(OmniqPageRequest::new(plan.request.from(), plan.request.size())?);
    let mut kept = Vec::new();
    while let Some(page_request) = pager.next_request() {
        let body = plan.request.clone().with_from(page_request.from());
        println!("GET /getmydata {}", serde_json::to_string(&body)?);
        let Some(page) = responses.next() else { break };
        let next = pager.observe(&page)?;
        for item in page.results.into_iter().take(next.keep()) {
            if plan.residual.matches(&item) {
                kept.push(item);
            }
        }
    }
    println!("{} matching documents:", kept.len());
    for item in &kept {
        println!("  {}", item["document"]["_id"]);
    }
    Ok(())
}
