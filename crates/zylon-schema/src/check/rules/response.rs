//! Responses and stream events, validated leniently (RULES.md §1.5.3): unknown fields, enum
//! values, block types and event types are kept and at most noted as warnings; only what makes a
//! response unusable (wrong types, missing identifiers, content that is not a list) is an error.

use crate::check::fields::Field;
use crate::check::json::{Object, Value};

use super::{not_type, not_type_of, str_field, Code, Ctx, Kind, Want};
use crate::check::Severity;

const STOP_REASONS: &[&str] = &[
    "stop",
    "error",
    "cancelled",
    "end_turn",
    "max_tokens",
    "stop_sequence",
    "tool_use",
    "pause_turn",
    "refusal",
];

pub(super) fn check<'a>(ctx: &mut Ctx<'a>, root: &Object<'a>, kind: Kind) {
    match kind {
        Kind::InteractionResponse => interaction(ctx, root),
        Kind::MessageOutput => message_output(ctx, root),
        Kind::ChatResponse => {
            str_field(ctx, Field::of(root, "id"), Code::FieldType);
            str_field(ctx, Field::of(root, "role"), Code::FieldType);
            content(ctx, root);
        }
        Kind::Page => page(ctx, root),
        _ => event(ctx, root),
    }
}

fn require_str<'a>(ctx: &mut Ctx<'a>, o: &Object<'a>, key: &'a str, what: &str) {
    super::require(
        ctx,
        o,
        key,
        Want::Str,
        (Code::FieldRequired, format!("{what} has no `{key}`")),
        Code::FieldType,
    );
}

fn known_value<'a>(ctx: &mut Ctx<'a>, o: &Object<'a>, key: &'a str, known: &[&str]) {
    if let Some(v) = o.get(key).filter(|v| !v.is_null()) {
        ctx.key(key, |ctx| match v.as_str() {
            Some(s) if known.contains(&s) => {}
            Some(s) => ctx.warn(
                Code::FieldEnum,
                format!("unknown `{key}` value `{}` (kept)", super::short(s)),
            ),
            None => ctx.error(
                Code::FieldType,
                not_type_of(&["`", key, "` must be a string"], &v),
            ),
        });
    }
}

fn interaction<'a>(ctx: &mut Ctx<'a>, o: &Object<'a>) {
    for key in ["id", "project_id", "created_at"] {
        require_str(ctx, o, key, "the interaction");
    }
    str_field(ctx, Field::of(o, "thread_id"), Code::FieldType);
    match o.get("state") {
        None | Some(Value::Null) => ctx.at_key(
            Severity::Error,
            Code::FieldRequired,
            "state",
            "the interaction has no `state`",
            None,
        ),
        Some(_) => known_value(ctx, o, "state", &["Processing", "Completed", "Error"]),
    }
    match o.get("user_input") {
        Some(Value::Object(m)) => ctx.key("user_input", |ctx| {
            str_field(ctx, Field::of(&m, "role"), Code::FieldType);
            content(ctx, &m);
        }),
        None | Some(Value::Null) => ctx.at_key(
            Severity::Error,
            Code::FieldRequired,
            "user_input",
            "the interaction has no `user_input`",
            None,
        ),
        Some(v) => ctx.key("user_input", |ctx| {
            ctx.error(
                Code::FieldType,
                not_type("`user_input` must be a message object", &v),
            )
        }),
    }
    if let Some(out) = super::obj_field(ctx, o, "assistant_output", Code::FieldType) {
        ctx.key("assistant_output", |ctx| message_output(ctx, &out));
    }
    super::str_list_field(ctx, o, "artifact_ids", Code::FieldType);
    super::bool_field(ctx, Field::of(o, "all_artifacts"), Code::FieldType);
    super::obj_field(ctx, o, "pgpt", Code::FieldType);
}

fn message_output<'a>(ctx: &mut Ctx<'a>, o: &Object<'a>) {
    str_field(ctx, Field::of(o, "id"), Code::FieldType);
    str_field(ctx, Field::of(o, "model"), Code::FieldType);
    if let Some(v) = o
        .get("created")
        .filter(|v| !v.is_null() && !matches!(v, Value::Number(_)))
    {
        ctx.key("created", |ctx| {
            ctx.error(Code::FieldType, not_type("`created` must be a number", &v))
        });
    }
    known_value(ctx, o, "stop_reason", STOP_REASONS);
    if o.contains_key("content") {
        content(ctx, o);
    }
    if let Some(u) = super::obj_field(ctx, o, "usage", Code::FieldType) {
        ctx.key("usage", |ctx| {
            for k in ["input_tokens", "output_tokens"] {
                if let Some(v) = u
                    .get(k)
                    .filter(|v| !v.is_null() && !matches!(v, Value::Number(_)))
                {
                    ctx.key(k, |ctx| {
                        ctx.error(
                            Code::FieldType,
                            not_type_of(&["`", k, "` must be a number"], &v),
                        )
                    });
                }
            }
        });
    }
    match o.get("errors") {
        None | Some(Value::Null) => {}
        Some(Value::Array(errs)) => ctx.key("errors", |ctx| {
            for (i, e) in errs.iter().enumerate() {
                if !e.is_object() {
                    ctx.idx(i, |ctx| {
                        ctx.error(
                            Code::FieldType,
                            not_type("an error detail must be an object", &e),
                        )
                    });
                }
            }
        }),
        Some(v) => ctx.key("errors", |ctx| {
            ctx.error(Code::FieldType, not_type("`errors` must be an array", &v))
        }),
    }
}

