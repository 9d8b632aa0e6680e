//! Unit tests of the validator on small bodies: one per behaviour that spans rule modules.
//! The exhaustive per-rule corpus lives in `tests/fixtures/`.

use serde_json::json;

use super::*;

fn codes(r: &Report) -> Vec<(String, &'static str, String)> {
    r.issues()
        .map(|i| {
            (
                i.severity.as_str().to_string(),
                i.code.as_str(),
                i.path.clone(),
            )
        })
        .collect()
}

fn chat(v: serde_json::Value) -> Report {
    validate_value(&v, Kind::Chat, &Options::default())
}

fn user(text: &str) -> serde_json::Value {
    json!({"role": "user", "content": [{"type": "text", "text": text}]})
}

#[test]
fn minimal_chat_is_valid_with_summary() {
    let r = chat(json!({"messages": [user("Hi")], "stream": true}));
    assert!(r.is_valid(), "{r}");
    assert!(r.warnings.is_empty(), "{r}");
    assert_eq!(r.summary.message_count, 1);
    assert!(r.summary.stream_enabled);
    assert!(!r.summary.has_tools);
}

#[test]
fn five_independent_problems_give_five_issues() {
    let r = chat(json!({
        "messages": [
            {"role": "User", "content": [{"type": "text", "text": "a"}]},
            {"role": "assistant", "content": [{"type": "tool_use", "id": "t.1", "name": "x", "input": {}}]},
            {"role": "user", "content": [{"type": "tool_result", "tool_use_id": "t.1", "content": []}, {"type": "text", "text": "b"}]}
        ],
        "temperature": 1.5,
        "max_tokens": 1.5,
        "tool_choice": {"type": "sometimes"}
    }));
    let got = codes(&r);
    for (code, path) in [
        ("message.role.enum", "/messages/0/role"),
        ("block.tool_use.id_pattern", "/messages/1/content/0/id"),
        (
            "block.tool_result.tool_use_id_pattern",
            "/messages/2/content/0/tool_use_id",
        ),
        ("sampling.temperature_range", "/temperature"),
        ("sampling.integer_fields", "/max_tokens"),
        ("tool_choice.type_enum", "/tool_choice/type"),
    ] {
        assert!(
            got.iter()
                .any(|(s, c, p)| s == "error" && *c == code && p == path),
            "missing {code} at {path}: {got:?}"
        );
    }
    assert_eq!(r.errors.len(), 6, "{got:?}");
}

#[test]
fn syntax_error_has_line_and_column() {
    let r = validate_str("{\n  \"messages\": [,]\n}", Kind::Chat, &Options::default());
    assert_eq!(r.errors.len(), 1);
    assert_eq!(r.errors[0].code, Code::JsonSyntax);
    assert!(
        r.errors[0].message.contains("line 2 column"),
        "{}",
        r.errors[0].message
    );
}

#[test]
fn too_deep_is_an_issue_not_a_crash() {
    let deep = "[".repeat(10_000) + &"]".repeat(10_000);
    let r = validate_str(&deep, Kind::Chat, &Options::default());
    assert_eq!(r.errors[0].code, Code::JsonTooDeep);
    let mut v = json!(1);
    for _ in 0..MAX_DEPTH + 10 {
        v = json!([v]);
    }
    let r = validate_value(
        &json!({"messages": [user("x")], "metadata": v}),
        Kind::Chat,
        &Options::default(),
    );
    assert_eq!(r.errors[0].code, Code::JsonTooDeep);
}

#[test]
fn tool_pairing_across_messages() {
    let r = chat(json!({"messages": [
        user("q"),
        {"role": "assistant", "content": [{"type": "tool_use", "id": "a", "name": "f", "input": {}},
                                          {"type": "tool_use", "id": "b", "name": "f", "input": {}}]},
        {"role": "user", "content": [{"type": "tool_result", "tool_use_id": "a", "content": []},
                                     {"type": "tool_result", "tool_use_id": "a", "content": []},
                                     {"type": "tool_result", "tool_use_id": "zzz", "content": []},
                                     {"type": "text", "text": "go on"}]}
    ]}));
    let got = codes(&r);
    assert!(
        got.contains(&(
            "error".into(),
            "messages.order",
            "/messages/2/content/1".into()
        )),
        "{got:?}"
    );
    assert!(
        got.contains(&(
            "error".into(),
            "block.tool_result.unknown_id",
            "/messages/2/content/2/tool_use_id".into()
        )),
        "{got:?}"
    );
    assert!(
        got.contains(&(
            "error".into(),
            "block.tool_use.requires_result",
            "/messages/1/content/1".into()
        )),
        "{got:?}"
    );
    assert_eq!(r.errors.len(), 3, "{got:?}");
}

