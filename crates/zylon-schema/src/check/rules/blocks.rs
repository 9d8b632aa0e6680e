//! RULES.md §5 and §7: content blocks — the type tag, common fields, text, thinking, source,
//! tool_use, tool_result, tldr and file blocks. Media blocks live in `media.rs`.

use crate::check::fields::{Field, Fields};
use crate::check::json::{Object, Value};
use crate::check::report::Suggestion;
use crate::vocab;

use super::conversation::{Pairing, Role};
use super::datetime::{is_datetime, unix_time_in_range};
use super::keys::{text_block, tool_result_block, tool_use_block};
use super::{media, not_type, not_type_of, short, str_field, type_name, Code, Ctx};
use crate::check::Severity;

/// Where a block sits: a message of some role, a tldr's content, or a tool_result's content.
/// `dropped`: inside a system message, whose blocks the server drops before it reads media,
/// tldr roles or the nesting of blocks (its pydantic models still validate them).
#[derive(Debug, Clone, Copy)]
pub(super) enum Place {
    Message(Option<Role>),
    Tldr { dropped: bool },
    ToolResult { dropped: bool },
}

impl Place {
    /// The block sits in a system message (at any depth): the server drops it unread.
    fn dropped(self) -> bool {
        match self {
            Place::Message(role) => role == Some(Role::System),
            Place::Tldr { dropped } | Place::ToolResult { dropped } => dropped,
        }
    }
}

/// What a block contributes to the message-level rules.
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct BlockFacts<'a> {
    /// The block could not be read (null, not an object, missing or unknown type): the
    /// server rejects the body before any message-level check, so those are skipped.
    pub broken: bool,
    /// Its `type`, when that is a string (known or not): what the conversion reads of it.
    pub ty: Option<&'a str>,
}

/// Check one block (already known to be at the current path).
pub(super) fn check<'a>(
    ctx: &mut Ctx<'a>,
    v: &Value<'a>,
    place: Place,
    pairing: Option<&mut Pairing<'a>>,
) -> BlockFacts<'a> {
    let mut facts = BlockFacts::default();
    let obj = match v {
        Value::Object(o) => o,
        Value::Null => {
            ctx.error(
                Code::MessageContentNullBlock,
                "`null` is not a content block",
            );
            facts.broken = true;
            return facts;
        }
        _ => {
            ctx.error(
                Code::FieldType,
                not_type("a content block must be an object", v),
            );
            facts.broken = true;
            return facts;
        }
    };
    let ty = match obj.get("type") {
        // The most common block, `{"type": "text", "text": "..."}` and nothing else, has
        // nothing to report wherever it is (no rule of a role, a tldr or a tool_result applies
        // to it, no other field is there, and its text is not read): the rules below are not
        // run for it.
        Some(Value::String("text")) if obj.len() == 2 && obj.has_string("text") => {
            facts.ty = Some("text");
            return facts;
        }
        Some(Value::String(t)) => {
            facts.ty = Some(t);
            t
        }
        // a tldr's items are not a tagged union: an item without `type` is a text block
        None if matches!(place, Place::Tldr { .. }) => {
            ctx.at_key(
                Severity::Warning,
                Code::BlocksTypeUnknown,
                "type",
                "this tldr item has no `type`: the server reads it as a text block, but the Workspace API requires `type`",
                Some("add `\"type\": \"text\"`".into()),
            );
            "text"
        }
        Some(t) => {
            ctx.key("type", |ctx| {
                ctx.error(
                    Code::BlocksTypeUnknown,
                    not_type("block `type` must be a string", &t),
                )
            });
            facts.broken = true;
            return facts;
        }
        None => {
            ctx.at_key(
                Severity::Error,
                Code::BlocksTypeUnknown,
                "type",
                "the content block has no `type`",
                type_hint(obj),
            );
            facts.broken = true;
            return facts;
        }
    };
    let shape = vocab::block_names(ty);
    let workspace = shape.is_some();
    let known_here = workspace
        || vocab::is_pgpt_only_block(ty)
        || (ty == "tool_reference" && matches!(place, Place::ToolResult { .. }));
    if !known_here {
        let hint = vocab::BLOCK_NAMES
            .iter()
            .map(|(t, _)| t)
            .find(|t| t.eq_ignore_ascii_case(ty))
            .map(|t| format!("did you mean `{t}`? types are case-sensitive"));
        ctx.key("type", |ctx| {
            if let Some(t) = vocab::BLOCK_NAMES
                .iter()
                .map(|(t, _)| t)
                .find(|t| t.eq_ignore_ascii_case(ty))
            {
                ctx.suggest(Suggestion::replace_string((*t).to_string()));
            }
            let p = ctx.here();
            ctx.push(
                Severity::Error,
                Code::BlocksTypeUnknown,
                p,
                format!("unknown content block type `{}`", short(ty)),
                hint,
            )
        });
        facts.broken = true;
        return facts;
    }
    check_place(ctx, ty, place);
    common(ctx, obj);
    cache_control(ctx, obj, ty, workspace);
    if !workspace {
        // (not "accepted by the server" where the tldr error above says it is not)
        let in_tldr = matches!(place, Place::Tldr { .. }) && not_basic(ty);
        if ty != "tool_reference" && !in_tldr {
            ctx.key("type", |ctx| {
                ctx.warn(
                    Code::BlockPgptOnlyTypes,
                    format!("block type `{ty}` is accepted by the server but not part of the Workspace API; the backend may reject or drop it"),
                )
            });
        }
        server_tool_blocks(ctx, obj, ty, place, pairing);
        return facts;
    }
    let Some(shape) = shape else {
        return facts;
    };
    let fields = ctx.unknown_fields(obj, *shape, block_name(ty));
    match ty {
        "text" => text(ctx, &fields),
        "image" | "audio" | "binary" => {
            // a system message's blocks are dropped before the server reads any media, and a
            // tldr's items become messages only when they are text: its media is never read
            let read = !place.dropped() && !matches!(place, Place::Tldr { .. });
            media::check(ctx, obj, ty, read);
        }
        "file" => file(ctx, obj),
        "source" => source(ctx, obj),
        // a system message's blocks are dropped before the mapper reads tldr roles
        "tldr" => tldr(ctx, obj, !place.dropped()),
        "thinking" => thinking(ctx, obj),
        "tool_use" => tool_use(ctx, &fields, pairing, false),
        "tool_result" => {
            tool_result(ctx, obj, &fields, pairing, false, place.dropped());
        }
        // `vocab::block_names` knows exactly the ten tags above (the model's content-block union)
        _ => {}
    }
    facts
}

