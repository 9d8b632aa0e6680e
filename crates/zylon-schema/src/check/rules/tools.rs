//! RULES.md §8 and §9: tools (built-in recognition by `type`, names, schemas, required
//! artifacts) and `tool_choice`.

use super::keys::{choice, req as k, tool};
use crate::check::fields::{Field, Fields};
use crate::check::json::{Array, Object, Value};
use crate::check::report::Suggestion;
use crate::vocab;

use super::tool_context::{self, ArtifactKind, Artifacts};
use super::{enum_field, not_type, not_type_of, short, type_name, Code, Ctx, Lax};
use crate::check::spare::{self, spare};
use crate::check::Severity;

use crate::vocab::tools::{self as registry, Needs};

/// How the server treats a tool `type`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Builtin {
    /// A built-in tool with its canonical name.
    Internal { name: &'static str, needs: Needs },
    /// Documented by the Workspace API only; the server treats it as a client tool.
    WorkspaceOnly,
    /// A dated Anthropic type translated into a built-in tool.
    Anthropic { name: &'static str, needs: Needs },
    /// A dated Anthropic client type (bash, text editor, computer, memory): an ordinary tool.
    AnthropicClient,
    /// Any other dated type: silently discarded.
    AnthropicDropped,
}

fn classify(t: &str) -> Option<Builtin> {
    if let Some(b) = registry::builtin_tool(t) {
        return Some(Builtin::Internal {
            name: b.name,
            needs: b.needs,
        });
    }
    if registry::WORKSPACE_ONLY_TOOL_TYPES.contains(&registry::strip_version(t)) {
        return Some(Builtin::WorkspaceOnly);
    }
    match registry::dated_type(t)? {
        Ok(b) => Some(Builtin::Anthropic {
            name: b.name,
            needs: b.needs,
        }),
        Err(()) => {
            let base = vocab::tools::before_last_underscore(t);
            Some(
                if registry::DATED_ANTHROPIC_CLIENT_PREFIXES
                    .iter()
                    .any(|p| base.starts_with(p))
                {
                    Builtin::AnthropicClient
                } else {
                    Builtin::AnthropicDropped
                },
            )
        }
    }
}

/// The code for a missing or extra `ingested_artifact` of a retrieval tool.
fn ingested_code(name: &str) -> Code {
    if name == "tabular_analysis" {
        Code::ToolInternalTabularAnalysisContext
    } else {
        Code::ToolInternalSemanticSearchContext
    }
}

/// Whether the request's tool choice is its camelCase alias `toolChoice`, and the choice as the
/// server reads it: `tool_choice`, or when that key is absent the alias (`MessagesInputBase`;
/// found 2026-12-03: a `toolChoice` of `none` drops the tools as `tool_choice` does, so the
/// metadata filters of `tool_context` are not read, and we rejected such bodies).
pub(super) fn choice_of<'a>(
    req: &Fields<'a>,
    alias: Option<Value<'a>>,
) -> (bool, Option<Value<'a>>) {
    match req.get(k::TOOL_CHOICE) {
        None => (alias.is_some(), alias),
        tc => (false, tc),
    }
}

/// Which tools are built (and what they read parsed) when this request is validated: by
/// `/chat/validate` always and by `POST /chat` only in eager mode (`eager`), those that survive
/// the tool choice `tc` (see [`choice_of`]) — `None`: none (type `none`, or not eager);
/// `Some(None)`: every tool; `Some(Some(name))`: the one named. Read ahead of the tool checks,
/// without reporting.
pub(super) fn built(tc: Option<Value<'_>>, eager: bool) -> Option<Option<&str>> {
    let ty = tc.and_then(|tc| tc.get("type")).and_then(Value::as_str);
    if !eager || ty == Some("none") {
        return None;
    }
    Some(if ty == Some("tool") {
        tc.and_then(|tc| tc.get("name")).and_then(Value::as_str)
    } else {
        None
    })
}

/// Whether a built-in tool (its `canonical` name, or the name it is given) is among the
/// [`built`] ones.
fn is_built(built: Option<Option<&str>>, name: Option<&str>, canonical: &str) -> bool {
    let name = name.filter(|n| !n.is_empty()).unwrap_or(canonical);
    built.is_some_and(|only| only.is_none_or(|o| o == name))
}