#[test]
fn result_before_call_is_unknown() {
    let r = chat(json!({"messages": [
        {"role": "assistant", "content": [{"type": "tool_result", "tool_use_id": "a", "content": []},
                                          {"type": "tool_use", "id": "a", "name": "f", "input": {}}]},
        user("q")
    ]}));
    let got = codes(&r);
    assert!(
        got.iter()
            .any(|(_, c, _)| *c == "block.tool_result.unknown_id"),
        "{got:?}"
    );
    assert!(
        got.iter()
            .any(|(_, c, _)| *c == "block.tool_use.requires_result"),
        "{got:?}"
    );
}

#[test]
fn last_user_text_ignores_tool_result_only_messages() {
    let ok = chat(json!({"messages": [
        user("q"),
        {"role": "assistant", "content": [{"type": "tool_use", "id": "a", "name": "f", "input": {}}]},
        {"role": "user", "content": [{"type": "tool_result", "tool_use_id": "a", "content": [{"type": "text", "text": "r"}]}]}
    ]}));
    assert!(ok.is_valid(), "{ok}");
    let png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";
    let bad = chat(
        json!({"messages": [user("q"), {"role": "assistant", "content": [{"type": "text", "text": "a"}]},
        {"role": "user", "content": [{"type": "image", "data": png, "mime_type": "image/png"}]}]}),
    );
    assert_eq!(
        codes(&bad),
        vec![(
            "error".into(),
            "messages.last_user_text_required",
            "/messages/2/content".into()
        )]
    );
}

#[test]
fn media_checks() {
    let png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";
    let r = chat(json!({"messages": [{"role": "user", "content": [
        {"type": "image", "data": png},
        {"type": "image", "data": png, "mime_type": "image/jpeg"},
        {"type": "image", "data": "<BASE64_IMAGE_DATA>", "mime_type": "image/png"},
        {"type": "audio", "data": "data:audio/wav;base64,YQ%", "mime_type": "audio/wav"},
        {"type": "binary", "data": "https://example.com/x.bin"},
        {"type": "text", "text": "what is this?"}
    ]}]}));
    let got = codes(&r);
    let want = [
        (
            "warning",
            "block.image.mime_type_required",
            "/messages/0/content/0/mime_type",
        ),
        (
            "warning",
            "block.media.mime_mismatch",
            "/messages/0/content/1/mime_type",
        ),
        (
            "error",
            "block.image.base64_decodable",
            "/messages/0/content/2/data",
        ),
        (
            "error",
            "block.image.data_uri",
            "/messages/0/content/3/data",
        ),
        (
            "error",
            "block.binary.mime_type_required",
            "/messages/0/content/4/mime_type",
        ),
    ];
    for (s, c, p) in want {
        assert!(
            got.contains(&(s.into(), c, p.into())),
            "missing {c} at {p}: {got:?}"
        );
    }
    assert_eq!(got.len(), want.len(), "{got:?}");
    let hint = r
        .warnings
        .iter()
        .find(|i| i.code == Code::BlockImageMimeTypeRequired)
        .and_then(|i| i.hint.clone());
    assert_eq!(
        hint.as_deref(),
        Some("add `\"mime_type\": \"image/png\"` (detected from the data)")
    );
}

#[test]
fn tool_context_and_choice() {
    let r = chat(json!({
        "messages": [user("q")],
        "tools": [{"name": "semantic_search", "type": "semantic_search_v1"}, {"name": "db", "type": "database_query_v1"}],
        "tool_choice": {"type": "tool", "name": "semantic_search"},
        "tool_context": [{"type": "ingested_artifact", "context_filter": {"collection": "c", "artifacts": ["a"]}}]
    }));
    let got = codes(&r);
    // database_query lacks sql_database, but tool_choice keeps only semantic_search.
    assert!(r.is_valid(), "{got:?}");
    assert!(
        got.iter().any(|(_, c, _)| *c == "tool_choice.tool_filters"),
        "{got:?}"
    );
    let r = chat(
        json!({"messages": [user("q")], "tools": [{"name": "s", "type": "semantic_search_v1"}]}),
    );
    assert_eq!(
        codes(&r),
        vec![(
            "error".into(),
            "tool.internal.semantic_search.context",
            "/tools/0".into()
        )]
    );
    let r = chat(
        json!({"messages": [user("q")], "tool_context": [{"type": "uri", "value": "https://x"}]}),
    );
    assert_eq!(
        codes(&r),
        vec![(
            "error".into(),
            "tool_context.requires_tools",
            "/tool_context".into()
        )]
    );
}

