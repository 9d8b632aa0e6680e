"""fix, streams, schemas, codes, options."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any, Dict, List

import pytest

import zylon_schema as z

CAPTURE = (Path(__file__).parent / "data" / "capture.sse").read_bytes()


def test_fix_applies_the_safe_fixes() -> None:
    result = z.fix('{"messages": [{"role": "User", "content": "hi"}]}')
    assert [f["code"] for f in result["fixes"]] == ["message.role.enum", "message.content.string"]
    assert json.loads(result["body"]) == {"messages": [{"role": "user", "content": [{"type": "text", "text": "hi"}]}]}
    assert result["report"]["valid"] is True
    assert z.validate(result["body"], strict=True)["valid"] is True


def test_fix_of_a_dict_and_of_garbage() -> None:
    assert z.fix({"messages": [{"role": "USER", "content": [{"type": "text", "text": "x"}]}]})["report"]["valid"]
    # Invalid UTF-8 is what the server rejects: nothing is rewritten (a fixed body could not
    # hold the bytes), and the report says why, as `validate`'s does.
    raw = b'{"messages": [{"role": "User", "content": [{"type": "text", "text": "a\xffb"}]}]}'
    lossy = z.fix(raw)
    assert lossy["body"] == "" and lossy["fixes"] == []
    assert lossy["report"]["valid"] is False
    [error] = lossy["report"]["errors"]
    assert error["code"] == "json.syntax" and error["message"].startswith("nothing was fixed: ")
    assert "not valid UTF-8" in error["message"]
    broken = z.fix(b"{nope")
    assert broken["fixes"] == [] and broken["report"]["errors"][0]["code"] == "json.syntax"
    # UTF-16 bytes are read as `validate` reads them (as the server does); the body comes back
    # as text, and the conversion is the first fix.
    wide = z.fix('{"messages": [{"role": "User", "content": "h\u00e9"}]}'.encode("utf-16"))
    assert [f["code"] for f in wide["fixes"]] == ["json.encoding", "message.role.enum", "message.content.string"]
    assert (wide["fixes"][0]["before"], wide["fixes"][0]["after"], wide["fixes"][0]["round"]) == ("UTF-16LE", "UTF-8", 0)
    assert json.loads(wide["body"])["messages"][0]["content"][0]["text"] == "h\u00e9"
    assert wide["report"]["warnings"] == []
    # A lone surrogate in UTF-16: the server reads it, UTF-8 text cannot hold it.
    lone = '{"messages": [{"role": "user", "content": [{"type": "text", "text": "\ud800"}]}]}'
    lone = lone.encode("utf-16-le", "surrogatepass")
    assert z.validate(lone)["valid"] is True
    kept = z.fix(lone)
    # never a valid report next to the empty body given back
    assert kept["body"] == "" and kept["fixes"] == [] and kept["report"]["valid"] is False
    assert "UTF-16LE with a surrogate" in kept["report"]["errors"][0]["message"]


def test_decode_stream_assembles_the_message() -> None:
    out = z.decode_stream(CAPTURE)
    assert out["issues"] == []
    content = out["message"]["content"]
    assert content[0]["thinking"] == "Überlegung 🤔"
    assert content[1]["input"] == {"q": "é"}
    assert content[2]["text"] == "日本語 and more"
    assert out["events"] == 13
    assert z.decode_stream(CAPTURE.decode("utf-8")) == out


@pytest.mark.parametrize("seed", range(40))
def test_any_chunking_gives_the_same_message(seed: int) -> None:
    rng = random.Random(seed)
    cuts = sorted(rng.randrange(len(CAPTURE) + 1) for _ in range(rng.randrange(12)))
    acc = z.StreamAccumulator()
    events: List[Dict[str, Any]] = []
    prev = 0
    for cut in cuts + [len(CAPTURE)]:
        chunk = CAPTURE[prev:cut]
        # str chunks where the cut is on a character boundary, bytes elsewhere
        try:
            events += acc.push(chunk.decode("utf-8") if seed % 2 else chunk)
        except UnicodeDecodeError:
            events += acc.push(chunk)
        prev = cut
    events += acc.finish()
    whole = z.decode_stream(CAPTURE)
    assert acc.message() == whole["message"]
    assert acc.issues() == whole["issues"] == []
    assert acc.event_count == whole["events"] == len(events)


def test_stream_issues() -> None:
    out = z.decode_stream("data: " + "{" * 100000 + "\n\n")
    assert out["issues"] and all(i["code"].startswith("stream.") for i in out["issues"])
    with pytest.raises(TypeError):
        z.StreamAccumulator().push(5)  # type: ignore[arg-type]


def test_schemas_and_codes() -> None:
    names = z.schema_names()
    assert "chat-request" in names and "validation-report" in names
    for name in names:
        s = z.schema(name)
        assert s["$schema"].startswith("https://json-schema.org/draft/2020-12")
    with pytest.raises(KeyError, match="unknown schema"):
        z.schema("nope")
    codes = z.codes()
    assert len({c["code"] for c in codes}) == len(codes) >= 100
    assert {"code", "severity", "why", "fix", "docs", "points_at"} <= set(codes[0])


def test_schema_accepts_what_validate_accepts() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    body = {"messages": [{"role": "user", "content": [{"type": "text", "text": "hi"}]}], "temperature": 0.2}
    assert z.validate(body)["valid"]
    jsonschema.Draft202012Validator(z.schema("chat-request")).validate(body)


@pytest.mark.parametrize(
    "kwargs, error",
    [
        ({"kind": "nope"}, ValueError),
        ({"kind": 3}, TypeError),
        ({"strict": "yes"}, TypeError),
        ({"spans": 1}, TypeError),
        ({"profile": "m"}, TypeError),
        ({"profile": {"max_images": -1}}, ValueError),
        ({"profile": {"supports_tools": "no"}}, ValueError),
        ({"profile": {"model": float("nan")}}, TypeError),
    ],
)
def test_bad_options_raise_clearly(kwargs: Dict[str, Any], error: type) -> None:
    with pytest.raises(error) as e:
        z.validate("{}", **kwargs)
    assert str(e.value)
    if "spans" not in kwargs:
        # is_valid reads its options as validate does
        with pytest.raises(error) as e:
            z.is_valid("{}", **kwargs)
        assert str(e.value)


def test_version() -> None:
    assert z.__version__.count(".") == 2


def test_the_docstring_examples_run() -> None:
    import doctest

    result = doctest.testmod(z, raise_on_error=False)
    assert result.attempted >= 4 and result.failed == 0, result
