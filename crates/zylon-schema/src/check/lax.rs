//! Reading scalars the way the server does: pydantic's lax mode coerces some strings and
//! numbers to the field's type (and the validator warns where it does).

use crate::check::json::Value;

/// The result of reading a value leniently the way pydantic does in lax mode.
pub(crate) enum Lax<T> {
    /// The value has the right JSON type.
    Exact(T),
    /// A string (or other form) the server coerces to the right type.
    Coerced(T),
    /// The server rejects it.
    Invalid,
}

/// A boolean as pydantic reads it (strings like "true"/"yes"/"0" and the integers 0/1 are coerced).
pub(crate) fn lax_bool(v: &Value<'_>) -> Lax<bool> {
    match v {
        Value::Bool(b) => Lax::Exact(*b),
        Value::Number(n) => match n.as_f64() {
            Some(0.0) => Lax::Coerced(false),
            Some(1.0) => Lax::Coerced(true),
            _ => Lax::Invalid,
        },
        // no trimming: pydantic refuses " yes"
        Value::String(s) => match s.to_ascii_lowercase().as_str() {
            "true" | "t" | "yes" | "y" | "on" | "1" => Lax::Coerced(true),
            "false" | "f" | "no" | "n" | "off" | "0" => Lax::Coerced(false),
            _ => Lax::Invalid,
        },
        _ => Lax::Invalid,
    }
}

/// A float as pydantic reads it (numeric strings are coerced). An integer beyond a float's range
/// is refused ("Input should be a valid number": Python's int-to-float conversion overflows),
/// while a float literal beyond it is read as infinity.
pub(crate) fn lax_float(v: &Value<'_>) -> Lax<f64> {
    match v {
        Value::Number(n) if n.int && !n.value.is_finite() => Lax::Invalid,
        Value::Number(n) => n.as_f64().map_or(Lax::Invalid, Lax::Exact),
        Value::String(s) => py_float_literal(s).map_or(Lax::Invalid, Lax::Coerced),
        Value::Bool(b) => Lax::Coerced(if *b { 1.0 } else { 0.0 }),
        _ => Lax::Invalid,
    }
}

/// An integer as pydantic reads it: whole numbers (also `100.0`) exact, numeric strings coerced
/// (trimmed as [`py_float_literal`] trims them),
/// fractional values invalid. Returned as f64 for range checks.
///
/// JSON integers of any size are taken (Python's ints are unbounded); a float must be whole and
/// strictly between `i64::MIN` and `i64::MAX` as floats ("exceeded maximum size", RULES.md Part
/// 3.2): pydantic-core's `float_as_int` compares with `<` at both ends, so `-2^63` written as a
/// float (`-9223372036854775808.0`, `-9.223372036854776e18`) is refused although `i64::MIN` is
/// that number (found by `oracle_diff.py --raw`, seed 2110); a string must be a decimal integer
/// literal (sign, digits with single `_` separators, an optional `.000` tail), not `1e3` or
/// `0x10`.
pub(crate) fn lax_int(v: &Value<'_>) -> Lax<f64> {
    match v {
        Value::Number(n) => match n.as_f64() {
            _ if n.int => Lax::Exact(n.value),
            Some(x) if float_as_int(x).is_some() => Lax::Exact(x),
            _ => Lax::Invalid,
        },
        Value::String(s) => match py_int_literal(s.trim()) {
            Some(x) => Lax::Coerced(x),
            None => Lax::Invalid,
        },
        Value::Bool(b) => Lax::Coerced(if *b { 1.0 } else { 0.0 }),
        _ => Lax::Invalid,
    }
}

/// A float as pydantic-core's `float_as_int` takes it for an integer field: whole and strictly
/// between `i64::MIN` and `i64::MAX` as floats, both of which are ±2^63 (`i64::MAX as f64`
/// rounds up), so `-2^63` written as a float is refused; every float it takes is an `i64`
/// exactly. (Also the typed model's `WholeNumber`.)
pub(crate) fn float_as_int(x: f64) -> Option<i64> {
    const TWO_63: f64 = 9_223_372_036_854_775_808.0;
    (x.fract() == 0.0 && -TWO_63 < x && x < TWO_63).then_some(x as i64)
}

/// The value of a float as pydantic reads one from a string: surrounding whitespace stripped
/// (Unicode's, as Rust's `str::trim` strips it: pydantic-core's parser is Rust; unlike Python's
/// `str.strip`, not the separators U+001C..U+001F, measured on the server oracle),
/// `nan`, `inf` and `infinity` in any case and with a sign, a literal beyond the range as
/// infinity (`"1e400"`; a bounded field then refuses it), and underscores anywhere but first,
/// last or doubled (pydantic-core removes them: `1_.5`, `n_an`) — but only from a string without
/// surrounding whitespace (`" 1_0.5"` is refused). Measured on the server's request path.
fn py_float_literal(raw: &str) -> Option<f64> {
    let s = raw.trim();
    // (`parse_float` reads `nan`, `inf`, `infinity` and signs, natively and in wasm alike)
    if !s.bytes().any(|b| b == b'_') {
        return zylon_json::parse_float(s);
    }
    if s.len() != raw.len()
        || s.starts_with('_')
        || s.ends_with('_')
        || zylon_json::contains(s, "__")
    {
        return None;
    }
    zylon_json::parse_float(&s.chars().filter(|&c| c != '_').collect::<String>())
}

/// The value of a decimal integer literal as pydantic reads one from a string, or `None`.
fn py_int_literal(s: &str) -> Option<f64> {
    let body = s.strip_prefix(['+', '-']).unwrap_or(s);
    let int = match zylon_json::split_once_byte(body, b'.') {
        Some((i, f)) if !f.is_empty() && f.bytes().all(|c| c == b'0') => i,
        Some(_) => return None,
        None => body,
    };
    let b = int.as_bytes();
    let ok_digits = !b.is_empty()
        && b.first().is_some_and(u8::is_ascii_digit)
        && b.last().is_some_and(u8::is_ascii_digit)
        && b.iter().all(|c| c.is_ascii_digit() || *c == b'_')
        && !zylon_json::contains(int, "__");
    if !ok_digits {
        return None;
    }
    let x: f64 = zylon_json::parse_float(&int.replace('_', ""))?;
    Some(if s.starts_with('-') { -x } else { x })
}
