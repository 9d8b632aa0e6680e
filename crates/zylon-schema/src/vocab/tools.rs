//! The built-in tool registry: the tool `type`s the server builds into tools, the canonical
//! name of each, and what each needs in its context. Read by the validator (recognition and
//! context rules), the model (bare type strings in `tools`), its JSON Schema (the pattern of
//! `BuiltinTypeName`) and the builders.

/// What a built-in tool needs in its context (`tool_context`, or its own `context`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Needs {
    /// Nothing.
    Nothing,
    /// Exactly one `ingested_artifact` (semantic search, tabular analysis).
    OneIngested,
    /// At least one `sql_database`.
    SomeSql,
    /// Exactly one `skill` artifact.
    OneSkill,
    /// A code sandbox of the deployment (not checkable offline).
    Sandbox,
}

/// One built-in tool type of the server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BuiltinTool {
    /// The `type` without its version suffix (`semantic_search`; `semantic_search_v1` is read
    /// the same).
    pub ty: &'static str,
    /// The tool's canonical name (what `tool_choice.name` and `tool_use.name` use).
    pub name: &'static str,
    /// What it needs in its context.
    pub needs: Needs,
    /// The version the Workspace API documents (`_v1`): what the builders write.
    pub version: u32,
}

const fn tool(ty: &'static str, name: &'static str, needs: Needs) -> BuiltinTool {
    BuiltinTool {
        ty,
        name,
        needs,
        version: 1,
    }
}

/// The server's built-in tool types (`INTERNAL_TOOL_TYPES` of the server's tool registry).
pub const BUILTIN_TOOLS: &[BuiltinTool] = &[
    tool("semantic_search", "semantic_search", Needs::OneIngested),
    tool("tabular_analysis", "tabular_analysis", Needs::OneIngested),
    tool("database_query", "database_query", Needs::SomeSql),
    tool("web_search", "web_search", Needs::Nothing),
    tool("web_fetch", "web_fetch", Needs::Nothing),
    tool("web_extract", "web_fetch", Needs::Nothing),
    tool("summarize", "summarize", Needs::Nothing),
    tool("code_execution", "code_execution", Needs::Sandbox),
    tool("bash", "bash", Needs::Sandbox),
    tool("bash_code_execution", "bash_code_execution", Needs::Sandbox),
    tool("text_editor", "text_editor", Needs::Sandbox),
    tool(
        "text_editor_code_execution",
        "text_editor_code_execution",
        Needs::Sandbox,
    ),
    tool("view", "view", Needs::Sandbox),
    tool("str_replace", "str_replace", Needs::Sandbox),
    tool("create", "create", Needs::Sandbox),
    tool("insert", "insert", Needs::Sandbox),
    tool("present_files", "present_files", Needs::Sandbox),
    tool("present_server", "present_server", Needs::Sandbox),
    tool("skills", "skills", Needs::OneSkill),
    tool("load_skill", "load_skill", Needs::OneSkill),
    tool("unload_skill", "unload_skill", Needs::OneSkill),
    tool("list_skills", "list_skills", Needs::OneSkill),
];

/// Dated Anthropic server-tool types (`web_search_20250305`) the server translates into a
/// built-in tool: the base type and the built-in it becomes.
pub const DATED_ANTHROPIC: &[BuiltinTool] = &[
    tool("web_search", "web_search", Needs::Nothing),
    tool("web_fetch", "web_fetch", Needs::Nothing),
    tool("code_execution", "code_execution", Needs::Sandbox),
];

/// Prefixes of dated Anthropic client-tool types (`bash_20250124`): ordinary tools.
pub const DATED_ANTHROPIC_CLIENT_PREFIXES: &[&str] = &["bash", "text_editor", "computer", "memory"];

/// Tool types the Workspace API documents that the server treats as client tools.
pub const WORKSPACE_ONLY_TOOL_TYPES: &[&str] = &["file_semantic_search", "list_project_files"];

/// The type without a `_vN` suffix, as the server strips it.
pub fn strip_version(t: &str) -> &str {
    // (`rsplit_once("_v")` without the standard library's substring searcher)
    if let Some(at) = zylon_json::find_last(t, "_v") {
        if let (Some(base), Some(v)) = (t.get(..at), t.get(at + 2..)) {
            if !v.is_empty() && v.bytes().all(|c| c.is_ascii_digit()) {
                return base;
            }
        }
    }
    t
}

