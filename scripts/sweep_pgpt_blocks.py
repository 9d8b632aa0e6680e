#!/usr/bin/env python3
"""Field-by-field sweep of the server's own block types (`block.pgpt_only_types`) against the
chat server's request path, written as a verdict corpus the project's tests replay.

A development tool, like `oracle_diff.py`: it needs the server oracle of the project's shared
documents (`../shared/oracle/`, set up with `bash ../shared/oracle/setup.sh`). The test that
reads its output (`crates/zylon-schema/tests/server_verdicts.rs`) does not.

    python3 scripts/sweep_pgpt_blocks.py      # writes crates/zylon-schema/tests/server_verdicts/pgpt-blocks.jsonl

For each block type, a minimal body the server accepts, then every field of the block and of
the models nested in it (at any depth) left out and set to each of a dozen values of other
types. Each body is placed where the server reads it (a server tool use in an assistant
message, its results in the next user message, other blocks in the last user message). Each
line of the output: `{"name", "place", "block", "server": "accept"|"reject", "error"}`: the
block, where it was placed (`use`: the assistant's server tool use; `result`: a result of one;
`user`: the last user message; the test builds the same body around it), the server's verdict
and its error (cut), deduplicated.
"""

from __future__ import annotations

import copy
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "crates/zylon-schema/tests/server_verdicts/pgpt-blocks.jsonl"

USE = {"type": "server_tool_use", "id": "srv_1", "name": "web_search", "input": {}}
DOC = {"type": "document", "source": {"type": "text", "data": "d", "media_type": "text/plain"}}
BASE: list[tuple[str, dict]] = [
    ("redacted_thinking", {"type": "redacted_thinking", "data": "abc"}),
    ("server_tool_use", USE),
    ("server_tool_use", dict(USE, caller={"type": "direct"})),
    ("server_tool_use", dict(USE, caller={"type": "code_execution_20250825", "tool_id": "t_1"})),
    ("server_tool_result", {"type": "server_tool_result", "tool_use_id": "srv_1", "content": "found"}),
    ("container_upload", {"type": "container_upload", "file_id": "f1"}),
    ("document", DOC),
    ("document", dict(DOC, title="t", context="c", citations=[])),
    ("document", {"type": "document", "source": {"type": "url", "url": "https://a.b/x.pdf"}}),
    ("document", {"type": "document", "source": {"type": "content", "content": [{"type": "text", "text": "x"}]}}),
    ("search_result", {"type": "search_result", "source": "s", "title": "t", "content": [{"type": "text", "text": "x"}]}),
    ("search_result", {"type": "search_result", "source": "s", "title": "t", "content": [{"type": "text", "text": "x", "citations": None}], "citations": None}),
    ("mid_conv_system", {"type": "mid_conv_system", "content": [{"type": "text", "text": "x"}]}),
    ("local_resource", {"type": "local_resource", "file_path": "a.txt", "name": "a", "mime_type": "text/plain", "file_id": None}),
    ("resource_link", {"type": "resource_link", "uri": "file:///a", "name": "a", "description": "d", "mime_type": None}),
    ("resource", {"type": "resource", "resource": {"uri": "file:///a", "name": "a", "description": None}}),
    ("web_search_result", {"type": "web_search_result", "url": "https://a.b", "title": "t", "encrypted_content": "e", "page_age": None, "content": "c", "description": None, "favicon_url": "f"}),
    ("web_fetch_result", {"type": "web_fetch_result", "url": "https://a.b", "content": DOC, "retrieved_at": None, "markdown": "m"}),
    ("web_fetch_result", {"type": "web_fetch_result", "url": "u", "content": dict(DOC, title="t")}),
    ("web_search_tool_result", {"type": "web_search_tool_result", "tool_use_id": "srv_1", "is_error": False, "content": [{"type": "web_search_result", "url": "https://a.b", "title": "t", "encrypted_content": "e"}]}),
    ("web_search_tool_result", {"type": "web_search_tool_result", "tool_use_id": "srv_1", "content": {"type": "web_search_tool_result_error", "error_code": "unavailable"}}),
    ("web_fetch_tool_result", {"type": "web_fetch_tool_result", "tool_use_id": "srv_1", "content": {"type": "web_fetch_result", "url": "https://a.b", "content": DOC}}),
    ("web_fetch_tool_result", {"type": "web_fetch_tool_result", "tool_use_id": "srv_1", "content": {"type": "bash_code_execution_tool_result_error", "error_code": "unavailable"}}),
    ("bash_code_execution_result", {"type": "bash_code_execution_result", "stdout": "o", "stderr": "", "return_code": 0, "content": None}),
    ("bash_code_execution_tool_result", {"type": "bash_code_execution_tool_result", "tool_use_id": "srv_1", "content": {"type": "bash_code_execution_result", "stdout": "o", "stderr": "", "return_code": 0}}),
    ("bash_code_execution_tool_result", {"type": "bash_code_execution_tool_result", "tool_use_id": "srv_1", "content": {"stdout": "o", "stderr": "", "return_code": 0, "content": [{"type": "bash_code_execution_output", "file_id": "f"}]}}),
    ("bash_code_execution_tool_result_error", {"type": "bash_code_execution_tool_result_error", "error_code": "unavailable"}),
    ("text_editor_code_execution_tool_result", {"type": "text_editor_code_execution_tool_result", "tool_use_id": "srv_1", "content": {"type": "text_editor_code_execution_create_result"}}),
    ("text_editor_code_execution_tool_result", {"type": "text_editor_code_execution_tool_result", "tool_use_id": "srv_1", "content": {"type": "text_editor_code_execution_view_result", "content": "x", "num_lines": 1, "start_line": 1, "total_lines": 1}}),
    ("text_editor_code_execution_tool_result", {"type": "text_editor_code_execution_tool_result", "tool_use_id": "srv_1", "content": {"type": "text_editor_code_execution_str_replace_result", "lines": ["a"]}}),
    ("text_editor_code_execution_tool_result", {"type": "text_editor_code_execution_tool_result", "tool_use_id": "srv_1", "content": {"type": "text_editor_code_execution_tool_result_error", "error_code": "unavailable"}}),
    ("text_editor_code_execution_view_result", {"type": "text_editor_code_execution_view_result", "content": "x", "num_lines": 1, "start_line": 1, "total_lines": 1, "file_type": "text"}),
    ("text_editor_code_execution_create_result", {"type": "text_editor_code_execution_create_result", "is_file_update": False}),
    ("text_editor_code_execution_str_replace_result", {"type": "text_editor_code_execution_str_replace_result", "old_start": 0, "old_lines": 0, "new_start": 0, "new_lines": 0, "lines": []}),
]
VALUES = [None, 1, 1.5, "x", "", True, [], {}, ["x"], [1], {"a": 1}, -1, "1", 0]


