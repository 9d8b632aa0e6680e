"use strict";
// `zylon-schema/schemas` for CommonJS: the exported JSON Schemas.
const schemas = require("./schemas.cjs");

/** An exported JSON Schema (draft 2020-12) by name. */
function schema(name) {
  const s = schemas[name];
  if (!s) throw new Error(`unknown schema \`${name}\` (known: ${Object.keys(schemas).join(", ")})`);
  return structuredClone(s);
}

module.exports = { schema, schemaNames: Object.keys(schemas) };
