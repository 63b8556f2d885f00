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
use super::{format_instant, own_bound, OmniqIndex, OmniqMapping, OmniqPlan, OmniqRequest, Predicate, CREATED_AT};
use crate::bounds::{bound, narrow, Range};
use crate::catalog::{BoundSide, Catalog, Repeat};
use crate::dates::{DateContext, DateError, DateSpan, HumanDate};
use crate::diagnostic::{shown, Code, Diagnostic, Error};
use crate::print::quoted;
use crate::query::{DateValue, Query, Term, Value};
use crate::span::Span;
use crate::validate::{date_value, parse_bool, Parsed, Parser, TermSpans};

/// The fields the published document schema types as booleans.
const BOOLEAN_FIELDS: [&str; 2] = ["isNewClient", "workflow.attrs.clientFromTemplate"];
/// The fields the published document schema types as numbers, and whether
/// each may be `null`.
const NUMBER_FIELDS: [(&str, bool); 4] =
    [("agentTotalTime", true), ("botTotalTime", true), ("poolTotalTime", true), ("__v", false)];
/// The documented default page size.
pub(crate) const DEFAULT_SIZE: NonZeroU64 = match NonZeroU64::new(10) {
    Some(size) => size,
    None => NonZeroU64::MIN,
};
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

/// One problem compiling one term (or two terms, for an empty range).
/// Internal: callers see it as a [`Diagnostic`] of an [`Error`].
///
/// `Query` has no spans, so the error names the term by its index in
/// [`Query::terms`]; [`CompileError::to_diagnostic`] turns it into a
/// [`Diagnostic`] with the spans of [`Parsed::spans`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct CompileError {
    term: usize,
    other: Option<usize>,
    part: Part,
    /// What to say, placed at the term's span once the spans are known
    /// (boxed: errors are rare, and results stay small).
    diagnostic: Box<Diagnostic>,
}

/// Every problem found compiling a query, in term order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct CompileErrors(Vec<CompileError>);

/// Which part of a term a compile error points at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Part {
    Term,
    Keyword,
    Value,
}

/// What one term asks of its field; a string value borrows from the query.
struct Constraint<'q> {
    term: usize,
    negated: bool,
    kind: Kind<'q>,
}

