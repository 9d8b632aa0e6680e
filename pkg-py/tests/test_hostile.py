"""Hostile input gives reports, never exceptions or crashes; secrets never come back; threads."""

from __future__ import annotations

import json
import math
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Dict, List

import zylon_schema as z

USER = {"role": "user", "content": [{"type": "text", "text": "hi"}]}


def codes(r: Dict[str, Any]) -> List[str]:
    return [i["code"] for i in r["errors"]]


def test_deep_nesting() -> None:
    for depth in (968, 969, 970, 100_000):
        r = z.validate("[" * depth + "]" * depth)
        assert r["valid"] is False
    assert codes(z.validate("[" * 100_000 + "]" * 100_000)) == ["json.too_deep"]
    # A dict nested past Python's own recursion limit: json.dumps fails, a report says so.
    deep: Dict[str, Any] = {}
    node = deep
    for _ in range(100_000):
        node["a"] = {}
        node = node["a"]
    r = z.validate(deep)
    assert codes(r) == ["json.syntax"] and "cannot be turned into JSON" in r["errors"][0]["message"]


def test_large_text() -> None:
    text = json.dumps({"messages": [{"role": "user", "content": [{"type": "text", "text": "é" * 50_000_000}]}], "temperature": 3})
    assert len(text.encode()) > 100_000_000
    assert codes(z.validate(text)) == ["sampling.temperature_range"]
    assert z.validate(text.encode()) == z.validate(text)


def test_invalid_utf8_bytes() -> None:
    raw = json.dumps({"messages": [USER]}).encode()
    r = z.validate(raw[:20] + b"\xff" + raw[20:])
    assert codes(r) == ["json.syntax"] and "UTF-8" in r["errors"][0]["message"]


def test_lone_surrogates_in_str() -> None:
    text = '{"messages": [{"role": "user", "content": [{"type": "text", "text": "a\ud800b"}]}]}'
    r = z.validate(text)
    assert r["valid"] is True, r
    # As a parsed body too (json.dumps keeps the surrogate; it becomes U+FFFD on the way in).
    assert z.validate(json.loads(text))["valid"] is True
    # Escaped in the JSON text, the server's decoder takes it: so do we.
    assert z.validate('{"messages": [{"role": "user", "content": [{"type": "text", "text": "\\ud800"}]}]}')["valid"]


def test_values_json_cannot_hold() -> None:
    for body in (
        {"messages": [USER], "temperature": math.nan},
        {"messages": [USER], "temperature": math.inf},
        {"messages": [USER], "x": {1, 2}},
        {"messages": [USER], "x": object()},
        {1: "non-string key is fine for json.dumps", "messages": [USER]},
    ):
        r = z.validate(body)
        assert isinstance(r, dict) and isinstance(r["valid"], bool)
    # A dict is serialised as strict JSON (allow_nan=False), so a NaN in it cannot be sent as is.
    assert codes(z.validate({"messages": [USER], "temperature": math.nan})) == ["json.syntax"]
    # As text, `NaN` (what json.dumps writes by default) is read as the server's decoder reads
    # it: a float, out of range here, and a warning that it is not JSON.
    r = z.validate(json.dumps({"messages": [USER], "temperature": math.nan}))
    assert codes(r) == ["sampling.temperature_range"]
    assert [w["code"] for w in r["warnings"]] == ["json.non_standard_number"]
    for body in (None, object(), 3.5, "", b"", "null", "[]", "{", "\ufeff{}", '{"messages": []} {}'):
        r = z.validate(body)  # type: ignore[arg-type]
        assert r["valid"] is False and r["errors"], body


def test_secrets_never_come_back() -> None:
    canary = "CANARY-9f3e-SECRET"
    body = {
        "messages": [{"role": "User", "content": ""}],
        "mcp_servers": [
            {"url": 5, "authorization_token": canary, "refresh_token": canary, "client_secret": canary, "token_endpoint_auth_method": canary, "tool_configuration": {"enabled": canary}},
            {"authorization_token": 7, "refresh_token": [canary]},
        ],
        "tools": [{"name": "db", "type": "database_query_v1", "description": canary}],
        "tool_context": [
            {"type": "sql_database", "connection_string": f"postgresql://admin:{canary}@db:5432/x", "ssl": canary},
            {"type": "sql_database", "connection_string": f"Server=db;User Id=sa;Password={canary};"},
            {"type": "sql_database", "connection_string": 42},
        ],
    }
    fixed = z.fix(body)
    outputs = [z.validate(body), z.validate(json.dumps(body), strict=True, spans=True), fixed["report"], fixed["fixes"]]
    for out in outputs:
        assert "9f3e" not in json.dumps(out), out
    assert z.validate(body)["valid"] is False


def test_threads_share_the_module_safely() -> None:
    bodies = [
        {"messages": [USER], "temperature": t / 10} for t in range(30)
    ] + [{"messages": [{"role": "User", "content": []}]}, "{", b"\xff"]
    expected = [z.validate(b) for b in bodies]  # type: ignore[arg-type]
    with ThreadPoolExecutor(max_workers=8) as pool:
        for _ in range(5):
            got = list(pool.map(lambda b: z.validate(b), bodies))  # type: ignore[arg-type]
            assert got == expected


def test_validation_releases_the_gil() -> None:
    # While one thread validates a large body, another Python thread keeps running: it counts
    # until the validation ends. Holding the GIL throughout would leave it at its first value.
    text = json.dumps({"messages": [{"role": "user", "content": [{"type": "text", "text": "x" * 200_000_000}]}]}).encode()
    done = threading.Event()
    ticks = [0]

    def count() -> None:
        while not done.is_set():
            ticks[0] += 1

    counter = threading.Thread(target=count)
    counter.start()
    try:
        before = ticks[0]
        for _ in range(3):
            z.validate(text)
        during = ticks[0] - before
    finally:
        done.set()
        counter.join()
    assert during > 1000, during
