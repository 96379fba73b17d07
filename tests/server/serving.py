"""Serving something on 127.0.0.1 from a background thread, for the tests: an ASGI app behind
uvicorn (the reference server, the runtime tests' scripted server, the TLS variants) or a
standard-library request handler (a static site, a forwarding proxy)."""

from __future__ import annotations

import http.server
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import uvicorn


class UvicornThread:
    """``app`` served by uvicorn on 127.0.0.1 (a free port unless ``port`` is given) in a daemon
    thread; ``config`` is passed on to ``uvicorn.Config``."""

    def __init__(
        self,
        app: Any,
        *,
        name: str = "test-server",
        host: str = "127.0.0.1",
        port: int = 0,
        **config: Any,
    ) -> None:
        config.setdefault("lifespan", "off")
        self.server = uvicorn.Server(uvicorn.Config(app, host=host, port=port, **config))
        self.name = name
        self.port = 0
        self._thread: threading.Thread | None = None

    def start(self, timeout: float = 10.0) -> int:
        """Start serving; return the port once the server accepts connections."""
        self._thread = threading.Thread(target=self.server.run, name=self.name, daemon=True)
        self._thread.start()
        deadline = time.monotonic() + timeout
        while not self.server.started:
            if not self._thread.is_alive():
                raise RuntimeError(f"{self.name} failed to start (see the log above)")
            if time.monotonic() > deadline:
                raise RuntimeError(f"{self.name} did not start in time")
            time.sleep(0.01)
        sockets = [s for server in self.server.servers for s in server.sockets]
        self.port = int(sockets[0].getsockname()[1])
        return self.port

    def stop(self, timeout: float = 10.0, *, force: bool = False) -> None:
        """Stop; ``force`` does not wait for responses still streaming."""
        self.server.should_exit = True
        if force:
            self.server.force_exit = True
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None


@contextmanager
def serve_http(
    handler: Callable[..., http.server.BaseHTTPRequestHandler],
) -> Iterator[http.server.ThreadingHTTPServer]:
    """A standard-library ``ThreadingHTTPServer`` with ``handler`` on 127.0.0.1 (a free port),
    serving from a daemon thread until the block ends; its URL is ``url_of(server)``."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


def url_of(server: http.server.HTTPServer) -> str:
    return f"http://127.0.0.1:{server.server_address[1]}"
