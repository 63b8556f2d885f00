//! Diagnostics: what is wrong with a query, where, and what to do about it.
//!
//! Every problem found in a query becomes one [`Diagnostic`] with a byte
//! span into the query. The library never stops at the first problem: an
//! [`Error`] carries all of them, warnings included, and renders them the
//! way rustc does, with the query and a caret line under each span.

use std::fmt::{self, Write as _};

use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};
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
    /// A term holds a character no one can see (a zero-width space, a bidi
    /// mark or override, a byte order mark): it is searched for as
    /// written, which is not what is on screen.
    InvisibleCharacter,
    /// An "any of" keyword got a list (`status_in:new,replied`): it takes
    /// one value per term, and is repeated for more.
    ValueList,
    /// A language keyword got something that is not a language code.
    InvalidLanguage,
    /// A date keyword got a value that is not a date.
    InvalidDate,
    /// A date resolves, but perhaps not as its text suggests: a weekday that
    /// is not its date's (`Thursday July 31 2006`), or a number read as a
    /// time (`2006` alone is 20:06, as RingCX reads it).
    DateReading,
    /// The two readings of a date differ (`jan 3 at midnight`: RingCX
    /// reads January 4 00:00): the warning says what RingCX uses, what was
    /// probably meant, and how to write that unambiguously.
    DateReadingsDiffer,
    /// RingCX's reading finds no date in the value (`noon yesterday`), so
    /// RingCX would reject the query.
    NoRingcxDate,
    /// A date was to be resolved, and the options have no `now`.
    NoInstant,
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
    /// A keyword of an OmniQ query is no documented field of its documents
    /// but near one (`platfrom`): kept as written, with a did-you-mean.
    UnknownField,
    /// An OmniQ request's `from + size` passes the result window OmniQ
    /// pages through (10,000): page instead.
    ResultWindow,
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
    /// The query (at most 1 GiB) or a keyword in it (at most 65,535 bytes)
    /// is longer than ringq reads.
    TooLong,
    /// A template's brace or hole is not where a hole can be: a brace
    /// that opens or closes no hole, a hole inside a value, a name used
    /// with two incompatible types.
    TemplateHole,
    /// A value bound into a template does not fit its hole: missing, of
    /// the wrong type, a list where one value goes, or bound to no hole.
    TemplateValue,
    /// A completion cursor past the end of the query or inside a
    /// character (it is a byte offset at a character boundary).
    InvalidCursor,
}

/// One problem in a query.
///
/// Serialized as `{"severity", "code", "span", "message", "hint"?,
/// "replacement"?, "related"?}`; fields are reached through methods, so
/// that what a diagnostic says can grow without breaking callers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    severity: Severity,
    code: Code,
    span: Span,
    message: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    hint: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    replacement: Option<Replacement>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    related: Option<Related>,
}

/// The edit a hint proposes, as data: put `text` in place of the bytes at
/// `span`. A search box or an editor can offer it as a quick fix, and
/// applied, it removes the diagnostic it came with and adds no error.
///
/// ```
/// use ringq::Options;
///
/// let query = "asigned_to_me:true refund";
/// let error = Options::default().check(query).unwrap_err();
/// let fix = error.diagnostics()[0].replacement().expect("a did-you-mean is a replacement");
/// assert_eq!(fix.text(), "assigned_to_me");
/// assert_eq!(fix.apply(query).as_deref(), Some("assigned_to_me:true refund"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Replacement {
    span: Span,
    text: String,
}

impl Replacement {
    /// Put `text` in place of `span`.
    pub fn new(span: Span, text: impl Into<String>) -> Self {
        Replacement { span, text: text.into() }
    }

    /// The bytes of the query to replace (empty: insert at its start).
    pub fn span(&self) -> Span {
        self.span
    }

    /// What to write there (empty: delete).
    pub fn text(&self) -> &str {
        &self.text
    }

    /// `query` with the edit made; `None` when the span is not inside
    /// `query` at character boundaries (the replacement belongs to another
    /// text).
    pub fn apply(&self, query: &str) -> Option<String> {
        let before = query.get(..self.span.start)?;
        let after = query.get(self.span.end..)?;
        let mut out = String::with_capacity(before.len() + self.text.len() + after.len());
        out.push_str(before);
        out.push_str(&self.text);
        out.push_str(after);
        Some(out)
    }
}

