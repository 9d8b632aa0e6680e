"""Python benchmark: `zylon_schema.validate(str)` against what a Python user would otherwise run
on the shared workloads (scripts/bench/gen_workloads.py):

* `json.loads` + `jsonschema` (Draft 2020-12 validator of our exported chat-request schema,
  compiled once, `is_valid`);
* the pydantic v2 models datamodel-code-generator makes from that schema,
  `ChatRequest.model_validate_json(text)`.

Samples interleaved (one of each contender per round), medians printed with the ratios.

Run with a venv that has the wheel, jsonschema, pydantic and datamodel-code-generator:
    python pkg-py/bench/bench.py [WORKLOADS_DIR]
(`cargo xtask wheel` builds the wheel; WORKLOADS_DIR defaults to target/bench-workloads, made
by the generator when missing.)
"""

from __future__ import annotations

import importlib.util
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable, Dict, List

import jsonschema

import zylon_schema

ROOT = Path(__file__).resolve().parents[2]


def workloads(dir_: Path) -> Dict[str, List[str]]:
    if not (dir_ / "many-small.jsonl").exists():
        subprocess.run([sys.executable, str(ROOT / "scripts/bench/gen_workloads.py"), str(dir_)], check=True)
    out = {}
    for name in ("small.json", "chat-1mb.json", "media-8mb.json", "many-small.jsonl"):
        text = (dir_ / name).read_text(encoding="utf-8")
        out[name] = [l for l in text.splitlines() if l.strip()] if name.endswith(".jsonl") else [text]
    return out


def pydantic_model(schema_path: Path) -> Any:
    """The root model datamodel-code-generator makes of the schema (as a Python user would)."""
    tmp = Path(tempfile.mkdtemp()) / "models.py"
    subprocess.run(
        [sys.executable, "-m", "datamodel_code_generator", "--input", str(schema_path),
         "--input-file-type", "jsonschema", "--output-model-type", "pydantic_v2.BaseModel",
         "--output", str(tmp), "--extra-fields", "allow", "--use-title-as-name",
         "--use-annotated", "--enum-field-as-literal", "all", "--disable-timestamp"],
        check=True,
    )
    spec = importlib.util.spec_from_file_location("zylon_models", tmp)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["zylon_models"] = module
    spec.loader.exec_module(module)
    title = json.loads(schema_path.read_text())["title"]
    model = getattr(module, title.replace(" ", ""), None) or getattr(module, "Model")
    model.model_rebuild()
    return model


def measure(fs: List[Callable[[], object]], rounds: int = 11, budget: float = 0.15) -> List[float]:
    inner = []
    for f in fs:
        t = time.perf_counter()
        f()
        once = max(time.perf_counter() - t, 1e-7)
        inner.append(max(1, int(budget / once)))
    times: List[List[float]] = [[] for _ in fs]
    for _ in range(rounds):
        for k, f in enumerate(fs):
            t = time.perf_counter()
            for _ in range(inner[k]):
                f()
            times[k].append((time.perf_counter() - t) / inner[k])
    return [statistics.median(t) for t in times]


def main() -> None:
    dir_ = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "target/bench-workloads"
    schema_path = ROOT / "schemas/chat-request.schema.json"
    validator = jsonschema.Draft202012Validator(json.loads(schema_path.read_text()))
    model = pydantic_model(schema_path)
    print(f"{'workload':<18} {'ours ms':>9} {'jsonschema ms':>14} {'pydantic ms':>12} {'ours/jsonschema':>16} {'ours/pydantic':>14}")
    for name, docs in workloads(dir_).items():
        def ours() -> None:
            for d in docs:
                zylon_schema.validate(d, kind="chat")

        def peer() -> None:
            for d in docs:
                validator.is_valid(json.loads(d))

        def pyd() -> None:
            for d in docs:
                try:
                    model.model_validate_json(d)
                except Exception:
                    pass

        t_ours, t_peer, t_pyd = measure([ours, peer, pyd])
        print(f"{name:<18} {t_ours * 1e3:>9.3f} {t_peer * 1e3:>14.3f} {t_pyd * 1e3:>12.3f} {t_ours / t_peer:>16.2f} {t_ours / t_pyd:>14.2f}")


if __name__ == "__main__":
    main()
