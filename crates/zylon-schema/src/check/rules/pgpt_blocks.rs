//! The fields of the server's own block types that the Workspace API does not list
//! (`block.pgpt_only_types`): the server validates them like its other blocks (RULES.md Part
//! 3.6), so a field of the wrong type rejects the body. One table per block type, read as
//! pydantic reads the models of `private_gpt/events/models/_content_blocks.py`,
//! `_tool_result_blocks.py` and `_callers.py` (lax mode: integer and boolean strings coerced).
//!
//! What the tables do not hold, other rules check: `type` (the block's tag), `cache_control`
//! (`blocks::cache_control`), a `server_tool_use`'s `id` and the length of its `name`, a tool result's
//! `tool_use_id` (`blocks::tool_use`, `blocks::tool_result`, with the tool pairing).

use crate::check::json::{Object, Value};
use crate::check::Severity;
use std::borrow::Cow;

use super::{lax_bool, lax_int, type_name, Code, Ctx, Lax};

/// How the server types a field.
#[derive(Clone, Copy)]
enum T {
    /// `str`.
    Str,
    /// `str` with `min_length=1`.
    Str1,
    /// `str` matching `^[a-zA-Z0-9_]+$`.
    Id,
    /// `int` (lax: whole floats, integer strings).
    Int,
    /// `bool` (lax: `0`/`1`, `"yes"`, ...).
    Bool,
    /// `dict[str, Any]`.
    Dict,
    /// `list[str]`.
    Strs,
    /// `Literal[...]` of strings.
    OneOf(&'static [&'static str]),
    /// `list[ZylonCitation]` (the text block's citations).
    Citations,
    /// `CacheControlEphemeral` (server-only: a warning, see `blocks::cache_control`).
    CacheControl,
    /// A `DocumentBlock`'s `source` (a union tagged by `type`, `blocks::document_source`).
    DocSource,
    /// A model (a block nested in another, or a plain model).
    Model(&'static Model),
    /// `list[model]`.
    List(&'static Model),
    /// A union of models without a tag: the first that fits.
    AnyOf(&'static [&'static Model]),
    /// `list[model] | model`.
    ListOr(&'static Model, &'static Model),
    /// A union of models tagged by `type`.
    Tagged(&'static [&'static Model]),
}

/// Whether a field may be left out or be `null`.
#[derive(Clone, Copy, PartialEq)]
enum Need {
    /// Required (no default).
    Required,
    /// `X | None`: `null` is taken.
    Nullable,
    /// Has a default but no `None`: may be left out, not `null`.
    Optional,
}

/// A model: its tags (`type` values; empty for a model without one), whether `type` must be
/// given, and its fields.
struct Model {
    tags: &'static [&'static str],
    tag_required: bool,
    fields: &'static [(&'static str, T, Need)],
}

use Need::{Nullable, Optional, Required};
use T::*;

const fn block(tag: &'static [&'static str], fields: &'static [(&'static str, T, Need)]) -> Model {
    Model {
        tags: tag,
        tag_required: false,
        fields,
    }
}

