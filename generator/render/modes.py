"""The sync and async "modes" that every client template is rendered with.

One template source produces both variants: a template loops over ``MODES`` and writes
``{{ m.async_ }}def``, ``{{ m.await_ }}call()``, ``{{ m.prefix }}Client`` and so on.
See DESIGN.md, "Sync and async from one template source".
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Mode:
    is_async: bool
    prefix: str
    async_: str
    await_: str
    for_: str
    with_: str
    iterator: str
    iterable: str
    httpx_client: str
    close: str
    read: str
    handle: str
    enter: str
    exit: str
    iter_: str
    next_: str
    sleep: str


SYNC = Mode(
    is_async=False,
    prefix="",
    async_="",
    await_="",
    for_="for",
    with_="with",
    iterator="Iterator",
    iterable="Iterable",
    httpx_client="httpx.Client",
    close="close",
    read="read",
    handle="handle_request",
    enter="__enter__",
    exit="__exit__",
    iter_="__iter__",
    next_="__next__",
    sleep="time.sleep",
)

ASYNC = Mode(
    is_async=True,
    prefix="Async",
    async_="async ",
    await_="await ",
    for_="async for",
    with_="async with",
    iterator="AsyncIterator",
    iterable="AsyncIterable",
    httpx_client="httpx.AsyncClient",
    close="aclose",
    read="aread",
    handle="handle_async_request",
    enter="__aenter__",
    exit="__aexit__",
    iter_="__aiter__",
    next_="__anext__",
    sleep="asyncio.sleep",
)

MODES = (SYNC, ASYNC)