/// Whether a semantic_search or tabular_analysis tool is [`built`] that reads the top-level
/// `tool_context` (one without a `context` list of its own): only then are the metadata
/// filters of `tool_context` parsed (RULES.md Part 3.9).
pub(super) fn retrieval_tool_survives(req: &Fields<'_>, built: Option<Option<&str>>) -> bool {
    let Some(Value::Array(tools)) = req.get(k::TOOLS) else {
        return false;
    };
    tools.iter().any(|t| {
        let ty = match t {
            Value::String(s) => Some(s),
            Value::Object(o) => o.get("type").and_then(Value::as_str),
            _ => None,
        };
        let Some(Builtin::Internal {
            name: canonical,
            needs: Needs::OneIngested,
        }) = ty.and_then(classify)
        else {
            return false;
        };
        // a tool with its own `context` list reads that one, not the top-level `tool_context`
        let own = matches!(t.get("context"), Some(Value::Array(_)));
        !own && is_built(built, t.get("name").and_then(Value::as_str), canonical)
    })
}

/// What other areas need to know about the tools.
#[derive(Debug, Default)]
pub(super) struct ToolFacts {
    /// `tools` is a non-empty array.
    pub non_empty: bool,
}

/// One tool as seen by the cross-tool rules.
struct ToolInfo<'a> {
    index: usize,
    name: Option<&'a str>,
    needs: Needs,
    /// The tool's own `context` kinds, when it has one.
    own_context: Option<Vec<ArtifactKind>>,
    type_name: Option<&'a str>,
}

