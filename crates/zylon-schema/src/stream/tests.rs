//! Accumulator tests: the seed's example stream, every block kind, chunking, malformed streams.

use serde_json::{json, Value};

use super::*;
use crate::Code;

fn sse(events: &[Value]) -> String {
    events
        .iter()
        .map(|e| {
            format!(
                "event: {}\ndata: {}\n\n",
                e["type"].as_str().unwrap_or("x"),
                e
            )
        })
        .collect()
}

fn codes(acc: &Accumulator) -> Vec<(&'static str, String)> {
    acc.issues()
        .iter()
        .map(|i| (i.code.as_str(), i.path.clone()))
        .collect()
}

#[test]
fn the_seed_example_stream() {
    let text = "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_3d2c1b4a5f6e7d8c\",\"role\":\"assistant\",\"content\":[]}}\n\nevent: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"delta\":{\"type\":\"text_delta\",\"text\":\"• Ticket volume rose 12%\"}}\n\nevent: message_stop\ndata: {\"type\":\"message_stop\"}\n";
    let acc = accumulate(text.as_bytes());
    assert_eq!(
        acc.message(),
        json!({"id": "msg_3d2c1b4a5f6e7d8c", "role": "assistant", "content": [{"type": "text", "text": "• Ticket volume rose 12%"}]})
    );
    assert!(acc.is_complete());
    assert_eq!(acc.event_count(), 3);
    // The example omits block_id, and (as printed in the docs) the blank line after the last
    // event: warnings, not errors.
    assert_eq!(
        codes(&acc),
        vec![
            ("stream.event", "/events/1".to_string()),
            ("stream.incomplete", "/events/2".to_string())
        ]
    );
}

fn full_stream() -> Vec<Value> {
    vec![
        json!({"type": "message_start", "message": {"id": "m1", "model": "default", "content": []}}),
        json!({"type": "ping"}),
        json!({"type": "content_block_start", "block_id": "b0", "content_block": {"type": "thinking", "thinking": ""}}),
        json!({"type": "content_block_delta", "block_id": "b0", "delta": {"type": "thinking_delta", "thinking": "Let me "}}),
        json!({"type": "content_block_delta", "block_id": "b0", "delta": {"type": "thinking_delta", "thinking": "think."}}),
        json!({"type": "content_block_stop", "block_id": "b0"}),
        json!({"type": "content_block_start", "block_id": "b1", "content_block": {"type": "tool_use", "id": "t1", "name": "search", "input": {}}}),
        json!({"type": "content_block_delta", "block_id": "b1", "delta": {"type": "input_json_delta", "partial_json": "{\"query\": \"bil"}}),
        json!({"type": "content_block_delta", "block_id": "b1", "delta": {"type": "input_json_delta", "partial_json": "ling\"}"}}),
        json!({"type": "content_block_stop", "block_id": "b1", "stop_timestamp": "2026-02-08T14:41:10Z"}),
        json!({"type": "content_block_synthetic", "block_id": "b2", "block": {"type": "tool_result", "tool_use_id": "t1", "content": [{"type": "text", "text": "5 hits"}]}}),
        json!({"type": "content_block_start", "block_id": "b3", "content_block": {"type": "source", "sources": []}}),
        json!({"type": "content_block_delta", "block_id": "b3", "delta": {"type": "source_delta", "sources": [{"object": "context.website", "id": "w", "url": "https://x"}]}}),
        json!({"type": "content_block_stop", "block_id": "b3"}),
        json!({"type": "content_block_start", "block_id": "b4", "content_block": {"type": "text", "text": ""}}),
        json!({"type": "content_block_delta", "block_id": "b4", "delta": {"type": "text_delta", "text": "Billing ", "citations": [{"id": "c1", "index": 1}]}}),
        json!({"type": "content_block_delta", "block_id": "b4", "delta": {"type": "text_delta", "text": "issues."}}),
        json!({"type": "content_block_stop", "block_id": "b4"}),
        json!({"type": "content_block_start", "block_id": "b5", "content_block": {"type": "tldr", "content": []}}),
        json!({"type": "content_block_delta", "block_id": "b5", "delta": {"type": "tldr_delta", "tldr": {"type": "text", "text": "Short."}}}),
        json!({"type": "content_block_stop", "block_id": "b5"}),
        json!({"type": "message_delta", "delta": {"stop_reason": "end_turn", "usage": {"input_tokens": 10, "output_tokens": 20}}}),
        json!({"type": "message_stop"}),
        json!({"type": "done"}),
    ]
}

