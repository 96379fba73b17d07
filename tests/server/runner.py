"""Run the reference app with uvicorn on 127.0.0.1 in a background thread."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import TracebackType
from typing import Any

import uvicorn

from .app import BASE_PATH, DEFAULT_TOKEN, RecordedRequest, RunRLReferenceApp
from .faults import Fault, FaultKind
from .serving import UvicornThread


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
        self._serving = UvicornThread(
            self.app,
            name="runrl-reference-server",
            host=host,
            port=port,
            log_level="warning",
            http="h11",  # faults.py relies on uvicorn's h11 cycle (transport access)
            ws="none",
            proxy_headers=False,
            server_header=False,
            date_header=False,
            timeout_graceful_shutdown=1,
            timeout_keep_alive=30,
        )
        self.port = 0

    # -- lifecycle --------------------------------------------------------------------------------

    def start(self, timeout: float = 10.0) -> ReferenceServer:
        self.port = self._serving.start(timeout)
        return self

    def stop(self, timeout: float = 10.0) -> None:
        self._serving.stop(timeout)

    @property
    def _server(self) -> uvicorn.Server:
        """The uvicorn server (tests look at its open connections)."""
        return self._serving.server

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
