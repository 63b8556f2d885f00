//! Dates: absolute and human-readable date expressions, resolved to spans.
//!
//! An expression is parsed without any context into a [`HumanDate`], then
//! resolved against a [`DateContext`] (now, zone, locale, preference,
//! business calendar) into a [`DateSpan`] `[start, end)`, as Ruby's Chronic
//! does with `guess: false`.

mod ast;
mod business;
mod chronic;
mod grammar;
mod local;
mod readings;
mod resolve;
mod typos;
mod units;

use std::fmt;
use std::str::FromStr;
use std::sync::OnceLock;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use crate::diagnostic::{Code, Diagnostic, Replacement};
use crate::span::Span;
pub use business::{BusinessCalendar, BusinessCalendarBuilder, BusinessUnit, CalendarError};

/// How ambiguous numeric dates such as `03/04/2011` are read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase", try_from = "String")]
pub enum Locale {
    /// Month first: `03/04/2011` is 4 March 2011.
    #[default]
    En,
    /// Day first: `03/04/2011` is 3 April 2011.
    Fr,
}

impl Locale {
    /// The name used in options and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Fr => "fr",
        }
    }
}

/// A direction in time: which way an incomplete date (`friday`, `dec 25`)
/// is completed, and which way a business-time amount counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase", try_from = "String")]
pub enum Direction {
    /// Towards the past: the most recent matching date.
    #[default]
    Past,
    /// Towards the future: the next matching date.
    Future,
}

impl Direction {
    /// The name used in options and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Past => "past",
            Direction::Future => "future",
        }
    }
}

/// Which reading of a human date answers: RingCX's, or what a person means.
///
/// RingCX's documented dates are Ruby Chronic's, so [`DateReading::RingCx`]
/// (the default) gives the span Chronic 0.10.5 gives, mistakes included:
/// `jan 3 at midnight` is January 4 00:00, `noon yesterday` is no date.
/// [`DateReading::Intended`] gives what a person means (January 3 00:00,
/// yesterday 12:00). Wherever the two differ, resolving with warnings says
/// so, whichever answers.
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use ringq::{resolve_date, DateContext, DateReading};
///
/// let context = DateContext::new(Utc.with_ymd_and_hms(2026, 11, 24, 12, 0, 0).unwrap());
/// let ringcx = resolve_date("jan 3 at midnight", &context)?;
/// assert_eq!(ringcx.start.to_rfc3339(), "2026-01-04T00:00:00+00:00");
/// let intended = resolve_date("jan 3 at midnight", &context.with_reading(DateReading::Intended))?;
/// assert_eq!(intended.start.to_rfc3339(), "2026-01-03T00:00:00+00:00");
/// # Ok::<(), ringq::DateError>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String")]
pub enum DateReading {
    /// As RingCX reads it: Chronic 0.10.5's span.
    #[default]
    #[serde(rename = "ringcx")]
    RingCx,
    /// What a person means, as `grammar.md` lists it.
    #[serde(rename = "intended")]
    Intended,
}

impl DateReading {
    /// The name used in options and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            DateReading::RingCx => "ringcx",
            DateReading::Intended => "intended",
        }
    }
}

