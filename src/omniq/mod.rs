//! OmniQ: compiling a query into a `getmydata` request body, and the
//! residual predicate for what that body cannot say.
//!
//! `GET /getmydata` takes `{"index": ..., "filterBy": {...}, "from": N,
//! "size": N}`. `filterBy` is a flat conjunction of `"field": value` pairs,
//! one value per field, plus the `createdAt` range form
//! `{"from": ..., "to": ...}`. Keywords name document fields; RingCX
//! keywords reach a field through a [`Mapping`].
//!
//! Nothing is silently dropped. What `filterBy` cannot express (a negated
//! term, a second value for a field, free text) is an error from
//! [`Compiler::compile`]; [`Compiler::plan`] instead returns the request and
//! a [`Predicate`] to apply to the returned documents, such that a document
//! matches the query exactly when it matches the request and the predicate.
//!
//! ```
//! use chrono::{TimeZone, Utc};
//! use ringq::dates::DateContext;
//! use ringq::omniq::{Compiler, Index};
//!
//! let context = DateContext::new(Utc.with_ymd_and_hms(2026, 11, 24, 15, 30, 0).unwrap());
//! let compiler = Compiler::new(Index::Communications).size(15.try_into()?);
//! let request = compiler.compile_str("platform:web isNewClient:yes", &context)?;
//! assert_eq!(
//!     serde_json::to_value(&request)?,
//!     serde_json::json!({
//!         "index": "communications",
//!         "filterBy": {"isNewClient": true, "platform": "web"},
//!         "from": 0,
//!         "size": 15,
//!     }),
//! );
//!
//! // Negation and free text do not fit in filterBy: plan mode keeps them.
//! let plan = compiler.plan_str("platform:web -campaign:spring refund", &context)?;
//! let document = serde_json::json!({"platform": "web", "campaign": "autumn", "step": "Refund asked"});
//! assert!(plan.residual.matches(&document));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod compile;
mod mapping;
mod predicate;

use std::fmt;
use std::num::NonZeroU64;
use std::str::FromStr;

use chrono::{DateTime, SecondsFormat, Utc};
use serde::{Deserialize, Serialize};

use crate::catalog::{Catalog, KeywordSpec, Negation, ValueType};
use crate::validate::Parser;

pub use compile::{CompileError, CompileErrors, Compiler};
pub use mapping::{Mapping, MappingError};
pub use predicate::Predicate;

/// The entities `getmydata` can query, as documented (`campaings` is the
/// documented spelling). Serialized as its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "&'static str")]
pub enum Index {
    /// `templates_reports`
    TemplatesReports,
    /// `communicationlogs`
    Communicationlogs,
    /// `hsm_templates`
    HsmTemplates,
    /// `communications`
    Communications,
    /// `manual_instances`
    ManualInstances,
    /// `users`
    Users,
    /// `campaings` (sic, as documented)
    Campaings,
    /// `profiles`
    Profiles,
    /// `reports`
    Reports,
    /// `agents`
    Agents,
}

impl Index {
    /// Every entity, in the documentation's order.
    pub const ALL: [Index; 10] = [
        Index::TemplatesReports,
        Index::Communicationlogs,
        Index::HsmTemplates,
        Index::Communications,
        Index::ManualInstances,
        Index::Users,
        Index::Campaings,
        Index::Profiles,
        Index::Reports,
        Index::Agents,
    ];

    /// The name the API expects.
    pub fn as_str(self) -> &'static str {
        match self {
            Index::TemplatesReports => "templates_reports",
            Index::Communicationlogs => "communicationlogs",
            Index::HsmTemplates => "hsm_templates",
            Index::Communications => "communications",
            Index::ManualInstances => "manual_instances",
            Index::Users => "users",
            Index::Campaings => "campaings",
            Index::Profiles => "profiles",
            Index::Reports => "reports",
            Index::Agents => "agents",
        }
    }
}

impl fmt::Display for Index {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl From<Index> for &'static str {
    fn from(index: Index) -> Self {
        index.as_str()
    }
}

/// A name that is not a documented entity, with the nearest ones.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub struct UnknownIndex {
    name: String,
    suggestions: Vec<&'static str>,
}

impl UnknownIndex {
    /// The nearest entity names, nearest first (possibly none).
    pub fn suggestions(&self) -> &[&'static str] {
        &self.suggestions
    }
}

impl fmt::Display for UnknownIndex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown index `{}`", self.name)?;
        match self.suggestions.as_slice() {
            [] => {
                let all: Vec<&str> = Index::ALL.iter().map(|i| i.as_str()).collect();
                write!(f, "; the documented entities are {}", all.join(", "))
            }
            [one] => write!(f, "; did you mean `{one}`?"),
            many => {
                let quoted: Vec<String> = many.iter().map(|s| format!("`{s}`")).collect();
                write!(f, "; did you mean one of {}?", quoted.join(", "))
            }
        }
    }
}

