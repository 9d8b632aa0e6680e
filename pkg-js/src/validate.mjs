// `zylon-schema/validate`: the browser entry for apps that only check requests. Its inlined
// module is built without `fix` and the stream decoders (about 16 KB gzip smaller; its size is
// checked against a budget by `cargo xtask npm-test`); reports are the same as the main entry's.
// Like `browser.mjs`, it needs no set-up: the module is compiled synchronously on the first
// call, or loaded from a URL by `await init(url)` before it (the package exports the file as
// `zylon-schema/zylon_schema_validate_bg.wasm`).
import wasmInit, * as glue from "./validate-inline-glue.mjs";
import wasm64 from "./validate-wasm-inline.mjs";
import { inlined, lazyApi } from "./lazy.mjs";

export {
  ValidationError, text, image, audio, binary, file, toolUse, toolResult, userMessage, assistantMessage, systemMessage,
  customTool, semanticSearchTool, tabularAnalysisTool, databaseQueryTool, webSearchTool, webExtractTool,
  ingestedArtifact, sqlDatabase, textArtifact, uriArtifact, mcpServer,
} from "./api.mjs";

const entry = inlined(glue, wasmInit, wasm64);

/** Optional: load the module from `input` (a URL, Response, bytes or module) before first use. */
export const init = entry.init;

export const { validate, isValid, chatRequest } = lazyApi(entry.ready);