// The tools of this thread's last body, natively (see `spare`).
spare!(TOOLS: ToolInfo<'static>);

/// The tools (`choice`: whether the tool choice is the alias, and the choice, see
/// [`choice_of`]; `built`: which are built when the request is validated, see [`built`]).
pub(super) fn check<'a>(
    ctx: &mut Ctx<'a>,
    req: &Fields<'a>,
    (alias, tc): (bool, Option<Value<'a>>),
    artifacts: &Artifacts,
    built: Option<Option<&'a str>>,
) -> ToolFacts {
    let tools: Array = match req.get(k::TOOLS) {
        None | Some(Value::Null) => Array::empty(),
        Some(Value::Array(a)) => a,
        Some(v) => {
            ctx.key("tools", |ctx| {
                ctx.error(Code::FieldType, not_type("`tools` must be an array", &v))
            });
            Array::empty()
        }
    };
    let mut infos: Vec<ToolInfo<'a>> = spare::take(&TOOLS);
    ctx.key("tools", |ctx| {
        infos.extend(
            tools
                .iter()
                .enumerate()
                .filter_map(|(k, t)| ctx.idx(k, |ctx| tool(ctx, k, &t, built))),
        )
    });
    unique_names(ctx, &infos);
    // the alias is a server-only field: what its rules find are warnings (RULES.md 1.4)
    let choice = ctx.as_warnings(alias, |ctx| {
        tool_choice(ctx, alias, tc, &infos, !tools.is_empty())
    });
    if artifacts.non_empty && tools.is_empty() {
        ctx.key("tool_context", |ctx| {
            ctx.error_hint(
                Code::ToolContextRequiresTools,
                "`tool_context` is provided but no tools are specified; the server rejects it",
                "add the tool that uses these artifacts (e.g. semantic_search_v1), or remove `tool_context`",
            )
        });
    }
    // Context checks only for the tools that survive tool_choice (the global list counted
    // once: counted per tool, a body repeating both lists took O(n²) time)
    let global = Counts::of(&artifacts.kinds);
    for info in &infos {
        let survives = match &choice {
            Choice::None => false,
            Choice::Only(name) => info.name == Some(*name),
            Choice::All => true,
        };
        if survives {
            ctx.key("tools", |ctx| {
                ctx.idx(info.index, |ctx| needs(ctx, info, global))
            });
        }
    }
    spare::keep(&TOOLS, infos);
    ToolFacts {
        non_empty: !tools.is_empty(),
    }
}

fn tool<'a>(
    ctx: &mut Ctx<'a>,
    index: usize,
    t: &Value<'a>,
    built: Option<Option<&str>>,
) -> Option<ToolInfo<'a>> {
    let o = match t {
        Value::Object(o) => o,
        Value::String(s) => return bare_string(ctx, index, s),
        _ => {
            ctx.error(
                Code::ToolsItemShape,
                not_type("a tool must be an object", t),
            );
            return None;
        }
    };
    let ty = tool_type(ctx, o);
    let builtin = ty.and_then(classify);
    let (obj, o) = (o, &ctx.unknown_fields(o, vocab::names::TOOL, "a tool"));
    let internal = matches!(builtin, Some(Builtin::Internal { .. }));
    let name = tool_name(ctx, o, internal).ok()?;
    // a retrieval tool's own context filters are parsed when the tool is built
    let parsed = match builtin {
        Some(Builtin::Internal {
            name: canonical,
            needs: Needs::OneIngested,
        }) => is_built(built, name, canonical),
        _ => false,
    };
    let own_context = own_context(ctx, o, internal, parsed);
    match builtin {
        Some(
            b @ (Builtin::Internal {
                name: canonical,
                needs,
            }
            | Builtin::Anthropic {
                name: canonical,
                needs,
            }),
        ) => {
            // Dated Anthropic types are client tools when the body is validated (RULES.md Part
            // 3.5): they need what a client tool needs; they are translated only afterwards.
            if let Builtin::Anthropic { .. } = b {
                if !client_shape(ctx, o, name, ty.unwrap_or_default()) {
                    return None;
                }
            }
            if let Builtin::Anthropic { .. } = b {
                ctx.key("type", |ctx| {
                    ctx.warn(
                        Code::ToolAnthropicServerTypes,
                        format!("`{}` is an Anthropic server tool type; the server runs its own `{canonical}` tool instead", short(ty.unwrap_or_default())),
                    )
                });
            }
            if name.is_none() && internal {
                ctx.at_key(
                    Severity::Warning,
                    Code::ToolInternalNameOptional,
                    "name",
                    format!("built-in tool without `name`: the server names it `{canonical}` (the Workspace spec requires a name)"),
                    Some(format!("add `\"name\": \"{canonical}\"`")),
                );
            }
            for f in [
                "description",
                "inputSchema",
                "input_schema",
                "instructions",
                "defer_loading",
                "deferLoading",
            ] {
                if obj.contains_key(f) {
                    ctx.key(f, |ctx| {
                        ctx.warn(Code::ToolInternalFieldsDropped, format!("`{f}` is ignored on built-in tools; the server uses its own definition of `{canonical}`"))
                    });
                }
            }
            if needs == Needs::Sandbox {
                ctx.warn(
                    Code::ToolInternalCodeExecution,
                    "code-execution tools need a sandbox on the server; without one the tool fails when the model calls it",
                );
            }
            Some(ToolInfo {
                index,
                name: Some(name.unwrap_or(canonical)),
                needs,
                own_context,
                type_name: ty,
            })
        }
        Some(Builtin::AnthropicDropped) => {
            if !client_shape(ctx, o, name, ty.unwrap_or_default()) {
                return None;
            }
            ctx.key("type", |ctx| {
                ctx.warn(
                    Code::ToolAnthropicUnknownDropped,
                    format!("tool type `{}` has no implementation on the server; the tool is silently discarded", short(ty.unwrap_or_default())),
                )
            });
            Some(ToolInfo {
                index,
                name,
                needs: Needs::Nothing,
                own_context,
                type_name: ty,
            })
        }
        other => {
            if other == Some(Builtin::WorkspaceOnly) {
                ctx.key("type", |ctx| {
                    ctx.warn(
                        Code::ToolInternalUnknownWorkspaceTypes,
                        format!("`{}` is documented by the Workspace API but unknown to the chat server, which treats it as a client tool with an empty schema: the model's calls come back to you unless the Workspace backend handles them", short(ty.unwrap_or_default())),
                    )
                });
            }
            custom(ctx, obj, o, name, other == Some(Builtin::AnthropicClient));
            Some(ToolInfo {
                index,
                name,
                needs: Needs::Nothing,
                own_context,
                type_name: ty,
            })
        }
    }
}

