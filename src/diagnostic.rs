//! Diagnostics: what is wrong with a query, where, and what to do about it.
//!
//! Every problem found in a query becomes one [`Diagnostic`] with a byte
//! span into the query. The library never stops at the first problem: an
//! [`Error`] carries all of them, warnings included, and renders them the
//! way rustc does, with the query and a caret line under each span.

use std::fmt::{self, Write as _};

use serde::{Deserialize, Serialize};

use crate::span::Span;

/// How serious a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The query is still valid; something deserves a second look.
    Warning,
    /// The query is invalid.
    Error,
}

/// What kind of problem a diagnostic reports: a stable, machine-readable
/// code (serialized in `snake_case`), so programs need not parse messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Code {
    /// A quoted value has no closing quote.
    UnterminatedQuote,
    /// A closing quote is followed by something other than white space.
    TextAfterQuote,
    /// `keyword:` with nothing after the colon, or an empty quoted value
    /// where the keyword needs one.
    EmptyValue,
    /// Typographic quotes `“ ”` were read as `"`.
    TypographicQuote,
    /// The keyword is not in the catalogue.
    UnknownKeyword,
    /// A boolean keyword got something other than a boolean.
    InvalidBoolean,
    /// A status keyword got a name that is not an accepted status.
    InvalidStatus,
    /// A language keyword got something that is not a language code.
    InvalidLanguage,
    /// A date keyword got a value that is not a date.
    InvalidDate,
    /// A date resolves, but perhaps not as its text suggests: a weekday that
    /// is not its date's (`Thursday July 31 2006`), or a number read as a
    /// time (`2006` alone is 20:06, as RingCX reads it).
    DateReading,
    /// `order` got something other than `FIELD.DIRECTION`.
    InvalidOrder,
    /// `order` was given more than once.
    DuplicateOrder,
    /// `-` on a keyword whose documentation says negation is not supported.
    NegationNotSupported,
    /// `-` on a keyword whose documentation says nothing about negation.
    NegationUndocumented,
    /// A boolean keyword is both `true` and `false`.
    Contradiction,
    /// A flag documented only with `true` was given `false`.
    UndocumentedFalse,
    /// A term repeats an earlier one exactly and was dropped.
    DuplicateTerm,
    /// A RingCX keyword has no OmniQ field in the mapping.
    UnmappedKeyword,
    /// The OmniQ `filterBy` object cannot express the term (negation, a
    /// second value for a field, free text, sorting); plan mode moves it to
    /// the residual predicate instead.
    NotExpressible,
    /// Date bounds no instant satisfies: an empty range, or an exact
    /// `createdAt` outside the range.
    EmptyRange,
    /// A keyword is not a usable OmniQ field path (an empty path segment).
    InvalidField,
    /// A backslash inside quotes before a character it does not escape
    /// (only `\"` and `\\` are escapes): the backslash is kept.
    UnknownEscape,
    /// An unquoted date value seems to go on after a space
    /// (`first_content_after:2 weeks ago`): the rest would be searched as text.
    UnquotedDate,
    /// Text that looks like an operator this language does not have: `=`,
    /// parentheses, `OR`, `AND`. It is searched as text.
    NotAnOperator,
    /// An exact-match date field (`createdAt`) given a date that names a
    /// span (`last month`): only the span's first instant matches.
    ExactDateSpan,
    /// A number-typed OmniQ field got something that is not a number.
    InvalidNumber,
}

/// One problem in a query.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The kind of problem.
    pub code: Code,
    /// Bytes of the query the problem is about.
    pub span: Span,
    /// What is wrong, in words.
    pub message: String,
    /// What to do about it, when there is something to suggest.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
}

impl Diagnostic {
    /// An error diagnostic.
    pub fn error(code: Code, span: Span, message: impl Into<String>) -> Self {
        Diagnostic { severity: Severity::Error, code, span, message: message.into(), hint: None }
    }

    /// A warning diagnostic.
    pub fn warning(code: Code, span: Span, message: impl Into<String>) -> Self {
        Diagnostic { severity: Severity::Warning, code, span, message: message.into(), hint: None }
    }

    /// The same diagnostic with a hint.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Whether this diagnostic makes the query invalid.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// Renders the diagnostic against the query it was found in: the
    /// message, the query line, a caret line under the span, and the hint.
    ///
    /// ```
    /// use ringq::{Code, Diagnostic, Span};
    /// let d = Diagnostic::error(Code::UnknownKeyword, Span::new(0, 9), "unknown keyword `asigned_to`")
    ///     .with_hint("did you mean `assigned_to`?");
    /// assert_eq!(
    ///     d.render("asigned_to:42 refund"),
    ///     "error: unknown keyword `asigned_to`\n  |\n1 | asigned_to:42 refund\n  | ^^^^^^^^^\n  = help: did you mean `assigned_to`?\n",
    /// );
    /// ```
    pub fn render(&self, source: &str) -> String {
        let mut out = String::new();
        // Writing to a String cannot fail.
        let _ = self.render_into(source, &mut out);
        out
    }

    fn render_into(&self, source: &str, out: &mut String) -> fmt::Result {
        let label = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        writeln!(out, "{label}: {}", self.message)?;
        let excerpt = Excerpt::new(source, self.span);
        let number = excerpt.line_number.to_string();
        let pad = " ".repeat(number.len());
        writeln!(out, "{pad} |")?;
        writeln!(out, "{number} | {}", excerpt.text)?;
        writeln!(out, "{pad} | {}{}", " ".repeat(excerpt.caret_column), "^".repeat(excerpt.caret_width))?;
        if let Some(hint) = &self.hint {
            writeln!(out, "{pad} = help: {hint}")?;
        }
        Ok(())
    }
}

