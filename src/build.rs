//! Building queries from code, with the catalogue's types.
//!
//! A [`QueryBuilder`] takes typed values: booleans for boolean keywords, a
//! [`Status`] for `status_in`, a checked [`DateInput`] for dates, ids and
//! words as plain strings. A value can hold anything (quotes, colons,
//! spaces, a leading `-`): the printer quotes and escapes it, so it stays
//! one value and never becomes another term. [`QueryBuilder::build`] then
//! validates the result exactly as the parser validates typed text (it is
//! printed and read back through the same [`Parser`]), so a built query
//! never fails validation and always prints to text that parses back to it.
//!
//! ```
//! use ringq::build::{BoolKeyword, DateInput, DateKeyword, IdKeyword, Status};
//! use ringq::Query;
//!
//! let query = Query::builder()
//!     .flag(BoolKeyword::AssignedToMe, true)
//!     .not_status(Status::Replied)
//!     .date(DateKeyword::FirstContentAfter, DateInput::human("2 weeks ago at 4pm")?)
//!     .id(IdKeyword::CategorizedIn, "c42")
//!     .text("refund \"now\" -status_in:new")
//!     .build()?;
//! assert_eq!(
//!     query.to_string(),
//!     r#"assigned_to_me:true -status_in:replied first_content_after:"2 weeks ago at 4pm" categorized_in:c42 "refund \"now\" -status_in:new""#
//! );
//! assert_eq!(query.to_string().parse::<Query>()?, query);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;

use chrono::{DateTime, SecondsFormat, Utc};

use crate::dates::DateError;
use crate::diagnostic::Error;
use crate::query::{DateValue, Order, Query, Term, Value};
use crate::validate::Parser;

