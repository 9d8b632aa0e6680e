// Chromium benchmark: the Node benchmark's contenders and workloads (bench.mjs) in headless
// Chromium, where the browser entries run: validate(string), validate(object) and
// validate(Uint8Array) (`bytes`) of `zylon-schema/web`, validate(string) of
// `zylon-schema/validate` (`lean`), JSON.parse alone, and
// JSON.parse + ajv (Ajv2020 compiled from our chat-request schema, as standalone code: the page
// loads no bundler output). The page times itself with the Node benchmark's code (timing.mjs);
// this script serves pkg-js, the workloads and the ajv code from 127.0.0.1 and prints the rows.
//
// Usage: node bench/browser.mjs [WORKLOAD_DIR]  (build first: cargo xtask npm; needs
// /usr/bin/chromium). ZYLON_BENCH_SMOKE=1 calls each contender once and times nothing (CI).
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import standalone from "ajv/dist/standalone/index.js";
import ucs2length from "ajv/dist/runtime/ucs2length.js";
import { schema } from "../dist/index.mjs";
import { serve, launch, pkg } from "../test/harness.mjs";

const root = join(pkg, "..");
const dir = process.argv[2] || join(root, "target", "bench-workloads");
if (!existsSync(join(dir, "many-small.jsonl"))) execFileSync("python3", [join(root, "scripts", "bench", "gen_workloads.py"), dir]);
const smoke = process.env.ZYLON_BENCH_SMOKE !== undefined;

// ajv's validator as an ES module. Its code requires one runtime helper, ajv's `ucs2length`
// (string lengths in code points); the page has no `require`, so ajv's own function is put in
// its place. Any other `require` fails here rather than in the page.
const ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: false, code: { source: true, esm: true } });
const generate = standalone.default ?? standalone;
let code = generate(ajv, ajv.compile(schema("chat-request")));
code = code.replaceAll('require("ajv/dist/runtime/ucs2length").default', `(${ucs2length.default.toString()})`);
const left = code.match(/require\([^)]*\)/);
if (left) throw new Error(`ajv's standalone code requires ${left[0]}: inline it as ucs2length is`);
const ajvFile = join(mkdtempSync(join(tmpdir(), "zylon-bench-")), "ajv-check.mjs");
writeFileSync(ajvFile, code);

const files = { "/ajv-check.mjs": ajvFile, "/bench.html": join(pkg, "bench", "browser.html") };
for (const name of ["small.json", "chat-1mb.json", "media-8mb.json", "many-small.jsonl"]) files[`/w/${name}`] = join(dir, name);
const server = await serve(files);
const browser = await launch();
let rows;
try {
  const page = await browser.newPage();
  page.on("pageerror", (e) => console.error("page error:", e.message));
  await page.goto(`http://127.0.0.1:${server.port}/bench.html${smoke ? "?smoke" : ""}`);
  await page.waitForFunction(() => window.__bench !== undefined, null, { timeout: 20 * 60_000 });
  const result = await page.evaluate(() => window.__bench);
  if (result.error) throw new Error(`the page failed: ${result.error}`);
  rows = result.rows;
  const version = await page.evaluate(() => navigator.userAgent.match(/Chrome\/[\d.]+/)?.[0] ?? navigator.userAgent);
  console.log(`Chromium benchmark (${version})`);
} finally {
  await browser.close();
  server.close();
}

const row = (...c) => console.log(c.map((x, i) => String(x).padStart(i ? 13 : 18)).join(""));
const ratio = (x) => (smoke ? "-" : x.toFixed(2));
row("workload", "valid", "str ms", "obj ms", "bytes ms", "parse ms", "parse+ajv", "str/ajv", "obj/ajv", "bytes/ajv", "best str/ajv", "lean/ajv");
for (const r of rows) {
  const ms = (x) => x.toFixed(3);
  row(r.name, r.valid, ms(r.str), ms(r.obj), ms(r.bytes), ms(r.parse), ms(r.ajv), ratio(r.strAjv), ratio(r.objAjv), ratio(r.bytesAjv), ratio(r.bestStrAjv), ratio(r.leanAjv));
}
if (rows.length !== 4) throw new Error(`expected 4 workloads, got ${rows.length}`);
