# Generated from templates/runtime/_transport.py.jinja. Do not edit by hand.
"""The HTTP transport of the clients this package creates: httpx's, with a fair queue in front
of its connection pool and a cheaper way of handing out connections.

Why. With many calls in flight on one client (``asyncio.gather`` over a thousand ids, or dozens
of threads), httpx's pool (httpcore's) gets slower than calling one at a time:

* every call waiting for a connection sits in httpcore's queue, and every arrival and every
  completion rescans the whole queue against every connection (O(queued x connections));
* every such pass asks every idle connection whether the server closed it, one ``poll()``
  system call (and a ``getpeername()``) per idle connection per pass;
* a connection handed to a waiting call stays "idle" until that call starts on it, so the next
  pass hands it to a second call too, which then fails over and queues again.

What this module does about it, without changing what a call means:

* **Admission.** At most ``max_connections`` calls are inside the pool at once; the others wait
  here, first come first served, and each finished call hands its place to the next waiter.
  httpcore's queue therefore never holds more than a pool's worth of calls.
* **Assignment** (``_assign``, which replaces httpcore's ``_assign_requests_to_connections``
  for the pools of the transports built here): one pass over the waiting calls; an idle
  connection is checked for a server-side close when it is about to be reused (and every idle
  connection at most once a second, so dead sockets are still closed promptly); a connection
  handed to a call that has not started yet is not handed to another one.

Timeouts mean what they meant: the ``pool`` timeout (the client's timeout unless set apart)
bounds the whole wait for a connection, the time queued here included; the ``connect``,
``read`` and ``write`` timeouts start once the call has its connection. A call that waits
longer fails with ``httpx.PoolTimeout`` before a byte is sent (so even a POST is retried).
A call cancelled while it waits leaves the queue and takes nothing with it.

The transport is used only for the clients this package builds itself, when no proxy is
configured (in the config or by ``HTTP(S)_PROXY``/``ALL_PROXY``): a proxied client, and an
``httpx`` client passed in by the caller, keep httpx's own transport untouched. If the installed
httpcore does not have the pool layout this module knows (httpcore 1.x), the pool is left as it
is and only admission applies.

**TLS set up when first needed.** httpx builds the SSL context of a transport when the
transport is made, and loading the CA bundle (certifi's, or ``SSL_CERT_FILE``/``SSL_CERT_DIR``)
takes ~15-25 ms of CPU: a client for an ``http://`` URL never needs it, and a command line
should not pay it before it has parsed its arguments. With the default verification
(``verify=True``) the pool here builds httpx's own context (``httpx.create_ssl_context``, same
arguments) when it opens its first ``https`` connection; until then it holds a context that
verifies against no CA at all, so if that ever reached a handshake, the handshake would fail
rather than go unverified. An ``ssl.SSLContext`` or ``verify=False`` is used as given.
"""

from __future__ import annotations

import ssl
import threading
import time
from collections import deque
from collections.abc import AsyncIterator, Callable, Iterator
from typing import TYPE_CHECKING, Any

import httpcore
import httpx

if TYPE_CHECKING:
    import asyncio

__all__ = ["AsyncTransport", "SyncTransport"]

# How often, at most, a pool checks all its idle connections for a server-side close (each
# check is a system call); a connection about to be reused is always checked first.
_SWEEP_INTERVAL = 1.0
# The private layout of httpcore 1.x pools that _assign relies on.
_POOL_ATTRIBUTES = ("_connections", "_requests", "_max_connections", "_max_keepalive_connections")


# --------------------------------------------------------------------------- connection assignment


