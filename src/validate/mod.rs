//! Validation: from the syntax tree to a typed [`Query`], against a catalogue.
//!
//! Every term is checked on its own (keyword known, value of the right type,
//! negation allowed), then the terms are checked together (one `order`,
//! contradictory booleans, duplicates). Every problem becomes a
//! [`Diagnostic`] at its span; the query is accepted when none is an error.

mod checks;
mod json;
mod value;

use serde::Serialize;

use crate::catalog::{Catalog, KeywordSpec, Negation, ValueType};
use crate::dates::{DateContext, DateSpan};
use crate::diagnostic::{shown, Code, Diagnostic, Error};
use crate::query::{remove_positions, Query, Term, TermSet, Value};
use crate::span::Span;
use crate::suggest::did_you_mean;
use crate::syntax::{self, AstTerm, AstValue, Quote};

use checks::{empty_ranges, CrossChecks, OperatorChecks};
use value::typed_value;
pub(crate) use value::{date_value, parse_bool};

/// Parses and validates queries with a chosen catalogue and mode.
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use ringq::{DateContext, Parser};
///
/// let parsed = Parser::new()
///     .lenient(true)
///     .dates(DateContext::new(Utc.with_ymd_and_hms(2026, 11, 24, 12, 0, 0).unwrap()))
///     .parse("campaign:black_friday refund")?;
/// assert_eq!(parsed.query().to_string(), "campaign:black_friday refund");
/// assert!(parsed.warnings().is_empty());
/// # Ok::<(), ringq::Error>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct Parser {
    catalog: Catalog,
    lenient: bool,
    dates: Option<DateContext>,
}

/// A query that passed validation, with where each term was written, the
/// resolved span of each date term (when a date context was given), and the
/// warnings.
///
/// Serializes (this is what `ringq parse` prints) as
/// `{"terms": [{"keyword", "negated"?, "value": {"type", "value"}, "span":
/// {"term", "keyword"?, "value"}, "date"?: {"start", "end"}}], "warnings": [...]}`.
#[derive(Clone, Debug, PartialEq)]
pub struct Parsed {
    query: Query,
    spans: Vec<TermSpans>,
    dates: Vec<Option<DateSpan>>,
    warnings: Vec<Diagnostic>,
}

/// One term as [`Parsed`] serializes it: the term, where it was written,
/// and its resolved date.
#[derive(Serialize)]
pub(crate) struct TermView<'a> {
    #[serde(flatten)]
    term: &'a Term,
    span: &'a TermSpans,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<&'a DateSpan>,
}

impl Parsed {
    /// The terms with their spans and dates, as serialized.
    pub(crate) fn term_views(&self) -> Vec<TermView<'_>> {
        let terms = self.query.terms().iter().zip(&self.spans).enumerate();
        terms
            .map(|(i, (term, span))| TermView { term, span, date: self.dates.get(i).and_then(Option::as_ref) })
            .collect()
    }
}

impl Serialize for Parsed {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct View<'a> {
            terms: Vec<TermView<'a>>,
            warnings: &'a [Diagnostic],
        }
        View { terms: self.term_views(), warnings: &self.warnings }.serialize(serializer)
    }
}

/// Where one term of a [`Query`] was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct TermSpans {
    /// The whole term.
    pub term: Span,
    /// The keyword, when one was written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub keyword: Option<Span>,
    /// The value, quotes included.
    pub value: Span,
}

impl Parser {
    /// A strict parser with the RingCX catalogue and no date context: date
    /// values are checked for syntax, not resolved.
    pub fn new() -> Self {
        Parser::default()
    }

    /// Uses `catalog` instead of the RingCX one.
    pub fn catalog(mut self, catalog: Catalog) -> Self {
        self.catalog = catalog;
        self
    }

    /// In lenient mode an unknown keyword is kept as an opaque term (its
    /// spelling and value as written) instead of being an error.
    pub fn lenient(mut self, lenient: bool) -> Self {
        self.lenient = lenient;
        self
    }

    /// Resolves every date value against `context`; a date that does not
    /// resolve is an error at its value.
    pub fn dates(mut self, context: DateContext) -> Self {
        self.dates = Some(context);
        self
    }

    /// Parses and validates `text`. On failure, the error holds every
    /// diagnostic found, warnings included.
    pub fn parse(&self, text: &str) -> Result<Parsed, Error> {
        self.parse_with(text, self.dates.as_ref())
    }

