//! The canonical printer (SPEC section 2).
//!
//! Prints a [`Query`] so that parsing the output gives the same query back,
//! whatever the values contain: a value is quoted when it must be, and inside
//! quotes `"` and `\` (and the typographic quotes, which the parser reads as
//! `"`) are escaped, so no value can ever end its quotes and inject a term.

use std::fmt::{self, Write as _};

use crate::query::{Query, Term};
use crate::syntax::{is_quote, is_space};

impl fmt::Display for Query {
    /// The canonical form: terms in order, joined by one space.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, term) in self.terms().iter().enumerate() {
            if i > 0 {
                f.write_char(' ')?;
            }
            write!(f, "{term}")?;
        }
        Ok(())
    }
}

impl fmt::Display for Term {
    /// `[-]keyword:value`, or the bare value for a text term.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_negated() {
            f.write_char('-')?;
        }
        let text = self.is_text();
        if !text {
            write!(f, "{}:", self.keyword())?;
        }
        write_value(f, &self.value().canonical_text(), text)
    }
}

/// Whether `value` must be quoted to read back as itself: it is empty, has
/// white space, a quote or a backslash, or (as a bare text term) it would
/// read as `keyword:value` or as a negation.
pub fn needs_quotes(value: &str, bare_text: bool) -> bool {
    value.is_empty()
        || value
            .chars()
            .any(|c| is_space(c) || is_quote(c) || c == '\\')
        || (bare_text && (value.contains(':') || value.starts_with('-')))
}

/// Writes `value`, quoted and escaped only when it must be.
fn write_value(out: &mut impl fmt::Write, value: &str, bare_text: bool) -> fmt::Result {
    if !needs_quotes(value, bare_text) {
        return out.write_str(value);
    }
    out.write_char('"')?;
    for c in value.chars() {
        if is_quote(c) || c == '\\' {
            out.write_char('\\')?;
        }
        out.write_char(c)?;
    }
    out.write_char('"')
}
