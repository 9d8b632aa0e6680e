/* Generated from schemas/ (themselves generated from the Rust types) by pkg-js/scripts/gen-types.mjs. Do not edit. */

/**
 * A whole number (`100.0` is accepted, `1.5` is not).
 */
export type WholeNumber = number;
/**
 * A message's content: blocks, or (server-only, a warning) a plain string.
 */
export type MessageContent = ContentBlock[] | string;
/**
 * A content block, tagged by `type`.
 */
export type ContentBlock =
  | TextBlock
  | ImageBlock
  | AudioBlock
  | BinaryBlock
  | FileBlock
  | SourceBlock
  | TldrBlock
  | ThinkingBlock
  | ToolUseBlock
  | ToolResultBlock
  | PgptOnlyBlock;
/**
 * A block timestamp: an ISO-8601 date-time string (what the Workspace spec shows) or a Unix
 * time in seconds (also accepted by the server).
 */
export type Timestamp = string | number;
/**
 * The content of a tool result: blocks, or (server-only) a plain string.
 */
export type ToolResultContent = ContentBlock[] | string;
/**
 * Block types the server accepts that the Workspace spec does not list (a warning); kept opaque.
 */
export type PgptOnlyType =
  | "document"
  | "redacted_thinking"
  | "server_tool_use"
  | "server_tool_result"
  | "search_result"
  | "container_upload"
  | "mid_conv_system"
  | "local_resource"
  | "resource_link"
  | "resource"
  | "web_search_result"
  | "web_fetch_result"
  | "web_search_tool_result"
  | "web_fetch_tool_result"
  | "bash_code_execution_result"
  | "bash_code_execution_tool_result"
  | "bash_code_execution_tool_result_error"
  | "text_editor_code_execution_tool_result"
  | "text_editor_code_execution_tool_result_error"
  | "text_editor_code_execution_view_result"
  | "text_editor_code_execution_create_result"
  | "text_editor_code_execution_str_replace_result";
/**
 * Who wrote a message. `tool` is listed by the Workspace spec but rejected by the server (a
 * warning); send tool output as a `tool_result` block instead.
 *
 * * `system`: Moved into the system prompt by the server.
 * * `user`: The user.
 * * `assistant`: The model.
 * * `tool`: Rejected by the server.
 */
export type Role = "system" | "user" | "assistant" | "tool";
/**
 * `response_format.type`.
 *
 * * `text`: Free text (default).
 * * `json_schema`: Structured output following `json_schema` (excludes tools, MCP servers and citations).
 */
export type ResponseFormatType = "text" | "json_schema";
/**
 * `system`: one object (the Workspace form) or, server-only, a string or a list.
 */
export type SystemSpec = System | string | SystemListEntry[];
/**
 * System extensions.
 *
 * * `zylon`: Zylon's extension set.
 */
export type SystemExtension = "zylon";
/**
 * An entry of a `system` list, as the server reads it (the schema's view of the entries the
 * model keeps as JSON values).
 */
export type SystemListEntry = string | System;
/**
 * How the model may use tools.
 *
 * * `auto`: The model decides (default).
 * * `any`: The model must use some tool.
 * * `tool`: The model must use the tool named in `name`.
 * * `none`: No tools: the server removes them all.
 */
export type ToolChoiceType = "auto" | "any" | "tool" | "none";
/**
 * An artifact for the tools, tagged by `type`. The Workspace spec shows content-block fields
 * for `file` and `text` (a schema-name collision); the server reads `value`.
 */
export type Artifact = FileArtifact | UriArtifact | TextArtifact | IngestedArtifact | SqlDatabase | SkillArtifact;
/**
 * A tool entry: an object, or (server-only) the bare type string of a built-in.
 */
export type ToolSpec = Tool | BuiltinTypeName;
/**
 * A built-in tool type given as a bare string (server-only).
 */
export type BuiltinTypeName = string;
/**
 * `CreateInteractionDTO.agent`.
 *
 * * `Default`: The default agent.
 * * `ProjectDeepResearch`: Deep research over the project.
 */
export type Agent = "Default" | "ProjectDeepResearch";
/**
 * Thread visibility.
 *
 * * `Public`: Visible to the project.
 * * `Private`: Visible to its creator.
 */
export type Visibility = "Public" | "Private";
/**
 * A block of a response: a known block, or any other object (kept).
 */
export type OutputBlock =
  | ContentBlock
  | {
      [k: string]: unknown;
    };
/**
 * Why the model stopped. Workspace values and the server's; anything else is kept in `Other`.
 */
export type StopReason =
  | (
      | "stop"
      | "error"
      | "cancelled"
      | "end_turn"
      | "max_tokens"
      | "stop_sequence"
      | "tool_use"
      | "pause_turn"
      | "refusal"
    )
  | string;
/**
 * State of an interaction.
 */
export type InteractionState = ("Processing" | "Completed" | "Error") | string;
/**
 * MessageOutputEvent: one server-sent event of a streamed answer.
 *
 * One server-sent event.
 */
export type MessageOutputEvent =
  | MessageStartEvent
  | ContentBlockStartEvent
  | ContentBlockDeltaEvent
  | ContentBlockStopEvent
  | MessageDeltaEvent
  | MessageStopEvent
  | PingEvent
  | ErrorEvent
  | DoneEvent
  | ContentBlockSyntheticEvent
  | {
      [k: string]: unknown;
    };
