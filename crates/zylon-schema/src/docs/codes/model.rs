//! The documentation of the codes of 15. model-dependent (only with a server profile).

use super::super::CodeDoc;

/// The heading of these codes in `docs/codes.md`.
pub(crate) const TITLE: &str = "15. model-dependent (only with a server profile)";

/// The codes of 15. model-dependent (only with a server profile), in the order of `Code::ALL`.
pub(crate) const DOCS: &[CodeDoc] = &[
    CodeDoc {
        code: "model.tools_support",
        severity: "error (only with a server profile)",
        why: "Tools or MCP servers need a function-calling model. — the server rejects the request with HTTP 400 in its validation phase (also on `/chat/validate`) (\"Model '<m>' does not support tool usage, but tools are configured\"). Source: `private_gpt/server/chat/interceptors/validator_request_interceptor.py:47`.",
        fix: "Use a model with tool calling, or remove the tools and MCP servers.",
        points_at: "the value the message names (`/events/N` for stream issues).",
        implemented_in: &["crates/zylon-schema/src/check/rules/profile.rs"],
    },
    CodeDoc {
        code: "model.reasoning_support",
        severity: "error (only with a server profile)",
        why: "`thinking.enabled` needs `support_reasoning`. — the server rejects the request with HTTP 400 in its validation phase (also on `/chat/validate`) (\"Model '<m>' does not support reasoning, but reasoning is enabled\"). Source: `private_gpt/server/chat/interceptors/validator_request_interceptor.py:57`.",
        fix: "Turn thinking off, or use a reasoning model.",
        points_at: "the value the message names (`/events/N` for stream issues).",
        implemented_in: &["crates/zylon-schema/src/check/rules/profile.rs"],
    },
    CodeDoc {
        code: "model.image_support",
        severity: "error (only with a server profile)",
        why: "Images in the last user message need an image-capable model. — the server rejects the request with HTTP 400 in its validation phase (also on `/chat/validate`) (\"The LLM does not support images, but the message contains image blocks.\"). Source: `private_gpt/server/chat/interceptors/validator_request_interceptor.py:75`.",
        fix: "Use a vision model, or remove the images.",
        points_at: "the value the message names (`/events/N` for stream issues).",
        implemented_in: &["crates/zylon-schema/src/check/rules/profile.rs"],
    },
    CodeDoc {
        code: "model.image_count",
        severity: "error (only with a server profile)",
        why: "Number of images in the last user message ≤ model limit. — the server rejects the request with HTTP 400 in its validation phase (also on `/chat/validate`) (\"The LLM supports a maximum of N images, but the message contains M\"). Source: `private_gpt/server/chat/interceptors/validator_request_interceptor.py:85`.",
        fix: "Send fewer images in the last user message.",
        points_at: "the value the message names (`/events/N` for stream issues).",
        implemented_in: &["crates/zylon-schema/src/check/rules/profile.rs"],
    },
    CodeDoc {
        code: "model.audio_support",
        severity: "error (only with a server profile)",
        why: "Audio in the last user message needs an audio-capable model. — the server rejects the request with HTTP 400 in its validation phase (also on `/chat/validate`) (\"The LLM does not support audio, but the message contains audio blocks.\"). Source: `private_gpt/server/chat/interceptors/validator_request_interceptor.py:92`.",
        fix: "Use an audio model, or remove the audio.",
        points_at: "the value the message names (`/events/N` for stream issues).",
        implemented_in: &["crates/zylon-schema/src/check/rules/profile.rs"],
    },
    CodeDoc {
        code: "model.audio_count",
        severity: "error (only with a server profile)",
        why: "Audio count ≤ model limit. — the server rejects the request with HTTP 400 in its validation phase (also on `/chat/validate`) (\"The LLM supports a maximum of N audios, ...\"). Source: `private_gpt/server/chat/interceptors/validator_request_interceptor.py:102`.",
        fix: "Send fewer audio blocks.",
        points_at: "the value the message names (`/events/N` for stream issues).",
        implemented_in: &["crates/zylon-schema/src/check/rules/profile.rs"],
    },
    CodeDoc {
        code: "model.token_limit",
        severity: "error (only with a server profile)",
        why: "Last user text, system prompt, and their sum must each fit the effective token limit. — the server answers HTTP 413 (\"The message length N exceeds the maximum token limit M.\" / \"The system prompt length ...\"). Source: `private_gpt/server/chat/interceptors/validator_request_interceptor.py:109`.",
        fix: "Shorten the message or the system prompt (tokens are estimated as ⌈characters / 4⌉).",
        points_at: "the value the message names (`/events/N` for stream issues).",
        implemented_in: &["crates/zylon-schema/src/check/rules/profile.rs"],
    },
];
