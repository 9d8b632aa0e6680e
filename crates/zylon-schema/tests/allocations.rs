//! Allocation counts, which are deterministic where time is not: a validator called for body
//! after body (a JSON Lines file, a server checking each request) keeps its buffers on the
//! thread (`zylon_json`'s pool for the parser, `check::spare` for the rules' vectors). These
//! tests fail when one of them stops being reused, a change no timing benchmark would show on
//! this noisy machine.

use zylon_schema::{validate_str, Kind, Options};

/// Allocations of the second of two validations of `body` on this thread.
fn allocations_when_warm(body: &str) -> u64 {
    let options = Options::default();
    let first = validate_str(body, Kind::Chat, &options);
    // (an issue allocates its message and path: these bodies have none)
    assert!(first.valid && first.warnings.is_empty(), "{first:?}");
    let mut second = None;
    let info = allocation_counter::measure(|| {
        second = Some(validate_str(body, Kind::Chat, &options));
    });
    // (the same report: the kept buffers change nothing)
    assert_eq!(second.as_ref(), Some(&first));
    info.count_total
}

#[test]
fn a_valid_text_chat_allocates_nothing_once_warm() {
    let body = r#"{"messages":[{"role":"user","content":[{"type":"text","text":"Hello \"there\"\n"}]}],"temperature":0.2,"max_tokens":64}"#;
    assert_eq!(allocations_when_warm(body), 0);
}

#[test]
fn a_body_with_a_tool_allocates_only_its_summary_once_warm() {
    // `summary.tool_choice` ("auto") is the one owned string of the report.
    let body = r#"{"messages":[{"role":"user","content":[{"type":"text","text":"find the policy"}]}],"tools":[{"name":"lookup","description":"Look up documents.","inputSchema":{"type":"object","properties":{"query":{"type":"string"}},"required":["query"]}}],"tool_choice":{"type":"auto"}}"#;
    assert_eq!(allocations_when_warm(body), 1);
}

#[test]
fn a_tool_conversation_allocates_only_its_summary_once_warm() {
    // The server's conversion step by step (a tool call and its result) and the tool pairing:
    // their vectors are kept too. `summary.tool_choice` is left.
    let body = r#"{"messages":[{"role":"user","content":[{"type":"text","text":"weather in Paris?"}]},{"role":"assistant","content":[{"type":"tool_use","id":"call_1","name":"weather","input":{"city":"Paris"}}]},{"role":"user","content":[{"type":"tool_result","tool_use_id":"call_1","content":[{"type":"text","text":"18 C"}]},{"type":"text","text":"and tomorrow?"}]}],"tools":[{"name":"weather","description":"The weather of a city.","inputSchema":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}]}"#;
    assert_eq!(allocations_when_warm(body), 1);
}

#[test]
fn an_unanswered_tool_use_is_reported_from_the_kept_paths() {
    // Two bodies on one thread: the second one's unanswered use is reported at its own path,
    // not at a path the first body left in the kept vectors.
    let options = Options::default();
    let answered = r#"{"messages":[{"role":"user","content":[{"type":"text","text":"hi"}]},{"role":"assistant","content":[{"type":"text","text":"let me look"},{"type":"tool_use","id":"a","name":"t","input":{}}]},{"role":"user","content":[{"type":"tool_result","tool_use_id":"a","content":"ok"}]}]}"#;
    // (its second use is the unanswered one: its path is not the first in the kept vector)
    let unanswered = r#"{"messages":[{"role":"user","content":[{"type":"text","text":"hi"}]},{"role":"assistant","content":[{"type":"tool_use","id":"a","name":"t","input":{}},{"type":"tool_use","id":"b","name":"t","input":{}}]},{"role":"user","content":[{"type":"tool_result","tool_use_id":"a","content":"ok"}]}]}"#;
    for body in [answered, unanswered, answered, unanswered] {
        let report = validate_str(body, Kind::Chat, &options);
        let missing: Vec<&str> = report
            .errors
            .iter()
            .filter(|i| i.code.as_str() == "block.tool_use.requires_result")
            .map(|i| i.path.as_str())
            .collect();
        let expected: &[&str] = if body == unanswered {
            &["/messages/1/content/1"]
        } else {
            &[]
        };
        assert_eq!(missing, expected);
    }
}
