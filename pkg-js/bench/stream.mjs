// Stream decoding throughput in the WebAssembly build (Node): the ~10 MB synthetic stream that
// `cargo bench -p zylon-schema --bench stream` writes to target/stream-10mb.sse.
import { readFileSync } from "node:fs";
import { decodeStream, StreamAccumulator } from "../dist/index.mjs";

const bytes = readFileSync(process.argv[2] || new URL("../../target/stream-10mb.sse", import.meta.url));
const runs = process.env.ZYLON_BENCH_SMOKE ? 1 : 7;
const times = [];
for (let i = 0; i < runs; i++) {
  const t = performance.now();
  const r = decodeStream(bytes);
  times.push(performance.now() - t);
  if (r.issues.length) throw new Error(JSON.stringify(r.issues.slice(0, 3)));
}
times.sort((a, b) => a - b);
const t = times[times.length >> 1];
console.log(`wasm decodeStream: ${bytes.length} bytes in ${t.toFixed(1)} ms = ${(bytes.length / t / 1e3).toFixed(0)} MB/s`);
const acc = new StreamAccumulator();
const t0 = performance.now();
for (let i = 0; i < bytes.length; i += 16384) acc.push(bytes.subarray(i, i + 16384));
acc.finish();
const t1 = performance.now() - t0;
console.log(`wasm StreamAccumulator (16 KiB chunks, events returned): ${(bytes.length / t1 / 1e3).toFixed(0)} MB/s`);
