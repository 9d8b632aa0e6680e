"""Generate `zylon_schema/types.py`: a TypedDict for every request, response and report type,
from the JSON Schemas in `schemas/` (which are generated from the Rust types), as the npm
package's TypeScript types are: the shape is written once, in the Rust model.

Usage: python3 pkg-py/scripts/gen_types.py SCHEMAS_DIR OUT_FILE

Every type is a functional `TypedDict` (any key name works, `"type"` and `"from"` included) with
`NotRequired` for optional fields; references between types are quoted, so the module imports
on Python 3.9 and type checkers read it as it is (no separate stub). Runs with the standard
library alone.
"""

from __future__ import annotations

import json
import keyword
import re
import sys
from pathlib import Path

# Schema file -> the name of its root type (as in pkg-js/scripts/gen-types.mjs).
ROOTS = {
    "chat-request": "ChatRequest",
    "interaction-request": "CreateInteractionDto",
    "project-chat-request": "ProjectChatDto",
    "thread-create": "CreateThreadDto",
    "thread-update": "UpdateThreadDto",
    "interaction": "InteractionDto",
    "message-output": "MessageOutput",
    "stream-event": "MessageOutputEvent",
    "validation-report": "Report",
    "binding-types": "BindingTypes",
}


class Gen:
    def __init__(self, defs: dict[str, dict]) -> None:
        self.defs = defs
        self.out: dict[str, str] = {}
        self.docs: dict[str, str] = {}

    def name(self, raw: str) -> str:
        n = re.sub(r"\W", "_", raw)
        if n[:1].isdigit() or keyword.iskeyword(n):
            n = "T_" + n
        return n

    def ref(self, s: dict) -> str:
        return self.name(s["$ref"].rsplit("/", 1)[-1])

    def literal(self, v: object) -> str:
        if v is None:
            return "None"
        return f"Literal[{json.dumps(v)}]" if isinstance(v, str) else f"Literal[{v!r}]"

    def union(self, parts: list[str]) -> str:
        seen: list[str] = []
        for p in parts:
            if p not in seen:
                seen.append(p)
        if "Any" in seen:
            return "Any"
        return seen[0] if len(seen) == 1 else f"Union[{', '.join(seen)}]"

    def variant_name(self, base: str, s: dict, i: int) -> str:
        if s.get("title"):
            return self.name(s["title"])
        for key in ("type", "event", "role", "kind"):
            c = s.get("properties", {}).get(key, {})
            v = c.get("const", (c.get("enum") or [None])[0] if len(c.get("enum") or []) == 1 else None)
            if isinstance(v, str):
                return self.name(f"{base}_{v}")
        return f"{base}_{i}"

    def ty(self, s: object, ctx: str) -> str:
        """The type of schema `s`; `ctx` names any object type it defines inline."""
        if s is True or s == {}:
            return "Any"
        if not isinstance(s, dict):
            return "Any"
        if "$ref" in s:
            return json.dumps(self.ref(s))
        if "const" in s:
            return self.literal(s["const"])
        if "enum" in s:
            return self.union([self.literal(v) for v in s["enum"]])
        for key in ("oneOf", "anyOf"):
            if key in s:
                rest = {k: v for k, v in s.items() if k not in (key, "description", "title")}
                parts = []
                for i, sub in enumerate(s[key]):
                    merged = sub
                    if rest.get("properties") and isinstance(sub, dict):
                        merged = {
                            **rest,
                            **sub,
                            "properties": {**rest.get("properties", {}), **sub.get("properties", {})},
                            "required": list(rest.get("required", [])) + list(sub.get("required", [])),
                        }
                    parts.append(self.ty(merged, self.variant_name(ctx, merged if isinstance(merged, dict) else {}, i)))
                return self.union(parts)
        if "allOf" in s:
            if len(s["allOf"]) == 1:
                return self.ty(s["allOf"][0], ctx)
            return "Dict[str, Any]"
        t = s.get("type")
        if isinstance(t, list):
            return self.union([self.ty({**s, "type": x}, ctx) for x in t])
        if t == "string":
            return "str"
        if t == "integer":
            return "int"
        if t == "number":
            return "float"
        if t == "boolean":
            return "bool"
        if t == "null":
            return "None"
        if t == "array":
            items = s.get("items")
            return f"List[{self.ty(items, ctx + '_item') if items is not None else 'Any'}]"
        if t == "object" or "properties" in s:
            if s.get("properties"):
                self.typed_dict(ctx, s)
                return json.dumps(ctx)
            ap = s.get("additionalProperties")
            if isinstance(ap, dict) and ap:
                return f"Dict[str, {self.ty(ap, ctx + '_value')}]"
            return "Dict[str, Any]"
        return "Any"

    def typed_dict(self, name: str, s: dict) -> None:
        if name in self.out:
            return
        self.out[name] = ""  # reserved (recursive types)
        required = set(s.get("required", []))
        fields = []
        for key, sub in s["properties"].items():
            t = self.ty(sub, self.name(f"{name}_{key}"))
            fields.append(f"        {json.dumps(key)}: {t if key in required else f'NotRequired[{t}]'},")
        body = "\n".join(fields)
        self.out[name] = f'{name} = TypedDict(\n    "{name}",\n    {{\n{body}\n    }},\n)'
        if s.get("description"):
            self.docs[name] = s["description"]

    def define(self, raw: str, s: dict) -> None:
        name = self.name(raw)
        if name in self.out:
            return
        if s.get("properties") and not any(k in s for k in ("oneOf", "anyOf")):
            self.typed_dict(name, s)
            return
        self.out[name] = ""
        self.out[name] = f"{name} = {self.ty(s, name)}"
        if s.get("description"):
            self.docs[name] = s["description"]


def main() -> None:
    schemas_dir, out_file = Path(sys.argv[1]), Path(sys.argv[2])
    defs: dict[str, dict] = {}
    for file, root in ROOTS.items():
        s = json.loads((schemas_dir / f"{file}.schema.json").read_text())
        defs.update(s.get("$defs", {}))
        defs[root] = {k: v for k, v in s.items() if k not in ("$defs", "$schema", "$id")}
    g = Gen(defs)
    for raw in sorted(defs):
        g.define(raw, defs[raw])
    lines = [
        "# Generated by pkg-py/scripts/gen_types.py from schemas/ (cargo xtask wheel); do not edit.",
        '"""TypedDicts of every request, response and report type of the Zylon Workspace API."""',
        "",
        "import sys",
        "from typing import Any, Dict, List, Union",
        "",
        "if sys.version_info >= (3, 11):",
        "    from typing import Literal, NotRequired, TypedDict",
        "else:",
        "    from typing_extensions import Literal, NotRequired, TypedDict",
        "",
    ]
    for name in sorted(g.out):
        doc = g.docs.get(name)
        lines.append("")
        if doc:
            lines.extend("# " + d if d else "#" for d in doc.splitlines())
        lines.append(g.out[name])
    lines.append("")
    lines.append("__all__ = [")
    lines.extend(f'    "{n}",' for n in sorted(g.out))
    lines.append("]")
    out_file.write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