/**
 * A piece of a content block.
 */
export type ContentBlockDelta =
  | TextDelta
  | ThinkingDelta
  | InputJsonDelta
  | SourceDelta
  | TldrDelta
  | {
      [k: string]: unknown;
    };
/**
 * How serious an issue is.
 *
 * * `error`: The server would reject the body (or `strict` mode turned a warning into an error).
 * * `warning`: The server accepts the body but may change, drop or misread part of it.
 */
export type Severity = "error" | "warning";
/**
 * What a [`Suggestion`] does.
 *
 * * `rename_key`: Rename the field (the issue's path names it) to `value`.
 * * `replace_string`: Replace the string value at the issue's path with `value`.
 * * `tool_object`: Write the bare built-in tool type string at the issue's path as an object with `value`
 * as its `name` and the string as its `type`.
 */
export type SuggestionKind = "rename_key" | "replace_string" | "tool_object";
/**
 * Which endpoint's verdict to give. They differ only where the server builds the built-in
 * tools: `/chat/validate` builds them eagerly (RULES.md `validate.eager_tools`), so problems
 * in what a retrieval tool reads (metadata filters, an empty collection) reject the body;
 * `POST /chat` builds them only when `tool_choice.validation_mode` is `eager` (the default is
 * `lazy`), and otherwise meets those problems when the model calls the tool.
 *
 * * `validate`: `POST /api/v1/app/chat/validate` (the default).
 * * `chat`: `POST /api/v1/app/chat` (and the envelopes that carry a chat).
 */
export type Endpoint = "validate" | "chat";
/**
 * Which body is validated: `auto` (the default) or a kind.
 */
export type KindChoice = Auto | Kind;
/**
 * `auto`: the kind is told from the body's top-level keys (the default).
 *
 * * `auto`: Told from the body.
 */
export type Auto = "auto";
/**
 * Which request body is being validated.
 *
 * * `chat`: A ChatRequest (`pgpt`): the body of `POST /api/v1/app/chat` and `/chat/validate`.
 * * `interaction`: `CreateInteractionDTO`: `POST /api/v1/app/thread/{threadId}/interaction`.
 * * `project-chat`: `ProjectChatDTO`: `POST /api/v1/app/project/{projectId}/chat`.
 * * `thread`: `CreateThreadDTO`: `POST /api/v1/app/project/{projectId}/thread`.
 * * `thread-update`: `UpdateThreadDTO`: `PUT /api/v1/app/thread/{threadId}`.
 * * `interaction-response`: Response: an `InteractionDTO` (`GET /api/v1/app/interaction/{id}`, or the interaction POST).
 * * `message-output`: Response: a `MessageOutput` (an interaction's `assistant_output`).
 * * `chat-response`: Response: the one-shot chat reply `{id, role, content}`.
 * * `page`: Response: a page envelope `{data, has_next_page, has_previous_page, ...}`.
 * * `stream-event`: Response: one stream event (`MessageOutputEvent`).
 */
export type Kind =
  | "chat"
  | "interaction"
  | "project-chat"
  | "thread"
  | "thread-update"
  | "interaction-response"
  | "message-output"
  | "chat-response"
  | "page"
  | "stream-event";

export interface ZylonSchemaTypes {
  ChatRequest?: ChatRequest;
  CreateInteractionDto?: CreateInteractionDto;
  ProjectChatDto?: ProjectChatDto;
  CreateThreadDto?: CreateThreadDto;
  UpdateThreadDto?: UpdateThreadDto;
  InteractionDto?: InteractionDto;
  MessageOutput?: MessageOutput;
  MessageOutputEvent?: MessageOutputEvent;
  Report?: Report;
  BindingTypes?: BindingTypes;
}
/**
 * A chat request.
 */
export interface ChatRequest {
  /**
   * Your id for this request (a string).
   */
  correlation_id?: string | null;
  /**
   * Frequency penalty (negative values are dropped by the server).
   */
  frequency_penalty?: number | null;
  /**
   * Maximum tokens to generate (≤ 0 means the server default).
   */
  max_tokens?: WholeNumber | null;
  /**
   * MCP servers whose tools the model may call.
   */
  mcp_servers?: McpServer[];
  /**
   * The conversation (not empty); the last user message needs non-blank text.
   *
   * @minItems 1
   */
  messages: [MessageInput, ...MessageInput[]];
  /**
   * Min-p sampling (negative values are dropped by the server).
   */
  min_p?: number | null;
  /**
   * Presence penalty (negative values are dropped by the server).
   */
  presence_penalty?: number | null;
  /**
   * Scheduling priority (whole number).
   */
  priority?: WholeNumber | null;
  /**
   * Repetition penalty (negative values are dropped by the server).
   */
  repetition_penalty?: number | null;
  response_format?: ResponseFormat;
  /**
   * Sampling seed (negative values are dropped by the server).
   */
  seed?: WholeNumber | null;
  /**
   * Stream the answer as server-sent events.
   */
  stream?: boolean;
  /**
   * System prompt and flags.
   */
  system?: SystemSpec | null;
  /**
   * Temperature, 0–1 (the server rejects values outside).
   */
  temperature?: number | null;
  thinking?: Thinking;
  tool_choice?: ToolChoice;
  /**
   * Artifacts for the built-in tools (needs `tools`).
   */
  tool_context?: Artifact[] | null;
  /**
   * Tools the model may call.
   */
  tools?: ToolSpec[] | null;
  /**
   * Top-k sampling, ≥ 0.
   */
  top_k?: WholeNumber | null;
  /**
   * Nucleus sampling, 0–1.
   */
  top_p?: number | null;
}
/**
 * An MCP server the model may use. Tokens and secrets are never printed (`Debug` redacts them).
 */
