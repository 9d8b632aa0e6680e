//! RULES.md §13 and §14: `system` (object, or the server-only string/list forms) and `thinking`.

use super::keys::{req as k, sys, thinking as think};
use crate::check::fields::Field;
use crate::check::fields::Fields;
use crate::check::json::{Object, Value};
use crate::vocab;

use super::blocks::citations;
use super::{bool_field, lax_bool, not_type, Code, Ctx, Lax};
use crate::check::Severity;

/// What other areas need from `system` and `thinking`.
#[derive(Debug, Default)]
pub(super) struct SystemFacts {
    /// Where a `citations.enabled: true` is, if anywhere: `Some(None)` in the `system` object,
    /// `Some(Some(k))` in item `k` of a `system` list (the path is built only for an issue).
    pub citations_enabled_at: Option<Option<usize>>,
    /// Characters of system text (for the token estimate).
    pub text_chars: usize,
    /// Whether `thinking.enabled` is true (or an effort turns it on).
    pub thinking_enabled: bool,
}

pub(super) fn check<'a>(ctx: &mut Ctx<'a>, req: &Fields<'a>) -> SystemFacts {
    let mut facts = SystemFacts::default();
    if let Some(sys) = req.get(k::SYSTEM).filter(|v| !v.is_null()) {
        ctx.key("system", |ctx| {
            system(ctx, &sys, &mut facts);
            merge_crash(ctx, &sys, req);
        });
    }
    if let Some(th) = req.get(k::THINKING).filter(|v| !v.is_null()) {
        ctx.key("thinking", |ctx| thinking(ctx, &th, &mut facts));
    }
    facts
}

/// RULES.md `system.citations.known_citations_merge_crash`: the server merges the system
/// entries — those of `system` and one more for each `system` message with text
/// (`extract_system_messages`) — and hashing a citation while merging two or more crashes.
fn merge_crash<'a>(ctx: &mut Ctx<'a>, sys: &Value<'a>, req: &Fields<'a>) {
    let known = |i: Value<'_>| {
        i.get("citations")
            .and_then(|c| c.get("known_citations"))
            .and_then(Value::as_array)
            .is_some_and(|k| !k.is_empty())
    };
    // one object or a list of entries (not copied)
    let (entries, with_known) = match sys {
        Value::Array(items) => (items.len(), items.iter().any(known)),
        v @ Value::Object(_) => (1, known(*v)),
        _ => return,
    };
    if !with_known {
        return;
    }
    let from_messages = req
        .get(k::MESSAGES)
        .and_then(Value::as_array)
        .map_or(0, |ms| {
            ms.iter()
                .filter(|m| m.get("role").and_then(Value::as_str) == Some("system"))
                .filter(|m| match m.get("content") {
                    Some(Value::String(_)) => true,
                    Some(Value::Array(bs)) => bs.iter().any(|b| {
                        b.get("type").and_then(Value::as_str) == Some("text")
                            && b.get("text")
                                .and_then(Value::as_str)
                                .is_some_and(|t| !t.is_empty())
                    }),
                    _ => false,
                })
                .count()
        });
    if entries + from_messages >= 2 {
        ctx.error_hint(
            Code::SystemCitationsKnownCitationsMergeCrash,
            "`known_citations` with two or more system entries to merge (a `system` list, or `system` and system messages) crashes the server while merging",
            "send `system` as a single object, without system messages",
        );
    }
}

fn system<'a>(ctx: &mut Ctx<'a>, sys: &Value<'a>, facts: &mut SystemFacts) {
    match sys {
        Value::Object(o) => object(ctx, o, None, facts),
        Value::String(s) => {
            facts.text_chars += ctx.chars(s);
            ctx.warn_hint(
                Code::SystemShape,
                "`system` as a plain string is accepted by the server only; the Workspace API expects an object",
                "use `{\"text\": \"...\"}`",
            );
        }
        Value::Array(items) => {
            ctx.warn_hint(
                Code::SystemShape,
                "`system` as a list is accepted by the server only (entries are merged); the Workspace API expects one object",
                "merge the entries into one `{\"text\": \"...\"}` object",
            );
            for (k, it) in items.iter().enumerate() {
                ctx.idx(k, |ctx| match it {
                    Value::String(s) => facts.text_chars += ctx.chars(s),
                    Value::Object(o) => object(ctx, &o, Some(k), facts),
                    v => ctx.error(
                        Code::SystemShape,
                        not_type(
                            "invalid system value: an entry must be a string or an object",
                            &v,
                        ),
                    ),
                });
            }
        }
        v => ctx.error_hint(
            Code::SystemShape,
            not_type("invalid system value: `system` must be an object", v),
            "use `{\"text\": \"...\"}`",
        ),
    }
}

