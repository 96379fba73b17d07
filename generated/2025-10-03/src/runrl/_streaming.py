# Generated from templates/runtime/_streaming.py.jinja. Do not edit by hand.
"""Server-Sent Events: typed events, incremental iteration, and resuming a dropped stream.

The event-stream format is parsed here (``_Parser``: bounded, called once per chunk of text
where httpx-sse runs a generator per line and another per event; its event class stays the
base of ``ServerSentEvent``). Events are yielded as they arrive, each event's data validated
as the model the spec declares for it (``EventStream[Item]``: one Pydantic ``TypeAdapter`` per
type, built once and kept), a stream that breaks is reopened with ``Last-Event-ID`` (a bounded
number of times), and the connection is closed as soon as the consumer stops iterating. A
stream whose spec declares no data schema yields the ``ServerSentEvent`` objects themselves
(``EventStream[ServerSentEvent]``).
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

    A subclass of httpx-sse's event (``isinstance`` checks keep working); the parser fills
    its fields directly, so a long stream costs one object per event and no call of
    ``__init__``.
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


# The longest line (a field) and the most data of one event accepted, in characters: the
# server's bytes are untrusted, and a line that never ends or an event that never ends would
# otherwise be held in memory without bound. More is refused (ResponseValidationError).
MAX_LINE = 4 << 20
MAX_EVENT_DATA = 16 << 20
# How much of a Content-Type that is not an event stream an error message shows.
_MAX_SHOWN = 100


class _Parser:
    """The event-stream format of the HTML standard ("Interpreting an event stream"), fed the
    decoded text of a response chunk by chunk; each ``feed`` returns the events it completed.

    Lines end with CRLF, LF or CR (also when a CRLF is split between chunks); a leading BOM is
    dropped; a line is a field (``name: value``, one optional space after the colon), a comment
    (``:``) or, when empty, the end of a block. ``id`` and ``retry`` outlive their block:
    ``last_id`` (the id of the last block that ended) is what a reconnection sends back,
    ``retry_ms`` what the server asked to wait (digits only, as the standard says). A block
    with neither data nor an event name is bookkeeping (``id:``/``retry:`` only): no event.

    Per chunk, not per line: one ``split``, one loop, no call per line (this loop is most of a
    stream's CPU). A line and an event are bounded (``MAX_LINE``, ``MAX_EVENT_DATA``).
    """

    __slots__ = (
        "_crlf",
        "_data",
        "_data_len",
        "_event",
        "_id",
        "_pending",
        "_pending_len",
        "_retry",
        "_started",
        "blocks",
        "last_id",
        "retry_ms",
    )

    def __init__(self) -> None:
        self.last_id = ""
        self.retry_ms: int | None = None
        self.blocks = 0  # blocks ended (events or bookkeeping): the connection made progress
        self.restart()

    def restart(self) -> None:
        """A new connection: a new stream of text (the last id and retry are kept)."""
        self._pending: list[str] = []  # the pieces of a line not yet ended
        self._pending_len = 0
        self._crlf = False  # the last chunk ended with CR: an LF opening the next one is its pair
        self._started = False  # a BOM is dropped only at the very start
        self._data: list[str] = []
        self._data_len = 0
        self._event = ""
        self._id = self.last_id  # an id of a block that never ended is forgotten
        self._retry: int | None = None

    def feed(self, text: str) -> list[ServerSentEvent]:
        if not self._started:
            if not text:
                return []
            self._started = True
            if text[0] == "\ufeff":
                text = text[1:]
        if self._crlf:
            self._crlf = False
            if text[:1] == "\n":
                text = text[1:]
        if "\r" in text:
            self._crlf = text[-1] == "\r"
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        lines = text.split("\n")
        rest = lines.pop()  # after the last line end: the start of a line not yet ended
        pending = self._pending
        if pending:
            if not lines:  # still no line end
                return self._hold(rest)
            pending.append(lines[0])
            if self._pending_len + len(lines[0]) > MAX_LINE:
                raise _TooLong(f"a line longer than {MAX_LINE} characters")
            lines[0] = "".join(pending)
            self._pending, self._pending_len = [], 0
        events: list[ServerSentEvent] = []
        data, size, event, retry = self._data, self._data_len, self._event, self._retry
        ident = self._id
        for line in lines:
            if line:
                name, _, value = line.partition(":")
                if value[:1] == " ":
                    value = value[1:]
                if name == "data":
                    data.append(value)
                    size += len(value) + 1
                    if size > MAX_EVENT_DATA:
                        raise _TooLong(f"an event of more than {MAX_EVENT_DATA} characters")
                elif name == "id":
                    if "\0" not in value:  # the standard ignores such an id
                        ident = value
                elif name == "event":
                    event = value
                elif name == "retry" and value.isdigit() and value.isascii():
                    # A huge number is not converted: the delay is capped at MAX_SERVER_RETRY.
                    retry = self.retry_ms = int(value) if len(value) < 10 else 10**9
                continue
            # An empty line ends the block: its id becomes the stream's last event id.
            self.blocks += 1
            self.last_id = ident
            if data or event:
                sse = _new_event(ServerSentEvent)
                sse._data = data[0] if len(data) == 1 else "\n".join(data)
                sse._event = event or "message"
                sse._id = ident
                sse._retry = retry
                if sse._data or event not in ("", "message"):
                    events.append(sse)
                data, size, event = [], 0, ""
            retry = None
        self._data, self._data_len, self._event, self._retry = data, size, event, retry
        self._id = ident
        if rest:
            self._hold(rest)
        return events

    def _hold(self, piece: str) -> list[ServerSentEvent]:
        self._pending_len += len(piece)
        if self._pending_len > MAX_LINE:
            raise _TooLong(f"a line longer than {MAX_LINE} characters")
        self._pending.append(piece)
        return []


def _decoded(
    decode: Callable[[str], Any], sse: ServerSentEvent, name: str, response: httpx.Response
) -> Any:
    try:
        return decode(sse._data)
    except ValueError as exc:
        raise _invalid(sse, exc, name, response) from exc


class _LineParser:
    """JSON lines (NDJSON, Kubernetes' watch): each line that is not blank is one value, an
    event whose data is the line. The same interface as ``_Parser``; no event id, no
    ``retry``. Lines end with LF or CRLF (a CR before the LF is whitespace to JSON)."""

    __slots__ = ("_pending", "_pending_len", "blocks", "last_id", "retry_ms")

    def __init__(self) -> None:
        self.last_id = ""
        self.retry_ms: int | None = None
        self.blocks = 0
        self.restart()

    def restart(self) -> None:
        self._pending: list[str] = []
        self._pending_len = 0

    def feed(self, text: str) -> list[ServerSentEvent]:
        lines = text.split("\n")
        rest = lines.pop()
        if self._pending and lines:
            lines[0] = "".join(self._pending) + lines[0]
            self._pending, self._pending_len = [], 0
        events: list[ServerSentEvent] = []
        for line in lines:
            if len(line) > MAX_LINE:
                raise _TooLong(f"a line longer than {MAX_LINE} characters")
            if line.strip():
                self.blocks += 1
                sse = _new_event(ServerSentEvent)
                sse._data, sse._event, sse._id, sse._retry = line, "message", "", None
                events.append(sse)
        if rest:
            self._pending_len += len(rest)
            if self._pending_len > MAX_LINE:
                raise _TooLong(f"a line longer than {MAX_LINE} characters")
            self._pending.append(rest)
        return events

    def end(self) -> list[ServerSentEvent]:
        """The last line, when the stream ended without a line end after it."""
        return self.feed("\n") if self._pending else []


class _TooLong(Exception):
    """A line or an event over its bound (becomes ResponseValidationError with the response)."""


_new_event = object.__new__


def _check_event_stream(response: httpx.Response) -> None:
    content_type = response.headers.get("content-type", "").partition(";")[0]
    if "text/event-stream" not in content_type:
        raise ResponseValidationError(
            "expected an event stream: the response's Content-Type is "
            f"{content_type[:_MAX_SHOWN]!r}, not 'text/event-stream'",
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
    match raises ``ResponseValidationError``, an event without data is skipped, and the data
    ``[DONE]``, OpenAI's end of a stream, ends it), or, when
    the spec declares none, the ``ServerSentEvent`` objects themselves
    (``EventStream[ServerSentEvent]``). ``stream.events()`` yields the ``ServerSentEvent``
    objects of either kind (``id``, ``event``, ``retry``, the data unvalidated). A stream of
    JSON lines (NDJSON, Kubernetes' watch) is read the same way, each line one event's data.

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
    lines: bool = False,
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
    ``lines``: the stream is JSON lines (each line one event's data), not an event stream.
    """
    source = functools.partial(
        _iter_events, connect, max_reconnects, backoff_factor, sleep, name, lines
    )
    return EventStream(source, None if event_type is None else decoder(event_type))


def _iter_events(
    connect: Callable[[str | None], httpx.Response],
    max_reconnects: int,
    backoff_factor: float,
    sleep: Callable[[float], None],
    name: str,
    lines: bool,
    decode: Callable[[str], Any] | None,
) -> Generator[Any, None, None]:
    parser: _Parser | _LineParser = _LineParser() if lines else _Parser()
    failures = 0
    while True:
        response = connect(parser.last_id or None)
        parser.restart()
        blocks = parser.blocks
        chunks = response.iter_text()
        try:
            if not lines:  # JSON lines come as application/json too (Kubernetes' watch)
                _check_event_stream(response)
            feed = parser.feed
            # One generator between the caller and the response's text, the parser called per
            # chunk: per event this loop costs less than httpx-sse's two generators.
            for text in chunks:
                if decode is None:
                    yield from feed(text)
                    continue
                for sse in feed(text):
                    if not sse._data:  # a named event without data: nothing to validate
                        continue
                    if sse._data == "[DONE]":  # OpenAI's end of stream: not JSON, no event
                        return
                    try:
                        value = decode(sse._data)
                    except ValueError as exc:  # pydantic's ValidationError is one
                        raise _invalid(sse, exc, name, response) from exc
                    yield value
            if isinstance(parser, _LineParser):
                for sse in parser.end():  # the last line, without a line end after it
                    yield sse if decode is None else _decoded(decode, sse, name, response)
            return
        except _TooLong as exc:
            raise ResponseValidationError(
                f"{name}: the event stream has {exc}", response=response
            ) from None
        except httpx.DecodingError as exc:
            raise ResponseValidationError(
                f"the event stream could not be decoded: {exc}", response=response
            ) from exc
        except httpx.TransportError as exc:
            failures = 1 if parser.blocks != blocks else failures + 1
            if failures > max_reconnects:
                raise _connection_error(exc) from exc
            logger.debug(
                "event stream broke off (%s); reconnecting with Last-Event-ID %r, attempt %d",
                type(exc).__name__,
                parser.last_id or None,
                failures,
            )
        finally:
            response.close()
        sleep(_reconnect_delay(failures, parser.retry_ms, backoff_factor))


class AsyncEventStream(Generic[_T_co]):
    """The events of one Server-Sent Events stream, as they arrive.

    ``async for event in stream`` yields each event's data validated as the type the spec
    declares for it (``AsyncEventStream[Item]`` yields ``Item`` objects; data that does not
    match raises ``ResponseValidationError``, an event without data is skipped, and the data
    ``[DONE]``, OpenAI's end of a stream, ends it), or, when
    the spec declares none, the ``ServerSentEvent`` objects themselves
    (``AsyncEventStream[ServerSentEvent]``). ``stream.events()`` yields the ``ServerSentEvent``
    objects of either kind (``id``, ``event``, ``retry``, the data unvalidated). A stream of
    JSON lines (NDJSON, Kubernetes' watch) is read the same way, each line one event's data.

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
    lines: bool = False,
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
    ``lines``: the stream is JSON lines (each line one event's data), not an event stream.
    """
    source = functools.partial(
        _aiter_events, connect, max_reconnects, backoff_factor, sleep, name, lines
    )
    return AsyncEventStream(source, None if event_type is None else decoder(event_type))


async def _aiter_events(
    connect: Callable[[str | None], Awaitable[httpx.Response]],
    max_reconnects: int,
    backoff_factor: float,
    sleep: Callable[[float], Awaitable[None]],
    name: str,
    lines: bool,
    decode: Callable[[str], Any] | None,
) -> AsyncGenerator[Any, None]:
    parser: _Parser | _LineParser = _LineParser() if lines else _Parser()
    failures = 0
    while True:
        response = await connect(parser.last_id or None)
        parser.restart()
        blocks = parser.blocks
        chunks = response.aiter_text()
        try:
            if not lines:  # JSON lines come as application/json too (Kubernetes' watch)
                _check_event_stream(response)
            feed = parser.feed
            # One generator between the caller and the response's text, the parser called per
            # chunk: per event this loop costs less than httpx-sse's two generators.
            async for text in chunks:
                if decode is None:
                    for sse in feed(text):
                        yield sse
                    continue
                for sse in feed(text):
                    if not sse._data:  # a named event without data: nothing to validate
                        continue
                    if sse._data == "[DONE]":  # OpenAI's end of stream: not JSON, no event
                        return
                    try:
                        value = decode(sse._data)
                    except ValueError as exc:  # pydantic's ValidationError is one
                        raise _invalid(sse, exc, name, response) from exc
                    yield value
            if isinstance(parser, _LineParser):
                for sse in parser.end():  # the last line, without a line end after it
                    yield sse if decode is None else _decoded(decode, sse, name, response)
            return
        except _TooLong as exc:
            raise ResponseValidationError(
                f"{name}: the event stream has {exc}", response=response
            ) from None
        except httpx.DecodingError as exc:
            raise ResponseValidationError(
                f"the event stream could not be decoded: {exc}", response=response
            ) from exc
        except httpx.TransportError as exc:
            failures = 1 if parser.blocks != blocks else failures + 1
            if failures > max_reconnects:
                raise _connection_error(exc) from exc
            logger.debug(
                "event stream broke off (%s); reconnecting with Last-Event-ID %r, attempt %d",
                type(exc).__name__,
                parser.last_id or None,
                failures,
            )
        finally:
            await chunks.aclose()  # type: ignore[attr-defined]
            await response.aclose()
        await sleep(_reconnect_delay(failures, parser.retry_ms, backoff_factor))
