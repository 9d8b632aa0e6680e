//! Hostile inputs: each ends in a clean report (never a panic, a hang or a stack overflow).
//! Sizes are chosen to finish quickly; the benchmarks measure time and memory.

use zylon_schema::{validate_bytes, validate_str, Code, Kind, Options, Report};

fn chat(text: &str) -> Report {
    validate_str(text, Kind::Chat, &Options::default())
}

fn codes(r: &Report) -> Vec<(&'static str, String)> {
    r.issues()
        .map(|i| (i.code.as_str(), i.path.clone()))
        .collect()
}

const USER: &str = r#"{"role":"user","content":[{"type":"text","text":"q"}]}"#;

#[test]
fn nesting_100k_deep_is_too_deep_everywhere() {
    let n = 100_000;
    let cases = [
        "[".repeat(n) + &"]".repeat(n),
        "{\"a\":".repeat(n) + "1" + &"}".repeat(n),
        // tldr in tldr in tldr ...
        format!(
            r#"{{"messages":[{},{{"role":"assistant","content":[{}1{}]}}]}}"#,
            USER,
            r#"{"type":"tldr","content":["#.repeat(n),
            "]}".repeat(n)
        ),
        // tool input, inputSchema and _meta.
        format!(
            r#"{{"messages":[{USER}],"tools":[{{"name":"f","inputSchema":{}1{}}}]}}"#,
            "{\"x\":".repeat(n),
            "}".repeat(n)
        ),
        format!(
            r#"{{"messages":[{USER}],"_meta":{}1{}}}"#,
            "[".repeat(n),
            "]".repeat(n)
        ),
    ];
    for text in &cases {
        let r = chat(text);
        assert_eq!(codes(&r), vec![("json.too_deep", String::new())]);
        assert!(
            r.errors[0].message.contains("deeper than"),
            "{}",
            r.errors[0].message
        );
    }
}

#[test]
fn deep_but_allowed_tldr_nesting_reports_the_nesting_rule() {
    let n = 50;
    let text = format!(
        r#"{{"messages":[{USER},{{"role":"assistant","content":[{}{{"type":"text","text":"x"}}{}]}}]}}"#,
        r#"{"type":"tldr","content":["#.repeat(n),
        "]}".repeat(n)
    );
    let r = chat(&text);
    // Every nested tldr is rejected (a tldr may not contain a tldr), none of it panics.
    assert_eq!(r.errors.len(), n - 1);
    assert!(r
        .errors
        .iter()
        .all(|i| i.code == Code::BlockTldrContentTypes));
}

#[test]
fn a_100mb_text_block_validates() {
    let big = "a".repeat(100 * 1024 * 1024);
    let text = format!(
        r#"{{"messages":[{{"role":"user","content":[{{"type":"text","text":"{big}"}}]}}]}}"#
    );
    let r = chat(&text);
    assert!(r.is_valid(), "{r}");
    assert_eq!(r.summary.message_count, 1);
}

