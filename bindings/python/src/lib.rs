//! `ringq` for Python: the RingCX Digital search language checked,
//! formatted, parsed and compiled to OmniQ with exactly the Rust library's
//! behaviour.
//!
//! Every function goes through the library's front door
//! ([`ringq::Options::check`]); this crate only converts arguments, results
//! and errors. Nothing here may panic into the interpreter: the library
//! does not panic on any input, and each call is still guarded so that a
//! bug would surface as a `RuntimeError` asking for a report, never as
//! pyo3's `PanicException` (a `BaseException` that `except Exception`
//! does not catch).

#![forbid(unsafe_code)]
// A Python function's keyword arguments are its Rust parameters.
#![allow(clippy::too_many_arguments)]

mod args;
mod diagnostics;
mod template;
mod types;

use std::panic::{catch_unwind, AssertUnwindSafe};

use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyTuple;
use ringq::{OmniqIndex, OmniqOptions, Options, Report, Style};

use crate::args::{count, text, Context};
use crate::diagnostics::{convert, from_error, query_error, warn, Diagnostic, QueryError, QueryWarning, Replacement};
use crate::template::Template;
use crate::types::{Calendar, Mapping};

/// Inputs at least this long are checked with the GIL released, so that
/// threads validate in parallel; shorter ones finish before a release
/// would pay for itself.
const DETACH_BYTES: usize = 64 * 1024;

/// Runs `work` on `len` bytes of input: without the GIL when the input is
/// long, and with a panic turned into a `RuntimeError`.
fn run<T: Send>(py: Python<'_>, len: usize, work: impl FnOnce() -> T + Send) -> PyResult<T> {
    let guarded = move || catch_unwind(AssertUnwindSafe(work));
    let outcome = if len >= DETACH_BYTES { py.detach(guarded) } else { guarded() };
    outcome
        .map_err(|_| PyRuntimeError::new_err("ringq failed internally on this input; please report it with the input"))
}

/// Checks `options` against `q` without the GIL when `q` is long.
fn checked<'q, T: Send>(
    py: Python<'_>,
    options: &Options,
    q: &'q str,
    then: impl FnOnce(&Report<'q>) -> T + Send,
) -> PyResult<Result<T, ringq::Error>> {
    run(py, q.len(), || options.check(q).map(|report| then(&report)))
}

/// What the library serialized, as Python objects. Through `json.loads`,
/// which keeps the documented key order (a `serde_json::Value` would sort
/// the keys).
fn from_json(py: Python<'_>, json: serde_json::Result<String>) -> PyResult<Bound<'_, PyAny>> {
    let json = json.map_err(|e| PyRuntimeError::new_err(e.to_string()))?;
    py.import("json")?.call_method1("loads", (json,))
}

/// Parses and validates a RingCX query and returns its canonical form.
///
/// Dates are checked and resolved against `now` (a timezone-aware datetime;
/// None reads the clock) in zone `tz` (an IANA name), with `locale` ("en":
/// 03/04 is 4 March, "fr": 3 April) and `prefer` ("past" or "future") for
/// incomplete dates, `dates` ("ringcx", as RingCX reads them, or
/// "intended", what a person means; where they differ a QueryWarning says
/// so), and `calendar` (a Calendar) for business time.
/// `lenient` keeps unknown keywords as opaque terms instead of rejecting
/// them (a near miss of a known keyword still warns).
///
/// Raises QueryError, whose str() is what `ringq check` prints and whose
/// `diagnostics` hold each problem with string indices. The warnings of a
/// valid query are issued as one QueryWarning (see the warnings module).
///
/// >>> ringq.check("assigned_to_me:yes  -status_in:Replied refund")
/// 'assigned_to_me:true -status_in:replied refund'
#[pyfunction]
#[pyo3(
    text_signature = "(q, *, now=None, tz='UTC', locale='en', prefer='past', dates='ringcx', calendar=None, lenient=False)"
)]
#[pyo3(signature = (q, *, now=None, tz=String::from("UTC"), locale=String::from("en"), prefer=String::from("past"), dates=String::from("ringcx"), calendar=None, lenient=false))]
fn check(
    py: Python<'_>,
    q: &Bound<'_, PyAny>,
    now: Option<&Bound<'_, PyAny>>,
    tz: String,
    locale: String,
    prefer: String,
    dates: String,
    calendar: Option<&Bound<'_, Calendar>>,
    lenient: bool,
) -> PyResult<String> {
    let q = text(q, "query")?;
    let options =
        Context { now, tz: &tz, locale: &locale, prefer: &prefer, dates: &dates, calendar }.lenient_options(lenient)?;
    let (canonical, warnings) =
        checked(py, &options, &q, |report| (report.canonical().to_owned(), report.warnings().to_vec()))?
            .map_err(|error| from_error(py, &error))?;
    warn(py, &q, &warnings)?;
    Ok(canonical)
}

