// Hostile inputs through the WebAssembly build (Node): each ends in a clean report, never an
// exception, a hang or a crash of the module; secrets never come back.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { validate, fix, decodeStream } from "../dist/index.mjs";

const USER = '{"role":"user","content":[{"type":"text","text":"q"}]}';
const codes = (r) => r.errors.map((e) => e.code).concat(r.warnings.map((w) => w.code));

test("nesting 100,000 deep: arrays, objects, tldr, inputSchema, _meta", () => {
  const n = 100000;
  const bodies = [
    "[".repeat(n) + "]".repeat(n),
    '{"a":'.repeat(n) + "1" + "}".repeat(n),
    `{"messages":[${USER},{"role":"assistant","content":[${'{"type":"tldr","content":['.repeat(n)}1${"]}".repeat(n)}]}]}`,
    `{"messages":[${USER}],"tools":[{"name":"f","inputSchema":${'{"x":'.repeat(n)}1${"}".repeat(n)}}]}`,
    `{"messages":[${USER}],"_meta":${"[".repeat(n)}${"]".repeat(n)}}`,
  ];
  for (const b of bodies) assert.deepEqual(codes(validate(b)), ["json.too_deep"]);
  // The module still works afterwards.
  assert.equal(validate(`{"messages":[${USER}]}`).valid, true);
});

test("the deepest bodies the server takes run the rules within the 1 MiB wasm stack", () => {
  // 969 levels in all: tldr in tldr (two levels each), a tool schema, a structured-output schema
  const tldr = `{"messages":[${USER},{"role":"assistant","content":[${'{"type":"tldr","content":['.repeat(482)}{"type":"text","text":"x"}${"]}".repeat(482)}]}]}`;
  const r = validate(tldr);
  assert.equal(r.errors.length, 481);
  assert.ok(r.errors.every((e) => e.code === "block.tldr.content_types"));
  const schema = `{"messages":[${USER}],"tools":[{"name":"f","inputSchema":${'{"x":'.repeat(964)}1${"}".repeat(964)}}]}`;
  assert.deepEqual(validate(schema).errors.map((e) => [e.code, e.path]), [["json.too_deep", "/tools/0/inputSchema"]]);
  const output = `{"messages":[${USER}],"response_format":{"type":"json_schema","json_schema":${'{"type":"object","properties":{"a":'.repeat(235)}{"type":"string"}${"}}".repeat(235)}}}`;
  assert.equal(validate(output).valid, true);
  const arrays = `{"messages":[${USER}],"x":${"[".repeat(968)}${"]".repeat(968)}}`;
  assert.deepEqual(codes(validate(arrays)), ["request.unknown_fields"]);
  assert.deepEqual(codes(validate(`{"messages":[${USER}],"x":${"[".repeat(969)}${"]".repeat(969)}}`)), ["json.too_deep"]);
  fix(tldr);
  // The stack is the first MiB of memory, growing down towards 0: its lowest 64 KiB are never
  // reached (the build lets wasm-opt assume the first KiB is unused: --low-memory-unused).
  const memory = new Uint8Array(createRequire(import.meta.url)("../dist/node/zylon_schema_wasm.js").wasmMemory().buffer);
  assert.ok(memory.subarray(0, 65536).every((b) => b === 0), "the stack came within 64 KiB of address 0");
  assert.ok(memory.subarray(65536, 1 << 20).some((b) => b !== 0), "the stack is not where this test looks");
});

test("a 100 MB text block", () => {
  const big = "a".repeat(100 * 1024 * 1024);
  const r = validate(`{"messages":[{"role":"user","content":[{"type":"text","text":"${big}"}]}]}`);
  assert.equal(r.valid, true);
});

test("a million messages", () => {
  const parts = [];
  for (let i = 0; i < 1000000; i++) parts.push(i % 2 ? '{"role":"assistant","content":[{"type":"text","text":"a"}]}' : USER);
  const r = validate(`{"messages":[${parts.join(",")}]}`);
  assert.equal(r.valid, true);
  assert.equal(r.summary.message_count, 1000000);
});