/// A tool given as a bare string: a built-in type (or canonical name) the server accepts, with
/// a warning (the Workspace API expects an object), or an error.
fn bare_string<'a>(ctx: &mut Ctx<'a>, index: usize, s: &'a str) -> Option<ToolInfo<'a>> {
    let b = classify(s).or_else(|| {
        registry::BUILTIN_TOOLS
            .iter()
            .find(|t| t.name == s)
            .map(|t| Builtin::Internal {
                name: t.name,
                needs: t.needs,
            })
    });
    if let Some(Builtin::Internal { name, needs } | Builtin::Anthropic { name, needs }) = b {
        ctx.suggest(Suggestion::tool_object(name.to_string()));
        ctx.warn_hint(
            Code::ToolsItemShape,
            format!("a tool given as the bare string `{}` is accepted by the server only; the Workspace API expects an object", short(s)),
            format!("use `{{\"name\": \"{name}\", \"type\": \"{}\"}}`", short(s)),
        );
        return Some(ToolInfo {
            index,
            name: Some(name),
            needs,
            own_context: None,
            type_name: Some(s),
        });
    }
    ctx.error_hint(
        Code::ToolsItemShape,
        format!(
            "invalid tool specification: the string `{}` is not a built-in tool type",
            short(s)
        ),
        "describe a custom tool as an object with `name`, `description` and `inputSchema`",
    );
    None
}

/// The tool's `type`, when it is a string (another JSON type is reported).
fn tool_type<'a>(ctx: &mut Ctx<'a>, o: &Object<'a>) -> Option<&'a str> {
    match o.get("type") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s),
        Some(v) => {
            ctx.key("type", |ctx| {
                ctx.error(
                    Code::FieldType,
                    not_type("tool `type` must be a string", &v),
                )
            });
            None
        }
    }
}

/// The tool's `name` as the server reads it (`tool.get("name") or ""`: a falsy name of a
/// built-in tool becomes its canonical name); `Err` when it cannot be read.
fn tool_name<'a>(ctx: &mut Ctx<'a>, o: &Fields<'a>, internal: bool) -> Result<Option<&'a str>, ()> {
    Ok(match o.get(tool::NAME) {
        // `tool.get("name") or ""`: an empty name of a built-in tool is its canonical name
        Some(Value::String("")) if internal => None,
        Some(Value::String(n)) => Some(n),
        // `tool.get("name") or ""`: a falsy name of a built-in tool becomes its canonical name
        Some(v) if internal && !v.is_null() && !super::truthy(&v) => {
            ctx.key("name", |ctx| {
                ctx.warn(
                    Code::FieldCoerced,
                    format!("tool `name` should be a string; the server replaces {} with the built-in tool's own name", type_name(&v)),
                )
            });
            None
        }
        Some(v) if !v.is_null() => {
            ctx.key("name", |ctx| {
                ctx.error(
                    Code::ToolNameRequired,
                    not_type("tool `name` must be a string", &v),
                )
            });
            return Err(());
        }
        _ => None,
    })
}

/// The tool's own `context` artifacts (server-only; a built-in tool takes a list only;
/// `parsed`: a retrieval tool that is built, whose context filters the server parses).
fn own_context<'a>(
    ctx: &mut Ctx<'a>,
    o: &Fields<'a>,
    internal: bool,
    parsed: bool,
) -> Option<Vec<ArtifactKind>> {
    let context = o.get(tool::CONTEXT);
    // A built-in tool takes `context` only when it is a list (`validate_tool_spec`); anything
    // else is dropped and the top-level `tool_context` is used.
    if internal {
        if let Some(c) = context.filter(|c| !c.is_null() && c.as_array().is_none()) {
            ctx.key("context", |ctx| {
                ctx.warn(
                    Code::ToolContextPerTool,
                    format!("per-tool `context` is {}, not a list: the server ignores it and uses the top-level `tool_context`", type_name(&c)),
                )
            });
        }
    }
    context
        .filter(|v| !(v.is_null() || internal && v.as_array().is_none()))
        .map(|c| {
        ctx.key("context", |ctx| {
            ctx.warn(Code::ToolContextPerTool, "per-tool `context` is server-only; the Workspace API passes artifacts in the top-level `tool_context`");
            tool_context::list(ctx, &c, parsed)
        })
    })
}