/// Another place a diagnostic is about: the earlier term of a conflict
/// (`assigned:true assigned:false`), drawn under the text with its label.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Related {
    span: Span,
    label: String,
}

impl Related {
    /// Bytes of the query the other place covers.
    pub fn span(&self) -> Span {
        self.span
    }

    /// What the other place is, in words (`the earlier term`).
    pub fn label(&self) -> &str {
        &self.label
    }
}

impl Diagnostic {
    /// An error diagnostic.
    pub fn error(code: Code, span: Span, message: impl Into<String>) -> Self {
        Diagnostic::new(Severity::Error, code, span, message.into())
    }

    /// A warning diagnostic.
    pub fn warning(code: Code, span: Span, message: impl Into<String>) -> Self {
        Diagnostic::new(Severity::Warning, code, span, message.into())
    }

    fn new(severity: Severity, code: Code, span: Span, message: String) -> Self {
        Diagnostic { severity, code, span, message, hint: None, replacement: None, related: None }
    }

    /// The same diagnostic with a hint.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// The same diagnostic with the edit its hint proposes: `text` in place
    /// of `span` of the query.
    pub fn with_replacement(mut self, span: Span, text: impl Into<String>) -> Self {
        self.replacement = Some(Replacement::new(span, text));
        self
    }

    /// The same diagnostic with a hint and the edit it proposes.
    pub(crate) fn with_fix(mut self, hint: impl Into<String>, replacement: Replacement) -> Self {
        self.hint = Some(hint.into());
        self.replacement = Some(replacement);
        self
    }

    /// The same diagnostic, also pointing at `span` (another term involved)
    /// with `label`.
    pub fn with_related(mut self, span: Span, label: impl Into<String>) -> Self {
        self.related = Some(Related { span, label: label.into() });
        self
    }

    /// Says more about the problem, after what the message says.
    pub(crate) fn extend_message(&mut self, more: &str) {
        self.message.push_str(more);
    }

    /// Withdraws the edit: the hint stays, as words.
    pub(crate) fn drop_replacement(&mut self) {
        self.replacement = None;
    }

    /// Replaces the hint and the edit it proposes.
    pub(crate) fn set_fix(&mut self, hint: String, replacement: Replacement) {
        self.hint = Some(hint);
        self.replacement = Some(replacement);
    }

    /// The same diagnostic at another span: a problem found inside a value
    /// (a date's), placed in the query.
    pub(crate) fn at(mut self, span: Span) -> Self {
        self.span = span;
        self
    }

    /// Error or warning.
    pub fn severity(&self) -> Severity {
        self.severity
    }

    /// The kind of problem.
    pub fn code(&self) -> Code {
        self.code
    }

    /// Bytes of the query the problem is about.
    pub fn span(&self) -> Span {
        self.span
    }

    /// What is wrong, in words.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// What to do about it, when there is something to suggest.
    pub fn hint(&self) -> Option<&str> {
        self.hint.as_deref()
    }

    /// The edit the hint proposes, when it proposes one.
    pub fn replacement(&self) -> Option<&Replacement> {
        self.replacement.as_ref()
    }

    /// The other place the problem involves, if any.
    pub fn related(&self) -> Option<&Related> {
        self.related.as_ref()
    }

    /// Whether this diagnostic makes the query invalid.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// Renders the diagnostic against the query it was found in, the way
    /// rustc does (with the renderer rustc and cargo use): the message, the
    /// query line with the span underlined, and the hint. Carets follow the
    /// display width of what they underline, a long line is cut to the
    /// part around the span, and control characters are shown as symbols.
    ///
    /// ```
    /// use ringq::{Code, Diagnostic, Span};
    /// let d = Diagnostic::error(Code::UnknownKeyword, Span::new(0, 9), "unknown keyword `asigned_to`")
    ///     .with_hint("did you mean `assigned_to`?");
    /// assert_eq!(
    ///     d.render("asigned_to:42 refund"),
    ///     "error: unknown keyword `asigned_to`\n  |\n1 | asigned_to:42 refund\n  | ^^^^^^^^^\n  |\n  = help: did you mean `assigned_to`?\n",
    /// );
    /// ```
    pub fn render(&self, source: &str) -> String {
        self.render_styled(source, Style::Plain)
    }