fn expected_message() -> Value {
    json!({
        "id": "m1", "model": "default", "stop_reason": "end_turn", "usage": {"input_tokens": 10, "output_tokens": 20},
        "content": [
            {"type": "thinking", "thinking": "Let me think."},
            {"type": "tool_use", "id": "t1", "name": "search", "input": {"query": "billing"}, "stop_timestamp": "2026-02-08T14:41:10Z"},
            {"type": "tool_result", "tool_use_id": "t1", "content": [{"type": "text", "text": "5 hits"}]},
            {"type": "source", "sources": [{"object": "context.website", "id": "w", "url": "https://x"}]},
            {"type": "text", "text": "Billing issues.", "citations": [{"id": "c1", "index": 1}]},
            {"type": "tldr", "content": [{"type": "text", "text": "Short."}]}
        ]
    })
}

#[test]
fn every_block_kind_assembles() {
    let acc = accumulate(sse(&full_stream()).as_bytes());
    assert_eq!(acc.message(), expected_message());
    assert!(acc.issues().is_empty(), "{:?}", acc.issues());
    assert_eq!(acc.event_count(), full_stream().len());
}

#[test]
fn any_chunking_gives_the_same_message() {
    let text = sse(&full_stream());
    let bytes = text.as_bytes();
    for size in [1, 2, 3, 5, 7, 16, 61, 1000] {
        let mut acc = Accumulator::new();
        for c in bytes.chunks(size) {
            acc.push_bytes(c);
        }
        acc.finish();
        assert_eq!(acc.message(), expected_message(), "chunk size {size}");
        assert!(acc.issues().is_empty());
    }
}