test("duplicate keys, extreme numbers, surrogates, BOM, bad UTF-8, trailing garbage", () => {
  assert.deepEqual(codes(validate(`{"messages":[${USER}],"max_tokens":1.5,"max_tokens":10}`)), ["json.duplicate_key"]);
  assert.deepEqual(codes(validate(`{"messages":[${USER}],"max_tokens":1e400}`)), ["sampling.integer_fields"]);
  assert.deepEqual(codes(validate(`{"messages":[${USER}],"max_tokens":-0}`)), ["sampling.max_tokens_nonpositive_coerced"]);
  assert.equal(validate(`{"messages":[${USER}],"max_tokens":18446744073709551616}`).valid, true);
  assert.equal(validate('{"messages":[{"role":"user","content":[{"type":"text","text":"\\ud800 x"}]}]}').valid, true);
  assert.equal(validate(`\ufeff{"messages":[${USER}]}`).valid, true);
  const bytes = new TextEncoder().encode(`{"messages":[${USER}]}`);
  const bad = new Uint8Array([...bytes.slice(0, 20), 0xff, ...bytes.slice(20)]);
  const r = validate(bad);
  assert.deepEqual(codes(r), ["json.syntax"]);
  assert.match(r.errors[0].message, /UTF-8/);
  assert.deepEqual(codes(validate(`{"messages":[${USER}]} {}`)), ["json.syntax"]);
});

test("numbers of any length are read as the server reads them (long ones by the host's Number)", () => {
  const temperature = (t) => codes(validate(`{"messages":[${USER}],"temperature":${t}}`));
  // 100,000 digits: a tiny positive number, in range; one just past 1; 1 and 10^5000
  assert.deepEqual(temperature(`0.${"0".repeat(100000)}1`), []);
  assert.deepEqual(temperature(`1.${"0".repeat(100000)}1`), []); // rounds to 1.0
  assert.deepEqual(temperature(`1.00000000000000022${"0".repeat(50000)}1`), ["sampling.temperature_range"]);
  assert.deepEqual(temperature(`1${"0".repeat(5000)}e-5000`), []);
  // an integer of over 4,300 digits: the server's JSON decoder cannot read the body; and no
  // integer beyond a float's range fits a float field ("Input should be a valid number")
  assert.deepEqual(temperature(`1${"0".repeat(5000)}`), ["json.integer_too_long", "field.type"]);
  assert.deepEqual(temperature(`1${"0".repeat(309)}`), ["field.type"]);
  assert.deepEqual(temperature(`1${"0".repeat(309)}.0`), ["sampling.temperature_range"]); // a float: infinity
  assert.deepEqual(temperature("1e-99999999999999999999"), []);
  assert.deepEqual(temperature("123456789012345678901234567890e-30"), []); // 0.1234...
  assert.deepEqual(temperature("1234567890123456789012345e-24"), ["sampling.temperature_range"]);
});

test("secrets never come back, whatever else is broken", () => {
  const canary = "CANARY-9f3e-SECRET";
  const body = {
    messages: [{ role: "User", content: "" }],
    mcp_servers: [
      { url: 5, authorization_token: canary, refresh_token: canary, client_secret: canary, token_endpoint_auth_method: canary, tool_configuration: { enabled: canary } },
      { authorization_token: 7, refresh_token: [canary] },
    ],
    tools: [{ name: "db", type: "database_query_v1", description: canary }],
    tool_context: [
      { type: "sql_database", connection_string: `postgresql://admin:${canary}@db:5432/x`, ssl: canary },
      { type: "sql_database", connection_string: `Server=db;User Id=sa;Password=${canary};` },
      { type: "sql_database", connection_string: 42 },
    ],
  };
  for (const out of [validate(body), validate(JSON.stringify(body), { strict: true, spans: true }), fix(body).report]) {
    assert.equal(out.valid, false);
    assert.ok(!JSON.stringify(out).includes("9f3e"), JSON.stringify(out));
  }
});

test("streams: garbage and huge events", () => {
  const r = decodeStream("data: " + "{".repeat(100000) + "\n\n");
  assert.ok(r.issues.length > 0);
  const big = decodeStream(`data: {"type":"message_start","message":{"content":[]}}\n\ndata: {"type":"content_block_delta","delta":{"type":"text_delta","text":"${"x".repeat(10_000_000)}"}}\n\ndata: {"type":"message_stop"}\n\n`);
  assert.equal(big.message.content[0].text.length, 10_000_000);
});
