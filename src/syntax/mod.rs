//! Syntax: from text to the terms the user wrote.
//!
//! [`terms`] reads any string, never panics, and takes time linear in its
//! length. It recognises the shape of terms (`-`, `keyword:`, quoting) and
//! keeps every span; it knows nothing of the keyword catalogue. A
//! half-typed term (`status_in:`, an unclosed quote) is kept, marked
//! [`Incomplete`], with its syntax error reported.

mod ast;
mod rules;

pub use ast::{AstKeyword, AstTerm, AstValue, Quote};
pub use rules::{is_keyword, is_quote, is_space, terms};
pub(crate) use rules::{removal, unescape, AsciiSet};
