# Generated from templates/runtime/_pagination.py.jinja. Do not edit by hand.
"""Paginated list responses that can walk across pages lazily.

Styles: ``page`` (page number and size parameters), ``offset`` (offset and limit), ``cursor``
(a cursor or next token in the body, sent back as a parameter), ``last_item`` (the last item's
id sent back as the cursor, Stripe's ``starting_after``), ``next_url`` (the URL of the
next page in the body), ``link_header`` (RFC 8288 ``Link: <...>; rel="next"``) and ``single``
(one page). What a page says decides whether another one is fetched, and a server that loops
cannot make iteration endless: a cursor or URL already followed, a page repeating the page
before, or too many empty pages in a row end it (with a warning on the package logger).

No ``from __future__ import annotations``: the models here are evaluated by Pydantic at runtime,
on Python 3.9 too.
"""

import logging
import re
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, Optional, TypeVar

import httpx
import pydantic

from ._models import BaseModel
from ._pagespec import PaginationSpec, _Walk

if TYPE_CHECKING:
    from ._base_client import APIResponse

__all__ = ["PageRequest", "PagedResponse", "Pagination", "PaginationSpec"]

T = TypeVar("T")

logger = logging.getLogger("runrl")

# Empty pages in a row after which a cursor or URL walk stops (some APIs do return a few).
_MAX_EMPTY_PAGES = 5

# Names servers use for the same facts; the first one present wins.
_PAGE_KEYS = ("page", "current_page", "currentPage")
_PER_PAGE_KEYS = ("per_page", "perPage", "page_size", "pageSize", "limit", "hitsPerPage")
_TOTAL_KEYS = ("total", "total_count", "totalCount", "total_items", "totalItems", "nbHits")
_TOTAL_PAGES_KEYS = ("total_pages", "totalPages", "pages", "page_count", "pageCount", "last_page",
                     "nbPages")  # fmt: skip
_HAS_MORE_KEYS = ("has_more", "hasMore", "has_next", "hasNext", "has_next_page", "hasNextPage")


@dataclass(frozen=True)
class PageRequest:
    """How to ask for a next page: query parameters to set, or a URL the server gave."""

    params: Mapping[str, object] = field(default_factory=dict)
    url: Optional[str] = None


