//! Chat messages.

use serde::{Deserialize, Serialize};

use super::{ContentBlock, JsonObject};

/// Who wrote a message. `tool` is listed by the Workspace spec but rejected by the server (a
/// warning); send tool output as a `tool_result` block instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Moved into the system prompt by the server.
    System,
    /// The user.
    User,
    /// The model.
    Assistant,
    /// Rejected by the server.
    Tool,
}

/// A message's content: blocks, or (server-only, a warning) a plain string.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum MessageContent {
    /// Content blocks (the Workspace form). Must not be empty.
    Blocks(Vec<ContentBlock>),
    /// A plain string (server-only). Must not be empty.
    Text(String),
}

/// One message of the conversation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(remote = "Self")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
// Content must not be empty, except in a system message (moved into the system prompt first).
#[cfg_attr(feature = "schema", schemars(extend(
    "if" = { "properties": { "role": { "const": "system" } } },
    "else" = { "properties": { "content": { "anyOf": [
        { "type": "string", "minLength": 1 },
        { "type": "array", "minItems": 1 }
    ] } } }
)))]
pub struct MessageInput {
    /// Who wrote it (case-sensitive).
    pub role: Role,
    /// What it says.
    pub content: MessageContent,
    /// Listed by the Workspace spec; ignored by the server.
    #[serde(rename = "_meta", default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<JsonObject>,
    /// Fields the model does not describe, kept as sent: they survive a round trip
    /// (`from_str` → `to_string`) unchanged.
    #[serde(flatten)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub extra: super::JsonObject,
}

crate::object_only!(MessageInput);
