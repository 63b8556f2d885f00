//! Validation: from the syntax tree to a typed [`Query`], against a catalogue.
//!
//! Every term is checked on its own (keyword known, value of the right type,
//! negation allowed), then the terms are checked together (one `order`,
//! contradictory booleans, duplicates). Every problem becomes a
//! [`Diagnostic`] at its span; the query is accepted when none is an error.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use crate::bounds::{bound, narrow, stem_and_side, Bound};
use crate::catalog::{Catalog, KeywordSpec, Negation, Repeat, ValueType};
use crate::dates::{DateContext, DateSpan};
use crate::diagnostic::{shown, Code, Diagnostic, Error};
use crate::query::{canonical_words, remove_positions, DateValue, Order, OrderError, Query, Term, TermSet, Value};
use crate::span::Span;
use crate::syntax::{self, AstTerm, AstValue, Quote};

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
        let mut operators = OperatorChecks::default();
        for ast_term in syntax::terms(text, &mut syntax_diagnostics) {
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
        self.contradictions(&query, &spans, &mut diagnostics);
        if self.dates.is_some() {
            empty_ranges(&query, &spans, &dates, &mut diagnostics);
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
                    .with_hint(format!("did you mean `{near}`?")),
                );
            }
            return Some(Term::new(name.to_owned(), term.minus.is_some(), Value::Raw(term.value.text.to_string())));
        }
        let mut diagnostic =
            Diagnostic::error(Code::UnknownKeyword, span, format!("unknown keyword `{}`", shown(name)));
        diagnostic = match suggestions.as_slice() {
            [] => diagnostic.with_hint(as_text_hint(name, &term.value.text)),
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

impl Parser {
    /// An unquoted date value that goes on after a space
    /// (`first_content_after:2 weeks ago`): the words after it would be
    /// searched as text. When the value with the next few words is a date,
    /// say so: in the hint of the value's error, or as a warning when the
    /// value alone is a date too (`yesterday at 4pm`).
    fn unquoted_date(
        &self,
        source: &str,
        term: &AstTerm<'_>,
        accepted: bool,
        first_new: usize,
        diagnostics: &mut Vec<Diagnostic>,
    ) {
        let Some(keyword) = &term.keyword else { return };
        if self.catalog.get(keyword.name).is_none_or(|spec| spec.value != ValueType::Date) {
            return;
        }
        let Some((phrase, continuation)) = date_going_on(source, term) else { return };
        let minus = if term.minus.is_some() { "-" } else { "" };
        let suggestion =
            format!("did you mean {minus}{}:{}?", keyword.name, Term::new("text", false, Value::Text(phrase)));
        if accepted {
            let rest = source.get(continuation.range()).unwrap_or("");
            diagnostics.push(
                Diagnostic::warning(
                    Code::UnquotedDate,
                    term.span.to(continuation),
                    format!("the date seems to go on after a space: `{}` is searched as text", shown(rest)),
                )
                .with_hint(suggestion),
            );
        } else if let Some(error) =
            diagnostics.get_mut(first_new..).and_then(|new| new.iter_mut().find(|d| d.code == Code::InvalidDate))
        {
            error.hint = Some(suggestion);
        }
    }

    /// A negated term that excludes everything its keyword's positive terms
    /// ask for: `status_in:new -status_in:new`. For an "any of" keyword the
    /// query is empty only when every positive value is excluded.
    fn contradictions(&self, query: &Query, spans: &[TermSpans], diagnostics: &mut Vec<Diagnostic>) {
        if !query.terms().iter().any(Term::is_negated) {
            return;
        }
        /// The values of one keyword: positive ones, and negated ones with
        /// their positions.
        #[derive(Default)]
        struct Uses<'q> {
            positive: Vec<&'q Value>,
            negated: Vec<(usize, &'q Value)>,
        }
        let mut by_keyword: HashMap<&str, Uses<'_>> = HashMap::new();
        for (i, term) in query.terms().iter().enumerate() {
            let uses = by_keyword.entry(term.keyword()).or_default();
            if term.is_negated() {
                uses.negated.push((i, term.value()));
            } else {
                uses.positive.push(term.value());
            }
        }
        for (keyword, Uses { positive, negated }) in by_keyword {
            let any_of = self.catalog.get(keyword).is_some_and(|spec| spec.repeat == Repeat::AnyOf);
            let excluded = |value: &Value| negated.iter().any(|(_, v)| *v == value);
            let hit = if any_of {
                (!positive.is_empty() && positive.iter().all(|v| excluded(v))).then(|| negated.last()).flatten()
            } else {
                negated.iter().find(|(_, v)| positive.contains(v))
            };
            let Some(&(i, value)) = hit else { continue };
            let (Some(span), Some(term)) = (spans.get(i), query.terms().get(i)) else { continue };
            let message = if any_of {
                format!("`{term}` excludes every value the other `{keyword}` terms allow: no thread can match")
            } else {
                format!("`{term}` excludes what another term asks for: no thread can match")
            };
            let positive = Term::new(keyword.to_owned(), false, value.clone());
            diagnostics.push(
                Diagnostic::warning(Code::Contradiction, span.term, message)
                    .with_hint(format!("another term says `{positive}`; remove one of them")),
            );
        }
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
                    format!("`{}` takes a boolean, not `{}`", spec.name, shown(text)),
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
                diagnostics.push(invalid(Code::InvalidStatus, format!("`{}` is not a status", shown(text)), hint));
                return None;
            }
        }
        ValueType::Language => {
            if is_language_code(text) {
                Value::Language(text.to_owned())
            } else {
                diagnostics.push(invalid(
                    Code::InvalidLanguage,
                    format!("`{}` is not a language code", shown(text)),
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
                    format!("`{}` is not a sort order", shown(text)),
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

/// The longest run of the (up to five) words after an unquoted date value
/// that, with the value, makes a date; and the span of those words. Stops at
/// a word that is a term of its own (`kw:value`, `-x`, a quote).
fn date_going_on(source: &str, term: &AstTerm<'_>) -> Option<(String, Span)> {
    const MOST_WORDS: usize = 5;
    let mut rest = source.get(term.value.span.end..)?.trim_start();
    // The continuation starts at its first word, after the space.
    let start = source.len() - rest.len();
    let mut phrase = term.value.text.to_string();
    let mut longest = None;
    for _ in 0..MOST_WORDS {
        rest = rest.trim_start();
        let word_len = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let word = rest.get(..word_len).unwrap_or("");
        if word.is_empty() || word.contains(':') || word.starts_with(['-', '"', '“', '”']) {
            break;
        }
        phrase.push(' ');
        phrase.push_str(word);
        rest = rest.get(word_len..).unwrap_or("");
        if phrase.parse::<crate::dates::HumanDate>().is_ok() {
            let end = source.len() - rest.len();
            longest = Some((phrase.clone(), Span::new(start, end)));
        }
    }
    longest
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

/// Text that looks like an operator of another search language: `=`,
/// parentheses, `OR`, `AND`. Each is searched as text; a warning says so,
/// with the form that was likely meant. Parentheses are reported once.
#[derive(Default)]
struct OperatorChecks {
    parenthesis_seen: bool,
}

impl OperatorChecks {
    fn check(&mut self, catalog: &Catalog, term: &AstTerm<'_>, diagnostics: &mut Vec<Diagnostic>) {
        let text = term.value.text.as_ref();
        let warning = |message: String, hint: String| {
            Diagnostic::warning(Code::NotAnOperator, term.value.span, message).with_hint(hint)
        };
        if let Some((left, right)) = text.split_once('=') {
            if let Some(spec) = catalog.get(left) {
                let meant = format!("{}:{right}", spec.name);
                diagnostics.push(warning(
                    format!("`=` means nothing here: `{}` is searched as text", shown(text)),
                    format!("did you mean `{}`?", shown(&meant)),
                ));
                return;
            }
        }
        match text {
            "OR" => diagnostics.push(warning(
                "`OR` is not an operator: it is searched as the word, and every term must match".to_owned(),
                "remove it; to match any of several values, repeat an \"any of\" keyword \
                 (`status_in:new status_in:replied`)"
                    .to_owned(),
            )),
            "AND" => diagnostics.push(warning(
                "`AND` is not an operator: it is searched as the word".to_owned(),
                "remove it; every term must match already".to_owned(),
            )),
            _ if !self.parenthesis_seen && (text.starts_with('(') || (text.ends_with(')') && !text.contains('('))) => {
                self.parenthesis_seen = true;
                diagnostics.push(warning(
                    format!("parentheses do not group terms: `{}` is searched as text", shown(text)),
                    "remove them; every term must match".to_owned(),
                ));
            }
            _ => {}
        }
    }
}

/// Date bounds that leave no instant: the latest `X_after` at or after the
/// earliest `X_before`, for each stem `X` (`first_content`, `created`): the
/// same rule the OmniQ compiler applies to a field's range.
fn empty_ranges(query: &Query, spans: &[TermSpans], dates: &[Option<DateSpan>], diagnostics: &mut Vec<Diagnostic>) {
    let mut by_stem: BTreeMap<&str, Vec<Bound>> = BTreeMap::new();
    for (i, (term, date)) in query.terms().iter().zip(dates).enumerate() {
        let (Some(date), false) = (date, term.is_negated()) else { continue };
        let Some((stem, side)) = stem_and_side(term.keyword()) else { continue };
        if let Some(at) = bound(side, *date) {
            by_stem.entry(stem).or_default().push((i, side, at));
        }
    }
    for bounds in by_stem.values() {
        let Err((from, to)) = narrow(bounds) else { continue };
        let shown_term = |i: usize| query.terms().get(i).map(Term::to_string).unwrap_or_default();
        let later = from.max(to);
        let Some(span) = spans.get(later) else { continue };
        diagnostics.push(
            Diagnostic::warning(
                Code::EmptyRange,
                span.term,
                format!("`{}` and `{}` leave no instant: no thread can match", shown_term(from), shown_term(to)),
            )
            .with_hint("the `_after` date must come before the `_before` date"),
        );
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
