// The one JS test suite, run in Node (node --test) and in headless Chromium (browser.mjs).
// `cases` come from the Rust core (`cargo xtask npm` writes them): every fixture body with the
// Report the core gives it. Returns [{name, ok, detail}].

function same(a, b) {
  return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
}
function sortKeys(v) {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === "object") return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys(v[k])]));
  return v;
}

// A fixture given as bytes (`bytes_hex`: UTF-16, UTF-32, invalid UTF-8) has no text form.
function hexBytes(hex) {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

export async function run(z, allCases) {
  const cases = allCases.filter((c) => typeof c.text === "string");
  const byteCases = allCases.filter((c) => typeof c.bytes_hex === "string");
  const results = [];
  const pending = [];
  const check = (name, fn) => {
    const record = (detail) => results.push({ name, ok: detail === true, detail: detail === true ? "" : String(detail) });
    const fail = (e) => results.push({ name, ok: false, detail: `threw ${e && e.stack ? e.stack : e}` });
    try {
      const detail = fn();
      if (detail && typeof detail.then === "function") pending.push(detail.then(record, fail));
      else record(detail);
    } catch (e) {
      fail(e);
    }
  };

  // `zylon-schema/validate` has `validate`, `chatRequest` and the builders only: the checks of
  // `fix`, the schemas and the stream decoders run on the entries that have them, and that
  // entry is checked to have none of them (its module does not contain their code).
  const complete = typeof z.fix === "function";
  const full = (name, fn) => complete && check(name, fn);
  if (!complete) {
    check("the validate-only entry has validate, chatRequest and the builders, and nothing else", () => {
      const absent = ["fix", "decodeStream", "StreamAccumulator", "readStream", "schema", "schemaNames"].filter((k) => k in z);
      const present = ["validate", "isValid", "chatRequest", "init", "ValidationError", "userMessage", "text", "mcpServer"].filter((k) => !(k in z));
      return (absent.length === 0 && present.length === 0) || `has ${absent.join(", ")}; lacks ${present.join(", ")}`;
    });
  }

  check("string input gives the byte path's report exactly, key order included (compact transfer vs JSON)", () => {
    const enc = new TextEncoder();
    const bad = [];
    for (const c of cases) {
      for (const options of [c.options, { ...(c.options || {}), strict: true }]) {
        const viaString = JSON.stringify(z.validate(c.text, options));
        const viaBytes = JSON.stringify(z.validate(enc.encode(c.text), options));
        if (viaString !== viaBytes) bad.push(c.name);
      }
    }
    // Values holding the compact format's separators fall back to JSON, unchanged.
    const odd = JSON.stringify({ messages: [{ role: "user", content: [{ type: "text", text: "x", "a\u0001b": 1, "c\u0002": 2 }] }] });
    if (JSON.stringify(z.validate(odd)) !== JSON.stringify(z.validate(enc.encode(odd)))) bad.push("separators in keys");
    if (!z.validate(odd).warnings.some((w) => w.path.endsWith("a\u0001b"))) bad.push("separator key path");
    return bad.length === 0 || `${bad.length} differ: ${bad.slice(0, 5).join(", ")}`;
  });

  check("string input reaches the core exactly: every offset, wide characters, lone surrogates, large bodies", () => {
    // Strings go into wasm memory by a host-specific path (UTF-16 + transcoding in Node,
    // encodeInto elsewhere); bytes go through wasm-bindgen's copy. Both must give one report.
    const enc = new TextEncoder();
    const bad = [];
    const pieces = ["a", "\u00e9", "\u00ff", "\u0100", "\u4e2d", "\u{1F600}", "\uD800", "\uDC00", "\u007f"];
    for (let len = 0; len < 40; len++) {
      for (const p of pieces) {
        const role = "x".repeat(len) + p + "y".repeat(len % 7);
        const body = JSON.stringify({ messages: [{ role, content: [{ type: "text", text: p.repeat(len) }] }] });
        const got = z.validate(body);
        if (!same(got, z.validate(enc.encode(body)))) bad.push(`string vs bytes at ${len} ${escape(p)}`);
        // Messages show a lone surrogate as U+FFFD and escape control characters such as DEL.
        const shown = p === "\u007f" ? "\\u{7f}" : /[\uD800-\uDFFF]/.test(p) && p.length === 1 ? "\uFFFD" : p;
        const quoted = "x".repeat(len).slice(0, 40) + (len < 40 ? shown : "");
        if (!got.errors[0] || !got.errors[0].message.includes(quoted)) bad.push(`message at ${len} ${escape(p)}: ${got.errors[0] && got.errors[0].message}`);
      }
    }
    // Over 1 MiB (the input buffer is released afterwards), mostly two-byte text, then small again.
    const big = JSON.stringify({ messages: [{ role: "user", content: [{ type: "text", text: "\u00e9\u4e2d".repeat(300000) + "x".repeat(500000) }] }], temperature: 3 });
    const bigReport = z.validate(big);
    if (!same(bigReport, z.validate(enc.encode(big)))) bad.push("large body: string vs bytes");
    if (bigReport.errors.map((e) => e.code).join() !== "sampling.temperature_range") bad.push(`large body: ${JSON.stringify(bigReport.errors)}`);
    if (!z.validate('{"messages":[{"role":"user","content":[{"type":"text","text":"hi"}]}]}').valid) bad.push("small body after a large one");
    return bad.length === 0 || bad.slice(0, 5).join("; ");
  });

  check("there are fixture cases", () => cases.length >= 250 || `only ${cases.length} cases`);
  let stringMismatch = [];
  let objectMismatch = [];
  for (const c of cases) {
    const got = z.validate(c.text, c.options);
    if (!same(got, c.report)) stringMismatch.push(c.name);
    if (c.object !== undefined) {
      const gotObj = z.validate(c.object, c.options);
      // Object input: the same report (spans are never requested here).
      if (!same(gotObj, c.report)) objectMismatch.push(c.name);
    }
  }
  check("string input gives the Rust core's report for every fixture", () => stringMismatch.length === 0 || stringMismatch.slice(0, 10).join(", "));
  check("bytes in UTF-16, UTF-32 or invalid UTF-8 give the Rust core's report for every such fixture", () => {
    if (byteCases.length < 8) return `only ${byteCases.length} byte cases`;
    const bad = byteCases.filter((c) => !same(z.validate(hexBytes(c.bytes_hex), c.options), c.report)).map((c) => c.name);
    const warned = byteCases.filter((c) => c.report.warnings.some((w) => w.code === "json.encoding")).length;
    return (bad.length === 0 && warned >= 5) || `${bad.join(", ")} (${warned} with json.encoding)`;
  });
  check("object input gives the Rust core's report for every fixture", () => objectMismatch.length === 0 || objectMismatch.slice(0, 10).join(", "));

  check("isValid is validate(...).valid for every fixture: string, strict, object, bytes, and broken inputs", () => {
    const bad = [];
    const counts = [0, 0];
    for (const c of cases) {
      for (const options of [c.options, { ...(c.options || {}), strict: true }]) {
        const want = z.validate(c.text, options).valid;
        const got = z.isValid(c.text, options);
        if (got !== want) bad.push(`${c.name} (strict: ${!!(options && options.strict)})`);
        counts[+want]++;
      }
      if (c.object !== undefined && z.isValid(c.object, c.options) !== c.report.valid) bad.push(`${c.name} as an object`);
    }
    for (const c of byteCases) {
      if (z.isValid(hexBytes(c.bytes_hex), c.options) !== c.report.valid) bad.push(`${c.name} as bytes`);
    }
    const cyclic = {};
    cyclic.self = cyclic;
    for (const input of [undefined, null, 42, "", "{", cyclic, () => 1, new Uint8Array([0xff, 0xfe]), { messages: "nope" }]) {
      if (z.isValid(input) !== false) bad.push(`broken input ${String(input).slice(0, 20)}`);
    }
    const ok = '{"messages":[{"role":"user","content":[{"type":"text","text":"h\u00e9 \ud83d\ude00"}]}]}';
    if (z.isValid(ok) !== true || z.isValid(JSON.parse(ok)) !== true) bad.push("a valid body");
    if (z.isValid(ok, { kind: "nope" }) !== false || z.validate(ok, { kind: "nope" }).valid !== false) bad.push("unreadable options");
    if (counts[0] < 100 || counts[1] < 100) bad.push(`too few of one verdict: ${counts}`);
    return bad.length === 0 || `${bad.length}: ${bad.slice(0, 8).join(", ")}`;
  });

  check("reports are plain JSON objects (no Map, no BigInt)", () => {
    const r = z.validate({ messages: [{ role: "User", content: [] }] });
    if (Object.getPrototypeOf(r) !== Object.prototype) return "not a plain object";
    if (!Array.isArray(r.errors)) return "errors is not an array";
    return JSON.stringify(r).length > 0 && typeof r.summary.error_count === "number";
  });

  check("broken inputs give reports, never exceptions", () => {
    const cyclic = {};
    cyclic.self = cyclic;
    for (const input of [undefined, null, 42, "", "{", "[1,2", cyclic, () => 1, "x".repeat(100000), new Uint8Array([0xff, 0xfe]), { messages: "nope" }]) {
      const r = z.validate(input);
      if (typeof r.valid !== "boolean" || r.valid) return `input ${String(input).slice(0, 20)} gave ${JSON.stringify(r).slice(0, 120)}`;
    }
    const big = { messages: [{ role: "user", content: [{ type: "text", text: "y".repeat(1 << 20) }] }] };
    return z.validate(big).valid === true;
  });

  check("an object is checked as JSON.stringify sends it; text as written", () => {
    const user = { role: "user", content: [{ type: "text", text: "hi" }] };
    // JSON.stringify writes NaN as null: the server gets `"temperature": null` (accepted)
    const obj = z.validate({ messages: [user], temperature: NaN });
    if (!obj.valid || obj.warnings.length) return `object with NaN: ${JSON.stringify(obj)}`;
    // the text `NaN` (Python's json.dumps writes it) is read as a float: out of range, and warned
    const text = z.validate(`{"messages": [${JSON.stringify(user)}], "temperature": NaN}`);
    const codes = [...text.errors, ...text.warnings].map((i) => i.code).join(",");
    if (codes !== "sampling.temperature_range,json.non_standard_number") return `text with NaN: ${codes}`;
    // a BigInt, which JSON.stringify refuses: an issue, not a throw
    const big = z.validate({ messages: [user], seed: 10n });
    if (big.valid || !/BigInt/i.test(big.errors[0].message)) return `BigInt: ${JSON.stringify(big)}`;
    return true;
  });

  check("kinds and options", () => {
    const thread = z.validate({ name: "n" }, { kind: "thread" });
    if (thread.errors[0].code !== "envelope.thread.visibility_required") return JSON.stringify(thread);
    const strict = z.validate({ messages: [{ role: "user", content: "hi" }] }, { strict: true });
    if (strict.valid || strict.errors[0].code !== "message.content.string") return JSON.stringify(strict);
    const bad = z.validate({ messages: [] }, { kind: "nope" });
    if (bad.valid || !bad.errors[0].message.includes("unknown kind")) return JSON.stringify(bad);
    const prof = z.validate({ messages: [{ role: "user", content: [{ type: "text", text: "q" }] }], thinking: { enabled: true } }, { profile: { supports_reasoning: false } });
    if (prof.errors[0]?.code !== "model.reasoning_support") return JSON.stringify(prof);
    const spans = z.validate('{"messages":[{"role":"User","content":"x"}]}', { spans: true });
    return spans.errors[0].span.start === 21 || JSON.stringify(spans.errors[0]);
  });

  check("kind auto (the default) tells the request kind from the body, as the CLI does", () => {
    const bodies = [
      [{ pgpt: { messages: [] }, thread_id: "t" }, "interaction"],
      [{ pgpt: { messages: [] } }, "project-chat"],
      [{ name: "n", visibility: "private" }, "thread"],
      [{ name: "n" }, "thread-update"],
      [{ messages: [] }, "chat"],
    ];
    for (const [body, kind] of bodies) {
      const want = JSON.stringify(z.validate(body, { kind }));
      for (const got of [z.validate(body), z.validate(body, { kind: "auto" }), z.validate(JSON.stringify(body))]) {
        if (JSON.stringify(got) !== want) return `${kind}: ${JSON.stringify(got)} != ${want}`;
      }
    }
    // the interaction is not read as a chat request (which would say `messages` is missing)
    const interaction = z.validate({ pgpt: { messages: [{ role: "user", content: [{ type: "text", text: "q" }] }] }, thread_id: "t" });
    return !interaction.errors.some((i) => i.code === "messages.required") || JSON.stringify(interaction);
  });

  check("builders produce valid bodies", () => {
    const PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";
    const body = z
      .chatRequest()
      .system("Be brief.")
      .message(z.userMessage(z.image(PNG, "image/png"), "Where is order 42?"))
      .message(z.assistantMessage(z.toolUse("t1", "lookup", { id: "42" })))
      .message(z.userMessage(z.toolResult("t1", "shipped"), "When will it arrive?"))
      .tool(z.customTool("lookup", "Look up an order", { type: "object", properties: { id: { type: "string" } } }))
      .tool(z.semanticSearchTool())
      .artifact(z.ingestedArtifact("docs", ["a1"]))
      .thinking(true)
      .build();
    const r = z.validate(body);
    return (r.valid && r.warnings.length === 0) || JSON.stringify(r);
  });

  check("the built-in tool builders write the registry's name and documented type", () => {
    const made = [z.semanticSearchTool(), z.tabularAnalysisTool(), z.databaseQueryTool(), z.webSearchTool(), z.webExtractTool()];
    const want = ["semantic_search", "tabular_analysis", "database_query", "web_search", "web_extract"];
    const ok = made.every((t, i) => t.name === want[i] && t.type === `${want[i]}_v1` && Object.keys(t).length === 2);
    // each is a fresh object: changing one does not change the next
    made[0].name = "changed";
    return (ok && z.semanticSearchTool().name === "semantic_search") || JSON.stringify(made);
  });

  check("build() throws a ValidationError carrying the report", () => {
    try {
      z.chatRequest().message(z.userMessage("q")).tool(z.databaseQueryTool()).build();
      return "no error thrown";
    } catch (e) {
      return (e instanceof z.ValidationError && e.report.errors[0].code === "tool.internal.database_query.context") || String(e);
    }
  });

  full("fix returns the fixed body and the fixes", () => {
    const out = z.fix('{"messages":[{"role":"User","content":"Hi"}]}');
    return (out.fixes.length === 2 && out.report.valid && out.body.includes('"role":"user"')) || JSON.stringify(out);
  });

  full("fix(Uint8Array) reads bytes as validate(Uint8Array) does, and says when it converts", () => {
    const text = '{"messages":[{"role":"User","content":"Hé"}]}';
    const utf8 = z.fix(text);
    // UTF-16LE with a byte order mark, as Windows tools write it
    const units = [0xfeff, ...Array.from(text, (c) => c.charCodeAt(0))];
    const wide = new Uint8Array(new Uint16Array(units).buffer);
    const out = z.fix(wide);
    const first = out.fixes[0];
    if (first.code !== "json.encoding" || first.before !== "UTF-16LE" || first.after !== "UTF-8" || first.round !== 0)
      return `first fix: ${JSON.stringify(first)}`;
    if (!same(out.fixes.slice(1), utf8.fixes) || out.body !== utf8.body || !same(out.report, utf8.report))
      return `differs from the UTF-8 text: ${JSON.stringify(out)}`;
    if (!same(z.fix(new TextEncoder().encode(text)), utf8)) return "UTF-8 bytes differ from the text";
    // bytes that UTF-8 text cannot hold exactly are not rewritten; the report says why
    const bad = new TextEncoder().encode(text.replace("é", "é\u0000"));
    bad[bad.indexOf(0)] = 0xff;
    const kept = z.fix(bad);
    const error = kept.report.errors[0];
    return (kept.body === "" && kept.fixes.length === 0 && !kept.report.valid && kept.report.errors.length === 1 &&
      error.code === "json.syntax" && error.message.startsWith("nothing was fixed: the body is not valid UTF-8")) || JSON.stringify(kept);
  });

  full("schemas are available", () => {
    const s = z.schema("chat-request");
    return (s.$schema === "https://json-schema.org/draft/2020-12/schema" && z.schemaNames.includes("stream-event")) || "bad schema";
  });

  full("stream accumulator assembles a message from any chunking", () => {
    const sse =
      'event: message_start\ndata: {"type":"message_start","message":{"id":"m","content":[]}}\n\n' +
      'data: {"type":"content_block_start","block_id":"b","content_block":{"type":"text","text":""}}\n\n' +
      'data: {"type":"content_block_delta","block_id":"b","delta":{"type":"text_delta","text":"Hé"}}\n\n' +
      'data: {"type":"content_block_delta","block_id":"b","delta":{"type":"text_delta","text":"llo"}}\n\n' +
      'data: {"type":"content_block_stop","block_id":"b"}\n\ndata: {"type":"message_stop"}\n\n';
    const bytes = new TextEncoder().encode(sse);
    for (const size of [1, 3, 7, 1000]) {
      const acc = new z.StreamAccumulator();
      for (let i = 0; i < bytes.length; i += size) acc.push(bytes.subarray(i, i + size));
      acc.finish();
      if (acc.message.content[0].text !== "Héllo" || acc.issues.length !== 0 || acc.eventCount !== 6) return `size ${size}: ${JSON.stringify(acc.message)}`;
    }
    const whole = z.decodeStream(sse);
    return whole.message.content[0].text === "Héllo" && whole.events === 6;
  });

  full("the seed's example stream assembles, with the expected warnings", () => {
    const seed =
      'event: message_start\ndata: {"type":"message_start","message":{"id":"msg_3d2c1b4a5f6e7d8c","role":"assistant","content":[]}}\n\n' +
      'event: content_block_delta\ndata: {"type":"content_block_delta","delta":{"type":"text_delta","text":"• Ticket volume rose 12%"}}\n\n' +
      'event: message_stop\ndata: {"type":"message_stop"}\n';
    const r = z.decodeStream(seed);
    const codes = r.issues.map((i) => `${i.code}@${i.path}`).join(",");
    return (r.message.content[0].text === "• Ticket volume rose 12%" && codes === "stream.event@/events/1,stream.incomplete@/events/2") || `${codes} ${JSON.stringify(r.message)}`;
  });

  full("malformed streams give issues, not exceptions", () => {
    for (const bad of ["data: {nope\n\n", 'data: {"type":"content_block_stop","block_id":"x"}\n\n', "", "\r\r\r"]) {
      const r = z.decodeStream(bad);
      if (!r.issues.length) return `no issue for ${JSON.stringify(bad)}`;
    }
    return true;
  });

  full("readStream consumes a fetch-style ReadableStream", async () => {
    const enc = new TextEncoder();
    const parts = ['data: {"type":"message_start","message":{"content":[]}}\n\ndata: {"type":"content_block_start","block_id":"b","content_block":{"type":"text","text":""}}\n\nda',
      'ta: {"type":"content_block_delta","block_id":"b","delta":{"type":"text_delta","text":"ok"}}\n\n', 'data: {"type":"message_stop"}\n\n'];
    const readable = new ReadableStream({ start(c) { parts.forEach((p) => c.enqueue(enc.encode(p))); c.close(); } });
    let last;
    let updates = 0;
    for await (const u of z.readStream(readable)) {
      last = u;
      updates++;
    }
    return (last.done && last.message.content[0].text === "ok" && updates >= 3 && last.issues.length === 0) || JSON.stringify(last);
  });

  await Promise.all(pending);
  return results;
}
