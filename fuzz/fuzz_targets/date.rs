//! Resolving any expression in any context never panics, and a resolved
//! span is never empty or reversed.
#![no_main]

use chrono::{DateTime, Utc};
use libfuzzer_sys::fuzz_target;
use ringq::{resolve_date, DateContext, Direction, Locale};

const ZONES: [chrono_tz::Tz; 4] =
    [chrono_tz::UTC, chrono_tz::Europe::Paris, chrono_tz::America::New_York, chrono_tz::Australia::Lord_Howe];

fuzz_target!(|input: (u8, i32, &str)| {
    let (flags, seconds, text) = input;
    // `now` within about ±68 years of 2020, so arithmetic near the edges of
    // chrono's range is exercised by the expressions, not by `now`.
    let Some(now) = DateTime::<Utc>::from_timestamp(1_577_836_800 + i64::from(seconds), 0) else { return };
    let context = DateContext::new(now)
        .with_tz(ZONES[usize::from(flags & 3)])
        .with_locale(if flags & 4 == 0 { Locale::En } else { Locale::Fr })
        .with_prefer(if flags & 8 == 0 { Direction::Past } else { Direction::Future });
    if let Ok(span) = resolve_date(text, &context) {
        assert!(span.start < span.end, "{text:?} at {now}: {span:?}");
    }
});
