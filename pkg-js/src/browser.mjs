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
import { makeApi } from "./api.mjs";
import { lazyApi } from "./lazy.mjs";

export * from "./api.mjs";
export { schema, schemaNames } from "./schemas-api.mjs";

let api;

function bytes(b64) {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

function ready() {
  if (!api) {
    glue.initSync({ module: bytes(wasm64) });
    api = makeApi(glue);
  }
  return api;
}

/** Optional: load the module from `input` (a URL, Response, bytes or module) before first use. */
export async function init(input) {
  if (api) return;
  if (input === undefined) {
    ready();
    return;
  }
  await wasmInit({ module_or_path: input });
  api = makeApi(glue);
}

export const { validate, fix, decodeStream, readStream, chatRequest, StreamAccumulator } = lazyApi(ready);
