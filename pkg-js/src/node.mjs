// Node, ES modules: the CommonJS build loaded through createRequire (one copy of the module).
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const api = require("./index.cjs");

export const {
  validate, isValid, fix, decodeStream, StreamAccumulator, readStream, chatRequest, schema, schemaNames, ValidationError,
  text, image, audio, binary, file, toolUse, toolResult, userMessage, assistantMessage, systemMessage, customTool,
  semanticSearchTool, tabularAnalysisTool, databaseQueryTool, webSearchTool, webExtractTool, ingestedArtifact,
  sqlDatabase, textArtifact, uriArtifact, mcpServer, init,
} = api;
export default api;
