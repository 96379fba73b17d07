"""Shared pieces of the authentication tests: a client class per security, a clock the test
moves, and an OAuth2 token endpoint (the second server, another origin, is in conftest.py)."""

from __future__ import annotations

import inspect
import threading
from typing import Any
from urllib.parse import parse_qsl

from runrl_rt._auth import Security
from runrl_rt._base_client import AsyncAPIClient, Operation, SyncAPIClient
from runrl_rt._config import ClientConfig
from tests.runtime.helpers import Sleeps
from tests.runtime.server import Reply, Seen

ME = Operation("GET", "/me", operation_id="getMe", qualified_name="users.me")


class Clock:
    """A monotonic clock that only moves when the test says so."""

    def __init__(self, now: float = 1000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def client_for(
    security: Security,
    base_url: str,
    *,
    is_async: bool = False,
    clock: Clock | None = None,
    **config: Any,
) -> Any:
    """A client of an API with ``security`` (what a generated client class declares)."""
    base: type[Any] = AsyncAPIClient if is_async else SyncAPIClient
    cls = type("ExampleClient", (base,), {"_security": security})
    sleeps = Sleeps()
    credentials = config.pop("credentials", None)
    margin = config.pop("token_refresh_margin", None)
    return cls(
        ClientConfig(base_url=base_url, **config),
        sleep=sleeps.asleep if is_async else sleeps,
        clock=clock,
        credentials=credentials,
        token_refresh_margin=margin,
    )


async def call(client: Any, op: Operation = ME, **kwargs: Any) -> Any:
    """``client.request(op, cast_to=object)`` for either flavour."""
    result = client.request(op, cast_to=object, **kwargs)
    return await result if inspect.isawaitable(result) else result


async def close(client: Any) -> None:
    result = client.aclose() if isinstance(client, AsyncAPIClient) else client.close()
    if inspect.isawaitable(result):
        await result


def echo(request: Seen, n: int) -> Reply:
    """Answers with what the request carried that could be a credential."""
    return Reply(
        json={
            "authorization": request.headers.get("authorization"),
            "x-api-key": request.headers.get("x-api-key"),
            "cookie": request.headers.get("cookie"),
            "query": dict(request.query),
        }
    )


class TokenEndpoint:
    """An OAuth2 token endpoint: issues ``tok-1``, ``tok-2``... and records each request.

    ``lifetime`` is the ``expires_in`` it answers (``None``: omitted); ``error`` makes it answer
    that status with an RFC 6749 error body; ``delay`` holds each answer back (so that callers
    pile up behind one fetch).
    """

    def __init__(self, lifetime: float | None = 3600, delay: float = 0.0) -> None:
        self.lifetime = lifetime
        self.delay = delay
        self.error: tuple[int, str] | None = None
        self.requests: list[Seen] = []
        self._lock = threading.Lock()

    @property
    def issued(self) -> int:
        return len(self.requests)

    def form(self, index: int = -1) -> dict[str, str]:
        return dict(parse_qsl(self.requests[index].body.decode()))

    def __call__(self, request: Seen, n: int) -> Reply:
        with self._lock:
            self.requests.append(request)
            number = len(self.requests)
        if self.error is not None:
            status, code = self.error
            error = {"error": code, "error_description": f"{code} for this client"}
            return Reply(status=status, json=error, delay=self.delay)
        body: dict[str, Any] = {"access_token": f"tok-{number}", "token_type": "bearer"}
        if self.lifetime is not None:
            body["expires_in"] = self.lifetime
        return Reply(json=body, delay=self.delay)


def accepts(*tokens: str) -> Any:
    """An API handler accepting only ``Bearer <token>`` for the given tokens (else 401)."""

    def handler(request: Seen, n: int) -> Reply:
        auth = request.headers.get("authorization", "")
        if auth.removeprefix("Bearer ") in tokens:
            return Reply(json={"token": auth.removeprefix("Bearer ")})
        return Reply(status=401, json={"error": "unauthorized", "message": "token expired"})

    return handler
