"""Network faults, retries and errors: the generated clients (sync and async) against the
reference server with a fault injected (tests/server/README.md, "Fault injection").

What is proved here, per client flavour and API version:

* which requests are retried (connection errors, timeouts, 408/429/500/502/503/504 for
  GET/PUT/DELETE; a POST only when it provably never reached the server, on 429, or when the
  operation is declared idempotent), how often (``max_retries``, ``retry_enabled``), how long the
  client waits (exponential backoff with jitter, capped; ``Retry-After`` in seconds or as an HTTP
  date; ``X-RateLimit-Reset`` on 429; a wait beyond the cap is not attempted), the attempt number
  header, one ``Idempotency-Key`` for all attempts of a call;
* that a create the server processed is never repeated blindly (exactly one run in the store),
  and that repeating it with the same ``idempotency_key`` is safe;
* non-JSON bodies, slow responses past the timeout, streams cut mid-way and closed early;
* the error hierarchy and what every error carries.

Waits that would slow the suite down are recorded instead of slept: the client's ``sleep``
hook (``client._sleep``, the ``sleep=`` argument of the runtime's ``SyncAPIClient``) is replaced
by a recorder. Where the real wait matters (``Retry-After: 0.3``) it is measured on the server.
"""

from __future__ import annotations

import builtins
import email.utils
import json
import socket
import time
from datetime import UTC, datetime
from types import ModuleType
from typing import Any

import httpx
import pytest

from tests.sdk._support import MODEL, TOKEN, Api, seed_file, seed_files, seed_run, settle
from tests.server import ReferenceServer

pytestmark = pytest.mark.anyio

RETRYABLE = (408, 429, 500, 502, 503, 504)


# ------------------------------------------------------------------------------------- helpers


def record_sleeps(api: Api) -> list[float]:
    """Replace the client's sleep between retries by a recorder (nothing is slept)."""
    delays: list[float] = []

    async def async_sleep(seconds: float) -> None:
        delays.append(seconds)

    def sleep(seconds: float) -> None:
        delays.append(seconds)

    api.client._sleep = async_sleep if api.is_async else sleep
    return delays


def fast(api: Api, **overrides: Any) -> Api:
    """The same client without pauses between retries."""
    return api.copy(retry_backoff_factor=0.0, **overrides)


def attempts(recs: list[Any]) -> list[str | None]:
    return [r.headers.get("x-retry-count") for r in recs]


def keys(recs: list[Any]) -> list[str | None]:
    return [r.headers.get("idempotency-key") for r in recs]


