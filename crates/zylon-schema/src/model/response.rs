//! Responses. Lenient: unknown enum values and block types are kept, never an error.

use serde::{Deserialize, Serialize};

use super::{ChatRequest, ContentBlock, JsonObject, MessageInput};

/// Why the model stopped. Workspace values and the server's; anything else is kept in `Other`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum StopReason {
    Stop,
    Error,
    Cancelled,
    EndTurn,
    MaxTokens,
    StopSequence,
    ToolUse,
    PauseTurn,
    Refusal,
    /// A value this library does not know yet.
    #[serde(untagged)]
    Other(String),
}

/// State of an interaction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[allow(missing_docs)]
pub enum InteractionState {
    Processing,
    Completed,
    Error,
    /// A value this library does not know yet.
    #[serde(untagged)]
    Other(String),
}

/// A block of a response: a known block, or any other object (kept).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(untagged)]
// The variants mirror the wire's shapes and are matched on by users: a box would only add an
// indirection to every known block for the rare unknown one.
#[allow(clippy::large_enum_variant)]
pub enum OutputBlock {
    /// A block type this library knows.
    Known(ContentBlock),
    /// Anything else, as sent.
    Other(JsonObject),
}

/// Token usage.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Usage {
    /// Prompt tokens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input_tokens: Option<f64>,
    /// Generated tokens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output_tokens: Option<f64>,
    /// Fields the model does not describe, kept as sent: they survive a round trip
    /// (`from_str` → `to_string`) unchanged.
    #[serde(flatten)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub extra: super::JsonObject,
}

/// An error reported by the server.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ErrorDetail {
    /// Error type.
    #[serde(rename = "type", default)]
    pub kind: String,
    /// What happened.
    #[serde(default)]
    pub message: String,
    /// Fields the model does not describe, kept as sent: they survive a round trip
    /// (`from_str` → `to_string`) unchanged.
    #[serde(flatten)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub extra: super::JsonObject,
}

/// The assistant's message.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MessageOutput {
    /// Message id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Unix time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created: Option<f64>,
    /// Model name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    /// Why it stopped.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stop_reason: Option<StopReason>,
    /// The answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<Vec<OutputBlock>>,
    /// Token usage.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usage: Option<Usage>,
    /// Errors during generation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<ErrorDetail>>,
    /// Fields the model does not describe, kept as sent: they survive a round trip
    /// (`from_str` → `to_string`) unchanged.
    #[serde(flatten)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub extra: super::JsonObject,
}

/// An interaction (one exchange in a thread).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct InteractionDto {
    /// Interaction id.
    pub id: String,
    /// Project id.
    pub project_id: String,
    /// Thread id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thread_id: Option<String>,
    /// Processing, Completed, Error (others kept).
    pub state: InteractionState,
    /// The user's message.
    pub user_input: MessageInput,
    /// The assistant's answer, once there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assistant_output: Option<MessageOutput>,
    /// Artifacts used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub artifact_ids: Option<Vec<String>>,
    /// Whether every artifact was used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub all_artifacts: Option<bool>,
    /// Creation time.
    pub created_at: String,
    /// Creator (user object).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_by: Option<JsonObject>,
    /// The request that produced it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pgpt: Option<ChatRequest>,
    /// Fields the model does not describe, kept as sent: they survive a round trip
    /// (`from_str` → `to_string`) unchanged.
    #[serde(flatten)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub extra: super::JsonObject,
}

/// The one-shot chat reply.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ChatResponse {
    /// Message id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// `assistant`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// The answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<Vec<OutputBlock>>,
    /// Fields the model does not describe, kept as sent: they survive a round trip
    /// (`from_str` → `to_string`) unchanged.
    #[serde(flatten)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub extra: super::JsonObject,
}

/// A page of results.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Page<T> {
    /// The items.
    pub data: Vec<T>,
    /// Cursor of the next page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_cursor: Option<String>,
    /// Cursor of the previous page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous_cursor: Option<String>,
    /// Whether there is a next page.
    #[serde(default)]
    pub has_next_page: bool,
    /// Whether there is a previous page.
    #[serde(default)]
    pub has_previous_page: bool,
    /// Total number of items.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_count: Option<f64>,
    /// Fields the model does not describe, kept as sent: they survive a round trip
    /// (`from_str` → `to_string`) unchanged.
    #[serde(flatten)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub extra: super::JsonObject,
}

/// The real answer of `/chat/validate`: only `valid` and `errors` (RULES.md §1).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ValidateResponse {
    /// Whether the request passed.
    #[serde(default)]
    pub valid: bool,
    /// Interceptor errors (only on 400).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<String>>,
    /// Fields the model does not describe, kept as sent: they survive a round trip
    /// (`from_str` → `to_string`) unchanged.
    #[serde(flatten)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub extra: super::JsonObject,
}
