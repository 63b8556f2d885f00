//! OmniQ: compiling a query into a `getmydata` request body, and the
//! residual predicate for what that body cannot say. How, and why, is on
//! [`OmniqCompiler`].

mod compile;
mod filter;
mod mapping;
mod predicate;

use std::fmt;
use std::num::NonZeroU64;
use std::str::FromStr;

use chrono::{DateTime, SecondsFormat, Utc};
use serde::{Deserialize, Serialize};

use std::borrow::Cow;

use crate::catalog::{Catalog, DateBound, KeywordSpec, Negation, Repeat, ValueType};
use crate::suggest::nearest_name;
use crate::validate::Parser;

pub(crate) use compile::CompileErrors;
pub use compile::OmniqCompiler;
pub use filter::{Filter, FilterValue};
pub use mapping::{OmniqError, OmniqMapping};
pub use predicate::Predicate;

/// The entities `getmydata` can query, as documented (`campaings` is the
/// documented spelling). Serialized as its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "&'static str")]
pub enum OmniqIndex {
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

impl OmniqIndex {
    /// Every entity, in the documentation's order.
    pub const ALL: [OmniqIndex; 10] = [
        OmniqIndex::TemplatesReports,
        OmniqIndex::Communicationlogs,
        OmniqIndex::HsmTemplates,
        OmniqIndex::Communications,
        OmniqIndex::ManualInstances,
        OmniqIndex::Users,
        OmniqIndex::Campaings,
        OmniqIndex::Profiles,
        OmniqIndex::Reports,
        OmniqIndex::Agents,
    ];

    /// The name the API expects.
    pub fn as_str(self) -> &'static str {
        match self {
            OmniqIndex::TemplatesReports => "templates_reports",
            OmniqIndex::Communicationlogs => "communicationlogs",
            OmniqIndex::HsmTemplates => "hsm_templates",
            OmniqIndex::Communications => "communications",
            OmniqIndex::ManualInstances => "manual_instances",
            OmniqIndex::Users => "users",
            OmniqIndex::Campaings => "campaings",
            OmniqIndex::Profiles => "profiles",
            OmniqIndex::Reports => "reports",
            OmniqIndex::Agents => "agents",
        }
    }
}

impl fmt::Display for OmniqIndex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl From<OmniqIndex> for &'static str {
    fn from(index: OmniqIndex) -> Self {
        index.as_str()
    }
}

impl FromStr for OmniqIndex {
    type Err = OmniqError;

    /// The exact documented name (entity names are case-sensitive, as the
    /// API's field names are); anything else is an error with suggestions.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        OmniqIndex::ALL.into_iter().find(|i| i.as_str() == s).ok_or_else(|| OmniqError::UnknownIndex {
            name: s.to_owned(),
            suggestions: nearest_name(s, OmniqIndex::ALL.iter().map(|i| i.as_str())),
        })
    }
}

impl TryFrom<String> for OmniqIndex {
    type Error = OmniqError;

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
pub struct OmniqRequest {
    index: OmniqIndex,
    #[serde(rename = "filterBy")]
    filter_by: Filter,
    from: u64,
    size: NonZeroU64,
}

impl OmniqRequest {
    /// The documented default page size, 10.
    pub const DEFAULT_SIZE: NonZeroU64 = match NonZeroU64::new(10) {
        Some(size) => size,
        None => NonZeroU64::MIN,
    };

    /// The entity queried.
    pub fn index(&self) -> OmniqIndex {
        self.index
    }

