//! Typed values from outside the parser go through it too: `Query::parse`
//! and `FromStr`, and the JSON form of [`Query`], so no way of making a
//! query skips the checks.

use std::borrow::Cow;
use std::str::FromStr;

use serde::{Deserialize, Deserializer};

use crate::catalog::Catalog;
use crate::diagnostic::Error;
use crate::query::{NewValue, Order, Query, QueryWriter, Term};

use super::{date_value, Parsed, Parser};

impl Query {
    /// Parses and validates `text` against the RingCX catalogue, strictly.
    /// The same as `text.parse()`; see [`Parser`] for other catalogues,
    /// lenient mode and date resolution.
    pub fn parse(text: &str) -> Result<Query, Error> {
        Parser::new().parse(text).map(Parsed::into_query)
    }
}

impl FromStr for Query {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Query::parse(s)
    }
}

/// The serialized shape of a query, checked before it becomes a [`Query`].
#[derive(Debug, Deserialize)]
pub(crate) struct QueryShape {
    pub(crate) terms: Vec<TermShape>,
}

/// The serialized shape of a term.
#[derive(Clone, Debug, Deserialize)]
pub(crate) struct TermShape {
    pub(crate) keyword: String,
    #[serde(default)]
    pub(crate) negated: bool,
    pub(crate) value: ValueShape,
}

/// The serialized shape of a value: [`crate::Value`], owned.
#[derive(Clone, Debug, Deserialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub(crate) enum ValueShape {
    Bool(bool),
    Id(String),
    Status(String),
    Language(String),
    Date(String),
    Text(String),
    Order(Order),
    Raw(String),
}

impl<'de> Deserialize<'de> for Query {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let shape = QueryShape::deserialize(deserializer)?;
        Query::try_from(shape).map_err(serde::de::Error::custom)
    }
}

impl QueryShape {
    /// The terms written as they are, unchecked but for what printing needs:
    /// keywords that are keywords, booleans not negated, dates that parse.
    pub(crate) fn write(&self) -> Result<Query, String> {
        let mut writer = QueryWriter::with_capacity(0, self.terms.len());
        for term in &self.terms {
            let keyword = term.keyword.as_str();
            // A name that is not a keyword would print as something else.
            if !crate::syntax::is_keyword(keyword) {
                return Err(format!("`{keyword}` is not a keyword"));
            }
            let value = match &term.value {
                ValueShape::Bool(_) if term.negated => {
                    return Err(format!("`{keyword}`: a boolean term is not negated; flip its value instead"));
                }
                ValueShape::Bool(b) => NewValue::Bool(*b),
                ValueShape::Id(s) => NewValue::Id(s),
                ValueShape::Status(s) => NewValue::Status(Cow::Borrowed(s)),
                ValueShape::Language(s) => NewValue::Language(s),
                ValueShape::Date(s) => {
                    let (canonical, expr) = date_value(s)
                        .and_then(|(canonical, expr)| {
                            expr.readable_in(crate::dates::DateReading::RingCx)?;
                            Ok((canonical, expr))
                        })
                        .map_err(|e| format!("`{keyword}`: {e}"))?;
                    NewValue::Date(canonical, expr)
                }
                ValueShape::Text(s) => NewValue::Text(s),
                ValueShape::Order(order) => NewValue::Order(*order),
                ValueShape::Raw(s) => NewValue::Raw(s),
            };
            writer.push(keyword, term.negated, value);
        }
        Ok(writer.finish().0)
    }
}

impl TryFrom<QueryShape> for Query {
    type Error = String;

    /// Checks what the type promises by the one validation path there is:
    /// the terms are printed and the printed form is parsed (leniently, so
    /// that `raw` terms of keywords outside the catalogue stay what they
    /// are). The JSON is accepted only when that gives back the same terms,
    /// so a `Query` from JSON always prints a form that reads back as
    /// itself, with the same checks as a typed one: values of the keyword's
    /// type, negation where it is allowed, one `order`.
    fn try_from(shape: QueryShape) -> Result<Self, Self::Error> {
        let query = shape.write()?;
        let text = query.as_str();
        let parsed = Parser::new().lenient(true).parse(text).map_err(|error| {
            error
                .errors()
                .map(|d| format!("`{}`: {}", text.get(d.span().range()).unwrap_or(text), d.message()))
                .collect::<Vec<_>>()
                .join("; ")
        })?;
        let read_back = parsed.query();
        match query.terms().zip(read_back.terms()).find(|(term, back)| term != back) {
            None if read_back.len() == query.len() => Ok(parsed.into_query()),
            None => Err(format!("`{text}` reads back as `{read_back}`")),
            Some((term, back)) if term.keyword() == back.keyword() && term.value().kind() == back.value().kind() => {
                Err(format!("`{term}` reads back as `{back}`; write it that way"))
            }
            Some((term, _)) => Err(mismatch(term)),
        }
    }
}

/// Why `term` read back as a term of another type.
fn mismatch(term: Term<'_>) -> String {
    match Catalog::ringcx().get(term.keyword()) {
        Some(spec) => {
            format!("`{term}`: `{}` takes {}, not a `{}` value", spec.name, spec.value.describe(), term.value().kind())
        }
        None => format!(
            "`{term}`: `{}` is not in the catalogue, so its value is of type `raw`, not `{}`",
            term.keyword(),
            term.value().kind()
        ),
    }
}
