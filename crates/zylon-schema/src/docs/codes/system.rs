//! The documentation of the codes of 13. system.

use super::super::CodeDoc;

/// The heading of these codes in `docs/codes.md`.
pub(crate) const TITLE: &str = "13. system";

/// The codes of 13. system, in the order of `Code::ALL`.
pub(crate) const DOCS: &[CodeDoc] = &[
    CodeDoc {
        code: "system.shape",
        severity: "error / warning",
        why: "workspace.json: one object. pgpt accepts object, string, `{type:\"text\",text}`, list of those (merged: texts joined by newline, booleans OR-ed, extensions unioned), `[]` or null. Other types rejected. — the server rejects the body with HTTP 400 (request validation) (\"Invalid system value: <x>\"). Source: `private_gpt/chat/input_models.py:1224`, `:161`.",
        fix: "Send `system` as one object: `{\"text\": \"...\"}`.",
        points_at: "/system (system a string or a list); /system (system another type (number, boolean))",
        implemented_in: &["crates/zylon-schema/src/check/rules/system.rs", "crates/zylon-schema/src/fix.rs"],
    },
    CodeDoc {
        code: "system.text",
        severity: "error",
        why: "`text` string or null. — the server rejects the body with HTTP 400 (request validation). Source: `private_gpt/chat/input_models.py:128`.",
        fix: "Make `system.text` a string.",
        points_at: "/system/text (system.text not a string)",
        implemented_in: &["crates/zylon-schema/src/check/rules/system.rs"],
    },
    CodeDoc {
        code: "system.use_default_prompt_deprecated",
        severity: "warning",
        why: "`use_default_prompt` boolean, deprecated (server emits a DeprecationWarning; prefer `system.prompt` flags, pgpt-only). — the server accepts it and only logs a warning (\"System.use_default_prompt is deprecated...\"). Source: `private_gpt/chat/input_models.py:120`, `:149`.",
        fix: "Remove `use_default_prompt`.",
        points_at: "/system/use_default_prompt (use_default_prompt present)",
        implemented_in: &["crates/zylon-schema/src/check/rules/system.rs"],
    },
    CodeDoc {
        code: "system.citations.enabled",
        severity: "error",
        why: "`citations.enabled` boolean; `known_citations` list of citation objects (index integer). — the server rejects the body with HTTP 400 (request validation). Source: `private_gpt/chat/input_models.py:58`.",
        fix: "`enabled` is a boolean; `known_citations` a list of citations.",
        points_at: "/system/citations/enabled (citations.enabled not bool / known_citations not a list)",
        implemented_in: &["crates/zylon-schema/src/check/rules/system.rs"],
    },
    CodeDoc {
        code: "system.citations.known_citations_merge_crash",
        severity: "error",
        why: "Server bug: a **list** `system` with ≥ 2 entries where any has `known_citations` crashes while merging (unhashable citation objects) → error response (TypeError, mapped to 413 by pgpt's exception table). Workspace objects are single, so only affects pgpt-style lists. — 413 (crash) (\"unhashable type: 'ZylonCitation'\"). Source: `private_gpt/chat/input_models.py:236`.",
        fix: "Send `system` as a single object.",
        points_at: "/system (two or more system entries to merge (a `system` list, or `system` plus system messages with text) where one has a non-empty `known_citations`)",
        implemented_in: &["crates/zylon-schema/src/check/rules/system.rs"],
    },
    CodeDoc {
        code: "system.extensions_enum",
        severity: "error",
        why: "`extensions` items ∈ {`zylon`}. — the server rejects the body with HTTP 400 (request validation) (\"Input should be 'zylon'\"). Source: `private_gpt/chat/input_models.py:68`.",
        fix: "Use `zylon` (the only extension).",
        points_at: "/system/extensions/k (extensions item not `zylon`)",
        implemented_in: &["crates/zylon-schema/src/check/rules/system.rs"],
    },
    CodeDoc {
        code: "system.blob_visibility_enum",
        severity: "warning; bad value says the server rejects",
        why: "pgpt-only `blob_visibility` ∈ {binary, internal, public}; `prompt` flags (tools, citations, thinking, code_execution, skills) booleans. — the server rejects the body with HTTP 400 (request validation) (\"Input should be 'binary', 'internal' or 'public'\"). Source: `private_gpt/chat/input_models.py:140`.",
        fix: "Remove the field, or use a valid value.",
        points_at: "/system/blob_visibility (blob_visibility / prompt (server-only))",
        implemented_in: &["crates/zylon-schema/src/check/rules/system.rs"],
    },
];
