// `zylon-schema/schemas`: the exported JSON Schemas.
/** An exported JSON Schema (draft 2020-12) by name. */
export function schema(name: string): object;
/** The names of the exported schemas. */
export const schemaNames: string[];
