//! The documentation of the codes of 14. thinking.

use super::super::CodeDoc;

/// The heading of these codes in `docs/codes.md`.
pub(crate) const TITLE: &str = "14. thinking";

/// The codes of 14. thinking, in the order of `Code::ALL`.
pub(crate) const DOCS: &[CodeDoc] = &[
    CodeDoc {
        code: "thinking.enabled_bool",
        severity: "error",
        why: "`thinking.enabled` boolean (lax coercion of \"true\"/\"false\"). — the server rejects the body with HTTP 400 (request validation) (\"Input should be a valid boolean\"). Source: `private_gpt/chat/input_models.py:285`.",
        fix: "Use `true` or `false`.",
        points_at: "/thinking/enabled (thinking.enabled not bool (lax strings → field.coerced warning))",
        implemented_in: &["crates/zylon-schema/src/check/rules/system.rs"],
    },
    CodeDoc {
        code: "thinking.effort",
        severity: "warning",
        why: "pgpt-only deprecated `effort` ∈ {low, medium, high, max, xhigh}; any effort (or `output_config.effort`) turns thinking on; enabled without effort means medium. — the server rejects the body with HTTP 400 (request validation) (\"Input should be 'low', 'medium', 'high', 'max' or 'xhigh'\"). Source: `private_gpt/chat/input_models.py:289`, `private_gpt/server/chat/chat_request_mapper.py:146`.",
        fix: "Use `thinking.enabled` instead.",
        points_at: "/thinking/effort (thinking.effort (server-only))",
        implemented_in: &["crates/zylon-schema/src/check/rules/system.rs"],
    },
];
