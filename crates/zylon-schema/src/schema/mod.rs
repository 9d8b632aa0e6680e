//! JSON Schema export (draft 2020-12), generated from the model types: the single source of
//! truth for `schemas/*.schema.json`.

use schemars::generate::SchemaSettings;
use schemars::JsonSchema;
use serde_json::Value;

mod bindings;
pub mod openapi;
mod shape;
pub mod vocab;

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
    (
        "binding-types",
        "The options and results of zylon-schema's language bindings (npm: validate, fix, decodeStream)",
    ),
];

fn export<T: JsonSchema>(name: &str, title: &str) -> Value {
    let mut generator = SchemaSettings::draft2020_12().into_generator();
    let schema = generator.root_schema_for::<T>();
    let mut v = schema.to_value();
    let type_name = T::schema_name();
    shape::for_codegen(&mut v, &type_name);
    if let Some(o) = v.as_object_mut() {
        o.insert(
            "$id".into(),
            Value::String(format!("{ID_BASE}{name}.schema.json")),
        );
        // the type's name is what generators call the root class; the prose goes first in the
        // description
        o.insert("title".into(), Value::from(type_name.as_ref()));
        let description = match o.get("description").and_then(Value::as_str) {
            Some(d) if !d.is_empty() => format!("{title}.\n\n{d}"),
            _ => format!("{title}."),
        };
        o.insert("description".into(), Value::from(description));
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
        "binding-types" => export::<bindings::BindingTypes>(name, title),
        _ => return None,
    })
}
