# Generated from templates/runtime/_pagespec.py.jinja. Do not edit by hand.
"""How an operation paginates, and what one walk across pages remembers: plain data, apart
from the page model and the walking (``_pagination``).

A resource module builds one ``PaginationSpec`` per list operation when it is imported; this
module imports neither Pydantic nor httpx, so that a command line's first call reaches the
network before they load (issue 19: fast to start). ``_pagination`` re-exports the class.
"""

from dataclasses import dataclass
from typing import Any, Literal

__all__ = ["PaginationSpec"]

_Style = Literal["page", "offset", "cursor", "last_item", "next_url", "link_header", "single"]


@dataclass(frozen=True)
class PaginationSpec:
    """How an operation paginates (from its ``x-sdk-pagination`` extension, or inferred).

    The payload is an object with the list under ``items`` (``""``: the payload is the list)
    and the pagination facts under ``meta`` (``""``: the payload's own members). Then, by
    ``style``:

    * ``"page"``: pages chosen with the ``page_param`` query parameter, sized by ``size_param``,
      numbered from ``first_page`` (0: zero-based);
    * ``"offset"``: the next page starts at ``offset_param`` = offset + items received, sized
      by ``limit_param``;
    * ``"cursor"``: the member at path ``next_cursor`` is sent back as ``cursor_param``; with
      ``or_offset``, a walk that began without a cursor and gets none back goes on as the
      ``"offset"`` style (an API that pages by cursor only when asked to, else by offset);
    * ``"last_item"``: the member at path ``next_cursor`` of the page's last item (its ``id``)
      is sent back as ``cursor_param`` (Stripe's ``starting_after``), while ``has_more`` holds;
    * ``"next_url"``: the member at path ``next_url`` is the URL of the next page;
    * ``"link_header"``: the ``Link`` header's ``rel="next"`` is the URL of the next page;
    * ``"single"``: the payload is a bare list, a single page.

    ``has_more`` is the path of a boolean saying whether more pages follow (``()``: the usual
    spellings in ``meta``). Paths are tuples of member names into the payload. With
    ``in_body``, the page parameters (page, size, offset, limit, cursor) are members of the
    JSON request body, sent again with each page's values (a search ``POST``), not the query.
    """

    style: _Style = "page"
    items: str = "items"
    meta: str = "pagination"
    page_param: str = "page"
    size_param: str = "per_page"
    offset_param: str = "offset"
    limit_param: str = "limit"
    cursor_param: str = "cursor"
    next_cursor: tuple[str, ...] = ("next_cursor",)
    next_url: tuple[str, ...] = ("next",)
    has_more: tuple[str, ...] = ()
    or_offset: bool = False
    first_page: int = 1
    in_body: bool = False


class _Walk:
    """What the pages of one listing share, so that a server that loops cannot make iteration
    endless: the cursors and URLs already followed (in the order followed), the previous
    page's items, and how many empty pages came in a row.

    Each page keeps a ``mark()`` of the walk as it stood once that page was planned, and asks
    for its next page from there (``rewind``): walking the same pages again (a second ``for``
    over a page, ``get_next_page()`` called twice) sees what the first walk had seen before
    that page, not its end. A walk straight on rewinds nothing (the mark is the latest).
    """

    __slots__ = ("at", "empty_run", "first_size", "previous", "seen")

    def __init__(self) -> None:
        self.seen: dict[str, None] = {}  # a set that keeps its order (rewind cuts its tail)
        self.previous: Any = None
        self.empty_run = 0
        self.at: Any = None
        self.first_size: Any = None  # the first page's length (a page size unsaid)

    def mark(self) -> "tuple[int, Any, int]":
        """The walk as it stands (once a page is planned); ``rewind`` returns to it."""
        mark = (len(self.seen), self.previous, self.empty_run)
        self.at = mark
        return mark

    def rewind(self, mark: "tuple[int, Any, int]") -> None:
        """Back to ``mark``, unless it is where the walk stands: what was followed after it
        is forgotten."""
        if self.at is mark:
            return
        count, self.previous, self.empty_run = mark
        if len(self.seen) > count:
            self.seen = dict.fromkeys(list(self.seen)[:count])
        self.at = mark