/// The built-in tool a (possibly versioned) `type` names.
pub fn builtin_tool(ty: &str) -> Option<&'static BuiltinTool> {
    let base = strip_version(ty);
    BUILTIN_TOOLS.iter().find(|t| t.ty == base)
}

/// `ty` up to its last `_` (all of it without one): the base of a versioned or dated type.
/// (`zylon_json::find_last`: `str::rsplit_once` on a `char` pulled a reverse char searcher and
/// `memrchr` into the WebAssembly module.)
pub fn before_last_underscore(ty: &str) -> &str {
    zylon_json::find_last(ty, "_").map_or(ty, |at| &ty[..at])
}

/// The built-in tool a dated Anthropic type (`<base>_<8 digits>`) is translated into, if any;
/// `Err(())` for a dated type the server does not translate.
pub fn dated_type(ty: &str) -> Option<Result<&'static BuiltinTool, ()>> {
    let at = zylon_json::find_last(ty, "_")?;
    let (base, date) = (&ty[..at], &ty[at + 1..]);
    if date.len() != 8 || !date.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    Some(DATED_ANTHROPIC.iter().find(|t| t.ty == base).ok_or(()))
}

/// Whether a bare string in `tools` names a built-in tool the server accepts: a built-in type
/// (versioned or not), a dated Anthropic type it translates, or a canonical built-in name.
pub fn is_builtin_type_string(s: &str) -> bool {
    builtin_tool(s).is_some()
        || matches!(dated_type(s), Some(Ok(_)))
        || BUILTIN_TOOLS.iter().any(|t| t.name == s)
}

/// The JSON Schema `pattern` of the strings [`is_builtin_type_string`] accepts.
pub fn builtin_type_pattern() -> String {
    let types: Vec<&str> = BUILTIN_TOOLS.iter().map(|t| t.ty).collect();
    let dated: Vec<&str> = DATED_ANTHROPIC.iter().map(|t| t.ty).collect();
    format!(
        "^({})(_v[0-9]+)?$|^({})_[0-9]{{8}}$",
        types.join("|"),
        dated.join("|")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The base of a type is everything before its last `_`, as `str::rsplit_once` gives it.
    #[test]
    fn bases_and_dates_split_at_the_last_underscore() {
        for ty in [
            "web_search_20250305",
            "semantic_search_v1",
            "bash",
            "_",
            "a_",
            "é_ü_1",
        ] {
            let want = ty.rsplit_once('_').map_or(ty, |(b, _)| b);
            assert_eq!(before_last_underscore(ty), want, "{ty}");
        }
        assert!(matches!(dated_type("web_search_20250305"), Some(Ok(t)) if t.name == "web_search"));
        assert_eq!(dated_type("web_search_2025030").map(|r| r.is_ok()), None);
        assert_eq!(
            dated_type("nothing_20250305").map(|r| r.is_ok()),
            Some(false)
        );
    }

    /// The schema's pattern (run by a real JSON Schema validator) accepts exactly the strings
    /// the model's check accepts.
    #[test]
    fn pattern_and_predicate_agree() {
        let pattern = builtin_type_pattern();
        let schema = serde_json::json!({"type": "string", "pattern": pattern});
        let validator = jsonschema::validator_for(&schema).expect("a valid pattern");
        let matches = |s: &str| validator.is_valid(&serde_json::json!(s));
        for s in [
            "semantic_search",
            "semantic_search_v1",
            "semantic_search_v12",
            "web_extract_v1",
            "web_search_20250305",
            "code_execution_20250522",
            "bash_20250124",
            "semantic_search_v",
            "web_search_2025030",
            "file_semantic_search",
            "nope",
        ] {
            assert_eq!(matches(s), is_builtin_type_string(s), "{s} ({pattern})");
        }
        for t in BUILTIN_TOOLS {
            for s in [
                t.ty.to_string(),
                format!("{}_v3", t.ty),
                format!("x{}", t.ty),
            ] {
                assert_eq!(matches(&s), is_builtin_type_string(&s), "{s}");
            }
        }
        assert!(pattern.starts_with("^(semantic_search|tabular_analysis|"));
        assert_eq!(
            builtin_tool("web_extract_v1").map(|t| t.name),
            Some("web_fetch")
        );
    }
}
