//! The documentation of the codes of 11. structured output.

use super::super::CodeDoc;

/// The heading of these codes in `docs/codes.md`.
pub(crate) const TITLE: &str = "11. structured output";

/// The codes of 11. structured output, in the order of `Code::ALL`.
pub(crate) const DOCS: &[CodeDoc] = &[
    CodeDoc {
        code: "response_format.type_enum",
        severity: "error",
        why: "`type` ∈ {`text`, `json_schema`} (default text). — the server rejects the body with HTTP 400 (request validation) (\"Input should be 'text' or 'json_schema'\"). Source: `private_gpt/chat/input_models.py:299`.",
        fix: "Use `text` or `json_schema`.",
        points_at: "/response_format/type (response_format.type not text/json_schema)",
        implemented_in: &["crates/zylon-schema/src/check/rules/structured.rs"],
    },
    CodeDoc {
        code: "response_format.json_schema_required",
        severity: "error (warning when `output_config.format` gives the schema)",
        why: "`type:\"json_schema\"` needs a non-empty `json_schema` object. — the server rejects the request with HTTP 400 while mapping it (\"JSON schema must be provided when response format is json_schema\"). Source: `private_gpt/server/chat/chat_request_mapper.py:109`. An accepted `output_config` (or its alias `outputConfig`) whose `format` has a non-empty schema is read first (`chat_request_mapper.py:101`): the server then never reads `response_format.json_schema`, and this is a warning (the Workspace backend may drop the server-only `output_config`).",
        fix: "Add a non-empty `json_schema` object.",
        points_at: "/response_format/json_schema (json_schema type without non-empty object json_schema)",
        implemented_in: &["crates/zylon-schema/src/check/rules/structured.rs"],
    },
    CodeDoc {
        code: "response_format.json_schema_shape",
        severity: "error (warning when `output_config.format` gives the schema)",
        why: "The schema must have `type` (unless a top-level allOf/anyOf/oneOf); `object` needs `properties`; arrays need `items` (an object). — the server rejects the request with HTTP 400 while mapping it (\"Schema must define a 'type' field\" / \"Object schemas must define 'properties'\"). Source: `private_gpt/chat/schema_models.py:132`. Not read when an accepted `output_config.format` has a non-empty schema (`chat_request_mapper.py:101`): a warning then.",
        fix: "Use a schema like `{\"type\": \"object\", \"properties\": {...}}`.",
        points_at: "/response_format/json_schema (a schema the server cannot build a model from: `check/rules/output_schema.rs` follows `create_model_from_json_schema` (`private_gpt/chat/schema_models.py`) step by step — no `type` (and no top-level allof/anyof/oneof), object without `properties`, composition keys that are not lists, nested arrays without object `items`, non-object property schemas, empty `anyof`/`oneof`, `type: []`, unhashable `type`/`required` items. a top-level `{\"type\": \"array\"}` without `items` is accepted (rules.md part 3.4))",
        implemented_in: &["crates/zylon-schema/src/check/rules/structured.rs"],
    },
    CodeDoc {
        code: "response_format.no_tools",
        severity: "error",
        why: "Structured output (json_schema or `output_config.format`) forbids a non-empty `tools` list (even with `tool_choice:none`). — the server rejects the body with HTTP 400 (request validation) (\"Tools are not supported when response_format is set to json_schema\" (or \"...when structured output is enabled.\")\"). Source: `private_gpt/server/chat/chat_models.py:357`.",
        fix: "Remove `tools`, or drop structured output.",
        points_at: "/tools (structured output + non-empty tools)",
        implemented_in: &["crates/zylon-schema/src/check/rules/structured.rs"],
    },
    CodeDoc {
        code: "response_format.no_mcp",
        severity: "error",
        why: "Structured output forbids `mcp_servers`. — the server rejects the body with HTTP 400 (request validation) (\"MCP servers are not supported when structured output is enabled.\"). Source: `private_gpt/server/chat/chat_models.py:365`.",
        fix: "Remove `mcp_servers`, or drop structured output.",
        points_at: "/mcp_servers (structured output + non-empty mcp_servers)",
        implemented_in: &["crates/zylon-schema/src/check/rules/structured.rs"],
    },
    CodeDoc {
        code: "response_format.no_citations",
        severity: "error",
        why: "Structured output forbids `system.citations.enabled: true` (after merging a system list). — the server rejects the body with HTTP 400 (request validation) (\"Citations are not supported when structured output is enabled.\"). Source: `private_gpt/server/chat/chat_models.py:369`.",
        fix: "Set `system.citations.enabled` to false, or drop structured output.",
        points_at: "/system/citations/enabled (structured output + system.citations.enabled true)",
        implemented_in: &["crates/zylon-schema/src/check/rules/structured.rs"],
    },
    CodeDoc {
        code: "response_format.text_ignores_schema",
        severity: "warning",
        why: "With `type:\"text\"`, a `json_schema` is ignored. — the server accepts it but silently ignores the value. Source: `private_gpt/server/chat/chat_request_mapper.py:109`.",
        fix: "Set `\"type\": \"json_schema\"` to get structured output, or remove `json_schema`.",
        points_at: "/response_format/json_schema (type text with a json_schema)",
        implemented_in: &["crates/zylon-schema/src/check/rules/structured.rs"],
    },
];