impl FromStr for Index {
    type Err = UnknownIndex;

    /// The exact documented name (entity names are case-sensitive, as the
    /// API's field names are); anything else is an error with suggestions.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Index::ALL.into_iter().find(|i| i.as_str() == s).ok_or_else(|| UnknownIndex {
            name: s.to_owned(),
            suggestions: crate::catalog::nearest(s, Index::ALL.iter().map(|i| i.as_str())),
        })
    }
}

impl TryFrom<String> for Index {
    type Error = UnknownIndex;

    fn try_from(name: String) -> Result<Self, Self::Error> {
        name.parse()
    }
}

/// A `getmydata` request body. Serializes exactly to
/// `{"index": ..., "filterBy": {...}, "from": N, "size": N}`, `filterBy`
/// keys sorted by name.
///
/// `size` is never 0: a page of nothing is always a mistake.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Request {
    index: Index,
    #[serde(rename = "filterBy")]
    filter_by: serde_json::Map<String, serde_json::Value>,
    from: u64,
    size: NonZeroU64,
}

impl Request {
    /// The entity queried.
    pub fn index(&self) -> Index {
        self.index
    }

    /// The filter: field (dotted path) to value or `createdAt` range.
    pub fn filter_by(&self) -> &serde_json::Map<String, serde_json::Value> {
        &self.filter_by
    }

    /// Position of the first result.
    pub fn from(&self) -> u64 {
        self.from
    }

    /// Maximum number of results.
    pub fn size(&self) -> u64 {
        self.size.get()
    }

    /// The same request starting at another position: the next page.
    pub fn with_from(mut self, from: u64) -> Self {
        self.from = from;
        self
    }
}

/// The result of plan mode: a request, and the residual predicate that the
/// documents it returns must also match. Serialized as
/// `{"request": {...}, "residual": {...}}`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Plan {
    /// What to send.
    pub request: Request,
    /// What to check on each returned document; [`Predicate::always`] when
    /// the request says everything.
    pub residual: Predicate,
}

/// The OmniQ catalogue: the RingCX keywords (to be mapped) plus
/// `created_after` and `created_before`, date bounds on `createdAt`
/// (negation not supported: use the other one). Free text may be negated
/// here (`-refund`): the residual predicate can check it, where RingCX
/// documents no such thing.
pub fn catalog() -> Catalog {
    let mut catalog = Catalog::ringcx();
    if let Some(text) = catalog.get("text").cloned() {
        catalog.insert(text.negation(Negation::Supported));
    }
    catalog.insert(
        KeywordSpec::new("created_after", ValueType::Date)
            .negation(Negation::NotSupported)
            .summary("Restrict on documents created at or after the date (OmniQ `createdAt`)."),
    );
    catalog.insert(
        KeywordSpec::new("created_before", ValueType::Date)
            .negation(Negation::NotSupported)
            .summary("Restrict on documents created before the date (OmniQ `createdAt`)."),
    );
    catalog
}

/// The parser for OmniQ queries: the [`catalog`], in lenient mode so that
/// any other keyword is a document field kept with its spelling. Add
/// [`Parser::dates`] to resolve date keywords while parsing.
pub fn parser() -> Parser {
    Parser::new().lenient(true).catalog(catalog())
}

/// The timestamp format of the OmniQ documentation: UTC, milliseconds, `Z`.
pub(crate) fn format_instant(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Millis, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_names_round_trip() {
        for index in Index::ALL {
            assert_eq!(index.to_string().parse::<Index>(), Ok(index));
        }
    }

    #[test]
    fn unknown_index_suggests_the_nearest() {
        let error = "agent".parse::<Index>().err().map(|e| e.to_string());
        assert_eq!(error.as_deref(), Some("unknown index `agent`; did you mean `agents`?"));
        let error = "campaigns".parse::<Index>().err().map(|e| e.suggestions().to_vec());
        assert_eq!(error, Some(vec!["campaings"]));
    }

    #[test]
    fn index_serializes_as_its_name() {
        assert_eq!(serde_json::to_string(&Index::HsmTemplates).ok().as_deref(), Some("\"hsm_templates\""));
        assert!(serde_json::from_str::<Index>("\"Agents\"").is_err());
    }

    #[test]
    fn instants_have_milliseconds() {
        let t = DateTime::parse_from_rfc3339("2025-06-21T23:59:59.999Z").map(|t| t.with_timezone(&Utc));
        assert_eq!(t.map(format_instant).ok().as_deref(), Some("2025-06-21T23:59:59.999Z"));
    }
}