export interface McpServer {
  /**
   * Bearer token (secret).
   */
  authorization_token?: string | null;
  /**
   * Server-only OAuth client id.
   */
  client_id?: string | null;
  /**
   * Server-only OAuth client secret (secret).
   */
  client_secret?: string | null;
  /**
   * Display name (default `mcp`).
   */
  name?: string | null;
  /**
   * Server-only OAuth refresh token (secret; needs `client_id`).
   */
  refresh_token?: string | null;
  /**
   * Server-only: `none`, `client_secret_basic` or `client_secret_post`.
   */
  token_endpoint_auth_method?: string | null;
  tool_configuration?: ToolConfiguration;
  /**
   * Listed by the Workspace spec; ignored by the server.
   */
  type?: string | null;
  /**
   * Server URL (contacted by the server for every request).
   */
  url: string;
}
/**
 * Which tools of an MCP server are offered.
 */
export interface ToolConfiguration {
  /**
   * Only these tools are kept.
   */
  allowed_tools?: string[] | null;
  /**
   * `false` offers no tool of this server (default true).
   */
  enabled?: boolean;
}
/**
 * One message of the conversation.
 */
export interface MessageInput {
  /**
   * Listed by the Workspace spec; ignored by the server.
   */
  _meta?: {
    [k: string]: unknown;
  } | null;
  content: MessageContent;
  role: Role;
}
/**
 * Plain text.
 */
export interface TextBlock {
  /**
   * Free metadata; the server keeps it with the block.
   */
  _meta?: {
    [k: string]: unknown;
  };
  /**
   * Citations for this text.
   */
  citations?: Citation[] | null;
  /**
   * When the block started (ISO-8601 date-time; the server rejects other strings).
   */
  start_timestamp?: Timestamp | null;
  /**
   * When the block ended (ISO-8601 date-time).
   */
  stop_timestamp?: Timestamp | null;
  /**
   * The text (defaults to empty on the server). The last user message needs non-blank text.
   */
  text?: string;
  type: "text";
}
/**
 * A citation attached to text (or to `system.citations.known_citations`).
 */
export interface Citation {
  /**
   * The cited artifact.
   */
  artifact_id?: string | null;
  /**
   * Listed by the Workspace spec; ignored by the server.
   */
  correlation_id?: string | null;
  /**
   * Citation id.
   */
  id?: string | null;
  /**
   * Position of the citation; an integer on the server (numeric strings are converted).
   */
  index?: {
    [k: string]: unknown;
  };
  /**
   * The cited source within the artifact.
   */
  source_id?: string | null;
}
/**
 * An image.
 */
export interface ImageBlock {
  /**
   * Free metadata; the server keeps it with the block.
   */
  _meta?: {
    [k: string]: unknown;
  };
  /**
   * Strict base64, a `data:` URI or a `scheme://` URL (downloaded by the server). Anything
   * else is read by the server as a file path and fails.
   */
  data?: string | null;
  /**
   * Media type. Optional in the Workspace spec, but the server needs it with `data`. Images
   * outside jpeg/png/gif/webp are relabelled `image/png`.
   */
  mime_type?: string | null;
  /**
   * Server-only Anthropic-style `source` object.
   */
  source?: {
    [k: string]: unknown;
  } | null;
  /**
   * When the block started (ISO-8601 date-time; the server rejects other strings).
   */
  start_timestamp?: Timestamp | null;
  /**
   * When the block ended (ISO-8601 date-time).
   */
  stop_timestamp?: Timestamp | null;
  type: "image";
  /**
   * Server-only alternative to `data`: a URI.
   */
  uri?: string | null;
  /**
   * Server-only alternative to `data`: a URL.
   */
  url?: string | null;
}
/**
 * Audio.
 */
export interface AudioBlock {
  /**
   * Free metadata; the server keeps it with the block.
   */
  _meta?: {
    [k: string]: unknown;
  };
  /**
   * Strict base64, a `data:` URI or a `scheme://` URL (downloaded by the server). Anything
   * else is read by the server as a file path and fails.
   */
  data?: string | null;
  /**
   * Media type. Optional in the Workspace spec, but the server needs it with `data`. Images
   * outside jpeg/png/gif/webp are relabelled `image/png`.
   */
  mime_type?: string | null;
  /**
   * Server-only Anthropic-style `source` object.
   */
  source?: {
    [k: string]: unknown;
  } | null;
  /**
   * When the block started (ISO-8601 date-time; the server rejects other strings).
   */
  start_timestamp?: Timestamp | null;
  /**
   * When the block ended (ISO-8601 date-time).
   */
  stop_timestamp?: Timestamp | null;
  type: "audio";
  /**
   * Server-only alternative to `data`: a URI.
   */
  uri?: string | null;
  /**
   * Server-only alternative to `data`: a URL.
   */
  url?: string | null;
}
/**
 * Any file with its media type.
 */
