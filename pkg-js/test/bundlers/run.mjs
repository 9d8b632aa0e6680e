// End-to-end test of the packed npm tarball in fresh apps built by real bundlers with their
// DEFAULT configuration (no config file, no plugin, no init call), opened in headless Chromium.
//
//   cd pkg-js && npm pack --pack-destination /tmp/zs-pack
//   node test/bundlers/run.mjs /tmp/zs-pack/zylon-schema-0.1.0.tgz
//
// Per bundler: a temp app under os.tmpdir() whose package.json has the pinned bundler and
// `"zylon-schema": "file:<tarball>"`, `npm install`, the bundler's default CLI build, dist/ served
// from 127.0.0.1, and these checks in Chromium: the README snippet (snippet.mjs, verbatim) runs
// and logs `true []`; validate(<the snippet's body>) is valid; validate(<text: 42>) is invalid
// with `block.text.fields` at /messages/0/content/0/text (what the package returns in Node:
// the specific text-block code, not the generic `field.type`); both reports equal the ones the
// package's Node entry gives; no console errors, page errors, failed requests or 404s; Vite also
// validates in a module worker. Prints TAP-style lines, dist/ sizes (raw and gzip -9 per file)
// and the time from navigation to `done`; exits 1 on any failure.
//
// `webpack-validate` and `esbuild-validate` are the same apps importing `zylon-schema/validate`
// (the snippet with that import): the same checks, and no trace of the full module in dist/.
//
// Environment: ZYLON_BUNDLERS=vite,webpack,esbuild,webpack-validate,esbuild-validate (subset,
// default all), ZYLON_KEEP=1 (keep the
// temp apps; apps of failing bundlers are always kept and their path printed).
import { spawn } from "node:child_process";
import { createServer } from "node:http";
import { existsSync, openSync, closeSync, readFileSync, writeFileSync, mkdirSync, readdirSync, statSync, rmSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve, extname, normalize, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual } from "node:util";
import { gzipSync } from "node:zlib";
import { launch } from "../harness.mjs";

// Exact versions, looked up once with `npm view <pkg> version` and hard-coded so runs are
// reproducible. webpack-cli 7.x exists (7.3.1); the brief asks for 5/6, so the last 6.x.
const PINS = {
  vite: { vite: "8.4.0" },
  webpack: { webpack: "5.113.0", "webpack-cli": "6.0.1" },
  esbuild: { esbuild: "0.28.2" },
};
// Apps that import `zylon-schema/validate` (the validate-only module), built the same way.
PINS["webpack-validate"] = PINS.webpack;
PINS["esbuild-validate"] = PINS.esbuild;
const VALIDATE_ENTRY = "zylon-schema/validate";
// Only the full module's binding has this name: a validate-only app must not contain it.
const FULL_MODULE_MARK = "streamaccumulator_free";
const EXPECTED_ERROR = { code: "block.text.fields", path: "/messages/0/content/0/text" };
const INVALID_BODY = { messages: [{ role: "user", content: [{ type: "text", text: 42 }] }] };
const PAGE_TIMEOUT = 30_000;
const WORKER_TIMEOUT = 20_000;
const INSTALL_TIMEOUT = 15 * 60_000;
const BUILD_TIMEOUT = 5 * 60_000;

const here = fileURLToPath(new URL(".", import.meta.url));
const tarballArg = process.argv[2];
if (!tarballArg || !tarballArg.endsWith(".tgz")) {
  console.error("usage: node test/bundlers/run.mjs <path-to-zylon-schema-x.y.z.tgz>");
  process.exit(2);
}
const tarball = resolve(tarballArg);
if (!existsSync(tarball)) {
  console.error(`no such tarball: ${tarball}`);
  process.exit(2);
}
const selected = (process.env.ZYLON_BUNDLERS || "vite,webpack,esbuild,webpack-validate,esbuild-validate").split(",").map((s) => s.trim()).filter(Boolean);
for (const b of selected) if (!PINS[b]) (console.error(`unknown bundler ${b}`), process.exit(2));
const keepAll = process.env.ZYLON_KEEP === "1";