/// A Workspace block type as messages name it.
fn block_name(ty: &str) -> &'static str {
    match ty {
        "text" => "a `text` block",
        "image" => "an `image` block",
        "audio" => "an `audio` block",
        "binary" => "a `binary` block",
        "file" => "a `file` block",
        "source" => "a `source` block",
        "tldr" => "a `tldr` block",
        "thinking" => "a `thinking` block",
        "tool_use" => "a `tool_use` block",
        "tool_result" => "a `tool_result` block",
        _ => "a block",
    }
}

fn type_hint(obj: &Object<'_>) -> Option<String> {
    let guess = if obj.contains_key("text") {
        "text"
    } else if obj.contains_key("tool_use_id") {
        "tool_result"
    } else if obj.contains_key("input") {
        "tool_use"
    } else if obj.contains_key("thinking") {
        "thinking"
    } else if obj.contains_key("sources") {
        "source"
    } else if obj.contains_key("data") {
        "image"
    } else {
        return Some("add a `type`, e.g. `\"type\": \"text\"`".into());
    };
    Some(format!("add `\"type\": \"{guess}\"`"))
}

/// Role and nesting restrictions.
fn check_place(ctx: &mut Ctx<'_>, ty: &str, place: Place) {
    match place {
        Place::Message(Some(Role::System)) => {} // extracted first: its blocks are dropped
        Place::Message(role) => {
            let assistant = matches!(role, Some(Role::Assistant) | None);
            if !assistant && matches!(ty, "tool_use" | "server_tool_use") {
                ctx.error_hint(
                    Code::BlockToolUseAssistantOnly,
                    "tool_use blocks can only be used in assistant messages",
                    "move the tool_use into an assistant message",
                );
            }
            if !assistant && ty == "tldr" {
                ctx.error(
                    Code::BlockTldrAssistantOnly,
                    "tldr blocks can only be used in assistant messages",
                );
            }
        }
        Place::Tldr { .. } => {
            if not_basic(ty) {
                ctx.error(
                    Code::BlockTldrContentTypes,
                    format!("a tldr may hold only basic blocks, not a `{ty}` block"),
                );
            }
        }
        // a tldr inside a tool_result is judged with the message order (`order.rs`)
        Place::ToolResult { .. } => {
            if matches!(ty, "tool_result" | "server_tool_result") {
                ctx.error(
                    Code::BlockToolResultContentString,
                    "a tool_result cannot contain another tool_result",
                );
            }
        }
    }
}

/// The block types built on the server's `CacheableContentBlock`: their `cache_control` must be
/// a `CacheControlEphemeral` (other blocks keep it as an extra field of any value).
const CACHEABLE: &[&str] = &[
    "text",
    "image",
    "audio",
    "thinking",
    "tool_use",
    "tool_result",
    "redacted_thinking",
    "server_tool_use",
    "server_tool_result",
    "container_upload",
    "document",
    "search_result",
    "mid_conv_system",
    "tool_reference",
    "web_search_tool_result",
    "web_fetch_tool_result",
    "bash_code_execution_tool_result",
    "text_editor_code_execution_tool_result",
];

/// A cacheable block's `cache_control`, server-only: a warning (RULES.md 1.4) that says when
/// the server would reject the value. A pgpt-only block, already reported as such, gets one only
/// then.
fn cache_control<'a>(ctx: &mut Ctx<'a>, obj: &Object<'a>, ty: &str, workspace: bool) {
    let Some(v) = obj.get("cache_control") else {
        return;
    };
    if !zylon_json::is_one_of(ty, CACHEABLE) {
        return;
    }
    let problem = super::request::cache_control_problem(&v);
    match (workspace, problem) {
        (true, p) => ctx.server_only("cache_control", block_name(ty), Code::FieldServerOnly, p),
        (false, Some(p)) => ctx.key("cache_control", |ctx| {
            ctx.warn(
                Code::FieldServerOnly,
                format!("the server would reject this `cache_control` of a `{ty}` block: {p}"),
            )
        }),
        (false, None) => {}
    }
}

