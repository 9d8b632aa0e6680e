//! MCP servers.

use serde::{Deserialize, Serialize};

/// Which tools of an MCP server are offered.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(remote = "Self")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ToolConfiguration {
    /// `false` offers no tool of this server (default true).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "super::non_null::deserialize"
    )]
    #[cfg_attr(feature = "schema", schemars(with = "bool"))]
    pub enabled: Option<bool>,
    /// Only these tools are kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowed_tools: Option<Vec<String>>,
    /// Fields the model does not describe, kept as sent: they survive a round trip
    /// (`from_str` → `to_string`) unchanged.
    #[serde(flatten)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub extra: super::JsonObject,
}

/// An MCP server the model may use. Tokens and secrets are never printed (`Debug` redacts them).
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(remote = "Self")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct McpServer {
    /// Server URL (contacted by the server for every request).
    pub url: String,
    /// Display name (default `mcp`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Bearer token (secret).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authorization_token: Option<String>,
    /// Tool filter.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "super::non_null::deserialize"
    )]
    #[cfg_attr(feature = "schema", schemars(with = "ToolConfiguration"))]
    pub tool_configuration: Option<ToolConfiguration>,
    /// Listed by the Workspace spec; ignored by the server.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Server-only OAuth refresh token (secret; needs `client_id`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refresh_token: Option<String>,
    /// Server-only OAuth client id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_id: Option<String>,
    /// Server-only OAuth client secret (secret).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_secret: Option<String>,
    /// Server-only: `none`, `client_secret_basic` or `client_secret_post`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token_endpoint_auth_method: Option<String>,
    /// Fields the model does not describe, kept as sent: they survive a round trip
    /// (`from_str` → `to_string`) unchanged.
    #[serde(flatten)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub extra: super::JsonObject,
}

impl std::fmt::Debug for McpServer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let redact = |s: &Option<String>| s.as_ref().map(|_| "<redacted>");
        f.debug_struct("McpServer")
            .field("url", &self.url)
            .field("name", &self.name)
            .field("authorization_token", &redact(&self.authorization_token))
            .field("tool_configuration", &self.tool_configuration)
            .field("refresh_token", &redact(&self.refresh_token))
            .field("client_id", &self.client_id)
            .field("client_secret", &redact(&self.client_secret))
            .finish_non_exhaustive()
    }
}

crate::object_only!(McpServer);
crate::object_only!(ToolConfiguration);