// --- the snippet: verbatim file, plus its request body extracted for the harness -----------------
const snippet = readFileSync(join(here, "snippet.mjs"), "utf8");
const bodySrc = /validate\((\{[\s\S]*\})\);/.exec(snippet)?.[1];
if (!bodySrc) throw new Error("harness: cannot find the validate({...}) body in snippet.mjs");
const VALID_BODY = new Function(`return (${bodySrc});`)();

// --- app sources ----------------------------------------------------------------------------------
function mainJs({ worker, from = "zylon-schema" }) {
  return `// The README snippet runs first, verbatim (./snippet.js); then the harness validates the
// snippet's body and an invalid body with the same import and exposes the reports.
import "./snippet.js";
import { validate, isValid } from "${from}";

const validBody = ${JSON.stringify(VALID_BODY)};
const invalidBody = ${JSON.stringify(INVALID_BODY)};
${
  worker
    ? `
function inWorker() {
  return new Promise((resolve) => {
    let worker;
    const timer = setTimeout(() => resolve({ error: "worker did not answer within ${WORKER_TIMEOUT / 1000} s" }), ${WORKER_TIMEOUT});
    try {
      worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
    } catch (e) {
      clearTimeout(timer);
      return resolve({ error: "new Worker threw: " + String((e && e.stack) || e) });
    }
    worker.onmessage = (e) => { clearTimeout(timer); worker.terminate(); resolve(e.data); };
    worker.onerror = (e) => { clearTimeout(timer); resolve({ error: "worker error event: " + (e.message || "(no message: the worker script failed to load or evaluate)") }); };
    worker.onmessageerror = () => { clearTimeout(timer); resolve({ error: "worker messageerror" }); };
    worker.postMessage({ valid: validBody, invalid: invalidBody });
  });
}
`
    : ""
}
async function main() {
  const result = {};
  try {
    result.valid = validate(validBody);
    result.invalid = validate(invalidBody);
    // the verdict fast path, on an object and on JSON text
    result.gate = [isValid(validBody), isValid(JSON.stringify(invalidBody))];
  } catch (e) {
    result.error = String((e && e.stack) || e);
  }
${worker ? "  result.worker = await inWorker();\n" : ""}  result.ms = performance.now();
  window.__result = JSON.parse(JSON.stringify(result));
  document.title = "done";
}
main();
`;
}

const WORKER_JS = `import { validate } from "zylon-schema";

self.onmessage = (e) => {
  try {
    self.postMessage({ valid: validate(e.data.valid), invalid: validate(e.data.invalid) });
  } catch (err) {
    self.postMessage({ error: "validate threw in the worker: " + String((err && err.stack) || err) });
  }
};
`;

const html = (script) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <link rel="icon" href="data:," />
    <title>zylon-schema bundler test</title>
    ${script}
  </head>
  <body></body>
