//! Numbers and serde errors in the words of a message.

/// A serde_json error in a few words with its position. (Not its `Display`, which formats
/// floats through core's float printer: that alone costs the wasm build ~15 KB.)
pub fn json_error(e: &serde_json::Error) -> String {
    let what = match e.classify() {
        serde_json::error::Category::Syntax => "syntax error",
        serde_json::error::Category::Eof => "unexpected end of input",
        serde_json::error::Category::Data => "a value of the wrong type",
        serde_json::error::Category::Io => "read error",
    };
    format!("{what} at line {} column {}", e.line(), e.column())
}

/// A number for a message: whole numbers without a fraction, others in shortest form.
pub(crate) fn num(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        return (x as i64).to_string();
    }
    serde_json::Number::from_f64(x)
        .map_or_else(|| "a non-finite number".to_string(), |n| n.to_string())
}
