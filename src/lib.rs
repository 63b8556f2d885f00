#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod bounds;
pub mod build;
pub mod catalog;
pub mod dates;
pub mod diagnostic;
pub mod omniq;
pub mod page;
mod print;
pub mod query;
pub mod span;
pub mod syntax;
mod validate;

pub use build::QueryBuilder;
pub use catalog::Catalog;
pub use diagnostic::{Code, Diagnostic, Error, Severity};
pub use print::needs_quotes;
pub use query::{Query, Term, Value};
pub use span::Span;
pub use validate::{Parsed, Parser, TermSpans};