/// Generates a keyword enum with its catalogue names.
macro_rules! keywords {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal,)* }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum $name {
            $($(#[$vmeta])* #[doc = concat!("`", $text, "`")] $variant,)*
        }

        impl $name {
            /// Every variant, in catalogue order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];

            /// The keyword as the catalogue spells it.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)*
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

keywords! {
    /// The keywords that take a boolean.
    BoolKeyword {
        ActiveAndAssigned = "active_and_assigned",
        ActiveAndAssignedToDisabledAgents = "active_and_assigned_to_disabled_agents",
        ActiveAndAssignedToMe = "active_and_assigned_to_me",
        ApprovalRequired = "approval_required",
        Assigned = "assigned",
        AssignedToMe = "assigned_to_me",
        Categorized = "categorized",
        CategorizedInMine = "categorized_in_mine",
        ForwardedIntoMine = "forwarded_into_mine",
        NeedsManualCategorization = "needs_manual_categorization",
        NotPublished = "not_published",
        OpenedAndAssigned = "opened_and_assigned",
        OpenedAndAssignedToDisabledAgents = "opened_and_assigned_to_disabled_agents",
        OpenedAndAssignedToMe = "opened_and_assigned_to_me",
        Scheduled = "scheduled",
    }
}

keywords! {
    /// The keywords that take an id (of a user, team, category, source,
    /// identity or foreign thread).
    IdKeyword {
        ActiveAndAssignedTo = "active_and_assigned_to",
        ActiveAndAssignedToTeam = "active_and_assigned_to_team",
        AssignedTo = "assigned_to",
        AssignedToTeam = "assigned_to_team",
        CategorizedIn = "categorized_in",
        CategorizedInMineOf = "categorized_in_mine_of",
        Foreign = "foreign",
        ForwardedInto = "forwarded_into",
        ForwardedIntoMineOf = "forwarded_into_mine_of",
        Identity = "identity",
        IdentityGroup = "identity_group",
        NotCategorizedIn = "not_categorized_in",
        OpenedAndAssignedTo = "opened_and_assigned_to",
        OpenedAndAssignedToTeam = "opened_and_assigned_to_team",
        Source = "source",
    }
}

keywords! {
    /// The keywords that take a date.
    DateKeyword {
        FirstContentAfter = "first_content_after",
        FirstContentBefore = "first_content_before",
        LastContentAfter = "last_content_after",
        LastContentBefore = "last_content_before",
    }
}

keywords! {
    /// The thread statuses `status_in` accepts.
    Status {
        New = "new",
        Assigned = "assigned",
        Forwarded = "forwarded",
        Replied = "replied",
        UserReply = "user_reply",
        UserInitiated = "user_initiated",
        Ignored = "ignored",
    }
}

/// A date value: a chrono instant, or human text checked when it is made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateInput(DateValue);

impl DateInput {
    /// A human date (`yesterday`, `2 weeks ago at 4pm`, `2011-02-03`),
    /// checked now: text the date grammar does not read is an error.
    pub fn human(text: &str) -> Result<Self, DateError> {
        DateValue::parse(text).map(DateInput)
    }

    /// An exact instant, written in RFC 3339 (UTC, whole seconds). An
    /// error only outside the years 1 to 9999, which the APIs cannot write.
    pub fn at(instant: DateTime<Utc>) -> Result<Self, DateError> {
        DateValue::parse(&instant.to_rfc3339_opts(SecondsFormat::Secs, true)).map(DateInput)
    }
}

/// Builds a [`Query`] from typed values. Start with [`Query::builder`].
#[derive(Clone, Debug, Default)]
#[must_use = "a builder does nothing until `build` is called"]
pub struct QueryBuilder {
    terms: Vec<Term>,
}

impl Query {
    /// A builder for a query made from code (see [`crate::build`]).
    pub fn builder() -> QueryBuilder {
        QueryBuilder::default()
    }
}

impl QueryBuilder {
    fn push(mut self, keyword: &'static str, negated: bool, value: Value) -> Self {
        self.terms.push(Term::new(keyword, negated, value));
        self
    }

    /// `keyword:true` or `keyword:false`.
    pub fn flag(self, keyword: BoolKeyword, value: bool) -> Self {
        self.push(keyword.as_str(), false, Value::Bool(value))
    }

    /// `keyword:id`.
    pub fn id(self, keyword: IdKeyword, id: impl Into<String>) -> Self {
        self.push(keyword.as_str(), false, Value::Id(id.into()))
    }

    /// `-keyword:id`; [`QueryBuilder::build`] refuses it where the
    /// documentation says negation is not supported.
    pub fn not_id(self, keyword: IdKeyword, id: impl Into<String>) -> Self {
        self.push(keyword.as_str(), true, Value::Id(id.into()))
    }

    /// `status_in:status`; several are alternatives.
    pub fn status(self, status: Status) -> Self {
        self.push("status_in", false, Value::Status(status.as_str().to_owned()))
    }

    /// `-status_in:status`.
    pub fn not_status(self, status: Status) -> Self {
        self.push("status_in", true, Value::Status(status.as_str().to_owned()))
    }

    /// `language:code` (an ISO 639-1 code such as `en`).
    pub fn language(self, code: impl Into<String>) -> Self {
        self.push("language", false, Value::Language(code.into()))
    }

    /// `keyword:date`.
    pub fn date(self, keyword: DateKeyword, date: DateInput) -> Self {
        self.push(keyword.as_str(), false, Value::Date(date.0))
    }

    /// Free text: threads matching these words (any characters; it stays
    /// one term).
    pub fn text(self, words: impl Into<String>) -> Self {
        self.push("text", false, Value::Text(words.into()))
    }

    /// `order:field.direction`.
    pub fn order(self, order: Order) -> Self {
        self.push("order", false, Value::Order(order))
    }

    /// The query, validated by the same rules as typed text: every problem
    /// (an empty id, a bad language code, an unsupported negation, `order`
    /// twice…) is reported with a span in the canonical text.
    pub fn build(self) -> Result<Query, Error> {
        let text = Query::from_terms(self.terms).to_string();
        let parsed = Parser::new().parse(&text)?;
        Ok(parsed.into_query())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{Catalog, ValueType};

    fn names(types: &[ValueType]) -> Vec<String> {
        let mut names: Vec<String> = Catalog::ringcx()
            .keywords()
            .iter()
            .filter(|k| types.contains(&k.value))
            .map(|k| k.name.to_string())
            .collect();
        names.sort();
        names
    }

    fn sorted(list: impl Iterator<Item = &'static str>) -> Vec<String> {
        let mut list: Vec<String> = list.map(str::to_owned).collect();
        list.sort();
        list
    }

    #[test]
    fn enums_match_the_catalogue() {
        assert_eq!(sorted(BoolKeyword::ALL.iter().map(|k| k.as_str())), names(&[ValueType::Bool, ValueType::Flag]));
        assert_eq!(
            sorted(IdKeyword::ALL.iter().map(|k| k.as_str())),
            names(&[ValueType::UserId, ValueType::TeamId, ValueType::CategoryId, ValueType::Id])
        );
        assert_eq!(sorted(DateKeyword::ALL.iter().map(|k| k.as_str())), names(&[ValueType::Date]));
        let mut statuses: Vec<String> = Catalog::ringcx().statuses().map(str::to_owned).collect();
        statuses.sort();
        assert_eq!(sorted(Status::ALL.iter().map(|s| s.as_str())), statuses);
    }
}