/// The canonical form of a query, as `ringq fmt` prints it: the query is
/// validated, but dates are not resolved (no clock is read). Raises
/// QueryError for an invalid query; issues no warnings. `lenient` is
/// check()'s.
///
/// >>> ringq.format('"refund"   assigned_to_me:1')
/// 'refund assigned_to_me:true'
#[pyfunction]
#[pyo3(signature = (q, *, lenient=false))]
fn format(py: Python<'_>, q: &Bound<'_, PyAny>, lenient: bool) -> PyResult<String> {
    let q = text(q, "query")?;
    let mut options = Options::default();
    options.lenient = lenient;
    let formatted = run(py, q.len(), || options.format(&q))?.map_err(|error| from_error(py, &error))?;
    Ok(formatted.canonical)
}

/// The parsed query, as the `terms` of `ringq parse`: one dict per term,
/// in order, with its keyword, `negated` when it is, its typed value, its
/// spans in bytes of the UTF-8 text, and for date terms the resolved
/// `date` {"start", "end"} (RFC 3339, UTC). The keyword arguments are
/// check()'s. Raises QueryError for an invalid query; warnings are issued
/// as QueryWarning.
#[pyfunction]
#[pyo3(signature = (q, *, now=None, tz=String::from("UTC"), locale=String::from("en"), prefer=String::from("past"), dates=String::from("ringcx"), calendar=None, lenient=false))]
#[pyo3(
    text_signature = "(q, *, now=None, tz='UTC', locale='en', prefer='past', dates='ringcx', calendar=None, lenient=False)"
)]
fn parse<'py>(
    py: Python<'py>,
    q: &Bound<'py, PyAny>,
    now: Option<&Bound<'py, PyAny>>,
    tz: String,
    locale: String,
    prefer: String,
    dates: String,
    calendar: Option<&Bound<'py, Calendar>>,
    lenient: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let q = text(q, "query")?;
    let options =
        Context { now, tz: &tz, locale: &locale, prefer: &prefer, dates: &dates, calendar }.lenient_options(lenient)?;
    let (json, warnings) =
        checked(py, &options, &q, |report| (serde_json::to_string(&report.parse_view()), report.warnings().to_vec()))?
            .map_err(|error| from_error(py, &error))?;
    warn(py, &q, &warnings)?;
    // The parse as `ringq parse` prints it (`{"terms", "warnings"}`); the
    // warnings were issued as a QueryWarning.
    from_json(py, json)?.get_item("terms")
}

/// Resolves a date expression ("yesterday", "2 weeks ago at 4pm",
/// "6 business hours ago", "2026-11-24") to the span it names: a tuple
/// (start, end) of timezone-aware UTC datetimes, end excluded.
///
/// Raises QueryError as `ringq date` reports it; a reading that deserves a
/// second look (a weekday that is not its date's) is a QueryWarning.
#[pyfunction]
#[pyo3(text_signature = "(expr, *, now=None, tz='UTC', locale='en', prefer='past', dates='ringcx', calendar=None)")]
#[pyo3(signature = (expr, *, now=None, tz=String::from("UTC"), locale=String::from("en"), prefer=String::from("past"), dates=String::from("ringcx"), calendar=None))]
fn resolve_date<'py>(
    py: Python<'py>,
    expr: &Bound<'py, PyAny>,
    now: Option<&Bound<'py, PyAny>>,
    tz: String,
    locale: String,
    prefer: String,
    dates: String,
    calendar: Option<&Bound<'py, Calendar>>,
) -> PyResult<Bound<'py, PyTuple>> {
    let expr = text(expr, "date expression")?;
    let options = Context { now, tz: &tz, locale: &locale, prefer: &prefer, dates: &dates, calendar }.options()?;
    match run(py, expr.len(), || options.date(&expr))? {
        Ok(answer) => {
            warn(py, &expr, &answer.warnings)?;
            PyTuple::new(py, [answer.start, answer.end])
        }
        Err(error) => {
            let message = ringq::Diagnostic::render_all(&expr, error.diagnostics(), Style::Plain);
            Err(query_error(py, message, convert(py, &expr, error.diagnostics())?))
        }
    }
}

