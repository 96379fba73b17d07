"""Fault injection for the reference server.

A test pushes ``Fault``s with ``app.inject(...)``; each incoming request takes the first fault
whose ``method`` and ``path`` match (``path`` is a regex, ``re.fullmatch``-ed against the path
*relative to* ``/api/v1``, e.g. ``r"/runs"`` or ``r"/runs/\\d+"``). A fault fires ``times`` times
(``None``: until cleared) and is then removed. ``fault.hits`` counts how often it fired.

Kinds:

``status``
    Answer at once with ``status`` (default 503) without processing the request. ``body``
    defaults to the error envelope for that status; ``headers`` are added (e.g.
    ``{"Retry-After": "2"}``; for 429 also ``X-RateLimit-Remaining: 0``/``X-RateLimit-Reset``).
``after_processing_status``
    Process the request for real (a POST /runs really creates the run, and an Idempotency-Key
    stores the real response), then answer ``status`` (default 500) instead.
``drop``
    Close the TCP connection without sending a single byte (the client sees "server
    disconnected without sending a response"). Nothing is processed.
``after_processing_drop``
    Process the request for real, then close the connection without answering.
``delay``
    Sleep ``delay`` seconds, then process and answer normally (a client with a shorter read
    timeout times out; the server still does the work, as a real one would).
``non_json``
    Answer ``status`` (default 200) with a ``text/html`` body (``body`` or a small HTML page),
    as a proxy or maintenance page would. Nothing is processed.
``cut_stream``
    For ``text/event-stream`` responses: send ``events`` events (default 1), then close the
    connection mid-stream (no terminating chunk: the client sees an incomplete body).
    On other endpoints: send the first ``events`` bytes of the body, then close.

Every kind also honours ``delay`` (sleep first). How the connection is closed: uvicorn passes
the app ``receive`` as a bound method of its per-request cycle object, which holds the asyncio
transport; ``transport.close()`` on it closes the socket (see ``app._close_connection``). If that
is not available (another ASGI server), the app raises inside the response instead, which makes
uvicorn-like servers close the connection too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Literal

FaultKind = Literal[
    "status",
    "after_processing_status",
    "drop",
    "after_processing_drop",
    "delay",
    "non_json",
    "cut_stream",
]
FAULT_KINDS: tuple[str, ...] = (
    "status",
    "after_processing_status",
    "drop",
    "after_processing_drop",
    "delay",
    "non_json",
    "cut_stream",
)

DEFAULT_HTML = (
    b"<!DOCTYPE html>\n<html><head><title>RunRL is down for maintenance</title></head>"
    b"<body><h1>We'll be right back</h1></body></html>\n"
)


@dataclass
class Fault:
    path: str
    method: str = "*"
    kind: FaultKind = "status"
    times: int | None = 1
    status: int | None = None
    body: Any = None  # dict/list -> JSON; str/bytes -> sent as is
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    events: int = 1
    content_type: str | None = None
    hits: int = 0

    def __post_init__(self) -> None:
        if self.kind not in FAULT_KINDS:
            raise ValueError(f"unknown fault kind {self.kind!r}; one of {FAULT_KINDS}")
        if self.kind == "delay" and self.delay <= 0:
            raise ValueError("kind='delay' needs delay=<seconds> > 0")
        if self.times is not None and self.times < 1:
            raise ValueError("times must be >= 1 or None")
        self.method = self.method.upper()
        self._regex = re.compile(self.path)

    def matches(self, method: str, path: str) -> bool:
        return (self.method in ("*", method)) and self._regex.fullmatch(path) is not None

    @property
    def exhausted(self) -> bool:
        return self.times is not None and self.hits >= self.times

    def response_status(self) -> int:
        if self.status is not None:
            return self.status
        return {"after_processing_status": 500, "non_json": 200}.get(self.kind, 503)
