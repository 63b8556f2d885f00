//! Explain a query term by term: what each term says, in the catalogue's
//! words, and for dates the instants they resolve to.
//!
//! An explanation is given for any text, valid or not: the diagnostics
//! and canonical form come from the front door ([`Options::check`]), the
//! terms from the syntax rules' reading (which keeps half-typed terms, so
//! an invalid query is explained term by term too), their meaning from the
//! catalogue. Nothing here has rules of its own for the language.

use std::fmt;

use chrono::{DateTime, Utc, Weekday};
use chrono_tz::Tz;
use serde::Serialize;

use crate::catalog::{Catalog, ValueType};
use crate::date_answer::{rfc3339_utc as utc, DateReadings};
use crate::dates::{BusinessCalendar, DateContext, DateReading, HumanDate};
use crate::diagnostic::{shown, shown_up_to, Diagnostic, Style};
use crate::diagnostic_json::DiagnosticsJson;
use crate::front::Options;
use crate::span::Span;
use crate::syntax::{self, AstTerm};

/// A query explained term by term (`ringq explain`).
///
/// Serializes as `{"canonical", "terms", "diagnostics"}`: `canonical` is
/// `null` for an invalid query, each term is `{"span", "keyword", "value",
/// "negated", "meaning", "date"?}`, and a resolved date is `{"start",
/// "end", "zone", "local_start", "local_end", "calendar"?}` with `start`
/// and `end` in UTC and the local ones in `zone` (RFC 3339).
///
/// `Display` draws it as a table, with the diagnostics under it.
#[derive(Clone, Debug, PartialEq)]
pub struct Explanation<'a> {
    source: &'a str,
    canonical: Option<String>,
    terms: Vec<TermExplanation>,
    diagnostics: Vec<Diagnostic>,
    /// For each term, whether it is a date that was left unresolved for
    /// want of `now` (the table says so).
    unresolved: Vec<bool>,
}

/// One term as written, and what it means.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct TermExplanation {
    /// Where the term is, from its `-` to the end of its value (bytes).
    pub span: Span,
    /// The keyword as the catalogue spells it (`text` for a bare value);
    /// an unknown keyword as written.
    pub keyword: String,
    /// The value, quotes removed and escapes applied.
    pub value: String,
    /// Whether the term starts with `-`.
    pub negated: bool,
    /// The catalogue's one sentence for the keyword.
    pub meaning: String,
    /// For a date term in a context with `now`: what it resolves to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<ExplainedDate>,
}

/// A date term resolved: `[start, end)` in UTC and in the context's zone.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ExplainedDate {
    /// Inclusive start, UTC.
    pub start: DateTime<Utc>,
    /// Exclusive end, UTC.
    pub end: DateTime<Utc>,
    /// The zone the date was read in.
    pub zone: Tz,
    /// `start` in `zone`, RFC 3339 with its offset.
    pub local_start: String,
    /// `end` in `zone`, RFC 3339 with its offset.
    pub local_end: String,
    /// For business time (`6 business hours ago`): the calendar counted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub calendar: Option<String>,
    /// Both readings' spans, when they differ (`start` and `end` are the
    /// options' reading).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub readings: Option<DateReadings>,
}

impl Options {
    /// `text` explained term by term with these options: each term's span,
    /// keyword, value, negation and meaning; dates resolved (with `now`);
    /// every diagnostic; the canonical form when the query is valid.
    ///
    /// ```
    /// use ringq::Options;
    ///
    /// let options: Options = serde_json::from_str(r#"{"now": "2026-12-03T12:00:00Z", "tz": "Europe/Paris"}"#)?;
    /// let explanation = options.explain("-status_in:replied first_content_after:yesterday");
    /// assert_eq!(explanation.canonical(), Some("-status_in:replied first_content_after:yesterday"));
    /// let [status, date] = explanation.terms() else { panic!("two terms") };
    /// assert!(status.negated);
    /// assert_eq!(status.meaning, "Restrict on threads with at least one of the statuses.");
    /// let date = date.date.as_ref().expect("resolved");
    /// assert_eq!(date.local_start, "2026-12-02T00:00:00+01:00");
    /// assert_eq!(date.start.to_rfc3339(), "2026-12-01T23:00:00+00:00");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn explain<'a>(&self, text: &'a str) -> Explanation<'a> {
        let (canonical, diagnostics) = match self.check(text) {
            Ok(report) => (Some(report.canonical().to_string()), report.warnings().to_vec()),
            Err(error) => (None, error.diagnostics().to_vec()),
        };
        let (catalog, lenient) = self.reading_catalog();
        let unknown = match (lenient, self.omniq.is_some()) {
            (_, true) => "A document field, matched as written.",
            (true, false) => "Not in the catalogue: passed on as written.",
            (false, false) => "Not a keyword of the catalogue.",
        };
        let context = self.date_context();
        let explainer = Explainer {
            catalog: &catalog,
            unknown,
            context: context.as_ref(),
            default_calendar: self.calendar.is_none(),
        };
        let mut ignored = Vec::new();
        let (terms, unresolved) = syntax::terms(text, &mut ignored).map(|term| explainer.term(term)).unzip();
        Explanation { source: text, canonical, terms, diagnostics, unresolved }
    }
}