const TEXT: Model = block(
    &["text"],
    &[
        ("text", Str, Optional),
        ("citations", Citations, Nullable),
        ("cache_control", CacheControl, Nullable),
    ],
);
const DOCUMENT: Model = block(
    &["document"],
    &[
        ("source", DocSource, Required),
        ("title", Str, Nullable),
        ("context", Str1, Nullable),
        ("citations", Citations, Nullable),
        ("cache_control", CacheControl, Nullable),
    ],
);
const WEB_SEARCH_RESULT: Model = block(
    &["web_search_result"],
    &[
        ("url", Str, Required),
        ("title", Str, Required),
        ("encrypted_content", Str, Required),
        ("page_age", Str, Nullable),
        ("content", Str, Nullable),
        ("description", Str, Nullable),
        ("favicon_url", Str, Nullable),
    ],
);
const WEB_SEARCH_ERROR: Model = block(
    &["web_search_tool_result_error"],
    &[(
        "error_code",
        OneOf(&[
            "invalid_tool_input",
            "unavailable",
            "max_uses_exceeded",
            "too_many_requests",
            "query_too_long",
            "request_too_large",
        ]),
        Required,
    )],
);
const WEB_FETCH_RESULT: Model = block(
    &["web_fetch_result"],
    &[
        ("url", Str, Required),
        ("content", Model(&DOCUMENT), Required),
        ("retrieved_at", Str, Nullable),
        ("markdown", Str, Nullable),
    ],
);
const FILE_ENTRY: Model = Model {
    tags: &["bash_code_execution_output"],
    tag_required: true,
    fields: &[("file_id", Str, Required)],
};
const BASH_RESULT: Model = block(
    &["bash_code_execution_result"],
    &[
        ("stdout", Str, Required),
        ("stderr", Str, Required),
        ("return_code", Int, Required),
        ("content", List(&FILE_ENTRY), Nullable),
    ],
);
const CODE_ERROR: Model = Model {
    tags: &[
        "bash_code_execution_tool_result_error",
        "text_editor_code_execution_tool_result_error",
    ],
    tag_required: true,
    fields: &[(
        "error_code",
        OneOf(&[
            "unavailable",
            "execution_time_exceeded",
            "invalid_tool_input",
            "too_many_requests",
            "output_file_too_large",
        ]),
        Required,
    )],
};
const VIEW_RESULT: Model = block(
    &["text_editor_code_execution_view_result"],
    &[
        ("file_type", OneOf(&["text"]), Optional),
        ("content", Str, Required),
        ("num_lines", Int, Required),
        ("start_line", Int, Required),
        ("total_lines", Int, Required),
    ],
);
const CREATE_RESULT: Model = block(
    &["text_editor_code_execution_create_result"],
    &[("is_file_update", Bool, Optional)],
);
const STR_REPLACE_RESULT: Model = block(
    &["text_editor_code_execution_str_replace_result"],
    &[
        ("old_start", Int, Optional),
        ("old_lines", Int, Optional),
        ("new_start", Int, Optional),
        ("new_lines", Int, Optional),
        ("lines", Strs, Optional),
    ],
);
const DIRECT_CALLER: Model = Model {
    tags: &["direct"],
    tag_required: true,
    fields: &[],
};
const SERVER_TOOL_CALLER: Model = Model {
    tags: &["code_execution_20250825", "code_execution_20260120"],
    tag_required: true,
    fields: &[("tool_id", Id, Required)],
};
/// A tool use's `caller` (`_callers.py`: `ToolCaller`, tagged by `type`).
const CALLER: T = Tagged(&[&DIRECT_CALLER, &SERVER_TOOL_CALLER]);
const RESOURCE: Model = Model {
    tags: &[],
    tag_required: false,
    fields: &[
        ("uri", Str, Required),
        ("name", Str, Required),
        ("description", Str, Nullable),
        ("mime_type", Str, Nullable),
    ],
};

/// The blocks whose fields the tables check, as message content (their `type` is known).
const BLOCKS: &[&Model] = &[
    &block(&["redacted_thinking"], &[("data", Str, Required)]),
    &block(
        &["server_tool_use"],
        &[
            ("name", Str, Required),
            ("input", Dict, Required),
            ("caller", CALLER, Nullable),
        ],
    ),
    &block(&["container_upload"], &[("file_id", Str, Required)]),
    &DOCUMENT,
    &block(
        &["search_result"],
        &[
            ("source", Str, Required),
            ("title", Str, Required),
            ("content", List(&TEXT), Required),
            ("citations", Citations, Nullable),
        ],
    ),
    &block(&["mid_conv_system"], &[("content", List(&TEXT), Required)]),
    &block(
        &["local_resource"],
        &[
            ("file_path", Str, Required),
            ("file_id", Str, Nullable),
            ("name", Str, Required),
            ("mime_type", Str, Required),
        ],
    ),
    &block(
        &["resource_link"],
        &[
            ("uri", Str, Required),
            ("name", Str, Required),
            ("description", Str, Nullable),
            ("mime_type", Str, Nullable),
        ],
    ),
    &block(&["resource"], &[("resource", Model(&RESOURCE), Required)]),
    &WEB_SEARCH_RESULT,
    &WEB_FETCH_RESULT,
    &BASH_RESULT,
    &CODE_ERROR,
    &VIEW_RESULT,
    &CREATE_RESULT,
    &STR_REPLACE_RESULT,
    // the server tool results (`tool_use_id` is read with the pairing)
    &block(
        &["web_search_tool_result"],
        &[
            (
                "content",
                ListOr(&WEB_SEARCH_RESULT, &WEB_SEARCH_ERROR),
                Required,
            ),
            ("is_error", Bool, Optional),
        ],
    ),
    &block(
        &["web_fetch_tool_result"],
        &[
            (
                "content",
                AnyOf(&[&WEB_FETCH_RESULT, &CODE_ERROR]),
                Required,
            ),
            ("is_error", Bool, Optional),
        ],
    ),
    &block(
        &["bash_code_execution_tool_result"],
        &[
            ("content", AnyOf(&[&BASH_RESULT, &CODE_ERROR]), Required),
            ("is_error", Bool, Optional),
        ],
    ),
    &block(
        &["text_editor_code_execution_tool_result"],
        &[
            (
                "content",
                Tagged(&[
                    &VIEW_RESULT,
                    &CREATE_RESULT,
                    &STR_REPLACE_RESULT,
                    &CODE_ERROR,
                ]),
                Required,
            ),
            ("is_error", Bool, Optional),
        ],
    ),
];

