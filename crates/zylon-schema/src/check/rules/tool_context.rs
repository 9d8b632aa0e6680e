//! RULES.md §10: `tool_context` artifacts, context filters and metadata filters.

use super::keys::req as k;
use crate::check::fields::Field;
use crate::check::fields::Fields;
use crate::check::json::{Object, Value};
use crate::check::report::Suggestion;
use crate::vocab::{self, Names};

use super::{not_type, short, str_field, type_name, Code, Ctx};
use crate::check::Severity;
use crate::media;

/// The artifact kinds the server knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ArtifactKind {
    File,
    Uri,
    Text,
    Ingested,
    Sql,
    Skill,
}

const KINDS: &[&str] = &["file", "uri", "text", "ingested_artifact", "sql_database"];

/// Kinds of the global `tool_context`, and whether it is a non-empty list.
#[derive(Debug, Default)]
pub(super) struct Artifacts {
    pub kinds: Vec<ArtifactKind>,
    pub non_empty: bool,
}

///
/// `filters_parsed`: whether the server parses the metadata filters (a semantic_search or
/// tabular_analysis tool survives `tool_choice` and is built at validation: always by
/// `/chat/validate`, by `POST /chat` in eager mode); when not, a bad filter is not read then
/// (RULES.md Part 3.9) and is only a warning.
pub(super) fn check<'a>(ctx: &mut Ctx<'a>, req: &Fields<'a>, filters_parsed: bool) -> Artifacts {
    let Some(v) = req.get(k::TOOL_CONTEXT).filter(|v| !v.is_null()) else {
        return Artifacts::default();
    };
    ctx.key("tool_context", |ctx| {
        let kinds = list(ctx, &v, filters_parsed);
        Artifacts {
            non_empty: v.as_array().is_some_and(|a| !a.is_empty()),
            kinds,
        }
    })
}

/// Check a list of artifacts at the current path (global `tool_context` or a tool's `context`).
pub(super) fn list<'a>(
    ctx: &mut Ctx<'a>,
    v: &Value<'a>,
    filters_parsed: bool,
) -> Vec<ArtifactKind> {
    let Some(items) = v.as_array() else {
        ctx.error(
            Code::FieldType,
            not_type("must be an array of artifacts", v),
        );
        return Vec::new();
    };
    items
        .iter()
        .enumerate()
        .filter_map(|(k, a)| ctx.idx(k, |ctx| artifact(ctx, &a, filters_parsed)))
        .collect()
}

