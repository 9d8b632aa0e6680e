// Cargo's runner for wasm32-wasip1 test binaries (.cargo/config.toml): runs the module under
// Node's WASI with the arguments cargo passes, so that `cargo test --target wasm32-wasip1`
// runs a crate's tests — the SIMD128 code paths of zylon-scan among them — in the engine the
// npm package runs in. Exits with the module's exit code.
//
// The module is compiled synchronously and the process ends by draining its event loop
// (`process.exitCode`) rather than by `process.exit()`: an asynchronous
// `WebAssembly.compile` leaves background tier-up tasks that post back to the main thread,
// and Node 20 can crash in that hand-off when `exit()` tears the isolate down under it
// (nodejs/node#56236). One CI run ended in a SIGSEGV after every test had passed.
import { readFileSync } from "node:fs";
import { WASI } from "node:wasi";
import process, { argv, env } from "node:process";

const [, , wasmPath, ...args] = argv;
const wasi = new WASI({
  version: "preview1",
  args: [wasmPath, ...args],
  env: { ...env, RUST_BACKTRACE: "0" },
  preopens: {},
  returnOnExit: true,
});
const module = new WebAssembly.Module(readFileSync(wasmPath));
const instance = new WebAssembly.Instance(module, wasi.getImportObject());
process.exitCode = wasi.start(instance);
