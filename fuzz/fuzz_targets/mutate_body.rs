//! Structure-aware: valid bodies mutated by fuzzer-chosen operations (drop, duplicate, retype
//! fields, swap block kinds, nest deeply). Text and value input must give the same report.
#![no_main]

use libfuzzer_sys::fuzz_target;
use serde_json::{json, Value};
use zylon_schema::{is_valid_str, validate_str, validate_value, Kind, Options};

fn seeds() -> Vec<Value> {
    vec![
        json!({"messages": [{"role": "user", "content": [{"type": "text", "text": "Hi"}]}], "max_tokens": 64, "temperature": 0.3}),
        json!({"messages": [
            {"role": "user", "content": [{"type": "text", "text": "q"}]},
            {"role": "assistant", "content": [{"type": "thinking", "thinking": "t", "signature": "s"}, {"type": "tool_use", "id": "t1", "name": "semantic_search", "input": {"query": "x"}}]},
            {"role": "user", "content": [{"type": "tool_result", "tool_use_id": "t1", "content": [{"type": "text", "text": "r"}]}, {"type": "text", "text": "go"}]}],
            "tools": [{"name": "semantic_search", "type": "semantic_search_v1"}],
            "tool_context": [{"type": "ingested_artifact", "context_filter": {"collection": "c", "artifacts": ["a"]}}],
            "tool_choice": {"type": "auto"}, "system": {"text": "s", "citations": {"enabled": true}}}),
        json!({"messages": [{"role": "user", "content": [{"type": "image", "data": "iVBORw0KGgo=", "mime_type": "image/png"}, {"type": "text", "text": "?"}]}],
            "response_format": {"type": "json_schema", "json_schema": {"type": "object", "properties": {}}},
            "mcp_servers": [{"url": "https://m", "authorization_token": "SECRET-TOKEN"}]}),
    ]
}

/// A block tag: every Workspace and server-only tag of the vocabulary, or an unknown one.
fn block_type(arg: u8) -> &'static str {
    let workspace = zylon_schema::vocab::BLOCKS.iter().map(|(t, _)| *t);
    let server = zylon_schema::vocab::PGPT_ONLY_TYPE.iter().copied();
    let all: Vec<&str> = workspace.chain(server).chain(["x"]).collect();
    all[usize::from(arg) % all.len()]
}

fn count(v: &Value) -> usize {
    1 + match v {
        Value::Array(a) => a.iter().map(count).sum(),
        Value::Object(o) => o.values().map(count).sum(),
        _ => 0,
    }
}

/// The child indices leading to the `n`-th node in pre-order, found in one walk (recounting
/// each subtree on the way down was quadratic in the depth of the nested tldr blocks).
fn path_to(root: &Value, mut n: usize) -> Vec<usize> {
    let mut path = Vec::new();
    let mut stack: Vec<(&Value, usize)> = vec![(root, 0)];
    while n > 0 {
        let Some((node, next)) = stack.last_mut() else {
            unreachable!("n < count(v)")
        };
        let child = match node {
            Value::Array(a) => a.get(*next),
            Value::Object(o) => o.values().nth(*next),
            _ => None,
        };
        match child {
            Some(c) => {
                path.push(*next);
                *next += 1;
                n -= 1;
                stack.push((c, 0));
            }
            None => {
                stack.pop();
                path.pop();
            }
        }
    }
    path
}

/// The `n`-th node in pre-order.
fn nth_mut(v: &mut Value, n: usize) -> &mut Value {
    let mut v = v;
    for i in path_to(v, n) {
        v = match v {
            Value::Array(a) => &mut a[i],
            Value::Object(o) => o.values_mut().nth(i).expect("a child on the path"),
            _ => unreachable!("a container on the path"),
        };
    }
    v
}

/// The body size (in JSON values) past which no further mutation is applied.
const MAX_NODES: usize = 20_000;

fn mutate(v: &mut Value, ops: &[u8]) {
    for op in ops.chunks(3) {
        let [kind, target, arg] = [op[0], *op.get(1).unwrap_or(&0), *op.get(2).unwrap_or(&0)];
        let total = count(v);
        // Doubling grows a body exponentially: bounded, so that an input stays milliseconds
        // (the harness's own work was 0.3-0.6 s an input natively and 10-23 s instrumented, 7
        // inputs a second reported as slow units, while the validator took under 0.1 ms).
        if total > MAX_NODES {
            break;
        }
        let node = nth_mut(v, usize::from(target) % total);
        match kind % 7 {
            0 => {
                if let Value::Object(o) = node {
                    if let Some(k) = o.keys().nth(usize::from(arg) % o.len().max(1)).cloned() {
                        o.remove(&k);
                    }
                }
            }
            1 => {
                if let Value::Array(a) = node {
                    if !a.is_empty() {
                        let c = a[usize::from(arg) % a.len()].clone();
                        a.push(c);
                    }
                }
            }
            2 => {
                *node = [
                    json!(null),
                    json!(1.5),
                    json!("s"),
                    json!([]),
                    json!({}),
                    json!(true),
                    json!(-1),
                ][usize::from(arg) % 7]
                    .clone()
            }
            3 => {
                if let Value::Object(o) = node {
                    if o.contains_key("type") {
                        o.insert("type".into(), json!(block_type(arg)));
                    } else {
                        o.insert(format!("k{arg}"), json!(arg));
                    }
                }
            }
            4 => {
                // (built by hand: `json!` serializes an interpolated `Value` again, which made
                // this loop quadratic in the depth)
                let mut inner = node.clone();
                for _ in 0..(usize::from(arg % 80) * 4) {
                    let mut tldr = serde_json::Map::new();
                    tldr.insert("type".into(), json!("tldr"));
                    tldr.insert("content".into(), Value::Array(vec![inner]));
                    inner = Value::Object(tldr);
                }
                *node = inner;
            }
            5 => {
                if let Value::String(s) = node {
                    s.push_str(&"=".repeat(usize::from(arg) % 4));
                }
            }
            _ => *node = Value::Array(vec![node.clone(), node.clone()]),
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&sel, ops)) = data.split_first() else {
        return;
    };
    let seeds = seeds();
    let mut body = seeds[usize::from(sel) % seeds.len()].clone();
    mutate(&mut body, &ops[..ops.len().min(30)]);
    let kind = if sel & 0x80 != 0 {
        Kind::ProjectChat
    } else {
        Kind::Chat
    };
    let body = if kind == Kind::ProjectChat {
        json!({"pgpt": body})
    } else {
        body
    };
    let text = body.to_string();
    let a = validate_str(&text, kind, &Options::default());
    let b = validate_value(&body, kind, &Options::default());
    assert_eq!(a, b, "text and value input disagree");
    assert_eq!(
        is_valid_str(&text, kind, &Options::default()),
        a.valid,
        "the verdict fast path disagrees with the report"
    );
    let dbg = format!("{a:?}{a}");
    assert!(!dbg.contains("SECRET-TOKEN"), "a secret leaked");
    let mut seen = std::collections::HashSet::new();
    for i in a.issues() {
        assert!(
            seen.insert((i.code, i.path.as_str())),
            "two issues {} at {:?}",
            i.code,
            i.path
        );
    }
});
