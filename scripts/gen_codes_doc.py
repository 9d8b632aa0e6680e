#!/usr/bin/env python3
"""Writes docs/codes.md: one entry per issue code of crates/zylon-schema/src/check/code.rs.

For catalog codes, "why the server cares" comes from the RULES.md row (what the server does, its
text, the source); the severity and path come from docs/decisions.md; "how to fix" is written
here per code. Run it after adding a code; `tests/docs.rs` fails when a code has no entry."""
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RULES = os.path.join(ROOT, "docs", "RULES.md")

SERVER = {
    "400-body": "the server rejects the body with HTTP 400 (request validation)",
    "400-map": "the server rejects the request with HTTP 400 while mapping it",
    "400-val": "the server rejects the request with HTTP 400 in its validation phase (also on `/chat/validate`)",
    "413": "the server answers HTTP 413",
    "500": "the server fails with HTTP 500",
    "coerce": "the server accepts it but silently replaces the value",
    "drop": "the server accepts it but silently ignores the value",
    "warn-log": "the server accepts it and only logs a warning",
    "runtime": "the request is accepted, but it fails (or not) at run time",
    "spec": "a Workspace API (backend) requirement",
    "—": "no server error; a difference between the Workspace spec and the server",
    "": "no server error; a difference between the Workspace spec and the server",
}

SEVERITY = {
    "json.duplicate_key": "warning", "field.enum": "error (warning for unknown values in responses)", "field.server_only": "warning",
    "field.coerced": "warning", "field.null": "error", "tool.internal.registry": "none (recognition only)", "tool_choice.none_drops_tools": "warning",
    "tool_choice.tool_filters": "warning", "messages.last_role": "error (cannot fire on its own: the role enum rejects such roles first)",
}
for _m in ["tools_support", "reasoning_support", "image_support", "image_count", "audio_support", "audio_count", "token_limit"]:
    SEVERITY["model." + _m] = "error (only with a server profile)"

