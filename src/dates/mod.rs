//! Dates: absolute and human-readable date expressions, resolved to spans.
//!
//! STUB: the interface below is fixed; the implementation is being written
//! (issue 3: human dates, issue 4: business time).
//!
//! An expression is parsed without any context into a [`HumanDate`], then
//! resolved against a [`DateContext`] (now, zone, locale, preference,
//! business calendar) into a [`DateSpan`] `[start, end)`, as Ruby's Chronic
//! does with `guess: false`.

pub mod business;

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use crate::span::Span;
pub use business::BusinessCalendar;

/// How ambiguous numeric dates such as `03/04/2011` are read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    /// Month first: `03/04/2011` is 4 March 2011.
    #[default]
    En,
    /// Day first: `03/04/2011` is 3 April 2011.
    Fr,
}

/// A direction in time: which way an incomplete date (`friday`, `dec 25`)
/// is completed, and which way a business-time amount counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// Towards the past: the most recent matching date.
    #[default]
    Past,
    /// Towards the future: the next matching date.
    Future,
}

/// Everything a date expression is resolved against. No clock, no global
/// state: the same context and text always give the same span.
#[derive(Clone, Debug, PartialEq)]
pub struct DateContext {
    /// The instant "now".
    pub now: DateTime<Utc>,
    /// The zone in which days, weeks and clock times are counted.
    pub tz: Tz,
    /// How ambiguous numeric dates are read.
    pub locale: Locale,
    /// How incomplete dates are completed.
    pub prefer: Direction,
    /// Opening hours for `N business hours ago` and friends.
    pub calendar: BusinessCalendar,
}

impl DateContext {
    /// A context at `now`, in UTC, English locale, preferring the past, with
    /// the default business calendar (Monday-Friday 09:00-17:00).
    pub fn new(now: DateTime<Utc>) -> Self {
        DateContext {
            now,
            tz: Tz::UTC,
            locale: Locale::En,
            prefer: Direction::Past,
            calendar: BusinessCalendar::default(),
        }
    }
}

/// A resolved date: the half-open interval `[start, end)` in UTC. The instant
/// a filter uses is `start`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DateSpan {
    /// Inclusive start.
    pub start: DateTime<Utc>,
    /// Exclusive end; always after `start`.
    pub end: DateTime<Utc>,
}

/// Why a date expression does not parse or does not resolve.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct DateError {
    /// Where in the expression the problem is (bytes of the expression).
    pub span: Span,
    /// What is wrong, in words.
    pub message: String,
    /// What to write instead, when there is a good guess.
    pub hint: Option<String>,
}

/// A parsed date expression, independent of any context.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HumanDate {
    text: String,
}

impl HumanDate {
    /// Resolves the expression against `ctx`.
    pub fn resolve(&self, _ctx: &DateContext) -> Result<DateSpan, DateError> {
        Err(DateError {
            span: Span::new(0, self.text.len()),
            message: "date resolution is not implemented yet".into(),
            hint: None,
        })
    }
}

impl FromStr for HumanDate {
    type Err = DateError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s.trim().is_empty() {
            return Err(DateError {
                span: Span::new(0, s.len()),
                message: "empty date".into(),
                hint: Some("write a date such as `2011-02-03` or `2 hours ago`".into()),
            });
        }
        Ok(HumanDate { text: s.to_owned() })
    }
}

impl fmt::Display for HumanDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

/// Parses and resolves `text` in one step.
pub fn resolve(text: &str, ctx: &DateContext) -> Result<DateSpan, DateError> {
    text.parse::<HumanDate>()?.resolve(ctx)
}