/// The alias `toolChoice` is read only where `tool_choice` is absent: beside it, its one
/// warning says that the server ignores it, and its value is not checked; alone, its issues
/// name the tool choice, not the key it is not.
#[test]
fn tool_choice_alias_beside_the_field_is_ignored() {
    let r = chat(json!({
        "messages": [user("q")],
        "tool_choice": {"type": "auto"},
        "toolChoice": {"type": "bogus"},
        "outputConfig": {"effort": "low"}
    }));
    assert_eq!(
        codes(&r),
        vec![
            (
                "warning".into(),
                "field.server_only",
                "/outputConfig".into()
            ),
            ("warning".into(), "field.server_only", "/toolChoice".into()),
        ]
    );
    let ignored = &r.warnings[1].message;
    assert!(
        ignored.contains("the server ignores `toolChoice` here: it is an alias of `tool_choice`"),
        "{ignored}"
    );
    // `outputConfig` has no `output_config` beside it: the usual server-only words
    assert!(
        r.warnings[0]
            .message
            .contains("is understood by the server"),
        "{r}"
    );
    let r = chat(json!({"messages": [user("q")], "toolChoice": {"type": "tool"}}));
    let w = r
        .warnings
        .iter()
        .find(|w| w.code == Code::ToolChoiceToolWithoutTools)
        .expect("a warning on the alias's value");
    assert_eq!(w.path, "/toolChoice");
    assert!(!w.message.contains("`tool_choice`"), "{}", w.message);
}

#[test]
fn structured_output_exclusions() {
    let r = chat(json!({
        "messages": [user("q")],
        "tools": [{"name": "f", "description": "d", "inputSchema": {"type": "object", "properties": {}}}],
        "response_format": {"type": "json_schema", "json_schema": {"type": "object", "properties": {"a": {"type": "string"}}}},
        "system": {"citations": {"enabled": true}}
    }));
    let got = codes(&r);
    assert!(
        got.contains(&("error".into(), "response_format.no_tools", "/tools".into())),
        "{got:?}"
    );
    assert!(
        got.contains(&(
            "error".into(),
            "response_format.no_citations",
            "/system/citations/enabled".into()
        )),
        "{got:?}"
    );
    let r = chat(
        json!({"messages": [user("q")], "response_format": {"type": "json_schema", "json_schema": {"type": "object"}}}),
    );
    assert_eq!(
        codes(&r),
        vec![(
            "error".into(),
            "response_format.json_schema_shape",
            "/response_format/json_schema".into()
        )]
    );
}

#[test]
fn envelopes_prefix_paths() {
    let body = json!({"thread_id": "t", "agent": "Default", "pgpt": {"messages": [{"role": "user", "content": []}]}});
    let r = validate_value(&body, Kind::Interaction, &Options::default());
    assert!(
        codes(&r).contains(&(
            "error".into(),
            "message.content.empty",
            "/pgpt/messages/0/content".into()
        )),
        "{r}"
    );
    let r = validate_value(&json!({"name": "n"}), Kind::Thread, &Options::default());
    assert_eq!(
        codes(&r),
        vec![(
            "error".into(),
            "envelope.thread.visibility_required",
            "/visibility".into()
        )]
    );
    let r = validate_value(&json!({}), Kind::ThreadUpdate, &Options::default());
    assert!(r.is_valid() && r.warnings.is_empty());
}

#[test]
fn strict_turns_warnings_into_errors() {
    let body = json!({"messages": [{"role": "user", "content": "hi"}]});
    let lax = chat(body.clone());
    assert!(lax.is_valid());
    assert_eq!(lax.warnings[0].code, Code::MessageContentString);
    let strict = validate_value(&body, Kind::Chat, &Options::strict());
    assert!(!strict.is_valid());
    assert_eq!(strict.errors[0].code, Code::MessageContentString);
}