impl fmt::Display for DateReading {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Everything a date expression is resolved against. No clock, no global
/// state: the same context and text always give the same span.
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use ringq::{DateContext, Direction, Locale};
///
/// let context = DateContext::new(Utc.with_ymd_and_hms(2026, 11, 24, 12, 0, 0).unwrap())
///     .with_tz(chrono_tz::Europe::Paris)
///     .with_locale(Locale::Fr)
///     .with_prefer(Direction::Future);
/// assert_eq!(context.tz(), chrono_tz::Europe::Paris);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct DateContext {
    now: DateTime<Utc>,
    tz: Tz,
    locale: Locale,
    prefer: Direction,
    calendar: BusinessCalendar,
    reading: DateReading,
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
            reading: DateReading::RingCx,
        }
    }

    /// The same context in the zone `tz`, where days, weeks and clock times
    /// are counted.
    pub fn with_tz(mut self, tz: Tz) -> Self {
        self.tz = tz;
        self
    }

    /// The same context reading ambiguous numeric dates by `locale`.
    pub fn with_locale(mut self, locale: Locale) -> Self {
        self.locale = locale;
        self
    }

    /// The same context completing incomplete dates towards `prefer`.
    pub fn with_prefer(mut self, prefer: Direction) -> Self {
        self.prefer = prefer;
        self
    }

    /// The same context counting business time by `calendar`.
    pub fn with_calendar(mut self, calendar: BusinessCalendar) -> Self {
        self.calendar = calendar;
        self
    }

    /// The same context answering with `reading`.
    pub fn with_reading(mut self, reading: DateReading) -> Self {
        self.reading = reading;
        self
    }

    /// Which reading answers.
    pub fn reading(&self) -> DateReading {
        self.reading
    }

    /// The instant "now".
    pub fn now(&self) -> DateTime<Utc> {
        self.now
    }

    /// The zone in which days, weeks and clock times are counted.
    pub fn tz(&self) -> Tz {
        self.tz
    }

    /// How ambiguous numeric dates are read.
    pub fn locale(&self) -> Locale {
        self.locale
    }

    /// How incomplete dates are completed.
    pub fn prefer(&self) -> Direction {
        self.prefer
    }

    /// Opening hours for `N business hours ago` and friends.
    pub fn calendar(&self) -> &BusinessCalendar {
        &self.calendar
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

/// The RingCX reading's span and the intended one's, each `None` where
/// that reading finds no date.
pub(crate) type BothSpans = (Option<DateSpan>, Option<DateSpan>);

/// Why a date expression does not parse or does not resolve.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct DateError {
    span: Span,
    message: String,
    hint: Option<String>,
    fix: Option<Replacement>,
    /// Whether only RingCX's reading finds no date.
    ringcx: bool,
}

/// Something worth telling about a date that resolves: a weekday that is
/// not its date's (`Thursday July 31 2006`), or a reading that may surprise
/// (`2006` alone is the time 20:06, as RingCX reads it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateWarning {
    span: Span,
    message: String,
    hint: Option<String>,
    fix: Option<Replacement>,
    /// Whether it says that the two readings differ.
    readings_differ: bool,
}

/// The accessors the two share.
macro_rules! date_problem {
    ($type:ident) => {
        impl $type {
            /// Where in the expression (bytes of the expression).
            pub fn span(&self) -> Span {
                self.span
            }

            /// What is wrong or was noticed, in words.
            pub fn message(&self) -> &str {
                &self.message
            }

            /// What to write instead, when there is a good guess.
            pub fn hint(&self) -> Option<&str> {
                self.hint.as_deref()
            }

            /// The edit the hint proposes, in bytes of the expression. It
            /// always rewrites the whole expression, so that a query can
            /// put it in place of the whole value, quoted as it must be.
            pub fn fix(&self) -> Option<&Replacement> {
                self.fix.as_ref()
            }
        }
    };
}

date_problem!(DateError);
date_problem!(DateWarning);

impl DateError {
    /// The error for `text`, whose white space is not single spaces, where
    /// `spaced` (its words one space apart, as the canonical form writes
    /// them) reads otherwise; the edit writes `spaced` when `readable` (it
    /// is a date in both readings).
    pub(crate) fn white_space(text: &str, spaced: String, readable: bool) -> DateError {
        DateError {
            span: Span::new(0, text.len()),
            message: format!(
                "`{}` reads otherwise once its words are one space apart, as the canonical form writes them",
                crate::diagnostic::shown(text)
            ),
            hint: Some(format!("write single spaces between the words: `{}`", crate::diagnostic::shown(&spaced))),
            fix: if readable { whole(text, spaced) } else { None },
            ringcx: false,
        }
    }
}

impl From<DateError> for Diagnostic {
    /// An [`Code::InvalidDate`] error with the span counted in bytes of the
    /// expression: the one place a date error becomes a diagnostic.
    fn from(e: DateError) -> Self {
        let code = if e.ringcx { Code::NoRingcxDate } else { Code::InvalidDate };
        with_hint(Diagnostic::error(code, e.span, e.message), e.hint, e.fix)
    }
}