/// What the body model (`ToolSpecBody`) requires of a tool whose type is not a built-in one: a
/// string `name` and, when given, an object schema. Reports what is missing; returns whether
/// the tool passes.
fn client_shape<'a>(ctx: &mut Ctx<'a>, o: &Fields<'a>, name: Option<&str>, ty: &str) -> bool {
    client_extras(ctx, o, true);
    let mut ok = true;
    if name.is_none() {
        ctx.at_key(
            Severity::Error,
            Code::ToolNameRequired,
            "name",
            format!("a `{}` tool needs a `name`: the server validates dated tool types as client tools before it translates them", short(ty)),
            Some(format!("add `\"name\": \"{}\"`", short(vocab::tools::before_last_underscore(ty)))),
        );
        ok = false;
    }
    for key in [tool::INPUT_SCHEMA, tool::INPUT_SCHEMA_ALIAS] {
        if let Some(v) = o.get(key).filter(|v| !v.is_null() && !v.is_object()) {
            let key = key.name;
            ctx.key(key, |ctx| {
                ctx.error(
                    Code::ToolCustomInputSchemaObject,
                    not_type_of(
                        &[
                            "invalid tool specification: `",
                            key,
                            "` must be a JSON object",
                        ],
                        &v,
                    ),
                )
            });
            ok = false;
        }
    }
    ok
}

/// The server-only fields of a tool the server validates as a client tool (`ToolSpecBody`,
/// which reads camelCase aliases too, an alias before its name): `defer_loading` (a boolean,
/// read leniently; not `null`) and `instructions` (a string or `null`). Warnings (RULES.md 1.4)
/// that say when the server would reject the value; `quiet`: only then (a dated Anthropic type
/// the server runs as its own tool, or an unknown dated type: translated or dropped afterwards,
/// its fields are said to be dropped). Not quiet (a custom or client-type tool), a `null` of the
/// key the server reads is already an error (`nulls::reject` in [`custom`]).
fn client_extras<'a>(ctx: &mut Ctx<'a>, o: &Fields<'a>, quiet: bool) {
    let alias = o.get(tool::DEFER_LOADING_ALIAS);
    for key in [tool::DEFER_LOADING_ALIAS, tool::DEFER_LOADING] {
        let Some(v) = o.get(key) else { continue };
        // (the one the server reads)
        let read = key.name == "deferLoading" || alias.is_none();
        if read && v.is_null() && !quiet {
            continue; // (an error already)
        }
        let bad = read && (v.is_null() || matches!(super::lax_bool(&v), Lax::Invalid));
        if bad || !quiet {
            let problem = bad.then_some("it must be a boolean (`true` or `false`)");
            ctx.server_only(key.name, "a tool", Code::FieldServerOnly, problem);
        }
    }
    if let Some(v) = o.get(tool::INSTRUCTIONS) {
        let bad = !v.is_null() && !v.is_string();
        if bad || !quiet {
            let problem = bad.then_some("it must be a string or `null`");
            ctx.server_only("instructions", "a tool", Code::FieldServerOnly, problem);
        }
    }
}

