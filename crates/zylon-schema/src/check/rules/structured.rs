//! RULES.md §11: `response_format` and structured output, which excludes tools, MCP servers and
//! citations.

use super::keys::req as k;
use crate::check::fields::Field;
use crate::check::fields::Fields;
use crate::check::json::Value;
use crate::vocab;

use super::output_schema;
use super::system::SystemFacts;
use super::tools::ToolFacts;
use super::{enum_field, not_type, Code, Ctx};
use crate::check::Severity;

pub(super) fn check<'a>(
    ctx: &mut Ctx<'a>,
    req: &Fields<'a>,
    tools: &ToolFacts,
    has_mcp: bool,
    sys: &SystemFacts,
    output_config: Option<&super::request::OutputConfig<'a>>,
) {
    let mut structured = false;
    // `output_config.format`'s schema, when the server uses it, leaves `response_format`'s
    // unread: its problems are warnings then (the Workspace backend may drop `output_config`,
    // and the server would reject this schema without it).
    let (sev, unread) = match output_config {
        Some(o) if o.format_wins() => (
            Severity::Warning,
            if o.alias {
                "; the server reads the schema of `outputConfig.format` (the server's alias of `output_config`) instead and ignores this one, which it would reject without it"
            } else {
                "; the server reads the schema of `output_config.format` instead and ignores this one, which it would reject without it"
            },
        ),
        _ => (Severity::Error, ""),
    };
    match req.get(k::RESPONSE_FORMAT) {
        None | Some(Value::Null) => {}
        Some(Value::Object(rf)) => ctx.key("response_format", |ctx| {
            ctx.unknown_fields(&rf, vocab::names::RESPONSE_FORMAT, "`response_format`");
            let ty = if rf.get("type").is_none_or(Value::is_null) {
                Some("text")
            } else {
                enum_field(ctx, Field::of(&rf, "type"), &["text", "json_schema"], Code::ResponseFormatTypeEnum, false)
            };
            let schema = rf.get("json_schema").filter(|v| !v.is_null());
            // the body model types `json_schema` as an object (or null) whatever `type` says
            if let Some(v) = schema.filter(|v| !v.is_object()) {
                ctx.key("json_schema", |ctx| {
                    ctx.error(
                        Code::FieldType,
                        not_type("`json_schema` must be an object", &v),
                    )
                });
            }
            let schema = schema.filter(|v| v.is_object());
            if let Some(s) = schema {
                super::too_deep_for_server(ctx, "json_schema", &s, 474, "the structured-output schema");
            }
            match ty {
                Some("json_schema") => {
                    structured = true;
                    match schema {
                        Some(Value::Object(s)) if !s.is_empty() => {
                            if let Some(problem) = output_schema::object_problem(&s) {
                                ctx.at_key(
                                    sev,
                                    Code::ResponseFormatJsonSchemaShape,
                                    "json_schema",
                                    format!("the response schema is rejected by the server: {problem}{unread}"),
                                    Some("use a schema like `{\"type\": \"object\", \"properties\": {...}}`".into()),
                                );
                            }
                        }
                        _ => ctx.at_key(
                            sev,
                            Code::ResponseFormatJsonSchemaRequired,
                            "json_schema",
                            format!("JSON schema must be provided when response format is json_schema (a non-empty object){unread}"),
                            None,
                        ),
                    }
                }
                Some("text") if schema.is_some() => ctx.key("json_schema", |ctx| {
                    ctx.warn_hint(
                        Code::ResponseFormatTextIgnoresSchema,
                        "`json_schema` is ignored because `response_format.type` is `text`",
                        "set `\"type\": \"json_schema\"` to get structured output",
                    )
                }),
                _ => {}
            }
        }),
        Some(v) => ctx.key("response_format", |ctx| {
            ctx.error(Code::FieldType, not_type("`response_format` must be an object", &v))
        }),
    }
    // `output_config.format` (or that of its alias `outputConfig`, read where `output_config` is
    // absent) is server-only: its exclusions are warnings (the backend may drop it), which say
    // that the server would reject the request (so that `fix` renames no `Tools` into one it
    // rejects).
    let via = output_config
        .filter(|o| o.value.get("format").is_some_and(|f| !f.is_null()))
        .map(|o| o.alias);
    let (sev, why) = match (structured, via) {
        (true, _) => (Severity::Error, ""),
        (false, Some(false)) => (
            Severity::Warning,
            " (via server-only `output_config.format`); the server would reject the request",
        ),
        (false, Some(true)) => (
            Severity::Warning,
            " (via server-only `outputConfig.format`, the server's alias of `output_config`); the server would reject the request",
        ),
        (false, None) => return,
    };
    if tools.non_empty {
        ctx.at_key(
            sev,
            Code::ResponseFormatNoTools,
            "tools",
            format!("tools are not supported when structured output is enabled{why}"),
            Some("remove `tools`, or drop the json_schema response format".into()),
        );
    }
    if has_mcp {
        ctx.at_key(
            sev,
            Code::ResponseFormatNoMcp,
            "mcp_servers",
            format!("MCP servers are not supported when structured output is enabled{why}"),
            None,
        );
    }
    if let Some(item) = sys.citations_enabled_at {
        let p = match item {
            None => format!("{}/system/citations/enabled", ctx.here()),
            Some(k) => format!("{}/system/{k}/citations/enabled", ctx.here()),
        };
        ctx.push(
            sev,
            Code::ResponseFormatNoCitations,
            p,
            format!("citations are not supported when structured output is enabled{why}"),
            None,
        );
    }
}
