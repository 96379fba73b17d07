# Generated from templates/runtime/_polling.py.jinja. Do not edit by hand.
"""Futures for long-running operations (``x-sdk-polling``) that finish later.

A future holds the object the create call returned (``future.initial``) and polls the API
until the object reaches a terminal status: ``.status()``, ``.result(timeout=None)``,
``.cancel()``, ``.add_done_callback(fn)``, and ``await future`` for the async variant.
``result(progress=True)`` shows the status (and progress) while it waits: a live bar on a
terminal, one plain line per status change elsewhere.
"""

from __future__ import annotations

import importlib
import logging
import math
import sys
import threading
import time
from collections.abc import (
    AsyncIterator,
    Awaitable,
    Callable,
    Generator,
    Iterable,
    Iterator,
    Mapping,
)
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING, Any, Generic, TextIO, TypeVar, cast

from . import _deadline
from ._exceptions import (
    APITimeoutError,
    PollingCancelledError,
    PollingFailedError,
    RateLimitError,
    TimeoutError,
)

if TYPE_CHECKING:
    # Imported by the async functions that use it: a command line's first (sync) command
    # does not pay for asyncio (~10 ms).
    import asyncio

__all__ = [
    "AsyncRunRLPollingFuture",
    "PollingPolicy",
    "RunRLPollingFuture",
    "as_completed",
    "async_as_completed",
    "async_wait_all",
    "follow_deadline",
    "follow_timeout",
    "wait_all",
]

T = TypeVar("T")

logger = logging.getLogger("runrl")

_PENDING = "pending"
_SUCCEEDED = "succeeded"
_FAILED = "failed"
_CANCELLED = "cancelled"
# The longest pause a server's Retry-After can impose between two polls (as for a request).
MAX_SERVER_PAUSE = 60.0


def _wait_limit(name: str, value: float) -> float:
    """A time limit given by the caller: a number >= 0 (``inf``: none); NaN is refused."""
    if math.isnan(value) or value < 0:
        raise ValueError(f"{name} must be a number >= 0 (got {value!r})")
    return value


def follow_deadline(timeout: float | None) -> float | None:
    """When an ``x-sdk-follow`` helper given ``timeout`` seconds must end (``time.monotonic()``;
    ``None``: never). A negative or NaN ``timeout`` is refused before anything is sent."""
    if timeout is None:
        return None
    return time.monotonic() + _wait_limit("timeout", timeout)


def follow_timeout(
    name: str, timeout: float | None, field: str, status: str | None
) -> TimeoutError:
    """The error of an ``x-sdk-follow`` helper whose object was not terminal within ``timeout``."""
    last = "not fetched yet" if status is None else f"last {status}"
    after = f"after {timeout:g} s" if timeout is not None else "in time"
    return TimeoutError(f"{name}: the {field} was not terminal {after} ({last})")


@dataclass(frozen=True)
class PollingPolicy:
    """How to read the state of a polled object (from the ``x-sdk-polling`` extension).

    ``status_field`` names the status member; a status in ``terminal`` ends polling, and the
    operation succeeded if it is also in ``success``; otherwise ``failure_error`` is raised with
    the final object. ``progress_field`` (optional) is exposed as ``future.progress``.
    ``name``, ``id_field`` and ``error_field`` only make messages precise ("run 42 ended with
    status FAILED: out of memory").
    """

    terminal: frozenset[str]
    success: frozenset[str]
    status_field: str = "status"
    progress_field: str | None = None
    failure_error: type[PollingFailedError] = PollingFailedError
    name: str = "operation"
    id_field: str | None = "id"
    error_field: str | None = None

    def status_of(self, obj: object) -> str | None:
        """The status of ``obj`` as a plain string (enum members by value)."""
        value = _member(obj, self.status_field)
        if value is None:
            return None
        if isinstance(value, Enum):
            value = value.value
        return str(value)

    def progress_of(self, obj: object) -> float | None:
        """The progress of ``obj`` if the policy names a progress field and it is a number."""
        if self.progress_field is None:
            return None
        value = _member(obj, self.progress_field)
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return None
        return float(value)

    def describe(self, obj: object) -> str:
        """``"run 42"``: how messages name the object."""
        ident = _member(obj, self.id_field) if self.id_field else None
        return f"{self.name} {ident}" if ident is not None else self.name

    def failure_message(self, obj: object) -> str:
        """The message of the error raised when ``obj`` ended unsuccessfully, with the reason
        the object gives (``error_field``, else a member with a usual name for it)."""
        message = f"{self.describe(obj)} ended with status {self.status_of(obj)}"
        reason = _reason(obj, self.error_field)
        return f"{message}: {reason}" if reason else message