#[test]
fn unknown_fields_get_did_you_mean() {
    let r = chat(json!({"messages": [user("q")], "temprature": 0.2}));
    let w = &r.warnings[0];
    assert_eq!(
        (w.code, w.path.as_str()),
        (Code::RequestUnknownFields, "/temprature")
    );
    assert_eq!(w.hint.as_deref(), Some("did you mean `temperature`?"));
}

#[test]
fn secrets_never_appear_in_issues() {
    let canary = "CANARY-s3cr3t-VALUE";
    let r = chat(json!({
        "messages": [user("q")],
        "mcp_servers": [{"authorization_token": canary, "refresh_token": canary, "client_secret": canary, "token_endpoint_auth_method": canary, "tool_configuration": {"enabled": canary}}],
        "tools": [{"name": "db", "type": "database_query_v1"}],
        "tool_context": [{"type": "sql_database", "connection_string": format!("postgres://u:{canary}@h/db"), "ssl": canary}, {"type": "sql_database", "connection_string": 5}]
    }));
    assert!(!r.is_valid());
    let text = format!("{r:?}{r}{}", serde_json::to_string(&r).unwrap());
    assert!(!text.contains("s3cr3t"), "{text}");
}

#[test]
fn profile_checks_are_silent_without_profile() {
    let body = json!({"messages": [user("q")], "thinking": {"enabled": true}});
    assert!(chat(body.clone()).is_valid());
    let opts = Options {
        profile: Some(Profile {
            supports_reasoning: Some(false),
            ..Profile::default()
        }),
        ..Options::default()
    };
    let r = validate_value(&body, Kind::Chat, &opts);
    assert_eq!(
        codes(&r),
        vec![(
            "error".into(),
            "model.reasoning_support",
            "/thinking".into()
        )]
    );
}

#[test]
fn duplicate_keys_are_reported_and_last_value_wins() {
    let text = r#"{"messages":[{"role":"user","content":[{"type":"text","text":"q"}]}],"temperature":5,"temperature":0.5}"#;
    let r = validate_str(text, Kind::Chat, &Options::default());
    assert!(r.is_valid(), "{r}");
    assert_eq!(
        codes(&r),
        vec![(
            "warning".into(),
            "json.duplicate_key",
            "/temperature".into()
        )]
    );
}

#[test]
fn fields_read_by_table_see_escaped_and_repeated_keys_in_key_order() {
    // the table pass keeps where each known field is: an escaped key is the field, a repeated
    // key's last value counts, and the sampling checks run in the order of the keys
    let text = r#"{"top_k":-1,"m\u0065ssages":[{"role":"user","content":[{"type":"text","text":"q"}]}],"temperature":3,"top_p":0.5,"top_p":7,"stream":"true","to\u006fl_choice":{"type":"none"}}"#;
    let r = validate_str(text, Kind::Chat, &Options::default());
    assert_eq!(r.summary.message_count, 1, "{r}");
    assert!(!r.summary.stream_enabled, "{r}");
    assert_eq!(r.summary.tool_choice.as_deref(), Some("none"), "{r}");
    let errors: Vec<_> = r
        .errors
        .iter()
        .map(|i| (i.code.as_str(), i.path.as_str()))
        .collect();
    assert_eq!(
        errors,
        [
            ("sampling.top_k_min", "/top_k"),
            ("sampling.temperature_range", "/temperature"),
            ("sampling.top_p_range", "/top_p"),
        ],
        "{r}"
    );
    assert!(
        r.warnings
            .iter()
            .any(|i| i.code.as_str() == "field.coerced" && i.path == "/stream"),
        "{r}"
    );
}

#[test]
fn str_and_value_entry_points_agree() {
    let body = json!({"messages": [{"role": "assistant", "content": "x"}], "top_k": -1, "tools": ["web_search_v1", 3]});
    let a = validate_value(&body, Kind::Chat, &Options::default());
    let b = validate_str(&body.to_string(), Kind::Chat, &Options::default());
    assert_eq!(a, b);
    assert!(!a.is_valid());
}

