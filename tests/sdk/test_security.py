"""The generated clients (sync and async) against careless callers and hostile servers.

The runtime's guarantees (issue 11, items 6-11) seen through the RunRL package and the
reference server: an API key read from a file with its newline works; path and query
parameters are checked against their schema types like body fields, and NaN/infinity are
refused, before anything is sent; ``future.result(timeout=T)`` ends by ``T`` even when every
status request hangs; a call ends by its ``total_timeout``; hostile rate-limit headers raise
only the package's errors; credential headers never follow a redirect to another origin; a
password in ``base_url`` never shows. tests/runtime/test_security.py holds the finer cases.
"""

from __future__ import annotations

import logging
import time
import traceback
from collections.abc import Awaitable, Callable, Iterator
from types import ModuleType
from typing import Any

import pytest

from tests.runtime.server import TestServer, envelope
from tests.sdk._support import MODEL, TOKEN, Api, seed_file, seed_files, settle
from tests.server import ReferenceServer

pytestmark = pytest.mark.anyio


@pytest.fixture(scope="module")
def elsewhere() -> Iterator[TestServer]:
    """Another origin (a recording server on another port), for the redirect test."""
    other = TestServer()
    other.start()
    yield other
    other.stop()


def chain_text(error: BaseException) -> str:
    return "".join(traceback.format_exception(error)) + repr(error)


async def test_an_api_key_read_from_a_file_works(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    client = api.copy(api_key=f"{TOKEN}\n")
    assert client.client.config.api_key == TOKEN
    await client.files.list()
    assert reference_server.last_request.headers["authorization"] == f"Bearer {TOKEN}"
    with pytest.raises(ValueError) as err:
        sdk.RunRLClient(api_key=f"{TOKEN}\nX-Injected: 1", base_url=reference_server.base_url)
    assert TOKEN not in chain_text(err.value)


async def test_parameters_are_checked_against_their_schema_types_before_sending(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    prompt_id, reward_id = seed_files(reference_server.app.store)
    reference_server.clear_requests()
    calls: list[Callable[[], Awaitable[Any]]] = [
        lambda: api.files.list(per_page="20; x"),  # query: integer
        lambda: api.files.list(page=float("inf")),
        lambda: api.files.list(search=["a", "b"]),  # query: string
        lambda: api.runs.get("42; x"),  # path: integer
        lambda: api.runs.get(float("nan")),
        lambda: api.files.delete(prompt_id, force="yes"),  # query: boolean
        lambda: api.runs.create(
            model=MODEL,
            prompt_file_id=prompt_id,
            reward_file_id=reward_id,
            learning_rate_multiplier=float("nan"),
        ),
        lambda: api.runs.create(
            model=MODEL,
            prompt_file_id=prompt_id,
            reward_file_id=reward_id,
            extra_body={"lora": {"rank": float("inf")}},
        ),
    ]
    for call in calls:
        with pytest.raises(sdk.exceptions.ValidationError) as err:
            await call()
        assert err.value.status_code is None
    assert reference_server.requests == []


async def test_result_timeout_bounds_status_requests_that_hang(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    prompt_id, reward_id = seed_files(reference_server.app.store)
    future = await api.runs.create(model=MODEL, prompt_file_id=prompt_id, reward_file_id=reward_id)
    # A 3 s status request (settle() waits for it: a longer one only made the test slower).
    reference_server.inject(r"/runs/\d+", method="GET", kind="delay", delay=3, times=1)
    started = time.monotonic()
    with pytest.raises(sdk.exceptions.TimeoutError):
        await api.aw(future.result(timeout=1))
    elapsed = time.monotonic() - started
    assert elapsed < 2.5, f"result(timeout=1) took {elapsed:.1f} s against a 3 s status request"
    settle(reference_server, timeout=10)


async def test_total_timeout_bounds_a_call_per_client_and_per_call(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    file = seed_file(reference_server.app.store)
    reference_server.inject(rf"/files/{file['id']}", kind="delay", delay=3, times=2)
    for client, options in ((api.copy(total_timeout=1.0), {}), (api, {"total_timeout": 1.0})):
        started = time.monotonic()
        with pytest.raises(sdk.exceptions.APITimeoutError, match="total_timeout of 1 s"):
            await client.files.retrieve(file["id"], **options)
        assert time.monotonic() - started < 2.5  # before the server answers (3 s)
    settle(reference_server, timeout=10)


async def test_absurd_rate_limit_headers_raise_only_the_packages_errors(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    absurd = {"Retry-After": "inf", "X-RateLimit-Reset": "1e20", "X-RateLimit-Limit": "inf"}
    reference_server.inject("/health", status=429, headers=absurd)
    with pytest.raises(sdk.exceptions.RateLimitError) as err:
        await api.copy(max_retries=0).health()
    assert err.value.retry_after is None and err.value.reset_at is None
    state = api.client.rate_limit
    assert state is None or state.reset_at is None or state.reset_at.year < 10000


async def test_credentials_stay_on_their_origin_across_redirects(
    api: Api, reference_server: ReferenceServer, elsewhere: TestServer
) -> None:
    elsewhere.reset()
    elsewhere.on("GET", "/health", lambda r, n: envelope({"status": "ok"}))
    reference_server.inject("/health", status=307, headers={"Location": f"{elsewhere.url}/health"})
    client = api.copy(default_headers={"X-Api-Key": "xak-Secret-0123", "X-Team": "rl"})
    assert (await client.health()).status == "ok"
    away = elsewhere.seen()[0].headers
    assert "authorization" not in away and "x-api-key" not in away
    assert away["x-team"] == "rl"


async def test_a_password_in_base_url_never_shows(
    api: Api,
    sdk: ModuleType,
    reference_server: ReferenceServer,
    caplog: pytest.LogCaptureFixture,
) -> None:
    password = "base-Password-0123"
    caplog.set_level(logging.DEBUG, logger="runrl")
    url = reference_server.base_url.replace("http://", f"http://robot:{password}@")
    client = api.copy(base_url=url, max_retries=0)
    reference_server.inject("/health", kind="drop")
    with pytest.raises(sdk.exceptions.APIConnectionError) as err:
        await client.health()
    for text in (chain_text(err.value), repr(client.client), repr(client.client.config)):
        assert password not in text and "robot:[secure]@" in text
    assert password not in caplog.text
