//! The syntax tree: what the user wrote, with every span and spelling.
//!
//! Nothing here has meaning yet: a keyword is just a name, a value is just
//! text. [`crate::query`] turns this into a typed [`crate::Query`].

use std::borrow::Cow;

use crate::span::Span;

/// A whole query as written: its terms in order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Ast<'a> {
    /// The terms, in the order they were written.
    pub terms: Vec<AstTerm<'a>>,
}

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
