//! Compile errors: placed by term index, since a [`Query`] has no spans,
//! and turned into diagnostics once the spans are known.

use super::*;

/// One problem compiling one term (or two terms, for an empty range).
/// Internal: callers see it as a [`Diagnostic`] of an [`Error`].
///
/// `Query` has no spans, so the error names the term by its index in
/// [`Query::terms`]; [`CompileError::to_diagnostic`] turns it into a
/// [`Diagnostic`] with the spans of [`Parsed::spans`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct CompileError {
    term: usize,
    other: Option<usize>,
    part: TermPart,
    /// What to say, placed at the term's span once the spans are known
    /// (boxed: errors are rare, and results stay small).
    diagnostic: Box<Diagnostic>,
}

/// Every problem found compiling a query, in term order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct CompileErrors(Vec<CompileError>);

/// Which part of a term a compile error points at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum TermPart {
    Term,
    Keyword,
    Value,
}

pub(super) fn date_error(index: usize, error: DateError) -> CompileError {
    CompileError::of(index, TermPart::Value, Diagnostic::from(error))
}

pub(super) fn out_of_range(index: usize) -> CompileError {
    CompileError::new(Code::InvalidDate, index, TermPart::Value, "this date is too early for a range bound")
}

pub(super) fn unmapped(index: usize, keyword: &str) -> CompileError {
    CompileError::new(
        Code::UnmappedKeyword,
        index,
        TermPart::Keyword,
        format!("`{}` has no OmniQ field", shown(keyword)),
    )
    .with_hint(format!("map it to a document field, e.g. `{{\"{keyword}\": \"FIELD\"}}` with `--mapping FILE.json`"))
}

impl CompileError {
    pub(super) fn new(code: Code, term: usize, part: TermPart, message: impl Into<String>) -> Self {
        CompileError::of(term, part, Diagnostic::error(code, Span::default(), message))
    }

    /// `diagnostic` about `part` of term `term`.
    pub(super) fn of(term: usize, part: TermPart, diagnostic: Diagnostic) -> Self {
        CompileError { term, other: None, part, diagnostic: Box::new(diagnostic) }
    }

    pub(super) fn with_hint(mut self, hint: impl Into<String>) -> Self {
        *self.diagnostic = self.diagnostic.with_hint(hint);
        self
    }

    pub(super) fn other(mut self, term: usize) -> Self {
        self.other = Some(term);
        self
    }

    /// The diagnostic at the term's span (`span_of` as [`Parsed::span`]);
    /// a conflict also points at the other term.
    pub(super) fn to_diagnostic(&self, span_of: impl Fn(usize) -> Option<TermSpans>) -> Diagnostic {
        let span = span_of(self.term).map(|s| match self.part {
            TermPart::Term => s.term,
            TermPart::Keyword => s.keyword.unwrap_or(s.term),
            TermPart::Value => s.value,
        });
        let diagnostic = (*self.diagnostic).clone().at(span.unwrap_or_default());
        match self.other.and_then(span_of) {
            Some(other) => diagnostic.with_related(other.term, "the other term"),
            None => diagnostic,
        }
    }
}

impl CompileErrors {
    pub(super) fn check(mut errors: Vec<CompileError>) -> Result<(), CompileErrors> {
        if errors.is_empty() {
            return Ok(());
        }
        errors.sort_by_key(|e| e.term);
        Err(CompileErrors(errors))
    }

    /// The error to show a person: every compile error as a diagnostic on
    /// `source`, the text `parsed` came from, with the parser's warnings.
    pub(crate) fn into_error(self, source: &str, parsed: &Parsed) -> Error {
        let mut diagnostics: Vec<Diagnostic> = self.0.iter().map(|e| e.to_diagnostic(|i| parsed.span(i))).collect();
        // Validation warns of an empty range by the same rule; the error
        // about it says all there is to say.
        let empty_range = self.0.iter().any(|e| e.diagnostic.code() == Code::EmptyRange);
        diagnostics
            .extend(parsed.warnings().iter().filter(|w| !(empty_range && w.code() == Code::EmptyRange)).cloned());
        Error::new(source, diagnostics)
    }

    /// The error for a query made without text: its diagnostics point into
    /// the query's canonical form.
    pub(super) fn into_query_error(self, query: &Query) -> Error {
        let span_of = |i: usize| {
            let (term, keyword, value) = query.printed_span(i)?;
            Some(TermSpans { term, keyword, value })
        };
        let diagnostics = self.0.iter().map(|e| e.to_diagnostic(span_of)).collect();
        Error::new(query.as_str(), diagnostics)
    }
}
