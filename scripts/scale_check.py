#!/usr/bin/env python3
"""Scaling check: does validating a body take time and memory in proportion to its size?

Every chat fixture's messages (or, with `--axis`, each message's content blocks, or the
request's other arrays) are repeated until the body is about 1 MB, and again until it is four
times that; the release CLI validates both (one thread, with spans and in the human format
too), and the ratios of time and peak memory between the two are compared. A linear check
gives about 4; a quadratic one about 16. Found, on 2026-12-04, four quadratic paths that only
run when a body has many issues (deferred type issues, spans, calls sharing a tool-use id, the
human format's snippets), which no benchmark or fixture exercised.

    cargo build --release -p zylon-schema-cli
    python3 scripts/scale_check.py [--axis messages|blocks|arrays] [--size BYTES] [--limit RATIO]
                                   [--only SUBSTRING]

Exit status 1 when a ratio passes `--limit` (default 8) on a body that takes long enough to
time (50 ms at the larger size). Each run has a 4 GiB address-space limit and a 120 s timeout.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLI = ROOT / "target" / "release" / ("zylon-schema.exe" if os.name == "nt" else "zylon-schema")
FIXTURES = ROOT / "crates" / "zylon-schema" / "tests" / "fixtures"
MODES = {"json": ["-f", "json"], "spans": ["-f", "json", "--spans"], "human": ["-f", "human"]}


def limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))


def run(path: Path, mode: list[str]) -> tuple[float, int, str]:
    """Seconds, peak resident KB and how it ended ('' when it ran to its end)."""
    start = time.perf_counter()
    p = subprocess.Popen(
        [str(CLI), "validate", "-j", "1", "--kind", "chat", *mode, str(path)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, preexec_fn=limit_memory,
    )
    try:
        _, status, usage = os.wait4(p.pid, 0)
    except KeyboardInterrupt:
        p.kill()
        raise
    elapsed = time.perf_counter() - start
    # (exit status 1 is "the body has errors"; a signal or 101 is a crash or the memory limit)
    code = os.waitstatus_to_exitcode(status)
    ended = "" if code in (0, 1) else f"exit {code}"
    return elapsed, usage.ru_maxrss, ended


def grown(body: dict, axis: str, k: int) -> dict | None:
    """`body` with the arrays of `axis` repeated `k` times (None when it has none)."""
    if axis == "messages":
        msgs = body.get("messages")
        return {**body, "messages": msgs * k} if isinstance(msgs, list) and msgs else None
    if axis == "blocks":
        # every message's content list (and every tldr's inside it, one level)
        msgs, grew = [], False
        for m in body.get("messages") or []:
            c = m.get("content") if isinstance(m, dict) else None
            if isinstance(c, list) and c:
                m, grew = {**m, "content": c * k}, True
            msgs.append(m)
        return {**body, "messages": msgs} if grew else None
    # "arrays": every other array of the request (tools, mcp_servers, system, tool_context, ...)
    grows = [key for key, v in body.items() if isinstance(v, list) and v and key != "messages"]
    return {**body, **{key: body[key] * k for key in grows}} if grows else None


def bodies(size: int, only: str, axis: str) -> list[tuple[str, dict, dict]]:
    out = []
    for f in sorted(FIXTURES.rglob("*.json")):
        name = str(f.relative_to(FIXTURES))[:-5]
        if only not in name:
            continue
        try:
            d = json.loads(f.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError):
            continue
        body = d.get("body") if isinstance(d, dict) else None
        if d.get("kind", "chat") != "chat" or not isinstance(body, dict):
            continue
        once = grown(body, axis, 1)
        if once is None:
            continue
        # the repeated part's size: the body grown twice, less the body
        part = len(json.dumps(grown(body, axis, 2))) - len(json.dumps(once))
        k = max(1, size // max(part, 1))
        out.append((name, grown(body, axis, k), grown(body, axis, 4 * k)))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", type=int, default=1_000_000, help="bytes of the smaller body")
    ap.add_argument("--limit", type=float, default=8.0, help="largest ratio for 4x the size")
    ap.add_argument("--only", default="", help="fixtures whose path holds this")
    ap.add_argument("--axis", choices=["messages", "blocks", "arrays"], default="messages",
                    help="what is repeated: the messages, each message's content blocks, or the "
                         "request's other arrays (tools, MCP servers, system blocks, ...)")
    args = ap.parse_args()
    if not CLI.exists():
        sys.exit(f"{CLI} is missing: cargo build --release -p zylon-schema-cli")
    worst: list[tuple[float, str]] = []
    failed = []
    with tempfile.TemporaryDirectory() as tmp:
        cases = bodies(args.size, args.only, args.axis)
        for i, (name, small, large) in enumerate(cases):
            paths = []
            for tag, body in (("1", small), ("4", large)):
                p = Path(tmp) / f"{tag}.json"
                p.write_text(json.dumps(body), encoding="utf-8")
                paths.append(p)
            for mode, flags in MODES.items():
                (t1, m1, e1), (t4, m4, e4) = run(paths[0], flags), run(paths[1], flags)
                if e1 or e4:
                    failed.append(f"{name} [{mode}]: {e1 or 'ok'} / {e4 or 'ok'}")
                    continue
                time_ratio = t4 / max(t1, 1e-3)
                mem_ratio = m4 / max(m1, 1)
                worst.append((time_ratio, f"{name} [{mode}] time {t1:.3f} -> {t4:.3f} s"))
                worst.append((mem_ratio, f"{name} [{mode}] peak {m1 // 1024} -> {m4 // 1024} MB"))
                if (time_ratio > args.limit and t4 > 0.05) or (mem_ratio > args.limit and m4 > 64 * 1024):
                    failed.append(f"{name} [{mode}]: time x{time_ratio:.1f}, memory x{mem_ratio:.1f}")
            if (i + 1) % 50 == 0:
                print(f"  {i + 1}/{len(cases)}", file=sys.stderr)
    for ratio, what in sorted(worst, reverse=True)[:10]:
        print(f"x{ratio:4.1f}  {what}")
    print(f"{len(worst) // 2} runs compared; {len(failed)} over the limit or ended early")
    for f in failed:
        print("!!", f)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
