"""Helpers shared by the SDK behaviour tests (tests/sdk/test_*.py).

* ``Api``: one test body for both clients. ``await api.files.list()`` calls the sync client
  (and hands back the value) or the async client (and awaits it); ``await api.aw(x)`` awaits ``x``
  only if it is awaitable (``future.result()``, ``future.status()``); ``await api.collect(it)``
  drains a sync or an async iterator; ``await api.take(it, n)`` reads only ``n`` items of one.
* ``assert_request``: what the reference server recorded for one call (method, path, exact query,
  auth / user-agent / idempotency headers, JSON body).
* ``seed_*``: put data straight into the reference server's store (no SDK call involved), e.g.
  files with a given id (the documented ``PROMPT_UUID``), runs in a given status, other users' data.
"""

from __future__ import annotations

import inspect
import time
from collections.abc import AsyncIterator, Awaitable, Iterable
from types import ModuleType
from typing import Any

from tests.server import RecordedRequest, ReferenceServer, Store

TOKEN = "rl_test_key"
MODEL = "Qwen/Qwen2.5-3B-Instruct"

PROMPT_JSONL = (
    b'{"prompt": [{"role": "user", "content": "What is your favorite fruit?"}], '
    b'"expected_result": "banana"}\n'
    b'{"prompt": [{"role": "user", "content": "Name a red fruit."}], '
    b'"expected_result": "strawberry"}\n'
)
SFT_JSONL = (
    b'{"messages": [{"role": "user", "content": "hi"}, '
    b'{"role": "assistant", "content": "hello"}]}\n'
)
REWARD_CODE = (
    "def reward_fn(completion, **kwargs):\n"
    '    return 1.0 if "banana" in completion[0]["content"].lower() else 0.0\n'
)

_UNSET: Any = object()


# ------------------------------------------------------------------------------ one body, 2 clients


async def _ready(value: object) -> object:
    return value


def _as_awaitable(value: object) -> Awaitable[Any]:
    if inspect.isawaitable(value):
        return value
    return _ready(value)


class _Proxy:
    """Attribute access mirrors the wrapped object; calls return an awaitable of the result."""

    def __init__(self, target: object) -> None:
        self._target = target

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._target, name)
        if inspect.ismethod(value) or inspect.isfunction(value):

            def call(*args: Any, **kwargs: Any) -> Awaitable[Any]:
                return _as_awaitable(value(*args, **kwargs))

            return call
        return _Proxy(value)


class Api(_Proxy):
    """A sync or an async client behind one awaitable interface (see the module docstring)."""

    def __init__(self, client: Any, *, is_async: bool, flavour: str) -> None:
        super().__init__(client)
        self.client = client
        self.is_async = is_async
        self.flavour = flavour

    def copy(self, **overrides: Any) -> Api:
        """The same flavour of client with other settings (``client.copy(api_key=...)``)."""
        return Api(self.client.copy(**overrides), is_async=self.is_async, flavour=self.flavour)

    async def aw(self, value: object) -> Any:
        return await _as_awaitable(value)

    async def collect(self, iterable: Iterable[Any] | AsyncIterator[Any]) -> list[Any]:
        if self.is_async:
            assert hasattr(iterable, "__aiter__"), f"{iterable!r} is not async-iterable"
            assert not isinstance(iterable, list)
            return [item async for item in iterable]  # type: ignore[union-attr]
        assert hasattr(iterable, "__iter__"), f"{iterable!r} is not iterable"
        return list(iterable)  # type: ignore[arg-type]

    async def take(self, iterable: Any, n: int) -> tuple[list[Any], Any]:
        """The first ``n`` items of ``iterable`` and the iterator, which stays open."""
        items: list[Any] = []
        if self.is_async:
            it = iterable.__aiter__()
            for _ in range(n):
                items.append(await it.__anext__())
        else:
            it = iter(iterable)
            for _ in range(n):
                items.append(next(it))
        return items, it

    async def close_iter(self, it: Any) -> None:
        if self.is_async:
            if hasattr(it, "aclose"):
                await it.aclose()
        elif hasattr(it, "close"):
            it.close()


