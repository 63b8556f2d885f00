//! Each term compiled: to a field's constraint, to free text, or to a
//! residual, and the constraints on one field merged into one filter.

use super::*;
use crate::catalog::FieldType;

impl OmniqCompiler {
    pub(super) fn build(&self, query: &Query, dates: Dates<'_>) -> (OmniqRequest, Vec<Residual>, Vec<CompileError>) {
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
    pub(super) fn term<'q>(
        &'q self,
        index: usize,
        term: Term<'q>,
        dates: Dates<'_>,
    ) -> Result<Compiled<'q>, CompileError> {
        let keyword = term.keyword();
        let negated = term.is_negated();
        let constraint = |field: &'q str, negated: bool, kind: FieldTest<'q>| {
            Ok(Compiled::Field(field, Constraint { term: index, negated, kind }))
        };
        match term.value() {
            Value::Text(words) if term.is_text() => Ok(Compiled::Text { negated, words }),
            Value::Order(_) => Err(CompileError::new(
                Code::NotExpressible,
                index,
                TermPart::Term,
                format!("getmydata does not sort: `{term}` cannot be compiled"),
            )
            .with_hint("remove it, and sort the returned documents")),
            Value::Raw(text) => {
                if !is_field_path(keyword) {
                    return Err(CompileError::new(
                        Code::InvalidField,
                        index,
                        TermPart::Keyword,
                        format!("`{}` is not a field path: a path segment is empty", shown(keyword)),
                    )
                    .with_hint("separate names with single dots, as in `workflow.attrs.contact.email`"));
                }
                if keyword == CREATED_AT {
                    let (date, expr) = date_value(text).map_err(|e| date_error(index, e))?;
                    let span = dates.resolve(index, &date, &expr)?;
                    return constraint(keyword, negated, FieldTest::At(span.start));
                }
                match field_value(index, keyword, text)? {
                    // `-field:true` is `field:false`, as for catalogue booleans.
                    FilterValue::Bool(b) if negated => {
                        constraint(keyword, false, FieldTest::Equals(FilterValue::Bool(!b)))
                    }
                    value => constraint(keyword, negated, FieldTest::Equals(value)),
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
                            Some(side) => FieldTest::Bound(side, bound(side, span).ok_or_else(|| out_of_range(index))?),
                            None => FieldTest::At(span.start),
                        }
                    }
                    Value::Bool(b) => FieldTest::Equals(FilterValue::Bool(b)),
                    other => FieldTest::Equals(field_value(index, field, other.canonical_text())?),
                };
                constraint(field, negated, kind)
            }
        }
    }

    /// Compiles the constraints on one field (`group`, in term order):
    /// into `filter`, `residual` or `errors`.
    pub(super) fn field<'c, 'q: 'c>(
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
            FieldTest::Bound(side, at) => Some((c.term, side, at)),
            _ => None,
        });
        let range = match narrow(bounds) {
            Ok(range) => range,
            Err((from, to)) => {
                errors.push(
                    CompileError::new(
                        Code::EmptyRange,
                        to,
                        TermPart::Term,
                        format!("`{}` and `{}` leave no instant: the range is empty", shown(from), shown(to)),
                    )
                    .other(from)
                    .with_hint("the lower bound must not be after the upper bound"),
                );
                return;
            }
        };

        let values = || kept().filter(|c| !matches!(c.kind, FieldTest::Bound(..)));
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
            if let FieldTest::At(at) = c.kind {
                if let Some(bound) = range.excluding(at) {
                    errors.push(
                        CompileError::new(
                            Code::EmptyRange,
                            c.term,
                            TermPart::Term,
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
        let range_is_redundant = values().all(|c| matches!(c.kind, FieldTest::At(_)));
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
    pub(super) fn alternatives<'c, 'q: 'c>(
        &self,
        query: &Query,
        field: &str,
        positive: impl Iterator<Item = &'c Constraint<'q>> + Clone,
        residual: &mut Vec<Residual>,
    ) -> Vec<usize> {
        // Alternatives are two distinct values or more: without them (the
        // usual field), nothing is looked up or allocated.
        let mut equals = positive.clone().filter_map(|c| match &c.kind {
            FieldTest::Equals(value) => Some(value),
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
            if is_any_of(keyword) && matches!(c.kind, FieldTest::Equals(_)) {
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

impl FieldTest<'_> {
    /// The predicate that checks this constraint on a document.
    pub(super) fn predicate(&self, field: &str) -> Predicate {
        let field = field.to_owned();
        match self {
            FieldTest::Equals(value) => Predicate::Eq { field, value: value.to_json() },
            FieldTest::At(at) => Predicate::Range { field, from: Some(*at), to: Some(*at) },
            FieldTest::Bound(BoundSide::Lower, at) => Predicate::Range { field, from: Some(*at), to: None },
            FieldTest::Bound(BoundSide::Upper, at) => Predicate::Range { field, from: None, to: Some(*at) },
        }
    }

    /// The `filterBy` value of an equality constraint.
    pub(super) fn filter_value(&self) -> FilterValue<'_> {
        match self {
            FieldTest::Equals(value) => value.clone(),
            FieldTest::At(at) | FieldTest::Bound(_, at) => FilterValue::At(*at),
        }
    }

    /// The `filterBy` value of this constraint when it is the only one on
    /// its field: a bound is a range open at its other end.
    fn alone(&self) -> FilterValue<'_> {
        match self {
            FieldTest::Bound(BoundSide::Lower, at) => FilterValue::Range { from: Some(*at), to: None },
            FieldTest::Bound(BoundSide::Upper, at) => FilterValue::Range { from: None, to: Some(*at) },
            other => other.filter_value(),
        }
    }

    /// The bytes of string the filter will hold for it.
    fn text_len(&self) -> usize {
        match self {
            FieldTest::Equals(FilterValue::Text(text)) => text.len(),
            _ => 0,
        }
    }
}

impl Range {
    pub(super) fn predicate(&self, field: &str) -> Predicate {
        Predicate::Range { field: field.to_owned(), from: self.from.map(|(_, t)| t), to: self.to.map(|(_, t)| t) }
    }

    /// `{"from": ..., "to": ...}`, with only the bounds that are set.
    pub(super) fn filter_value(&self) -> FilterValue<'static> {
        FilterValue::Range { from: self.from.map(|(_, t)| t), to: self.to.map(|(_, t)| t) }
    }
}

/// The value of `text` for `field`: a boolean or a number for the
/// schema's boolean and number fields, else the string itself.
pub(super) fn field_value<'q>(index: usize, field: &str, text: &'q str) -> Result<FilterValue<'q>, CompileError> {
    let field_type = crate::catalog::field_type(field);
    if let FieldType::Number { nullable } = field_type {
        if nullable && text == "null" {
            return Ok(FilterValue::Null);
        }
        return text.parse::<serde_json::Number>().map(FilterValue::Number).map_err(|_| {
            let also = if nullable { ", or `null`" } else { "" };
            CompileError::new(
                Code::InvalidNumber,
                index,
                TermPart::Value,
                format!("`{field}` is a number field, not `{}`", shown(text)),
            )
            .with_hint(format!("write a number such as `12` or `1.5`{also}"))
        });
    }
    if field_type != FieldType::Bool {
        return Ok(FilterValue::Text(text));
    }
    parse_bool(text).map(FilterValue::Bool).ok_or_else(|| {
        CompileError::new(
            Code::InvalidBoolean,
            index,
            TermPart::Value,
            format!("`{field}` is a boolean field, not `{}`", shown(text)),
        )
        .with_hint("use `true` or `false` (also `1 on yes` / `0 off no`)")
    })
}

/// Where the compiler finds a date's span: resolved already by the parse
/// the query came from, or resolved here against the context.
#[derive(Clone, Copy)]
pub(super) struct Dates<'a> {
    pub(super) parsed: Option<&'a Parsed>,
    pub(super) context: Option<&'a DateContext>,
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
                TermPart::Value,
                format!("`{}` cannot be resolved: no \"now\" was given", shown(text)),
            )
            .with_hint("give the instant to resolve dates against (`now` in the options)"));
        };
        date.resolve(context).map_err(|e| date_error(index, e))
    }
}
