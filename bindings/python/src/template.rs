//! Templates from Python: `ringq.Template`, `ringq.render` and
//! `ringq.quote`. Python values become the library's bound values; the
//! library binds them, so a value never becomes syntax.

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDateTime, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};
use ringq::{CharOffsets, Options, Values};

use crate::args::{text, Context};
use crate::diagnostics::from_error;
use crate::types::Calendar;

/// A query template read and checked once, rendered with many values.
///
/// `{name}` is a hole, `{name?}` an optional one whose term is dropped
/// without a value, `{{` and `}}` are literal braces. Each hole is typed by
/// the keyword it sits in; a bound value is quoted and escaped as it must
/// be, so it never becomes syntax. Raises QueryError (with string indices
/// into the template) for a template that cannot be read.
///
/// >>> t = ringq.Template("status_in:{s} {words}")
/// >>> t.render(s=["new", "replied"], words='refund" -x')
/// 'status_in:new status_in:replied "refund\\" -x"'
#[pyclass(frozen, module = "ringq")]
pub struct Template {
    inner: ringq::Template,
}

#[pymethods]
impl Template {
    #[new]
    #[pyo3(
        text_signature = "(template, *, now=None, tz='UTC', locale='en', prefer='past', dates='ringcx', calendar=None, lenient=False)"
    )]
    #[pyo3(signature = (template, *, now=None, tz=String::from("UTC"), locale=String::from("en"), prefer=String::from("past"), dates=String::from("ringcx"), calendar=None, lenient=false))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        template: &Bound<'_, PyAny>,
        now: Option<&Bound<'_, PyAny>>,
        tz: String,
        locale: String,
        prefer: String,
        dates: String,
        calendar: Option<&Bound<'_, Calendar>>,
        lenient: bool,
    ) -> PyResult<Self> {
        let template = text(template, "template")?;
        let options = Context { now, tz: &tz, locale: &locale, prefer: &prefer, dates: &dates, calendar }
            .lenient_options(lenient)?;
        parse(py, &template, &options).map(|inner| Template { inner })
    }

    /// The canonical query the values make: from `values` (a dict) and the
    /// keyword arguments (which win for a name both give). Raises
    /// QueryError naming the hole at fault.
    #[pyo3(signature = (values=None, **holes))]
    fn render(
        &self,
        py: Python<'_>,
        values: Option<&Bound<'_, PyDict>>,
        holes: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<String> {
        let values = bound_values(values, holes)?;
        let query = self.inner.render(&values).map_err(|error| from_error(py, &error))?;
        Ok(query.as_str().to_owned())
    }

    /// The holes, in the order written: dicts with `name`, `optional`,
    /// `kind` ("bool", "status", "id", "date", "order", "language", "text",
    /// "field"), `keyword` (None for a free-text term) and `start`/`end`
    /// (string indices into the template, braces included).
    #[getter]
    fn holes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let mut offsets = CharOffsets::new(self.inner.as_str());
        let list = PyList::empty(py);
        for hole in self.inner.holes() {
            let dict = PyDict::new(py);
            let range = offsets.char_range(hole.span());
            let kind = serde_json::to_value(hole.kind()).ok().and_then(|k| k.as_str().map(str::to_owned));
            dict.set_item("name", hole.name())?;
            dict.set_item("optional", hole.optional())?;
            dict.set_item("kind", kind)?;
            dict.set_item("keyword", hole.keyword())?;
            dict.set_item("start", range.start)?;
            dict.set_item("end", range.end)?;
            list.append(dict)?;
        }
        Ok(list)
    }

    /// The template as written.
    #[getter]
    fn template(&self) -> &str {
        self.inner.as_str()
    }

    fn __repr__(&self) -> String {
        format!("Template({:?})", self.inner.as_str())
    }
}

