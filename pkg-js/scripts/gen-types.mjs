// Generates the TypeScript types of every request and response type from the JSON Schemas
// (which are generated from the Rust types): one combined schema, one compile, one file.
// Usage: node scripts/gen-types.mjs SCHEMAS_DIR OUT_FILE
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { compile } from "json-schema-to-typescript";

const [dir, out] = process.argv.slice(2);
const roots = {
  "chat-request": "ChatRequest",
  "interaction-request": "CreateInteractionDto",
  "project-chat-request": "ProjectChatDto",
  "thread-create": "CreateThreadDto",
  "thread-update": "UpdateThreadDto",
  interaction: "InteractionDto",
  "message-output": "MessageOutput",
  "stream-event": "MessageOutputEvent",
  "validation-report": "Report",
  "binding-types": "BindingTypes",
};
const defs = {};
for (const [file, name] of Object.entries(roots)) {
  const s = JSON.parse(readFileSync(join(dir, `${file}.schema.json`), "utf8"));
  for (const [k, v] of Object.entries(s.$defs || {})) defs[k] = { ...v, title: k };
  const { $defs, $schema, $id, ...root } = s;
  defs[name] = { ...root, title: name };
}
// `{ "$ref": X, "description": ... }` makes json-schema-to-typescript declare a numbered copy of X
// (`MessageInput1`); a reference stands for the definition itself, so its siblings go (the
// definition carries its own description).
function bareRefs(v) {
  if (Array.isArray(v)) return v.map(bareRefs);
  if (v && typeof v === "object") {
    if (typeof v.$ref === "string") return { $ref: v.$ref };
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, bareRefs(x)]));
  }
  return v;
}
for (const k of Object.keys(defs)) defs[k] = bareRefs(defs[k]);
const combined = {
  title: "ZylonSchemaTypes",
  type: "object",
  additionalProperties: false,
  properties: Object.fromEntries(Object.values(roots).map((n) => [n, { $ref: `#/$defs/${n}` }])),
  $defs: defs,
};
let ts = await compile(combined, "ZylonSchemaTypes", {
  bannerComment: "/* Generated from schemas/ (themselves generated from the Rust types) by pkg-js/scripts/gen-types.mjs. Do not edit. */",
  declareExternallyReferenced: true,
  // Exact types: a misspelt field is a compile error (the validator still warns about unknown
  // fields at run time). Free-form objects (`_meta`, input schemas) say `additionalProperties`.
  additionalProperties: false,
  unreachableDefinitions: true,
  format: true,
  style: { printWidth: 120 },
});
// Hover docs without the generator's boilerplate.
ts = ts.replace(/\n \*\n \* This interface was referenced by `ZylonSchemaTypes`'s JSON-Schema\n \* via the `definition` "[^"]+"\./g, "");
ts = ts.replace(/\n \* This interface was referenced by `ZylonSchemaTypes`'s JSON-Schema\n \* via the `definition` "[^"]+"\./g, "");
ts = ts.replace(/\/\*\*\n \*\/\n/g, "");
// Every type has the name of its definition: a numbered copy (`MessageInput1`) is a regression.
const numbered = [...ts.matchAll(/^export (?:interface|type) ([A-Za-z_]+[0-9]+)\b/gm)].map((m) => m[1]);
if (numbered.length) throw new Error(`numbered type names in the generated types: ${numbered.join(", ")}`);
writeFileSync(out, ts);
