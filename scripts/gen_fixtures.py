#!/usr/bin/env python3
"""Authoring tool for crates/zylon-schema/tests/fixtures/: each case below is written by hand from
RULES.md / docs/decisions.md (body + the exact issues expected), and this script writes one JSON
file per case. The expectations never come from running the validator."""
import copy
import json
import os
import shutil
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "crates", "zylon-schema", "tests", "fixtures")

PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
JPEG = "/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wAALCAABAAEBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAAA//EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AN//Z"
WAV = "UklGRiQAAABXQVZFZm10IBAAAAABAAEAQB8AAEAfAAABAAgAZGF0YQAAAAA="
PDF = "JVBERi0xLjQKJcOkw7zDtsOfCjEgMCBvYmoKPDwvVHlwZS9DYXRhbG9nPj4KZW5kb2JqCg=="

CASES = []


def case(area, name, body, errors=(), warnings=(), kind="chat", description="", options=None, body_text=None):
    fx = {"description": description or name.replace("-", " "), "kind": kind}
    if options:
        fx["options"] = options
    if body_text is not None:
        fx["body_text"] = body_text
    else:
        fx["body"] = body
    fx["expect"] = {
        "valid": not errors,
        "errors": [{"code": c, "path": p} for c, p in errors],
        "warnings": [{"code": c, "path": p} for c, p in warnings],
    }
    CASES.append((area, name, fx))


def user(text="What changed this week?"):
    return {"role": "user", "content": [{"type": "text", "text": text}]}


def asst(*blocks):
    return {"role": "assistant", "content": list(blocks) or [{"type": "text", "text": "Sure."}]}


def chat(*msgs, **extra):
    b = {"messages": list(msgs) or [user()]}
    b.update(extra)
    return b


def ublocks(*blocks):
    return {"role": "user", "content": list(blocks)}


def text(t="Describe this."):
    return {"type": "text", "text": t}


def tu(i="toolu_1", name="lookup", inp=None):
    return {"type": "tool_use", "id": i, "name": name, "input": {"q": "x"} if inp is None else inp}


def tr(i="toolu_1", content=None):
    return {"type": "tool_result", "tool_use_id": i, "content": [text("result")] if content is None else content}


INGESTED = {"type": "ingested_artifact", "context_filter": {"collection": "c1", "artifacts": ["art_1"]}}
SQL = {"type": "sql_database", "connection_string": "postgresql://reader@db.internal:5432/sales"}
SEM = {"name": "semantic_search", "type": "semantic_search_v1"}
CUSTOM = {"name": "lookup", "description": "Look up an order", "inputSchema": {"type": "object", "properties": {"id": {"type": "string"}}}}
PAIR = [user("Find order 42"), asst(tu()), ublocks(tr(), text("Thanks, and the next one?"))]

# ---------------------------------------------------------------- json / generic
case("json", "syntax-missing-comma", None, [("json.syntax", "")], body_text='{"messages": [] "stream": true}')
case("json", "syntax-truncated", None, [("json.syntax", "")], body_text='{"messages": [{"role": "user"')
case("json", "syntax-trailing-data", None, [("json.syntax", "")], body_text='{"messages": [{"role":"user","content":[{"type":"text","text":"hi"}]}]} x')
case("json", "syntax-single-quotes", None, [("json.syntax", "")], body_text="{'messages': []}")
case("json", "bom-is-accepted", None, body_text='\ufeff{"messages":[{"role":"user","content":[{"type":"text","text":"hi"}]}]}')
case("json", "too-deep", None, [("json.too_deep", "")], body_text='{"messages":[' + "[" * 300 + "]" * 300 + "]}")
case("json", "deep-but-allowed", None, [("messages.last_user_text_required", "/messages/0/content")],
     body_text='{"messages":[{"role":"user","content":[{"type":"tool_use_placeholder"}]}]}'.replace(
         '[{"type":"tool_use_placeholder"}]', '[{"type":"image","data":"' + PNG + '","mime_type":"image/png","_meta":' + '{"a":' * 100 + "1" + "}" * 100 + "}]"))
case("json", "duplicate-key", None, [], [("json.duplicate_key", "/max_tokens")],
     body_text='{"messages":[{"role":"user","content":[{"type":"text","text":"hi"}]}],"max_tokens":1.5,"max_tokens":64}')
case("json", "root-not-object", [chat()], [("field.type", "")])
case("json", "root-string", "hello", [("field.type", "")])
case("json", "five-independent-problems", {
    "messages": [{"role": "User", "content": [text("hi")]}, {"content": [text("x")]}, user("go")],
    "temperature": 3, "max_tokens": 2.5, "tool_choice": {"type": "sometimes"}},
    [("message.role.enum", "/messages/0/role"), ("message.role.required", "/messages/1/role"),
     ("sampling.temperature_range", "/temperature"), ("sampling.integer_fields", "/max_tokens"),
     ("tool_choice.type_enum", "/tool_choice/type")])

# ---------------------------------------------------------------- request top level
case("request", "minimal-valid", chat())
case("request", "messages-missing", {"stream": True}, [("messages.required", "/messages")])
case("request", "messages-null", {"messages": None}, [("messages.required", "/messages")])
case("request", "messages-not-array", {"messages": {"role": "user"}}, [("messages.required", "/messages")])
case("request", "unknown-top-level-typo", chat(temprature=0.2), [], [("request.unknown_fields", "/temprature")])
case("request", "unknown-top-level", chat(foo="bar"), [], [("request.unknown_fields", "/foo")])
case("request", "model-field", chat(model="default"), [], [("request.model", "/model")])
case("request", "model-unknown-name", chat(model="gpt-4o"), [], [("request.model", "/model")])
case("request", "stream-true", chat(stream=True))
case("request", "stream-string-true-coerced", chat(stream="true"), [], [("field.coerced", "/stream")])
case("request", "stream-bad-string", chat(stream="maybe"), [("stream.type", "/stream")])
case("request", "stream-number-2", chat(stream=2), [("stream.type", "/stream")])
case("request", "correlation-id-string", chat(correlation_id="req-1"))
case("request", "correlation-id-number", chat(correlation_id=12), [("request.correlation_id", "/correlation_id")])
case("request", "stop-sequences-server-only", chat(stop_sequences=["END"]), [], [("request.stop_sequences", "/stop_sequences")])
case("request", "stop-sequences-wrong-type", chat(stop_sequences="END"), [], [("request.stop_sequences", "/stop_sequences")])
case("request", "metadata-server-only", chat(metadata={"user_id": "u1"}), [], [("request.metadata_user_id", "/metadata")])
case("request", "metadata-user-id-too-long", chat(metadata={"user_id": "u" * 600}), [], [("request.metadata_user_id", "/metadata")])
case("request", "service-tier-ok", chat(service_tier="auto"), [], [("request.service_tier", "/service_tier")])
case("request", "service-tier-bad", chat(service_tier="fast"), [], [("request.service_tier", "/service_tier")])
case("request", "maximum-loaded-skills", chat(maximum_loaded_skills=0), [], [("request.maximum_loaded_skills", "/maximum_loaded_skills")])
case("request", "cache-control", chat(cache_control={"type": "ephemeral", "ttl": "2h"}), [], [("request.cache_control", "/cache_control")])
case("request", "output-config", chat(output_config={"effort": "high"}), [], [("output_config.shape", "/output_config")])
case("request", "output-config-format-with-tools", chat(output_config={"format": {"type": "json_schema", "schema": {"type": "object", "properties": {}}}}, tools=[CUSTOM]),
     [], [("output_config.shape", "/output_config"), ("response_format.no_tools", "/tools")])
case("request", "container-server-only", chat(container="c1"), [], [("field.server_only", "/container")])
case("request", "optional-nulls", chat(stream=None, tools=None, tool_choice=None, system=None, thinking=None, max_tokens=None, temperature=None))

