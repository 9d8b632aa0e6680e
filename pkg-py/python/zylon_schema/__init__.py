"""Offline validation of Zylon Workspace API requests, with the server's verdict.

The same core as the `zylon-schema` CLI, the Rust crate and the npm package: a report here is
the CLI's `validate --format json` report, as plain dicts and lists (typed by
:mod:`zylon_schema.types`), so it can be logged, compared or sent on as JSON unchanged.

>>> import zylon_schema
>>> report = zylon_schema.validate({"messages": [{"role": "user", "content": "hi"}]})
>>> report["valid"], [w["code"] for w in report["warnings"]]
(True, ['message.content.string'])
"""

from __future__ import annotations

import json
from typing import Any, Dict, List, Mapping, Optional, Sequence, Union

from . import _native
from .types import DecodedStream, FixResult, Issue, Profile, Report

__all__ = [
    "ENDPOINTS",
    "KINDS",
    "Body",
    "StreamAccumulator",
    "codes",
    "decode_stream",
    "fix",
    "is_valid",
    "schema",
    "schema_names",
    "validate",
]

__version__: str = _native.__version__

#: The body kinds `kind=` accepts (`auto`: told from the body's top-level keys, as the CLI does).
KINDS = (
    "auto",
    "chat",
    "project-chat",
    "interaction",
    "thread",
    "thread-update",
    "interaction-response",
    "message-output",
    "chat-response",
    "page",
    "stream-event",
)

#: What `validate` and `fix` accept: JSON text, UTF-8 bytes, or an already parsed body.
Body = Union[str, bytes, bytearray, memoryview, Mapping[str, Any], Sequence[Any]]


#: The endpoints `endpoint=` accepts: `validate` (POST /chat/validate, the default) or `chat`
#: (POST /chat, which reads some fields lazily).
ENDPOINTS = ("validate", "chat")


def _options(
    kind: str,
    strict: bool,
    spans: bool,
    profile: Optional[Union[Profile, Mapping[str, Any]]],
    endpoint: str = "validate",
) -> str:
    """The options as the JSON text the core reads; TypeError/ValueError for a bad one."""
    if not isinstance(kind, str):
        raise TypeError(f"kind must be a str, not {type(kind).__name__}")
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}; expected one of: {', '.join(KINDS)}")
    for name, flag in (("strict", strict), ("spans", spans)):
        if not isinstance(flag, bool):
            raise TypeError(f"{name} must be a bool, not {type(flag).__name__}")
    if endpoint not in ENDPOINTS:
        raise ValueError(f"unknown endpoint {endpoint!r}; expected one of: {', '.join(ENDPOINTS)}")
    opts: Dict[str, Any] = {"kind": kind, "strict": strict, "spans": spans, "endpoint": endpoint}
    if profile is not None:
        if not isinstance(profile, Mapping):
            raise TypeError(f"profile must be a dict or None, not {type(profile).__name__}")
        opts["profile"] = dict(profile)
    try:
        return json.dumps(opts, allow_nan=False)
    except (TypeError, ValueError) as e:
        raise TypeError(f"profile must hold only JSON values: {e}") from None


def _input_report(message: str) -> Report:
    """The report of a body that cannot be turned into JSON text (as the npm package's)."""
    return {
        "valid": False,
        "errors": [
            {
                "severity": "error",
                "code": "json.syntax",
                "path": "",
                "message": message,
                "docs": "docs/codes.md#json.syntax",
            }
        ],
        "warnings": [],
        "summary": {
            "message_count": 0,
            "has_tools": False,
            "stream_enabled": False,
            "error_count": 1,
            "warning_count": 0,
        },
    }


