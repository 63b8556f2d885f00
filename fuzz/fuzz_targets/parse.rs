//! Parsing any string never panics, and every diagnostic's span lies on
//! char boundaries of the input (so rendering it can slice safely).
#![no_main]

use libfuzzer_sys::fuzz_target;
use ringq::Parser;

fuzz_target!(|text: &str| {
    for parser in [Parser::new(), Parser::new().lenient(true)] {
        match parser.parse(text) {
            Ok(parsed) => {
                for spans in parsed.spans() {
                    assert!(text.get(spans.term.range()).is_some());
                }
            }
            Err(error) => {
                for d in error.diagnostics() {
                    assert!(d.span().start <= d.span().end && d.span().end <= text.len(), "{d:?}");
                    assert!(text.is_char_boundary(d.span().start) && text.is_char_boundary(d.span().end), "{d:?}");
                }
                let _ = error.to_string();
            }
        }
    }
});
