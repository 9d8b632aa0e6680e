// `zylon-schema/validate` in Node: the main entry's `validate`, builders and `chatRequest` (Node
// reads the module from disk, so there is nothing to save by a smaller one; the browser file,
// `validate.mjs`, is the one with its own module).
export {
  validate, isValid, chatRequest, init, ValidationError, text, image, audio, binary, file, toolUse, toolResult, userMessage,
  assistantMessage, systemMessage, customTool, semanticSearchTool, tabularAnalysisTool, databaseQueryTool,
  webSearchTool, webExtractTool, ingestedArtifact, sqlDatabase, textArtifact, uriArtifact, mcpServer,
} from "./index.mjs";
