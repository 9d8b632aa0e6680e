// `zylon-schema/validate`: `validate`, `chatRequest`, `init` and the builders of the main entry
// (no `fix`, no stream decoders: their code is not in this entry's module).
export type {
  ChatRequest, CreateInteractionDto, ProjectChatDto, CreateThreadDto, UpdateThreadDto, InteractionDto, MessageOutput,
  MessageOutputEvent, Report, Issue, ContentBlock, MessageInput, Tool, Artifact, McpServer, ToolChoice,
  TextBlock, ImageBlock, AudioBlock, BinaryBlock, FileBlock, ToolUseBlock, ToolResultBlock,
  Kind, KindChoice, Profile, Endpoint, ValidateOptions, ChatRequestBuilder,
} from "./index.js";
export {
  validate, isValid, chatRequest, init, ValidationError, text, image, audio, binary, file, toolUse, toolResult, userMessage,
  assistantMessage, systemMessage, customTool, semanticSearchTool, tabularAnalysisTool, databaseQueryTool,
  webSearchTool, webExtractTool, ingestedArtifact, sqlDatabase, textArtifact, uriArtifact, mcpServer,
} from "./index.js";