impl From<DateWarning> for Diagnostic {
    /// A [`Code::DateReading`] warning with the span counted in bytes of the
    /// expression.
    fn from(w: DateWarning) -> Self {
        let code = if w.readings_differ { Code::DateReadingsDiffer } else { Code::DateReading };
        with_hint(Diagnostic::warning(code, w.span, w.message), w.hint, w.fix)
    }
}

/// `diagnostic`, with `hint` and `fix` when there are.
fn with_hint(diagnostic: Diagnostic, hint: Option<String>, fix: Option<Replacement>) -> Diagnostic {
    let diagnostic = match hint {
        Some(hint) => diagnostic.with_hint(hint),
        None => diagnostic,
    };
    match fix {
        Some(fix) => diagnostic.with_replacement(fix.span(), fix.text()),
        None => diagnostic,
    }
}

/// The fix that puts `text` in place of the whole expression `s`.
fn whole(s: &str, text: impl Into<String>) -> Option<Replacement> {
    Some(Replacement::new(Span::new(0, s.len()), text))
}

/// A parsed date expression, independent of any context.
///
/// Parsing checks everything that does not depend on "now": the words, the
/// clock times, and dates that exist in no year (`feb 30`, `13/13/2011`).
/// Resolving completes it against a [`DateContext`].
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use ringq::{DateContext, HumanDate};
///
/// let date: HumanDate = "2 weeks ago at 4pm".parse()?;
/// let now = Utc.with_ymd_and_hms(2026, 11, 24, 12, 34, 56).unwrap();
/// let span = date.resolve(&DateContext::new(now))?;
/// assert_eq!(span.start.to_rfc3339(), "2026-11-10T16:00:00+00:00");
/// assert_eq!((span.end - span.start).num_seconds(), 1);
/// # Ok::<(), ringq::DateError>(())
/// ```
#[derive(Clone, Debug)]
pub struct HumanDate {
    text: String,
    /// The intended reading's parse, when that grammar reads the text;
    /// read on first use, since the default reading resolves without it.
    /// Boxed: dates are rare among terms, and a small [`crate::Value`]
    /// keeps every other term cheap to move.
    intended: OnceLock<Option<Box<ast::Expr>>>,
    /// The text's tokens as Chronic reads them, when one of its
    /// definitions covers them, so that the RingCX reading may answer
    /// (whether it does depends on `now`).
    ringcx: Option<chronic::Words>,
}

/// Both parses are functions of the text, so the text alone decides.
impl PartialEq for HumanDate {
    fn eq(&self, other: &Self) -> bool {
        self.text == other.text
    }
}

impl Eq for HumanDate {}

impl HumanDate {
    /// The intended reading's parse, when its grammar reads the text.
    fn intended(&self) -> Option<&ast::Expr> {
        self.intended.get_or_init(|| intended_parse(&self.text)).as_deref()
    }

    /// Resolves the expression against `ctx` with the reading it names:
    /// the span `[start, end)` in UTC.
    pub fn resolve(&self, ctx: &DateContext) -> Result<DateSpan, DateError> {
        match ctx.reading() {
            DateReading::RingCx => match self.ringcx_span(ctx) {
                Some(span) => Ok(span),
                None => Err(self.no_ringcx_date(ctx)),
            },
            DateReading::Intended => self.intended_span(ctx).map(|(span, _)| span),
        }
    }

    /// Resolves like [`HumanDate::resolve`], with the warnings noticed on
    /// the way: where the two readings differ (what RingCX uses, what was
    /// probably meant, and how to write that), a weekday that contradicts
    /// its date, a number read as a time.
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use ringq::{DateContext, HumanDate};
    ///
    /// let date: HumanDate = "Thursday July 31 2006".parse()?;
    /// let now = Utc.with_ymd_and_hms(2026, 11, 24, 12, 0, 0).unwrap();
    /// let (span, warnings) = date.resolve_with_warnings(&DateContext::new(now))?;
    /// assert_eq!(span.start.to_rfc3339(), "2006-07-31T00:00:00+00:00");
    /// assert_eq!(warnings[0].message(), "july 31 2006 is a monday, not a thursday");
    /// # Ok::<(), ringq::DateError>(())
    /// ```
    pub fn resolve_with_warnings(&self, ctx: &DateContext) -> Result<(DateSpan, Vec<DateWarning>), DateError> {
        self.resolve_with_readings(ctx).map(|(span, warnings, _)| (span, warnings))
    }

