//! JSON Schema export (draft 2020-12), generated from the model types: the single source of
//! truth for `schemas/*.schema.json`.

use schemars::generate::SchemaSettings;
use schemars::JsonSchema;
use serde_json::Value;

use crate::model::{
    ChatRequest, CreateInteractionDto, CreateThreadDto, InteractionDto, MessageOutput,
    MessageOutputEvent, ProjectChatDto, UpdateThreadDto,
};

/// Base of every schema's `$id`.
pub const ID_BASE: &str = "https://zylon-schema.dev/schemas/";

/// The exported schemas, by name, with what each describes.
pub const NAMES: &[(&str, &str)] = &[
    (
        "chat-request",
        "A Zylon Workspace chat request (`pgpt`; the body of POST /api/v1/app/chat)",
    ),
    (
        "interaction-request",
        "CreateInteractionDTO: POST /api/v1/app/thread/{threadId}/interaction",
    ),
    (
        "project-chat-request",
        "ProjectChatDTO: POST /api/v1/app/project/{projectId}/chat",
    ),
    (
        "thread-create",
        "CreateThreadDTO: POST /api/v1/app/project/{projectId}/thread",
    ),
    (
        "thread-update",
        "UpdateThreadDTO: PUT /api/v1/app/thread/{threadId}",
    ),
    (
        "interaction",
        "InteractionDTO: an interaction as the API returns it",
    ),
    ("message-output", "MessageOutput: the assistant's message"),
    (
        "stream-event",
        "MessageOutputEvent: one server-sent event of a streamed answer",
    ),
    (
        "validation-report",
        "The report of zylon-schema's validator (CLI, npm and Rust)",
    ),
];

/// Follow a local `$ref` (`#/$defs/Name`).
fn resolve<'a>(defs: &'a Value, v: &'a Value) -> &'a Value {
    match v
        .get("$ref")
        .and_then(Value::as_str)
        .and_then(|r| r.strip_prefix("#/$defs/"))
    {
        Some(name) => defs.get(name).unwrap_or(v),
        None => v,
    }
}

/// The `type` tags a union branch accepts (`const` or `enum` of its `type` property, also
/// through `$ref`s).
fn branch_tags(defs: &Value, branch: &Value) -> Option<Vec<String>> {
    let t = branch
        .get("properties")
        .and_then(|p| p.get("type"))
        .or_else(|| resolve(defs, branch).get("properties")?.get("type"))?;
    let t = resolve(defs, t);
    if let Some(c) = t.get("const").and_then(Value::as_str) {
        return Some(vec![c.to_string()]);
    }
    let tags: Vec<String> = t
        .get("enum")?
        .as_array()?
        .iter()
        .filter_map(Value::as_str)
        .map(str::to_string)
        .collect();
    (!tags.is_empty()).then_some(tags)
}

/// `anyOf` unions whose branches carry disjoint `type` tags are exactly `oneOf` unions: say so,
/// so that other languages' generators see a tagged union.
fn tagged_unions_as_one_of(defs: &Value, v: &mut Value) {
    match v {
        Value::Object(o) => {
            let disjoint = o
                .get("anyOf")
                .and_then(Value::as_array)
                .is_some_and(|branches| {
                    let mut seen = std::collections::HashSet::new();
                    branches.iter().all(|b| {
                        branch_tags(defs, b)
                            .is_some_and(|tags| tags.into_iter().all(|t| seen.insert(t)))
                    })
                });
            if disjoint {
                if let Some(any) = o.remove("anyOf") {
                    o.insert("oneOf".into(), any);
                }
            }
            o.values_mut()
                .for_each(|c| tagged_unions_as_one_of(defs, c));
        }
        Value::Array(a) => a.iter_mut().for_each(|c| tagged_unions_as_one_of(defs, c)),
        _ => {}
    }
}

fn export<T: JsonSchema>(name: &str, title: &str) -> Value {
    let mut generator = SchemaSettings::draft2020_12().into_generator();
    let schema = generator.root_schema_for::<T>();
    let mut v = schema.to_value();
    let defs = v.get("$defs").cloned().unwrap_or(Value::Null);
    tagged_unions_as_one_of(&defs, &mut v);
    if let Some(o) = v.as_object_mut() {
        o.insert(
            "$id".into(),
            Value::String(format!("{ID_BASE}{name}.schema.json")),
        );
        o.insert("title".into(), Value::String(title.to_string()));
    }
    v
}

/// Every schema, in the order of [`NAMES`].
pub fn all() -> Vec<(&'static str, Value)> {
    NAMES
        .iter()
        .map(|(name, _)| (*name, get(name).unwrap_or(Value::Null)))
        .collect()
}

/// One schema by name (`chat-request`, `interaction-request`, ...).
pub fn get(name: &str) -> Option<Value> {
    let title = NAMES.iter().find(|(n, _)| *n == name)?.1;
    Some(match name {
        "chat-request" => export::<ChatRequest>(name, title),
        "interaction-request" => export::<CreateInteractionDto>(name, title),
        "project-chat-request" => export::<ProjectChatDto>(name, title),
        "thread-create" => export::<CreateThreadDto>(name, title),
        "thread-update" => export::<UpdateThreadDto>(name, title),
        "interaction" => export::<InteractionDto>(name, title),
        "message-output" => export::<MessageOutput>(name, title),
        "stream-event" => export::<MessageOutputEvent>(name, title),
        "validation-report" => export::<crate::Report>(name, title),
        _ => return None,
    })
}
