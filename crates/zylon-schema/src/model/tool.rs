//! Tools and `tool_choice`.

use serde::{Deserialize, Serialize};

use super::tool_context::Artifact;
use super::JsonObject;

/// A tool the model may call: a built-in (recognised by `type`, e.g. `semantic_search_v1`) or a
/// custom client tool (`name` + `inputSchema`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(remote = "Self")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
// A tool without `type` is a custom tool, which needs a `name`.
#[cfg_attr(feature = "schema", schemars(extend(
    "if" = { "not": { "required": ["type"], "properties": { "type": { "type": "string" } } } },
    "then" = { "required": ["name"], "properties": { "name": { "type": "string" } } }
)))]
pub struct Tool {
    /// Tool name; required for custom tools, unique across the list. Built-ins default to their
    /// canonical name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Built-in tool type (`semantic_search_v1`, `web_search_v1`, ...); anything else is a custom tool.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// What the tool does (ignored on built-ins).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// JSON Schema of the arguments (a JSON object; ignored on built-ins).
    #[serde(
        rename = "inputSchema",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub input_schema: Option<JsonObject>,
    /// Server-only spelling of `inputSchema`.
    #[serde(
        rename = "input_schema",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub input_schema_alias: Option<JsonObject>,
    /// Server-only per-tool artifacts (overrides `tool_context`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<Vec<Artifact>>,
    /// Fields the model does not describe, kept as sent: they survive a round trip
    /// (`from_str` → `to_string`) unchanged.
    #[serde(flatten)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub extra: super::JsonObject,
}

/// A tool entry: an object, or (server-only) the bare type string of a built-in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum ToolSpec {
    /// A tool object.
    Tool(Tool),
    /// A built-in type as a string (`"web_search_v1"`), server-only.
    BuiltinType(BuiltinTypeName),
}

/// A built-in tool type given as a bare string (only the server's built-in types are accepted).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct BuiltinTypeName(pub String);

impl<'de> Deserialize<'de> for BuiltinTypeName {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        if crate::vocab::tools::is_builtin_type_string(&s) {
            Ok(BuiltinTypeName(s))
        } else {
            Err(serde::de::Error::custom(format!(
                "`{s}` is not a built-in tool type"
            )))
        }
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for BuiltinTypeName {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "BuiltinTypeName".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": crate::vocab::tools::builtin_type_pattern(),
            "description": "A built-in tool type given as a bare string (server-only)."
        })
    }
}

/// How the model may use tools.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum ToolChoiceType {
    /// The model decides (default).
    Auto,
    /// The model must use some tool.
    Any,
    /// The model must use the tool named in `name`.
    Tool,
    /// No tools: the server removes them all.
    None,
}

/// `tool_choice`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(remote = "Self")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
// `tool_choice` of type `tool` names the tool.
#[cfg_attr(feature = "schema", schemars(extend(
    "if" = { "required": ["type"], "properties": { "type": { "const": "tool" } } },
    "then" = { "required": ["name"], "properties": { "name": { "type": "string" } } }
)))]
pub struct ToolChoice {
    /// The choice (default `auto`).
    #[serde(
        rename = "type",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "super::non_null::deserialize"
    )]
    #[cfg_attr(feature = "schema", schemars(with = "ToolChoiceType"))]
    pub kind: Option<ToolChoiceType>,
    /// With `tool`: the name of one of the tools.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Forbid parallel tool calls.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "super::non_null::deserialize"
    )]
    #[cfg_attr(feature = "schema", schemars(with = "bool"))]
    pub disable_parallel_tool_use: Option<bool>,
    /// Server-only: `eager` or `lazy` artifact validation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub validation_mode: Option<String>,
    /// Fields the model does not describe, kept as sent: they survive a round trip
    /// (`from_str` → `to_string`) unchanged.
    #[serde(flatten)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub extra: super::JsonObject,
}

/// The built-in tool registry (defined once, in [`crate::vocab::tools`]).
pub use crate::vocab::tools::{BuiltinTool, Needs, BUILTIN_TOOLS};

crate::object_only!(Tool);
crate::object_only!(ToolChoice);
