//! The Workspace envelopes around a ChatRequest, and the thread DTOs.

use serde::{Deserialize, Serialize};

use super::ChatRequest;

/// `CreateInteractionDTO.agent`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Agent {
    /// The default agent.
    Default,
    /// Deep research over the project.
    ProjectDeepResearch,
}

/// Thread visibility.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Visibility {
    /// Visible to the project.
    Public,
    /// Visible to its creator.
    Private,
}

/// `POST /api/v1/app/project/{projectId}/chat`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(remote = "Self")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ProjectChatDto {
    /// Artifacts of the project to use.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub artifact_ids: Option<Vec<String>>,
    /// Use every artifact of the project.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub all_artifacts: Option<bool>,
    /// The chat request.
    pub pgpt: ChatRequest,
    /// Fields the model does not describe, kept as sent: they survive a round trip
    /// (`from_str` → `to_string`) unchanged.
    #[serde(flatten)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub extra: super::JsonObject,
}

/// `POST /api/v1/app/thread/{threadId}/interaction`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(remote = "Self")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CreateInteractionDto {
    /// The thread id (documented as required; the same as in the URL).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thread_id: Option<String>,
    /// Use every artifact of the project.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub all_artifacts: Option<bool>,
    /// Artifacts of the project to use.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub artifact_ids: Option<Vec<String>>,
    /// The chat request.
    pub pgpt: ChatRequest,
    /// Which agent answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agent: Option<Agent>,
    /// Fields the model does not describe, kept as sent: they survive a round trip
    /// (`from_str` → `to_string`) unchanged.
    #[serde(flatten)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub extra: super::JsonObject,
}

/// `POST /api/v1/app/project/{projectId}/thread`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(remote = "Self")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CreateThreadDto {
    /// Thread name.
    pub name: String,
    /// Who sees it.
    pub visibility: Visibility,
    /// Fields the model does not describe, kept as sent: they survive a round trip
    /// (`from_str` → `to_string`) unchanged.
    #[serde(flatten)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub extra: super::JsonObject,
}

/// `PUT /api/v1/app/thread/{threadId}`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(remote = "Self")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct UpdateThreadDto {
    /// New name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// New visibility.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visibility: Option<Visibility>,
    /// Fields the model does not describe, kept as sent: they survive a round trip
    /// (`from_str` → `to_string`) unchanged.
    #[serde(flatten)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub extra: super::JsonObject,
}

crate::object_only!(ProjectChatDto);
crate::object_only!(CreateInteractionDto);
crate::object_only!(CreateThreadDto);
crate::object_only!(UpdateThreadDto);