    /// [`HumanDate::resolve_with_warnings`], with both readings' spans as
    /// [`HumanDate::readings`] gives them, from the one resolution of each.
    pub(crate) fn resolve_with_readings(
        &self,
        ctx: &DateContext,
    ) -> Result<(DateSpan, Vec<DateWarning>, BothSpans), DateError> {
        let intended = self.intended_span(ctx);
        let ringcx = self.ringcx_span(ctx);
        let (mut span, mut warnings) = match ctx.reading() {
            DateReading::Intended => intended.clone()?,
            DateReading::RingCx => match (&ringcx, &intended) {
                (Some(span), Ok((_, warnings))) => (*span, warnings.clone()),
                (Some(span), Err(_)) => (*span, Vec::new()),
                (None, _) => return Err(self.no_ringcx_date(ctx)),
            },
        };
        // The default reading says where the other differs; the intended
        // one only where RingCX would reject the query outright.
        let intended_span = intended.as_ref().ok().map(|(s, _)| *s);
        let difference = match ctx.reading() {
            DateReading::RingCx => readings::difference(self, ctx, ringcx, intended_span),
            DateReading::Intended if ringcx.is_none() => readings::difference(self, ctx, None, intended_span),
            DateReading::Intended => None,
        };
        if let Some(difference) = difference {
            warnings.insert(0, difference);
        }
        if !warnings.iter().any(|w| w.readings_differ) {
            warnings.extend(readings::bare_number(self, ctx, span, ringcx));
        }
        span = DateSpan { start: span.start, end: span.end };
        Ok((span, warnings, (ringcx, intended_span)))
    }

    /// Whether `reading` can read the expression at all, whatever the
    /// context: RingCX's reading needs one of Chronic's definitions to
    /// cover it (`noon yesterday` is no date for it at any time), the
    /// intended reading needs its grammar to read it.
    ///
    /// A date that exists in no year (`feb 30`, `13/13/2011`) is an error
    /// in both: without a context nothing shows what RingCX would make of
    /// it, and it is never what was meant.
    pub fn readable_in(&self, reading: DateReading) -> Result<(), DateError> {
        if self.intended().is_none() {
            if let Some(impossible) = impossibility(&self.text) {
                return Err(impossible);
            }
        }
        match reading {
            DateReading::RingCx if self.ringcx.is_none() => Err(DateError {
                span: Span::new(0, self.text.len()),
                message: format!("RingCX reads no date in `{}`", crate::diagnostic::shown(self.text.trim())),
                hint: Some(
                    "write an unambiguous date such as `2011-02-03 14:27`; `ringq date --dates intended` shows what ringq reads in it"
                        .to_owned(),
                ),
                ringcx: true, fix: None,
            }),
            DateReading::Intended if self.intended().is_none() => Err(intended_error(&self.text)),
            _ => Ok(()),
        }
    }

    /// Whether both readings read the expression (see
    /// [`HumanDate::readable_in`]): what a proposed spelling must be.
    pub(crate) fn readable_in_both(&self) -> bool {
        self.readable_in(DateReading::RingCx).is_ok() && self.readable_in(DateReading::Intended).is_ok()
    }

    /// Whether the intended reading's grammar reads `text`: whether words
    /// form a date phrase, for checks on how a query is written.
    pub(crate) fn grammar_reads(text: &str) -> bool {
        !text.trim().is_empty() && text.len() <= MAX_LEN && grammar::date(text).is_ok()
    }

    /// Both readings' spans in `ctx`: RingCX's and the intended one, each
    /// `None` where that reading finds no date.
    pub(crate) fn readings(&self, ctx: &DateContext) -> BothSpans {
        (self.ringcx_span(ctx), self.intended_span(ctx).ok().map(|(span, _)| span))
    }