fn artifact<'a>(ctx: &mut Ctx<'a>, a: &Value<'a>, filters_parsed: bool) -> Option<ArtifactKind> {
    let Some(o) = a.as_object() else {
        ctx.error(
            Code::ToolContextKind,
            not_type("an artifact must be an object with a `type`", a),
        );
        return None;
    };
    let kind = match o.get("type") {
        Some(Value::String(t)) => t,
        Some(t) => {
            ctx.key("type", |ctx| {
                ctx.error(
                    Code::ToolContextKind,
                    not_type("artifact `type` must be a string", &t),
                )
            });
            return None;
        }
        None => {
            ctx.at_key(
                Severity::Error,
                Code::ToolContextKind,
                "type",
                "an artifact needs a `type`: file, uri, text, ingested_artifact or sql_database",
                None,
            );
            return None;
        }
    };
    // Known fields, static per kind (built per artifact they were two allocations each). The
    // Workspace spec shows content-block fields for `file`/`text` (a schema-name collision):
    // those are known too, so that the rules below can point at `value`.
    let (k, shape, what): (ArtifactKind, Names, &str) = match kind {
        "file" => (
            ArtifactKind::File,
            vocab::names::FILE_ARTIFACT,
            "a `file` artifact",
        ),
        "uri" => (
            ArtifactKind::Uri,
            vocab::names::URI_ARTIFACT,
            "a `uri` artifact",
        ),
        "text" => (
            ArtifactKind::Text,
            vocab::names::TEXT_ARTIFACT,
            "a `text` artifact",
        ),
        "ingested_artifact" => (
            ArtifactKind::Ingested,
            vocab::names::INGESTED_ARTIFACT,
            "a `ingested_artifact` artifact",
        ),
        "sql_database" => (
            ArtifactKind::Sql,
            vocab::names::SQL_DATABASE,
            "a `sql_database` artifact",
        ),
        "skill" => {
            ctx.key("type", |ctx| {
                ctx.warn(Code::ToolContextKind, "the `skill` artifact is server-only; the Workspace API does not list it and the backend may drop it")
            });
            (
                ArtifactKind::Skill,
                vocab::names::SKILL_ARTIFACT,
                "a `skill` artifact",
            )
        }
        other => {
            let case = KINDS.iter().find(|x| x.eq_ignore_ascii_case(other));
            let hint = case.map(|x| format!("did you mean `{x}`?"));
            ctx.key("type", |ctx| {
                if let Some(x) = case {
                    ctx.suggest(Suggestion::replace_string((*x).to_string()));
                }
                let p = ctx.here();
                ctx.push(
                    Severity::Error,
                    Code::ToolContextKind,
                    p,
                    format!("unknown artifact type `{}` (expected file, uri, text, ingested_artifact or sql_database)", short(other)),
                    hint,
                )
            });
            return None;
        }
    };
    ctx.unknown_fields(&o, shape, what);
    // For file/text, the Workspace spec's collision fields (content-block fields) are known
    // beyond the model.
    let collision = shape.ruled;
    match k {
        ArtifactKind::File => value(ctx, &o, Code::ArtifactFileValueBase64, true, collision),
        ArtifactKind::Uri => value(ctx, &o, Code::ArtifactUriValueRequired, false, collision),
        ArtifactKind::Text => value(ctx, &o, Code::ArtifactTextValueRequired, false, collision),
        ArtifactKind::Ingested => match o.get("context_filter") {
            Some(Value::Object(cf)) => ctx.key("context_filter", |ctx| context_filter(ctx, &cf, filters_parsed)),
            None | Some(Value::Null) => ctx.at_key(
                Severity::Error,
                Code::ArtifactIngestedContextFilterRequired,
                "context_filter",
                "an `ingested_artifact` needs a `context_filter` object",
                Some("add `\"context_filter\": {\"collection\": \"...\", \"artifacts\": [\"<artifact id>\"]}`".into()),
            ),
            Some(v) => ctx.key("context_filter", |ctx| {
                ctx.error(Code::ArtifactIngestedContextFilterRequired, not_type("`context_filter` must be an object", &v))
            }),
        },
        ArtifactKind::Sql => sql(ctx, &o),
        ArtifactKind::Skill => skill(ctx, &o),
    }
    Some(k)
}

fn value<'a>(ctx: &mut Ctx<'a>, o: &Object<'a>, code: Code, base64: bool, collision: &[&str]) {
    let hint = collision
        .iter()
        .find(|c| o.contains_key(c))
        .map(|c| format!("the Workspace spec shows `{c}` here by mistake; the server reads the artifact from `value`"));
    match o.get("value") {
        Some(Value::String(s)) => {
            // The server strips the value, decodes it with `b64decode(validate=True)` and
            // compares the round trip (`_is_valid_base64`): an empty value fails.
            if base64 {
                let cleaned = media::py_strip(s);
                let checked = if cleaned.is_empty() {
                    Err(media::Base64Error::Empty)
                } else {
                    media::check_base64(cleaned, true)
                };
                if let Err(e) = checked {
                    ctx.key("value", |ctx| {
                        ctx.error_hint(
                            code,
                            format!("a `file` artifact's `value` must be strict base64 ({e})"),
                            "base64-encode the file's bytes (standard alphabet, `=` padding)",
                        )
                    });
                }
            }
        }
        None | Some(Value::Null) => ctx.at_key(
            Severity::Error,
            code,
            "value",
            "this artifact needs a `value` string",
            hint,
        ),
        Some(v) => ctx.key("value", |ctx| {
            ctx.error(code, not_type("`value` must be a string", &v))
        }),
    }
}