#[test]
fn a_million_messages() {
    let mut text = String::with_capacity(60_000_000);
    text.push_str(r#"{"messages":["#);
    for i in 0..1_000_000 {
        if i > 0 {
            text.push(',');
        }
        text.push_str(if i % 2 == 0 {
            USER
        } else {
            r#"{"role":"assistant","content":[{"type":"text","text":"a"}]}"#
        });
    }
    text.push_str("]}");
    let r = chat(&text);
    assert!(r.is_valid(), "{}", r.errors.len());
    assert_eq!(r.summary.message_count, 1_000_000);
}

#[test]
fn a_million_errors_are_all_reported() {
    let mut text = String::from(r#"{"messages":["#);
    for _ in 0..1_000_000 {
        text.push_str(r#"{"role":"User","content":[{"type":"text","text":"q"}]},"#);
    }
    text.push_str(USER);
    text.push_str("]}");
    let r = chat(&text);
    assert_eq!(r.errors.len(), 1_000_000);
    assert_eq!(r.errors[999_999].path, "/messages/999999/role");
}

#[test]
fn a_hundred_thousand_null_server_only_fields_are_each_reported_once() {
    // (each `null` warning looks for the table's warning it replaces among the issues of its own
    // object only: a search of every issue made 80,000 of these take 47 s)
    let n = 100_000;
    let item = r#"{"text":"s","blob_visibility":null},"#;
    let text = format!(
        r#"{{"system":[{}{{"text":"s"}}],"messages":[{{"role":"user","content":[{{"type":"image","url":"https://a.b/c.png","source":null}},{{"type":"text","text":"x"}}]}}]}}"#,
        item.repeat(n)
    );
    let r = chat(&text);
    let nulls: Vec<_> = r
        .warnings
        .iter()
        .filter(|w| w.code.as_str() == "system.blob_visibility_enum")
        .collect();
    assert_eq!(nulls.len(), n);
    assert_eq!(
        nulls[n - 1].path,
        format!("/system/{}/blob_visibility", n - 1)
    );
    let source: Vec<_> = r
        .warnings
        .iter()
        .filter(|w| w.path == "/messages/0/content/0/source")
        .collect();
    assert_eq!(source.len(), 1, "{source:?}");
    assert!(source[0].message.contains("would reject its `null`"));
}

#[test]
fn duplicate_keys_keep_the_last_value() {
    let r = chat(&format!(
        r#"{{"messages":[{USER}],"max_tokens":1.5,"max_tokens":10}}"#
    ));
    assert_eq!(
        codes(&r),
        vec![("json.duplicate_key", "/max_tokens".to_string())]
    );
    let r = chat(&format!(
        r#"{{"messages":[{USER}],"max_tokens":10,"max_tokens":1.5}}"#
    ));
    assert!(r.has_code(Code::SamplingIntegerFields) && r.has_code(Code::JsonDuplicateKey));
}

#[test]
fn extreme_numbers() {
    // 1e400 is infinity for the server's JSON decoder: not a valid integer.
    let r = chat(&format!(r#"{{"messages":[{USER}],"max_tokens":1e400}}"#));
    assert_eq!(
        codes(&r),
        vec![("sampling.integer_fields", "/max_tokens".to_string())]
    );
    // -0 is 0: the server replaces it by its default.
    let r = chat(&format!(r#"{{"messages":[{USER}],"max_tokens":-0}}"#));
    assert_eq!(
        codes(&r),
        vec![(
            "sampling.max_tokens_nonpositive_coerced",
            "/max_tokens".to_string()
        )]
    );
    // Python integers are unbounded: a huge max_tokens is accepted.
    let r = chat(&format!(
        r#"{{"messages":[{USER}],"max_tokens":18446744073709551616}}"#
    ));
    assert!(r.is_valid() && r.warnings.is_empty(), "{r}");
    // The integer literal -2^63 is an int for the server; the same number written as a float
    // is not strictly above `i64::MIN as f64`, pydantic-core's bound ("exceeded maximum size").
    let r = chat(&format!(
        r#"{{"messages":[{USER}],"priority":-9223372036854775808}}"#
    ));
    assert!(r.is_valid() && r.warnings.is_empty(), "{r}");
    for float in [
        "-9223372036854775808.0",
        "-9.223372036854776e18",
        "-92233720368547758080e-1",
    ] {
        let r = chat(&format!(r#"{{"messages":[{USER}],"priority":{float}}}"#));
        assert_eq!(
            codes(&r),
            vec![("sampling.integer_fields", "/priority".to_string())],
            "{float}"
        );
    }
    let r = chat(&format!(
        r#"{{"messages":[{USER}],"priority":-9223372036854774784.0}}"#
    ));
    assert!(r.is_valid() && r.warnings.is_empty(), "{r}");
    let r = chat(&format!(r#"{{"messages":[{USER}],"temperature":1e-400}}"#));
    assert!(r.is_valid(), "{r}");
}

#[test]
fn lone_surrogates_bom_invalid_utf8_and_trailing_garbage() {
    let r =
        chat(r#"{"messages":[{"role":"user","content":[{"type":"text","text":"\ud800 hi"}]}]}"#);
    assert!(r.is_valid(), "{r}");
    let r = chat(&format!("\u{feff}{{\"messages\":[{USER}]}}"));
    assert!(r.is_valid(), "{r}");
    let mut bytes = format!("{{\"messages\":[{USER}]}}").into_bytes();
    bytes.insert(30, 0xFF);
    let r = validate_bytes(&bytes, Kind::Chat, &Options::default());
    assert_eq!(codes(&r), vec![("json.syntax", String::new())]);
    assert!(r.errors[0].message.contains("UTF-8"));
    let r = chat(&format!("{{\"messages\":[{USER}]}} {{}}"));
    assert_eq!(codes(&r), vec![("json.syntax", String::new())]);
    assert!(
        r.errors[0].message.contains("after the end"),
        "{}",
        r.errors[0].message
    );
}

#[test]
fn non_json_texts() {
    for text in [
        "",
        " ",
        "nul",
        "nan",
        "-Inf",
        "{'a':1}",
        "[1,2",
        "\"unterminated",
        "{\"a\":}",
        "\u{0}",
    ] {
        let r = chat(text);
        assert_eq!(r.errors.len(), 1, "{text:?}: {r}");
        assert_eq!(r.errors[0].code, Code::JsonSyntax, "{text:?}");
        assert!(
            r.errors[0].message.contains("line 1 column"),
            "{}",
            r.errors[0].message
        );
    }
    for text in ["1", "\"x\"", "[]", "null", "true"] {
        let r = chat(text);
        assert_eq!(codes(&r), vec![("field.type", String::new())], "{text}");
    }
    // `NaN` and `Infinity`, which Python's decoder reads, are numbers that are not JSON.
    for text in ["NaN", "-Infinity"] {
        let r = chat(text);
        let want = vec![
            ("field.type", String::new()),
            ("json.non_standard_number", String::new()),
        ];
        assert_eq!(codes(&r), want, "{text}");
    }
}

#[test]
fn every_kind_survives_every_root() {
    for kind in Kind::ALL {
        for text in [
            "{}",
            "[]",
            "0",
            r#"{"pgpt":[]}"#,
            r#"{"pgpt":{"messages":null}}"#,
            r#"{"name":[],"visibility":{}}"#,
        ] {
            let r = validate_str(text, kind, &Options::default());
            assert_eq!(r.valid, r.errors.is_empty());
        }
    }
}

/// Regression (found by the `mutate_body` fuzz target): text and value input gave different
/// messages for a body nested too deep.
#[test]
fn too_deep_reports_the_same_from_text_and_value() {
    let mut v = serde_json::json!("x");
    for _ in 0..500 {
        v = serde_json::json!({"type": "tldr", "content": [v]});
    }
    let body = serde_json::json!({"messages": [v]});
    let a = validate_str(&body.to_string(), Kind::Chat, &Options::default());
    let b = zylon_schema::validate_value(&body, Kind::Chat, &Options::default());
    assert_eq!(a, b);
    assert_eq!(a.errors[0].code, Code::JsonTooDeep);
}

/// The deepest bodies the server takes (969 levels, the root included) run every rule without
/// exhausting the stack of a test thread (2 MiB).
#[test]
fn the_deepest_bodies_the_server_takes_are_checked() {
    let tldr = format!(
        r#"{{"messages":[{USER},{{"role":"assistant","content":[{}{{"type":"text","text":"x"}}{}]}}]}}"#,
        r#"{"type":"tldr","content":["#.repeat(482),
        "]}".repeat(482)
    );
    let r = chat(&tldr);
    assert_eq!(r.errors.len(), 481);
    assert!(r
        .errors
        .iter()
        .all(|e| e.code == Code::BlockTldrContentTypes));
    let arrays = format!(
        r#"{{"messages":[{USER}],"x":{}{}}}"#,
        "[".repeat(968),
        "]".repeat(968)
    );
    assert!(chat(&arrays).valid);
    let deeper = format!(
        r#"{{"messages":[{USER}],"x":{}{}}}"#,
        "[".repeat(969),
        "]".repeat(969)
    );
    assert_eq!(
        codes(&chat(&deeper)),
        vec![("json.too_deep", String::new())]
    );
}