/// A custom (client) tool: a name and an object schema.
fn custom<'a>(
    ctx: &mut Ctx<'a>,
    obj: &Object<'a>,
    o: &Fields<'a>,
    name: Option<&str>,
    anthropic_client: bool,
) {
    // (the server reads the alias `deferLoading` when it is there, and `defer_loading` only
    // otherwise)
    let read = if obj.contains_key("deferLoading") {
        "deferLoading"
    } else {
        "defer_loading"
    };
    super::nulls::reject(ctx, obj, &[read]);
    client_extras(ctx, o, false);
    super::str_field(ctx, o.field(tool::DESCRIPTION), Code::FieldType);
    if name.is_none() {
        ctx.at_key(
            Severity::Error,
            Code::ToolNameRequired,
            "name",
            "a custom tool needs a `name` (only built-in tool types may omit it)",
            Some("add `\"name\": \"...\"`, or set `type` to a built-in tool type such as `web_search_v1`".into()),
        );
    }
    let (key, schema) = match (o.get(tool::INPUT_SCHEMA), o.get(tool::INPUT_SCHEMA_ALIAS)) {
        (Some(s), _) if !s.is_null() => ("inputSchema", Some(s)),
        (_, Some(s)) if !s.is_null() => {
            ctx.key("input_schema", |ctx| {
                ctx.suggest(Suggestion::rename_key("inputSchema"));
                ctx.warn_hint(
                    Code::ToolCustomInputSchemaAlias,
                    "`input_schema` is accepted by the server but the Workspace API documents only `inputSchema`",
                    "did you mean `inputSchema`?",
                )
            });
            ("input_schema", Some(s))
        }
        _ => ("inputSchema", None),
    };
    if let Some(s) = schema {
        super::too_deep_for_server(ctx, key, &s, 471, "the tool's input schema");
    }
    match schema {
        None if !anthropic_client => ctx.warn_hint(
            Code::ToolCustomInputSchemaDefault,
            "custom tool without `inputSchema`: the server gives it an empty object schema, so the model calls it without arguments",
            "add `\"inputSchema\": {\"type\": \"object\", \"properties\": {...}}`",
        ),
        None => {}
        Some(Value::Object(s)) => {
            if let Some(problem) = schema_problem(&s) {
                ctx.key(key, |ctx| {
                    ctx.warn_hint(
                        Code::ToolCustomInputSchemaShape,
                        format!("this input schema fails when the tool is offered to the model: {problem}"),
                        "give the schema `\"type\": \"object\"` and `\"properties\"`",
                    )
                });
            }
        }
        Some(v) => ctx.key(key, |ctx| {
            ctx.error(Code::ToolCustomInputSchemaObject, not_type_of(&["invalid tool specification: `", key, "` must be a JSON object"], &v))
        }),
    }
}

/// What the server's schema-to-model conversion rejects (shared with `response_format`).
pub(super) fn schema_problem(s: &Object<'_>) -> Option<&'static str> {
    if ["allOf", "anyOf", "oneOf"]
        .iter()
        .any(|k| s.contains_key(k))
    {
        return None;
    }
    match s.get("type") {
        None => Some("it has no `type`"),
        Some(Value::String(t))
            if t == "object" && !s.get("properties").is_some_and(Value::is_object) =>
        {
            Some("an object schema must define `properties`")
        }
        Some(Value::String(t)) if t == "array" && !s.get("items").is_some_and(Value::is_object) => {
            Some("an array schema must define `items` as an object")
        }
        _ => None,
    }
}

/// Up to this many tools, a name is compared with the names before it: no table is allocated
/// (a request has a few tools; the table was two allocations per body).
const FEW_TOOLS: usize = 16;

fn unique_names(ctx: &mut Ctx<'_>, infos: &[ToolInfo<'_>]) {
    let mut seen = zylon_json::StrMap::new();
    for (i, info) in infos.iter().enumerate() {
        let Some(n) = info.name else { continue };
        let repeated = if infos.len() <= FEW_TOOLS {
            infos[..i].iter().any(|earlier| earlier.name == Some(n))
        } else {
            seen.insert_new(n, 0).is_err()
        };
        if repeated {
            ctx.key("tools", |ctx| {
                ctx.idx(info.index, |ctx| {
                    ctx.at_key(
                        Severity::Error,
                        Code::ToolNameUnique,
                        "name",
                        format!("duplicate tool name `{}`: tool names must be unique (built-in tools count by their canonical name)", short(n)),
                        Some("rename one of the tools, or remove the duplicate".into()),
                    )
                })
            });
        }
    }
}

/// Which tools survive `tool_choice`.
enum Choice<'a> {
    All,
    None,
    Only(&'a str),
}

