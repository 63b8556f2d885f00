//! Resolving any expression in any context, in either reading, never
//! panics; in the intended reading a resolved span is never empty or
//! reversed (RingCX's reading keeps Chronic's spans, which can be).
#![no_main]

use chrono::{DateTime, Utc};
use libfuzzer_sys::fuzz_target;
use ringq::{DateContext, DateReading, Direction, HumanDate, Locale};

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
    let Ok(date) = text.parse::<HumanDate>() else { return };
    if let Ok((span, _)) = date.resolve_with_warnings(&context.clone().with_reading(DateReading::Intended)) {
        assert!(span.start < span.end, "{text:?} at {now}: {span:?}");
    }
    let _ = date.resolve_with_warnings(&context.with_reading(DateReading::RingCx));
});
