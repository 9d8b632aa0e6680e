//! The fields the rules read by their place in a vocabulary table (see `check::fields`): one
//! constant per field read, checked against the table when the crate builds.

/// A module of [`Key`](crate::check::fields::Key)s of one table of `vocab::names`.
macro_rules! keys {
    ($(#[$doc:meta])* $module:ident = $table:ident { $($key:ident: $name:literal,)* }) => {
        $(#[$doc])*
        pub(crate) mod $module {
            use crate::check::fields::Key;
            $(
                #[doc = concat!("`", $name, "`.")]
                pub(crate) const $key: Key = Key::of(&crate::vocab::names::$table, $name);
            )*
        }
    };
}

keys! {
    /// Fields of the chat request (`ChatRequest`).
    req = CHAT_REQUEST {
        CACHE_CONTROL: "cache_control",
        CONTAINER: "container",
        CORRELATION_ID: "correlation_id",
        INFERENCE_GEO: "inference_geo",
        MAXIMUM_LOADED_SKILLS: "maximum_loaded_skills",
        MCP_SERVERS: "mcp_servers",
        MESSAGES: "messages",
        METADATA: "metadata",
        MODEL: "model",
        OUTPUT_CONFIG: "output_config",
        RESPONSE_FORMAT: "response_format",
        SERVICE_TIER: "service_tier",
        STOP_SEQUENCES: "stop_sequences",
        STREAM: "stream",
        SYSTEM: "system",
        THINKING: "thinking",
        TOOL_CHOICE: "tool_choice",
        TOOL_CONTEXT: "tool_context",
        TOOLS: "tools",
    }
}

keys! {
    /// Fields of a message (`MessageInput`).
    msg = MESSAGE_INPUT {
        CONTENT: "content",
        META: "_meta",
        ROLE: "role",
    }
}

keys! {
    /// Fields of `tool_choice` (`ToolChoice`).
    choice = TOOL_CHOICE {
        DISABLE_PARALLEL_TOOL_USE: "disable_parallel_tool_use",
        NAME: "name",
        TYPE: "type",
        VALIDATION_MODE: "validation_mode",
    }
}

keys! {
    /// Fields of `system` (`System`).
    sys = SYSTEM {
        BLOB_VISIBILITY: "blob_visibility",
        CITATIONS: "citations",
        EXTENSIONS: "extensions",
        PROMPT: "prompt",
        TEXT: "text",
        TYPE: "type",
        USE_DEFAULT_PROMPT: "use_default_prompt",
    }
}

keys! {
    /// Fields of `thinking` (`Thinking`).
    thinking = THINKING {
        EFFORT: "effort",
        ENABLED: "enabled",
    }
}

keys! {
    /// Fields of a tool (`Tool`).
    tool = TOOL {
        CONTEXT: "context",
        DEFER_LOADING: "defer_loading",
        DEFER_LOADING_ALIAS: "deferLoading",
        DESCRIPTION: "description",
        INSTRUCTIONS: "instructions",
        INPUT_SCHEMA: "inputSchema",
        INPUT_SCHEMA_ALIAS: "input_schema",
        NAME: "name",
    }
}

keys! {
    /// Fields of a `text` block (`TextBlock`).
    text_block = TEXT_BLOCK {
        CITATIONS: "citations",
        TEXT: "text",
    }
}

keys! {
    /// Fields of a `tool_use` block (`ToolUseBlock`; a `server_tool_use` block, which has no
    /// table, is read by the same names).
    tool_use_block = TOOL_USE_BLOCK {
        CALLER: "caller",
        ID: "id",
        INPUT: "input",
        NAME: "name",
    }
}

keys! {
    /// Fields of a `tool_result` block (`ToolResultBlock`; a `server_tool_result` block, which
    /// has no table, is read by the same names).
    tool_result_block = TOOL_RESULT_BLOCK {
        CONTENT: "content",
        IS_ERROR: "is_error",
        TOOL_USE_ID: "tool_use_id",
    }
}
