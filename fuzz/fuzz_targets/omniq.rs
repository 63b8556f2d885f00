//! Compiling any query to OmniQ, strict or in plan mode, never panics; what
//! compiles serializes to valid JSON whose request has the documented
//! keys; diagnostics point inside the input; what compiles is what a full
//! parse (warnings and all) compiles.
#![no_main]

use chrono::{TimeZone, Utc};
use libfuzzer_sys::fuzz_target;
use ringq::DateContext;
use ringq::{OmniqCompiler, OmniqIndex};

fuzz_target!(|input: (u8, &str)| {
    let (which, text) = input;
    let index = OmniqIndex::ALL[usize::from(which) % OmniqIndex::ALL.len()];
    let context = DateContext::new(Utc.with_ymd_and_hms(2026, 11, 24, 15, 30, 0).unwrap());
    let compiler = OmniqCompiler::new(index);
    let compiled = compiler.compile_str(text, &context);
    let parsed = ringq::Parser::omniq().dates(context.clone()).parse(text);
    let full = parsed.ok().and_then(|parsed| compiler.compile(parsed.query(), &context).ok());
    assert_eq!(compiled.as_ref().ok(), full.as_ref(), "{text:?}");
    match compiled {
        Ok(request) => {
            let json: serde_json::Value = serde_json::from_str(&serde_json::to_string(&request).unwrap()).unwrap();
            for key in ["index", "filterBy", "from", "size"] {
                assert!(json.get(key).is_some(), "{key} missing in {json}");
            }
        }
        Err(error) => {
            for d in error.diagnostics() {
                assert!(text.get(d.span().range()).is_some(), "{d:?}");
            }
        }
    }
    if let Ok(plan) = compiler.plan_str(text, &context) {
        let json = serde_json::to_string(&plan).unwrap();
        assert!(serde_json::from_str::<serde_json::Value>(&json).is_ok());
        let _ = plan.residual.matches(&serde_json::json!({"platform": "web", "createdAt": "2025-05-20T00:00:00.000Z"}));
    }
});