#[derive(Clone, Debug, PartialEq)]
enum Kind<'q> {
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
        OmniqCompiler { index, from: 0, size: DEFAULT_SIZE, mapping: OmniqMapping::default(), parser: Parser::omniq() }
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
                errors.push(CompileError::new(Code::NotExpressible, term, Part::Term, &part.why).with_hint(PLAN_HINT));
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
                    format_instant(span.start)
                );
                Some(
                    Diagnostic::warning(Code::ExactDateSpan, spans.term, message)
                        .with_hint(format!("for the whole span, write `{after} created_before:{before}`")),
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

    fn build(&self, query: &Query, dates: Dates<'_>) -> (OmniqRequest, Vec<Residual>, Vec<CompileError>) {
        let mut errors = Vec::new();
        let mut residual = Vec::new();
        let mut constraints = Vec::with_capacity(query.len());
        let mut bytes = 0;
        for (index, term) in query.terms().enumerate() {
            match self.term(index, term, dates) {
                Ok(Compiled::Field(field, constraint)) => {
                    bytes += field.len() + constraint.kind.text_len();
                    constraints.push((sort_key(field), field, constraint));
                }
                Ok(Compiled::Text { negated, words }) => {
                    let text = Predicate::Text(words.to_owned());
                    residual.push(Residual {
                        terms: vec![index],
                        why: format!("filterBy cannot search free text: `{term}`"),
                        predicate: if negated { Predicate::Not(Box::new(text)) } else { text },
                    });
                }
                Err(error) => errors.push(error),
            }
        }
        // A stable sort: the constraints on one field stay in term order.
        // Most fields differ in their first 8 bytes, compared as one number
        // (computed once, as the constraint was made).
        constraints.sort_by(|(a, a_field, _), (b, b_field, _)| a.cmp(b).then_with(|| a_field.cmp(b_field)));
        let mut filter = Filter::with_capacity(constraints.len(), bytes);
        for group in constraints.chunk_by(|(a, a_field, _), (b, b_field, _)| a == b && a_field == b_field) {
            let Some(&(_, field, _)) = group.first() else { continue };
            self.field(query, field, group.iter().map(|(_, _, c)| c), &mut filter, &mut residual, &mut errors);
        }
        residual.sort_by_key(|part| part.terms.first().copied());
        let request = OmniqRequest { index: self.index, filter_by: filter, from: self.from, size: self.size };
        (request, residual, errors)
    }

    /// Compiles one term on its own.
    fn term<'q>(&'q self, index: usize, term: Term<'q>, dates: Dates<'_>) -> Result<Compiled<'q>, CompileError> {
        let keyword = term.keyword();
        let negated = term.is_negated();
        let constraint = |field: &'q str, negated: bool, kind: Kind<'q>| {
            Ok(Compiled::Field(field, Constraint { term: index, negated, kind }))
        };
        match term.value() {
            Value::Text(words) if term.is_text() => Ok(Compiled::Text { negated, words }),
            Value::Order(_) => Err(CompileError::new(
                Code::NotExpressible,
                index,
                Part::Term,
                format!("getmydata does not sort: `{term}` cannot be compiled"),
            )
            .with_hint("remove it, and sort the returned documents")),
            Value::Raw(text) => {
                if !is_field_path(keyword) {
                    return Err(CompileError::new(
                        Code::InvalidField,
                        index,
                        Part::Keyword,
                        format!("`{}` is not a field path: a path segment is empty", shown(keyword)),
                    )
                    .with_hint("separate names with single dots, as in `workflow.attrs.contact.email`"));
                }
                if keyword == CREATED_AT {
                    let (date, expr) = date_value(text).map_err(|e| date_error(index, e))?;
                    let span = dates.resolve(index, &date, &expr)?;
                    return constraint(keyword, negated, Kind::At(span.start));
                }
                match field_value(index, keyword, text)? {
                    // `-field:true` is `field:false`, as for catalogue booleans.
                    FilterValue::Bool(b) if negated => constraint(keyword, false, Kind::Equals(FilterValue::Bool(!b))),
                    value => constraint(keyword, negated, Kind::Equals(value)),
                }
            }
            value => {
                let own = own_bound(keyword);
                let field = match own {
                    Some(bound) => bound.range.as_ref(),
                    None => self.mapping.field(keyword).ok_or_else(|| unmapped(index, keyword))?,
                };
                let kind = match value {
                    Value::Date(date) => {
                        let span = dates.span(index, date)?;
                        let bound_of = |keyword| self.parser.catalog_used().get(keyword)?.bound.as_ref();
                        match own.or_else(|| bound_of(keyword)).map(|bound| bound.side) {
                            Some(side) => Kind::Bound(side, bound(side, span).ok_or_else(|| out_of_range(index))?),
                            None => Kind::At(span.start),
                        }
                    }
                    Value::Bool(b) => Kind::Equals(FilterValue::Bool(b)),
                    other => Kind::Equals(field_value(index, field, other.canonical_text())?),
                };
                constraint(field, negated, kind)
            }
        }
    }

    /// Compiles the constraints on one field (`group`, in term order):
    /// into `filter`, `residual` or `errors`.
    fn field<'c, 'q: 'c>(
        &self,
        query: &Query,
        field: &str,
        group: impl Iterator<Item = &'c Constraint<'q>> + Clone,
        filter: &mut Filter,
        residual: &mut Vec<Residual>,
        errors: &mut Vec<CompileError>,
    ) {
        // The usual field: one term, which says all there is.
        let mut first_two = group.clone();
        if let (Some(c), None) = (first_two.next(), first_two.next()) {
            if !c.negated {
                filter.insert(field, c.kind.alone());
                return;
            }
        }
        let shown = |index: usize| query.term(index).map(|t| t.as_str()).unwrap_or_default();
        let constraints = || group.clone();
        for c in constraints().filter(|c| c.negated) {
            residual.push(Residual {
                terms: vec![c.term],
                why: format!("filterBy cannot negate: `{}`", shown(c.term)),
                predicate: Predicate::Not(Box::new(c.kind.predicate(field))),
            });
        }
        // The terms of alternatives, taken out into one residual part.
        let alternatives = self.alternatives(query, field, constraints().filter(|c| !c.negated), residual);
        let kept = || constraints().filter(|c| !c.negated && alternatives.binary_search(&c.term).is_err());

        let bounds = kept().filter_map(|c| match c.kind {
            Kind::Bound(side, at) => Some((c.term, side, at)),
            _ => None,
        });
        let range = match narrow(bounds) {
            Ok(range) => range,
            Err((from, to)) => {
                errors.push(
                    CompileError::new(
                        Code::EmptyRange,
                        to,
                        Part::Term,
                        format!("`{}` and `{}` leave no instant: the range is empty", shown(from), shown(to)),
                    )
                    .other(from)
                    .with_hint("the lower bound must not be after the upper bound"),
                );
                return;
            }
        };

        let values = || kept().filter(|c| !matches!(c.kind, Kind::Bound(..)));
        let mut first: Option<(usize, FilterValue<'_>)> = None;
        for c in values() {
            let value = c.kind.filter_value();
            match &first {
                None => first = Some((c.term, value)),
                Some((_, kept)) if *kept == value => {}
                Some((first_term, kept)) => residual.push(Residual {
                    terms: vec![c.term],
                    why: format!(
                        "filterBy holds one value per field: `{field}` is already {} (from `{}`)",
                        kept.to_json(),
                        shown(*first_term)
                    ),
                    predicate: c.kind.predicate(field),
                }),
            }
            if let Kind::At(at) = c.kind {
                if let Some(bound) = range.excluding(at) {
                    errors.push(
                        CompileError::new(
                            Code::EmptyRange,
                            c.term,
                            Part::Term,
                            format!(
                                "`{}` is outside the range of `{}`: no document can match",
                                shown(c.term),
                                shown(bound)
                            ),
                        )
                        .other(bound)
                        .with_hint("remove one of them"),
                    );
                }
            }
        }
        let range_is_redundant = values().all(|c| matches!(c.kind, Kind::At(_)));
        match first {
            Some((_, value)) => {
                filter.insert(field, value);
                if !range.is_empty() && !range_is_redundant {
                    residual.push(Residual {
                        terms: range.terms(),
                        why: format!("filterBy holds one value per field: `{field}` already has an exact value"),
                        predicate: range.predicate(field),
                    });
                }
            }
            None if !range.is_empty() => filter.insert(field, range.filter_value()),
            None => {}
        }
    }

    /// Takes out the terms of an "any of" keyword (`status_in`, …) that
    /// has several distinct values on this field (`positive`, in term
    /// order): they become one `any` residual. Returns their terms, sorted.
    fn alternatives<'c, 'q: 'c>(
        &self,
        query: &Query,
        field: &str,
        positive: impl Iterator<Item = &'c Constraint<'q>> + Clone,
        residual: &mut Vec<Residual>,
    ) -> Vec<usize> {
        // Alternatives are two distinct values or more: without them (the
        // usual field), nothing is looked up or allocated.
        let mut equals = positive.clone().filter_map(|c| match &c.kind {
            Kind::Equals(value) => Some(value),
            _ => None,
        });
        let distinct = equals.next().is_some_and(|first| equals.any(|value| value != first));
        if !distinct {
            return Vec::new();
        }
        let keyword_of = |c: &Constraint<'_>| query.term(c.term).map(|t| t.keyword()).unwrap_or_default();
        let catalog = self.parser.catalog_used();
        let is_any_of = |keyword: &str| catalog.get(keyword).is_some_and(|spec| spec.repeat == Repeat::AnyOf);
        let mut groups: BTreeMap<&str, Vec<&Constraint<'_>>> = BTreeMap::new();
        for c in positive {
            let keyword = keyword_of(c);
            if is_any_of(keyword) && matches!(c.kind, Kind::Equals(_)) {
                groups.entry(keyword).or_default().push(c);
            }
        }
        let mut taken = Vec::new();
        for (keyword, group) in groups {
            let first = group.first().map(|c| &c.kind);
            if group.iter().all(|c| Some(&c.kind) == first) {
                continue;
            }
            taken.extend(group.iter().map(|c| c.term));
            residual.push(Residual {
                terms: group.iter().skip(1).map(|c| c.term).collect(),
                why: format!("the values of `{keyword}` are alternatives, and filterBy holds one value per field"),
                predicate: Predicate::Any(group.iter().map(|c| c.kind.predicate(field)).collect()),
            });
        }
        taken.sort_unstable();
        taken
    }
}

