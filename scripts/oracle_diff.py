#!/usr/bin/env python3
"""Differential testing of the validator against the chat server's own request path.

A development tool (like the fuzz targets): it needs the server oracle of the project's shared
documents (`../shared/oracle/`, set up with `bash ../shared/oracle/setup.sh`) and says so and
stops when that is not there. The project's own tests never need it; what it finds becomes
fixtures and rules.

    python3 scripts/oracle_diff.py [--n N] [--seed S] [--out DIR]     # generated bodies
    python3 scripts/oracle_diff.py --fixtures                          # the fixture set
    python3 scripts/oracle_diff.py --encodings     # the fixture set as bytes in other encodings
    python3 scripts/oracle_diff.py --raw [--n N]   # generated bodies, their text rewritten as well
    python3 scripts/oracle_diff.py --sweep [--values|--swaps] [--lazy] [--fix] # every field, one at a time
    python3 scripts/oracle_diff.py --record        # both sweeps, both endpoints: the replayed corpus
    python3 scripts/oracle_diff.py --grammar       # value forms per place: how the server reads values
    python3 scripts/oracle_diff.py --strict-cover [...]  # any of these, warnings cover only at or above

Generated bodies are mutations of every fixture and example (drop / duplicate / retype / null /
enum and role changes / reorder and merge messages / swap block types / tool_use-tool_result
pairs / base64, data URIs and mime types / tool and tool_choice names / structured output with
tools and MCP / numbers at and beyond bounds and beyond 64 bits / strings vs arrays vs objects /
unicode and control characters / grafts of subtrees from other bodies), plus bodies generated
from the exported chat request schema. Each body goes through the oracle (the `/chat/validate`
verdict: tools built eagerly; `--lazy` for `POST /chat`) and through the validator
(`validate --kind chat`, via the `report_lines` example), and is classified:

* agree           both accept (warnings allowed), or the server rejects and we report an error;
* false-accept    the server rejects, we report nothing;
* false-reject    the server accepts, we report an error;
* soft-accept     the server rejects, we only warn: "cited" when one of the warnings is listed in
                  `docs/decisions.md` under "Soft accepts" (the Workspace docs endorse the body,
                  RULES.md Part 1.2), else "uncited" (counted as a false accept). A cited
                  warning must also be where the server rejects: at that place, above it, or on
                  a field of the object the server rejects (not on another field of it when the
                  warning speaks only of its own field, as `field.server_only` does);
                  `--strict-cover` drops the last allowance, to list what it lets through.

Every report is also checked for two issues with one code and one path (the validator says a
second problem at one place in the first issue's message); each such (code, path) is printed with
its shortest body when the run ends.

Disagreements are grouped by signature (class, the server's error location or text, normalised,
and our codes), one body per signature is minimised, and each is written as a fixture candidate
(`OUT/candidates/*.json`) with the server's verdict and error. `OUT/summary.json` has the counts.
Reproducible: the same `--seed` and `--n` give the same bodies.

`--fixtures` checks every fixture and example against the oracle instead: a fixture that expects
errors must be rejected by the server; one without errors must be accepted, unless it says
`"server": "reject"` (a soft accept) — the oracle's verdict must agree with each.
"""

from __future__ import annotations

import argparse
import atexit
import ast
import codecs
import copy
import json
import math
import os
import random
import re
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any, Callable

# The bodies hold integers longer than Python's default limit for int <-> text (4,300 digits),
# which this script must be able to write and read; the oracle runs with the server's default
# (`ServerLimits`), since that limit is one of the server's rules (json.integer_too_long).
SERVER_INT_DIGITS = 4300
if hasattr(sys, "set_int_max_str_digits"):
    sys.set_int_max_str_digits(0)


class ServerLimits:
    """The oracle with the server's process settings in force while it answers."""

    def __init__(self, orc: Any) -> None:
        self.orc = orc

    def __getattr__(self, name: str) -> Any:
        attr = getattr(self.orc, name)
        if not callable(attr) or not hasattr(sys, "set_int_max_str_digits"):
            return attr

        def call(*a: Any, **k: Any) -> Any:
            sys.set_int_max_str_digits(SERVER_INT_DIGITS)
            try:
                return attr(*a, **k)
            finally:
                sys.set_int_max_str_digits(0)

        return call

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "crates/zylon-schema/tests/fixtures"
EXAMPLES = ROOT / "examples/requests"
SCHEMA = ROOT / "schemas/chat-request.schema.json"
DECISIONS = ROOT / "docs/decisions.md"
VALIDATOR = ROOT / "target/release/examples/report_lines"


# ----------------------------------------------------------------------------- environment
def shared_dir() -> Path | None:
    env = os.environ.get("ZYLON_SHARED")
    cands = [Path(env)] if env else []
    cands.append(ROOT.parent / "shared")
    for c in cands:
        if (c / "oracle" / "oracle.py").is_file():
            return c
    return None


def ensure_oracle_python() -> Path:
    """The shared oracle directory; re-executes under the oracle's venv when needed."""
    shared = shared_dir()
    if shared is None:
        sys.exit(
            "oracle_diff: the server oracle is not here (looked for $ZYLON_SHARED/oracle and "
            f"{ROOT.parent / 'shared/oracle'}); it is a development tool of the project's shared "
            "documents, not part of the project's tests."
        )
    try:
        import fastapi  # noqa: F401
        import pydantic  # noqa: F401
        import llama_index.core  # noqa: F401
    except ImportError:
        venv_py = Path(os.environ.get("ORACLE_PYTHON", Path.home() / ".cache/oracle-venv/bin/python"))
        if not venv_py.is_file():
            sys.exit(f"oracle_diff: the oracle's venv is missing: run `bash {shared}/oracle/setup.sh`")
        if os.environ.get("ORACLE_DIFF_REEXEC"):
            sys.exit("oracle_diff: the oracle's venv lacks its packages: rerun setup.sh")
        os.environ["ORACLE_DIFF_REEXEC"] = "1"
        os.execv(str(venv_py), [str(venv_py), __file__, *sys.argv[1:]])
    sys.path.insert(0, str(shared / "oracle"))
    return shared


def build_validator() -> None:
    subprocess.run(
        ["cargo", "build", "--quiet", "--release", "-p", "zylon-schema", "--example", "report_lines"],
        cwd=ROOT, check=True,
    )
    subprocess.run(["cargo", "build", "--quiet", "--release", "-p", "zylon-schema-cli"], cwd=ROOT, check=True)


CLI = ROOT / "target/release/zylon-schema"


def run_fix(text: str) -> tuple[str, bool]:
    """`zylon-schema fix --kind chat -` on a text: the fixed body and whether we call it valid
    (`/chat/validate`'s verdict, the stricter one)."""
    res = subprocess.run([str(CLI), "fix", "--kind", "chat", "-"], input=text.encode("utf-8", "surrogatepass"), capture_output=True)
    if res.returncode not in (0, 1):
        return text, False
    return res.stdout.decode("utf-8"), res.returncode == 0


# The validator's options for generated bodies: `{"endpoint": "chat"}` with `--lazy`, so that
# both sides give POST /chat's verdict.
VALIDATOR_OPTIONS: list[str] = []


# Reports that give two issues one code and path (the validator's own rule: a second problem
# at one place belongs in the first issue's message), whatever the server says: by code and
# path shape, with the shortest body; printed when the run ends.
REPEATED: dict[tuple[str, str], str] = {}


def _print_repeated() -> None:
    if REPEATED:
        print(f"reports repeating a code at one path: {len(REPEATED)} kinds", file=sys.stderr)
        for (code, shape), t in sorted(REPEATED.items()):
            print(f"  {code} at {shape}: {t[:300]}", file=sys.stderr)


atexit.register(_print_repeated)


def run_validator(texts: list[str], kind: str = "chat") -> list[dict[str, Any]]:
    """One report per text, from the validator's `validate --kind KIND` path."""
    data = "".join(t.replace("\n", " ") + "\n" for t in texts).encode("utf-8", "surrogatepass")
    res = subprocess.run([str(VALIDATOR), kind, *VALIDATOR_OPTIONS], input=data, capture_output=True, check=True)
    lines = res.stdout.decode("utf-8").split("\n")[:-1]  # not splitlines: U+2028 is no line end
    assert len(lines) == len(texts), (len(lines), len(texts))
    reports = [json.loads(line) for line in lines]
    for t, rep in zip(texts, reports):
        seen: set[tuple[str, str]] = set()
        for i in rep["errors"] + rep["warnings"]:
            k = (i["code"], i["path"])
            if k in seen:
                shape = (i["code"], re.sub(r"/\d+", "/#", i["path"]))
                if shape not in REPEATED or len(t) < len(REPEATED[shape]):
                    REPEATED[shape] = t
            seen.add(k)
    return reports


# ----------------------------------------------------------------------------- seeds
def unwrap(doc: Any) -> Any | None:
    """The ChatRequest of a fixture or example, or None (thread DTOs, non-JSON bodies, bodies
    given only as bytes)."""
    if isinstance(doc, dict) and "body_hex" in doc and "body_text" not in doc:
        return None
    if isinstance(doc, dict) and "expect" in doc and ("body" in doc or "body_text" in doc):
        kind = str(doc.get("kind") or "chat")
        if "body_text" in doc:
            try:
                body = json.loads(doc["body_text"])
            except (ValueError, RecursionError):
                return None
        else:
            body = doc["body"]
        if kind in ("interaction", "project-chat"):
            return body.get("pgpt") if isinstance(body, dict) else None
        if kind != "chat":
            return None
        return body
    if isinstance(doc, dict) and "pgpt" in doc and "messages" not in doc:
        return doc["pgpt"]
    if isinstance(doc, dict) and "messages" not in doc and ("visibility" in doc or "name" in doc):
        return None
    return doc


def fixture_files() -> list[Path]:
    return sorted(FIXTURES.rglob("*.json"))


def nesting(v: Any) -> int:
    """How deep a value nests (iteratively: seeds may be hundreds of levels deep)."""
    deepest, stack = 0, [(v, 1)]
    while stack:
        v, d = stack.pop()
        if isinstance(v, dict):
            deepest = max(deepest, d)
            stack.extend((c, d + 1) for c in v.values())
        elif isinstance(v, list):
            deepest = max(deepest, d)
            stack.extend((c, d + 1) for c in v)
    return deepest


def load_seeds() -> list[Any]:
    """Bodies to mutate. The depth-limit fixtures (hundreds of levels) are left to `--fixtures`:
    the mutators copy and walk bodies recursively."""
    seeds = []
    for p in fixture_files() + sorted(EXAMPLES.glob("*.json")):
        doc = json.loads(p.read_text())
        body = unwrap(doc)
        if isinstance(body, dict) and nesting(body) <= 100:
            seeds.append(body)
    return seeds


# ----------------------------------------------------------------------------- tree helpers
Path_ = tuple  # a path into a body: keys and indices


def walk(v: Any, path: Path_ = ()) -> list[tuple[Path_, Any]]:
    out = [(path, v)]
    if isinstance(v, dict):
        for k, x in v.items():
            out.extend(walk(x, path + (k,)))
    elif isinstance(v, list):
        for i, x in enumerate(v):
            out.extend(walk(x, path + (i,)))
    return out


def get(v: Any, path: Path_) -> Any:
    for p in path:
        v = v[p]
    return v


def put(v: Any, path: Path_, x: Any) -> Any:
    if not path:
        return x
    get(v, path[:-1])[path[-1]] = x
    return v


def remove(v: Any, path: Path_) -> None:
    parent = get(v, path[:-1])
    del parent[path[-1]]