/// Fields every block may have: timestamps and `_meta`.
fn common<'a>(ctx: &mut Ctx<'a>, obj: &Object<'a>) {
    for &key in &["start_timestamp", "stop_timestamp"] {
        match obj.get(key) {
            None | Some(Value::Null) => {}
            Some(Value::Number(n)) if n.as_f64().is_some_and(unix_time_in_range) => {}
            Some(Value::String(s)) if is_datetime(s) => {}
            Some(v) => ctx.key(key, |ctx| {
                let got = v
                    .as_str()
                    .map_or_else(|| type_name(&v).to_string(), |s| format!("`{}`", short(s)));
                ctx.error_hint(
                    Code::BlockTimestamps,
                    format!("`{key}` must be an ISO-8601 date-time (a day the calendar has, an offset under 24 hours) or a unix time, not {got}"),
                    "use a value like `2026-02-08T14:41:10Z`",
                )
            }),
        }
    }
    // `metadata`, when present, replaces `_meta` before the server reads it
    // (`BaseContentBlock.validate_metadata`): only the one that is read is checked
    let read: &[&str] = if obj.contains_key("metadata") {
        if obj.contains_key("_meta") {
            ctx.settle("_meta"); // never read: whatever it holds is fine
        }
        &["metadata"]
    } else {
        &["_meta"]
    };
    if read == ["metadata"] {
        // server-only (`_meta`, read otherwise, is checked with the block's table)
        super::nulls::reject(ctx, obj, read);
    }
    for &key in read {
        if let Some(v) = obj.get(key) {
            if !v.is_object() && !v.is_null() {
                ctx.key(key, |ctx| {
                    ctx.error(
                        Code::BlockMeta,
                        not_type_of(&["`", key, "` must be an object"], &v),
                    )
                });
            }
        }
    }
}

fn text<'a>(ctx: &mut Ctx<'a>, f: &Fields<'a>) {
    // (its type only: the text itself is not read, and an escaped one stays unread)
    if !f.is_string(text_block::TEXT) {
        str_field(ctx, f.field(text_block::TEXT), Code::BlockTextFields);
    }
    citations_of(
        ctx,
        text_block::CITATIONS.name,
        f.get(text_block::CITATIONS),
        Code::BlockTextFields,
    );
}

/// A list of citation objects (text/thinking blocks and `system.citations.known_citations`).
pub(super) fn citations<'a>(ctx: &mut Ctx<'a>, obj: &Object<'a>, key: &'a str, list_code: Code) {
    citations_of(ctx, key, obj.get(key), list_code);
}

/// [`citations`] of the value of `key`.
pub(super) fn citations_of<'a>(
    ctx: &mut Ctx<'a>,
    key: &'a str,
    value: Option<Value<'a>>,
    list_code: Code,
) {
    let items = match value {
        None | Some(Value::Null) => return,
        Some(Value::Array(a)) => a,
        Some(v) => {
            ctx.key(key, |ctx| {
                ctx.error(
                    list_code,
                    not_type_of(&["`", key, "` must be an array of citations"], &v),
                )
            });
            return;
        }
    };
    ctx.key(key, |ctx| {
        for (k, c) in items.iter().enumerate() {
            ctx.idx(k, |ctx| {
                let Some(c) = c.as_object() else {
                    ctx.error(Code::FieldType, not_type("a citation must be an object", &c));
                    return;
                };
                ctx.unknown_fields(&c, vocab::names::CITATION, "a citation");
                for &f in &["id", "artifact_id", "source_id"] {
                    str_field(ctx, Field::of(&c, f), Code::FieldType);
                }
                // the server's citation model has no `correlation_id` (a Workspace field): it is
                // ignored whatever its type
                if let Some(v) = c.get("correlation_id").filter(|v| !v.is_null() && !v.is_string()) {
                    ctx.key("correlation_id", |ctx| {
                        ctx.warn(
                            Code::FieldType,
                            format!("`correlation_id` should be a string (the Workspace spec), not {}; the chat server ignores it", type_name(&v)),
                        )
                    });
                }
                if let Some(ix) = c.get("index").filter(|v| !v.is_null()) {
                    ctx.key("index", |ctx| match super::lax_int(&ix) {
                        super::Lax::Exact(_) => {}
                        super::Lax::Coerced(x) => ctx.warn_hint(
                            Code::FieldCoerced,
                            format!("citation `index` should be an integer; the server converts {} to {}", type_name(&ix), crate::check::num(x)),
                            "write the index as a JSON number",
                        ),
                        _ => ctx.error(
                            Code::BlockTextCitationIndexInt,
                            not_type("citation `index` must be an integer", &ix),
                        ),
                    });
                }
            });
        }
    });
}

