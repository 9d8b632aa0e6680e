//! Builders: constructors for the common messages, blocks, tools and artifacts, and a request
//! builder whose `build()` validates the result.
//!
//! ```
//! use zylon_schema::builder::{Block, Message, Tool, Artifact};
//! use zylon_schema::model::ChatRequest;
//!
//! let request = ChatRequest::builder()
//!     .message(Message::user("What does the refund policy say?"))
//!     .tool(Tool::semantic_search())
//!     .artifact(Artifact::ingested("support-docs", ["artifact_1"]))
//!     .temperature(0.2)
//!     .max_tokens(256)
//!     .build()
//!     .expect("a valid request");
//! assert_eq!(request.messages.len(), 1);
//!
//! // Problems come back as the validator's report.
//! let report = ChatRequest::builder().message(Message::assistant("Hi")).build().unwrap_err();
//! assert_eq!(report.errors[0].code.as_str(), "messages.user_required");
//! ```

use serde_json::{Map, Value};

use crate::model::block::{
    BinaryBlock, BlockCommon, MediaBlock, TextBlock, ToolResultBlock, ToolResultContent,
    ToolUseBlock,
};
use crate::model::request::{ResponseFormat, ResponseFormatType, SystemSpec, WholeNumber};
use crate::model::tool_context::SqlDatabase;
use crate::model::{
    Artifact as ArtifactModel, ChatRequest, ContentBlock, ContextFilter, McpServer, MessageContent,
    MessageInput, Role, System, Thinking, Tool as ToolModel, ToolChoice, ToolSpec,
};
use crate::{validate_value, Kind, Options, Report};

/// Message constructors.
pub struct Message;

impl Message {
    /// A user message with one text block.
    ///
    /// ```
    /// let m = zylon_schema::builder::Message::user("Hello");
    /// assert_eq!(m.role, zylon_schema::model::Role::User);
    /// ```
    pub fn user(text: impl Into<String>) -> MessageInput {
        Self::with_blocks(Role::User, vec![Block::text(text)])
    }

    /// An assistant message with one text block.
    pub fn assistant(text: impl Into<String>) -> MessageInput {
        Self::with_blocks(Role::Assistant, vec![Block::text(text)])
    }

    /// A system message (the server moves it into the system prompt; prefer `system`).
    pub fn system(text: impl Into<String>) -> MessageInput {
        Self::with_blocks(Role::System, vec![Block::text(text)])
    }

    /// A message with the given blocks.
    ///
    /// ```
    /// use zylon_schema::builder::{Block, Message};
    /// use zylon_schema::model::Role;
    /// let m = Message::with_blocks(Role::User, vec![Block::image_url("https://example.com/a.png", "image/png"), Block::text("What is it?")]);
    /// assert_eq!(serde_json::to_value(&m).unwrap()["content"][1]["text"], "What is it?");
    /// ```
    pub fn with_blocks(role: Role, blocks: Vec<ContentBlock>) -> MessageInput {
        MessageInput {
            role,
            content: MessageContent::Blocks(blocks),
            meta: None,
            extra: Default::default(),
        }
    }
}

/// Content block constructors.
pub struct Block;

impl Block {
    /// A text block.
    pub fn text(text: impl Into<String>) -> ContentBlock {
        ContentBlock::Text(TextBlock {
            text: Some(text.into()),
            ..TextBlock::default()
        })
    }

    /// An image from base64 data and its media type.
    ///
    /// ```
    /// let b = zylon_schema::builder::Block::image_base64("iVBORw0KGgo=", "image/png");
    /// assert_eq!(serde_json::to_value(&b).unwrap()["mime_type"], "image/png");
    /// ```
    pub fn image_base64(data: impl Into<String>, mime_type: impl Into<String>) -> ContentBlock {
        ContentBlock::Image(MediaBlock {
            data: Some(data.into()),
            mime_type: Some(mime_type.into()),
            ..MediaBlock::default()
        })
    }

    /// An image the server downloads from a URL.
    pub fn image_url(url: impl Into<String>, mime_type: impl Into<String>) -> ContentBlock {
        Self::image_base64(url, mime_type)
    }

    /// Audio from base64 data (or a URL) and its media type.
    pub fn audio_base64(data: impl Into<String>, mime_type: impl Into<String>) -> ContentBlock {
        ContentBlock::Audio(MediaBlock {
            data: Some(data.into()),
            mime_type: Some(mime_type.into()),
            ..MediaBlock::default()
        })
    }

    /// A file as base64 data (or a URL), its media type and an optional name.
    pub fn binary(
        data: impl Into<String>,
        mime_type: impl Into<String>,
        filename: Option<&str>,
    ) -> ContentBlock {
        ContentBlock::Binary(BinaryBlock {
            data: data.into(),
            mime_type: mime_type.into(),
            filename: filename.map(str::to_string),
            common: BlockCommon::default(),
            extra: Default::default(),
        })
    }

