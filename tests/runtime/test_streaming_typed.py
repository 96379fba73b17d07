"""Typed event streams: each event's data validated as the declared type, once per event,
with one TypeAdapter per type; the raw events on request; resume and errors as untyped."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any, Union

import pydantic
import pytest
from runrl_rt import _streaming
from runrl_rt._base_client import Operation
from runrl_rt._exceptions import ResponseValidationError
from runrl_rt._streaming import ServerSentEvent
from tests.runtime.helpers import Sleeps, make_async_client, make_client
from tests.runtime.server import Reply, Seen, TestServer

STREAM = Operation("GET", "/runs/{id}/logs/stream", stream=True, qualified_name="runs.stream_logs")
SSE = {"content-type": "text/event-stream"}
BODY = (
    b"retry: 50\n\n"
    b'id: 1\ndata: {"line": 1, "message": "a"}\n\n'
    b"event: ping\n\n"  # a named event without data: nothing to validate, skipped
    b'id: 2\ndata: {"line": 2,\ndata:  "message": "b", "extra": true}\n\n'
)


class Log(pydantic.BaseModel):
    line: int
    message: str


def reply(body: bytes, cut: bool = False) -> Any:
    def handler(request: Seen, n: int) -> Reply:
        async def chunks() -> AsyncIterator[bytes]:
            yield body

        return Reply(headers=SSE, stream=chunks, cut=cut)

    return handler


def test_events_are_validated_as_the_declared_type(server: TestServer) -> None:
    server.on("GET", "/runs/7/logs/stream", reply(BODY))
    with make_client(server.url) as client:
        events = list(client.request_stream(STREAM, path_params={"id": 7}, event_type=Log))
        assert events == [Log(line=1, message="a"), Log(line=2, message="b")]
        # a type expression too (an itemSchema's oneOf), and the raw events on request
        union = Union[Log, int]
        assert list(client.request_stream(STREAM, path_params={"id": 7}, event_type=union)) == [
            Log(line=1, message="a"),
            Log(line=2, message="b"),
        ]
        raw = client.request_stream(STREAM, path_params={"id": 7}, event_type=Log).events()
        seen = list(raw)  # the id is the last one seen on the stream, as the SSE spec says
        assert [(e.id, e.event) for e in seen] == [
            ("1", "message"),
            ("1", "ping"),
            ("2", "message"),
        ]
        assert all(isinstance(e, ServerSentEvent) for e in seen)


def test_one_adapter_per_type(monkeypatch: pytest.MonkeyPatch, server: TestServer) -> None:
    """The TypeAdapter is built once per type, not per event nor per stream."""
    built: list[Any] = []
    real = pydantic.TypeAdapter

    class Counting(real):  # type: ignore[misc, valid-type]
        def __init__(self, tp: Any, *args: Any, **kwargs: Any) -> None:
            built.append(tp)
            super().__init__(tp, *args, **kwargs)

    class Fresh(Log):
        pass

    monkeypatch.setattr(_streaming.pydantic, "TypeAdapter", Counting)
    server.on("GET", "/runs/7/logs/stream", reply(BODY))
    with make_client(server.url) as client:
        for _ in range(3):
            assert (
                len(list(client.request_stream(STREAM, path_params={"id": 7}, event_type=Fresh)))
                == 2
            )
    assert built == [Fresh]
    assert _streaming.decoder(Fresh) is _streaming.decoder(Fresh)


def test_data_that_does_not_match_is_a_validation_error(server: TestServer) -> None:
    bad = b'id: 1\ndata: {"line": 1, "message": "a"}\n\nid: 2\ndata: {"line": "x"}\n\n'
    server.on("GET", "/runs/7/logs/stream", reply(bad))
    server.on("GET", "/runs/8/logs/stream", reply(b"id: 5\ndata: not json\n\n"))
    with make_client(server.url) as client:
        stream = client.request_stream(STREAM, path_params={"id": 7}, event_type=Log)
        assert next(stream) == Log(line=1, message="a")
        with pytest.raises(ResponseValidationError) as info:
            next(stream)
        message = str(info.value)
        assert "runs.stream_logs" in message and "'2'" in message and "at line" in message
        assert "more problem" in message  # line and message both wrong; the input not echoed
        with pytest.raises(ResponseValidationError, match="id '5'"):
            list(client.request_stream(STREAM, path_params={"id": 8}, event_type=Log))


def test_events_must_be_asked_for_before_iterating(server: TestServer) -> None:
    server.on("GET", "/runs/7/logs/stream", reply(BODY))
    with make_client(server.url) as client:
        stream = client.request_stream(STREAM, path_params={"id": 7}, event_type=Log)
        stream.close()  # nothing opened yet: no request
        assert server.seen(path="/runs/7/logs/stream") == []
        assert next(stream) == Log(line=1, message="a")
        with pytest.raises(RuntimeError, match="before"):
            stream.events()
        stream.close()
        untyped = client.request_stream(STREAM, path_params={"id": 7})
        assert next(untyped).id == "1" and next(untyped.events()).event == "ping"


def test_typed_stream_resumes_after_a_cut(server: TestServer) -> None:
    def handler(request: Seen, n: int) -> Reply:
        if n == 1:
            return reply(b'id: 1\ndata: {"line": 1, "message": "a"}\n\n', cut=True)(request, n)
        assert request.headers["last-event-id"] == "1"
        return reply(b'id: 2\ndata: {"line": 2, "message": "b"}\n\n')(request, n)

    server.on("GET", "/runs/7/logs/stream", handler)
    with make_client(server.url, Sleeps()) as client:
        lines = [
            e.line for e in client.request_stream(STREAM, path_params={"id": 7}, event_type=Log)
        ]
    assert lines == [1, 2]


@pytest.mark.anyio
async def test_async_typed_stream(server: TestServer) -> None:
    server.on("GET", "/runs/7/logs/stream", reply(BODY))
    async with make_async_client(server.url) as client:
        stream = client.request_stream(STREAM, path_params={"id": 7}, event_type=Log)
        assert [e.message async for e in stream] == ["a", "b"]
        async with client.request_stream(STREAM, path_params={"id": 7}, event_type=Log) as events:
            assert await events.__anext__() == Log(line=1, message="a")
        raw = client.request_stream(STREAM, path_params={"id": 7}, event_type=Log).events()
        assert [e.id async for e in raw] == ["1", "1", "2"]
        await asyncio.sleep(0)


DONE = (
    b'data: {"line": 1, "message": "a"}\n\n'
    b"data: [DONE]\n\n"  # OpenAI's (and OpenAI-compatible servers') end of the stream
    b'data: {"line": 2, "message": "never read"}\n\n'
)


def test_a_done_sentinel_ends_a_typed_stream(server: TestServer) -> None:
    """``data: [DONE]`` (never JSON) ends a typed stream instead of failing validation after
    every event was delivered; ``events()`` still shows it, as it shows every event."""
    server.on("GET", "/runs/7/logs/stream", reply(DONE))
    with make_client(server.url) as client:
        typed = client.request_stream(STREAM, path_params={"id": 7}, event_type=Log)
        assert list(typed) == [Log(line=1, message="a")]
        raw = client.request_stream(STREAM, path_params={"id": 7}, event_type=Log).events()
        assert [e.data for e in raw][1] == "[DONE]"


@pytest.mark.anyio
async def test_a_done_sentinel_ends_an_async_typed_stream(server: TestServer) -> None:
    server.on("GET", "/runs/7/logs/stream", reply(DONE))
    async with make_async_client(server.url) as client:
        stream = client.request_stream(STREAM, path_params={"id": 7}, event_type=Log)
        assert [e.line async for e in stream] == [1]
