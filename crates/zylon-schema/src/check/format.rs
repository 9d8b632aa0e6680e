//! serde errors in the words of a message (numbers: `number.rs`).

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