FIX = {
    "envelope.project_chat.pgpt_required": "Put the chat request under `pgpt`.",
    "envelope.project_chat.artifact_ids_type": 'Use a list of artifact id strings: `"artifact_ids": ["art_1"]`.',
    "envelope.project_chat.all_artifacts_type": "Use `true` or `false`.",
    "envelope.interaction.pgpt_required": "Put the chat request under `pgpt`.",
    "envelope.interaction.thread_id": "Add `thread_id` with the id from the URL.",
    "envelope.interaction.agent_enum": "Use `Default` or `ProjectDeepResearch` (case-sensitive).",
    "envelope.interaction.artifact_ids_type": "`artifact_ids` is a list of strings, `all_artifacts` a boolean.",
    "envelope.thread.name_required": "Add a `name` string.",
    "envelope.thread.visibility_required": 'Add `"visibility": "Private"` or `"Public"`.',
    "envelope.thread.visibility_enum": "Use `Public` or `Private` (case-sensitive).",
    "envelope.thread_update.optional_fields": "`name` is a string; `visibility` is `Public` or `Private`.",
    "request.unknown_fields": "Remove the field, or fix its name as the hint suggests.",
    "request.model": "Remove `model`; the deployment decides the model.",
    "stream.type": "Use `true` or `false`.",
    "request.correlation_id": "Send the id as a string.",
    "sampling.integer_fields": "Use a whole number (`100`, or `100.0`).",
    "sampling.temperature_range": "Use a temperature between 0 and 1 (not the 0–2 scale of other APIs).",
    "sampling.top_p_range": "Use a value between 0 and 1.",
    "sampling.top_k_min": "Use 0 or more.",
    "sampling.min_p_negative_coerced": "Use a value ≥ 0, or leave `min_p` out.",
    "sampling.penalty_negative_coerced": "Use a value ≥ 0, or leave the penalty out.",
    "sampling.seed_negative_coerced": "Use a seed ≥ 0 to get reproducible output.",
    "sampling.max_tokens_nonpositive_coerced": "Use a positive `max_tokens`, or leave it out for the default.",
    "request.stop_sequences": "Remove it unless the backend forwards it; it must be a list of strings.",
    "request.metadata_user_id": "Remove it unless the backend forwards it; `user_id` is a string of at most 512 characters.",
    "request.service_tier": "Remove it unless the backend forwards it; use `auto` or `standard_only`.",
    "request.maximum_loaded_skills": "Remove it unless the backend forwards it; use an integer ≥ 1.",
    "request.cache_control": 'Remove it unless the backend forwards it; use `{"type": "ephemeral", "ttl": "5m"}`.',
    "output_config.shape": "Use `response_format` instead (the Workspace field).",
    "messages.last_role": "End the conversation with a user (or assistant prefill) message.",
    "json.syntax": "Fix the JSON at the reported line and column (missing comma, quote or bracket; no trailing data).",
    "json.too_deep": "Flatten the structure; no request needs more than a few dozen levels.",
    "json.duplicate_key": "Remove the earlier occurrence of the key; keep the value you mean.",
    "field.type": "Send the JSON type the message names (e.g. a string, not a number).",
    "field.required": "Add the missing field.",
    "field.enum": "Use one of the listed values (they are case-sensitive).",
    "field.unknown": "Remove the field, or rename it as the hint suggests (`input_schema` → `inputSchema`).",
    "field.server_only": "Remove the field unless you know the Workspace backend forwards it.",
    "field.null": "Leave the field out instead of sending `null` (the server then uses its default), or give it a value of its type.",
    "field.coerced": "Send the value with its JSON type: `100` not `\"100\"`, `true` not `\"true\"` (`zylon-schema fix` does it).",
    "messages.required": 'Add `"messages": [{"role": "user", "content": [{"type": "text", "text": "..."}]}]`.',
    "messages.empty": "Send at least one user message.",
    "messages.system_only": "Add a user message after the system messages (or move the instructions to `system.text`).",
    "messages.user_required": "End the conversation with a user message that asks the question.",
    "messages.last_user_text_required": "Add a text block with your question next to the media in the last user message.",
    "messages.order": "Send exactly one `tool_result` per `tool_use`.",
    "messages.consecutive_same_role_merged": "Merge the messages yourself, or alternate user and assistant.",
    "message.role.required": 'Add `"role": "user"` (or `assistant` / `system`).',
    "message.role.enum": "Use `system`, `user` or `assistant` in lower case; send tool output as a `tool_result` block, not a `tool` message.",
    "message.role.system_extracted": "Put instructions in `system.text`; only text blocks of system messages are kept.",
    "message.content.required": "Add `content`: an array of blocks.",
    "message.content.empty": "Put at least one block in `content`.",
    "message.content.string": 'Use `[{"type": "text", "text": "..."}]` (`zylon-schema fix` does it).',
    "message.content.null_block": "Remove the `null` entries from `content`.",
    "message.meta": "Remove message-level `_meta`, or put it on a block.",
    "blocks.type.unknown": "Use one of text, image, audio, binary, file, source, tldr, thinking, tool_use, tool_result (lower case).",
    "block.pgpt_only_types": "Use a Workspace block type if you can; the backend may not forward this one.",
    "block.timestamps": "Use ISO-8601 date-times such as `2026-02-08T14:41:10Z`.",
    "block.meta": "Make `_meta` an object.",
    "block.text.fields": "`text` must be a string and `citations` an array.",
    "block.text.citation_index_int": "Send the citation `index` as an integer.",
    "block.image.data_required": "Add `data`: base64, a `data:` URI or an https URL.",
    "block.image.mime_type_required": 'Add `"mime_type"`, e.g. `"image/png"` (the hint gives the type detected from the bytes; `zylon-schema fix` adds it).',
    "block.image.mime_type_coerced": "Convert the image to PNG, JPEG, GIF or WebP.",
    "block.image.media_type_enum": "Use image/jpeg, image/png, image/gif or image/webp in `source.media_type`.",
    "block.image.url_fetched": "Make sure the server can download the URL (http, https or s3), or send base64.",
    "block.image.data_uri": "Use `data:<mime>;base64,<payload>` with a strict base64 payload.",
    "block.image.base64_decodable": "Send standard base64 with `=` padding and no line breaks, a `data:` URI or a URL — never a file path or a placeholder.",
    "block.image.size_limit": "Send a smaller file (at most 25 MiB decoded by default), or a URL.",
    "block.audio.mime_type_required": 'Add `"mime_type"`, e.g. `"audio/wav"`.',
    "block.binary.mime_type_required": "Add both `data` and `mime_type`.",
    "block.binary.filename_optional": "Make `filename` a string or leave it out.",
    "block.file.unsupported": "Send the document as a `binary` block (`data` + `mime_type`) or as a `file` artifact in `tool_context`.",
    "block.media.mime_mismatch": "Declare the type the bytes really have (the hint names it).",
    "block.media.mime_type_syntax": "Use a `type/subtype` media type such as `image/png`.",
    "block.thinking.signature_required": "Send thinking blocks back exactly as the model produced them, `signature` included.",
    "block.source.sources_required": 'Add `"sources": []`.',
    "block.source.item_shape": "Use the server's shapes: `{object: \"context.website\", id, url}` or `{object: \"context.chunk\", score, text, document: {object: \"ingest.document\", artifact}}`.",
    "block.tool_use.id_pattern": "Use ids made of letters, digits, `_` and `-`.",
    "block.tool_use.name_length": "Use a tool name of 1–200 characters.",
    "block.tool_use.input_required": "Add `input` as a JSON object (`{}` when there are no arguments), not a JSON-encoded string.",
    "block.server_tool_use.id_pattern": "Use ids made of letters, digits and `_` only.",
    "block.tool_use.assistant_only": "Move the `tool_use` into an assistant message.",
    "block.tool_use.unique_id": "Give every `tool_use` its own id.",
    "block.tool_result.tool_use_id_pattern": "Use the id of the tool_use (letters, digits, `_`, `-`).",
    "block.tool_result.unknown_id": "Put the `tool_result` after the `tool_use` it answers, with the same id.",
    "block.tool_use.requires_result": "Add a `tool_result` for the call, or remove the `tool_use`.",
    "block.tool_result.content_optional": 'Add `"content": [{"type": "text", "text": "..."}]`.',
    "block.tool_result.content_string": "Use an array of blocks for the result; never nest a `tool_result`.",
    "block.tldr.assistant_only": "Move the `tldr` into an assistant message.",
    "block.tldr.content_types": "Keep only basic blocks (text, image, ...) inside a `tldr`.",
    "block.tldr.side_enum": "Remove `tldr_side`, or use `left` / `right`.",
    "block.tldr.meta_role": "Use a chat role (`user`, `assistant`, ...) in the item's `_meta.role`.",
    "tools.item_shape": 'Describe each tool as an object: `{"name": "...", "type": "web_search_v1"}` or a custom tool with `inputSchema`.',
    "tool.name.required": "Give the custom tool a `name`, or use a built-in `type`.",
    "tool.internal.name_optional": "Add the canonical `name` (the hint names it).",
    "tool.name.unique": "Rename or remove the duplicate tool.",
    "tool.internal.registry": "Use a built-in type from the table in RULES.md §8.",
    "tool.internal.fields_dropped": "Remove `description`/`inputSchema` from built-in tools; they are ignored.",
    "tool.internal.semantic_search.context": 'Add exactly one `{"type": "ingested_artifact", "context_filter": {...}}` to `tool_context`.',
    "tool.internal.tabular_analysis.context": "Add exactly one `ingested_artifact` to `tool_context`.",
    "tool.internal.database_query.context": 'Add a `{"type": "sql_database", "connection_string": "..."}` artifact.',
    "tool.internal.skills.context": "Add exactly one `skill` artifact.",
    "tool.internal.code_execution": "Make sure the deployment has a code-execution sandbox.",
    "tool.internal.unknown_workspace_types": "Expect the model's calls to this tool to come back to you unless the Workspace backend handles it.",
    "tool.anthropic.server_types": "Use the Zylon type (`web_search_v1`, ...) to be explicit.",
    "tool.anthropic.unknown_dropped": "Remove the tool, or describe it as a custom tool.",
    "tool.context.per_tool": "Pass artifacts in the top-level `tool_context`.",
    "tool.custom.input_schema_alias": "Rename `input_schema` to `inputSchema` (`zylon-schema fix` does it).",
    "tool.custom.input_schema_object": "Make `inputSchema` a JSON Schema object, not a string.",
    "tool.custom.input_schema_default": 'Add `"inputSchema": {"type": "object", "properties": {...}}`.',
    "tool.custom.input_schema_shape": 'Give the schema `"type": "object"` and `"properties"` (arrays need `items`).',
    "tool_choice.type_enum": "Use `auto`, `any`, `tool` or `none` (lower case).",
    "tool_choice.unknown_tool": "Name one of the tools in `tool_choice.name` (the hint lists them).",
    "tool_choice.name_missing": "Add the tool's `name`.",
    "tool_choice.tool_without_tools": "Add the tool to `tools`, or remove `tool_choice`.",
    "tool_choice.none_drops_tools": "Remove the tools if you do not want them.",
    "tool_choice.tool_filters": "Expected when forcing one tool; remove the others to make it explicit.",
    "tool_choice.forced_hint": "Expected when forcing tools; use `auto` to avoid the added sentence.",
    "tool_choice.disable_parallel": "Use `true` or `false`.",
    "tool_choice.validation_mode": "Remove `validation_mode` unless the backend forwards it.",
    "tool_context.requires_tools": "Add the tool that uses the artifacts, or remove `tool_context`.",
    "tool_context.kind": "Use file, uri, text, ingested_artifact or sql_database.",
    "artifact.file.value_base64": 'Send `{"type": "file", "value": "<base64>"}` (not `content`).',
    "artifact.uri.value_required": 'Send `{"type": "uri", "value": "https://..."}`.',
    "artifact.text.value_required": 'Send `{"type": "text", "value": "..."}` (not `text`).',
    "artifact.ingested.context_filter_required": 'Add `"context_filter": {"collection": "...", "artifacts": ["..."]}`.',
    "artifact.sql.connection_string_required": "Add the `connection_string`.",
    "artifact.skill.skill_filter_required": 'Add `"skill_filter": {"collection": "..."}`.',
    "context_filter.collection_default": "Name the `collection` and the `artifacts` explicitly.",
    "context_filter.metadata_filter_list": "Make `metadata_filter` a list of `{key, value, operator}` objects.",
    "metadata_filter.operator": "Use ==, >, <, !=, >=, <=, in or nin.",
    "metadata_filter.value_type": "Use a string value for Workspace compatibility; the server rejects booleans, objects and lists that mix strings and numbers.",
    "response_format.type_enum": "Use `text` or `json_schema`.",
    "response_format.json_schema_required": "Add a non-empty `json_schema` object.",
    "response_format.json_schema_shape": 'Use a schema like `{"type": "object", "properties": {...}}`.',
    "response_format.no_tools": "Remove `tools`, or drop structured output.",
    "response_format.no_mcp": "Remove `mcp_servers`, or drop structured output.",
    "response_format.no_citations": "Set `system.citations.enabled` to false, or drop structured output.",
    "response_format.text_ignores_schema": 'Set `"type": "json_schema"` to get structured output, or remove `json_schema`.',
    "mcp.url_required": "Add the server's `url`.",
    "mcp.refresh_token_client_id": "Add `client_id` with `refresh_token`; use a valid auth method.",
    "mcp.tool_configuration": "`enabled` is a boolean, `allowed_tools` a list of names.",
    "mcp.unknown_field_type": "Remove `type`; it has no effect.",
    "system.shape": 'Send `system` as one object: `{"text": "..."}`.',
    "system.text": "Make `system.text` a string.",
    "system.use_default_prompt_deprecated": "Remove `use_default_prompt`.",
    "system.citations.enabled": "`enabled` is a boolean; `known_citations` a list of citations.",
    "system.citations.known_citations_merge_crash": "Send `system` as a single object.",
    "system.extensions_enum": "Use `zylon` (the only extension).",
    "system.blob_visibility_enum": "Remove the field, or use a valid value.",
    "thinking.enabled_bool": "Use `true` or `false`.",
    "thinking.effort": "Use `thinking.enabled` instead.",
    "model.tools_support": "Use a model with tool calling, or remove the tools and MCP servers.",
    "model.reasoning_support": "Turn thinking off, or use a reasoning model.",
    "model.image_support": "Use a vision model, or remove the images.",
    "model.image_count": "Send fewer images in the last user message.",
    "model.audio_support": "Use an audio model, or remove the audio.",
    "model.audio_count": "Send fewer audio blocks.",
    "model.token_limit": "Shorten the message or the system prompt (tokens are estimated as ⌈characters / 4⌉).",
    "stream.syntax": "Check the capture: each event is `event:`/`data:` lines and a blank line; data is JSON.",
    "stream.incomplete": "Capture the whole stream (up to `message_stop` and its blank line).",
    "stream.order": "Report it: the server sent events out of order, or the capture was spliced.",
    "stream.event": "Nothing to fix on your side; the event lacks a field the Workspace spec lists.",
    "stream.error_event": "Read the error message; the answer may be incomplete.",
    "stream.unknown_event": "Update zylon-schema; the event was kept unchanged.",
    "stream.input_json": "The tool arguments were cut off; retry the request.",
}

