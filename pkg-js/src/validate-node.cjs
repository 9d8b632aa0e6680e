// `zylon-schema/validate` in Node, CommonJS: the main entry's `validate`, builders and
// `chatRequest` (see validate-node.mjs).
"use strict";
const z = require("./index.cjs");
const names = [
  "validate", "isValid", "chatRequest", "init", "ValidationError", "text", "image", "audio", "binary", "file", "toolUse",
  "toolResult", "userMessage", "assistantMessage", "systemMessage", "customTool", "semanticSearchTool",
  "tabularAnalysisTool", "databaseQueryTool", "webSearchTool", "webExtractTool", "ingestedArtifact", "sqlDatabase",
  "textArtifact", "uriArtifact", "mcpServer",
];
for (const n of names) exports[n] = z[n];
