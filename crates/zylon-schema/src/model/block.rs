//! Content blocks: the ten Workspace block types, plus the server-only types kept opaque.

use serde::{Deserialize, Serialize};

use super::JsonObject;

/// A block timestamp: an ISO-8601 date-time string (what the Workspace spec shows) or a Unix
/// time in seconds (also accepted by the server).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum Timestamp {
    /// ISO-8601, e.g. `2026-02-08T14:41:10Z`.
    Iso(String),
    /// Seconds since the Unix epoch.
    Unix(f64),
}

/// Fields every block may carry.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct BlockCommon {
    /// When the block started (ISO-8601 date-time; the server rejects other strings).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_timestamp: Option<Timestamp>,
    /// When the block ended (ISO-8601 date-time).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stop_timestamp: Option<Timestamp>,
    /// Free metadata; the server keeps it with the block.
    #[serde(
        rename = "_meta",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "super::non_null::deserialize"
    )]
    #[cfg_attr(feature = "schema", schemars(with = "JsonObject"))]
    pub meta: Option<JsonObject>,
}

/// A citation attached to text (or to `system.citations.known_citations`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(remote = "Self")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Citation {
    /// Citation id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Position of the citation; an integer on the server (numeric strings are converted).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub index: Option<serde_json::Value>,
    /// The cited artifact.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub artifact_id: Option<String>,
    /// The cited source within the artifact.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_id: Option<String>,
    /// Listed by the Workspace spec; ignored by the server.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub correlation_id: Option<String>,
    /// Fields the model does not describe, kept as sent: they survive a round trip
    /// (`from_str` → `to_string`) unchanged.
    #[serde(flatten)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub extra: super::JsonObject,
}

/// `text`: plain text with optional citations.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TextBlock {
    /// The text (defaults to empty on the server). The last user message needs non-blank text.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "super::non_null::deserialize"
    )]
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub text: Option<String>,
    /// Citations for this text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub citations: Option<Vec<Citation>>,
    /// Timestamps and `_meta`.
    #[serde(flatten)]
    pub common: BlockCommon,
    /// Fields the model does not describe, kept as sent: they survive a round trip
    /// (`from_str` → `to_string`) unchanged.
    #[serde(flatten)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub extra: super::JsonObject,
}

/// `image` / `audio`: media as base64, a `data:` URI or a URL.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
// `data` is required unless a server-only alternative (`url`, `uri`, `source`) is given.
#[cfg_attr(feature = "schema", schemars(extend(
    "if" = { "not": { "anyOf": [
        { "required": ["url"], "properties": { "url": { "not": { "type": "null" } } } },
        { "required": ["uri"], "properties": { "uri": { "not": { "type": "null" } } } },
        { "required": ["source"], "properties": { "source": { "not": { "type": "null" } } } }
    ] } },
    "then" = { "required": ["data"], "properties": { "data": { "type": "string" } } }
)))]
pub struct MediaBlock {
    /// Strict base64, a `data:` URI or a `scheme://` URL (downloaded by the server). Anything
    /// else is read by the server as a file path and fails.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data: Option<String>,
    /// Media type. Optional in the Workspace spec, but the server needs it with `data`. Images
    /// outside jpeg/png/gif/webp are relabelled `image/png`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mime_type: Option<String>,
    /// Server-only alternative to `data`: a URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Server-only alternative to `data`: a URI.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uri: Option<String>,
    /// Server-only Anthropic-style `source` object.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<JsonObject>,
    /// Timestamps and `_meta`.
    #[serde(flatten)]
    pub common: BlockCommon,
    /// Fields the model does not describe, kept as sent: they survive a round trip
    /// (`from_str` → `to_string`) unchanged.
    #[serde(flatten)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub extra: super::JsonObject,
}

/// `binary`: any file as base64, a `data:` URI or a URL, with its media type.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct BinaryBlock {
    /// The payload (strict base64, `data:` URI or URL).
    pub data: String,
    /// Media type (required).
    pub mime_type: String,
    /// Optional file name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filename: Option<String>,
    /// Timestamps and `_meta`.
    #[serde(flatten)]
    pub common: BlockCommon,
    /// Fields the model does not describe, kept as sent: they survive a round trip
    /// (`from_str` → `to_string`) unchanged.
    #[serde(flatten)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub extra: super::JsonObject,
}

/// File metadata.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(remote = "Self")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DocMetadata {
    /// File name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_name: Option<String>,
    /// File type (extension).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_type: Option<String>,
    /// Fields the model does not describe, kept as sent: they survive a round trip
    /// (`from_str` → `to_string`) unchanged.
    #[serde(flatten)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub extra: super::JsonObject,
}

/// `file`: a Workspace document block. The chat server has no such block (a warning): it works
/// only if the Workspace backend translates it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FileBlock {
    /// Base64 or text content.
    pub content: String,
    /// Media type of the content.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_type: Option<String>,
    /// File name and type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doc_metadata: Option<DocMetadata>,
    /// Timestamps and `_meta`.
    #[serde(flatten)]
    pub common: BlockCommon,
    /// Fields the model does not describe, kept as sent: they survive a round trip
    /// (`from_str` → `to_string`) unchanged.
    #[serde(flatten)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub extra: super::JsonObject,
}

