//! What to validate and how: the body [`Kind`], [`Options`] and the optional server [`Profile`].

use serde::{Deserialize, Serialize};

/// Which request body is being validated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Kind {
    /// A ChatRequest (`pgpt`): the body of `POST /api/v1/app/chat` and `/chat/validate`.
    #[default]
    Chat,
    /// `CreateInteractionDTO`: `POST /api/v1/app/thread/{threadId}/interaction`.
    Interaction,
    /// `ProjectChatDTO`: `POST /api/v1/app/project/{projectId}/chat`.
    ProjectChat,
    /// `CreateThreadDTO`: `POST /api/v1/app/project/{projectId}/thread`.
    Thread,
    /// `UpdateThreadDTO`: `PUT /api/v1/app/thread/{threadId}`.
    ThreadUpdate,
    /// Response: an `InteractionDTO` (`GET /api/v1/app/interaction/{id}`, or the interaction POST).
    InteractionResponse,
    /// Response: a `MessageOutput` (an interaction's `assistant_output`).
    MessageOutput,
    /// Response: the one-shot chat reply `{id, role, content}`.
    ChatResponse,
    /// Response: a page envelope `{data, has_next_page, has_previous_page, ...}`.
    Page,
    /// Response: one stream event (`MessageOutputEvent`).
    StreamEvent,
}

impl Kind {
    /// The request bodies.
    pub const REQUESTS: [Kind; 5] = [
        Kind::Chat,
        Kind::Interaction,
        Kind::ProjectChat,
        Kind::Thread,
        Kind::ThreadUpdate,
    ];

    /// The responses (validated leniently: unknown values are kept).
    pub const RESPONSES: [Kind; 5] = [
        Kind::InteractionResponse,
        Kind::MessageOutput,
        Kind::ChatResponse,
        Kind::Page,
        Kind::StreamEvent,
    ];

    /// Every kind, requests first.
    pub const ALL: [Kind; 10] = [
        Kind::Chat,
        Kind::Interaction,
        Kind::ProjectChat,
        Kind::Thread,
        Kind::ThreadUpdate,
        Kind::InteractionResponse,
        Kind::MessageOutput,
        Kind::ChatResponse,
        Kind::Page,
        Kind::StreamEvent,
    ];

    /// Whether this kind is a response (lenient validation).
    pub const fn is_response(self) -> bool {
        matches!(
            self,
            Kind::InteractionResponse
                | Kind::MessageOutput
                | Kind::ChatResponse
                | Kind::Page
                | Kind::StreamEvent
        )
    }

    /// The CLI / npm name of the kind (`chat`, `interaction`, `project-chat`, `thread`, `thread-update`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Kind::Chat => "chat",
            Kind::Interaction => "interaction",
            Kind::ProjectChat => "project-chat",
            Kind::Thread => "thread",
            Kind::ThreadUpdate => "thread-update",
            Kind::InteractionResponse => "interaction-response",
            Kind::MessageOutput => "message-output",
            Kind::ChatResponse => "chat-response",
            Kind::Page => "page",
            Kind::StreamEvent => "stream-event",
        }
    }
}

impl std::str::FromStr for Kind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Kind::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| {
                format!("unknown kind `{s}` (expected chat, interaction, project-chat, thread, thread-update, or a response kind: interaction-response, message-output, chat-response, page, stream-event)")
            })
    }
}

impl std::fmt::Display for Kind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Which endpoint's verdict to give. They differ only where the server builds the built-in
/// tools: `/chat/validate` builds them eagerly (RULES.md `validate.eager_tools`), so problems
/// in what a retrieval tool reads (metadata filters, an empty collection) reject the body;
/// `POST /chat` builds them only when `tool_choice.validation_mode` is `eager` (the default is
/// `lazy`), and otherwise meets those problems when the model calls the tool.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Endpoint {
    /// `POST /api/v1/app/chat/validate` (the default).
    #[default]
    Validate,
    /// `POST /api/v1/app/chat` (and the envelopes that carry a chat).
    Chat,
}

impl Endpoint {
    /// The option's value: `validate` or `chat`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Endpoint::Validate => "validate",
            Endpoint::Chat => "chat",
        }
    }

    fn is_default(&self) -> bool {
        *self == Endpoint::Validate
    }
}

impl std::str::FromStr for Endpoint {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "validate" => Ok(Endpoint::Validate),
            "chat" => Ok(Endpoint::Chat),
            _ => Err(format!(
                "unknown endpoint `{s}` (expected `validate` or `chat`)"
            )),
        }
    }
}

/// Validation options.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Options {
    /// Turn every warning into an error.
    pub strict: bool,
    /// Attach a source [`Span`](crate::Span) to every issue (text input only). Off by default
    /// so that a report does not depend on how the body was formatted.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub spans: bool,
    /// The deployment's model capabilities and limits. Without it the `model.*` checks are silent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub profile: Option<Profile>,
    /// Whose verdict: `/chat/validate` (default) or `POST /chat`; see [`Endpoint`].
    #[serde(skip_serializing_if = "Endpoint::is_default")]
    pub endpoint: Endpoint,
}

impl Options {
    /// Default options with `spans` set.
    pub fn with_spans(mut self) -> Self {
        self.spans = true;
        self
    }

    /// Default options with `strict` set.
    pub fn strict() -> Self {
        Options {
            strict: true,
            ..Options::default()
        }
    }
}

