"""A minimal, fast HTTP/1.1 server for the benchmarks (stdlib only; not a test fixture).

Run as a separate process (so its CPU does not share the client's GIL)::

    python bench/server.py            # prints "PORT <n>" on stdout once it listens on 127.0.0.1

It speaks just enough of RunRL's wire format (``/api/v1``, the ``{"success", "data"}``
envelope) for the measured calls, with keep-alive and no per-request logic beyond a dispatch:

* ``GET /api/v1/files/<id>``: one File;
* ``GET /api/v1/files?per_page=N``: a page of N Files (``pagination`` member as the spec says);
* ``GET /api/v1/runs/<n>/logs/stream``: a Server-Sent Events stream of ``n`` log events;
* ``POST /api/v1/files``: an upload sink; reads and discards the body (Content-Length or
  chunked), answers a File (201) whose ``file_size`` is the number of body bytes received.

The reference server (tests/server, Starlette + uvicorn) does far more per request; against it
the client's own overhead would be lost in the server's time.
"""

from __future__ import annotations

import asyncio
import json
import sys
from urllib.parse import parse_qs

PREFIX = "/api/v1"
STAMP = "2025-10-11T12:00:00Z"


def file_record(index: int, size: int = 2048) -> dict[str, object]:
    file_id = f"00000000-0000-4000-8000-{index:012d}"
    base = f"https://runrl.com/api/v1/files/{file_id}"
    return {
        "id": file_id,
        "name": f"prompts-{index}.jsonl",
        "original_filename": f"prompts-{index}.jsonl",
        "type": "prompt",
        "file_size": size,
        "file_size_human": "2.0 KB",
        "mime_type": "application/jsonl",
        "created_at": STAMP,
        "updated_at": STAMP,
        "download_url": base + "/download",
        "content_url": base + "/content",
        "preview_url": base + "/preview",
    }


def envelope(data: object) -> bytes:
    return json.dumps({"success": True, "message": "OK", "data": data}).encode()


ONE_FILE = envelope(file_record(1))
_PAGES: dict[int, bytes] = {}


def page(per_page: int) -> bytes:
    body = _PAGES.get(per_page)
    if body is None:
        items = [file_record(i) for i in range(per_page)]
        meta = {"page": 1, "per_page": per_page, "total": per_page, "total_pages": 1}
        meta["has_more"] = False
        body = envelope({"items": items, "pagination": meta})
        _PAGES[per_page] = body
    return body


def response(status: int, body: bytes, content_type: str = "application/json") -> bytes:
    reason = {200: "OK", 201: "Created", 404: "Not Found"}.get(status, "OK")
    head = (
        f"HTTP/1.1 {status} {reason}\r\ncontent-type: {content_type}\r\n"
        f"content-length: {len(body)}\r\n\r\n"
    )
    return head.encode("latin-1") + body


def sse_chunks(count: int, batch: int = 500):  # type: ignore[no-untyped-def]
    """The SSE body in chunked transfer encoding, ``batch`` events per chunk."""
    line = 1
    while line <= count:
        stop = min(line + batch, count + 1)
        text = "".join(
            f'id: {n}\ndata: {{"line": {n}, "message": "step {n}: loss 0.{n % 997:03d}", '
            f'"timestamp": "{STAMP}"}}\n\n'
            for n in range(line, stop)
        ).encode()
        yield f"{len(text):x}\r\n".encode() + text + b"\r\n"
        line = stop
    yield b"0\r\n\r\n"