fn file<'a>(ctx: &mut Ctx<'a>, obj: &Object<'a>) {
    ctx.warn_hint(
        Code::BlockFileUnsupported,
        "the `file` block is part of the Workspace API but has no counterpart on the chat server; it works only if the Workspace backend translates it",
        "to be safe, send documents as a `binary` block with `data` and `mime_type`, or as a `file` artifact in `tool_context`",
    );
    match obj.get("content") {
        Some(Value::String(_)) => {}
        None | Some(Value::Null) => ctx.at_key(
            Severity::Error,
            Code::FieldRequired,
            "content",
            "a `file` block needs `content`",
            None,
        ),
        Some(v) => ctx.key("content", |ctx| {
            ctx.error(Code::FieldType, not_type("`content` must be a string", &v))
        }),
    }
    str_field(ctx, Field::of(obj, "content_type"), Code::FieldType);
    if let Some(dm) = super::obj_field(ctx, obj, "doc_metadata", Code::FieldType) {
        ctx.key("doc_metadata", |ctx| {
            ctx.unknown_fields(&dm, vocab::names::DOC_METADATA, "`doc_metadata`");
            str_field(ctx, Field::of(&dm, "file_name"), Code::FieldType);
            str_field(ctx, Field::of(&dm, "file_type"), Code::FieldType);
        });
    }
}

fn thinking<'a>(ctx: &mut Ctx<'a>, obj: &Object<'a>) {
    str_field(ctx, Field::of(obj, "thinking"), Code::FieldType);
    match obj.get("signature") {
        None | Some(Value::Null) => ctx.at_key(
            Severity::Warning,
            Code::BlockThinkingSignatureRequired,
            "signature",
            "the chat server requires a `signature` on thinking blocks; without it the request works only if the Workspace backend adds one",
            Some("send thinking blocks back exactly as the model produced them, signature included".into()),
        ),
        Some(Value::String(_)) => {}
        Some(v) => ctx.key("signature", |ctx| ctx.error(Code::FieldType, not_type("`signature` must be a string", &v))),
    }
    citations(ctx, obj, "citations", Code::FieldType);
}

fn source<'a>(ctx: &mut Ctx<'a>, obj: &Object<'a>) {
    let items = match obj.get("sources") {
        None | Some(Value::Null) => {
            ctx.at_key(
                Severity::Warning,
                Code::BlockSourceSourcesRequired,
                "sources",
                "the chat server requires `sources` on source blocks (the Workspace spec makes it optional)",
                Some("add `\"sources\": []`".into()),
            );
            return;
        }
        Some(Value::Array(a)) => a,
        Some(v) => {
            ctx.key("sources", |ctx| {
                ctx.error(
                    Code::BlockSourceItemShape,
                    not_type("`sources` must be an array", &v),
                )
            });
            return;
        }
    };
    ctx.key("sources", |ctx| {
        for (k, it) in items.iter().enumerate() {
            ctx.idx(k, |ctx| source_item(ctx, &it));
        }
    });
}

fn source_item<'a>(ctx: &mut Ctx<'a>, it: &Value<'a>) {
    let Some(o) = it.as_object() else {
        ctx.error(
            Code::BlockSourceItemShape,
            not_type("a source must be an object", it),
        );
        return;
    };
    let object = o.get("object").and_then(Value::as_str);
    let wtype = o.get("type").and_then(Value::as_str);
    let Some(object) = object else {
        if matches!(wtype, Some("context.chunk" | "context.website")) {
            ctx.warn_hint(
                Code::BlockSourceItemShape,
                "this source is keyed by `type` as in the Workspace docs; the chat server expects `object` and rejects it unless the Workspace backend translates it",
                format!("use `\"object\": \"{}\"` with the server's fields", wtype.unwrap_or_default()),
            );
        } else {
            ctx.error_hint(
                Code::BlockSourceItemShape,
                "a source needs `object`: `context.chunk` or `context.website`",
                "see docs/codes.md#block.source.item_shape for the two shapes",
            );
        }
        return;
    };
    let need_str = |ctx: &mut Ctx<'a>, key: &'a str| {
        let missing = (
            Code::BlockSourceItemShape,
            format!("a `{object}` source needs `{key}` (a string)"),
        );
        super::require(
            ctx,
            &o,
            key,
            super::Want::Str,
            missing,
            Code::BlockSourceItemShape,
        );
    };
    match object {
        "context.website" => {
            need_str(ctx, "id");
            need_str(ctx, "url");
        }
        "context.chunk" => {
            need_str(ctx, "text");
            let score = o
                .get("score")
                .filter(|v| !v.is_null())
                .map(|v| (v, super::lax_float(&v)));
            match score {
                Some((_, super::Lax::Exact(x))) if (-0.01..=1.01).contains(&x) => {}
                Some((v, super::Lax::Coerced(x))) if (-0.01..=1.01).contains(&x) => {
                    ctx.key("score", |ctx| {
                        ctx.warn_hint(
                            Code::FieldCoerced,
                            format!(
                                "`score` should be a number; the server converts {} to {}",
                                type_name(&v),
                                crate::check::num(x)
                            ),
                            "write the score as a JSON number",
                        )
                    })
                }
                None => ctx.at_key(
                    Severity::Error,
                    Code::BlockSourceItemShape,
                    "score",
                    "a `context.chunk` source needs a numeric `score`",
                    None,
                ),
                Some((v, _)) => ctx.key("score", |ctx| {
                    ctx.error(
                        Code::BlockSourceItemShape,
                        format!(
                            "`score` must be a number between -0.01 and 1.01, not {}",
                            short(&v.as_f64().map_or_else(
                                || super::type_name(&v).to_string(),
                                crate::check::num
                            ))
                        ),
                    )
                }),
            }
            match o.get("document") {
                Some(Value::Object(d)) => ctx.key("document", |ctx| {
                    match d.get("object") {
                        Some(Value::String("ingest.document")) => {}
                        // the server defaults it; the Workspace spec requires it
                        None => ctx.at_key(
                            Severity::Warning,
                            Code::FieldRequired,
                            "object",
                            "the Workspace spec requires `\"object\": \"ingest.document\"` on a chunk's `document` (the server defaults it)",
                            None,
                        ),
                        _ => ctx.at_key(
                            Severity::Error,
                            Code::BlockSourceItemShape,
                            "object",
                            "the chunk's `document` needs `\"object\": \"ingest.document\"`",
                            None,
                        ),
                    }
                    match d.get("artifact") {
                        Some(Value::String(_)) => {}
                        _ => ctx.at_key(
                            Severity::Error,
                            Code::BlockSourceItemShape,
                            "artifact",
                            "the chunk's `document` needs an `artifact` id (a string)",
                            None,
                        ),
                    }
                }),
                _ => ctx.at_key(
                    Severity::Error,
                    Code::BlockSourceItemShape,
                    "document",
                    "a `context.chunk` source needs a `document` object",
                    None,
                ),
            }
        }
        other => ctx.key("object", |ctx| {
            ctx.error(
                Code::BlockSourceItemShape,
                format!(
                    "source `object` must be `context.chunk` or `context.website`, not `{}`",
                    short(other)
                ),
            )
        }),
    }
}