# Where objects usually say why they failed, when the policy names no error field.
_REASON_FIELDS = (
    "error_message",
    "errorMessage",
    "failure_reason",
    "failureReason",
    "status_message",
    "statusMessage",
    "error",
)


def _reason(obj: object, error_field: str | None) -> str | None:
    """The failure reason of ``obj`` as one bounded line of text, if it has one."""
    for name in (error_field,) if error_field else _REASON_FIELDS:
        value = _member(obj, name)
        if isinstance(value, Mapping) or (value is not None and hasattr(value, "message")):
            value = _member(value, "message")
        if isinstance(value, str) and value.strip():
            text = " ".join("".join(c if c.isprintable() else " " for c in value[:2000]).split())
            return text if len(text) <= 500 else text[:497] + "..."
    return None


def _member(obj: object, name: str) -> Any:
    if isinstance(obj, Mapping):
        return obj.get(name)
    return getattr(obj, name, None)


class _ProgressDisplay:
    """What ``result(progress=True)`` shows while it waits.

    On a terminal, with ``rich`` installed (``pip install 'runrl[progress]'``): one live
    progress bar with the status and the progress fraction (a pulsing bar when the API reports
    no progress). Otherwise (logs, CI, notebooks, or ``rich`` missing): one plain line per status
    change, ``run 42: RUNNING 50%``. A problem of the display (a closed stream, say) stops the
    display and nothing else: it never changes what ``result()`` returns or raises.
    """

    def __init__(self, policy: PollingPolicy, file: TextIO | None = None) -> None:
        self._policy = policy
        self._file = sys.stdout if file is None else file
        self._last: tuple[str | None, float | None] | None = None
        self._last_status: str | None = None
        self._broken = False
        self._bar: Any = None
        self._task: Any = None
        try:
            live = bool(self._file.isatty())
        except Exception:
            live = False
        if live:
            self._bar = _rich_progress(self._file)

    @property
    def live(self) -> bool:
        """Whether a live progress bar is shown (else plain lines)."""
        return self._bar is not None

    def show(self, obj: object) -> None:
        if self._broken:
            return
        try:
            self._show(obj)
        except Exception:
            self._broken = True
            logger.debug("progress display failed; continuing without it", exc_info=True)

    def _show(self, obj: object) -> None:
        status = self._policy.status_of(obj)
        fraction = self._policy.progress_of(obj)
        if (status, fraction) == self._last:
            return
        self._last = (status, fraction)
        name = self._policy.describe(obj)
        if self._bar is None:
            if status != self._last_status:
                self._last_status = status
                percent = "" if fraction is None else f" {fraction:.0%}"
                self._file.write(f"{name}: {status}{percent}\n")
                self._file.flush()
            return
        description = f"{name} {status}"
        finished = status in self._policy.success
        if self._task is None:
            total = 1.0 if fraction is not None or finished else None
            self._task = self._bar.add_task(description, total=total)
        if fraction is not None:
            self._bar.update(self._task, description=description, total=1.0, completed=fraction)
        elif finished:
            self._bar.update(self._task, description=description, total=1.0, completed=1.0)
        else:
            self._bar.update(self._task, description=description)
        self._bar.refresh()

    def close(self) -> None:
        if self._bar is not None:
            try:
                self._bar.stop()
            except Exception:
                logger.debug("progress display failed to stop", exc_info=True)
            self._bar = None


def _rich_progress(file: TextIO) -> Any:
    """A started ``rich`` progress display writing to ``file``, or ``None`` without ``rich``.

    ``rich`` is optional: imported by name, so that ``mypy --strict`` on a project using this
    package passes whether ``rich`` is installed or not (a plain import is ``import-not-found``
    without it, and an ignore comment for that is ``unused-ignore`` with it)."""
    try:
        console = importlib.import_module("rich.console")
        progress = importlib.import_module("rich.progress")
    except ImportError:
        return None
    bar = progress.Progress(
        progress.TextColumn("{task.description}"),
        progress.BarColumn(),
        progress.TaskProgressColumn(),
        progress.TimeElapsedColumn(),
        console=console.Console(file=file),
        auto_refresh=False,
    )
    bar.start()
    return bar