# ---------------------------------------------------------------- sampling
case("sampling", "temperature-1-ok", chat(temperature=1.0))
case("sampling", "temperature-0-ok", chat(temperature=0))
case("sampling", "temperature-above-1", chat(temperature=1.0001), [("sampling.temperature_range", "/temperature")])
case("sampling", "temperature-negative", chat(temperature=-0.1), [("sampling.temperature_range", "/temperature")])
case("sampling", "temperature-string-coerced", chat(temperature="0.5"), [], [("field.coerced", "/temperature")])
case("sampling", "temperature-string-out-of-range", chat(temperature="1.5"), [("sampling.temperature_range", "/temperature")], [("field.coerced", "/temperature")])
case("sampling", "temperature-not-number", chat(temperature="warm"), [("field.type", "/temperature")])
case("sampling", "top-p-ok", chat(top_p=0.9))
case("sampling", "top-p-above-1", chat(top_p=1.2), [("sampling.top_p_range", "/top_p")])
case("sampling", "top-p-negative", chat(top_p=-0.5), [("sampling.top_p_range", "/top_p")])
case("sampling", "top-k-zero-ok", chat(top_k=0))
case("sampling", "top-k-negative", chat(top_k=-1), [("sampling.top_k_min", "/top_k")])
case("sampling", "max-tokens-integral-float-ok", chat(max_tokens=100.0))
case("sampling", "max-tokens-fractional", chat(max_tokens=1.5), [("sampling.integer_fields", "/max_tokens")])
case("sampling", "max-tokens-string-coerced", chat(max_tokens="100"), [], [("field.coerced", "/max_tokens")])
case("sampling", "max-tokens-zero", chat(max_tokens=0), [], [("sampling.max_tokens_nonpositive_coerced", "/max_tokens")])
case("sampling", "max-tokens-negative", chat(max_tokens=-5), [], [("sampling.max_tokens_nonpositive_coerced", "/max_tokens")])
case("sampling", "max-tokens-one-ok", chat(max_tokens=1))
case("sampling", "seed-fractional", chat(seed=3.3), [("sampling.integer_fields", "/seed")])
case("sampling", "seed-negative", chat(seed=-1), [], [("sampling.seed_negative_coerced", "/seed")])
case("sampling", "seed-zero-ok", chat(seed=0))
case("sampling", "priority-fractional", chat(priority=0.5), [("sampling.integer_fields", "/priority")])
case("sampling", "priority-integer-ok", chat(priority=2))
case("sampling", "top-k-fractional", chat(top_k=2.5), [("sampling.integer_fields", "/top_k")])
case("sampling", "min-p-negative", chat(min_p=-0.1), [], [("sampling.min_p_negative_coerced", "/min_p")])
case("sampling", "min-p-large-ok", chat(min_p=5))
case("sampling", "presence-penalty-negative", chat(presence_penalty=-1), [], [("sampling.penalty_negative_coerced", "/presence_penalty")])
case("sampling", "frequency-penalty-negative", chat(frequency_penalty=-0.2), [], [("sampling.penalty_negative_coerced", "/frequency_penalty")])
case("sampling", "repetition-penalty-negative", chat(repetition_penalty=-1.1), [], [("sampling.penalty_negative_coerced", "/repetition_penalty")])
case("sampling", "penalties-positive-ok", chat(presence_penalty=0.5, frequency_penalty=0, repetition_penalty=1.1))
case("sampling", "integer-field-bool", chat(max_tokens=[64]), [("sampling.integer_fields", "/max_tokens")])

# ---------------------------------------------------------------- messages and roles
case("messages", "empty-array", chat(messages=[]) if False else {"messages": []}, [("messages.empty", "/messages")])
case("messages", "only-system", {"messages": [{"role": "system", "content": [text("Be terse.")]}]},
     [("messages.system_only", "/messages")], [("message.role.system_extracted", "/messages/0")])
case("messages", "system-then-user", {"messages": [{"role": "system", "content": [text("Be terse.")]}, user()]},
     [], [("message.role.system_extracted", "/messages/0")])
case("messages", "system-in-the-middle", {"messages": [user("a"), asst(), {"role": "system", "content": [text("Now be formal.")]}, user("b")]},
     [], [("message.role.system_extracted", "/messages/2")])
case("messages", "role-missing", {"messages": [{"content": [text()]}]}, [("message.role.required", "/messages/0/role")])
case("messages", "role-uppercase", {"messages": [{"role": "USER", "content": [text()]}]}, [("message.role.enum", "/messages/0/role")])
case("messages", "role-capitalised", {"messages": [{"role": "User", "content": [text()]}]}, [("message.role.enum", "/messages/0/role")])
case("messages", "role-unknown", {"messages": [{"role": "human", "content": [text()]}]}, [("message.role.enum", "/messages/0/role")])
case("messages", "role-number", {"messages": [{"role": 1, "content": [text()]}]}, [("message.role.enum", "/messages/0/role")])
case("messages", "role-tool-warning", {"messages": [user(), asst(tu()), {"role": "tool", "content": [tr()]}, user("and?")]},
     [], [("message.role.enum", "/messages/2/role")])
case("messages", "message-not-object", {"messages": ["hello", user()]}, [("field.type", "/messages/0")])
case("messages", "content-missing", {"messages": [{"role": "user"}]}, [("message.content.required", "/messages/0/content")])
case("messages", "content-null", {"messages": [{"role": "user", "content": None}]}, [("message.content.required", "/messages/0/content")])
case("messages", "content-empty-string", {"messages": [{"role": "user", "content": ""}]}, [("message.content.empty", "/messages/0/content")])
case("messages", "content-empty-array", {"messages": [{"role": "user", "content": []}]}, [("message.content.empty", "/messages/0/content")])
case("messages", "content-string", {"messages": [{"role": "user", "content": "Hello"}]}, [], [("message.content.string", "/messages/0/content")])
case("messages", "content-whitespace-string", {"messages": [{"role": "user", "content": "   "}]},
     [("messages.last_user_text_required", "/messages/0/content")], [("message.content.string", "/messages/0/content")])
case("messages", "content-number", {"messages": [{"role": "user", "content": 5}]}, [("field.type", "/messages/0/content")])
case("messages", "content-null-block", {"messages": [ublocks(text(), None)]}, [("message.content.null_block", "/messages/0/content/1")])
case("messages", "content-block-not-object", {"messages": [ublocks(text(), "hi")]}, [("field.type", "/messages/0/content/1")])
case("messages", "message-meta", {"messages": [dict(user(), _meta={"k": "v"})]}, [], [("message.meta", "/messages/0/_meta")])
case("messages", "message-unknown-field", {"messages": [dict(user(), name="bob")]}, [], [("field.unknown", "/messages/0/name")])
case("messages", "consecutive-users", {"messages": [user("a"), user("b")]}, [], [("messages.consecutive_same_role_merged", "/messages/1")])
case("messages", "consecutive-assistants", {"messages": [user("a"), asst(), asst(), user("b")]}, [], [("messages.consecutive_same_role_merged", "/messages/2")])
case("messages", "alternating-ok", {"messages": [user("a"), asst(), user("b")]})
case("messages", "assistant-only", {"messages": [asst()]}, [("messages.user_required", "/messages")])
case("messages", "trailing-assistant-prefill-ok", {"messages": [user("a"), asst(text("The answer is"))]})
case("messages", "last-user-image-only", {"messages": [user("a"), asst(), ublocks({"type": "image", "data": PNG, "mime_type": "image/png"})]},
     [("messages.last_user_text_required", "/messages/2/content")])
case("messages", "earlier-user-image-only-ok", {"messages": [ublocks({"type": "image", "data": PNG, "mime_type": "image/png"}), asst(), user("what is it?")]})
case("messages", "last-user-blank-text", {"messages": [ublocks(text("   \n"))]}, [("messages.last_user_text_required", "/messages/0/content")])
case("messages", "last-user-empty-text", {"messages": [ublocks(text(""))]}, [("messages.last_user_text_required", "/messages/0/content")])
case("messages", "text-missing-counts-as-empty", {"messages": [ublocks({"type": "text"})]}, [("messages.last_user_text_required", "/messages/0/content")])
case("messages", "tool-result-only-last-user-ok", {"messages": [user("find it"), asst(tu()), ublocks(tr())]})
case("messages", "two-results-one-call", {"messages": [user("find"), asst(tu()), ublocks(tr(), tr(), text("ok?"))]},
     [("messages.order", "/messages/2/content/1")])

# ---------------------------------------------------------------- blocks (common)
case("blocks", "type-missing", {"messages": [ublocks({"text": "hi"})]}, [("blocks.type.unknown", "/messages/0/content/0/type")])
case("blocks", "type-unknown", {"messages": [ublocks({"type": "txt", "text": "hi"}, text())]}, [("blocks.type.unknown", "/messages/0/content/0/type")])
case("blocks", "type-capitalised", {"messages": [ublocks({"type": "Text", "text": "hi"}, text())]}, [("blocks.type.unknown", "/messages/0/content/0/type")])
case("blocks", "type-number", {"messages": [ublocks({"type": 3}, text())]}, [("blocks.type.unknown", "/messages/0/content/0/type")])
case("blocks", "pgpt-only-document", {"messages": [ublocks({"type": "document", "source": {"type": "text", "data": "x"}}, text())]},
     [], [("block.pgpt_only_types", "/messages/0/content/0/type")])
case("blocks", "pgpt-only-redacted-thinking", {"messages": [user("a"), asst({"type": "redacted_thinking", "data": "x"}, text("b")), user("c")]},
     [], [("block.pgpt_only_types", "/messages/1/content/0/type")])
case("blocks", "timestamp-iso-ok", {"messages": [ublocks(dict(text(), start_timestamp="2026-02-08T14:41:10Z", stop_timestamp="2026-02-08T14:41:12.5+01:00"))]})
case("blocks", "timestamp-date-only-ok", {"messages": [ublocks(dict(text(), start_timestamp="2026-02-08"))]})
case("blocks", "timestamp-bad", {"messages": [ublocks(dict(text(), start_timestamp="yesterday"))]}, [("block.timestamps", "/messages/0/content/0/start_timestamp")])
case("blocks", "timestamp-bad-stop", {"messages": [ublocks(dict(text(), stop_timestamp="08/02/2026"))]}, [("block.timestamps", "/messages/0/content/0/stop_timestamp")])
case("blocks", "timestamp-number-ok", {"messages": [ublocks(dict(text(), start_timestamp=1739036500))]})
case("blocks", "meta-object-ok", {"messages": [ublocks(dict(text(), _meta={"a": 1}))]})
case("blocks", "meta-not-object", {"messages": [ublocks(dict(text(), _meta="x"))]}, [("block.meta", "/messages/0/content/0/_meta")])
case("blocks", "unknown-block-field", {"messages": [ublocks(dict(text(), color="red"))]}, [], [("field.unknown", "/messages/0/content/0/color")])
case("blocks", "text-not-string", {"messages": [ublocks({"type": "text", "text": 5}, text())]}, [("block.text.fields", "/messages/0/content/0/text")])
case("blocks", "citations-not-array", {"messages": [ublocks(dict(text(), citations={"id": "c"}))]}, [("block.text.fields", "/messages/0/content/0/citations")])
case("blocks", "citation-index-int-ok", {"messages": [ublocks(dict(text(), citations=[{"id": "c1", "index": 1, "artifact_id": "a", "source_id": "s"}]))]})
case("blocks", "citation-index-numeric-string", {"messages": [ublocks(dict(text(), citations=[{"id": "c1", "index": "2"}]))]},
     [], [("field.coerced", "/messages/0/content/0/citations/0/index")])