class Pools:
    """Values seen under each key name across every seed (for enum swaps and grafts)."""

    def __init__(self, seeds: list[Any]) -> None:
        by_key: dict[str, dict[str, Any]] = defaultdict(dict)
        keys_by_type: dict[str, set[str]] = defaultdict(set)
        self.blocks: list[Any] = []
        self.tools: list[Any] = []
        self.messages: list[Any] = []
        self.artifacts: list[Any] = []
        for s in seeds:
            for path, v in walk(s):
                if path and isinstance(path[-1], str):
                    by_key[path[-1]].setdefault(json.dumps(v, sort_keys=True), v)
                if isinstance(v, dict):
                    t = v.get("type") if isinstance(v.get("type"), str) else "_"
                    keys_by_type[t].update(k for k in v)
                    if len(path) >= 2 and path[-2] == "content" and "type" in v:
                        self.blocks.append(v)
                    if len(path) == 2 and path[0] == "tools":
                        self.tools.append(v)
                    if len(path) == 2 and path[0] == "messages":
                        self.messages.append(v)
                    if len(path) == 2 and path[0] == "tool_context":
                        self.artifacts.append(v)
        # Keep pools small enough to draw from fast, big enough to matter.
        self.by_key = {k: list(v.values())[:400] for k, v in by_key.items()}
        self.keys = sorted(self.by_key)
        self.keys_by_type = {k: sorted(v) for k, v in keys_by_type.items()}
        self.block_types = sorted({b["type"] for b in self.blocks if isinstance(b.get("type"), str)})


SCALARS: list[Any] = [
    None, True, False, 0, 1, -1, 2, 0.5, 1.5, -0.5, 100.0, "", " ", "x", "0.9", "1", "true", "yes",
    [], {}, [{}], [None], 1e20, 10**20, -(10**20), 2**63 - 1, 2**63, 2**64, -(2**63), 1e308, 1e-9,
    # integer literals at and past the server's decoder's limit (4,300 digits: json.integer_too_long)
    10**4299, -(10**4299), 10**4300,
    # written NaN, Infinity, -Infinity by json.dumps (json.non_standard_number)
    float("nan"), float("inf"), float("-inf"),
    "\u0000", "\u200b", "é", "😀", "a\nb", "   hi   ", "null", "data:;base64,", "aGk=",
]

UNICODE_BITS = ["\u0000", "\u0007", "\t", "\n", "\u2028", "\ufeff", "\u200b", "é", "😀", "\\", "\"", " "]

ENUMISH = {
    "role": ["user", "assistant", "system", "tool", "User", "ASSISTANT", "", "developer"],
    "type": [],  # filled from pools
    "mime_type": ["image/png", "image/jpeg", "image/gif", "image/webp", "image/svg+xml", "image/PNG",
                  "audio/wav", "audio/mpeg", "audio/mp3", "application/pdf", "text/plain", "png", "",
                  "image/", "image/png; charset=x"],
}

BOUNDS = {
    "temperature": [0, 1, 0.0, 1.0, -0.0, 1.0000001, -1e-9, 2, 0.7, "0.5", "1.5", True],
    "top_p": [0, 1, 1.01, -0.01, 0.9, "0.9", False],
    "top_k": [0, -1, 1, 40, 40.0, 40.5, "40", 2**63, 1e20, True],
    "max_tokens": [0, -1, 1, 100, 100.0, 100.5, "100", "1e3", 2**63 - 1, 2**63, 2**64, 1e20, -(2**63), True],
    "seed": [0, -1, 42, 42.0, 42.5, "42", 2**63, 1e20, -1e20, True],
    "priority": [0, -1, 1, 5, 5.5, "5", 2**63, 1e20, True],
    "min_p": [0, -0.1, 0.05, 1.5, "0.1", True],
    "presence_penalty": [0, -1, 1, 2.5, "0.5", True],
    "frequency_penalty": [0, -1, 1, "1", True],
    "repetition_penalty": [0, -1, 1.1, "1.1", True],
    "stream": [True, False, "true", "yes", "on", "1", "no", 0, 1, 2, "maybe", None],
    "index": [0, 1, -1, "1", 1.5, True, False, None],
    "score": [0, 1, 0.5, "0.9", -1, 2, "x", None, True],
}