/// A block's metadata as the server reads it: `metadata`, when present, replaces `_meta`
/// (`BaseContentBlock.validate_metadata`).
pub(super) fn meta(it: Value<'_>) -> Option<Value<'_>> {
    it.get("metadata").or_else(|| it.get("_meta"))
}

/// Whether a tldr may not hold a block of type `ty`: every member of the server's message block
/// union that is not in `BasicContentBlockType` (`private_gpt/events/models/_content_blocks.py:673`,
/// the union of `TLDRBlock.content`): a tldr, the tool results (`order::TOOL_RESULTS`) and the
/// result blocks below. (The Workspace-only `file` block has no server model at all: its own
/// rule judges it.)
fn not_basic(ty: &str) -> bool {
    const RESULT_BLOCKS: &[&str] = &[
        "bash_code_execution_result",
        "bash_code_execution_tool_result_error",
        "text_editor_code_execution_tool_result_error",
        "text_editor_code_execution_view_result",
        "text_editor_code_execution_create_result",
        "text_editor_code_execution_str_replace_result",
        "web_search_result",
        "web_fetch_result",
    ];
    ty == "tldr" || super::order::TOOL_RESULTS.contains(&ty) || RESULT_BLOCKS.contains(&ty)
}

/// Whether a tldr item is a text block (its `type` defaults to `text`).
pub(super) fn tldr_text_item(it: &Value<'_>) -> bool {
    matches!(it.get("type"), None | Some(Value::String("text")))
}

/// A tldr block; its items' roles are read (into messages of their own) unless it sits in a
/// system message, whose blocks the server drops first.
fn tldr<'a>(ctx: &mut Ctx<'a>, obj: &Object<'a>, roles_read: bool) {
    if obj.contains_key("tldr_side") {
        let v = obj.get("tldr_side").unwrap_or(Value::Null);
        let ok = matches!(v.as_str(), Some("left" | "right"));
        let problem = (!ok).then_some("it must be `left` or `right`");
        ctx.server_only(
            "tldr_side",
            "a `tldr` block",
            Code::BlockTldrSideEnum,
            problem,
        );
    }
    match obj.get("content") {
        None | Some(Value::Null) => ctx.at_key(
            Severity::Warning,
            Code::FieldRequired,
            "content",
            "the Workspace spec requires `content` on tldr blocks (the server defaults it to [])",
            None,
        ),
        Some(Value::Array(items)) => ctx.key("content", |ctx| {
            for (k, it) in items.iter().enumerate() {
                ctx.idx(k, |ctx| {
                    check(
                        ctx,
                        &it,
                        Place::Tldr {
                            dropped: !roles_read,
                        },
                        None,
                    );
                    if roles_read {
                        meta_role(ctx, &it);
                    }
                });
            }
        }),
        Some(v) => ctx.key("content", |ctx| {
            ctx.error(
                Code::BlockTldrContentTypes,
                not_type("tldr `content` must be an array of blocks", &v),
            )
        }),
    }
}

