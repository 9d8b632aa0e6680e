//! Stream events (`text/event-stream` data). Unknown events and deltas are kept.

use serde::{Deserialize, Serialize};

use super::block::SourceItem;
use super::response::{ErrorDetail, MessageOutput, OutputBlock, StopReason, Usage};
use super::{Citation, JsonObject};

/// A piece of a content block.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ContentBlockDelta {
    /// More text.
    TextDelta {
        /// The text to append.
        #[serde(default)]
        text: String,
        /// Citations to append.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        citations: Option<Vec<Citation>>,
        /// Metadata.
        #[serde(rename = "_meta", default, skip_serializing_if = "Option::is_none")]
        meta: Option<JsonObject>,
    },
    /// More reasoning.
    ThinkingDelta {
        /// The reasoning to append.
        #[serde(default)]
        thinking: String,
        /// Citations to append.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        citations: Option<Vec<Citation>>,
        /// Metadata.
        #[serde(rename = "_meta", default, skip_serializing_if = "Option::is_none")]
        meta: Option<JsonObject>,
    },
    /// More of a tool call's arguments, as JSON text (parsed when the block stops).
    InputJsonDelta {
        /// JSON text to append.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        partial_json: Option<String>,
        /// The arguments parsed so far.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        partial_json_obj: Option<JsonObject>,
        /// Metadata.
        #[serde(rename = "_meta", default, skip_serializing_if = "Option::is_none")]
        meta: Option<JsonObject>,
    },
    /// More sources.
    SourceDelta {
        /// Sources to append.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        sources: Option<Vec<SourceItem>>,
        /// Metadata.
        #[serde(rename = "_meta", default, skip_serializing_if = "Option::is_none")]
        meta: Option<JsonObject>,
    },
    /// A block of a summary.
    TldrDelta {
        /// The block to append.
        tldr: OutputBlock,
        /// Metadata.
        #[serde(rename = "_meta", default, skip_serializing_if = "Option::is_none")]
        meta: Option<JsonObject>,
    },
    /// A delta type this library does not know, kept as sent.
    #[serde(untagged)]
    Unknown(JsonObject),
}

/// Message-level changes.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MessageOutputDelta {
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
    /// Blocks to append.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<Vec<OutputBlock>>,
    /// Usage so far.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usage: Option<Usage>,
    /// Fields the model does not describe, kept as sent: they survive a round trip
    /// (`from_str` → `to_string`) unchanged.
    #[serde(flatten)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub extra: super::JsonObject,
}

/// One server-sent event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum MessageOutputEvent {
    /// The message begins.
    MessageStart {
        /// The message so far (usually without content).
        message: MessageOutput,
    },
    /// A block begins.
    ContentBlockStart {
        /// Block id, used by later deltas.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        block_id: Option<String>,
        /// The block so far.
        content_block: OutputBlock,
    },
    /// A block grows.
    ContentBlockDelta {
        /// Which block (the docs' example omits it).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        block_id: Option<String>,
        /// What to add.
        delta: ContentBlockDelta,
    },
    /// A block ends.
    ContentBlockStop {
        /// Which block.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        block_id: Option<String>,
        /// When it ended.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        stop_timestamp: Option<super::block::Timestamp>,
    },
    /// Message-level changes (stop reason, usage).
    MessageDelta {
        /// The changes.
        delta: MessageOutputDelta,
    },
    /// The message is complete.
    MessageStop {},
    /// Keep-alive.
    Ping {},
    /// The server reports an error.
    Error {
        /// What went wrong.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        error: Option<ErrorDetail>,
    },
    /// The stream is over.
    Done {},
    /// A complete block, not streamed.
    ContentBlockSynthetic {
        /// Block id.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        block_id: Option<String>,
        /// The block.
        block: OutputBlock,
    },
    /// An event type this library does not know, kept as sent.
    #[serde(untagged)]
    Unknown(JsonObject),
}
