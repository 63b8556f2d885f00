//! The front door: options in, a report out.
//!
//! The flow every caller wants (options -> date context -> parse ->
//! validate -> canonical form, OmniQ request or plan -> warnings) is
//! assembled here once, so the command, the local service, the HTTP client
//! and the Python package each make one call and none re-implements it.

use std::num::NonZeroU64;

use chrono::{DateTime, SecondsFormat, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use crate::catalog::Catalog;
use crate::dates::{BusinessCalendar, DateContext, DateReading, Direction, Locale};
use crate::diagnostic::{Diagnostic, Error, Style};
use crate::diagnostic_json::DiagnosticsJson;
use crate::omniq::{CompileErrors, OmniqCompiler, OmniqIndex, OmniqMapping, OmniqPlan, OmniqRequest};
use crate::query::Query;
use crate::validate::{Parsed, Parser};

/// How to read a query, and what to compile it to.
///
/// Every field has a default, so `Options::default()` checks a query
/// strictly against the RingCX catalogue without resolving dates. It
/// deserializes from JSON with every key optional (unknown keys are an
/// error):
///
/// ```json
/// {
///   "now": "2026-11-24T12:00:00Z", "tz": "Europe/Paris", "locale": "en", "prefer": "past", "dates": "ringcx",
///   "calendar": {"week": {"mon": [["09:00", "17:00"]]}}, "lenient": false,
///   "omniq": {"index": "communications", "from": 0, "size": 10,
///             "mapping": {"assigned_to": "agent"}, "plan": false}
/// }
/// ```
///
/// ```
/// use ringq::Options;
///
/// let options: Options = serde_json::from_str(r#"{"now": "2026-11-24T12:00:00Z", "tz": "Europe/Paris"}"#)?;
/// let report = options.check("first_content_after:yesterday refund")?;
/// assert_eq!(report.canonical(), "first_content_after:yesterday refund");
/// let yesterday = report.parsed().date(0).expect("resolved");
/// assert_eq!(yesterday.start.to_rfc3339(), "2026-11-22T23:00:00+00:00");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct Options {
    /// The instant dates are resolved against. When absent, date values
    /// are checked but not resolved, and a date OmniQ needs as an instant
    /// is an error at its span. The library never reads the clock: a
    /// caller that wants "now" passes it.
    #[serde(deserialize_with = "crate::option_text::deserialize_instant")]
    pub now: Option<DateTime<Utc>>,
    /// The zone days, weeks and clock times are counted in (default UTC).
    #[serde(deserialize_with = "crate::option_text::deserialize_zone")]
    pub tz: Tz,
    /// How ambiguous numeric dates are read (default `en`).
    pub locale: Locale,
    /// How incomplete dates are completed (default `past`).
    pub prefer: Direction,
    /// Which reading of human dates answers (default `ringcx`, as RingCX
    /// reads them; `intended`, what a person means). Wherever the two
    /// differ, a warning says so.
    pub dates: DateReading,
    /// Opening hours for business time (default Monday-Friday
    /// 09:00-17:00 in `tz`).
    pub calendar: Option<BusinessCalendar>,
    /// Keep unknown keywords as opaque terms instead of rejecting them
    /// (OmniQ compilation is always lenient: other keywords are fields).
    pub lenient: bool,
    /// Compile to an OmniQ `getmydata` request (or plan) as well.
    pub omniq: Option<OmniqOptions>,
    /// The keyword catalogue (default RingCX's); also what OmniQ
    /// compilation extends. Not part of the JSON form.
    #[serde(skip)]
    pub catalog: Option<Catalog>,
}

/// What to compile to OmniQ: the request's index and page, how RingCX
/// keywords map to document fields, and whether to plan.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct OmniqOptions {
    /// The entity to query.
    pub index: OmniqIndex,
    /// Position of the first result (default 0).
    #[serde(default)]
    pub from: u64,
    /// Maximum number of results (default 10, the documented default).
    #[serde(default = "default_size")]
    pub size: NonZeroU64,
    /// RingCX keyword to document field, added to the default mapping.
    #[serde(default)]
    pub mapping: OmniqMapping,
    /// Return the request and a residual predicate for what `filterBy`
    /// cannot say, instead of an error.
    #[serde(default)]
    pub plan: bool,
}

fn default_size() -> NonZeroU64 {
    OmniqRequest::DEFAULT_SIZE
}

impl OmniqOptions {
    /// A request on `index`, page 0 of 10 results, the default mapping,
    /// no plan.
    pub fn new(index: OmniqIndex) -> Self {
        OmniqOptions { index, from: 0, size: default_size(), mapping: OmniqMapping::default(), plan: false }
    }
}

/// Everything known about a valid query: its canonical form, the parse
/// (terms, spans, resolved dates), every warning, and the OmniQ request or
/// plan when one was asked for.
///
/// Serializes as `{"canonical", "terms", "warnings", "omniq"?}`, with
/// `terms` as [`Parsed`] serializes them. It borrows the text it is about
/// rather than copying it: a long query is held once.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Report<'a> {
    source: &'a str,
    parsed: Parsed,
    warnings: Vec<Diagnostic>,
    omniq: Option<OmniqOutput>,
}

