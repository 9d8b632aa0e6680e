import { makeApi } from "./api.mjs";

// The API of a browser entry whose WebAssembly module is made ready by `ready()` (which returns
// the API of `makeApi`): each function waits for nothing, it calls `ready()` first.
export function lazyApi(ready) {
  return {
    validate: (...a) => ready().validate(...a),
    isValid: (...a) => ready().isValid(...a),
    fix: (...a) => ready().fix(...a),
    decodeStream: (...a) => ready().decodeStream(...a),
    readStream: (...a) => ready().readStream(...a),
    chatRequest: (...a) => ready().chatRequest(...a),
    StreamAccumulator: class StreamAccumulator {
      constructor() {
        return new (ready().StreamAccumulator)();
      }
    },
  };
}

function bytes(b64) {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

// The zero-config loading of an inlined module (`browser.mjs`, `validate.mjs`): `ready()`
// compiles the base64 bytes `wasm64` synchronously on first use; `init(input)` before that loads
// the module from `input` (a URL, Response, bytes or module) instead.
export function inlined(glue, wasmInit, wasm64) {
  let api;
  function ready() {
    if (!api) {
      glue.initSync({ module: bytes(wasm64) });
      api = makeApi(glue);
    }
    return api;
  }
  async function init(input) {
    if (api) return;
    if (input === undefined) {
      ready();
      return;
    }
    await wasmInit({ module_or_path: input });
    api = makeApi(glue);
  }
  return { ready, init };
}
