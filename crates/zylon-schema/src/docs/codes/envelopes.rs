//! The documentation of the codes of 2. envelopes.

use super::super::CodeDoc;

/// The heading of these codes in `docs/codes.md`.
pub(crate) const TITLE: &str = "2. envelopes";

/// The codes of 2. envelopes, in the order of `Code::ALL`.
pub(crate) const DOCS: &[CodeDoc] = &[
    CodeDoc {
        code: "envelope.project_chat.pgpt_required",
        severity: "error",
        why: "`ProjectChatDTO.pgpt` (a ChatRequest) is the only required property. — a Workspace API (backend) requirement. Source: `api-reference/workspace.json:5744`.",
        fix: "Put the chat request under `pgpt`.",
        points_at: "/pgpt (project-chat without pgpt)",
        implemented_in: &["crates/zylon-schema/src/check/rules/envelope.rs"],
    },
    CodeDoc {
        code: "envelope.project_chat.artifact_ids_type",
        severity: "error",
        why: "`artifact_ids` is an array of strings (optional). — a Workspace API (backend) requirement. Source: `api-reference/workspace.json:5744`.",
        fix: "Use a list of artifact id strings: `\"artifact_ids\": [\"art_1\"]`.",
        points_at: "/artifact_ids (project-chat artifact_ids not a list of strings)",
        implemented_in: &["crates/zylon-schema/src/check/rules/envelope.rs"],
    },
    CodeDoc {
        code: "envelope.project_chat.all_artifacts_type",
        severity: "error",
        why: "`all_artifacts` is a boolean (optional). — a Workspace API (backend) requirement. Source: `api-reference/workspace.json:5744`.",
        fix: "Use `true` or `false`.",
        points_at: "/all_artifacts (project-chat all_artifacts not bool)",
        implemented_in: &["crates/zylon-schema/src/check/rules/envelope.rs"],
    },
    CodeDoc {
        code: "envelope.interaction.pgpt_required",
        severity: "error",
        why: "`CreateInteractionDTO.pgpt`: docs say required; workspace.json lists **no** required property for this DTO. Treat as required. — a Workspace API (backend) requirement. Source: `en/developer-manual/build-with-zylon/workspace-api/chats/threads.mdx:24`, `api-reference/workspace.json:7066`.",
        fix: "Put the chat request under `pgpt`.",
        points_at: "/pgpt (interaction without pgpt)",
        implemented_in: &["crates/zylon-schema/src/check/rules/envelope.rs"],
    },
    CodeDoc {
        code: "envelope.interaction.thread_id",
        severity: "warning",
        why: "Docs say body `thread_id` is required (duplicating the path id); workspace.json does not. Unknown whether the backend checks it matches the path. Warn if absent or different from the path id. — a Workspace API (backend) requirement. Source: `en/developer-manual/build-with-zylon/workspace-api/chats/threads.mdx:23`.",
        fix: "Add `thread_id` with the id from the URL.",
        points_at: "/thread_id (interaction without thread_id)",
        implemented_in: &["crates/zylon-schema/src/check/rules/envelope.rs"],
    },
    CodeDoc {
        code: "envelope.interaction.agent_enum",
        severity: "error",
        why: "`agent` ∈ {`Default`, `ProjectDeepResearch`} (case-sensitive), optional. — a Workspace API (backend) requirement. Source: `api-reference/workspace.json:7088`.",
        fix: "Use `Default` or `ProjectDeepResearch` (case-sensitive).",
        points_at: "/agent (interaction agent not default/projectdeepresearch)",
        implemented_in: &["crates/zylon-schema/src/check/rules/envelope.rs"],
    },
    CodeDoc {
        code: "envelope.interaction.artifact_ids_type",
        severity: "error",
        why: "`artifact_ids` array of strings, `all_artifacts` boolean, both optional. — a Workspace API (backend) requirement. Source: `api-reference/workspace.json:7066`.",
        fix: "`artifact_ids` is a list of strings, `all_artifacts` a boolean.",
        points_at: "/artifact_ids (interaction artifact_ids / all_artifacts wrong type)",
        implemented_in: &["crates/zylon-schema/src/check/rules/envelope.rs"],
    },
    CodeDoc {
        code: "envelope.thread.name_required",
        severity: "error",
        why: "`CreateThreadDTO.name` string, required (also the body of `POST /project/{id}/thread/interaction`). — a Workspace API (backend) requirement. Source: `api-reference/workspace.json:7510`.",
        fix: "Add a `name` string.",
        points_at: "/name (thread without name (or not a string))",
        implemented_in: &["crates/zylon-schema/src/check/rules/envelope.rs"],
    },
    CodeDoc {
        code: "envelope.thread.visibility_required",
        severity: "error",
        why: "`CreateThreadDTO.visibility` required. — a Workspace API (backend) requirement. Source: `api-reference/workspace.json:7510`.",
        fix: "Add `\"visibility\": \"Private\"` or `\"Public\"`.",
        points_at: "/visibility (thread without visibility)",
        implemented_in: &["crates/zylon-schema/src/check/rules/envelope.rs"],
    },
    CodeDoc {
        code: "envelope.thread.visibility_enum",
        severity: "error",
        why: "`visibility` ∈ {`Public`, `Private`} (case-sensitive). — a Workspace API (backend) requirement. Source: `api-reference/workspace.json:7504`.",
        fix: "Use `Public` or `Private` (case-sensitive).",
        points_at: "/visibility (visibility not public/private)",
        implemented_in: &["crates/zylon-schema/src/check/rules/envelope.rs"],
    },
    CodeDoc {
        code: "envelope.thread_update.optional_fields",
        severity: "error",
        why: "`UpdateThreadDTO` (PUT `/thread/{id}`): `name` string and `visibility` enum, both optional. — a Workspace API (backend) requirement. Source: `api-reference/workspace.json:7494`.",
        fix: "`name` is a string; `visibility` is `Public` or `Private`.",
        points_at: "/name (thread-update name not a string / visibility not in enum)",
        implemented_in: &["crates/zylon-schema/src/check/rules/envelope.rs"],
    },
];
