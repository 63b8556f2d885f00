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
    ///
    /// For many spans of one text, use one [`CharOffsets`]: each call here
    /// counts from the start of the text.
    pub fn char_range(self, text: &str) -> std::ops::Range<usize> {
        CharOffsets::new(text).char_range(self)
    }

    /// This span moved right by `offset` bytes: a span inside a value becomes
    /// a span inside the query that holds the value.
    pub const fn shifted(self, offset: usize) -> Span {
        Span::new(self.start + offset, self.end + offset)
    }
}

/// Byte offsets of one text turned into character (code point) offsets,
/// for many spans at a time: it remembers where it last was and counts
/// only the bytes between there and the next offset, so spans taken in
/// order (as diagnostics are sorted) cost one pass over the text in all,
/// where [`Span::char_range`] alone would count from the start each time.
///
/// ```
/// use ringq::{CharOffsets, Span};
///
/// let text = "café:x naïve été";
/// let mut offsets = CharOffsets::new(text);
/// assert_eq!(offsets.char_range(Span::new(8, 14)), 7..12); // "naïve"
/// assert_eq!(offsets.char_range(Span::new(15, 20)), 13..16); // "été"
/// assert_eq!(offsets.char_range(Span::new(0, 5)), 0..4); // back to "café"
/// ```
#[derive(Clone, Debug)]
pub struct CharOffsets<'a> {
    bytes: &'a [u8],
    /// Bytes and characters are the same count: nothing to walk.
    ascii: bool,
    /// The last offset asked for, in bytes and in characters.
    byte: usize,
    chars: usize,
}

impl<'a> CharOffsets<'a> {
    /// Offsets into `text`.
    pub fn new(text: &'a str) -> Self {
        CharOffsets { bytes: text.as_bytes(), ascii: text.is_ascii(), byte: 0, chars: 0 }
    }

    /// How many characters of the text start before byte `byte` (its
    /// character offset when `byte` is a character boundary); an offset
    /// past the end counts the whole text.
    pub fn char_offset(&mut self, byte: usize) -> usize {
        let byte = byte.min(self.bytes.len());
        if self.ascii {
            return byte;
        }
        if byte >= self.byte {
            self.chars += char_starts(self.bytes.get(self.byte..byte).unwrap_or_default());
        } else {
            self.chars -= char_starts(self.bytes.get(byte..self.byte).unwrap_or_default());
        }
        self.byte = byte;
        self.chars
    }

    /// `span` in characters.
    pub fn char_range(&mut self, span: Span) -> std::ops::Range<usize> {
        let start = self.char_offset(span.start);
        start..self.char_offset(span.end)
    }
}

/// The characters that start in `bytes`: every byte that is not a UTF-8
/// continuation byte (`10xxxxxx`) starts one.
fn char_starts(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Walking forward and back between character boundaries in any
        /// order gives what counting from the start gives.
        #[test]
        fn offsets_in_any_order_count_as_from_the_start(text in "[aé日😀 ]{0,40}", picks in proptest::collection::vec(any::<prop::sample::Index>(), 0..20)) {
            let boundaries: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
            let mut offsets = CharOffsets::new(&text);
            for pick in picks {
                let at = *pick.get(&boundaries);
                prop_assert_eq!(offsets.char_offset(at), text[..at].chars().count());
            }
            prop_assert_eq!(offsets.char_offset(usize::MAX), text.chars().count());
        }
    }
}
