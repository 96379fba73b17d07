# Generated from templates/runtime/_streaming.py.jinja. Do not edit by hand.
"""Server-Sent Events: typed events, incremental iteration, and resuming a dropped stream.

Parsing is left to ``httpx-sse``; this module adds what an SDK needs on top: events are
yielded as they arrive, each event's data validated as the model the spec declares for it
(``EventStream[Item]``: one Pydantic ``TypeAdapter`` per type, built once and kept), a
stream that breaks is reopened with ``Last-Event-ID`` (a bounded number of times), and the
connection is closed as soon as the consumer stops iterating. A stream whose spec declares no
data schema yields the ``ServerSentEvent`` objects themselves (``EventStream[ServerSentEvent]``).
"""

from __future__ import annotations

import asyncio
import functools
import json
import logging
import threading
import time
from collections.abc import AsyncGenerator, Awaitable, Callable, Generator
from typing import Any, Generic, TypeVar

import httpx
import pydantic
from httpx_sse import EventSource, SSEError
from httpx_sse import ServerSentEvent as _ParsedEvent

from ._exceptions import APIConnectionError, APITimeoutError, ResponseValidationError

__all__ = ["AsyncEventStream", "EventStream", "ServerSentEvent", "aiter_events", "iter_events"]

logger = logging.getLogger("runrl")

_T_co = TypeVar("_T_co", covariant=True)
# One decoder (a TypeAdapter's validate_json) per event type, kept; at most this many (a
# program inventing types per call gets a new adapter per stream past it, not unbounded memory).
_MAX_DECODERS = 256
_DECODERS: dict[Any, Callable[[str], Any]] = {}
_LOCK = threading.Lock()

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


def decoder(event_type: Any) -> Callable[[str], Any]:
    """``validate_json`` of the one ``TypeAdapter`` of ``event_type`` (built on first use)."""
    try:
        return _DECODERS[event_type]
    except KeyError:
        pass
    except TypeError:  # an unhashable type expression: not kept
        return pydantic.TypeAdapter(event_type).validate_json
    decode: Callable[[str], Any] = pydantic.TypeAdapter(event_type).validate_json
    with _LOCK:
        if len(_DECODERS) < _MAX_DECODERS:
            decode = _DECODERS.setdefault(event_type, decode)
    return decode


def _invalid(sse: _ParsedEvent, exc: ValueError, name: str, response: httpx.Response) -> Exception:
    """What an event whose data does not match the declared type raises (no input echoed)."""
    where, more = "", ""
    if isinstance(exc, pydantic.ValidationError):
        errors = exc.errors(include_url=False, include_input=False)
        if errors:
            loc = ".".join(str(part) for part in errors[0].get("loc", ())) or "(top level)"
            where = f" at {loc}: {errors[0].get('msg', 'invalid')}"
            more = f" (and {len(errors) - 1} more problem(s))" if len(errors) > 1 else ""
    event_id = sse.id or None
    return ResponseValidationError(
        f"{name}: event {sse.event!r} (id {event_id!r}) does not match the declared event "
        f"data{where}{more}",
        response=response,
    )


def _connection_error(exc: httpx.TransportError) -> APIConnectionError:
    if isinstance(exc, httpx.TimeoutException):
        return APITimeoutError(f"event stream timed out: {exc}")
    return APIConnectionError(f"event stream broke off: {exc}")