export interface BinaryBlock {
  /**
   * Free metadata; the server keeps it with the block.
   */
  _meta?: {
    [k: string]: unknown;
  };
  /**
   * The payload (strict base64, `data:` URI or URL).
   */
  data: string;
  /**
   * Optional file name.
   */
  filename?: string | null;
  /**
   * Media type (required).
   */
  mime_type: string;
  /**
   * When the block started (ISO-8601 date-time; the server rejects other strings).
   */
  start_timestamp?: Timestamp | null;
  /**
   * When the block ended (ISO-8601 date-time).
   */
  stop_timestamp?: Timestamp | null;
  type: "binary";
}
/**
 * A Workspace document block (unknown to the chat server).
 */
export interface FileBlock {
  /**
   * Free metadata; the server keeps it with the block.
   */
  _meta?: {
    [k: string]: unknown;
  };
  /**
   * Base64 or text content.
   */
  content: string;
  /**
   * Media type of the content.
   */
  content_type?: string | null;
  /**
   * File name and type.
   */
  doc_metadata?: DocMetadata | null;
  /**
   * When the block started (ISO-8601 date-time; the server rejects other strings).
   */
  start_timestamp?: Timestamp | null;
  /**
   * When the block ended (ISO-8601 date-time).
   */
  stop_timestamp?: Timestamp | null;
  type: "file";
}
/**
 * File metadata.
 */
export interface DocMetadata {
  /**
   * File name.
   */
  file_name?: string | null;
  /**
   * File type (extension).
   */
  file_type?: string | null;
}
/**
 * Retrieved sources.
 */
export interface SourceBlock {
  /**
   * Free metadata; the server keeps it with the block.
   */
  _meta?: {
    [k: string]: unknown;
  };
  /**
   * The sources (required by the server).
   */
  sources?: SourceItem[] | null;
  /**
   * When the block started (ISO-8601 date-time; the server rejects other strings).
   */
  start_timestamp?: Timestamp | null;
  /**
   * When the block ended (ISO-8601 date-time).
   */
  stop_timestamp?: Timestamp | null;
  type: "source";
}
/**
 * One source: a chunk of an ingested document or a website.
 */
export interface SourceItem {
  /**
   * Website content.
   */
  content?: string | null;
  /**
   * Content type.
   */
  content_type?: string | null;
  /**
   * Website description.
   */
  description?: string | null;
  /**
   * The chunk's document.
   */
  document?: SourceDocument | null;
  /**
   * Website favicon.
   */
  favicon_url?: string | null;
  /**
   * Source id (required for websites).
   */
  id?: string | null;
  /**
   * Free metadata (title, page, ...).
   */
  metadata?: {
    [k: string]: unknown;
  } | null;
  /**
   * Text after the chunk.
   */
  next_texts?: string[] | null;
  /**
   * `context.chunk` or `context.website` (server spelling).
   */
  object?: string | null;
  /**
   * Text before the chunk.
   */
  previous_texts?: string[] | null;
  /**
   * Relevance score of a chunk (−0.01 … 1.01).
   */
  score?: number | null;
  /**
   * Chunk text.
   */
  text?: string;
  /**
   * Website title.
   */
  title?: string | null;
  /**
   * `context.chunk` or `context.website` (Workspace docs spelling).
   */
  type?: string | null;
  /**
   * Website URL.
   */
  url?: string | null;
}
/**
 * The document a chunk comes from.
 */
export interface SourceDocument {
  /**
   * Artifact id.
   */
  artifact?: string | null;
  /**
   * File metadata.
   */
  doc_metadata?: DocMetadata | null;
  /**
   * `ingest.document` on the server (`artifact` in the Workspace docs).
   */
  object: string;
}
/**
 * A summary of earlier turns.
 */
export interface TldrBlock {
  /**
   * Free metadata; the server keeps it with the block.
   */
  _meta?: {
    [k: string]: unknown;
  };
  /**
   * The summary blocks (required by the Workspace spec; defaults to empty on the server).
   */
  content?: ContentBlock[];
  /**
   * When the block started (ISO-8601 date-time; the server rejects other strings).
   */
  start_timestamp?: Timestamp | null;
  /**
   * When the block ended (ISO-8601 date-time).
   */
  stop_timestamp?: Timestamp | null;
  /**
   * Server-only side (`left`/`right`).
   */
  tldr_side?: string | null;
  type: "tldr";
}
/**
 * Model reasoning.
 */
export interface ThinkingBlock {
  /**
   * Free metadata; the server keeps it with the block.
   */
  _meta?: {
    [k: string]: unknown;
  };
  /**
   * Citations.
   */
  citations?: Citation[] | null;
  /**
   * The signature the server requires (absent from the Workspace spec: a warning).
   */
  signature?: string | null;
  /**
   * When the block started (ISO-8601 date-time; the server rejects other strings).
   */
  start_timestamp?: Timestamp | null;
  /**
   * When the block ended (ISO-8601 date-time).
   */
  stop_timestamp?: Timestamp | null;
  /**
   * The reasoning text.
   */
  thinking?: string;
  type: "thinking";
}
/**
 * A tool call.
 */
