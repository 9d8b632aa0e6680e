//! The fields the rules read by their place in a vocabulary table (see `check::fields`): one
//! constant per field read, checked against the table when the crate builds.

use crate::check::fields::Key;
use crate::vocab::names;

/// Fields of the chat request (`ChatRequest`).
pub(crate) mod req {
    use super::{names, Key};
    const T: &crate::vocab::Names = &names::CHAT_REQUEST;
    pub(crate) const CACHE_CONTROL: Key = Key::of(T, "cache_control");
    pub(crate) const CORRELATION_ID: Key = Key::of(T, "correlation_id");
    pub(crate) const MAXIMUM_LOADED_SKILLS: Key = Key::of(T, "maximum_loaded_skills");
    pub(crate) const MCP_SERVERS: Key = Key::of(T, "mcp_servers");
    pub(crate) const MESSAGES: Key = Key::of(T, "messages");
    pub(crate) const METADATA: Key = Key::of(T, "metadata");
    pub(crate) const MODEL: Key = Key::of(T, "model");
    pub(crate) const OUTPUT_CONFIG: Key = Key::of(T, "output_config");
    pub(crate) const RESPONSE_FORMAT: Key = Key::of(T, "response_format");
    pub(crate) const SERVICE_TIER: Key = Key::of(T, "service_tier");
    pub(crate) const STOP_SEQUENCES: Key = Key::of(T, "stop_sequences");
    pub(crate) const STREAM: Key = Key::of(T, "stream");
    pub(crate) const SYSTEM: Key = Key::of(T, "system");
    pub(crate) const THINKING: Key = Key::of(T, "thinking");
    pub(crate) const TOOL_CHOICE: Key = Key::of(T, "tool_choice");
    pub(crate) const TOOL_CONTEXT: Key = Key::of(T, "tool_context");
    pub(crate) const TOOLS: Key = Key::of(T, "tools");
}

/// Fields of a message (`MessageInput`).
pub(crate) mod msg {
    use super::{names, Key};
    const T: &crate::vocab::Names = &names::MESSAGE_INPUT;
    pub(crate) const CONTENT: Key = Key::of(T, "content");
    pub(crate) const META: Key = Key::of(T, "_meta");
    pub(crate) const ROLE: Key = Key::of(T, "role");
}

/// Fields of `tool_choice` (`ToolChoice`).
pub(crate) mod choice {
    use super::{names, Key};
    const T: &crate::vocab::Names = &names::TOOL_CHOICE;
    pub(crate) const DISABLE_PARALLEL_TOOL_USE: Key = Key::of(T, "disable_parallel_tool_use");
    pub(crate) const NAME: Key = Key::of(T, "name");
    pub(crate) const TYPE: Key = Key::of(T, "type");
    pub(crate) const VALIDATION_MODE: Key = Key::of(T, "validation_mode");
}

/// Fields of `system` (`System`).
pub(crate) mod sys {
    use super::{names, Key};
    const T: &crate::vocab::Names = &names::SYSTEM;
    pub(crate) const BLOB_VISIBILITY: Key = Key::of(T, "blob_visibility");
    pub(crate) const CITATIONS: Key = Key::of(T, "citations");
    pub(crate) const EXTENSIONS: Key = Key::of(T, "extensions");
    pub(crate) const PROMPT: Key = Key::of(T, "prompt");
    pub(crate) const TEXT: Key = Key::of(T, "text");
    pub(crate) const TYPE: Key = Key::of(T, "type");
    pub(crate) const USE_DEFAULT_PROMPT: Key = Key::of(T, "use_default_prompt");
}

/// Fields of `thinking` (`Thinking`).
pub(crate) mod thinking {
    use super::{names, Key};
    const T: &crate::vocab::Names = &names::THINKING;
    pub(crate) const EFFORT: Key = Key::of(T, "effort");
    pub(crate) const ENABLED: Key = Key::of(T, "enabled");
}

/// Fields of a tool (`Tool`).
pub(crate) mod tool {
    use super::{names, Key};
    const T: &crate::vocab::Names = &names::TOOL;
    pub(crate) const CONTEXT: Key = Key::of(T, "context");
    pub(crate) const DESCRIPTION: Key = Key::of(T, "description");
    pub(crate) const INPUT_SCHEMA: Key = Key::of(T, "inputSchema");
    pub(crate) const INPUT_SCHEMA_ALIAS: Key = Key::of(T, "input_schema");
    pub(crate) const NAME: Key = Key::of(T, "name");
}