    /// A tool call (assistant messages only).
    ///
    /// ```
    /// let b = zylon_schema::builder::Block::tool_use("toolu_1", "lookup", serde_json::json!({"id": "42"}));
    /// assert_eq!(serde_json::to_value(&b).unwrap()["input"]["id"], "42");
    /// ```
    pub fn tool_use(id: impl Into<String>, name: impl Into<String>, input: Value) -> ContentBlock {
        let input = match input {
            Value::Object(o) => o,
            Value::Null => Map::new(),
            other => Map::from_iter([("value".to_string(), other)]),
        };
        ContentBlock::ToolUse(ToolUseBlock {
            id: id.into(),
            name: name.into(),
            input,
            common: BlockCommon::default(),
            extra: Default::default(),
        })
    }

    /// A tool result holding text.
    pub fn tool_result(tool_use_id: impl Into<String>, text: impl Into<String>) -> ContentBlock {
        ContentBlock::ToolResult(ToolResultBlock {
            tool_use_id: tool_use_id.into(),
            content: Some(ToolResultContent::Blocks(vec![Self::text(text)])),
            is_error: None,
            common: BlockCommon::default(),
            extra: Default::default(),
        })
    }
}

/// Tool constructors: the built-ins (by `type`) and custom tools.
pub struct Tool;

impl Tool {
    /// The built-in tool of type `ty`, at the version the Workspace API documents, named as
    /// the Workspace examples name it (its type without the version).
    fn builtin(ty: &str) -> ToolSpec {
        let version = crate::vocab::tools::builtin_tool(ty).map_or(1, |t| t.version);
        ToolSpec::Tool(ToolModel {
            name: Some(ty.into()),
            kind: Some(format!("{ty}_v{version}")),
            ..ToolModel::default()
        })
    }

    /// `semantic_search_v1` (needs exactly one `ingested_artifact`).
    pub fn semantic_search() -> ToolSpec {
        Self::builtin("semantic_search")
    }

    /// `tabular_analysis_v1` (needs exactly one `ingested_artifact`).
    pub fn tabular_analysis() -> ToolSpec {
        Self::builtin("tabular_analysis")
    }

    /// `database_query_v1` (needs at least one `sql_database`).
    pub fn database_query() -> ToolSpec {
        Self::builtin("database_query")
    }

    /// `web_search_v1`.
    pub fn web_search() -> ToolSpec {
        Self::builtin("web_search")
    }

    /// `web_extract_v1` (the server's web fetch).
    pub fn web_extract() -> ToolSpec {
        Self::builtin("web_extract")
    }

    /// A custom tool: the model's calls come back to you as `tool_use` blocks.
    ///
    /// ```
    /// let t = zylon_schema::builder::Tool::custom("lookup", "Look up an order",
    ///     serde_json::json!({"type": "object", "properties": {"id": {"type": "string"}}}));
    /// assert_eq!(serde_json::to_value(&t).unwrap()["inputSchema"]["type"], "object");
    /// ```
    pub fn custom(
        name: impl Into<String>,
        description: impl Into<String>,
        input_schema: Value,
    ) -> ToolSpec {
        ToolSpec::Tool(ToolModel {
            name: Some(name.into()),
            description: Some(description.into()),
            input_schema: input_schema.as_object().cloned(),
            ..ToolModel::default()
        })
    }
}

/// `tool_context` artifact constructors.
pub struct Artifact;

impl Artifact {
    /// Ingested project artifacts of a collection.
    pub fn ingested<I: IntoIterator<Item = S>, S: Into<String>>(
        collection: impl Into<String>,
        artifacts: I,
    ) -> ArtifactModel {
        ArtifactModel::IngestedArtifact {
            context_filter: ContextFilter {
                collection: Some(collection.into()),
                artifacts: Some(artifacts.into_iter().map(Into::into).collect()),
                metadata_filter: None,
                extra: Default::default(),
            },
            extra: Default::default(),
        }
    }

    /// A SQL database (the connection string is never printed by `Debug`).
    pub fn sql_database(connection_string: impl Into<String>) -> ArtifactModel {
        ArtifactModel::SqlDatabase(SqlDatabase {
            connection_string: connection_string.into(),
            ..SqlDatabase::default()
        })
    }

    /// Inline text.
    pub fn text(value: impl Into<String>) -> ArtifactModel {
        ArtifactModel::Text {
            value: value.into(),
            extra: Default::default(),
        }
    }

    /// A URI.
    pub fn uri(value: impl Into<String>) -> ArtifactModel {
        ArtifactModel::Uri {
            value: value.into(),
            extra: Default::default(),
        }
    }
}

/// Builds a [`ChatRequest`] and validates it.
#[derive(Debug, Clone, Default)]
pub struct ChatRequestBuilder {
    request: ChatRequest,
    options: Options,
}

impl ChatRequest {
    /// Start building a request.
    pub fn builder() -> ChatRequestBuilder {
        ChatRequestBuilder::default()
    }
}