def _int_of(value: object, least: int = 0) -> Optional[int]:
    """``value`` as an int of at least ``least``, else ``None``: the server's word is untrusted
    (a negative page number must not become the next request, ``inf`` must not raise)."""
    if isinstance(value, bool):
        return None
    number: Optional[int] = None
    if isinstance(value, int):
        number = value
    elif isinstance(value, (float, str)):
        try:
            number = int(value)
        except (ValueError, OverflowError):
            return None
    return number if number is not None and number >= least else None


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
        return _int_of(self._first(_PAGE_KEYS), least=1)

    @property
    def per_page(self) -> Optional[int]:
        """The page size, if the server says."""
        return _int_of(self._first(_PER_PAGE_KEYS), least=1)

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
    Iterating the page again walks the listing again (the pages after it are fetched again).
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

    # Set by the client that fetched the page: how to fetch the next page of the same list.
    _fetch_page: Any = pydantic.PrivateAttr(default=None)
    _afetch_page: Any = pydantic.PrivateAttr(default=None)
    _page_number: Any = pydantic.PrivateAttr(default=None)
    _page_size: Any = pydantic.PrivateAttr(default=None)
    _first_page: Any = pydantic.PrivateAttr(default=1)
    _seen_size: Any = pydantic.PrivateAttr(default=None)
    _next: Any = pydantic.PrivateAttr(default=None)
    _raw: Any = pydantic.PrivateAttr(default=None)

    def _bind(
        self,
        *,
        fetch: "Optional[Callable[[PageRequest], PagedResponse[T]]]" = None,
        afetch: "Optional[Callable[[PageRequest], Awaitable[PagedResponse[T]]]]" = None,
        page_number: Optional[int] = None,
        page_size: Optional[int] = None,
        next_request: Optional[PageRequest] = None,
        raw: "Optional[APIResponse[Any]]" = None,
        first_page: int = 1,
        seen_size: Optional[int] = None,
    ) -> "PagedResponse[T]":
        self._fetch_page = fetch
        self._afetch_page = afetch
        self._page_number = page_number
        self._page_size = page_size
        self._first_page = first_page
        self._seen_size = seen_size
        self._next = next_request
        self._raw = raw
        return self

    @property
    def raw_response(self) -> "Optional[APIResponse[Any]]":
        """The HTTP response this page came from (status, headers, ``request_id``), if a
        client fetched it."""
        raw: Optional[APIResponse[Any]] = self._raw
        return raw

    @property
    def next_request(self) -> Optional[PageRequest]:
        """How the next page would be asked for (``None`` on the last page)."""
        request: Optional[PageRequest] = self._next
        return request

    def next_page_number(self) -> Optional[int]:
        """The number of the page after this one, or ``None`` if this is the last page.

        Decided from ``pagination`` (``has_more``, else page < ``total_pages``, else the
        ``total`` count), and without those from a full page: a non-empty page with exactly
        ``per_page`` items is assumed to have a successor. Pages are numbered from 1, or from
        0 for an API whose first page is 0 (Algolia's ``page``, with ``nbPages`` pages).
        """
        if not self.items:
            return None
        meta = self.pagination
        first: int = self._first_page
        current = _int_of(meta._first(_PAGE_KEYS), least=first)
        if current is None:
            current = self._page_number if self._page_number is not None else first
        done = current - first + 1  # the pages up to this one
        if meta.has_more is not None:
            return current + 1 if meta.has_more else None
        total_pages = meta.total_pages
        if total_pages is not None:
            return current + 1 if done < total_pages else None
        per_page = meta.per_page or self._page_size
        total = meta.total
        if total is not None and per_page:
            return current + 1 if done * per_page < total else None
        if total is not None:  # no page size known: the first page's length stands for it
            size: int = self._seen_size or len(self.items)
            return current + 1 if (done - 1) * size + len(self.items) < total else None
        if per_page and len(self.items) >= per_page:
            return current + 1
        return None

    def has_next_page(self) -> bool:
        """Whether another page follows and this page knows how to fetch it."""
        if self._fetch_page is None and self._afetch_page is None:
            return False
        return self._next is not None

    def get_next_page(self) -> "PagedResponse[T]":
        """Fetch the next page (sync client); ``LookupError`` if there is none."""
        if not self.has_next_page():
            raise LookupError("there is no next page")
        if self._fetch_page is None:
            raise TypeError("this page came from an async client: use `await aget_next_page()`")
        page: PagedResponse[T] = self._fetch_page(self._next)
        return page

    async def aget_next_page(self) -> "PagedResponse[T]":
        """Fetch the next page (async client)."""
        if not self.has_next_page():
            raise LookupError("there is no next page")
        if self._afetch_page is None:
            raise TypeError("this page came from a sync client: use `get_next_page()`")
        page: PagedResponse[T] = await self._afetch_page(self._next)
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


# ------------------------------------------------------------------------ choosing the next page


def member_at(payload: Any, path: "tuple[str, ...]") -> Any:
    """The member of ``payload`` at ``path`` (``None`` if any step is missing)."""
    value = payload
    for key in path:
        if not isinstance(value, dict):
            return None
        value = value.get(key)
    return value


def split_payload(payload: Any, spec: PaginationSpec) -> "Optional[tuple[Any, Any]]":
    """``(items, meta)`` of a page payload, or ``None`` if the payload has no list where the spec
    says."""
    if spec.style == "single":
        return payload, None
    if spec.items == "":
        return (payload, None) if isinstance(payload, list) else None
    if not isinstance(payload, dict) or spec.items not in payload:
        return None
    if spec.meta == "":
        return payload[spec.items], {k: v for k, v in payload.items() if k != spec.items}
    return payload[spec.items], payload.get(spec.meta)


def _split_links(value: str) -> "list[str]":
    """The link-values of a ``Link`` header (commas inside ``<...>`` or quotes kept)."""
    parts: list[str] = []
    current: list[str] = []
    in_url = in_quotes = False
    for ch in value:
        if ch == "<" and not in_quotes:
            in_url = True
        elif ch == ">" and not in_quotes:
            in_url = False
        elif ch == '"' and not in_url:
            in_quotes = not in_quotes
        elif ch == "," and not in_url and not in_quotes:
            parts.append("".join(current))
            current = []
            continue
        current.append(ch)
    parts.append("".join(current))
    return parts


_LINK = re.compile(r"\s*<([^>]*)>(.*)", re.S)


