#!/usr/bin/env python3
"""The `many-issues` benchmark workload: chat-1mb.json of gen_workloads.py with issues throughout.

Usage: python3 gen_many_issues.py DIR  (DIR holds chat-1mb.json; writes DIR/many-issues.json)

In every message an unknown key (`nmae`), and every text block's `text` a number: about a
thousand issues, for what reporting costs (the other workloads are valid and report none). The
Rust bench (`cargo bench -p zylon-schema --bench validate`) and the Node bench
(`node pkg-js/bench/bench.mjs`) read this file, so both time the same bytes.
"""
import json
import os
import sys


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: gen_many_issues.py DIR")
    d = sys.argv[1]
    with open(os.path.join(d, "chat-1mb.json"), encoding="utf-8") as f:
        body = json.load(f)
    for m in body["messages"]:
        m["nmae"] = 1
        for b in m["content"] if isinstance(m["content"], list) else []:
            if b.get("type") == "text":
                b["text"] = 12
    data = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    with open(os.path.join(d, "many-issues.json"), "wb") as f:
        f.write(data)
    print("%-18s %12d bytes" % ("many-issues.json", len(data)))


if __name__ == "__main__":
    main()
