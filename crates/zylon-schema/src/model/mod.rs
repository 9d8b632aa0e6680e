//! The wire types of the Workspace chat API: requests (the `pgpt` ChatRequest and its
//! envelopes), responses and stream events. They define the JSON Schemas in `schemas/`.
//!
//! Requests are modelled as the server accepts them (fields the validator only warns about are
//! optional; unknown fields are kept in each struct's `extra` and written back unchanged);
//! responses are lenient (unknown enum values and block types are kept). For a typed parse
//! whose errors name the path, line and column, use [`crate::typed::from_json`].

pub mod block;
pub mod envelope;
pub mod mcp;
pub mod message;
mod non_null;
pub mod request;
pub mod response;
pub mod stream;
pub mod system;
pub mod tool;
pub mod tool_context;

pub use block::{Citation, ContentBlock};
pub use envelope::{
    Agent, CreateInteractionDto, CreateThreadDto, ProjectChatDto, UpdateThreadDto, Visibility,
};
pub use mcp::{McpServer, ToolConfiguration};
pub use message::{MessageContent, MessageInput, Role};
pub use request::{ChatRequest, ResponseFormat, ResponseFormatType, WholeNumber};
pub use response::{
    ChatResponse, InteractionDto, InteractionState, MessageOutput, Page, StopReason, Usage,
    ValidateResponse,
};
pub use stream::{ContentBlockDelta, MessageOutputEvent};
pub use system::{System, Thinking};
pub use tool::{Tool, ToolChoice, ToolChoiceType, ToolSpec};
pub use tool_context::{Artifact, ContextFilter, MetadataFilter};

/// Implement `Serialize`/`Deserialize` for a `#[serde(remote = "Self")]` struct so that only a
/// JSON object deserializes into it (serde's derive would also take an array of the fields,
/// which neither the server nor the JSON Schema accepts).
#[macro_export]
#[doc(hidden)]
macro_rules! object_only {
    ($t:ty) => {
        impl serde::Serialize for $t {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                <$t>::serialize(self, s)
            }
        }
        impl<'de> serde::Deserialize<'de> for $t {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let v = <serde_json::Value as serde::Deserialize>::deserialize(d)?;
                if !v.is_object() {
                    return Err(serde::de::Error::custom(concat!(
                        "expected an object for ",
                        stringify!($t)
                    )));
                }
                <$t>::deserialize(v).map_err(serde::de::Error::custom)
            }
        }
    };
}

/// A free JSON object (`_meta`, tool `input`, `inputSchema`).
pub type JsonObject = serde_json::Map<String, serde_json::Value>;
