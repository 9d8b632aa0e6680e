//! The wire types of the Workspace chat API: requests (the `pgpt` ChatRequest and its
//! envelopes), responses and stream events. They define the JSON Schemas in `schemas/`.
//!
//! Requests are modelled as the server accepts them (fields the validator only warns about are
//! optional, unknown fields are ignored); responses are lenient (unknown enum values and block
//! types are kept).

pub mod block;
pub mod envelope;
pub mod mcp;
pub mod message;
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

/// A free JSON object (`_meta`, tool `input`, `inputSchema`).
pub type JsonObject = serde_json::Map<String, serde_json::Value>;