def closed_port() -> int:
    """A port on 127.0.0.1 nobody listens on (connection refused)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class _Counting:
    """Records every request the client hands to the transport; fails the first ``fail``
    ones with a connect error (the request never left the machine)."""

    def __init__(self, fail: int = 0) -> None:
        self.sent: list[httpx.Request] = []
        self.fail = fail

    def _check(self, request: httpx.Request) -> None:
        self.sent.append(request)
        if len(self.sent) <= self.fail:
            raise httpx.ConnectError("injected: connection refused", request=request)


class CountingTransport(httpx.HTTPTransport):
    def __init__(self, fail: int = 0) -> None:
        super().__init__()
        self.counter = _Counting(fail)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.counter._check(request)
        return super().handle_request(request)


class AsyncCountingTransport(httpx.AsyncHTTPTransport):
    def __init__(self, fail: int = 0) -> None:
        super().__init__()
        self.counter = _Counting(fail)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.counter._check(request)
        return await super().handle_async_request(request)


def counting_client(
    sdk: ModuleType, flavour: str, base_url: str, *, fail: int = 0, **options: Any
) -> tuple[Api, _Counting]:
    """A client whose injected httpx client counts (and optionally refuses) requests."""
    http: Any
    if flavour == "async":
        transport: Any = AsyncCountingTransport(fail)
        http = httpx.AsyncClient(transport=transport)
        client = sdk.AsyncRunRLClient(api_key=TOKEN, base_url=base_url, http_client=http, **options)
    else:
        transport = CountingTransport(fail)
        http = httpx.Client(transport=transport)
        client = sdk.RunRLClient(api_key=TOKEN, base_url=base_url, http_client=http, **options)
    return Api(client, is_async=flavour == "async", flavour=flavour), transport.counter


async def close_http(api: Api) -> None:
    http = api.client._client
    if api.is_async:
        await http.aclose()
    else:
        http.close()


# ------------------------------------------------------------------- GET / PUT / DELETE retries


async def test_a_dropped_connection_on_a_get_is_retried_then_succeeds(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    file = seed_file(reference_server.app.store)
    fault = reference_server.inject(rf"/files/{file['id']}", method="GET", kind="drop")

    got = await fast(api).files.retrieve(file["id"])

    assert got.id == file["id"]
    assert fault.hits == 1
    recs = reference_server.requests_to("GET", r"/files/.+")
    assert [r.response_status for r in recs] == [None, 200]
    assert attempts(recs) == ["0", "1"]  # the attempt number is sent


async def test_a_503_on_a_get_is_retried_then_succeeds(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    run = seed_run(reference_server.app.store)
    reference_server.inject(rf"/runs/{run['id']}", method="GET", status=503)

    got = await fast(api).runs.get(run["id"])

    assert got.id == run["id"]
    recs = reference_server.requests_to("GET", r"/runs/\d+")
    assert [r.response_status for r in recs] == [503, 200]
    assert attempts(recs) == ["0", "1"]


@pytest.mark.parametrize("status", RETRYABLE)
async def test_every_retryable_status_is_retried_for_get_put_and_delete(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer, status: int
) -> None:
    store = reference_server.app.store
    read, renamed, deleted = (seed_file(store, name=n) for n in ("read", "renamed", "deleted"))
    client = fast(api)
    # Retry-After: 0, because a 429 without it would be waited for until X-RateLimit-Reset.
    retry_now = {"Retry-After": "0"}
    for method, fid in (("GET", read["id"]), ("PUT", renamed["id"]), ("DELETE", deleted["id"])):
        reference_server.inject(rf"/files/{fid}", method=method, status=status, headers=retry_now)

    got = await client.files.retrieve(read["id"])
    updated = await client.files.update(renamed["id"], name="new name")
    assert await client.files.delete(deleted["id"]) is None

    assert got.id == read["id"]
    assert updated.name == "new name"
    assert store.files[renamed["id"]]["name"] == "new name"
    for method in ("GET", "PUT", "DELETE"):
        recs = reference_server.requests_to(method, r"/files/.+")
        assert [r.response_status for r in recs] == [status, 200], method
        assert attempts(recs) == ["0", "1"], method
        assert "idempotency-key" not in recs[0].headers
    with pytest.raises(sdk.exceptions.NotFoundError):
        await client.files.retrieve(deleted["id"])


async def test_a_page_fetched_while_iterating_is_retried(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    store = reference_server.app.store
    ids = [seed_file(store, name=f"f{i}")["id"] for i in range(5)]
    page = await fast(api).files.list(per_page=2)
    reference_server.inject("/files", method="GET", kind="drop")
    reference_server.inject("/files", method="GET", status=503)

    items = await api.collect(page)  # pages 2 and 3 are fetched while iterating

    assert [f.id for f in items] == list(reversed(ids))
    recs = reference_server.requests_to("GET", "/files")
    assert [r.response_status for r in recs] == [200, None, 503, 200, 200]
    assert [r.query["page"] for r in recs] == ["1", "2", "2", "2", "3"]


async def test_max_retries_and_retry_enabled(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    assert api.client.config.max_retries == 2  # the default
    assert api.client.max_retries == 2
    cases = [
        (fast(api), 3),  # 1 + the default 2
        (fast(api, max_retries=4), 5),
        (fast(api, max_retries=0), 1),
        (fast(api, max_retries=4, retry_enabled=False), 1),
    ]
    for client, expected in cases:
        reference_server.clear_requests()
        reference_server.inject("/health", status=503, times=None)
        with pytest.raises(sdk.exceptions.ServerError):
            await client.health()
        reference_server.clear_faults()
        assert len(reference_server.requests) == expected, client.client.config
        assert attempts(reference_server.requests) == [str(n) for n in range(expected)]
    assert fast(api, retry_enabled=False).client.max_retries == 0


async def test_one_call_gets_its_own_retry_budget_and_backoff(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    """Per call: ``max_retries=`` / ``retry_backoff_factor=`` on the method, or a copy of the
    client (``with_options``) for several calls; the client itself is unchanged."""
    reference_server.inject("/health", status=503, times=None)
    with pytest.raises(sdk.exceptions.ServerError):
        await api.health(max_retries=0)
    assert len(reference_server.requests) == 1

    reference_server.clear_requests()
    once = Api(api.client.with_options(max_retries=0), is_async=api.is_async, flavour=api.flavour)
    with pytest.raises(sdk.exceptions.ServerError):
        await once.health()
    assert len(reference_server.requests) == 1

    reference_server.clear_requests()
    delays = record_sleeps(api)
    with pytest.raises(sdk.exceptions.ServerError):
        await api.health(max_retries=3, retry_backoff_factor=2.0)
    assert attempts(reference_server.requests) == ["0", "1", "2", "3"]
    for n, delay in enumerate(delays):
        base = min(2.0 * 2**n, 8.0)
        assert 0.75 * base <= delay <= base, (n, delays)
    assert len(delays) == 3

    reference_server.clear_requests()
    with pytest.raises(sdk.exceptions.ServerError):
        await api.health()
    assert len(reference_server.requests) == 3  # the client's own budget again
    assert api.client.max_retries == 2 and api.client.config.retry_backoff_factor == 0.5


async def test_backoff_is_exponential_with_jitter_and_capped(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    client = api.copy(max_retries=6, retry_backoff_factor=1.0)
    delays = record_sleeps(client)
    reference_server.inject("/health", status=503, times=None)

    with pytest.raises(sdk.exceptions.ServerError):
        await client.health()

    assert len(reference_server.requests) == 7
    assert len(delays) == 6
    for n, delay in enumerate(delays):
        base = min(1.0 * 2**n, 8.0)  # doubled per retry, capped at 8 s
        assert 0.75 * base <= delay <= base, (n, delays)
    assert any(d < min(2**n, 8.0) for n, d in enumerate(delays)), "no jitter"
    assert max(delays) <= 8.0


async def test_the_last_attempts_error_is_raised_with_its_type(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    client = fast(api)
    for status in (503, 500):
        reference_server.inject("/health", status=status)
    reference_server.inject("/health", status=429, headers={"Retry-After": "0"})
    with pytest.raises(sdk.exceptions.RateLimitError) as err:
        await client.health()
    assert err.value.status_code == 429

    reference_server.clear_requests()
    reference_server.inject("/health", status=429, headers={"Retry-After": "0"})
    reference_server.inject("/health", status=503)
    reference_server.inject("/health", status=504)
    with pytest.raises(sdk.exceptions.ServerError) as err2:
        await client.health()
    assert err2.value.status_code == 504
    assert [r.response_status for r in reference_server.requests] == [429, 503, 504]


# ------------------------------------------------------------------------------------ POST


@pytest.mark.parametrize("status", [408, 500, 502, 503, 504])
async def test_a_create_is_not_retried_on_a_server_error(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer, status: int
) -> None:
    reference_server.inject("/files", method="POST", status=status)

    with pytest.raises(sdk.exceptions.APIStatusError) as err:
        await fast(api).files.create_from_content("r", "code", "reward_function")

    assert err.value.status_code == status
    if status >= 500:
        assert isinstance(err.value, sdk.exceptions.ServerError)
    assert len(reference_server.requests_to("POST", "/files")) == 1
    assert reference_server.app.store.files == {}


async def test_a_create_whose_connection_dropped_after_processing_is_not_retried(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    prompt_id, reward_id = seed_files(reference_server.app.store)
    fault = reference_server.inject("/runs", method="POST", kind="after_processing_drop")
    client = fast(api)

    with pytest.raises(sdk.exceptions.APIConnectionError) as err:
        await client.runs.create(
            model=MODEL,
            prompt_file_id=prompt_id,
            reward_file_id=reward_id,
            idempotency_key="create-run-1",
        )

    assert not isinstance(err.value, sdk.exceptions.APITimeoutError)
    assert fault.hits == 1
    assert len(reference_server.requests_to("POST", "/runs")) == 1  # not repeated blindly
    runs = reference_server.app.store.runs
    assert len(runs) == 1  # the server did the work once
    (run_id,) = runs

    # The caller knows the outcome is unknown and repeats with the same key: the server replays.
    future = await client.runs.create(
        model=MODEL,
        prompt_file_id=prompt_id,
        reward_file_id=reward_id,
        idempotency_key="create-run-1",
    )
    assert future.initial.id == run_id
    assert len(reference_server.app.store.runs) == 1
    assert keys(reference_server.requests_to("POST", "/runs")) == ["create-run-1"] * 2


async def test_a_500_after_the_server_processed_a_create(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    prompt_id, reward_id = seed_files(reference_server.app.store)
    reference_server.inject("/runs", method="POST", kind="after_processing_status", status=500)
    client = fast(api)
    args = {"model": MODEL, "prompt_file_id": prompt_id, "reward_file_id": reward_id}

    with pytest.raises(sdk.exceptions.ServerError) as err:
        await client.runs.create(**args, idempotency_key="run-once")

    assert err.value.status_code == 500
    assert isinstance(err.value, sdk.exceptions.InternalServerError)
    assert len(reference_server.requests_to("POST", "/runs")) == 1  # no retry
    assert len(reference_server.app.store.runs) == 1
    (run_id,) = reference_server.app.store.runs

    again = await client.runs.create(**args, idempotency_key="run-once")

    assert again.initial.id == run_id  # the same run, replayed
    assert len(reference_server.app.store.runs) == 1
    other = await client.runs.create(**args)  # a fresh key is a new run
    assert other.initial.id != run_id
    assert len(reference_server.app.store.runs) == 2


async def test_a_rate_limited_post_waits_for_retry_after_and_keeps_its_key(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    prompt_id, reward_id = seed_files(reference_server.app.store)
    reference_server.inject("/runs", method="POST", status=429, headers={"Retry-After": "0.3"})

    started = time.monotonic()
    future = await api.runs.create(model=MODEL, prompt_file_id=prompt_id, reward_file_id=reward_id)
    elapsed = time.monotonic() - started

    first, second = reference_server.requests_to("POST", "/runs")
    assert (first.response_status, second.response_status) == (429, 201)
    assert first.headers["idempotency-key"] == second.headers["idempotency-key"]
    assert attempts([first, second]) == ["0", "1"]
    waited = second.time - first.time
    assert 0.28 <= waited < 1.5, waited  # Retry-After, not the 0.5 s backoff or nothing
    assert elapsed < 3
    assert list(reference_server.app.store.runs) == [future.initial.id]


async def test_retry_after_as_an_http_date(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    delays = record_sleeps(api)
    when = email.utils.formatdate(time.time() + 30, usegmt=True)
    reference_server.inject("/health", status=503, headers={"Retry-After": when})

    assert (await api.health()).status == "ok"

    assert len(delays) == 1
    assert 27 <= delays[0] <= 30.5, delays


async def test_a_wait_beyond_the_cap_is_not_attempted(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    delays = record_sleeps(api)
    reference_server.inject("/health", status=503, headers={"Retry-After": "120"})
    with pytest.raises(sdk.exceptions.ServerError):
        await api.health()
    assert len(reference_server.requests) == 1 and delays == []

    later = email.utils.formatdate(time.time() + 300, usegmt=True)
    reference_server.inject("/files", method="POST", status=429, headers={"Retry-After": later})
    with pytest.raises(sdk.exceptions.RateLimitError) as err:
        await api.files.create_from_content("r", "code", "reward_function")
    assert err.value.retry_after is not None and 290 <= err.value.retry_after <= 300
    assert len(reference_server.requests_to("POST", "/files")) == 1 and delays == []


async def test_x_ratelimit_reset_is_honoured_on_a_429(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    delays = record_sleeps(api)
    reset = int(time.time()) + 20
    reference_server.inject(
        "/files", method="POST", status=429, headers={"X-RateLimit-Reset": str(reset)}
    )

    created = await api.files.create_from_content("r", "code", "reward_function")

    assert len(delays) == 1 and 18 <= delays[0] <= 20.5, delays
    assert list(reference_server.app.store.files) == [created.id]

    # Without retries the error says when the quota resets.
    reference_server.inject(
        "/health", status=429, headers={"X-RateLimit-Reset": str(reset), "Retry-After": "5"}
    )
    with pytest.raises(sdk.exceptions.RateLimitError) as err:
        await api.copy(retry_enabled=False).health()
    assert err.value.reset_at == datetime.fromtimestamp(reset, tz=UTC)
    assert err.value.retry_after == 5.0


async def test_a_post_that_never_reached_the_server_is_retried(
    sdk: ModuleType, reference_server: ReferenceServer, flavour: str
) -> None:
    api, counter = counting_client(
        sdk, flavour, reference_server.base_url, fail=2, retry_backoff_factor=0.0
    )
    try:
        created = await api.files.create_from_content("r", "code", "reward_function")
    finally:
        await close_http(api)

    assert len(counter.sent) == 3  # refused twice at connect, then sent
    assert len({r.headers["idempotency-key"] for r in counter.sent}) == 1
    assert [r.headers["x-retry-count"] for r in counter.sent] == ["0", "1", "2"]
    (rec,) = reference_server.requests_to("POST", "/files")
    assert rec.headers["idempotency-key"] == counter.sent[0].headers["idempotency-key"]
    assert list(reference_server.app.store.files) == [created.id]


async def test_a_client_pointed_at_a_closed_port(sdk: ModuleType, flavour: str) -> None:
    base_url = f"http://127.0.0.1:{closed_port()}/api/v1"
    api, counter = counting_client(sdk, flavour, base_url, retry_backoff_factor=0.0)
    try:
        with pytest.raises(sdk.exceptions.APIConnectionError) as err:
            await api.files.create_from_content("r", "code", "reward_function")
    finally:
        await close_http(api)

    assert not isinstance(err.value, sdk.exceptions.APITimeoutError)
    assert isinstance(err.value.__cause__, httpx.ConnectError)
    assert len(counter.sent) == 3  # a POST, retried: it never reached a server
    assert "after 3 attempts" in str(err.value)
    assert err.value.request is not None and err.value.status_code is None


@pytest.mark.parametrize(
    "call",
    ["validation.reward_function", "deployments.check", "tools.test_connection"],
)
async def test_idempotent_posts_are_retried_on_server_errors_and_drops(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer, call: str
) -> None:
    run = seed_run(reference_server.app.store, status="COMPLETED")
    namespace, method = call.split(".")
    args = {
        "validation.reward_function": ("def reward_fn(completion, **kw):\n    return 1.0\n",),
        "deployments.check": (run["id"],),
        "tools.test_connection": ("https://mcp.example.com/sse",),
    }[call]
    path = {
        "validation.reward_function": "/validation/reward-function",
        "deployments.check": "/deployments/check",
        "tools.test_connection": "/tools/test-mcp",
    }[call]
    reference_server.inject(path, method="POST", status=503)
    reference_server.inject(path, method="POST", kind="after_processing_drop")
    client = fast(api)

    result = await getattr(getattr(client, namespace), method)(*args)

    assert result is not None
    recs = reference_server.requests_to("POST", path)
    assert [r.response_status for r in recs] == [503, None, 200]
    assert len(set(keys(recs))) == 1 and recs[0].headers["idempotency-key"]
    assert attempts(recs) == ["0", "1", "2"]


# ---------------------------------------------------------------------- bodies and timeouts


async def test_a_non_json_body_is_a_response_validation_error(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    file = seed_file(reference_server.app.store)
    reference_server.inject(rf"/files/{file['id']}", method="GET", kind="non_json")

    with pytest.raises(sdk.exceptions.ResponseValidationError) as err:
        await api.files.retrieve(file["id"])

    e = err.value
    assert not isinstance(e, (json.JSONDecodeError, ValueError))
    assert isinstance(e, sdk.exceptions.RunRLException)
    assert e.response is not None and e.response.status_code == 200
    assert "text/html" in str(e) and "maintenance" in str(e)
    assert len(reference_server.requests) == 1  # a 200 is an answer: not retried


async def test_a_non_json_gateway_error_is_retried_then_a_server_error(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    reference_server.inject("/health", kind="non_json", status=502, times=None)

    with pytest.raises(sdk.exceptions.ServerError) as err:
        await fast(api).health()

    e = err.value
    assert e.status_code == 502 and e.code is None and e.payload == {}
    assert e.message.startswith("Bad Gateway: ") and "right back" in e.message  # an excerpt
    assert str(e).endswith("(HTTP 502)") and str(e).count("502") == 1
    assert not isinstance(e, ValueError)
    assert len(reference_server.requests) == 3


async def test_a_slow_response_past_the_timeout(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    file = seed_file(reference_server.app.store)
    reference_server.inject(
        rf"/files/{file['id']}", method="GET", kind="delay", delay=1.5, times=None
    )
    client = fast(api, timeout=0.15, max_retries=1)

    started = time.monotonic()
    with pytest.raises(sdk.exceptions.APITimeoutError) as err:
        await client.files.retrieve(file["id"])
    elapsed = time.monotonic() - started

    assert isinstance(err.value, sdk.exceptions.APIConnectionError)
    assert isinstance(err.value.__cause__, httpx.TimeoutException)
    assert "timed out after 2 attempts" in str(err.value)
    assert len(reference_server.requests_to("GET", r"/files/.+")) == 2
    assert 0.25 <= elapsed < 1.2, elapsed  # two attempts of 0.15 s, not the server's 1.5 s
    settle(reference_server)


async def test_per_call_timeout_as_a_float_or_an_httpx_timeout(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    reference_server.inject("/health", kind="delay", delay=1.0, times=None)
    client = fast(api, max_retries=0)

    for timeout in (0.1, httpx.Timeout(5.0, read=0.1)):
        started = time.monotonic()
        with pytest.raises(sdk.exceptions.APITimeoutError):
            await client.health(timeout=timeout)
        assert time.monotonic() - started < 0.8

    # A longer per-call timeout lifts a short client timeout.
    short = fast(api, timeout=0.1, max_retries=0)
    assert (await short.health(timeout=2.0)).status == "ok"
    # The client timeout may itself be an httpx.Timeout.
    with pytest.raises(sdk.exceptions.APITimeoutError):
        await fast(api, timeout=httpx.Timeout(5.0, read=0.1), max_retries=0).health()
    settle(reference_server)


async def test_a_create_that_times_out_is_not_retried(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    prompt_id, reward_id = seed_files(reference_server.app.store)
    reference_server.inject("/runs", method="POST", kind="delay", delay=0.4)
    args = {"model": MODEL, "prompt_file_id": prompt_id, "reward_file_id": reward_id}

    with pytest.raises(sdk.exceptions.APITimeoutError):
        await fast(api).runs.create(**args, timeout=0.1, idempotency_key="slow-create")

    assert len(reference_server.requests_to("POST", "/runs")) == 1
    deadline = time.monotonic() + 5
    while not reference_server.app.store.runs and time.monotonic() < deadline:
        time.sleep(0.02)  # the server finishes the work after the client gave up
    assert len(reference_server.app.store.runs) == 1
    again = await api.runs.create(**args, idempotency_key="slow-create")
    assert list(reference_server.app.store.runs) == [again.initial.id]


# ------------------------------------------------------------------------------------ streams


async def test_a_stream_cut_twice_resumes_without_gaps_or_duplicates(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    store = reference_server.app.store
    run = seed_run(store)  # PENDING: the stream drives it to COMPLETED while it is read
    fault = reference_server.inject(r"/runs/\d+/logs/stream", kind="cut_stream", events=2, times=2)
    record_sleeps(api)

    events = await api.collect(await api.runs.stream_logs(run["id"]))

    assert fault.hits == 2
    lines = [ln["line"] for ln in store.run_logs[run["id"]]]
    assert [e.line for e in events] == lines  # every line once, in order
    assert store.runs[run["id"]]["status"] == "COMPLETED"
    recs = reference_server.requests_to("GET", r"/runs/\d+/logs/stream")
    assert [r.headers.get("last-event-id") for r in recs] == [None, "2", "4"]


async def test_stream_reconnects_are_bounded(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer
) -> None:
    run = seed_run(reference_server.app.store, status="COMPLETED")
    reference_server.inject(r"/runs/\d+/logs/stream", kind="cut_stream", events=0, times=None)
    delays = record_sleeps(api)

    with pytest.raises(sdk.exceptions.APIConnectionError):
        await api.collect(await api.runs.stream_logs(run["id"]))

    # The first connection and max_retries (2) reconnects without any progress, then it gives up.
    assert len(reference_server.requests_to("GET", r"/runs/\d+/logs/stream")) == 3
    assert len(delays) == 2 and delays[0] <= delays[1]


def _server_has_connection(server: ReferenceServer, client_addr: tuple[str, int]) -> bool:
    # uvicorn's H11Protocol objects of the open connections, each with the peer's address.
    connections = server._server.server_state.connections
    return any(tuple(getattr(c, "client", None) or ()) == tuple(client_addr) for c in connections)


async def test_a_stream_stopped_early_closes_its_connection(
    sdk: ModuleType, reference_server: ReferenceServer, flavour: str
) -> None:
    store = reference_server.app.store
    run = seed_run(store, model="acme/stall-7b")  # the server would keep this stream open 30 s
    responses: list[httpx.Response] = []
    if flavour == "async":

        async def keep(response: httpx.Response) -> None:
            responses.append(response)

        http: Any = httpx.AsyncClient(event_hooks={"response": [keep]})
        client: Any = sdk.AsyncRunRLClient(
            api_key=TOKEN, base_url=reference_server.base_url, http_client=http
        )
    else:
        http = httpx.Client(event_hooks={"response": [responses.append]})
        client = sdk.RunRLClient(
            api_key=TOKEN, base_url=reference_server.base_url, http_client=http
        )
    api = Api(client, is_async=flavour == "async", flavour=flavour)
    try:
        stream = await api.runs.stream_logs(run["id"])
        first, _ = await api.take(stream, 2)
        assert [e.line for e in first] == [1, 2]
        (response,) = responses
        addr = response.extensions["network_stream"].get_extra_info("client_addr")
        assert _server_has_connection(reference_server, addr)
        assert not response.is_closed

        if api.is_async:
            await stream.aclose()
        else:
            stream.close()

        assert response.is_closed
        deadline = time.monotonic() + 5
        while _server_has_connection(reference_server, addr) and time.monotonic() < deadline:
            time.sleep(0.01)
        assert not _server_has_connection(reference_server, addr), "the server still streams"
        assert len(reference_server.requests_to("GET", r"/runs/\d+/logs/stream")) == 1
        # Leaving a `with` block closes too.
        if api.is_async:
            async with api.client.runs.stream_logs(run["id"]) as s2:
                await s2.__anext__()
        else:
            with api.client.runs.stream_logs(run["id"]) as s2:
                next(s2)
        assert responses[-1].is_closed
    finally:
        store.set_run_status(run["id"], "CANCELLED")  # ends the server side of the streams
        if api.is_async:
            await http.aclose()
        else:
            http.close()


# ------------------------------------------------------------------------------------ errors


def test_the_error_hierarchy(sdk: ModuleType) -> None:
    e = sdk.exceptions
    assert e.RunRLException is sdk.RunRLException
    for cls in (e.APIConnectionError, e.APIStatusError, e.ResponseValidationError):
        assert issubclass(cls, e.RunRLException)
    assert issubclass(e.APITimeoutError, e.APIConnectionError)
    for cls in (
        e.BadRequestError,
        e.AuthenticationError,
        e.AuthorizationError,
        e.NotFoundError,
        e.ConflictError,
        e.ValidationError,
        e.RateLimitError,
        e.ServerError,
    ):
        assert issubclass(cls, e.APIStatusError), cls
    assert e.PermissionDeniedError is e.AuthorizationError
    assert e.UnprocessableEntityError is e.ValidationError
    assert e.InternalServerError is e.ServerError
    assert issubclass(e.TimeoutError, builtins.TimeoutError)
    assert not issubclass(e.PollingCancelledError, builtins.TimeoutError)
    assert not issubclass(e.APITimeoutError, e.TimeoutError)


STATUS_CLASSES = [
    (400, "BadRequestError"),
    (401, "AuthenticationError"),
    (403, "AuthorizationError"),
    (404, "NotFoundError"),
    (409, "ConflictError"),
    (418, "APIStatusError"),
    (422, "ValidationError"),
    (429, "RateLimitError"),
    (500, "ServerError"),
    (502, "ServerError"),
    (503, "ServerError"),
    (504, "ServerError"),
]


@pytest.mark.parametrize(("status", "name"), STATUS_CLASSES)
async def test_every_status_maps_to_its_exception_with_all_its_facts(
    api: Api, sdk: ModuleType, reference_server: ReferenceServer, status: int, name: str
) -> None:
    body = {
        "success": False,
        "error": "some_code",
        "message": "it went wrong",
        "details": {"field": ["why"]},
    }
    headers = {"Retry-After": "3", "X-RateLimit-Reset": "1900000000"} if status == 429 else {}
    reference_server.inject("/files/f-1", method="GET", status=status, body=body, headers=headers)

    with pytest.raises(sdk.exceptions.APIStatusError) as err:
        await api.copy(retry_enabled=False).files.retrieve("f-1")

    e = err.value
    assert type(e) is getattr(sdk.exceptions, name)
    assert e.status_code == status
    assert e.code == "some_code"
    assert e.message == "it went wrong"
    assert e.details == {"field": ["why"]}
    assert e.payload == body
    assert e.request is not None and e.request.url.path.endswith("/files/f-1")
    assert e.response is not None and e.response.status_code == status
    assert str(e) == f"it went wrong [field: why] (HTTP {status}, some_code)"
    if status == 429:
        assert e.retry_after == 3.0
        assert e.reset_at == datetime.fromtimestamp(1_900_000_000, tz=UTC)
    assert len(reference_server.requests) == 1


async def test_argument_errors_are_raised_before_any_byte_is_sent(
    sdk: ModuleType, reference_server: ReferenceServer, flavour: str
) -> None:
    api, counter = counting_client(sdk, flavour, reference_server.base_url)
    try:
        with pytest.raises(sdk.exceptions.ValidationError) as err:
            await api.runs.create(
                model=MODEL, prompt_file_id="p", reward_file_id="r", completion_length=50, epochs=0
            )
        with pytest.raises(sdk.exceptions.ValidationError):
            await api.files.retrieve("")
        with pytest.raises(sdk.exceptions.ValidationError):
            await api.files.list(per_page=1000)
    finally:
        await close_http(api)
    e = err.value
    assert e.status_code is None and e.response is None
    assert {p["argument"] for p in e.details["errors"]} == {"completion_length", "epochs"}
    assert counter.sent == [] and reference_server.requests == []


@pytest.fixture(params=["sync", "async"])
def flavour(request: pytest.FixtureRequest) -> str:
    return str(request.param)