    /// [`Diagnostic::render`], in colour when `style` says so (for a
    /// terminal).
    pub fn render_styled(&self, source: &str, style: Style) -> String {
        let mut out = render_group(source, self, style);
        out.push('\n');
        out
    }

    /// Renders diagnostics one after the other, separated by blank lines,
    /// up to [`Error::RENDER_LIMIT`] of them; one line counts the rest, so
    /// that a query with 100,000 mistakes still prints quickly.
    pub fn render_all(source: &str, diagnostics: &[Diagnostic], style: Style) -> String {
        let mut out = String::new();
        for (i, d) in diagnostics.iter().take(Error::RENDER_LIMIT).enumerate() {
            if i > 0 {
                out.push('\n');
            }
            out.push_str(&render_group(source, d, style));
            out.push('\n');
        }
        if let Some(rest) = diagnostics.len().checked_sub(Error::RENDER_LIMIT).filter(|&n| n > 0) {
            let _ = writeln!(out, "\n… and {rest} more diagnostics not shown");
        }
        out
    }
}

/// How diagnostics are drawn.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum Style {
    /// Plain text.
    #[default]
    Plain,
    /// With terminal colours (ANSI escapes), for a terminal that wants them.
    Colored,
}

/// Lines longer than this (in bytes) are cut to a window around the span
/// before they reach the renderer, so that a diagnostic in a 1 MB query
/// costs what one in a short query does; the renderer then fits the window
/// to the terminal width.
const LONGEST_LINE: usize = 400;

/// One diagnostic as the renderer draws it, without the final newline.
fn render_group(source: &str, diagnostic: &Diagnostic, style: Style) -> String {
    let excerpt = Excerpt::new(source, diagnostic.span);
    let level = match diagnostic.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    };
    let mut snippet = Snippet::source(excerpt.text.as_str())
        .line_start(excerpt.line_number)
        .annotation(AnnotationKind::Primary.span(excerpt.span.clone()));
    if let Some((range, related)) = diagnostic.related.as_ref().and_then(|r| Some((excerpt.position(r.span)?, r))) {
        snippet = snippet.annotation(AnnotationKind::Context.span(range).label(related.label.as_str()));
    }
    let mut group = level.primary_title(diagnostic.message.as_str()).element(snippet);
    if let Some(hint) = &diagnostic.hint {
        group = group.element(Level::HELP.message(hint.as_str()));
    }
    let renderer = match style {
        Style::Plain => Renderer::plain(),
        Style::Colored => Renderer::styled(),
    };
    renderer.render(&[group])
}

/// The lines of a query a diagnostic shows: those its span touches, cut to
/// a window around the span when they are long (the cuts marked `...`, as
/// the renderer marks its own), with the span in bytes of that text.
struct Excerpt<'s> {
    source: &'s str,
    line_number: usize,
    text: String,
    span: std::ops::Range<usize>,
    /// The parts of the source shown whole, and where each starts in `text`:
    /// what comes before the span, and what comes after it.
    before: (std::ops::Range<usize>, usize),
    after: (std::ops::Range<usize>, usize),
}