    /// The catalogue the parser validates against.
    pub(crate) fn catalog_used(&self) -> &Catalog {
        &self.catalog
    }

    /// [`Parser::parse`], resolving dates against `dates` rather than the
    /// parser's own context: a caller holding one parser for many contexts
    /// does not rebuild it.
    pub(crate) fn parse_with(&self, text: &str, dates: Option<&DateContext>) -> Result<Parsed, Error> {
        let mut diagnostics = Vec::new();
        let mut syntax_diagnostics = Vec::new();
        let mut terms = TermSet::with_capacity(text.len() / 16);
        let mut spans = Vec::with_capacity(text.len() / 16);
        let mut resolved = Vec::new();
        let mut cross = CrossChecks::default();
        let mut operators = OperatorChecks::default();
        for ast_term in syntax::terms(text, &mut syntax_diagnostics) {
            if ast_term.value.incomplete.is_some() {
                // A half-typed term: its syntax error says all there is.
                continue;
            }
            let first_new = diagnostics.len();
            let term = self.term(&ast_term, &mut diagnostics);
            if ast_term.value.quote == Quote::Bare {
                self.unquoted_date(text, &ast_term, term.is_some(), first_new, &mut diagnostics);
                if ast_term.keyword.is_none() {
                    operators.check(&self.catalog, &ast_term, &mut diagnostics);
                }
            }
            let Some(term) = term else { continue };
            cross.check(&term, &ast_term, &mut diagnostics);
            let date = match (dates, term.value()) {
                (Some(context), Value::Date(date)) => match date.expr().resolve_with_warnings(context) {
                    Ok((span, warnings)) => {
                        diagnostics.extend(warnings.into_iter().map(|w| date_diagnostic(&ast_term.value, w)));
                        Some(span)
                    }
                    Err(e) => {
                        diagnostics.push(date_diagnostic(&ast_term.value, e));
                        None
                    }
                },
                _ => None,
            };
            terms.push(term);
            spans.push(TermSpans {
                term: ast_term.span,
                keyword: ast_term.keyword.as_ref().map(|k| k.span),
                value: ast_term.value.span,
            });
            if dates.is_some() {
                resolved.push(date);
            }
        }
        diagnostics.append(&mut syntax_diagnostics);
        if diagnostics.iter().any(Diagnostic::is_error) {
            // Duplicates only matter for the canonical form of a valid query.
            return Err(Error::new(text, diagnostics));
        }
        let (query, dropped) = terms.finish();
        if !dropped.is_empty() {
            for &i in &dropped {
                if let Some(span) = spans.get(i) {
                    diagnostics.push(
                        Diagnostic::warning(Code::DuplicateTerm, span.term, "this term repeats an earlier one")
                            .with_hint("it is dropped from the canonical form"),
                    );
                }
            }
            remove_positions(&mut spans, &dropped);
            remove_positions(&mut resolved, &dropped);
        }
        self.contradictions(&query, &spans, &mut diagnostics);
        if dates.is_some() {
            empty_ranges(&self.catalog, &query, &spans, &resolved, &mut diagnostics);
        }
        diagnostics.sort_by_key(|d| (d.span().start, d.span().end));
        Ok(Parsed { query, spans, dates: resolved, warnings: diagnostics })
    }

    /// Validates one term on its own; `None` when it has an error.
    fn term(&self, term: &AstTerm<'_>, diagnostics: &mut Vec<Diagnostic>) -> Option<Term> {
        let name = term.keyword.as_ref().map_or("text", |k| k.name);
        let Some(spec) = self.catalog.get(name) else {
            return self.unknown_keyword(term, name, diagnostics);
        };
        let first_new = diagnostics.len();
        let negated = term.minus.is_some() && !spec.value.is_boolean();
        if term.minus.is_some() {
            check_negation(&self.catalog, spec, term, diagnostics);
        }
        let value = typed_value(spec, &self.catalog, term, diagnostics)?;
        let value = match (value, term.minus) {
            (Value::Bool(b), Some(_)) => Value::Bool(!b),
            (value, _) => value,
        };
        if spec.value == ValueType::Flag && value == Value::Bool(false) {
            diagnostics.push(
                Diagnostic::warning(
                    Code::UndocumentedFalse,
                    term.span,
                    format!("`{}` is documented only with the value `true`", spec.name),
                )
                .with_hint("the server may ignore `false`; leave the term out to not restrict on it"),
            );
        }
        let has_new_errors = diagnostics.get(first_new..).is_some_and(|new| new.iter().any(Diagnostic::is_error));
        (!has_new_errors).then(|| Term::new(spec.name.clone(), negated, value))
    }

