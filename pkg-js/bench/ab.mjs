// A/B comparison of two builds of the package on the benchmark workloads: both loaded in one
// process, batches interleaved, best of 25 rounds (the minimum is the most stable estimate on a
// shared machine). For deciding whether a change to the core or the wasm build pays off.
// Usage: node bench/ab.mjs DIST_A DIST_B [small.json,chat-1mb.json,many-small.jsonl]
//   (copy pkg-js/dist aside after `cargo xtask npm` for each variant)
import { readFileSync, existsSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const [distA, distB, list] = process.argv.slice(2);
if (!distA || !distB) {
  console.error("usage: node bench/ab.mjs DIST_A DIST_B [workload,...]");
  process.exit(2);
}
const A = require(join(resolve(distA), "index.cjs"));
const B = require(join(resolve(distB), "index.cjs"));
const root = fileURLToPath(new URL("../..", import.meta.url));
const dir = join(root, "target", "bench-workloads");
if (!existsSync(join(dir, "many-small.jsonl"))) execFileSync("python3", [join(root, "scripts", "bench", "gen_workloads.py"), dir]);

for (const name of (list || "small.json,chat-1mb.json,many-small.jsonl").split(",")) {
  const raw = readFileSync(join(dir, name), "utf8");
  const texts = name.endsWith(".jsonl") ? raw.split("\n").filter(Boolean) : [raw];
  const run = (z) => {
    for (const t of texts) z.validate(t);
  };
  // Same answers first: a faster build that says something else is not an improvement.
  const differ = texts.filter((t) => JSON.stringify(A.validate(t)) !== JSON.stringify(B.validate(t))).length;
  let reps = 1;
  for (;;) {
    const t = performance.now();
    for (let i = 0; i < reps; i++) run(A);
    if (performance.now() - t > 30) break;
    reps *= 2;
  }
  const best = { A: Infinity, B: Infinity };
  for (let r = 0; r < 25; r++) {
    for (const [k, z] of [["A", A], ["B", B]]) {
      const t = performance.now();
      for (let i = 0; i < reps; i++) run(z);
      best[k] = Math.min(best[k], (performance.now() - t) / reps);
    }
  }
  console.log(`${name.padEnd(18)} A ${best.A.toFixed(3)} ms  B ${best.B.toFixed(3)} ms  B/A ${(best.B / best.A).toFixed(3)}  reports differ: ${differ}`);
}