class RunRLPollingFuture(Generic[T]):
    """Polls a long-running operation until it reaches a terminal status.

    ``poll`` is a function (no arguments) that fetches the current state of the object;
    ``cancel`` (optional) is one that asks the API to stop the operation.
    ``poll_interval`` is the pause between polls in seconds (``0`` means no pause) and
    ``max_timeout`` the default limit of ``result()``. Rate limiting (HTTP 429 with
    ``Retry-After``) is handled by the client's retries inside ``poll``.
    """

    def __init__(
        self,
        initial: T,
        *,
        poll: Callable[[], T],
        policy: PollingPolicy,
        cancel: Callable[[], object] | None = None,
        poll_interval: float = 5.0,
        max_timeout: float = 3600.0,
    ) -> None:
        self._initial = initial
        self._latest = initial
        self._poll = poll
        self._cancel = cancel
        self._policy = policy
        self._poll_interval = _wait_limit("poll_interval", max(poll_interval, 0.0))
        self._max_timeout = _wait_limit("max_timeout", max_timeout)
        # Guards the transition to "done" so callbacks run exactly once, even when several
        # threads observe the terminal state together. Never held across a wait.
        self._lock = threading.Lock()
        self._state = _PENDING
        self._result: T | None = None
        self._exception: BaseException | None = None
        self._callbacks: list[Callable[[RunRLPollingFuture[T]], object]] = []
        self._observe(initial)

    def __repr__(self) -> str:
        return (
            f"<{type(self).__name__} {self._policy.describe(self._latest)} "
            f"status={self._policy.status_of(self._latest)} state={self._state}>"
        )

    @property
    def initial(self) -> T:
        """The object as the create call returned it."""
        return self._initial

    @property
    def latest(self) -> T:
        """The most recent state seen (no request is made)."""
        return self._latest

    @property
    def progress(self) -> float | None:
        """The progress reported by the latest state, if the API reports one."""
        return self._policy.progress_of(self._latest)

    def done(self) -> bool:
        """Whether the operation finished (successfully or not) or the future was cancelled."""
        return self._state != _PENDING

    def cancelled(self) -> bool:
        """Whether ``cancel()`` stopped this future."""
        return self._state == _CANCELLED

    def status(self) -> T:
        """Fetch the current state from the API (and finish the future if it is terminal)."""
        current = self._poll()
        self._observe(current)
        return current

    def result(self, timeout: float | None = None, *, progress: bool = False) -> T:
        """Wait for the operation to finish and return the final object.

        Polls every ``poll_interval`` seconds. Raises the policy's failure error (with the
        final object) if the operation ends unsuccessfully, ``PollingCancelledError`` after
        ``cancel()``, and ``TimeoutError`` (also a builtin ``TimeoutError``) when ``timeout``
        seconds (default ``max_timeout``) pass first; the operation then keeps running and
        ``result()`` may be called again. It returns or raises by that deadline: each status
        request, its retries and their pauses end by it too (a request cut short by it is
        the ``TimeoutError`` of this call). A poll answered with 429 and a ``Retry-After``
        longer than a request waits is not an error here: the next poll waits that long (at
        most 60 s, and not beyond the deadline).

        ``progress=True`` shows the status and the progress fraction on standard output while
        waiting: a live progress bar when it is a terminal and ``rich`` is installed
        (``pip install 'runrl[progress]'``), otherwise one plain line per status change.
        It changes nothing about what is returned or raised.
        """
        display = _ProgressDisplay(self._policy) if progress else None
        try:
            return self._wait(timeout, display)
        finally:
            if display is not None:
                display.close()

    def _wait(self, timeout: float | None, display: _ProgressDisplay | None) -> T:
        limit = self._max_timeout if timeout is None else _wait_limit("timeout", max(timeout, 0.0))
        deadline = time.monotonic() + limit
        pause, asked_by_server = self._poll_interval, False
        while True:
            if display is not None:
                display.show(self._latest)
            if self._state != _PENDING:
                return self._outcome()
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise self._timeout_error(limit)
            time.sleep(min(pause, remaining))
            if asked_by_server and pause > remaining:
                continue  # the deadline comes before the server's pause ends: no early poll
            pause, asked_by_server = self._poll_interval, False
            if self._state == _PENDING:
                try:
                    # The status request, its retries and their pauses end by our deadline.
                    with _deadline.scope(deadline):
                        self.status()
                except RateLimitError as exc:
                    # A Retry-After too long for one request to wait out (the request raises
                    # instead of hanging) is what result() waits for anyway: it becomes the next
                    # pause, capped, within this call's deadline.
                    if exc.retry_after is None:
                        raise
                    pause = max(min(exc.retry_after, MAX_SERVER_PAUSE), self._poll_interval)
                    asked_by_server = True
                except APITimeoutError as exc:
                    if time.monotonic() < deadline:
                        raise
                    raise self._timeout_error(limit) from exc

    def cancel(self) -> bool:
        """Ask the API to stop the operation and finish this future as cancelled.

        Returns ``False`` (and does nothing) if the future is already done. Afterwards
        ``result()`` raises ``PollingCancelledError``.
        """
        if self.done():
            return False
        if self._cancel is not None:
            self._cancel()
        name = self._policy.describe(self._latest)
        return self._finish(_CANCELLED, None, PollingCancelledError(f"{name} was cancelled"))

    def add_done_callback(self, fn: Callable[[RunRLPollingFuture[T]], object]) -> None:
        """Call ``fn(future)`` once the future is done, or now if it already is.

        Each callback runs exactly once; an exception in a callback is logged, not raised.
        """
        with self._lock:
            if self._state == _PENDING:
                self._callbacks.append(fn)
                return
        self._run_callback(fn)

    def _timeout_error(self, limit: float) -> TimeoutError:
        return TimeoutError(
            f"timed out after {limit:g} s waiting for {self._policy.describe(self._latest)}"
            f" (last status {self._policy.status_of(self._latest)})"
        )

    def _observe(self, current: T) -> None:
        self._latest = current
        status = self._policy.status_of(current)
        if status is None or status not in self._policy.terminal:
            return
        if status in self._policy.success:
            self._finish(_SUCCEEDED, current, None)
        else:
            message = self._policy.failure_message(current)
            self._finish(_FAILED, None, self._policy.failure_error(message, current))

    def _finish(self, state: str, result: T | None, exception: BaseException | None) -> bool:
        with self._lock:
            if self._state != _PENDING:
                return False
            self._state = state
            self._result = result
            self._exception = exception
            callbacks, self._callbacks = self._callbacks, []
        for fn in callbacks:
            self._run_callback(fn)
        return True

    def _run_callback(self, fn: Callable[[RunRLPollingFuture[T]], object]) -> None:
        try:
            fn(self)
        except Exception:
            logger.exception("a done callback of %r raised", self)

    def _outcome(self) -> T:
        if self._exception is not None:
            raise self._exception
        # _result is set whenever the state is _SUCCEEDED.
        return cast(T, self._result)


