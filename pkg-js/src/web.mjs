// `zylon-schema/web`: the browser entry without the inlined module, for apps that load the
// `.wasm` themselves (a CDN, a CSP without inline bytes): call `await init(input)` once (a URL, a
// Response, bytes or a compiled module; without one it fetches the `.wasm` next to this file,
// which needs a bundler that emits `new URL(..., import.meta.url)` assets), then use the API.
// The package exports the file as `zylon-schema/zylon_schema_wasm_bg.wasm`.
import wasmInit, * as glue from "./web/zylon_schema_wasm.js";
import { makeApi } from "./api.mjs";
import { lazyApi } from "./lazy.mjs";

export * from "./api.mjs";
export { schema, schemaNames } from "./schemas-api.mjs";

let api;
function ready() {
  if (!api) throw new Error("zylon-schema: call `await init()` before using the API");
  return api;
}

export async function init(input) {
  if (!api) {
    await wasmInit(input === undefined ? undefined : { module_or_path: input });
    api = makeApi(glue);
  }
}

export const { validate, isValid, fix, decodeStream, readStream, chatRequest, StreamAccumulator } = lazyApi(ready);