case("blocks", "citation-index-word", {"messages": [ublocks(dict(text(), citations=[{"id": "c1", "index": "first"}]))]},
     [("block.text.citation_index_int", "/messages/0/content/0/citations/0/index")])
case("blocks", "citation-index-fraction", {"messages": [ublocks(dict(text(), citations=[{"index": 1.5}]))]},
     [("block.text.citation_index_int", "/messages/0/content/0/citations/0/index")])

# ---------------------------------------------------------------- media
def img(**kw):
    b = {"type": "image"}
    b.update(kw)
    return b


def media_msg(*blocks):
    return {"messages": [ublocks(*blocks, text("What is in it?"))]}


M = "/messages/0/content/0"
case("media", "image-png-ok", media_msg(img(data=PNG, mime_type="image/png")))
case("media", "image-jpeg-ok", media_msg(img(data=JPEG, mime_type="image/jpeg")))
case("media", "image-url-ok", media_msg(img(data="https://example.com/cat.png", mime_type="image/png")))
case("media", "image-s3-url-ok", media_msg(img(data="s3://bucket/cat.png", mime_type="image/png")))
case("media", "image-ftp-url", media_msg(img(data="ftp://example.com/cat.png", mime_type="image/png")), [], [("block.image.url_fetched", M + "/data")])
case("media", "image-data-uri-ok", media_msg(img(data="data:image/png;base64," + PNG, mime_type="image/png")))
case("media", "image-data-uri-broken", media_msg(img(data="data:image/png;base64,@@@", mime_type="image/png")), [("block.image.data_uri", M + "/data")])
case("media", "image-data-uri-no-comma", media_msg(img(data="data:image/png;base64", mime_type="image/png")), [("block.image.data_uri", M + "/data")])
case("media", "image-placeholder-data", media_msg(img(data="<BASE64_IMAGE_DATA>", mime_type="image/png")), [("block.image.base64_decodable", M + "/data")])
case("media", "image-base64-missing-padding", media_msg(img(data=PNG.rstrip("="), mime_type="image/png")), [("block.image.base64_decodable", M + "/data")])
case("media", "image-base64-urlsafe", media_msg(img(data=PNG.replace("+", "-"), mime_type="image/png")), [("block.image.base64_decodable", M + "/data")])
case("media", "image-base64-newlines", media_msg(img(data=PNG[:20] + "\n" + PNG[20:], mime_type="image/png")), [("block.image.base64_decodable", M + "/data")])
case("media", "image-file-path", media_msg(img(data="/tmp/cat.png", mime_type="image/png")), [("block.image.base64_decodable", M + "/data")])
case("media", "image-empty-data", media_msg(img(data="", mime_type="image/png")), [("block.image.base64_decodable", M + "/data")])
case("media", "image-no-data", media_msg(img(mime_type="image/png")), [("block.image.data_required", M + "/data")])
case("media", "image-url-key-server-only", media_msg(img(url="https://example.com/a.png")), [], [("field.server_only", M + "/url")])
case("media", "image-no-mime", media_msg(img(data=PNG)), [], [("block.image.mime_type_required", M + "/mime_type")])
case("media", "image-bmp-coerced", media_msg(img(data="Qk0=", mime_type="image/bmp")), [], [("block.image.mime_type_coerced", M + "/mime_type")])
case("media", "image-mime-mismatch", media_msg(img(data=PNG, mime_type="image/jpeg")), [], [("block.media.mime_mismatch", M + "/mime_type")])
case("media", "image-jpg-alias-ok", media_msg(img(data=JPEG, mime_type="image/jpeg")))
case("media", "image-mime-syntax", media_msg(img(data=PNG, mime_type="png")), [], [("block.media.mime_type_syntax", M + "/mime_type")])
case("media", "image-source-shape-ok", media_msg(img(source={"type": "base64", "data": PNG, "media_type": "image/png"})), [], [("field.server_only", M + "/source")])
case("media", "image-source-bad-media-type", media_msg(img(source={"type": "base64", "data": PNG, "media_type": "image/bmp"})),
     [("block.image.media_type_enum", M + "/source/media_type")], [("field.server_only", M + "/source")])
case("media", "image-data-not-string", media_msg(img(data=123, mime_type="image/png")), [("field.type", M + "/data")])
case("media", "audio-wav-ok", media_msg({"type": "audio", "data": WAV, "mime_type": "audio/wav"}))
case("media", "audio-any-mime-ok", media_msg({"type": "audio", "data": "https://example.com/a.ogg", "mime_type": "audio/x-custom"}))
case("media", "audio-no-mime", media_msg({"type": "audio", "data": WAV}), [], [("block.audio.mime_type_required", M + "/mime_type")])
case("media", "audio-no-data", media_msg({"type": "audio", "mime_type": "audio/wav"}), [("block.image.data_required", M + "/data")])
case("media", "audio-bad-base64", media_msg({"type": "audio", "data": "not base64!", "mime_type": "audio/wav"}), [("block.image.base64_decodable", M + "/data")])
case("media", "binary-ok", media_msg({"type": "binary", "data": PDF, "mime_type": "application/pdf", "filename": "r.pdf"}))
case("media", "binary-no-mime", media_msg({"type": "binary", "data": PDF}), [("block.binary.mime_type_required", M + "/mime_type")])
case("media", "binary-no-data", media_msg({"type": "binary", "mime_type": "application/pdf"}), [("block.binary.mime_type_required", M + "/data")])
case("media", "binary-filename-number", media_msg({"type": "binary", "data": PDF, "mime_type": "application/pdf", "filename": 7}),
     [("block.binary.filename_optional", M + "/filename")])
case("media", "binary-octet-stream-ok", media_msg({"type": "binary", "data": PDF, "mime_type": "application/octet-stream"}))
case("media", "binary-mime-mismatch", media_msg({"type": "binary", "data": PDF, "mime_type": "image/png"}), [], [("block.media.mime_mismatch", M + "/mime_type")])
case("media", "file-block", media_msg({"type": "file", "content": PDF, "content_type": "application/pdf", "doc_metadata": {"file_name": "c.pdf", "file_type": "pdf"}}),
     [], [("block.file.unsupported", M)])
case("media", "file-block-no-content", media_msg({"type": "file", "content_type": "application/pdf"}),
     [("field.required", M + "/content")], [("block.file.unsupported", M)])

# ---------------------------------------------------------------- thinking, source, tldr
T = "/messages/1/content/0"
case("thinking_source", "thinking-with-signature-ok", {"messages": [user("a"), asst({"type": "thinking", "thinking": "hmm", "signature": "sig"}, text()), user("b")]})
case("thinking_source", "thinking-without-signature", {"messages": [user("a"), asst({"type": "thinking", "thinking": "hmm"}, text()), user("b")]},
     [], [("block.thinking.signature_required", T + "/signature")])
case("thinking_source", "thinking-signature-number", {"messages": [user("a"), asst({"type": "thinking", "thinking": "hmm", "signature": 1}, text()), user("b")]},
     [("field.type", T + "/signature")])
WEB = {"object": "context.website", "id": "w1", "url": "https://example.com"}
CHUNK = {"object": "context.chunk", "score": 0.9, "text": "backlog fell", "document": {"object": "ingest.document", "artifact": "a1"}}
case("thinking_source", "source-server-shape-ok", {"messages": [user("a"), asst({"type": "source", "sources": [WEB, CHUNK]}, text()), user("b")]})
case("thinking_source", "source-without-sources", {"messages": [user("a"), asst({"type": "source"}, text()), user("b")]},
     [], [("block.source.sources_required", T + "/sources")])
case("thinking_source", "source-workspace-shape", {"messages": [user("a"), asst({"type": "source", "sources": [{"type": "context.website", "url": "https://example.com"}]}, text()), user("b")]},
     [], [("block.source.item_shape", T + "/sources/0")])
case("thinking_source", "source-website-no-id", {"messages": [user("a"), asst({"type": "source", "sources": [{"object": "context.website", "url": "https://x"}]}, text()), user("b")]},
     [("block.source.item_shape", T + "/sources/0/id")])
case("thinking_source", "source-chunk-score-out-of-range", {"messages": [user("a"), asst({"type": "source", "sources": [dict(CHUNK, score=1.5)]}, text()), user("b")]},
     [("block.source.item_shape", T + "/sources/0/score")])