/// What OmniQ compilation gave: a request, or with `plan` a request and a
/// residual predicate. Serializes as the request or the plan itself.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum OmniqOutput {
    /// The `getmydata` body.
    Request(OmniqRequest),
    /// The body and what to check on each returned document.
    Plan(OmniqPlan),
}

impl Options {
    /// Options at `now`; everything else by default.
    pub fn at(now: DateTime<Utc>) -> Self {
        Options { now: Some(now), ..Options::default() }
    }

    /// The date context these options describe; `None` without `now`.
    pub fn date_context(&self) -> Option<DateContext> {
        let context = DateContext::new(self.now?)
            .with_tz(self.tz)
            .with_locale(self.locale)
            .with_prefer(self.prefer)
            .with_reading(self.dates);
        Some(match &self.calendar {
            Some(calendar) => context.with_calendar(calendar.clone()),
            None => context,
        })
    }

    /// Parses and validates `text`, resolves its dates (with `now`),
    /// prints its canonical form and, when asked, compiles it to OmniQ.
    /// An invalid query is an [`Error`] with every diagnostic, warnings
    /// included, pointing into `text`.
    ///
    /// ```
    /// use ringq::{OmniqIndex, OmniqOptions, Options};
    ///
    /// let mut options = Options::default();
    /// options.omniq = Some(OmniqOptions::new(OmniqIndex::Communications));
    /// let report = options.check("platform:web isNewClient:yes")?;
    /// assert_eq!(
    ///     serde_json::to_value(report.omniq())?,
    ///     serde_json::json!({"index": "communications", "filterBy": {"isNewClient": true, "platform": "web"}, "from": 0, "size": 10}),
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn check<'a>(&self, text: &'a str) -> Result<Report<'a>, Error> {
        let context = self.date_context();
        let (parsed, omniq, mut warnings) = match &self.omniq {
            None => {
                let parser = Parser::new()
                    .lenient(self.lenient)
                    .reading(self.dates)
                    .catalog(self.catalog.clone().unwrap_or_default());
                let parsed = parser.parse_with(text, context.as_ref())?;
                let warnings = parsed.warnings().to_vec();
                (parsed, None, warnings)
            }
            Some(omniq) => {
                let mut compiler =
                    OmniqCompiler::new(omniq.index).from(omniq.from).size(omniq.size).mapping(omniq.mapping.clone());
                // The compiler starts from the RingCX catalogue; only a
                // custom one makes it build another.
                if let Some(base) = &self.catalog {
                    compiler = compiler.catalog(base.clone());
                }
                let parsed = compiler.parse(text, context.as_ref())?;
                let invalid = |errors: CompileErrors| errors.into_error(text, &parsed);
                let output = if omniq.plan {
                    OmniqOutput::Plan(compiler.plan_in(&parsed, context.as_ref()).map_err(invalid)?)
                } else {
                    OmniqOutput::Request(compiler.compile_in(&parsed, context.as_ref()).map_err(invalid)?)
                };
                let mut warnings = parsed.warnings().to_vec();
                if let Some(context) = &context {
                    warnings.extend(compiler.warnings(&parsed, context));
                }
                warnings.extend(compiler.page_warning());
                (parsed, Some(output), warnings)
            }
        };
        warnings.sort_by_key(|d| (d.span().start, d.span().end));
        Ok(Report { source: text, parsed, warnings, omniq })
    }
}

/// A query in its canonical form, validated with its dates checked but
/// not resolved (`ringq fmt`, `/v1/format`, Python's `format`): the answer
/// of [`Options::format`]. Serializes as `{"canonical"}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Formatted {
    /// The canonical form.
    pub canonical: String,
}

impl Options {
    /// `text` validated and printed in its canonical form, as
    /// [`Options::check`] does but without resolving a date (so no clock
    /// and no `now` is needed, and no warning about a date's reading is
    /// given). An invalid query is the same [`Error`] `check` gives.
    ///
    /// ```
    /// use ringq::Options;
    ///
    /// let formatted = Options::default().format(r#""refund"   ASSIGNED_TO_ME:1"#)?;
    /// assert_eq!(formatted.canonical, "refund assigned_to_me:true");
    /// # Ok::<(), ringq::Error>(())
    /// ```
    pub fn format(&self, text: &str) -> Result<Formatted, Error> {
        let undated = Options { now: None, ..self.clone() };
        undated.check(text).map(|report| Formatted { canonical: report.canonical().to_owned() })
    }

    /// The canonical query that `values` make of `template` (see
    /// [`crate::Template`]): the one call the shells make to render. An
    /// error's spans point into the template.
    ///
    /// ```
    /// use ringq::{Options, Values};
    ///
    /// let query = Options::default().render("source:{src} {words}", &Values::new().set("src", 7_i64).set("words", "a:b"))?;
    /// assert_eq!(query, r#"source:7 "a:b""#);
    /// # Ok::<(), ringq::Error>(())
    /// ```
    pub fn render(&self, template: &str, values: &crate::Values) -> Result<String, Error> {
        let template = crate::Template::parse(template, self)?;
        template.render(values).map(|query| query.as_str().to_owned())
    }

