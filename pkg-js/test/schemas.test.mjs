// Consumer check of the exported JSON Schemas (schemas/*.schema.json) with Ajv's draft 2020-12
// build and its DEFAULT options (strict mode, no ajv-formats), as a JS user would compile them:
// each schema compiles without throwing and without logging a warning or an error. The valid
// `chat` fixtures are accepted by the compiled chat-request schema.
//
//   node --test test/schemas.test.mjs          (from pkg-js/)
//
// ZYLON_SCHEMAS_DIR=/some/dir checks the *.schema.json files of another directory (e.g. a
// snapshot) instead of ../../schemas/; the fixtures stay those of the repository.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import Ajv2020Import from "ajv/dist/2020.js";

const Ajv2020 = Ajv2020Import.default ?? Ajv2020Import;

const schemasDir = process.env.ZYLON_SCHEMAS_DIR
  ? pathToFileURL(join(process.env.ZYLON_SCHEMAS_DIR, "/"))
  : new URL("../../schemas/", import.meta.url);
const fixturesDir = new URL("../../crates/zylon-schema/tests/fixtures/", import.meta.url);

const schemaFiles = readdirSync(schemasDir)
  .filter((f) => f.endsWith(".schema.json"))
  .sort();
const loadSchema = (file) => JSON.parse(readFileSync(new URL(file, schemasDir), "utf8"));

/** Compile with default options plus a logger that records what Ajv warns or errors about. */
function compile(schema, extraOptions = {}) {
  const warnings = [];
  const errors = [];
  const logger = {
    log() {},
    warn(...a) {
      warnings.push(a.join(" "));
    },
    error(...a) {
      errors.push(a.join(" "));
    },
  };
  const ajv = new Ajv2020({ logger, ...extraOptions });
  let validate = null;
  let thrown = null;
  try {
    validate = ajv.compile(schema);
  } catch (e) {
    thrown = e;
  }
  return { ajv, validate, thrown, warnings, errors };
}

test("schemas/ holds the exported schemas", () => {
  assert.ok(schemaFiles.length > 0, `no *.schema.json in ${fileURLToPath(schemasDir)}`);
  assert.ok(schemaFiles.includes("chat-request.schema.json"), "chat-request.schema.json is missing");
});

for (const file of schemaFiles) {
  test(`ajv strict (default options) compiles ${file} without warnings or errors`, () => {
    const { thrown, warnings, errors } = compile(loadSchema(file));
    if (thrown) assert.fail(`compile threw: ${thrown.message}`);
    const list = (xs) => [...new Set(xs)].slice(0, 10).join("\n  ");
    // (Ajv reports a path inside $defs relative to the schema's $id, e.g. "#/else/..." for
    // "#/$defs/X/else/...".)
    assert.deepEqual(warnings, [], `ajv logged ${warnings.length} warning(s):\n  ${list(warnings)}`);
    assert.deepEqual(errors, [], `ajv logged ${errors.length} error(s):\n  ${list(errors)}`);
  });
}

/** Every fixture file under crates/zylon-schema/tests/fixtures/, recursively, sorted. */
function fixtureFiles(dir = fileURLToPath(fixturesDir)) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...fixtureFiles(p));
    else if (entry.name.endsWith(".json")) out.push(p);
  }
  return out.sort();
}

test("the valid chat fixtures are accepted by the chat-request schema", (t) => {
  const schema = loadSchema("chat-request.schema.json");
  let compiled = compile(schema);
  if (compiled.thrown) {
    // The strict compile is its own test above (and fails there); check acceptance anyway so the
    // two verdicts stay independent: non-strict Ajv ignores what strict mode refuses (unknown
    // formats), as Python's jsonschema does.
    t.diagnostic(`strict compile threw (${compiled.thrown.message}); checking with { strict: false }`);
    compiled = compile(schema, { strict: false });
    assert.equal(compiled.thrown, null, `even a non-strict compile threw: ${compiled.thrown?.message}`);
  }
  const validate = compiled.validate;
  const root = fileURLToPath(fixturesDir);
  let checked = 0;
  const rejected = [];
  for (const path of fixtureFiles()) {
    const fx = JSON.parse(readFileSync(path, "utf8"));
    const expect = fx.expect ?? {};
    if ((fx.kind ?? "chat") !== "chat" || !("body" in fx) || expect.valid !== true || fx.schema_cannot_express) {
      continue;
    }
    // Same skips as scripts/check_schemas.py: strict-mode fixtures, and bodies the server
    // coerces ("100", "true": a documented divergence, the schema keeps JSON types).
    if (fx.options?.strict) continue;
    if ((expect.warnings ?? []).some((w) => w.code === "field.coerced")) continue;
    checked += 1;
    if (!validate(fx.body)) {
      const first = validate.errors?.[0];
      rejected.push(`${path.slice(root.length)}: ${first?.instancePath || "/"} ${first?.message} (${first?.schemaPath})`);
    }
  }
  t.diagnostic(`${checked} valid chat fixtures checked, ${rejected.length} rejected`);
  assert.deepEqual(rejected, [], `${rejected.length} valid chat fixture(s) rejected:\n  ${rejected.slice(0, 30).join("\n  ")}`);
  assert.ok(checked >= 50, `only ${checked} valid chat fixtures checked (expected at least 50)`);
});
