//! Event data and streamed tool input as [`Json`], read with the validator's own parser
//! (`zylon-json`) instead of serde_json's deserializer: the WebAssembly module then holds one
//! JSON reader, not two (serde_json's deserializer, float parser and error texts were 5.8 KB of
//! the gzipped module: 131,908 → 126,109 bytes when this replaced them).
//!
//! The text is checked by `zylon_json::parse` (so errors read like a body's syntax errors), then
//! read a second time into a [`Json`] that keeps each number's literal: as a `Value`, integers
//! stay `u64`/`i64` as serde_json gives them, never rounded through `f64`.

use serde_json::{Number, Value};
use zylon_json::{line_col, read_string, skip_ws, Arena};

use super::json::{Json, Obj};

/// The nesting serde_json's deserializer allows (127 levels: its recursion limit is 128), kept
/// so that what decoded before decodes now.
const MAX_DEPTH: usize = 127;

/// Parse one JSON text (event data, or a tool's accumulated input); the error says what is
/// wrong and where (`... at line L column C`).
pub(crate) fn parse(text: &str) -> Result<Json, String> {
    let arena = Arena::new();
    let repeats = match zylon_json::parse(text, MAX_DEPTH, &arena) {
        Ok(parsed) => parsed.has_duplicates,
        Err(e) => {
            let (line, column) = line_col(text, e.offset);
            return Err(format!("{} at line {line} column {column}", e.message));
        }
    };
    read(text, 0, repeats).map(|(v, _)| v)
}

/// Not reached for a text the parser accepted: an error rather than a panic if it were.
fn unreadable() -> String {
    "the JSON could not be read".into()
}

/// The value starting at (or after whitespace from) byte `i` of a valid JSON text, and the
/// offset after it; `repeats`: whether some object of the text repeats a key.
fn read(s: &str, i: usize, repeats: bool) -> Result<(Json, usize), String> {
    let b = s.as_bytes();
    let i = skip_ws(s, i);
    match *b.get(i).ok_or_else(unreadable)? {
        b'{' => {
            let mut entries = Vec::new();
            let mut j = skip_ws(s, i + 1);
            if b.get(j) == Some(&b'}') {
                return Ok((Json::object(), j + 1));
            }
            loop {
                let (key, after) = read_string(s, j).ok_or_else(unreadable)?;
                // After the key: whitespace, `:`, the value.
                let (v, after) = read(s, skip_ws(s, after) + 1, repeats)?;
                entries.push((key.into_owned(), v));
                j = skip_ws(s, after);
                if b.get(j) == Some(&b'}') {
                    // Repeated keys: the last value wins, as with serde_json (and the server).
                    return Ok((Json::Obj(Obj::from_entries(entries, repeats)), j + 1));
                }
                j = skip_ws(s, j + 1);
            }
        }
        b'[' => {
            let mut items = Vec::new();
            let mut j = skip_ws(s, i + 1);
            if b.get(j) == Some(&b']') {
                return Ok((Json::Arr(items), j + 1));
            }
            loop {
                let (v, after) = read(s, j, repeats)?;
                items.push(v);
                j = skip_ws(s, after);
                if b.get(j) == Some(&b']') {
                    return Ok((Json::Arr(items), j + 1));
                }
                j += 1;
            }
        }
        b'"' => {
            let (text, after) = read_string(s, i).ok_or_else(unreadable)?;
            Ok((Json::Str(text.into_owned()), after))
        }
        b't' => Ok((Json::Bool(true), i + 4)),
        b'f' => Ok((Json::Bool(false), i + 5)),
        b'n' => Ok((Json::Null, i + 4)),
        _ => {
            // (letters beyond the exponent's: `NaN`, `Infinity`, which the parser reads as
            // floats and this reports as out of range, as `1e400`)
            let end = i + b[i..]
                .iter()
                .position(|c| !(c.is_ascii_alphanumeric() || matches!(c, b'-' | b'+' | b'.')))
                .unwrap_or(b.len() - i);
            let lit = s.get(i..end).ok_or_else(unreadable)?;
            if !finite(lit) {
                return Err(format!(
                    "the number {} is out of range",
                    crate::check::short_text(lit, 40)
                ));
            }
            Ok((Json::Num(lit.into()), end))
        }
    }
}

/// Whether serde_json reads the literal (a JSON number of the parser's grammar) as a number:
/// one whose value is a finite `f64` (an integer past `u64` and `i64` is read as a float, and
/// `1e400` or 400 digits are not finite).
fn finite(lit: &str) -> bool {
    zylon_json::parse_float(lit).is_some_and(f64::is_finite)
}

