//! The parser against `serde_json` on arbitrary text: both accept or both reject, and where both
//! accept they read the same value. The two differ by design in three places, which the test
//! sets aside: lone surrogate escapes and numbers beyond f64 (accepted here, as by Python's
//! `json`, which the server uses), and nesting beyond serde_json's recursion limit of 128.

use proptest::prelude::*;
mod common;

use common::to_serde;
use zylon_json::{parse, Arena};

/// Numbers as f64, so that `1` and `1.0` compare equal (this parser keeps every number as f64).
fn as_floats(v: serde_json::Value) -> serde_json::Value {
    match v {
        serde_json::Value::Number(n) => serde_json::Number::from_f64(n.as_f64().unwrap_or(0.0))
            .map_or(serde_json::Value::Null, serde_json::Value::Number),
        serde_json::Value::Array(a) => {
            serde_json::Value::Array(a.into_iter().map(as_floats).collect())
        }
        serde_json::Value::Object(o) => {
            serde_json::Value::Object(o.into_iter().map(|(k, v)| (k, as_floats(v))).collect())
        }
        other => other,
    }
}

/// Equal, numbers within a few units in the last place: serde_json's default float parser is
/// not always correctly rounded (`-1.3767903070088414e212` reads as `...413e212`), this one is
/// (as Python's, the server's).
fn keys_equal(a: &serde_json::Value, b: &serde_json::Value) -> bool {
    use serde_json::Value as J;
    match (a, b) {
        (J::Number(x), J::Number(y)) => {
            let (x, y) = (x.as_f64().unwrap_or(0.0), y.as_f64().unwrap_or(0.0));
            // in units in the last place, which also holds for subnormal numbers
            x == y
                || (x.is_sign_negative() == y.is_sign_negative()
                    && x.to_bits().abs_diff(y.to_bits()) <= 4)
        }
        (J::Array(x), J::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| keys_equal(a, b))
        }
        (J::Object(x), J::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(k, a)| y.get(k).is_some_and(|b| keys_equal(a, b)))
        }
        _ => a == b,
    }
}

/// Whether the text holds a `\uD800`–`\uDFFF` escape (lone ones are accepted here, as by Python).
fn surrogate_escape(text: &str) -> bool {
    let b = text.as_bytes();
    b.windows(4).any(|w| {
        w[0] == b'\\'
            && w[1] == b'u'
            && matches!(w[2], b'd' | b'D')
            && matches!(w[3], b'8'..=b'9' | b'a'..=b'f' | b'A'..=b'F')
    })
}

fn compare(text: &str) -> Result<(), TestCaseError> {
    let arena = Arena::new();
    let ours = parse(text, 200, &arena);
    let theirs = serde_json::from_str::<serde_json::Value>(text);
    match (ours, theirs) {
        (Ok(p), Ok(v)) => {
            let (ours, theirs) = (to_serde(p.value), as_floats(v));
            prop_assert!(
                keys_equal(&ours, &theirs),
                "{:?}: {} vs {}",
                text,
                ours,
                theirs
            );
        }
        (Err(_), Err(_)) => {}
        (Ok(_), Err(e)) => {
            let by_design = surrogate_escape(text)
                || e.to_string().contains("number out of range")
                || e.to_string().contains("recursion limit");
            prop_assert!(by_design, "we accept {:?}; serde_json: {}", text, e);
        }
        (Err(e), Ok(_)) => {
            prop_assert!(
                false,
                "we reject {:?} ({}); serde_json accepts",
                text,
                e.message
            );
        }
    }
    Ok(())
}

/// Arbitrary JSON values (strings with escapes and non-ASCII, numbers of every form).
fn json_value() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::Bool),
        any::<i64>().prop_map(|i| serde_json::json!(i)),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(|f| serde_json::json!(f)),
        "(\\PC|[\"\\\\/\u{0}-\u{1f}])*".prop_map(serde_json::Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::Array),
            prop::collection::btree_map("(\\PC|[\"\\\\])*", inner, 0..6)
                .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    /// Texts serde_json writes (compact and pretty), as they are.
    #[test]
    fn valid_documents_read_the_same(v in json_value(), pretty in any::<bool>()) {
        let text = if pretty { serde_json::to_string_pretty(&v) } else { serde_json::to_string(&v) }.unwrap();
        compare(&text)?;
    }

    /// The same texts with one byte range cut out or one character put in: mostly invalid JSON,
    /// near valid JSON, where parsers differ.
    #[test]
    fn damaged_documents_get_the_same_verdict(
        v in json_value(),
        at in any::<prop::sample::Index>(),
        len in 0usize..3,
        insert in prop::option::of(prop::sample::select(vec!["\"", "\\", ",", ":", "[", "]", "{", "}", "-", "0", "e", ".", " ", "\u{1}", "\\u", "\\uD800", "1e999", "é"])),
    ) {
        let text = serde_json::to_string(&v).unwrap();
        let mut cut = at.index(text.len() + 1);
        while !text.is_char_boundary(cut) { cut -= 1; }
        let mut end = (cut + len).min(text.len());
        while !text.is_char_boundary(end) { end += 1; }
        let damaged = format!("{}{}{}", &text[..cut], insert.unwrap_or(""), &text[end..]);
        compare(&damaged)?;
    }

    /// Arbitrary short texts over JSON's own characters.
    #[test]
    fn arbitrary_texts_get_the_same_verdict(text in "[\\[\\]{}\",:0-9eE.+\\- \ntrufalsn\\\\u]{0,24}") {
        compare(&text)?;
    }
}
