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
if (!existsSync(join(dir, "many-small.jsonl"))) execFileSync("python3", [join(root, "..", "shared", "bench", "gen_workloads.py"), dir]);
const smoke = process.env.ZYLON_BENCH_SMOKE !== undefined;

const ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: false });
const check = ajv.compile(schema("chat-request"));

function time(fn) {
  fn(); // warm up
  if (smoke) return 0;
  const samples = [];
  let reps = 1;
  for (;;) {
    const t = performance.now();
    for (let i = 0; i < reps; i++) fn();
    const dt = performance.now() - t;
    if (dt > 50) break;
    reps *= 2;
  }
  for (let s = 0; s < 9; s++) {
    const t = performance.now();
    for (let i = 0; i < reps; i++) fn();
    samples.push((performance.now() - t) / reps);
  }
  samples.sort((a, b) => a - b);
  return samples[4];
}

const row = (...c) => console.log(c.map((x, i) => String(x).padStart(i ? 12 : 18)).join(""));
row("workload", "str ms", "obj ms", "parse ms", "parse+ajv", "str/ajv", "obj/ajv");
for (const name of ["small.json", "chat-1mb.json", "media-8mb.json", "many-small.jsonl"]) {
  const raw = readFileSync(join(dir, name), "utf8");
  const texts = name.endsWith(".jsonl") ? raw.split("\n").filter(Boolean) : [raw];
  const objects = texts.map((t) => JSON.parse(t));
  const tStr = time(() => texts.forEach((t) => validate(t)));
  const tObj = time(() => objects.forEach((o) => validate(o)));
  const tParse = time(() => texts.forEach((t) => JSON.parse(t)));
  const tAjv = time(() => texts.forEach((t) => check(JSON.parse(t))));
  row(name, tStr.toFixed(3), tObj.toFixed(3), tParse.toFixed(3), tAjv.toFixed(3), (tStr / tAjv).toFixed(2), (tObj / tAjv).toFixed(2));
}