    fn unknown_keyword(&self, term: &AstTerm<'_>, name: &str, diagnostics: &mut Vec<Diagnostic>) -> Option<Term> {
        let span = term.keyword.as_ref().map_or(term.value.span, |k| k.span);
        let suggestions = self.catalog.suggest_keywords(name);
        if self.lenient {
            // Kept as written; a near miss of a known keyword is most likely
            // a typo, which lenient mode must not hide.
            if let Some(near) = suggestions.first() {
                diagnostics.push(
                    Diagnostic::warning(
                        Code::UnknownKeyword,
                        span,
                        format!("unknown keyword `{}`, kept as written", shown(name)),
                    )
                    .with_hint(did_you_mean(&[near]).unwrap_or_default()),
                );
            }
            return Some(Term::new(name.to_owned(), term.minus.is_some(), Value::Raw(term.value.text.to_string())));
        }
        let mut diagnostic =
            Diagnostic::error(Code::UnknownKeyword, span, format!("unknown keyword `{}`", shown(name)));
        let hint = did_you_mean(&suggestions).unwrap_or_else(|| as_text_hint(name, &term.value.text));
        diagnostic = diagnostic.with_hint(hint);
        diagnostics.push(diagnostic);
        None
    }
}

impl Parsed {
    /// The validated query.
    pub fn query(&self) -> &Query {
        &self.query
    }

    /// The validated query, by value.
    pub fn into_query(self) -> Query {
        self.query
    }

    /// Where each term of [`Parsed::query`] was written (same order).
    pub fn spans(&self) -> &[TermSpans] {
        &self.spans
    }

    /// The resolved span of each term that is a date (same order as the
    /// terms; `None` for other terms). Empty when no date context was given.
    pub fn dates(&self) -> &[Option<DateSpan>] {
        &self.dates
    }

    /// The warnings: the query is valid, but these deserve a look.
    pub fn warnings(&self) -> &[Diagnostic] {
        &self.warnings
    }
}

/// Reports `-` on a keyword that does not support it.
fn check_negation(catalog: &Catalog, spec: &KeywordSpec, term: &AstTerm<'_>, diagnostics: &mut Vec<Diagnostic>) {
    let span = term.head_span();
    match spec.negation {
        Negation::Supported => {}
        // `-kw:true` is `kw:false`: the general rule for booleans.
        Negation::NotStated if spec.value.is_boolean() => {}
        Negation::NotStated => diagnostics.push(
            Diagnostic::warning(
                Code::NegationUndocumented,
                span,
                format!("the documentation does not say whether `{}` can be negated", spec.name),
            )
            .with_hint("check that the server honours `-` here"),
        ),
        Negation::NotSupported => {
            let hint = catalog
                .opposite_bound(spec)
                .map(|other| format!("use `{}` instead of negating `{}`", other.name, spec.name))
                .unwrap_or_else(|| "remove the `-`".to_owned());
            diagnostics.push(
                Diagnostic::error(
                    Code::NegationNotSupported,
                    span,
                    format!("`{}` cannot be negated: negation is not supported", spec.name),
                )
                .with_hint(hint),
            );
        }
    }
}

/// A date error or warning, pointed at the exact bytes inside the value
/// when the value maps byte for byte onto the query, else at the whole value.
fn date_diagnostic(value: &AstValue<'_>, problem: impl Into<Diagnostic>) -> Diagnostic {
    let diagnostic = problem.into();
    let span = inside_value(value, diagnostic.span());
    diagnostic.at(span)
}

/// `span` (bytes of a date value's text) as bytes of the query.
fn inside_value(value: &AstValue<'_>, span: crate::Span) -> crate::Span {
    match value.offset_of_text() {
        Some(offset) if span.end <= value.text.len() && span.start < span.end => span.shifted(offset),
        _ => value.span,
    }
}

/// The hint for an unknown keyword with no near miss: the user's own term,
/// quoted, searches for it as text.
fn as_text_hint(name: &str, value: &str) -> String {
    const LONGEST: usize = 60;
    let term = Term::new("text", false, Value::Text(format!("{name}:{value}"))).to_string();
    if term.chars().count() <= LONGEST && !term.chars().any(char::is_control) {
        format!("quote the whole term to search for it as text: {term}")
    } else {
        "quote the whole term to search for it as text".to_owned()
    }
}
