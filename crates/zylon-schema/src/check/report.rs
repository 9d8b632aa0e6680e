//! The validation report: issues with a severity, a stable code, a JSON Pointer path, a message
//! and an optional hint, plus a summary of the request.

use serde::{Deserialize, Serialize};

use super::code::Code;

/// How serious an issue is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Severity {
    /// The server would reject the body (or `strict` mode turned a warning into an error).
    Error,
    /// The server accepts the body but may change, drop or misread part of it.
    Warning,
}

impl Severity {
    /// `"error"` or `"warning"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// A mechanical fix the validator is sure of (what `fix` applies), carried by an issue when one
/// is safe: a key or a value that differs from the right one only in case or separators, or a
/// documented alias. In JSON: `{"kind": "rename_key", "value": "temperature"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Suggestion {
    /// What to do at the issue's path.
    pub kind: SuggestionKind,
    /// The new key, the new string, or the tool's name.
    pub value: String,
}

/// What a [`Suggestion`] does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum SuggestionKind {
    /// Rename the field (the issue's path names it) to `value`.
    RenameKey,
    /// Replace the string value at the issue's path with `value`.
    ReplaceString,
    /// Write the bare built-in tool type string at the issue's path as an object with `value`
    /// as its `name` and the string as its `type`.
    ToolObject,
}

impl SuggestionKind {
    /// The kind as it appears in JSON.
    pub const fn as_str(self) -> &'static str {
        match self {
            SuggestionKind::RenameKey => "rename_key",
            SuggestionKind::ReplaceString => "replace_string",
            SuggestionKind::ToolObject => "tool_object",
        }
    }
}

impl Suggestion {
    /// Rename the field to `key`.
    pub fn rename_key(key: impl Into<String>) -> Self {
        Suggestion {
            kind: SuggestionKind::RenameKey,
            value: key.into(),
        }
    }

    /// Replace the string with `value`.
    pub fn replace_string(value: impl Into<String>) -> Self {
        Suggestion {
            kind: SuggestionKind::ReplaceString,
            value: value.into(),
        }
    }

    /// Write the bare tool type as an object named `name`.
    pub fn tool_object(name: impl Into<String>) -> Self {
        Suggestion {
            kind: SuggestionKind::ToolObject,
            value: name.into(),
        }
    }
}

/// One problem found in a body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Issue {
    /// `error` or `warning`.
    pub severity: Severity,
    /// The stable rule id (see `docs/codes.md`).
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub code: Code,
    /// JSON Pointer (RFC 6901) to the offending value in the body as sent; `""` is the root.
    /// For a missing field it names the missing field itself.
    pub path: String,
    /// One plain sentence a person can act on. Never contains a secret from the body.
    pub message: String,
    /// How to fix it, when there is a likely fix.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    /// Where this code is documented (`docs/codes.md#<code>` in the repository).
    pub docs: String,
    /// Where the offending value is in the text (for a missing field: the enclosing object; for
    /// an unknown or duplicate field: its key). Present when the body was given as text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<super::span::Span>,
    /// The fix, when one is safe and mechanical (see [`Suggestion`]): what `fix` applies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<Suggestion>,
}

impl std::fmt::Display for Issue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let path = if self.path.is_empty() {
            "(root)"
        } else {
            &self.path
        };
        write!(
            f,
            "{} [{}] {}: {}",
            self.severity.as_str(),
            self.code,
            path,
            self.message
        )?;
        if let Some(h) = &self.hint {
            write!(f, " (hint: {h})")?;
        }
        Ok(())
    }
}

/// Facts about the request, as the server's validate route advertises them, plus issue counts.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Summary {
    /// Number of entries in `messages` (0 when absent or not an array).
    pub message_count: usize,
    /// Whether `tools` is a non-empty array.
    pub has_tools: bool,
    /// Whether `stream` is `true`.
    pub stream_enabled: bool,
    /// `tool_choice.type` when given as a string.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tool_choice: Option<String>,
    /// Number of errors.
    pub error_count: usize,
    /// Number of warnings.
    pub warning_count: usize,
}

/// The result of validating one body.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Report {
    /// `true` when there is no error (warnings allowed).
    pub valid: bool,
    /// Problems that make the server reject the body.
    pub errors: Vec<Issue>,
    /// Problems the server accepts but that change or drop something, or that the Workspace spec does not endorse.
    pub warnings: Vec<Issue>,
    /// Facts about the request.
    pub summary: Summary,
}

impl Report {
    /// `true` when there is no error.
    pub fn is_valid(&self) -> bool {
        self.errors.is_empty()
    }

    /// Every issue, errors first.
    pub fn issues(&self) -> impl Iterator<Item = &Issue> {
        self.errors.iter().chain(self.warnings.iter())
    }

    /// Whether any issue (error or warning) has this code.
    pub fn has_code(&self, code: Code) -> bool {
        self.issues().any(|i| i.code == code)
    }
}

impl std::fmt::Display for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for i in self.issues() {
            writeln!(f, "{i}")?;
        }
        write!(
            f,
            "{} error(s), {} warning(s)",
            self.errors.len(),
            self.warnings.len()
        )
    }
}

impl std::error::Error for Report {}
