//! The language bindings' own types (the npm package's `validate` options, `fix` and
//! `decodeStream` results), described from the Rust types so that their TypeScript declarations
//! are generated like the API's. Schema only: the bindings read options with
//! [`crate::check::options::from_json`] and write these results as JSON.
#![allow(dead_code)] // the types exist for their schemas

use schemars::JsonSchema;

use crate::check::{Endpoint, Issue, Kind, Profile, Report};
use crate::fix::FixResult;
use crate::model::MessageOutput;

/// `auto`: the kind is told from the body's top-level keys (the default).
#[derive(JsonSchema)]
#[serde(rename_all = "lowercase")]
enum Auto {
    /// Told from the body.
    Auto,
}

/// Which body is validated: `auto` (the default) or a kind.
#[derive(JsonSchema)]
#[serde(untagged)]
enum KindChoice {
    /// Told from the body.
    Auto(Auto),
    /// This kind.
    Kind(Kind),
}

/// The options of `validate` and `fix` (every key optional).
#[derive(JsonSchema)]
struct ValidateOptions {
    /// `auto` (default): a `pgpt` key with `thread_id`/`agent` is an interaction, another `pgpt`
    /// a project chat, `name` + `visibility` without `messages` a new thread, one of them a
    /// thread update, anything else a chat request. Responses and stream events need their kind.
    #[serde(default)]
    kind: Option<KindChoice>,
    /// Turn every warning into an error.
    #[serde(default)]
    strict: Option<bool>,
    /// Attach source spans (text input only).
    #[serde(default)]
    spans: Option<bool>,
    /// Model capabilities and limits; without it the `model.*` checks are silent.
    #[serde(default)]
    profile: Option<Profile>,
    /// Whose verdict: `validate` (default) is `/chat/validate`, which builds the built-in tools
    /// eagerly; `chat` is `POST /chat`, which builds them only with
    /// `tool_choice.validation_mode: "eager"`.
    #[serde(default)]
    endpoint: Option<Endpoint>,
}

/// What `decodeStream` returns for a captured `text/event-stream`.
#[derive(JsonSchema)]
struct DecodedStream {
    /// The message the events assemble.
    message: MessageOutput,
    /// Problems found in the stream.
    issues: Vec<Issue>,
    /// How many events it held.
    events: usize,
}

/// The bindings' types, as the properties of one root.
#[derive(JsonSchema)]
pub(super) struct BindingTypes {
    validate_options: ValidateOptions,
    fix_result: FixResult,
    decoded_stream: DecodedStream,
    report: Report,
}
