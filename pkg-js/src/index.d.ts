// Public API of the `zylon-schema` npm package. The data types come from the generated
// `types.d.ts` (from the Rust types, through the JSON Schemas).
import type {
  ChatRequest, CreateInteractionDto, ProjectChatDto, CreateThreadDto, UpdateThreadDto, InteractionDto, MessageOutput,
  MessageOutputEvent, Report, Issue, ContentBlock, MessageInput, Tool, Artifact, McpServer, ToolChoice,
  TextBlock, ImageBlock, AudioBlock, BinaryBlock, FileBlock, ToolUseBlock, ToolResultBlock,
  Kind, KindChoice, Profile, Endpoint, ValidateOptions, FixResult, AppliedFix, DecodedStream,
} from "./types.js";

export type {
  ChatRequest, CreateInteractionDto, ProjectChatDto, CreateThreadDto, UpdateThreadDto, InteractionDto, MessageOutput,
  MessageOutputEvent, Report, Issue, ContentBlock, MessageInput, Tool, Artifact, McpServer, ToolChoice,
  TextBlock, ImageBlock, AudioBlock, BinaryBlock, FileBlock, ToolUseBlock, ToolResultBlock,
  Kind, KindChoice, Profile, Endpoint, ValidateOptions, FixResult, AppliedFix, DecodedStream,
};

/** Validate a body (a JSON string is the fast path; objects and bytes are accepted: bytes are read as the server reads them, UTF-8, UTF-16 or UTF-32). Never throws. */
export function validate(body: string | Uint8Array | object, options?: ValidateOptions): Report;

/**
 * Whether the body has no error: always `validate(body, options).valid`, by a fast path (the
 * rules stop at the first error that decides, and no report is returned). For yes/no gates; call
 * `validate` to learn why. Never throws.
 */
export function isValid(body: string | Uint8Array | object, options?: ValidateOptions): boolean;

/**
 * Apply the safe fixes (meaning-preserving) and re-validate. Bytes are read as `validate` reads
 * them: a UTF-16 or UTF-32 body comes back as UTF-8 text (its first fix, `json.encoding`, says
 * so); bytes that text cannot hold exactly are not rewritten (`body` is `""`, and the report's
 * one `json.syntax` error says why).
 */
export function fix(body: string | object | Uint8Array, options?: ValidateOptions): FixResult;

/** Decode a captured `text/event-stream`. */
export function decodeStream(data: string | Uint8Array): DecodedStream;

/** Incremental stream accumulator. */
export class StreamAccumulator {
  constructor();
  push(chunk: string | Uint8Array): MessageOutputEvent[];
  finish(): MessageOutputEvent[];
  readonly message: MessageOutput;
  readonly issues: Issue[];
  readonly eventCount: number;
}

/** Consume a fetch body, yielding the events and the growing message after each chunk. */
export function readStream(
  readable: ReadableStream<Uint8Array>,
): AsyncGenerator<{ events: MessageOutputEvent[]; message: MessageOutput; issues: Issue[]; done?: boolean }>;

export class ValidationError extends Error {
  readonly report: Report;
}

export interface ChatRequestBuilder {
  message(m: MessageInput): ChatRequestBuilder;
  tool(t: Tool | string): ChatRequestBuilder;
  artifact(a: Artifact): ChatRequestBuilder;
  mcpServer(s: McpServer): ChatRequestBuilder;
  toolChoice(c: ToolChoice): ChatRequestBuilder;
  system(text: string): ChatRequestBuilder;
  citations(enabled?: boolean): ChatRequestBuilder;
  thinking(enabled?: boolean): ChatRequestBuilder;
  jsonSchema(schema: object): ChatRequestBuilder;
  set<K extends keyof ChatRequest>(key: K, value: ChatRequest[K]): ChatRequestBuilder;
  toJSON(): ChatRequest;
  /** The body, or throws a ValidationError carrying the Report. */
  build(options?: Omit<ValidateOptions, "kind">): ChatRequest;
}
export function chatRequest(initial?: Partial<ChatRequest>): ChatRequestBuilder;

/** An exported JSON Schema (draft 2020-12). */
export function schema(name: string): object;
export const schemaNames: string[];
/**
 * Optional. Browsers load the inlined module on first use; `init(input)` before that loads it
 * from a URL, Response, bytes or compiled module instead (`zylon-schema/web` requires it). Node:
 * a no-op.
 */
export function init(input?: string | URL | Response | BufferSource | WebAssembly.Module): Promise<void>;

type Block<T extends string> = Extract<ContentBlock, { type: T }>;
export function text(text: string, extra?: object): Block<"text">;
export function image(data: string, mimeType?: string, extra?: object): Block<"image">;
export function audio(data: string, mimeType?: string, extra?: object): Block<"audio">;
export function binary(data: string, mimeType: string, filename?: string, extra?: object): Block<"binary">;
export function file(content: string, contentType?: string, docMetadata?: { file_name?: string; file_type?: string }): Block<"file">;
export function toolUse(id: string, name: string, input?: { [k: string]: unknown }): Block<"tool_use">;
export function toolResult(toolUseId: string, content?: string | ContentBlock[], isError?: boolean): Block<"tool_result">;
export function userMessage(...parts: (string | ContentBlock | ContentBlock[])[]): MessageInput;
export function assistantMessage(...parts: (string | ContentBlock | ContentBlock[])[]): MessageInput;
export function systemMessage(...parts: (string | ContentBlock | ContentBlock[])[]): MessageInput;
export function customTool(name: string, description: string, inputSchema?: object): Tool;
export function semanticSearchTool(): Tool;
export function tabularAnalysisTool(): Tool;
export function databaseQueryTool(): Tool;
export function webSearchTool(): Tool;
export function webExtractTool(): Tool;
export function ingestedArtifact(collection: string, artifacts?: string[], metadataFilter?: object[]): Artifact;
export function sqlDatabase(connectionString: string, extra?: object): Artifact;
export function textArtifact(value: string): Artifact;
export function uriArtifact(value: string): Artifact;
export function mcpServer(url: string, extra?: Partial<McpServer>): McpServer;
