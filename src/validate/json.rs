//! Typed values from outside the parser go through it too: `Query::parse`
//! and `FromStr`, and the JSON forms of [`Query`] and [`DateValue`], so no
//! way of making a query skips the checks.

use std::str::FromStr;

use crate::catalog::Catalog;
use crate::dates::DateError;
use crate::diagnostic::Error;
use crate::query::{DateValue, Query, QueryShape, Value};

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

impl TryFrom<String> for DateValue {
    type Error = DateError;

    /// Parses a date expression; the text is kept in canonical form.
    fn try_from(text: String) -> Result<Self, Self::Error> {
        date_value(&text)
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
        for term in &shape.terms {
            // A name that is not a keyword would print as something else.
            if !crate::syntax::is_keyword(term.keyword()) {
                return Err(format!("`{}` is not a keyword", term.keyword()));
            }
            if term.is_negated() && matches!(term.value(), Value::Bool(_)) {
                return Err(format!("`{}`: a boolean term is not negated; flip its value instead", term.keyword()));
            }
        }
        let query = Query::from_terms(shape.terms);
        let text = query.to_string();
        let parsed = Parser::new().lenient(true).parse(&text).map_err(|error| {
            error
                .errors()
                .map(|d| format!("`{}`: {}", text.get(d.span().range()).unwrap_or(&text), d.message()))
                .collect::<Vec<_>>()
                .join("; ")
        })?;
        let read_back = parsed.query().terms();
        match query.terms().iter().zip(read_back).find(|(term, back)| term != back) {
            None if read_back.len() == query.terms().len() => Ok(query),
            None => Err(format!("`{text}` reads back as `{}`", parsed.query())),
            Some((term, back)) if term.keyword() == back.keyword() && term.value().kind() == back.value().kind() => {
                Err(format!("`{term}` reads back as `{back}`; write it that way"))
            }
            Some((term, _)) => Err(match Catalog::ringcx().get(term.keyword()) {
                Some(spec) => format!(
                    "`{term}`: `{}` takes {}, not a `{}` value",
                    spec.name,
                    spec.value.describe(),
                    term.value().kind()
                ),
                None => format!(
                    "`{term}`: `{}` is not in the catalogue, so its value is of type `raw`, not `{}`",
                    term.keyword(),
                    term.value().kind()
                ),
            }),
        }
    }
}