/// A tldr text item's `_meta.role` becomes the role of a message of its own, so it must be a
/// chat role (`MessageRole`); whether that message fits the order (a `tool` or `system` one
/// mostly does not, RULES.md Part 3.3) is decided with the others by `order.rs`.
fn meta_role<'a>(ctx: &mut Ctx<'a>, it: &Value<'a>) {
    const ROLES: &[&str] = &[
        "system",
        "developer",
        "user",
        "assistant",
        "function",
        "tool",
        "chatbot",
        "model",
    ];
    if !tldr_text_item(it) {
        return;
    }
    let Some(role) = meta(*it).and_then(|m| m.get("role")) else {
        return;
    };
    // `if msg_role and ...`: a falsy role (null, "", 0, false) makes no message
    if !super::truthy(&role)
        || role
            .as_str()
            .is_some_and(|r| zylon_json::is_one_of(r, ROLES))
    {
        return;
    }
    let key = if it.get("metadata").is_some() {
        "metadata"
    } else {
        "_meta"
    };
    ctx.key(key, |ctx| {
        ctx.key("role", |ctx| {
            let got = role.as_str().map_or_else(
                || type_name(&role).to_string(),
                |s| format!("`{}`", short(s)),
            );
            ctx.error_hint(
                Code::BlockTldrMetaRole,
                format!("tldr item `_meta.role` {got} is not a chat role: each tldr item becomes a message of its role"),
                "use `user` or `assistant`",
            )
        })
    });
}

/// `ToolUseBlock.name`: 1 to 200 characters.
fn name_length(ctx: &mut Ctx<'_>, name: &str, what: &str) {
    let len = name.chars().count();
    if !(1..=200).contains(&len) {
        ctx.key("name", |ctx| {
            ctx.error(
                Code::BlockToolUseNameLength,
                format!("{what} `name` must be 1–200 characters long, not {len}"),
            )
        });
    }
}

pub(super) fn id_ok(id: &str, hyphen: bool) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|c| c.is_ascii_alphanumeric() || c == b'_' || (hyphen && c == b'-'))
}

/// A `tool_use` (or, `server: true`, a `server_tool_use`, read by the same names).
fn tool_use<'a>(
    ctx: &mut Ctx<'a>,
    f: &Fields<'a>,
    pairing: Option<&mut Pairing<'a>>,
    server: bool,
) {
    let (code, pattern) = if server {
        (Code::BlockServerToolUseIdPattern, "^[a-zA-Z0-9_]+$")
    } else {
        (Code::BlockToolUseIdPattern, "^[a-zA-Z0-9_-]+$")
    };
    let id = match f.get(tool_use_block::ID) {
        Some(Value::String(id)) => {
            if !id_ok(id, !server) {
                ctx.key("id", |ctx| {
                    ctx.error(
                        code,
                        format!("tool use id `{}` must match {pattern}", short(id)),
                    )
                });
            }
            Some(id)
        }
        None | Some(Value::Null) => {
            ctx.at_key(
                Severity::Error,
                Code::FieldRequired,
                "id",
                if server {
                    "a `server_tool_use` block needs an `id`"
                } else {
                    "a `tool_use` block needs an `id`"
                },
                None,
            );
            None
        }
        Some(v) => {
            ctx.key("id", |ctx| {
                ctx.error(Code::FieldType, not_type("`id` must be a string", &v))
            });
            None
        }
    };
    if !server {
        match f.get(tool_use_block::NAME) {
            Some(Value::String(n)) => name_length(ctx, n, "tool_use"),
            None | Some(Value::Null) => ctx.at_key(
                Severity::Error,
                Code::FieldRequired,
                "name",
                "a tool_use block needs a `name`",
                None,
            ),
            Some(v) => ctx.key("name", |ctx| {
                ctx.error(Code::FieldType, not_type("`name` must be a string", &v))
            }),
        }
        match f.get(tool_use_block::INPUT) {
            Some(v @ Value::Object(_)) => {
                super::too_deep_for_server(ctx, "input", &v, 469, "the tool_use's `input`")
            }
            None | Some(Value::Null) => ctx.at_key(
                Severity::Error,
                Code::BlockToolUseInputRequired,
                "input",
                "a tool_use block needs `input` (an object, may be empty)",
                Some("add `\"input\": {}`".into()),
            ),
            Some(v) => ctx.key("input", |ctx| {
                ctx.error_hint(
                    Code::BlockToolUseInputRequired,
                    not_type("tool_use `input` must be an object", &v),
                    if v.is_string() {
                        "send the arguments as a JSON object, not as a JSON-encoded string"
                    } else {
                        "wrap the arguments in an object"
                    },
                )
            }),
        }
    }
    if !server {
        caller(ctx, f);
    }
    if let (Some(id), Some(p)) = (id, pairing) {
        p.on_use(ctx, id);
    }
}

/// A tool_use block's `caller` (who made the call: the server's `ToolCaller`), server-only: a
/// warning (RULES.md 1.4) that says when the server would reject the value.
fn caller<'a>(ctx: &mut Ctx<'a>, f: &Fields<'a>) {
    let Some(v) = f.get(tool_use_block::CALLER) else {
        return;
    };
    let problem = (!super::pgpt_blocks::caller_fits(ctx, &v)).then_some(
        "it must be `null` or an object whose `type` is `direct` or a code execution tool's (with its `tool_id`)",
    );
    ctx.server_only(
        "caller",
        block_name("tool_use"),
        Code::FieldServerOnly,
        problem,
    );
}