/// Check the fields of a pgpt-only block of type `ty` (nothing for a type without a table).
pub(super) fn check<'a>(ctx: &mut Ctx<'a>, obj: &Object<'a>, ty: &str) {
    if let Some(m) = BLOCKS.iter().find(|m| m.tags.contains(&ty)) {
        fields(ctx, obj, m, Some(ty), ty, true);
    }
}

/// Whether the server takes `v` as a tool use's `caller` (its `ToolCaller`, or `null`).
pub(super) fn caller_fits<'a>(ctx: &mut Ctx<'a>, v: &Value<'a>) -> bool {
    v.is_null() || value(ctx, v, CALLER, "caller", None, false)
}

/// A text block inside a document's `content` source (`TextBlock`).
pub(super) fn text_block<'a>(ctx: &mut Ctx<'a>, obj: &Object<'a>) {
    fields(ctx, obj, &TEXT, None, "text", true);
}

// The walk below reports what the server rejects when `report` is set, and otherwise only says
// whether the server takes the value (a union's choice of a member): one walk for both.

/// The fields of `obj` against `m`'s (`top`: the type of a message's block, whose `type` and
/// `cache_control` other rules read; `holder`: the field holding `obj`, for messages).
fn fields<'a>(
    ctx: &mut Ctx<'a>,
    obj: &Object<'a>,
    m: &Model,
    top: Option<&str>,
    holder: &str,
    report: bool,
) -> bool {
    let mut ok = top.is_some() || tag(ctx, obj, m, holder, report);
    let what = top.or(m.tags.first().copied());
    for &(key, t, need) in m.fields {
        if !(ok || report) {
            break;
        }
        if top.is_some() && key == "cache_control" {
            continue;
        }
        ok &= match obj.get(key) {
            None if need != Required => true,
            Some(Value::Null) if need == Nullable => true,
            Some(Value::Null) if need == Optional => {
                if report {
                    ctx.reject_null(key);
                }
                false
            }
            None | Some(Value::Null) => {
                if report {
                    missing(ctx, key, what, holder);
                }
                false
            }
            Some(v) if matches!(t, Citations) => {
                let fits = matches!(v, Value::Array(a) if a.iter().all(|c| c.is_object()));
                if report {
                    super::blocks::citations_of(ctx, key, Some(v), Code::FieldType);
                }
                fits
            }
            Some(v) if report => ctx.key(key, |ctx| value(ctx, &v, t, key, top, true)),
            Some(v) => value(ctx, &v, t, key, top, false),
        };
    }
    ok
}

fn missing(ctx: &mut Ctx<'_>, key: &str, what: Option<&str>, holder: &str) {
    let message = match what {
        Some(ty) => format!("a `{ty}` block needs `{key}`: the server validates the blocks it knows even where the Workspace API does not list them"),
        None => format!("`{holder}` needs `{key}`"),
    };
    ctx.at_key(Severity::Error, Code::FieldRequired, key, message, None);
}

/// A nested model's `type` (`holder`: the field holding it).
fn tag<'a>(ctx: &mut Ctx<'a>, obj: &Object<'a>, m: &Model, holder: &str, report: bool) -> bool {
    let v = match obj.get("type") {
        _ if m.tags.is_empty() => return true,
        None if !m.tag_required => return true,
        Some(Value::String(s)) if m.tags.contains(&s) => return true,
        v => v,
    };
    if report {
        match v {
            None => missing(ctx, "type", None, holder),
            Some(Value::Null) if !m.tag_required => ctx.reject_null("type"),
            Some(v) => ctx.key("type", |ctx| {
                wrong(ctx, Code::FieldEnum, "type", &one_of(m.tags), &v, None)
            }),
        }
    }
    false
}

