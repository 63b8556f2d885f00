//! Completion at every character boundary of any string, and the
//! explanation of it, never panic; every range replaced lies on char
//! boundaries at or before the cursor, and every explained term's span is
//! a slice of the text.
#![no_main]

use chrono::{TimeZone, Utc};
use libfuzzer_sys::fuzz_target;
use ringq::Options;

fuzz_target!(|text: &str| {
    let mut options = Options::at(Utc.with_ymd_and_hms(2026, 12, 3, 12, 0, 0).unwrap());
    options.tz = chrono_tz::Europe::Paris;
    for cursor in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
        let completions = options.complete(text, cursor).expect("a boundary is a cursor");
        let replace = completions.replace;
        assert!(replace.start <= cursor && replace.start <= replace.end && replace.end <= text.len());
        assert!(text.is_char_boundary(replace.start) && text.is_char_boundary(replace.end));
    }
    assert!(options.complete(text, text.len() + 1).is_err());
    let explanation = options.explain(text);
    for term in explanation.terms() {
        assert!(text.get(term.span.range()).is_some());
    }
    let _ = explanation.to_string();
});