/// A `tool_result` (or, `server: true`, a `server_tool_result`, which the server validates as
/// the same model; the Workspace API's advice on `content` does not apply to it).
fn tool_result<'a>(
    ctx: &mut Ctx<'a>,
    obj: &Object<'a>,
    f: &Fields<'a>,
    pairing: Option<&mut Pairing<'a>>,
    server: bool,
    dropped: bool,
) {
    if server {
        // (a tool_result's own fields are checked with its table; this one has none)
        super::nulls::reject(ctx, obj, &["is_error", "content"]);
    }
    let id = result_id(
        ctx,
        f,
        if server {
            "server_tool_result"
        } else {
            "tool_result"
        },
    );
    super::bool_field(ctx, f.field(tool_result_block::IS_ERROR), Code::FieldType);
    result_content(ctx, f.get(tool_result_block::CONTENT), server, dropped);
    if let (Some(id), Some(p)) = (id, pairing) {
        p.on_result(ctx, id);
    }
}

/// A tool result's `tool_use_id` (the `tool_result` block's rules; `ty`: the block's type).
fn result_id<'a>(ctx: &mut Ctx<'a>, f: &Fields<'a>, ty: &str) -> Option<&'a str> {
    match f.get(tool_result_block::TOOL_USE_ID) {
        Some(Value::String(id)) => {
            if !id_ok(id, true) {
                ctx.key("tool_use_id", |ctx| {
                    ctx.error(
                        Code::BlockToolResultToolUseIdPattern,
                        format!("`tool_use_id` `{}` must match ^[a-zA-Z0-9_-]+$", short(id)),
                    )
                });
            }
            Some(id)
        }
        None | Some(Value::Null) => {
            ctx.at_key(
                Severity::Error,
                Code::FieldRequired,
                "tool_use_id",
                format!("a `{ty}` block needs `tool_use_id`"),
                None,
            );
            None
        }
        Some(v) => {
            ctx.key("tool_use_id", |ctx| {
                ctx.error(
                    Code::FieldType,
                    not_type("`tool_use_id` must be a string", &v),
                )
            });
            None
        }
    }
}

/// A server tool result's `tool_use_id`, paired with its tool use.
fn result_pairing<'a>(
    ctx: &mut Ctx<'a>,
    f: &Fields<'a>,
    ty: &str,
    pairing: Option<&mut Pairing<'a>>,
) {
    if let (Some(id), Some(p)) = (result_id(ctx, f, ty), pairing) {
        p.on_result(ctx, id);
    }
}

fn result_content<'a>(ctx: &mut Ctx<'a>, content: Option<Value<'a>>, server: bool, dropped: bool) {
    match content {
        None | Some(Value::Null | Value::String(_)) if server => {}
        None | Some(Value::Null) => ctx.at_key(
            Severity::Warning,
            Code::BlockToolResultContentOptional,
            "content",
            "tool_result has no `content`; the server sends the model \"No content\" (the Workspace spec requires it)",
            Some("add `\"content\": [{\"type\": \"text\", \"text\": ...}]`".into()),
        ),
        Some(Value::String(_)) => ctx.key("content", |ctx| {
            ctx.warn_hint(
                Code::BlockToolResultContentString,
                "tool_result `content` is a plain string; the Workspace API expects an array of blocks",
                "use `[{\"type\": \"text\", \"text\": ...}]`",
            )
        }),
        Some(Value::Array(items)) => ctx.key("content", |ctx| {
            for (k, it) in items.iter().enumerate() {
                ctx.idx(k, |ctx| check(ctx, &it, Place::ToolResult { dropped }, None));
            }
        }),
        Some(v) => ctx.key("content", |ctx| {
            ctx.error(Code::FieldType, not_type("tool_result `content` must be an array of blocks or a string", &v))
        }),
    }
}

/// The server's own block types (`block.pgpt_only_types`): their fields by table
/// (`pgpt_blocks`); `server_tool_use` and the server tool results take part in tool pairing.
fn server_tool_blocks<'a>(
    ctx: &mut Ctx<'a>,
    obj: &Object<'a>,
    ty: &str,
    place: Place,
    pairing: Option<&mut Pairing<'a>>,
) {
    super::pgpt_blocks::check(ctx, obj, ty);
    // read by the names of their Workspace counterparts (their own fields have no table)
    let use_fields = || Fields::of(obj, &vocab::names::TOOL_USE_BLOCK);
    let result_fields = || Fields::of(obj, &vocab::names::TOOL_RESULT_BLOCK);
    let pairing = if matches!(place, Place::Message(_)) {
        pairing
    } else {
        None
    };
    match ty {
        "server_tool_use" => {
            if let Some(Value::String(n)) = obj.get("name") {
                name_length(ctx, n, "server_tool_use");
            }
            tool_use(ctx, &use_fields(), pairing, true)
        }
        "server_tool_result" => {
            tool_result(ctx, obj, &result_fields(), pairing, true, place.dropped())
        }
        // `ServerToolResultBlock`s with content of their own (checked by table)
        "web_search_tool_result"
        | "web_fetch_tool_result"
        | "bash_code_execution_tool_result"
        | "text_editor_code_execution_tool_result" => {
            result_pairing(ctx, &result_fields(), ty, pairing)
        }
        _ => {}
    }
}

