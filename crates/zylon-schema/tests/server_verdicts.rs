//! Replays verdicts of the chat server's own request path, recorded with the server oracle of
//! the project's development documents: `tests/server_verdicts/pgpt-blocks.jsonl`, written by
//! `scripts/sweep_pgpt_blocks.py` (every field of the server's own block types, at any depth,
//! left out or set to values of other types). The validator must give the server's verdict on
//! each: an error where the server rejects the body, none where it accepts it.

use serde_json::{json, Value};
use zylon_schema::{validate_value, Kind, Options};

/// The body the sweep built around a block (`body` in `scripts/sweep_pgpt_blocks.py`).
fn body(place: &str, block: &Value) -> Value {
    let user = |content: Value| json!({"role": "user", "content": content});
    let text = |t: &str| json!({"type": "text", "text": t});
    let used = json!({"type": "server_tool_use", "id": "srv_1", "name": "web_search", "input": {}});
    let (assistant, last) = match place {
        "use" => (
            json!([block]),
            json!([{"type": "server_tool_result", "tool_use_id": "srv_1", "content": "r"}, text("next")]),
        ),
        "result" => (json!([used]), json!([block, text("next")])),
        _ => (json!([text("a")]), json!([block, text("next")])),
    };
    json!({"messages": [user(json!([text("q")])), {"role": "assistant", "content": assistant}, user(last)]})
}

#[test]
fn the_servers_verdicts_on_its_own_block_types() {
    let text = include_str!("server_verdicts/pgpt-blocks.jsonl");
    let (mut accepted, mut rejected, mut wrong) = (0, 0, Vec::new());
    for line in text.lines() {
        let case: Value = serde_json::from_str(line).expect("a JSON line");
        let b = body(case["place"].as_str().unwrap(), &case["block"]);
        let report = validate_value(&b, Kind::Chat, &Options::default());
        let server_accepts = case["server"] == "accept";
        if server_accepts {
            accepted += 1;
        } else {
            rejected += 1;
        }
        if report.is_valid() != server_accepts {
            let ours: Vec<String> = report
                .errors
                .iter()
                .map(|i| format!("{} at {}", i.code.as_str(), i.path))
                .collect();
            wrong.push(format!(
                "{}: the server says {} ({}), we say {:?}",
                case["name"], case["server"], case["error"], ours
            ));
        }
    }
    // the corpus holds both verdicts in numbers (a truncated file fails here)
    assert!(
        accepted > 300 && rejected > 2000,
        "{accepted} accepted, {rejected} rejected"
    );
    assert!(
        wrong.is_empty(),
        "{} of {} verdicts differ:\n{}",
        wrong.len(),
        accepted + rejected,
        wrong[..wrong.len().min(20)].join("\n")
    );
}
