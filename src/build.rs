//! Building queries from code, with the catalogue's types: see
//! [`QueryBuilder`].

use chrono::{DateTime, SecondsFormat, Utc};

use crate::catalog::OtherKeyword;
pub use crate::catalog::{BoolKeyword, DateKeyword, IdKeyword, Status};
use crate::dates::DateError;
use crate::dates::HumanDate;
use crate::diagnostic::Error;
use crate::query::{NewValue, Order, Query, QueryWriter};
use crate::validate::{date_value, Parser};

/// A date value: a chrono instant, or human text checked when it is made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateInput {
    /// The canonical text.
    text: String,
    expr: HumanDate,
}

impl DateInput {
    /// A human date (`yesterday`, `2 weeks ago at 4pm`, `2011-02-03`),
    /// checked now: text in which RingCX's reading finds no date (`noon
    /// yesterday`), or a date in no year (`feb 30`), is an error.
    pub fn human(text: &str) -> Result<Self, DateError> {
        let (text, expr) = date_value(text)?;
        expr.readable_in(crate::dates::DateReading::RingCx)?;
        Ok(DateInput { text: text.into_owned(), expr })
    }

    /// An exact instant, written in RFC 3339 (UTC, whole seconds). An
    /// error only outside the years 1 to 9999, which the APIs cannot write.
    pub fn at(instant: DateTime<Utc>) -> Result<Self, DateError> {
        DateInput::human(&instant.to_rfc3339_opts(SecondsFormat::Secs, true))
    }
}

/// Builds a [`Query`] from typed values. Start with [`Query::builder`].
///
/// A [`QueryBuilder`] takes typed values: booleans for boolean keywords, a
/// [`Status`] for `status_in`, a checked [`DateInput`] for dates, ids and
/// words as plain strings. A value can hold anything (quotes, colons,
/// spaces, a leading `-`): the printer quotes and escapes it, so it stays
/// one value and never becomes another term. [`QueryBuilder::build`] then
/// validates each term by the rules the [`Parser`] applies to typed text,
/// where the canonical form prints it, so a built query never fails
/// validation and always prints to text that parses back to it.
///
/// ```
/// use ringq::{BoolKeyword, DateInput, DateKeyword, IdKeyword, Status};
/// use ringq::Query;
///
/// let query = Query::builder()
///     .flag(BoolKeyword::AssignedToMe, true)
///     .not_status(Status::Replied)
///     .date(DateKeyword::FirstContentAfter, DateInput::human("2 weeks ago at 4pm")?)
///     .id(IdKeyword::CategorizedIn, "c42")
///     .text("refund \"now\" -status_in:new")
///     .build()?;
/// assert_eq!(
///     query.to_string(),
///     r#"assigned_to_me:true -status_in:replied first_content_after:"2 weeks ago at 4pm" categorized_in:c42 "refund \"now\" -status_in:new""#
/// );
/// assert_eq!(query.to_string().parse::<Query>()?, query);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, Default)]
#[must_use = "a builder does nothing until `build` is called"]
pub struct QueryBuilder {
    /// The terms so far, written in canonical form as they come.
    terms: QueryWriter,
}

impl Query {
    /// A builder for a query made from code (see [`QueryBuilder`]).
    pub fn builder() -> QueryBuilder {
        QueryBuilder::default()
    }
}

impl QueryBuilder {
    fn push(mut self, keyword: &'static str, negated: bool, value: NewValue<'_>) -> Self {
        self.terms.push(keyword, negated, value);
        self
    }

    /// `keyword:true` or `keyword:false`.
    pub fn flag(self, keyword: BoolKeyword, value: bool) -> Self {
        self.push(keyword.as_str(), false, NewValue::Bool(value))
    }

    /// `keyword:id`.
    pub fn id(self, keyword: IdKeyword, id: impl AsRef<str>) -> Self {
        self.push(keyword.as_str(), false, NewValue::Id(id.as_ref()))
    }

    /// `-keyword:id`; [`QueryBuilder::build`] refuses it where the
    /// documentation says negation is not supported.
    pub fn not_id(self, keyword: IdKeyword, id: impl AsRef<str>) -> Self {
        self.push(keyword.as_str(), true, NewValue::Id(id.as_ref()))
    }

    /// `status_in:status`; several are alternatives.
    pub fn status(self, status: Status) -> Self {
        self.push(OtherKeyword::StatusIn.as_str(), false, NewValue::Status(status.as_str().into()))
    }

    /// `-status_in:status`.
    pub fn not_status(self, status: Status) -> Self {
        self.push(OtherKeyword::StatusIn.as_str(), true, NewValue::Status(status.as_str().into()))
    }

    /// `language:code` (an ISO 639-1 code such as `en`).
    pub fn language(self, code: impl AsRef<str>) -> Self {
        self.push(OtherKeyword::Language.as_str(), false, NewValue::Language(code.as_ref()))
    }

    /// `keyword:date`.
    pub fn date(self, keyword: DateKeyword, date: DateInput) -> Self {
        self.push(keyword.as_str(), false, NewValue::Date(date.text.into(), date.expr))
    }

    /// Free text: threads matching these words (any characters; it stays
    /// one term).
    pub fn text(self, words: impl AsRef<str>) -> Self {
        self.push(OtherKeyword::Text.as_str(), false, NewValue::Text(words.as_ref()))
    }

    /// `order:field.direction`.
    pub fn order(self, order: Order) -> Self {
        self.push(OtherKeyword::Order.as_str(), false, NewValue::Order(order))
    }

    /// The query, validated by the same rules as typed text: every problem
    /// (an empty id, a bad language code, an unsupported negation, `order`
    /// twice…) is reported with a span in the canonical text.
    pub fn build(self) -> Result<Query, Error> {
        let (written, _) = self.terms.finish();
        Parser::new().check_written(written)
    }
}
