//! RULES.md §3: the top-level ChatRequest fields, and the order in which the areas run.

use crate::check::fields::Fields;
use crate::check::json::{Object, Value};

use super::keys::req as k;
use super::{
    enum_field, mcp, messages, not_type, nulls, profile, sampling, structured, system,
    tool_context, tools, type_name, Code, Ctx, Lax, Options, Summary,
};
use crate::check::options::Endpoint;
use crate::vocab;

/// Validate a ChatRequest object (the whole chat body, or `pgpt` in an envelope).
pub(super) fn check<'a>(ctx: &mut Ctx<'a>, req: &Object<'a>, options: &Options) -> Summary {
    let alias = req.get("toolChoice");
    let aliases = [req.get("outputConfig"), req.get("cacheControl")];
    let req = &ctx.unknown_fields_with(
        req,
        vocab::names::CHAT_REQUEST,
        "the chat request",
        Code::RequestUnknownFields,
    );

    nulls::warn_server_only(ctx, req.field(k::SERVICE_TIER), Code::RequestServiceTier);
    // (a verdict-only walk stops between the areas once an error decided it; the summary is
    // not read then)
    let msgs = messages::check(ctx, req);
    if ctx.decided() {
        return Summary::default();
    }
    sampling::check(ctx, req);
    check_stream_and_ids(ctx, req);
    let output_config = OutputConfig::of(req, aliases[0]);
    check_server_only(ctx, req, output_config.as_ref());
    check_aliases(ctx, req, output_config.as_ref(), aliases[1]);

    // Built-in tools are built (and what they read parsed) by `/chat/validate` always, by
    // `POST /chat` only in eager mode.
    let choice = tools::choice_of(req, alias);
    let tc = choice.1;
    let eager = options.endpoint == Endpoint::Validate
        || tc
            .and_then(|t| t.get("validation_mode"))
            .and_then(Value::as_str)
            == Some("eager");
    let built = tools::built(tc, eager);
    if ctx.decided() {
        return Summary::default();
    }
    let artifacts = tool_context::check(ctx, req, tools::retrieval_tool_survives(req, built));
    let tool_facts = tools::check(ctx, req, choice, &artifacts, built);
    if ctx.decided() {
        return Summary::default();
    }
    let sys = system::check(ctx, req);
    let has_mcp = mcp::check(ctx, req);
    structured::check(ctx, req, &tool_facts, has_mcp, &sys, output_config.as_ref());
    if let Some(p) = &options.profile {
        profile::check(ctx, req, p, &msgs, &sys, tool_facts.non_empty || has_mcp);
    }

    Summary {
        message_count: req
            .get(k::MESSAGES)
            .and_then(Value::as_array)
            .map_or(0, |a| a.len()),
        has_tools: tool_facts.non_empty,
        stream_enabled: req.get(k::STREAM) == Some(Value::Bool(true)),
        tool_choice: tc
            .and_then(|t| t.get("type"))
            .and_then(Value::as_str)
            .map(str::to_owned)
            .or_else(|| tool_facts.non_empty.then(|| "auto".to_owned())),
        error_count: 0,
        warning_count: 0,
    }
}

fn check_stream_and_ids<'a>(ctx: &mut Ctx<'a>, req: &Fields<'a>) {
    if let Some(v) = req.get(k::STREAM).filter(|v| !v.is_null()) {
        ctx.key("stream", |ctx| match super::lax_bool(&v) {
            Lax::Exact(_) => {}
            Lax::Coerced(b) => ctx.warn_hint(
                Code::FieldCoerced,
                format!(
                    "`stream` should be a boolean; the server reads {} as {b}",
                    type_name(&v)
                ),
                format!("write `{b}` without quotes"),
            ),
            Lax::Invalid => ctx.error(Code::StreamType, not_type("`stream` must be a boolean", &v)),
        });
    }
    super::str_field(
        ctx,
        req.field(k::CORRELATION_ID),
        Code::RequestCorrelationId,
    );
}