export interface ToolUseBlock {
  /**
   * Free metadata; the server keeps it with the block.
   */
  _meta?: {
    [k: string]: unknown;
  };
  /**
   * Call id, `^[a-zA-Z0-9_-]+$`, unique in the request.
   */
  id: string;
  /**
   * Arguments (an object, may be empty).
   */
  input: {
    [k: string]: unknown;
  };
  /**
   * Tool name, 1–200 characters.
   */
  name: string;
  /**
   * When the block started (ISO-8601 date-time; the server rejects other strings).
   */
  start_timestamp?: Timestamp | null;
  /**
   * When the block ended (ISO-8601 date-time).
   */
  stop_timestamp?: Timestamp | null;
  type: "tool_use";
}
/**
 * A tool result.
 */
export interface ToolResultBlock {
  /**
   * Free metadata; the server keeps it with the block.
   */
  _meta?: {
    [k: string]: unknown;
  };
  content?: ToolResultContent;
  /**
   * Whether the tool failed.
   */
  is_error?: boolean;
  /**
   * When the block started (ISO-8601 date-time; the server rejects other strings).
   */
  start_timestamp?: Timestamp | null;
  /**
   * When the block ended (ISO-8601 date-time).
   */
  stop_timestamp?: Timestamp | null;
  /**
   * The id of the `tool_use` it answers.
   */
  tool_use_id: string;
  type: "tool_result";
}
/**
 * A server-only block, kept as sent.
 */
export interface PgptOnlyBlock {
  type: PgptOnlyType;
  [k: string]: unknown;
}
/**
 * Structured output.
 */
export interface ResponseFormat {
  /**
   * The schema of the answer: non-empty, with a `type` (objects need `properties`).
   */
  json_schema?: {
    [k: string]: unknown;
  } | null;
  type?: ResponseFormatType;
}
/**
 * The system prompt and its flags.
 */
export interface System {
  citations?: SystemCitations;
  /**
   * Extensions.
   */
  extensions?: SystemExtension[];
  /**
   * System prompt text (system-role messages are appended to it).
   */
  text?: string | null;
  /**
   * Deprecated: the server only logs a warning.
   */
  use_default_prompt?: boolean;
}
/**
 * Citation settings.
 */
export interface SystemCitations {
  /**
   * Ask the model to cite sources (not allowed with structured output).
   */
  enabled?: boolean;
  /**
   * Citations already known.
   */
  known_citations?: Citation[] | null;
}
/**
 * Deep thinking.
 */
export interface Thinking {
  /**
   * Server-only, deprecated: `low`, `medium`, `high`, `max`, `xhigh`.
   */
  effort?: string | null;
  /**
   * Turn reasoning on (the model must support it).
   */
  enabled?: boolean;
}
/**
 * `tool_choice`.
 */
export interface ToolChoice {
  /**
   * Forbid parallel tool calls.
   */
  disable_parallel_tool_use?: boolean;
  /**
   * With `tool`: the name of one of the tools.
   */
  name?: string | null;
  type?: ToolChoiceType;
  /**
   * Server-only: `eager` or `lazy` artifact validation.
   */
  validation_mode?: string | null;
}
/**
 * A file: `value` is strict base64 of its bytes.
 */
export interface FileArtifact {
  type: "file";
  /**
   * Base64 bytes.
   */
  value: string;
}
/**
 * A URI the tools may read.
 */
export interface UriArtifact {
  type: "uri";
  /**
   * The URI.
   */
  value: string;
}
/**
 * Inline text.
 */
export interface TextArtifact {
  type: "text";
  /**
   * The text.
   */
  value: string;
}
/**
 * Ingested project artifacts (needed by `semantic_search` / `tabular_analysis`: exactly one).
 */
export interface IngestedArtifact {
  context_filter: ContextFilter;
  type: "ingested_artifact";
}
/**
 * Which artifacts a search may see.
 */
export interface ContextFilter {
  /**
   * Artifact ids (the server searches the whole collection without them).
   */
  artifacts?: string[] | null;
  /**
   * Collection (server default `pgpt_collection`).
   */
  collection?: string;
  /**
   * Metadata filters.
   */
  metadata_filter?: MetadataFilter[] | null;
}
/**
 * One metadata filter.
 */
export interface MetadataFilter {
  /**
   * Metadata key.
   */
  key: string;
  /**
   * `==` (default), `>`, `<`, `!=`, `>=`, `<=`, `in`, `nin`, or llama-index's `any`, `all`,
   * `text_match`, `text_match_insensitive`, `contains`, `is_empty`.
   */
  operator?: string | null;
  /**
   * Value (a string in the Workspace spec; the server also takes numbers and lists).
   */
  value?: {
    [k: string]: unknown;
  };
}
/**
 * A SQL database (needed by `database_query`: at least one).
 */
