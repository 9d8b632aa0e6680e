// The JS face of zylon-schema: translates between JS values and the WebAssembly core (which
// speaks JSON text). No rules live here. `makeApi(glue, schemas)` is shared by every entry.

const encoder = new TextEncoder();

/** A Report for input that cannot even be turned into JSON text. */
function inputReport(message) {
  return {
    valid: false,
    errors: [{ severity: "error", code: "json.syntax", path: "", message, docs: "docs/codes.md#json.syntax" }],
    warnings: [],
    summary: { message_count: 0, has_tools: false, stream_enabled: false, error_count: 1, warning_count: 0 },
  };
}

/** JSON text for a body given as a string, bytes or a JS value; or an error message. */
function bodyText(body) {
  if (typeof body === "string") return { text: body };
  if (body instanceof Uint8Array) return { text: new TextDecoder("utf-8", { fatal: false }).decode(body) };
  if (body === undefined) return { error: "the body is undefined; pass a JSON string or an object" };
  if (typeof body === "function" || typeof body === "symbol") return { error: `a ${typeof body} is not a request body` };
  try {
    const text = JSON.stringify(body);
    if (text === undefined) return { error: "the body cannot be turned into JSON" };
    return { text };
  } catch (e) {
    return { error: `the body cannot be turned into JSON: ${e && e.message ? e.message : e}` };
  }
}

function optionsText(options) {
  // No options: an empty string, which the core does not even parse.
  if (options === undefined || options === null) return "";
  try {
    return JSON.stringify(options) ?? "{}";
  } catch {
    return '{"kind": 0}';
  }
}

/**
 * A Report from the module's compact format (crates/zylon-schema-wasm/src/wire.rs): the same
 * plain objects, key order included, as `JSON.parse` of the JSON report, built directly
 * (`JSON.parse` was a fifth of the time of validating a small body). `J` + JSON otherwise.
 */
function readReport(text) {
  if (text.charCodeAt(0) !== 87 /* W */) return JSON.parse(text.slice(1));
  const f = text.split("\u0001");
  const errors = [];
  const warnings = [];
  for (let i = 7; i < f.length; i += 5) {
    const code = f[i + 1];
    const error = f[i] === "E";
    const severity = error ? "error" : "warning";
    const docs = "docs/codes.md#" + code;
    const hint = f[i + 4];
    const issue = hint.charCodeAt(0) === 49 /* 1 */
      ? { severity, code, path: f[i + 2], message: f[i + 3], hint: hint.slice(1), docs }
      : { severity, code, path: f[i + 2], message: f[i + 3], docs };
    (error ? errors : warnings).push(issue);
  }
  const choice = f[4];
  const summary = choice.charCodeAt(0) === 49 /* 1 */
    ? { message_count: +f[1], has_tools: f[2] === "1", stream_enabled: f[3] === "1", tool_choice: choice.slice(1), error_count: +f[5], warning_count: +f[6] }
    : { message_count: +f[1], has_tools: f[2] === "1", stream_enabled: f[3] === "1", error_count: +f[5], warning_count: +f[6] };
  return { valid: f[0] === "W1", errors, warnings, summary };
}

/** Thrown by `chatRequest().build()` when the request has errors; carries the Report. */
export class ValidationError extends Error {
  constructor(report) {
    const first = report.errors[0];
    super(first ? `${report.errors.length} error(s); first: [${first.code}] ${first.path || "(root)"}: ${first.message}` : "invalid request");
    this.name = "ValidationError";
    this.report = report;
  }
}

/**
 * `glue`: the wasm-bindgen module; `schemas`: the JSON Schemas by name (the browser entries take
 * them from `schemas-api.mjs` instead, so that apps which only validate do not bundle them);
 * `host`: what the platform
 * offers beyond the web APIs (`writeUtf16(text, arrayBuffer, offset)` in Node).
 */
