// The exported JSON Schemas, as their own module: an app that only validates does not bundle
// them (`sideEffects: false`). Also the `zylon-schema/schemas` entry.
import schemas from "./schemas.mjs";

/** An exported JSON Schema (draft 2020-12) by name. */
export function schema(name) {
  const s = schemas[name];
  if (!s) throw new Error(`unknown schema \`${name}\` (known: ${Object.keys(schemas).join(", ")})`);
  return structuredClone(s);
}

/** The names of the exported schemas. */
export const schemaNames = /* @__PURE__ */ Object.keys(schemas);