/// Compiles a query to the body of an OmniQ `GET /getmydata` request on
/// `index` (one of the documented entities, e.g. "communications"), with
/// `from_` and `size` as its page. `mapping` (a Mapping, or a dict from
/// RingCX keyword to document field) extends the default mapping.
///
/// What `filterBy` cannot express (negation, a second value for a field,
/// free text) raises QueryError; with `plan=True` the result is instead
/// {"request": {...}, "residual": ...}, the residual being the predicate to
/// check on each returned document. Warnings are issued as QueryWarning.
///
/// >>> ringq.omniq("platform:web isNewClient:yes", index="communications")
/// {'index': 'communications', 'filterBy': {'isNewClient': True, 'platform': 'web'}, 'from': 0, 'size': 10}
#[pyfunction]
#[pyo3(
    text_signature = "(q, *, index, from_=0, size=10, now=None, tz='UTC', locale='en', prefer='past', dates='ringcx', calendar=None, mapping=None, plan=False)"
)]
#[pyo3(signature = (q, *, index, from_=None, size=None, now=None, tz=String::from("UTC"), locale=String::from("en"), prefer=String::from("past"), dates=String::from("ringcx"), calendar=None, mapping=None, plan=false))]
fn omniq<'py>(
    py: Python<'py>,
    q: &Bound<'py, PyAny>,
    index: String,
    from_: Option<&Bound<'py, PyAny>>,
    size: Option<&Bound<'py, PyAny>>,
    now: Option<&Bound<'py, PyAny>>,
    tz: String,
    locale: String,
    prefer: String,
    dates: String,
    calendar: Option<&Bound<'py, Calendar>>,
    mapping: Option<&Bound<'py, PyAny>>,
    plan: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let q = text(q, "query")?;
    let index = index.parse::<OmniqIndex>().map_err(|e| PyValueError::new_err(e.to_string()))?;
    let mut target = OmniqOptions::new(index);
    if let Some(from) = from_ {
        target.from = count(from, "from_", 0, "a position")?;
    }
    if let Some(value) = size {
        target.size = args::size(value)?;
    }
    if let Some(mapping) = mapping {
        target.mapping = types::mapping_arg(mapping)?;
    }
    target.plan = plan;
    let mut options = Context { now, tz: &tz, locale: &locale, prefer: &prefer, dates: &dates, calendar }.options()?;
    options.omniq = Some(target);
    let (json, warnings) =
        checked(py, &options, &q, |report| (serde_json::to_string(&report.omniq()), report.warnings().to_vec()))?
            .map_err(|error| from_error(py, &error))?;
    warn(py, &q, &warnings)?;
    from_json(py, json)
}