class EventStream(Generic[_T_co]):
    """The events of one Server-Sent Events stream, as they arrive.

    ``for event in stream`` yields each event's data validated as the type the spec
    declares for it (``EventStream[Item]`` yields ``Item`` objects; data that does not
    match raises ``ResponseValidationError``, and an event without data is skipped), or, when
    the spec declares none, the ``ServerSentEvent`` objects themselves
    (``EventStream[ServerSentEvent]``). ``stream.events()`` yields the ``ServerSentEvent``
    objects of either kind (``id``, ``event``, ``retry``, the data unvalidated).

    The HTTP request is made when iteration starts. ``with stream:`` (or
    ``stream.close()``) closes the connection at once when the consumer
    stops early; otherwise it is closed when the stream ends or the object is garbage collected.
    """

    def __init__(
        self,
        source: Callable[[Callable[[str], Any] | None], Generator[Any, None, None]],
        decode: Callable[[str], Any] | None = None,
    ) -> None:
        # The generator is made when iteration starts, with the decoder or without it.
        self._source = source
        self._decode = decode
        self._events: Generator[Any, None, None] | None = None

    def _open(self, decode: Callable[[str], Any] | None) -> Generator[Any, None, None]:
        if self._events is None:
            self._events = self._source(decode)
            self._decode = decode
        elif decode is not self._decode:
            raise RuntimeError("events() must be called before the stream is iterated")
        return self._events

    def __iter__(self) -> Generator[_T_co, None, None]:
        # The generator itself: `for` then resumes it directly, without a call of
        # __next__ per event.
        return self._open(self._decode)

    def __next__(self) -> _T_co:
        return next(self._open(self._decode))  # type: ignore[no-any-return]

    def events(self) -> Generator[ServerSentEvent, None, None]:
        """The stream's ``ServerSentEvent`` objects (``data``, ``event``, ``id``, ``retry``),
        its data not validated: iterate over this instead of the stream itself."""
        return self._open(None)

    def close(self) -> None:
        """Stop the stream and close its connection (no request is made if none was)."""
        if self._events is not None:
            self._events.close()

    def __enter__(self) -> EventStream[_T_co]:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def iter_events(
    connect: Callable[[str | None], httpx.Response],
    *,
    max_reconnects: int,
    backoff_factor: float = 0.5,
    sleep: Callable[[float], None] = time.sleep,
    event_type: Any = None,
    name: str = "event stream",
) -> EventStream[Any]:
    """The events of a stream, reopening it if the connection drops.

    ``connect(last_event_id)`` opens the stream (a streamed, successful ``httpx.Response``);
    on a transport error in the middle of the stream it is called again with the id of the last
    event received, after the delay the server asked for (``retry:``, at most 60 s) or else a
    backoff of ``backoff_factor * 2**(n - 1)`` seconds (at most 8) before the n-th attempt in a
    row. After
    ``max_reconnects`` failures in a row without any event in between, the error is raised as
    ``APIConnectionError``. A stream the server ends cleanly is not reopened. With
    ``event_type``, each event's data is validated as it (``name``: the method, for messages).
    """
    source = functools.partial(_iter_events, connect, max_reconnects, backoff_factor, sleep, name)
    return EventStream(source, None if event_type is None else decoder(event_type))


def _iter_events(
    connect: Callable[[str | None], httpx.Response],
    max_reconnects: int,
    backoff_factor: float,
    sleep: Callable[[float], None],
    name: str,
    decode: Callable[[str], Any] | None,
) -> Generator[Any, None, None]:
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
                if decode is not None:
                    if not sse._data:  # nothing to validate: bookkeeping, or a bare name
                        continue
                    try:
                        value = decode(sse._data)
                    except ValueError as exc:  # pydantic's ValidationError is one
                        raise _invalid(sse, exc, name, response) from exc
                    yield value
                    continue
                if not sse._data and sse._event == "message":
                    # A block with only id:/retry: fields is bookkeeping, not an event (the
                    # SSE spec dispatches nothing without data); a named event is kept.
                    continue
                sse.__class__ = retyped
                yield sse
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