class AsyncRunRLPollingFuture(Generic[T]):
    """Polls a long-running operation until it reaches a terminal status.

    ``poll`` is a coroutine function (no arguments) that fetches the current state of the
    object; ``cancel`` (optional) is one that asks the API to stop the operation.
    ``poll_interval`` is the pause between polls in seconds (``0`` means no pause) and
    ``max_timeout`` the default limit of ``result()``. Rate limiting (HTTP 429 with
    ``Retry-After``) is handled by the client's retries inside ``poll``.
    """

    def __init__(
        self,
        initial: T,
        *,
        poll: Callable[[], Awaitable[T]],
        policy: PollingPolicy,
        cancel: Callable[[], Awaitable[object]] | None = None,
        poll_interval: float = 5.0,
        max_timeout: float = 3600.0,
    ) -> None:
        self._initial = initial
        self._latest = initial
        self._poll = poll
        self._cancel = cancel
        self._policy = policy
        self._poll_interval = _wait_limit("poll_interval", max(poll_interval, 0.0))
        self._max_timeout = _wait_limit("max_timeout", max_timeout)
        # Guards the transition to "done" so callbacks run exactly once, even when several
        # tasks observe the terminal state together. Never held across a wait.
        self._lock = threading.Lock()
        self._state = _PENDING
        self._result: T | None = None
        self._exception: BaseException | None = None
        self._callbacks: list[Callable[[AsyncRunRLPollingFuture[T]], object]] = []
        self._observe(initial)

    def __repr__(self) -> str:
        return (
            f"<{type(self).__name__} {self._policy.describe(self._latest)} "
            f"status={self._policy.status_of(self._latest)} state={self._state}>"
        )

    @property
    def initial(self) -> T:
        """The object as the create call returned it."""
        return self._initial

    @property
    def latest(self) -> T:
        """The most recent state seen (no request is made)."""
        return self._latest

    @property
    def progress(self) -> float | None:
        """The progress reported by the latest state, if the API reports one."""
        return self._policy.progress_of(self._latest)

    def done(self) -> bool:
        """Whether the operation finished (successfully or not) or the future was cancelled."""
        return self._state != _PENDING

    def cancelled(self) -> bool:
        """Whether ``cancel()`` stopped this future."""
        return self._state == _CANCELLED

    async def status(self) -> T:
        """Fetch the current state from the API (and finish the future if it is terminal)."""
        current = await self._poll()
        self._observe(current)
        return current

    async def result(self, timeout: float | None = None, *, progress: bool = False) -> T:
        """Wait for the operation to finish and return the final object.

        Polls every ``poll_interval`` seconds. Raises the policy's failure error (with the
        final object) if the operation ends unsuccessfully, ``PollingCancelledError`` after
        ``cancel()``, and ``TimeoutError`` (also a builtin ``TimeoutError``) when ``timeout``
        seconds (default ``max_timeout``) pass first; the operation then keeps running and
        ``result()`` may be called again. It returns or raises by that deadline: each status
        request, its retries and their pauses end by it too (a request cut short by it is
        the ``TimeoutError`` of this call). A poll answered with 429 and a ``Retry-After``
        longer than a request waits is not an error here: the next poll waits that long (at
        most 60 s, and not beyond the deadline).

        ``progress=True`` shows the status and the progress fraction on standard output while
        waiting: a live progress bar when it is a terminal and ``rich`` is installed
        (``pip install 'runrl[progress]'``), otherwise one plain line per status change.
        It changes nothing about what is returned or raised.
        """
        display = _ProgressDisplay(self._policy) if progress else None
        try:
            return await self._wait(timeout, display)
        finally:
            if display is not None:
                display.close()

    async def _wait(self, timeout: float | None, display: _ProgressDisplay | None) -> T:
        limit = self._max_timeout if timeout is None else _wait_limit("timeout", max(timeout, 0.0))
        deadline = time.monotonic() + limit
        import asyncio

        pause, asked_by_server = self._poll_interval, False
        while True:
            if display is not None:
                display.show(self._latest)
            if self._state != _PENDING:
                return self._outcome()
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise self._timeout_error(limit)
            await asyncio.sleep(min(pause, remaining))
            if asked_by_server and pause > remaining:
                continue  # the deadline comes before the server's pause ends: no early poll
            pause, asked_by_server = self._poll_interval, False
            if self._state == _PENDING:
                try:
                    # The status request, its retries and their pauses end by our deadline.
                    with _deadline.scope(deadline):
                        await self.status()
                except RateLimitError as exc:
                    # A Retry-After too long for one request to wait out (the request raises
                    # instead of hanging) is what result() waits for anyway: it becomes the next
                    # pause, capped, within this call's deadline.
                    if exc.retry_after is None:
                        raise
                    pause = max(min(exc.retry_after, MAX_SERVER_PAUSE), self._poll_interval)
                    asked_by_server = True
                except APITimeoutError as exc:
                    if time.monotonic() < deadline:
                        raise
                    raise self._timeout_error(limit) from exc

    def __await__(self) -> Generator[Any, None, T]:
        """``run = await future`` waits like ``await future.result()``."""
        return self.result().__await__()

    async def cancel(self) -> bool:
        """Ask the API to stop the operation and finish this future as cancelled.

        Returns ``False`` (and does nothing) if the future is already done. Afterwards
        ``result()`` raises ``PollingCancelledError``.
        """
        if self.done():
            return False
        if self._cancel is not None:
            await self._cancel()
        name = self._policy.describe(self._latest)
        return self._finish(_CANCELLED, None, PollingCancelledError(f"{name} was cancelled"))

    def add_done_callback(self, fn: Callable[[AsyncRunRLPollingFuture[T]], object]) -> None:
        """Call ``fn(future)`` once the future is done, or now if it already is.

        Each callback runs exactly once; an exception in a callback is logged, not raised.
        """
        with self._lock:
            if self._state == _PENDING:
                self._callbacks.append(fn)
                return
        self._run_callback(fn)

    def _timeout_error(self, limit: float) -> TimeoutError:
        return TimeoutError(
            f"timed out after {limit:g} s waiting for {self._policy.describe(self._latest)}"
            f" (last status {self._policy.status_of(self._latest)})"
        )

    def _observe(self, current: T) -> None:
        self._latest = current
        status = self._policy.status_of(current)
        if status is None or status not in self._policy.terminal:
            return
        if status in self._policy.success:
            self._finish(_SUCCEEDED, current, None)
        else:
            message = self._policy.failure_message(current)
            self._finish(_FAILED, None, self._policy.failure_error(message, current))

    def _finish(self, state: str, result: T | None, exception: BaseException | None) -> bool:
        with self._lock:
            if self._state != _PENDING:
                return False
            self._state = state
            self._result = result
            self._exception = exception
            callbacks, self._callbacks = self._callbacks, []
        for fn in callbacks:
            self._run_callback(fn)
        return True

    def _run_callback(self, fn: Callable[[AsyncRunRLPollingFuture[T]], object]) -> None:
        try:
            fn(self)
        except Exception:
            logger.exception("a done callback of %r raised", self)

    def _outcome(self) -> T:
        if self._exception is not None:
            raise self._exception
        # _result is set whenever the state is _SUCCEEDED.
        return cast(T, self._result)


