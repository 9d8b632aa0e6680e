//! The documentation of the codes of 10. tool_context and artifacts.

use super::super::CodeDoc;

/// The heading of these codes in `docs/codes.md`.
pub(crate) const TITLE: &str = "10. tool_context and artifacts";

/// The codes of 10. tool_context and artifacts, in the order of `Code::ALL`.
pub(crate) const DOCS: &[CodeDoc] = &[
    CodeDoc {
        code: "tool_context.requires_tools",
        severity: "error",
        why: "A non-empty `tool_context` needs a non-empty `tools`. (An empty list is fine.) — the server rejects the body with HTTP 400 (request validation) (\"Tool context is provided, but no tools are specified. Please provide tools to use with the tool context.\"). Source: `private_gpt/server/chat/chat_models.py:337`.",
        fix: "Add the tool that uses the artifacts, or remove `tool_context`.",
        points_at: "/tool_context (non-empty tool_context, tools missing/empty)",
        implemented_in: &["crates/zylon-schema/src/check/rules/tools.rs"],
    },
    CodeDoc {
        code: "tool_context.kind",
        severity: "error / warning (server-only kind)",
        why: "Artifact `type` ∈ {`file`, `uri`, `text`, `ingested_artifact`, `sql_database`, `skill`} (workspace.json: no `skill`). — the server rejects the body with HTTP 400 (request validation) (\"Input tag ... does not match any of the expected tags\"). Source: `private_gpt/server/utils/artifact_input.py:238`.",
        fix: "Use file, uri, text, ingested_artifact or sql_database.",
        points_at: "/tool_context/k/type (artifact `type` missing/unknown); /tool_context/k/type (`skill` artifact)",
        implemented_in: &["crates/zylon-schema/src/check/rules/tool_context.rs"],
    },
    CodeDoc {
        code: "artifact.file.value_base64",
        severity: "error",
        why: "`file` artifact: `value` required, strict base64 (round-trips exactly). workspace.json wrongly shows the file **content block** schema (`content`, `content_type`, `doc_metadata`) for this artifact; that shape is rejected. — the server rejects the body with HTTP 400 (request validation) (\"File input requires valid base64 encoded content\" / \"value: Field required\"). Source: `private_gpt/server/utils/artifact_input.py:67`, `:72`.",
        fix: "Send `{\"type\": \"file\", \"value\": \"<base64>\"}` (not `content`).",
        points_at: "/tool_context/k/value (file artifact without `value` or value not strict base64 (w's content/content_type shape gets a hint))",
        implemented_in: &["crates/zylon-schema/src/check/rules/tool_context.rs"],
    },
    CodeDoc {
        code: "artifact.uri.value_required",
        severity: "error",
        why: "`uri` artifact: `value` string required. — the server rejects the body with HTTP 400 (request validation) (\"value: Field required\"). Source: `private_gpt/server/utils/artifact_input.py:89`.",
        fix: "Send `{\"type\": \"uri\", \"value\": \"https://...\"}`.",
        points_at: "/tool_context/k/value (uri artifact without string `value`)",
        implemented_in: &["crates/zylon-schema/src/check/rules/tool_context.rs"],
    },
    CodeDoc {
        code: "artifact.text.value_required",
        severity: "error",
        why: "`text` artifact: `value` string required. workspace.json shows the text **content block** schema (`text`, `citations`) instead; rejected. — the server rejects the body with HTTP 400 (request validation) (\"value: Field required\"). Source: `private_gpt/server/utils/artifact_input.py:131`.",
        fix: "Send `{\"type\": \"text\", \"value\": \"...\"}` (not `text`).",
        points_at: "/tool_context/k/value (text artifact without string `value`)",
        implemented_in: &["crates/zylon-schema/src/check/rules/tool_context.rs"],
    },
    CodeDoc {
        code: "artifact.ingested.context_filter_required",
        severity: "error",
        why: "`ingested_artifact` needs `context_filter` (object). — the server rejects the body with HTTP 400 (request validation) (\"context_filter: Field required\"). Source: `private_gpt/server/utils/artifact_input.py:148`.",
        fix: "Add `\"context_filter\": {\"collection\": \"...\", \"artifacts\": [\"...\"]}`.",
        points_at: "/tool_context/k/context_filter (ingested_artifact without object `context_filter`)",
        implemented_in: &["crates/zylon-schema/src/check/rules/tool_context.rs"],
    },
    CodeDoc {
        code: "artifact.sql.connection_string_required",
        severity: "error",
        why: "`sql_database` needs `connection_string`; optional `schemas` (list), `ssl`, `enable_tables`, `enable_views`, `enable_functions`, `enable_procedures` (bool, default true except ssl false), `description`. — the server rejects the body with HTTP 400 (request validation) (\"connection_string: Field required\"). Source: `private_gpt/server/utils/artifact_input.py:169`.",
        fix: "Add the `connection_string`.",
        points_at: "/tool_context/k/connection_string (sql_database without string `connection_string`)",
        implemented_in: &["crates/zylon-schema/src/check/rules/tool_context.rs"],
    },
    CodeDoc {
        code: "artifact.skill.skill_filter_required",
        severity: "error",
        why: "pgpt-only `skill` artifact needs `skill_filter` with `collection` (1–255 chars) and optional `skill_or_version_ids` (alias `skill_ids`). — the server rejects the body with HTTP 400 (request validation) (\"skill_filter: Field required\" / \"String should have at least 1 character\"). Source: `private_gpt/server/utils/artifact_input.py:219`, `private_gpt/components/skills/models/skill_entities.py:93`.",
        fix: "Add `\"skill_filter\": {\"collection\": \"...\"}`.",
        points_at: "/tool_context/k/skill_filter (skill without `skill_filter`/`collection` (1–255 chars))",
        implemented_in: &["crates/zylon-schema/src/check/rules/tool_context.rs"],
    },
    CodeDoc {
        code: "context_filter.collection_default",
        severity: "warning",
        why: "`collection` optional (default `pgpt_collection`), `artifacts` optional — workspace.json marks both required. — the server accepts it but silently replaces the value. Source: `private_gpt/chat/extensions/context_filter.py:22`.",
        fix: "Name the `collection` and the `artifacts` explicitly.",
        points_at: "/…/context_filter/collection (context_filter without `collection` or `artifacts`)",
        implemented_in: &["crates/zylon-schema/src/check/rules/tool_context.rs"],
    },
    CodeDoc {
        code: "context_filter.metadata_filter_list",
        severity: "error",
        why: "`metadata_filter` must be a list of objects (any keys at body level). — the server rejects the body with HTTP 400 (request validation) (\"Input should be a valid list\"). Source: `private_gpt/chat/extensions/context_filter.py:32`.",
        fix: "Make `metadata_filter` a list of `{key, value, operator}` objects.",
        points_at: "/…/metadata_filter (`metadata_filter` not a list of objects)",
        implemented_in: &["crates/zylon-schema/src/check/rules/tool_context.rs"],
    },
    CodeDoc {
        code: "metadata_filter.operator",
        severity: "error / warning",
        why: "Each filter is parsed by llama-index when the retriever is built: `key` string, `value`, `operator` default `==`; operators `==, >, <, !=, >=, <=, in, nin` (workspace.json) plus llama-index's `any, all, text_match, text_match_insensitive, contains, is_empty`. Unknown operators fail only at tool build time (eager validate or first call). — the request is accepted, but it fails (or not) at run time (\"pydantic enum error from llama-index\"). Source: `api-reference/workspace.json:6780`, `private_gpt/components/node_store/node_store_component.py:201`.",
        fix: "Use ==, >, <, !=, >=, <=, in or nin.",
        points_at: "/…/metadata_filter/k/operator (filter `operator` unknown or `null` — error only when a semantic_search/tabular_analysis tool survives `tool_choice` (`/chat/validate` builds it and llama-index parses the filters); otherwise the filter is never read: warning (rules.md part 3.9))",
        implemented_in: &["crates/zylon-schema/src/check/rules/tool_context.rs"],
    },
    CodeDoc {
        code: "metadata_filter.value_type",
        severity: "error / warning / warning",
        why: "`value` may be a string, number or list (`in`/`nin`); workspace.json says string only. — no server error; a difference between the Workspace spec and the server. Source: `tests/server/chat/test_chat_routes.py:1794`, `private_gpt/chat/extensions/context_filter.py:32`.",
        fix: "Use a string value for Workspace compatibility; the server rejects booleans, objects and lists that mix strings and numbers.",
        points_at: "/…/metadata_filter/k/value (filter `value` a number or list (accepted, not workspace)); /…/metadata_filter/k/value (filter `value` a boolean, object, or mixed list (same condition as the operator))",
        implemented_in: &["crates/zylon-schema/src/check/rules/tool_context.rs"],
    },
];
