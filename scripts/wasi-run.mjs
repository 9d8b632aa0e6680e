// Cargo's runner for wasm32-wasip1 test binaries (.cargo/config.toml): runs the module under
// Node's WASI with the arguments cargo passes, so that `cargo test --target wasm32-wasip1`
// runs a crate's tests — the SIMD128 code paths of zylon-scan among them — in the engine the
// npm package runs in. Exits with the module's exit code.
import { readFile } from "node:fs/promises";
import { WASI } from "node:wasi";
import { argv, env, exit } from "node:process";

const [, , wasmPath, ...args] = argv;
const wasi = new WASI({
  version: "preview1",
  args: [wasmPath, ...args],
  env: { ...env, RUST_BACKTRACE: "0" },
  preopens: {},
  returnOnExit: true,
});
const module = await WebAssembly.compile(await readFile(wasmPath));
const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
exit(wasi.start(instance));