/// Model capabilities and limits of a deployment, used by the `model.*` rules.
///
/// Every field is optional: a missing capability is not checked.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Profile {
    /// The model name the server reports in its messages (default `default`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    /// Whether the model supports tool (function) calling.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub supports_tools: Option<bool>,
    /// Whether the model supports reasoning (`thinking.enabled`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub supports_reasoning: Option<bool>,
    /// Whether the model accepts images.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub supports_images: Option<bool>,
    /// Maximum number of images in the last user message.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_images: Option<u32>,
    /// Whether the model accepts audio.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub supports_audio: Option<bool>,
    /// Maximum number of audio blocks in the last user message.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_audios: Option<u32>,
    /// Effective token limit for the last user text, the system prompt and their sum.
    /// Tokens are estimated as ⌈characters / 4⌉ (the estimate is documented in `docs/codes.md`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_input_tokens: Option<u32>,
}

/// Read `{"kind": "...", "strict": bool, "spans": bool, "endpoint": "validate"|"chat",
/// "profile": {...}}` (every key optional,
/// empty text = defaults), as the npm package and other hosts pass options. Read by hand, not by
/// serde: its derived error messages would pull a float printer into the wasm module. The kind
/// is `None` for `"auto"` and when absent: told from the body, as the CLI's default.
pub fn from_json(text: &str) -> Result<(Option<Kind>, Options), String> {
    use crate::check::json::{parse, Value};
    if text.trim().is_empty() {
        return Ok((None, Options::default()));
    }
    let arena = crate::check::json::Arena::new();
    let v = parse(text, 8, &arena)
        .map_err(|e| format!("options are not JSON: {}", e.message))?
        .value;
    let Value::Object(o) = &v else {
        return Err(super::ctx::not_type("options must be an object", &v));
    };
    let kind = match o.get("kind") {
        None | Some(Value::Null) | Some(Value::String("auto")) => None,
        Some(Value::String(k)) => Some(k.parse::<Kind>()?),
        Some(other) => return Err(super::ctx::not_type("`kind` must be a string", &other)),
    };
    let flag = |obj: &crate::check::json::Object<'_>, what: &str, key: &str| match obj.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Bool(b)) => Ok(Some(b)),
        Some(_) => Err(format!("{what} `{key}` must be a boolean")),
    };
    let endpoint = match o.get("endpoint") {
        None | Some(Value::Null) => Endpoint::Validate,
        Some(Value::String(e)) => e.parse::<Endpoint>()?,
        Some(other) => return Err(super::ctx::not_type("`endpoint` must be a string", &other)),
    };
    let mut options = Options {
        strict: flag(o, "option", "strict")?.unwrap_or(false),
        spans: flag(o, "option", "spans")?.unwrap_or(false),
        endpoint,
        ..Options::default()
    };
    match o.get("profile") {
        None | Some(Value::Null) => {}
        Some(Value::Object(p)) => {
            let n = |key: &str| -> Result<Option<u32>, String> {
                match p.get(key) {
                    None | Some(Value::Null) => Ok(None),
                    Some(Value::Number(x))
                        if x.value >= 0.0
                            && x.value.fract() == 0.0
                            && x.value <= f64::from(u32::MAX) =>
                    {
                        Ok(Some(x.value as u32))
                    }
                    Some(_) => Err(format!("profile `{key}` must be a whole number")),
                }
            };
            options.profile = Some(Profile {
                model: p.get("model").and_then(Value::as_str).map(str::to_string),
                supports_tools: flag(&p, "profile", "supports_tools")?,
                supports_reasoning: flag(&p, "profile", "supports_reasoning")?,
                supports_images: flag(&p, "profile", "supports_images")?,
                max_images: n("max_images")?,
                supports_audio: flag(&p, "profile", "supports_audio")?,
                max_audios: n("max_audios")?,
                max_input_tokens: n("max_input_tokens")?,
            });
        }
        Some(_) => return Err("option `profile` must be an object".into()),
    }
    Ok((kind, options))
}

#[cfg(test)]
mod json_tests {
    use super::*;

    #[test]
    fn options_from_json() {
        assert_eq!(from_json("  ").unwrap(), (None, Options::default()));
        assert_eq!(from_json(r#"{"kind":"auto"}"#).unwrap().0, None);
        assert_eq!(from_json(r#"{"kind":"chat"}"#).unwrap().0, Some(Kind::Chat));
        let (k, o) = from_json(
            r#"{"kind":"thread","strict":true,"profile":{"model":"m","supports_tools":false,"max_images":2}}"#,
        )
        .unwrap();
        assert_eq!(k, Some(Kind::Thread));
        assert!(o.strict && !o.spans);
        assert_eq!(o.endpoint, Endpoint::Validate);
        assert_eq!(
            from_json(r#"{"endpoint":"chat"}"#).unwrap().1.endpoint,
            Endpoint::Chat
        );
        let p = o.profile.unwrap();
        assert_eq!(
            (p.model.as_deref(), p.supports_tools, p.max_images),
            (Some("m"), Some(false), Some(2))
        );
        for (bad, says) in [
            ("{", "options are not JSON"),
            ("[]", "must be an object, not an array"),
            (r#"{"kind":1}"#, "`kind` must be a string, not a number"),
            (r#"{"kind":"nope"}"#, "unknown kind"),
            (r#"{"strict":"yes"}"#, "option `strict` must be a boolean"),
            (
                r#"{"profile":{"max_images":1.5}}"#,
                "profile `max_images` must be a whole number",
            ),
            (
                r#"{"profile":{"max_images":-1}}"#,
                "profile `max_images` must be a whole number",
            ),
            (
                r#"{"profile":{"supports_audio":1}}"#,
                "profile `supports_audio` must be a boolean",
            ),
            (r#"{"profile":3}"#, "option `profile` must be an object"),
            (r#"{"endpoint":"post"}"#, "unknown endpoint `post`"),
            (r#"{"endpoint":1}"#, "`endpoint` must be a string"),
        ] {
            let e = from_json(bad).unwrap_err();
            assert!(e.contains(says), "{bad}: {e}");
        }
    }
}