#[test]
fn order_problems_are_issues_with_event_indexes() {
    let events = vec![
        json!({"type": "content_block_delta", "block_id": "zz", "delta": {"type": "text_delta", "text": "x"}}),
        json!({"type": "message_start", "message": {"content": []}}),
        json!({"type": "content_block_start", "block_id": "a", "content_block": {"type": "tool_use", "id": "t", "name": "n", "input": {}}}),
        json!({"type": "content_block_delta", "block_id": "a", "delta": {"type": "input_json_delta", "partial_json": "{\"q\": "}}),
        json!({"type": "content_block_stop", "block_id": "a"}),
        json!({"type": "content_block_stop", "block_id": "a"}),
        json!({"type": "content_block_delta", "block_id": "a", "delta": {"type": "text_delta", "text": "late"}}),
        json!({"type": "surprise"}),
        json!({"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}}),
        json!({"type": "message_stop"}),
        json!({"type": "content_block_start", "block_id": "b", "content_block": {"type": "text"}}),
    ];
    let acc = accumulate(sse(&events).as_bytes());
    assert_eq!(
        codes(&acc),
        vec![
            ("stream.order", "/events/0".to_string()),
            ("stream.order", "/events/0".to_string()),
            ("stream.input_json", "/events/4".to_string()),
            ("stream.order", "/events/5".to_string()),
            ("stream.order", "/events/6".to_string()),
            ("stream.unknown_event", "/events/7".to_string()),
            ("stream.error_event", "/events/8".to_string()),
            ("stream.order", "/events/10".to_string()),
        ]
    );
    assert_eq!(
        acc.message()["errors"],
        json!([{"type": "overloaded_error", "message": "Overloaded"}])
    );
}

#[test]
fn malformed_streams_never_panic() {
    for text in [
        "",
        "data: {not json}\n\n",
        "event: message_start\n\n",
        "data: [1,2]\n\n",
        "data: \"x\"\n\ndata: null\n\n",
        ":::\n\n\n\r\r",
        "data: {\"type\":\"content_block_delta\"}\n\n",
    ] {
        let acc = accumulate(text.as_bytes());
        assert!(!acc.issues().is_empty(), "{text:?} should have issues");
        assert!(acc.issues().iter().all(|i| i.path.starts_with("/events/")));
    }
    let acc = accumulate(
        b"data: {\"type\":\"message_start\",\"message\":{}}\n\ndata: {\"type\":\"message_stop\"}",
    );
    assert!(acc.is_complete());
    assert_eq!(
        codes(&acc),
        vec![("stream.incomplete", "/events/1".to_string())]
    );
    let _ = Code::StreamSyntax;
}

/// The text faces (npm, Python) read the same message and events as the `Value` API, at any
/// chunking; the text keeps the stream's key order and each number as it was sent.
#[test]
fn json_text_agrees_with_the_values_and_keeps_order_and_numbers() {
    let text = sse(&full_stream());
    for size in [1, 7, 1000] {
        let (mut by_value, mut by_text) = (Accumulator::new(), Accumulator::new());
        for c in text.as_bytes().chunks(size) {
            let events = by_value.push_bytes(c);
            let from_text: Vec<Value> = serde_json::from_str(&by_text.push_bytes_json(c)).unwrap();
            assert_eq!(from_text, events, "chunk size {size}");
        }
        let events = by_value.finish();
        let from_text: Vec<Value> = serde_json::from_str(&by_text.finish_json()).unwrap();
        assert_eq!(from_text, events);
        let message: Value = serde_json::from_str(&by_text.message_json()).unwrap();
        assert_eq!(message, expected_message(), "chunk size {size}");
        assert_eq!(by_text.issues(), by_value.issues());
    }
    let stream = "data: {\"type\":\"message_start\",\"message\":{\"model\":\"m\",\"id\":\"x\",\"big\":123456789012345678901234567890,\"e\":1e2,\"z\":-0,\"content\":[]}}\n\n\
                  data: {\"type\":\"message_delta\",\"delta\":{\"usage\":{\"output_tokens\":7,\"input_tokens\":1.50}}}\n\n\
                  data: {\"type\":\"message_stop\"}\n\n";
    let acc = accumulate(stream.as_bytes());
    assert_eq!(
        acc.message_json(),
        r#"{"model":"m","id":"x","big":123456789012345678901234567890,"e":1e2,"z":-0,"content":[],"usage":{"output_tokens":7,"input_tokens":1.50}}"#
    );
    // As values, numbers read as serde_json reads them (and keys sort as its maps do).
    assert_eq!(acc.message()["e"], json!(100.0));
    assert_eq!(acc.message()["big"], json!(1.2345678901234568e29));
    assert_eq!(
        decode_to_json(stream.as_bytes()),
        format!(
            r#"{{"message":{},"issues":[],"events":3}}"#,
            acc.message_json()
        )
    );
}

/// A key sent twice in one event keeps its first place and its last value, as serde_json's
/// maps (and the server) keep the last value.
#[test]
fn a_repeated_key_in_event_data_keeps_the_last_value() {
    let stream = "data: {\"type\":\"message_start\",\"message\":{\"id\":\"a\",\"role\":\"assistant\",\"id\":\"b\",\"content\":[]}}\n\n";
    let acc = accumulate(stream.as_bytes());
    assert!(acc
        .message_json()
        .starts_with(r#"{"id":"b","role":"assistant","content":[]"#));
    assert_eq!(acc.message()["id"], "b");
}

#[test]
fn block_ids_are_tracked_from_start_to_stop_and_at_the_end() {
    let events = vec![
        json!({"type": "message_start", "message": {"content": []}}),
        json!({"type": "content_block_start", "block_id": "a", "content_block": {"type": "text", "text": ""}}),
        json!({"type": "content_block_synthetic", "block_id": "s", "block": {"type": "text", "text": "done"}}),
        json!({"type": "content_block_start", "block_id": "a", "content_block": {"type": "text"}}),
        json!({"type": "content_block_synthetic", "block_id": "s", "block": {"type": "text"}}),
        json!({"type": "content_block_delta", "block_id": "s", "delta": {"type": "text_delta", "text": "late"}}),
        json!({"type": "content_block_stop", "block_id": "s"}),
        json!({"type": "content_block_stop", "block_id": "nope"}),
        json!({"type": "content_block_delta", "block_id": "a", "delta": {"type": "text_delta", "text": "hi"}}),
        json!({"type": "content_block_start", "block_id": "t", "content_block": {"type": "tool_use", "id": "t1", "name": "n", "input": {}}}),
        json!({"type": "content_block_delta", "block_id": "t", "delta": {"type": "input_json_delta", "partial_json": "{\"q\": 1}"}}),
        json!({"type": "message_stop"}),
    ];
    let acc = accumulate(sse(&events).as_bytes());
    // A second start of `a` or `s` is reported and its block kept; a synthetic block is closed
    // at once; blocks left open (`a`, `t`) are closed at the end, so `t`'s input is parsed.
    assert_eq!(
        codes(&acc),
        vec![
            ("stream.order", "/events/3".to_string()),
            ("stream.order", "/events/4".to_string()),
            ("stream.order", "/events/5".to_string()),
            ("stream.order", "/events/6".to_string()),
            ("stream.order", "/events/7".to_string()),
        ]
    );
    let content = &acc.message()["content"];
    assert_eq!(content[0], json!({"type": "text", "text": "hi"}));
    assert_eq!(content[1], json!({"type": "text", "text": "done"}));
    assert_eq!(content[4]["input"], json!({"q": 1}));
    assert_eq!(content.as_array().map(Vec::len), Some(5));
}