case("thinking_source", "source-chunk-score-edge-ok", {"messages": [user("a"), asst({"type": "source", "sources": [dict(CHUNK, score=1.01)]}, text()), user("b")]})
case("thinking_source", "source-chunk-document-object", {"messages": [user("a"), asst({"type": "source", "sources": [dict(CHUNK, document={"object": "artifact", "artifact": "a1"})]}, text()), user("b")]},
     [("block.source.item_shape", T + "/sources/0/document/object")])
case("thinking_source", "source-item-unkeyed", {"messages": [user("a"), asst({"type": "source", "sources": [{"url": "https://x"}]}, text()), user("b")]},
     [("block.source.item_shape", T + "/sources/0")])
TLDR = {"type": "tldr", "content": [{"type": "text", "text": "User asked X", "_meta": {"role": "user"}}]}
case("thinking_source", "tldr-in-assistant-ok", {"messages": [user("a"), asst(TLDR, text()), user("b")]})
case("thinking_source", "tldr-in-user", {"messages": [ublocks(TLDR, text())]}, [("block.tldr.assistant_only", "/messages/0/content/0")])
case("thinking_source", "tldr-nested-tldr", {"messages": [user("a"), asst({"type": "tldr", "content": [TLDR]}, text()), user("b")]},
     [("block.tldr.content_types", T + "/content/0")])
case("thinking_source", "tldr-with-tool-result", {"messages": [user("a"), asst({"type": "tldr", "content": [tr("x")]}, text()), user("b")]},
     [("block.tldr.content_types", T + "/content/0")])
case("thinking_source", "tldr-without-content", {"messages": [user("a"), asst({"type": "tldr"}, text()), user("b")]},
     [], [("field.required", T + "/content")])
case("thinking_source", "tldr-side", {"messages": [user("a"), asst(dict(TLDR, tldr_side="right"), text()), user("b")]},
     [], [("block.tldr.side_enum", T + "/tldr_side")])
case("thinking_source", "tldr-side-bad", {"messages": [user("a"), asst(dict(TLDR, tldr_side="top"), text()), user("b")]},
     [], [("block.tldr.side_enum", T + "/tldr_side")])
case("thinking_source", "tldr-meta-role-bad", {"messages": [user("a"), asst({"type": "tldr", "content": [{"type": "text", "text": "x", "_meta": {"role": "narrator"}}]}, text()), user("b")]},
     [("block.tldr.meta_role", T + "/content/0/_meta/role")])
case("thinking_source", "tldr-meta-role-tool-ok", {"messages": [user("a"), asst({"type": "tldr", "content": [{"type": "text", "text": "x", "_meta": {"role": "tool"}}]}, text()), user("b")]})

# ---------------------------------------------------------------- tool_use / tool_result
case("tool_use", "pair-in-next-user-message-ok", {"messages": PAIR})
case("tool_use", "pair-in-same-assistant-message-ok", {"messages": [user("find"), asst(tu(), tr(), text("Found it.")), user("thanks")]})
case("tool_use", "result-string-content", {"messages": [user("find"), asst(tu()), ublocks(tr(content="42 items"), text("ok"))]},
     [], [("block.tool_result.content_string", "/messages/2/content/0/content")])
case("tool_use", "result-without-content", {"messages": [user("find"), asst(tu()), ublocks({"type": "tool_result", "tool_use_id": "toolu_1"}, text("ok"))]},
     [], [("block.tool_result.content_optional", "/messages/2/content/0/content")])
case("tool_use", "result-nested-result", {"messages": [user("find"), asst(tu()), ublocks(tr(content=[tr("toolu_1")]), text("ok"))]},
     [("block.tool_result.content_string", "/messages/2/content/0/content/0")])
case("tool_use", "tool-use-in-user", {"messages": [ublocks(tu(), text("x")), asst(), ublocks(tr(), text("y"))]},
     [("block.tool_use.assistant_only", "/messages/0/content/0")])
case("tool_use", "id-with-dot", {"messages": [user("find"), asst(tu("toolu.1")), ublocks(tr("toolu.1"), text("ok"))]},
     [("block.tool_use.id_pattern", "/messages/1/content/0/id"), ("block.tool_result.tool_use_id_pattern", "/messages/2/content/0/tool_use_id")])
case("tool_use", "id-hyphen-underscore-ok", {"messages": [user("find"), asst(tu("a-b_1")), ublocks(tr("a-b_1"), text("ok"))]})
case("tool_use", "id-empty", {"messages": [user("find"), asst(tu("")), ublocks(tr(""), text("ok"))]},
     [("block.tool_use.id_pattern", "/messages/1/content/0/id"), ("block.tool_result.tool_use_id_pattern", "/messages/2/content/0/tool_use_id")])
case("tool_use", "id-missing", {"messages": [user("find"), asst({"type": "tool_use", "name": "lookup", "input": {}}), user("ok")]},
     [("field.required", "/messages/1/content/0/id")])
case("tool_use", "name-missing", {"messages": [user("find"), asst({"type": "tool_use", "id": "t1", "input": {}}), ublocks(tr("t1"), text("ok"))]},
     [("field.required", "/messages/1/content/0/name")])
case("tool_use", "name-too-long", {"messages": [user("find"), asst(tu("t1", "n" * 201)), ublocks(tr("t1"), text("ok"))]},
     [("block.tool_use.name_length", "/messages/1/content/0/name")])
case("tool_use", "name-200-ok", {"messages": [user("find"), asst(tu("t1", "n" * 200)), ublocks(tr("t1"), text("ok"))]})
case("tool_use", "input-missing", {"messages": [user("find"), asst({"type": "tool_use", "id": "t1", "name": "lookup"}), ublocks(tr("t1"), text("ok"))]},
     [("block.tool_use.input_required", "/messages/1/content/0/input")])
case("tool_use", "input-json-string", {"messages": [user("find"), asst(tu("t1", inp='{"q": "x"}')), ublocks(tr("t1"), text("ok"))]},
     [("block.tool_use.input_required", "/messages/1/content/0/input")])
case("tool_use", "input-empty-object-ok", {"messages": [user("find"), asst(tu("t1", inp={})), ublocks(tr("t1"), text("ok"))]})
case("tool_use", "duplicate-ids-across-messages", {"messages": [user("a"), asst(tu("t1")), ublocks(tr("t1"), text("b")), asst(tu("t1")), ublocks(tr("t1"), text("c"))]},
     [("block.tool_use.unique_id", "/messages/3/content/0/id"), ("messages.order", "/messages/4/content/0")])
case("tool_use", "result-unknown-id", {"messages": [user("a"), asst(tu("t1")), ublocks(tr("t1"), tr("t9"), text("b"))]},
     [("block.tool_result.unknown_id", "/messages/2/content/1/tool_use_id")])
case("tool_use", "result-before-call", {"messages": [user("a"), asst(tr("t1"), tu("t1")), user("b")]},
     [("block.tool_result.unknown_id", "/messages/1/content/0/tool_use_id"), ("block.tool_use.requires_result", "/messages/1/content/1")])
case("tool_use", "trailing-unanswered-call", {"messages": [user("a"), asst(tu("t1"))]},
     [("block.tool_use.requires_result", "/messages/1/content/0")])
case("tool_use", "unanswered-call-mid-conversation", {"messages": [user("a"), asst(tu("t1"), tu("t2")), ublocks(tr("t1"), text("b"))]},
     [("block.tool_use.requires_result", "/messages/1/content/1")])
case("tool_use", "result-missing-id", {"messages": [user("a"), asst(tu("t1")), ublocks({"type": "tool_result", "content": []}, tr("t1"), text("b"))]},
     [("field.required", "/messages/2/content/0/tool_use_id")])
case("tool_use", "result-is-error-string", {"messages": [user("a"), asst(tu("t1")), ublocks(dict(tr("t1"), is_error="oops"), text("b"))]},
     [("field.type", "/messages/2/content/0/is_error")])
case("tool_use", "server-tool-use-hyphen", {"messages": [user("a"), asst({"type": "server_tool_use", "id": "srv-1", "name": "web_search", "input": {}},
                                                                         {"type": "server_tool_result", "tool_use_id": "srv-1", "content": []}, text("x")), user("b")]},
     [("block.server_tool_use.id_pattern", "/messages/1/content/0/id")],
     [("block.pgpt_only_types", "/messages/1/content/0/type"), ("block.pgpt_only_types", "/messages/1/content/1/type")])
case("tool_use", "server-tool-use-ok", {"messages": [user("a"), asst({"type": "server_tool_use", "id": "srv_1", "name": "web_search", "input": {}},
                                                                     {"type": "server_tool_result", "tool_use_id": "srv_1", "content": []}, text("x")), user("b")]},
     [], [("block.pgpt_only_types", "/messages/1/content/0/type"), ("block.pgpt_only_types", "/messages/1/content/1/type")])

