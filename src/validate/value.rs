//! One value on its own: typed by its keyword's value type, or a
//! diagnostic at its span.

use std::borrow::Cow;

use crate::catalog::{Catalog, KeywordSpec, ValueType};
use crate::dates::{DateError, HumanDate};
use crate::diagnostic::{shown, Code, Diagnostic};
use crate::query::{NewValue, Order, OrderField, SortDirection};
use crate::suggest::{did_you_mean, nearest_name};
use crate::syntax::AstTerm;

use super::date_diagnostic;

/// Checks and types the value of a catalogue keyword.
pub(super) fn typed_value<'t>(
    spec: &KeywordSpec,
    catalog: &Catalog,
    term: &'t AstTerm<'_>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<NewValue<'t>> {
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
            Some(b) => NewValue::Bool(b),
            None => {
                diagnostics.push(invalid(
                    Code::InvalidBoolean,
                    format!("`{}` takes a boolean, not `{}`", spec.name, shown(text)),
                    "use `true` or `false` (also `1 on yes` / `0 off no`)".into(),
                ));
                return None;
            }
        },
        ValueType::UserId | ValueType::TeamId | ValueType::CategoryId | ValueType::Id => NewValue::Id(text),
        ValueType::Words => NewValue::Text(text),
        ValueType::Status => {
            let name = canonical_words(text);
            if catalog.is_status(&name) {
                NewValue::Status(name)
            } else {
                let hint =
                    did_you_mean(catalog.suggest_statuses(&name).get(..1).unwrap_or_default()).unwrap_or_else(|| {
                        format!("accepted statuses: {}", catalog.statuses().collect::<Vec<_>>().join(", "))
                    });
                diagnostics.push(invalid(Code::InvalidStatus, format!("`{}` is not a status", shown(text)), hint));
                return None;
            }
        }
        ValueType::Language => {
            if is_language_code(text) {
                NewValue::Language(text)
            } else {
                diagnostics.push(invalid(
                    Code::InvalidLanguage,
                    format!("`{}` is not a language code", shown(text)),
                    "use a code such as `en`, `fr` or `pt-BR`".into(),
                ));
                return None;
            }
        }
        ValueType::Order => match parse_order(text) {
            Ok(order) => NewValue::Order(order),
            Err(e) => {
                let near = match e {
                    OrderError::Field(len) => {
                        let field = text.get(..len).unwrap_or(text);
                        let fields = nearest_name(field, OrderField::ALL.iter().map(|f| f.as_str()));
                        did_you_mean(fields.get(..1).unwrap_or_default()).map(|d| format!(" ({d})")).unwrap_or_default()
                    }
                    _ => String::new(),
                };
                diagnostics.push(invalid(
                    Code::InvalidOrder,
                    format!("`{}` is not a sort order", shown(text)),
                    format!("{}{near}; for example `order:created_at.asc`", e.explain()),
                ));
                return None;
            }
        },
        ValueType::Date => match date_value(text) {
            Ok((canonical, expr)) => NewValue::Date(canonical, expr),
            Err(e) => {
                diagnostics.push(date_diagnostic(&term.value, e));
                return None;
            }
        },
    };
    Some(value)
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

/// The canonical text of a date: [`canonical_words`], except that an ISO
/// 8601 instant keeps its `T` and `Z` upper case (`2011-02-03T14:27:33Z`),
/// the way RFC 3339 writes them.
fn canonical_date(text: &str) -> Cow<'_, str> {
    let mut words = canonical_words(text);
    if words.starts_with(|c: char| c.is_ascii_digit()) && words.bytes().any(|b| b == b't' || b == b'z') {
        let bytes = words.as_bytes();
        let upper: String = words
            .char_indices()
            .map(|(i, c)| {
                let after_digit = i > 0 && bytes.get(i - 1).is_some_and(u8::is_ascii_digit);
                let last = i + 1 == bytes.len();
                match c {
                    't' if after_digit && bytes.get(i + 1).is_some_and(u8::is_ascii_digit) => 'T',
                    'z' if after_digit && last => 'Z',
                    c => c,
                }
            })
            .collect();
        words = Cow::Owned(upper);
    }
    words
}

/// Lowercase, with every run of white space made one space and none at
/// either end: the canonical spelling of status names and dates.
fn canonical_words(text: &str) -> Cow<'_, str> {
    let already_canonical = text.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase() && !b.is_ascii_whitespace());
    if already_canonical {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for word in text.split(char::is_whitespace).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    Cow::Owned(out)
}

/// A date value from what was written: its canonical text, and the
/// expression parsed from it.
pub(crate) fn date_value(text: &str) -> Result<(Cow<'_, str>, HumanDate), DateError> {
    let expr = text.parse::<HumanDate>()?;
    Ok((canonical_date(text), expr))
}

/// Why an `order` value is not `FIELD.DIRECTION`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum OrderError {
    /// No `.` between field and direction.
    NoDot,
    /// The field (of this many bytes) is not sortable.
    Field(usize),
    /// The direction is neither `asc` nor `desc`.
    Direction,
}

impl OrderError {
    /// What an order value must be, with the catalogue's field and
    /// direction names.
    fn explain(self) -> String {
        let quoted = |names: &[&str], and: &str| names.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(and);
        match self {
            OrderError::NoDot => "a sort order is `FIELD.DIRECTION`, such as `created_at.asc`".to_owned(),
            OrderError::Field(_) => {
                format!("only {} can be sorted on", quoted(&OrderField::ALL.map(OrderField::as_str), " and "))
            }
            OrderError::Direction => {
                format!("the direction is {}", quoted(&SortDirection::ALL.map(SortDirection::as_str), " or "))
            }
        }
    }
}

/// `FIELD.DIRECTION`, any case.
fn parse_order(text: &str) -> Result<Order, OrderError> {
    let (field, direction) = text.split_once('.').ok_or(OrderError::NoDot)?;
    let field = OrderField::ALL
        .into_iter()
        .find(|f| f.as_str().eq_ignore_ascii_case(field))
        .ok_or(OrderError::Field(field.len()))?;
    let direction = SortDirection::ALL
        .into_iter()
        .find(|d| d.as_str().eq_ignore_ascii_case(direction))
        .ok_or(OrderError::Direction)?;
    Ok(Order { field, direction })
}
