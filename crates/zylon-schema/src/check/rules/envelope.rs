//! RULES.md §2: the Workspace envelopes (`ProjectChatDTO`, `CreateInteractionDTO`, the thread DTOs).

use crate::check::fields::Field;
use crate::check::json::{Object, Value};

use super::{enum_field, not_type, request, str_list_field, Code, Ctx, Kind, Options, Summary};
use crate::check::Severity;
use crate::vocab;

const AGENTS: &[&str] = vocab::AGENT;
const VISIBILITY: &[&str] = vocab::VISIBILITY;

/// `interaction` and `project-chat`: the envelope fields, then the ChatRequest rules under `/pgpt`.
pub(super) fn check_chat_envelope<'a>(
    ctx: &mut Ctx<'a>,
    root: &Object<'a>,
    kind: Kind,
    options: &Options,
) -> Summary {
    let interaction = kind == Kind::Interaction;
    let (shape, pgpt_code, ids_code, all_code) = if interaction {
        (
            vocab::names::CREATE_INTERACTION_DTO,
            Code::EnvelopeInteractionPgptRequired,
            Code::EnvelopeInteractionArtifactIdsType,
            Code::EnvelopeInteractionArtifactIdsType,
        )
    } else {
        (
            vocab::names::PROJECT_CHAT_DTO,
            Code::EnvelopeProjectChatPgptRequired,
            Code::EnvelopeProjectChatArtifactIdsType,
            Code::EnvelopeProjectChatAllArtifactsType,
        )
    };
    let what = if interaction {
        "CreateInteractionDTO"
    } else {
        "ProjectChatDTO"
    };
    ctx.unknown_fields(root, shape, what);
    str_list_field(ctx, root, "artifact_ids", ids_code);
    if let Some(v) = root.get("all_artifacts") {
        if !v.is_boolean() && !v.is_null() {
            ctx.key("all_artifacts", |ctx| {
                ctx.error(all_code, not_type("`all_artifacts` must be a boolean", &v))
            });
        }
    }
    if interaction {
        match root.get("thread_id") {
            None | Some(Value::Null) => ctx.at_key(
                Severity::Warning,
                Code::EnvelopeInteractionThreadId,
                "thread_id",
                "`thread_id` is missing; the Workspace docs require it in the body (the same id as in the URL path)",
                Some("add `\"thread_id\": \"<the thread id from the URL>\"`".into()),
            ),
            Some(Value::String(_)) => {}
            Some(v) => ctx.key("thread_id", |ctx| ctx.error(Code::FieldType, not_type("`thread_id` must be a string", &v))),
        }
        enum_field(
            ctx,
            Field::of(root, "agent"),
            AGENTS,
            Code::EnvelopeInteractionAgentEnum,
            false,
        );
    }
    match root.get("pgpt") {
        None | Some(Value::Null) => {
            ctx.at_key(
                Severity::Error,
                pgpt_code,
                "pgpt",
                format!("`pgpt` (the chat request) is required in a {what}"),
                None,
            );
            Summary::default()
        }
        Some(Value::Object(p)) => ctx.key("pgpt", |ctx| request::check(ctx, &p, options)),
        Some(v) => {
            ctx.key("pgpt", |ctx| {
                ctx.error(
                    Code::FieldType,
                    not_type("`pgpt` must be a chat request object", &v),
                )
            });
            Summary::default()
        }
    }
}

/// `thread` (CreateThreadDTO, `create == true`) and `thread-update` (UpdateThreadDTO).
pub(super) fn check_thread<'a>(ctx: &mut Ctx<'a>, root: &Object<'a>, create: bool) {
    let what = if create {
        "CreateThreadDTO"
    } else {
        "UpdateThreadDTO"
    };
    let shape = if create {
        vocab::names::CREATE_THREAD_DTO
    } else {
        vocab::names::UPDATE_THREAD_DTO
    };
    ctx.unknown_fields(root, shape, what);
    let (name_code, vis_code) = if create {
        (
            Code::EnvelopeThreadNameRequired,
            Code::EnvelopeThreadVisibilityEnum,
        )
    } else {
        (
            Code::EnvelopeThreadUpdateOptionalFields,
            Code::EnvelopeThreadUpdateOptionalFields,
        )
    };
    match root.get("name") {
        Some(Value::String(_)) => {}
        None | Some(Value::Null) if !create => {}
        None | Some(Value::Null) => ctx.at_key(
            Severity::Error,
            name_code,
            "name",
            "`name` (a string) is required to create a thread",
            None,
        ),
        Some(v) => ctx.key("name", |ctx| {
            ctx.error(name_code, not_type("`name` must be a string", &v))
        }),
    }
    match root.get("visibility") {
        None | Some(Value::Null) if create => ctx.at_key(
            Severity::Error,
            Code::EnvelopeThreadVisibilityRequired,
            "visibility",
            "`visibility` is required to create a thread",
            Some("add `\"visibility\": \"Private\"` or `\"Public\"`".into()),
        ),
        _ => {
            enum_field(
                ctx,
                Field::of(root, "visibility"),
                VISIBILITY,
                vis_code,
                false,
            );
        }
    }
}