export interface SqlDatabase {
  /**
   * Connection string (secret).
   */
  connection_string: string;
  /**
   * What the database holds.
   */
  description?: string;
  /**
   * Expose functions (default true).
   */
  enable_functions?: boolean;
  /**
   * Expose procedures (default true).
   */
  enable_procedures?: boolean;
  /**
   * Expose tables (default true).
   */
  enable_tables?: boolean;
  /**
   * Expose views (default true).
   */
  enable_views?: boolean;
  /**
   * Schemas to expose.
   */
  schemas?: string[] | null;
  /**
   * Use SSL (default false).
   */
  ssl?: boolean;
  type: "sql_database";
}
/**
 * Server-only: skills.
 */
export interface SkillArtifact {
  /**
   * `{collection, skill_or_version_ids?}`.
   */
  skill_filter: {
    [k: string]: unknown;
  };
  type: "skill";
}
/**
 * A tool the model may call: a built-in (recognised by `type`, e.g. `semantic_search_v1`) or a
 * custom client tool (`name` + `inputSchema`).
 */
export interface Tool {
  /**
   * Server-only per-tool artifacts (overrides `tool_context`).
   */
  context?: Artifact[] | null;
  /**
   * What the tool does (ignored on built-ins).
   */
  description?: string | null;
  /**
   * JSON Schema of the arguments (a JSON object; ignored on built-ins).
   */
  inputSchema?: {
    [k: string]: unknown;
  } | null;
  /**
   * Server-only spelling of `inputSchema`.
   */
  input_schema?: {
    [k: string]: unknown;
  } | null;
  /**
   * Tool name; required for custom tools, unique across the list. Built-ins default to their
   * canonical name.
   */
  name?: string | null;
  /**
   * Built-in tool type (`semantic_search_v1`, `web_search_v1`, ...); anything else is a custom tool.
   */
  type?: string | null;
}
/**
 * CreateInteractionDTO: POST /api/v1/app/thread/{threadId}/interaction.
 *
 * `POST /api/v1/app/thread/{threadId}/interaction`.
 */
export interface CreateInteractionDto {
  /**
   * Which agent answers.
   */
  agent?: Agent | null;
  /**
   * Use every artifact of the project.
   */
  all_artifacts?: boolean | null;
  /**
   * Artifacts of the project to use.
   */
  artifact_ids?: string[] | null;
  pgpt: ChatRequest;
  /**
   * The thread id (documented as required; the same as in the URL).
   */
  thread_id?: string | null;
}
/**
 * ProjectChatDTO: POST /api/v1/app/project/{projectId}/chat.
 *
 * `POST /api/v1/app/project/{projectId}/chat`.
 */
export interface ProjectChatDto {
  /**
   * Use every artifact of the project.
   */
  all_artifacts?: boolean | null;
  /**
   * Artifacts of the project to use.
   */
  artifact_ids?: string[] | null;
  pgpt: ChatRequest;
}
/**
 * CreateThreadDTO: POST /api/v1/app/project/{projectId}/thread.
 *
 * `POST /api/v1/app/project/{projectId}/thread`.
 */
export interface CreateThreadDto {
  /**
   * Thread name.
   */
  name: string;
  visibility: Visibility;
}
/**
 * UpdateThreadDTO: PUT /api/v1/app/thread/{threadId}.
 *
 * `PUT /api/v1/app/thread/{threadId}`.
 */
export interface UpdateThreadDto {
  /**
   * New name.
   */
  name?: string | null;
  /**
   * New visibility.
   */
  visibility?: Visibility | null;
}
/**
 * InteractionDTO: an interaction as the API returns it.
 *
 * An interaction (one exchange in a thread).
 */
export interface InteractionDto {
  /**
   * Whether every artifact was used.
   */
  all_artifacts?: boolean | null;
  /**
   * Artifacts used.
   */
  artifact_ids?: string[] | null;
  /**
   * The assistant's answer, once there is one.
   */
  assistant_output?: MessageOutput | null;
  /**
   * Creation time.
   */
  created_at: string;
  /**
   * Creator (user object).
   */
  created_by?: {
    [k: string]: unknown;
  } | null;
  /**
   * Interaction id.
   */
  id: string;
  /**
   * The request that produced it.
   */
  pgpt?: ChatRequest | null;
  /**
   * Project id.
   */
  project_id: string;
  state: InteractionState;
  /**
   * Thread id.
   */
  thread_id?: string | null;
  user_input: MessageInput;
}
/**
 * The assistant's message.
 */
export interface MessageOutput {
  /**
   * The answer.
   */
  content?: OutputBlock[] | null;
  /**
   * Unix time.
   */
  created?: number | null;
  /**
   * Errors during generation.
   */
  errors?: ErrorDetail[] | null;
  /**
   * Message id.
   */
  id?: string | null;
  /**
   * Model name.
   */
  model?: string | null;
  /**
   * Why it stopped.
   */
  stop_reason?: StopReason | null;
  /**
   * Token usage.
   */
  usage?: Usage | null;
}
/**
 * An error reported by the server.
 */
export interface ErrorDetail {
  /**
   * What happened.
   */
  message?: string;
  /**
   * Error type.
   */
  type?: string;
}
/**
 * Token usage.
 */
export interface Usage {
  /**
   * Prompt tokens.
   */
  input_tokens?: number | null;
  /**
   * Generated tokens.
   */
  output_tokens?: number | null;
}
/**
 * The message begins.
 */
