// Node benchmark: validate(string), validate(object), JSON.parse alone, JSON.parse + ajv (Ajv2020
// compiled from our chat-request schema), on the workloads of shared/bench/gen_workloads.py, in
// one run. Usage: node bench/bench.mjs [WORKLOAD_DIR]  (build first: cargo xtask npm)
import { readFileSync, existsSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv2020 from "ajv/dist/2020.js";
import { validate, schema } from "../dist/index.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));
const dir = process.argv[2] || join(root, "target", "bench-workloads");
if (!existsSync(join(dir, "many-small.jsonl"))) execFileSync("python3", [join(process.env.ZYLON_SHARED || join(root, "..", "shared"), "bench", "gen_workloads.py"), dir]);
const smoke = process.env.ZYLON_BENCH_SMOKE !== undefined;

const ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: false });
const check = ajv.compile(schema("chat-request"));

/** Repetitions that make one batch of `fn` last at least ~40 ms. */
function calibrate(fn) {
  fn(); // warm up
  let reps = 1;
  for (;;) {
    const t = performance.now();
    for (let i = 0; i < reps; i++) fn();
    if (performance.now() - t > 40) return reps;
    reps *= 2;
  }
}

/**
 * Median ms per call of each function. Batches are interleaved (one batch of each function per
 * round) so that a slow spell of a shared machine hits every contender alike and the ratios
 * printed below stay meaningful.
 */
function timeAll(fns, rounds = 11) {
  if (smoke) return fns.map((fn) => (fn(), { median: 0, best: 0 }));
  const reps = fns.map(calibrate);
  const samples = fns.map(() => []);
  for (let r = 0; r < rounds; r++) {
    fns.forEach((fn, i) => {
      const t = performance.now();
      for (let k = 0; k < reps[i]; k++) fn();
      samples[i].push((performance.now() - t) / reps[i]);
    });
  }
  return samples.map((s) => {
    s.sort((a, b) => a - b);
    return { median: s[s.length >> 1], best: s[0] };
  });
}

const row = (...c) => console.log(c.map((x, i) => String(x).padStart(i ? 13 : 18)).join(""));
// Medians of the interleaved rounds, and the ratio of the best rounds too (on a shared machine
// the best round is the least disturbed one of each contender).
row("workload", "str ms", "obj ms", "parse ms", "parse+ajv", "str/ajv", "obj/ajv", "best str/ajv");
for (const name of ["small.json", "chat-1mb.json", "media-8mb.json", "many-small.jsonl"]) {
  const raw = readFileSync(join(dir, name), "utf8");
  const texts = name.endsWith(".jsonl") ? raw.split("\n").filter(Boolean) : [raw];
  const objects = texts.map((t) => JSON.parse(t));
  const [tStr, tObj, tParse, tAjv] = timeAll([
    () => texts.forEach((t) => validate(t)),
    () => objects.forEach((o) => validate(o)),
    () => texts.forEach((t) => JSON.parse(t)),
    () => texts.forEach((t) => check(JSON.parse(t))),
  ]);
  row(
    name,
    tStr.median.toFixed(3),
    tObj.median.toFixed(3),
    tParse.median.toFixed(3),
    tAjv.median.toFixed(3),
    (tStr.median / tAjv.median).toFixed(2),
    (tObj.median / tAjv.median).toFixed(2),
    (tStr.best / tAjv.best).toFixed(2),
  );
}
