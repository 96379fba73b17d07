"""Server-Sent Events: incremental delivery, resume with Last-Event-ID, early close, errors."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import AsyncIterator
from typing import Any

import pytest
from runrl_rt._base_client import Operation, RequestOptions
from runrl_rt._exceptions import APIConnectionError, NotFoundError, ResponseValidationError
from runrl_rt._streaming import ServerSentEvent
from tests.runtime.helpers import Sleeps, make_async_client, make_client
from tests.runtime.server import Reply, Seen, TestServer

STREAM = Operation("GET", "/runs/{id}/logs/stream", stream=True, operation_id="runs.stream_logs")
SSE = {"content-type": "text/event-stream"}


def gated_stream(gate: threading.Event) -> Any:
    def handler(request: Seen, n: int) -> Reply:
        async def chunks() -> AsyncIterator[bytes]:
            yield b"id: 1\ndata: first line\n\n"
            # The second event is only sent once the client has seen the first one.
            for _ in range(500):
                if gate.is_set():
                    break
                await asyncio.sleep(0.01)
            yield b'event: metric\nid: 2\ndata: {"loss": 0.5}\n\n'

        return Reply(headers=SSE, stream=chunks)

    return handler


def test_events_arrive_incrementally(server: TestServer) -> None:
    gate = threading.Event()
    server.on("GET", "/runs/7/logs/stream", gated_stream(gate))
    with make_client(server.url) as client:
        events = client.request_stream(STREAM, path_params={"id": 7})
        started = time.monotonic()
        first = next(events)
        assert time.monotonic() - started < 2.5  # not after the server's 5 s gate timeout
        assert isinstance(first, ServerSentEvent)
        assert (first.data, first.event, first.id, str(first)) == (
            "first line",
            "message",
            "1",
            "first line",
        )
        gate.set()
        second = next(events)
        assert second.event == "metric" and second.json() == {"loss": 0.5} and second.id == "2"
        assert list(events) == []
    headers = server.seen()[0].headers
    assert headers["accept"] == "text/event-stream" and "last-event-id" not in headers


def resumable(request: Seen, n: int) -> Reply:
    async def first() -> AsyncIterator[bytes]:
        yield b"retry: 10\n\n"
        for i in (1, 2, 3):
            yield f"id: {i}\ndata: line {i}\n\n".encode()

    async def rest() -> AsyncIterator[bytes]:
        for i in (4, 5):
            yield f"id: {i}\ndata: line {i}\n\n".encode()

    if n == 0:
        return Reply(headers=SSE, stream=first, cut=True)  # the connection drops mid-stream
    assert request.headers["last-event-id"] == "3"
    return Reply(headers=SSE, stream=rest)


def test_resume_with_last_event_id_after_a_cut(server: TestServer) -> None:
    server.on("GET", "/runs/7/logs/stream", resumable)
    sleeps = Sleeps()
    with make_client(server.url, sleeps) as client:
        data = [e.data for e in client.request_stream(STREAM, path_params={"id": 7})]
    assert data == [f"line {i}" for i in range(1, 6)]
    assert sleeps.calls == [0.01]  # the server's `retry: 10` (ms)
    assert [s.headers.get("last-event-id") for s in server.seen()] == [None, "3"]


@pytest.mark.anyio
async def test_async_resume_and_incremental(server: TestServer) -> None:
    server.on("GET", "/runs/7/logs/stream", resumable)
    gate = threading.Event()
    server.on("GET", "/runs/8/logs/stream", gated_stream(gate))
    async with make_async_client(server.url) as client:
        events = client.request_stream(STREAM, path_params={"id": 7})
        assert [e.data async for e in events] == [f"line {i}" for i in range(1, 6)]
        stream = client.request_stream(STREAM, path_params={"id": 8})
        started = time.monotonic()
        first = await stream.__anext__()
        assert first.data == "first line" and time.monotonic() - started < 2.5
        gate.set()
        assert [e.id async for e in stream] == ["2"]


def endless(request: Seen, n: int) -> Reply:
    async def chunks() -> AsyncIterator[bytes]:
        for i in range(1000):
            yield f"data: {i}\n\n".encode()
            await asyncio.sleep(0.01)

    return Reply(headers=SSE, stream=chunks)


def test_stopping_early_closes_the_connection(server: TestServer) -> None:
    server.on("GET", "/runs/7/logs/stream", endless)
    with make_client(server.url) as client:
        for event in client.request_stream(STREAM, path_params={"id": 7}):
            if event.data == "2":
                break
        assert server.disconnected.wait(5)
        server.disconnected.clear()
        with client.request_stream(STREAM, path_params={"id": 7}) as events:
            assert next(events).data == "0"
        assert server.disconnected.wait(5)


@pytest.mark.anyio
async def test_async_stopping_early_closes_the_connection(server: TestServer) -> None:
    server.on("GET", "/runs/7/logs/stream", endless)
    async with make_async_client(server.url) as client:
        async with client.request_stream(STREAM, path_params={"id": 7}) as events:
            async for event in events:
                if event.data == "2":
                    break
        # Leaving the block closed the connection, without waiting for garbage collection.
        assert await asyncio.get_running_loop().run_in_executor(None, server.disconnected.wait, 5)
        server.disconnected.clear()
        stream = client.request_stream(STREAM, path_params={"id": 7})
        assert (await stream.__anext__()).data == "0"
        await stream.aclose()
        assert await asyncio.get_running_loop().run_in_executor(None, server.disconnected.wait, 5)


def test_bounded_reconnects_and_errors(server: TestServer) -> None:
    def always_cut(request: Seen, n: int) -> Reply:
        async def chunks() -> AsyncIterator[bytes]:
            yield b""

        return Reply(headers=SSE, stream=chunks, cut=True)

    server.on("GET", "/runs/7/logs/stream", always_cut)
    server.on("GET", "/runs/8/logs/stream", lambda r, n: Reply(json={"data": []}))
    sleeps = Sleeps()
    with make_client(server.url, sleeps) as client:
        with pytest.raises(APIConnectionError, match="event stream broke off"):
            list(client.request_stream(STREAM, path_params={"id": 7}))
        assert len(server.seen(path="/runs/7/logs/stream")) == 3  # 1 + max_retries reconnects
        assert sleeps.calls == [0.5, 1.0]  # retry_backoff_factor (0.5), doubled
        sleeps.calls.clear()
        options = RequestOptions(max_retries=3, retry_backoff_factor=0.1)  # per call
        with pytest.raises(APIConnectionError):
            list(client.request_stream(STREAM, path_params={"id": 7}, options=options))
        assert sleeps.calls == [0.1, 0.2, 0.4]
        with pytest.raises(NotFoundError):  # raised when iteration starts
            next(client.request_stream(STREAM, path_params={"id": 9}))
        with pytest.raises(ResponseValidationError, match="text/event-stream"):
            next(client.request_stream(STREAM, path_params={"id": 8}))


def test_event_json_errors_are_typed() -> None:
    with pytest.raises(ResponseValidationError, match="does not carry JSON"):
        ServerSentEvent(data="not json").json()


def test_event_is_a_read_only_value() -> None:
    """The event is a subclass of httpx-sse's, filled by the parser directly: built by hand
    it behaves as a frozen value — compared, hashed and shown by its four fields, ``id``
    ``None`` when absent — and the parser's own objects come out as the same type."""
    import httpx_sse

    event = ServerSentEvent(data="x", event="log", id="3", retry=10)
    assert isinstance(event, httpx_sse.ServerSentEvent)
    assert event == ServerSentEvent("x", "log", "3", 10) and event != ServerSentEvent("x")
    assert len({event, ServerSentEvent("x", "log", "3", 10)}) == 1
    assert repr(event) == "ServerSentEvent(data='x', event='log', id='3', retry=10)"
    assert ServerSentEvent(data="y").id is None and ServerSentEvent().event == "message"
    with pytest.raises(AttributeError):
        event.data = "changed"  # type: ignore[misc]