</html>
`;

const APPS = {
  vite: {
    type: "module", // as `npm create vite` writes it
    files: (dir) => {
      writeFileSync(join(dir, "index.html"), html('<script type="module" src="/main.js"></script>'));
      writeFileSync(join(dir, "main.js"), mainJs({ worker: true }));
      writeFileSync(join(dir, "worker.js"), WORKER_JS);
      writeFileSync(join(dir, "snippet.js"), snippet);
    },
    build: ["npx", "vite", "build"],
    after: () => {},
  },
  webpack: {
    files: (dir) => {
      mkdirSync(join(dir, "src"));
      writeFileSync(join(dir, "src/index.js"), mainJs({ worker: false }));
      writeFileSync(join(dir, "src/snippet.js"), snippet);
    },
    build: ["npx", "webpack", "--mode", "production"],
    // html-webpack-plugin's default tag
    after: (dir) => writeFileSync(join(dir, "dist/index.html"), html('<script defer src="main.js"></script>')),
  },
  esbuild: {
    files: (dir) => {
      mkdirSync(join(dir, "src"));
      writeFileSync(join(dir, "src/index.js"), mainJs({ worker: false }));
      writeFileSync(join(dir, "src/snippet.js"), snippet);
    },
    build: ["npx", "esbuild", "src/index.js", "--bundle", "--outfile=dist/main.js"],
    // esbuild's default format for a browser bundle is an IIFE: a classic script
    after: (dir) => writeFileSync(join(dir, "dist/index.html"), html('<script defer src="main.js"></script>')),
  },};
// The snippet importing the validate-only entry.
const validateSnippet = snippet.replaceAll('from "zylon-schema"', `from "${VALIDATE_ENTRY}"`);
if (validateSnippet === snippet) throw new Error('harness: the snippet has no `from "zylon-schema"` import');
for (const base of ["webpack", "esbuild"]) {
  APPS[`${base}-validate`] = {
    ...APPS[base],
    from: VALIDATE_ENTRY,
    files: (dir) => {
      mkdirSync(join(dir, "src"));
      writeFileSync(join(dir, "src/index.js"), mainJs({ worker: false, from: VALIDATE_ENTRY }));
      writeFileSync(join(dir, "src/snippet.js"), validateSnippet);
    },
  };
}

// --- helpers ----------------------------------------------------------------------------------------
function run(cmd, args, { cwd, log, timeout }) {
  return new Promise((res) => {
    const fd = openSync(log, "a");
    const env = { ...process.env, CI: "1", NO_COLOR: "1", FORCE_COLOR: "0", npm_config_update_notifier: "false" };
    const child = spawn(cmd, args, { cwd, env, stdio: ["ignore", fd, fd] });
    const timer = setTimeout(() => child.kill("SIGKILL"), timeout);
    child.on("error", (e) => (clearTimeout(timer), closeSync(fd), res({ code: -1, error: e.message })));
    child.on("close", (code, signal) => (clearTimeout(timer), closeSync(fd), res({ code, signal })));
  });
}
const tail = (file, n = 40) => (existsSync(file) ? readFileSync(file, "utf8").trimEnd().split("\n").slice(-n) : ["(no log)"]);
const indent = (lines) => lines.map((l) => `#   ${l}`).join("\n");

function walk(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    statSync(p).isDirectory() ? out.push(...walk(p)) : out.push(p);
  }
  return out.sort();
}
function sizes(dist) {
  const files = walk(dist).map((p) => {
    const buf = readFileSync(p);
    return { file: relative(dist, p).split(sep).join("/"), bytes: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
  });
  return { files, bytes: files.reduce((a, f) => a + f.bytes, 0), gzip: files.reduce((a, f) => a + f.gzip, 0) };
}
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;

const TYPES = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8", ".json": "application/json", ".map": "application/json", ".wasm": "application/wasm",
  ".svg": "image/svg+xml", ".png": "image/png", ".ico": "image/x-icon", ".txt": "text/plain; charset=utf-8",
};
async function serveDir(root) {
  const notFound = [];
  const server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url, "http://127.0.0.1").pathname);
    const file = normalize(join(root, pathname.endsWith("/") ? pathname + "index.html" : pathname));
    if (!file.startsWith(root)) return res.writeHead(403).end();
    let body;
    try {
      body = readFileSync(file);
    } catch {
      notFound.push(pathname);
      console.log(`#   server: 404 ${req.method} ${pathname}`);
      return res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] || "application/octet-stream", "cache-control": "no-store" }).end(body);
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  // closeAllConnections: Chromium keeps keep-alive and preconnect sockets open, which would hold
  // server.close() for minutes.
  return { port: server.address().port, notFound, close: () => new Promise((r) => (server.close(r), server.closeAllConnections())) };
}