impl Kind<'_> {
    /// The predicate that checks this constraint on a document.
    fn predicate(&self, field: &str) -> Predicate {
        let field = field.to_owned();
        match self {
            Kind::Equals(value) => Predicate::Eq { field, value: value.to_json() },
            Kind::At(at) => Predicate::Range { field, from: Some(*at), to: Some(*at) },
            Kind::Bound(BoundSide::Lower, at) => Predicate::Range { field, from: Some(*at), to: None },
            Kind::Bound(BoundSide::Upper, at) => Predicate::Range { field, from: None, to: Some(*at) },
        }
    }

    /// The `filterBy` value of an equality constraint.
    fn filter_value(&self) -> FilterValue<'_> {
        match self {
            Kind::Equals(value) => value.clone(),
            Kind::At(at) | Kind::Bound(_, at) => FilterValue::At(*at),
        }
    }

    /// The `filterBy` value of this constraint when it is the only one on
    /// its field: a bound is a range open at its other end.
    fn alone(&self) -> FilterValue<'_> {
        match self {
            Kind::Bound(BoundSide::Lower, at) => FilterValue::Range { from: Some(*at), to: None },
            Kind::Bound(BoundSide::Upper, at) => FilterValue::Range { from: None, to: Some(*at) },
            other => other.filter_value(),
        }
    }

    /// The bytes of string the filter will hold for it.
    fn text_len(&self) -> usize {
        match self {
            Kind::Equals(FilterValue::Text(text)) => text.len(),
            _ => 0,
        }
    }
}