/// What a search box would offer with the cursor at `cursor` (a string
/// index into `q`; None is the end): a dict {"replace": {"start", "end"},
/// "items": [{"label", "insert", "kind", "detail"}, ...]}, best first, where
/// `replace` is the slice of `q` (string indices) each item replaces. The
/// keyword arguments are check()'s; dates offered are resolved against
/// `now`. Raises ValueError for a cursor outside `q`.
///
/// >>> ringq.complete("stat")["items"][0]["insert"]
/// 'status_in:'
#[pyfunction]
#[pyo3(signature = (q, cursor=None, *, now=None, tz=String::from("UTC"), locale=String::from("en"), prefer=String::from("past"), dates=String::from("ringcx"), calendar=None, lenient=false))]
#[pyo3(
    text_signature = "(q, cursor=None, *, now=None, tz='UTC', locale='en', prefer='past', dates='ringcx', calendar=None, lenient=False)"
)]
fn complete<'py>(
    py: Python<'py>,
    q: &Bound<'py, PyAny>,
    cursor: Option<usize>,
    now: Option<&Bound<'py, PyAny>>,
    tz: String,
    locale: String,
    prefer: String,
    dates: String,
    calendar: Option<&Bound<'py, Calendar>>,
    lenient: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let q = text(q, "query")?;
    let options =
        Context { now, tz: &tz, locale: &locale, prefer: &prefer, dates: &dates, calendar }.lenient_options(lenient)?;
    // Python counts characters; the library counts UTF-8 bytes.
    let byte_cursor = match cursor {
        None => q.len(),
        Some(index) => q.char_indices().map(|(at, _)| at).chain([q.len()]).nth(index).ok_or_else(|| {
            PyValueError::new_err(format!(
                "cursor {index} is past the end of the query ({} characters)",
                q.chars().count()
            ))
        })?,
    };
    let completions = run(py, q.len(), || options.complete(&q, byte_cursor))?
        .map_err(|error| PyValueError::new_err(error.to_string()))?;
    let answer = from_json(py, serde_json::to_string(&completions))?;
    let chars = completions.replace.char_range(&q);
    let replace = answer.get_item("replace")?;
    replace.set_item("start", chars.start)?;
    replace.set_item("end", chars.end)?;
    Ok(answer)
}

/// The query explained term by term, valid or not, as the service's
/// `/v1/explain` answers: a dict {"canonical" (None when invalid), "terms":
/// [{"span", "keyword", "value", "negated", "meaning", "date"?}],
/// "diagnostics": [...]}, term spans in bytes of the UTF-8 text as parse()
/// gives them and each diagnostic with its `chars` (string indices). The
/// keyword arguments are check()'s. Never raises for an invalid query: the
/// diagnostics are the answer.
///
/// >>> ringq.explain("stauts:new")["diagnostics"][0]["code"]
/// 'unknown_keyword'
#[pyfunction]
#[pyo3(signature = (q, *, now=None, tz=String::from("UTC"), locale=String::from("en"), prefer=String::from("past"), dates=String::from("ringcx"), calendar=None, lenient=false))]
#[pyo3(
    text_signature = "(q, *, now=None, tz='UTC', locale='en', prefer='past', dates='ringcx', calendar=None, lenient=False)"
)]
fn explain<'py>(
    py: Python<'py>,
    q: &Bound<'py, PyAny>,
    now: Option<&Bound<'py, PyAny>>,
    tz: String,
    locale: String,
    prefer: String,
    dates: String,
    calendar: Option<&Bound<'py, Calendar>>,
    lenient: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let q = text(q, "query")?;
    let options =
        Context { now, tz: &tz, locale: &locale, prefer: &prefer, dates: &dates, calendar }.lenient_options(lenient)?;
    let json = run(py, q.len(), || serde_json::to_string(&options.explain(&q)))?;
    from_json(py, json)
}

/// The RingCX Digital search language: check, format, parse and compile
/// queries to OmniQ, with the `ringq` Rust library's exact behaviour.
#[pymodule]
fn _ringq(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_function(wrap_pyfunction!(check, m)?)?;
    m.add_function(wrap_pyfunction!(format, m)?)?;
    m.add_function(wrap_pyfunction!(parse, m)?)?;
    m.add_function(wrap_pyfunction!(resolve_date, m)?)?;
    m.add_function(wrap_pyfunction!(omniq, m)?)?;
    m.add_function(wrap_pyfunction!(complete, m)?)?;
    m.add_function(wrap_pyfunction!(explain, m)?)?;
    m.add_function(wrap_pyfunction!(template::render, m)?)?;
    m.add_function(wrap_pyfunction!(template::quote, m)?)?;
    m.add_class::<Template>()?;
    m.add_class::<Calendar>()?;
    m.add_class::<Mapping>()?;
    m.add_class::<Diagnostic>()?;
    m.add_class::<Replacement>()?;
    m.add("QueryError", py.get_type::<QueryError>())?;
    m.add("QueryWarning", py.get_type::<QueryWarning>())?;
    Ok(())
}