/// A number literal as serde_json reads it: an integer that fits `u64` or `i64` exactly, else
/// `f64` (`-0` too, as serde_json does); `None` for a value `f64` cannot hold (`1e400`).
pub(crate) fn number(lit: &str) -> Option<Value> {
    let int = !lit.contains(['.', 'e', 'E']);
    if int && lit != "-0" {
        if let Ok(u) = lit.parse::<u64>() {
            return Some(Value::Number(u.into()));
        }
        if let Ok(i) = lit.parse::<i64>() {
            return Some(Value::Number(i.into()));
        }
    }
    Number::from_f64(zylon_json::parse_float(lit)?).map(Value::Number)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Any JSON value: every number kind serde_json keeps (`u64`, `i64`, finite `f64`), strings
    /// with escapes and non-ASCII, nested arrays and objects.
    fn arb_value() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<u64>().prop_map(|n| Value::Number(n.into())),
            any::<i64>().prop_map(|n| Value::Number(n.into())),
            any::<f64>()
                .prop_filter_map("finite", Number::from_f64)
                .prop_map(Value::Number),
            "[a-z\"\\\n\t\u{1}é😀/ ]{0,12}".prop_map(Value::String),
        ];
        leaf.prop_recursive(5, 48, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
                prop::collection::btree_map("[a-c\"é]{0,3}", inner, 0..5)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    proptest! {
        /// What serde_json writes (compact or pretty) reads back as the same value, exactly.
        #[test]
        fn reads_back_what_serde_json_writes(v in arb_value(), pretty in any::<bool>()) {
            let text = if pretty {
                serde_json::to_string_pretty(&v).unwrap()
            } else {
                serde_json::to_string(&v).unwrap()
            };
            prop_assert_eq!(parse(&text).map(|j| j.to_value()), Ok(v));
        }

        /// Any text: never a panic, and where both readers accept it they give the same value.
        #[test]
        fn agrees_with_serde_json_on_any_text(text in "[\\[\\]{}\",:0-9.eE+\\-a-z ]{0,24}") {
            if let (Ok(ours), Ok(theirs)) = (parse(&text), serde_json::from_str::<Value>(&text)) {
                prop_assert_eq!(ours.to_value(), theirs);
            }
        }
    }

    /// The same `Value` as serde_json for texts it accepts, including exact big integers,
    /// escapes, surrogate pairs, repeated keys and nesting.
    #[test]
    fn reads_what_serde_json_reads() {
        for text in [
            r#"{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"hé\n\u00e9\ud83d\ude00"}}"#,
            r#" [ 1 , -2 , 18446744073709551615 , -9223372036854775808 , 9007199254740993 , 1.5 , -0.0 , 1e300 , 2E-3 , 0 ] "#,
            r#"{"a":1,"a":2,"b":[true,false,null,{},[]],"c":"\"\\\/\b\f\r\t"}"#,
            "\"plain\"",
            "-0",
            "12345678901234567890123",
            &format!("{}1{}", "[".repeat(127), "]".repeat(127)),
        ] {
            let theirs: Value = serde_json::from_str(text).unwrap();
            assert_eq!(parse(text).map(|j| j.to_value()), Ok(theirs), "{text}");
        }
    }

    /// Syntax errors, depth past serde_json's limit and out-of-range numbers are errors with a
    /// line and column, never a panic or a silently changed value.
    #[test]
    fn errors_say_what_and_where() {
        let deep = format!("{}1{}", "[".repeat(128), "]".repeat(128));
        assert!(serde_json::from_str::<Value>(&deep).is_err());
        for (text, want) in [
            ("{\"a\":", "at line 1 column 6"),
            ("{\"a\" 1}", "expected `:` after an object key"),
            ("[1,]\n", "expected a JSON value"),
            ("{}\n x", "at line 2 column 2"),
            ("\"\\x\"", "invalid escape"),
            (deep.as_str(), "nests deeper than 127 levels"),
        ] {
            let err = parse(text).unwrap_err();
            assert!(err.contains(want), "{text}: {err}");
        }
        assert_eq!(
            parse("[1e400]"),
            Err("the number 1e400 is out of range".into()),
            "an infinite number is refused, as serde_json refuses it"
        );
        // Python's constants, which the parser reads, are refused the same way.
        for c in ["NaN", "Infinity", "-Infinity"] {
            assert_eq!(
                parse(&format!("{{\"score\": [1, {c}]}}")),
                Err(format!("the number {c} is out of range"))
            );
        }
    }
}