/// Fields the server understands but the Workspace spec does not list: always a warning
/// (RULES.md §1.4), whose message says when the server would reject the value.
/// `output_config`: as [`OutputConfig::of`] read it (its problem, when it is the field's own).
fn check_server_only<'a>(
    ctx: &mut Ctx<'a>,
    req: &Fields<'a>,
    output_config: Option<&OutputConfig<'a>>,
) {
    const NOTE: &str = "the Workspace API does not list it, so the backend may drop it";
    if let Some(m) = req.get(k::MODEL) {
        ctx.key("model", |ctx| {
            let what = match m.as_str() {
                Some(s) if s == "default" || s.starts_with("claude-") => {
                    "the server maps this name to the deployment's default model".to_string()
                }
                Some(_) => {
                    "the server may fail to resolve a model name other than `default`".to_string()
                }
                None if m.is_null() => "the server uses the deployment's default model".to_string(),
                None => format!(
                    "the server would reject {}: it must be a string",
                    type_name(&m)
                ),
            };
            ctx.warn(
                Code::RequestModel,
                format!("`model` is not a Workspace field ({NOTE}); {what}"),
            );
        });
    }
    if let Some(v) = req.get(k::STOP_SEQUENCES) {
        let ok = v.as_array().is_some_and(|a| a.iter().all(Value::is_string));
        let problem = (!ok).then_some("it must be a list of strings");
        server_only(
            ctx,
            k::STOP_SEQUENCES.name,
            Code::RequestStopSequences,
            problem,
        );
    }
    if let Some(v) = req.get(k::METADATA) {
        let ok = match v {
            Value::Object(o) => match o.get("user_id") {
                None | Some(Value::Null) => true,
                Some(Value::String(s)) => s.chars().count() <= 512,
                Some(_) => false,
            },
            _ => false,
        };
        let problem = (!ok).then_some(
            "`metadata` must be an object whose `user_id` is a string of at most 512 characters",
        );
        server_only(ctx, k::METADATA.name, Code::RequestMetadataUserId, problem);
    }
    let tier = req.field(k::SERVICE_TIER);
    if tier.value.is_some()
        && enum_field(
            ctx,
            tier,
            &["auto", "standard_only"],
            Code::RequestServiceTier,
            true,
        )
        .is_some()
    {
        server_only(ctx, k::SERVICE_TIER.name, Code::RequestServiceTier, None);
    }
    if let Some(v) = req.get(k::MAXIMUM_LOADED_SKILLS) {
        let ok = v.is_null()
            || matches!(super::lax_int(&v), Lax::Exact(x) | Lax::Coerced(x) if x >= 1.0);
        let problem = (!ok).then_some("it must be an integer ≥ 1");
        let code = Code::RequestMaximumLoadedSkills;
        server_only(ctx, k::MAXIMUM_LOADED_SKILLS.name, code, problem);
    }
    if let Some(v) = req.get(k::CACHE_CONTROL) {
        let problem = cache_control_problem(&v);
        server_only(
            ctx,
            k::CACHE_CONTROL.name,
            Code::RequestCacheControl,
            problem,
        );
    }
    if let Some(o) = output_config.filter(|o| !o.alias) {
        server_only(
            ctx,
            k::OUTPUT_CONFIG.name,
            Code::OutputConfigShape,
            o.problem.as_deref(),
        );
    }
    // (`str | None`; the generic wording of a server-only field, and when the server would
    // reject the value)
    for key in [k::CONTAINER, k::INFERENCE_GEO] {
        if let Some(v) = req.get(key) {
            let problem =
                (!v.is_null() && !v.is_string()).then_some("it must be a string or `null`");
            server_only(ctx, key.name, Code::FieldServerOnly, problem);
        }
    }
}

/// The values of the server's aliases `outputConfig` and `cacheControl`, read where their field
/// is absent (`AliasChoices`; a warning beside the alias's own: RULES.md 1.4, as for
/// `toolChoice`). `output_config`: what the server reads for `output_config`; `cache`: the value
/// of `cacheControl`.
fn check_aliases<'a>(
    ctx: &mut Ctx<'a>,
    req: &Fields<'a>,
    output_config: Option<&OutputConfig<'a>>,
    cache: Option<Value<'a>>,
) {
    if let Some(p) = output_config
        .filter(|o| o.alias)
        .and_then(|o| o.problem.as_deref())
    {
        alias_rejected(ctx, "outputConfig", Code::OutputConfigShape, p);
    }
    if req.get(k::CACHE_CONTROL).is_none() {
        if let Some(p) = cache.and_then(|v| cache_control_problem(&v)) {
            alias_rejected(ctx, "cacheControl", Code::RequestCacheControl, p);
        }
    }
}

