# Generated from templates/runtime/_pagination.py.jinja. Do not edit by hand.
"""Paginated list responses that can walk across pages lazily.

No ``from __future__ import annotations``: the models here are evaluated by Pydantic at runtime,
on Python 3.9 too.
"""

from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass
from typing import Any, Generic, Literal, Optional, TypeVar

import pydantic

from ._models import BaseModel

__all__ = ["PagedResponse", "Pagination", "PaginationSpec"]

T = TypeVar("T")

# Names servers use for the same facts; the first one present wins.
_PAGE_KEYS = ("page", "current_page", "currentPage")
_PER_PAGE_KEYS = ("per_page", "perPage", "page_size", "pageSize", "limit")
_TOTAL_KEYS = ("total", "total_count", "totalCount", "total_items", "totalItems")
_TOTAL_PAGES_KEYS = ("total_pages", "totalPages", "pages", "page_count", "pageCount", "last_page")
_HAS_MORE_KEYS = ("has_more", "hasMore", "has_next", "hasNext", "has_next_page", "hasNextPage")


@dataclass(frozen=True)
class PaginationSpec:
    """How an operation paginates (from its ``x-sdk-pagination`` extension).

    ``style="page"``: the payload is an object with the list under ``items`` and the pagination
    facts under ``meta``; pages are chosen with the ``page_param`` query parameter and sized with
    ``size_param``. ``style="single"``: the payload is a bare list, a single page.
    """

    style: Literal["page", "single"] = "page"
    items: str = "items"
    meta: str = "pagination"
    page_param: str = "page"
    size_param: str = "per_page"


def _int_of(value: object) -> Optional[int]:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, (float, str)):
        try:
            return int(value)
        except ValueError:
            return None
    return None


class Pagination(BaseModel):
    """The pagination facts of one page, exactly as the server sent them.

    The members are not part of the documented contract, so nothing is required and nothing is
    coerced on the way in: read them dict-style (``page.pagination["total"]``,
    ``.get("total")``) or through the typed properties, which understand the usual spellings
    (``total_pages``/``totalPages``/``pages`` ...) and return ``None`` when the server is silent.
    """

    def _first(self, keys: tuple[str, ...]) -> Any:
        extra = self.__pydantic_extra__ or {}
        for key in keys:
            if extra.get(key) is not None:
                return extra[key]
        return None

    @property
    def page(self) -> Optional[int]:
        """The number of this page (1-based), if the server says."""
        return _int_of(self._first(_PAGE_KEYS))

    @property
    def per_page(self) -> Optional[int]:
        """The page size, if the server says."""
        return _int_of(self._first(_PER_PAGE_KEYS))

    @property
    def total(self) -> Optional[int]:
        """The number of items across all pages, if the server says."""
        return _int_of(self._first(_TOTAL_KEYS))

    @property
    def total_pages(self) -> Optional[int]:
        """The number of pages, if the server says."""
        return _int_of(self._first(_TOTAL_PAGES_KEYS))

    @property
    def has_more(self) -> Optional[bool]:
        """Whether a next page exists, if the server says."""
        value = self._first(_HAS_MORE_KEYS)
        return value if isinstance(value, bool) else None