impl Range {
    fn predicate(&self, field: &str) -> Predicate {
        Predicate::Range { field: field.to_owned(), from: self.from.map(|(_, t)| t), to: self.to.map(|(_, t)| t) }
    }

    /// `{"from": ..., "to": ...}`, with only the bounds that are set.
    fn filter_value(&self) -> FilterValue<'static> {
        FilterValue::Range { from: self.from.map(|(_, t)| t), to: self.to.map(|(_, t)| t) }
    }
}

/// The value of `text` for `field`: a boolean or a number for the
/// schema's boolean and number fields, else the string itself.
fn field_value<'q>(index: usize, field: &str, text: &'q str) -> Result<FilterValue<'q>, CompileError> {
    if let Some(&(_, nullable)) = NUMBER_FIELDS.iter().find(|(name, _)| *name == field) {
        if nullable && text == "null" {
            return Ok(FilterValue::Null);
        }
        return text.parse::<serde_json::Number>().map(FilterValue::Number).map_err(|_| {
            let also = if nullable { ", or `null`" } else { "" };
            CompileError::new(
                Code::InvalidNumber,
                index,
                Part::Value,
                format!("`{field}` is a number field, not `{}`", shown(text)),
            )
            .with_hint(format!("write a number such as `12` or `1.5`{also}"))
        });
    }
    if !BOOLEAN_FIELDS.contains(&field) {
        return Ok(FilterValue::Text(text));
    }
    parse_bool(text).map(FilterValue::Bool).ok_or_else(|| {
        CompileError::new(
            Code::InvalidBoolean,
            index,
            Part::Value,
            format!("`{field}` is a boolean field, not `{}`", shown(text)),
        )
        .with_hint("use `true` or `false` (also `1 on yes` / `0 off no`)")
    })
}

/// Where the compiler finds a date's span: resolved already by the parse
/// the query came from, or resolved here against the context.
#[derive(Clone, Copy)]
struct Dates<'a> {
    parsed: Option<&'a Parsed>,
    context: Option<&'a DateContext>,
}

impl Dates<'_> {
    /// The span of the date of term `index`.
    fn span(&self, index: usize, date: DateValue<'_>) -> Result<DateSpan, CompileError> {
        match self.parsed.and_then(|parsed| parsed.date(index)) {
            Some(span) => Ok(*span),
            None => self.resolve(index, date.text(), date.expr()),
        }
    }

    /// The span of `date` (written `text`); without a context there is no
    /// "now" to resolve it against, which is an error at the value.
    fn resolve(&self, index: usize, text: &str, date: &HumanDate) -> Result<DateSpan, CompileError> {
        let Some(context) = self.context else {
            return Err(CompileError::new(
                Code::InvalidDate,
                index,
                Part::Value,
                format!("`{}` cannot be resolved: no \"now\" was given", shown(text)),
            )
            .with_hint("give the instant to resolve dates against (`now` in the options)"));
        };
        date.resolve(context).map_err(|e| date_error(index, e))
    }
}

