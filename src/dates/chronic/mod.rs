//! The `ringcx` reading: dates as Chronic 0.10.5 reads them (the model of
//! how RingCX reads a date), mistakes included.
//!
//! This is Chronic's own pipeline, stage for stage, so that its answers
//! come from the same steps rather than from a guess at its output:
//! normalise the text ([`normalize`]), split and tag the words
//! ([`tokens`]), try the handler definitions in Chronic's order and run
//! the first that matches ([`handlers`]), with Chronic's repeaters and
//! Ruby's `Time` arithmetic ([`repeaters`], [`clock`]).

mod clock;
mod generic;
mod handlers;
mod normalize;
mod repeaters;
mod tokens;

use chrono::{DateTime, Utc};

use super::{DateContext, Direction, Locale};

/// Chronic's span for `text` in `ctx` (`guess: false`), or `None` where
/// Chronic answers `nil` or raises.
pub(crate) fn span(text: &str, ctx: &DateContext) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
    let clock = clock::Clock { tz: ctx.tz() };
    let now = ctx.now().timestamp();
    let normal = normalize::pre_normalize(text);
    let year_now = clock.fields(now).ok()?.year;
    let tokens = tokens::tokenize(&normal, year_now);
    let mut parser = handlers::Parser {
        clock,
        now,
        context: match ctx.prefer() {
            Direction::Past => tokens::Pointer::Past,
            Direction::Future => tokens::Pointer::Future,
        },
        little_endian: ctx.locale() == Locale::Fr,
        text,
    };
    let span = parser.tokens_to_span(&tokens).ok()??;
    let start = DateTime::<Utc>::from_timestamp(span.begin, 0)?;
    let end = DateTime::<Utc>::from_timestamp(span.end, 0)?;
    Some((start, end))
}

/// Whether one of Chronic's definitions covers the tokens of `text`: the
/// part of reading it that does not depend on `now`. Where none does,
/// Chronic answers `nil` whatever the context.
pub(crate) fn covers(text: &str) -> bool {
    let normal = normalize::pre_normalize(text);
    let tokens = tokens::tokenize(&normal, 2000);
    handlers::covered(&tokens)
}
