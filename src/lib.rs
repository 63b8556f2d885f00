#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![warn(missing_docs)]

// The modules are private: what the crate promises is the flat list of
// re-exports below, each under one path. A query's text flows through them
// in one direction: syntax -> validate -> query -> print / omniq -> page,
// and `front` ties the flow together for callers. The one public module,
// `client` (feature `client`), is the outer ring that does HTTP: it drives
// `page` and is never imported by the core; `serve` (feature `serve`) is the
// other outer ring, the local HTTP service, and calls only the front door.
mod bounds;
mod build;
mod catalog;
#[cfg(feature = "client")]
pub mod client;
mod complete;
mod date_answer;
mod dates;
mod diagnostic;
mod diagnostic_json;
mod explain;
mod front;
mod hash;
mod invisible;
mod omniq;
mod option_text;
mod page;
mod print;
mod query;
#[cfg(feature = "serve")]
pub mod serve;
mod span;
mod suggest;
mod syntax;
mod template;
mod validate;

// The front door: one call from options and text to everything known.
pub use date_answer::{DateAnswer, DateReadings};
pub use front::{Formatted, OmniqOptions, OmniqOutput, Options, ParseView, Report};

// Options that arrive as text (`FromStr` for `Locale`, `Direction`,
// `DateReading` and `OmniqIndex`; these for the zone and `now`).
pub use option_text::{parse_instant, parse_time_zone, OptionError};

// Search-box support: completion at a cursor and a term-by-term explanation.
pub use complete::{Completion, CompletionKind, Completions};
pub use explain::{ExplainedDate, Explanation, TermExplanation};

// The language: parsing, validation, the typed query and its diagnostics.
pub use build::{BoolKeyword, DateInput, DateKeyword, IdKeyword, QueryBuilder, Status};
pub use catalog::{BoundSide, Catalog, DateBound, KeywordSpec, Negation, Repeat, ValueType};
pub use diagnostic::{Code, Diagnostic, Error, Related, Replacement, Severity, Style};
pub use diagnostic_json::DiagnosticsJson;
pub use query::{DateValue, Order, OrderField, Query, SortDirection, Term, Terms, Value};
pub use span::{CharOffsets, Span};
pub use template::{quote, Bound, Hole, HoleKind, Template, Values};
pub use validate::{Parsed, Parser, TermSpans, MAX_QUERY_BYTES};

// Dates and business time.
pub use dates::{
    resolve_date, BusinessCalendar, BusinessCalendarBuilder, BusinessUnit, CalendarError, DateContext, DateError,
    DateReading, DateSpan, DateWarning, Direction, HumanDate, Locale,
};

// OmniQ `getmydata` compilation.
pub use omniq::{
    Filter, FilterValue, OmniqCompiler, OmniqError, OmniqIndex, OmniqMapping, OmniqPlan, OmniqRequest, Predicate,
};

// Paging through both APIs, without I/O.
pub use page::{
    CreatedAtWindow, CreatedAtWindows, OmniqPage, OmniqPageRequest, OmniqPager, OmniqPagination, OmniqRelation,
    OmniqTotal, PageError, PageStep, PageStop, RingCxPage, RingCxPageRequest, RingCxPager, OMNIQ_RESULT_WINDOW,
};
