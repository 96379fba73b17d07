"""A tiny scriptable HTTP server for the runtime tests: a raw ASGI app run by uvicorn.

Tests register handlers per (method, path); every request is recorded (method, path, raw path,
query, headers, body) so tests can assert what really went over the wire.
"""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from typing import Any, Union
from urllib.parse import parse_qsl

from tests.server.serving import UvicornThread


@dataclass
class Seen:
    """One request as the server received it."""

    method: str
    path: str
    raw_path: str
    query: list[tuple[str, str]]
    headers: dict[str, str]
    body: bytes
    header_list: list[str] = field(default_factory=list)  # every name, repeats included

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class Reply:
    """What a handler answers.

    ``json`` is sent as a JSON body, else ``body`` as is. ``delay`` seconds pass before the
    answer. ``stream`` is an async iterator of chunks sent one by one (for SSE); ``cut`` drops
    the connection after the stream without finishing the response.
    """

    status: int = 200
    json: Any = None
    body: bytes | None = None
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    stream: Callable[[], AsyncIterator[bytes]] | None = None
    cut: bool = False


Handler = Callable[[Seen, int], Union[Reply, dict, list, None]]


def envelope(data: Any) -> Reply:
    return Reply(json={"success": True, "message": "ok", "data": data})


class _Cut(Exception):
    """Raised inside the app to make uvicorn drop the connection mid-response."""


class TestServer:
    """Routes, a request log, and the uvicorn server running it on 127.0.0.1."""

    __test__ = False  # not a pytest test class

    def __init__(self) -> None:
        self.routes: dict[tuple[str, str], Handler] = {}
        self.calls: dict[tuple[str, str], int] = {}
        self.requests: list[Seen] = []
        self.disconnected = threading.Event()
        self._lock = threading.Lock()
        self._serving = UvicornThread(self, log_level="critical", access_log=False)
        self.port = 0

    # --- test-facing API
    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def reset(self) -> None:
        with self._lock:
            self.routes.clear()
            self.calls.clear()
            self.requests.clear()
        self.disconnected.clear()

    def on(self, method: str, path: str, handler: Handler) -> None:
        self.routes[(method.upper(), path)] = handler

    def seen(self, method: str | None = None, path: str | None = None) -> list[Seen]:
        with self._lock:
            return [
                r
                for r in self.requests
                if (method is None or r.method == method) and (path is None or r.path == path)
            ]

    # --- lifecycle
    def start(self) -> None:
        self.port = self._serving.start()

    def stop(self) -> None:
        self._serving.stop(force=True)  # do not wait for streams the tests left open

    # --- ASGI
    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        assert scope["type"] == "http"
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        seen = Seen(
            method=scope["method"],
            path=scope["path"],
            raw_path=scope.get("raw_path", b"").decode("latin-1"),
            query=parse_qsl(scope["query_string"].decode("latin-1"), keep_blank_values=True),
            headers={k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]},
            body=body,
            header_list=[k.decode("latin-1") for k, _ in scope["headers"]],
        )
        key = (seen.method, seen.path)
        with self._lock:
            self.requests.append(seen)
            count = self.calls.get(key, 0)
            self.calls[key] = count + 1
        handler = self.routes.get(key)
        if handler is None:
            reply: Any = Reply(
                status=404,
                json={"success": False, "error": "not_found", "message": f"no route {key}"},
            )
        else:
            reply = handler(seen, count)
        if not isinstance(reply, Reply):
            reply = envelope(reply)
        if reply.delay:
            await asyncio.sleep(reply.delay)
        headers = dict(reply.headers)
        payload = b""
        if reply.stream is None:
            if reply.json is not None:
                payload = json.dumps(reply.json).encode()
                headers.setdefault("content-type", "application/json")
            elif reply.body is not None:
                payload = reply.body
            headers["content-length"] = str(len(payload))
        await send(
            {
                "type": "http.response.start",
                "status": reply.status,
                "headers": [(k.encode(), v.encode()) for k, v in headers.items()],
            }
        )
        if reply.stream is None:
            await send({"type": "http.response.body", "body": payload})
            return

        async def watch_disconnect() -> None:
            message = await receive()
            if message["type"] == "http.disconnect":
                self.disconnected.set()

        watcher = asyncio.ensure_future(watch_disconnect())
        try:
            async for chunk in reply.stream():
                if self.disconnected.is_set():
                    return
                await send({"type": "http.response.body", "body": chunk, "more_body": True})
            if reply.cut:
                raise _Cut("dropping the connection on purpose")
            await send({"type": "http.response.body", "body": b""})
        finally:
            watcher.cancel()