#[test]
fn responses_are_lenient() {
    let interaction = json!({
        "id": "inter_1", "project_id": "p", "thread_id": "t", "state": "Completed", "artifact_ids": ["a"], "all_artifacts": false,
        "user_input": {"role": "user", "content": [{"type": "text", "text": "Summarize"}]},
        "assistant_output": {"id": "m", "created": 1739036500, "model": "default", "stop_reason": "end_turn",
            "content": [{"type": "text", "text": "ok"}], "usage": {"input_tokens": 180, "output_tokens": 52}},
        "created_at": "2026-02-08T14:41:10Z"
    });
    let r = validate_value(&interaction, Kind::InteractionResponse, &Options::default());
    assert!(r.is_valid() && r.warnings.is_empty(), "{r}");
    let odd = json!({"id": "i", "project_id": "p", "created_at": "x", "state": "Paused", "user_input": {"content": [{"type": "hologram"}]}, "extra": 1});
    let r = validate_value(&odd, Kind::InteractionResponse, &Options::default());
    assert!(r.is_valid(), "{r}");
    assert_eq!(
        codes(&r)
            .into_iter()
            .map(|(_, c, p)| (c, p))
            .collect::<Vec<_>>(),
        vec![
            ("field.enum", "/state".to_string()),
            (
                "blocks.type.unknown",
                "/user_input/content/0/type".to_string()
            )
        ]
    );
    let broken = json!({"id": 5, "content": "x"});
    let r = validate_value(&broken, Kind::MessageOutput, &Options::default());
    assert_eq!(
        codes(&r),
        vec![("error".into(), "field.type", "/id".into())]
    );
    let r = validate_value(
        &json!({"type": "content_block_delta", "block_id": "b", "delta": {"type": "emoji_delta"}}),
        Kind::StreamEvent,
        &Options::default(),
    );
    assert!(r.is_valid() && r.warnings.len() == 1);
    let r = validate_value(
        &json!({"data": [], "has_next_page": false, "has_previous_page": false, "total_count": 0}),
        Kind::Page,
        &Options::default(),
    );
    assert!(r.is_valid() && r.warnings.is_empty(), "{r}");
    assert_eq!(Kind::ALL.len(), 10);
    for k in Kind::ALL {
        assert_eq!(k.as_str().parse::<Kind>(), Ok(k));
        assert_eq!(k.is_response(), Kind::RESPONSES.contains(&k));
    }
}