/// The part of a query line shown under a diagnostic, with where the carets go.
struct Excerpt {
    line_number: usize,
    text: String,
    caret_column: usize,
    caret_width: usize,
}

impl Excerpt {
    /// Lines up to this many characters are shown whole.
    const WHOLE_LINE: usize = 120;
    /// How many characters of context are shown on each side of a span in a
    /// long line, so that a diagnostic in a 1 MB query stays readable.
    const CONTEXT: usize = 40;
    /// The most carets drawn under one span.
    const MAX_CARETS: usize = 60;

    fn new(source: &str, span: Span) -> Self {
        let start = floor_char_boundary(source, span.start);
        let end = floor_char_boundary(source, span.end.max(start));
        let line_start = source.get(..start).and_then(|s| s.rfind('\n')).map_or(0, |i| i + 1);
        let line_end = source.get(start..).and_then(|s| s.find('\n')).map_or(source.len(), |i| start + i);
        let line_number = 1 + source.get(..line_start).map_or(0, |s| s.bytes().filter(|&b| b == b'\n').count());
        let before = source.get(line_start..start).unwrap_or("");
        let inside = source.get(start..end.min(line_end)).unwrap_or("");
        let after = source.get(end.min(line_end)..line_end).unwrap_or("");

        let mut text = String::new();
        let before_chars = before.chars().count();
        let inside_chars = inside.chars().count();
        let after_chars = after.chars().count();
        if before_chars + inside_chars + after_chars <= Self::WHOLE_LINE {
            text.extend(printable(before.chars().chain(inside.chars()).chain(after.chars())));
            return Excerpt { line_number, text, caret_column: before_chars, caret_width: inside_chars.max(1) };
        }
        let mut caret_column = before_chars;
        if before_chars > Self::CONTEXT {
            text.push('…');
            text.extend(printable(before.chars().skip(before_chars - Self::CONTEXT)));
            caret_column = Self::CONTEXT + 1;
        } else {
            text.extend(printable(before.chars()));
        }
        let shown_inside = inside_chars.min(Self::MAX_CARETS);
        text.extend(printable(inside.chars().take(shown_inside)));
        if shown_inside < inside_chars {
            text.push('…');
        }
        text.extend(printable(after.chars().take(Self::CONTEXT)));
        if after_chars > Self::CONTEXT {
            text.push('…');
        }
        Excerpt { line_number, text, caret_column, caret_width: shown_inside.max(1) }
    }
}

/// Characters as shown in an excerpt: white space and control characters
/// become one space each, so that carets line up under what they point at.
fn printable(chars: impl Iterator<Item = char>) -> impl Iterator<Item = char> {
    chars.map(|c| if c.is_whitespace() || c.is_control() { ' ' } else { c })
}

/// The largest char boundary of `s` at or before `index`.
fn floor_char_boundary(s: &str, index: usize) -> usize {
    let mut i = index.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// User text as a message quotes it: control characters escaped (so that
/// nothing the user typed can move the terminal's cursor or colour it) and
/// cut to [`SHOWN_CHARS`] characters, so a 100 KB keyword does not fill the
/// screen; the span still points at the whole of it.
pub(crate) fn shown(text: &str) -> std::borrow::Cow<'_, str> {
    let plain = text.len() <= SHOWN_CHARS && !text.chars().any(char::is_control);
    if plain {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::new();
    for (i, c) in text.chars().enumerate() {
        if i == SHOWN_CHARS {
            out.push('…');
            break;
        }
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// How many characters of user text a message quotes.
const SHOWN_CHARS: usize = 40;

/// A query that could not be accepted, with every diagnostic found in it.
///
/// Its `Display` renders each diagnostic under the query with carets, errors
/// and warnings in the order of their spans.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub struct Error {
    query: String,
    diagnostics: Vec<Diagnostic>,
}

impl Error {
    /// How many diagnostics `Display` renders before summarising the rest,
    /// so that a query with 100,000 mistakes still prints quickly.
    pub const RENDER_LIMIT: usize = 50;

    /// An error over `source` with these diagnostics (at least one of which
    /// should be an error).
    pub fn new(source: impl Into<String>, mut diagnostics: Vec<Diagnostic>) -> Self {
        diagnostics.sort_by_key(|d| (d.span.start, d.span.end));
        Error { query: source.into(), diagnostics }
    }

    /// The text the diagnostics point into.
    pub fn source_text(&self) -> &str {
        &self.query
    }

    /// Every diagnostic, errors and warnings, in the order of their spans.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    /// The diagnostics that make the query invalid.
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| d.is_error())
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&render_all(&self.query, &self.diagnostics))
    }
}

/// Renders diagnostics one after the other, separated by blank lines, up to
/// [`Error::RENDER_LIMIT`] of them.
pub fn render_all(source: &str, diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    for (i, d) in diagnostics.iter().take(Error::RENDER_LIMIT).enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let _ = d.render_into(source, &mut out);
    }
    if let Some(rest) = diagnostics.len().checked_sub(Error::RENDER_LIMIT).filter(|&n| n > 0) {
        let _ = writeln!(out, "\n… and {rest} more diagnostics not shown");
    }
    out
}
