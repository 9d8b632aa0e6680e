// End-to-end test of the demo page in headless Chromium: type a broken body, check the rendered
// issues and underlines, apply the fixes, check the result; saves a screenshot as an artifact.
import assert from "node:assert/strict";
import { join } from "node:path";
import { serve, launch, pkg } from "./harness.mjs";

const shot = process.env.ZYLON_DEMO_SCREENSHOT || join(pkg, "..", "target", "demo-e2e.png");
const server = await serve();
const browser = await launch();
let passed = 0;
const step = async (name, fn) => {
  await fn();
  passed++;
  console.log(`ok - demo: ${name}`);
};
try {
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`http://127.0.0.1:${server.port}/demo/index.html`);
  await page.waitForSelector("body[data-ready='1']", { timeout: 60000 });
  await step("types a broken body and sees every issue", async () => {
    await page.fill("#body", '{\n  "messages": [{"role": "User", "content": "Hi"}],\n  "temperature": 3\n}');
    await page.waitForFunction(() => document.querySelectorAll("#issues .issue").length >= 3);
    const codes = await page.$$eval("#issues .issue", (els) => els.map((e) => e.dataset.code));
    assert.ok(codes.includes("message.role.enum"), codes.join());
    assert.ok(codes.includes("sampling.temperature_range"), codes.join());
    assert.match(await page.textContent("#status"), /2 error/);
  });
  await step("underlines the offending values", async () => {
    const marked = await page.$$eval("#source mark.error", (els) => els.map((e) => e.textContent));
    assert.deepEqual(marked.sort(), ['"User"', "3"]);
  });
  await step("applies the safe fixes", async () => {
    await page.click("#fix");
    await page.waitForFunction(() => document.querySelector("#body").value.includes('"role": "user"'));
    const body = await page.inputValue("#body");
    assert.ok(body.includes('[{"type": "text", "text": "Hi"}]'), body);
    assert.ok(body.includes('"temperature": 3'), "fix must not touch what it cannot fix safely");
    const codes = await page.$$eval("#issues .issue[data-code]", (els) => els.map((e) => e.dataset.code));
    assert.deepEqual(codes, ["sampling.temperature_range"]);
    assert.match(await page.textContent("#issues"), /Applied 2 fix/);
  });
  await page.screenshot({ path: shot, fullPage: true });
  assert.deepEqual(errors, []);
} finally {
  await browser.close();
  server.close();
}
console.log(`demo: ${passed} passed, 0 failed (screenshot: ${shot})`);