def _assign(pool: Any) -> list[Any]:
    """Hand waiting requests to connections; return the connections to close.

    Same outcome as httpcore 1.x's ``_assign_requests_to_connections`` (reuse an available
    connection of the request's origin, else open one if the pool has room, else replace an
    idle connection of another origin), with the costs described in the module docstring
    removed. Runs under the pool's own lock, like the method it replaces.
    """
    closing: list[Any] = []
    connections: list[Any] = pool._connections
    for connection in connections:
        if connection.is_closed():
            connections[:] = [c for c in connections if not c.is_closed()]
            break

    now = time.monotonic()
    if now >= getattr(pool, "_sweep_after", 0.0):
        pool._sweep_after = now + _SWEEP_INTERVAL
        for connection in [c for c in connections if c.has_expired()]:
            connections.remove(connection)
            closing.append(connection)

    queued: list[Any] = []
    # Connections already handed to a request (HTTP/1.1: "reserved" until that request starts).
    taken: set[int] = set()
    for pool_request in pool._requests:
        if pool_request.connection is None:
            queued.append(pool_request)
        else:
            taken.add(id(pool_request.connection))

    keep_alive = pool._max_keepalive_connections
    if keep_alive is not None and len(connections) > keep_alive:
        idle = [c for c in connections if c.is_idle() and id(c) not in taken]
        for connection in idle[: max(len(idle) - keep_alive, 0)]:
            connections.remove(connection)
            closing.append(connection)

    for pool_request in queued:
        origin = pool_request.request.url.origin
        chosen = None
        for connection in list(connections):
            if not connection.can_handle_request(origin) or not connection.is_available():
                continue
            if connection.is_idle():
                if id(connection) in taken:
                    continue
                if connection.has_expired():
                    connections.remove(connection)
                    closing.append(connection)
                    continue
            chosen = connection
            break
        if chosen is None:
            if len(connections) >= pool._max_connections:
                # Full: make room by closing an idle connection (of another origin).
                idle = [c for c in connections if c.is_idle() and id(c) not in taken]
                if not idle:
                    continue
                connections.remove(idle[0])
                closing.append(idle[0])
            chosen = pool.create_connection(origin)
            connections.append(chosen)
        taken.add(id(chosen))
        pool_request.assign_to_connection(chosen)
    return closing


class _SyncPool(httpcore.ConnectionPool):
    _make_ssl_context: Callable[[], ssl.SSLContext] | None = None

    def _assign_requests_to_connections(self) -> list[httpcore.ConnectionInterface]:
        return _assign(self)

    def create_connection(self, origin: httpcore.Origin) -> httpcore.ConnectionInterface:
        _ready_tls(self, origin)
        return super().create_connection(origin)


class _AsyncPool(httpcore.AsyncConnectionPool):
    _make_ssl_context: Callable[[], ssl.SSLContext] | None = None

    def _assign_requests_to_connections(self) -> list[httpcore.AsyncConnectionInterface]:
        return _assign(self)

    def create_connection(self, origin: httpcore.Origin) -> httpcore.AsyncConnectionInterface:
        _ready_tls(self, origin)
        return super().create_connection(origin)


def _ready_tls(pool: _SyncPool | _AsyncPool, origin: httpcore.Origin) -> None:
    """Build the pool's SSL context before its first TLS connection (see the module's doc).
    Two threads may both build one: each is complete, and either may stay."""
    make = pool._make_ssl_context
    if make is not None and origin.scheme in (b"https", b"wss"):
        pool._ssl_context = make()
        pool._make_ssl_context = None


_NO_CA: ssl.SSLContext | None = None


def _no_ca_context() -> ssl.SSLContext:
    """A verifying context without any CA: what a pool holds until it needs TLS."""
    global _NO_CA
    if _NO_CA is None:
        _NO_CA = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)  # check_hostname, CERT_REQUIRED
    return _NO_CA


def _defer_tls(pool: object, kwargs: dict[str, Any]) -> bool:
    """Upgrade the pool and replace its placeholder context by a factory of httpx's own;
    ``False`` if the pool is not one this module knows (then it must be built again)."""
    _upgrade_pool(pool)
    if not isinstance(pool, (_SyncPool, _AsyncPool)) or pool._ssl_context is not _NO_CA:
        return False
    trust_env = kwargs.get("trust_env", True)
    pool._make_ssl_context = lambda: httpx.create_ssl_context(verify=True, trust_env=trust_env)
    return True


