//! Python arguments turned into the library's options, with the errors a
//! Python caller expects: `TypeError` for the wrong kind of object,
//! `ValueError` naming the allowed values for a wrong value.

use std::num::NonZeroU64;

use chrono::{DateTime, Utc};
use pyo3::exceptions::{PyTypeError, PyUnicodeEncodeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDateTime, PyInt, PyString, PyTzInfo, PyTzInfoAccess};
use ringq::{DateReading, Direction, Locale, Options};

use crate::diagnostics::{query_error, Diagnostic};
use crate::types::Calendar;

/// The date context every function takes as keyword arguments.
pub struct Context<'a, 'py> {
    pub now: Option<&'a Bound<'py, PyAny>>,
    pub tz: &'a str,
    pub locale: &'a str,
    pub prefer: &'a str,
    pub dates: &'a str,
    pub calendar: Option<&'a Bound<'py, Calendar>>,
}

impl Context<'_, '_> {
    /// The library's options: `now` from the argument or the clock (the
    /// library itself never reads it).
    pub fn options(&self) -> PyResult<Options> {
        let mut options = Options::at(match self.now {
            Some(now) => instant(now)?,
            None => Utc::now(),
        });
        // The library's parsers: the same spellings and errors as the
        // command and the service, raised as ValueError.
        let invalid = |e: ringq::OptionError| PyValueError::new_err(e.to_string());
        options.tz = ringq::parse_time_zone(self.tz).map_err(invalid)?;
        options.locale = self.locale.parse::<Locale>().map_err(invalid)?;
        options.prefer = self.prefer.parse::<Direction>().map_err(invalid)?;
        options.dates = self.dates.parse::<DateReading>().map_err(invalid)?;
        options.calendar = self.calendar.map(|c| c.get().inner().clone());
        Ok(options)
    }

    /// [`Context::options`], with unknown keywords kept when `lenient`.
    pub fn lenient_options(&self, lenient: bool) -> PyResult<Options> {
        let mut options = self.options()?;
        options.lenient = lenient;
        Ok(options)
    }
}

/// An aware `datetime` as an instant. A naive one is refused rather than
/// read in some zone the caller did not name.
fn instant(now: &Bound<'_, PyAny>) -> PyResult<DateTime<Utc>> {
    let Ok(now) = now.cast::<PyDateTime>() else {
        return Err(PyTypeError::new_err(format!(
            "now must be a timezone-aware datetime.datetime, not {}",
            now.get_type().name()?
        )));
    };
    // The common case, a UTC datetime, in one step.
    if let Ok(instant) = now.extract::<DateTime<Utc>>() {
        return Ok(instant);
    }
    if now.get_tzinfo().is_none() || now.call_method0("utcoffset")?.is_none() {
        return Err(PyValueError::new_err(
            "now must be timezone-aware (a naive datetime names no instant); e.g. datetime.now(timezone.utc)",
        ));
    }
    now.call_method1("astimezone", (PyTzInfo::utc(now.py())?,))?.extract::<DateTime<Utc>>()
}

/// The text of a `str` argument. A string holding a lone surrogate (which
/// is not text and has no UTF-8 form) is a `QueryError` at its index.
pub fn text(value: &Bound<'_, PyAny>, name: &str) -> PyResult<String> {
    let py = value.py();
    if !value.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(format!("{name} must be a str, not {}", value.get_type().name()?)));
    }
    match value.extract::<String>() {
        Ok(text) => Ok(text),
        Err(error) if error.is_instance_of::<PyUnicodeEncodeError>(py) => {
            let start: usize = error.value(py).getattr("start")?.extract()?;
            let end: usize = error.value(py).getattr("end")?.extract()?;
            let message = format!(
                "error: the {name} is not text: it holds a lone surrogate at index {start}, which has no UTF-8 form\n"
            );
            let diagnostic = Diagnostic::new(
                "a lone surrogate is not text".to_owned(),
                (start, end),
                Some("remove it, or decode the source with errors=\"replace\"".to_owned()),
                "invalid_text",
            );
            Err(query_error(py, message, vec![diagnostic]))
        }
        Err(error) => Err(error),
    }
}

/// A whole number of at least `min`, with the command's wording when it is
/// not (`from_` and `size`).
pub fn count(value: &Bound<'_, PyAny>, name: &str, min: u64, what: &str) -> PyResult<u64> {
    if !value.is_instance_of::<PyInt>() || value.is_instance_of::<pyo3::types::PyBool>() {
        return Err(PyTypeError::new_err(format!("{name} must be an int, not {}", value.get_type().name()?)));
    }
    match value.extract::<u64>() {
        Ok(n) if n >= min => Ok(n),
        _ => Err(PyValueError::new_err(format!("`{value}` is not {what}; use a whole number, {min} or more"))),
    }
}

/// `size` as the library takes it.
pub fn size(value: &Bound<'_, PyAny>) -> PyResult<NonZeroU64> {
    let n = count(value, "size", 1, "a page size")?;
    NonZeroU64::new(n).ok_or_else(|| PyValueError::new_err("size must be 1 or more"))
}