# ------------------------------------------------------------------------------ recorded requests


def user_agent_ok(sdk: ModuleType, ua: str | None) -> bool:
    return ua is not None and "runrl" in ua.lower() and sdk.API_VERSION in ua


def assert_request(
    sdk: ModuleType,
    rec: RecordedRequest,
    method: str,
    path: str,
    *,
    query: dict[str, str] | None = None,
    json: Any = _UNSET,
    token: str = TOKEN,
) -> None:
    """``rec`` is ``method path?query`` with our headers (and, if given, exactly this JSON body)."""
    assert (rec.method, rec.path) == (method, path), f"{rec.method} {rec.path}"
    assert rec.query == (query or {}), f"query of {method} {path}: {rec.query_list}"
    # Each parameter once: no page=1&page=2 duplicates.
    assert len(rec.query_list) == len(rec.query), rec.query_list
    headers = rec.headers
    assert headers.get("authorization") == f"Bearer {token}", headers.get("authorization")
    ua = headers.get("user-agent")
    assert user_agent_ok(sdk, ua), f"User-Agent {ua!r} does not name runrl and {sdk.API_VERSION}"
    if method == "POST":
        assert headers.get("idempotency-key"), f"POST {path} sent no Idempotency-Key"
    else:
        assert "idempotency-key" not in headers, f"{method} {path} sent an Idempotency-Key"
    if json is not _UNSET:
        assert headers.get("content-type", "").startswith("application/json"), headers
        assert rec.json == json, f"body of {method} {path}: {rec.json!r}"


def only_request(server: ReferenceServer, method: str, path: str) -> RecordedRequest:
    """The one request ``method path`` (a regex) recorded; fails if there are 0 or several."""
    found = server.requests_to(method, path)
    assert len(found) == 1, f"{len(found)} requests {method} {path}: {server.requests}"
    return found[0]


def api_requests(server: ReferenceServer) -> list[tuple[str, str]]:
    return [(r.method, r.path) for r in server.requests]


# ------------------------------------------------------------------------------ seeding the store


def seed_file(
    store: Store,
    *,
    name: str = "prompts",
    file_type: str = "prompt",
    content: bytes | None = None,
    file_id: str | None = None,
    owner_user_id: int = 1,
) -> dict[str, Any]:
    """A file in the store; with ``file_id`` it gets exactly that id (e.g. ``"PROMPT_UUID"``)."""
    if content is None:
        content = {
            "prompt": PROMPT_JSONL,
            "sft": SFT_JSONL,
        }.get(file_type, REWARD_CODE.encode())
    return store.add_file(
        name=name,
        file_type=file_type,
        content=content,
        owner_user_id=owner_user_id,
        file_id=file_id,
    )


def seed_files(store: Store) -> tuple[str, str]:
    """(prompt file id, reward file id)."""
    prompt = seed_file(store, name="prompts", file_type="prompt")
    reward = seed_file(store, name="reward", file_type="reward_function")
    return prompt["id"], reward["id"]


def seed_run(
    store: Store,
    *,
    model: str = MODEL,
    status: str | None = None,
    prompt_file_id: str | None = None,
    reward_file_id: str | None = None,
    **params: Any,
) -> dict[str, Any]:
    """A run in the store (PENDING, or pushed to ``status`` with that transition's side effects)."""
    if prompt_file_id is None or reward_file_id is None:
        prompt_file_id, reward_file_id = seed_files(store)
    payload = Store.run_payload(model, prompt_file_id, reward_file_id, **params)
    with store.lock:
        run = store.add_run(payload)
        if status == "COMPLETED":
            store.set_run_status(run["id"], "RUNNING")
        if status is not None:
            store.set_run_status(run["id"], status)
        return run


def settle(server: ReferenceServer, timeout: float = 5.0) -> None:
    """Wait until the server has answered every delayed request.

    A client that timed out leaves the server still working on the request; letting it finish
    keeps it from touching the next test's fresh state (its rate-limit window, its store).
    """
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        delayed = [r for r in server.requests if r.fault is not None and r.fault.kind == "delay"]
        if all(r.response_status is not None for r in delayed):
            return
        time.sleep(0.02)
