//! Validation: from the syntax tree to a typed [`Query`], against a catalogue.
//!
//! Every term is checked on its own (keyword known, value of the right type,
//! negation allowed), then the terms are checked together (one `order`,
//! contradictory booleans, duplicates). Every problem becomes a
//! [`Diagnostic`] at its span; the query is accepted when none is an error.

mod checks;
mod json;
mod value;

use std::borrow::Cow;

use serde::Serialize;

use crate::catalog::{Catalog, Elsewhere, FieldType, KeywordSpec, Negation, ValueType};
use crate::dates::{DateContext, DateReading, DateSpan};
use crate::diagnostic::{grouped, shown, Code, Diagnostic, Error, Replacement};
use crate::invisible;
use crate::print::quoted;
use crate::query::{remove_positions, NewValue, Query, QueryWriter, Term};
use crate::span::Span;
use crate::suggest::did_you_mean;
use crate::syntax::{self, AstKeyword, AstTerm, AstValue, Quote};

use checks::{contradictions, CrossChecks, OperatorChecks, RangeChecks};
#[cfg(test)]
pub(crate) use json::{QueryShape, TermShape, ValueShape};
#[cfg(test)]
pub(crate) use value::is_list;
use value::typed_value;
pub(crate) use value::{date_value, parse_bool};

/// The longest query read: 1 GiB. Positions in a [`Query`] are 32-bit,
/// and a canonical form is at most a few times longer than what was written.
pub const MAX_QUERY_BYTES: usize = 1 << 30;

/// The longest keyword kept: 65,535 bytes.
const MAX_KEYWORD_BYTES: usize = u16::MAX as usize;

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
/// assert_eq!(parsed.query().as_str(), "campaign:black_friday refund");
/// assert!(parsed.warnings().is_empty());
/// # Ok::<(), ringq::Error>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct Parser {
    catalog: Catalog,
    lenient: bool,
    dates: Option<DateContext>,
    reading: DateReading,
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
    /// Where each term was written, in the query's order.
    written: Vec<Written>,
    /// The resolved span of each date, by its index in the query's table of
    /// dates (see `Query::date_index`); empty without a date context.
    dates: Vec<Option<DateSpan>>,
    warnings: Vec<Diagnostic>,
}

/// One term as [`Parsed`] serializes it: the term, where it was written,
/// and its resolved date.
#[derive(Serialize)]
pub(crate) struct TermView<'a> {
    #[serde(flatten)]
    term: Term<'a>,
    span: TermSpans,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<&'a DateSpan>,
}

impl Parsed {
    /// The terms with their spans and dates, as serialized.
    pub(crate) fn term_views(&self) -> Vec<TermView<'_>> {
        let terms = self.query.terms().zip(self.spans()).enumerate();
        terms.map(|(i, (term, span))| TermView { term, span, date: self.date(i) }).collect()
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

/// Where one term was written, in 12 bytes: a query is at most
/// [`MAX_QUERY_BYTES`], so the top bit of `start` is free to say whether a
/// `-` was written. The keyword, when there is one, runs from after the
/// `-` to the colon just before the value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Written {
    start: u32,
    value_start: u32,
    value_end: u32,
}

impl Written {
    const MINUS: u32 = 1 << 31;

    fn new(term: &AstTerm<'_>) -> Self {
        // Every position is below MAX_QUERY_BYTES, checked before parsing.
        let at = |n: usize| u32::try_from(n).unwrap_or(u32::MAX >> 1);
        let minus = if term.minus.is_some() { Written::MINUS } else { 0 };
        Written {
            start: at(term.span.start) | minus,
            value_start: at(term.value.span.start),
            value_end: at(term.value.span.end),
        }
    }

    fn spans(self) -> TermSpans {
        let at = |n: u32| usize::try_from(n).unwrap_or(usize::MAX);
        let start = at(self.start & !Written::MINUS);
        let head = start + usize::from(self.start & Written::MINUS != 0);
        let value = Span::new(at(self.value_start), at(self.value_end));
        // A keyword is at least one character and its colon.
        let keyword = (value.start >= head + 2).then(|| Span::new(head, value.start - 1));
        TermSpans { term: Span::new(start, value.end), keyword, value }
    }
}

