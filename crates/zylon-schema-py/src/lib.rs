//! Python bindings (PyO3, abi3): thin translations over the `zylon-schema` core, no rules of
//! their own. The module `zylon_schema._native` takes bodies as `bytes` (the Python package
//! `pkg-py/python/zylon_schema` encodes `str` and serialises `dict`/`list` first) and options as
//! the JSON text every host passes (`check::options::from_json`), and returns JSON text that the
//! package reads with `json.loads`: the report a Python user gets is byte for byte the CLI's
//! `--format json` report.
//!
//! Validation runs with the GIL released (`Python::detach`): the body is borrowed from the
//! immutable `bytes` object, which the caller's frame keeps alive.
#![forbid(unsafe_code)]

use pyo3::exceptions::{PyKeyError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyBytes;
use zylon_schema::{Kind, Options, Report};

/// The options of `options_json`, or a `ValueError` with the core's message.
fn options(options_json: &str) -> PyResult<(Option<Kind>, Options)> {
    zylon_schema::check::options::from_json(options_json).map_err(PyValueError::new_err)
}

fn to_json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| "null".to_string())
}

/// Validate UTF-8 JSON bytes; the report as JSON text (the CLI's `--format json`).
#[pyfunction]
fn validate(py: Python<'_>, body: &Bound<'_, PyBytes>, options_json: &str) -> PyResult<String> {
    let (kind, opts) = options(options_json)?;
    let bytes = body.as_bytes();
    let report: Report = py.detach(|| match kind {
        Some(kind) => zylon_schema::validate_bytes(bytes, kind, &opts),
        None => zylon_schema::validate_bytes_auto(bytes, &opts),
    });
    Ok(report.to_json())
}

/// Whether UTF-8 JSON bytes (read as `validate` reads them) have no error: the report's
/// `valid`, by the core's fast path (`is_valid_bytes`: the rules stop at the first error that
/// decides, and no report is returned).
#[pyfunction]
fn is_valid(py: Python<'_>, body: &Bound<'_, PyBytes>, options_json: &str) -> PyResult<bool> {
    let (kind, opts) = options(options_json)?;
    let bytes = body.as_bytes();
    Ok(py.detach(|| match kind {
        Some(kind) => zylon_schema::is_valid_bytes(bytes, kind, &opts),
        None => zylon_schema::is_valid_bytes_auto(bytes, &opts),
    }))
}

/// Apply the safe fixes to JSON bytes, read as `validate` reads them (`fix_bytes`: a UTF-16 or
/// UTF-32 body comes back as UTF-8 text, the conversion its first fix); `{body, fixes, report}`
/// as JSON text. Bytes that UTF-8 text cannot hold exactly (not decodable, or a surrogate on its
/// own) are not rewritten: an empty body, no fixes, and a report whose one error says why
/// (`NotText::into_result`).
#[pyfunction]
fn fix(py: Python<'_>, body: &Bound<'_, PyBytes>, options_json: &str) -> PyResult<String> {
    let (kind, opts) = options(options_json)?;
    let bytes = body.as_bytes();
    Ok(py.detach(|| {
        zylon_schema::fix::fix_bytes(bytes, kind, &opts)
            .unwrap_or_else(zylon_schema::fix::NotText::into_result)
            .to_json()
    }))
}

/// Decode a captured `text/event-stream`: `{message, issues, events}` as JSON text.
#[pyfunction]
fn decode_stream(py: Python<'_>, data: &Bound<'_, PyBytes>) -> String {
    let bytes = data.as_bytes();
    py.detach(|| zylon_schema::stream::decode_to_json(bytes))
}

/// One exported JSON Schema by name, as JSON text (`KeyError` for an unknown name).
#[pyfunction]
fn schema(name: &str) -> PyResult<String> {
    zylon_schema::schema::get(name)
        .map(|s| to_json(&s))
        .ok_or_else(|| {
            let names: Vec<&str> = zylon_schema::schema::NAMES
                .iter()
                .map(|(n, _)| *n)
                .collect();
            PyKeyError::new_err(format!(
                "unknown schema `{name}` (one of: {})",
                names.join(", ")
            ))
        })
}

/// The names of the exported schemas, in order.
#[pyfunction]
fn schema_names() -> Vec<&'static str> {
    zylon_schema::schema::NAMES
        .iter()
        .map(|(n, _)| *n)
        .collect()
}

/// Every issue code with its documentation, as JSON text (a list of objects).
#[pyfunction]
fn codes() -> String {
    let list: Vec<serde_json::Value> = zylon_schema::docs::all()
        .map(|d| {
            serde_json::json!({
                "code": d.code,
                "severity": d.severity,
                "points_at": d.points_at,
                "why": d.why,
                "fix": d.fix,
                "docs": format!("docs/codes.md#{}", d.code),
            })
        })
        .collect();
    to_json(&list)
}

/// An incremental stream accumulator: feed chunks as they arrive.
#[pyclass(module = "zylon_schema._native")]
struct Accumulator {
    inner: zylon_schema::stream::Accumulator,
}

#[pymethods]
impl Accumulator {
    #[new]
    fn new() -> Self {
        Accumulator {
            inner: zylon_schema::stream::Accumulator::new(),
        }
    }

    /// Feed bytes; the events they completed as JSON text.
    fn push(&mut self, py: Python<'_>, chunk: &Bound<'_, PyBytes>) -> String {
        let bytes = chunk.as_bytes();
        let inner = &mut self.inner;
        py.detach(|| inner.push_bytes_json(bytes))
    }

    /// End of the stream; the last events as JSON text.
    fn finish(&mut self) -> String {
        self.inner.finish_json()
    }

    /// The message so far, as JSON text.
    fn message(&self) -> String {
        self.inner.message_json()
    }

    /// The issues so far, as JSON text.
    fn issues(&self) -> String {
        zylon_schema::Issue::list_to_json(self.inner.issues())
    }

    /// Events seen.
    fn event_count(&self) -> usize {
        self.inner.event_count()
    }
}

/// The native module.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(validate, m)?)?;
    m.add_function(wrap_pyfunction!(is_valid, m)?)?;
    m.add_function(wrap_pyfunction!(fix, m)?)?;
    m.add_function(wrap_pyfunction!(decode_stream, m)?)?;
    m.add_function(wrap_pyfunction!(schema, m)?)?;
    m.add_function(wrap_pyfunction!(schema_names, m)?)?;
    m.add_function(wrap_pyfunction!(codes, m)?)?;
    m.add_class::<Accumulator>()?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
