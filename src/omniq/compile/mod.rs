//! From a typed query to a request body, plus the residual predicate.
//!
//! Each term becomes a constraint on one field (or free text); the
//! constraints are then grouped by field. One value per field goes into
//! `filterBy`, date bounds narrow into one range; everything else is a
//! residual part, which strict mode reports as an error and plan mode
//! returns as a [`Predicate`].

use std::collections::BTreeMap;
use std::num::NonZeroU64;

use chrono::{DateTime, TimeDelta, Utc};

use super::filter::{sort_key, Filter, FilterValue};
use super::mapping::is_field_path;
use super::{
    own_bound, write_timestamp, OmniqIndex, OmniqMapping, OmniqPlan, OmniqRequest, Predicate, CREATED_AT,
    OMNIQ_RESULT_WINDOW,
};
use crate::bounds::{bound, narrow, Range};
use crate::catalog::{BoundSide, Catalog, Repeat};
use crate::dates::{DateContext, DateError, DateSpan, HumanDate};
use crate::diagnostic::{grouped, shown, Code, Diagnostic, Error};
use crate::print::quoted;
use crate::query::{DateValue, Query, Term, Value};
use crate::span::Span;
use crate::validate::{date_value, parse_bool, Parsed, Parser, TermSpans};

mod errors;
mod terms;

use errors::*;
pub(crate) use errors::{CompileError, CompileErrors};
use terms::*;

const PLAN_HINT: &str = "plan mode (`--plan`) keeps it as a residual predicate to check on the returned documents";

/// Compiles queries into `getmydata` requests for one index and page.
///
/// How terms compile:
///
/// - `field:value` (any keyword outside the catalogue, spelling kept) is
///   `"field": "value"`; `isNewClient` and `workflow.attrs.clientFromTemplate`,
///   booleans in the published schema, take `true 1 on yes` / `false 0 off
///   no` and compile to JSON booleans, and `-field:true` is `field:false`;
///   `agentTotalTime`, `botTotalTime`, `poolTotalTime` (which may be `null`)
///   and `__v`, numbers in the schema, compile to JSON numbers.
/// - `createdAt:DATE` is the exact form `"createdAt": "<start of DATE>"`
///   (a DATE that names a span, `last month`, warns: see [`OmniqCompiler::warnings`]).
/// - `created_after:X` / `created_before:Y` are
///   `"createdAt": {"from": start(X), "to": start(Y) - 1 ms}`; with one of
///   them only, only that key. Several bounds narrow to the tightest; an
///   empty range is an error. With an exact `createdAt` as well, the range
///   is dropped when the instant is inside it (the exact match says more),
///   and is an error otherwise.
/// - RingCX keywords compile through the [`OmniqMapping`]; an unmapped one is an
///   error.
/// - Negated terms, a second value for a field, alternatives of an "any of"
///   keyword (`status_in`, `source`, …) and free text are residual: an error
///   for [`OmniqCompiler::compile`], a [`Predicate`] for [`OmniqCompiler::plan`].
/// - `order` is an error: `getmydata` does not sort.
///
/// `GET /getmydata` takes `{"index": ..., "filterBy": {...}, "from": N,
/// "size": N}`. `filterBy` is a flat conjunction of `"field": value` pairs,
/// one value per field, plus the `createdAt` range form
/// `{"from": ..., "to": ...}`. Keywords name document fields; RingCX
/// keywords reach a field through a [`OmniqMapping`].
///
/// Nothing is silently dropped. What `filterBy` cannot express (a negated
/// term, a second value for a field, free text) is an error from
/// [`OmniqCompiler::compile`]; [`OmniqCompiler::plan`] instead returns the request and
/// a [`Predicate`] to apply to the returned documents, such that a document
/// matches the query exactly when it matches the request and the predicate.
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use ringq::DateContext;
/// use ringq::{OmniqCompiler, OmniqIndex};
///
/// let context = DateContext::new(Utc.with_ymd_and_hms(2026, 11, 24, 15, 30, 0).unwrap());
/// let compiler = OmniqCompiler::new(OmniqIndex::Communications).size(15.try_into()?);
/// let request = compiler.compile_str("platform:web isNewClient:yes", &context)?;
/// assert_eq!(
///     serde_json::to_value(&request)?,
///     serde_json::json!({
///         "index": "communications",
///         "filterBy": {"isNewClient": true, "platform": "web"},
///         "from": 0,
///         "size": 15,
///     }),
/// );
///
/// // Negation and free text do not fit in filterBy: plan mode keeps them.
/// let plan = compiler.plan_str("platform:web -campaign:spring refund", &context)?;
/// let document = serde_json::json!({"platform": "web", "campaign": "autumn", "step": "Refund asked"});
/// assert!(plan.residual.matches(&document));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug)]
pub struct OmniqCompiler {
    index: OmniqIndex,
    from: u64,
    size: NonZeroU64,
    mapping: OmniqMapping,
    /// The OmniQ parser over the compiler's catalogue, made once.
    parser: Parser,
}