/// The error for a query longer than [`MAX_QUERY_BYTES`].
pub(crate) fn too_long(text: &str) -> Result<(), Error> {
    if text.len() <= MAX_QUERY_BYTES {
        return Ok(());
    }
    let message = format!(
        "the query is {} bytes long; ringq reads at most {} bytes",
        grouped(text.len() as u64),
        grouped(MAX_QUERY_BYTES as u64)
    );
    let diagnostic =
        Diagnostic::error(Code::TooLong, Span::new(0, 0), message).with_hint("split it into several queries");
    Err(Error::new(text, vec![diagnostic]))
}

/// Which checks a parse makes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Checks {
    /// Every check: errors and warnings.
    All,
    /// Only those that can find an error.
    ErrorsOnly,
}

/// A term that passed its own checks, ready to be written: its keyword as
/// the canonical form spells it, and its value.
struct Accepted<'t> {
    keyword: &'t str,
    negated: bool,
    value: NewValue<'t>,
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
        self.reading = context.reading();
        self.dates = Some(context);
        self
    }

    /// Which reading of human dates to check for when there is no date
    /// context (default RingCX's); with one, the context's reading.
    pub fn reading(mut self, reading: DateReading) -> Self {
        self.reading = reading;
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
    ///
    /// One pass: each term is read, checked and written in canonical form
    /// into the query's one buffer before the next is read; nothing is
    /// allocated for a term whose value is already canonical.
    pub(crate) fn parse_with(&self, text: &str, dates: Option<&DateContext>) -> Result<Parsed, Error> {
        self.parse_checking(text, dates, Checks::All)
    }

    /// [`Parser::parse_with`] without the checks that can only warn, and
    /// without warnings or spans: for a compiler, which shows nothing
    /// unless there is an error (and then parses again, to show everything
    /// where it was written).
    pub(crate) fn parse_for_errors(&self, text: &str, dates: Option<&DateContext>) -> Result<Parsed, Error> {
        self.parse_checking(text, dates, Checks::ErrorsOnly)
    }

    fn parse_checking(&self, text: &str, dates: Option<&DateContext>, checks: Checks) -> Result<Parsed, Error> {
        too_long(text)?;
        let mut diagnostics = Vec::new();
        let mut syntax_diagnostics = Vec::new();
        // Room for a term every 8 bytes and a canonical form as long as
        // what was written, so the usual query never grows its buffers; for
        // a long one, room that is never written is never touched either.
        let terms = text.len() / 8 + 1;
        let mut writer = QueryWriter::with_capacity(text.len() + 16, terms);
        let mut written = match checks {
            Checks::All => Vec::with_capacity(terms),
            Checks::ErrorsOnly => Vec::new(),
        };
        let mut resolved = Vec::new();
        let mut cross = CrossChecks::default();
        let mut operators = OperatorChecks::default();
        let mut ranges = RangeChecks::default();
        let mut orders = 0;
        let ascii = text.is_ascii();
        for ast_term in syntax::terms(text, &mut syntax_diagnostics) {
            if ast_term.value.incomplete.is_some() {
                // A half-typed term: its syntax error says all there is.
                continue;
            }
            let first_new = diagnostics.len();
            let (spec, accepted) = self.term(&ast_term, checks, &mut diagnostics);
            orders += usize::from(spec.is_some_and(|spec| spec.value == ValueType::Order));
            if !ascii && checks == Checks::All {
                self.invisible_characters(text, &ast_term, accepted.is_some(), first_new, &mut diagnostics);
            }
            let mut goes_on = false;
            if ast_term.value.quote == Quote::Bare {
                let warning_only = accepted.is_some() && checks == Checks::ErrorsOnly;
                if spec.is_some_and(|spec| spec.value == ValueType::Date) && !warning_only {
                    goes_on = checks::unquoted_date(text, &ast_term, accepted.is_some(), first_new, &mut diagnostics);
                }
                if ast_term.keyword.is_none() {
                    operators.check(text, self, &ast_term, &mut diagnostics);
                }
            }
            let Some(Accepted { keyword, negated, value }) = accepted else { continue };
            if let (None, NewValue::Date(_, expr)) = (dates, &value) {
                if let Err(e) = expr.readable_in(self.reading) {
                    diagnostics.push(date_diagnostic(&ast_term.value, e));
                }
            }
            if let (Some(context), NewValue::Date(_, expr)) = (dates, &value) {
                let span = match expr.resolve_with_warnings(context) {
                    Ok((span, warnings)) => {
                        // A value that goes on unquoted has its warning; what
                        // its first word alone reads as is beside the point.
                        if !goes_on {
                            diagnostics.extend(warnings.into_iter().map(|w| date_diagnostic(&ast_term.value, w)));
                        }
                        Some(span)
                    }
                    Err(e) => {
                        diagnostics.push(date_diagnostic(&ast_term.value, e));
                        None
                    }
                };
                if let (Some(spec), Some(span), Checks::All) = (spec, span, checks) {
                    ranges.add(spec, written.len(), negated, span);
                }
                resolved.push(span);
            }
            if let Some(spec) = spec {
                cross.check(&spec.name, &value, &ast_term, &mut diagnostics);
            }
            writer.push(keyword, negated, value);
            if checks == Checks::All {
                written.push(Written::new(&ast_term));
            }
        }
        diagnostics.append(&mut syntax_diagnostics);
        if orders > 0 {
            checks::fixes_that_add_an_order(&self.catalog, orders, &mut diagnostics);
        }
        if diagnostics.iter().any(Diagnostic::is_error) {
            // Duplicates only matter for the canonical form of a valid query.
            return Err(Error::new(text, diagnostics));
        }
        let (query, dropped) = writer.finish();
        if !dropped.is_empty() {
            for &i in &dropped {
                if let Some(at) = written.get(i) {
                    let term = at.spans().term;
                    diagnostics.push(
                        Diagnostic::warning(Code::DuplicateTerm, term, "this term repeats an earlier one")
                            .with_hint("it is dropped from the canonical form; remove it")
                            .with_replacement(syntax::removal(text, term), ""),
                    );
                }
            }
            remove_positions(&mut written, &dropped);
        }
        let parsed = Parsed { query, written, dates: resolved, warnings: Vec::new() };
        if checks == Checks::All {
            contradictions(&self.catalog, &parsed, &mut diagnostics);
            ranges.check(&parsed, &dropped, &mut diagnostics);
        } else {
            diagnostics.clear(); // warnings only: the query is valid
        }
        diagnostics.sort_by_key(|d| (d.span().start, d.span().end));
        Ok(Parsed { warnings: diagnostics, ..parsed })
    }

    /// Checks a query written term by term from code (see
    /// [`crate::QueryBuilder`]) by the rules typed text meets, without
    /// reading its text again: each term is checked on its own and with the
    /// others where its canonical form prints it, so an error's span points
    /// into `query.as_str()`. Only errors are looked for; the query is
    /// returned as it was written.
    pub(crate) fn check_written(&self, query: Query) -> Result<Query, Error> {
        let text = query.as_str();
        too_long(text)?;
        let mut diagnostics = Vec::new();
        let mut cross = CrossChecks::default();
        for (i, term) in query.terms().enumerate() {
            let Some((span, keyword, value_span)) = query.printed_span(i) else { continue };
            let raw = text.get(value_span.range()).unwrap_or_default();
            let ast_term = AstTerm {
                span,
                minus: term.is_negated().then(|| Span::new(span.start, span.start + 1)),
                keyword: keyword.map(|span| AstKeyword { name: term.keyword(), span }),
                value: AstValue {
                    text: Cow::Borrowed(term.value().canonical_text()),
                    raw,
                    span: value_span,
                    quote: if raw.starts_with('"') { Quote::Straight } else { Quote::Bare },
                    incomplete: None,
                },
            };
            let (spec, accepted) = self.term(&ast_term, Checks::ErrorsOnly, &mut diagnostics);
            if let (Some(spec), Some(accepted)) = (spec, accepted) {
                cross.check(&spec.name, &accepted.value, &ast_term, &mut diagnostics);
            }
        }
        if diagnostics.iter().any(Diagnostic::is_error) {
            diagnostics.sort_by_key(|d| (d.span().start, d.span().end));
            return Err(Error::new(text, diagnostics));
        }
        Ok(query)
    }

    /// Validates one term on its own: its keyword's entry in the catalogue
    /// (if any), and the term when it has no error.
    fn term<'p: 't, 't>(
        &'p self,
        term: &'t AstTerm<'_>,
        checks: Checks,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> (Option<&'p KeywordSpec>, Option<Accepted<'t>>) {
        let name = term.keyword.as_ref().map_or("text", |k| k.name);
        let Some(spec) = self.catalog.get(name) else {
            return (None, self.unknown_keyword(term, name, checks, diagnostics));
        };
        let first_new = diagnostics.len();
        keyword_fits(term, &spec.name, diagnostics);
        let negated = term.minus.is_some() && !spec.value.is_boolean();
        if term.minus.is_some() {
            check_negation(&self.catalog, spec, term, diagnostics);
        }
        let Some(value) = typed_value(spec, &self.catalog, term, diagnostics) else { return (Some(spec), None) };
        let value = match (value, term.minus) {
            (NewValue::Bool(b), Some(_)) => NewValue::Bool(!b),
            (value, _) => value,
        };
        if spec.value == ValueType::Flag && matches!(value, NewValue::Bool(false)) {
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
        (Some(spec), (!has_new_errors).then_some(Accepted { keyword: &spec.name, negated, value }))
    }

    fn unknown_keyword<'t>(
        &self,
        term: &'t AstTerm<'_>,
        name: &'t str,
        checks: Checks,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Option<Accepted<'t>> {
        let span = term.keyword.as_ref().map_or(term.value.span, |k| k.span);
        if self.lenient {
            // Kept as written; a near miss of a known keyword is most likely
            // a typo, which lenient mode must not hide.
            let suggestions = match checks {
                Checks::All => self.catalog.suggest_keywords(name),
                Checks::ErrorsOnly => Vec::new(),
            };
            let fields = match checks {
                Checks::All if !self.catalog.is_field(name) => self.catalog.suggest_fields(name),
                _ => Vec::new(),
            };
            if let Some(near) = fields.first() {
                let warning = Diagnostic::warning(
                    Code::UnknownField,
                    span,
                    format!("`{}` is not a documented field of the documents; kept as written", shown(name)),
                )
                .with_hint(did_you_mean(&fields).unwrap_or_default());
                diagnostics.push(match self.field_takes(near, &term.value.text) {
                    true => warning.with_replacement(span, *near),
                    false => warning,
                });
            } else if let Some(near) = suggestions.first() {
                let warning = Diagnostic::warning(
                    Code::UnknownKeyword,
                    span,
                    format!("unknown keyword `{}`, kept as written", shown(name)),
                )
                .with_hint(did_you_mean(&[near]).unwrap_or_default());
                diagnostics.push(match self.fits(near, term) {
                    true => warning.with_replacement(span, *near),
                    false => warning,
                });
            }
            if !keyword_fits(term, name, diagnostics) {
                return None;
            }
            let value = NewValue::Raw(&term.value.text);
            return Some(Accepted { keyword: name, negated: term.minus.is_some(), value });
        }
        let suggestions = self.catalog.suggest_keywords(name);
        let mut diagnostic =
            Diagnostic::error(Code::UnknownKeyword, span, format!("unknown keyword `{}`", shown(name)));
        let elsewhere = crate::catalog::elsewhere(name);
        let hint = match elsewhere {
            Some(elsewhere) => elsewhere.hint(name),
            None => did_you_mean(&suggestions).unwrap_or_else(|| as_text_hint(name, &term.value.text)),
        };
        diagnostic = diagnostic.with_hint(hint);
        let candidates = match elsewhere {
            Some(Elsewhere::OmniqKeyword { ringcx }) => vec![ringcx],
            Some(_) => Vec::new(),
            None => suggestions,
        };
        if let Some(fits) = candidates.iter().find(|near| self.fits(near, term)) {
            diagnostic = diagnostic.with_replacement(span, *fits);
        }
        diagnostics.push(diagnostic);
        None
    }

    /// A term that holds characters no one can see: the error it has says
    /// so, or a warning does when it is valid, with the edit that removes
    /// them when the term is valid without them.
    fn invisible_characters(
        &self,
        source: &str,
        term: &AstTerm<'_>,
        accepted: bool,
        first_new: usize,
        diagnostics: &mut Vec<Diagnostic>,
    ) {
        let Some(written) = source.get(term.span.range()).filter(|w| invisible::holds_invisible(w)) else { return };
        let (part, span) = match &term.keyword {
            Some(keyword) if invisible::holds_invisible(keyword.name) => (keyword.name, keyword.span),
            _ => (term.value.raw, term.value.span),
        };
        let described = invisible::describe(part).unwrap_or_default();
        let visible = invisible::without_invisible(written);
        let fix = if visible.trim().is_empty() {
            Some(Replacement::new(syntax::removal(source, term.span), ""))
        } else {
            let valid = self.parse_checking(&visible, None, Checks::ErrorsOnly).is_ok();
            valid.then(|| Replacement::new(term.span, visible.as_ref()))
        };
        let hint = match &fix {
            Some(fix) if fix.text().is_empty() => "remove the term".to_owned(),
            Some(fix) => format!("remove the invisible characters: `{}`", shown(fix.text())),
            None => "remove the invisible characters".to_owned(),
        };
        if accepted {
            let message = format!("`{}` is {described}, which RingCX gets as written", shown(part));
            let warning = Diagnostic::warning(Code::InvisibleCharacter, span, message);
            diagnostics.push(match fix {
                Some(fix) => warning.with_fix(hint, fix),
                None => warning.with_hint(hint),
            });
            return;
        }
        let Some(error) = diagnostics.get_mut(first_new..).and_then(|new| new.iter_mut().find(|d| d.is_error())) else {
            return;
        };
        error.extend_message(&format!(": it is {described}"));
        if let Some(fix) = fix {
            error.set_fix(hint, fix);
        }
    }

    /// Whether the document field `field` takes `text` as its schema types
    /// it: a did-you-mean is only an edit when the value fits the field.
    fn field_takes(&self, field: &str, text: &str) -> bool {
        match crate::catalog::field_type(field) {
            FieldType::Text => true,
            FieldType::Bool => parse_bool(text).is_some(),
            FieldType::Number { nullable } => {
                (nullable && text == "null") || text.parse::<serde_json::Number>().is_ok()
            }
            FieldType::Date => date_value(text).is_ok_and(|(_, date)| date.readable_in(self.reading).is_ok()),
        }
    }

    /// Whether `term`, with the catalogue keyword `name` in place of its
    /// own, passes its own checks: a did-you-mean is only offered as an
    /// edit when making it leaves no error in the term.
    pub(super) fn fits(&self, name: &str, term: &AstTerm<'_>) -> bool {
        let Some(spec) = self.catalog.get(name) else { return false };
        let mut found = Vec::new();
        if term.minus.is_some() {
            check_negation(&self.catalog, spec, term, &mut found);
        }
        let readable = match typed_value(spec, &self.catalog, term, &mut found) {
            Some(NewValue::Date(_, date)) => date.readable_in(self.reading).is_ok(),
            Some(_) => true,
            None => false,
        };
        readable && !found.iter().any(Diagnostic::is_error)
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
    pub fn spans(&self) -> impl ExactSizeIterator<Item = TermSpans> + '_ {
        self.written.iter().map(|w| w.spans())
    }

    /// Where term `index` of [`Parsed::query`] was written.
    pub fn span(&self, index: usize) -> Option<TermSpans> {
        self.written.get(index).map(|w| w.spans())
    }

    /// The resolved span of term `index`, when it is a date and a date
    /// context was given.
    pub fn date(&self, index: usize) -> Option<&DateSpan> {
        self.dates.get(self.query.date_index(index)?)?.as_ref()
    }

    /// The warnings: the query is valid, but these deserve a look.
    pub fn warnings(&self) -> &[Diagnostic] {
        &self.warnings
    }
}