def wait_all(futures: Iterable[RunRLPollingFuture[T]], timeout: float | None = None) -> list[T]:
    """Wait for every future and return their results in order.

    The first failure is raised. ``timeout`` bounds the whole wait (default: each future's
    own ``max_timeout``).
    """
    deadline = None if timeout is None else time.monotonic() + timeout
    results: list[T] = []
    for future in futures:
        remaining = None if deadline is None else max(deadline - time.monotonic(), 0.0)
        results.append(future.result(timeout=remaining))
    return results


def as_completed(
    futures: Iterable[RunRLPollingFuture[T]], timeout: float | None = None
) -> Iterator[RunRLPollingFuture[T]]:
    """Yield the futures as they finish, polling the pending ones in turn.

    Raises ``TimeoutError`` if ``timeout`` seconds pass with futures still pending.
    """
    pending = list(futures)
    deadline = None if timeout is None else time.monotonic() + timeout
    while True:
        still_pending = []
        for future in pending:
            if future.done():
                yield future
            else:
                still_pending.append(future)
        pending = still_pending
        if not pending:
            return
        pause = min(future._poll_interval for future in pending)
        if deadline is not None:
            pause = min(pause, deadline - time.monotonic())
            if pause <= 0:
                raise TimeoutError(f"{len(pending)} operation(s) still pending after {timeout:g} s")
        time.sleep(pause)
        for future in pending:
            try:
                # A status request ends by the deadline too.
                with _deadline.scope(deadline):
                    future.status()
            except APITimeoutError as exc:
                if deadline is None or time.monotonic() < deadline:
                    raise
                raise TimeoutError(
                    f"{len(pending)} operation(s) still pending after {timeout:g} s"
                ) from exc


