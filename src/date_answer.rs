//! The front door's answer to "what does this date mean?": one call that
//! the command (`ringq date`), the service (`/v1/date`) and Python
//! (`resolve_date`) each make, so the reading and context are wired once.

use std::fmt;

use chrono::{DateTime, SecondsFormat, Utc};
use serde::Serialize;

use crate::dates::{DateReading, DateSpan, HumanDate};
use crate::diagnostic::{Code, Diagnostic, Error};
use crate::diagnostic_json::DiagnosticsJson;
use crate::front::Options;
use crate::span::Span;

/// A date expression resolved with the options: the span in the options'
/// reading, every warning, and both readings' spans when they differ.
///
/// Serializes as `{"start", "end", "reading", "warnings", "readings"?}`,
/// `readings` being `{"ringcx": {"start", "end"} | null, "intended": ...}`.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct DateAnswer {
    /// The expression, which the warnings' spans point into.
    expr: String,
    /// Inclusive start, the instant a filter uses.
    pub start: DateTime<Utc>,
    /// Exclusive end.
    pub end: DateTime<Utc>,
    /// The reading that answered.
    pub reading: DateReading,
    /// Where the readings differ, a weekday that is not its date's, a
    /// number read as a time.
    pub warnings: Vec<Diagnostic>,
    /// Both readings, when they differ (`null` for one that reads no date).
    pub readings: Option<DateReadings>,
}

impl Serialize for DateAnswer {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut out = serializer.serialize_struct("DateAnswer", 5)?;
        out.serialize_field("start", &self.start)?;
        out.serialize_field("end", &self.end)?;
        out.serialize_field("reading", &self.reading)?;
        out.serialize_field("warnings", &DiagnosticsJson::new(&self.expr, &self.warnings))?;
        if let Some(readings) = &self.readings {
            out.serialize_field("readings", readings)?;
        }
        out.end()
    }
}

/// The span each reading gives, `None` where it reads no date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct DateReadings {
    /// As RingCX reads it (Chronic's).
    pub ringcx: Option<DateSpan>,
    /// What a person means.
    pub intended: Option<DateSpan>,
}

/// Two lines, one per reading: `ringcx:   [start, end) UTC`, and
/// `no date` for a reading that reads none.
///
/// ```
/// use ringq::Options;
///
/// let options: Options = serde_json::from_str(r#"{"now": "2026-11-24T12:00:00Z"}"#)?;
/// let readings = options.date("jan 3 at midnight")?.readings.expect("they differ");
/// assert_eq!(
///     readings.to_string(),
///     "ringcx:   [2026-01-04T00:00:00Z, 2026-01-04T00:00:01Z) UTC\n\
///      intended: [2026-01-03T00:00:00Z, 2026-01-03T00:00:01Z) UTC"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
impl fmt::Display for DateReadings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let span = |span: Option<DateSpan>| match span {
            Some(DateSpan { start, end }) => format!("[{}, {}) UTC", rfc3339_utc(start), rfc3339_utc(end)),
            None => "no date".to_owned(),
        };
        write!(f, "ringcx:   {}\nintended: {}", span(self.ringcx), span(self.intended))
    }
}

/// An instant as the command shows it: RFC 3339 in UTC (`Z`), fractions
/// of a second only where there are some.
pub(crate) fn rfc3339_utc(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::AutoSi, true)
}

impl Options {
    /// Resolves the date expression `text` against the options' `now`,
    /// zone, locale, preference, calendar and reading. An expression that
    /// does not resolve, or options without `now` ([`Code::NoInstant`]), is
    /// an [`Error`] pointing into `text`.
    ///
    /// ```
    /// use ringq::{DateReading, Options};
    ///
    /// let options: Options = serde_json::from_str(r#"{"now": "2026-11-24T12:00:00Z"}"#)?;
    /// let answer = options.date("jan 3 at midnight")?;
    /// assert_eq!(answer.start.to_rfc3339(), "2026-01-04T00:00:00+00:00");
    /// let readings = answer.readings.expect("the readings differ");
    /// assert_eq!(readings.intended.map(|s| s.start.to_rfc3339()).as_deref(), Some("2026-01-03T00:00:00+00:00"));
    /// assert_eq!(answer.reading, DateReading::RingCx);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn date(&self, text: &str) -> Result<DateAnswer, Error> {
        let Some(context) = self.date_context() else {
            let message = "a date is resolved against `now`, and these options have none";
            let diagnostic = Diagnostic::error(Code::NoInstant, Span::new(0, text.len()), message)
                .with_hint("give the options a `now` (an RFC 3339 instant)");
            return Err(Error::new(text, vec![diagnostic]));
        };
        let invalid = |e| Error::new(text, vec![Diagnostic::from(e)]);
        let date = text.parse::<HumanDate>().map_err(invalid)?;
        let (span, warnings, (ringcx, intended)) = date.resolve_with_readings(&context).map_err(invalid)?;
        Ok(DateAnswer {
            expr: text.to_owned(),
            start: span.start,
            end: span.end,
            reading: context.reading(),
            warnings: warnings.into_iter().map(Diagnostic::from).collect(),
            readings: (ringcx != intended).then_some(DateReadings { ringcx, intended }),
        })
    }
}
