//! The two settings a caller loads from JSON: a business calendar and an
//! OmniQ mapping. Reading files is done here, parsing by the library.

use std::path::PathBuf;

use pyo3::exceptions::{PyFileNotFoundError, PyOSError, PyPermissionError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyDict;
use ringq::{BusinessCalendar, Catalog, OmniqMapping};

/// Opening hours for `N business hours ago`: a zone, a weekly schedule and
/// holidays, in the README's JSON schema, e.g.
/// `{"zone": "Europe/Paris", "week": {"mon": [["09:00", "17:00"]]}, "holidays": ["2026-12-25"]}`.
#[pyclass(frozen, module = "ringq")]
pub struct Calendar(BusinessCalendar);

impl Calendar {
    pub fn inner(&self) -> &BusinessCalendar {
        &self.0
    }
}

#[pymethods]
impl Calendar {
    /// A calendar from its JSON text; ValueError naming the problem if the
    /// text is not a valid calendar.
    #[staticmethod]
    fn from_json(text: String) -> PyResult<Calendar> {
        parse_calendar(&text).map_err(|e| PyValueError::new_err(format!("not a valid calendar: {e}")))
    }

    /// A calendar from a JSON file (a str or os.PathLike path); OSError if
    /// it cannot be read, ValueError if it is not a valid calendar.
    #[staticmethod]
    fn from_file(path: PathBuf) -> PyResult<Calendar> {
        let text = read(&path)?;
        parse_calendar(&text)
            .map_err(|e| PyValueError::new_err(format!("`{}` is not a valid calendar: {e}", path.display())))
    }

    /// The calendar in the same JSON schema.
    fn to_json(&self) -> PyResult<String> {
        serde_json::to_string(&self.0).map_err(|e| PyValueError::new_err(e.to_string()))
    }

    fn __repr__(&self) -> PyResult<String> {
        Ok(format!("Calendar.from_json({:?})", self.to_json()?))
    }
}

fn parse_calendar(text: &str) -> Result<Calendar, serde_json::Error> {
    serde_json::from_str(text).map(Calendar)
}

/// How RingCX keywords map to OmniQ document fields, added to the default
/// (`first_content_after`/`first_content_before` -> `createdAt`): a JSON
/// object such as `{"assigned_to": "agent.id"}`.
#[pyclass(frozen, module = "ringq")]
pub struct Mapping(OmniqMapping);

impl Mapping {
    pub fn inner(&self) -> &OmniqMapping {
        &self.0
    }
}

#[pymethods]
impl Mapping {
    /// A mapping from its JSON text; ValueError naming the problem (an
    /// unknown keyword, a value that is not a field name).
    #[staticmethod]
    fn from_json(text: String) -> PyResult<Mapping> {
        OmniqMapping::from_json(&text, &Catalog::ringcx())
            .map(Mapping)
            .map_err(|e| PyValueError::new_err(e.to_string()))
    }

    /// A mapping from a JSON file (a str or os.PathLike path); OSError if it
    /// cannot be read, ValueError if it is not a valid mapping.
    #[staticmethod]
    fn from_file(path: PathBuf) -> PyResult<Mapping> {
        let text = read(&path)?;
        OmniqMapping::from_json(&text, &Catalog::ringcx())
            .map(Mapping)
            .map_err(|e| PyValueError::new_err(format!("`{}`: {e}", path.display())))
    }

    /// The mapping in the same JSON form.
    fn to_json(&self) -> PyResult<String> {
        serde_json::to_string(&self.0).map_err(|e| PyValueError::new_err(e.to_string()))
    }

    fn __repr__(&self) -> PyResult<String> {
        Ok(format!("Mapping.from_json({:?})", self.to_json()?))
    }
}

fn read(path: &std::path::Path) -> PyResult<String> {
    std::fs::read_to_string(path).map_err(|e| {
        let message = format!("cannot read `{}`: {e}", path.display());
        match e.kind() {
            std::io::ErrorKind::NotFound => PyFileNotFoundError::new_err(message),
            std::io::ErrorKind::PermissionDenied => PyPermissionError::new_err(message),
            _ => PyOSError::new_err(message),
        }
    })
}

/// The `mapping` argument: a Mapping, or a dict from RingCX keyword to
/// document field checked the same way.
pub fn mapping_arg(value: &Bound<'_, PyAny>) -> PyResult<OmniqMapping> {
    if let Ok(mapping) = value.cast::<Mapping>() {
        return Ok(mapping.get().inner().clone());
    }
    if let Ok(dict) = value.cast::<PyDict>() {
        let catalog = Catalog::ringcx();
        let mut mapping = OmniqMapping::default();
        for (keyword, field) in dict.iter() {
            let (keyword, field): (String, String) = (keyword.extract()?, field.extract()?);
            mapping.insert(&catalog, &keyword, &field).map_err(|e| PyValueError::new_err(e.to_string()))?;
        }
        return Ok(mapping);
    }
    Err(PyTypeError::new_err(format!(
        "mapping must be a ringq.Mapping or a dict of str to str, not {}",
        value.get_type().name()?
    )))
}