export function makeApi(glue, schemas = {}, host = {}) {
  function validate(body, options) {
    if (body instanceof Uint8Array) return JSON.parse(glue.validateBytes(body, optionsText(options)));
    const b = bodyText(body);
    if (b.error) return inputReport(b.error);
    return readReport(validateText(b.text, optionsText(options), false));
  }

  /**
   * `validate(body, options).valid`, always, by the core's fast path: its rules stop at the first
   * error that decides, and no report crosses into JS (`false` too where `validate` reports an
   * unreadable body or options).
   */
  function isValid(body, options) {
    if (body instanceof Uint8Array) {
      // (read as validate(Uint8Array) reads them: the bytes go into the input buffer as given)
      memory ??= glue.wasmMemory();
      const ptr = glue.inputBuffer(body.length);
      new Uint8Array(memory.buffer, ptr, body.length).set(body);
      return glue.validateInput(body.length, optionsText(options), true) === "1";
    }
    const b = bodyText(body);
    if (b.error) return false;
    return validateText(b.text, optionsText(options), true) === "1";
  }

  let memory;
  /**
   * Validate a JSON text: the text goes straight into the module's input buffer, with no
   * wasm-bindgen string passing (whose JS loop copies ASCII one character at a time). Where the
   * host can write a string as UTF-16 at copy speed (Node's Buffer), it does, and the module
   * transcodes (Node's own UTF-8 encoder runs at about 1 GB/s); elsewhere `encodeInto` writes
   * UTF-8, into a buffer sized for ASCII first and grown only for wider characters.
   */
  function validateText(text, opts, verdict) {
    memory ??= glue.wasmMemory();
    const n = text.length;
    if (host.writeUtf16) {
      const ptr = glue.inputBuffer(2 * n);
      host.writeUtf16(text, memory.buffer, ptr);
      return glue.validateInputUtf16(n, opts, verdict);
    }
    let cap = n + 8;
    let ptr = glue.inputBuffer(cap);
    let { read, written } = encoder.encodeInto(text, new Uint8Array(memory.buffer, ptr, cap));
    while (read < n) {
      cap = written + (n - read) * 3;
      ptr = glue.inputBuffer(cap);
      const r = encoder.encodeInto(text.slice(read), new Uint8Array(memory.buffer, ptr + written, cap - written));
      read += r.read;
      written += r.written;
    }
    return glue.validateInput(written, opts, verdict);
  }

  function fix(body, options) {
    // Bytes are read as validate(Uint8Array) reads them (as the server does: UTF-16 too).
    if (body instanceof Uint8Array) return JSON.parse(glue.fixBytes(body, optionsText(options)));
    const b = bodyText(body);
    if (b.error) return { body: "", fixes: [], report: inputReport(b.error) };
    return JSON.parse(glue.fixJson(b.text, optionsText(options)));
  }

  function decodeStream(data) {
    const bytes = typeof data === "string" ? encoder.encode(data) : data;
    return JSON.parse(glue.decodeStream(bytes));
  }

  class StreamAccumulator {
    constructor() {
      this._inner = new glue.StreamAccumulator();
    }
    /** Feed a chunk (string or bytes); returns the events it completed. */
    push(chunk) {
      return JSON.parse(this._inner.push(typeof chunk === "string" ? encoder.encode(chunk) : chunk));
    }
    /** End of the stream; returns the last events. */
    finish() {
      return JSON.parse(this._inner.finish());
    }
    /** The message assembled so far. */
    get message() {
      return JSON.parse(this._inner.message());
    }
    /** Problems found so far. */
    get issues() {
      return JSON.parse(this._inner.issues());
    }
    /** Number of events seen. */
    get eventCount() {
      return this._inner.eventCount();
    }
  }

  /**
   * Consume a fetch `ReadableStream`, yielding `{ events, message, issues }` after each chunk
   * that completes events. `message` and `issues` are read from the accumulator only when used
   * (each read copies the whole message out of the module): a loop that uses the events costs
   * time linear in the stream; read `message` when you render, or once at the end (`done`).
   */
  async function* readStream(readable) {
    const acc = new StreamAccumulator();
    const reader = readable.getReader();
    const step = (events, done) => ({
      events,
      get message() {
        return acc.message;
      },
      get issues() {
        return acc.issues;
      },
      ...(done ? { done } : {}),
    });
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      const events = acc.push(value);
      if (events.length) yield step(events, false);
    }
    yield step(acc.finish(), true);
  }

  function chatRequest(initial) {
    const body = { messages: [], ...(initial || {}) };
    const b = {
      message(m) {
        body.messages.push(m);
        return b;
      },
      tool(t) {
        (body.tools ??= []).push(t);
        return b;
      },
      artifact(a) {
        (body.tool_context ??= []).push(a);
        return b;
      },
      mcpServer(s) {
        (body.mcp_servers ??= []).push(s);
        return b;
      },
      toolChoice(c) {
        body.tool_choice = c;
        return b;
      },
      system(text) {
        body.system = { ...(body.system || {}), text };
        return b;
      },
      citations(enabled = true) {
        body.system = { ...(body.system || {}), citations: { enabled } };
        return b;
      },
      thinking(enabled = true) {
        body.thinking = { enabled };
        return b;
      },
      jsonSchema(schema) {
        body.response_format = { type: "json_schema", json_schema: schema };
        return b;
      },
      set(key, value) {
        body[key] = value;
        return b;
      },
      /** The body as it stands (not validated). */
      toJSON() {
        return structuredClone(body);
      },
      /** The body, or throws a ValidationError carrying the Report. */
      build(options) {
        const out = structuredClone(body);
        const report = validate(out, { ...(options || {}), kind: "chat" });
        if (!report.valid) throw new ValidationError(report);
        return out;
      },
    };
    return b;
  }

  function schema(name) {
    const s = schemas[name];
    if (!s) throw new Error(`unknown schema \`${name}\` (known: ${Object.keys(schemas).join(", ")})`);
    return structuredClone(s);
  }

  return { validate, isValid, fix, decodeStream, StreamAccumulator, readStream, chatRequest, schema, schemaNames: Object.keys(schemas) };
}