#[test]
fn auto_kind_reads_the_top_level_keys_once() {
    let opts = Options::default();
    for (body, kind) in [
        (r#"{"messages":[]}"#, Kind::Chat),
        (r#"{"pgpt":{},"thread_id":"t"}"#, Kind::Interaction),
        (r#"{"pgpt":{}}"#, Kind::ProjectChat),
        (r#"{"name":"n","visibility":"private"}"#, Kind::Thread),
        (r#"{"name":"n"}"#, Kind::ThreadUpdate),
        ("[1]", Kind::Chat),
    ] {
        let auto = super::validate_str_auto(body, &opts);
        assert_eq!(auto, super::validate_str(body, kind, &opts), "{body}");
        assert_eq!(
            super::validate_bytes_auto(body.as_bytes(), &opts),
            auto,
            "{body}"
        );
        assert_eq!(super::detect_kind(body.as_bytes()), kind, "{body}");
        // read as the server reads bytes: the same kind in UTF-16 or UTF-32, either order
        for wide in wide_forms(body) {
            assert_eq!(super::detect_kind(&wide), kind, "{body} as {wide:?}");
            let mut auto_wide = super::validate_bytes_auto(&wide, &opts);
            auto_wide.warnings.retain(|w| w.code != Code::JsonEncoding);
            assert_eq!(
                auto_wide.errors.iter().map(|i| i.code).collect::<Vec<_>>(),
                auto.errors.iter().map(|i| i.code).collect::<Vec<_>>(),
                "{body}"
            );
        }
    }
    // bytes the server cannot read are a chat, whatever their keys
    assert_eq!(
        super::detect_kind(b"{\"pgpt\":{},\"x\":\"\xff\"}"),
        Kind::Chat
    );
    // a U+FEFF after UTF-16's own mark is text (the parse fails): a chat, not a project chat
    let doubled: Vec<u8> = "\u{feff}\u{feff}{\"pgpt\":{}}"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    assert_eq!(super::detect_kind(&doubled), Kind::Chat);
    assert_eq!(super::detect_kind(&doubled[2..]), Kind::ProjectChat);
    // not UTF-8: the same issue as for an explicit kind
    let bad = super::validate_bytes_auto(b"{\"a\":\"\xff\"}", &opts);
    assert_eq!(bad.errors[0].code, Code::JsonSyntax);
}

/// Fixes are data: an issue carries a structured suggestion only when the fix is safe (a case
/// or separator difference, a documented alias); a mere likeness stays a hint in words.
#[test]
fn suggestions_only_when_safe() {
    use crate::check::report::Suggestion;
    let r = crate::validate_str(
        r#"{"messages":[{"role":"USER","content":[{"type":"Image","data":"x"}]}],"Max-Tokens":5,"tempreature":0.5,"tools":["web_search_v1"]}"#,
        crate::Kind::Chat,
        &crate::Options::default(),
    );
    let at = |p: &str| {
        r.issues()
            .find(|i| i.path == p)
            .unwrap_or_else(|| panic!("no issue at {p}: {r}"))
    };
    assert_eq!(
        at("/Max-Tokens").suggestion,
        Some(Suggestion::rename_key("max_tokens"))
    );
    let typo = at("/tempreature");
    assert_eq!(typo.hint.as_deref(), Some("did you mean `temperature`?"));
    assert_eq!(typo.suggestion, None, "a likeness is not a safe rename");
    assert_eq!(
        at("/messages/0/role").suggestion,
        Some(Suggestion::replace_string("user"))
    );
    assert_eq!(
        at("/messages/0/content/0/type").suggestion,
        Some(Suggestion::replace_string("image"))
    );
    assert_eq!(
        at("/tools/0").suggestion,
        Some(Suggestion::tool_object("web_search"))
    );
}

#[test]
fn cache_control_warnings_say_when_the_server_rejects_the_value() {
    // (the server's verdicts on these values: fixtures `blocks/cache-control-*.json`)
    let message = |block: serde_json::Value| {
        let r = chat(json!({"messages": [
            {"role": "user", "content": [{"type": "text", "text": "q"}]},
            {"role": "assistant", "content": [{"type": "redacted_thinking", "data": "x"}]},
            {"role": "user", "content": [block, {"type": "text", "text": "hi"}]},
        ]}));
        assert!(r.is_valid(), "{r}");
        r.warnings
            .iter()
            .find(|i| i.path.ends_with("/cache_control"))
            .map(|i| (i.code, i.message.clone()))
    };
    let with = |ty: &str, cc: serde_json::Value| {
        let mut b = json!({"type": ty, "cache_control": cc});
        match ty {
            "text" => b["text"] = json!("t"),
            "document" => {
                b["source"] = json!({"type": "text", "data": "d", "media_type": "text/plain"})
            }
            _ => b["file_path"] = json!("a.txt"),
        }
        if ty == "local_resource" {
            b["name"] = json!("a");
            b["mime_type"] = json!("text/plain");
        }
        message(b)
    };
    let bad = [
        json!({"type": "ephemeral", "ttl": "2h"}),
        json!({"type": "ephemeral", "ttl": null}),
        json!({"type": "persistent"}),
        json!("ephemeral"),
    ];
    let good = [
        json!({"type": "ephemeral"}),
        json!({"type": "ephemeral", "ttl": "1h", "other": 1}),
        json!(null),
    ];
    for cc in &bad {
        // a Workspace block: the server-only warning, which says the value is rejected
        let (code, m) = with("text", cc.clone()).expect("a warning");
        assert_eq!(code, Code::FieldServerOnly);
        assert!(
            m.contains("would reject this value") && m.contains("`5m` or `1h`"),
            "{m}"
        );
        // a pgpt-only block built on CacheableContentBlock: the same
        let (code, m) = with("document", cc.clone()).expect("a warning");
        assert_eq!(code, Code::FieldServerOnly);
        assert!(
            m.contains("would reject") && m.contains("`document`"),
            "{m}"
        );
        // a block that keeps `cache_control` as an extra field: nothing
        assert_eq!(with("local_resource", cc.clone()), None, "{cc}");
    }
    for cc in &good {
        let (code, m) = with("text", cc.clone()).expect("a warning");
        assert_eq!(code, Code::FieldServerOnly);
        assert!(!m.contains("reject"), "{m}");
        assert_eq!(with("document", cc.clone()), None, "{cc}");
    }
}

/// Escaped texts are judged as their unescaped text, though the rules that only need a text's
/// type or whether it is blank do not unescape it: a body as text (escapes kept in the tape) and
/// the same body as a `serde_json::Value` (every string already unescaped) give the same report,
/// with and without a profile that counts characters (which does read every text).
#[test]
fn escaped_texts_are_judged_as_their_unescaped_text() {
    let counting = Options {
        profile: Some(Profile {
            max_input_tokens: Some(3),
            ..Profile::default()
        }),
        ..Options::default()
    };
    for (text, blank) in [
        (r"\n\t \u00a0\u2028", true),
        ("\u{3000}\\r\\n", true),
        (r"\n\u0041", false),
        (r"\ud83d\ude00", false),
        (r"\\ \u00e9", false),
        (r#"say \"hi\"\nplease"#, false),
    ] {
        let body = format!(
            r#"{{"messages":[{{"role":"user","content":[{{"type":"text","text":"{text}"}}]}}],"system":{{"text":"{text}"}}}}"#
        );
        let value: serde_json::Value = serde_json::from_str(&body).unwrap();
        for options in [Options::default(), counting.clone()] {
            let from_text = validate_str(&body, Kind::Chat, &options);
            let from_value = validate_value(&value, Kind::Chat, &options);
            assert_eq!(codes(&from_text), codes(&from_value), "{text}");
        }
        let r = validate_str(&body, Kind::Chat, &Options::default());
        let want = if blank {
            vec![(
                "error".to_string(),
                Code::MessagesLastUserTextRequired.as_str(),
                "/messages/0/content".to_string(),
            )]
        } else {
            vec![]
        };
        assert_eq!(codes(&r), want, "{text}");
    }
}

/// `text` in UTF-16 and UTF-32, each byte order, with and without a byte order mark.
pub(crate) fn wide_forms(text: &str) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    for bom in ["", "\u{feff}"] {
        let t = format!("{bom}{text}");
        out.push(t.encode_utf16().flat_map(u16::to_le_bytes).collect());
        out.push(t.encode_utf16().flat_map(u16::to_be_bytes).collect());
        out.push(t.chars().flat_map(|c| u32::from(c).to_le_bytes()).collect());
        out.push(t.chars().flat_map(|c| u32::from(c).to_be_bytes()).collect());
    }
    out
}

/// A text block of `type` and `text` alone skips the block rules (`blocks::check`'s shortcut):
/// wherever it stands, its report is the one the full rules give the same block with a `null`
/// `citations` (which means the same and takes the full path), and a block with one more field
/// leaves the shortcut and is reported.
#[test]
fn plain_text_blocks_are_judged_as_the_full_rules_judge_them() {
    let places = |b: serde_json::Value| {
        let call = json!({"type": "tool_use", "id": "t1", "name": "lookup", "input": {}});
        let answer = json!({"type": "tool_result", "tool_use_id": "t1", "content": [b.clone()]});
        [
            json!({"messages": [{"role": "user", "content": [b.clone()]}]}),
            json!({"messages": [user("q"), {"role": "assistant", "content": [b.clone()]}, user("r")]}),
            json!({"messages": [{"role": "system", "content": [b.clone()]}, user("q")]}),
            json!({"messages": [user("q"), {"role": "assistant", "content": [{"type": "tldr", "content": [b.clone()]}]}, user("r")]}),
            json!({"messages": [user("q"), {"role": "assistant", "content": [call]}, {"role": "user", "content": [answer]}]}),
            json!({"messages": [{"role": "user", "content": [b.clone(), b]}]}),
        ]
    };
    for text in ["hi", "  ", "", "a \"quoted\"\nline"] {
        let plain = json!({"type": "text", "text": text});
        let full = json!({"type": "text", "text": text, "citations": null});
        let extra = json!({"type": "text", "text": text, "colour": "red"});
        for ((p, f), x) in places(plain)
            .into_iter()
            .zip(places(full))
            .zip(places(extra))
        {
            let (rp, rf) = (chat(p.clone()), chat(f));
            assert_eq!(codes(&rp), codes(&rf), "{p}");
            assert_eq!(rp.summary, rf.summary, "{p}");
            let rx = chat(x.clone());
            assert!(
                rx.issues().any(|i| i.path.ends_with("/colour")),
                "{x}: {rx}"
            );
        }
    }
    // a tldr item without `type` is read as a text block, but is not one of `type` and `text`
    let item = json!({"text": "Asked about X", "_meta": 1});
    let r = chat(json!({"messages": [
        user("q"),
        {"role": "assistant", "content": [{"type": "tldr", "content": [item]}]},
        user("r"),
    ]}));
    assert!(
        r.errors
            .iter()
            .any(|i| i.path == "/messages/1/content/0/content/0/_meta"),
        "{r}"
    );
}