def _upgrade_pool(pool: object) -> None:
    """Give httpx's plain (non-proxy) pool our assignment, if its layout is the known one."""
    if not httpcore.__version__.startswith("1.") or not all(
        hasattr(pool, name) for name in _POOL_ATTRIBUTES
    ):
        return
    if type(pool) is httpcore.ConnectionPool:
        pool.__class__ = _SyncPool
    elif type(pool) is httpcore.AsyncConnectionPool:
        pool.__class__ = _AsyncPool


# --------------------------------------------------------------------------- admission


class _SyncAdmission:
    """A first-come-first-served gate with ``limit`` places, for threads.

    A place is handed straight from the call that leaves to the longest waiter, so a
    newcomer can never overtake the queue.
    """

    def __init__(self, limit: int) -> None:
        self._lock = threading.Lock()
        self._free = limit
        self._waiters: deque[threading.Lock] = deque()

    def try_acquire(self) -> bool:
        """Take a place if one is free and nobody is waiting for it."""
        with self._lock:
            if self._free > 0 and not self._waiters:
                self._free -= 1
                return True
        return False

    def acquire(self, timeout: float | None) -> None:
        """Wait for a place, in turn; ``httpx.PoolTimeout`` after ``timeout`` seconds."""
        with self._lock:
            if self._free > 0 and not self._waiters:
                self._free -= 1
                return
            waiter = threading.Lock()
            waiter.acquire()
            self._waiters.append(waiter)
        try:
            granted = waiter.acquire(timeout=-1 if timeout is None else max(timeout, 0.0))
        except BaseException:  # interrupted while waiting: leave the queue, or pass the place on
            with self._lock:
                if not self._leave(waiter):
                    self._hand_on()
            raise
        if not granted:
            with self._lock:
                if not self._leave(waiter):
                    return  # handed over just as the wait ended: the place is ours
            raise httpx.PoolTimeout(f"no connection became free within {timeout} s")

    def _leave(self, waiter: threading.Lock) -> bool:
        try:
            self._waiters.remove(waiter)
        except ValueError:
            return False
        return True

    def _hand_on(self) -> None:
        if self._waiters:
            self._waiters.popleft().release()
        else:
            self._free += 1

    def release(self) -> None:
        with self._lock:
            self._hand_on()


class _AsyncAdmission:
    """The asyncio twin of :class:`_SyncAdmission` (one event loop at a time, like the pool)."""

    def __init__(self, limit: int) -> None:
        self._free = limit
        self._waiters: deque[asyncio.Future[None]] = deque()

    def try_acquire(self) -> bool:
        if self._free > 0 and not self._waiters:
            self._free -= 1
            return True
        return False

    async def acquire(self, timeout: float | None) -> None:
        if self.try_acquire():
            return
        import asyncio

        loop = asyncio.get_running_loop()
        waiter: asyncio.Future[None] = loop.create_future()
        self._waiters.append(waiter)
        timer = None
        if timeout is not None:
            timer = loop.call_later(max(timeout, 0.0), _expire, waiter, timeout)
        try:
            await waiter
        except BaseException:
            if waiter.done() and not waiter.cancelled() and waiter.exception() is None:
                self.release()  # handed a place, then cancelled: pass it on
            else:
                try:
                    self._waiters.remove(waiter)
                except ValueError:
                    pass
            raise
        finally:
            if timer is not None:
                timer.cancel()

    def release(self) -> None:
        while self._waiters:
            waiter = self._waiters.popleft()
            if not waiter.done():
                waiter.set_result(None)
                return
        self._free += 1


def _expire(waiter: asyncio.Future[None], timeout: float) -> None:
    if not waiter.done():
        waiter.set_exception(httpx.PoolTimeout(f"no connection became free within {timeout} s"))


def _pool_timeout_left(request: httpx.Request, started: float) -> None:
    """After waiting in the queue, leave httpcore only what remains of the pool timeout."""
    timeouts = request.extensions.get("timeout")
    if not timeouts or timeouts.get("pool") is None:
        return
    left = max(timeouts["pool"] - (time.monotonic() - started), 0.0)
    request.extensions = {**request.extensions, "timeout": {**timeouts, "pool": left}}


