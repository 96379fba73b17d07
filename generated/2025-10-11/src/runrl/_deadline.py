# Generated from templates/runtime/_deadline.py.jinja. Do not edit by hand.
"""A total deadline per call, beside the per-step ``timeout`` of ``httpx``.

``timeout`` bounds each step of a request: connecting, waiting for a pooled connection, and
each single read or write. A server that sends one byte a second never trips it, and retries
multiply it. ``total_timeout`` bounds the whole call: every attempt, every pause between
attempts and every byte of the answer (for an event stream: until the stream is open). A
polling future bounds its status requests by its own deadline the same way.

How. The deadline is an absolute ``time.monotonic()`` value in a context variable, set while a
call runs (:func:`start`); a call made inside another scope (a future's poll) keeps the earlier
of the two. The client's connections read and write through ``_deadline_io``'s stream, which
shortens the timeout of every socket operation to the time left and fails once none is left, so
no phase of a request, the response headers included, can outlast the deadline. That stream is
fitted into the ``httpx`` transports (:func:`install`); a transport that is not ``httpx``'s own
(a mock, a custom class) keeps its streams, and there only each step's timeout is shortened
to the time left when an attempt starts (:func:`clamp_timeouts`). The stream lives in its own
module because it needs ``httpcore``: it is loaded with the first client (whose transport
imports ``httpcore`` anyway), not by ``import runrl``.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterable, Iterator
from contextvars import ContextVar, Token
from typing import Any

import httpx

__all__ = ["clamp_timeouts", "current", "install", "reset", "scope", "start"]

_DEADLINE: ContextVar[float | None] = ContextVar("runrl_deadline", default=None)
# Never ask a socket to wait less than this: a timeout of 0 would make it non-blocking.
_MIN_WAIT = 0.001


def current() -> float | None:
    """The deadline of the running call or scope (``time.monotonic()`` seconds), if any."""
    return _DEADLINE.get()


def start(total_timeout: float | None) -> tuple[float | None, bool, Token[float | None]]:
    """Enter a call that may take ``total_timeout`` seconds (``None``: no limit of its own).

    Returns the deadline now in force (the earlier of the call's own and the enclosing one),
    whether it is the call's own, and the token to give to :func:`reset` when the call ends.
    """
    outer = _DEADLINE.get()
    deadline, own = outer, False
    if total_timeout is not None and total_timeout != float("inf"):
        mine = time.monotonic() + total_timeout
        if outer is None or mine < outer:
            deadline, own = mine, True
    return deadline, own, _DEADLINE.set(deadline)


def reset(token: Token[float | None]) -> None:
    """Leave the scope entered by :func:`start`."""
    _DEADLINE.reset(token)


@contextlib.contextmanager
def scope(deadline: float | None) -> Iterator[None]:
    """Inside, every call of this package ends by ``deadline`` (``time.monotonic()`` seconds).

    A polling future waits this way: its status requests end by its own deadline.
    """
    outer = _DEADLINE.get()
    if deadline is None or deadline == float("inf") or (outer is not None and outer <= deadline):
        deadline = outer
    token = _DEADLINE.set(deadline)
    try:
        yield
    finally:
        _DEADLINE.reset(token)


def clamp_timeouts(timeout: httpx.Timeout, deadline: float) -> dict[str, float | None] | None:
    """``timeout`` as httpx's per-request dict, no step longer than the time left.

    ``None`` when every step already ends before the deadline (the common case: nothing to do).
    """
    left = max(deadline - time.monotonic(), _MIN_WAIT)
    connect, read, write, pool = timeout.connect, timeout.read, timeout.write, timeout.pool
    if (
        connect is not None
        and read is not None
        and write is not None
        and pool is not None
        and max(connect, read, write, pool) <= left
    ):
        return None
    return {
        step: left if value is None or value > left else value
        for step, value in timeout.as_dict().items()
    }


def _left(timeout: float | None, error: type[Exception]) -> float | None:
    """The timeout of one socket operation under the current deadline."""
    deadline = _DEADLINE.get()
    if deadline is None:
        return timeout
    left = deadline - time.monotonic()
    if left <= 0:
        raise error("the total deadline of the call has passed")
    left = max(left, _MIN_WAIT)
    return left if timeout is None or left < timeout else timeout


def install(client: httpx.Client | httpx.AsyncClient) -> bool:
    """Make the connections ``client`` opens from now on respect the current deadline.

    Outside a call of this package no deadline is set and the streams behave exactly as
    before, so a shared ``httpx`` client is not changed for its other users. Returns ``False``
    if some transport is not ``httpx``'s own (it is left alone: see the module docstring).
    Installing twice changes nothing.
    """
    from ._deadline_io import _AsyncDeadlineBackend, _DeadlineBackend

    fitted = True
    # httpx keeps its transport and the proxy transports (mounts) in these attributes, and
    # each transport its httpcore pool, which opens connections through `_network_backend`.
    mounts: Any = getattr(client, "_mounts", {})
    transports: Iterable[object] = [getattr(client, "_transport", None), *mounts.values()]
    for transport in transports:
        if transport is None:
            continue
        pool: Any = getattr(transport, "_pool", None)
        backend = getattr(pool, "_network_backend", None)
        if isinstance(backend, (_DeadlineBackend, _AsyncDeadlineBackend)):
            continue
        if backend is not None and isinstance(transport, httpx.AsyncHTTPTransport):
            pool._network_backend = _AsyncDeadlineBackend(backend)
        elif backend is not None and isinstance(transport, httpx.HTTPTransport):
            pool._network_backend = _DeadlineBackend(backend)
        else:
            fitted = False
    return fitted
