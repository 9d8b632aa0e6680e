// Node: the shared suite against the CommonJS and the ESM entry points, and the validate-only module.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { run } from "./suite.mjs";

const cases = JSON.parse(readFileSync(process.env.ZYLON_CASES || new URL("../../target/npm-cases.json", import.meta.url), "utf8"));

const esm = await import("../dist/index.mjs");
const cjs = createRequire(import.meta.url)("../dist/index.cjs");
// The browser file of `zylon-schema/validate` (its own validate-only module, inlined), run in
// Node: the same reports as the full module, fixture by fixture.
const validateOnly = await import("../dist/validate.mjs");

for (const [label, z] of [["esm", esm], ["cjs", cjs], ["validate-only module", validateOnly]]) {
  for (const r of await run(z, cases)) {
    test(`${label}: ${r.name}`, () => assert.ok(r.ok, r.detail));
  }
}