/// What explaining a term reads.
struct Explainer<'c> {
    catalog: &'c Catalog,
    /// The meaning of a keyword the catalogue does not have.
    unknown: &'static str,
    context: Option<&'c DateContext>,
    default_calendar: bool,
}

impl Explainer<'_> {
    /// The term explained, and whether it is a date left unresolved for
    /// want of `now`.
    fn term(&self, term: AstTerm<'_>) -> (TermExplanation, bool) {
        let written = term.keyword.as_ref().map_or("text", |k| k.name);
        let spec = self.catalog.get(written);
        let meaning = spec.map_or_else(|| self.unknown.to_string(), |spec| spec.summary.to_string());
        let value = term.value.text.into_owned();
        let is_date = spec.is_some_and(|spec| spec.value == ValueType::Date);
        let date = match self.context {
            Some(context) if is_date => self.date(&value, context),
            _ => None,
        };
        let explained = TermExplanation {
            span: term.span,
            keyword: spec.map_or_else(|| written.to_string(), |spec| spec.name.to_string()),
            value,
            negated: term.minus.is_some(),
            meaning,
            date,
        };
        (explained, is_date && self.context.is_none())
    }

    /// The date `text` resolved in `context`; `None` when it does not
    /// resolve (the diagnostics say why).
    fn date(&self, text: &str, context: &DateContext) -> Option<ExplainedDate> {
        let date: HumanDate = text.parse().ok()?;
        // Both readings, each resolved once; the span is the options' one.
        let (ringcx, intended) = date.readings(context);
        let span = match context.reading() {
            DateReading::RingCx => ringcx,
            DateReading::Intended => intended,
        }?;
        let zone = context.tz();
        let calendar = date.is_business().then(|| describe_calendar(context.calendar(), zone, self.default_calendar));
        Some(ExplainedDate {
            start: span.start,
            end: span.end,
            zone,
            local_start: span.start.with_timezone(&zone).to_rfc3339(),
            local_end: span.end.with_timezone(&zone).to_rfc3339(),
            calendar,
            readings: (ringcx != intended).then_some(DateReadings { ringcx, intended }),
        })
    }
}

/// A calendar in a few words: `the default calendar: Mon-Fri 09:00-17:00
/// (Europe/Paris)`. Consecutive weekdays with the same hours are one run.
fn describe_calendar(calendar: &BusinessCalendar, context_zone: Tz, default: bool) -> String {
    const DAYS: [Weekday; 7] =
        [Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri, Weekday::Sat, Weekday::Sun];
    let days = DAYS.map(|day| {
        let hours: Vec<String> = calendar.openings(day).iter().map(|(start, end)| format!("{start}-{end}")).collect();
        (day, hours.join(" "))
    });
    let mut runs: Vec<String> = Vec::new();
    for run in days.chunk_by(|a, b| a.1 == b.1) {
        let (Some((first, open)), Some((last, _))) = (run.first(), run.last()) else { continue };
        if !open.is_empty() {
            runs.push(if first == last { format!("{first} {open}") } else { format!("{first}-{last} {open}") });
        }
    }
    let holidays = calendar.holidays().count();
    let mut text = format!("the {} calendar: ", if default { "default" } else { "given" });
    text.push_str(&if runs.is_empty() { "never open".to_string() } else { runs.join(", ") });
    match holidays {
        0 => {}
        1 => text.push_str(", 1 holiday"),
        n => text.push_str(&format!(", {n} holidays")),
    }
    text.push_str(&format!(" ({})", calendar.zone().unwrap_or(context_zone).name()));
    text
}

impl<'a> Explanation<'a> {
    /// The canonical form; `None` when the query is invalid.
    pub fn canonical(&self) -> Option<&str> {
        self.canonical.as_deref()
    }