/// Whether the server takes `v` (the value of `key`, a field of a message's `top` block or of
/// a nested model) as a `t`; with `report`, what in it the server rejects.
fn value<'a>(
    ctx: &mut Ctx<'a>,
    v: &Value<'a>,
    t: T,
    key: &str,
    top: Option<&str>,
    report: bool,
) -> bool {
    let (code, want) = match t {
        // (read in `fields`, where the citation rules take the key)
        Citations => return true,
        DocSource if report => {
            super::blocks::document_source(ctx, v);
            return true;
        }
        DocSource => return ctx.probe(|ctx| super::blocks::document_source(ctx, v)),
        CacheControl => {
            let problem = super::request::cache_control_problem(v);
            if let (Some(p), true) = (problem, report) {
                ctx.warn(
                    Code::FieldServerOnly,
                    format!("the server would reject this `cache_control`: {p}"),
                );
            }
            return problem.is_none();
        }
        Model(m) => match v.as_object() {
            Some(o) => return fields(ctx, &o, m, None, key, report),
            None => (Code::FieldType, Cow::Borrowed("an object")),
        },
        List(m) => match v {
            Value::Array(items) => {
                let mut ok = true;
                for (k, it) in items.iter().enumerate() {
                    ok &= if report {
                        ctx.idx(k, |ctx| value(ctx, &it, Model(m), key, None, true))
                    } else {
                        value(ctx, &it, Model(m), key, None, false)
                    };
                    if !(ok || report) {
                        break;
                    }
                }
                return ok;
            }
            _ => (Code::FieldType, Cow::Borrowed("an array of objects")),
        },
        ListOr(list, one) => {
            let t = if v.as_array().is_some() {
                List(list)
            } else {
                Model(one)
            };
            return value(ctx, v, t, key, top, report);
        }
        AnyOf(ms) | Tagged(ms) => {
            if matches!(t, AnyOf(_)) && ms.iter().any(|m| value(ctx, v, Model(m), key, top, false))
            {
                return true;
            }
            // the model the value names, else (a union without a tag) the first
            let named = v.get("type").and_then(Value::as_str);
            let m = ms
                .iter()
                .find(|m| named.is_some_and(|n| m.tags.contains(&n)));
            match (m, v.as_object()) {
                (Some(m), _) => return value(ctx, v, Model(m), key, top, report),
                (None, Some(o)) if matches!(t, Tagged(_)) => {
                    if report {
                        let mut tags = Vec::new();
                        for m in ms {
                            tags.extend_from_slice(m.tags);
                        }
                        match o.get("type") {
                            None => missing(ctx, "type", None, key),
                            Some(n) => ctx.key("type", |ctx| {
                                wrong(ctx, Code::FieldEnum, "type", &one_of(&tags), &n, None)
                            }),
                        }
                    }
                    return false;
                }
                (None, _) => return value(ctx, v, Model(ms[0]), key, top, report),
            }
        }
        Str if v.is_string() => return true,
        Str1 if v.as_str().is_some_and(|s| !s.is_empty()) => return true,
        Id if v.as_str().is_some_and(|s| super::blocks::id_ok(s, false)) => return true,
        Int if !matches!(lax_int(v), Lax::Invalid) => return true,
        Bool if !matches!(lax_bool(v), Lax::Invalid) => return true,
        Dict if v.is_object() => return true,
        Strs if matches!(v, Value::Array(a) if a.iter().all(|s| s.is_string())) => return true,
        OneOf(values) if v.as_str().is_some_and(|s| values.contains(&s)) => return true,
        // (the list of values written only for a report)
        OneOf(_) if !report => return false,
        OneOf(values) => (Code::FieldEnum, Cow::Owned(one_of(values))),
        Str => (Code::FieldType, Cow::Borrowed("a string")),
        Str1 => (Code::FieldType, Cow::Borrowed("a non-empty string")),
        Id => (
            Code::FieldType,
            Cow::Borrowed("a string of letters, digits and `_`"),
        ),
        Int => (Code::FieldType, Cow::Borrowed("an integer")),
        Bool => (Code::FieldType, Cow::Borrowed("a boolean")),
        Dict => (Code::FieldType, Cow::Borrowed("an object")),
        Strs => (Code::FieldType, Cow::Borrowed("an array of strings")),
    };
    if report {
        wrong(ctx, code, key, &want, v, top);
    }
    false
}

/// `` `key` (of a `top` block) must be WANT, not GOT ``.
fn wrong(ctx: &mut Ctx<'_>, code: Code, key: &str, want: &str, got: &Value<'_>, top: Option<&str>) {
    let of = top
        .map(|ty| format!(" of a `{ty}` block"))
        .unwrap_or_default();
    ctx.error(
        code,
        format!("`{key}`{of} must be {want}, not {}", shown(got)),
    );
}

/// `` `a`, `b` or `c` ``.
fn one_of(values: &[&str]) -> String {
    let mut out = String::new();
    for (i, v) in values.iter().enumerate() {
        if i > 0 {
            out.push_str(if i + 1 == values.len() { " or " } else { ", " });
        }
        out.push('`');
        out.push_str(v);
        out.push('`');
    }
    out
}

/// A short rendering of a value for a message: a string or a number as written, the type of
/// another value.
fn shown(v: &Value<'_>) -> String {
    match v {
        Value::String(s) => format!("`{}`", super::short(s)),
        Value::Number(n) => match n.as_f64() {
            Some(x) => format!("`{}`", crate::check::num(x)),
            None => type_name(v).to_string(),
        },
        _ => type_name(v).to_string(),
    }
}