# ---------------------------------------------------------------- tools
case("tools", "custom-tool-ok", chat(tools=[CUSTOM]))
case("tools", "tools-not-array", chat(tools={"name": "x"}), [("field.type", "/tools")])
case("tools", "tool-number", chat(tools=[3]), [("tools.item_shape", "/tools/0")])
case("tools", "tool-bare-builtin-string", chat(tools=["web_search_v1"]), [], [("tools.item_shape", "/tools/0")])
case("tools", "tool-bare-unknown-string", chat(tools=["my_tool"]), [("tools.item_shape", "/tools/0")])
case("tools", "custom-without-name", chat(tools=[{"description": "d", "inputSchema": {"type": "object", "properties": {}}}]),
     [("tool.name.required", "/tools/0/name")])
case("tools", "custom-name-number", chat(tools=[dict(CUSTOM, name=5)]), [("tool.name.required", "/tools/0/name")])
case("tools", "builtin-without-name", chat(tools=[{"type": "web_search_v1"}]), [], [("tool.internal.name_optional", "/tools/0/name")])
case("tools", "builtin-web-search-ok", chat(tools=[{"name": "web_search", "type": "web_search_v1"}]))
case("tools", "builtin-web-extract-ok", chat(tools=[{"name": "web_extract", "type": "web_extract_v1"}]))
case("tools", "duplicate-names", chat(tools=[CUSTOM, dict(CUSTOM)]), [("tool.name.unique", "/tools/1/name")])
case("tools", "duplicate-builtin-canonical", chat(tools=[{"type": "web_search_v1"}, {"name": "web_search", "description": "mine", "inputSchema": {"type": "object", "properties": {}}}]),
     [("tool.name.unique", "/tools/1/name")], [("tool.internal.name_optional", "/tools/0/name")])
case("tools", "builtin-fields-dropped", chat(tools=[{"name": "web_search", "type": "web_search_v1", "description": "search the web"}]),
     [], [("tool.internal.fields_dropped", "/tools/0/description")])
case("tools", "semantic-search-ok", chat(tools=[SEM], tool_context=[INGESTED]))
case("tools", "semantic-search-no-context", chat(tools=[SEM]), [("tool.internal.semantic_search.context", "/tools/0")])
case("tools", "semantic-search-two-ingested", chat(tools=[SEM], tool_context=[INGESTED, copy.deepcopy(INGESTED)]),
     [("tool.internal.semantic_search.context", "/tools/0")])
case("tools", "semantic-search-sql-only", chat(tools=[SEM], tool_context=[SQL]), [("tool.internal.semantic_search.context", "/tools/0")])
case("tools", "semantic-search-v2-suffix", chat(tools=[{"name": "semantic_search", "type": "semantic_search_v2"}]),
     [("tool.internal.semantic_search.context", "/tools/0")])
case("tools", "tabular-analysis-ok", chat(tools=[{"name": "tabular_analysis", "type": "tabular_analysis_v1"}], tool_context=[INGESTED]))
case("tools", "tabular-analysis-no-context", chat(tools=[{"name": "tabular_analysis", "type": "tabular_analysis_v1"}]),
     [("tool.internal.tabular_analysis.context", "/tools/0")])
case("tools", "database-query-ok", chat(tools=[{"name": "database_query", "type": "database_query_v1"}], tool_context=[SQL, copy.deepcopy(SQL)]))
case("tools", "database-query-ingested-only", chat(tools=[{"name": "database_query", "type": "database_query_v1"}], tool_context=[INGESTED]),
     [("tool.internal.database_query.context", "/tools/0")])
case("tools", "skills-without-skill", chat(tools=[{"name": "skills", "type": "skills_v1"}], tool_context=[INGESTED]),
     [("tool.internal.skills.context", "/tools/0")])
case("tools", "code-execution", chat(tools=[{"name": "code_execution", "type": "code_execution_v1"}]),
     [], [("tool.internal.code_execution", "/tools/0")])
case("tools", "workspace-only-file-semantic-search", chat(tools=[{"name": "file_sematic_search", "type": "file_semantic_search_v1"}]),
     [], [("tool.internal.unknown_workspace_types", "/tools/0/type"), ("tool.custom.input_schema_default", "/tools/0")])
case("tools", "workspace-only-list-project-files", chat(tools=[{"name": "list_project_files", "type": "list_project_files_v1"}]),
     [], [("tool.internal.unknown_workspace_types", "/tools/0/type"), ("tool.custom.input_schema_default", "/tools/0")])
case("tools", "anthropic-web-search", chat(tools=[{"name": "web_search", "type": "web_search_20250305"}]),
     [], [("tool.anthropic.server_types", "/tools/0/type")])
case("tools", "anthropic-unknown-dated", chat(tools=[{"name": "x", "type": "image_gen_20250101"}]),
     [], [("tool.anthropic.unknown_dropped", "/tools/0/type")])
case("tools", "anthropic-bash-client-ok", chat(tools=[{"name": "bash", "type": "bash_20250124"}]))
case("tools", "per-tool-context", chat(tools=[dict(SEM, context=[INGESTED])]), [], [("tool.context.per_tool", "/tools/0/context")])
case("tools", "per-tool-context-overrides-global", chat(tools=[dict(SEM, context=[SQL])], tool_context=[INGESTED]),
     [("tool.internal.semantic_search.context", "/tools/0")], [("tool.context.per_tool", "/tools/0/context")])
case("tools", "input-schema-alias", chat(tools=[{"name": "f", "input_schema": {"type": "object", "properties": {}}}]),
     [], [("tool.custom.input_schema_alias", "/tools/0/input_schema")])
case("tools", "input-schema-string", chat(tools=[{"name": "f", "inputSchema": "{}"}]), [("tool.custom.input_schema_object", "/tools/0/inputSchema")])
case("tools", "input-schema-missing", chat(tools=[{"name": "f", "description": "d"}]), [], [("tool.custom.input_schema_default", "/tools/0")])
case("tools", "input-schema-no-type", chat(tools=[{"name": "f", "inputSchema": {"properties": {}}}]), [], [("tool.custom.input_schema_shape", "/tools/0/inputSchema")])
case("tools", "input-schema-object-no-properties", chat(tools=[{"name": "f", "inputSchema": {"type": "object"}}]),
     [], [("tool.custom.input_schema_shape", "/tools/0/inputSchema")])
case("tools", "input-schema-anyof-ok", chat(tools=[{"name": "f", "inputSchema": {"anyOf": [{"type": "object", "properties": {}}]}}]))
case("tools", "input-schema-required-absent-property-ok", chat(tools=[{"name": "f", "inputSchema": {"type": "object", "properties": {}, "required": ["x"]}}]))
case("tools", "unknown-tool-field", chat(tools=[dict(CUSTOM, parameters={})]), [], [("field.unknown", "/tools/0/parameters")])

# ---------------------------------------------------------------- tool_choice
case("tool_choice", "auto-ok", chat(tools=[CUSTOM], tool_choice={"type": "auto"}))
case("tool_choice", "type-missing-ok", chat(tools=[CUSTOM], tool_choice={"disable_parallel_tool_use": True}))
case("tool_choice", "any", chat(tools=[CUSTOM], tool_choice={"type": "any"}), [], [("tool_choice.forced_hint", "/tool_choice/type")])
case("tool_choice", "type-unknown", chat(tools=[CUSTOM], tool_choice={"type": "required"}), [("tool_choice.type_enum", "/tool_choice/type")])
case("tool_choice", "type-capitalised", chat(tools=[CUSTOM], tool_choice={"type": "Auto"}), [("tool_choice.type_enum", "/tool_choice/type")])
case("tool_choice", "tool-named-ok", chat(tools=[CUSTOM], tool_choice={"type": "tool", "name": "lookup"}), [], [("tool_choice.forced_hint", "/tool_choice/type")])
case("tool_choice", "tool-unknown-name", chat(tools=[CUSTOM], tool_choice={"type": "tool", "name": "search"}), [("tool_choice.unknown_tool", "/tool_choice/name")])
case("tool_choice", "tool-name-missing", chat(tools=[CUSTOM], tool_choice={"type": "tool"}), [("tool_choice.name_missing", "/tool_choice/name")])
case("tool_choice", "tool-without-tools", chat(tool_choice={"type": "tool", "name": "x"}), [], [("tool_choice.tool_without_tools", "/tool_choice")])
case("tool_choice", "tool-builtin-canonical-name", chat(tools=[{"type": "web_search_v1"}], tool_choice={"type": "tool", "name": "web_search"}),
     [], [("tool.internal.name_optional", "/tools/0/name"), ("tool_choice.forced_hint", "/tool_choice/type")])
case("tool_choice", "none-skips-context-check", chat(tools=[SEM], tool_choice={"type": "none"}), [], [("tool_choice.none_drops_tools", "/tool_choice/type")])
case("tool_choice", "none-still-duplicate-names", chat(tools=[CUSTOM, dict(CUSTOM)], tool_choice={"type": "none"}),
     [("tool.name.unique", "/tools/1/name")], [("tool_choice.none_drops_tools", "/tool_choice/type")])
case("tool_choice", "tool-filters-others", chat(tools=[CUSTOM, SEM], tool_choice={"type": "tool", "name": "lookup"}),
     [], [("tool_choice.forced_hint", "/tool_choice/type"), ("tool_choice.tool_filters", "/tool_choice")])
case("tool_choice", "tool-keeps-the-named-one", chat(tools=[CUSTOM, SEM], tool_choice={"type": "tool", "name": "semantic_search"}),
     [("tool.internal.semantic_search.context", "/tools/1")], [("tool_choice.forced_hint", "/tool_choice/type"), ("tool_choice.tool_filters", "/tool_choice")])