impl ChatRequestBuilder {
    /// Append a message.
    pub fn message(mut self, m: MessageInput) -> Self {
        self.request.messages.push(m);
        self
    }
    /// Append a tool.
    pub fn tool(mut self, t: ToolSpec) -> Self {
        self.request.tools.get_or_insert_with(Vec::new).push(t);
        self
    }
    /// Append an artifact to `tool_context`.
    pub fn artifact(mut self, a: ArtifactModel) -> Self {
        self.request
            .tool_context
            .get_or_insert_with(Vec::new)
            .push(a);
        self
    }
    /// Add an MCP server.
    pub fn mcp_server(mut self, s: McpServer) -> Self {
        self.request
            .mcp_servers
            .get_or_insert_with(Vec::new)
            .push(s);
        self
    }
    /// Set `tool_choice`.
    pub fn tool_choice(mut self, c: ToolChoice) -> Self {
        self.request.tool_choice = Some(c);
        self
    }
    /// Set the system prompt text.
    pub fn system(mut self, text: impl Into<String>) -> Self {
        self.request.system = Some(SystemSpec::Object(System {
            text: Some(text.into()),
            ..System::default()
        }));
        self
    }
    /// Turn thinking on or off.
    pub fn thinking(mut self, enabled: bool) -> Self {
        self.request.thinking = Some(Thinking {
            enabled: Some(enabled),
            effort: None,
            extra: Default::default(),
        });
        self
    }
    /// Ask for structured output following a JSON Schema.
    pub fn json_schema(mut self, schema: Value) -> Self {
        self.request.response_format = Some(ResponseFormat {
            kind: Some(ResponseFormatType::JsonSchema),
            json_schema: schema.as_object().cloned(),
            extra: Default::default(),
        });
        self
    }
    /// Stream the answer.
    pub fn stream(mut self, on: bool) -> Self {
        self.request.stream = Some(on);
        self
    }
    /// Temperature (0–1).
    pub fn temperature(mut self, t: f64) -> Self {
        self.request.temperature = Some(t);
        self
    }
    /// Maximum tokens to generate.
    pub fn max_tokens(mut self, n: i64) -> Self {
        self.request.max_tokens = Some(WholeNumber(n));
        self
    }
    /// Validation options for `build()` (e.g. strict mode or a model profile).
    pub fn options(mut self, options: Options) -> Self {
        self.options = options;
        self
    }
    /// The request, if the validator finds no error (warnings allowed); otherwise the report.
    pub fn build(self) -> Result<ChatRequest, Report> {
        let value = serde_json::to_value(&self.request).unwrap_or(Value::Null);
        let report = validate_value(&value, Kind::Chat, &self.options);
        if report.is_valid() {
            Ok(self.request)
        } else {
            Err(report)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PNG: &str = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

    #[test]
    fn every_builder_makes_a_valid_request() {
        let r = ChatRequest::builder()
            .system("Be brief.")
            .message(Message::with_blocks(
                Role::User,
                vec![
                    Block::image_base64(PNG, "image/png"),
                    Block::text("Where is the order?"),
                ],
            ))
            .message(Message::with_blocks(
                Role::Assistant,
                vec![Block::tool_use(
                    "t1",
                    "lookup",
                    serde_json::json!({"id": "42"}),
                )],
            ))
            .message(Message::with_blocks(
                Role::User,
                vec![
                    Block::tool_result("t1", "shipped"),
                    Block::text("When will it arrive?"),
                ],
            ))
            .tool(Tool::custom(
                "lookup",
                "Look up",
                serde_json::json!({"type": "object", "properties": {}}),
            ))
            .tool(Tool::database_query())
            .tool(Tool::web_search())
            .artifact(Artifact::sql_database("postgresql://u:secret@h/db"))
            .thinking(true)
            .stream(true)
            .temperature(0.5)
            .max_tokens(100)
            .build()
            .expect("valid");
        let v = serde_json::to_value(&r).unwrap();
        assert_eq!(v["tools"][1]["type"], "database_query_v1");
        assert_eq!(v["messages"][2]["content"][0]["tool_use_id"], "t1");
        assert!(
            !format!("{r:?}").contains("secret"),
            "Debug must not print the connection string"
        );
        let report = validate_value(&v, Kind::Chat, &Options::default());
        assert!(report.is_valid() && report.warnings.is_empty(), "{report}");
    }

    #[test]
    fn build_reports_problems() {
        let err = ChatRequest::builder()
            .message(Message::user("q"))
            .tool(Tool::semantic_search())
            .build()
            .unwrap_err();
        assert_eq!(
            err.errors[0].code,
            crate::Code::ToolInternalSemanticSearchContext
        );
        let err = ChatRequest::builder()
            .message(Message::user("q"))
            .json_schema(serde_json::json!({"type": "object", "properties": {}}))
            .tool(Tool::web_search())
            .build()
            .unwrap_err();
        assert_eq!(err.errors[0].code, crate::Code::ResponseFormatNoTools);
        let ok = ChatRequest::builder()
            .message(Message::user("q"))
            .options(Options::strict())
            .build();
        assert!(ok.is_ok());
        let strict = ChatRequest::builder()
            .message(Message::system("s"))
            .message(Message::user("q"))
            .options(Options::strict())
            .build();
        assert_eq!(
            strict.unwrap_err().errors[0].code,
            crate::Code::MessageRoleSystemExtracted
        );
    }
}