    /// The catalogue queries are read with: the options' own (RingCX's by
    /// default), extended with OmniQ's keywords when compiling to OmniQ;
    /// and whether unknown keywords are kept (always for OmniQ, where
    /// they are document fields). What completion and explanation offer
    /// is then exactly what [`Options::check`] accepts.
    pub(crate) fn reading_catalog(&self) -> (std::borrow::Cow<'_, Catalog>, bool) {
        use std::borrow::Cow;
        let base = match &self.catalog {
            Some(catalog) => Cow::Borrowed(catalog),
            None => Cow::Owned(Catalog::ringcx()),
        };
        match self.omniq {
            Some(_) => (Cow::Owned(base.into_owned().for_omniq()), true),
            None => (base, self.lenient),
        }
    }
}

impl<'a> Report<'a> {
    /// The validated query.
    pub fn query(&self) -> &Query {
        self.parsed.query()
    }

    /// The canonical form (`ringq fmt`).
    pub fn canonical(&self) -> &str {
        self.parsed.query().as_str()
    }

    /// The parse: terms with their spans and resolved dates (`ringq parse`).
    pub fn parsed(&self) -> &Parsed {
        &self.parsed
    }

    /// Every warning, validation's and OmniQ compilation's, in the order
    /// of their spans.
    pub fn warnings(&self) -> &[Diagnostic] {
        &self.warnings
    }

    /// The canonical form with every resolved date written as the instant
    /// it starts at (RFC 3339, UTC, whole seconds), so that the query
    /// means the same whenever it is sent: `first_content_after:"2 hours
    /// ago"` becomes `first_content_after:2026-11-18T08:30:00Z`. A date
    /// keyword bounds its range by the start of its date, so the instant
    /// says exactly what the date said (to the second: resolve against a
    /// whole-second `now` for an exact pin). Dates are resolved only with
    /// a `now`; without one the canonical form is returned as it is.
    ///
    /// ```
    /// use ringq::Options;
    ///
    /// let options: Options = serde_json::from_str(r#"{"now": "2026-11-18T10:30:00Z"}"#)?;
    /// let report = options.check(r#"first_content_after:"2 hours ago" refund"#)?;
    /// assert_eq!(report.pinned(), "first_content_after:2026-11-18T08:30:00Z refund");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn pinned(&self) -> String {
        let query = self.parsed.query();
        let mut text = String::with_capacity(query.as_str().len());
        for (i, term) in query.terms().enumerate() {
            if !text.is_empty() {
                text.push(' ');
            }
            match self.parsed.date(i) {
                Some(span) => {
                    text.push_str(term.keyword());
                    text.push(':');
                    text.push_str(&span.start.to_rfc3339_opts(SecondsFormat::Secs, true));
                }
                None => text.push_str(term.as_str()),
            }
        }
        text
    }

    /// The parse as `ringq parse` and `/v1/parse` print it: `{"terms",
    /// "warnings"}`, the terms as [`Parsed`] serializes them and the
    /// warnings (validation's and OmniQ's) as [`DiagnosticsJson`] writes
    /// them, with `chars` beside `span`.
    pub fn parse_view(&self) -> ParseView<'_> {
        ParseView { report: self }
    }

    /// The OmniQ request or plan, when the options asked for one.
    pub fn omniq(&self) -> Option<&OmniqOutput> {
        self.omniq.as_ref()
    }

    /// The text the report is about, which every span points into.
    pub fn source_text(&self) -> &'a str {
        self.source
    }

    /// The warnings drawn under the query, as [`Error`]'s `Display` draws
    /// diagnostics; empty when there are none.
    pub fn render_warnings(&self, style: Style) -> String {
        Diagnostic::render_all(self.source, &self.warnings, style)
    }
}

impl Serialize for Report<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut out = serializer.serialize_struct("Report", 4)?;
        out.serialize_field("canonical", self.canonical())?;
        out.serialize_field("terms", &self.parsed.term_views())?;
        out.serialize_field("warnings", &DiagnosticsJson::new(self.source, &self.warnings))?;
        if let Some(omniq) = &self.omniq {
            out.serialize_field("omniq", omniq)?;
        }
        out.end()
    }
}

/// [`Report::parse_view`]: the parse of a valid query with its warnings.
#[derive(Clone, Copy, Debug)]
pub struct ParseView<'r> {
    report: &'r Report<'r>,
}

impl Serialize for ParseView<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut out = serializer.serialize_struct("ParseView", 2)?;
        out.serialize_field("terms", &self.report.parsed.term_views())?;
        out.serialize_field("warnings", &DiagnosticsJson::new(self.report.source, &self.report.warnings))?;
        out.end()
    }
}
