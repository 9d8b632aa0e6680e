// Browsers, workers and bundlers, with nothing to set up: the WebAssembly module is inlined
// (base64, `wasm-inline.mjs`) and compiled synchronously on the first call, so
// `import { validate } from "zylon-schema"; validate(body)` works as written in Vite, webpack,
// esbuild, Rollup or a plain `<script type="module">`: no top-level await, no asset handling,
// no plugin. `await init(url)` before the first call loads the `.wasm` from a URL instead (for a
// CDN, or a CSP without `wasm-unsafe-eval` for inline bytes); `zylon-schema/web` is that entry
// without the inlined bytes.
// `inline-glue.mjs` is the web binding without its default `.wasm` URL (see xtask/src/npm.rs).
import wasmInit, * as glue from "./inline-glue.mjs";
import wasm64 from "./wasm-inline.mjs";
import { inlined, lazyApi } from "./lazy.mjs";

export * from "./api.mjs";
export { schema, schemaNames } from "./schemas-api.mjs";

const entry = inlined(glue, wasmInit, wasm64);

/** Optional: load the module from `input` (a URL, Response, bytes or module) before first use. */
export const init = entry.init;

export const { validate, isValid, fix, decodeStream, readStream, chatRequest, StreamAccumulator } = lazyApi(entry.ready);