def _utf8(text: str) -> bytes:
    """`text` as UTF-8; a lone surrogate (possible in a Python str) becomes U+FFFD."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        fixed = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
        return fixed.encode("utf-8")


def _body_bytes(body: object) -> Union[bytes, str]:
    """The body as UTF-8 JSON bytes, or (a str) why it cannot be one."""
    if isinstance(body, str):
        return _utf8(body)
    if isinstance(body, bytes):
        return body
    if isinstance(body, (bytearray, memoryview)):
        return bytes(body)
    if body is None:
        return "the body is None; pass a JSON string, bytes or a dict"
    if not isinstance(body, (Mapping, list, tuple, int, float, bool)):
        return f"a {type(body).__name__} is not a request body; pass a JSON string, bytes or a dict"
    try:
        text = json.dumps(body, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError, RecursionError) as e:
        return f"the body cannot be turned into JSON: {e}"
    return _utf8(text)


def validate(
    body: Body,
    *,
    kind: str = "auto",
    strict: bool = False,
    spans: bool = False,
    profile: Optional[Union[Profile, Mapping[str, Any]]] = None,
    endpoint: str = "validate",
) -> Report:
    """Check a request body as the server would; every problem at once.

    ``body`` is JSON text (``str``, or ``bytes`` read as the server reads them: UTF-8, or UTF-16
    or UTF-32 with a ``json.encoding`` warning) or an already parsed ``dict``/``list``,
    serialised first as ``requests`` sends a ``json=`` body (``json.dumps`` with
    ``allow_nan=False``): a NaN or an infinity gives the input issue it would raise. Pass the
    text itself to check a body serialised another way. ``kind`` is one of :data:`KINDS`;
    ``strict`` turns warnings into errors; ``spans`` adds each issue's place in the text;
    ``profile`` describes the model (``supports_tools``, ``max_images``, ...); ``endpoint`` is
    ``validate`` (the default) or ``chat`` (see :data:`ENDPOINTS`). Never raises on any body: a body that is
    not JSON is a ``json.syntax`` issue. A bad option raises ``TypeError``/``ValueError``.
    The GIL is released while the core checks the text.
    """
    opts = _options(kind, strict, spans, profile, endpoint)
    data = _body_bytes(body)
    if isinstance(data, str):
        return _input_report(data)
    report: Report = json.loads(_native.validate(data, opts))
    return report


def is_valid(
    body: Body,
    *,
    kind: str = "auto",
    strict: bool = False,
    profile: Optional[Union[Profile, Mapping[str, Any]]] = None,
    endpoint: str = "validate",
) -> bool:
    """Whether the body has no error: always ``validate(body, ...)["valid"]`` for the same
    arguments, by a fast path (the core's rules stop at the first error that decides, and no
    report is returned). For yes/no gates; call :func:`validate` to learn why. Never raises on any
    body (one that cannot be JSON is ``False``); a bad option raises ``TypeError``/``ValueError``
    as in :func:`validate`. The GIL is released while the core checks the text.
    """
    opts = _options(kind, strict, False, profile, endpoint)
    data = _body_bytes(body)
    if isinstance(data, str):
        return False
    return bool(_native.is_valid(data, opts))


def fix(body: Body, *, kind: str = "auto") -> FixResult:
    """Apply the safe, mechanical fixes (role case, a plain-string content, a tool name ...).

    Returns ``{"body": str, "fixes": [...], "report": Report}``: the fixed JSON text (only the
    fixed values change, the rest of the text is kept as written), what was changed, and the
    report of the fixed body. Bytes are read as ``validate`` reads them: a UTF-16 or UTF-32 body
    comes back as UTF-8 text, the conversion its first fix (``json.encoding``, round 0); bytes
    that text cannot hold exactly (invalid UTF-8, a surrogate on its own) are not rewritten:
    ``body`` is empty, ``fixes`` too, and the report's one ``json.syntax`` error says why (the
    report of the empty body given back: never valid).
    """
    opts = _options(kind, False, False, None)
    data = _body_bytes(body)
    if isinstance(data, str):
        return {"body": "", "fixes": [], "report": _input_report(data)}
    result: FixResult = json.loads(_native.fix(data, opts))
    return result


def _chunk(chunk: object) -> bytes:
    if isinstance(chunk, str):
        return _utf8(chunk)
    if isinstance(chunk, (bytes, bytearray, memoryview)):
        return bytes(chunk)
    raise TypeError(f"a stream chunk must be str or bytes, not {type(chunk).__name__}")


def decode_stream(data: Union[str, bytes, bytearray, memoryview]) -> DecodedStream:
    """Decode a whole captured ``text/event-stream``: ``{"message", "issues", "events"}``."""
    decoded: DecodedStream = json.loads(_native.decode_stream(_chunk(data)))
    return decoded


class StreamAccumulator:
    """Assemble a streamed answer (server-sent events) chunk by chunk, checking every event.

    >>> acc = StreamAccumulator()
    >>> events = acc.push(b'data: {"type":"message_start","message":{"id":"m1","role":"assistant","content":[]}}\\n\\n')
    >>> acc.message()["id"]
    'm1'
    """

    def __init__(self) -> None:
        self._inner = _native.Accumulator()

    def push(self, chunk: Union[str, bytes, bytearray, memoryview]) -> List[Dict[str, Any]]:
        """Feed a chunk as it arrives (split anywhere); returns the events it completed."""
        events: List[Dict[str, Any]] = json.loads(self._inner.push(_chunk(chunk)))
        return events

    def finish(self) -> List[Dict[str, Any]]:
        """End of the stream: returns the last events (a final event without a blank line)."""
        events: List[Dict[str, Any]] = json.loads(self._inner.finish())
        return events

    def message(self) -> Dict[str, Any]:
        """The message assembled so far."""
        message: Dict[str, Any] = json.loads(self._inner.message())
        return message

    def issues(self) -> List[Issue]:
        """The problems found in the stream so far."""
        issues: List[Issue] = json.loads(self._inner.issues())
        return issues

    @property
    def event_count(self) -> int:
        """Events seen so far."""
        return int(self._inner.event_count())


def schema(name: str) -> Dict[str, Any]:
    """One exported JSON Schema (draft 2020-12) by name; ``KeyError`` for an unknown name."""
    if not isinstance(name, str):
        raise TypeError(f"name must be a str, not {type(name).__name__}")
    result: Dict[str, Any] = json.loads(_native.schema(name))
    return result


def schema_names() -> List[str]:
    """The names :func:`schema` knows (``chat-request``, ``interaction-request``, ...)."""
    return list(_native.schema_names())


def codes() -> List[Dict[str, str]]:
    """Every issue code: ``code``, ``severity``, ``points_at``, ``why``, ``fix``, ``docs``."""
    result: List[Dict[str, str]] = json.loads(_native.codes())
    return result
