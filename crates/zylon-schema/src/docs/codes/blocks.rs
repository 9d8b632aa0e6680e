//! The documentation of the codes of 5. content blocks (common).

use super::super::CodeDoc;

/// The heading of these codes in `docs/codes.md`.
pub(crate) const TITLE: &str = "5. content blocks (common)";

/// The codes of 5. content blocks (common), in the order of `Code::ALL`.
pub(crate) const DOCS: &[CodeDoc] = &[
    CodeDoc {
        code: "blocks.type.unknown",
        severity: "error / warning",
        why: "Every block needs a known `type` tag (discriminated union). `file` is **not** known to the server (see `block.file.unsupported`). — the server rejects the body with HTTP 400 (request validation) (\"Input tag 'x' found using 'type' does not match any of the expected tags\" / \"Unable to extract tag using discriminator 'type'\"). Source: `private_gpt/chat/input_models.py:356`.",
        fix: "Use one of text, image, audio, binary, file, source, tldr, thinking, tool_use, tool_result (lower case).",
        points_at: "/…/j/type (`type` missing or unknown (e.g. `\"txt\"`, `\"text\"`)); /…/content/k/type (a tldr item without `type` (the items are not a tagged union: the server reads it as a text block; the workspace api requires `type`))",
        implemented_in: &["crates/zylon-schema/src/check/rules/blocks.rs", "crates/zylon-schema/src/check/rules/response.rs"],
    },
    CodeDoc {
        code: "block.pgpt_only_types",
        severity: "warning",
        why: "`document`, `redacted_thinking`, `server_tool_use`, `server_tool_result`, `search_result`, `mid_conv_system`, ... are accepted by pgpt but absent from workspace.json. Warn (or reject if strictly following the Workspace spec). — no server error; a difference between the Workspace spec and the server. Source: `private_gpt/events/models/_content_blocks.py:673`.",
        fix: "Use a Workspace block type if you can; the backend may not forward this one.",
        points_at: "/…/j/type (pgpt-only types (document, redacted_thinking, server_tool_use, server_tool_result, search_result, container_upload, mid_conv_system, local_resource, resource_link, resource, bash_code_execution_*, text_editor_code_execution_*, web_search_result, web_fetch_result, web_search_tool_result, web_fetch_tool_result))",
        implemented_in: &["crates/zylon-schema/src/check/rules/blocks.rs"],
    },
    CodeDoc {
        code: "block.timestamps",
        severity: "error",
        why: "`start_timestamp`/`stop_timestamp` must be ISO-8601 date-times (workspace.json: free strings). — the server rejects the body with HTTP 400 (request validation) (\"Input should be a valid datetime\"; \"day value is outside expected range\" for a day the month does not have, such as 29 February 2023 or 31 April; \"year 0 is out of range\"; \"unexpected extra characters\" for an offset of hours only (`+01`), of 24 hours or more, or of 60 minutes or more). Source: `private_gpt/events/models/_base.py:47`.",
        fix: "Use ISO-8601 date-times such as `2026-02-08T14:41:10Z`.",
        points_at: "/…/j/start_timestamp (`start_timestamp`/`stop_timestamp` not an iso-8601 date-time string (date `2024-01-01` alone is accepted by pydantic; `2024-01-01t10:00:00z`, `+02:00`, fractional seconds fine; `\"yesterday\"`, numbers as strings like \"abc\" rejected; an integer/float number is accepted as unix time, and so is a string of one, signed or not, with or without an integer part (`+1`, `.5`)))",
        implemented_in: &["crates/zylon-schema/src/check/rules/blocks.rs"],
    },
    CodeDoc {
        code: "block.meta",
        severity: "error",
        why: "Block `_meta` (alias `metadata`) is a free object; unknown block keys are allowed (`extra=\"allow\"`). — no server error; a difference between the Workspace spec and the server. Source: `private_gpt/events/models/_base.py:36`, `:53`.",
        fix: "Make `_meta` an object.",
        points_at: "/…/j/_meta (block `_meta` not an object)",
        implemented_in: &["crates/zylon-schema/src/check/rules/blocks.rs"],
    },
    CodeDoc {
        code: "block.text.fields",
        severity: "error",
        why: "`text` block: `text` string (defaults to `\"\"`), optional `citations` list. — the server rejects the body with HTTP 400 (request validation). Source: `private_gpt/events/models/_content_blocks.py:43`.",
        fix: "`text` must be a string and `citations` an array.",
        points_at: "/…/j/text (text: `text` not a string); /…/j/citations (text: `citations` not an array)",
        implemented_in: &["crates/zylon-schema/src/check/rules/blocks.rs"],
    },
    CodeDoc {
        code: "block.text.citation_index_int",
        severity: "error",
        why: "Citation objects (`ZylonCitation`): `id`, `artifact_id`, `source_id` strings; **`index` is an integer** (workspace.json: string; numeric strings coerced, others rejected). workspace.json's `correlation_id` field on citations is ignored. — the server rejects the body with HTTP 400 (request validation) (\"Input should be a valid integer\"). Source: `private_gpt/chat/extensions/citation.py:13`.",
        fix: "Send the citation `index` as an integer.",
        points_at: "/…/citations/k/index (citation `index` not an integer (numeric string `\"3\"` → warning field.coerced; `\"abc\"`, `1.5` → error))",
        implemented_in: &["crates/zylon-schema/src/check/rules/blocks.rs"],
    },
];