# --------------------------------------------------------------------------- transports


class _ReleasingStream(httpx.SyncByteStream):
    """A response body that gives the call's place back when it is closed."""

    def __init__(self, stream: httpx.SyncByteStream, release: Callable[[], None]) -> None:
        self._stream = stream
        self._release: Callable[[], None] | None = release

    def __iter__(self) -> Iterator[bytes]:
        return self._stream.__iter__()

    def close(self) -> None:
        try:
            self._stream.close()
        finally:
            release, self._release = self._release, None
            if release is not None:
                release()


class SyncTransport(httpx.HTTPTransport):
    """httpx's transport with admission and cheaper connection assignment.

    Takes ``httpx.HTTPTransport``'s arguments; ``limits.max_connections`` is also the
    number of calls admitted into the pool at once (none: no admission).
    """

    # a client may hand it a call directly (_base_client._direct_transport)
    direct = True

    def __init__(self, *, limits: httpx.Limits, **kwargs: Any) -> None:
        if kwargs.get("verify", True) is True and kwargs.get("cert") is None:
            super().__init__(limits=limits, **{**kwargs, "verify": _no_ca_context()})
            if not _defer_tls(self._pool, kwargs):
                super().__init__(limits=limits, **kwargs)  # an unknown pool: TLS set up now
        else:
            super().__init__(limits=limits, **kwargs)
        _upgrade_pool(self._pool)
        size = limits.max_connections
        self._admission = _SyncAdmission(size) if size else None

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        admission = self._admission
        if admission is None:
            return super().handle_request(request)
        if not admission.try_acquire():
            started = time.monotonic()
            timeouts = request.extensions.get("timeout") or {}
            admission.acquire(timeouts.get("pool"))
            _pool_timeout_left(request, started)
        try:
            response = super().handle_request(request)
        except BaseException:
            admission.release()
            raise
        stream = response.stream
        assert isinstance(stream, httpx.SyncByteStream)
        response.stream = _ReleasingStream(stream, admission.release)
        return response


class _AsyncReleasingStream(httpx.AsyncByteStream):
    """A response body that gives the call's place back when it is closed."""

    def __init__(self, stream: httpx.AsyncByteStream, release: Callable[[], None]) -> None:
        self._stream = stream
        self._release: Callable[[], None] | None = release

    def __aiter__(self) -> AsyncIterator[bytes]:
        return self._stream.__aiter__()

    async def aclose(self) -> None:
        try:
            await self._stream.aclose()
        finally:
            release, self._release = self._release, None
            if release is not None:
                release()


class AsyncTransport(httpx.AsyncHTTPTransport):
    """httpx's async transport with admission and cheaper connection assignment.

    Takes ``httpx.AsyncHTTPTransport``'s arguments; ``limits.max_connections`` is also the
    number of calls admitted into the pool at once (none: no admission).
    """

    # a client may hand it a call directly (_base_client._direct_transport)
    direct = True

    def __init__(self, *, limits: httpx.Limits, **kwargs: Any) -> None:
        if kwargs.get("verify", True) is True and kwargs.get("cert") is None:
            super().__init__(limits=limits, **{**kwargs, "verify": _no_ca_context()})
            if not _defer_tls(self._pool, kwargs):
                super().__init__(limits=limits, **kwargs)  # an unknown pool: TLS set up now
        else:
            super().__init__(limits=limits, **kwargs)
        _upgrade_pool(self._pool)
        size = limits.max_connections
        self._admission = _AsyncAdmission(size) if size else None

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        admission = self._admission
        if admission is None:
            return await super().handle_async_request(request)
        if not admission.try_acquire():
            started = time.monotonic()
            timeouts = request.extensions.get("timeout") or {}
            await admission.acquire(timeouts.get("pool"))
            _pool_timeout_left(request, started)
        try:
            response = await super().handle_async_request(request)
        except BaseException:
            admission.release()
            raise
        stream = response.stream
        assert isinstance(stream, httpx.AsyncByteStream)
        response.stream = _AsyncReleasingStream(stream, admission.release)
        return response