class PagedResponse(BaseModel, Generic[T]):
    """One page of a list: ``items`` and ``pagination``.

    Returned by a client, the page can also walk across all pages, fetching each next page
    only when the previous one has been consumed: ``for item in page`` or
    ``page.auto_paging_iter()`` for a sync client, ``async for item in page`` for an async one.
    ``has_next_page()``, ``get_next_page()`` (sync) and ``await page.aget_next_page()`` (async)
    step by hand. A page built by hand (not by a client) iterates over its own items only.
    """

    items: list[T]
    pagination: Pagination = pydantic.Field(default_factory=Pagination)

    @pydantic.field_validator("pagination", mode="before")
    @classmethod
    def _null_pagination(cls, value: Any) -> Any:
        # A page without pagination facts (null or absent) is still a valid single page.
        return {} if value is None else value

    # Set by the client that fetched the page: how to fetch page number n of the same list.
    _fetch_page: Any = pydantic.PrivateAttr(default=None)
    _afetch_page: Any = pydantic.PrivateAttr(default=None)
    _page_number: Any = pydantic.PrivateAttr(default=None)
    _page_size: Any = pydantic.PrivateAttr(default=None)

    def _bind(
        self,
        *,
        fetch: "Optional[Callable[[int], PagedResponse[T]]]" = None,
        afetch: "Optional[Callable[[int], Awaitable[PagedResponse[T]]]]" = None,
        page_number: Optional[int] = None,
        page_size: Optional[int] = None,
    ) -> "PagedResponse[T]":
        self._fetch_page = fetch
        self._afetch_page = afetch
        self._page_number = page_number
        self._page_size = page_size
        return self

    def next_page_number(self) -> Optional[int]:
        """The number of the page after this one, or ``None`` if this is the last page.

        Decided from ``pagination`` (``has_more``, else page < ``total_pages``, else the
        ``total`` count), and without those from a full page: a non-empty page with exactly
        ``per_page`` items is assumed to have a successor.
        """
        if not self.items:
            return None
        meta = self.pagination
        current = meta.page or self._page_number or 1
        if meta.has_more is not None:
            return current + 1 if meta.has_more else None
        total_pages = meta.total_pages
        if total_pages is not None:
            return current + 1 if current < total_pages else None
        per_page = meta.per_page or self._page_size
        total = meta.total
        if total is not None and per_page:
            return current + 1 if current * per_page < total else None
        if per_page and len(self.items) >= per_page:
            return current + 1
        return None

    def has_next_page(self) -> bool:
        """Whether another page follows and this page knows how to fetch it."""
        if self._fetch_page is None and self._afetch_page is None:
            return False
        return self.next_page_number() is not None

    def get_next_page(self) -> "PagedResponse[T]":
        """Fetch the next page (sync client); ``LookupError`` if there is none."""
        number = self.next_page_number()
        if number is None or not self.has_next_page():
            raise LookupError("there is no next page")
        if self._fetch_page is None:
            raise TypeError("this page came from an async client: use `await aget_next_page()`")
        page: PagedResponse[T] = self._fetch_page(number)
        return page

    async def aget_next_page(self) -> "PagedResponse[T]":
        """Fetch the next page (async client)."""
        number = self.next_page_number()
        if number is None or not self.has_next_page():
            raise LookupError("there is no next page")
        if self._afetch_page is None:
            raise TypeError("this page came from a sync client: use `get_next_page()`")
        page: PagedResponse[T] = await self._afetch_page(number)
        return page

    def iter_pages(self) -> "Iterator[PagedResponse[T]]":
        """This page, then each following page, fetched one at a time (sync client)."""
        page: PagedResponse[T] = self
        while True:
            yield page
            if not page.has_next_page():
                return
            page = page.get_next_page()

    async def aiter_pages(self) -> "AsyncIterator[PagedResponse[T]]":
        """This page, then each following page, fetched one at a time (async client)."""
        page: PagedResponse[T] = self
        while True:
            yield page
            if not page.has_next_page():
                return
            page = await page.aget_next_page()

    def auto_paging_iter(self) -> Iterator[T]:
        """Every item of this page and of the pages after it (sync client)."""
        if self._afetch_page is not None:
            raise TypeError("this page came from an async client: use `async for item in page`")
        for page in self.iter_pages():
            yield from page.items

    async def _aiter_items(self) -> AsyncIterator[T]:
        if self._fetch_page is not None:
            raise TypeError("this page came from a sync client: use `for item in page`")
        async for page in self.aiter_pages():
            for item in page.items:
                yield item

    def __iter__(self) -> Iterator[T]:  # type: ignore[override]
        """Iterate over all items across pages (sync client); see ``auto_paging_iter()``."""
        return self.auto_paging_iter()

    def __aiter__(self) -> AsyncIterator[T]:
        """Iterate over all items across pages (async client)."""
        return self._aiter_items()