// ---- builders: plain functions returning plain objects ----

export const text = (text, extra) => ({ type: "text", text, ...extra });
export const image = (data, mimeType, extra) => ({ type: "image", data, ...(mimeType ? { mime_type: mimeType } : {}), ...extra });
export const audio = (data, mimeType, extra) => ({ type: "audio", data, ...(mimeType ? { mime_type: mimeType } : {}), ...extra });
export const binary = (data, mimeType, filename, extra) => ({ type: "binary", data, mime_type: mimeType, ...(filename ? { filename } : {}), ...extra });
export const file = (content, contentType, docMetadata) => ({ type: "file", content, ...(contentType ? { content_type: contentType } : {}), ...(docMetadata ? { doc_metadata: docMetadata } : {}) });
export const toolUse = (id, name, input = {}) => ({ type: "tool_use", id, name, input });
export const toolResult = (toolUseId, content, isError) => ({
  type: "tool_result",
  tool_use_id: toolUseId,
  content: typeof content === "string" ? [text(content)] : content ?? [],
  ...(isError === undefined ? {} : { is_error: isError }),
});
const blocksOf = (parts) => parts.flat().map((p) => (typeof p === "string" ? text(p) : p));
export const userMessage = (...parts) => ({ role: "user", content: blocksOf(parts) });
export const assistantMessage = (...parts) => ({ role: "assistant", content: blocksOf(parts) });
export const systemMessage = (...parts) => ({ role: "system", content: blocksOf(parts) });
export const customTool = (name, description, inputSchema = { type: "object", properties: {} }) => ({ name, description, inputSchema });
// The server's built-in tools, from the core's registry (written in by `cargo xtask npm`).
const BUILTIN_TOOLS = /*@BUILTIN_TOOLS*/{};
const builtinTool = (ty) => ({ ...BUILTIN_TOOLS[ty] });
export const semanticSearchTool = () => builtinTool("semantic_search");
export const tabularAnalysisTool = () => builtinTool("tabular_analysis");
export const databaseQueryTool = () => builtinTool("database_query");
export const webSearchTool = () => builtinTool("web_search");
export const webExtractTool = () => builtinTool("web_extract");
export const ingestedArtifact = (collection, artifacts = [], metadataFilter) => ({
  type: "ingested_artifact",
  context_filter: { collection, artifacts, ...(metadataFilter ? { metadata_filter: metadataFilter } : {}) },
});
export const sqlDatabase = (connectionString, extra) => ({ type: "sql_database", connection_string: connectionString, ...extra });
export const textArtifact = (value) => ({ type: "text", value });
export const uriArtifact = (value) => ({ type: "uri", value });
export const mcpServer = (url, extra) => ({ url, ...extra });