fn date_error(index: usize, error: DateError) -> CompileError {
    CompileError::of(index, Part::Value, Diagnostic::from(error))
}

fn out_of_range(index: usize) -> CompileError {
    CompileError::new(Code::InvalidDate, index, Part::Value, "this date is too early for a range bound")
}

fn unmapped(index: usize, keyword: &str) -> CompileError {
    CompileError::new(Code::UnmappedKeyword, index, Part::Keyword, format!("`{}` has no OmniQ field", shown(keyword)))
        .with_hint(format!(
            "map it to a document field, e.g. `{{\"{keyword}\": \"FIELD\"}}` with `--mapping FILE.json`"
        ))
}

impl CompileError {
    fn new(code: Code, term: usize, part: Part, message: impl Into<String>) -> Self {
        CompileError::of(term, part, Diagnostic::error(code, Span::default(), message))
    }

    /// `diagnostic` about `part` of term `term`.
    fn of(term: usize, part: Part, diagnostic: Diagnostic) -> Self {
        CompileError { term, other: None, part, diagnostic: Box::new(diagnostic) }
    }

    fn with_hint(mut self, hint: impl Into<String>) -> Self {
        *self.diagnostic = self.diagnostic.with_hint(hint);
        self
    }

    fn other(mut self, term: usize) -> Self {
        self.other = Some(term);
        self
    }

    /// The diagnostic at the term's span (`span_of` as [`Parsed::span`]);
    /// a conflict also points at the other term.
    fn to_diagnostic(&self, span_of: impl Fn(usize) -> Option<TermSpans>) -> Diagnostic {
        let span = span_of(self.term).map(|s| match self.part {
            Part::Term => s.term,
            Part::Keyword => s.keyword.unwrap_or(s.term),
            Part::Value => s.value,
        });
        let diagnostic = (*self.diagnostic).clone().at(span.unwrap_or_default());
        match self.other.and_then(span_of) {
            Some(other) => diagnostic.with_related(other.term, "the other term"),
            None => diagnostic,
        }
    }
}

impl CompileErrors {
    fn check(mut errors: Vec<CompileError>) -> Result<(), CompileErrors> {
        if errors.is_empty() {
            return Ok(());
        }
        errors.sort_by_key(|e| e.term);
        Err(CompileErrors(errors))
    }

    /// The error to show a person: every compile error as a diagnostic on
    /// `source`, the text `parsed` came from, with the parser's warnings.
    pub(crate) fn into_error(self, source: &str, parsed: &Parsed) -> Error {
        let mut diagnostics: Vec<Diagnostic> = self.0.iter().map(|e| e.to_diagnostic(|i| parsed.span(i))).collect();
        // Validation warns of an empty range by the same rule; the error
        // about it says all there is to say.
        let empty_range = self.0.iter().any(|e| e.diagnostic.code() == Code::EmptyRange);
        diagnostics
            .extend(parsed.warnings().iter().filter(|w| !(empty_range && w.code() == Code::EmptyRange)).cloned());
        Error::new(source, diagnostics)
    }

    /// The error for a query made without text: its diagnostics point into
    /// the query's canonical form.
    fn into_query_error(self, query: &Query) -> Error {
        let span_of = |i: usize| {
            let (term, keyword, value) = query.printed_span(i)?;
            Some(TermSpans { term, keyword, value })
        };
        let diagnostics = self.0.iter().map(|e| e.to_diagnostic(span_of)).collect();
        Error::new(query.as_str(), diagnostics)
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
        let to = bound(BoundSide::Upper, day(2025, 6, 22)).map(format_instant);
        assert_eq!(to.as_deref(), Some("2025-06-21T23:59:59.999Z"));
        let from = bound(BoundSide::Lower, day(2025, 5, 20)).map(format_instant);
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
