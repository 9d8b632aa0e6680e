//! Hostile inputs: each ends in a clean report (never a panic, a hang or a stack overflow).
//! Sizes are chosen to finish quickly; the benchmarks measure time and memory.

use zylon_schema::{validate_bytes, validate_str, Code, Issue, Kind, Options, Report};

fn chat(text: &str) -> Report {
    validate_str(text, Kind::Chat, &Options::default())
}

/// The paths of the issues with `code`, in order.
fn paths_with<'r>(issues: &'r [Issue], code: &str) -> Vec<&'r str> {
    issues
        .iter()
        .filter(|i| i.code.as_str() == code)
        .map(|i| i.path.as_str())
        .collect()
}

/// That `paths` are `n` and end with `last`.
fn assert_n_ending(paths: &[&str], n: usize, last: &str) {
    assert_eq!(paths.len(), n);
    assert_eq!(paths.last().copied(), Some(last));
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
fn a_hundred_thousand_covered_type_issues_are_each_reported_once() {
    // (the table pass defers a field's type issue to the end, where it is dropped if a rule
    // reported at or under the field: asked of a hash set of paths, not by a scan of every issue
    // per deferred one, which made 64,000 of these messages take 26 s)
    let n = 100_000;
    let mut text = String::from(r#"{"messages":["#);
    for _ in 0..n {
        text.push_str(r#"{"role":"usr","content":1},"#);
    }
    text.push_str(USER);
    text.push_str("]}");
    let r = chat(&text);
    assert_eq!(r.errors.len(), 2 * n);
    for (i, pair) in r.errors.chunks(2).enumerate().step_by(9_999) {
        let got: Vec<_> = pair
            .iter()
            .map(|e| (e.code.as_str(), e.path.as_str()))
            .collect();
        let (role, content) = (
            format!("/messages/{i}/role"),
            format!("/messages/{i}/content"),
        );
        assert_eq!(
            got,
            [
                ("message.role.enum", role.as_str()),
                ("field.type", content.as_str())
            ]
        );
    }
}

#[test]
fn calls_sharing_an_id_with_many_answers_are_followed_in_linear_memory() {
    // (calls that share an id each claim every answer to it, as in the server: n turns reusing
    // one id made an n² list of messages, gigabytes at a few thousand turns; the copies the
    // order check cannot reach are left out, and with tldr summaries the list has a budget)
    let n = 3_000;
    let turn = r#"{"role":"assistant","content":[{"type":"tool_use","id":"t1","name":"lookup","input":{}}]},{"role":"user","content":[{"type":"tool_result","tool_use_id":"t1","content":[{"type":"text","text":"r"}]},{"type":"text","text":"ok"}]},"#;
    let tools = r#""tools":[{"name":"lookup","inputSchema":{"type":"object"}}]"#;
    for first in [
        r#"{"role":"user","content":[{"type":"text","text":"q"}]},"#,
        r#"{"role":"user","content":[{"type":"text","text":"q"},{"type":"tldr","content":[{"type":"text","text":"s"}]}]},"#,
    ] {
        let text = format!(
            r#"{{"messages":[{first}{}{USER}],{tools}}}"#,
            turn.repeat(n)
        );
        let r = chat(&text);
        let count = |code: &str| r.issues().filter(|i| i.code.as_str() == code).count();
        assert_eq!(count("block.tool_use.unique_id"), n - 1, "{first}");
        assert_eq!(
            r.errors
                .iter()
                .find(|e| e.code.as_str() == "block.tool_use.unique_id")
                .map(|e| e.path.as_str()),
            Some("/messages/3/content/0/id")
        );
        assert!(!r.is_valid());
        if !first.contains("tldr") {
            // (the order check still sees the two tool messages in a row of the first claim)
            assert_eq!(count("messages.order"), 1);
        }
    }
}

#[test]
fn spans_of_many_issues_on_one_line_are_exact() {
    // (a span's line and column come from one pass over the text for all issues, not a scan
    // from the start per issue, which took issues × body time on compact JSON)
    let n = 20_000;
    let mut text = String::from(r#"{"messages":["#);
    for i in 0..n {
        // (a two-byte character before each issue: columns count characters, not bytes)
        text.push_str(&format!(
            r#"{{"role":"usr","content":[{{"type":"text","text":"é{i}"}}]}},"#
        ));
    }
    text.push_str(USER);
    text.push_str("]}");
    let r = zylon_schema::validate_str(
        &text,
        zylon_schema::Kind::Chat,
        &zylon_schema::Options::default().with_spans(),
    );
    assert_eq!(r.errors.len(), n);
    for e in r.errors.iter().step_by(997) {
        let s = e.span.expect("a span");
        assert_eq!(&text[s.start..s.end], "\"usr\"");
        assert_eq!((s.line, s.end_line), (1, 1));
        assert_eq!(s.column, text[..s.start].chars().count() + 1);
        assert_eq!(s.end_column, text[..s.end].chars().count() + 1);
    }
}

#[test]
fn many_tldr_summaries_are_reordered_in_linear_time() {
    // (the last step of the server's tldr reordering takes a message out of its list and asks
    // whether one is in it, each by a scan of the list: followed with places linked per
    // message instead, as 160,000 of these assistant messages took 7.9 s; and a left summary
    // clears the list so far by unmarking its entries, not every message)
    let n = 100_000;
    let right = r#"{"role":"assistant","content":[{"type":"tldr","content":[{"type":"text","text":"User asked X","_meta":{"role":"user"}}]}]},"#;
    let text = format!(r#"{{"messages":[{}{USER}]}}"#, right.repeat(n));
    let r = chat(&text);
    assert!(r.is_valid(), "{:?}", r.errors.first());
    let merged = paths_with(&r.warnings, "messages.consecutive_same_role_merged");
    assert_eq!(merged.len(), n - 1);

    let left = r#"{"role":"user","content":[{"type":"text","text":"hi"}]},{"role":"assistant","content":[{"type":"tldr","tldr_side":"left","content":[{"type":"text","text":"x","_meta":{"role":"user"}}]}]},"#;
    let text = format!(r#"{{"messages":[{}{USER}]}}"#, left.repeat(n));
    let r = chat(&text);
    assert!(r.is_valid(), "{:?}", r.errors.first());
    let sides = paths_with(&r.warnings, "block.tldr.side_enum");
    assert_n_ending(
        &sides,
        n,
        &format!("/messages/{}/content/0/tldr_side", 2 * n - 1),
    );
}

#[test]
fn many_user_messages_of_one_first_line_are_compared_in_linear_time() {
    // (the tldr reordering takes a message out by value: user messages are told equal by the
    // first line of their text and then compared, each with the first message of each value of
    // its key, at most 64 of them; 50 values of one first line in 50,000 messages. The server
    // oracle rejects this body with 200 and 2,000 messages: the summary's removal takes out the
    // first equal user message, and two assistant messages follow each other)
    let n = 50_000;
    let mut text = String::from(r#"{"messages":["#);
    for i in 0..n {
        text.push_str(&format!(
            r#"{{"role":"assistant","content":[{{"type":"text","text":"ok"}}]}},{{"role":"user","content":[{{"type":"text","text":"hi\n{}"}}]}},"#,
            i % 50
        ));
    }
    text.push_str(r#"{"role":"assistant","content":[{"type":"tldr","tldr_side":"right","content":[{"type":"text","text":"s","_meta":{"role":"user"}}]}]},"#);
    text.push_str(USER);
    text.push_str("]}");
    let r = chat(&text);
    assert_eq!(paths_with(&r.errors, "messages.order"), ["/messages"]);
    let order = r
        .errors
        .iter()
        .find(|e| e.code.as_str() == "messages.order");
    assert!(
        order.is_some_and(|e| e.message.starts_with("two user messages are equal")),
        "{order:?}"
    );
}

#[test]
fn many_tools_beside_many_artifacts_are_checked_in_linear_time() {
    // (each built-in tool counts the artifacts of the kinds it needs: the global list is
    // counted once, not once per tool, which made 112,000 of each take 5.9 s)
    let n = 30_000;
    let tools = [
        r#"{"name":"database_query","type":"database_query_v1"}"#,
        r#"{"name":"semantic_search","type":"semantic_search_v1"}"#,
    ];
    let text = format!(
        r#"{{"messages":[{USER}],"tools":[{}],"tool_context":[{}]}}"#,
        vec![tools.join(","); n].join(","),
        vec![r#"{"type":"sql_database"}"#; n].join(",")
    );
    let r = chat(&text);
    let missing = paths_with(&r.errors, "artifact.sql.connection_string_required");
    assert_n_ending(
        &missing,
        n,
        &format!("/tool_context/{}/connection_string", n - 1),
    );
    // every semantic search lacks its ingested artifact; every database query has its SQL ones
    let ingested = paths_with(&r.errors, "tool.internal.semantic_search.context");
    assert_n_ending(&ingested, n, &format!("/tools/{}", 2 * n - 1));
    assert_eq!(
        paths_with(&r.errors, "tool.internal.database_query.context").len(),
        0
    );
}

#[test]
fn nulls_beside_many_settled_fields_are_each_reported_once() {
    // (a block with both `url` and `data` settles `data`, which the server replaces: a `null`
    // in the block is asked against the settled paths by a hash index of them, not by a scan
    // of every one, which made 20,000 of these blocks take 2.8 s)
    let n = 100_000;
    let block = r#"{"type":"image","url":"https://x.example/a.png","data":"iVBORw0KGgo=","metadata":null},"#;
    let settled = r#"{"type":"image","url":"https://x.example/a.png","data":null},"#;
    let text = format!(
        r#"{{"messages":[{{"role":"user","content":[{}{}{{"type":"text","text":"q"}}]}}]}}"#,
        block.repeat(n),
        settled
    );
    let r = chat(&text);
    let nulls = paths_with(&r.errors, "field.null");
    // one per block's `metadata`; the settled `data` of the last block is never read, so its
    // `null` is no issue
    assert_n_ending(
        &nulls,
        n,
        &format!("/messages/0/content/{}/metadata", n - 1),
    );
    assert!(
        r.issues()
            .all(|i| i.path != format!("/messages/0/content/{n}/data")),
        "{:?}",
        r.issues()
            .filter(|i| i.path.ends_with("/data"))
            .collect::<Vec<_>>()
    );
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
    let nulls = paths_with(&r.warnings, "system.blob_visibility_enum");
    assert_n_ending(&nulls, n, &format!("/system/{}/blob_visibility", n - 1));
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
