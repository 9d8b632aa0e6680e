// Runs the shared suite (suite.mjs) in headless Chromium against the browser entries (`./web`
// with `init()`, the zero-config default entry without it, and `./validate`, the validate-only
// module), served from 127.0.0.1. Prints
// one line per test and the closing `N passed, N failed` line.
import { join } from "node:path";
import { serve, launch, pkg } from "./harness.mjs";

const cases = process.env.ZYLON_CASES || join(pkg, "..", "target", "npm-cases.json");
const server = await serve({ "/cases.json": cases, "/": join(pkg, "test/browser.html") });
const browser = await launch();
let failed = 0;
let passed = 0;
try {
  for (const entry of ["web", "browser", "validate"]) {
    const page = await browser.newPage();
    page.on("pageerror", (e) => console.error("page error:", e.message));
    await page.goto(`http://127.0.0.1:${server.port}/?entry=${entry}`);
    await page.waitForFunction(() => window.__results !== undefined, null, { timeout: 120000 });
    for (const r of await page.evaluate(() => window.__results)) {
      console.log(`${r.ok ? "ok" : "not ok"} - chromium (${entry}): ${r.name}${r.ok ? "" : ` (${r.detail})`}`);
      r.ok ? passed++ : failed++;
    }
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}
console.log(`chromium: ${passed} passed, ${failed} failed`);
process.exit(failed || !passed ? 1 : 0);
