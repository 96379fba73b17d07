"""Run the reference app with uvicorn on 127.0.0.1 in a background thread."""

from __future__ import annotations

import threading
import time
from collections.abc import Mapping, Sequence
from types import TracebackType
from typing import Any

import uvicorn

from .app import BASE_PATH, DEFAULT_TOKEN, RecordedRequest, RunRLReferenceApp
from .faults import Fault, FaultKind


class ReferenceServer:
    """A running reference server: what the ``reference_server`` fixture yields.

    Attributes: ``base_url`` ("http://127.0.0.1:PORT/api/v1"), ``url`` (without the base path),
    ``host``, ``port``, ``api_key`` (the default full-scope token), ``app`` (the
    ``RunRLReferenceApp``: ``.store``, ``.requests``, ``.inject()``, ...). The most used app
    hooks are repeated here: ``inject``, ``clear_faults``, ``requests``, ``clear_requests``,
    ``requests_to``, ``last_request``, ``add_token``, ``reset``, ``auth_headers``.
    """

    def __init__(
        self, app: RunRLReferenceApp | None = None, *, host: str = "127.0.0.1", port: int = 0
    ) -> None:
        self.app = app or RunRLReferenceApp()
        self.api_key = DEFAULT_TOKEN
        self.host = host
        self._config = uvicorn.Config(
            self.app,
            host=host,
            port=port,
            log_level="warning",
            lifespan="off",
            http="h11",  # faults.py relies on uvicorn's h11 cycle (transport access)
            ws="none",
            proxy_headers=False,
            server_header=False,
            date_header=False,
            timeout_graceful_shutdown=1,
            timeout_keep_alive=30,
        )
        self._server = uvicorn.Server(self._config)
        self._thread: threading.Thread | None = None
        self.port = 0

    # -- lifecycle --------------------------------------------------------------------------------

    def start(self, timeout: float = 10.0) -> ReferenceServer:
        self._thread = threading.Thread(
            target=self._server.run, name="runrl-reference-server", daemon=True
        )
        self._thread.start()
        deadline = time.monotonic() + timeout
        while not self._server.started:
            if not self._thread.is_alive():
                raise RuntimeError("reference server failed to start (see the log above)")
            if time.monotonic() > deadline:
                raise RuntimeError("reference server did not start in time")
            time.sleep(0.01)
        sockets = [s for server in self._server.servers for s in server.sockets]
        self.port = int(sockets[0].getsockname()[1])
        return self

    def stop(self, timeout: float = 10.0) -> None:
        self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def __enter__(self) -> ReferenceServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # -- addresses --------------------------------------------------------------------------------

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def base_url(self) -> str:
        return self.url + BASE_PATH

    def auth_headers(self, token: str | None = None) -> dict[str, str]:
        return {"Authorization": f"Bearer {token or self.api_key}"}

    # -- app hooks, repeated ----------------------------------------------------------------------

    def inject(
        self, path: str, method: str = "*", kind: FaultKind = "status", **options: Any
    ) -> Fault:
        return self.app.inject(path, method, kind, **options)

    def clear_faults(self) -> None:
        self.app.clear_faults()

    @property
    def requests(self) -> list[RecordedRequest]:
        return self.app.requests

    def clear_requests(self) -> None:
        self.app.clear_requests()

    def requests_to(
        self, method: str | None = None, path: str | None = None
    ) -> list[RecordedRequest]:
        return self.app.requests_to(method, path)

    @property
    def last_request(self) -> RecordedRequest:
        return self.app.last_request

    def add_token(self, token: str, scopes: Sequence[str], **options: Any) -> None:
        self.app.add_token(token, scopes, **options)

    def reset(self) -> None:
        self.app.reset()


def start_server(
    tokens: Mapping[str, Sequence[str]] | None = None, **app_options: Any
) -> ReferenceServer:
    """Start a fresh server (own app and port); call ``.stop()`` when done."""
    return ReferenceServer(RunRLReferenceApp(tokens, **app_options)).start()
