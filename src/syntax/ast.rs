//! The syntax tree: what the user wrote, with every span and spelling.
//!
//! Nothing here has meaning yet: a keyword is just a name, a value is just
//! text. `validate` checks it against the catalogue and turns it into a
//! typed [`crate::Query`].

use std::borrow::Cow;

use crate::span::Span;

/// One term: `[-] [keyword:] value`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AstTerm<'a> {
    /// The whole term, from the `-` (if any) to the end of the value.
    pub span: Span,
    /// The span of the leading `-`, when the term is negated.
    pub minus: Option<Span>,
    /// The keyword before the `:`; `None` for a bare value (a `text` term).
    pub keyword: Option<AstKeyword<'a>>,
    /// The value after the `:`, or the whole term when it has no keyword.
    pub value: AstValue<'a>,
}

impl AstTerm<'_> {
    /// The span of `-keyword`, the part a diagnostic about the keyword
    /// points at (the value span for a bare value).
    pub fn head_span(&self) -> Span {
        let end = self.keyword.as_ref().map_or(self.value.span, |k| k.span);
        self.minus.map_or(end, |m| m.to(end))
    }
}

/// A keyword as written (any case).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AstKeyword<'a> {
    /// The keyword exactly as written.
    pub name: &'a str,
    /// Where it was written.
    pub span: Span,
}

/// A value as written, and its text once quotes and escapes are removed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AstValue<'a> {
    /// The value with quotes removed and escapes applied.
    pub text: Cow<'a, str>,
    /// The value exactly as written, quotes included.
    pub raw: &'a str,
    /// Where it was written, quotes included.
    pub span: Span,
    /// How it was quoted.
    pub quote: Quote,
    /// `None` for a whole value; otherwise what is missing. A term whose
    /// value is incomplete has a syntax error already reported; it is kept
    /// because it is what a search box holds while someone types.
    pub incomplete: Option<Incomplete>,
}

/// What a half-typed value lacks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Incomplete {
    /// Nothing after the colon (`status_in:`): the value is empty, its span
    /// the empty span right after the colon.
    Missing,
    /// A quote that is never closed (`text:"two wo`): the value is what
    /// follows the quote, to the end of the query.
    Unterminated,
}

impl AstValue<'_> {
    /// The offset in the query of byte `i` of [`AstValue::text`], when the
    /// text maps byte for byte onto the query (no escapes); otherwise `None`.
    /// Lets an error found inside a value point at the exact bytes.
    pub fn offset_of_text(&self) -> Option<usize> {
        match self.text {
            // A borrowed text is a slice of `raw`: its distance from the
            // start of `raw` is the length of the opening quote.
            Cow::Borrowed(text) => {
                let inner = (text.as_ptr() as usize).checked_sub(self.raw.as_ptr() as usize)?;
                Some(self.span.start + inner)
            }
            Cow::Owned(_) => None,
        }
    }
}

/// How a value was quoted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Quote {
    /// Not quoted.
    Bare,
    /// Straight double quotes `"…"`.
    Straight,
    /// At least one typographic quote `“` or `”` (accepted as `"`).
    Typographic,
}
