"""The runtime against careless callers and hostile servers (issue 11, items 6 and 8-11).

Each test runs with the sync and the async client, against real servers on 127.0.0.1:

* secrets: an API key with a trailing newline works, one HTTP cannot carry is refused at
  construction without being shown; no key, password or credential header appears in a repr,
  a log line, an error message or the chain of exceptions behind it, whichever way a call fails;
* numbers: NaN and infinity are refused before anything is sent, wherever they are (JSON body,
  query, path, form, headers, per-call options);
* hostile headers: absurd ``Retry-After``, ``X-RateLimit-*`` and SSE ``retry:`` values raise
  nothing but the package's exceptions, and every wait they cause is capped;
* redirects: credential headers never reach another origin;
* the total deadline: a server dripping its answer (body or headers) one byte at a time cannot
  hold a call past ``total_timeout``; retry pauses count against it; event streams are bounded
  only until they are open.

Time bounds are generous (a 1 s deadline against a server that needs 30 s or more): they hold
on a loaded machine and fail without the deadline.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
import socket
import time
import traceback
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest
from runrl_rt import _exceptions as exc
from runrl_rt._base_client import AsyncAPIClient, Operation, RequestOptions, SyncAPIClient
from runrl_rt._config import ClientConfig
from runrl_rt._validation import check_arguments
from tests.runtime.helpers import (
    API_KEY,
    CREATE_RUN,
    GET_RUN,
    Run,
    Sleeps,
    make_async_client,
    make_client,
)
from tests.runtime.hostile import DripServer
from tests.runtime.server import Reply, Seen, TestServer, envelope

pytestmark = pytest.mark.anyio

RUN = {"id": 7, "status": "RUNNING"}
PASSWORD = "pw-Secret-42x"
STREAM = Operation("GET", "/runs/{id}/logs/stream", stream=True, operation_id="runs.stream")
FORM = Operation("POST", "/files", unwrap=("data",), operation_id="files.create")
SSE = {"content-type": "text/event-stream"}
Client = Any  # SyncAPIClient | AsyncAPIClient: the tests call both through `run()`


@pytest.fixture(params=["sync", "async"])
def flavour(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def client_for(flavour: str, base_url: str, sleeps: Sleeps | None = None, **config: Any) -> Client:
    factory = make_client if flavour == "sync" else make_async_client
    return factory(base_url, sleeps, **config)


async def run(value: Any) -> Any:
    """The value, awaited if the async client returned an awaitable."""
    return await value if inspect.isawaitable(value) else value


async def close(client: Client) -> None:
    await run(client.aclose() if isinstance(client, AsyncAPIClient) else client.close())


async def drain(stream: Any) -> list[Any]:
    if hasattr(stream, "__aiter__"):
        return [event async for event in stream]
    return list(stream)


def chain_text(error: BaseException) -> str:
    """Everything a traceback of ``error`` prints, its causes included, plus its repr."""
    return "".join(traceback.format_exception(error)) + repr(error) + repr(error.args)


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def elsewhere() -> Iterator[TestServer]:
    """A second server: another origin (another port) for the redirect tests."""
    other = TestServer()
    other.start()
    yield other
    other.stop()


# ----------------------------------------------------------------------------- 6. secrets


async def test_an_api_key_with_surrounding_whitespace_is_stripped(
    server: TestServer, flavour: str
) -> None:
    server.on("GET", "/runs/7", lambda r, n: envelope(RUN))
    client = client_for(flavour, server.url, api_key=f"  {API_KEY}\n")
    try:
        assert client.config.api_key == API_KEY
        await run(client.request(GET_RUN, path_params={"id": 7}, cast_to=Run))
    finally:
        await close(client)
    assert [s.headers["authorization"] for s in server.seen()] == [f"Bearer {API_KEY}"]


@pytest.mark.parametrize(
    "key", [f"{API_KEY}\nX-Evil: 1", f"{API_KEY[:6]}\x00{API_KEY[6:]}", f"{API_KEY}é"]
)
def test_an_api_key_http_cannot_carry_is_refused_without_being_shown(key: str) -> None:
    with pytest.raises(ValueError) as info:
        ClientConfig(api_key=key, base_url="http://127.0.0.1:1")
    message = str(info.value)
    assert message.startswith("api_key contains ") and "(the key is not shown)" in message
    assert API_KEY[:6] not in chain_text(info.value)


def test_urls_and_the_user_agent_are_checked_at_construction_without_being_shown() -> None:
    for url in (
        "runrl.com/api",
        f"ftp://u:{PASSWORD}@host",
        f"http://u:{PASSWORD}@host:abc",
        f"http://u:{PASSWORD}@:80",
    ):
        with pytest.raises(ValueError, match="base_url") as info:
            ClientConfig(api_key=API_KEY, base_url=url)
        assert PASSWORD not in chain_text(info.value)
    with pytest.raises(ValueError, match="proxy"):
        ClientConfig(api_key=API_KEY, base_url="http://x", proxy=f"file://u:{PASSWORD}@p")
    with pytest.raises(ValueError, match="user_agent contains a control character"):
        ClientConfig(api_key=API_KEY, base_url="http://x", user_agent="me\r\nX-Evil: 1")


async def test_headers_http_cannot_carry_are_refused_before_sending(
    server: TestServer, flavour: str
) -> None:
    secret = "hdr-Secret-0123456789"
    with pytest.raises(ValueError) as info:
        client_for(flavour, server.url, default_headers={"X-Api-Key": f"{secret}\r\nX-Evil: 1"})
    assert "X-Api-Key" in str(info.value) and secret not in chain_text(info.value)
    with pytest.raises(ValueError):
        client_for(flavour, server.url, default_headers={"Bad Name": "x"})

    server.on("GET", "/runs/7", lambda r, n: envelope(RUN))
    client = client_for(flavour, server.url, default_headers={"X-Tenant": "  acme \n"})
    try:
        bad_headers = [
            {"X-Session": f"{secret}\nX-Evil: 1"},
            {"X-Note": "caf\u00e9"},
            {"X-Lr": float("nan")},
        ]
        for bad in bad_headers:
            options = RequestOptions(extra_headers=bad)  # type: ignore[arg-type]
            with pytest.raises(exc.ValidationError) as err:
                await run(
                    client.request(GET_RUN, path_params={"id": 7}, cast_to=Run, options=options)
                )
            assert err.value.status_code is None and secret not in chain_text(err.value)
        assert server.seen() == []
        # Header parameters of other types are sent as text (an integer, a boolean).
        numbers = RequestOptions(extra_headers={"X-Page": 2, "X-Dry-Run": True})  # type: ignore[dict-item]
        await run(client.request(GET_RUN, path_params={"id": 7}, cast_to=Run, options=numbers))
    finally:
        await close(client)
    seen = server.seen()[0].headers
    assert (seen["x-tenant"], seen["x-page"], seen["x-dry-run"]) == ("acme", "2", "true")


async def test_passwords_in_urls_never_show(
    server: TestServer, flavour: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="runrl")
    port = server.url.rsplit(":", 1)[1]
    server.on("GET", "/runs/7", lambda r, n: Reply(status=404, json={"message": str(r.headers)}))
    client = client_for(
        flavour,
        f"http://alice:{PASSWORD}@127.0.0.1:{port}",
        proxy=f"http://bob:{PASSWORD}@127.0.0.1:{closed_port()}",
        max_retries=0,
    )
    try:
        for text in (repr(client), repr(client.config)):
            assert PASSWORD not in text and "alice:[secure]@" in text
        assert "bob:[secure]@" in repr(client.config)
        # Through a proxy that refuses connections: the error and its chain keep it hidden.
        with pytest.raises(exc.APIConnectionError) as refused:
            await run(client.request(GET_RUN, path_params={"id": 7}, cast_to=Run))
        assert "alice:[secure]@127.0.0.1" in str(refused.value)
        errors: list[BaseException] = [refused.value]
        # Straight to the server, which echoes the request headers (Basic credentials) back.
        direct = client.copy(proxy=None)
        try:
            with pytest.raises(exc.NotFoundError) as echoed:
                await run(direct.request(GET_RUN, path_params={"id": 7}, cast_to=Run))
            errors.append(echoed.value)
        finally:
            await close(direct)
    finally:
        await close(client)
    basic = server.seen()[0].headers["authorization"].split(" ", 1)[1]
    for error in errors:
        text = chain_text(error)
        assert PASSWORD not in text and basic not in text and API_KEY not in text
    assert PASSWORD not in caplog.text and "alice:[secure]@" in caplog.text


async def test_a_malformed_header_from_an_injected_client_is_not_retried_nor_shown(
    server: TestServer, flavour: str
) -> None:
    """httpx/h11 quote the bad header in their message (``Illegal header value b'...'``)."""
    secret = "inj-Secret-0123456789"
    headers = {"X-Api-Key": f"{secret}\n"}
    http: Any = (
        httpx.Client(headers=headers) if flavour == "sync" else httpx.AsyncClient(headers=headers)
    )
    cfg = ClientConfig(api_key=API_KEY, base_url=server.url)
    client = (
        SyncAPIClient(cfg, http_client=http)
        if flavour == "sync"
        else AsyncAPIClient(cfg, http_client=http)
    )
    try:
        with pytest.raises(exc.APIConnectionError) as info:
            await run(client.request(GET_RUN, path_params={"id": 7}, cast_to=Run))
    finally:
        await close(client)
        await run(http.close() if flavour == "sync" else http.aclose())
    assert "after" not in str(info.value)  # one attempt: sending it again cannot help
    text = chain_text(info.value)
    assert "Illegal header value" in text and secret not in text and API_KEY not in text
    assert server.seen() == []


# ----------------------------------------------------------------------------- 8. numbers


@pytest.mark.parametrize(
    "call",
    [
        {"json": {"lr": float("nan")}},
        {"json": {"config": {"steps": [1, float("inf")]}}},
        {"json": [float("-inf")]},
        {"json": {"lr": 1.0}, "extra_body": {"lr": float("nan")}},
        {"query": {"page": float("nan")}},
        {"query": {"ids": [1, float("inf")]}},
        {"extra_query": {"x": float("-inf")}},
        {"path": {"id": float("nan")}},
        {"data": {"weight": float("inf")}},
        {"options": {"timeout": float("nan")}},
        {"options": {"total_timeout": float("nan")}},
        {"options": {"retry_backoff_factor": float("nan")}},
    ],
    ids=lambda call: "-".join(call),
)
async def test_nan_and_infinity_are_refused_before_sending(
    server: TestServer, flavour: str, call: dict[str, Any]
) -> None:
    server.on("POST", "/runs/7", lambda r, n: envelope(RUN))
    op = (
        FORM
        if "data" in call
        else Operation("POST", "/runs/{id}", unwrap=("data",), operation_id="runs.x")
    )
    options = RequestOptions(
        extra_body=call.get("extra_body"),
        extra_query=call.get("extra_query"),
        **call.get("options", {}),
    )
    client = client_for(flavour, server.url)
    try:
        with pytest.raises(exc.ValidationError) as info:
            await run(
                client.request(
                    op,
                    path_params=call.get("path", {"id": 7}),
                    query=call.get("query"),
                    json=call.get("json"),
                    data=call.get("data"),
                    cast_to=Run,
                    options=options,
                )
            )
    finally:
        await close(client)
    assert info.value.status_code is None
    assert "finite" in str(info.value) or ">= 0" in str(info.value)
    assert server.seen() == []


def test_nan_fails_every_constraint_check_and_items_are_checked() -> None:
    rules = {
        "lr": {"type": "number", "minimum": 0, "maximum": 1},
        "per_page": {"type": "integer", "minimum": 1},
        "ids": {"type": "array", "items": {"type": "integer", "minimum": 1}},
    }
    for value in (float("nan"), float("inf"), float("-inf")):
        with pytest.raises(exc.ValidationError, match="lr must be a finite number"):
            check_arguments("runs.create", {"lr": value}, rules)
    with pytest.raises(exc.ValidationError, match="per_page must be an integer"):
        check_arguments("files.list", {"per_page": "20; x"}, rules)
    with pytest.raises(exc.ValidationError) as info:
        check_arguments("files.list", {"ids": [3, "4; x", 0, None]}, rules)
    assert "ids [1] must be an integer" in str(info.value)
    assert "ids [2] must be >= 1" in str(info.value)
    check_arguments("files.list", {"lr": 0.5, "per_page": 20, "ids": [1, 2, None]}, rules)


# ----------------------------------------------------------------------------- 9. hostile headers

HOSTILE_VALUES = [
    "inf", "-inf", "nan", "1e20", "1e400", "-1e400", "-5", "", "garbage", "9" * 5000,
    "Fri, 31 Dec 99999 23:59:59 GMT", "Mon, 01 Jan 0001 00:00:00 GMT", "\u00ff\u00fe",
]  # fmt: skip
HOSTILE_HEADERS = [
    "retry-after", "retry-after-ms",
    "x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset",
]  # fmt: skip


@pytest.mark.parametrize("status", [200, 429, 503])
async def test_absurd_rate_limit_and_retry_headers_are_survived(
    server: TestServer, flavour: str, status: int
) -> None:
    def reply(request: Seen, n: int) -> Reply:
        value = HOSTILE_VALUES[int(request.path.rsplit("/", 1)[1]) % len(HOSTILE_VALUES)]
        headers = {name: value for name in HOSTILE_HEADERS}
        if status == 200:
            return Reply(json={"data": RUN}, headers=headers)
        return Reply(status=status, json={"error": "x", "message": "no"}, headers=headers)

    for index in range(len(HOSTILE_VALUES)):
        server.on("GET", f"/runs/{index}", reply)
    sleeps = Sleeps()
    client = client_for(flavour, server.url, sleeps, max_retries=1)
    try:
        for index in range(len(HOSTILE_VALUES)):
            try:
                await run(client.request(GET_RUN, path_params={"id": index}, cast_to=Run))
            except exc.RunRLException as error:
                assert error.status_code == status
                if isinstance(error, exc.RateLimitError):
                    assert error.retry_after is None or 0 <= error.retry_after < float("inf")
                    assert error.reset_at is None or error.reset_at.year > 1970
            state = client.rate_limit
            if state is not None:
                assert state.reset_at is None or state.reset_at.year >= 1970
    finally:
        await close(client)
    assert all(0 <= pause <= 60 for pause in sleeps.calls), sleeps.calls


def sse_then_cut(retry: str) -> Any:
    def handler(request: Seen, n: int) -> Reply:
        async def chunks() -> AsyncIterator[bytes]:
            yield f"retry: {retry}\nid: {n}\ndata: event {n}\n\n".encode()

        return Reply(headers=SSE, stream=chunks, cut=n == 0)

    return handler


@pytest.mark.parametrize("retry", ["3600000", "9" * 400, "-5"])
async def test_an_absurd_sse_retry_is_capped(server: TestServer, flavour: str, retry: str) -> None:
    server.on("GET", "/runs/7/logs/stream", sse_then_cut(retry))
    sleeps = Sleeps()
    client = client_for(flavour, server.url, sleeps)
    try:
        events = await drain(client.request_stream(STREAM, path_params={"id": 7}))
    finally:
        await close(client)
    assert [e.data for e in events] == ["event 0", "event 1"]
    assert len(sleeps.calls) == 1 and 0 <= sleeps.calls[0] <= 60


async def test_an_event_id_http_cannot_carry_is_not_sent_back(
    server: TestServer, flavour: str
) -> None:
    def handler(request: Seen, n: int) -> Reply:
        async def chunks() -> AsyncIterator[bytes]:
            yield "id: caf\u00e9\x01\ndata: one\n\n".encode()

        return Reply(headers=SSE, stream=chunks, cut=n == 0)

    server.on("GET", "/runs/7/logs/stream", handler)
    client = client_for(flavour, server.url)
    try:
        events = await drain(client.request_stream(STREAM, path_params={"id": 7}))
    finally:
        await close(client)
    assert [e.data for e in events] == ["one", "one"]
    assert "last-event-id" not in server.seen()[1].headers


async def test_absurdly_nested_json_is_a_response_validation_error(
    server: TestServer, flavour: str
) -> None:
    deep = b"[" * 100_000 + b"]" * 100_000
    server.on(
        "GET",
        "/runs/7",
        lambda r, n: Reply(body=deep, headers={"content-type": "application/json"}),
    )
    server.on("GET", "/runs/8", lambda r, n: Reply(status=400, body=deep))
    client = client_for(flavour, server.url)
    try:
        with pytest.raises(exc.ResponseValidationError):
            await run(client.request(GET_RUN, path_params={"id": 7}, cast_to=Run))
        with pytest.raises(exc.BadRequestError):
            await run(client.request(GET_RUN, path_params={"id": 8}, cast_to=Run))
    finally:
        await close(client)


# ----------------------------------------------------------------------------- 10. redirects


async def test_credentials_do_not_follow_a_redirect_to_another_origin(
    server: TestServer, elsewhere: TestServer, flavour: str
) -> None:
    elsewhere.reset()
    server.on(
        "GET",
        "/runs/7",
        lambda r, n: Reply(status=307, headers={"location": f"{elsewhere.url}/runs/7"}),
    )
    server.on("GET", "/runs/8", lambda r, n: Reply(status=302, headers={"location": "/runs/9"}))
    server.on("GET", "/runs/9", lambda r, n: envelope(RUN))
    elsewhere.on("GET", "/runs/7", lambda r, n: envelope(RUN))
    credentials = {
        "X-Api-Key": "xak-Secret-1",
        "Cookie": "session=cookie-Secret-2",
        "X-Tenant": "acme",
    }
    client = client_for(flavour, server.url, default_headers=credentials)
    try:
        await run(client.request(GET_RUN, path_params={"id": 7}, cast_to=Run))
        await run(client.request(GET_RUN, path_params={"id": 8}, cast_to=Run))
    finally:
        await close(client)
    away = elsewhere.seen()[0].headers
    assert "authorization" not in away and "x-api-key" not in away and "cookie" not in away
    assert away["x-tenant"] == "acme"  # not a credential: kept
    home = server.seen(path="/runs/9")[0].headers  # a redirect within the origin keeps them
    assert home["authorization"] == f"Bearer {API_KEY}" and home["x-api-key"] == "xak-Secret-1"


async def test_endless_redirects_end_with_a_connection_error(
    server: TestServer, flavour: str
) -> None:
    server.on("GET", "/runs/7", lambda r, n: Reply(status=302, headers={"location": "/runs/7"}))
    client = client_for(flavour, server.url)
    try:
        with pytest.raises(exc.APIConnectionError, match="redirects"):
            await run(client.request(GET_RUN, path_params={"id": 7}, cast_to=Run))
    finally:
        await close(client)
    assert len(server.seen()) == 21


# ----------------------------------------------------------------------------- 11. total deadline


@pytest.mark.parametrize("part", ["body", "headers"])
async def test_a_dripping_server_cannot_outlast_the_total_timeout(flavour: str, part: str) -> None:
    with DripServer(part=part) as drip:
        assert drip.seconds_per_answer > 30
        client = client_for(flavour, drip.url, total_timeout=1.0, max_retries=2)
        started = time.monotonic()
        try:
            with pytest.raises(exc.APITimeoutError) as info:
                await run(client.request(GET_RUN, path_params={"id": 7}, cast_to=Run))
        finally:
            await close(client)
        elapsed = time.monotonic() - started
        assert elapsed < 10, f"the call took {elapsed:.1f} s"
        assert "total_timeout of 1 s" in str(info.value)
        assert drip.connections == 1  # a call out of time is not retried


async def test_total_timeout_per_call_replaces_the_clients(flavour: str) -> None:
    with DripServer() as drip:
        client = client_for(flavour, drip.url, total_timeout=None)
        started = time.monotonic()
        try:
            with pytest.raises(exc.APITimeoutError, match="total_timeout of 0.5 s"):
                options = RequestOptions(total_timeout=0.5)
                await run(
                    client.request(GET_RUN, path_params={"id": 7}, cast_to=Run, options=options)
                )
        finally:
            await close(client)
        assert time.monotonic() - started < 10


async def test_retry_pauses_count_against_the_total_timeout(
    server: TestServer, flavour: str
) -> None:
    server.on(
        "GET", "/runs/7", lambda r, n: Reply(status=503, json={}, headers={"retry-after": "20"})
    )
    sleeps = Sleeps()
    client = client_for(flavour, server.url, sleeps, total_timeout=5.0)
    try:
        with pytest.raises(exc.ServerError):  # the last attempt's error, with its type
            await run(client.request(GET_RUN, path_params={"id": 7}, cast_to=Run))
    finally:
        await close(client)
    assert sleeps.calls == [] and len(server.seen()) == 1


async def test_an_event_stream_is_bounded_only_until_it_is_open(
    server: TestServer, flavour: str
) -> None:
    def slow_events(request: Seen, n: int) -> Reply:
        async def chunks() -> AsyncIterator[bytes]:
            for i in range(3):
                await asyncio.sleep(0.4)
                yield f"data: {i}\n\n".encode()

        return Reply(headers=SSE, stream=chunks)

    server.on("GET", "/runs/7/logs/stream", slow_events)
    client = client_for(flavour, server.url, total_timeout=0.5)
    try:
        events = await drain(client.request_stream(STREAM, path_params={"id": 7}))
    finally:
        await close(client)
    assert [e.data for e in events] == ["0", "1", "2"]


def test_the_deadline_is_fitted_into_httpx_transports() -> None:
    """Pins the httpx internals `_deadline.install` relies on (their absence is a fallback)."""
    from runrl_rt import _deadline

    for http in (httpx.Client(), httpx.Client(proxy="http://127.0.0.1:9")):
        with http:
            assert _deadline.install(http) is True
            assert _deadline.install(http) is True  # idempotent
            backends = [
                t._pool._network_backend  # type: ignore[attr-defined]
                for t in [http._transport, *http._mounts.values()]
                if t
            ]
            assert backends and all(type(b).__name__ == "_DeadlineBackend" for b in backends)
    with httpx.Client(transport=httpx.MockTransport(lambda r: httpx.Response(200))) as mock:
        assert _deadline.install(mock) is False


async def test_an_injected_client_is_fitted_too(flavour: str) -> None:
    with DripServer() as drip:
        http: Any = httpx.Client() if flavour == "sync" else httpx.AsyncClient()
        cfg = ClientConfig(api_key=API_KEY, base_url=drip.url, total_timeout=1.0)
        client = (
            SyncAPIClient(cfg, http_client=http)
            if flavour == "sync"
            else AsyncAPIClient(cfg, http_client=http)
        )
        started = time.monotonic()
        try:
            with pytest.raises(exc.APITimeoutError):
                await run(client.request(GET_RUN, path_params={"id": 7}, cast_to=Run))
        finally:
            await run(http.close() if flavour == "sync" else http.aclose())
        assert time.monotonic() - started < 10


def test_create_run_is_unchanged_under_a_deadline(server: TestServer) -> None:
    """An ordinary call under a deadline: nothing is cut, the key and body go as before."""
    server.on("POST", "/runs", lambda r, n: envelope(RUN))
    with make_client(server.url, total_timeout=30.0) as client:
        assert client.request(CREATE_RUN, json={"a": 1}, cast_to=Run).id == 7
    assert server.seen()[0].json() == {"a": 1}
