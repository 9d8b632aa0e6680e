//! The ChatRequest (`pgpt`): the body of `POST /api/v1/app/chat` and the `pgpt` of the envelopes.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{
    Artifact, JsonObject, McpServer, MessageInput, System, Thinking, ToolChoice, ToolSpec,
};

/// A whole number. The server accepts integral floats (`100.0`) and rejects fractions (`1.5`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct WholeNumber(pub i64);

impl Serialize for WholeNumber {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_i64(self.0)
    }
}

impl<'de> Deserialize<'de> for WholeNumber {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let n = serde_json::Number::deserialize(d)?;
        if let Some(i) = n.as_i64() {
            return Ok(WholeNumber(i));
        }
        // a whole float as the server reads it (pydantic-core's `float_as_int`)
        if let Some(i) = n.as_f64().and_then(crate::check::float_as_int) {
            return Ok(WholeNumber(i));
        }
        match n.as_f64() {
            Some(f) if f.fract() == 0.0 || n.is_u64() => Err(serde::de::Error::custom(
                "expected a whole number from -2^63 to 2^63 - 1 (a 64-bit integer)",
            )),
            _ => Err(serde::de::Error::custom(
                "expected a whole number, got a number with a fractional part",
            )),
        }
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for WholeNumber {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "WholeNumber".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "integer",
            "description": "A whole number (`100.0` is accepted, `1.5` is not)."
        })
    }
}

/// `response_format.type`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ResponseFormatType {
    /// Free text (default).
    Text,
    /// Structured output following `json_schema` (excludes tools, MCP servers and citations).
    JsonSchema,
}

/// Structured output.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(remote = "Self")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ResponseFormat {
    /// `text` (default) or `json_schema`.
    #[serde(
        rename = "type",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "super::non_null::deserialize"
    )]
    #[cfg_attr(feature = "schema", schemars(with = "ResponseFormatType"))]
    pub kind: Option<ResponseFormatType>,
    /// The schema of the answer: non-empty, with a `type` (objects need `properties`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub json_schema: Option<JsonObject>,
    /// Fields the model does not describe, kept as sent: they survive a round trip
    /// (`from_str` → `to_string`) unchanged.
    #[serde(flatten)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub extra: super::JsonObject,
}

/// `system`: one object (the Workspace form) or, server-only, a string or a list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum SystemSpec {
    /// The Workspace form.
    Object(System),
    /// Server-only: the prompt text.
    Text(String),
    /// Server-only: entries merged by the server.
    List(
        #[cfg_attr(feature = "schema", schemars(with = "Vec<SystemListEntry>"))]
        Vec<serde_json::Value>,
    ),
}

/// An entry of a `system` list, as the server reads it (the schema's view of the entries the
/// model keeps as JSON values).
#[cfg(feature = "schema")]
#[derive(schemars::JsonSchema)]
#[allow(dead_code)] // only its schema is used
#[serde(untagged)]
enum SystemListEntry {
    /// Prompt text.
    Text(String),
    /// An object of the Workspace form.
    Object(System),
}

/// A chat request.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(remote = "Self")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ChatRequest {
    /// The conversation (not empty); the last user message needs non-blank text.
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub messages: Vec<MessageInput>,
    /// Stream the answer as server-sent events.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "super::non_null::deserialize"
    )]
    #[cfg_attr(feature = "schema", schemars(with = "bool"))]
    pub stream: Option<bool>,
    /// Tools the model may call.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tools: Option<Vec<ToolSpec>>,
    /// How the model may use the tools.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "super::non_null::deserialize"
    )]
    #[cfg_attr(feature = "schema", schemars(with = "ToolChoice"))]
    pub tool_choice: Option<ToolChoice>,
    /// MCP servers whose tools the model may call.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "super::non_null::deserialize"
    )]
    #[cfg_attr(feature = "schema", schemars(with = "Vec<McpServer>"))]
    pub mcp_servers: Option<Vec<McpServer>>,
    /// Structured output.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "super::non_null::deserialize"
    )]
    #[cfg_attr(feature = "schema", schemars(with = "ResponseFormat"))]
    pub response_format: Option<ResponseFormat>,
    /// System prompt and flags.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub system: Option<SystemSpec>,
    /// Deep thinking.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "super::non_null::deserialize"
    )]
    #[cfg_attr(feature = "schema", schemars(with = "Thinking"))]
    pub thinking: Option<Thinking>,
    /// Scheduling priority (whole number).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<WholeNumber>,
    /// Sampling seed (negative values are dropped by the server).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seed: Option<WholeNumber>,
    /// Min-p sampling (negative values are dropped by the server).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_p: Option<f64>,
    /// Nucleus sampling, 0–1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(range(min = 0.0, max = 1.0)))]
    pub top_p: Option<f64>,
    /// Temperature, 0–1 (the server rejects values outside).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(range(min = 0.0, max = 1.0)))]
    pub temperature: Option<f64>,
    /// Top-k sampling, ≥ 0.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(range(min = 0)))]
    pub top_k: Option<WholeNumber>,
    /// Repetition penalty (negative values are dropped by the server).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repetition_penalty: Option<f64>,
    /// Presence penalty (negative values are dropped by the server).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub presence_penalty: Option<f64>,
    /// Frequency penalty (negative values are dropped by the server).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frequency_penalty: Option<f64>,
    /// Maximum tokens to generate (≤ 0 means the server default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_tokens: Option<WholeNumber>,
    /// Your id for this request (a string).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub correlation_id: Option<String>,
    /// Artifacts for the built-in tools (needs `tools`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tool_context: Option<Vec<Artifact>>,
    /// Fields the model does not describe, kept as sent: they survive a round trip
    /// (`from_str` → `to_string`) unchanged.
    #[serde(flatten)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub extra: super::JsonObject,
}

crate::object_only!(ResponseFormat);
crate::object_only!(ChatRequest);

#[cfg(test)]
mod tests {
    use super::WholeNumber;

    fn read(text: &str) -> Result<i64, String> {
        serde_json::from_str::<WholeNumber>(text)
            .map(|w| w.0)
            .map_err(|e| e.to_string())
    }

    /// Whole floats are read as the server reads them: strictly inside ±2^63, exactly.
    #[test]
    fn whole_numbers_read_as_the_server_reads_them() {
        assert_eq!(read("-9223372036854775808"), Ok(i64::MIN));
        assert_eq!(read("100.0"), Ok(100));
        assert_eq!(read("9223372036854774784.0"), Ok(9_223_372_036_854_774_784));
        assert_eq!(read("-9.1e18"), Ok(-9_100_000_000_000_000_000));
        for out in [
            "-9223372036854775808.0",
            "9223372036854775807.0",
            "1e19",
            "18446744073709551615",
        ] {
            let e = read(out).unwrap_err();
            assert!(e.contains("from -2^63 to 2^63 - 1"), "{out}: {e}");
        }
        assert!(read("1.5").unwrap_err().contains("fractional part"));
    }
}
