//! `tool_context` artifacts.

use serde::{Deserialize, Serialize};

/// Which artifacts a search may see.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(remote = "Self")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ContextFilter {
    /// Artifact ids (the server searches the whole collection without them).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub artifacts: Option<Vec<String>>,
    /// Collection (server default `pgpt_collection`).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "super::non_null::deserialize"
    )]
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub collection: Option<String>,
    /// Metadata filters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata_filter: Option<Vec<MetadataFilter>>,
    /// Fields the model does not describe, kept as sent: they survive a round trip
    /// (`from_str` → `to_string`) unchanged.
    #[serde(flatten)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub extra: super::JsonObject,
}

/// One metadata filter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(remote = "Self")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MetadataFilter {
    /// Metadata key.
    pub key: String,
    /// Value (a string in the Workspace spec; the server also takes numbers and lists).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<serde_json::Value>,
    /// `==` (default), `>`, `<`, `!=`, `>=`, `<=`, `in`, `nin`, or llama-index's `any`, `all`,
    /// `text_match`, `text_match_insensitive`, `contains`, `is_empty`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operator: Option<String>,
    /// Fields the model does not describe, kept as sent: they survive a round trip
    /// (`from_str` → `to_string`) unchanged.
    #[serde(flatten)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub extra: super::JsonObject,
}

/// A SQL database the `database_query` tool may query. The connection string may hold a
/// password: it is never printed (`Debug` redacts it).
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SqlDatabase {
    /// Connection string (secret).
    pub connection_string: String,
    /// What the database holds.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "super::non_null::deserialize"
    )]
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub description: Option<String>,
    /// Schemas to expose.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schemas: Option<Vec<String>>,
    /// Use SSL (default false).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "super::non_null::deserialize"
    )]
    #[cfg_attr(feature = "schema", schemars(with = "bool"))]
    pub ssl: Option<bool>,
    /// Expose tables (default true).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "super::non_null::deserialize"
    )]
    #[cfg_attr(feature = "schema", schemars(with = "bool"))]
    pub enable_tables: Option<bool>,
    /// Expose views (default true).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "super::non_null::deserialize"
    )]
    #[cfg_attr(feature = "schema", schemars(with = "bool"))]
    pub enable_views: Option<bool>,
    /// Expose procedures (default true).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "super::non_null::deserialize"
    )]
    #[cfg_attr(feature = "schema", schemars(with = "bool"))]
    pub enable_procedures: Option<bool>,
    /// Expose functions (default true).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "super::non_null::deserialize"
    )]
    #[cfg_attr(feature = "schema", schemars(with = "bool"))]
    pub enable_functions: Option<bool>,
    /// Fields the model does not describe, kept as sent: they survive a round trip
    /// (`from_str` → `to_string`) unchanged.
    #[serde(flatten)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub extra: super::JsonObject,
}

impl std::fmt::Debug for SqlDatabase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SqlDatabase")
            .field("connection_string", &"<redacted>")
            .field("description", &self.description)
            .field("schemas", &self.schemas)
            .field("ssl", &self.ssl)
            .finish_non_exhaustive()
    }
}

/// An artifact for the tools, tagged by `type`. The Workspace spec shows content-block fields
/// for `file` and `text` (a schema-name collision); the server reads `value`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(remote = "Self")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Artifact {
    /// A file: `value` is strict base64 of its bytes.
    File {
        /// Base64 bytes.
        value: String,
        /// Fields the model does not describe, kept as sent.
        #[serde(flatten)]
        #[cfg_attr(feature = "schema", schemars(skip))]
        extra: super::JsonObject,
    },
    /// A URI the tools may read.
    Uri {
        /// The URI.
        value: String,
        /// Fields the model does not describe, kept as sent.
        #[serde(flatten)]
        #[cfg_attr(feature = "schema", schemars(skip))]
        extra: super::JsonObject,
    },
    /// Inline text.
    Text {
        /// The text.
        value: String,
        /// Fields the model does not describe, kept as sent.
        #[serde(flatten)]
        #[cfg_attr(feature = "schema", schemars(skip))]
        extra: super::JsonObject,
    },
    /// Ingested project artifacts (needed by `semantic_search` / `tabular_analysis`: exactly one).
    IngestedArtifact {
        /// Which artifacts.
        context_filter: ContextFilter,
        /// Fields the model does not describe, kept as sent.
        #[serde(flatten)]
        #[cfg_attr(feature = "schema", schemars(skip))]
        extra: super::JsonObject,
    },
    /// A SQL database (needed by `database_query`: at least one).
    SqlDatabase(SqlDatabase),
    /// Server-only: skills.
    Skill {
        /// `{collection, skill_or_version_ids?}`.
        skill_filter: serde_json::Map<String, serde_json::Value>,
        /// Fields the model does not describe, kept as sent.
        #[serde(flatten)]
        #[cfg_attr(feature = "schema", schemars(skip))]
        extra: super::JsonObject,
    },
}

// The derived (remote = "Self") code is called only after checking that `type` is a string:
// serde's internally tagged enums would otherwise accept a variant index (`"type": 7`).
impl Serialize for Artifact {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        Artifact::serialize(self, s)
    }
}

impl<'de> Deserialize<'de> for Artifact {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let v = serde_json::Value::deserialize(d)?;
        if !v.get("type").is_some_and(serde_json::Value::is_string) {
            return Err(serde::de::Error::custom("`type` must be a string"));
        }
        Artifact::deserialize(v).map_err(serde::de::Error::custom)
    }
}

crate::object_only!(ContextFilter);
crate::object_only!(MetadataFilter);