/// What one term asks of its field; a string value borrows from the query.
struct Constraint<'q> {
    term: usize,
    negated: bool,
    kind: FieldTest<'q>,
}

#[derive(Clone, Debug, PartialEq)]
enum FieldTest<'q> {
    /// A string, boolean, number or `null`.
    Equals(FilterValue<'q>),
    At(DateTime<Utc>),
    Bound(BoundSide, DateTime<Utc>),
}

/// A term, compiled: a constraint on a field, or free text.
enum Compiled<'q> {
    Field(&'q str, Constraint<'q>),
    Text { negated: bool, words: &'q str },
}

/// Part of the query that `filterBy` cannot hold: the terms it comes
/// from, why, and the predicate that checks it.
struct Residual {
    terms: Vec<usize>,
    why: String,
    predicate: Predicate,
}

impl OmniqCompiler {
    /// A compiler for `index`, page `from` 0, `size` 10, the default mapping.
    pub fn new(index: OmniqIndex) -> Self {
        OmniqCompiler {
            index,
            from: 0,
            size: OmniqRequest::DEFAULT_SIZE,
            mapping: OmniqMapping::default(),
            parser: Parser::omniq(),
        }
    }

    /// Uses `base` (extended with OmniQ's own keywords, see
    /// [`Catalog::for_omniq`]) instead of the RingCX catalogue: for parsing
    /// text, and for what each keyword means (ranges, "any of").
    pub fn catalog(mut self, base: Catalog) -> Self {
        self.parser = Parser::omniq_over(base);
        self
    }

    /// Requests start at result `from`.
    pub fn from(mut self, from: u64) -> Self {
        self.from = from;
        self
    }

    /// Requests return at most `size` results (never 0).
    pub fn size(mut self, size: NonZeroU64) -> Self {
        self.size = size;
        self
    }

    /// Uses `mapping` for RingCX keywords.
    pub fn mapping(mut self, mapping: OmniqMapping) -> Self {
        self.mapping = mapping;
        self
    }

    /// Compiles `query`, resolving its dates against `context`. Anything
    /// `filterBy` cannot express is an error: nothing is dropped. A query
    /// has no spans of its own, so the error's diagnostics point into its
    /// canonical form (the error's [`Error::source_text`]).
    pub fn compile(&self, query: &Query, context: &DateContext) -> Result<OmniqRequest, Error> {
        let dates = Dates { parsed: None, context: Some(context) };
        self.request(query, dates).map_err(|errors| errors.into_query_error(query))
    }

    /// [`OmniqCompiler::compile`] of a parsed query, whose dates were
    /// resolved by the parse (against `context`, which resolves the rest; a
    /// date is an error when there is none).
    pub(crate) fn compile_in(
        &self,
        parsed: &Parsed,
        context: Option<&DateContext>,
    ) -> Result<OmniqRequest, CompileErrors> {
        self.request(parsed.query(), Dates { parsed: Some(parsed), context })
    }

    fn request(&self, query: &Query, dates: Dates<'_>) -> Result<OmniqRequest, CompileErrors> {
        let (request, residual, mut errors) = self.build(query, dates);
        for part in residual {
            for term in part.terms {
                errors.push(
                    CompileError::new(Code::NotExpressible, term, TermPart::Term, &part.why).with_hint(PLAN_HINT),
                );
            }
        }
        CompileErrors::check(errors).map(|()| request)
    }

