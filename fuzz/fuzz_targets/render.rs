//! Any template and any values: reading and rendering never panic, a
//! rendered query reads back as itself with the same options, and no
//! value ever fails to read back as the value bound (render would say so).
//!
//! The input is the template, a newline, then the values of its holes in
//! order, separated by U+0001.
#![no_main]

use chrono::{TimeZone, Utc};
use libfuzzer_sys::fuzz_target;
use ringq::{Options, Template, Values};

fuzz_target!(|input: &str| {
    let (template, rest) = input.split_once('\n').unwrap_or((input, ""));
    let options = Options::at(Utc.with_ymd_and_hms(2026, 12, 3, 12, 0, 0).unwrap());
    let Ok(template) = Template::parse(template, &options) else { return };
    let mut values = Values::new();
    let mut given = rest.split('\u{1}');
    for hole in template.holes() {
        if let Some(value) = given.next() {
            values.insert(hole.name(), value);
        }
    }
    match template.render(&values) {
        Ok(query) => {
            let again = options.check(query.as_str()).expect("a rendered query reads back");
            assert_eq!(again.query(), &query, "{query}");
        }
        Err(error) => {
            for d in error.diagnostics() {
                assert!(!d.message().contains("does not read back"), "{input:?}: {}", d.message());
                assert!(error.source_text().get(d.span().range()).is_some(), "{input:?}: {d:?}");
            }
        }
    }
});
