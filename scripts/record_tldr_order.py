#!/usr/bin/env python3
"""Record the chat server's verdicts on conversations whose tldr summaries move messages around
equal user messages: `tests/server_verdicts/tldr-order.jsonl`, replayed by
`crates/zylon-schema/tests/server_verdicts.rs`.

The server's tldr reordering (`MessageInput._reorder_tldr_messages`) takes messages out of its
list by value (`list.remove`), so which message goes depends on which messages are equal. This
script generates short conversations of user and assistant messages (texts drawn from a few
words, so that messages repeat; strings, text blocks, media and thinking blocks; tldr blocks with
items of every role and side), keeps those with two user messages of the same texts and a user's
tldr item, and asks the server oracle (`../shared/oracle`, development only) for its verdict on
each. It keeps the bodies listed in KEEP (on which the validator of commit c02d31f disagreed with
the server), first, and the first FIRST others.

    python3 scripts/record_tldr_order.py [--oracle PATH] [--python PATH]
"""
import argparse
import json
import os
import random
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "crates", "zylon-schema", "tests", "server_verdicts", "tldr-order.jsonl")

# (variant, seed): 1,500 bodies each
RUNS = [("plain", 1), ("plain", 2), ("plain", 3), ("plain", 4),
        ("lines", 11), ("lines", 12), ("lines", 13), ("lines", 14),
        ("media", 21), ("media", 22), ("media", 23), ("media", 24), ("media", 25), ("media", 26)]
PER_RUN = 1500
# (seed, index) of the bodies c02d31f judged otherwise than the server
KEEP = {(1, 403), (2, 350), (3, 735), (3, 1225), (3, 1247), (4, 960), (13, 1334), (14, 71),
        (14, 1222), (23, 860), (24, 1405), (25, 775), (26, 112)}
FIRST = 400
IMAGES = ["iVBORw0KGgo=", "iVBORw0KGgoA"]


def generate(variant, seed, n):
    rnd = random.Random(seed)
    words = {"plain": ["hi", "yo", "hi"], "lines": ["hi", "yo", "hi", "hi\nyo", "hi"],
             "media": ["hi", "yo", "hi", "hi\nyo"]}[variant]

    def txt():
        return rnd.choice(words)

    def text():
        return {"type": "text", "text": txt()}

    def image():
        # (one image in the plain variants, two in the media one)
        data = rnd.choice(IMAGES) if variant == "media" else IMAGES[0]
        return {"type": "image", "data": data, "mime_type": "image/png"}

    makers = {
        "string": txt,
        "texts": lambda: [text() for _ in range(rnd.choice([1, 1, 2]))],
        "text+image": lambda: [text(), image()],
        "image": lambda: [image()],
        "text+thinking": lambda: [text(), {"type": "thinking", "thinking": "t",
                                           "signature": rnd.choice("ab")}],
        "meta": lambda: [dict(text(), _meta={"x": 1})],
    }
    # the kinds of user content, each up to a draw of this much
    kinds = [(0.3, "string"), (0.8, "texts"), (0.9, "text+image"), (1, "meta")]
    if variant == "media":
        kinds = [(0.25, "string"), (0.6, "texts"), (0.75, "text+image"), (0.82, "image"),
                 (0.9, "text+thinking"), (1, "meta")]

    def user():
        r = rnd.random()
        kind = next(k for limit, k in kinds if r < limit)
        return {"role": "user", "content": makers[kind]()}

    def item():
        return {"type": "text", "text": rnd.choice(["s", "t", "hi"]),
                "_meta": {"role": rnd.choice(["user", "assistant", "user", "tool"])}}

    def tldr():
        b = {"type": "tldr", "content": [item() for _ in range(rnd.choice([1, 1, 2]))]}
        r = rnd.random()
        if r < 0.4:
            b["tldr_side"] = "right"
        elif r < 0.7:
            b["tldr_side"] = "left"
        return b

    def assistant():
        r = rnd.random()
        if r < 0.4:
            c = [{"type": "text", "text": rnd.choice(["ok", "no"])}]
        elif r < 0.5:
            c = rnd.choice(["ok", "no"])
        elif r < 0.8:
            c = [tldr()]
        else:
            c = [{"type": "text", "text": rnd.choice(["ok", "no"])}, tldr()]
        return {"role": "assistant", "content": c}

    for _ in range(n):
        yield {"messages": [rnd.choice([user, assistant, user, assistant])()
                            for _ in range(rnd.randint(2, 8))]}


def texts(content):
    """A user message's texts, or None when it holds another block."""
    if isinstance(content, str):
        return (content,)
    if all(b.get("type") == "text" for b in content):
        return tuple(b.get("text") for b in content)
    return None


def wanted(body):
    """Two user messages of the same texts, and a tldr item of role user."""
    ms = body["messages"]
    keys = [k for k in (texts(m["content"]) for m in ms if m["role"] == "user") if k]
    user_item = any(
        m["role"] == "assistant" and isinstance(m["content"], list)
        and any(b.get("type") == "tldr" and any((it.get("_meta") or {}).get("role") == "user"
                                                for it in b["content"]) for b in m["content"])
        for m in ms)
    return len(keys) != len(set(keys)) and user_item


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--oracle", default=os.path.join(ROOT, "..", "shared", "oracle", "oracle.py"))
    ap.add_argument("--python", default=os.path.expanduser("~/.cache/oracle-venv/bin/python"))
    args = ap.parse_args()
    kept, others = [], []
    for variant, seed in RUNS:
        for i, body in enumerate(generate(variant, seed, PER_RUN)):
            if (seed, i) in KEEP:
                kept.append(body)
            elif wanted(body) and len(others) < FIRST:
                others.append(body)
    # (the bodies of KEEP first)
    kept += others
    lines = "".join(json.dumps({"id": str(k), "body": b}) + "\n" for k, b in enumerate(kept))
    run = subprocess.run([args.python, args.oracle, "--jsonl", "--wrapped"], input=lines,
                         capture_output=True, text=True, check=True)
    verdicts = {}
    for line in run.stdout.splitlines():
        r = json.loads(line)
        verdicts[r["id"]] = "a" if r["verdict"] == "ACCEPT" else "r"
    with open(OUT, "w") as f:
        f.write(json.dumps({
            "about": "the chat server's verdicts on conversations whose tldr summaries move "
                     "messages around equal user messages: written by "
                     "`python3 scripts/record_tldr_order.py`, replayed by "
                     "tests/server_verdicts.rs; a row is [body, verdict] (a: accepted, r: rejected)",
            "kept": sorted(KEEP),
        }) + "\n")
        for k, b in enumerate(kept):
            f.write(json.dumps([b, verdicts[str(k)]], separators=(",", ":")) + "\n")
    print(f"wrote {OUT}: {len(kept)} bodies, "
          f"{sum(v == 'r' for v in verdicts.values())} rejected", file=sys.stderr)


if __name__ == "__main__":
    main()
