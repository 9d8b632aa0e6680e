//! The stable issue codes: one per rule of `RULES.md` plus the generic `json.*` / `field.*` codes.
//!
//! The dotted string of each code (`Code::as_str`) is part of the public contract: once released,
//! a code keeps its meaning. `Code::ALL` lists every code so that tests can check that each one is
//! documented and triggered by a fixture.

macro_rules! codes {
    ($( $(#[doc = $doc:literal])* $variant:ident = $id:literal, )*) => {
        /// A stable issue code. `as_str()` gives the dotted id used in reports (e.g. `messages.empty`).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Code {
            $( $(#[doc = $doc])* $variant, )*
        }

        impl Code {
            /// Every code, in declaration order.
            pub const ALL: &'static [Code] = &[ $( Code::$variant, )* ];

            /// The dotted id of this code, as it appears in reports and in `RULES.md`.
            pub const fn as_str(self) -> &'static str {
                match self { $( Code::$variant => $id, )* }
            }

            /// One-line description of what the code means.
            pub const fn summary(self) -> &'static str {
                match self { $( Code::$variant => concat!($($doc, " "),*), )* }
            }

            /// Look a code up by its dotted id.
            pub fn from_id(id: &str) -> Option<Code> {
                match id { $( $id => Some(Code::$variant), )* _ => None }
            }
        }
    };
}

codes! {
    // ---- generic JSON / shape codes (not in RULES.md Part 2) ----
    /// The body is not well-formed JSON (the message gives line and column).
    JsonSyntax = "json.syntax",
    /// The body nests deeper than the validator's depth limit.
    JsonTooDeep = "json.too_deep",
    /// An integer literal has more digits than the server's JSON decoder converts (4,300: Python's limit for reading text as an int); the server cannot parse the body.
    JsonIntegerTooLong = "json.integer_too_long",
    /// `NaN`, `Infinity` or `-Infinity` as a number: not JSON, but the server's decoder (Python's) reads them as floats.
    JsonNonStandardNumber = "json.non_standard_number",
    /// An object repeats a key; the server keeps only the last value.
    JsonDuplicateKey = "json.duplicate_key",
    /// The body's bytes are not plain UTF-8 (UTF-16, UTF-32, or encoded surrogates), which the server's decoder reads.
    JsonEncoding = "json.encoding",
    /// A value has the wrong JSON type (e.g. a number where a string is required).
    FieldType = "field.type",
    /// A required field is missing.
    FieldRequired = "field.required",
    /// A value is not one of the allowed enum values.
    FieldEnum = "field.enum",
    /// A field the Workspace API does not know; the server ignores it.
    FieldUnknown = "field.unknown",
    /// A field the server understands but the Workspace spec does not list; the Workspace backend may drop it.
    FieldServerOnly = "field.server_only",
    /// A string value the server reads as a number or boolean (it is coerced).
    FieldCoerced = "field.coerced",
    /// An explicit `null` where the server does not take one (`null` is not the same as leaving the field out).
    FieldNull = "field.null",

    // ---- 2. envelopes ----
    /// `ProjectChatDTO.pgpt` is required.
    EnvelopeProjectChatPgptRequired = "envelope.project_chat.pgpt_required",
    /// `ProjectChatDTO.artifact_ids` must be an array of strings.
    EnvelopeProjectChatArtifactIdsType = "envelope.project_chat.artifact_ids_type",
    /// `ProjectChatDTO.all_artifacts` must be a boolean.
    EnvelopeProjectChatAllArtifactsType = "envelope.project_chat.all_artifacts_type",
    /// `CreateInteractionDTO.pgpt` is required.
    EnvelopeInteractionPgptRequired = "envelope.interaction.pgpt_required",
    /// `CreateInteractionDTO.thread_id` is documented as required (it duplicates the path id).
    EnvelopeInteractionThreadId = "envelope.interaction.thread_id",
    /// `agent` must be `Default` or `ProjectDeepResearch`.
    EnvelopeInteractionAgentEnum = "envelope.interaction.agent_enum",
    /// `artifact_ids` must be an array of strings and `all_artifacts` a boolean.
    EnvelopeInteractionArtifactIdsType = "envelope.interaction.artifact_ids_type",
    /// `CreateThreadDTO.name` is a required string.
    EnvelopeThreadNameRequired = "envelope.thread.name_required",
    /// `CreateThreadDTO.visibility` is required.
    EnvelopeThreadVisibilityRequired = "envelope.thread.visibility_required",
    /// `visibility` must be `Public` or `Private`.
    EnvelopeThreadVisibilityEnum = "envelope.thread.visibility_enum",
    /// `UpdateThreadDTO`: `name` a string and `visibility` an enum, both optional.
    EnvelopeThreadUpdateOptionalFields = "envelope.thread_update.optional_fields",

    // ---- 3. top-level ChatRequest fields ----
    /// `messages` must be present and be an array.
    MessagesRequired = "messages.required",
    /// Unknown top-level key: the server ignores it.
    RequestUnknownFields = "request.unknown_fields",
    /// `model` is not a Workspace field; the server maps it to the deployment's default model.
    RequestModel = "request.model",
    /// `stream` must be a boolean.
    StreamType = "stream.type",
    /// `correlation_id` must be a string.
    RequestCorrelationId = "request.correlation_id",
    /// `priority`, `seed`, `top_k`, `max_tokens` must be whole numbers.
    SamplingIntegerFields = "sampling.integer_fields",
    /// `temperature` must be within [0, 1].
    SamplingTemperatureRange = "sampling.temperature_range",
    /// `top_p` must be within [0, 1].
    SamplingTopPRange = "sampling.top_p_range",
    /// `top_k` must be ≥ 0.
    SamplingTopKMin = "sampling.top_k_min",
    /// A negative `min_p` is silently dropped by the server.
    SamplingMinPNegativeCoerced = "sampling.min_p_negative_coerced",
    /// A negative penalty is silently dropped by the server.
    SamplingPenaltyNegativeCoerced = "sampling.penalty_negative_coerced",
    /// A negative `seed` is silently dropped by the server.
    SamplingSeedNegativeCoerced = "sampling.seed_negative_coerced",
    /// `max_tokens` ≤ 0 is silently replaced by the server default.
    SamplingMaxTokensNonpositiveCoerced = "sampling.max_tokens_nonpositive_coerced",
    /// Server-only `stop_sequences`: a list of strings.
    RequestStopSequences = "request.stop_sequences",
    /// Server-only `metadata`: `user_id` a string of at most 512 characters.
    RequestMetadataUserId = "request.metadata_user_id",
    /// Server-only `service_tier`: `auto` or `standard_only`.
    RequestServiceTier = "request.service_tier",
    /// Server-only `maximum_loaded_skills`: an integer ≥ 1.
    RequestMaximumLoadedSkills = "request.maximum_loaded_skills",
    /// Server-only `cache_control`: `{type:"ephemeral", ttl:"5m"|"1h"}`.
    RequestCacheControl = "request.cache_control",
    /// Server-only `output_config`: closed object with `effort` and `format`.
    OutputConfigShape = "output_config.shape",

    // ---- 4. messages and roles ----
    /// At least one message must remain after system messages are extracted.
    MessagesEmpty = "messages.empty",
    /// Every message needs a `role`.
    MessageRoleRequired = "message.role.required",
    /// `role` must be `system`, `user` or `assistant` (case-sensitive).
    MessageRoleEnum = "message.role.enum",
    /// System messages are moved into the system prompt; non-text blocks in them are dropped.
    MessageRoleSystemExtracted = "message.role.system_extracted",
    /// Only system messages were sent: nothing is left after extraction.
    MessagesSystemOnly = "messages.system_only",
    /// The last message must be `user` or `assistant`.
    MessagesLastRole = "messages.last_role",
    /// Every message needs `content`.
    MessageContentRequired = "message.content.required",
    /// `content` must not be `""` or `[]`.
    MessageContentEmpty = "message.content.empty",
    /// `content` as a plain string (the Workspace spec wants an array of blocks).
    MessageContentString = "message.content.string",
    /// `content` must not contain `null` entries.
    MessageContentNullBlock = "message.content.null_block",
    /// Message-level `_meta` is ignored by the server.
    MessageMeta = "message.meta",
    /// Consecutive messages with the same role are merged by the server.
    MessagesConsecutiveSameRoleMerged = "messages.consecutive_same_role_merged",
    /// At least one `user` message is required.
    MessagesUserRequired = "messages.user_required",
    /// The last user message must contain non-blank text.
    MessagesLastUserTextRequired = "messages.last_user_text_required",
    /// The message sequence after conversion is illegal (e.g. two results for one tool_use).
    MessagesOrder = "messages.order",

    // ---- 5. content blocks (common) ----
    /// Every block needs a known `type` tag.
    BlocksTypeUnknown = "blocks.type.unknown",
    /// A block type the server accepts but the Workspace spec does not list.
    BlockPgptOnlyTypes = "block.pgpt_only_types",
    /// `start_timestamp`/`stop_timestamp` must be ISO-8601 date-times.
    BlockTimestamps = "block.timestamps",
    /// Block `_meta` must be an object.
    BlockMeta = "block.meta",
    /// `text` block fields: `text` a string, `citations` a list.
    BlockTextFields = "block.text.fields",
    /// Citation `index` must be an integer.
    BlockTextCitationIndexInt = "block.text.citation_index_int",

    // ---- 6. media blocks ----
    /// An image needs `data` (or `url`/`uri`/`source`).
    BlockImageDataRequired = "block.image.data_required",
    /// An image with `data` needs `mime_type` on the server.
    BlockImageMimeTypeRequired = "block.image.mime_type_required",
    /// An image `mime_type` outside jpeg/png/gif/webp is replaced by `image/png`.
    BlockImageMimeTypeCoerced = "block.image.mime_type_coerced",
    /// `source`-shaped image: `media_type` must be jpeg/png/gif/webp.
    BlockImageMediaTypeEnum = "block.image.media_type_enum",
    /// URL `data` is downloaded by the server while mapping the request.
    BlockImageUrlFetched = "block.image.url_fetched",
    /// A `data:` URI must be well-formed with a base64 payload.
    BlockImageDataUri = "block.image.data_uri",
    /// Non-URL `data` must be strict base64 (otherwise the server reads it as a file path).
    BlockImageBase64Decodable = "block.image.base64_decodable",
    /// Decoded media larger than the server's default 25 MiB limit.
    BlockImageSizeLimit = "block.image.size_limit",
    /// Audio with `data` needs `mime_type` on the server.
    BlockAudioMimeTypeRequired = "block.audio.mime_type_required",
    /// Binary blocks need `data` and `mime_type`.
    BlockBinaryMimeTypeRequired = "block.binary.mime_type_required",
    /// Binary `filename` must be a string.
    BlockBinaryFilenameOptional = "block.binary.filename_optional",
    /// The Workspace `file` block has no server counterpart.
    BlockFileUnsupported = "block.file.unsupported",
    /// The declared media type does not match the bytes of the data.
    BlockMediaMimeMismatch = "block.media.mime_mismatch",
    /// The `mime_type` is not a syntactically valid media type.
    BlockMediaMimeTypeSyntax = "block.media.mime_type_syntax",

    // ---- 7. thinking, source, tool and TLDR blocks ----
    /// `thinking` blocks need a `signature` on the server.
    BlockThinkingSignatureRequired = "block.thinking.signature_required",
    /// `source` blocks need `sources` on the server.
    BlockSourceSourcesRequired = "block.source.sources_required",
    /// Each source item must be a well-formed chunk or website, keyed by `object`.
    BlockSourceItemShape = "block.source.item_shape",
    /// `tool_use.id` must match `^[a-zA-Z0-9_-]+$`.
    BlockToolUseIdPattern = "block.tool_use.id_pattern",
    /// `tool_use.name` must be 1–200 characters.
    BlockToolUseNameLength = "block.tool_use.name_length",
    /// `tool_use.input` is required and must be an object.
    BlockToolUseInputRequired = "block.tool_use.input_required",
    /// `server_tool_use.id` must match `^[a-zA-Z0-9_]+$`.
    BlockServerToolUseIdPattern = "block.server_tool_use.id_pattern",
    /// `tool_use` blocks only in assistant messages.
    BlockToolUseAssistantOnly = "block.tool_use.assistant_only",
    /// tool_use ids must be unique across the request.
    BlockToolUseUniqueId = "block.tool_use.unique_id",
    /// `tool_result.tool_use_id` must match `^[a-zA-Z0-9_-]+$`.
    BlockToolResultToolUseIdPattern = "block.tool_result.tool_use_id_pattern",
    /// A tool_result must reference an earlier tool_use.
    BlockToolResultUnknownId = "block.tool_result.unknown_id",
    /// Every tool_use needs a tool_result.
    BlockToolUseRequiresResult = "block.tool_use.requires_result",
    /// `tool_result.content` is optional on the server (defaults to empty).
    BlockToolResultContentOptional = "block.tool_result.content_optional",
    /// `tool_result.content` as a string, or with blocks a result may not hold.
    BlockToolResultContentString = "block.tool_result.content_string",
    /// `tldr` blocks only in assistant messages.
    BlockTldrAssistantOnly = "block.tldr.assistant_only",
    /// `tldr.content` may hold only basic blocks (no `tool_result`, no nested `tldr`).
    BlockTldrContentTypes = "block.tldr.content_types",
    /// Server-only `tldr_side`: `left` or `right`.
    BlockTldrSideEnum = "block.tldr.side_enum",
    /// A TLDR text item's `_meta.role` must be a valid chat role.
    BlockTldrMetaRole = "block.tldr.meta_role",

    // ---- 8. tools ----
    /// Each tool must be an object (or a bare built-in type string).
    ToolsItemShape = "tools.item_shape",
    /// Custom tools need a string `name`.
    ToolNameRequired = "tool.name.required",
    /// A built-in tool without `name` gets its canonical name.
    ToolInternalNameOptional = "tool.internal.name_optional",
    /// Tool names must be unique.
    ToolNameUnique = "tool.name.unique",
    /// Built-in tool recognition by `type`.
    ToolInternalRegistry = "tool.internal.registry",
    /// Built-in tools keep only `name`, `type`, `context`; other fields are dropped.
    ToolInternalFieldsDropped = "tool.internal.fields_dropped",
    /// `semantic_search` needs exactly one `ingested_artifact`.
    ToolInternalSemanticSearchContext = "tool.internal.semantic_search.context",
    /// `tabular_analysis` needs exactly one `ingested_artifact`.
    ToolInternalTabularAnalysisContext = "tool.internal.tabular_analysis.context",
    /// `database_query` needs at least one `sql_database`.
    ToolInternalDatabaseQueryContext = "tool.internal.database_query.context",
    /// Skill tools need exactly one `skill` artifact.
    ToolInternalSkillsContext = "tool.internal.skills.context",
    /// `code_execution` needs a sandbox on the server.
    ToolInternalCodeExecution = "tool.internal.code_execution",
    /// Workspace-only built-in types the server treats as client tools.
    ToolInternalUnknownWorkspaceTypes = "tool.internal.unknown_workspace_types",
    /// Dated Anthropic server tool types become built-in tools.
    ToolAnthropicServerTypes = "tool.anthropic.server_types",
    /// Other dated Anthropic tool types are silently discarded.
    ToolAnthropicUnknownDropped = "tool.anthropic.unknown_dropped",
    /// Server-only per-tool `context`.
    ToolContextPerTool = "tool.context.per_tool",
    /// `input_schema` (snake case) is accepted by the server but not documented.
    ToolCustomInputSchemaAlias = "tool.custom.input_schema_alias",
    /// A custom tool's schema must be a JSON object.
    ToolCustomInputSchemaObject = "tool.custom.input_schema_object",
    /// A custom tool without a schema gets an empty object schema.
    ToolCustomInputSchemaDefault = "tool.custom.input_schema_default",
    /// A custom tool's schema that fails when offered to the model.
    ToolCustomInputSchemaShape = "tool.custom.input_schema_shape",

    // ---- 9. tool_choice ----
    /// `tool_choice.type` must be `auto`, `any`, `tool` or `none`.
    ToolChoiceTypeEnum = "tool_choice.type_enum",
    /// `tool_choice` of type `tool` must name a provided tool.
    ToolChoiceUnknownTool = "tool_choice.unknown_tool",
    /// `tool_choice` of type `tool` needs a `name`.
    ToolChoiceNameMissing = "tool_choice.name_missing",
    /// `tool_choice` of type `tool` without tools is ignored.
    ToolChoiceToolWithoutTools = "tool_choice.tool_without_tools",
    /// `tool_choice` `none` removes every tool.
    ToolChoiceNoneDropsTools = "tool_choice.none_drops_tools",
    /// `tool_choice` `tool` keeps only the named tool.
    ToolChoiceToolFilters = "tool_choice.tool_filters",
    /// A forced tool choice appends an instruction to the last user text.
    ToolChoiceForcedHint = "tool_choice.forced_hint",
    /// `disable_parallel_tool_use` must be a boolean.
    ToolChoiceDisableParallel = "tool_choice.disable_parallel",
    /// Server-only `validation_mode`: `eager` or `lazy`.
    ToolChoiceValidationMode = "tool_choice.validation_mode",

    // ---- 10. tool_context and artifacts ----
    /// A non-empty `tool_context` needs tools.
    ToolContextRequiresTools = "tool_context.requires_tools",
    /// Artifact `type` must be a known kind.
    ToolContextKind = "tool_context.kind",
    /// `file` artifact: `value` required, strict base64.
    ArtifactFileValueBase64 = "artifact.file.value_base64",
    /// `uri` artifact: `value` string required.
    ArtifactUriValueRequired = "artifact.uri.value_required",
    /// `text` artifact: `value` string required.
    ArtifactTextValueRequired = "artifact.text.value_required",
    /// `ingested_artifact` needs a `context_filter` object.
    ArtifactIngestedContextFilterRequired = "artifact.ingested.context_filter_required",
    /// `sql_database` needs a `connection_string`.
    ArtifactSqlConnectionStringRequired = "artifact.sql.connection_string_required",
    /// `skill` artifact needs a `skill_filter` with a `collection`.
    ArtifactSkillSkillFilterRequired = "artifact.skill.skill_filter_required",
    /// `context_filter.collection`/`artifacts` are optional on the server.
    ContextFilterCollectionDefault = "context_filter.collection_default",
    /// `metadata_filter` must be a list of objects.
    ContextFilterMetadataFilterList = "context_filter.metadata_filter_list",
    /// A metadata filter's `operator` must be known.
    MetadataFilterOperator = "metadata_filter.operator",
    /// A metadata filter `value` that is not a string.
    MetadataFilterValueType = "metadata_filter.value_type",

    // ---- 11. structured output ----
    /// `response_format.type` must be `text` or `json_schema`.
    ResponseFormatTypeEnum = "response_format.type_enum",
    /// `json_schema` response format needs a non-empty schema object.
    ResponseFormatJsonSchemaRequired = "response_format.json_schema_required",
    /// The response schema must have a `type`; objects need `properties`; arrays need `items`.
    ResponseFormatJsonSchemaShape = "response_format.json_schema_shape",
    /// Structured output excludes tools.
    ResponseFormatNoTools = "response_format.no_tools",
    /// Structured output excludes MCP servers.
    ResponseFormatNoMcp = "response_format.no_mcp",
    /// Structured output excludes citations.
    ResponseFormatNoCitations = "response_format.no_citations",
    /// With `type: text` a `json_schema` is ignored.
    ResponseFormatTextIgnoresSchema = "response_format.text_ignores_schema",

    // ---- 12. mcp_servers ----
    /// MCP servers need a `url` string.
    McpUrlRequired = "mcp.url_required",
    /// `refresh_token` requires `client_id`; auth method enum.
    McpRefreshTokenClientId = "mcp.refresh_token_client_id",
    /// `tool_configuration`: `enabled` boolean, `allowed_tools` list of names.
    McpToolConfiguration = "mcp.tool_configuration",
    /// `McpServer.type` is ignored by the server.
    McpUnknownFieldType = "mcp.unknown_field_type",

    // ---- 13. system ----
    /// `system` must be an object (string and list forms are server-only).
    SystemShape = "system.shape",
    /// `system.text` must be a string.
    SystemText = "system.text",
    /// `use_default_prompt` is deprecated.
    SystemUseDefaultPromptDeprecated = "system.use_default_prompt_deprecated",
    /// `citations.enabled` boolean; `known_citations` a list of citations.
    SystemCitationsEnabled = "system.citations.enabled",
    /// A `system` list of ≥ 2 entries with `known_citations` crashes the server.
    SystemCitationsKnownCitationsMergeCrash = "system.citations.known_citations_merge_crash",
    /// `extensions` items must be `zylon`.
    SystemExtensionsEnum = "system.extensions_enum",
    /// Server-only `blob_visibility` enum and `prompt` flags.
    SystemBlobVisibilityEnum = "system.blob_visibility_enum",

    // ---- 14. thinking ----
    /// `thinking.enabled` must be a boolean.
    ThinkingEnabledBool = "thinking.enabled_bool",
    /// Server-only deprecated `thinking.effort` enum.
    ThinkingEffort = "thinking.effort",

    // ---- response streams (server-sent events) ----
    /// The stream is not a well-formed `text/event-stream`, or an event's data is not JSON.
    StreamSyntax = "stream.syntax",
    /// The stream ended early: no `message_start`, no `message_stop`, or a cut-off event.
    StreamIncomplete = "stream.incomplete",
    /// Events arrive out of order (a delta for an unknown or stopped block, a stop twice, events after `message_stop`).
    StreamOrder = "stream.order",
    /// An event lacks a field it needs (`block_id`, `content_block`).
    StreamEvent = "stream.event",
    /// The server reported an error in the stream.
    StreamErrorEvent = "stream.error_event",
    /// An event or delta type this library does not know (kept, not applied).
    StreamUnknownEvent = "stream.unknown_event",
    /// A tool_use input streamed as `input_json_delta` is not valid JSON when its block stops.
    StreamInputJson = "stream.input_json",

    // ---- 15. model-dependent (only with a server profile) ----
    /// Tools or MCP servers need a function-calling model.
    ModelToolsSupport = "model.tools_support",
    /// `thinking.enabled` needs a reasoning model.
    ModelReasoningSupport = "model.reasoning_support",
    /// Images need an image-capable model.
    ModelImageSupport = "model.image_support",
    /// Too many images for the model.
    ModelImageCount = "model.image_count",
    /// Audio needs an audio-capable model.
    ModelAudioSupport = "model.audio_support",
    /// Too many audio blocks for the model.
    ModelAudioCount = "model.audio_count",
    /// The last user text or system prompt exceeds the token limit (estimated).
    ModelTokenLimit = "model.token_limit",
}

impl Code {
    /// Where this code is documented: `docs/codes.md#<code>` in the repository.
    pub fn docs_path(self) -> String {
        // Without the formatting machinery: every reported issue builds one.
        let id = self.as_str();
        let mut s = String::with_capacity(14 + id.len());
        s.push_str("docs/codes.md#");
        s.push_str(id);
        s
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for Code {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Code::from_id(&s)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown issue code `{s}`")))
    }
}