/// The checks of the tool choice `tc` (`tool_choice`, or its `alias` `toolChoice`, whose
/// `null` the server rejects too: the `null` of `tool_choice` is reported with the other
/// `null`s).
fn tool_choice<'a>(
    ctx: &mut Ctx<'a>,
    alias: bool,
    tc: Option<Value<'a>>,
    infos: &[ToolInfo<'a>],
    has_tools: bool,
) -> Choice<'a> {
    let key = if alias { "toolChoice" } else { "tool_choice" };
    let tc = match tc {
        None => return Choice::All,
        Some(Value::Null) if !alias => return Choice::All,
        Some(Value::Object(o)) => o,
        Some(v) => {
            ctx.key(key, |ctx| {
                ctx.error(
                    Code::FieldType,
                    not_type_of(&["`", key, "` must be an object"], &v),
                )
            });
            return Choice::All;
        }
    };
    ctx.key(key, |ctx| {
        let tc = ctx.unknown_fields(&tc, vocab::names::TOOL_CHOICE, "the tool choice");
        let mode = tc.field(choice::VALIDATION_MODE);
        super::nulls::warn_server_only(ctx, mode, Code::ToolChoiceValidationMode);
        super::bool_field(ctx, tc.field(choice::DISABLE_PARALLEL_TOOL_USE), Code::ToolChoiceDisableParallel);
        if mode.value.is_some() {
            let ok = enum_field(ctx, mode, &["eager", "lazy"], Code::ToolChoiceValidationMode, true);
            if ok.is_some() {
                ctx.key("validation_mode", |ctx| {
                    ctx.warn(Code::ToolChoiceValidationMode, "`validation_mode` is server-only; the Workspace backend may drop it")
                });
            }
        }
        let name = super::str_field(ctx, tc.field(choice::NAME), Code::FieldType);
        let ty = match tc.field(choice::TYPE) {
            Field { value: None | Some(Value::Null), .. } => Some("auto"),
            ty => enum_field(ctx, ty, &["auto", "any", "tool", "none"], Code::ToolChoiceTypeEnum, false),
        };
        match ty {
            Some("none") => {
                if has_tools {
                    ctx.key("type", |ctx| {
                        ctx.warn(Code::ToolChoiceNoneDropsTools, "a tool choice of type `none` removes every tool before the request runs")
                    });
                }
                Choice::None
            }
            Some("any") => {
                if has_tools {
                    ctx.key("type", |ctx| {
                        ctx.warn(Code::ToolChoiceForcedHint, "with a tool choice of type `any` the server appends \"Always use ... to answer your question.\" to the last user message")
                    });
                }
                Choice::All
            }
            Some("tool") if !has_tools => {
                ctx.warn(Code::ToolChoiceToolWithoutTools, "a tool choice of type `tool` without any tools is ignored by the server");
                Choice::All
            }
            Some("tool") => match name {
                None => {
                    ctx.at_key(
                        Severity::Error,
                        Code::ToolChoiceNameMissing,
                        "name",
                        "a tool choice of type `tool` needs the `name` of one of the tools",
                        None,
                    );
                    Choice::All
                }
                Some(n) if !infos.iter().any(|i| i.name == Some(n)) => {
                    let names: Vec<&str> = infos.iter().filter_map(|i| i.name).collect();
                    let hint = super::super::ctx::did_you_mean(n, &names)
                        .map(|s| format!("did you mean `{s}`?"))
                        .or_else(|| {
                            (!names.is_empty()).then(|| {
                                let mut list = String::from("the tools are: ");
                                for (i, n) in names.iter().enumerate() {
                                    if i > 0 {
                                        list.push_str(", ");
                                    }
                                    list.push_str(&short(n));
                                }
                                list
                            })
                        });
                    ctx.key("name", |ctx| {
                        let p = ctx.here();
                        ctx.push(Severity::Error, Code::ToolChoiceUnknownTool, p, format!("tool choice `{}` is not in the provided tools", short(n)), hint)
                    });
                    Choice::All
                }
                Some(n) => {
                    ctx.key("type", |ctx| {
                        ctx.warn(Code::ToolChoiceForcedHint, format!("forcing `{}`: the server appends \"Always use ... to answer your question.\" to the last user message", short(n)))
                    });
                    if infos.len() > 1 {
                        ctx.warn(Code::ToolChoiceToolFilters, format!("a tool choice of type `tool` keeps only `{}`; the other tools are dropped", short(n)));
                    }
                    Choice::Only(n)
                }
            },
            _ => Choice::All,
        }
    })
}