/// `content`: a list of blocks, each an object with a string `type` (unknown types kept).
fn content<'a>(ctx: &mut Ctx<'a>, o: &Object<'a>) {
    match o.get("content") {
        Some(Value::Array(blocks)) => ctx.key("content", |ctx| {
            for (i, b) in blocks.iter().enumerate() {
                ctx.idx(i, |ctx| block(ctx, &b));
            }
        }),
        Some(Value::String(_)) | None | Some(Value::Null) => {}
        Some(v) => ctx.key("content", |ctx| {
            ctx.error(
                Code::FieldType,
                not_type("`content` must be an array of blocks", &v),
            )
        }),
    }
}

fn block<'a>(ctx: &mut Ctx<'a>, b: &Value<'a>) {
    let Some(o) = b.as_object() else {
        ctx.error(
            Code::FieldType,
            not_type("a content block must be an object", b),
        );
        return;
    };
    match o.get("type") {
        Some(Value::String(t)) if crate::vocab::is_workspace_block(t) => {}
        Some(Value::String(t)) => ctx.key("type", |ctx| {
            ctx.warn(
                Code::BlocksTypeUnknown,
                format!("unknown block type `{}` (kept)", super::short(t)),
            )
        }),
        None => ctx.at_key(
            Severity::Error,
            Code::BlocksTypeUnknown,
            "type",
            "the content block has no `type`",
            None,
        ),
        Some(v) => ctx.key("type", |ctx| {
            ctx.error(
                Code::BlocksTypeUnknown,
                not_type("block `type` must be a string", &v),
            )
        }),
    }
}

fn page<'a>(ctx: &mut Ctx<'a>, o: &Object<'a>) {
    match o.get("data") {
        Some(Value::Array(_)) => {}
        None | Some(Value::Null) => ctx.at_key(
            Severity::Error,
            Code::FieldRequired,
            "data",
            "the page has no `data` list",
            None,
        ),
        Some(v) => ctx.key("data", |ctx| {
            ctx.error(Code::FieldType, not_type("`data` must be an array", &v))
        }),
    }
    for k in ["has_next_page", "has_previous_page"] {
        match o.get(k) {
            Some(Value::Bool(_)) => {}
            None | Some(Value::Null) => ctx.at_key(
                Severity::Warning,
                Code::FieldRequired,
                k,
                format!("the page has no `{k}`"),
                None,
            ),
            Some(v) => ctx.key(k, |ctx| {
                ctx.error(
                    Code::FieldType,
                    not_type_of(&["`", k, "` must be a boolean"], &v),
                )
            }),
        }
    }
    str_field(ctx, Field::of(o, "next_cursor"), Code::FieldType);
    str_field(ctx, Field::of(o, "previous_cursor"), Code::FieldType);
    if let Some(v) = o
        .get("total_count")
        .filter(|v| !v.is_null() && !matches!(v, Value::Number(_)))
    {
        ctx.key("total_count", |ctx| {
            ctx.error(
                Code::FieldType,
                not_type("`total_count` must be a number", &v),
            )
        });
    }
}

fn event<'a>(ctx: &mut Ctx<'a>, o: &Object<'a>) {
    let ty = match o.get("type") {
        Some(Value::String(t)) => t,
        None => {
            ctx.at_key(
                Severity::Error,
                Code::FieldRequired,
                "type",
                "the stream event has no `type`",
                None,
            );
            return;
        }
        Some(v) => {
            ctx.key("type", |ctx| {
                ctx.error(
                    Code::FieldType,
                    not_type("event `type` must be a string", &v),
                )
            });
            return;
        }
    };
    let need_obj = |ctx: &mut Ctx<'a>, key: &'a str| {
        super::require(
            ctx,
            o,
            key,
            Want::Obj,
            (Code::FieldRequired, format!("a `{ty}` event needs `{key}`")),
            Code::FieldType,
        );
    };
    match ty {
        "message_start" => {
            need_obj(ctx, "message");
            if let Some(Value::Object(m)) = o.get("message") {
                ctx.key("message", |ctx| message_output(ctx, &m));
            }
        }
        "content_block_start" => {
            need_obj(ctx, "content_block");
            if let Some(b) = o.get("content_block") {
                ctx.key("content_block", |ctx| block(ctx, &b));
            }
            block_id(ctx, o);
        }
        "content_block_synthetic" => {
            need_obj(ctx, "block");
            block_id(ctx, o);
        }
        "content_block_delta" => {
            need_obj(ctx, "delta");
            block_id(ctx, o);
            if let Some(Value::Object(d)) = o.get("delta") {
                ctx.key("delta", |ctx| {
                    known_value(
                        ctx,
                        &d,
                        "type",
                        &[
                            "text_delta",
                            "thinking_delta",
                            "input_json_delta",
                            "source_delta",
                            "tldr_delta",
                        ],
                    )
                });
            }
        }
        "content_block_stop" => block_id(ctx, o),
        "message_delta" => need_obj(ctx, "delta"),
        "error" => need_obj(ctx, "error"),
        "message_stop" | "ping" | "done" => {}
        other => ctx.key("type", |ctx| {
            ctx.warn(
                Code::FieldEnum,
                format!("unknown event type `{}` (kept)", super::short(other)),
            )
        }),
    }
}

fn block_id<'a>(ctx: &mut Ctx<'a>, o: &Object<'a>) {
    match o.get("block_id") {
        Some(Value::String(_)) => {}
        None | Some(Value::Null) => ctx.at_key(
            Severity::Warning,
            Code::FieldRequired,
            "block_id",
            "the event has no `block_id`",
            None,
        ),
        Some(v) => ctx.key("block_id", |ctx| {
            ctx.error(Code::FieldType, not_type("`block_id` must be a string", &v))
        }),
    }
}