GENERIC_WHY = {
    "json.syntax": "The server cannot parse the body and answers HTTP 400.",
    "json.too_deep": "Such nesting is never a real request; the validator stops there to stay safe.",
    "json.duplicate_key": "JSON parsers keep the last value; the earlier one is silently lost.",
    "field.type": "The server's request models reject values of the wrong type (HTTP 400).",
    "field.required": "The field is required by the server or the Workspace spec.",
    "field.enum": "The value is outside the allowed set.",
    "field.unknown": "Unknown fields are ignored by the server (`extra=\"allow\"`): whatever you meant by it has no effect.",
    "field.server_only": "The server understands the field but the Workspace API does not list it; the backend may drop it (RULES.md §1.4).",
    "field.null": "The server's models give the field a default but do not accept `None`: pydantic rejects the explicit `null` with a 400 (RULES.md Part 3.1).",
    "field.coerced": "The server converts the string (lax parsing); other languages' clients may not.",
    "block.media.mime_mismatch": "The server trusts the declared type; a wrong one makes the model misread the file.",
    "block.media.mime_type_syntax": "An invalid media type is relabelled or rejected downstream.",
    "stream.syntax": "A client cannot decode the event.",
    "stream.incomplete": "A browser EventSource drops an unterminated last event; a stream without `message_stop` was cut off.",
    "stream.order": "The events do not describe a well-formed message.",
    "stream.event": "The event lacks a field that identifies the block.",
    "stream.error_event": "The server reported an error during generation.",
    "stream.unknown_event": "A newer server may send events this library does not know; they are kept, not applied.",
    "stream.input_json": "The streamed tool arguments do not form valid JSON.",
}