function checkReports(r, gate) {
  const out = [];
  const v = r?.valid;
  out.push([
    v?.valid === true && Array.isArray(v.errors) && v.errors.length === 0,
    `valid body (the snippet's) -> valid: true, no errors`,
    () => (r ? `got ${JSON.stringify(v)}` : "no result: page not done"),
  ]);
  const iv = r?.invalid;
  const hit = iv?.errors?.find?.((e) => e.code === EXPECTED_ERROR.code && e.path === EXPECTED_ERROR.path);
  out.push([
    iv?.valid === false && !!hit,
    `invalid body (text: 42) -> valid: false with ${EXPECTED_ERROR.code} at ${EXPECTED_ERROR.path}`,
    () => (r ? `got ${JSON.stringify(iv && { valid: iv.valid, errors: iv.errors })}` : "no result: page not done"),
  ]);
  if (gate) {
    out.push([
      isDeepStrictEqual(r?.gate, [true, false]),
      `isValid: the valid body true, the invalid one (as JSON text) false`,
      () => `got ${JSON.stringify(r?.gate)}`,
    ]);
  }
  return out;
}

// --- one bundler ------------------------------------------------------------------------------------
async function prepare(name) {
  const dir = mkdtempSync(join(tmpdir(), `zylon-bundler-${name}-`));
  const app = APPS[name];
  const pkgJson = {
    name: `zylon-bundler-${name}`,
    private: true,
    version: "0.0.0",
    ...(app.type ? { type: app.type } : {}),
    scripts: { build: app.build.slice(1).join(" ") },
    dependencies: { "zylon-schema": `file:${tarball}` },
    devDependencies: PINS[name],
  };
  writeFileSync(join(dir, "package.json"), JSON.stringify(pkgJson, null, 2) + "\n");
  app.files(dir);
  const installLog = join(dir, "npm-install.log");
  const buildLog = join(dir, "build.log");
  const t0 = Date.now();
  const inst = await run("npm", ["install", "--no-audit", "--no-fund"], { cwd: dir, log: installLog, timeout: INSTALL_TIMEOUT });
  const installMs = Date.now() - t0;
  if (inst.code !== 0) return { name, dir, installLog, buildLog, install: inst, installMs };
  const t1 = Date.now();
  const build = await run(app.build[0], app.build.slice(1), { cwd: dir, log: buildLog, timeout: BUILD_TIMEOUT });
  const buildMs = Date.now() - t1;
  if (build.code === 0 && existsSync(join(dir, "dist"))) app.after(dir);
  return { name, dir, installLog, buildLog, install: inst, installMs, build, buildMs };
}

async function nodeReference(dir) {
  // The package's Node entry, from the same installed tarball: what the browser reports must equal.
  const log = join(dir, "node-reference.json");
  const code = `import { validate } from "zylon-schema";
import { writeFileSync } from "node:fs";
writeFileSync(${JSON.stringify(log)}, JSON.stringify({ valid: validate(${JSON.stringify(VALID_BODY)}), invalid: validate(${JSON.stringify(INVALID_BODY)}) }));`;
  const r = await run(process.execPath, ["--input-type=module", "-e", code], { cwd: dir, log: join(dir, "node-reference.log"), timeout: 60_000 });
  if (r.code !== 0) return { error: tail(join(dir, "node-reference.log"), 10).join("\n") };
  return JSON.parse(readFileSync(log, "utf8"));
}