case("tool_choice", "disable-parallel-string", chat(tools=[CUSTOM], tool_choice={"type": "auto", "disable_parallel_tool_use": "maybe"}),
     [("tool_choice.disable_parallel", "/tool_choice/disable_parallel_tool_use")])
case("tool_choice", "validation-mode", chat(tools=[CUSTOM], tool_choice={"type": "auto", "validation_mode": "eager"}),
     [], [("tool_choice.validation_mode", "/tool_choice/validation_mode")])
case("tool_choice", "validation-mode-bad", chat(tools=[CUSTOM], tool_choice={"type": "auto", "validation_mode": "strict"}),
     [], [("tool_choice.validation_mode", "/tool_choice/validation_mode")])
case("tool_choice", "not-object", chat(tools=[CUSTOM], tool_choice="auto"), [("field.type", "/tool_choice")])
case("tool_choice", "enabled-tools-typo", chat(tools=[CUSTOM], tool_choice={"type": "auto", "enabled_tools": ["lookup"]}),
     [], [("field.unknown", "/tool_choice/enabled_tools")])

# ---------------------------------------------------------------- tool_context
case("tool_context", "context-without-tools", chat(tool_context=[INGESTED]), [("tool_context.requires_tools", "/tool_context")])
case("tool_context", "empty-context-without-tools-ok", chat(tool_context=[]))
case("tool_context", "kind-unknown", chat(tools=[CUSTOM], tool_context=[{"type": "pdf", "value": "x"}]), [("tool_context.kind", "/tool_context/0/type")])
case("tool_context", "kind-missing", chat(tools=[CUSTOM], tool_context=[{"value": "x"}]), [("tool_context.kind", "/tool_context/0/type")])
case("tool_context", "skill-kind", chat(tools=[{"name": "skills", "type": "skills_v1"}], tool_context=[{"type": "skill", "skill_filter": {"collection": "s"}}]),
     [], [("tool_context.kind", "/tool_context/0/type")])
case("tool_context", "skill-without-filter", chat(tools=[CUSTOM], tool_context=[{"type": "skill"}]),
     [("artifact.skill.skill_filter_required", "/tool_context/0/skill_filter")], [("tool_context.kind", "/tool_context/0/type")])
case("tool_context", "file-ok", chat(tools=[CUSTOM], tool_context=[{"type": "file", "value": PDF}]))
case("tool_context", "file-bad-base64", chat(tools=[CUSTOM], tool_context=[{"type": "file", "value": "hello world"}]),
     [("artifact.file.value_base64", "/tool_context/0/value")])
case("tool_context", "file-non-canonical-base64", chat(tools=[CUSTOM], tool_context=[{"type": "file", "value": "QR=="}]),
     [("artifact.file.value_base64", "/tool_context/0/value")])
case("tool_context", "file-workspace-shape", chat(tools=[CUSTOM], tool_context=[{"type": "file", "content": PDF, "content_type": "application/pdf"}]),
     [("artifact.file.value_base64", "/tool_context/0/value")])
case("tool_context", "uri-ok", chat(tools=[CUSTOM], tool_context=[{"type": "uri", "value": "https://example.com/doc"}]))
case("tool_context", "uri-no-value", chat(tools=[CUSTOM], tool_context=[{"type": "uri"}]), [("artifact.uri.value_required", "/tool_context/0/value")])
case("tool_context", "text-ok", chat(tools=[CUSTOM], tool_context=[{"type": "text", "value": "Policy: ..."}]))
case("tool_context", "text-workspace-shape", chat(tools=[CUSTOM], tool_context=[{"type": "text", "text": "Policy"}]),
     [("artifact.text.value_required", "/tool_context/0/value")])
case("tool_context", "ingested-no-filter", chat(tools=[SEM], tool_context=[{"type": "ingested_artifact"}]),
     [("artifact.ingested.context_filter_required", "/tool_context/0/context_filter")])
case("tool_context", "ingested-filter-string", chat(tools=[SEM], tool_context=[{"type": "ingested_artifact", "context_filter": "all"}]),
     [("artifact.ingested.context_filter_required", "/tool_context/0/context_filter")])
case("tool_context", "ingested-filter-defaults", chat(tools=[SEM], tool_context=[{"type": "ingested_artifact", "context_filter": {}}]),
     [], [("context_filter.collection_default", "/tool_context/0/context_filter/collection"),
          ("context_filter.collection_default", "/tool_context/0/context_filter/artifacts")])
case("tool_context", "sql-no-connection", chat(tools=[{"name": "database_query", "type": "database_query_v1"}], tool_context=[{"type": "sql_database"}]),
     [("artifact.sql.connection_string_required", "/tool_context/0/connection_string")])
case("tool_context", "sql-flags-ok", chat(tools=[{"name": "database_query", "type": "database_query_v1"}],
                                           tool_context=[dict(SQL, schemas=["public"], ssl=True, enable_views=False, description="sales")]))
case("tool_context", "metadata-filter-ok", chat(tools=[SEM], tool_context=[{"type": "ingested_artifact", "context_filter": {
    "collection": "c", "artifacts": ["a"], "metadata_filter": [{"key": "year", "value": "2025", "operator": "=="}]}}]))
case("tool_context", "metadata-filter-not-list", chat(tools=[SEM], tool_context=[{"type": "ingested_artifact", "context_filter": {
    "collection": "c", "artifacts": ["a"], "metadata_filter": {"key": "year"}}}]),
     [("context_filter.metadata_filter_list", "/tool_context/0/context_filter/metadata_filter")])
case("tool_context", "metadata-filter-bad-operator", chat(tools=[SEM], tool_context=[{"type": "ingested_artifact", "context_filter": {
    "collection": "c", "artifacts": ["a"], "metadata_filter": [{"key": "year", "value": "2025", "operator": "~="}]}}]),
     [("metadata_filter.operator", "/tool_context/0/context_filter/metadata_filter/0/operator")])
case("tool_context", "metadata-filter-llama-operator-ok", chat(tools=[SEM], tool_context=[{"type": "ingested_artifact", "context_filter": {
    "collection": "c", "artifacts": ["a"], "metadata_filter": [{"key": "tags", "value": "x", "operator": "contains"}]}}]))
case("tool_context", "metadata-filter-number-value", chat(tools=[SEM], tool_context=[{"type": "ingested_artifact", "context_filter": {
    "collection": "c", "artifacts": ["a"], "metadata_filter": [{"key": "year", "value": 2025, "operator": ">"}]}}]),
     [], [("metadata_filter.value_type", "/tool_context/0/context_filter/metadata_filter/0/value")])

# ---------------------------------------------------------------- structured output
SCHEMA_OK = {"type": "object", "properties": {"summary": {"type": "string"}}}
case("structured_output", "json-schema-ok", chat(response_format={"type": "json_schema", "json_schema": SCHEMA_OK}))
case("structured_output", "text-ok", chat(response_format={"type": "text"}))
case("structured_output", "type-unknown", chat(response_format={"type": "json"}), [("response_format.type_enum", "/response_format/type")])
case("structured_output", "json-schema-missing", chat(response_format={"type": "json_schema"}), [("response_format.json_schema_required", "/response_format/json_schema")])
case("structured_output", "json-schema-empty", chat(response_format={"type": "json_schema", "json_schema": {}}), [("response_format.json_schema_required", "/response_format/json_schema")])
case("structured_output", "json-schema-no-type", chat(response_format={"type": "json_schema", "json_schema": {"properties": {}}}),
     [("response_format.json_schema_shape", "/response_format/json_schema")])
case("structured_output", "json-schema-object-no-properties", chat(response_format={"type": "json_schema", "json_schema": {"type": "object"}}),
     [("response_format.json_schema_shape", "/response_format/json_schema")])
case("structured_output", "json-schema-array-no-items", chat(response_format={"type": "json_schema", "json_schema": {"type": "array"}}),
     [("response_format.json_schema_shape", "/response_format/json_schema")])
case("structured_output", "json-schema-array-ok", chat(response_format={"type": "json_schema", "json_schema": {"type": "array", "items": {"type": "string"}}}))
case("structured_output", "json-schema-oneof-ok", chat(response_format={"type": "json_schema", "json_schema": {"oneOf": [SCHEMA_OK]}}))
case("structured_output", "with-tools", chat(tools=[CUSTOM], response_format={"type": "json_schema", "json_schema": SCHEMA_OK}), [("response_format.no_tools", "/tools")])
case("structured_output", "with-tools-and-choice-none", chat(tools=[CUSTOM], tool_choice={"type": "none"}, response_format={"type": "json_schema", "json_schema": SCHEMA_OK}),
     [("response_format.no_tools", "/tools")], [("tool_choice.none_drops_tools", "/tool_choice/type")])
case("structured_output", "with-empty-tools-ok", chat(tools=[], response_format={"type": "json_schema", "json_schema": SCHEMA_OK}))
case("structured_output", "with-mcp", chat(mcp_servers=[{"url": "https://mcp.example.com"}], response_format={"type": "json_schema", "json_schema": SCHEMA_OK}),
     [("response_format.no_mcp", "/mcp_servers")])
