//! The documentation of the codes of 12. mcp_servers.

use super::super::CodeDoc;

/// The heading of these codes in `docs/codes.md`.
pub(crate) const TITLE: &str = "12. mcp_servers";

/// The codes of 12. mcp_servers, in the order of `Code::ALL`.
pub(crate) const DOCS: &[CodeDoc] = &[
    CodeDoc {
        code: "mcp.url_required",
        severity: "error",
        why: "`url` string required; string fields are whitespace-trimmed; `name` defaults to `mcp`; `authorization_token` optional. — the server rejects the body with HTTP 400 (request validation) (\"url: Field required\"). Source: `private_gpt/server/mcp/config.py:27`, `:66`.",
        fix: "Add the server's `url`.",
        points_at: "/mcp_servers/k/url (mcp server without string `url`)",
        implemented_in: &["crates/zylon-schema/src/check/rules/mcp.rs"],
    },
    CodeDoc {
        code: "mcp.refresh_token_client_id",
        severity: "warning (server-only fields; message says server rejects)",
        why: "pgpt-only `refresh_token` requires `client_id`; `token_endpoint_auth_method` ∈ {none, client_secret_basic, client_secret_post}. — the server rejects the body with HTTP 400 (request validation) (\"refresh_token requires client_id\"). Source: `private_gpt/server/mcp/config.py:46`, `:75`.",
        fix: "Add `client_id` with `refresh_token`; use a valid auth method.",
        points_at: "/mcp_servers/k/refresh_token (refresh_token without client_id; bad token_endpoint_auth_method)",
        implemented_in: &["crates/zylon-schema/src/check/rules/mcp.rs"],
    },
    CodeDoc {
        code: "mcp.tool_configuration",
        severity: "error",
        why: "`tool_configuration.enabled` (default true; false → no tools listed) and `allowed_tools` (list of names; only those tools are kept). The pgpt OpenAPI example's `enabled_tools` key is not a real field (ignored). — no server error; a difference between the Workspace spec and the server. Source: `private_gpt/server/mcp/config.py:6`, `private_gpt/server/mcp/mcp_service.py:146`.",
        fix: "`enabled` is a boolean, `allowed_tools` a list of names.",
        points_at: "/mcp_servers/k/tool_configuration/… (tool_configuration.enabled not bool / allowed_tools not list of strings)",
        implemented_in: &["crates/zylon-schema/src/check/rules/mcp.rs"],
    },
    CodeDoc {
        code: "mcp.unknown_field_type",
        severity: "warning",
        why: "workspace.json's `McpServer.type` is ignored by pgpt. — the server accepts it but silently ignores the value. Source: `api-reference/workspace.json:6590`.",
        fix: "Remove `type`; it has no effect.",
        points_at: "/mcp_servers/k/type (mcp `type`)",
        implemented_in: &["crates/zylon-schema/src/check/rules/mcp.rs"],
    },
];