/// Whether a keyword kept in a query is short enough for its index (see
/// [`MAX_KEYWORD_BYTES`]); an error at the keyword when it is not.
fn keyword_fits(term: &AstTerm<'_>, keyword: &str, diagnostics: &mut Vec<Diagnostic>) -> bool {
    if keyword.len() <= MAX_KEYWORD_BYTES {
        return true;
    }
    let span = term.keyword.as_ref().map_or(term.value.span, |k| k.span);
    let message = format!(
        "a keyword of {} bytes is too long (at most {})",
        grouped(keyword.len() as u64),
        grouped(MAX_KEYWORD_BYTES as u64)
    );
    diagnostics.push(Diagnostic::error(Code::TooLong, span, message));
    false
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
            let message = format!("`{}` cannot be negated: negation is not supported", spec.name);
            let diagnostic = Diagnostic::error(Code::NegationNotSupported, span, message);
            // The other bound says what the negation meant; removing the `-`
            // alone would ask for the opposite, so it is no edit to offer.
            diagnostics.push(match catalog.opposite_bound(spec) {
                Some(other) => diagnostic
                    .with_hint(format!("use `{}` instead of negating `{}`", other.name, spec.name))
                    .with_replacement(span, other.name.as_ref()),
                None => diagnostic.with_hint("remove the `-`"),
            });
        }
    }
}