    /// Every term as written, in order (a duplicate the canonical form
    /// drops is still here, with its warning).
    pub fn terms(&self) -> &[TermExplanation] {
        &self.terms
    }

    /// Every diagnostic, errors and warnings, in the order of their spans.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    /// Whether the query is valid (it has a canonical form).
    pub fn is_valid(&self) -> bool {
        self.canonical.is_some()
    }

    /// The text explained, which every span points into.
    pub fn source_text(&self) -> &'a str {
        self.source
    }
}

impl Serialize for Explanation<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut out = serializer.serialize_struct("Explanation", 3)?;
        out.serialize_field("canonical", &self.canonical)?;
        out.serialize_field("terms", &self.terms)?;
        out.serialize_field("diagnostics", &DiagnosticsJson::new(self.source, &self.diagnostics))?;
        out.end()
    }
}

/// How many characters of a value a table cell shows.
const VALUE_CHARS: usize = 32;

impl fmt::Display for Explanation<'_> {
    /// A table: one row per term (`#`, span, `-`, keyword, value,
    /// meaning), a line under each date term with its instants, then the
    /// canonical form and the diagnostics as `ringq check` draws them.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let header = ["#", "span", "-", "keyword", "value", "meaning"];
        let rows: Vec<[String; 6]> = self
            .terms
            .iter()
            .enumerate()
            .map(|(i, term)| {
                [
                    (i + 1).to_string(),
                    format!("{}..{}", term.span.start, term.span.end),
                    if term.negated { "-".into() } else { String::new() },
                    shown(&term.keyword).into_owned(),
                    cell(&term.value),
                    term.meaning.clone(),
                ]
            })
            .collect();
        let mut widths = header.map(|h| h.chars().count());
        for row in &rows {
            for (width, text) in widths.iter_mut().zip(row) {
                *width = (*width).max(text.chars().count());
            }
        }
        let line = |f: &mut fmt::Formatter<'_>, cells: [&str; 6]| -> fmt::Result {
            let mut text = String::new();
            for (i, (cell, width)) in cells.iter().zip(widths).enumerate() {
                if i + 1 == cells.len() {
                    text.push_str(cell);
                } else {
                    text.push_str(cell);
                    text.extend(std::iter::repeat_n(' ', width - cell.chars().count() + 2));
                }
            }
            writeln!(f, "{}", text.trim_end())
        };
        if self.terms.is_empty() {
            writeln!(f, "no terms")?;
        } else {
            line(f, header)?;
        }
        // Date lines start under the keyword column.
        let indent = widths.iter().take(3).map(|w| w + 2).sum::<usize>();
        for ((row, term), unresolved) in rows.iter().zip(&self.terms).zip(&self.unresolved) {
            line(f, [&row[0], &row[1], &row[2], &row[3], &row[4], &row[5]])?;
            let pad = " ".repeat(indent);
            match &term.date {
                Some(date) => {
                    writeln!(f, "{pad}[{}, {}) UTC", utc(date.start), utc(date.end))?;
                    if date.zone != chrono_tz::UTC {
                        writeln!(f, "{pad}[{}, {}) {}", date.local_start, date.local_end, date.zone.name())?;
                    }
                    if let Some(calendar) = &date.calendar {
                        writeln!(f, "{pad}counted in {calendar}")?;
                    }
                    if let Some(readings) = &date.readings {
                        writeln!(f, "{pad}the readings differ:")?;
                        for reading in readings.to_string().lines() {
                            writeln!(f, "{pad}  {reading}")?;
                        }
                    }
                }
                None if *unresolved => {
                    writeln!(f, "{pad}(not resolved: no `now` was given)")?;
                }
                None => {}
            }
        }
        match &self.canonical {
            // Escaped, never cut: a query cannot drive the terminal.
            Some(canonical) => writeln!(f, "\ncanonical: {}", shown_up_to(canonical, usize::MAX))?,
            None => writeln!(f, "\ninvalid: no canonical form")?,
        }
        if !self.diagnostics.is_empty() {
            write!(f, "\n{}", Diagnostic::render_all(self.source, &self.diagnostics, Style::Plain))?;
        }
        Ok(())
    }
}

/// A value in a table cell: control characters escaped, cut to
/// [`VALUE_CHARS`] characters.
fn cell(value: &str) -> String {
    let shown = shown(value);
    if shown.chars().count() <= VALUE_CHARS {
        return shown.into_owned();
    }
    let mut cut: String = shown.chars().take(VALUE_CHARS - 1).collect();
    cut.push('…');
    cut
}