# ----------------------------------------------------------------------------- mutations
class Mutator:
    def __init__(self, rng: random.Random, pools: Pools, seeds: list[Any]) -> None:
        self.rng = rng
        self.pools = pools
        self.seeds = seeds
        ENUMISH["type"] = pools.block_types + ["Text", "txt", "image_url", "tool-use", "file_v1"]
        self.ops: list[tuple[int, Callable[[Any], Any]]] = [
            (6, self.drop), (3, self.duplicate), (6, self.retype), (4, self.null), (6, self.enum_swap),
            (3, self.role_change), (3, self.reorder_messages), (2, self.merge_messages),
            (5, self.swap_block_type), (4, self.tool_pairs), (5, self.media), (3, self.rename_tool),
            (4, self.structured), (6, self.bounds), (4, self.shape_swap), (3, self.unicode),
            (6, self.graft), (5, self.add_key), (2, self.add_block), (2, self.add_tool),
            (2, self.add_artifact), (2, self.tool_choice), (2, self.empty_strings),
            (4, self.conversation),
        ]
        self.total = sum(w for w, _ in self.ops)

    def pick_op(self) -> Callable[[Any], Any]:
        r = self.rng.uniform(0, self.total)
        for w, op in self.ops:
            r -= w
            if r <= 0:
                return op
        return self.ops[-1][1]

    def mutate(self, body: Any) -> Any:
        body = copy.deepcopy(body)
        for _ in range(self.rng.choice([1, 1, 1, 2, 2, 3])):
            try:
                body = self.pick_op()(body)
            except (AttributeError, IndexError, KeyError, TypeError, ValueError):
                pass
        return body

    # -- helpers
    def nodes(self, body: Any, pred: Callable[[Path_, Any], bool] = lambda p, v: True) -> list[tuple[Path_, Any]]:
        return [(p, v) for p, v in walk(body) if pred(p, v)]

    def any_path(self, body: Any, nonroot: bool = True) -> Path_ | None:
        ns = [p for p, _ in walk(body) if p or not nonroot]
        return self.rng.choice(ns) if ns else None

    def blocks(self, body: Any) -> list[Path_]:
        return [p for p, v in walk(body) if len(p) >= 2 and p[-2] == "content" and isinstance(v, dict)]

    def messages(self, body: Any) -> list[Any]:
        m = body.get("messages") if isinstance(body, dict) else None
        return m if isinstance(m, list) else []

    def random_value(self) -> Any:
        return copy.deepcopy(self.rng.choice(SCALARS))

    # -- operators
    def drop(self, body: Any) -> Any:
        p = self.any_path(body)
        if p:
            remove(body, p)
        return body

    def duplicate(self, body: Any) -> Any:
        ps = [p for p, v in walk(body) if isinstance(v, list) and v]
        if ps:
            lst = get(body, self.rng.choice(ps))
            i = self.rng.randrange(len(lst))
            lst.insert(self.rng.randrange(len(lst) + 1), copy.deepcopy(lst[i]))
        return body

    def retype(self, body: Any) -> Any:
        p = self.any_path(body)
        if p:
            put(body, p, self.random_value())
        return body

    def null(self, body: Any) -> Any:
        p = self.any_path(body)
        if p:
            put(body, p, None)
        return body

    def enum_swap(self, body: Any) -> Any:
        ps = [p for p, v in walk(body) if p and isinstance(p[-1], str) and not isinstance(v, (dict, list))]
        if not ps:
            return body
        p = self.rng.choice(ps)
        key = p[-1]
        if key in ENUMISH and ENUMISH[key] and self.rng.random() < 0.6:
            put(body, p, self.rng.choice(ENUMISH[key]))
        elif key in self.pools.by_key:
            put(body, p, copy.deepcopy(self.rng.choice(self.pools.by_key[key])))
        return body

    def role_change(self, body: Any) -> Any:
        ms = [m for m in self.messages(body) if isinstance(m, dict)]
        if ms:
            self.rng.choice(ms)["role"] = self.rng.choice(ENUMISH["role"])
        return body

    def reorder_messages(self, body: Any) -> Any:
        ms = self.messages(body)
        if len(ms) >= 2:
            if self.rng.random() < 0.5:
                self.rng.shuffle(ms)
            else:
                i = self.rng.randrange(len(ms) - 1)
                ms[i], ms[i + 1] = ms[i + 1], ms[i]
        elif ms and self.rng.random() < 0.5:
            ms.clear()
        return body

    def merge_messages(self, body: Any) -> Any:
        ms = self.messages(body)
        if len(ms) >= 2:
            i = self.rng.randrange(len(ms) - 1)
            a, b = ms[i], ms[i + 1]
            if isinstance(a, dict) and isinstance(b, dict) and isinstance(a.get("content"), list) and isinstance(b.get("content"), list):
                a["content"].extend(b["content"])
                del ms[i + 1]
        return body

    def swap_block_type(self, body: Any) -> Any:
        bs = self.blocks(body)
        if bs:
            b = get(body, self.rng.choice(bs))
            b["type"] = self.rng.choice(ENUMISH["type"])
        return body

    def tool_pairs(self, body: Any) -> Any:
        uses = [(p, v) for p, v in walk(body) if isinstance(v, dict) and v.get("type") in ("tool_use", "tool_result")]
        r = self.rng.random()
        if uses and r < 0.3:
            remove(body, self.rng.choice(uses)[0])
        elif uses and r < 0.6:
            p, v = self.rng.choice(uses)
            k = "id" if v.get("type") == "tool_use" else "tool_use_id"
            v[k] = self.rng.choice(["t-2", "", "a.b", "call_1", "x" * 70, "toolu_01", 5, None, "t 1"])
        else:
            ms = self.messages(body)
            tid = self.rng.choice(["call_1", "t-1", "toolu_01A"])
            use = {"type": "tool_use", "id": tid, "name": self.rng.choice(["lookup", "get_weather", "semantic_search"]), "input": {"q": "x"}}
            res = {"type": "tool_result", "tool_use_id": tid, "content": self.rng.choice([[{"type": "text", "text": "r"}], "r", [], None])}
            if res["content"] is None:
                del res["content"]
            if self.rng.random() < 0.2:
                res["is_error"] = self.rng.choice([True, "true", 1])
            pos = self.rng.randrange(len(ms) + 1) if ms else 0
            new = [{"role": "assistant", "content": [use]}, {"role": "user", "content": [res, {"type": "text", "text": "go on"}]}]
            if self.rng.random() < 0.3:
                new = new[:1] if self.rng.random() < 0.5 else new[1:]
            ms[pos:pos] = new
        return body

    def media(self, body: Any) -> Any:
        bs = [p for p in self.blocks(body) if get(body, p).get("type") in ("image", "audio", "binary", "file")]
        if not bs or self.rng.random() < 0.3:
            ms = [m for m in self.messages(body) if isinstance(m, dict) and isinstance(m.get("content"), list)]
            if not ms:
                return body
            t = self.rng.choice(["image", "audio", "binary"])
            blk = {"type": t, "data": "iVBORw0KGgo=", "mime_type": {"image": "image/png", "audio": "audio/wav", "binary": "application/pdf"}[t]}
            c = self.rng.choice(ms)["content"]
            c.insert(self.rng.randrange(len(c) + 1), blk)
            return body
        b = get(body, self.rng.choice(bs))
        data = b.get("data") if isinstance(b.get("data"), str) else "aGVsbG8="
        choices = [
            "", " ", data[:-1], data + "=", data + "!", " " + data + "\n", data[: len(data) // 2],
            "data:image/png;base64," + data, "data:;base64,", "data:image/png," + data, "data:image/png;base64,",
            "https://example.com/x.png", "s3://bucket/x.png", "/tmp/x.png", "file:///tmp/x.png", "not base64 at all",
            data.replace("=", ""), "iVBORw0KGgo=", "/9j/4AAQSkZJRgABAQ==", "R0lGODlh", "UklGRiQAAABXRUJQ", "AAAA",
            data[:4] + "\n" + data[4:], "aGk", "aGk=\n", "====", "YQ==YQ==", "data:audio/wav;base64,UklGRg==",
        ]
        r = self.rng.random()
        if r < 0.55:
            b["data"] = self.rng.choice(choices)
        elif r < 0.8:
            b["mime_type"] = self.rng.choice(ENUMISH["mime_type"] + [None])
        elif r < 0.9:
            b.pop("mime_type", None)
        else:
            b.pop("data", None)
        return body

    def rename_tool(self, body: Any) -> Any:
        names = ["lookup", "get_weather", "semantic_search", "", "a" * 65, "bad name", "web-search", "x.y", "Ümlaut", 5]
        tools = body.get("tools") if isinstance(body, dict) else None
        r = self.rng.random()
        if isinstance(tools, list) and tools and r < 0.5:
            t = self.rng.choice(tools)
            if isinstance(t, dict):
                t["name"] = self.rng.choice(names)
        else:
            tc = body.setdefault("tool_choice", {"type": "tool"}) if isinstance(body, dict) else None
            if isinstance(tc, dict):
                tc["name"] = self.rng.choice(names)
                if self.rng.random() < 0.5:
                    tc["type"] = self.rng.choice(["tool", "auto", "any", "none"])
        return body

    def structured(self, body: Any) -> Any:
        if not isinstance(body, dict):
            return body
        schemas = [
            {"type": "object", "properties": {"a": {"type": "string"}}, "required": ["a"]},
            {"type": "array"}, {"type": "array", "items": {"type": "string"}}, {"type": "string"},
            {"oneOf": "true"}, {"anyOf": [{"type": "string"}, {"type": "integer"}]}, {"allOf": []},
            {"oneOf": [{"type": "object"}]}, {}, {"type": "object"}, {"properties": {"x": {}}},
            {"type": "objekt"}, {"$ref": "#/definitions/x"}, {"type": ["string", "null"]},
            {"type": "object", "properties": {"a": {"$ref": "#/$defs/A"}}, "$defs": {"A": {"type": "integer"}}},
            "object", 0, [], None, {"type": "integer", "enum": [1, 2]}, {"enum": ["a", "b"]},
        ]
        r = self.rng.random()
        rf = {"type": self.rng.choice(["json_schema", "text", "json_object", "JSON_SCHEMA", None, 5])}
        if self.rng.random() < 0.9:
            rf["json_schema"] = copy.deepcopy(self.rng.choice(schemas))
        if self.rng.random() < 0.1:
            rf = self.rng.choice([None, "json", [], {}])
        body["response_format"] = rf
        if r < 0.3:
            body.setdefault("tools", []).append({"name": "get_weather", "description": "w", "inputSchema": {"type": "object", "properties": {}}})
        elif r < 0.45:
            body.setdefault("mcp_servers", []).append({"name": "m", "url": "https://mcp.example.com/sse"})
        elif r < 0.55:
            body["tool_choice"] = {"type": self.rng.choice(["none", "auto", "any", "tool"]), "name": "get_weather"}
        return body

    def bounds(self, body: Any) -> Any:
        if not isinstance(body, dict):
            return body
        key = self.rng.choice(list(BOUNDS))
        if key in ("index", "score"):
            ps = [p for p, v in walk(body) if p and p[-1] == key]
            if ps:
                put(body, self.rng.choice(ps), self.rng.choice(BOUNDS[key]))
                return body
            key = "temperature"
        body[key] = copy.deepcopy(self.rng.choice(BOUNDS[key]))
        return body

    def shape_swap(self, body: Any) -> Any:
        p = self.any_path(body)
        if p is None:
            return body
        v = get(body, p)
        if isinstance(v, list):
            new = v[0] if v and self.rng.random() < 0.5 else json.dumps(v)[:20]
        elif isinstance(v, dict):
            new = [v] if self.rng.random() < 0.6 else (v.get("text") or "s")
        elif isinstance(v, str):
            new = self.rng.choice([[v], {"text": v}, [{"type": "text", "text": v}], {"type": "text", "text": v}])
        else:
            new = self.rng.choice([[v], str(v), {"value": v}])
        put(body, p, new)
        return body

    def unicode(self, body: Any) -> Any:
        ps = [p for p, v in walk(body) if p and isinstance(v, str)]
        if ps:
            p = self.rng.choice(ps)
            s = get(body, p)
            i = self.rng.randrange(len(s) + 1)
            put(body, p, s[:i] + self.rng.choice(UNICODE_BITS) + s[i:])
        return body

    def graft(self, body: Any) -> Any:
        ps = [p for p, _ in walk(body) if p and isinstance(p[-1], str) and p[-1] in self.pools.by_key]
        if ps:
            p = self.rng.choice(ps)
            put(body, p, copy.deepcopy(self.rng.choice(self.pools.by_key[p[-1]])))
        return body

    def add_key(self, body: Any) -> Any:
        objs = [p for p, v in walk(body) if isinstance(v, dict)]
        if not objs:
            return body
        p = self.rng.choice(objs)
        obj = get(body, p)
        t = obj.get("type") if isinstance(obj.get("type"), str) else "_"
        cands = self.pools.keys_by_type.get(t) or self.pools.keys
        if self.rng.random() < 0.3:
            cands = self.pools.keys
        key = self.rng.choice(cands)
        if self.rng.random() < 0.1:
            key = self.rng.choice(["input_schema", "mimeType", "enabled_tools", "maxTokens", "_meta", "cache_control", "citations", "signature", "model", "metadata"])
        vals = self.pools.by_key.get(key)
        obj[key] = copy.deepcopy(self.rng.choice(vals)) if vals and self.rng.random() < 0.8 else self.random_value()
        return body

    def add_block(self, body: Any) -> Any:
        ms = [m for m in self.messages(body) if isinstance(m, dict) and isinstance(m.get("content"), list)]
        if ms and self.pools.blocks:
            c = self.rng.choice(ms)["content"]
            c.insert(self.rng.randrange(len(c) + 1), copy.deepcopy(self.rng.choice(self.pools.blocks)))
        return body

    def add_tool(self, body: Any) -> Any:
        if isinstance(body, dict) and self.pools.tools:
            ts = body.get("tools")
            if not isinstance(ts, list):
                ts = body["tools"] = []
            ts.append(copy.deepcopy(self.rng.choice(self.pools.tools)))
        return body

    def add_artifact(self, body: Any) -> Any:
        if isinstance(body, dict) and self.pools.artifacts:
            ts = body.get("tool_context")
            if not isinstance(ts, list):
                ts = body["tool_context"] = []
            ts.append(copy.deepcopy(self.rng.choice(self.pools.artifacts)))
        return body

    def tool_choice(self, body: Any) -> Any:
        if isinstance(body, dict):
            tc: Any = {"type": self.rng.choice(["auto", "any", "tool", "none", "required", "Auto"])}
            if self.rng.random() < 0.5:
                tc["name"] = self.rng.choice(["lookup", "get_weather", "semantic_search", "nope"])
            if self.rng.random() < 0.3:
                tc["validation_mode"] = self.rng.choice(["eager", "lazy", "strict", None])
            if self.rng.random() < 0.2:
                tc["allowed_tools"] = self.rng.choice([["lookup"], [], "lookup", None])
            body["tool_choice"] = tc
        return body

    def conversation(self, body: Any) -> Any:
        """A new message list: turns of random roles holding text, media, tool calls and results
        (answered, unanswered, twice, unknown), tldrs with item roles and sides, pool blocks."""
        if not isinstance(body, dict):
            return body
        rng = self.rng
        ids: list[str] = []

        def text() -> dict[str, Any]:
            return {"type": "text", "text": rng.choice(["hi", "next?", "ok", " "])}

        def block(role: str) -> Any:
            r = rng.random()
            if r < 0.3:
                return text()
            if r < 0.45 and role != "user":
                i = rng.choice(["call_1", "call_2", "toolu_3"])
                ids.append(i)
                return {"type": rng.choice(["tool_use"] * 5 + ["server_tool_use"]), "id": i, "name": "lookup", "input": {}}
            if r < 0.62:
                i = rng.choice(ids) if ids and rng.random() < 0.85 else rng.choice(["call_1", "call_9"])
                b: dict[str, Any] = {"type": "tool_result", "tool_use_id": i}
                if rng.random() < 0.8:
                    b["content"] = rng.choice([[text()], "done", []])
                return b
            if r < 0.75 and role != "user":
                items = []
                for _ in range(rng.randint(0, 3)):
                    it = text()
                    if rng.random() < 0.8:
                        it["_meta"] = {"role": rng.choice(["user", "assistant", "user", "", "assistant", "tool"])}
                    items.append(it)
                t: dict[str, Any] = {"type": "tldr", "content": items}
                if rng.random() < 0.6:
                    t["tldr_side"] = rng.choice(["left", "right"])
                return t
            if self.pools.blocks and rng.random() < 0.5:
                return copy.deepcopy(rng.choice(self.pools.blocks))
            return text()

        msgs = []
        for _ in range(rng.randint(1, 6)):
            role = rng.choice(["user", "assistant", "user", "assistant", "system"])
            content: Any = [block(role) for _ in range(rng.randint(1, 3))]
            if rng.random() < 0.08:
                content = "plain text"
            msgs.append({"role": role, "content": content})
        if rng.random() < 0.7:
            msgs.append({"role": "user", "content": [text()]})
        body["messages"] = msgs
        return body

    def empty_strings(self, body: Any) -> Any:
        ps = [p for p, v in walk(body) if p and isinstance(v, str)]
        if ps:
            put(body, self.rng.choice(ps), self.rng.choice(["", " ", "\n", "\t "]))
        return body


# ----------------------------------------------------------------------------- schema-generated bodies
class SchemaGen:
    def __init__(self, rng: random.Random, schema: dict[str, Any], pools: Pools) -> None:
        self.rng = rng
        self.root = schema
        self.pools = pools

    def resolve(self, s: Any) -> Any:
        while isinstance(s, dict) and "$ref" in s:
            ref = s["$ref"]
            target: Any = self.root
            for part in ref.lstrip("#/").split("/"):
                target = target[part]
            rest = {k: v for k, v in s.items() if k != "$ref"}
            s = {**target, **rest} if rest else target
        return s

    def gen(self, s: Any, depth: int = 0, key: str | None = None) -> Any:
        s = self.resolve(s)
        if s is True or s == {} or not isinstance(s, dict):
            if key and key in self.pools.by_key and self.rng.random() < 0.7:
                return copy.deepcopy(self.rng.choice(self.pools.by_key[key]))
            return self.rng.choice(["x", 1, True, None, {"a": 1}, [1]])
        if "const" in s:
            return s["const"]
        if "enum" in s:
            return self.rng.choice(s["enum"])
        for comb in ("oneOf", "anyOf"):
            if comb in s:
                base = {k: v for k, v in s.items() if k not in (comb, "discriminator")}
                pick = self.resolve(self.rng.choice(s[comb]))
                if base.get("properties") and isinstance(pick, dict):
                    merged = {**base, **pick, "properties": {**base.get("properties", {}), **pick.get("properties", {})}}
                    return self.gen(merged, depth, key)
                return self.gen(pick, depth, key)
        if "allOf" in s:
            merged: dict[str, Any] = {}
            for part in s["allOf"]:
                part = self.resolve(part)
                for k, v in part.items():
                    if k == "properties":
                        merged.setdefault("properties", {}).update(v)
                    elif k == "required":
                        merged.setdefault("required", []).extend(v)
                    else:
                        merged[k] = v
            return self.gen(merged, depth, key)
        t = s.get("type")
        if isinstance(t, list):
            t = self.rng.choice([x for x in t if x != "null"] or ["null"]) if self.rng.random() < 0.9 else "null"
        if t is None:
            t = "object" if "properties" in s else ("array" if "items" in s else None)
        if t == "object":
            out: dict[str, Any] = {}
            props = s.get("properties", {})
            req = set(s.get("required", []))
            for k, ps in props.items():
                if k in req or (depth < 5 and self.rng.random() < 0.35):
                    out[k] = self.gen(ps, depth + 1, k)
            return out
        if t == "array":
            lo = s.get("minItems", 0)
            n = self.rng.randint(lo, max(lo, 3 if depth < 4 else 1))
            return [self.gen(s.get("items", True), depth + 1, key) for _ in range(n)]
        if t == "string":
            if key and key in self.pools.by_key and self.rng.random() < 0.8:
                vals = [v for v in self.pools.by_key[key] if isinstance(v, str)]
                if vals:
                    return self.rng.choice(vals)
            return self.rng.choice(["hello", "x", "", "call_1", "2024-01-01T00:00:00Z"])[: s.get("maxLength", 99)]
        if t in ("integer", "number"):
            lo = s.get("minimum", s.get("exclusiveMinimum", -5))
            hi = s.get("maximum", s.get("exclusiveMaximum", 200))
            v = self.rng.uniform(lo, hi)
            return int(v) if t == "integer" else round(v, 3)
        if t == "boolean":
            return self.rng.random() < 0.5
        if t == "null":
            return None
        return self.rng.choice(["x", 1, True, None])


# ----------------------------------------------------------------------------- classification
def soft_accept_codes() -> set[str]:
    """Warning codes cited in docs/decisions.md under "Soft accepts" (Workspace-endorsed bodies)."""
    text = DECISIONS.read_text() if DECISIONS.is_file() else ""
    m = re.search(r"^## Soft accepts.*?(?=^## |\Z)", text, re.S | re.M)
    if not m:
        return set()
    cited: set[str] = set()
    for row in re.findall(r"^\| (`[^|]+)\|", m.group(0), re.M):
        cited.update(re.findall(r"`([a-z0-9_.]+)`", row))
    return cited


def codes(issues: list[dict[str, Any]]) -> list[str]:
    return sorted({i["code"] for i in issues})


def server_locs(oracle: dict[str, Any]) -> list[list[str]] | None:
    """The body locations the server's errors name (segments, as strings), or None when the
    error is not a body-validation error (mapper and interceptor errors have no location)."""
    if oracle.get("stage") != "body":
        return None
    locs = []
    for item in (oracle.get("error") or "").split(" | "):
        # the oracle cuts long error lists with "(+N more)" after the last one it shows
        item = re.sub(r" \(\+\d+ more\)$", "", item)
        m = _LOC_RE.match(item)
        if not m:
            continue
        try:
            segs = [str(x) for x in ast.literal_eval("(" + m.group(1) + ",)")]
        except (ValueError, SyntaxError):
            segs = [p.strip().strip("'\",") for p in m.group(1).split(", ")]
        segs = [x for x in segs if x and x != "body" and not x.startswith("list[") and x != "str"]
        if segs and not (len(segs) >= 2 and segs[-1] == "content" and item.endswith("valid string")):
            locs.append(segs)
    return locs or None


# `--strict-cover`: a warning explains a rejection only at its own path or above it, not the
# rejection of the object holding it (an image's missing `mime_type` does explain "source: Field
# required": to see which warnings the rule below lets through).
STRICT_COVER = "--strict-cover" in sys.argv

# Codes that say something about their own field only: such a warning explains a rejection at
# the field or inside it, and one of the object holding the field (a tool's bad `defer_loading`:
# "Invalid tool specification" at the tool, or at a model or union tag inside it), but not one of
# another field of that object (a `field.server_only` warning at an image's `url` "explained" the
# server's "source: Field required" and hid a false accept).
OWN_FIELD_ONLY = {"field.server_only", "field.unknown", "request.unknown_fields"}


def _covers(path: str, loc: list[str], code: str = "", body: Any = None) -> bool:
    """Whether an issue's JSON Pointer explains the server's rejection at `loc`: `loc` is at the
    issue's path or inside it, or (for a field's issue) at the object holding it (the server's
    location also holds union tags and model names: a subsequence test). `body`, when given,
    tells a union tag (the object's `type`) from a field name."""
    segs = [s.replace("~1", "/").replace("~0", "~") for s in path.split("/")[1:]]
    if _match_end(segs, loc) is not None:
        return True
    if len(segs) <= 1 or STRICT_COVER:
        return False
    end = _match_end(segs[:-1], loc)
    if end is None:
        return False
    if code not in OWN_FIELD_ONLY:
        return True  # an issue about a field explains a rejection of the object holding it
    parent = body
    for s in segs[:-1]:
        parent = parent[int(s)] if isinstance(parent, list) and s.isdigit() and int(s) < len(parent) else (
            parent.get(s) if isinstance(parent, dict) else None)
    tag = parent.get("type") if isinstance(parent, dict) else None
    # the rest of the location must name the object itself: its union tag or model names only
    return all(x == tag or "[" in x or "-" in x or x[:1].isupper() for x in loc[end:])


def _match_end(segs: list[str], loc: list[str]) -> int | None:
    """Where in `loc` a greedy match of `segs` as a subsequence ends, or None (list indices of a
    merged list, such as a `system` list, may be gone from the server's location)."""
    at = 0
    for s in segs:
        if s.isdigit() and s not in loc:
            continue
        while at < len(loc) and loc[at] != s:
            at += 1
        if at == len(loc):
            return None
        at += 1
    return at


def classify(oracle: dict[str, Any], report: dict[str, Any], cited: set[str], text: str | None = None) -> str:
    errs, warns = report["errors"], report["warnings"]
    if oracle["verdict"] == "ACCEPT":
        return "false-reject" if errs else "agree"
    if errs:
        return "agree"
    if not warns:
        return "false-accept"
    mine = [w for w in warns if w["code"] in cited]
    if not mine:
        return "soft-accept-uncited"
    locs = server_locs(oracle)
    if locs is None:
        return "soft-accept-cited"
    # every location the server rejects must be explained by a cited warning there
    try:
        body = json.loads(text) if text is not None else None
    except ValueError:
        body = None
    ok = all(any(_covers(w["path"], loc, w["code"], body) for w in mine) for loc in locs)
    return "soft-accept-cited" if ok else "soft-accept-uncited"


_LOC_RE = re.compile(r"^\(([^)]*)\): (.*)$")


def norm_server(oracle: dict[str, Any]) -> str:
    err = (oracle.get("error") or "").split(" | ")[0]
    m = _LOC_RE.match(err)
    if m:
        loc, msg = m.groups()
        parts = []
        for part in loc.split(", "):
            part = part.strip("'\"")
            if part.isdigit():
                part = "#"
            elif part.startswith("list[tagged-union"):
                part = "list"
            parts.append(part)
        loc = "/".join(p for p in parts if p not in ("body",))
        msg = re.sub(r"\d+", "N", msg)[:70]
        return f"{oracle.get('stage')}:{loc}: {msg}"
    err = re.sub(r"'[^']*'", "'_'", err)
    err = re.sub(r"\d+", "N", err)
    return f"{oracle.get('stage')}:{err[:90]}"


def signature(cls: str, oracle: dict[str, Any], report: dict[str, Any]) -> str:
    if cls == "false-reject":
        return f"{cls} | {' '.join(codes(report['errors']))}"
    return f"{cls} | {norm_server(oracle)}"


def norm_path(path: Path_, body: Any) -> str:
    """A field's place with indices folded and block types named: messages/#/content/#text/text."""
    out = []
    v = body
    for p in path:
        v = v[p]
        if isinstance(p, int):
            t = v.get("type") if isinstance(v, dict) and isinstance(v.get("type"), str) else ""
            out.append("#" + t)
        else:
            out.append(p)
    return "/".join(out)


def dumps(body: Any, rng: random.Random | None = None) -> str:
    ascii_ = rng.random() < 0.3 if rng else False
    return json.dumps(body, ensure_ascii=ascii_, separators=(",", ":"))


# Number literals (not inside strings: after `:`, `[` or `,`) and strings, for `raw_rewrite`.
NUMBER = re.compile(r'(?<=[:\[,])(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)(?=[,\]}])')
STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')


def number_forms(n: str) -> list[str]:
    """Other ways to write the number `n`, and a few invalid ones (a leading zero)."""
    v = float(n)
    forms = [n + "e0", n + "E+0", repr(v), f"{v:e}"]
    if "e" not in f"{v * 10:g}":
        forms.append(f"{v * 10:g}e-1")
    if not any(c in n for c in ".eE"):
        forms += [n + ".0", n + "0e-1", ("-0" + n[1:]) if n.startswith("-") else "0" + n]
    return forms


def raw_rewrite(text: str, rng: random.Random) -> str:
    """`--raw`: one to three rewrites of the text that `json.dumps` never writes: a number in
    another form (`5e0`, `5.0`, `50e-1`; `05`, which is not JSON), a character of a string, key
    or enum value as a `\\u` escape (either case; `\\/` for `/`), whitespace between tokens."""
    for _ in range(rng.randint(1, 3)):
        k = rng.random()
        if k < 0.35:
            ms = list(NUMBER.finditer(text))
            if ms:
                m = rng.choice(ms)
                text = text[: m.start(1)] + rng.choice(number_forms(m.group(1))) + text[m.end(1):]
        elif k < 0.75:
            ms = [m for m in STRING.finditer(text) if m.group(1)]
            if ms:
                m = rng.choice(ms)
                i = m.start(1) + rng.randrange(len(m.group(1)))
                c = text[i]
                if c != "\\" and text[i - 1] != "\\" and ord(c) <= 0xFFFF:
                    esc = rng.choice(["\\u%04x", "\\u%04X"]) % ord(c)
                    text = text[:i] + ("\\/" if c == "/" and rng.random() < 0.5 else esc) + text[i + 1:]
        else:
            places = [i for i, c in enumerate(text) if c in ",:[]{}"]
            if places:
                i = rng.choice(places) + rng.randint(0, 1)
                text = text[:i] + rng.choice([" ", "\t", "\r", "  \t"]) + text[i:]
    return text


# ----------------------------------------------------------------------------- minimising
def reductions(body: Any) -> list[Any]:
    out = []
    for path, v in walk(body):
        if path:
            b = copy.deepcopy(body)
            remove(b, path)
            out.append(b)
        if isinstance(v, str) and len(v) > 8:
            b = copy.deepcopy(body)
            put(b, path, v[: len(v) // 2])
            out.append(b)
        if isinstance(v, list) and len(v) > 1:
            b = copy.deepcopy(body)
            put(b, path, v[:1])
            out.append(b)
    return out


def minimise(body: Any, sig: str, check: Callable[[list[str]], list[tuple[str, str]]], rounds: int = 40) -> Any:
    """Greedy: keep the smallest one-step reduction that keeps the signature."""
    for _ in range(rounds):
        cands = sorted(reductions(body), key=lambda b: len(dumps(b)))[:150]
        if not cands:
            break
        texts = [dumps(c) for c in cands]
        res = check(texts)
        for c, (s, _) in zip(cands, res):
            if s == sig:
                body = c
                break
        else:
            break
    return body


# ----------------------------------------------------------------------------- main
# The server's camelCase aliases of three request fields (`MessagesInputBase`), read when the
# field itself is absent (`--alias`).
ALIASES = {"tool_choice": "toolChoice", "output_config": "outputConfig", "cache_control": "cacheControl"}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=20000, help="bodies to generate (default 20000)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", default=str(ROOT / "target/oracle"))
    ap.add_argument("--strict-cover", action="store_true", help="a cited warning explains a rejection only at or above its own path, not a sibling field's")
    ap.add_argument("--fixtures", action="store_true", help="check the fixture set against the oracle")
    ap.add_argument("--raw", action="store_true",
                    help="rewrite each generated text too: number forms, \\u escapes, whitespace")
    ap.add_argument("--encodings", action="store_true",
                    help="the fixture set as bytes in UTF-8 with a BOM, UTF-16, UTF-32 and CESU-8")
    ap.add_argument("--lazy", action="store_true", help="POST /chat's verdict (the body's validation_mode)")
    ap.add_argument("--no-build", action="store_true", help="do not rebuild the validator")
    ap.add_argument("--schema-share", type=float, default=0.15, help="share of schema-generated bodies")
    ap.add_argument("--alias", type=float, default=0.0,
                    help="chance that each of tool_choice, output_config and cache_control a body has is "
                         "renamed to the server's camelCase alias (drawn from a second generator: the "
                         "--seed's bodies are otherwise unchanged)")
    ap.add_argument("--no-minimise", action="store_true")
    ap.add_argument("--null-sweep", action="store_true",
                    help="set every field of every seed to null, one at a time: the nullability table")
    ap.add_argument("--sweep", action="store_true",
                    help="leave out, and set to each of a few values of other types, every field and item of every seed")
    ap.add_argument("--values", action="store_true",
                    help="with --sweep: wrong values of the right type instead of other types")
    ap.add_argument("--swaps", action="store_true",
                    help="with --sweep: each string set to the others seen under its key (enum swaps)")
    ap.add_argument("--fix", action="store_true",
                    help="with --sweep: also run `fix` on each body and ask the server about the result")
    ap.add_argument("--record", action="store_true",
                    help="the three sweeps on both endpoints, written as the verdict corpus the tests replay")
    ap.add_argument("--grammar", action="store_true",
                    help="raw value forms (numbers at bounds, white space, dates, base64, URLs, blank "
                         "texts) in the places that read them: how the server reads values")
    ap.add_argument("--show", type=int, default=60, help="signatures to print")
    args = ap.parse_args()

    ensure_oracle_python()
    if not args.no_build:
        build_validator()
    import io
    import contextlib

    with contextlib.redirect_stdout(io.StringIO()):
        import oracle as oracle_mod  # type: ignore[import-not-found]

        orc = ServerLimits(oracle_mod.Oracle(lazy=args.lazy))
    if args.lazy:
        VALIDATOR_OPTIONS.append('{"endpoint": "chat"}')
    cited = soft_accept_codes()

    if args.fixtures:
        return check_fixtures(orc)
    if args.encodings:
        return check_encodings(orc, Path(args.out))
    if args.null_sweep:
        return null_sweep(orc, cited)
    if args.grammar:
        if args.record and args.lazy:
            # (the recorded corpus holds /chat/validate's verdicts, which the replay checks)
            sys.exit("--grammar --record records /chat/validate's verdicts: leave out --lazy")
        return grammar(orc, cited, args.record)
    if args.record:
        return record(orc, cited)
    if args.sweep:
        return sweep(orc, cited, args.show, args.fix, args.values, args.swaps)

    rng = random.Random(args.seed)
    alias_rng = random.Random(args.seed + 1_000_003)
    seeds = load_seeds()
    pools = Pools(seeds)
    mut = Mutator(rng, pools, seeds)
    sgen = SchemaGen(rng, json.loads(SCHEMA.read_text()), pools)
    out = Path(args.out)
    (out / "candidates").mkdir(parents=True, exist_ok=True)

    def check_texts(texts: list[str]) -> list[tuple[str, str]]:
        reports = run_validator(texts)
        res = []
        for t, rep in zip(texts, reports):
            o = orc.check_text(t)
            c = classify(o, rep, cited, t)
            res.append((signature(c, o, rep), c))
        return res

    counts: Counter[str] = Counter()
    groups: dict[str, list[tuple[str, dict[str, Any], dict[str, Any]]]] = defaultdict(list)
    batch = 1000
    done = 0
    while done < args.n:
        k = min(batch, args.n - done)
        texts = []
        for _ in range(k):
            if rng.random() < args.schema_share:
                body = sgen.gen(sgen.root)
                if rng.random() < 0.5:
                    body = mut.mutate(body)
            else:
                body = mut.mutate(rng.choice(seeds))
            if args.alias and isinstance(body, dict):
                camel = {k: c for k, c in ALIASES.items() if k in body and alias_rng.random() < args.alias}
                body = {camel.get(k, k): v for k, v in body.items()}
            text = dumps(body, rng)
            texts.append(raw_rewrite(text, rng) if args.raw else text)
        reports = run_validator(texts)
        for t, rep in zip(texts, reports):
            o = orc.check_text(t)
            c = classify(o, rep, cited, t)
            counts[c] += 1
            if c != "agree":
                sig = signature(c, o, rep)
                g = groups[sig]
                if len(g) < 50:
                    g.append((t, o, rep))
        done += k
        print(f"  {done}/{args.n}: " + ", ".join(f"{c} {n}" for c, n in sorted(counts.items())), file=sys.stderr)

    # minimise one body per signature and write fixture candidates
    summary_sigs = []
    for i, (sig, items) in enumerate(sorted(groups.items(), key=lambda kv: -len(kv[1]))):
        t, o, rep = min(items, key=lambda it: len(it[0]))
        body = json.loads(t)
        if not args.no_minimise and i < 200 and not args.raw:  # (minimising would undo the rewrite)
            body = minimise(body, sig, check_texts)
            t2 = dumps(body)
            o = orc.check_text(t2)
            rep = run_validator([t2])[0]
        cand = {
            "description": sig,
            "kind": "chat",
            "server": "accept" if o["verdict"] == "ACCEPT" else "reject",
            "server_error": o.get("error"),
            "ours": {"errors": [[x["code"], x["path"]] for x in rep["errors"]], "warnings": [[x["code"], x["path"]] for x in rep["warnings"]]},
            "body": body,
        }
        (out / "candidates" / f"{i:03d}.json").write_text(json.dumps(cand, indent=2, ensure_ascii=False) + "\n")
        summary_sigs.append({"signature": sig, "bodies": len(items), "candidate": f"candidates/{i:03d}.json"})
    summary = {"n": args.n, "seed": args.seed, "lazy": args.lazy, "counts": dict(counts), "signatures": summary_sigs}
    (out / "summary.json").write_text(json.dumps(summary, indent=2) + "\n")
    print(json.dumps(dict(counts)))
    for s in summary_sigs[: args.show]:
        print(f"{s['bodies']:5d}  {s['signature'][:200]}  ({s['candidate']})")
    bad = counts["false-accept"] + counts["false-reject"] + counts["soft-accept-uncited"]
    return 1 if bad else 0


# ----------------------------------------------------------------------------- --grammar
# How the server reads values: raw JSON texts of one value, put in each place that reads such a
# value (`@V@` in a body). Written after stop 45's sweeps, which found what the mutations did
# not: Python's `str.strip` against pydantic-core's (Rust) `trim`, `<` against `<=` at ±2^63,
# calendar days and offsets of dates, `urlparse`'s `ValueError`s.
_USER = '{"role":"user","content":[{"type":"text","text":"hi"}]}'
_PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="


def _grammar_values() -> dict[str, list[str]]:
    q = json.dumps
    numbers = [
        "0", "1", "-1", "0.0", "-0.0", "-0", "1.0", "1.0000000000000002", "0.9999999999999999",
        "0.99999999999999999", "1e0", "10e-1", "5e-324", "1e-400", "1e308", "1e309", "-1e309",
        "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
        "9223372036854775807.0", "9223372036854774784.0", "-9223372036854774784.0",
        "-9223372036854775808.0", "-9.223372036854776e18", "-92233720368547758080e-1",
        "18446744073709551616", "1e19", "-1e19", "NaN", "Infinity", "-Infinity", "true", "false",
        "null", "[]", "{}",
    ] + [q(s) for s in [
        "1", " 1 ", "+1", "-1", "1_000", "1__0", "_1", "1_", "1.0", "1.5", "1e3", "0x10", "١", "１",
        "inf", "nan", "Infinity", "0.5", " 0.5", "0.5\n", "\u00a00.5", "05", "-0", ".", "", " ",
        "1.", ".5", "True", "1,0", "9223372036854775808", "1e400", "\u001c1", "1\u001f", "\u00851",
        "\u30001", "\u200b1", "\ufeff1", "\u000b1", " 1_000", " 1_0.5", "\u00851_0",
    ]]
    dates = [q(s) for s in [
        "+1", "+1.5", ".5", "-.5", "1.", "+0", "-00", ".", "1.5.", " 1", "1_0", "1e3", "1700000000",
        "20000000001", "-62135596801", "2024-02-29", "2023-02-29", "1900-02-29", "2000-02-29",
        "2100-02-29", "2024-04-31", "2024-06-31T00:00:00", "2024-01-32", "2024-00-10", "0000-01-01",
        "0001-01-01", "9999-12-31T23:59:59-01:00", "2024-01-01T00:00:00+01", "2024-01-01T00:00:00+0100",
        "2024-01-01T00:00:00+2359", "2024-01-01T00:00:00+2400", "2024-01-01T00:00:00+01:60",
        "2024-01-01T00:00:00-24:00", "2024-01-01T23:59:60", "2024-01-01T00:00Z", "2024-01-01T00Z",
        "2024-01-01 00:00:00", "2024-01-01_00:00:00", "2024-01-01x00:00:00", "2024-01-01T",
        "2024-01-01T00:00:00.123456789012Z", "2024-01-01T00:00:00z", "2024-01-01T00:00:00+1\u00e90",
        "yesterday",
    ]] + ["0", "-1", "1e10", "2e10", "1e13", "253402300799999", "253402300800000", "1e20", "NaN"]
    bools = ["true", "false", "0", "1", "0.0", "1.0", "2", "-1", "0.5", "null", "[]"] + [q(s) for s in [
        "true", "True", "TRUE", "t", "yes", "y", "on", "1", "0", "false", "f", "no", "n", "off",
        "1.0", " true", "true ", "", "tru", "2",
    ]]
    p = _PNG
    payloads = [q(s) for s in [
        p, p.rstrip("="), p + "=", p + "A", p[:-1], p.replace("+", "-"), " " + p, p + "\n",
        p[:20] + "\n" + p[20:], p[:20] + "=" + p[20:], p[:20] + "\u00e9" + p[20:], "", " ", "=", "A",
        "AAAA", "\u001c" + p, "\u0085" + p, "data:image/png;base64," + p, "data:;base64," + p,
        "data:image/png," + p, "DATA:image/png;base64," + p, "data:image/png;base64," + p.rstrip("="),
        "data:" + p, "https://example.com/a.png", "HTTPS://EXAMPLE.COM/a.png", " https://example.com/a.png",
        "\u001chttps://example.com/a.png", "https://exa\tmple.com/a.png", "https://", "https:///a.png",
        "http:/x", "//example.com/a.png", "file:///etc/passwd", "/etc/passwd", "s3://b/k.png", "s3://",
        "ftp://x/a.png", "http://[::1", "http://a]/x", "http://[::1]/a.png", "https://[1.2.3.4]/a",
        "https://[1::2::3]/a", "http://[::10e-1]/a", "http://[fe80::1%eth0]/a", "http://[v1.x]/a",
        "http://[v1.]/a", "https://[1:2:3:4:5:6:7:8:9]/a", "https://[::ffff:01.2.3.4]/a",
        "https://[fe80::1%a%b]/a", "https://[::1.2.3]/a", "https://[1:2:3:4:5::1.2.3.4]/a",
        "https://[12345::]/a", "https://[::ffff:1.2.3.4]/a.png", "https://[:1::]/a",
    ]]
    texts = [q(s) for s in [
        "\u001c", "\u001f", " ", "\u0085", "\u00a0", "\u3000", "\u200b", "\ufeff", "", "\u001c\n",
        "a", "\u000b", "\\", "\u001b", "\u001d\u001e",
    ]]
    names = [q(s) for s in [
        "lookup", "a", "", " ", " lookup", "lookup ", "a b", "a-b", "a_b", "a.b", "a/b", "a:b", "A" * 64,
        "A" * 65, "A" * 128, "A" * 129, "1abc", "-x", "_x", "\u00e9t\u00e9", "\u6771\u4eac", "a\tb", "a\nb",
        "\u001c", "lookup\u001c", "semantic_search", "web_search", "tabular_analysis", "mcp",
        "null", "None", "a" * 256, "a" * 257,
    ]] + ["1", "null", "[]", "true"]
    ids = [q(s) for s in [
        "t1", "", " ", "t 1", " t1", "t1 ", "toolu_01A", "a" * 64, "a" * 65, "a" * 256, "a-b_c.d", "a/b",
        "\u00e9", "\u001c", "\n",
    ]] + ["1", "null"]
    urls = [q(s) for s in [
        "https://mcp.example.com", "https://mcp.example.com/sse", "http://localhost:8080/mcp",
        "HTTPS://MCP.EXAMPLE.COM", " https://mcp.example.com ", "\u001chttps://mcp.example.com",
        "\u00a0https://mcp.example.com", "mcp.example.com", "//mcp.example.com", "https://", "https:///x",
        "ftp://mcp.example.com", "ws://mcp.example.com", "wss://mcp.example.com", "file:///etc/passwd",
        "https://mcp.example.com:99999", "https://mcp.example.com:0", "https://mcp.example.com:-1",
        "https://user:pw@mcp.example.com", "https://exa mple.com", "https://[::1]/mcp",
        "http://[::1", "https://mcp.example.com/#frag", "https://mcp.example.com/?q=1", "", " ",
        "https://\u00e9xample.com", "https://xn--xample-9ua.com", "http://127.0.0.1:8000", "https://a_b.com",
    ]] + ["1", "null", "[]"]
    words = [q(s) for s in [
        "user", "assistant", "system", "tool", "USER", "User", " user", "user ", "developer", "auto",
        "any", "none", "tool", "text", "json_schema", "json_object", "low", "medium", "high", "max",
        "xhigh", "minimal", "HIGH", "", " ", "\u001cuser", "user\u001c",
    ]] + ["1", "null", "true"]
    schemas = [
        '{"type":"object"}', "{}", '{"type":"objekt"}', '{"type":["object","null"]}', '{"type":"string"}',
        '{"type":"array"}', '{"type":"object","properties":{"a":{"type":"string"}},"required":["a"]}',
        '{"type":"object","required":["b"]}', '{"type":"object","required":"a"}',
        '{"type":"object","properties":1}', '{"type":"object","properties":{"a":1}}',
        '{"type":"object","properties":{"a":{"type":"string","pattern":"("}}}',
        '{"type":"object","properties":{"a":{"type":"string","pattern":"^a+$"}}}',
        '{"type":"object","properties":{"a":{"$ref":"#/$defs/x"}},"$defs":{"x":{"type":"string"}}}',
        '{"type":"object","properties":{"a":{"$ref":"#/$defs/missing"}}}', '{"$ref":"#"}',
        '{"type":"object","oneOf":{}}', '{"type":"object","oneOf":[]}', '{"type":"object","anyOf":[{}]}',
        '{"type":"object","additionalProperties":false}', '{"type":"object","additionalProperties":1}',
        '{"type":"object","properties":{"a":{"type":"integer","minimum":"1"}}}',
        '{"type":"object","properties":{"a":{"enum":[]}}}', '{"type":"object","properties":{"a":{"enum":1}}}',
        '{"type":"object","properties":{"a":{"type":"array","items":[]}}}',
        '{"type":"object","properties":{"a":{"type":"array","items":{"type":"strin"}}}}',
        '{"$schema":"http://json-schema.org/draft-04/schema#","type":"object"}',
        '{"$schema":"https://example.com/nope","type":"object"}', '{"type":"object","format":"bogus"}',
        '{"type":"object","properties":{"a":{"type":"string","minLength":-1}}}',
        '{"type":"object","properties":{"a":{"type":"string","maxLength":1.5}}}', '{"type":"object","title":1}',
        "true", "false", "[]", '"object"', "null", "1",
    ] + [
        # (pattern dialects: the server compiles a schema's patterns as its validator does)
        '{"type":"object","properties":{"a":{"type":"string","pattern":"\\\\p{L}"}}}',
        '{"type":"object","properties":{"a":{"type":"string","pattern":"(?<n>x)"}}}',
        '{"type":"object","properties":{"a":{"type":"string","pattern":"(?P<n>x)"}}}',
        '{"type":"object","properties":{"a":{"type":"string","pattern":"\\\\d+"}}}',
        '{"type":"object","properties":{"a":{"type":"string","pattern":"a++"}}}',
        '{"type":"object","properties":{"a":{"type":"string","pattern":"(?=a)"}}}',
        '{"type":"object","properties":{"a":{"type":"string","pattern":"(a)\\\\1"}}}',
        '{"type":"object","properties":{"a":{"type":"string","pattern":"[a-"}}}',
        '{"type":"object","properties":{"a":{"type":"string","pattern":"a{2,1}"}}}',
        '{"type":"object","properties":{"a":{"type":"string","pattern":"(?i)a"}}}',
        '{"type":"object","properties":{"a":{"type":"string","pattern":"\\\\Z"}}}',
        '{"type":"object","properties":{"a":{"type":"string","pattern":"\\\\z"}}}',
        '{"type":"object","properties":{"a":{"type":"string","pattern":"[[:alpha:]]"}}}',
        '{"type":"object","properties":{"a":{"type":"string","pattern":"\\\\u00e9"}}}',
        '{"type":"object","properties":{"a":{"type":"string","pattern":"x{,3}"}}}',
        '{"type":"object","properties":{"a":{"type":"string","pattern":"(?<=a)b"}}}',
        '{"type":"object","properties":{"a":{"type":"string","pattern":"*"}}}',
        '{"type":"object","properties":{"a":{"type":"string","pattern":"\\\\"}}}',
        '{"type":"object","properties":{"a":{"type":"number","multipleOf":0}}}',
        '{"type":"object","patternProperties":{"(":{}}}',
        '{"type":"object","propertyNames":{"pattern":"("}}',
        '{"type":"object","minProperties":-1}',
        '{"type":"object","$defs":1}',
        '{"type":"object","definitions":{"x":1}}',
        '{"type":"object","dependencies":{"a":1}}',
        '{"type":"object","if":{},"then":1}',
        '{"type":"object","not":1}',
        '{"type":"object","unevaluatedProperties":1}',
        '{"type":"object","properties":{"a":{"const":1}}}',
        '{"type":"object","properties":{"a":{"type":"string","format":"email"}}}',
        '{"type":"object","$ref":"http://example.com/s.json"}',
        '{"type":"object","properties":{"a":{"type":"null"}}}',
        '{"type":"object","properties":{"a":{"type":"string","minLength":1e400}}}',
        '{"type":"object","properties":{"a":{"type":"string","maxLength":true}}}',
        '{"type":"object","required":[]}',
        '{"type":"object","required":["a","a"]}',
        '{"type":"object","properties":{"a":{"enum":[1,1]}}}',
        '{"type":"object","properties":{"a":{"type":[]}}}',
        '{"type":"object","properties":{"a":{"type":["string","string"]}}}',
    ]
    mimes = [q(s) for s in [
        "image/png", "image/jpeg", "image/gif", "image/webp", "IMAGE/PNG", "image/png; charset=x", "image/",
        "image", "", " ", " image/png", "text/plain", "application/pdf", "image/svg+xml", "audio/wav",
        "audio/mpeg", "audio/x-wav", "application/octet-stream", "x/y", "\u001cimage/png",
    ]] + ["null", "1"]
    return {"numbers": numbers, "dates": dates, "bools": bools, "payloads": payloads, "texts": texts,
            "names": names, "ids": ids, "urls": urls, "words": words, "schemas": schemas, "mimes": mimes}


_GRAMMAR_PLACES: list[tuple[str, str]] = [
    *[("numbers", '{"messages":[%s],"%s":@V@}' % (_USER, f)) for f in (
        "max_tokens", "seed", "top_k", "priority", "temperature", "top_p", "min_p",
        "frequency_penalty", "presence_penalty", "repetition_penalty")],
    ("numbers", '{"messages":[{"role":"user","content":[{"type":"text","text":"Describe this.",'
                '"citations":[{"id":"c1","index":@V@}]}]}]}'),
    ("numbers", '{"messages":[%s,{"role":"assistant","content":[{"type":"text","text":"a"}]},'
                '{"role":"user","content":[{"type":"bash_code_execution_result","stdout":"o","stderr":"",'
                '"return_code":@V@,"content":null},{"type":"text","text":"next"}]}]}' % _USER),
    ("dates", '{"messages":[{"role":"user","content":[{"type":"text","text":"hi","start_timestamp":@V@}]}]}'),
    ("dates", '{"messages":[{"role":"user","content":[{"type":"text","text":"hi","stop_timestamp":@V@}]}]}'),
    ("bools", '{"messages":[%s],"stream":@V@}' % _USER),
    ("bools", '{"messages":[%s],"thinking":{"enabled":@V@}}' % _USER),
    ("bools", '{"messages":[%s],"system":{"text":"s","citations":{"enabled":@V@}}}' % _USER),
    *[("payloads", '{"messages":[{"role":"user","content":[{"type":"%s","%s":@V@,"mime_type":"%s"},'
                   '{"type":"text","text":"q"}]}]}' % (t, k, m))
      for t, m in (("image", "image/png"), ("audio", "audio/wav"), ("binary", "application/pdf"))
      for k in ("data", "url")],
    ("texts", '{"messages":[{"role":"user","content":[{"type":"text","text":@V@}]}]}'),
    ("texts", '{"messages":[{"role":"user","content":@V@}]}'),
    ("texts", '{"messages":[{"role":"user","content":[{"type":"text","text":"a"},{"type":"text","text":@V@}]}]}'),
    ("names", '{"messages":[%s],"tools":[{"name":@V@,"description":"d","inputSchema":{"type":"object"}}]}' % _USER),
    ("names", '{"messages":[%s],"tools":[{"name":@V@,"inputSchema":{"type":"object"}}],'
              '"tool_choice":{"type":"tool","name":@V@}}' % _USER),
    ("names", '{"messages":[%s],"mcp_servers":[{"url":"https://mcp.example.com","name":@V@}]}' % _USER),
    ("names", '{"messages":[%s,{"role":"assistant","content":[{"type":"tool_use","id":"t1","name":@V@,'
              '"input":{}}]},{"role":"user","content":[{"type":"tool_result","tool_use_id":"t1",'
              '"content":"r"}]}]}' % _USER),
    ("ids", '{"messages":[%s,{"role":"assistant","content":[{"type":"tool_use","id":@V@,"name":"lookup",'
            '"input":{}}]},{"role":"user","content":[{"type":"tool_result","tool_use_id":@V@,'
            '"content":"r"}]}]}' % _USER),
    ("ids", '{"messages":[%s,{"role":"assistant","content":[{"type":"tool_use","id":@V@,"name":"lookup",'
            '"input":{}}]},{"role":"user","content":[{"type":"tool_result","tool_use_id":"t1",'
            '"content":"r"}]}]}' % _USER),
    ("urls", '{"messages":[%s],"mcp_servers":[{"url":@V@}]}' % _USER),
    ("words", '{"messages":[{"role":@V@,"content":[{"type":"text","text":"hi"}]}]}'),
    ("words", '{"messages":[%s],"tools":[{"name":"lookup","inputSchema":{"type":"object"}}],'
              '"tool_choice":{"type":@V@}}' % _USER),
    ("words", '{"messages":[%s],"thinking":{"enabled":true,"effort":@V@}}' % _USER),
    ("words", '{"messages":[%s],"response_format":{"type":@V@}}' % _USER),
    ("words", '{"messages":[%s],"system":{"text":"s","blob_visibility":@V@}}' % _USER),
    ("schemas", '{"messages":[%s],"tools":[{"name":"lookup","inputSchema":@V@}]}' % _USER),
    ("schemas", '{"messages":[%s],"response_format":{"type":"json_schema","json_schema":@V@}}' % _USER),
    *[("mimes", '{"messages":[{"role":"user","content":[{"type":"%s","data":"%s","mime_type":@V@},'
                '{"type":"text","text":"q"}]}]}' % (t, _PNG)) for t in ("image", "audio", "binary")],
]


# Value forms where the validator knowingly differs, and why (listed, not counted as failures).
_GRAMMAR_KNOWN: dict[str, str] = {
    # none since 2026-12-04 (the shape of a bracketed IPv6 host is checked)
}


GRAMMAR_RECORD = ROOT / "crates/zylon-schema/tests/server_verdicts/grammar.jsonl"


def grammar(orc: Any, cited: set[str], record_to_tests: bool = False) -> int:
    """`--grammar`: each value form in each place; a table of verdicts per place, and every
    false accept, false reject or uncited soft accept with its value. With `--record`, the
    verdicts are written to `GRAMMAR_RECORD` (a head line with the places and the cited codes,
    then `[place, value, verdict]` per body: `a` accepted, `r` rejected, `s` rejected where we
    give a cited warning), which `cargo test` replays; the known gaps are left out."""
    values = _grammar_values()
    texts, places = [], []
    for kind, template in _GRAMMAR_PLACES:
        for v in values[kind]:
            texts.append(template.replace("@V@", v))
            places.append((template, v))
    reports = run_validator(texts)
    table: dict[str, Counter[str]] = defaultdict(Counter)
    bad: list[str] = []
    rows: list[list[Any]] = []
    templates = [t for _, t in _GRAMMAR_PLACES]
    for t, (template, v), rep in zip(texts, places, reports):
        o = orc.check_text(t)
        c = classify(o, rep, cited, t)
        if v not in _GRAMMAR_KNOWN:
            verdict = "a" if o["verdict"] == "ACCEPT" else ("s" if c == "soft-accept-cited" else "r")
            rows.append([templates.index(template), v, verdict])
        table[template][c] += 1
        if c in ("false-accept", "false-reject", "soft-accept-uncited") and v in _GRAMMAR_KNOWN:
            table[template][c] -= 1
            table[template]["known " + c] += 1
        elif c in ("false-accept", "false-reject", "soft-accept-uncited"):
            bad.append(f"!! {c}: {v} in {template}\n   server: {norm_server(o)[:160]}\n   ours: {codes(rep['errors'])} {codes(rep['warnings'])}")
    for template in table:
        print("   " + template[:110] + ": " + ", ".join(f"{k} {n}" for k, n in sorted(table[template].items()) if n))
    print("\n".join(bad))
    print(f"{len(texts)} bodies in {len(table)} places: {len(texts) - len(bad)} agree or cited, {len(bad)} not")
    if record_to_tests and not bad:
        head = {
            "about": "the chat server's verdicts on value forms (numbers at bounds and as strings, white "
                     "space, dates, booleans, base64/data:/URL payloads, blank texts) in the places that "
                     "read them, names and ids of tools and MCP servers, MCP URLs, enum words, JSON Schemas "
                     "and media types: written by `python3 scripts/oracle_diff.py --grammar --record`, replayed "
                     "by tests/server_verdicts.rs; `@V@` in a place is the value's text",
            "places": templates,
            "cited": sorted(cited),
        }
        with open(GRAMMAR_RECORD, "w", encoding="utf-8", newline="\n") as f:
            f.write(json.dumps(head, ensure_ascii=False) + "\n")
            for row in rows:
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(f"wrote {len(rows)} verdicts to {GRAMMAR_RECORD.relative_to(ROOT)}")
    return 1 if bad else 0


def null_sweep(orc: Any, cited: set[str]) -> int:
    """Each field of each seed set to null: the server's verdict per place, and ours."""
    table: dict[str, Counter[str]] = defaultdict(Counter)
    texts, places = [], []
    # only seeds the server accepts as they are: each null is then the one change it judges
    seeds = [s for s in load_seeds() if orc.check_text(dumps(s))["verdict"] == "ACCEPT"]
    for seed in seeds:
        for path, _ in walk(seed):
            if not path or not isinstance(path[-1], str):
                continue
            place = norm_path(path, seed)
            b = copy.deepcopy(seed)
            put(b, path, None)
            texts.append(dumps(b))
            places.append(place)
    reports = run_validator(texts)
    for t, place, rep in zip(texts, places, reports):
        o = orc.check_text(t)
        table[place][f"server {o['verdict'].lower()} / {classify(o, rep, cited, t)}"] += 1
    bad = 0
    for place in sorted(table):
        c = table[place]
        flag = any(k.endswith(("false-accept", "false-reject", "uncited")) for k in c)
        bad += flag
        print(("!! " if flag else "   ") + place + ": " + ", ".join(f"{k} {n}" for k, n in sorted(c.items())))
    print(f"{len(table) - bad} passed, {bad} failed")
    return 1 if bad else 0


# What `--sweep` puts in each place, besides leaving it out.
SWEEP_VALUES: list[Any] = [None, 1, 1.5, -1, "x", "", True, [], {}]


def same_type_variants(v: Any) -> list[Any]:
    """`--sweep --values`: wrong values of the right type (case, spaces, signs, bounds, sizes)."""
    if isinstance(v, bool):
        return [not v, 0, 1, "true", "false", "yes"]
    if isinstance(v, int):
        big = abs(v) > 2**1000
        return [0, -1, v + 1, v * 1000 + 7, 2**31, 2**63, -(2**63) - 1, 1.5 if big else float(v),
                0.5 if big else v + 0.5, str(v)[:100]]
    if isinstance(v, float):
        return [0.0, -0.0, 1.0, -1.0, 2.0, 100.0, 1e-9, 1e300, str(v)]
    if isinstance(v, str):
        out = [v.upper(), v + " ", " " + v, v[:1], v * 2, v.replace("_", "-"), "\u00e9" + v, v + "\n"]
        return [x for x in out if x != v]
    return []


def swap_variants(pools: Pools, path: Path_, v: Any) -> list[Any]:
    """`--sweep --swaps`: the other strings seen under the same key in any seed (another role,
    block type, tool type, media type, tool name, ...), at most `SWAPS` of them."""
    if not isinstance(v, str) or not path or not isinstance(path[-1], str):
        return []
    return [x for x in pools.by_key.get(path[-1], []) if isinstance(x, str) and x != v][:SWAPS]


SWAPS = 40


def sweep(orc: Any, cited: set[str], show: int, fix: bool = False, values: bool = False,
          swaps: bool = False) -> int:
    """Every field and item of every seed the server accepts as it is, at any depth, left out
    and set to each of `SWEEP_VALUES`, one at a time: exhaustive where the generator samples
    (its first run found two false rejects that 30,000 generated bodies had not)."""
    seeds = [s for s in load_seeds() if len(dumps(s)) <= 20000]
    pools = Pools(seeds)
    seeds = [s for s in seeds if orc.check_text(dumps(s))["verdict"] == "ACCEPT"]
    seen: set[str] = set()
    texts: list[str] = []
    for seed in seeds:
        for path, _ in walk(seed):
            if not path:
                continue
            variants = []
            if isinstance(path[-1], str) and not (values or swaps):
                b = copy.deepcopy(seed)
                remove(b, path)
                variants.append(b)
            here = get(seed, path)
            for x in (swap_variants(pools, path, here) if swaps
                      else same_type_variants(here) if values else SWEEP_VALUES):
                b = copy.deepcopy(seed)
                put(b, path, copy.deepcopy(x))
                variants.append(b)
            for b in variants:
                t = dumps(b)
                if t not in seen:
                    seen.add(t)
                    texts.append(t)
    counts: Counter[str] = Counter()
    groups: dict[str, list[str]] = defaultdict(list)
    for i in range(0, len(texts), 2000):
        chunk = texts[i : i + 2000]
        for t, rep in zip(chunk, run_validator(chunk)):
            o = orc.check_text(t)
            c = classify(o, rep, cited, t)
            counts[c] += 1
            if c not in ("agree", "soft-accept-cited"):
                groups[signature(c, o, rep)].append(t)
        print(f"  {min(i + 2000, len(texts))}/{len(texts)}: " + ", ".join(f"{c} {n}" for c, n in sorted(counts.items())), file=sys.stderr)
    print(json.dumps(dict(counts)))
    if fix:
        # `fix` must not make the server reject a body it accepted, and a fixed body we call
        # valid must be one the server accepts
        fixed = Counter()
        for t in texts:
            out, valid = run_fix(t)
            if json.loads(out) == json.loads(t):
                continue
            before = orc.check_text(t)["verdict"]
            after = orc.check_text(out)
            fixed[f"fixed: server {before.lower()} -> {after['verdict'].lower()}, ours {'valid' if valid else 'invalid'}"] += 1
            # (a fixed body we call valid that the server rejects is fine where a cited warning
            # says so: a soft accept the Workspace docs endorse, as in the sweep itself)
            soft = valid and classify(after, run_validator([out])[0], cited, out) == "soft-accept-cited"
            if after["verdict"] == "REJECT" and (before == "ACCEPT" or valid) and not soft:
                groups[f"fix breaks | {(after.get('error') or '')[-120:]}"].append(t)
        print(json.dumps(dict(fixed)))
    for sig, ts in sorted(groups.items(), key=lambda kv: -len(kv[1]))[:show]:
        print(f"{len(ts):5d}  {sig[:200]}\n       {min(ts, key=len)[:300]}")
    return 1 if groups else 0


SWEEP_RECORD = ROOT / "crates/zylon-schema/tests/server_verdicts/sweep.jsonl"


def _representable(v: Any) -> bool:
    """Whether `v` survives the Rust test's `serde_json::Value` unchanged: integers within 64
    bits, finite floats, strings without lone surrogates."""
    if isinstance(v, bool) or v is None:
        return True
    if isinstance(v, int):
        return -(2**63) <= v < 2**64
    if isinstance(v, float):
        return math.isfinite(v)
    if isinstance(v, str):
        try:
            v.encode("utf-8")
        except UnicodeEncodeError:
            return False
        return True
    if isinstance(v, list):
        return all(_representable(x) for x in v)
    if isinstance(v, dict):
        return all(_representable(k) and _representable(x) for k, x in v.items())
    return False


def _pointer(path: Path_) -> str:
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in path)


def record(orc: Any, cited: set[str]) -> int:
    """`--record`: the three sweeps (values of other types, wrong values of the right type, and
    the strings seen under the same key; every field also left out) on both endpoints, written as the verdict corpus that
    `crates/zylon-schema/tests/server_verdicts.rs` replays without the oracle. Written only when
    every verdict agrees (or is a cited soft accept). One line per seed: the seed and its cases,
    `{pointer: "VALUE VERDICTS ..."}` (`VALUE`: an index into the first line's `values`, -1 to
    leave the field out; `VERDICTS`: one letter per endpoint, `/chat/validate` then `POST /chat`:
    `a` the server accepts, `r` it rejects, `s` it rejects and we warn with a cited code)."""
    lazy = ServerLimits(type(orc.orc)(lazy=True))
    seeds = [s for s in load_seeds() if len(dumps(s)) <= 20000 and _representable(s)]
    pools = Pools(seeds)
    seeds = [s for s in seeds if orc.check_text(dumps(s))["verdict"] == "ACCEPT"]
    values: dict[str, int] = {}
    table: list[Any] = []
    lines: list[dict[str, Any]] = []
    cases: list[tuple[int, str, int, str]] = []  # (line, pointer, value, text)
    for seed in seeds:
        line: dict[str, Any] = {"seed": seed, "cases": {}}
        seen: set[str] = set()
        for path, here in walk(seed):
            if not path:
                continue
            options: list[tuple[int, Any]] = []
            if isinstance(path[-1], str):
                options.append((-1, None))
            for x in SWEEP_VALUES + same_type_variants(here) + swap_variants(pools, path, here):
                if not _representable(x):
                    continue
                key = json.dumps(x, sort_keys=True)
                if key not in values:
                    values[key] = len(table)
                    table.append(x)
                options.append((values[key], x))
            for idx, x in options:
                b = copy.deepcopy(seed)
                if idx < 0:
                    remove(b, path)
                else:
                    put(b, path, copy.deepcopy(x))
                t = dumps(b)
                if t in seen:
                    continue
                seen.add(t)
                cases.append((len(lines), _pointer(path), idx, t))
        lines.append(line)
    print(f"{len(seeds)} seeds, {len(cases)} bodies, {len(table)} values", file=sys.stderr)
    wrong = Counter()
    for i in range(0, len(cases), 2000):
        chunk = cases[i : i + 2000]
        texts = [t for _, _, _, t in chunk]
        VALIDATOR_OPTIONS.clear()
        eager_reports = run_validator(texts)
        VALIDATOR_OPTIONS.append('{"endpoint": "chat"}')
        lazy_reports = run_validator(texts)
        VALIDATOR_OPTIONS.clear()
        for (n, ptr, idx, t), er, lr in zip(chunk, eager_reports, lazy_reports):
            verdicts = ""
            for o, rep in ((orc.check_text(t), er), (lazy.check_text(t), lr)):
                c = classify(o, rep, cited, t)
                if c not in ("agree", "soft-accept-cited"):
                    wrong[signature(c, o, rep)] += 1
                verdicts += "a" if o["verdict"] == "ACCEPT" else ("s" if c == "soft-accept-cited" else "r")
            cs = lines[n]["cases"]
            cs[ptr] = f"{cs[ptr]} {idx}{verdicts}" if ptr in cs else f"{idx}{verdicts}"
        print(f"  {min(i + 2000, len(cases))}/{len(cases)}: {sum(wrong.values())} wrong", file=sys.stderr)
    if wrong:
        for sig, k in wrong.most_common(40):
            print(f"{k:5d}  {sig[:200]}")
        return 1
    head = {
        "about": "the chat server's verdicts on every field of every fixture and example, left out "
        "and set to other values, on both endpoints: written by `python3 scripts/oracle_diff.py "
        "--record`, replayed by tests/server_verdicts.rs",
        "cited": sorted(cited),
        "values": table,
    }
    with SWEEP_RECORD.open("w") as f:
        f.write(json.dumps(head, separators=(",", ":"), ensure_ascii=False) + "\n")
        for line in lines:
            if line["cases"]:
                f.write(json.dumps(line, separators=(",", ":"), ensure_ascii=False) + "\n")
    total = sum(v.count(" ") + 1 for line in lines for v in line["cases"].values())
    print(json.dumps({"seeds": len(lines), "cases": total, "bytes": SWEEP_RECORD.stat().st_size}))
    return 0


def cesu8(text: str) -> bytes:
    """UTF-8 with each character beyond U+FFFF written as two 3-byte surrogates."""
    def pair(c: str) -> str:
        v = ord(c) - 0x10000
        return c if v < 0 else chr(0xD800 + (v >> 10)) + chr(0xDC00 + (v & 0x3FF))
    return "".join(pair(c) for c in text).encode("utf-8", "surrogatepass")


# The byte forms of a text that the server's decoder (Python's `json.loads` of bytes) reads.
ENCODINGS: list[tuple[str, Callable[[str], bytes]]] = [
    ("utf-8-sig", lambda t: t.encode("utf-8-sig", "surrogatepass")),
    ("utf-16-le", lambda t: t.encode("utf-16-le", "surrogatepass")),
    ("utf-16-be", lambda t: t.encode("utf-16-be", "surrogatepass")),
    ("utf-16-le+bom", lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le", "surrogatepass")),
    ("utf-16-be+bom", lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be", "surrogatepass")),
    ("utf-32-le", lambda t: t.encode("utf-32-le", "surrogatepass")),
    ("utf-32-be", lambda t: t.encode("utf-32-be", "surrogatepass")),
    ("utf-32-le+bom", lambda t: codecs.BOM_UTF32_LE + t.encode("utf-32-le", "surrogatepass")),
    ("utf-32-be+bom", lambda t: codecs.BOM_UTF32_BE + t.encode("utf-32-be", "surrogatepass")),
    ("cesu-8", cesu8),
]


def check_encodings(orc: Any, out: Path) -> int:
    """Every chat fixture and example (as JSON text) in each of `ENCODINGS`: the server's verdict
    on the bytes must be its verdict on the UTF-8 text (which `--fixtures` checks against the
    validator's), and so must the validator's (`zylon-schema validate` of each file: the same
    error codes), with the warning `json.encoding` for every form but UTF-8's."""
    texts: list[tuple[str, str]] = []
    for p in fixture_files() + sorted(EXAMPLES.glob("*.json")):
        doc = json.loads(p.read_text())
        opts = doc.get("options") or {}
        if "body_hex" in doc or opts.get("profile") or opts.get("strict") or opts.get("endpoint"):
            continue
        if doc.get("kind", "chat") != "chat":
            continue
        text = doc["body_text"] if "body_text" in doc else None
        if text is None:
            body = unwrap(doc)
            if body is None:
                continue
            text = json.dumps(body, ensure_ascii=False)
        if any(0xD800 <= ord(c) <= 0xDFFF for c in text) or text.startswith("\ufeff"):
            continue  # its UTF-8 would already encode a surrogate, or it has a byte order mark
        texts.append((str(p.relative_to(ROOT)), text))
    folder = out / "encodings"
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.json"):
        old.unlink()
    cases: dict[str, tuple[str, str, bytes]] = {}
    for i, (name, text) in enumerate(texts):
        for enc, encode in [("utf-8", lambda t: t.encode("utf-8", "surrogatepass"))] + ENCODINGS:
            if enc == "cesu-8" and all(ord(c) < 0x10000 for c in text):
                continue
            data = encode(text)
            file = folder / f"{i:04d}-{enc}.json"
            file.write_bytes(data)
            cases[str(file)] = (name, enc, data)
    res = subprocess.run([str(CLI), "validate", "--kind", "chat", "--format", "json", str(folder)],
                         capture_output=True)
    ours: dict[str, dict[str, Any]] = {}
    for line in res.stdout.decode("utf-8").splitlines():
        rep = json.loads(line)
        ours[str(Path(rep["file"]).resolve())] = rep
    assert len(ours) == len(cases), (len(ours), len(cases), res.stderr.decode()[:500])
    bad: Counter[str] = Counter()
    shown = 0
    server_utf8: dict[str, str] = {}
    for file, (name, enc, data) in sorted(cases.items()):
        rep = ours[str(Path(file).resolve())]
        utf8 = folder / (Path(file).name.split("-")[0] + "-utf-8.json")
        plain = ours[str(utf8.resolve())]
        o = orc.check_text(data)
        if str(utf8) not in server_utf8:
            server_utf8[str(utf8)] = orc.check_text(utf8.read_bytes())["verdict"]
        problems = []
        if o["verdict"] != server_utf8[str(utf8)]:
            problems.append(f"the server says {o['verdict']}, {server_utf8[str(utf8)]} for UTF-8")
        if [e["code"] for e in rep["errors"]] != [e["code"] for e in plain["errors"]]:
            problems.append(f"errors differ from UTF-8's: {[e['code'] for e in rep['errors']]}")
        warned = any(w["code"] == "json.encoding" for w in rep["warnings"])
        if warned != (enc not in ("utf-8", "utf-8-sig")):
            problems.append("json.encoding " + ("given" if warned else "missing"))
        if problems:
            bad[enc] += 1
            if shown < 20:
                shown += 1
                print(f"{name} as {enc}: {'; '.join(problems)}: {(o.get('error') or '')[:200]}")
    print(f"{len(cases) - sum(bad.values())} agree, {sum(bad.values())} disagree "
          f"({len(texts)} bodies, {len(cases)} byte forms){': ' + str(dict(bad)) if bad else ''}")
    return 1 if bad else 0


def check_fixtures(orc: Any) -> int:
    """Every fixture's server verdict (from its expectation) against the oracle's."""
    wrong = 0
    total = 0
    lazy_orc: list[Any] = [None]  # POST /chat's verdict, for fixtures with `"endpoint": "chat"`
    for p in fixture_files() + sorted(EXAMPLES.glob("*.json")):
        doc = json.loads(p.read_text())
        lazy = False
        if "expect" not in doc:
            body = unwrap(doc)
            if body is None:
                continue
            want = "ACCEPT"
            text = json.dumps(body)
        else:
            opts = doc.get("options") or {}
            # a profile decides live checks the oracle stubs as capable; strict mode makes
            # warnings errors, which says nothing about the server
            if opts.get("profile") or opts.get("strict"):
                continue
            lazy = opts.get("endpoint") == "chat"
            kind = doc.get("kind", "chat")
            if kind in ("thread", "thread-update") or not str(kind) in ("chat", "interaction", "project-chat"):
                continue
            if "body_hex" in doc:  # bytes: another encoding, or invalid UTF-8
                text = bytes.fromhex(doc["body_hex"])
            elif "body_text" in doc:
                text = doc["body_text"]
                if kind != "chat":
                    continue
            else:
                body = unwrap(doc)
                if body is None:
                    continue
                text = json.dumps(body)
                # envelope errors (outside pgpt) are not the server's to judge
                if kind != "chat" and all(not e["path"].startswith("/pgpt") for e in doc["expect"].get("errors", [])) and doc["expect"].get("errors"):
                    continue
            server = doc.get("server")
            if server:
                want = server.upper()
            else:
                want = "REJECT" if doc["expect"].get("errors") else "ACCEPT"
            if want == "N/A":
                continue
        total += 1
        if lazy and lazy_orc[0] is None:
            lazy_orc[0] = ServerLimits(type(orc.orc)(lazy=True))
        o = (lazy_orc[0] if lazy else orc).check_text(text)
        if o["verdict"] != want:
            wrong += 1
            err = re.sub(r"'list\[tagged-union\[[^']*'", "'list[..]'", o.get("error") or "")
            print(f"{p.relative_to(ROOT)}: expected the server to {want}, oracle says {o['verdict']}: {err[:300]}")
    print(f"{total - wrong} passed, {wrong} failed")
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