async def async_wait_all(
    futures: Iterable[AsyncRunRLPollingFuture[T]], timeout: float | None = None
) -> list[T]:
    """Wait for every future concurrently and return their results in order.

    The first failure is raised. ``timeout`` bounds each future's wait.
    """
    import asyncio

    return list(await asyncio.gather(*(future.result(timeout) for future in futures)))


async def async_as_completed(
    futures: Iterable[AsyncRunRLPollingFuture[T]], timeout: float | None = None
) -> AsyncIterator[AsyncRunRLPollingFuture[T]]:
    """Yield the futures as they finish; each is polled by its own task.

    Raises ``TimeoutError`` if ``timeout`` seconds pass with futures still pending.
    """
    import asyncio

    tasks: dict[asyncio.Future[None], AsyncRunRLPollingFuture[T]] = {
        asyncio.ensure_future(_settle(future)): future for future in futures
    }
    pending: set[asyncio.Future[None]] = set(tasks)
    deadline = None if timeout is None else time.monotonic() + timeout
    try:
        while pending:
            remaining = None if deadline is None else max(deadline - time.monotonic(), 0.0)
            done, pending = await asyncio.wait(
                pending, timeout=remaining, return_when=asyncio.FIRST_COMPLETED
            )
            if not done:
                raise TimeoutError(f"{len(pending)} operation(s) still pending after {timeout:g} s")
            for task in done:
                yield tasks[task]
    finally:
        for task in pending:
            task.cancel()


async def _settle(future: AsyncRunRLPollingFuture[Any]) -> None:
    # The outcome stays in the future; the caller reads it with result().
    try:
        await future.result()
    except Exception:
        pass
