"""Shared fixtures: the expected reports from the Rust core (`cargo xtask test` writes them to
`target/npm-cases.json` and passes the path in ZYLON_CASES, as for the npm package)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Dict, List

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _cases() -> List[Dict[str, Any]]:
    path = os.environ.get("ZYLON_CASES") or str(ROOT / "target" / "npm-cases.json")
    with open(path, encoding="utf-8") as f:
        cases: List[Dict[str, Any]] = json.load(f)
    return cases


@pytest.fixture(scope="session")
def cases() -> List[Dict[str, Any]]:
    """The fixtures given as text."""
    return [c for c in _cases() if "text" in c]


@pytest.fixture(scope="session")
def byte_cases() -> List[Dict[str, Any]]:
    """The fixtures given as bytes (`bytes_hex`: UTF-16, UTF-32, invalid UTF-8)."""
    return [c for c in _cases() if "bytes_hex" in c]


def options_of(case: Dict[str, Any]) -> Dict[str, Any]:
    """A case's options as `validate` keyword arguments."""
    return dict(case.get("options") or {})