async function check(prep, browser, reference) {
  const { name } = prep;
  const results = [];
  const ok = (pass, what, detail) => {
    results.push(pass);
    console.log(`${pass ? "ok" : "not ok"} - ${name}: ${what}${pass || !detail ? "" : ` (${typeof detail === "function" ? detail() : detail})`}`);
  };
  const v = Object.entries(PINS[name]).map(([p, ver]) => `${p}@${ver}`).join(", ");
  console.log(`# ${name}: app ${prep.dir} (${v}, zylon-schema from ${tarball})`);

  ok(prep.install.code === 0, `npm install (${(prep.installMs / 1000).toFixed(1)} s)`, `exit ${prep.install.code}${prep.install.signal ? ` ${prep.install.signal}` : ""}${prep.install.error ? ` ${prep.install.error}` : ""}`);
  if (prep.install.code !== 0) {
    console.log(`# ${name}: tail of ${prep.installLog}:\n${indent(tail(prep.installLog))}`);
    return { name, pass: false, dir: prep.dir };
  }
  const cmd = APPS[name].build.join(" ");
  const dist = join(prep.dir, "dist");
  const built = prep.build.code === 0 && existsSync(dist);
  ok(built, `\`${cmd}\` (${(prep.buildMs / 1000).toFixed(1)} s)`, prep.build.code === 0 ? "no dist/ produced" : `exit ${prep.build.code}${prep.build.signal ? ` ${prep.build.signal}` : ""}`);
  if (!built) {
    console.log(`# ${name}: tail of ${prep.buildLog}:\n${indent(tail(prep.buildLog))}`);
    return { name, pass: false, dir: prep.dir };
  }

  const sz = sizes(dist);
  console.log(`# ${name}: dist/ ${sz.files.length} files, ${sz.bytes} bytes (${kb(sz.bytes)}), gzip -9 ${sz.gzip} bytes (${kb(sz.gzip)})`);
  for (const f of sz.files) console.log(`#   ${f.file.padEnd(48)} ${String(f.bytes).padStart(9)} B  gzip ${String(f.gzip).padStart(8)} B`);
  if (!sz.files.some((f) => f.file.endsWith(".wasm"))) console.log(`# ${name}: note: no .wasm file in dist/`);
  if (APPS[name].from === VALIDATE_ENTRY) {
    const full = sz.files.filter((f) => readFileSync(join(dist, f.file), "latin1").includes(FULL_MODULE_MARK));
    ok(full.length === 0, `dist/ holds the validate-only module, not the full one (gzip ${kb(sz.gzip)})`, () => `the full module's binding is in ${full.map((f) => f.file).join(", ")}`);
  }

  const server = await serveDir(dist);
  const page = await browser.newPage();
  const consoleErrors = [];
  const pageErrors = [];
  const failedRequests = [];
  const badResponses = [];
  const logs = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") consoleErrors.push(msg.text());
    if (msg.type() === "log") logs.push(Promise.all(msg.args().map((a) => a.jsonValue().catch(() => undefined))).catch(() => []));
  });
  page.on("pageerror", (e) => pageErrors.push(e.stack || e.message));
  page.on("requestfailed", (req) => failedRequests.push(`${req.method()} ${req.url()}: ${req.failure()?.errorText}`));
  page.on("response", (res) => res.status() >= 400 && badResponses.push(`${res.status()} ${res.request().method()} ${res.url()}`));

  let result;
  let doneMs;
  let waitError;
  try {
    const t0 = Date.now();
    await page.goto(`http://127.0.0.1:${server.port}/`, { waitUntil: "commit", timeout: PAGE_TIMEOUT });
    // Done, or fail fast on the first uncaught page error (plus a moment to collect the rest).
    await Promise.race([
      page.waitForFunction(() => document.title === "done", null, { timeout: PAGE_TIMEOUT, polling: 50 }),
      new Promise((_, rej) => {
        const poll = setInterval(() => pageErrors.length && (clearInterval(poll), setTimeout(() => rej(new Error("uncaught page error before `done`")), 1500)), 50);
        setTimeout(() => clearInterval(poll), PAGE_TIMEOUT + 1000);
      }),
    ]);
    doneMs = Date.now() - t0;
    result = await page.evaluate(() => window.__result);
  } catch (e) {
    waitError = e.message.split("\n")[0];
  }
  await new Promise((r) => setTimeout(r, 300)); // late console / network events
  const logged = await Promise.all(logs);
  await page.close();
  await server.close();

  const pageDetail = () => [waitError, ...pageErrors.map((e) => `page error: ${e.split("\n").slice(0, 3).join(" | ")}`), ...consoleErrors.map((e) => `console.error: ${e}`)].filter(Boolean).join("; ");
  ok(!!result, `page reached document.title === "done"${result ? ` (${Math.round(result.ms)} ms from navigation start, ${doneMs} ms from goto)` : ""}`, pageDetail);
  ok(!!result && !result.error, `validate() did not throw on the page`, () => (result ? result.error.split("\n").slice(0, 3).join(" | ") : "no result: page not done"));
  ok(logged.some((a) => a.length === 2 && a[0] === true && Array.isArray(a[1]) && a[1].length === 0), "README snippet ran and logged `true []`", () => `logs seen: ${JSON.stringify(logged)}`);
  for (const [pass, what, detail] of checkReports(result, true)) ok(pass, what, detail);
  if (reference && !reference.error) {
    ok(isDeepStrictEqual(result?.valid, reference.valid) && isDeepStrictEqual(result?.invalid, reference.invalid), "both reports equal the package's Node entry's", () => (result ? `browser ${JSON.stringify({ valid: result.valid, invalid: result.invalid })} vs node ${JSON.stringify(reference)}` : "no result: page not done"));
  }
  if (name === "vite") {
    const w = result?.worker;
    ok(!!w && !w.error, "module worker answered", () => (w ? w.error : "no worker result (page not done)"));
    for (const [pass, what, detail] of checkReports(w, false)) ok(pass, `worker: ${what}`, detail);
  }
  ok(pageErrors.length === 0, "no uncaught page errors", () => pageErrors.map((e) => e.split("\n")[0]).join("; "));
  ok(consoleErrors.length === 0, "no console errors", () => consoleErrors.join("; "));
  ok(failedRequests.length === 0, "no failed requests", () => failedRequests.join("; "));
  ok(badResponses.length === 0 && server.notFound.length === 0, "no 404s / HTTP errors", () => [...new Set([...badResponses, ...server.notFound.map((p) => `404 ${p}`)])].join("; "));

  const pass = results.every(Boolean);
  if (!pass) {
    const bl = tail(prep.buildLog, 25);
    console.log(`# ${name}: tail of ${prep.buildLog}:\n${indent(bl)}`);
  }
  return { name, pass, dir: prep.dir, sizes: sz, ms: result?.ms };
}

