//! What the server understands beyond the Workspace API, per object type. The typed model
//! describes the Workspace API and types some server-only fields (their documentation starts
//! with "Server-only"); the server knows more. Each object type's server-only fields are either
//! *ruled* (a rule of the validator reads them and says what the server does with the value) or
//! *free* (the validator only warns that the Workspace backend may drop them).
//!
//! `cargo xtask schemas` copies these lists into the object types' tables (`generated.rs`) and
//! fails when a field the model marks server-only is not listed here, or when a field listed
//! here is a Workspace field.

/// The server-only fields of one object type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ServerOnly {
    /// The object type (`ChatRequest`, `ImageBlock`, ...).
    pub shape: &'static str,
    /// Fields a rule of their own checks (also the Workspace spec's collision fields of
    /// `file`/`text` artifacts, which the artifact rules read).
    pub ruled: &'static [&'static str],
    /// Fields accepted with a generic warning.
    pub free: &'static [&'static str],
}

/// What every content block may carry besides its Workspace fields.
const BLOCK_FREE: &[&str] = &["metadata", "cache_control"];
/// Media blocks: also the server's alternatives to `data`.
const MEDIA_FREE: &[&str] = &["url", "uri", "source", "metadata", "cache_control"];
/// The blocks built on the server's `CacheableContentBlock` type their `cache_control` (a rule
/// reads it); the others keep it as an extra field of any value.
const CACHEABLE: &[&str] = &["cache_control"];
/// [`BLOCK_FREE`] of a cacheable block.
const CACHEABLE_FREE: &[&str] = &["metadata"];
/// [`MEDIA_FREE`] of a cacheable block.
const CACHEABLE_MEDIA_FREE: &[&str] = &["url", "uri", "source", "metadata"];

/// The server's camelCase aliases of three chat request fields, with the field each stands
/// for (`MessagesInputBase`: pydantic's `AliasChoices` reads the field when it is present, even
/// as `null`, and the alias only when it is absent).
pub const ALIASES: &[(&str, &str)] = &[
    ("toolChoice", "tool_choice"),
    ("outputConfig", "output_config"),
    ("cacheControl", "cache_control"),
];

/// The server-only fields of every object type that has any.
pub const SERVER_ONLY: &[ServerOnly] = &[
    ServerOnly {
        shape: "ChatRequest",
        ruled: &[
            "model",
            "stop_sequences",
            "metadata",
            "service_tier",
            "maximum_loaded_skills",
            "cache_control",
            "output_config",
            "container",
            "inference_geo",
        ],
        // (`toolChoice`, `outputConfig`, `cacheControl`: the server's camelCase aliases of three
        // of its fields, `MessagesInputBase`, read when the field itself is absent. The value of
        // `toolChoice` goes through the `tool_choice` rules, as warnings (`tools::choice_of`);
        // those of the other two through their fields' checks (`request::check_aliases`))
        free: &[
            "context_management",
            "toolChoice",
            "outputConfig",
            "cacheControl",
        ],
    },
    ServerOnly {
        shape: "TextBlock",
        ruled: CACHEABLE,
        free: CACHEABLE_FREE,
    },
    ServerOnly {
        shape: "ImageBlock",
        ruled: CACHEABLE,
        free: CACHEABLE_MEDIA_FREE,
    },
    ServerOnly {
        shape: "AudioBlock",
        ruled: CACHEABLE,
        free: CACHEABLE_MEDIA_FREE,
    },
    ServerOnly {
        shape: "BinaryBlock",
        ruled: &[],
        free: MEDIA_FREE,
    },
    ServerOnly {
        shape: "FileBlock",
        ruled: &[],
        free: BLOCK_FREE,
    },
    ServerOnly {
        shape: "SourceBlock",
        ruled: &[],
        free: BLOCK_FREE,
    },
    ServerOnly {
        shape: "TldrBlock",
        ruled: &["tldr_side"],
        free: BLOCK_FREE,
    },
    ServerOnly {
        shape: "ThinkingBlock",
        ruled: CACHEABLE,
        free: CACHEABLE_FREE,
    },
    // (`caller`: who made the call, the server's `ToolCaller`, read by `blocks::caller`)
    ServerOnly {
        shape: "ToolUseBlock",
        ruled: &["cache_control", "caller"],
        free: CACHEABLE_FREE,
    },
    ServerOnly {
        shape: "ToolResultBlock",
        ruled: CACHEABLE,
        free: CACHEABLE_FREE,
    },
    ServerOnly {
        shape: "Tool",
        // (`deferLoading`: the server's camelCase alias, which it reads first)
        ruled: &[
            "input_schema",
            "context",
            "defer_loading",
            "deferLoading",
            "instructions",
        ],
        free: &["cache_control"],
    },
    ServerOnly {
        shape: "ToolChoice",
        ruled: &["validation_mode"],
        free: &[],
    },
    ServerOnly {
        shape: "McpServer",
        ruled: &[
            "refresh_token",
            "client_id",
            "client_secret",
            "token_endpoint_auth_method",
        ],
        free: &["_meta", "metadata"],
    },
    ServerOnly {
        shape: "System",
        ruled: &["blob_visibility", "prompt", "type"],
        free: &[],
    },
    // The Workspace spec shows content-block fields for `file`/`text` artifacts (a schema-name
    // collision): known, so that the artifact rules can point at `value` instead.
    ServerOnly {
        shape: "FileArtifact",
        ruled: &["content", "content_type", "doc_metadata"],
        free: &[],
    },
    ServerOnly {
        shape: "TextArtifact",
        ruled: &["text", "citations"],
        free: &[],
    },
    ServerOnly {
        shape: "Thinking",
        ruled: &["effort"],
        free: &[],
    },
];

/// Keys users write for a documented key, safe to rename (`zylon-schema fix` does): a
/// misspelling the server does not understand, and the one it understands beside the
/// Workspace name.
pub const KEY_ALIASES: &[(&str, &str)] = &[
    ("input_schema", "inputSchema"),
    ("enabled_tools", "allowed_tools"),
];

/// The server-only fields of the object type `shape` (none for most).
pub fn server_only(shape: &str) -> ServerOnly {
    SERVER_ONLY
        .iter()
        .copied()
        .find(|s| s.shape == shape)
        .unwrap_or(ServerOnly {
            shape: "",
            ruled: &[],
            free: &[],
        })
}
