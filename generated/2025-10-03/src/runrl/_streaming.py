# Generated from templates/runtime/_streaming.py.jinja. Do not edit by hand.
"""Server-Sent Events: typed events, incremental iteration, and resuming a dropped stream.

Parsing is left to ``httpx-sse``; this module adds what an SDK needs on top: events are
yielded as they arrive, a stream that breaks is reopened with ``Last-Event-ID`` (a bounded
number of times), and the connection is closed as soon as the consumer stops iterating.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import AsyncGenerator, Awaitable, Callable, Generator
from typing import Any

import httpx
from httpx_sse import EventSource, SSEError
from httpx_sse import ServerSentEvent as _ParsedEvent

from ._exceptions import APIConnectionError, APITimeoutError, ResponseValidationError

__all__ = ["AsyncEventStream", "EventStream", "ServerSentEvent", "aiter_events", "iter_events"]

logger = logging.getLogger("runrl")

# Upper bound of the pause before reopening a stream when the server did not send `retry:`.
_MAX_RECONNECT_DELAY = 8.0
# Upper bound of the pause a server can ask for with `retry:` (as for Retry-After).
MAX_SERVER_RETRY = 60.0


class ServerSentEvent(_ParsedEvent):
    """One server-sent event.

    ``data`` is the payload (lines joined with ``\\n``), ``event`` the type (``"message"`` when
    the server named none), ``id`` the last event id seen on the stream (``None`` if none) and
    ``retry`` the reconnection delay in milliseconds the server asked for, if any; all
    read-only. ``str(event)`` is its data, so code that prints the events of a stream as text
    keeps working. Events compare equal when all four fields are equal.

    It is httpx-sse's own event object, retyped as it leaves the parser rather than copied: a
    long stream then costs one object per event, not two.
    """

    def __init__(
        self,
        data: str = "",
        event: str = "message",
        id: str | None = None,
        retry: int | None = None,
    ) -> None:
        super().__init__(event=event, data=data, id=id, retry=retry)

    @property
    def id(self) -> str | None:  # type: ignore[override]  # httpx-sse spells "no id" as ""
        return super().id or None

    def json(self) -> Any:
        """The data decoded as JSON; ``ResponseValidationError`` if it is not JSON."""
        try:
            return json.loads(self.data)
        except (ValueError, RecursionError) as exc:  # RecursionError: absurdly deep nesting
            raise ResponseValidationError(
                f"event {self.event!r} (id {self.id!r}) does not carry JSON data: {exc}"
            ) from exc

    def __str__(self) -> str:
        return self.data

    def __repr__(self) -> str:
        return (
            f"ServerSentEvent(data={self.data!r}, event={self.event!r}, id={self.id!r}, "
            f"retry={self.retry!r})"
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ServerSentEvent):
            return NotImplemented
        return (self.data, self.event, self.id, self.retry) == (
            other.data,
            other.event,
            other.id,
            other.retry,
        )

    def __hash__(self) -> int:
        return hash((self.data, self.event, self.id, self.retry))


def _reconnect_delay(failures: int, retry_ms: int | None, backoff_factor: float) -> float:
    if retry_ms is not None:
        # Untrusted: `retry: 3600000` must not put the client to sleep for an hour. Capped as
        # an integer first, since a huge one does not even convert to a float.
        return max(min(retry_ms, int(MAX_SERVER_RETRY * 1000)), 0) / 1000.0
    return min(backoff_factor * 2.0 ** (failures - 1), _MAX_RECONNECT_DELAY)


def _connection_error(exc: httpx.TransportError) -> APIConnectionError:
    if isinstance(exc, httpx.TimeoutException):
        return APITimeoutError(f"event stream timed out: {exc}")
    return APIConnectionError(f"event stream broke off: {exc}")


class EventStream:
    """The events of one Server-Sent Events stream, as they arrive.

    ``for event in stream`` yields ``ServerSentEvent`` objects; the HTTP request is made
    when iteration starts. ``with stream:`` (or ``stream.close()``) closes the
    connection at once when the consumer stops early; otherwise it is closed when the stream
    ends or the object is garbage collected.
    """

    def __init__(self, events: Generator[ServerSentEvent, None, None]) -> None:
        self._events = events

    def __iter__(self) -> Generator[ServerSentEvent, None, None]:
        # The generator itself: `for` then resumes it directly, without a call of
        # __next__ per event.
        return self._events

    def __next__(self) -> ServerSentEvent:
        return next(self._events)

    def close(self) -> None:
        """Stop the stream and close its connection."""
        self._events.close()

    def __enter__(self) -> EventStream:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def iter_events(
    connect: Callable[[str | None], httpx.Response],
    *,
    max_reconnects: int,
    backoff_factor: float = 0.5,
    sleep: Callable[[float], None] = time.sleep,
) -> EventStream:
    """The events of a stream, reopening it if the connection drops.

    ``connect(last_event_id)`` opens the stream (a streamed, successful ``httpx.Response``);
    on a transport error in the middle of the stream it is called again with the id of the last
    event received, after the delay the server asked for (``retry:``, at most 60 s) or else a
    backoff of ``backoff_factor * 2**(n - 1)`` seconds (at most 8) before the n-th attempt in a
    row. After
    ``max_reconnects`` failures in a row without any event in between, the error is raised as
    ``APIConnectionError``. A stream the server ends cleanly is not reopened.
    """
    return EventStream(_iter_events(connect, max_reconnects, backoff_factor, sleep))


def _iter_events(
    connect: Callable[[str | None], httpx.Response],
    max_reconnects: int,
    backoff_factor: float,
    sleep: Callable[[float], None],
) -> Generator[ServerSentEvent, None, None]:
    last_event_id: str | None = None
    retry_ms: int | None = None
    failures = 0
    retyped = ServerSentEvent
    while True:
        response = connect(last_event_id)
        events = EventSource(response).iter_sse()
        # The parser carries the last event id from event to event, so the last event seen on
        # this connection holds it; read once, when the connection ends (per event it would
        # cost as much as the rest of this loop).
        last: _ParsedEvent | None = None
        try:
            for sse in events:
                last = sse
                # httpx-sse's fields read directly: its properties would cost more than the
                # rest of this loop (tests/runtime/test_streaming.py pins these names).
                if sse._retry is not None:
                    retry_ms = sse._retry
                if not sse._data and sse._event == "message":
                    # A block with only id:/retry: fields is bookkeeping, not an event (the
                    # SSE spec dispatches nothing without data); a named event is kept.
                    continue
                sse.__class__ = retyped
                yield sse  # type: ignore[misc]  # retyped to ServerSentEvent on the line above
            return
        except SSEError as exc:
            raise ResponseValidationError(
                f"expected an event stream: {exc}", response=response
            ) from exc
        except httpx.DecodingError as exc:
            raise ResponseValidationError(
                f"the event stream could not be decoded: {exc}", response=response
            ) from exc
        except httpx.TransportError as exc:
            failures = 1 if last is not None else failures + 1
            if last is not None and last.id:
                last_event_id = last.id
            if failures > max_reconnects:
                raise _connection_error(exc) from exc
            logger.debug(
                "event stream broke off (%s); reconnecting with Last-Event-ID %r, attempt %d",
                type(exc).__name__,
                last_event_id,
                failures,
            )
        finally:
            response.close()
        sleep(_reconnect_delay(failures, retry_ms, backoff_factor))


class AsyncEventStream:
    """The events of one Server-Sent Events stream, as they arrive.

    ``async for event in stream`` yields ``ServerSentEvent`` objects; the HTTP request is made
    when iteration starts. ``async with stream:`` (or ``await stream.aclose()``) closes the
    connection at once when the consumer stops early; otherwise it is closed when the stream
    ends or the object is garbage collected.
    """

    def __init__(self, events: AsyncGenerator[ServerSentEvent, None]) -> None:
        self._events = events

    def __aiter__(self) -> AsyncGenerator[ServerSentEvent, None]:
        # The generator itself: `async for` then resumes it directly, without a call of
        # __anext__ per event.
        return self._events

    async def __anext__(self) -> ServerSentEvent:
        return await self._events.__anext__()

    async def aclose(self) -> None:
        """Stop the stream and close its connection."""
        await self._events.aclose()

    async def __aenter__(self) -> AsyncEventStream:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()


def aiter_events(
    connect: Callable[[str | None], Awaitable[httpx.Response]],
    *,
    max_reconnects: int,
    backoff_factor: float = 0.5,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
) -> AsyncEventStream:
    """The events of a stream, reopening it if the connection drops.

    ``connect(last_event_id)`` opens the stream (a streamed, successful ``httpx.Response``);
    on a transport error in the middle of the stream it is called again with the id of the last
    event received, after the delay the server asked for (``retry:``, at most 60 s) or else a
    backoff of ``backoff_factor * 2**(n - 1)`` seconds (at most 8) before the n-th attempt in a
    row. After
    ``max_reconnects`` failures in a row without any event in between, the error is raised as
    ``APIConnectionError``. A stream the server ends cleanly is not reopened.
    """
    return AsyncEventStream(_aiter_events(connect, max_reconnects, backoff_factor, sleep))


async def _aiter_events(
    connect: Callable[[str | None], Awaitable[httpx.Response]],
    max_reconnects: int,
    backoff_factor: float,
    sleep: Callable[[float], Awaitable[None]],
) -> AsyncGenerator[ServerSentEvent, None]:
    last_event_id: str | None = None
    retry_ms: int | None = None
    failures = 0
    retyped = ServerSentEvent
    while True:
        response = await connect(last_event_id)
        events = EventSource(response).aiter_sse()
        # The parser carries the last event id from event to event, so the last event seen on
        # this connection holds it; read once, when the connection ends (per event it would
        # cost as much as the rest of this loop).
        last: _ParsedEvent | None = None
        try:
            async for sse in events:
                last = sse
                # httpx-sse's fields read directly: its properties would cost more than the
                # rest of this loop (tests/runtime/test_streaming.py pins these names).
                if sse._retry is not None:
                    retry_ms = sse._retry
                if not sse._data and sse._event == "message":
                    # A block with only id:/retry: fields is bookkeeping, not an event (the
                    # SSE spec dispatches nothing without data); a named event is kept.
                    continue
                sse.__class__ = retyped
                yield sse  # type: ignore[misc]  # retyped to ServerSentEvent on the line above
            return
        except SSEError as exc:
            raise ResponseValidationError(
                f"expected an event stream: {exc}", response=response
            ) from exc
        except httpx.DecodingError as exc:
            raise ResponseValidationError(
                f"the event stream could not be decoded: {exc}", response=response
            ) from exc
        except httpx.TransportError as exc:
            failures = 1 if last is not None else failures + 1
            if last is not None and last.id:
                last_event_id = last.id
            if failures > max_reconnects:
                raise _connection_error(exc) from exc
            logger.debug(
                "event stream broke off (%s); reconnecting with Last-Event-ID %r, attempt %d",
                type(exc).__name__,
                last_event_id,
                failures,
            )
        finally:
            await events.aclose()
            await response.aclose()
        await sleep(_reconnect_delay(failures, retry_ms, backoff_factor))