def test_parsed_events_are_typed_and_bookkeeping_blocks_dropped(server: TestServer) -> None:
    body = b"retry: 50\n\nid: 1\ndata: a\n\ndata: b\n\nevent: ping\n\nid: 9\n\n"
    server.on("GET", "/runs/7/logs/stream", lambda r, n: Reply(headers=SSE, body=body))
    with make_client(server.url) as client:
        events = list(client.request_stream(STREAM, path_params={"id": 7}))
    assert [type(e) for e in events] == [ServerSentEvent] * 3
    assert events == [
        ServerSentEvent("a", "message", "1"),
        ServerSentEvent("b", "message", "1"),  # the id carries over, as the SSE spec says
        ServerSentEvent("", "ping", "1"),  # a named event without data is kept
    ]


def test_a_stream_opened_by_a_post_sends_its_body_on_every_connection(server: TestServer) -> None:
    """A stream that answers a POST (e.g. a generation) carries the JSON body, also when it is
    reopened with Last-Event-ID after a cut."""
    op = Operation("POST", "/generate", stream=True, operation_id="generate")

    def handler(request: Seen, n: int) -> Reply:
        async def chunks() -> AsyncIterator[bytes]:
            yield f"id: {n}\ndata: part {n}\n\n".encode()

        return Reply(headers=SSE, stream=chunks, cut=n == 0)

    server.on("POST", "/generate", handler)
    with make_client(server.url, Sleeps()) as client:
        events = list(client.request_stream(op, json={"prompt": "hi"}))
    assert [e.data for e in events] == ["part 0", "part 1"]
    seen = server.seen()
    assert [r.json() for r in seen] == [{"prompt": "hi"}] * 2
    assert [r.headers.get("last-event-id") for r in seen] == [None, "0"]


def test_the_httpx_sse_fields_the_event_loop_reads_directly() -> None:
    """The parser fills httpx-sse's ``_data``/``_event``/``_id``/``_retry`` directly (no
    ``__init__`` per event) and the stream loop reads them (its properties cost more than the
    loop's own work). If an httpx-sse release in the supported range renamed them, this fails
    here instead of streams failing for users."""
    import httpx_sse

    event = httpx_sse.ServerSentEvent(event="log", data="x", id="3", retry=5)
    assert (event._data, event._event, event._id, event._retry) == ("x", "log", "3", 5)
    assert httpx_sse.ServerSentEvent()._event == "message"
