"""Every fixture's report equals the Rust core's, for str, bytes and dict input (and for the
fixtures given as bytes in other encodings, bytes input)."""

from __future__ import annotations

from typing import Any, Dict, List

import zylon_schema as z
from conftest import options_of


def test_there_are_cases(cases: List[Dict[str, Any]]) -> None:
    assert len(cases) >= 250
    assert sum(1 for c in cases if "object" in c) >= 200


def test_str_input_gives_the_core_report(cases: List[Dict[str, Any]]) -> None:
    bad = [c["name"] for c in cases if z.validate(c["text"], **options_of(c)) != c["report"]]
    assert bad == []


def test_bytes_input_gives_the_core_report(cases: List[Dict[str, Any]]) -> None:
    bad = [
        c["name"]
        for c in cases
        if z.validate(c["text"].encode("utf-8"), **options_of(c)) != c["report"]
        or z.validate(bytearray(c["text"].encode("utf-8")), **options_of(c)) != c["report"]
    ]
    assert bad == []


def test_bytes_in_other_encodings_give_the_core_report(byte_cases: List[Dict[str, Any]]) -> None:
    assert len(byte_cases) >= 8
    bad = [c["name"] for c in byte_cases if z.validate(bytes.fromhex(c["bytes_hex"]), **options_of(c)) != c["report"]]
    assert bad == []
    warned = [c for c in byte_cases if any(w["code"] == "json.encoding" for w in c["report"]["warnings"])]
    assert len(warned) >= 5


def test_dict_input_gives_the_core_report(cases: List[Dict[str, Any]]) -> None:
    with_object = [c for c in cases if "object" in c]
    bad = [c["name"] for c in with_object if z.validate(c["object"], **options_of(c)) != c["report"]]
    assert bad == []


def test_reports_are_plain_json_values() -> None:
    r = z.validate({"messages": [{"role": "User", "content": []}]})
    assert type(r) is dict and type(r["errors"]) is list and type(r["errors"][0]) is dict
    assert {i["code"] for i in r["errors"]} >= {"message.role.enum"}
    assert r["summary"]["error_count"] == len(r["errors"])


def test_spans_point_into_the_text() -> None:
    text = '{"messages": [{"role": "user", "content": [{"type": "text", "text": "hi"}]}], "temperature": 3}'
    r = z.validate(text, spans=True)
    [issue] = r["errors"]
    assert issue["code"] == "sampling.temperature_range"
    span = issue["span"]
    assert text.encode()[span["start"] : span["end"]] == b"3"


def test_kinds_and_strict() -> None:
    thread = {"name": "n"}
    assert z.validate(thread, kind="thread")["errors"][0]["code"] == "envelope.thread.visibility_required"
    plain = {"messages": [{"role": "user", "content": "hi"}]}
    assert z.validate(plain)["valid"] is True
    strict = z.validate(plain, strict=True)
    assert strict["valid"] is False
    assert [e["code"] for e in strict["errors"]] == ["message.content.string"]


def test_profile() -> None:
    body = {"messages": [{"role": "user", "content": [{"type": "text", "text": "x"}]}], "tools": [{"name": "f", "description": "d", "input_schema": {"type": "object"}}]}
    assert z.validate(body)["valid"] is True
    r = z.validate(body, profile={"model": "m", "supports_tools": False})
    assert r["valid"] is False
    assert any("tool" in e["code"] for e in r["errors"]), r


def test_is_valid_is_the_reports_valid(cases: List[Dict[str, Any]], byte_cases: List[Dict[str, Any]]) -> None:
    """`is_valid` answers as the report's `valid` for every fixture: str, bytes and dict input,
    with and without strict mode, and for bodies that cannot be JSON."""
    counts = [0, 0]
    bad = []
    for c in cases:
        opts = {k: v for k, v in options_of(c).items() if k != "spans"}
        for strict in (opts.get("strict", False), True):
            o = {**opts, "strict": strict}
            want = z.validate(c["text"], **o)["valid"]
            counts[want] += 1
            if z.is_valid(c["text"], **o) is not want or z.is_valid(c["text"].encode("utf-8"), **o) is not want:
                bad.append((c["name"], strict))
        if "object" in c and z.is_valid(c["object"], **opts) is not c["report"]["valid"]:
            bad.append((c["name"], "dict"))
    for c in byte_cases:
        opts = {k: v for k, v in options_of(c).items() if k != "spans"}
        if z.is_valid(bytes.fromhex(c["bytes_hex"]), **opts) is not c["report"]["valid"]:
            bad.append((c["name"], "bytes"))
    assert bad == []
    assert min(counts) >= 100, counts
    for broken in (None, "", "{", object(), {"messages": float("nan")}):
        assert z.is_valid(broken) is False