/// Renders `template` with `values` (a dict) and the keyword arguments in
/// one step: `ringq.Template(template, ...).render(values, **holes)`. The
/// context keywords are check()'s; a hole named like one of them is bound
/// through `values`.
///
/// >>> ringq.render("assigned_to:{u} {w?}", u=42)
/// 'assigned_to:42'
#[pyfunction]
#[pyo3(
    text_signature = "(template, values=None, *, now=None, tz='UTC', locale='en', prefer='past', dates='ringcx', calendar=None, lenient=False, **holes)"
)]
#[pyo3(signature = (template, values=None, *, now=None, tz=String::from("UTC"), locale=String::from("en"), prefer=String::from("past"), dates=String::from("ringcx"), calendar=None, lenient=false, **holes))]
#[allow(clippy::too_many_arguments)]
pub fn render(
    py: Python<'_>,
    template: &Bound<'_, PyAny>,
    values: Option<&Bound<'_, PyDict>>,
    now: Option<&Bound<'_, PyAny>>,
    tz: String,
    locale: String,
    prefer: String,
    dates: String,
    calendar: Option<&Bound<'_, Calendar>>,
    lenient: bool,
    holes: Option<&Bound<'_, PyDict>>,
) -> PyResult<String> {
    let template = text(template, "template")?;
    let options =
        Context { now, tz: &tz, locale: &locale, prefer: &prefer, dates: &dates, calendar }.lenient_options(lenient)?;
    let values = bound_values(values, holes)?;
    options.render(&template, &values).map_err(|error| from_error(py, &error))
}

/// `value` as one free-text term, quoted and escaped as it must be.
///
/// >>> ringq.quote("a:b")
/// '"a:b"'
#[pyfunction]
pub fn quote(value: &Bound<'_, PyAny>) -> PyResult<String> {
    Ok(ringq::quote(&text(value, "value")?))
}

fn parse(py: Python<'_>, template: &str, options: &Options) -> PyResult<ringq::Template> {
    ringq::Template::parse(template, options).map_err(|error| from_error(py, &error))
}

/// The values of a call: the dict, then the keyword arguments.
fn bound_values(values: Option<&Bound<'_, PyDict>>, holes: Option<&Bound<'_, PyDict>>) -> PyResult<Values> {
    let mut bound = Values::new();
    for dict in [values, holes].into_iter().flatten() {
        for (name, value) in dict.iter() {
            let name: String = name.extract().map_err(|_| PyTypeError::new_err("value names must be str"))?;
            let value = to_bound(&name, &value, true)?;
            bound.insert(name, value);
        }
    }
    Ok(bound)
}

/// A Python value as a bound value: None, bool, int, float, str, an aware
/// datetime (an instant), or (at the top) a list or tuple of them.
fn to_bound(name: &str, value: &Bound<'_, PyAny>, top: bool) -> PyResult<ringq::Bound> {
    if value.is_none() {
        return Ok(ringq::Bound::Null);
    }
    if value.is_instance_of::<PyBool>() {
        return Ok(ringq::Bound::Bool(value.extract()?));
    }
    if value.is_instance_of::<PyInt>() {
        if let Ok(n) = value.extract::<i64>() {
            return Ok(ringq::Bound::from(n));
        }
        if let Ok(n) = value.extract::<u64>() {
            return Ok(ringq::Bound::from(n));
        }
        // A larger int is an id like any other: its digits.
        return Ok(ringq::Bound::Text(value.str()?.to_string()));
    }
    if value.is_instance_of::<PyFloat>() {
        let f: f64 = value.extract()?;
        return serde_json::Number::from_f64(f)
            .map(ringq::Bound::Number)
            .ok_or_else(|| PyValueError::new_err(format!("`{name}`: {f} is not a number a query can hold")));
    }
    if value.is_instance_of::<PyString>() {
        return Ok(ringq::Bound::Text(text(value, "value")?));
    }
    if value.is_instance_of::<PyDateTime>() {
        let iso: String = value.call_method0("isoformat")?.extract()?;
        if value.call_method0("utcoffset")?.is_none() {
            return Err(PyValueError::new_err(format!(
                "`{name}`: a naive datetime names no instant; give it a timezone"
            )));
        }
        return Ok(ringq::Bound::Text(iso));
    }
    if top && (value.is_instance_of::<PyList>() || value.is_instance_of::<PyTuple>()) {
        let items: PyResult<Vec<ringq::Bound>> = value.try_iter()?.map(|item| to_bound(name, &item?, false)).collect();
        return items.map(ringq::Bound::List);
    }
    Err(PyTypeError::new_err(format!(
        "`{name}` must be a str, int, float, bool, aware datetime, None{}, not {}",
        if top { " or a list of them" } else { "" },
        value.get_type().name()?
    )))
}
