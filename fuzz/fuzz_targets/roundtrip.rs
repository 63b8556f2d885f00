//! For every string that parses, the canonical form parses back to the same
//! query, and printing it again changes nothing.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ringq::Parser;

fuzz_target!(|text: &str| {
    let parser = Parser::new().lenient(true);
    let Ok(parsed) = parser.parse(text) else { return };
    let printed = parsed.query().to_string();
    let again = match parser.parse(&printed) {
        Ok(again) => again,
        Err(e) => panic!("{text:?} printed as {printed:?}, which does not parse:\n{e}"),
    };
    assert_eq!(again.query(), parsed.query(), "{text:?} printed as {printed:?}");
    assert_eq!(again.query().to_string(), printed);
});
