//! `system` and `thinking`.

use serde::{Deserialize, Serialize};

use super::Citation;

/// Citation settings.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(remote = "Self")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SystemCitations {
    /// Ask the model to cite sources (not allowed with structured output).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "super::non_null::deserialize"
    )]
    #[cfg_attr(feature = "schema", schemars(with = "bool"))]
    pub enabled: Option<bool>,
    /// Citations already known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub known_citations: Option<Vec<Citation>>,
    /// Fields the model does not describe, kept as sent: they survive a round trip
    /// (`from_str` → `to_string`) unchanged.
    #[serde(flatten)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub extra: super::JsonObject,
}

/// System extensions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum SystemExtension {
    /// Zylon's extension set.
    Zylon,
}

/// The system prompt and its flags.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(remote = "Self")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct System {
    /// Deprecated: the server only logs a warning.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "super::non_null::deserialize"
    )]
    #[cfg_attr(feature = "schema", schemars(with = "bool"))]
    pub use_default_prompt: Option<bool>,
    /// System prompt text (system-role messages are appended to it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Citation settings.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "super::non_null::deserialize"
    )]
    #[cfg_attr(feature = "schema", schemars(with = "SystemCitations"))]
    pub citations: Option<SystemCitations>,
    /// Extensions.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "super::non_null::deserialize"
    )]
    #[cfg_attr(feature = "schema", schemars(with = "Vec<SystemExtension>"))]
    pub extensions: Option<Vec<SystemExtension>>,
    /// Fields the model does not describe, kept as sent: they survive a round trip
    /// (`from_str` → `to_string`) unchanged.
    #[serde(flatten)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub extra: super::JsonObject,
}

/// Deep thinking.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(remote = "Self")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Thinking {
    /// Turn reasoning on (the model must support it).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "super::non_null::deserialize"
    )]
    #[cfg_attr(feature = "schema", schemars(with = "bool"))]
    pub enabled: Option<bool>,
    /// Server-only, deprecated: `low`, `medium`, `high`, `max`, `xhigh`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effort: Option<String>,
    /// Fields the model does not describe, kept as sent: they survive a round trip
    /// (`from_str` → `to_string`) unchanged.
    #[serde(flatten)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub extra: super::JsonObject,
}

crate::object_only!(System);
crate::object_only!(SystemCitations);
crate::object_only!(Thinking);