/// `source`: retrieved sources (chunks and websites). The server reads items keyed by `object`
/// (`context.chunk` / `context.website`); Workspace-style items keyed by `type` are a warning.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SourceBlock {
    /// The sources (required by the server).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sources: Option<Vec<SourceItem>>,
    /// Timestamps and `_meta`.
    #[serde(flatten)]
    pub common: BlockCommon,
    /// Fields the model does not describe, kept as sent: they survive a round trip
    /// (`from_str` → `to_string`) unchanged.
    #[serde(flatten)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub extra: super::JsonObject,
}

/// One source: a chunk of an ingested document or a website.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(remote = "Self")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SourceItem {
    /// `context.chunk` or `context.website` (server spelling).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object: Option<String>,
    /// `context.chunk` or `context.website` (Workspace docs spelling).
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Source id (required for websites).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Relevance score of a chunk (−0.01 … 1.01).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<f64>,
    /// The chunk's document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<SourceDocument>,
    /// Chunk text.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "super::non_null::deserialize"
    )]
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub text: Option<String>,
    /// Content type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_type: Option<String>,
    /// Text before the chunk.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous_texts: Option<Vec<String>>,
    /// Text after the chunk.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_texts: Option<Vec<String>>,
    /// Free metadata (title, page, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<JsonObject>,
    /// Website URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Website favicon.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub favicon_url: Option<String>,
    /// Website title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Website description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Website content.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<String>,
    /// Fields the model does not describe, kept as sent: they survive a round trip
    /// (`from_str` → `to_string`) unchanged.
    #[serde(flatten)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub extra: super::JsonObject,
}

/// The document a chunk comes from.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(remote = "Self")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SourceDocument {
    /// `ingest.document` on the server (`artifact` in the Workspace docs).
    pub object: String,
    /// Artifact id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub artifact: Option<String>,
    /// File metadata.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doc_metadata: Option<DocMetadata>,
    /// Fields the model does not describe, kept as sent: they survive a round trip
    /// (`from_str` → `to_string`) unchanged.
    #[serde(flatten)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub extra: super::JsonObject,
}

/// `tldr`: a summary of earlier turns (assistant messages only; basic blocks inside).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TldrBlock {
    /// The summary blocks (required by the Workspace spec; defaults to empty on the server).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "super::non_null::deserialize"
    )]
    #[cfg_attr(feature = "schema", schemars(with = "Vec<ContentBlock>"))]
    pub content: Option<Vec<ContentBlock>>,
    /// Server-only side (`left`/`right`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tldr_side: Option<String>,
    /// Timestamps and `_meta`.
    #[serde(flatten)]
    pub common: BlockCommon,
    /// Fields the model does not describe, kept as sent: they survive a round trip
    /// (`from_str` → `to_string`) unchanged.
    #[serde(flatten)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub extra: super::JsonObject,
}

/// `thinking`: the model's reasoning, sent back with its signature.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ThinkingBlock {
    /// The reasoning text.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "super::non_null::deserialize"
    )]
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub thinking: Option<String>,
    /// The signature the server requires (absent from the Workspace spec: a warning).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature: Option<String>,
    /// Citations.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub citations: Option<Vec<Citation>>,
    /// Timestamps and `_meta`.
    #[serde(flatten)]
    pub common: BlockCommon,
    /// Fields the model does not describe, kept as sent: they survive a round trip
    /// (`from_str` → `to_string`) unchanged.
    #[serde(flatten)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub extra: super::JsonObject,
}

/// `tool_use`: a tool call made by the assistant; every one needs a later `tool_result`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ToolUseBlock {
    /// Call id, `^[a-zA-Z0-9_-]+$`, unique in the request.
    pub id: String,
    /// Tool name, 1–200 characters.
    pub name: String,
    /// Arguments (an object, may be empty).
    pub input: JsonObject,
    /// Timestamps and `_meta`.
    #[serde(flatten)]
    pub common: BlockCommon,
    /// Fields the model does not describe, kept as sent: they survive a round trip
    /// (`from_str` → `to_string`) unchanged.
    #[serde(flatten)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub extra: super::JsonObject,
}

/// The content of a tool result: blocks, or (server-only) a plain string.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum ToolResultContent {
    /// Result blocks (the Workspace form).
    Blocks(Vec<ContentBlock>),
    /// A plain string (server-only; a warning).
    Text(String),
}