    /// Compiles `query` into a request and the residual predicate: a
    /// document matches the query exactly when it matches both.
    pub fn plan(&self, query: &Query, context: &DateContext) -> Result<OmniqPlan, Error> {
        let dates = Dates { parsed: None, context: Some(context) };
        self.planned(query, dates).map_err(|errors| errors.into_query_error(query))
    }

    /// [`OmniqCompiler::plan`] of a parsed query, as
    /// [`OmniqCompiler::compile_in`] compiles one.
    pub(crate) fn plan_in(&self, parsed: &Parsed, context: Option<&DateContext>) -> Result<OmniqPlan, CompileErrors> {
        self.planned(parsed.query(), Dates { parsed: Some(parsed), context })
    }

    fn planned(&self, query: &Query, dates: Dates<'_>) -> Result<OmniqPlan, CompileErrors> {
        let (request, residual, errors) = self.build(query, dates);
        CompileErrors::check(errors)?;
        let residual = Predicate::All(residual.into_iter().map(|part| part.predicate).collect());
        Ok(OmniqPlan { request, residual })
    }

    /// The warning for a page that passes OmniQ's result window
    /// ([`OMNIQ_RESULT_WINDOW`]): OmniQ may refuse it, and paging is the
    /// way to read that far. It is about the request, not a term: its span
    /// is empty, at the start of the query.
    pub fn page_warning(&self) -> Option<Diagnostic> {
        let end = self.from.saturating_add(self.size.get());
        if end <= OMNIQ_RESULT_WINDOW {
            return None;
        }
        let window = grouped(OMNIQ_RESULT_WINDOW);
        let message = format!(
            "`from` + `size` is {}, past OmniQ's result window of {window} results: OmniQ may refuse the page",
            grouped(end)
        );
        let hint = format!(
            "ask for at most {window} results a page and page through the rest: `ringq fetch omniq` \
             (or `OmniqPager`) reads every match, past {window} in `createdAt` windows"
        );
        Some(Diagnostic::warning(Code::ResultWindow, Span::new(0, 0), message).with_hint(hint))
    }

    /// Warnings about terms that compile, but perhaps not as meant: an
    /// exact `createdAt` given a date that names a span
    /// (`createdAt:"last month"`) matches only the span's first instant.
    /// They point into the text `parsed` came from.
    pub fn warnings(&self, parsed: &Parsed, context: &DateContext) -> Vec<Diagnostic> {
        let terms = parsed.query().terms().zip(parsed.spans());
        terms
            .filter_map(|(term, spans)| {
                let Value::Raw(text) = term.value() else { return None };
                if term.keyword() != CREATED_AT || term.is_negated() {
                    return None;
                }
                let span = date_value(text).ok()?.1.resolve(context).ok()?;
                if span.end - span.start <= TimeDelta::seconds(1) {
                    return None;
                }
                let after = format!("created_after:{}", quoted(text, false));
                let before = span.end.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
                let message = format!(
                    "`createdAt` matches one instant exactly: `{}` is a span, and only its first instant ({}) matches",
                    shown(text),
                    write_timestamp(span.start)
                );
                let range = format!("{after} created_before:{before}");
                Some(
                    Diagnostic::warning(Code::ExactDateSpan, spans.term, message)
                        .with_hint(format!("for the whole span, write `{range}`"))
                        .with_replacement(spans.term, range),
                )
            })
            .collect()
    }

    /// Parses `text` as [`Parser::omniq`] does, over the compiler's
    /// catalogue (dates resolved against `context`), and compiles it;
    /// errors point into `text`.
    pub fn compile_str(&self, text: &str, context: &DateContext) -> Result<OmniqRequest, Error> {
        self.parsed_then(text, context, |parsed| self.compile_in(parsed, Some(context)))
    }

    /// Parses `text` as [`OmniqCompiler::compile_str`] does and plans it;
    /// errors point into `text`.
    pub fn plan_str(&self, text: &str, context: &DateContext) -> Result<OmniqPlan, Error> {
        self.parsed_then(text, context, |parsed| self.plan_in(parsed, Some(context)))
    }

