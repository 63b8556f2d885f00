//! Validation: from the syntax tree to a typed [`Query`], against a catalogue.
//!
//! Every term is checked on its own (keyword known, value of the right type,
//! negation allowed), then the terms are checked together (one `order`,
//! contradictory booleans, duplicates). Every problem becomes a
//! [`Diagnostic`] at its span; the query is accepted when none is an error.

use std::borrow::Cow;

use serde::Serialize;

use crate::catalog::{Catalog, KeywordSpec, Negation, ValueType};
use crate::dates::{DateContext, DateSpan};
use crate::diagnostic::{Code, Diagnostic, Error};
use crate::query::{canonical_words, remove_positions, DateValue, Order, OrderError, Query, Term, TermSet, Value};
use crate::span::Span;
use crate::syntax::{self, AstTerm, AstValue};

/// Parses and validates queries with a chosen catalogue and mode.
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use ringq::{dates::DateContext, Parser};
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

impl Serialize for Parsed {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct TermView<'a> {
            #[serde(flatten)]
            term: &'a Term,
            span: &'a TermSpans,
            #[serde(skip_serializing_if = "Option::is_none")]
            date: Option<&'a DateSpan>,
        }
        #[derive(Serialize)]
        struct View<'a> {
            terms: Vec<TermView<'a>>,
            warnings: &'a [Diagnostic],
        }
        let terms = self
            .query
            .terms()
            .iter()
            .zip(&self.spans)
            .enumerate()
            .map(|(i, (term, span))| TermView { term, span, date: self.dates.get(i).and_then(Option::as_ref) })
            .collect();
        View { terms, warnings: &self.warnings }.serialize(serializer)
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

    /// The catalogue this parser validates against.
    pub fn catalog_ref(&self) -> &Catalog {
        &self.catalog
    }

    /// Parses and validates `text`. On failure, the error holds every
    /// diagnostic found, warnings included.
    pub fn parse(&self, text: &str) -> Result<Parsed, Error> {
        let mut diagnostics = Vec::new();
        let mut syntax_diagnostics = Vec::new();
        let mut terms = TermSet::with_capacity(text.len() / 16);
        let mut spans = Vec::with_capacity(text.len() / 16);
        let mut dates = Vec::new();
        let mut cross = CrossChecks::default();
        for ast_term in syntax::terms(text, &mut syntax_diagnostics) {
            let Some(term) = self.term(&ast_term, &mut diagnostics) else { continue };
            cross.check(&term, &ast_term, &mut diagnostics);
            let date = match (&self.dates, term.value()) {
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
            if self.dates.is_some() {
                dates.push(date);
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
            remove_positions(&mut dates, &dropped);
        }
        diagnostics.sort_by_key(|d| (d.span.start, d.span.end));
        Ok(Parsed { query, spans, dates, warnings: diagnostics })
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
            check_negation(spec, term, diagnostics);
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
        if self.lenient {
            return Some(Term::new(name.to_owned(), term.minus.is_some(), Value::Raw(term.value.text.to_string())));
        }
        let mut diagnostic = Diagnostic::error(Code::UnknownKeyword, span, format!("unknown keyword `{name}`"));
        let suggestions = self.catalog.suggest_keywords(name);
        diagnostic = match suggestions.as_slice() {
            [] => diagnostic.with_hint("quote the whole term to search for it as text, e.g. \"foo:bar\""),
            [one] => diagnostic.with_hint(format!("did you mean `{one}`?")),
            many => diagnostic.with_hint(format!(
                "did you mean one of {}?",
                many.iter().map(|s| format!("`{s}`")).collect::<Vec<_>>().join(", ")
            )),
        };
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
fn check_negation(spec: &KeywordSpec, term: &AstTerm<'_>, diagnostics: &mut Vec<Diagnostic>) {
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
            let hint = opposite_date_keyword(&spec.name)
                .map(|other| format!("use `{other}` instead of negating `{}`", spec.name))
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

/// `first_content_after` <-> `first_content_before`, and the like.
fn opposite_date_keyword(name: &str) -> Option<String> {
    name.strip_suffix("_after")
        .map(|stem| format!("{stem}_before"))
        .or_else(|| name.strip_suffix("_before").map(|stem| format!("{stem}_after")))
}

/// Checks and types the value of a catalogue keyword.
fn typed_value(
    spec: &KeywordSpec,
    catalog: &Catalog,
    term: &AstTerm<'_>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Value> {
    let text = term.value.text.as_ref();
    let span = term.value.span;
    if text.is_empty() {
        let what = spec.value.describe();
        diagnostics.push(
            Diagnostic::error(Code::EmptyValue, span, format!("`{}` needs {what}, not an empty value", spec.name))
                .with_hint("write a value, or remove the term"),
        );
        return None;
    }
    let invalid = |code, message: String, hint: String| Diagnostic::error(code, span, message).with_hint(hint);
    let value = match spec.value {
        ValueType::Bool | ValueType::Flag => match parse_bool(text) {
            Some(b) => Value::Bool(b),
            None => {
                diagnostics.push(invalid(
                    Code::InvalidBoolean,
                    format!("`{}` takes a boolean, not `{text}`", spec.name),
                    "use `true` or `false` (also `1 on yes` / `0 off no`)".into(),
                ));
                return None;
            }
        },
        ValueType::UserId | ValueType::TeamId | ValueType::CategoryId | ValueType::Id => Value::Id(text.to_owned()),
        ValueType::Words => Value::Text(text.to_owned()),
        ValueType::Status => {
            let name = canonical_words(text);
            if catalog.is_status(&name) {
                Value::Status(name)
            } else {
                let hint = match catalog.suggest_statuses(&name).first() {
                    Some(near) => format!("did you mean `{near}`?"),
                    None => format!("accepted statuses: {}", catalog.statuses().collect::<Vec<_>>().join(", ")),
                };
                diagnostics.push(invalid(Code::InvalidStatus, format!("`{text}` is not a status"), hint));
                return None;
            }
        }
        ValueType::Language => {
            if is_language_code(text) {
                Value::Language(text.to_owned())
            } else {
                diagnostics.push(invalid(
                    Code::InvalidLanguage,
                    format!("`{text}` is not a language code"),
                    "use a code such as `en`, `fr` or `pt-BR`".into(),
                ));
                return None;
            }
        }
        ValueType::Order => match text.parse::<Order>() {
            Ok(order) => Value::Order(order),
            Err(e) => {
                let near = match e {
                    OrderError::Field(len) => {
                        let field = text.get(..len).unwrap_or(text);
                        crate::catalog::nearest(field, ["created_at", "last_content_at"].into_iter())
                            .first()
                            .map(|f| format!(" (did you mean `{f}`?)"))
                            .unwrap_or_default()
                    }
                    _ => String::new(),
                };
                diagnostics.push(invalid(
                    Code::InvalidOrder,
                    format!("`{text}` is not a sort order"),
                    format!("{e}{near}; for example `order:created_at.asc`"),
                ));
                return None;
            }
        },
        ValueType::Date => match DateValue::parse(text) {
            Ok(date) => Value::Date(date),
            Err(e) => {
                diagnostics.push(date_diagnostic(&term.value, e));
                return None;
            }
        },
    };
    Some(value)
}

/// A date error or warning, pointed at the exact bytes inside the value
/// when the value maps byte for byte onto the query, else at the whole value.
fn date_diagnostic(value: &AstValue<'_>, problem: impl Into<Diagnostic>) -> Diagnostic {
    let diagnostic = problem.into();
    Diagnostic { span: inside_value(value, diagnostic.span), ..diagnostic }
}

/// `span` (bytes of a date value's text) as bytes of the query.
fn inside_value(value: &AstValue<'_>, span: crate::Span) -> crate::Span {
    match value.offset_of_text() {
        Some(offset) if span.end <= value.text.len() && span.start < span.end => span.shifted(offset),
        _ => value.span,
    }
}

/// `true 1 on yes` / `false 0 off no`, any case.
pub(crate) fn parse_bool(text: &str) -> Option<bool> {
    const TRUE: [&str; 4] = ["true", "1", "on", "yes"];
    const FALSE: [&str; 4] = ["false", "0", "off", "no"];
    if TRUE.iter().any(|t| t.eq_ignore_ascii_case(text)) {
        Some(true)
    } else if FALSE.iter().any(|f| f.eq_ignore_ascii_case(text)) {
        Some(false)
    } else {
        None
    }
}

/// A BCP 47-like language tag: 2-3 letters, then `-` or `_` subtags of 1-8
/// letters or digits (`en`, `fr`, `pt-BR`, `zh_Hant`).
fn is_language_code(text: &str) -> bool {
    let mut parts = text.split(['-', '_']);
    let primary = parts.next().unwrap_or("");
    (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Checks that look at several terms: one `order` at most, and booleans that
/// contradict an earlier term.
#[derive(Default)]
struct CrossChecks {
    order: Option<Term>,
    /// The first value of each boolean keyword seen; few distinct keywords
    /// are booleans, so a list beats a map.
    booleans: Vec<(Cow<'static, str>, bool)>,
}

impl CrossChecks {
    fn check(&mut self, term: &Term, ast_term: &AstTerm<'_>, diagnostics: &mut Vec<Diagnostic>) {
        match term.value() {
            Value::Order(_) => match &self.order {
                Some(first) => diagnostics.push(
                    Diagnostic::error(Code::DuplicateOrder, ast_term.span, "`order` is given more than once")
                        .with_hint(format!("keep one; an earlier term already says `{first}`")),
                ),
                None => self.order = Some(term.clone()),
            },
            Value::Bool(b) => {
                let earlier = match self.booleans.iter().find(|(k, _)| k == term.keyword()) {
                    Some(&(_, earlier)) => earlier,
                    None => {
                        self.booleans.push((term.keyword_cow().clone(), *b));
                        *b
                    }
                };
                if earlier != *b {
                    diagnostics.push(
                        Diagnostic::warning(
                            Code::Contradiction,
                            ast_term.span,
                            format!("`{}` is both true and false: no thread can match", term.keyword()),
                        )
                        .with_hint(format!("an earlier term says `{}:{earlier}`", term.keyword())),
                    );
                }
            }
            _ => {}
        }
    }
}