/// A `document` block's `source`: a union tagged by `type` (base64, text, content, url).
pub(super) fn document_source<'a>(ctx: &mut Ctx<'a>, src: &Value<'a>) {
    let Some(o) = src.as_object() else {
        ctx.error(
            Code::FieldType,
            not_type("a document `source` must be an object", src),
        );
        return;
    };
    let need: &[&str] = match o.get("type").and_then(Value::as_str) {
        Some("base64") => &["data", "media_type"],
        Some("text") => &["data", "media_type"],
        Some("url") => &["url"],
        Some("content") => {
            match o.get("content") {
                Some(Value::String(_)) => {}
                Some(Value::Array(items)) => ctx.key("content", |ctx| {
                    for (k, it) in items.iter().enumerate() {
                        match it.get("type").and_then(Value::as_str) {
                            Some("text") => ctx.idx(k, |ctx| {
                                if let Some(o) = it.as_object() {
                                    super::pgpt_blocks::text_block(ctx, &o);
                                }
                            }),
                            // an image's shape (the server does not read its data here)
                            Some("image") => ctx.idx(k, |ctx| {
                                if let Some(o) = it.as_object() {
                                    media::check(ctx, &o, "image", false);
                                }
                            }),
                            _ => ctx.idx(k, |ctx| {
                                ctx.error(
                                    Code::FieldType,
                                    "a document's content may hold only `text` and `image` blocks",
                                )
                            }),
                        }
                    }
                }),
                _ => ctx.at_key(
                    Severity::Error,
                    Code::FieldRequired,
                    "content",
                    "a `content` document source needs `content` (a string or text/image blocks)",
                    None,
                ),
            }
            &[]
        }
        _ => {
            ctx.at_key(
                Severity::Error,
                Code::FieldEnum,
                "type",
                "a document `source` needs `type`: `base64`, `text`, `content` or `url`",
                None,
            );
            return;
        }
    };
    for &key in need {
        match o.get(key) {
            Some(Value::String(s)) => {
                if key == "media_type"
                    && o.get("type").and_then(Value::as_str) == Some("text")
                    && s != "text/plain"
                {
                    ctx.key(key, |ctx| {
                        ctx.error(
                            Code::FieldEnum,
                            "a text document source has `media_type` `text/plain`",
                        )
                    });
                }
            }
            Some(v) if !v.is_null() => ctx.key(key, |ctx| {
                ctx.error(
                    Code::FieldType,
                    not_type_of(&["`", key, "` must be a string"], &v),
                )
            }),
            _ => ctx.at_key(
                Severity::Error,
                Code::FieldRequired,
                key,
                format!("this document `source` needs `{key}`"),
                None,
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::is_datetime;

    #[test]
    fn datetimes_like_pydantic() {
        for ok in [
            "2026-02-08T14:41:10Z",
            "2026-02-08",
            "2026-02-08T14:41",
            "2026-02-08 14:41:10.123+02:00",
            "1700000000",
            "2026-02-08T14:41:10-0500",
            // (the cases below measured on the server oracle)
            "+1",
            "+1.5",
            ".5",
            "-.5",
            "1.",
            "+0",
            "-00",
            "2024-02-29",
            "2000-02-29",
            "2400-02-29T00:00:00",
            "0001-01-01",
            "9999-12-31T23:59:59-01:00",
            "2024-01-01T00:00:00+23:59",
            "2024-01-01T00:00:00-2359",
            "2024-01-01_00:00:00",
        ] {
            assert!(is_datetime(ok), "{ok}");
        }
        for bad in [
            "yesterday",
            "",
            "2026-13-01",
            "2026-02-08T25:00:00Z",
            "08/02/2026",
            "2026-02-08T14:41:10 UTC",
            "2026-02-08T",
            ".",
            "+",
            "1.5.",
            " 1",
            "1_0",
            "1e3",
            "2023-02-29",
            "1900-02-29",
            "2100-02-29T00:00:00",
            "2024-04-31",
            "2024-06-31T00:00:00",
            "2024-09-31",
            "2024-11-31",
            "2024-01-32",
            "0000-01-01",
            "0000-01-01T00:00:00+01:00",
            "2024-01-01T00:00:00+01",
            "2024-01-01T00:00:00+24:00",
            "2024-01-01T00:00:00-24:00",
            "2024-01-01T00:00:00+2400",
            "2024-01-01T00:00:00+01:60",
            "2024-01-01T00:00:00+0160",
            "2024-01-01T00:00:00+01:0",
            "2024-01-01T23:59:60",
            // (characters of more than one byte where the offset's digits would be)
            "2024-01-01T00:00:00+1é0",
            "2024-01-01T00:00:00+é00",
            "2024-01-01T00:00:00+é:00",
            "2024-01-01T00:00:00+01:é",
            "é024-01-01",
            "2024-0é-01",
        ] {
            assert!(!is_datetime(bad), "{bad}");
        }
    }
}
