"""A small consumer of the package, checked with `mypy --strict` (cargo xtask test): the
typed dicts of requests and reports, the functions' signatures, and mistakes users make
(each marked line must be an error: with --warn-unused-ignores, a mistake mypy let through
fails the check)."""

from __future__ import annotations

from typing import List

import zylon_schema
from zylon_schema.types import ChatRequest, Issue, MessageInput, Report, TextBlock

block: TextBlock = {"type": "text", "text": "What changed in Q3?"}
message: MessageInput = {"role": "user", "content": [block]}
request: ChatRequest = {"messages": [message], "temperature": 0.2, "stream": True}

report: Report = zylon_schema.validate(request, spans=True)
problems: List[Issue] = report["errors"] + report["warnings"]
for issue in problems:
    line = issue["span"]["line"] if issue.get("span") else None  # type: ignore[index]
    print(issue["severity"], issue["code"], issue["path"], issue["message"], line)
count: int = report["summary"]["error_count"]
gate: bool = zylon_schema.is_valid(request, strict=True) and zylon_schema.is_valid(b"{}")

fixed = zylon_schema.fix('{"messages": []}', kind="chat")
body_text: str = fixed["body"]
acc = zylon_schema.StreamAccumulator()
acc.push(b"data: {}\n\n")
acc.push("data: {}\n\n")
n: int = acc.event_count

# Mistakes users make:
bad_role: MessageInput = {"role": "User", "content": "hi"}  # type: ignore[typeddict-item]
missing: ChatRequest = {"temperature": 0.5}  # type: ignore[typeddict-item]
typo: ChatRequest = {"messages": [], "temprature": 0.5}  # type: ignore[typeddict-unknown-key]
wrong_type: ChatRequest = {"messages": [], "stream": "yes"}  # type: ignore[typeddict-item]
zylon_schema.validate(request, strict="yes")  # type: ignore[arg-type]
zylon_schema.validate(request, kinds="chat")  # type: ignore[call-arg]
not_a_str: str = report["valid"]  # type: ignore[assignment]
gate_report: Report = zylon_schema.is_valid(request)  # type: ignore[assignment]
zylon_schema.is_valid(request, spans=True)  # type: ignore[call-arg]