/// `tool_result`: the answer to an earlier `tool_use`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ToolResultBlock {
    /// The id of the `tool_use` it answers.
    pub tool_use_id: String,
    /// The result (the server sends "No content" when missing).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "super::non_null::deserialize"
    )]
    #[cfg_attr(feature = "schema", schemars(with = "ToolResultContent"))]
    pub content: Option<ToolResultContent>,
    /// Whether the tool failed.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "super::non_null::deserialize"
    )]
    #[cfg_attr(feature = "schema", schemars(with = "bool"))]
    pub is_error: Option<bool>,
    /// Timestamps and `_meta`.
    #[serde(flatten)]
    pub common: BlockCommon,
    /// Fields the model does not describe, kept as sent: they survive a round trip
    /// (`from_str` → `to_string`) unchanged.
    #[serde(flatten)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub extra: super::JsonObject,
}

/// Block types the server accepts that the Workspace spec does not list (a warning); kept opaque.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum PgptOnlyType {
    Document,
    RedactedThinking,
    ServerToolUse,
    ServerToolResult,
    SearchResult,
    ContainerUpload,
    MidConvSystem,
    LocalResource,
    ResourceLink,
    Resource,
    WebSearchResult,
    WebFetchResult,
    WebSearchToolResult,
    WebFetchToolResult,
    BashCodeExecutionResult,
    BashCodeExecutionToolResult,
    BashCodeExecutionToolResultError,
    TextEditorCodeExecutionToolResult,
    TextEditorCodeExecutionToolResultError,
    TextEditorCodeExecutionViewResult,
    TextEditorCodeExecutionCreateResult,
    TextEditorCodeExecutionStrReplaceResult,
}

impl<'de> Deserialize<'de> for PgptOnlyType {
    /// Only the type names (strings) are accepted, never a variant index.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let name = std::borrow::Cow::<'de, str>::deserialize(d)?;
        let v = serde_json::Value::String(name.into_owned());
        let text = v.as_str().unwrap_or_default().to_string();
        Self::ALL
            .iter()
            .copied()
            .find(|t| serde_json::to_value(t).ok().as_ref() == Some(&v))
            .ok_or_else(|| serde::de::Error::custom(format!("unknown block type `{text}`")))
    }
}

impl PgptOnlyType {
    /// Every server-only block type.
    pub const ALL: [PgptOnlyType; 22] = [
        PgptOnlyType::Document,
        PgptOnlyType::RedactedThinking,
        PgptOnlyType::ServerToolUse,
        PgptOnlyType::ServerToolResult,
        PgptOnlyType::SearchResult,
        PgptOnlyType::ContainerUpload,
        PgptOnlyType::MidConvSystem,
        PgptOnlyType::LocalResource,
        PgptOnlyType::ResourceLink,
        PgptOnlyType::Resource,
        PgptOnlyType::WebSearchResult,
        PgptOnlyType::WebFetchResult,
        PgptOnlyType::WebSearchToolResult,
        PgptOnlyType::WebFetchToolResult,
        PgptOnlyType::BashCodeExecutionResult,
        PgptOnlyType::BashCodeExecutionToolResult,
        PgptOnlyType::BashCodeExecutionToolResultError,
        PgptOnlyType::TextEditorCodeExecutionToolResult,
        PgptOnlyType::TextEditorCodeExecutionToolResultError,
        PgptOnlyType::TextEditorCodeExecutionViewResult,
        PgptOnlyType::TextEditorCodeExecutionCreateResult,
        PgptOnlyType::TextEditorCodeExecutionStrReplaceResult,
    ];
}

/// A server-only block, kept as sent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PgptOnlyBlock {
    /// The block type.
    #[serde(rename = "type")]
    pub kind: PgptOnlyType,
    /// Every other field, unchanged.
    #[serde(flatten)]
    pub fields: JsonObject,
}

/// A content block, tagged by `type`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(remote = "Self")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ContentBlock {
    /// Plain text.
    Text(TextBlock),
    /// An image.
    Image(MediaBlock),
    /// Audio.
    Audio(MediaBlock),
    /// Any file with its media type.
    Binary(BinaryBlock),
    /// A Workspace document block (unknown to the chat server).
    File(FileBlock),
    /// Retrieved sources.
    Source(SourceBlock),
    /// A summary of earlier turns.
    Tldr(TldrBlock),
    /// Model reasoning.
    Thinking(ThinkingBlock),
    /// A tool call.
    ToolUse(ToolUseBlock),
    /// A tool result.
    ToolResult(ToolResultBlock),
    /// A server-only block type.
    #[serde(untagged)]
    PgptOnly(PgptOnlyBlock),
}

// The derived (remote = "Self") code is called only after checking that `type` is a string:
// serde's internally tagged enums would otherwise accept a variant index (`"type": 7`).
impl Serialize for ContentBlock {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        ContentBlock::serialize(self, s)
    }
}

impl<'de> Deserialize<'de> for ContentBlock {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let v = serde_json::Value::deserialize(d)?;
        if !v.get("type").is_some_and(serde_json::Value::is_string) {
            return Err(serde::de::Error::custom("`type` must be a string"));
        }
        ContentBlock::deserialize(v).map_err(serde::de::Error::custom)
    }
}

crate::object_only!(Citation);
crate::object_only!(DocMetadata);
crate::object_only!(SourceItem);
crate::object_only!(SourceDocument);
