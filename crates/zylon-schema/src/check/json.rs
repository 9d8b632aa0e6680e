//! The JSON tree the rules walk: the parser lives in the `zylon-json` crate (compiled for
//! speed in the WebAssembly build); this module adds the `serde_json::Value` bridge.

pub(crate) use zylon_json::*;

/// Borrow a `serde_json::Value` as a tree (its strings are borrowed, not copied).
pub(crate) fn from_serde<'a>(v: &'a serde_json::Value, arena: &'a Arena<'a>) -> Value<'a> {
    let mut b = Builder::new();
    build(v, &mut b);
    b.finish(arena)
}

fn build<'a>(v: &'a serde_json::Value, b: &mut Builder<'a>) {
    match v {
        serde_json::Value::Null => b.null(),
        serde_json::Value::Bool(x) => b.bool(*x),
        serde_json::Value::Number(n) => b.number(Num {
            value: n.as_f64().unwrap_or(f64::NAN),
            int: n.is_i64() || n.is_u64(),
        }),
        serde_json::Value::String(s) => b.string(s),
        serde_json::Value::Array(a) => {
            let mark = b.open();
            for item in a {
                build(item, b);
            }
            b.close_array(mark);
        }
        serde_json::Value::Object(o) => {
            let mark = b.open();
            for (k, item) in o {
                b.string(k);
                build(item, b);
            }
            b.close_object(mark);
        }
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
