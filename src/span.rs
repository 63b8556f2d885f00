//! Byte spans into the text a user wrote.

use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into a query or date expression.
///
/// Spans are always on `char` boundaries of the text they were taken from,
/// so `&text[span.range()]` never panics for that text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (bytes).
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// The span as a range, for slicing the text it came from.
    pub const fn range(self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    /// The smallest span covering both.
    pub fn to(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// The span in characters (Unicode code points) of `text`, the text it
    /// was taken from: what a binding whose strings count characters
    /// (Python, JavaScript's code points) needs to underline the same part.
    ///
    /// ```
    /// let text = "café:x naïve";
    /// let span = ringq::Span::new(8, 14); // "naïve" in bytes
    /// assert_eq!(span.char_range(text), 7..12);
    /// ```
    pub fn char_range(self, text: &str) -> std::ops::Range<usize> {
        let chars = |at: usize| text.get(..at.min(text.len())).map_or(0, |s| s.chars().count());
        chars(self.start)..chars(self.end)
    }

    /// This span moved right by `offset` bytes: a span inside a value becomes
    /// a span inside the query that holds the value.
    pub const fn shifted(self, offset: usize) -> Span {
        Span::new(self.start + offset, self.end + offset)
    }
}