def link_next(headers: httpx.Headers) -> Optional[str]:
    """The target of the ``rel="next"`` link of RFC 8288 ``Link`` headers, if any."""
    for value in headers.get_list("link"):
        for part in _split_links(value[:65536]):
            match = _LINK.match(part)
            if match is None:
                continue
            target, params = match.groups()
            for param in params.split(";"):
                key, _, raw = param.partition("=")
                if (
                    key.strip().lower() == "rel"
                    and "next" in raw.strip().strip('"').lower().split()
                ):
                    return target.strip()
    return None


def _has_more(spec: PaginationSpec, payload: Any, page: "PagedResponse[Any]") -> Optional[bool]:
    value = member_at(payload, spec.has_more) if spec.has_more else page.pagination.has_more
    return value if isinstance(value, bool) else None


def _offset_next(
    spec: PaginationSpec, page: "PagedResponse[Any]", query: "Mapping[str, object]", more: Any
) -> Optional[PageRequest]:
    offset = _int_of(query.get(spec.offset_param)) or 0
    limit = _int_of(query.get(spec.limit_param)) or page.pagination.per_page
    total = page.pagination.total
    following = offset + len(page.items)
    if total is not None and following >= total:
        return None
    if more is not True and limit and len(page.items) < limit:
        return None
    return PageRequest(params={spec.offset_param: following})


def _guard(page: "PagedResponse[Any]", items: Any, walk: _Walk, style: str) -> bool:
    """Whether the walk may go on after this page (see the module docstring)."""
    if not page.items:
        walk.empty_run += 1
        if style in ("page", "offset"):
            return False
        if walk.empty_run > _MAX_EMPTY_PAGES:
            logger.warning("pagination stopped: %d empty pages in a row", walk.empty_run)
            return False
        return True
    walk.empty_run = 0
    if walk.previous is not None and items == walk.previous:
        logger.warning("pagination stopped: the server sent the same page twice")
        return False
    walk.previous = items
    return True


def _once(walk: _Walk, key: str) -> bool:
    if key in walk.seen:
        logger.warning("pagination stopped: the server sent a cursor or URL already followed")
        return False
    walk.seen[key] = None
    return True


def plan_next(
    spec: PaginationSpec,
    page: "PagedResponse[Any]",
    payload: Any,
    items: Any,
    query: "Optional[Mapping[str, object]]",
    response: httpx.Response,
    walk: _Walk,
) -> Optional[PageRequest]:
    """How to ask for the page after ``page``, or ``None`` if it is the last one.

    ``payload`` is the unwrapped body, ``items`` its raw list, ``query`` the query of the
    request that fetched it (what the caller passed, plus the page parameters). A next URL is
    returned made absolute; the client checks its origin before following it.
    """
    if spec.style == "single" or not _guard(page, items, walk, spec.style):
        return None
    query = query or {}
    if spec.style == "page":
        number = page.next_page_number()
        return None if number is None else PageRequest(params={spec.page_param: number})
    more = _has_more(spec, payload, page)
    if more is False:
        return None
    if spec.style == "offset":
        return _offset_next(spec, page, query, more)
    if spec.style in ("cursor", "last_item"):
        if query.get(spec.cursor_param) is not None:
            walk.seen[str(query[spec.cursor_param])] = None
        if spec.style == "cursor":
            cursor = member_at(payload, spec.next_cursor)
            if spec.or_offset and cursor in (None, "") and query.get(spec.cursor_param) is None:
                return _offset_next(spec, page, query, more)  # a walk by offset, not cursor
        else:  # the last item's id; no items, or no has_more saying more follow: the end
            last = items[-1] if isinstance(items, list) and items else None
            if isinstance(last, pydantic.BaseModel):  # the one-pass path validated the list
                last = last.model_dump(mode="json", by_alias=True)
            cursor = member_at(last, spec.next_cursor) if more else None
        if isinstance(cursor, bool) or not isinstance(cursor, (str, int)) or cursor == "":
            return None
        text = str(cursor)
        return PageRequest(params={spec.cursor_param: text}) if _once(walk, text) else None
    found = (
        link_next(response.headers)
        if spec.style == "link_header"
        else member_at(payload, spec.next_url)
    )
    if not isinstance(found, str) or not found.strip():
        return None
    walk.seen[str(response.request.url)] = None
    try:
        target = str(response.request.url.join(found.strip()))
    except httpx.InvalidURL:
        raise ValueError("the next page URL the server sent is not a URL") from None
    return PageRequest(url=target) if _once(walk, target) else None