fn sql<'a>(ctx: &mut Ctx<'a>, o: &Object<'a>) {
    match o.get("connection_string") {
        Some(Value::String(_)) => {}
        None | Some(Value::Null) => ctx.at_key(
            Severity::Error,
            Code::ArtifactSqlConnectionStringRequired,
            "connection_string",
            "a `sql_database` artifact needs a `connection_string`",
            None,
        ),
        // Never quote the value: it may hold a password.
        Some(v) => ctx.key("connection_string", |ctx| {
            ctx.error(
                Code::ArtifactSqlConnectionStringRequired,
                not_type("`connection_string` must be a string", &v),
            )
        }),
    }
    str_field(ctx, Field::of(o, "description"), Code::FieldType);
    super::str_list_field(ctx, o, "schemas", Code::FieldType);
    for f in [
        "ssl",
        "enable_tables",
        "enable_views",
        "enable_procedures",
        "enable_functions",
    ] {
        super::bool_field(ctx, Field::of(o, f), Code::FieldType);
    }
}

fn skill<'a>(ctx: &mut Ctx<'a>, o: &Object<'a>) {
    let ok = match o.get("skill_filter") {
        Some(Value::Object(f)) => match f.get("collection") {
            Some(Value::String(c)) => (1..=255).contains(&c.chars().count()),
            _ => false,
        },
        _ => false,
    };
    if !ok {
        ctx.at_key(
            Severity::Error,
            Code::ArtifactSkillSkillFilterRequired,
            "skill_filter",
            "a `skill` artifact needs `skill_filter` with a `collection` of 1–255 characters",
            None,
        );
    }
}

/// A `context_filter` (at the current path).
fn context_filter<'a>(ctx: &mut Ctx<'a>, cf: &Object<'a>, filters_parsed: bool) {
    ctx.unknown_fields(cf, vocab::names::CONTEXT_FILTER, "`context_filter`");
    for key in ["collection", "artifacts"] {
        if cf.get(key).is_none_or(Value::is_null) {
            let what = if key == "collection" {
                "the server uses `pgpt_collection`"
            } else {
                "the server searches the whole collection"
            };
            ctx.at_key(
                Severity::Warning,
                Code::ContextFilterCollectionDefault,
                key,
                format!(
                    "`context_filter.{key}` is required by the Workspace spec; without it {what}"
                ),
                None,
            );
        }
    }
    if let Some(Value::String("")) = cf.get("collection") {
        // the retrieval builders check `if not context_filter.collection` when they are built
        let (sev, when) = if filters_parsed {
            (Severity::Error, "")
        } else {
            (Severity::Warning, " (no semantic_search or tabular_analysis tool is built when this request is validated, so it is not checked now)")
        };
        ctx.at_key(
            sev,
            Code::FieldRequired,
            "collection",
            format!("`collection` is empty: the server requires a collection name when it builds the retrieval tool{when}"),
            Some("leave `collection` out to use `pgpt_collection`, or name the collection".into()),
        );
    }
    str_field(ctx, Field::of(cf, "collection"), Code::FieldType);
    super::str_list_field(ctx, cf, "artifacts", Code::FieldType);
    match cf.get("metadata_filter") {
        None | Some(Value::Null) => {}
        Some(Value::Array(fs)) => ctx.key("metadata_filter", |ctx| {
            for (k, f) in fs.iter().enumerate() {
                ctx.idx(k, |ctx| metadata_filter(ctx, &f, filters_parsed));
            }
        }),
        Some(v) => ctx.key("metadata_filter", |ctx| {
            ctx.error(
                Code::ContextFilterMetadataFilterList,
                not_type("`metadata_filter` must be a list of filter objects", &v),
            )
        }),
    }
}

