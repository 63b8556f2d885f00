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
#[cfg(test)]
mod normalize_oracle;
mod repeaters;
mod scan;
mod tokens;

use chrono::{DateTime, Utc};

use super::{DateContext, Direction, Locale};

/// A text as Chronic's pipeline reads it before `now` matters: its
/// normalised, tagged tokens, when one of Chronic's definitions covers
/// them. Where none does, Chronic answers `nil` whatever the context, so
/// a text without a `Words` has no RingCX date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Words {
    tokens: Vec<tokens::Token>,
    /// The definition that reads them, month first and day first.
    month_first: handlers::Choice,
    day_first: handlers::Choice,
}

impl Words {
    /// The tokens of `text`, when a definition covers them.
    pub(crate) fn of(text: &str) -> Option<Words> {
        let tokens = tokens::tokenize(&normalize::pre_normalize(text));
        let classes = handlers::classes(&tokens);
        let month_first = handlers::choose(&classes, false)?;
        // Both orders try the same definitions, so both match or neither.
        let day_first = handlers::choose(&classes, true)?;
        Some(Words { tokens, month_first, day_first })
    }

    /// Chronic's span for `text` (the text these words were read from) in
    /// `ctx` (`guess: false`), or `None` where Chronic answers `nil` or
    /// raises.
    pub(crate) fn span(&self, text: &str, ctx: &DateContext) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
        let mut parser = handlers::Parser {
            clock: clock::Clock { tz: ctx.tz() },
            now: ctx.now().timestamp(),
            context: match ctx.prefer() {
                Direction::Past => tokens::Pointer::Past,
                Direction::Future => tokens::Pointer::Future,
            },
            little_endian: ctx.locale() == Locale::Fr,
            text,
        };
        let choice = if parser.little_endian { self.day_first } else { self.month_first };
        let span = parser.tokens_to_span(choice, &self.tokens).ok()??;
        let start = DateTime::<Utc>::from_timestamp(span.begin, 0)?;
        let end = DateTime::<Utc>::from_timestamp(span.end, 0)?;
        Some((start, end))
    }
}

/// Chronic's span for `text` in `ctx`: [`Words::of`] then [`Words::span`].
pub(crate) fn span(text: &str, ctx: &DateContext) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
    Words::of(text)?.span(text, ctx)
}
