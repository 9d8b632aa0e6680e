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
