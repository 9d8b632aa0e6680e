//! Typed parsing with located errors: a body into a model type, or an error that says where
//! (JSON Pointer, line and column) and what, in the validator's words.
//!
//! ```
//! use zylon_schema::{model::ChatRequest, typed::from_json};
//!
//! let err = from_json::<ChatRequest>("{\"messages\": [\n  {\"role\": \"user\", \"content\": 42}\n]}")
//!     .unwrap_err();
//! assert_eq!(err.path, "/messages/0/content");
//! assert_eq!((err.line, err.column), (2, 31));
//! assert_eq!(err.code.as_deref(), Some("field.type"));
//! ```
//!
//! Unknown fields are kept (each model struct's `extra`), so `from_json` → `serde_json::to_string`
//! loses nothing the user sent. Two normalisations, both invisible to the server: a whole number
//! written as a float in an integer field (`"max_tokens": 100.0`) comes back as `100`, and an
//! explicit `null` on a field the server reads as absent is left out. (A test round-trips every
//! valid fixture of every request kind, with an unknown field added to every object.)

use serde::de::DeserializeOwned;

use crate::model::{
    ChatRequest, ChatResponse, CreateInteractionDto, CreateThreadDto, InteractionDto,
    MessageOutput, MessageOutputEvent, ProjectChatDto, UpdateThreadDto,
};
use crate::{validate_str, Kind, Options};

/// Why a body did not deserialize into a model type.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}: {message} (line {line}, column {column})")]
pub struct TypedError {
    /// JSON Pointer of the value that does not fit (`""`: the body itself).
    pub path: String,
    /// 1-based line of that value in the text.
    pub line: usize,
    /// 1-based column of that value, in characters.
    pub column: usize,
    /// What is wrong: the validator's message (which never holds a secret) when the validator
    /// finds an error, else the deserializer's.
    pub message: String,
    /// The validator's issue code, when it found the error.
    pub code: Option<String>,
}

/// A model type with the request or response kind the validator checks it as.
pub trait Typed: DeserializeOwned {
    /// The kind of body this type is.
    const KIND: Kind;
}

macro_rules! typed {
    ($($t:ty => $kind:ident),* $(,)?) => {
        $(impl Typed for $t {
            const KIND: Kind = Kind::$kind;
        })*
    };
}

typed! {
    ChatRequest => Chat,
    ProjectChatDto => ProjectChat,
    CreateInteractionDto => Interaction,
    CreateThreadDto => Thread,
    UpdateThreadDto => ThreadUpdate,
    InteractionDto => InteractionResponse,
    MessageOutput => MessageOutput,
    ChatResponse => ChatResponse,
    MessageOutputEvent => StreamEvent,
}

/// Deserialize `text` into `T`. On failure the error points at the value that does not fit: the
/// first error the validator reports for the body (its path, span and message), or, where the
/// validator has none (the model is stricter than the server on a few coercions), the
/// deserializer's message and position.
pub fn from_json<T: Typed>(text: &str) -> Result<T, TypedError> {
    let err = match serde_json::from_str::<T>(text) {
        Ok(v) => return Ok(v),
        Err(e) => e,
    };
    let options = Options {
        spans: true,
        ..Options::default()
    };
    let report = validate_str(text, T::KIND, &options);
    let first = report.errors.first().or_else(|| report.warnings.first());
    match first {
        Some(issue) => {
            let (line, column) = issue
                .span
                .map_or((err.line(), err.column()), |s| (s.line, s.column));
            Err(TypedError {
                path: issue.path.clone(),
                line,
                column,
                message: issue.message.clone(),
                code: Some(issue.code.as_str().to_string()),
            })
        }
        None => Err(TypedError {
            path: String::new(),
            line: err.line(),
            column: err.column(),
            message: err.to_string(),
            code: None,
        }),
    }
}