class Connection(asyncio.Protocol):
    """One keep-alive connection: parse a request, discard its body, answer, repeat."""

    def __init__(self) -> None:
        self.buffer = bytearray()
        self.transport: asyncio.Transport | None = None
        self.body_left = 0  # bytes of a Content-Length body still to discard
        self.chunked = False  # discarding a chunked body
        self.received = 0
        self.pending: tuple[str, str] | None = None  # (method, target) awaiting its body
        self.streaming = False
        self.can_write = asyncio.Event()
        self.can_write.set()

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport
        transport.set_write_buffer_limits(high=1 << 20)

    def pause_writing(self) -> None:
        self.can_write.clear()

    def resume_writing(self) -> None:
        self.can_write.set()

    def connection_lost(self, exc: Exception | None) -> None:
        self.can_write.set()
        self.transport = None

    def data_received(self, data: bytes) -> None:
        if self.body_left and not self.buffer:
            # Fast path of an upload: count and drop without copying into the buffer.
            if len(data) <= self.body_left:
                self.body_left -= len(data)
                self.received += len(data)
                if self.body_left == 0:
                    self.finish()
                return
        self.buffer += data
        self.process()

    def process(self) -> None:
        while self.transport is not None and not self.streaming:
            if self.body_left:
                take = min(self.body_left, len(self.buffer))
                del self.buffer[:take]
                self.body_left -= take
                self.received += take
                if self.body_left:
                    return
                self.finish()
                continue
            if self.chunked:
                if not self.drain_chunk():
                    return
                continue
            end = self.buffer.find(b"\r\n\r\n")
            if end < 0:
                return
            head = bytes(self.buffer[:end]).decode("latin-1")
            del self.buffer[: end + 4]
            lines = head.split("\r\n")
            method, target, _ = lines[0].split(" ", 2)
            length = 0
            for header in lines[1:]:
                name, _, value = header.partition(":")
                name = name.strip().lower()
                if name == "content-length":
                    length = int(value)
                elif name == "transfer-encoding" and "chunked" in value.lower():
                    self.chunked = True
            self.pending = (method, target)
            self.received = 0
            if self.chunked:
                continue
            self.body_left = length
            if not length:
                self.finish()

    def drain_chunk(self) -> bool:
        end = self.buffer.find(b"\r\n")
        if end < 0:
            return False
        size = int(bytes(self.buffer[:end]).split(b";")[0], 16)
        if size == 0:
            # last chunk: no trailers expected, just the final CRLF
            if len(self.buffer) < end + 4:
                return False
            del self.buffer[: end + 4]
            self.chunked = False
            self.finish()
            return True
        if len(self.buffer) < end + 2 + size + 2:
            return False
        del self.buffer[: end + 2 + size + 2]
        self.received += size
        return True

    def finish(self) -> None:
        assert self.pending is not None and self.transport is not None
        method, target = self.pending
        self.pending = None
        path, _, query = target.partition("?")
        if path.startswith(PREFIX):
            path = path[len(PREFIX) :]
        parts = path.strip("/").split("/")
        if method == "GET" and len(parts) == 2 and parts[0] == "files":
            self.transport.write(response(200, ONE_FILE))
        elif method == "GET" and parts == ["files"]:
            per_page = int(parse_qs(query).get("per_page", ["20"])[0])
            self.transport.write(response(200, page(per_page)))
        elif method == "POST" and parts == ["files"]:
            self.transport.write(response(201, envelope(file_record(1, self.received))))
        elif method == "GET" and len(parts) == 4 and parts[0] == "runs" and parts[3] == "stream":
            self.streaming = True
            asyncio.get_running_loop().create_task(self.stream(int(parts[1])))
        else:
            self.transport.write(response(404, b'{"success": false, "error": "not_found"}'))

    async def stream(self, count: int) -> None:
        transport = self.transport
        assert transport is not None
        transport.write(
            b"HTTP/1.1 200 OK\r\ncontent-type: text/event-stream; charset=utf-8\r\n"
            b"cache-control: no-store\r\ntransfer-encoding: chunked\r\n\r\n"
        )
        for chunk in sse_chunks(count):
            await self.can_write.wait()
            if self.transport is None:
                return
            transport.write(chunk)
        self.streaming = False
        self.process()


async def serve(port: int) -> None:
    loop = asyncio.get_running_loop()
    server = await loop.create_server(Connection, "127.0.0.1", port, backlog=2048)
    sock = server.sockets[0]
    print(f"PORT {sock.getsockname()[1]}", flush=True)
    async with server:
        # Ends when the parent closes our stdin (or dies): never outlives the benchmark.
        reader = asyncio.StreamReader()
        await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
        await reader.read()


def main() -> None:
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    try:
        asyncio.run(serve(port))
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
