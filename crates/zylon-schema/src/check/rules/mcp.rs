//! RULES.md §12: `mcp_servers`. Secrets (`authorization_token`, `refresh_token`,
//! `client_secret`) are never quoted.

use super::keys::req as k;
use crate::check::fields::Field;
use crate::check::fields::Fields;
use crate::check::json::{Object, Value};
use crate::vocab;

use super::{bool_field, not_type, not_type_of, str_field, Code, Ctx};
use crate::check::Severity;

/// Returns whether `mcp_servers` is a non-empty list.
pub(super) fn check<'a>(ctx: &mut Ctx<'a>, req: &Fields<'a>) -> bool {
    let list = match req.get(k::MCP_SERVERS) {
        None | Some(Value::Null) => return false,
        Some(Value::Array(a)) => a,
        Some(v) => {
            ctx.key("mcp_servers", |ctx| {
                ctx.error(
                    Code::FieldType,
                    not_type("`mcp_servers` must be an array", &v),
                )
            });
            return false;
        }
    };
    ctx.key("mcp_servers", |ctx| {
        for (k, s) in list.iter().enumerate() {
            ctx.idx(k, |ctx| server(ctx, &s));
        }
    });
    !list.is_empty()
}

fn server<'a>(ctx: &mut Ctx<'a>, s: &Value<'a>) {
    let Some(o) = s.as_object() else {
        ctx.error(
            Code::FieldType,
            not_type("an MCP server must be an object", s),
        );
        return;
    };
    ctx.unknown_fields(&o, vocab::names::MCP_SERVER, "an MCP server");
    // `metadata: dict` read from `_meta`, else `metadata` (`AliasChoices`, the first wins)
    let meta = if o.contains_key("_meta") {
        "_meta"
    } else {
        "metadata"
    };
    super::nulls::reject(ctx, &o, &[meta]);
    if let Some(v) = o.get(meta).filter(|v| !v.is_null() && !v.is_object()) {
        ctx.key(meta, |ctx| {
            ctx.error(
                Code::FieldType,
                not_type_of(&["an MCP server's `", meta, "` must be an object"], &v),
            )
        });
    }
    match o.get("url") {
        Some(Value::String(_)) => {}
        None | Some(Value::Null) => ctx.at_key(
            Severity::Error,
            Code::McpUrlRequired,
            "url",
            "an MCP server needs a `url`",
            None,
        ),
        Some(v) => ctx.key("url", |ctx| {
            ctx.error(Code::McpUrlRequired, not_type("`url` must be a string", &v))
        }),
    }
    str_field(ctx, Field::of(&o, "name"), Code::FieldType);
    // Type checks only; the values are secrets and never appear in a message.
    for secret in ["authorization_token", "refresh_token", "client_secret"] {
        if let Some(v) = o.get(secret).filter(|v| !v.is_null() && !v.is_string()) {
            ctx.key(secret, |ctx| {
                ctx.error(
                    Code::FieldType,
                    not_type_of(&["`", secret, "` must be a string"], &v),
                )
            });
        }
    }
    if o.contains_key("type") {
        ctx.key("type", |ctx| {
            ctx.warn(
                Code::McpUnknownFieldType,
                "`type` on an MCP server is ignored by the server",
            )
        });
    }
    let present = |k: &str| o.get(k).is_some_and(|v| !v.is_null());
    if present("refresh_token") {
        let problem = (!present("client_id")).then_some("`refresh_token` requires `client_id`");
        ctx.server_only("refresh_token", MCP, Code::McpRefreshTokenClientId, problem);
    }
    if let Some(m) = o.get("token_endpoint_auth_method").filter(|v| !v.is_null()) {
        if !matches!(
            m.as_str(),
            Some("none" | "client_secret_basic" | "client_secret_post")
        ) {
            ctx.server_only(
                "token_endpoint_auth_method",
                MCP,
                Code::McpRefreshTokenClientId,
                Some("it must be none, client_secret_basic or client_secret_post"),
            );
            server_only_note(ctx, &o, &["client_id", "client_secret"]);
            return tool_configuration(ctx, &o);
        }
    }
    server_only_note(
        ctx,
        &o,
        &["client_id", "client_secret", "token_endpoint_auth_method"],
    );
    tool_configuration(ctx, &o);
}

/// What the server-only fields' warnings say they are fields of.
const MCP: &str = "an MCP server";

fn server_only_note<'a>(ctx: &mut Ctx<'a>, o: &Object<'a>, keys: &[&'static str]) {
    for k in keys {
        if o.get(k).is_some_and(|v| !v.is_null()) {
            ctx.server_only(k, MCP, Code::FieldServerOnly, None);
        }
    }
}

fn tool_configuration<'a>(ctx: &mut Ctx<'a>, o: &Object<'a>) {
    if let Some(tc) = super::obj_field(ctx, o, "tool_configuration", Code::McpToolConfiguration) {
        ctx.key("tool_configuration", |ctx| {
            ctx.unknown_fields(
                &tc,
                vocab::names::TOOL_CONFIGURATION,
                "`tool_configuration`",
            );
            bool_field(ctx, Field::of(&tc, "enabled"), Code::McpToolConfiguration);
            super::str_list_field(ctx, &tc, "allowed_tools", Code::McpToolConfiguration);
        });
    }
}
