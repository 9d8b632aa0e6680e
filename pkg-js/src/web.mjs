// Browsers and bundlers: call `await init()` once (it fetches the .wasm next to this file, or
// takes a URL, a Response, bytes or a compiled module), then use the API.
import wasmInit, * as glue from "./web/zylon_schema_wasm.js";
import schemas from "./schemas.mjs";
import { makeApi } from "./api.mjs";

export * from "./api.mjs";

let api;
function ready() {
  if (!api) throw new Error("zylon-schema: call `await init()` before using the API");
  return api;
}

export async function init(input) {
  if (!api) {
    await wasmInit(input === undefined ? undefined : { module_or_path: input });
    api = makeApi(glue, schemas);
  }
}

export const validate = (...a) => ready().validate(...a);
export const fix = (...a) => ready().fix(...a);
export const decodeStream = (...a) => ready().decodeStream(...a);
export const readStream = (...a) => ready().readStream(...a);
export const chatRequest = (...a) => ready().chatRequest(...a);
export const schema = (...a) => ready().schema(...a);
export const schemaNames = Object.keys(schemas);
export class StreamAccumulator {
  constructor() {
    return new (ready().StreamAccumulator)();
  }
}
