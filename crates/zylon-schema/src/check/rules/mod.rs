//! The rule modules, one per area of `RULES.md` Part 2, plus small typed-access helpers.
//!
//! Each rule reports with its catalog id as the code; see `docs/decisions.md` for the severity
//! and the path each rule uses.

mod blocks;
mod conversation;
mod datetime;
mod envelope;
mod keys;
mod mcp;
mod media;
mod messages;
mod nulls;
mod order;
mod output_schema;
mod pgpt_blocks;
mod profile;
mod request;
mod response;
mod sampling;
mod structured;
mod system;
mod tool_context;
pub(crate) mod tools;

use crate::check::json::{Object, Value};
use crate::check::report::Suggestion;

use super::code::Code;
use super::ctx::{not_type, not_type_of, short, type_name, Ctx};
use super::fields::Field;
pub(crate) use super::lax::{lax_bool, lax_float, lax_int, Lax};
use super::{Kind, Options, Summary};

/// Run every rule for `kind` over `value`, returning the request summary.
pub(crate) fn run<'a>(
    ctx: &mut Ctx<'a>,
    value: &Value<'a>,
    kind: Kind,
    options: &Options,
) -> Summary {
    let Some(root) = value.as_object() else {
        ctx.error(
            Code::FieldType,
            not_type("the body must be a JSON object", value),
        );
        return Summary::default();
    };
    match kind {
        Kind::Chat => request::check(ctx, &root, options),
        Kind::Interaction | Kind::ProjectChat => {
            envelope::check_chat_envelope(ctx, &root, kind, options)
        }
        Kind::Thread | Kind::ThreadUpdate => {
            envelope::check_thread(ctx, &root, kind == Kind::Thread);
            Summary::default()
        }
        _ => {
            response::check(ctx, &root, kind);
            Summary::default()
        }
    }
}

/// How deep `v` nests (arrays and objects; a scalar is 0, `{}` is 1), without recursing.
pub(crate) fn nesting(v: &Value<'_>) -> usize {
    let mut deepest = 0;
    let mut stack = vec![(*v, 1usize)];
    while let Some((v, d)) = stack.pop() {
        match v {
            Value::Array(a) => {
                deepest = deepest.max(d);
                stack.extend(a.iter().map(|c| (c, d + 1)));
            }
            Value::Object(o) => {
                deepest = deepest.max(d);
                stack.extend(o.entries().map(|(_, c)| (c, d + 1)));
            }
            _ => {}
        }
    }
    deepest
}

/// Values the server processes recursively (tool schemas, tool inputs, structured-output
/// schemas) fail past a depth well under the body's limit: Python's recursion runs out
/// (measured on the server's request path; each place has its own depth). Reported at `key`.
pub(crate) fn too_deep_for_server<'a>(
    ctx: &mut Ctx<'a>,
    key: &'a str,
    v: &Value<'_>,
    limit: usize,
    what: &str,
) {
    // Nothing in the body nests past the limit: no walk (the common case).
    if ctx.doc_depth <= limit {
        return;
    }
    let depth = nesting(v);
    if depth > limit {
        ctx.key(key, |ctx| {
            ctx.error_hint(
                Code::JsonTooDeep,
                format!("{what} nests {depth} levels deep; the server's processing of it fails past {limit} levels"),
                "flatten the structure",
            )
        });
    }
}

/// Python's truthiness of a JSON value (`if value:`).
pub(crate) fn truthy(v: &Value<'_>) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64() != Some(0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(o) => !o.is_empty(),
    }
}

/// Check an optional boolean field; reports `code` when invalid and `field.coerced` when coerced.
///
/// This, [`str_field`], [`obj_field`] and `Field::of` are always inlined natively: their callers
/// pass literal names and codes, which then fold into the caller's code (measured together:
/// -1.3% of the native instructions of small bodies and of many-small, -2.2% of a 72-byte body).
/// `require`, `enum_field` and `str_list_field` are not: inlining them gained under 0.1%.
#[cfg_attr(not(target_arch = "wasm32"), inline(always))]
pub(crate) fn bool_field<'a>(ctx: &mut Ctx<'a>, field: Field<'a>, code: Code) -> Option<bool> {
    let (key, v) = (field.name, field.value?);
    if v.is_null() {
        return None;
    }
    ctx.key(key, |ctx| match lax_bool(&v) {
        Lax::Exact(b) => Some(b),
        Lax::Coerced(b) => {
            ctx.warn_hint(
                Code::FieldCoerced,
                format!(
                    "`{key}` should be a boolean; the server reads {} as {b}",
                    type_name(&v)
                ),
                format!("write `{b}` without quotes"),
            );
            Some(b)
        }
        Lax::Invalid => {
            ctx.error(code, not_type_of(&["`", key, "` must be a boolean"], &v));
            None
        }
    })
}