    /// The RingCX reading's span, `None` where Chronic answers nothing.
    fn ringcx_span(&self, ctx: &DateContext) -> Option<DateSpan> {
        let (start, end) = self.ringcx.as_ref()?.span(&self.text, ctx)?;
        Some(DateSpan { start, end })
    }

    /// The intended reading's span and warnings.
    fn intended_span(&self, ctx: &DateContext) -> Result<(DateSpan, Vec<DateWarning>), DateError> {
        let Some(expr) = self.intended() else {
            return Err(intended_error(&self.text));
        };
        let resolver = resolve::Resolver::new(ctx, self.text.len());
        let span = resolver.resolve(expr)?;
        Ok((span, resolver.into_warnings()))
    }

    /// The error where RingCX reads no date, with the intended instant
    /// spelled so that RingCX reads it, when there is one.
    fn no_ringcx_date(&self, ctx: &DateContext) -> DateError {
        if self.intended().is_none() {
            if let Some(impossible) = impossibility(&self.text) {
                return impossible;
            }
        }
        let intended = self.intended_span(ctx);
        let (hint, fix) = match &intended {
            Ok((span, _)) => match readings::spelling(*span, ctx) {
                Some(s) => (Some(format!("RingCX reads `{s}` as the date probably meant")), whole(&self.text, s)),
                None => (None, None),
            },
            Err(e) => (e.hint.clone(), e.fix.clone()),
        };
        DateError {
            span: Span::new(0, self.text.len()),
            message: format!("RingCX reads no date in `{}`", crate::diagnostic::shown(self.text.trim())),
            hint,
            fix,
            ringcx: true,
        }
    }
    /// The expression as written.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Whether the expression counts business time (`6 business hours
    /// ago`), so that what it names depends on the context's calendar.
    pub fn is_business(&self) -> bool {
        matches!(self.intended(), Some(ast::Expr::Business { .. }))
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
                ringcx: false,
                fix: None,
            });
        }
        if s.len() > MAX_LEN {
            return Err(DateError {
                span: Span::new(0, s.len()),
                message: format!("a date of {} bytes is too long (at most {MAX_LEN})", s.len()),
                hint: None,
                ringcx: false,
                fix: None,
            });
        }
        let ringcx = chronic::Words::of(s);
        let intended = OnceLock::new();
        if ringcx.is_none() && intended.get_or_init(|| intended_parse(s)).is_none() {
            return Err(intended_error(s));
        }
        Ok(HumanDate { text: s.to_owned(), intended, ringcx })
    }
}

/// The intended reading's parse of `s`, when its grammar reads it.
fn intended_parse(s: &str) -> Option<Box<ast::Expr>> {
    grammar::date(s).ok().map(|(_, expr)| Box::new(expr))
}

/// The error for a date that exists in no year, when `s` names one.
fn impossibility(s: &str) -> Option<DateError> {
    match grammar::date(s) {
        Err(nom::Err::Failure(e)) if e.message.is_some() => Some(intended_error(s)),
        _ => None,
    }
}

/// Why the intended reading's grammar does not read `s`.
fn intended_error(s: &str) -> DateError {
    match grammar::date(s) {
        Ok(_) => not_understood(s, 0),
        Err(nom::Err::Failure(e)) if e.message.is_some() => {
            let start = s.len().saturating_sub(e.at.start);
            let end = s.len().saturating_sub(e.at.end).max(start);
            DateError {
                span: Span::new(start, end),
                message: e.message.unwrap_or_default(),
                hint: None,
                ringcx: false,
                fix: None,
            }
        }
        Err(nom::Err::Error(e) | nom::Err::Failure(e)) => {
            let start = s.len().saturating_sub(e.at.start).min(s.len());
            not_understood(s, start)
        }
        Err(nom::Err::Incomplete(_)) => not_understood(s, 0),
    }
}

/// The longest date expression accepted: far more than any real one, and a
/// bound on the parser's work.
const MAX_LEN: usize = 256;