    /// `compile` applied to `text` parsed against `context`. Warnings are
    /// shown only with an error: a `compile` that succeeds gets the quick
    /// parse, without them; one that fails is run again on a whole parse,
    /// so that the error says everything, where it was written.
    fn parsed_then<T>(
        &self,
        text: &str,
        context: &DateContext,
        compile: impl Fn(&Parsed) -> Result<T, CompileErrors>,
    ) -> Result<T, Error> {
        let quick = self.parser.parse_for_errors(text, Some(context));
        if let Some(done) = quick.ok().and_then(|parsed| compile(&parsed).ok()) {
            return Ok(done);
        }
        let parsed = self.parse(text, Some(context))?;
        compile(&parsed).map_err(|e| e.into_error(text, &parsed))
    }

    /// Parses `text` with the compiler's parser, resolving dates against
    /// `context`.
    pub(crate) fn parse(&self, text: &str, context: Option<&DateContext>) -> Result<Parsed, Error> {
        self.parser.parse_with(text, context)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn day(y: i32, m: u32, d: u32) -> DateSpan {
        let start = Utc.with_ymd_and_hms(y, m, d, 0, 0, 0).single().unwrap_or_default();
        DateSpan { start, end: start + TimeDelta::days(1) }
    }

    fn bounds(list: &[(usize, BoundSide, DateSpan)]) -> Vec<(usize, BoundSide, DateTime<Utc>)> {
        list.iter().filter_map(|&(term, side, span)| Some((term, side, bound(side, span)?))).collect()
    }

    #[test]
    fn before_a_day_ends_one_millisecond_before_it() {
        let to = bound(BoundSide::Upper, day(2025, 6, 22)).map(write_timestamp);
        assert_eq!(to.as_deref(), Some("2025-06-21T23:59:59.999Z"));
        let from = bound(BoundSide::Lower, day(2025, 5, 20)).map(write_timestamp);
        assert_eq!(from.as_deref(), Some("2025-05-20T00:00:00.000Z"));
    }

    #[test]
    fn several_bounds_narrow_to_the_tightest() {
        let range = narrow(bounds(&[
            (0, BoundSide::Lower, day(2025, 5, 1)),
            (1, BoundSide::Upper, day(2025, 7, 1)),
            (2, BoundSide::Lower, day(2025, 5, 20)),
            (3, BoundSide::Upper, day(2025, 6, 22)),
            (4, BoundSide::Lower, day(2025, 5, 2)),
        ]));
        assert_eq!(range.map(|r| r.terms()), Ok(vec![2, 3]));
        let json = narrow(bounds(&[(2, BoundSide::Lower, day(2025, 5, 20)), (3, BoundSide::Upper, day(2025, 6, 22))]))
            .map(|r| r.filter_value().to_json());
        assert_eq!(json, Ok(serde_json::json!({"from": "2025-05-20T00:00:00.000Z", "to": "2025-06-21T23:59:59.999Z"})));
    }

    #[test]
    fn one_bound_gives_one_key() {
        let json = narrow(bounds(&[(0, BoundSide::Upper, day(2025, 6, 22))])).map(|r| r.filter_value().to_json());
        assert_eq!(json, Ok(serde_json::json!({"to": "2025-06-21T23:59:59.999Z"})));
    }

    #[test]
    fn an_empty_range_names_both_terms() {
        let same_day =
            narrow(bounds(&[(0, BoundSide::Lower, day(2025, 5, 20)), (1, BoundSide::Upper, day(2025, 5, 20))]));
        assert_eq!(same_day, Err((0, 1)));
        let one_ms =
            narrow(bounds(&[(0, BoundSide::Lower, day(2025, 5, 20)), (1, BoundSide::Upper, day(2025, 5, 21))]));
        assert!(one_ms.is_ok());
    }

    #[test]
    fn an_instant_outside_the_range_names_the_bound() {
        let range = narrow(bounds(&[(0, BoundSide::Lower, day(2025, 5, 20)), (1, BoundSide::Upper, day(2025, 6, 22))]))
            .unwrap_or_default();
        assert_eq!(range.excluding(day(2025, 5, 19).start), Some(0));
        assert_eq!(range.excluding(day(2025, 6, 22).start), Some(1));
        assert_eq!(range.excluding(day(2025, 6, 21).start), None);
    }
}