def codes():
    src = open(os.path.join(ROOT, "crates", "zylon-schema", "src", "check", "code.rs")).read()
    body = src[src.index("codes! {"):]
    out, doc, section = [], [], ""
    for line in body.splitlines():
        s = line.strip()
        if s.startswith("// ----"):
            section = s.strip("/- ").strip()
        elif s.startswith("///"):
            doc.append(s[3:].strip())
        else:
            m = re.match(r'(\w+) = "([^"]+)",', s)
            if m:
                out.append((m.group(2), " ".join(doc), section))
                doc = []
    return out


def rules_rows():
    rows = {}
    for line in open(RULES):
        if not line.startswith("| `"):
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) < 6:
            continue
        rid = cells[0].strip("`")
        rows[rid] = {"what": cells[1], "server": cells[2], "text": cells[3], "source": cells[4], "offline": cells[5]}
    return rows


def decisions():
    rows = {}
    for line in open(os.path.join(ROOT, "docs", "decisions.md")):
        if not line.startswith("|") or line.startswith("|---") or line.startswith("| Situation"):
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 4:
            continue
        situation, sev, code, path = cells
        for c in re.split(r"\s*/\s*|\s+", code):
            c = c.strip("`()")
            if "." in c:
                rows.setdefault(c, []).append((situation, sev, path))
    return rows


