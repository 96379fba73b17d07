"""The package's own transport (``_transport``) against real servers on 127.0.0.1.

Admission: at most ``pool_maxsize`` calls inside httpx's pool, the others queued first come
first served; the pool timeout covers the time queued; a cancelled or timed-out waiter leaves
the queue and takes no place with it; every way a call ends gives its place back. Assignment:
a connection the server closed while idle is not reused. Also: cookies still flow, and a proxy
keeps httpx's own transport. No assertion here is about how long something took.
"""

from __future__ import annotations

import asyncio
import socket
import ssl
import threading
import time
from collections.abc import AsyncIterator, Callable, Iterator
from functools import partial
from typing import Any

import httpcore
import httpx
import pytest
from runrl_rt import _exceptions as exc
from runrl_rt._base_client import AsyncAPIClient, Operation, RequestOptions, SyncAPIClient
from runrl_rt._config import ClientConfig
from runrl_rt._transport import AsyncTransport, SyncTransport
from tests.runtime.authkit import close
from tests.runtime.helpers import API_KEY, GET_RUN, Run, make_async_client, make_client
from tests.runtime.server import Reply, TestServer, envelope

RUN = {"id": 7, "status": "RUNNING", "model": "qwen"}
RUN_BODY = b'{"success": true, "data": {"id": 7, "status": "RUNNING", "model": "qwen"}}'
STREAM_OP = Operation("GET", "/runs/7/logs", unwrap=(), stream=True)
MISSING_OP = Operation("GET", "/missing", unwrap=("data",))
# A pool timeout far below how long a held call is held (until the test lets it go).
SHORT_POOL = httpx.Timeout(30.0, pool=0.2)


def held(gate: threading.Event) -> Callable[[], AsyncIterator[bytes]]:
    """A response body that is sent only once ``gate`` is set (the call holds its place)."""

    async def body() -> AsyncIterator[bytes]:
        while not gate.is_set():
            await asyncio.sleep(0.005)
        yield RUN_BODY

    return body


def hold_runs_1(server: TestServer, gate: threading.Event) -> None:
    server.on("GET", "/runs/1", lambda r, n: Reply(stream=held(gate)))
    for n in range(2, 10):
        server.on("GET", f"/runs/{n}", lambda r, n: envelope(RUN))