    /// The filter: field (dotted path) to value or `createdAt` range.
    pub fn filter_by(&self) -> &Filter {
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

    /// The same request returning at most `size` results.
    pub fn with_size(mut self, size: NonZeroU64) -> Self {
        self.size = size;
        self
    }

    /// The filter, for the paginators to narrow (see `within`).
    pub(crate) fn filter_mut(&mut self) -> &mut Filter {
        &mut self.filter_by
    }
}

/// The result of plan mode: a request, and the residual predicate that the
/// documents it returns must also match. Serialized as
/// `{"request": {...}, "residual": {...}}`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OmniqPlan {
    /// What to send.
    pub request: OmniqRequest,
    /// What to check on each returned document; [`Predicate::always`] when
    /// the request says everything.
    pub residual: Predicate,
}

/// OmniQ's own keywords, beside the RingCX ones: bounds of a range on the
/// document field their [`DateBound`] names (negation not supported: use
/// the other one).
static OWN_KEYWORDS: [KeywordSpec; 2] = [
    KeywordSpec {
        name: Cow::Borrowed("created_after"),
        value: ValueType::Date,
        negation: Negation::NotSupported,
        repeat: Repeat::AllOf,
        summary: Cow::Borrowed("Restrict on documents created at or after the date (OmniQ `createdAt`)."),
        bound: Some(DateBound::lower(CREATED_AT)),
    },
    KeywordSpec {
        name: Cow::Borrowed("created_before"),
        value: ValueType::Date,
        negation: Negation::NotSupported,
        repeat: Repeat::AllOf,
        summary: Cow::Borrowed("Restrict on documents created before the date (OmniQ `createdAt`)."),
        bound: Some(DateBound::upper(CREATED_AT)),
    },
];

/// The most results OmniQ pages through for one query: like the
/// Elasticsearch behind such APIs, it may refuse a page whose `from + size`
/// passes it, and above it `total.relation` is `gte`.
pub const OMNIQ_RESULT_WINDOW: u64 = 10_000;

/// The field whose values are dates: `createdAt:DATE`, and the range form.
pub(crate) const CREATED_AT: &str = "createdAt";

/// The bound an OmniQ keyword of its own sets: which document field, which
/// end (what the compiler's catalogue says of it, without a lookup).
fn own_bound(keyword: &str) -> Option<&'static DateBound> {
    OWN_KEYWORDS.iter().find(|k| k.name == keyword)?.bound.as_ref()
}

impl Catalog {
    /// The OmniQ catalogue: the RingCX keywords (to be mapped) plus
    /// `created_after` and `created_before`, bounds on `createdAt`.
    pub fn omniq() -> Catalog {
        Catalog::ringcx().for_omniq()
    }

    /// This catalogue with OmniQ's own keywords added (`created_after`,
    /// `created_before`), and free text negatable (`-refund`): the residual
    /// predicate can check it, where RingCX documents no such thing.
    pub fn for_omniq(mut self) -> Catalog {
        if let Some(text) = self.get("text").cloned() {
            self.insert(text.negation(Negation::Supported));
        }
        for keyword in &OWN_KEYWORDS {
            self.insert(keyword.clone());
        }
        self.or_fields(crate::catalog::OMNIQ_DOCUMENT_FIELDS)
    }
}

impl Parser {
    /// The parser for OmniQ queries: the OmniQ catalogue ([`Catalog::omniq`]),
    /// in lenient mode so that any other keyword is a document field kept
    /// with its spelling. Add [`Parser::dates`] to resolve date keywords
    /// while parsing.
    pub fn omniq() -> Parser {
        Parser::omniq_over(Catalog::ringcx())
    }

    /// [`Parser::omniq`] over `base` instead of the RingCX catalogue.
    pub(crate) fn omniq_over(base: Catalog) -> Parser {
        Parser::new().lenient(true).catalog(base.for_omniq())
    }
}

/// The timestamp format of the OmniQ documentation: UTC, milliseconds, `Z`.
pub(crate) fn write_timestamp(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// An OmniQ timestamp (`createdAt` in a document, a bound in a plan) read
/// back: any RFC 3339 instant, as written (no surrounding space), else
/// `None`. The one place OmniQ's instants are read.
pub(crate) fn read_timestamp(text: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text).ok().map(|t| t.with_timezone(&Utc))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_names_round_trip() {
        for index in OmniqIndex::ALL {
            assert_eq!(index.to_string().parse::<OmniqIndex>(), Ok(index));
        }
    }

    #[test]
    fn unknown_index_suggests_the_nearest() {
        let error = "agent".parse::<OmniqIndex>().err().map(|e| e.to_string());
        assert_eq!(error.as_deref(), Some("unknown index `agent`; did you mean `agents`? The documented entities are templates_reports, communicationlogs, hsm_templates, communications, manual_instances, users, campaings, profiles, reports, agents"));
        let error = "campaigns".parse::<OmniqIndex>().err();
        assert_eq!(error, Some(OmniqError::UnknownIndex { name: "campaigns".into(), suggestions: vec!["campaings"] }));
    }

    #[test]
    fn index_serializes_as_its_name() {
        assert_eq!(serde_json::to_string(&OmniqIndex::HsmTemplates).ok().as_deref(), Some("\"hsm_templates\""));
        assert!(serde_json::from_str::<OmniqIndex>("\"Agents\"").is_err());
    }

    #[test]
    fn instants_have_milliseconds() {
        let t = read_timestamp("2025-06-21T23:59:59.999Z").ok_or("an instant");
        assert_eq!(t.map(write_timestamp).ok().as_deref(), Some("2025-06-21T23:59:59.999Z"));
    }
}