impl<'s> Excerpt<'s> {
    fn new(source: &'s str, span: Span) -> Self {
        let start = floor_char_boundary(source, span.start);
        let end = floor_char_boundary(source, span.end.max(start));
        let line_start = source.get(..start).and_then(|s| s.rfind('\n')).map_or(0, |i| i + 1);
        let line_end = source.get(end..).and_then(|s| s.find('\n')).map_or(source.len(), |i| end + i);
        let line_number = 1 + source.get(..line_start).map_or(0, |s| s.bytes().filter(|&b| b == b'\n').count());
        // A window of at most LONGEST_LINE bytes on each side of the span,
        // and at most that much of the span itself.
        let from = floor_char_boundary(source, start.saturating_sub(LONGEST_LINE).max(line_start));
        let shown_end = floor_char_boundary(source, end.min(start + LONGEST_LINE));
        let to = floor_char_boundary(source, (shown_end + LONGEST_LINE).min(line_end));
        let before = source.get(from..start).unwrap_or("");
        let inside = source.get(start..shown_end).unwrap_or("");
        let after = source.get(shown_end..to).unwrap_or("");
        let mut text = String::with_capacity(before.len() + inside.len() + after.len() + 8);
        if from > line_start {
            text.push_str("...");
        }
        let before_start = text.len();
        text.push_str(&visible(before));
        let span_start = text.len();
        text.push_str(&visible(inside));
        if shown_end < end {
            text.push_str("...");
        }
        let span_end = text.len();
        text.push_str(&visible(after));
        if to < line_end {
            text.push_str("...");
        }
        let after_start = span_end;
        Excerpt {
            source,
            line_number,
            text,
            span: span_start..span_end,
            before: (from..start, before_start),
            after: (shown_end..to, after_start),
        }
    }

    /// `span` of the source in bytes of the excerpt, when it is shown whole
    /// (before or after the primary span, on its lines).
    fn position(&self, span: Span) -> Option<std::ops::Range<usize>> {
        [&self.before, &self.after].into_iter().find_map(|(shown, at)| {
            let offset = |to: usize| visible(self.source.get(shown.start..to).unwrap_or("")).len() + at;
            (shown.start <= span.start && span.end <= shown.end && span.start < span.end)
                .then(|| offset(span.start)..offset(span.end))
        })
    }
}

/// Source text as the excerpt draws it: each invisible character (a
/// zero-width space, a bidi override) as `�`, so that nothing unseen can
/// hide in the line or reorder it on the screen.
fn visible(text: &str) -> std::borrow::Cow<'_, str> {
    if crate::invisible::holds_invisible(text) {
        let shown = text.chars().map(|c| if crate::invisible::is_invisible(c) { '\u{fffd}' } else { c });
        std::borrow::Cow::Owned(shown.collect())
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// The largest char boundary of `s` at or before `index`.
pub(crate) fn floor_char_boundary(s: &str, index: usize) -> usize {
    let mut i = index.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// User text as a message quotes it: control characters escaped (so that
/// nothing the user typed can move the terminal's cursor or colour it),
/// invisible ones too (`new\u{200b}`, so that two texts that look alike
/// never print alike), and cut to [`SHOWN_CHARS`] characters, so a 100 KB
/// keyword does not fill the screen; the span still points at the whole
/// of it.
pub(crate) fn shown(text: &str) -> std::borrow::Cow<'_, str> {
    shown_up_to(text, SHOWN_CHARS)
}

/// [`shown`], cut after `limit` characters instead (`usize::MAX`: never
/// cut, only escaped).
pub(crate) fn shown_up_to(text: &str, limit: usize) -> std::borrow::Cow<'_, str> {
    let hidden = |c: char| c.is_control() || crate::invisible::is_invisible(c);
    let plain = text.len() <= limit && !text.chars().any(hidden);
    if plain {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::new();
    for (i, c) in text.chars().enumerate() {
        if i == limit {
            out.push('…');
            break;
        }
        if c.is_control() {
            out.extend(c.escape_default());
        } else if crate::invisible::is_invisible(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// `n` with its thousands grouped (`10,000`), as the documentation writes
/// limits.
pub(crate) fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
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
    /// is an error).
    pub(crate) fn new(source: impl Into<String>, mut diagnostics: Vec<Diagnostic>) -> Self {
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

    /// Every diagnostic drawn under the query, as `Display` does, in
    /// colour when `style` says so; after [`Error::RENDER_LIMIT`] of them,
    /// one line counts the rest.
    pub fn render(&self, style: Style) -> String {
        Diagnostic::render_all(&self.query, &self.diagnostics, style)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Style::Plain))
    }
}

#[cfg(test)]
mod tests {
    use super::grouped;

    #[test]
    fn limits_are_written_with_their_thousands_grouped() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(10_000), "10,000");
        assert_eq!(grouped(1_234_567), "1,234,567");
    }
}
