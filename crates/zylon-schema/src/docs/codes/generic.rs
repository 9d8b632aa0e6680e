//! The documentation of the codes of generic JSON / shape codes (not in RULES.md Part 2).

use super::super::CodeDoc;

/// The heading of these codes in `docs/codes.md`.
pub(crate) const TITLE: &str = "generic JSON / shape codes (not in RULES.md Part 2)";

/// The codes of generic JSON / shape codes (not in RULES.md Part 2), in the order of `Code::ALL`.
pub(crate) const DOCS: &[CodeDoc] = &[
    CodeDoc {
        code: "json.syntax",
        severity: "error",
        why: "The server cannot parse the body and answers HTTP 400.",
        fix: "Fix the JSON at the reported line and column (missing comma, quote or bracket; no trailing data).",
        points_at: "the value the message names (`/events/N` for stream issues).",
        implemented_in: &["crates/zylon-schema/src/check/mod.rs", "crates/zylon-schema/src/fix.rs"],
    },
    CodeDoc {
        code: "json.too_deep",
        severity: "error",
        why: "Such nesting is never a real request; the validator stops there to stay safe.",
        fix: "Flatten the structure; no request needs more than a few dozen levels.",
        points_at: "the value the message names (`/events/N` for stream issues).",
        implemented_in: &["crates/zylon-schema/src/check/mod.rs", "crates/zylon-schema/src/check/rules/mod.rs"],
    },
    CodeDoc {
        code: "json.integer_too_long",
        severity: "error",
        why: "The server's JSON decoder (Python) converts at most 4,300 digits of an integer literal and answers \"There was an error parsing the body\" for more, wherever the number is.",
        fix: "Send such a number as a string, or in exponent form (`1e5000` is a float, read as infinity), or drop the digits nobody reads.",
        points_at: "the integer literal.",
        implemented_in: &["crates/zylon-schema/src/check/mod.rs"],
    },
    CodeDoc {
        code: "json.non_standard_number",
        severity: "warning",
        why: "Python's JSON decoder, the chat server's, reads `NaN`, `Infinity` and `-Infinity` as floats (Python's `json.dumps` writes them for such floats), so the server takes the body; they are not JSON, so other parsers on the way (proxies, the Workspace backend, logging) may reject it. Where a rule bounds the field (`temperature`, `top_p`, integer fields) the value fails that rule as the server's does.",
        fix: "Send a finite number, or leave the field out (`null` where the field takes it); in Python, `json.dumps(..., allow_nan=False)` catches them before sending.",
        points_at: "the first such number (the message counts the others).",
        implemented_in: &["crates/zylon-schema/src/check/mod.rs"],
    },
    CodeDoc {
        code: "json.duplicate_key",
        severity: "warning",
        why: "JSON parsers keep the last value; the earlier one is silently lost.",
        fix: "Remove the earlier occurrence of the key; keep the value you mean.",
        points_at: "the value the message names (`/events/N` for stream issues).",
        implemented_in: &["crates/zylon-schema/src/check/duplicates.rs", "crates/zylon-schema/src/check/span.rs"],
    },
    CodeDoc {
        code: "json.encoding",
        severity: "warning",
        why: "The server parses a body with Python's `json.loads` of its bytes, which detects UTF-16 and UTF-32 (either byte order, with or without a byte order mark) and reads UTF-8 that encodes a surrogate on its own (`surrogatepass`): the server takes such a body. JSON exchanged between systems must be UTF-8 (RFC 8259), so a proxy, the Workspace backend or a log on the way may reject or garble it. Only bytes can carry this (the CLI's files, `validate(Uint8Array)`, Python `bytes`); the body is validated as the server reads it, and spans are offsets into its UTF-8 (`body_text`).",
        fix: "Send the body as UTF-8; encode a character beyond U+FFFF as one 4-byte UTF-8 sequence, not as two 3-byte surrogates (CESU-8). `zylon-schema fix` (and `fix_bytes`, Python `fix(bytes)`) converts a UTF-16 or UTF-32 body to UTF-8 (its first fix, round 0); a surrogate on its own has no UTF-8 form, so such a body is left as it is.",
        points_at: "the body (`\"\"`) for UTF-16 and UTF-32; the value holding the first encoded surrogate.",
        implemented_in: &["crates/zylon-schema/src/check/mod.rs", "crates/zylon-schema/src/fix.rs"],
    },
    CodeDoc {
        code: "field.type",
        severity: "error",
        why: "The server's request models reject values of the wrong type (HTTP 400).",
        fix: "Send the JSON type the message names (e.g. a string, not a number).",
        points_at: "/top_p (float fields (min_p, top_p, temperature, penalties) not a number); /messages/i (message not an object); /messages/i/content (`content` neither string nor array); /messages/i/content/j (a block that is not an object)",
        implemented_in: &["crates/zylon-schema/src/check/ctx.rs", "crates/zylon-schema/src/check/report_json.rs", "crates/zylon-schema/src/check/rules/blocks.rs", "crates/zylon-schema/src/check/rules/envelope.rs", "crates/zylon-schema/src/check/rules/mcp.rs", "crates/zylon-schema/src/check/rules/media.rs", "crates/zylon-schema/src/check/rules/messages.rs", "crates/zylon-schema/src/check/rules/mod.rs", "crates/zylon-schema/src/check/rules/response.rs", "crates/zylon-schema/src/check/rules/sampling.rs", "crates/zylon-schema/src/check/rules/structured.rs", "crates/zylon-schema/src/check/rules/system.rs", "crates/zylon-schema/src/check/rules/tool_context.rs", "crates/zylon-schema/src/check/rules/tools.rs"],
    },
    CodeDoc {
        code: "field.required",
        severity: "error / error / warning / warning",
        why: "The field is required by the server or the Workspace spec.",
        fix: "Add the missing field.",
        points_at: "/…/j/content (file block without `content`); /…/j/id (tool_use `id` missing); /…/j/name (tool_use `name` missing / not 1–200 chars); /…/j/tool_use_id (tool_result `tool_use_id` missing)",
        implemented_in: &["crates/zylon-schema/src/check/rules/blocks.rs", "crates/zylon-schema/src/check/rules/media.rs", "crates/zylon-schema/src/check/rules/response.rs", "crates/zylon-schema/src/check/rules/tool_context.rs"],
    },
    CodeDoc {
        code: "field.enum",
        severity: "error (warning for unknown values in responses)",
        why: "The value is outside the allowed set.",
        fix: "Use one of the listed values (they are case-sensitive).",
        points_at: "the value the message names (`/events/N` for stream issues).",
        implemented_in: &["crates/zylon-schema/src/check/rules/blocks.rs", "crates/zylon-schema/src/check/rules/media.rs", "crates/zylon-schema/src/check/rules/response.rs"],
    },
    CodeDoc {
        code: "field.unknown",
        severity: "warning / warning (hint allowed_tools)",
        why: "Unknown fields are ignored by the server (`extra=\"allow\"`): whatever you meant by it has no effect.",
        fix: "Remove the field, or rename it as the hint suggests (`input_schema` → `inputSchema`).",
        points_at: "/…/j/key (unknown key in a block); …/enabled_tools (`enabled_tools` key); /key (unknown envelope key)",
        implemented_in: &["crates/zylon-schema/src/check/ctx.rs", "crates/zylon-schema/src/check/span.rs"],
    },
    CodeDoc {
        code: "field.server_only",
        severity: "warning",
        why: "The server understands the field but the Workspace API does not list it; the backend may drop it (RULES.md §1.4).",
        fix: "Remove the field unless you know the Workspace backend forwards it.",
        points_at: "the value the message names (`/events/N` for stream issues).",
        implemented_in: &["crates/zylon-schema/src/check/ctx.rs", "crates/zylon-schema/src/check/rules/mcp.rs", "crates/zylon-schema/src/check/rules/media.rs", "crates/zylon-schema/src/check/rules/system.rs", "crates/zylon-schema/src/check/span.rs"],
    },
    CodeDoc {
        code: "field.coerced",
        severity: "warning",
        why: "The server converts the string (lax parsing); other languages' clients may not.",
        fix: "Send the value with its JSON type: `100` not `\"100\"`, `true` not `\"true\"` (`zylon-schema fix` does it).",
        points_at: "the value the message names (`/events/N` for stream issues).",
        implemented_in: &["crates/zylon-schema/src/check/ctx.rs", "crates/zylon-schema/src/check/rules/blocks.rs", "crates/zylon-schema/src/check/rules/mod.rs", "crates/zylon-schema/src/check/rules/request.rs", "crates/zylon-schema/src/check/rules/sampling.rs", "crates/zylon-schema/src/check/rules/tools.rs", "crates/zylon-schema/src/fix.rs"],
    },
    CodeDoc {
        code: "field.null",
        severity: "error",
        why: "The server's models give the field a default but do not accept `None`: pydantic rejects the explicit `null` with a 400 (RULES.md Part 3.1).",
        fix: "Leave the field out instead of sending `null` (the server then uses its default), or give it a value of its type.",
        points_at: "/… the field (`null` where the server's model has a default but no `none` (rules.md part 3.1; `scripts/oracle_diff.py --null-sweep` checks each place): top level `stream`, `mcp_servers`, `thinking`, `tool_choice`, `response_format`; `thinking.enabled`; `tool_choice.type`/`disable_parallel_tool_use`; `response_format.type`; `system.citations`/`extensions`/`use_default_prompt`; `citations.enabled`; mcp `tool_configuration` and its `enabled`; block `_meta`/`metadata`, text `text`, thinking `thinking`, tldr `content`, tool_result `content`/`is_error`; `context_filter.collection`; sql artifact flags and `description`; custom tool `defer_loading`)",
        implemented_in: &["crates/zylon-schema/src/check/ctx.rs"],
    },
];