class AsyncEventStream(Generic[_T_co]):
    """The events of one Server-Sent Events stream, as they arrive.

    ``async for event in stream`` yields each event's data validated as the type the spec
    declares for it (``AsyncEventStream[Item]`` yields ``Item`` objects; data that does not
    match raises ``ResponseValidationError``, and an event without data is skipped), or, when
    the spec declares none, the ``ServerSentEvent`` objects themselves
    (``AsyncEventStream[ServerSentEvent]``). ``stream.events()`` yields the ``ServerSentEvent``
    objects of either kind (``id``, ``event``, ``retry``, the data unvalidated).

    The HTTP request is made when iteration starts. ``async with stream:`` (or
    ``await stream.aclose()``) closes the connection at once when the consumer
    stops early; otherwise it is closed when the stream ends or the object is garbage collected.
    """

    def __init__(
        self,
        source: Callable[[Callable[[str], Any] | None], AsyncGenerator[Any, None]],
        decode: Callable[[str], Any] | None = None,
    ) -> None:
        # The generator is made when iteration starts, with the decoder or without it.
        self._source = source
        self._decode = decode
        self._events: AsyncGenerator[Any, None] | None = None

    def _open(self, decode: Callable[[str], Any] | None) -> AsyncGenerator[Any, None]:
        if self._events is None:
            self._events = self._source(decode)
            self._decode = decode
        elif decode is not self._decode:
            raise RuntimeError("events() must be called before the stream is iterated")
        return self._events

    def __aiter__(self) -> AsyncGenerator[_T_co, None]:
        # The generator itself: `async for` then resumes it directly, without a call of
        # __anext__ per event.
        return self._open(self._decode)

    async def __anext__(self) -> _T_co:
        return await self._open(self._decode).__anext__()  # type: ignore[no-any-return]

    def events(self) -> AsyncGenerator[ServerSentEvent, None]:
        """The stream's ``ServerSentEvent`` objects (``data``, ``event``, ``id``, ``retry``),
        its data not validated: iterate over this instead of the stream itself."""
        return self._open(None)

    async def aclose(self) -> None:
        """Stop the stream and close its connection (no request is made if none was)."""
        if self._events is not None:
            await self._events.aclose()

    async def __aenter__(self) -> AsyncEventStream[_T_co]:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()


def aiter_events(
    connect: Callable[[str | None], Awaitable[httpx.Response]],
    *,
    max_reconnects: int,
    backoff_factor: float = 0.5,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    event_type: Any = None,
    name: str = "event stream",
) -> AsyncEventStream[Any]:
    """The events of a stream, reopening it if the connection drops.

    ``connect(last_event_id)`` opens the stream (a streamed, successful ``httpx.Response``);
    on a transport error in the middle of the stream it is called again with the id of the last
    event received, after the delay the server asked for (``retry:``, at most 60 s) or else a
    backoff of ``backoff_factor * 2**(n - 1)`` seconds (at most 8) before the n-th attempt in a
    row. After
    ``max_reconnects`` failures in a row without any event in between, the error is raised as
    ``APIConnectionError``. A stream the server ends cleanly is not reopened. With
    ``event_type``, each event's data is validated as it (``name``: the method, for messages).
    """
    source = functools.partial(_aiter_events, connect, max_reconnects, backoff_factor, sleep, name)
    return AsyncEventStream(source, None if event_type is None else decoder(event_type))


async def _aiter_events(
    connect: Callable[[str | None], Awaitable[httpx.Response]],
    max_reconnects: int,
    backoff_factor: float,
    sleep: Callable[[float], Awaitable[None]],
    name: str,
    decode: Callable[[str], Any] | None,
) -> AsyncGenerator[Any, None]:
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
                if decode is not None:
                    if not sse._data:  # nothing to validate: bookkeeping, or a bare name
                        continue
                    try:
                        value = decode(sse._data)
                    except ValueError as exc:  # pydantic's ValidationError is one
                        raise _invalid(sse, exc, name, response) from exc
                    yield value
                    continue
                if not sse._data and sse._event == "message":
                    # A block with only id:/retry: fields is bookkeeping, not an event (the
                    # SSE spec dispatches nothing without data); a named event is kept.
                    continue
                sse.__class__ = retyped
                yield sse
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