case("structured_output", "with-citations", chat(system={"citations": {"enabled": True}}, response_format={"type": "json_schema", "json_schema": SCHEMA_OK}),
     [("response_format.no_citations", "/system/citations/enabled")])
case("structured_output", "citations-disabled-ok", chat(system={"citations": {"enabled": False}}, response_format={"type": "json_schema", "json_schema": SCHEMA_OK}))
case("structured_output", "text-ignores-schema", chat(response_format={"type": "text", "json_schema": SCHEMA_OK}),
     [], [("response_format.text_ignores_schema", "/response_format/json_schema")])
case("structured_output", "text-with-tools-ok", chat(tools=[CUSTOM], response_format={"type": "text"}))

# ---------------------------------------------------------------- mcp
case("mcp", "server-ok", chat(mcp_servers=[{"url": "https://mcp.example.com", "name": "crm", "authorization_token": "tok", "tool_configuration": {"enabled": True, "allowed_tools": ["find"]}}]))
case("mcp", "url-missing", chat(mcp_servers=[{"name": "crm"}]), [("mcp.url_required", "/mcp_servers/0/url")])
case("mcp", "url-number", chat(mcp_servers=[{"url": 5}]), [("mcp.url_required", "/mcp_servers/0/url")])
case("mcp", "type-ignored", chat(mcp_servers=[{"url": "https://m", "type": "url"}]), [], [("mcp.unknown_field_type", "/mcp_servers/0/type")])
case("mcp", "refresh-token-without-client-id", chat(mcp_servers=[{"url": "https://m", "refresh_token": "r"}]), [], [("mcp.refresh_token_client_id", "/mcp_servers/0/refresh_token")])
case("mcp", "refresh-token-with-client-id", chat(mcp_servers=[{"url": "https://m", "refresh_token": "r", "client_id": "c"}]),
     [], [("mcp.refresh_token_client_id", "/mcp_servers/0/refresh_token"), ("field.server_only", "/mcp_servers/0/client_id")])
case("mcp", "enabled-not-bool", chat(mcp_servers=[{"url": "https://m", "tool_configuration": {"enabled": "sometimes"}}]),
     [("mcp.tool_configuration", "/mcp_servers/0/tool_configuration/enabled")])
case("mcp", "allowed-tools-not-list", chat(mcp_servers=[{"url": "https://m", "tool_configuration": {"allowed_tools": "find"}}]),
     [("mcp.tool_configuration", "/mcp_servers/0/tool_configuration/allowed_tools")])
case("mcp", "enabled-tools-typo", chat(mcp_servers=[{"url": "https://m", "tool_configuration": {"enabled_tools": ["find"]}}]),
     [], [("field.unknown", "/mcp_servers/0/tool_configuration/enabled_tools")])
case("mcp", "mcp-not-array", chat(mcp_servers={"url": "https://m"}), [("field.type", "/mcp_servers")])

# ---------------------------------------------------------------- system and thinking
case("system", "object-ok", chat(system={"text": "Be brief.", "citations": {"enabled": True}, "extensions": ["zylon"]}))
case("system", "string", chat(system="Be brief."), [], [("system.shape", "/system")])
case("system", "list", chat(system=["Be brief.", {"text": "Cite."}]), [], [("system.shape", "/system")])
case("system", "number", chat(system=5), [("system.shape", "/system")])
case("system", "list-known-citations-crash", chat(system=[{"text": "a", "citations": {"known_citations": [{"id": "c", "index": 1}]}}, {"text": "b"}]),
     [("system.citations.known_citations_merge_crash", "/system")], [("system.shape", "/system")])
case("system", "list-single-known-citations-ok", chat(system=[{"text": "a", "citations": {"known_citations": [{"id": "c", "index": 1}]}}]),
     [], [("system.shape", "/system")])
case("system", "text-number", chat(system={"text": 5}), [("system.text", "/system/text")])
case("system", "use-default-prompt", chat(system={"use_default_prompt": True}), [], [("system.use_default_prompt_deprecated", "/system/use_default_prompt")])
case("system", "citations-enabled-string", chat(system={"citations": {"enabled": "yes please"}}), [("system.citations.enabled", "/system/citations/enabled")])
case("system", "known-citations-not-list", chat(system={"citations": {"known_citations": {"id": "c"}}}), [("system.citations.enabled", "/system/citations/known_citations")])
case("system", "extension-unknown", chat(system={"extensions": ["zylon", "claude"]}), [("system.extensions_enum", "/system/extensions/1")])
case("system", "blob-visibility", chat(system={"blob_visibility": "public"}), [], [("system.blob_visibility_enum", "/system/blob_visibility")])
case("system", "blob-visibility-bad", chat(system={"blob_visibility": "secret"}), [], [("system.blob_visibility_enum", "/system/blob_visibility")])
case("system", "thinking-enabled-ok", chat(thinking={"enabled": True}))
case("system", "thinking-enabled-string", chat(thinking={"enabled": "on"}), [], [("field.coerced", "/thinking/enabled")])
case("system", "thinking-enabled-bad", chat(thinking={"enabled": "definitely"}), [("thinking.enabled_bool", "/thinking/enabled")])
case("system", "thinking-effort", chat(thinking={"effort": "high"}), [], [("thinking.effort", "/thinking/effort")])
case("system", "thinking-effort-bad", chat(thinking={"effort": "extreme"}), [], [("thinking.effort", "/thinking/effort")])
case("system", "thinking-not-object", chat(thinking=True), [("field.type", "/thinking")])

# ---------------------------------------------------------------- envelopes
P = chat()
case("envelope", "interaction-ok", {"thread_id": "t1", "agent": "Default", "artifact_ids": ["a1"], "all_artifacts": False, "pgpt": P}, kind="interaction")
case("envelope", "interaction-deep-research-ok", {"thread_id": "t1", "agent": "ProjectDeepResearch", "pgpt": P}, kind="interaction")
case("envelope", "interaction-no-pgpt", {"thread_id": "t1"}, [("envelope.interaction.pgpt_required", "/pgpt")], kind="interaction")
case("envelope", "interaction-no-thread-id", {"pgpt": P}, [], [("envelope.interaction.thread_id", "/thread_id")], kind="interaction")
case("envelope", "interaction-agent-bad", {"thread_id": "t1", "agent": "default", "pgpt": P}, [("envelope.interaction.agent_enum", "/agent")], kind="interaction")
case("envelope", "interaction-artifact-ids-string", {"thread_id": "t1", "artifact_ids": "a1", "pgpt": P}, [("envelope.interaction.artifact_ids_type", "/artifact_ids")], kind="interaction")
case("envelope", "interaction-all-artifacts-string", {"thread_id": "t1", "all_artifacts": "yes", "pgpt": P}, [("envelope.interaction.artifact_ids_type", "/all_artifacts")], kind="interaction")
case("envelope", "interaction-inner-error", {"thread_id": "t1", "pgpt": {"messages": [{"role": "user", "content": []}]}},
     [("message.content.empty", "/pgpt/messages/0/content")], kind="interaction")
case("envelope", "interaction-pgpt-string", {"thread_id": "t1", "pgpt": "hello"}, [("field.type", "/pgpt")], kind="interaction")
case("envelope", "interaction-unknown-field", {"thread_id": "t1", "pgpt": P, "project_id": "p"}, [], [("field.unknown", "/project_id")], kind="interaction")
case("envelope", "project-chat-ok", {"artifact_ids": ["a1"], "all_artifacts": True, "pgpt": P}, kind="project-chat")
case("envelope", "project-chat-no-pgpt", {"artifact_ids": []}, [("envelope.project_chat.pgpt_required", "/pgpt")], kind="project-chat")
case("envelope", "project-chat-artifact-ids-numbers", {"artifact_ids": [1, 2], "pgpt": P},
     [("envelope.project_chat.artifact_ids_type", "/artifact_ids/0"), ("envelope.project_chat.artifact_ids_type", "/artifact_ids/1")], kind="project-chat")
case("envelope", "project-chat-all-artifacts-number", {"all_artifacts": 1, "pgpt": P}, [("envelope.project_chat.all_artifacts_type", "/all_artifacts")], kind="project-chat")
case("envelope", "project-chat-inner-tools", {"pgpt": chat(tools=[SEM])}, [("tool.internal.semantic_search.context", "/pgpt/tools/0")], kind="project-chat")
case("envelope", "thread-ok", {"name": "Weekly Support Brief", "visibility": "Private"}, kind="thread")
case("envelope", "thread-no-name", {"visibility": "Public"}, [("envelope.thread.name_required", "/name")], kind="thread")
case("envelope", "thread-name-number", {"name": 5, "visibility": "Public"}, [("envelope.thread.name_required", "/name")], kind="thread")
case("envelope", "thread-no-visibility", {"name": "n"}, [("envelope.thread.visibility_required", "/visibility")], kind="thread")
case("envelope", "thread-visibility-lowercase", {"name": "n", "visibility": "private"}, [("envelope.thread.visibility_enum", "/visibility")], kind="thread")
case("envelope", "thread-update-ok", {"name": "Renamed"}, kind="thread-update")
case("envelope", "thread-update-empty-ok", {}, kind="thread-update")
case("envelope", "thread-update-bad-visibility", {"visibility": "Team"}, [("envelope.thread_update.optional_fields", "/visibility")], kind="thread-update")
case("envelope", "thread-update-name-number", {"name": 1}, [("envelope.thread_update.optional_fields", "/name")], kind="thread-update")

