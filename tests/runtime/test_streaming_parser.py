"""The event-stream parser (``_streaming._Parser``): the HTML standard's rules, chunk boundaries
anywhere, bounds on a line and an event; checked against httpx-sse's decoder where the two
agree, and over a real socket for what a hostile server can send."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx_sse
import pytest
from httpx_sse._decoders import SSEDecoder, SSELineDecoder
from runrl_rt import _streaming
from runrl_rt._base_client import Operation
from runrl_rt._exceptions import ResponseValidationError
from runrl_rt._streaming import ServerSentEvent
from tests.runtime.helpers import make_async_client, make_client
from tests.runtime.server import Reply, Seen, TestServer

STREAM = Operation("GET", "/runs/{id}/logs/stream", stream=True, qualified_name="runs.stream_logs")
SSE = {"content-type": "text/event-stream"}

# Streams on which the standard, httpx-sse and this parser agree.
STREAMS = [
    'id: 1\ndata: first line\n\nevent: metric\nid: 2\ndata: {"loss": 0.5}\n\n',
    "data: a\ndata:  two spaces\ndata\ndata:\n\n: a comment\n\n"
    "data:b\r\n\r\ndata: c\r\rdata: d\n\n",
    "retry: 50\n\nid: 1\ndata: a\n\ndata: b\n\nevent: ping\n\nid: 9\n\n",
    "event: message\n\nunknown: x\ndata: kept\nid: 3\x00\n\nevent: named\ndata\n\n",
    "data: ünïcødé ✓ 🙂\n\n" * 3 + "data: no end",
]


def reference(text: str) -> list[tuple[str, str, str | None, int | None]]:
    """httpx-sse's reading of ``text``, with the client's rule for bookkeeping blocks."""
    lines, decoder, out = SSELineDecoder(), SSEDecoder(), []
    for line in lines.decode(text) + lines.flush():
        sse = decoder.decode(line.rstrip("\n"))
        if sse is not None and (sse.data or sse.event != "message"):
            out.append((sse.data, sse.event, sse.id or None, sse.retry))
    return out


def parse(chunks: list[str]) -> list[tuple[str, str, str | None, int | None]]:
    parser = _streaming._Parser()
    events = [e for chunk in chunks for e in parser.feed(chunk)]
    assert all(type(e) is ServerSentEvent for e in events)
    return [(e.data, e.event, e.id, e.retry) for e in events]


@pytest.mark.parametrize("text", STREAMS)
def test_same_events_as_httpx_sse_wherever_the_chunks_split(text: str) -> None:
    expected = reference(text)
    assert expected  # the streams are not trivially empty
    assert parse([text]) == expected
    for cut in range(1, len(text)):
        assert parse([text[:cut], text[cut:]]) == expected, cut
    assert parse(list(text)) == expected  # one character at a time: CRLF split, every field


def test_what_the_standard_says_and_httpx_sse_does_not() -> None:
    # a leading BOM is dropped (once); retry is digits only; a huge retry is not converted
    # (the second BOM is part of a field name, "\ufeffdata": ignored, nothing to yield)
    assert parse(["\ufeffdata: a\n\n\ufeffdata: b\n\n"]) == [("a", "message", None, None)]
    assert parse(["\ufeff", "data: a\n\n"]) == [("a", "message", None, None)]
    assert parse(["retry: +5\ndata: a\n\nretry: 1_0\ndata: b\n\n"]) == [
        ("a", "message", None, None),
        ("b", "message", None, None),
    ]
    parser = _streaming._Parser()
    assert parser.feed("retry: " + "9" * 5000 + "\n\n") == []
    assert parser.retry_ms is not None and parser.retry_ms >= 60_000
    # the last id survives a new connection; the half-read block does not
    parser = _streaming._Parser()
    assert parser.feed("id: 7\ndata: a\n\nid: 8\ndata: half") and parser.last_id == "7"
    parser.restart()  # the half block's id never counted
    assert [e.id for e in parser.feed("data: b\n\n")] == ["7"] and parser.last_id == "7"


def test_a_line_and_an_event_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_streaming, "MAX_LINE", 100)
    monkeypatch.setattr(_streaming, "MAX_EVENT_DATA", 1000)
    parser = _streaming._Parser()
    parser.feed("data: " + "x" * 90)
    with pytest.raises(_streaming._TooLong, match="line longer than 100"):
        for _ in range(10):
            parser.feed("x")
    parser = _streaming._Parser()
    with pytest.raises(_streaming._TooLong, match="line longer than 100"):
        parser.feed("data: " + "y" * 50)
        parser.feed("y" * 50 + "\n")
    parser = _streaming._Parser()
    with pytest.raises(_streaming._TooLong, match="more than 1000 characters"):
        for _ in range(20):
            parser.feed("data: " + "z" * 80 + "\n")
    # lines within the bound, in any number of events, are fine
    parser = _streaming._Parser()
    for _ in range(100):
        assert len(parser.feed("data: " + "z" * 80 + "\n\n")) == 1


def endless(piece: bytes, count: int) -> Any:
    def handler(request: Seen, n: int) -> Reply:
        async def chunks() -> AsyncIterator[bytes]:
            yield b"id: 1\ndata: fine\n\n"
            for _ in range(count):
                yield piece

        return Reply(headers=SSE, stream=chunks)

    return handler


def test_a_server_that_never_ends_a_line_is_refused(
    monkeypatch: pytest.MonkeyPatch, server: TestServer
) -> None:
    monkeypatch.setattr(_streaming, "MAX_LINE", 10_000)
    monkeypatch.setattr(_streaming, "MAX_EVENT_DATA", 50_000)
    server.on("GET", "/runs/7/logs/stream", endless(b"x" * 1000, 100))
    server.on("GET", "/runs/8/logs/stream", endless(b"data: " + b"y" * 900 + b"\n", 100))
    with make_client(server.url) as client:
        stream = client.request_stream(STREAM, path_params={"id": 7})
        assert next(stream).data == "fine"
        with pytest.raises(ResponseValidationError, match="runs.stream_logs: .* line longer"):
            next(stream)
        with pytest.raises(ResponseValidationError, match="more than 50000 characters"):
            list(client.request_stream(STREAM, path_params={"id": 8}))
    assert len(server.seen(path="/runs/7/logs/stream")) == 1  # refused, not reopened


@pytest.mark.anyio
async def test_async_bounds(monkeypatch: pytest.MonkeyPatch, server: TestServer) -> None:
    monkeypatch.setattr(_streaming, "MAX_LINE", 10_000)
    server.on("GET", "/runs/7/logs/stream", endless(b"x" * 1000, 100))
    async with make_async_client(server.url) as client:
        with pytest.raises(ResponseValidationError, match="line longer"):
            [e async for e in client.request_stream(STREAM, path_params={"id": 7})]


def test_the_event_is_still_httpx_sses() -> None:
    assert issubclass(ServerSentEvent, httpx_sse.ServerSentEvent)