/// Check an optional string field (null allowed); reports `code` when it is not a string.
#[cfg_attr(not(target_arch = "wasm32"), inline(always))]
pub(crate) fn str_field<'a>(ctx: &mut Ctx<'a>, field: Field<'a>, code: Code) -> Option<&'a str> {
    let key = field.name;
    match field.value? {
        Value::String(s) => Some(s),
        Value::Null => None,
        v => {
            ctx.key(key, |ctx| {
                ctx.error(code, not_type_of(&["`", key, "` must be a string"], &v))
            });
            None
        }
    }
}

/// Check an optional array-of-strings field (null allowed).
pub(crate) fn str_list_field<'a>(ctx: &mut Ctx<'a>, obj: &Object<'a>, key: &'a str, code: Code) {
    match obj.get(key) {
        None | Some(Value::Null) => {}
        Some(Value::Array(items)) => ctx.key(key, |ctx| {
            for (i, it) in items.iter().enumerate() {
                if !it.is_string() {
                    ctx.idx(i, |ctx| {
                        ctx.error(
                            code,
                            not_type_of(&["`", key, "` items must be strings"], &it),
                        )
                    });
                }
            }
        }),
        Some(v) => ctx.key(key, |ctx| {
            ctx.error(
                code,
                not_type_of(&["`", key, "` must be an array of strings"], &v),
            )
        }),
    }
}

/// Check an optional object field (null allowed); returns the object.
#[cfg_attr(not(target_arch = "wasm32"), inline(always))]
pub(crate) fn obj_field<'a>(
    ctx: &mut Ctx<'a>,
    obj: &Object<'a>,
    key: &'a str,
    code: Code,
) -> Option<Object<'a>> {
    match obj.get(key)? {
        Value::Object(o) => Some(o),
        Value::Null => None,
        v => {
            ctx.key(key, |ctx| {
                ctx.error(code, not_type_of(&["`", key, "` must be an object"], &v))
            });
            None
        }
    }
}

/// The JSON kind a required field must have.
#[derive(Clone, Copy)]
pub(crate) enum Want {
    Str,
    Obj,
}

/// A required field of a given kind: `missing` reports its absence (or `null`), `wrong` its
/// wrong type. Returns whether the field is present with the right kind.
pub(crate) fn require<'a>(
    ctx: &mut Ctx<'a>,
    obj: &Object<'a>,
    key: &'a str,
    want: Want,
    (missing, missing_message): (Code, String),
    wrong: Code,
) -> bool {
    let (ok, what) = match (want, obj.get(key)) {
        (_, None | Some(Value::Null)) => {
            ctx.at_key(super::Severity::Error, missing, key, missing_message, None);
            return false;
        }
        (Want::Str, Some(v)) => (v.is_string(), "a string"),
        (Want::Obj, Some(v)) => (v.is_object(), "an object"),
    };
    if !ok {
        let v = obj.get(key).unwrap_or(Value::Null);
        ctx.key(key, |ctx| {
            ctx.error(wrong, not_type_of(&["`", key, "` must be ", what], &v))
        });
    }
    ok
}

/// Check an enum-valued string field. Returns the value when it is one of `allowed`.
pub(crate) fn enum_field<'a>(
    ctx: &mut Ctx<'a>,
    field: Field<'a>,
    allowed: &[&str],
    code: Code,
    warn_only: bool,
) -> Option<&'a str> {
    let (key, v) = (field.name, field.value?);
    if v.is_null() {
        return None;
    }
    if let Some(s) = v.as_str() {
        if zylon_json::is_one_of(s, allowed) {
            return Some(s);
        }
    }
    // (pushed, not `format!`ed and joined: `join` was 1 KB of the WebAssembly module)
    let mut list = String::new();
    for a in allowed {
        if !list.is_empty() {
            list.push_str(", ");
        }
        list.push('`');
        list.push_str(a);
        list.push('`');
    }
    let got = match v.as_str() {
        Some(s) => format!("`{}`", short(s)),
        None => type_name(&v).to_string(),
    };
    let case = v
        .as_str()
        .and_then(|s| allowed.iter().find(|a| a.eq_ignore_ascii_case(s)));
    let hint = case.map(|a| format!("did you mean `{a}`? values are case-sensitive"));
    ctx.key(key, |ctx| {
        if let Some(a) = case {
            ctx.suggest(Suggestion::replace_string((*a).to_string()));
        }
        let msg = if warn_only {
            format!("`{key}` is {got}: the server would reject the request if it sees this field (it accepts only {list})")
        } else {
            format!("`{key}` must be one of {list}, not {got}")
        };
        let p = ctx.here();
        let sev = if warn_only { super::Severity::Warning } else { super::Severity::Error };
        ctx.push(sev, code, p, msg, hint);
    });
    None
}
