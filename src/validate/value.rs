//! One value on its own: typed by its keyword's value type, or a
//! diagnostic at its span.

use std::borrow::Cow;

use crate::catalog::{Catalog, KeywordSpec, Repeat, ValueType};
use crate::dates::{DateError, DateReading, HumanDate};
use crate::diagnostic::{shown, Code, Diagnostic};
use crate::print::quoted;
use crate::query::{NewValue, Order, OrderField, SortDirection};
use crate::span::Span;
use crate::suggest::{did_you_mean, nearest_name};
use crate::syntax::{AstTerm, AstValue};

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
    if spec.repeat == Repeat::AnyOf {
        if let Some(items) = list_items(text) {
            diagnostics.push(value_list(spec, catalog, term, &items));
            return None;
        }
    }
    let invalid = |code, message: String, hint: String| Diagnostic::error(code, span, message).with_hint(hint);
    let value = match spec.value {
        ValueType::Bool | ValueType::Flag => match parse_bool(text) {
            Some(b) => NewValue::Bool(b),
            None => {
                let message = format!("`{}` takes a boolean, not `{}`", spec.name, shown(text));
                let mut diagnostic = invalid(
                    Code::InvalidBoolean,
                    message,
                    "use `true` or `false` (also `1 on yes` / `0 off no`)".into(),
                );
                if let Some(near) = nearest_name(text, ["true", "false"].into_iter()).first() {
                    diagnostic = diagnostic.with_hint(format!("did you mean `{near}`?")).with_replacement(span, *near);
                }
                diagnostics.push(diagnostic);
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
                let near = catalog.suggest_statuses(&name);
                let hint = did_you_mean(near.get(..1).unwrap_or_default()).unwrap_or_else(|| {
                    format!("accepted statuses: {}", catalog.statuses().collect::<Vec<_>>().join(", "))
                });
                let mut diagnostic = invalid(Code::InvalidStatus, format!("`{}` is not a status", shown(text)), hint);
                if let Some(near) = near.first() {
                    diagnostic = diagnostic.with_replacement(span, quoted(near, false));
                }
                diagnostics.push(diagnostic);
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
                let message = format!("`{}` is not a sort order", shown(text));
                if let Some(fix) = order_fix(text) {
                    let hint = format!("{}; did you mean `{}:{fix}`?", e.explain(), spec.name);
                    diagnostics.push(invalid(Code::InvalidOrder, message, hint).with_replacement(span, fix));
                    return None;
                }
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
                    message,
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

/// Whether `text` is a list of values (see [`list_items`]).
#[cfg(test)]
pub(crate) fn is_list(text: &str) -> bool {
    list_items(text).is_some()
}

/// The items of a value written as a list (`new,replied`, `12; 34`,
/// `a|b`): at least two that are not empty, trimmed, with their byte ranges
/// in the value; `None` for a single value.
fn list_items(text: &str) -> Option<Vec<(&str, std::ops::Range<usize>)>> {
    if !text.contains([',', ';', '|']) {
        return None;
    }
    let mut items = Vec::new();
    let mut start = 0;
    for part in text.split([',', ';', '|']) {
        let lead = part.len() - part.trim_start().len();
        let item = part.trim();
        if !item.is_empty() {
            items.push((item, start + lead..start + lead + item.len()));
        }
        start += part.len() + 1;
    }
    (items.len() > 1).then_some(items)
}

/// The error for a list in one value of an "any of" keyword: each item is
/// checked as the value of a term of its own, the first bad one named (and
/// pointed at), and the hint is the keyword repeated once per item, which
/// is offered as the edit when every item is valid or has a near miss.
fn value_list(
    spec: &KeywordSpec,
    catalog: &Catalog,
    term: &AstTerm<'_>,
    items: &[(&str, std::ops::Range<usize>)],
) -> Diagnostic {
    let minus = if term.minus.is_some() { "-" } else { "" };
    let mut fixed = Vec::with_capacity(items.len());
    let mut bad = None;
    for (item, range) in items {
        let value = AstValue { text: Cow::Borrowed(*item), ..term.value.clone() };
        let mut found = Vec::new();
        let item_fix = match typed_value(spec, catalog, &AstTerm { value, ..term.clone() }, &mut found) {
            Some(_) => Some(quoted(item, false)),
            None => found.first().and_then(|d| d.replacement()).map(|r| r.text().to_owned()),
        };
        if bad.is_none() {
            if let Some(problem) = found.first() {
                bad = Some((problem.message().to_owned(), problem.hint().map(str::to_owned), range.clone()));
            }
        }
        fixed.push(item_fix.map(|v| format!("{minus}{}:{v}", spec.name)));
    }
    let list = shown(term.value.text.as_ref()).into_owned();
    let message = format!("`{}` takes one value per term, not the list `{list}`", spec.name);
    let repeated: Option<Vec<String>> = fixed.into_iter().collect();
    let example = match &repeated {
        Some(terms) => format!("repeat the keyword, once per value: `{}`", terms.join(" ")),
        None => format!("repeat the keyword, once per value (`{minus}{0}:A {minus}{0}:B`)", spec.name),
    };
    let mut diagnostic = Diagnostic::error(Code::ValueList, term.span, message);
    diagnostic = match &bad {
        Some((problem, hint, _)) => {
            let hint = hint.as_ref().map(|h| format!(" ({h})")).unwrap_or_default();
            diagnostic.with_hint(format!("{example}; and {problem}{hint}"))
        }
        None => diagnostic.with_hint(example),
    };
    if let Some((problem, _, range)) = bad {
        if let Some(offset) = term.value.offset_of_text() {
            diagnostic = diagnostic.with_related(Span::new(offset + range.start, offset + range.end), problem);
        }
    }
    // A negation the keyword does not take would stay an error in every
    // repeated term: no edit then.
    let negation_fits = term.minus.is_none() || spec.negation != crate::catalog::Negation::NotSupported;
    match repeated {
        Some(terms) if negation_fits => diagnostic.with_replacement(term.span, terms.join(" ")),
        _ => diagnostic,
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
///
/// The canonical form writes one space between words, so a date whose
/// white space is anything else (`2 weeks\u{b}ago`, two spaces) must read
/// as its canonical text does: where RingCX's reading (Chronic's) tells a
/// vertical tab from a space, it is an error whose edit writes spaces.
pub(crate) fn date_value(text: &str) -> Result<(Cow<'_, str>, HumanDate), DateError> {
    let expr = text.parse::<HumanDate>()?;
    let canonical = canonical_date(text);
    // Words one space apart already (the usual case): nothing to compare.
    let single_spaces = !text.contains("  ") && text.chars().all(|c| c == ' ' || !c.is_whitespace());
    if !single_spaces {
        let readings = [DateReading::RingCx, DateReading::Intended];
        let reads = |date: &HumanDate| readings.map(|r| date.readable_in(r).is_ok());
        let spaced = canonical.parse::<HumanDate>().ok();
        if spaced.as_ref().map(reads) != Some(reads(&expr)) {
            let readable = spaced.is_some_and(|spaced| spaced.readable_in_both());
            return Err(DateError::white_space(text, canonical.into_owned(), readable));
        }
    }
    Ok((canonical, expr))
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
            OrderError::NoDot => "a sort order is `FIELD.DIRECTION`".to_owned(),
            OrderError::Field(_) => {
                format!("only {} can be sorted on", quoted(&OrderField::ALL.map(OrderField::as_str), " and "))
            }
            OrderError::Direction => {
                format!("the direction is {}", quoted(&SortDirection::ALL.map(SortDirection::as_str), " or "))
            }
        }
    }
}

/// The sort order a mistyped one most likely is: each half that is not
/// a name replaced by its nearest name (`create_at.dsc` →
/// `created_at.desc`); `None` when a half is near no name.
fn order_fix(text: &str) -> Option<String> {
    let (field, direction) = text.split_once('.')?;
    // An exact name (any case) is its own nearest.
    let field = nearest_name(field, OrderField::ALL.iter().map(|f| f.as_str())).first().copied()?;
    // `asc` and `desc` are too short for edit distance (`dsc` is as near
    // one as the other): the first letter says which was meant.
    let first = direction.chars().next()?.to_ascii_lowercase();
    let direction = SortDirection::ALL.into_iter().find(|d| d.as_str().starts_with(first))?;
    Some(format!("{field}.{}", direction.as_str()))
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
