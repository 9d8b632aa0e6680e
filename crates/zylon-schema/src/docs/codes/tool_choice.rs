//! The documentation of the codes of 9. tool_choice.

use super::super::CodeDoc;

/// The heading of these codes in `docs/codes.md`.
pub(crate) const TITLE: &str = "9. tool_choice";

/// The codes of 9. tool_choice, in the order of `Code::ALL`.
pub(crate) const DOCS: &[CodeDoc] = &[
    CodeDoc {
        code: "tool_choice.type_enum",
        severity: "error",
        why: "`type` ∈ {`auto`, `any`, `tool`, `none`} (workspace.json: free string; pgpt.json lists only auto/tool/none). Default `auto`. — the server rejects the body with HTTP 400 (request validation) (\"Input should be 'auto', 'any', 'tool' or 'none'\"). Source: `private_gpt/chat/input_models.py:263`.",
        fix: "Use `auto`, `any`, `tool` or `none` (lower case).",
        points_at: "/tool_choice/type (`type` not auto/any/tool/none)",
        implemented_in: &["crates/zylon-schema/src/check/rules/tools.rs"],
    },
    CodeDoc {
        code: "tool_choice.unknown_tool",
        severity: "error",
        why: "With a non-empty `tools`, `type:\"tool\"` must name one of the tools. — the server rejects the body with HTTP 400 (request validation) (\"Tool choice '<...>' is not in the provided tools.\"). Source: `private_gpt/server/chat/chat_models.py:329`.",
        fix: "Name one of the tools in `tool_choice.name` (the hint lists them).",
        points_at: "/tool_choice/name (`type: tool`, `name` not among tool names)",
        implemented_in: &["crates/zylon-schema/src/check/rules/tools.rs"],
    },
    CodeDoc {
        code: "tool_choice.name_missing",
        severity: "error",
        why: "`type:\"tool\"` without `name` and with tools → same error (name None is not a tool). — the server rejects the body with HTTP 400 (request validation) (\"same\"). Source: `private_gpt/server/chat/chat_models.py:332`.",
        fix: "Add the tool's `name`.",
        points_at: "/tool_choice/name (`type: tool`, tools non-empty, `name` missing)",
        implemented_in: &["crates/zylon-schema/src/check/rules/tools.rs"],
    },
    CodeDoc {
        code: "tool_choice.tool_without_tools",
        severity: "warning",
        why: "`type:\"tool\"` with no/empty `tools` is accepted silently (the check is skipped). — no server error; a difference between the Workspace spec and the server. Source: `private_gpt/server/chat/chat_models.py:329`.",
        fix: "Add the tool to `tools`, or remove `tool_choice`.",
        points_at: "/tool_choice (`type: tool` with no/empty tools)",
        implemented_in: &["crates/zylon-schema/src/check/rules/tools.rs"],
    },
    CodeDoc {
        code: "tool_choice.none_drops_tools",
        severity: "warning",
        why: "`type:\"none\"` removes every tool before any tool check, so e.g. missing tool_context is not reported. Structured-output and duplicate-name checks still see the tools. — the server accepts it but silently ignores the value. Source: `private_gpt/server/chat/chat_request_mapper.py:68`.",
        fix: "Remove the tools if you do not want them.",
        points_at: "the value the message names (`/events/N` for stream issues).",
        implemented_in: &["crates/zylon-schema/src/check/rules/tools.rs"],
    },
    CodeDoc {
        code: "tool_choice.tool_filters",
        severity: "warning",
        why: "`type:\"tool\"` keeps only the named tool; other tools are dropped before their context checks. — the server accepts it but silently ignores the value. Source: `private_gpt/server/chat/chat_request_mapper.py:86`.",
        fix: "Expected when forcing one tool; remove the others to make it explicit.",
        points_at: "the value the message names (`/events/N` for stream issues).",
        implemented_in: &["crates/zylon-schema/src/check/rules/tools.rs"],
    },
    CodeDoc {
        code: "tool_choice.forced_hint",
        severity: "warning",
        why: "For `any` (last message from user) or a single forced tool, the server appends \"Always use ... to answer your question.\" to the last user text. — the server accepts it but silently replaces the value. Source: `private_gpt/components/chat/processors/chat_history/tools/tool_choices.py:81`.",
        fix: "Expected when forcing tools; use `auto` to avoid the added sentence.",
        points_at: "/tool_choice/type (`type: any`, or `type: tool` with a valid name)",
        implemented_in: &["crates/zylon-schema/src/check/rules/tools.rs"],
    },
    CodeDoc {
        code: "tool_choice.disable_parallel",
        severity: "error",
        why: "`disable_parallel_tool_use` boolean. — the server rejects the body with HTTP 400 (request validation). Source: `private_gpt/chat/input_models.py:269`.",
        fix: "Use `true` or `false`.",
        points_at: "/tool_choice/disable_parallel_tool_use (`disable_parallel_tool_use` not boolean)",
        implemented_in: &["crates/zylon-schema/src/check/rules/tools.rs"],
    },
    CodeDoc {
        code: "tool_choice.validation_mode",
        severity: "warning",
        why: "pgpt-only `validation_mode` ∈ {eager, lazy}, default lazy. Lazy: unknown artifacts etc. surface as `is_error` tool results instead of a 400. `/validate` forces eager. — the server rejects the body with HTTP 400 (request validation) (\"Input should be 'eager' or 'lazy'\"). Source: `private_gpt/chat/input_models.py:273`.",
        fix: "Remove `validation_mode` unless the backend forwards it.",
        points_at: "/tool_choice/validation_mode (`validation_mode` (server-only))",
        implemented_in: &["crates/zylon-schema/src/check/rules/tools.rs"],
    },
];