fn not_understood(s: &str, at: usize) -> DateError {
    let corrected = typos::corrected(s, None);
    if corrected.is_none() {
        if let Some(error) = words_around_a_date(s) {
            return error;
        }
    }
    // Point at the word where reading stopped.
    let at = (0..=at).rev().find(|&i| s.is_char_boundary(i)).unwrap_or(0);
    let rest = s.get(at..).unwrap_or("");
    let word_len = rest.find(char::is_whitespace).unwrap_or(rest.len());
    let (start, end) = if word_len == 0 { (0, s.len()) } else { (at, at + word_len) };
    let trimmed = s.trim();
    let hint = match (&corrected, lone_four_digits(s)) {
        (Some(corrected), _) => format!("did you mean `{}`?", crate::diagnostic::shown(corrected)),
        (None, Some(year)) => format!("a year alone is not a date: write `jan {year}`, `{year}-01-01` or `Q1 {year}`"),
        (None, None) => {
            "write a date such as `2011-02-03`, `2011-02-03 14:27`, `yesterday`, `last friday at 20:00` or `2 hours ago`"
                .to_owned()
        }
    };
    DateError {
        span: Span::new(start, end),
        message: format!("`{}` is not a date this language understands", crate::diagnostic::shown(trimmed)),
        hint: Some(hint),
        fix: corrected.and_then(|c| whole(s, c)),
        ringcx: false,
    }
}

/// The text, trimmed, when it is four digits and nothing else: a year to
/// RingCX's reader only if it is no time (`2006` is 20:06, `1999` nothing).
fn lone_four_digits(s: &str) -> Option<&str> {
    let trimmed = s.trim();
    (trimmed.len() == 4 && trimmed.bytes().all(|b| b.is_ascii_digit())).then_some(trimmed)
}

/// The words of `s` that belong to the date language, one space apart, and
/// the others with their spans; `None` when every word belongs, or none.
fn without_unknown_words(s: &str) -> Option<(String, Vec<(&str, Span)>)> {
    let mut kept = Vec::new();
    let mut unknown = Vec::new();
    let mut offset = 0;
    for word in s.split_whitespace() {
        let start = s.get(offset..).and_then(|rest| rest.find(word)).map_or(offset, |i| offset + i);
        offset = start + word.len();
        if units::is_date_word(word) {
            kept.push(word);
        } else {
            unknown.push((word, Span::new(start, offset)));
        }
    }
    (!unknown.is_empty() && !kept.is_empty()).then(|| (kept.join(" "), unknown))
}

/// The words of [`without_unknown_words`], each in backticks (`` `meeting`, `at` ``).
fn named(unknown: &[(&str, Span)]) -> String {
    let names: Vec<String> = unknown.iter().map(|(w, _)| format!("`{}`", crate::diagnostic::shown(w))).collect();
    names.join(", ")
}

/// Chronic skips words it does not know (`meeting today at 2pm`); a
/// validator must not, as that hides typos. When the words outside the
/// date language are all that stops the text from being a date, say which
/// they are and what date remains.
fn words_around_a_date(s: &str) -> Option<DateError> {
    let (remaining, unknown) = without_unknown_words(s)?;
    let (first, last) = (unknown.first()?, unknown.last()?);
    if grammar::date(&remaining).is_err() {
        return None;
    }
    let (verb, noun) = if unknown.len() == 1 { ("is", "word") } else { ("are", "words") };
    Some(DateError {
        span: Span::new(first.1.start, last.1.end),
        message: format!("{} {verb} not part of a date", named(&unknown)),
        hint: Some(format!("RingCX would skip the {noun} and read the rest: did you mean \"{remaining}\"?")),
        fix: whole(s, remaining.as_str()),
        ringcx: false,
    })
}

impl fmt::Display for HumanDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

/// Parses and resolves a date expression in one step.
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use ringq::{resolve_date, DateContext};
///
/// let context = DateContext::new(Utc.with_ymd_and_hms(2026, 11, 24, 12, 0, 0).unwrap());
/// let span = resolve_date("yesterday", &context)?;
/// assert_eq!(span.start.to_rfc3339(), "2026-11-23T00:00:00+00:00");
/// # Ok::<(), ringq::DateError>(())
/// ```
pub fn resolve_date(text: &str, ctx: &DateContext) -> Result<DateSpan, DateError> {
    text.parse::<HumanDate>()?.resolve(ctx)
}
