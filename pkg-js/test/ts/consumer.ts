// Compiled with `tsc --strict` against the packed package: correct code compiles, and each line
// marked `@ts-expect-error` is a mistake users make that the types must catch.
import {
  validate, isValid, chatRequest, userMessage, text, image, toolUse, fix,
  type ChatRequest, type ContentBlock, type MessageInput, type Report, type Issue, type KindChoice, type FixResult,
} from "zylon-schema";
import { schema, schemaNames } from "zylon-schema/schemas";
import * as validateOnly from "zylon-schema/validate";
// @ts-expect-error: the validate-only entry has no `fix` (nor the stream decoders).
import { fix as noFixHere } from "zylon-schema/validate";

// ---- correct code ----
const body: ChatRequest = {
  messages: [{ role: "user", content: [{ type: "text", text: "Hi" }] }],
  temperature: 0.2,
  max_tokens: 64,
  tools: [{ name: "semantic_search", type: "semantic_search_v1" }],
};
const report: Report = validate(body, { kind: "chat", strict: true });
const auto: Report = validate(body); // kind "auto" is the default
const gate: boolean = isValid(JSON.stringify(body), { kind: "chat" }) && isValid(body);
const kinds: KindChoice[] = ["auto", "chat", "interaction"];
const fixedAt: number = (fix("{}") as FixResult).fixes.map((f) => f.offset + f.round).length;
const first: Issue | undefined = report.errors[0];
const code: string | undefined = first?.code;
const fixed: string = fix(JSON.stringify(body)).body;
const built: ChatRequest = chatRequest().message(userMessage(text("q"), image("iVBORw0KGgo=", "image/png"))).build();
const chatSchema: object = schema(schemaNames[0]);

// narrowing a block gives its own fields
function describe(b: ContentBlock): string {
  switch (b.type) {
    case "text":
      return b.text ?? "";
    case "image":
      return b.mime_type ?? "";
    case "tool_use":
      return `${b.id} ${b.name}`;
    default:
      return b.type;
  }
}
// builders return typed blocks
const t: string | undefined = text("x").text;
const call: string = toolUse("t1", "lookup", {}).id;
const message: MessageInput = userMessage("hello");

// the validate-only entry: the same validate, builders and types
const lean: Report = validateOnly.validate(body, { kind: "chat" });
const leanGate: boolean = validateOnly.isValid(body, { strict: true });
const leanBuilt: validateOnly.ChatRequest = validateOnly.chatRequest().message(validateOnly.userMessage("q")).build();

// ---- mistakes ----
// @ts-expect-error: `messages` is required.
const noMessages: ChatRequest = { temperature: 0.2 };
// @ts-expect-error: roles are an enum.
const badRole: ChatRequest = { messages: [{ role: "human", content: [{ type: "text", text: "x" }] }] };
// @ts-expect-error: max_tokens is a number.
const badTokens: ChatRequest = { messages: [], max_tokens: "64" };
// @ts-expect-error: a misspelt top-level field.
const misspeltTop: ChatRequest = { messages: [], max_token: 10 };
// @ts-expect-error: a text block's text is a string.
const textNumber: ContentBlock = { type: "text", text: 42 };
// @ts-expect-error: a misspelt field of a block.
const misspeltField: ContentBlock = { type: "text", txt: "hi" };
// @ts-expect-error: a misspelt block type.
const misspeltType: ContentBlock = { type: "txt", text: "hi" };
// @ts-expect-error: an image's mime_type is a string.
const badMime: ContentBlock = { type: "image", data: "iVBORw0KGgo=", mime_type: 5 };
// @ts-expect-error: a tool_use needs an id.
const noId: ContentBlock = { type: "tool_use", name: "lookup", input: {} };
// @ts-expect-error: the kind must be one of the known kinds.
validate(body, { kind: "chats" });
// @ts-expect-error: options are checked too.
validate(body, { stric: true });
// @ts-expect-error: in the validate-only entry too.
validateOnly.validate(body, { kind: "chats" });
// @ts-expect-error: isValid gives a boolean, not a Report.
const gateReport: Report = isValid(body);
// @ts-expect-error: its options are checked as validate's.
isValid(body, { kind: "chats" });
// @ts-expect-error: the validate-only entry has no stream decoders.
validateOnly.decodeStream("data: {}");

export {
  report, auto, kinds, fixedAt, code, fixed, built, chatSchema, describe, t, call, message, noMessages, badRole, badTokens,
  misspeltTop, textNumber, misspeltField, misspeltType, badMime, noId, lean, leanBuilt, noFixHere, gate, leanGate,
  gateReport,
};