// --- main -------------------------------------------------------------------------------------------
console.log(`TAP version 13`);
console.log(`# tarball ${tarball}`);
console.log(`# bundlers: ${selected.join(", ")} (installing and building in parallel)`);
const preps = await Promise.all(selected.map(prepare));
const firstInstalled = preps.find((p) => p.install.code === 0);
const reference = firstInstalled ? await nodeReference(firstInstalled.dir) : null;
if (reference?.error) console.log(`# node reference: the package's Node entry failed:\n${indent(reference.error.split("\n"))}`);
else if (reference) console.log(`# node reference (zylon-schema Node entry): invalid body -> ${JSON.stringify(reference.invalid.errors.map((e) => ({ code: e.code, path: e.path })))}`);

const browser = await launch();
const outcomes = [];
try {
  for (const prep of preps) outcomes.push(await check(prep, browser, reference));
} finally {
  await browser.close();
}

console.log("# summary");
for (const o of outcomes) {
  console.log(`#   ${o.name.padEnd(16)} ${o.pass ? "PASS" : "FAIL"}${o.sizes ? `  dist ${kb(o.sizes.bytes)} (gzip ${kb(o.sizes.gzip)})` : ""}${o.ms !== undefined ? `  done after ${Math.round(o.ms)} ms` : ""}`);
  if (!o.pass) console.log(`#            app kept at ${o.dir}`);
  else if (!keepAll) rmSync(o.dir, { recursive: true, force: true });
}
const passed = outcomes.filter((o) => o.pass).length;
const failed = outcomes.length - passed;
console.log(`bundlers: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