/// How many artifacts of each kind a `tool_context` list has.
#[derive(Clone, Copy)]
struct Counts([usize; 6]);

impl Counts {
    fn of(kinds: &[ArtifactKind]) -> Self {
        let mut n = [0; 6];
        for &k in kinds {
            n[k as usize] += 1;
        }
        Counts(n)
    }
}

/// The artifacts a built-in tool needs (at the tool's path): its own `context`'s, else the
/// global list's (`global`, counted).
fn needs(ctx: &mut Ctx<'_>, info: &ToolInfo<'_>, global: Counts) {
    let counts = info.own_context.as_deref().map_or(global, Counts::of);
    let count = |k: ArtifactKind| counts.0[k as usize];
    let ty = info.type_name.unwrap_or("the tool");
    match info.needs {
        Needs::OneIngested => {
            let code = ingested_code(
                info.type_name
                    .and_then(registry::builtin_tool)
                    .map_or("", |b| b.name),
            );
            match count(ArtifactKind::Ingested) {
            1 => {}
            0 => ctx.error_hint(
                code,
                format!("`{}` needs exactly one `ingested_artifact` in `tool_context`; there is none", short(ty)),
                "add `{\"type\": \"ingested_artifact\", \"context_filter\": {\"collection\": \"...\", \"artifacts\": [\"...\"]}}` to `tool_context`",
            ),
            n => ctx.error_hint(
                code,
                format!("`{}` supports only one `ingested_artifact` in `tool_context`; there are {n}", short(ty)),
                "merge them into one context_filter with several `artifacts`",
            ),
        }
        }
        Needs::SomeSql => {
            if count(ArtifactKind::Sql) == 0 {
                ctx.error_hint(
                    Code::ToolInternalDatabaseQueryContext,
                    "the database query tool needs at least one `sql_database` artifact in `tool_context`",
                    "add `{\"type\": \"sql_database\", \"connection_string\": \"...\"}` to `tool_context`",
                );
            }
        }
        Needs::OneSkill => {
            if count(ArtifactKind::Skill) != 1 {
                ctx.error(
                    Code::ToolInternalSkillsContext,
                    "skill tools need exactly one `skill` artifact in `tool_context`",
                );
            }
        }
        Needs::Nothing | Needs::Sandbox => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_recognition() {
        assert!(matches!(
            classify("semantic_search_v1"),
            Some(Builtin::Internal {
                name: "semantic_search",
                ..
            })
        ));
        assert!(matches!(
            classify("web_extract_v2"),
            Some(Builtin::Internal {
                name: "web_fetch",
                ..
            })
        ));
        assert!(matches!(
            classify("file_semantic_search_v1"),
            Some(Builtin::WorkspaceOnly)
        ));
        assert!(matches!(
            classify("web_search_20250305"),
            Some(Builtin::Anthropic {
                name: "web_search",
                ..
            })
        ));
        assert!(matches!(
            classify("bash_20250124"),
            Some(Builtin::AnthropicClient)
        ));
        assert!(matches!(
            classify("foo_20250101"),
            Some(Builtin::AnthropicDropped)
        ));
        assert_eq!(classify("my_tool"), None);
        assert_eq!(registry::strip_version("a_v12"), "a");
        assert_eq!(registry::strip_version("a_vx"), "a_vx");
        // the last `_v` decides, as `rsplit_once` does
        assert_eq!(registry::strip_version("a_v1_v2"), "a_v1");
        assert_eq!(registry::strip_version("a_v2_vé"), "a_v2_vé");
        assert_eq!(registry::strip_version("_v"), "_v");
        assert_eq!(
            registry::strip_version("semantic_search_v1"),
            "semantic_search"
        );
    }
}
