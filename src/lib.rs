//! `ringq`: parse, validate and compile the RingCX Digital search language.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod dates;
pub mod page;
pub mod span;

pub use span::Span;
