//! Syntax: from text to a tree of what the user wrote.
//!
//! [`parse`] reads any string, never panics, and takes time linear in its
//! length. It recognises the shape of terms (`-`, `keyword:`, quoting) and
//! keeps every span; it knows nothing of the keyword catalogue.
//!
//! ```
//! let (ast, diagnostics) = ringq::syntax::parse(r#"-status_in:replied "two words""#);
//! assert!(diagnostics.is_empty());
//! assert_eq!(ast.terms.len(), 2);
//! assert_eq!(ast.terms[0].keyword.as_ref().map(|k| k.name), Some("status_in"));
//! assert_eq!(ast.terms[1].value.text, "two words");
//! ```

mod ast;
mod rules;

pub use ast::{Ast, AstKeyword, AstTerm, AstValue, Quote};
pub use rules::{is_keyword, is_quote, is_space, terms, Terms};

use crate::diagnostic::Diagnostic;

/// Parses a query into its syntax tree and its syntax diagnostics.
///
/// Terms with a syntax error are reported and left out of the tree; all
/// other terms are kept, so later stages can report their problems too.
pub fn parse(source: &str) -> (Ast<'_>, Vec<Diagnostic>) {
    rules::query(source)
}