/// A date error or warning, pointed at the exact bytes inside the value
/// when the value maps byte for byte onto the query, else at the whole value.
/// A date's fix rewrites the whole expression: here it becomes the whole
/// value, quoted as it must be.
fn date_diagnostic(value: &AstValue<'_>, problem: impl Into<Diagnostic>) -> Diagnostic {
    let diagnostic = problem.into();
    let span = inside_value(value, diagnostic.span());
    let fix = diagnostic.replacement().map(|fix| quoted(fix.text(), false));
    let diagnostic = diagnostic.at(span);
    match fix {
        Some(fix) => diagnostic.with_replacement(value.span, fix),
        None => diagnostic,
    }
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
    let term = quoted(&format!("{name}:{value}"), true);
    if term.chars().count() <= LONGEST && !term.chars().any(char::is_control) {
        format!("quote the whole term to search for it as text: {term}")
    } else {
        "quote the whole term to search for it as text".to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use proptest::prelude::*;

    /// Terms of every kind the checks look at: unknown keywords and near
    /// misses, dates quoted and not (going on after a space), empty
    /// ranges, contradictions, duplicates, errors.
    fn term() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "platform:web",
            "isNewClient:yes",
            "assigned_to_me:true",
            "asigned_to_me:true",
            "status_in:new",
            "-status_in:new",
            "stauts_in:new",
            "refund",
            "refund",
            "first_content_after:2025-06-01",
            "first_content_before:2025-05-01",
            "first_content_after:yesterday at 4pm",
            "first_content_after:\"2 weeks ago\"",
            "first_content_after:2 weeks ago",
            "created_after:2025-02-30",
            "order:created_at.asc",
            "order:created_at.desc",
            "status_in:nope",
            "-first_content_after:today",
            "\"",
        ])
    }

    proptest! {
        #[test]
        fn parsing_for_errors_finds_what_a_full_parse_finds(terms in prop::collection::vec(term(), 0..8), lenient: bool) {
            let text = terms.join(" ");
            let now = chrono::Utc.with_ymd_and_hms(2026, 11, 24, 12, 0, 0).unwrap();
            let context = DateContext::new(now);
            let parser = Parser::new().lenient(lenient).catalog(Catalog::omniq());
            let full = parser.parse_with(&text, Some(&context));
            let quick = parser.parse_for_errors(&text, Some(&context));
            match (full, quick) {
                (Ok(full), Ok(quick)) => {
                    prop_assert!(quick.warnings.is_empty() && quick.written.is_empty());
                    prop_assert_eq!(full.query.as_str(), quick.query.as_str());
                    prop_assert!(full.query.terms().eq(quick.query.terms()));
                    prop_assert_eq!(full.dates, quick.dates);
                }
                (Err(full), Err(quick)) => {
                    let errors = |e: &Error| e.diagnostics().iter().filter(|d| d.is_error()).cloned().collect::<Vec<_>>();
                    prop_assert_eq!(errors(&full), errors(&quick));
                }
                (full, quick) => prop_assert!(false, "{text}: {full:?} but {quick:?}"),
            }
        }
    }
}
