"""Servers that misbehave on purpose, on 127.0.0.1, for the runtime's security tests.

``DripServer`` answers every request by sending its answer one byte at a time, ``interval``
seconds apart: the response body (``part="body"``), or the status line and headers too
(``part="headers"``). Each single read of the client is quick, so a per-read timeout never
fires; only a limit on the whole call ends it. The server stops dripping as soon as the client
goes away, and ``stop()`` ends every connection.
"""

from __future__ import annotations

import socket
import threading
from types import TracebackType

BODY = b'{"data": {"id": 7, "status": "RUNNING"}}' + b" " * 200


class DripServer:
    """A raw TCP server that drips one HTTP/1.1 200 answer per connection."""

    def __init__(self, *, part: str = "body", interval: float = 0.2, body: bytes = BODY) -> None:
        assert part in ("body", "headers")
        self.part = part
        self.interval = interval
        self.body = body
        self.connections = 0
        self._stop = threading.Event()
        self._sock = socket.socket()
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(16)
        self._sock.settimeout(0.1)
        self._threads: list[threading.Thread] = []
        self._accepter = threading.Thread(target=self._accept, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._sock.getsockname()[1]}"

    @property
    def seconds_per_answer(self) -> float:
        """How long one full answer takes to drip (what a client without a total limit waits)."""
        return len(self._answer()) * self.interval

    def __enter__(self) -> DripServer:
        self._accepter.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def stop(self) -> None:
        self._stop.set()
        self._accepter.join(timeout=5)
        for thread in self._threads:
            thread.join(timeout=5)
        self._sock.close()

    def _answer(self) -> bytes:
        head = (
            b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n"
            b"content-length: " + str(len(self.body)).encode() + b"\r\n\r\n"
        )
        return head + self.body

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._sock.accept()
            except OSError:  # the 0.1 s accept timeout: check for stop()
                continue
            self.connections += 1
            thread = threading.Thread(target=self._serve, args=(conn,), daemon=True)
            self._threads.append(thread)
            thread.start()

    def _serve(self, conn: socket.socket) -> None:
        with conn:
            conn.settimeout(5)
            request = b""
            try:
                while b"\r\n\r\n" not in request:
                    chunk = conn.recv(65536)
                    if not chunk:
                        return
                    request += chunk
                answer = self._answer()
                head_end = answer.index(b"\r\n\r\n") + 4
                if self.part == "body":
                    conn.sendall(answer[:head_end])
                    answer = answer[head_end:]
                for byte in answer:
                    if self._stop.wait(self.interval):
                        return
                    conn.sendall(bytes([byte]))
            except OSError:  # the client went away
                return
