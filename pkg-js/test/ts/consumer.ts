// Compiled with `tsc --noEmit`: the public types accept good bodies and reject wrong ones.
import { validate, chatRequest, userMessage, text, image, fix, type ChatRequest, type Report, type Issue } from "zylon-schema";

const body: ChatRequest = {
  messages: [{ role: "user", content: [{ type: "text", text: "Hi" }] }],
  temperature: 0.2,
  max_tokens: 64,
  tools: [{ name: "semantic_search", type: "semantic_search_v1" }],
};
const report: Report = validate(body, { kind: "chat", strict: true });
const first: Issue | undefined = report.errors[0];
const code: string | undefined = first?.code;
const fixed: string = fix(JSON.stringify(body)).body;
const built: ChatRequest = chatRequest().message(userMessage(text("q"), image("iVBORw0KGgo=", "image/png"))).build();

// @ts-expect-error: `messages` is required.
const noMessages: ChatRequest = { temperature: 0.2 };
// @ts-expect-error: roles are an enum.
const badRole: ChatRequest = { messages: [{ role: "human", content: [{ type: "text", text: "x" }] }] };
// @ts-expect-error: max_tokens is a number.
const badTokens: ChatRequest = { messages: [], max_tokens: "64" };
// @ts-expect-error: the kind must be one of the known kinds.
validate(body, { kind: "chats" });

export { report, code, fixed, built, noMessages, badRole, badTokens };
