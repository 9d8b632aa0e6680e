// Runs the shared suite (suite.mjs) in headless Chromium against the `./web` build, served from
// 127.0.0.1. Prints one line per test and the closing `N passed, N failed` line.
import { createServer } from "node:http";
import { readFile, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, extname } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const pkg = fileURLToPath(new URL("..", import.meta.url));
const cases = process.env.ZYLON_CASES || join(pkg, "..", "target", "npm-cases.json");
const types = { ".mjs": "text/javascript", ".js": "text/javascript", ".json": "application/json", ".wasm": "application/wasm", ".html": "text/html" };

const server = createServer(async (req, res) => {
  const url = new URL(req.url, "http://127.0.0.1");
  const path = url.pathname === "/cases.json" ? cases : url.pathname === "/" ? join(pkg, "test/browser.html") : join(pkg, url.pathname);
  if (!path.startsWith(pkg) && path !== cases) {
    res.writeHead(403).end();
    return;
  }
  try {
    const body = await readFile(path);
    res.writeHead(200, { "content-type": types[extname(path)] || "application/octet-stream" }).end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const port = server.address().port;

const userDataDir = await mkdtemp(join(tmpdir(), "zylon-chromium-"));
const browser = await chromium.launchPersistentContext(userDataDir, {
  executablePath: "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync"],
});
let failed = 0;
let passed = 0;
try {
  const page = await browser.newPage();
  page.on("pageerror", (e) => console.error("page error:", e.message));
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForFunction(() => window.__results !== undefined, null, { timeout: 120000 });
  const results = await page.evaluate(() => window.__results);
  for (const r of results) {
    console.log(`${r.ok ? "ok" : "not ok"} - chromium: ${r.name}${r.ok ? "" : ` (${r.detail})`}`);
    r.ok ? passed++ : failed++;
  }
} finally {
  await browser.close();
  server.close();
}
console.log(`chromium: ${passed} passed, ${failed} failed`);
process.exit(failed || !passed ? 1 : 0);