export interface MessageStartEvent {
  message: MessageOutput;
  type: "message_start";
}
/**
 * A block begins.
 */
export interface ContentBlockStartEvent {
  /**
   * Block id, used by later deltas.
   */
  block_id?: string | null;
  content_block: OutputBlock;
  type: "content_block_start";
}
/**
 * A block grows.
 */
export interface ContentBlockDeltaEvent {
  /**
   * Which block (the docs' example omits it).
   */
  block_id?: string | null;
  delta: ContentBlockDelta;
  type: "content_block_delta";
}
/**
 * More text.
 */
export interface TextDelta {
  /**
   * Metadata.
   */
  _meta?: {
    [k: string]: unknown;
  } | null;
  /**
   * Citations to append.
   */
  citations?: Citation[] | null;
  /**
   * The text to append.
   */
  text?: string;
  type: "text_delta";
}
/**
 * More reasoning.
 */
export interface ThinkingDelta {
  /**
   * Metadata.
   */
  _meta?: {
    [k: string]: unknown;
  } | null;
  /**
   * Citations to append.
   */
  citations?: Citation[] | null;
  /**
   * The reasoning to append.
   */
  thinking?: string;
  type: "thinking_delta";
}
/**
 * More of a tool call's arguments, as JSON text (parsed when the block stops).
 */
export interface InputJsonDelta {
  /**
   * Metadata.
   */
  _meta?: {
    [k: string]: unknown;
  } | null;
  /**
   * JSON text to append.
   */
  partial_json?: string | null;
  /**
   * The arguments parsed so far.
   */
  partial_json_obj?: {
    [k: string]: unknown;
  } | null;
  type: "input_json_delta";
}
/**
 * More sources.
 */
export interface SourceDelta {
  /**
   * Metadata.
   */
  _meta?: {
    [k: string]: unknown;
  } | null;
  /**
   * Sources to append.
   */
  sources?: SourceItem[] | null;
  type: "source_delta";
}
/**
 * A block of a summary.
 */
export interface TldrDelta {
  /**
   * Metadata.
   */
  _meta?: {
    [k: string]: unknown;
  } | null;
  tldr: OutputBlock;
  type: "tldr_delta";
}
/**
 * A block ends.
 */
export interface ContentBlockStopEvent {
  /**
   * Which block.
   */
  block_id?: string | null;
  /**
   * When it ended.
   */
  stop_timestamp?: Timestamp | null;
  type: "content_block_stop";
}
/**
 * Message-level changes (stop reason, usage).
 */
export interface MessageDeltaEvent {
  delta: MessageOutputDelta;
  type: "message_delta";
}
/**
 * Message-level changes.
 */
export interface MessageOutputDelta {
  /**
   * Blocks to append.
   */
  content?: OutputBlock[] | null;
  /**
   * Unix time.
   */
  created?: number | null;
  /**
   * Message id.
   */
  id?: string | null;
  /**
   * Model name.
   */
  model?: string | null;
  /**
   * Why it stopped.
   */
  stop_reason?: StopReason | null;
  /**
   * Usage so far.
   */
  usage?: Usage | null;
}
/**
 * The message is complete.
 */
export interface MessageStopEvent {
  type: "message_stop";
}
/**
 * Keep-alive.
 */
export interface PingEvent {
  type: "ping";
}
/**
 * The server reports an error.
 */
export interface ErrorEvent {
  /**
   * What went wrong.
   */
  error?: ErrorDetail | null;
  type: "error";
}
/**
 * The stream is over.
 */
export interface DoneEvent {
  type: "done";
}
/**
 * A complete block, not streamed.
 */
export interface ContentBlockSyntheticEvent {
  block: OutputBlock;
  /**
   * Block id.
   */
  block_id?: string | null;
  type: "content_block_synthetic";
}
/**
 * The result of validating one body.
 */
export interface Report {
  /**
   * Problems that make the server reject the body.
   */
  errors: Issue[];
  summary: Summary;
  /**
   * `true` when there is no error (warnings allowed).
   */
  valid: boolean;
  /**
   * Problems the server accepts but that change or drop something, or that the Workspace spec does not endorse.
   */
  warnings: Issue[];
}
/**
 * One problem found in a body.
 */
export interface Issue {
  /**
   * The stable rule id (see `docs/codes.md`).
   */
  code: string;
  /**
   * Where this code is documented (`docs/codes.md#<code>` in the repository).
   */
  docs: string;
  /**
   * How to fix it, when there is a likely fix.
   */
  hint?: string | null;
  /**
   * One plain sentence a person can act on. Never contains a secret from the body.
   */
  message: string;
  /**
   * JSON Pointer (RFC 6901) to the offending value in the body as sent; `""` is the root.
   * For a missing field it names the missing field itself.
   */
  path: string;
  severity: Severity;
  /**
   * Where the offending value is in the text (for a missing field: the enclosing object; for
   * an unknown or duplicate field: its key). Present when the body was given as text.
   */
  span?: Span | null;
  /**
   * The fix, when one is safe and mechanical (see [`Suggestion`]): what `fix` applies.
   */
  suggestion?: Suggestion | null;
}
/**
 * A range of the request text.
 */
