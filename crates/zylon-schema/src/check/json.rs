//! The JSON tree the rules walk: the parser lives in the `zylon-json` crate (compiled for
//! speed in the WebAssembly build); this module adds the `serde_json::Value` bridge.

pub(crate) use zylon_json::*;

/// Borrow a `serde_json::Value` as a tree.
pub(crate) fn from_serde<'a>(v: &'a serde_json::Value, arena: &'a Arena<'a>) -> Value<'a> {
    match v {
        serde_json::Value::Null => Value::Null,
        serde_json::Value::Bool(b) => Value::Bool(*b),
        serde_json::Value::Number(n) => Value::Number(Num {
            value: n.as_f64().unwrap_or(f64::NAN),
            int: n.is_i64() || n.is_u64(),
        }),
        serde_json::Value::String(s) => Value::String(s),
        serde_json::Value::Array(a) => {
            Value::Array(arena.items(a.iter().map(|v| from_serde(v, arena)).collect()))
        }
        serde_json::Value::Object(o) => Value::Object(Object::from_entries(
            arena.entries(
                o.iter()
                    .map(|(k, v)| (k.as_str(), from_serde(v, arena)))
                    .collect(),
            ),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_serde_json_on_valid_text() {
        let src = r#"{"k":"\u00e9\ud83d\ude00\n\t","n":[0,1e2,-1,123456789012],"z":{"y":[[]]}}"#;
        let arena = Arena::new();
        let ours = parse(src, 64, &arena).unwrap().value;
        let theirs: serde_json::Value = serde_json::from_str(src).unwrap();
        let arena2 = Arena::new();
        assert_eq!(ours, from_serde(&theirs, &arena2));
    }
}