def wait_for(condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + 20
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for {what}")
        time.sleep(0.005)


async def await_for(condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + 20
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for {what}")
        await asyncio.sleep(0.005)


def queued(gate_keeper: Any, count: int) -> bool:
    """Whether `count` calls wait for a connection at the admission gate."""
    return len(gate_keeper._waiters) == count


def admission(client: SyncAPIClient | AsyncAPIClient) -> Any:
    transport = client._client._transport
    assert isinstance(transport, (SyncTransport, AsyncTransport))
    return transport._admission


def paths(server: TestServer) -> list[str]:
    return [s.path for s in server.seen()]


# ----------------------------------------------------------------------------- which transport


def test_own_clients_get_the_transport_proxied_and_injected_ones_do_not(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy"):
        monkeypatch.delenv(name, raising=False)
    with make_client("http://127.0.0.1:9", pool_maxsize=3) as client:
        assert isinstance(client._client._transport, SyncTransport)
        assert admission(client)._free == 3
    with make_client("http://127.0.0.1:9", proxy="http://127.0.0.1:9") as client:
        assert not isinstance(client._client._transport, SyncTransport)
    monkeypatch.setenv("HTTPS_PROXY", "http://127.0.0.1:9")
    with make_client("http://127.0.0.1:9") as client:
        assert not isinstance(client._client._transport, SyncTransport)
    http = httpx.Client()
    with SyncAPIClient(ClientConfig(api_key=API_KEY), http_client=http) as client:
        assert client._client._transport is http._transport
    http.close()


# ----------------------------------------------------------------------------- admission (sync)


def test_sync_pool_timeout_covers_the_time_queued(server: TestServer) -> None:
    gate = threading.Event()
    hold_runs_1(server, gate)
    client = make_client(server.url, pool_maxsize=1, max_retries=0, timeout=SHORT_POOL)
    holder = threading.Thread(
        target=client.request, args=(GET_RUN,), kwargs={"path_params": {"id": 1}, "cast_to": Run}
    )
    holder.start()
    try:
        wait_for(lambda: server.seen("GET", "/runs/1") != [], "the first call to arrive")
        with pytest.raises(exc.APITimeoutError) as info:
            client.request(GET_RUN, path_params={"id": 2}, cast_to=Run)
        assert isinstance(info.value.__cause__, httpx.PoolTimeout)
        assert paths(server) == ["/runs/1"]  # never sent
    finally:
        gate.set()
        holder.join(20)
    # Its place was not kept: the next call goes through on the one connection.
    assert client.request(GET_RUN, path_params={"id": 3}, cast_to=Run).id == 7
    assert admission(client)._free == 1 and not admission(client)._waiters
    client.close()


def test_sync_waiters_are_served_in_arrival_order(server: TestServer) -> None:
    gate = threading.Event()
    hold_runs_1(server, gate)
    client = make_client(server.url, pool_maxsize=1)
    gate_keeper = admission(client)

    def call(n: int) -> None:
        client.request(GET_RUN, path_params={"id": n}, cast_to=Run)

    threads = [threading.Thread(target=call, args=(1,))]
    threads[0].start()
    wait_for(lambda: server.seen("GET", "/runs/1") != [], "the first call to arrive")
    for n in range(2, 7):
        threads.append(threading.Thread(target=call, args=(n,)))
        threads[-1].start()
        wait_for(partial(queued, gate_keeper, n - 1), f"call {n} to queue")
    gate.set()
    for thread in threads:
        thread.join(20)
    assert paths(server) == [f"/runs/{n}" for n in range(1, 7)]
    assert gate_keeper._free == 1
    client.close()


def test_sync_many_threads_share_a_small_pool(server: TestServer) -> None:
    server.on("GET", "/runs/7", lambda r, n: envelope(RUN))
    client = make_client(server.url, pool_maxsize=3)
    errors: list[BaseException] = []

    def work() -> None:
        for _ in range(15):
            try:
                assert client.request(GET_RUN, path_params={"id": 7}, cast_to=Run).id == 7
            except BaseException as error:  # noqa: BLE001 - reported below
                errors.append(error)

    threads = [threading.Thread(target=work) for _ in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == []
    assert len(server.seen()) == 12 * 15
    assert len(client._client._transport._pool.connections) <= 3
    assert admission(client)._free == 3 and not admission(client)._waiters
    client.close()


def test_every_ending_gives_the_place_back(server: TestServer) -> None:
    """An HTTP error, a stream stopped early and an unreachable server each free the place."""
    events = b"".join(f"id: {n}\ndata: {n}\n\n".encode() for n in range(3))

    async def stream() -> AsyncIterator[bytes]:
        yield events

    server.on("GET", "/runs/7", lambda r, n: envelope(RUN))
    sse = {"content-type": "text/event-stream"}
    server.on("GET", "/runs/7/logs", lambda r, n: Reply(stream=stream, headers=sse))
    timeout = httpx.Timeout(30.0, pool=5.0)  # a place kept by mistake fails the next call
    with make_client(server.url, pool_maxsize=1, max_retries=0, timeout=timeout) as client:
        with pytest.raises(exc.NotFoundError):
            client.request(MISSING_OP, cast_to=Run)
        for _event in client.request_stream(STREAM_OP):
            break
        assert client.request(GET_RUN, path_params={"id": 7}, cast_to=Run).id == 7
        assert admission(client)._free == 1
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    with make_client(f"http://127.0.0.1:{closed_port}", pool_maxsize=1, max_retries=0) as client:
        for _ in range(2):
            with pytest.raises(exc.APIConnectionError) as info:
                client.request(GET_RUN, path_params={"id": 7}, cast_to=Run)
            assert isinstance(info.value.__cause__, httpx.ConnectError)
        assert admission(client)._free == 1


def test_the_total_deadline_is_fitted_into_the_own_transport() -> None:
    """rtsafe's deadline streams (``_deadline.install``) and this transport's pool coexist."""
    with make_client("http://127.0.0.1:9") as client:
        pool = client._client._transport._pool
        assert type(pool).__name__ == "_SyncPool"
        assert type(pool._network_backend).__name__ == "_DeadlineBackend"


@pytest.mark.anyio
@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
async def test_the_total_deadline_bounds_the_time_queued(
    server: TestServer, is_async: bool
) -> None:
    """A call queued behind a held one, with a pool timeout far longer than its total_timeout:
    it ends by its deadline (the pool timeout is shortened to the time left), never sent."""
    gate = threading.Event()
    hold_runs_1(server, gate)
    # Should the wait outlast the deadline, the held call ends after a while and the queued one
    # gets its place: then its cause is not a PoolTimeout and the test fails (it cannot hang).
    watchdog = threading.Timer(10.0, gate.set)
    watchdog.start()
    make = make_async_client if is_async else make_client
    client: Any = make(server.url, pool_maxsize=1, max_retries=0, total_timeout=None)
    holder: Any
    if is_async:
        holder = asyncio.ensure_future(client.request(GET_RUN, path_params={"id": 1}, cast_to=Run))
    else:
        holder = threading.Thread(
            target=client.request,
            args=(GET_RUN,),
            kwargs={"path_params": {"id": 1}, "cast_to": Run},
        )
        holder.start()
    try:
        await await_for(lambda: server.seen("GET", "/runs/1") != [], "the first call to arrive")
        options = RequestOptions(timeout=30.0, total_timeout=0.3)
        with pytest.raises(exc.APITimeoutError, match="within its total_timeout of 0.3 s") as info:
            result = client.request(GET_RUN, path_params={"id": 2}, cast_to=Run, options=options)
            if is_async:
                await result
        assert isinstance(info.value.__cause__, httpx.PoolTimeout)
        assert paths(server) == ["/runs/1"]  # never sent
        assert not admission(client)._waiters
    finally:
        watchdog.cancel()
        gate.set()
        if is_async:
            await holder
        else:
            holder.join(20)
    assert admission(client)._free == 1
    await close(client)


# ----------------------------------------------------------------------------- admission (async)


@pytest.mark.anyio
async def test_async_pool_timeout_and_cancellation_leave_the_queue(server: TestServer) -> None:
    gate = threading.Event()
    hold_runs_1(server, gate)
    client = make_async_client(server.url, pool_maxsize=1, max_retries=0, timeout=SHORT_POOL)
    gate_keeper = admission(client)
    holder = asyncio.ensure_future(client.request(GET_RUN, path_params={"id": 1}, cast_to=Run))
    try:
        await await_for(lambda: server.seen("GET", "/runs/1") != [], "the first call to arrive")
        with pytest.raises(exc.APITimeoutError) as info:
            await client.request(GET_RUN, path_params={"id": 2}, cast_to=Run)
        assert isinstance(info.value.__cause__, httpx.PoolTimeout)
        assert not gate_keeper._waiters

        waiter = asyncio.ensure_future(client.request(GET_RUN, path_params={"id": 3}, cast_to=Run))
        await await_for(lambda: len(gate_keeper._waiters) == 1, "the call to queue")
        waiter.cancel()
        with pytest.raises(asyncio.CancelledError):
            await waiter
        assert not gate_keeper._waiters
        assert paths(server) == ["/runs/1"]
    finally:
        gate.set()
        await holder
    assert (await client.request(GET_RUN, path_params={"id": 4}, cast_to=Run)).id == 7
    assert paths(server) == ["/runs/1", "/runs/4"]
    assert gate_keeper._free == 1
    await client.aclose()


@pytest.mark.anyio
async def test_async_waiters_are_served_in_arrival_order(server: TestServer) -> None:
    gate = threading.Event()
    hold_runs_1(server, gate)
    client = make_async_client(server.url, pool_maxsize=1)
    gate_keeper = admission(client)
    tasks = [asyncio.ensure_future(client.request(GET_RUN, path_params={"id": 1}, cast_to=Run))]
    await await_for(lambda: server.seen("GET", "/runs/1") != [], "the first call to arrive")
    for n in range(2, 7):
        tasks.append(
            asyncio.ensure_future(client.request(GET_RUN, path_params={"id": n}, cast_to=Run))
        )
        await await_for(partial(queued, gate_keeper, n - 1), f"call {n} to queue")
    # One waiter gives up: the others keep their turn.
    tasks[3].cancel()
    gate.set()
    results = await asyncio.gather(*tasks, return_exceptions=True)
    assert isinstance(results[3], asyncio.CancelledError)
    assert paths(server) == ["/runs/1", "/runs/2", "/runs/3", "/runs/5", "/runs/6"]
    assert gate_keeper._free == 1 and not gate_keeper._waiters
    await client.aclose()


@pytest.mark.anyio
async def test_async_fan_out_wider_than_the_pool(server: TestServer) -> None:
    server.on("GET", "/runs/7", lambda r, n: envelope(RUN))
    client = make_async_client(server.url, pool_maxsize=4)
    runs = await asyncio.gather(
        *(client.request(GET_RUN, path_params={"id": 7}, cast_to=Run) for _ in range(300))
    )
    assert len(runs) == 300 and all(run.id == 7 for run in runs)
    assert len(client._client._transport._pool.connections) <= 4
    assert admission(client)._free == 4 and not admission(client)._waiters
    await client.aclose()


# ----------------------------------------------------------------------------- assignment


class ClosingServer:
    """Answers one request per connection, then closes it without ``Connection: close``.

    The client's pool keeps each connection as idle and reusable; reusing one would fail.
    """

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self.closed = threading.Semaphore(0)
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.connections += 1
            with conn:
                data = b""
                while b"\r\n\r\n" not in data:
                    chunk = conn.recv(65536)
                    if not chunk:
                        break
                    data += chunk
                head = b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n"
                conn.sendall(head + b"content-length: %d\r\n\r\n" % len(RUN_BODY) + RUN_BODY)
            self.closed.release()

    def close(self) -> None:
        self.sock.close()


@pytest.fixture
def closing_server() -> Iterator[ClosingServer]:
    server = ClosingServer()
    yield server
    server.close()


def test_sync_connection_closed_by_the_server_is_not_reused(
    closing_server: ClosingServer,
) -> None:
    with make_client(f"http://127.0.0.1:{closing_server.port}", max_retries=0) as client:
        for _ in range(3):
            assert client.request(GET_RUN, path_params={"id": 7}, cast_to=Run).id == 7
            assert closing_server.closed.acquire(timeout=20)
    assert closing_server.connections == 3


@pytest.mark.anyio
async def test_async_connection_closed_by_the_server_is_not_reused(
    closing_server: ClosingServer,
) -> None:
    url = f"http://127.0.0.1:{closing_server.port}"
    async with make_async_client(url, max_retries=0) as client:
        for _ in range(3):
            assert (await client.request(GET_RUN, path_params={"id": 7}, cast_to=Run)).id == 7
            await await_for(lambda: closing_server.closed.acquire(blocking=False), "the close")
    assert closing_server.connections == 3


# ----------------------------------------------------------------------------- cookies


def cookie_routes(server: TestServer) -> None:
    sticky = Reply(json={"success": True, "data": RUN}, headers={"set-cookie": "lb=node-2; Path=/"})
    server.on("GET", "/runs/1", lambda r, n: sticky)
    server.on("GET", "/runs/7", lambda r, n: envelope(RUN))


def test_sync_cookies_set_by_the_server_go_back(server: TestServer) -> None:
    cookie_routes(server)
    with make_client(server.url) as client:
        client.request(GET_RUN, path_params={"id": 7}, cast_to=Run)
        client.request(GET_RUN, path_params={"id": 1}, cast_to=Run)
        client.request(GET_RUN, path_params={"id": 7}, cast_to=Run)
        assert client._client.cookies.get("lb") == "node-2"
    assert [s.headers.get("cookie") for s in server.seen()] == [None, None, "lb=node-2"]


@pytest.mark.anyio
async def test_async_cookies_set_by_the_server_go_back(server: TestServer) -> None:
    cookie_routes(server)
    async with make_async_client(server.url) as client:
        await client.request(GET_RUN, path_params={"id": 1}, cast_to=Run)
        await client.request(GET_RUN, path_params={"id": 7}, cast_to=Run)
    assert [s.headers.get("cookie") for s in server.seen()] == [None, "lb=node-2"]


# ----------------------------------------------------------------------------- TLS when needed


def _ca_count(context: ssl.SSLContext) -> int:
    return int(context.cert_store_stats()["x509_ca"])


@pytest.mark.parametrize("transport_class", [SyncTransport, AsyncTransport])
def test_the_ca_bundle_is_loaded_at_the_first_https_connection(transport_class: Any) -> None:
    """Until a TLS connection is made the pool holds a context that verifies against no CA
    (a handshake would fail, never go unverified); the first ``https`` connection gets
    httpx's own context: hostname checked, certificates required, the CA bundle loaded."""
    transport = transport_class(verify=True, limits=httpx.Limits(max_connections=2))
    pool = transport._pool
    placeholder = pool._ssl_context
    assert placeholder.verify_mode == ssl.CERT_REQUIRED and placeholder.check_hostname
    assert _ca_count(placeholder) == 0
    pool.create_connection(httpcore.Origin(b"http", b"127.0.0.1", 80))
    assert pool._ssl_context is placeholder  # plain HTTP needs no TLS
    pool.create_connection(httpcore.Origin(b"https", b"example.com", 443))
    context = pool._ssl_context
    assert context is not placeholder and _ca_count(context) > 0
    assert context.verify_mode == ssl.CERT_REQUIRED and context.check_hostname
    pool.create_connection(httpcore.Origin(b"https", b"example.org", 443))
    assert pool._ssl_context is context  # built once


@pytest.mark.parametrize("transport_class", [SyncTransport, AsyncTransport])
def test_a_given_ssl_setting_is_used_as_given(transport_class: Any) -> None:
    limits = httpx.Limits(max_connections=2)
    mine = ssl.create_default_context()
    assert transport_class(verify=mine, limits=limits)._pool._ssl_context is mine
    unverified = transport_class(verify=False, limits=limits)._pool._ssl_context
    assert unverified.verify_mode == ssl.CERT_NONE


def test_an_https_call_to_a_plain_http_server_fails_in_the_handshake(server: TestServer) -> None:
    """The deferred context is really used: TLS is attempted (and fails: the server speaks
    plain HTTP), with the client's usual error."""
    server.on("GET", "/runs/7", lambda r, n: envelope(RUN))
    url = server.url.replace("http://", "https://")
    with make_client(url, max_retries=0) as client, pytest.raises(exc.APIConnectionError):
        client.request(GET_RUN, path_params={"id": 7}, cast_to=Run)


# ------------------------------------------------------------------------ another event loop


def test_an_async_client_used_again_from_a_new_loop_says_what_to_do(server: TestServer) -> None:
    # The README's advice (one async client per event loop), made an error message: a pooled
    # connection of a loop that has ended used to surface as asyncio's "Event loop is closed".
    server.on("GET", "/runs/7", lambda r, n: envelope(RUN))
    client = make_async_client(server.url, max_retries=0)

    async def one() -> int:
        return (await client.request(GET_RUN, path_params={"id": 7}, cast_to=Run)).id

    assert asyncio.run(one()) == 7
    with pytest.raises(RuntimeError, match="make an async client in each event loop") as info:
        asyncio.run(one())
    assert "runs.get: this AsyncAPIClient was used in an event loop that has ended" in str(
        info.value
    )
    assert isinstance(info.value.__cause__, RuntimeError)