export interface Span {
  /**
   * 1-based column of `start`, in characters.
   */
  column: number;
  /**
   * Byte offset just after the last byte.
   */
  end: number;
  /**
   * 1-based column of `end`, in characters.
   */
  end_column: number;
  /**
   * 1-based line of `end`.
   */
  end_line: number;
  /**
   * 1-based line of `start`.
   */
  line: number;
  /**
   * Byte offset of the first byte.
   */
  start: number;
}
/**
 * A mechanical fix the validator is sure of (what `fix` applies), carried by an issue when one
 * is safe: a key or a value that differs from the right one only in case or separators, or a
 * documented alias. In JSON: `{"kind": "rename_key", "value": "temperature"}`.
 */
export interface Suggestion {
  kind: SuggestionKind;
  /**
   * The new key, the new string, or the tool's name.
   */
  value: string;
}
/**
 * Facts about the request, as the server's validate route advertises them, plus issue counts.
 */
export interface Summary {
  /**
   * Number of errors.
   */
  error_count: number;
  /**
   * Whether `tools` is a non-empty array.
   */
  has_tools: boolean;
  /**
   * Number of entries in `messages` (0 when absent or not an array).
   */
  message_count: number;
  /**
   * Whether `stream` is `true`.
   */
  stream_enabled: boolean;
  /**
   * `tool_choice.type` when given as a string.
   */
  tool_choice?: string | null;
  /**
   * Number of warnings.
   */
  warning_count: number;
}
/**
 * The options and results of zylon-schema's language bindings (npm: validate, fix, decodeStream).
 *
 * The bindings' types, as the properties of one root.
 */
export interface BindingTypes {
  decoded_stream: DecodedStream;
  fix_result: FixResult;
  report: Report;
  validate_options: ValidateOptions;
}
/**
 * What `decodeStream` returns for a captured `text/event-stream`.
 */
export interface DecodedStream {
  /**
   * How many events it held.
   */
  events: number;
  /**
   * Problems found in the stream.
   */
  issues: Issue[];
  message: MessageOutput;
}
/**
 * The outcome of [`fix_str`].
 */
export interface FixResult {
  /**
   * The fixed body (the input unchanged when nothing applied).
   */
  body: string;
  /**
   * What was changed, in document order.
   */
  fixes: AppliedFix[];
  report: Report;
}
/**
 * One applied fix.
 */
export interface AppliedFix {
  /**
   * The replacement text.
   */
  after: string;
  /**
   * The original text.
   */
  before: string;
  /**
   * The issue code the fix resolves (`field.coerced` for number normalisation).
   */
  code: string;
  /**
   * Byte offset of `before` in the body of its round (round 1 works on the input, or on its
   * UTF-8 when [`fix_bytes`] read it from UTF-16 or UTF-32).
   */
  offset: number;
  /**
   * JSON Pointer of the changed value (or key) in the body as it was when the fix applied
   * (fixes run in rounds; a later round sees the renames of an earlier one).
   */
  path: string;
  /**
   * Which round applied it (1-based; a round sees the body the previous round produced).
   * Round 0 is [`fix_bytes`] reading a UTF-16 or UTF-32 body as UTF-8 (`json.encoding`:
   * `before` and `after` are the encodings' names, `UTF-16LE` and `UTF-8`).
   */
  round: number;
}
/**
 * The options of `validate` and `fix` (every key optional).
 */
export interface ValidateOptions {
  /**
   * Whose verdict: `validate` (default) is `/chat/validate`, which builds the built-in tools
   * eagerly; `chat` is `POST /chat`, which builds them only with
   * `tool_choice.validation_mode: "eager"`.
   */
  endpoint?: Endpoint | null;
  /**
   * `auto` (default): a `pgpt` key with `thread_id`/`agent` is an interaction, another `pgpt`
   * a project chat, `name` + `visibility` without `messages` a new thread, one of them a
   * thread update, anything else a chat request. Responses and stream events need their kind.
   */
  kind?: KindChoice | null;
  /**
   * Model capabilities and limits; without it the `model.*` checks are silent.
   */
  profile?: Profile | null;
  /**
   * Attach source spans (text input only).
   */
  spans?: boolean | null;
  /**
   * Turn every warning into an error.
   */
  strict?: boolean | null;
}
/**
 * Model capabilities and limits of a deployment, used by the `model.*` rules.
 *
 * Every field is optional: a missing capability is not checked.
 */
export interface Profile {
  /**
   * Maximum number of audio blocks in the last user message.
   */
  max_audios?: number | null;
  /**
   * Maximum number of images in the last user message.
   */
  max_images?: number | null;
  /**
   * Effective token limit for the last user text, the system prompt and their sum.
   * Tokens are estimated as ⌈characters / 4⌉ (the estimate is documented in `docs/codes.md`).
   */
  max_input_tokens?: number | null;
  /**
   * The model name the server reports in its messages (default `default`).
   */
  model?: string | null;
  /**
   * Whether the model accepts audio.
   */
  supports_audio?: boolean | null;
  /**
   * Whether the model accepts images.
   */
  supports_images?: boolean | null;
  /**
   * Whether the model supports reasoning (`thinking.enabled`).
   */
  supports_reasoning?: boolean | null;
  /**
   * Whether the model supports tool (function) calling.
   */
  supports_tools?: boolean | null;
}