def place(ty: str) -> str:
    if ty == "server_tool_use":
        return "use"
    return "result" if ty.endswith("_tool_result") else "user"


def body(ty: str, blk: dict) -> dict:
    """The body around a block (`server_verdicts.rs` builds the same)."""
    msgs: list[dict] = [{"role": "user", "content": [{"type": "text", "text": "q"}]}]
    if place(ty) == "use":
        msgs.append({"role": "assistant", "content": [blk]})
        msgs.append({"role": "user", "content": [{"type": "server_tool_result", "tool_use_id": "srv_1", "content": "r"}, {"type": "text", "text": "next"}]})
    elif place(ty) == "result":
        msgs.append({"role": "assistant", "content": [USE]})
        msgs.append({"role": "user", "content": [blk, {"type": "text", "text": "next"}]})
    else:
        msgs.append({"role": "assistant", "content": [{"type": "text", "text": "a"}]})
        msgs.append({"role": "user", "content": [blk, {"type": "text", "text": "next"}]})
    return {"messages": msgs}


def paths(v: object, p: tuple = ()):
    if isinstance(v, dict):
        for k, x in v.items():
            if p == () and k == "type":
                continue  # the block's tag: `blocks.type.unknown`'s fixtures
            yield p + (k,)
            yield from paths(x, p + (k,))
    elif isinstance(v, list):
        for i, x in enumerate(v):
            yield p + (i,)
            yield from paths(x, p + (i,))


def changed(v: dict, p: tuple, val: object, delete: bool = False) -> dict | None:
    v = copy.deepcopy(v)
    c: object = v
    for k in p[:-1]:
        c = c[k]  # type: ignore[index]
    if delete:
        if not isinstance(c, dict):
            return None
        del c[p[-1]]
    else:
        c[p[-1]] = val  # type: ignore[index]
    return v


def main() -> None:
    shared = ROOT.parent / "shared"
    venv_py = Path.home() / ".cache/oracle-venv/bin/python"
    if not (shared / "oracle/oracle.py").is_file() or not venv_py.is_file():
        sys.exit("sweep_pgpt_blocks: needs ../shared/oracle (bash ../shared/oracle/setup.sh)")
    cases: list[tuple[str, str, dict]] = []
    for ty, b in BASE:
        short = f"base {BASE.index((ty, b))}"
        cases.append((f"{ty} as is: {short}", ty, b))
        for p in paths(b):
            at = "/".join(map(str, p))
            d = changed(b, p, None, delete=True)
            if d is not None:
                cases.append((f"{ty} without {at}: {short}", ty, d))
            for val in VALUES:
                cases.append((f"{ty} {at}={json.dumps(val)}: {short}", ty, changed(b, p, val)))
    seen: set[str] = set()
    unique = []
    for name, ty, blk in cases:
        key = place(ty) + json.dumps(blk, sort_keys=True)
        if key not in seen:
            seen.add(key)
            unique.append((name, ty, blk))
    import subprocess

    text = "".join(json.dumps(body(ty, blk)) + "\n" for _, ty, blk in unique)
    res = subprocess.run(
        [str(venv_py), str(shared / "oracle/oracle.py"), "--jsonl"],
        input=text, capture_output=True, text=True, check=True,
    )
    verdicts = [json.loads(line) for line in res.stdout.splitlines()]
    assert len(verdicts) == len(unique)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w") as f:
        for (name, ty, blk), v in zip(unique, verdicts):
            rec = {"name": name, "place": place(ty), "block": blk, "server": v["verdict"].lower(), "error": (v.get("error") or "")[-100:]}
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    counts: dict[str, int] = {}
    for v in verdicts:
        counts[v["verdict"]] = counts.get(v["verdict"], 0) + 1
    print(f"wrote {OUT.relative_to(ROOT)}: {len(unique)} bodies, {counts}")


if __name__ == "__main__":
    main()
