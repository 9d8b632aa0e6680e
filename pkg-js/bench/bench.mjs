// Node benchmark: validate(string), validate(object), JSON.parse alone, JSON.parse + ajv (Ajv2020
// compiled from our chat-request schema), and validate(string) of `zylon-schema/validate` (`lean`),
// on the workloads of scripts/bench/gen_workloads.py, in
// one run. Usage: node bench/bench.mjs [WORKLOAD_DIR]  (build first: cargo xtask npm)
import { readFileSync, existsSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv2020 from "ajv/dist/2020.js";
import { validate, isValid, schema, readStream } from "../dist/index.mjs";
// The validate-only module of `zylon-schema/validate`, behind the same wrapper and host path as
// the Node entry (UTF-16 written with a Buffer), so that `lean/ajv` compares the modules alone.
import * as leanGlue from "../dist/validate-inline-glue.mjs";
import { makeApi } from "../dist/api.mjs";
import { timeAll as time, median, best, paired as pairedWith } from "./timing.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));
const dir = process.argv[2] || join(root, "target", "bench-workloads");
for (const [made, script] of [["many-small.jsonl", "gen_workloads.py"], ["many-issues.json", "gen_many_issues.py"]]) {
  if (!existsSync(join(dir, made))) execFileSync("python3", [join(root, "scripts", "bench", script), dir]);
}
const smoke = process.env.ZYLON_BENCH_SMOKE !== undefined;
const timeAll = (fns, rounds) => time(fns, rounds, smoke);

leanGlue.initSync({ module: readFileSync(new URL("../dist/validate/zylon_schema_validate_bg.wasm", import.meta.url)) });
let leanView;
const { validate: validateLean } = makeApi(leanGlue, {}, {
  writeUtf16(text, buffer, offset) {
    if (leanView === undefined || leanView.buffer !== buffer) leanView = Buffer.from(buffer);
    return leanView.write(text, offset, 2 * text.length, "utf16le");
  },
});

const ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: false });
const check = ajv.compile(schema("chat-request"));

const row = (...c) => console.log(c.map((x, i) => String(x).padStart(i ? 13 : 18)).join(""));
// Times are medians of the rounds. Ratios: `str/ajv` is the median of the per-round ratios (the
// two batches run back to back in each round, so a slow spell of the shared machine affects
// both: the most stable estimate here); `best str/ajv` the ratio of the best rounds.
row("workload", "str ms", "obj ms", "parse ms", "parse+ajv", "str/ajv", "obj/ajv", "best str/ajv", "lean/ajv");
for (const name of ["small.json", "chat-1mb.json", "media-8mb.json", "many-small.jsonl"]) {
  const raw = readFileSync(join(dir, name), "utf8");
  const texts = name.endsWith(".jsonl") ? raw.split("\n").filter(Boolean) : [raw];
  const objects = texts.map((t) => JSON.parse(t));
  const [sStr, sAjv, sObj, sParse, sLean] = timeAll(
    [
      () => texts.forEach((t) => validate(t)),
      () => texts.forEach((t) => check(JSON.parse(t))),
      () => objects.forEach((o) => validate(o)),
      () => texts.forEach((t) => JSON.parse(t)),
      () => texts.forEach((t) => validateLean(t)),
    ],
    21,
  );
  const paired = (xs) => pairedWith(xs, sAjv);
  // A smoke run (CI) calls each contender once and times nothing.
  const ratio = (x) => (smoke ? "-" : x.toFixed(2));
  row(
    name,
    median(sStr).toFixed(3),
    median(sObj).toFixed(3),
    median(sParse).toFixed(3),
    median(sAjv).toFixed(3),
    ratio(paired(sStr)),
    ratio(paired(sObj)),
    ratio(best(sStr) / best(sAjv)),
    ratio(paired(sLean)),
  );
}

// Reporting: `many-issues` of scripts/bench/gen_many_issues.py (chat-1mb with an unknown key in
// every message and a number for every text; the Rust bench reads the same file), against ajv
// collecting every error (`allErrors`).
{
  const text = readFileSync(join(dir, "many-issues.json"), "utf8");
  const checkAll = new Ajv2020({ strict: false, allErrors: true, validateFormats: false }).compile(schema("chat-request"));
  const report = validate(text);
  checkAll(JSON.parse(text));
  const issues = report.errors.length + report.warnings.length;
  const ajvErrors = checkAll.errors?.length ?? 0;
  if (issues < 1000 || ajvErrors === 0) throw new Error(`many-issues: ${issues} issues, ${ajvErrors} ajv errors`);
  const [sStr, sAll] = timeAll([() => validate(text), () => checkAll(JSON.parse(text))], 21);
  row("workload", "issues", "str ms", "ajv all ms", "ajv errors", "str/ajv");
  row("many-issues", issues, median(sStr).toFixed(3), median(sAll).toFixed(3), ajvErrors,
    smoke ? "-" : pairedWith(sStr, sAll).toFixed(2));
  // The verdict alone: isValid (the core stops at the first error that decides) against ajv
  // stopping at its first error, both given the JSON text.
  if (isValid(text) !== false || check(JSON.parse(text)) !== false) throw new Error("many-issues: a verdict says valid");
  const [sGate, sAjvGate] = timeAll([() => isValid(text), () => check(JSON.parse(text))], 21);
  row("workload", "", "isValid ms", "ajv ms", "", "isValid/ajv");
  row("many-issues", "", median(sGate).toFixed(3), median(sAjvGate).toFixed(3), "",
    smoke ? "-" : pairedWith(sGate, sAjvGate).toFixed(2));
}

// readStream over streams of 2,500 to 10,000 text deltas (one event per chunk, the events used,
// as a UI loop does): time per event stays flat when the cost is linear in the stream.
function sse(n) {
  let s = 'data: {"type":"message_start","message":{"id":"m","content":[]}}\n\n' +
    'data: {"type":"content_block_start","block_id":"b","content_block":{"type":"text","text":""}}\n\n';
  for (let i = 0; i < n; i++) s += `data: {"type":"content_block_delta","block_id":"b","delta":{"type":"text_delta","text":"word ${i} "}}\n\n`;
  return s + 'data: {"type":"content_block_stop","block_id":"b"}\n\ndata: {"type":"message_stop"}\n\n';
}
async function consume(text) {
  const enc = new TextEncoder();
  const chunks = text.split("\n\n").map((c) => enc.encode(c + "\n\n"));
  let i = 0;
  const readable = new ReadableStream({ pull: (c) => (i < chunks.length ? c.enqueue(chunks[i++]) : c.close()) });
  let events = 0;
  let last;
  for await (const step of readStream(readable)) {
    events += step.events.length;
    last = step;
  }
  return [events, last.message.content[0].text.length];
}
row("readStream", "events", "ms", "µs/event");
for (const n of smoke ? [100] : [2500, 5000, 10000]) {
  const text = sse(n);
  const t0 = performance.now();
  const [events, chars] = await consume(text);
  const ms = performance.now() - t0;
  if (events < n || chars === 0) throw new Error(`readStream lost events: ${events} of ${n}`);
  row(`${n} deltas`, events, ms.toFixed(1), ((ms * 1000) / events).toFixed(1));
}