/// The warning that the server would reject the value of the alias `alias`.
#[inline(never)]
fn alias_rejected<'a>(ctx: &mut Ctx<'a>, alias: &'a str, code: Code, problem: &str) {
    ctx.key(alias, |ctx| {
        ctx.warn(
            code,
            format!("the server would reject this value of `{alias}` (read because its snake_case field is absent): {problem}"),
        )
    });
}

/// The warning on the server-only request field `key` (see [`Ctx::server_only`]).
fn server_only<'a>(ctx: &mut Ctx<'a>, key: &'a str, code: Code, problem: Option<&str>) {
    ctx.server_only(key, "the chat request", code, problem);
}

/// Whether a `cache_control` value is one the server accepts (`CacheControlEphemeral`, of the
/// request and of every block built on `CacheableContentBlock`): `null`, or `type` `ephemeral`
/// with an optional `ttl` of `5m` or `1h` (not `null`: the field has a default but no `None`);
/// other keys are allowed.
fn cache_control_ok(v: &Value<'_>) -> bool {
    match v {
        Value::Null => true,
        Value::Object(o) => {
            o.get("type").and_then(Value::as_str) == Some("ephemeral")
                && o.get("ttl")
                    .is_none_or(|t| matches!(t.as_str(), Some("5m" | "1h")))
        }
        _ => false,
    }
}

/// Why the server rejects a `cache_control` value (`None` when it accepts it).
pub(super) fn cache_control_problem(v: &Value<'_>) -> Option<&'static str> {
    (!cache_control_ok(v))
        .then_some("it must be `{\"type\": \"ephemeral\"}` with an optional `ttl` of `5m` or `1h`")
}

/// `output_config`, or where it is absent its alias `outputConfig`, as the server reads it:
/// read once (its problem walks the format's JSON Schema), for the server-only warning, the
/// alias's and structured output.
pub(super) struct OutputConfig<'a> {
    /// The value.
    pub value: Value<'a>,
    /// Read from the alias `outputConfig`.
    pub alias: bool,
    /// Why the server rejects it (`None`: it accepts it).
    pub problem: Option<String>,
}

impl<'a> OutputConfig<'a> {
    /// The value the server reads (`alias`: the value of `outputConfig`), if any.
    fn of(req: &Fields<'a>, alias: Option<Value<'a>>) -> Option<Self> {
        let (value, alias) = match req.get(k::OUTPUT_CONFIG) {
            None => (alias?, true),
            Some(v) => (v, false),
        };
        Some(OutputConfig {
            value,
            alias,
            problem: output_config_problem(&value),
        })
    }

    /// Whether the server builds the structured output's model from it (one it accepts, whose
    /// `format` has a non-empty schema): it then never reads `response_format.json_schema`
    /// (`_configure_output_cls_from_json_schema`).
    pub(super) fn format_wins(&self) -> bool {
        self.problem.is_none()
            && self
                .value
                .get("format")
                .and_then(|f| f.get("schema").or_else(|| f.get("json_schema")))
                .is_some_and(|s| super::truthy(&s))
    }
}

fn output_config_problem(v: &Value<'_>) -> Option<String> {
    let o = match v {
        Value::Null => return Some("`null` is not accepted (leave the field out)".into()),
        Value::Object(o) => o,
        _ => return Some(not_type("it must be an object", v)),
    };
    for k in o.keys() {
        if k != "effort" && k != "format" {
            return Some(format!(
                "unknown key `{}` (only `effort` and `format` are allowed)",
                super::short(k)
            ));
        }
    }
    if let Some(e) = o.get("effort").filter(|e| !e.is_null()) {
        if !matches!(
            e.as_str(),
            Some("low" | "medium" | "high" | "max" | "xhigh")
        ) {
            return Some("`effort` must be low, medium, high, max or xhigh".into());
        }
    }
    if let Some(f) = o.get("format").filter(|f| !f.is_null()) {
        let ok = f.get("type").and_then(Value::as_str) == Some("json_schema")
            && (f.get("schema").is_some_and(Value::is_object)
                || f.get("json_schema").is_some_and(Value::is_object));
        if !ok {
            return Some("`format` must be `{\"type\":\"json_schema\",\"schema\":{...}}`".into());
        }
        let schema = f.get("schema").or_else(|| f.get("json_schema"));
        if let Some(p) = schema
            .filter(|s| super::truthy(s))
            .and_then(|s| super::output_schema::problem(&s))
        {
            return Some(format!(
                "the server cannot build a model from its schema: {p}"
            ));
        }
    }
    None
}