fn object<'a>(ctx: &mut Ctx<'a>, o: &Object<'a>, item: Option<usize>, facts: &mut SystemFacts) {
    let o = ctx.unknown_fields(o, vocab::names::SYSTEM, "`system`");
    for key in [sys::BLOB_VISIBILITY, sys::PROMPT] {
        super::nulls::warn_server_only(ctx, o.field(key), Code::SystemBlobVisibilityEnum);
    }
    // (its type only, unless its characters are counted: a text is not read for nothing)
    if ctx.counts_text() || !o.is_string(sys::TEXT) {
        if let Some(t) = super::str_field(ctx, o.field(sys::TEXT), Code::SystemText) {
            facts.text_chars += ctx.chars(t);
        }
    }
    // (any value: the server's `System` ignores it)
    if o.get(sys::TYPE).is_some() {
        ctx.server_only("type", "`system`", Code::FieldServerOnly, None);
    }
    let use_default = o.field(sys::USE_DEFAULT_PROMPT);
    if use_default.value.is_some() {
        bool_field(ctx, use_default, Code::FieldType);
        ctx.key("use_default_prompt", |ctx| {
            ctx.warn(Code::SystemUseDefaultPromptDeprecated, "`use_default_prompt` is deprecated; the server only logs a deprecation warning for it")
        });
    }
    match o.get(sys::CITATIONS) {
        None | Some(Value::Null) => {}
        Some(Value::Object(c)) => ctx.key("citations", |ctx| {
            ctx.unknown_fields(&c, vocab::names::SYSTEM_CITATIONS, "`system.citations`");
            if bool_field(ctx, Field::of(&c, "enabled"), Code::SystemCitationsEnabled) == Some(true)
                && facts.citations_enabled_at.is_none()
            {
                facts.citations_enabled_at = Some(item);
            }
            citations(ctx, &c, "known_citations", Code::SystemCitationsEnabled);
        }),
        Some(v) => ctx.key("citations", |ctx| {
            ctx.error(
                Code::SystemCitationsEnabled,
                not_type("`citations` must be an object", &v),
            )
        }),
    }
    match o.get(sys::EXTENSIONS) {
        None | Some(Value::Null) => {}
        Some(Value::Array(xs)) => ctx.key("extensions", |ctx| {
            for (k, x) in xs.iter().enumerate() {
                if x.as_str() != Some("zylon") {
                    ctx.idx(k, |ctx| {
                        ctx.error(
                            Code::SystemExtensionsEnum,
                            "the only system extension is `zylon`",
                        )
                    });
                }
            }
        }),
        Some(v) => ctx.key("extensions", |ctx| {
            ctx.error(
                Code::SystemExtensionsEnum,
                not_type("`extensions` must be an array", &v),
            )
        }),
    }
    // (a `null` of either is reported above)
    if let Some(b) = o.get(sys::BLOB_VISIBILITY).filter(|b| !b.is_null()) {
        let ok = matches!(b.as_str(), Some("binary" | "internal" | "public"));
        let problem = (!ok).then_some("it must be binary, internal or public");
        let code = Code::SystemBlobVisibilityEnum;
        ctx.server_only("blob_visibility", "`system`", code, problem);
    }
    if let Some(p) = o.get(sys::PROMPT).filter(|p| !p.is_null()) {
        // `PromptConfig`: these flags, booleans read leniently, not `null`; other keys ignored
        let flags = ["tools", "citations", "thinking", "code_execution", "skills"];
        let ok = p.as_object().is_some_and(|m| {
            flags.iter().all(|f| {
                m.get(f)
                    .is_none_or(|v| !matches!(lax_bool(&v), Lax::Invalid))
            })
        });
        let problem = (!ok).then_some(
            "it must be an object whose flags (tools, citations, thinking, code_execution, skills) are booleans",
        );
        let code = Code::SystemBlobVisibilityEnum;
        ctx.server_only("prompt", "`system`", code, problem);
    }
}

fn thinking<'a>(ctx: &mut Ctx<'a>, th: &Value<'a>, facts: &mut SystemFacts) {
    let Some(o) = th.as_object() else {
        ctx.error(
            Code::FieldType,
            not_type("`thinking` must be an object", th),
        );
        return;
    };
    let o = ctx.unknown_fields(&o, vocab::names::THINKING, "`thinking`");
    facts.thinking_enabled =
        bool_field(ctx, o.field(think::ENABLED), Code::ThinkingEnabledBool) == Some(true);
    if let Some(e) = o.get(think::EFFORT) {
        let ok = e.is_null()
            || matches!(
                e.as_str(),
                Some("low" | "medium" | "high" | "max" | "xhigh")
            );
        if ok && !e.is_null() {
            facts.thinking_enabled = true;
        }
        ctx.key("effort", |ctx| {
            let msg = if ok {
                "`thinking.effort` is server-only and deprecated; any effort turns thinking on".to_string()
            } else {
                "`thinking.effort` is server-only and the server would reject this value: it must be low, medium, high, max or xhigh".to_string()
            };
            let p = ctx.here();
            ctx.push(Severity::Warning, Code::ThinkingEffort, p, msg, None)
        });
    }
}
