//! How ringq's diagnostics reach Python: `QueryError` with a list of
//! `Diagnostic`s whose positions are string indices, and `QueryWarning`s.

use pyo3::exceptions::{PyUserWarning, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyList;
use ringq::{CharOffsets, Style};

pyo3::create_exception!(
    ringq,
    QueryError,
    PyValueError,
    "A query (or date expression) that ringq does not accept.\n\n\
     str(error) is the message the command line prints; `diagnostics` lists\n\
     every problem, warnings included, with `q[d.start:d.end]` the text it\n\
     is about."
);

pyo3::create_exception!(
    ringq,
    QueryWarning,
    PyUserWarning,
    "Something in a valid query deserves a second look. str(warning) is\n\
     what the command line prints; `diagnostics` lists every warning of the\n\
     query."
);

/// One problem in a query: what is wrong, where, and what to do about it.
///
/// `start` and `end` are indices into the Python string (code points), so
/// `q[d.start:d.end]` is the offending text.
#[pyclass(frozen, module = "ringq", get_all)]
pub struct Diagnostic {
    /// What is wrong, in words.
    message: String,
    /// Index of the first character the problem is about.
    start: usize,
    /// Index just past the last character the problem is about.
    end: usize,
    /// What to do about it, when there is something to suggest (`hint`
    /// in the command's and the service's JSON too).
    hint: Option<String>,
    /// `"error"` (the query is invalid) or `"warning"`.
    severity: String,
    /// A stable machine-readable code in snake_case, e.g. `"unknown_keyword"`.
    code: String,
    /// The edit the hint proposes, when it proposes one.
    replacement: Option<Py<Replacement>>,
}

/// The edit a hint proposes: `text` in place of `q[start:end]`. Applied, it
/// removes the diagnostic it came with and adds no error.
#[pyclass(frozen, module = "ringq", get_all)]
pub struct Replacement {
    /// Index of the first character to replace.
    start: usize,
    /// Index just past the last character to replace (`start`: insert).
    end: usize,
    /// What to write there (empty: delete).
    text: String,
}

#[pymethods]
impl Replacement {
    fn __repr__(&self) -> String {
        format!("Replacement(start={}, end={}, text={:?})", self.start, self.end, self.text)
    }

    /// `q` with the edit made: `q[:start] + text + q[end:]`.
    fn apply(&self, q: &str) -> String {
        let at = |index: usize| q.char_indices().nth(index).map_or(q.len(), |(i, _)| i);
        let (start, end) = (at(self.start), at(self.end));
        let mut out = String::with_capacity(q.len() + self.text.len());
        out.push_str(q.get(..start).unwrap_or(q));
        out.push_str(&self.text);
        out.push_str(q.get(end..).unwrap_or(""));
        out
    }
}

impl Diagnostic {
    /// An error found by the binding itself (not by the library), with
    /// its code-point range.
    pub fn new(message: String, (start, end): (usize, usize), hint: Option<String>, code: &str) -> Self {
        Diagnostic { message, start, end, hint, severity: "error".to_owned(), code: code.to_owned(), replacement: None }
    }
}

#[pymethods]
impl Diagnostic {
    fn __repr__(&self) -> String {
        let hint = match &self.hint {
            Some(text) => format!("{text:?}"),
            None => "None".to_owned(),
        };
        format!(
            "Diagnostic(severity={:?}, code={:?}, message={:?}, start={}, end={}, hint={hint})",
            self.severity, self.code, self.message, self.start, self.end
        )
    }

    /// The hint under its earlier name, kept for callers written before
    /// the three shells agreed on `hint`.
    #[getter]
    fn suggestion(&self) -> Option<String> {
        self.hint.clone()
    }
}

fn severity_name(severity: ringq::Severity) -> &'static str {
    match severity {
        ringq::Severity::Error => "error",
        _ => "warning",
    }
}

/// The code as it serializes (`unknown_keyword`).
fn code_name(code: ringq::Code) -> String {
    serde_json::to_value(code).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
}

/// Diagnostics of `source` as Python objects, positions in code points.
pub fn convert(py: Python<'_>, source: &str, all: &[ringq::Diagnostic]) -> PyResult<Vec<Diagnostic>> {
    // One walk over the source for every diagnostic: they come in order.
    let mut offsets = CharOffsets::new(source);
    all.iter()
        .map(|d| {
            let std::ops::Range { start, end } = offsets.char_range(d.span());
            let replacement = match d.replacement() {
                Some(r) => {
                    let std::ops::Range { start, end } = offsets.char_range(r.span());
                    Some(Py::new(py, Replacement { start, end, text: r.text().to_owned() })?)
                }
                None => None,
            };
            Ok(Diagnostic {
                message: d.message().to_owned(),
                start,
                end,
                hint: d.hint().map(str::to_owned),
                severity: severity_name(d.severity()).to_owned(),
                code: code_name(d.code()),
                replacement,
            })
        })
        .collect()
}

/// A `QueryError` carrying `message` (what the command prints) and the
/// diagnostics.
pub fn query_error(py: Python<'_>, message: String, diagnostics: Vec<Diagnostic>) -> PyErr {
    let error = QueryError::new_err(message);
    let attached = PyList::new(py, diagnostics).and_then(|list| error.value(py).setattr("diagnostics", list));
    match attached {
        Ok(()) => error,
        Err(failure) => failure,
    }
}

/// An invalid query as the exception Python sees.
pub fn from_error(py: Python<'_>, error: &ringq::Error) -> PyErr {
    match convert(py, error.source_text(), error.diagnostics()) {
        Ok(diagnostics) => query_error(py, error.render(Style::Plain), diagnostics),
        Err(failure) => failure,
    }
}

/// The warnings of a valid query as one `QueryWarning` (which a caller can
/// filter, record or turn into an error with the `warnings` module): its
/// message is what the command prints, its `diagnostics` every warning. One
/// per call, as one `QueryError` carries every error: a long query with
/// 100,000 repeated terms issues one warning, not 100,000.
pub fn warn(py: Python<'_>, source: &str, warnings: &[ringq::Diagnostic]) -> PyResult<()> {
    if warnings.is_empty() {
        return Ok(());
    }
    let message = ringq::Diagnostic::render_all(source, warnings, Style::Plain);
    let warning = QueryWarning::new_err(message).into_value(py);
    warning.bind(py).setattr("diagnostics", PyList::new(py, convert(py, source, warnings)?)?)?;
    // stacklevel 1 is the innermost Python frame: the caller's line (a
    // native function has no frame of its own).
    py.import("warnings")?.getattr("warn")?.call1((warning, py.None(), 1))?;
    Ok(())
}
