//! RFC 8259 conformance: texts every JSON parser must accept (with the value they denote) or
//! reject, in the manner of JSONTestSuite's `y_`/`n_` cases (written for this crate), plus the
//! implementation-defined cases where this parser follows Python's `json` (the server's).

mod common;

use common::to_serde;
use zylon_json::{parse, Arena, Value};

fn parsed(text: &str) -> Result<serde_json::Value, String> {
    let arena = Arena::new();
    parse(text, 64, &arena)
        .map(|p| to_serde(p.value))
        .map_err(|e| e.message)
}

#[test]
fn accepts_what_rfc_8259_allows() {
    let cases: &[(&str, serde_json::Value)] = &[
        ("[]", serde_json::json!([])),
        ("{}", serde_json::json!({})),
        (" \t\r\n[ 1 , 2 ]\n", serde_json::json!([1.0, 2.0])),
        ("123", serde_json::json!(123.0)),
        ("-0", serde_json::json!(-0.0)),
        ("true", serde_json::json!(true)),
        ("null", serde_json::json!(null)),
        ("\"\"", serde_json::json!("")),
        (
            "[1E22, 1e-5, 0.5, -1.25e+2, 0e0]",
            serde_json::json!([1e22, 1e-5, 0.5, -125.0, 0.0]),
        ),
        (
            r#""\"\\\/\b\f\n\r\t""#,
            serde_json::json!("\"\\/\u{8}\u{c}\n\r\t"),
        ),
        (r#""\u0000\u001f""#, serde_json::json!("\u{0}\u{1f}")),
        (r#""\u00e9\u20AC""#, serde_json::json!("é€")),
        (r#""\uD834\uDD1E""#, serde_json::json!("𝄞")),
        ("\"é€𝄞\"", serde_json::json!("é€𝄞")),
        ("\"\u{7f}\"", serde_json::json!("\u{7f}")),
        (
            r#"{"a":{"b":[{"c":[]}]}}"#,
            serde_json::json!({"a": {"b": [{"c": []}]}}),
        ),
        // duplicate names: allowed by the RFC; the last value wins (as in Python and the server)
        (r#"{"a":1,"a":2}"#, serde_json::json!({"a": 2.0})),
        (r#"{"":0}"#, serde_json::json!({"": 0.0})),
    ];
    for (text, want) in cases {
        assert_eq!(parsed(text).as_ref(), Ok(want), "{text:?}");
    }
}

#[test]
fn rejects_what_rfc_8259_forbids() {
    let cases = [
        "",
        " ",
        "[",
        "]",
        "[1",
        "[1,]",
        "[,1]",
        "[1 2]",
        "{\"a\":1,}",
        "{a:1}",
        "{'a':1}",
        "{\"a\" 1}",
        "{\"a\":}",
        "{,}",
        "[01]",
        "[-01]",
        "[1.]",
        "[.5]",
        "[+1]",
        "[1e]",
        "[1e+]",
        "[-]",
        "[- 1]",
        "[0x10]",
        "[nan]",
        "[Inf]",
        "[-Inf]",
        "[-NaN]",
        "['a']",
        "\"abc",
        "\"\\x41\"",
        "\"\\u12\"",
        "\"\\u12G4\"",
        "\"\\\"",
        "\"tab\tinside\"",
        "\"line\nbreak\"",
        "\"\u{1}\"",
        "truex",
        "nul",
        "tru",
        "[true false]",
        "[1]]",
        "[1] x",
        "/*c*/[]",
        "[1]//",
        "\u{feff}[]",
        "[\"a\",,]",
        "{\"a\":1 \"b\":2}",
        "[1,2,]",
    ];
    for text in cases {
        assert!(parsed(text).is_err(), "{text:?} was accepted");
    }
}

/// Where the RFC leaves the choice to the implementation, this parser does what Python's
/// `json` (the server's parser) does.
#[test]
fn implementation_defined_cases_follow_python() {
    // a lone surrogate escape is accepted (Python keeps it; a Rust string cannot, so it
    // becomes U+FFFD, which the server would see as an unpaired surrogate all the same)
    assert_eq!(parsed(r#""\uD800""#), Ok(serde_json::json!("\u{fffd}")));
    assert_eq!(parsed(r#""\uDC00x""#), Ok(serde_json::json!("\u{fffd}x")));
    // numbers beyond f64 are accepted (Python makes them inf); integers keep their literal form
    let arena = Arena::new();
    let big = parse("1e400", 8, &arena).unwrap().value;
    assert_eq!(big.as_f64(), Some(f64::INFINITY));
    let arena = Arena::new();
    let int = parse("123456789012345678901234567890", 8, &arena)
        .unwrap()
        .value;
    assert!(matches!(int, Value::Number(n) if n.int));
    // Python's extensions `NaN`, `Infinity` and `-Infinity` (which `json.dumps` writes and the
    // server reads) are read as floats and counted, so that the validator can flag them
    let arena = Arena::new();
    let p = parse("[NaN, Infinity, -Infinity]", 8, &arena).unwrap();
    assert_eq!(p.constants, (3, 1));
    let floats: Vec<f64> = p
        .value
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|v| v.as_f64())
        .collect();
    assert!(floats[0].is_nan());
    assert_eq!(floats[1..], [f64::INFINITY, f64::NEG_INFINITY]);
    // nesting beyond the limit is an error of its own kind, not a crash
    let deep = "[".repeat(65) + &"]".repeat(65);
    let arena = Arena::new();
    let e = parse(&deep, 64, &arena).unwrap_err();
    assert!(e.too_deep, "{e:?}");
}