def main():
    rules, dec = rules_rows(), decisions()
    out = ["# Issue codes", "",
           "Every issue the validator reports has one of these codes. Each entry says what it means, why the server cares, how to fix it, "
           "its severity and where its path points. The catalog codes are the rule ids of `RULES.md` Part 2; the others follow the same dotted style.",
           "", "How to read a report: `errors` are what the server would reject; `warnings` are what it accepts but changes, drops, or what the "
           "Workspace spec does not present as valid (RULES.md Part 1, the 2×2 table: server rejects + Workspace docs present it as valid → warning, "
           "server rejects otherwise → error, server accepts but changes/drops → warning, server accepts unchanged but the Workspace spec does not "
           "endorse it → warning). With `strict`, every warning is an error.", "",
           "The `model.*` codes only appear when the caller passes a server profile (model capabilities and limits); token counts are estimated "
           "as ⌈characters / 4⌉.", "",
           "This page is generated by `scripts/gen_codes_doc.py` from the code list, `RULES.md` and `docs/decisions.md`; `tests/docs.rs` checks it covers every code.", ""]
    section = None
    for cid, summary, sec in codes():
        if sec != section:
            out += [f"## {sec}", ""]
            section = sec
        out += [f'<a id="{cid}"></a>', f"### `{cid}`", ""]
        d = dec.get(cid, [])
        sevs = sorted({s for _, s, _ in d if s}) or (["error"] if cid.startswith(("json.syntax", "json.too", "stream.syntax")) else ["see below"])
        severity = " / ".join(sevs)
        if cid.startswith("stream.") and cid != "stream.type":
            severity = {"stream.syntax": "error", "stream.incomplete": "warning (error when there is no message_start)", "stream.order": "error (warning for events before message_start)",
                        "stream.event": "warning (error when the block is missing)", "stream.error_event": "error", "stream.unknown_event": "warning", "stream.input_json": "error"}[cid]
        severity = SEVERITY.get(cid, severity)
        out.append(f"**Severity:** {severity}")
        out.append("")
        out.append(f"**What it means:** {summary}")
        out.append("")
        r = rules.get(cid)
        if r:
            why = SERVER.get(r["server"], r["server"])
            text = f' ("{r["text"].strip(chr(34))}")' if r["text"] not in ("—", "") else ""
            extra = " This depends on the Workspace backend, which is not public (**[koala?]**)." if "koala" in r["offline"] else ""
            out.append(f"**Why the server cares:** {r['what']} — {why}{text}. Source: {r['source']}.{extra}")
        else:
            out.append(f"**Why the server cares:** {GENERIC_WHY.get(cid, 'See the message: it names what the server does with this value.')}")
        out.append("")
        out.append(f"**How to fix:** {FIX.get(cid, 'Follow the hint in the issue.')}")
        out.append("")
        if d:
            out.append("**Path:** " + "; ".join(f"{p} ({s.lower()})" for s, _, p in d[:4]))
        else:
            out.append("**Path:** the value the message names (`/events/N` for stream issues).")
        out.append("")
    path = os.path.join(ROOT, "docs", "codes.md")
    with open(path, "w") as f:
        f.write("\n".join(out))
    missing_fix = [c for c, _, _ in codes() if c not in FIX]
    if missing_fix:
        print("codes without a hand-written fix:", missing_fix, file=sys.stderr)
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