const OPERATORS: &[&str] = &[
    "==",
    ">",
    "<",
    "!=",
    ">=",
    "<=",
    "in",
    "nin",
    "any",
    "all",
    "text_match",
    "text_match_insensitive",
    "contains",
    "is_empty",
];

/// One metadata filter, as llama-index's `MetadataFilter` reads it when the retriever is built:
/// `key` a string, `value` required (null allowed) and an int, float or string, or a list of
/// one of those; `operator` one of the known ones (default `==`).
fn metadata_filter<'a>(ctx: &mut Ctx<'a>, f: &Value<'a>, parsed: bool) {
    let sev = if parsed {
        Severity::Error
    } else {
        Severity::Warning
    };
    let when = if parsed {
        ""
    } else {
        " (the server reads metadata filters only when it builds a semantic_search or tabular_analysis tool — `/chat/validate` for one that survives tool_choice, `POST /chat` only with validation_mode eager — so it is not read for this request now)"
    };
    let report = |ctx: &mut Ctx<'a>, key: Option<&str>, code: Code, msg: String| {
        let p = match key {
            Some(k) => ctx.here_key(k),
            None => ctx.here(),
        };
        ctx.push(sev, code, p, format!("{msg}{when}"), None);
    };
    let Some(o) = f.as_object() else {
        // the body model types the filters as objects: checked whatever the tools
        ctx.error(
            Code::ContextFilterMetadataFilterList,
            not_type("a metadata filter must be an object", f),
        );
        return;
    };
    match o.get("key") {
        Some(Value::String(_)) => {}
        None => report(
            ctx,
            Some("key"),
            Code::FieldRequired,
            "a metadata filter needs a `key`".into(),
        ),
        Some(v) => report(
            ctx,
            Some("key"),
            Code::FieldType,
            not_type("`key` must be a string", &v),
        ),
    }
    match o.get("operator") {
        None => {}
        Some(op) if op.as_str().is_some_and(|s| OPERATORS.contains(&s)) => {}
        Some(op) => {
            let got = op
                .as_str()
                .map_or_else(|| type_name(&op).to_string(), |s| format!("`{}`", short(s)));
            report(
                ctx,
                Some("operator"),
                Code::MetadataFilterOperator,
                format!("unknown metadata filter operator {got}; the server fails when it builds the retriever; use one of ==, >, <, !=, >=, <=, in, nin"),
            );
        }
    }
    let scalar = |v: Value<'_>| match v {
        Value::String(_) => Some(0u8),
        Value::Number(n) if n.int => Some(1),
        Value::Number(_) => Some(2),
        _ => None,
    };
    let value_ok = match o.get("value") {
        None => {
            report(
                ctx,
                Some("value"),
                Code::FieldRequired,
                "a metadata filter needs a `value` (`null` is allowed)".into(),
            );
            true
        }
        Some(Value::Null) => true,
        Some(Value::Array(xs)) => {
            let kinds: Vec<Option<u8>> = xs.iter().map(scalar).collect();
            // all strings, all integers, or all numbers
            kinds.iter().all(|k| *k == Some(0)) || kinds.iter().all(|k| matches!(k, Some(1 | 2)))
        }
        Some(v) => scalar(v).is_some(),
    };
    if !value_ok {
        let v = o.get("value").unwrap_or(Value::Null);
        report(
            ctx,
            Some("value"),
            Code::MetadataFilterValueType,
            not_type(
                "a filter `value` must be a string, a number or a list of strings or of numbers",
                &v,
            ),
        );
    } else if let Some(v) = o.get("value").filter(|v| !v.is_null() && !v.is_string()) {
        ctx.key("value", |ctx| {
            ctx.warn(
                Code::MetadataFilterValueType,
                format!("the Workspace spec types a filter `value` as a string; the server also accepts {}", type_name(&v)),
            )
        });
    }
}