# ---------------------------------------------------------------- model profile
IMG = img(data=PNG, mime_type="image/png")
AUD = {"type": "audio", "data": WAV, "mime_type": "audio/wav"}
case("profile", "no-profile-silent", chat(tools=[CUSTOM], thinking={"enabled": True}, messages=[ublocks(IMG, IMG, AUD, text("?"))]))
case("profile", "tools-unsupported", chat(tools=[CUSTOM]), [("model.tools_support", "/tools")], options={"profile": {"supports_tools": False}})
case("profile", "mcp-unsupported", chat(mcp_servers=[{"url": "https://m"}]), [("model.tools_support", "/mcp_servers")], options={"profile": {"supports_tools": False}})
case("profile", "tools-supported-ok", chat(tools=[CUSTOM]), options={"profile": {"supports_tools": True}})
case("profile", "reasoning-unsupported", chat(thinking={"enabled": True}), [("model.reasoning_support", "/thinking")], options={"profile": {"supports_reasoning": False}})
case("profile", "images-unsupported", chat(messages=[ublocks(IMG, text("?"))]), [("model.image_support", "/messages/0/content")], options={"profile": {"supports_images": False}})
case("profile", "too-many-images", chat(messages=[ublocks(IMG, IMG, IMG, text("?"))]), [("model.image_count", "/messages/0/content")], options={"profile": {"max_images": 2}})
case("profile", "images-within-limit-ok", chat(messages=[ublocks(IMG, IMG, text("?"))]), options={"profile": {"max_images": 2}})
case("profile", "audio-unsupported", chat(messages=[ublocks(AUD, text("?"))]), [("model.audio_support", "/messages/0/content")], options={"profile": {"supports_audio": False}})
case("profile", "too-many-audios", chat(messages=[ublocks(AUD, AUD, text("?"))]), [("model.audio_count", "/messages/0/content")], options={"profile": {"max_audios": 1}})
case("profile", "token-limit-message", chat(messages=[user("x" * 400)]), [("model.token_limit", "/messages/0/content")], options={"profile": {"max_input_tokens": 50}})
case("profile", "token-limit-system", chat(system={"text": "y" * 400}), [("model.token_limit", "/system")], options={"profile": {"max_input_tokens": 50}})
case("profile", "token-limit-ok", chat(messages=[user("x" * 100)]), options={"profile": {"max_input_tokens": 50}})

# ---------------------------------------------------------------- strict mode
case("strict", "content-string-strict", {"messages": [{"role": "user", "content": "Hi"}]}, [("message.content.string", "/messages/0/content")], options={"strict": True})
case("strict", "unknown-field-strict", chat(foo=1), [("request.unknown_fields", "/foo")], options={"strict": True})
case("strict", "clean-body-strict-ok", chat(), options={"strict": True})
case("strict", "file-block-strict", media_msg({"type": "file", "content": "x"}), [("block.file.unsupported", M)], options={"strict": True})

# ---------------------------------------------------------------- seed documents
SEED_CONTENT = [
    {"type": "text", "text": "Summarize this image."},
    {"type": "image", "data": PNG, "mime_type": "image/png"},
    {"type": "audio", "data": WAV, "mime_type": "audio/mpeg"},
    {"type": "binary", "data": PDF, "mime_type": "application/octet-stream", "filename": "blob.bin"},
    {"type": "file", "content": PDF, "content_type": "application/pdf", "doc_metadata": {"file_name": "contract.pdf", "file_type": "pdf"}},
]
case("seeds", "one-shot-chat", {"messages": [user("Draft a 2-sentence update on this week’s support backlog.")], "max_tokens": 64, "temperature": 0.3},
     description="The seed's one-shot chat example (POST /api/v1/app/chat).")
case("seeds", "validate-request", {"messages": [user("Give me a three-bullet summary of the Q1 support plan.")], "max_tokens": 64, "temperature": 0.3},
     description="The seed's /chat/validate example.")
case("seeds", "interaction-request", {"thread_id": "{threadID}", "artifact_ids": ["{artifactID}"], "all_artifacts": False, "agent": "Default",
                                      "pgpt": {"messages": [user("Summarize the artifact in three bullets.")], "max_tokens": 120, "temperature": 0.2}},
     kind="interaction", description="The seed's thread interaction example.")
case("seeds", "interaction-image-and-text", {"thread_id": "{threadID}", "all_artifacts": True, "artifact_ids": [], "agent": "Default",
                                             "pgpt": {"messages": [ublocks({"type": "image", "data": PNG, "mime_type": "image/png"}, text("What do you see here?"))],
                                                      "system": {"use_default_prompt": True, "citations": {"enabled": True}}, "thinking": {"enabled": True}}},
     [], [("system.use_default_prompt_deprecated", "/pgpt/system/use_default_prompt")], kind="interaction",
     description="The seed's image + text interaction; <BASE64_IMAGE_DATA> replaced by a real 1x1 PNG. use_default_prompt is deprecated (warning).")
case("seeds", "thread-create", {"name": "Weekly Support Brief", "visibility": "Private"}, kind="thread", description="The seed's thread creation.")
case("seeds", "thread-update", {"name": "Weekly Support Brief", "visibility": "Private"}, kind="thread-update", description="The seed's thread update (PUT).")
case("seeds", "content-blocks-user-media", {"messages": [ublocks(*SEED_CONTENT)]},
     [], [("block.media.mime_mismatch", "/messages/0/content/2/mime_type"), ("block.file.unsupported", "/messages/0/content/4")],
     description="The seed's media content blocks (placeholders replaced by real data; the audio sample is a WAV declared as audio/mpeg, as in the seed).")
case("seeds", "content-blocks-assistant-turn", {"messages": [
    user("Analyze the support trend"),
    asst({"type": "source", "sources": [
        {"type": "context.website", "url": "https://example.com/report", "title": "Quarterly Report", "description": "Public report page"},
        {"type": "context.chunk", "id": "chunk_01", "score": 0.92, "text": "Support backlog dropped 8% week-over-week",
         "document": {"object": "artifact", "artifact": "artifact_123", "doc_metadata": {"file_name": "support.csv", "file_type": "csv"}}}]},
         {"type": "tool_use", "id": "toolu_123", "name": "semantic_search", "input": {"query": "billing issues"}},
         {"type": "tool_result", "tool_use_id": "toolu_123", "content": [{"type": "text", "text": "Found 5 matching passages."}], "is_error": False},
         {"type": "thinking", "thinking": "I should compare the latest week to the previous one."},
         {"type": "tldr", "content": [{"type": "text", "text": "User: Analyze support trend"}, {"type": "text", "text": "Assistant: Backlog decreased 8%"}]}),
    user("And last month?")]},
     [], [("block.source.item_shape", "/messages/1/content/0/sources/0"), ("block.source.item_shape", "/messages/1/content/0/sources/1"),
          ("block.thinking.signature_required", "/messages/1/content/3/signature")],
     description="The seed's source/tool_use/tool_result/thinking/tldr blocks in an assistant turn: Workspace-shaped sources and a thinking block without signature are warnings.")
case("seeds", "project-chat", {"pgpt": {"messages": [{"role": "user", "content": [text("What is our refund policy?")], "_meta": {}}],
                                        "stream": True, "tools": [{"name": "lookup", "type": "custom", "description": "Look up", "inputSchema": {"properties": {}, "required": [], "type": "object"}}],
                                        "tool_choice": {"type": "auto", "name": "lookup", "disable_parallel_tool_use": True},
                                        "mcp_servers": [{"url": "https://mcp.example.com", "name": "crm", "authorization_token": "tok", "tool_configuration": {"enabled": True, "allowed_tools": ["find"]}}],
                                        "response_format": {"type": "text"},
                                        "system": {"text": "Be precise.", "citations": {"enabled": True, "known_citations": [{"id": "c1", "index": "1", "artifact_id": "a", "source_id": "s", "correlation_id": "x"}]}, "extensions": ["zylon"]},
                                        "thinking": {"enabled": True}, "priority": 1, "seed": 7, "min_p": 0.05, "top_p": 0.9, "temperature": 0.2, "top_k": 40,
                                        "repetition_penalty": 1.1, "presence_penalty": 0.1, "frequency_penalty": 0.1, "max_tokens": 256, "correlation_id": "req-1"},
                               "artifact_ids": ["a1"], "all_artifacts": False},
     [], [("message.meta", "/pgpt/messages/0/_meta"), ("field.coerced", "/pgpt/system/citations/known_citations/0/index")], kind="project-chat",
     description="The seed's project chat example with its <string>/123 placeholders replaced by sensible values (custom tool, MCP server, system, sampling).")


def main():
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    names = set()
    for area, name, fx in CASES:
        key = (area, name)
        if key in names:
            sys.exit(f"duplicate fixture {area}/{name}")
        names.add(key)
        d = os.path.join(OUT, area)
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, name + ".json"), "w") as f:
            json.dump(fx, f, indent=2, ensure_ascii=False)
            f.write("\n")
    print(f"wrote {len(CASES)} fixtures")


if __name__ == "__main__":
    main()
