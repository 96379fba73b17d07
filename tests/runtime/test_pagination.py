"""Pages: lazy iteration across pages (sync and async), next-page rules, single-list style."""

from __future__ import annotations

from typing import Any

import pytest
from runrl_rt._base_client import Operation
from runrl_rt._exceptions import ResponseValidationError
from runrl_rt._pagination import PagedResponse, Pagination, PaginationSpec
from tests.runtime.helpers import LIST_FILES, File, make_async_client, make_client
from tests.runtime.server import Seen, TestServer, envelope

SPEC = PaginationSpec(
    style="page", items="items", meta="pagination", page_param="page", size_param="per_page"
)


def three_pages(request: Seen, n: int) -> Any:
    query = dict(request.query)
    page = int(query.get("page", "1"))
    per_page = int(query["per_page"])
    assert query["type"] == "prompt"  # the original filters are kept on every page
    items = [{"id": f"f{page}-{i}", "name": "n"} for i in range(per_page if page < 3 else 1)]
    meta = {"page": page, "per_page": per_page, "total": 2 * per_page + 1, "total_pages": 3}
    return envelope({"items": items, "pagination": meta})


def test_sync_iteration_is_lazy_across_three_pages(server: TestServer) -> None:
    server.on("GET", "/files", three_pages)
    with make_client(server.url) as client:
        page = client.request_page(
            LIST_FILES, query={"type": "prompt", "per_page": 2}, item_type=File, pagination=SPEC
        )
        assert isinstance(page, PagedResponse)
        assert [f.id for f in page.items] == ["f1-0", "f1-1"]
        assert page.pagination["total"] == 5 and page.pagination.get("missing") is None
        assert page.pagination.total_pages == 3 and page.has_next_page()
        iterator = iter(page)
        seen_ids = [next(iterator).id, next(iterator).id]
        assert len(server.seen()) == 1  # nothing fetched before the first page is consumed
        seen_ids.append(next(iterator).id)
        assert len(server.seen()) == 2
        seen_ids.extend(f.id for f in iterator)
        assert seen_ids == ["f1-0", "f1-1", "f2-0", "f2-1", "f3-0"]
        assert [dict(r.query).get("page") for r in server.seen()] == [None, "2", "3"]
        assert [f.id for f in page.auto_paging_iter()] == seen_ids


def test_manual_paging(server: TestServer) -> None:
    server.on("GET", "/files", three_pages)
    with make_client(server.url) as client:
        page = client.request_page(
            LIST_FILES,
            query={"type": "prompt", "per_page": 2, "page": 2},
            item_type=File,
            pagination=SPEC,
        )
        last = page.get_next_page()
        assert [f.id for f in last.items] == ["f3-0"] and not last.has_next_page()
        with pytest.raises(LookupError):
            last.get_next_page()
        assert [len(p.items) for p in page.iter_pages()] == [2, 1]


@pytest.mark.anyio
async def test_async_iteration_is_lazy_across_three_pages(server: TestServer) -> None:
    server.on("GET", "/files", three_pages)
    async with make_async_client(server.url) as client:
        page = await client.request_page(
            LIST_FILES, query={"type": "prompt", "per_page": 2}, item_type=File, pagination=SPEC
        )
        ids = []
        async for file in page:
            ids.append(file.id)
            if len(ids) == 2:
                assert len(server.seen()) == 1
        assert ids == ["f1-0", "f1-1", "f2-0", "f2-1", "f3-0"]
        assert len(server.seen()) == 3
        second = await page.aget_next_page()
        assert [f.id for f in second.items] == ["f2-0", "f2-1"]
        with pytest.raises(TypeError, match="async for"):
            list(page)
        with pytest.raises(TypeError, match="aget_next_page"):
            page.get_next_page()


def test_single_style_and_bad_shapes(server: TestServer) -> None:
    server.on("GET", "/keys", lambda r, n: envelope([{"id": "k1", "name": "a"}]))
    server.on("GET", "/files", lambda r, n: envelope({"files": []}))
    server.on("GET", "/bad", lambda r, n: envelope({"items": [{"id": 1}], "pagination": None}))
    with make_client(server.url) as client:
        single = client.request_page(
            LIST_FILES.__class__("GET", "/keys", ("data",)),
            item_type=File,
            pagination=PaginationSpec(style="single"),
        )
        assert [k.id for k in single] == ["k1"] and not single.has_next_page()
        assert single.pagination.keys() == []
        with pytest.raises(ResponseValidationError, match="list member 'items'"):
            client.request_page(LIST_FILES, item_type=File, pagination=SPEC)
        with pytest.raises(ResponseValidationError, match=r"page of File at items\.0\.id"):
            client.request_page(
                LIST_FILES.__class__("GET", "/bad", ("data",)), item_type=File, pagination=SPEC
            )


def page_of(count: int, **meta: Any) -> PagedResponse[int]:
    page = PagedResponse[int].model_validate({"items": list(range(count)), "pagination": meta})
    return page._bind(fetch=lambda n: page, page_number=meta.get("_n"), page_size=meta.get("_s"))


@pytest.mark.parametrize(
    ("count", "meta", "expected"),
    [
        (2, {"page": 1, "has_more": True}, 2),
        (2, {"page": 4, "has_more": False, "total_pages": 9}, None),
        (2, {"hasMore": True, "_n": 3}, 4),
        (2, {"page": 2, "total_pages": 3}, 3),
        (2, {"page": 3, "totalPages": 3}, None),
        (2, {"page": 1, "per_page": 2, "total": 5}, 2),
        (1, {"page": 3, "per_page": 2, "total": 5}, None),
        (2, {"per_page": 2}, 2),
        (1, {"per_page": 2}, None),
        (2, {"_s": 2}, 2),
        (2, {}, None),
        (0, {"page": 1, "has_more": True}, None),
        # untrusted facts: a page number below 1 (Prism --dynamic sends -28411211), a size
        # below 1 or an infinite number is no fact; the page asked for decides
        (2, {"page": -28411211, "has_more": True, "_n": 3}, 4),
        (2, {"page": 0, "has_more": True}, 2),
        (2, {"page": float("inf"), "has_more": True, "_n": 2}, 3),
        # no size known beside a total: this page's length stands for it
        (2, {"page": 1, "per_page": -2, "total": 5}, 2),
        (2, {"page": 1, "per_page": 0, "total": 5, "_s": 2}, 2),
    ],
)
def test_next_page_rules(count: int, meta: dict[str, Any], expected: Any) -> None:
    assert page_of(count, **meta).next_page_number() == expected


@pytest.mark.parametrize(
    ("count", "meta", "expected"),
    [
        (2, {"page": 0, "nbPages": 3}, 1),  # Algolia: pages 0, 1, 2
        (2, {"page": 2, "nbPages": 3}, None),
        (2, {"nbPages": 3, "_n": 1}, 2),
        (2, {"nbPages": 1}, None),  # no number said or asked for: the first page, 0
        (2, {"page": 1, "hitsPerPage": 2, "nbHits": 5}, 2),
        (1, {"page": 2, "hitsPerPage": 2, "nbHits": 5}, None),
        (2, {"page": -1, "nbPages": 3}, 1),  # below the first page: no fact
    ],
)
def test_next_page_rules_numbered_from_0(count: int, meta: dict[str, Any], expected: Any) -> None:
    page = PagedResponse[int].model_validate({"items": list(range(count)), "pagination": meta})
    page._bind(fetch=lambda n: page, page_number=meta.get("_n"), first_page=0)
    assert page.next_page_number() == expected


def test_hand_built_page_iterates_its_own_items() -> None:
    page = PagedResponse[int](items=[1, 2], pagination=Pagination.model_validate({"page": 1}))
    assert list(page) == [1, 2] and not page.has_next_page()
    assert page["items"] == [1, 2] and page.pagination["page"] == 1


SEARCH_FILES = Operation("POST", "/files/search", unwrap=("data",), operation_id="files.search")


@pytest.mark.anyio
@pytest.mark.parametrize("is_async", [False, True])
async def test_a_search_body_is_sent_with_every_page(server: TestServer, is_async: bool) -> None:
    """A paginated POST (a search): each page is the same request with the next page number,
    body included. Dropping the body would silently turn page 2 into an unfiltered list."""

    def search(request: Seen, n: int) -> Any:
        assert request.json() == {"query": "lora", "tags": ["a"]}
        return three_pages(request, n)

    server.on("POST", "/files/search", search)
    body = {"query": "lora", "tags": ["a"]}
    query = {"type": "prompt", "per_page": 2}
    if is_async:
        async with make_async_client(server.url) as aclient:
            page = await aclient.request_page(
                SEARCH_FILES, query=query, json=body, item_type=File, pagination=SPEC
            )
            ids = [f.id async for f in page]
    else:
        with make_client(server.url) as client:
            page = client.request_page(
                SEARCH_FILES, query=query, json=body, item_type=File, pagination=SPEC
            )
            ids = [f.id for f in page]
    assert ids == ["f1-0", "f1-1", "f2-0", "f2-1", "f3-0"]
    seen = server.seen()
    assert [dict(r.query).get("page") for r in seen] == [None, "2", "3"]
    assert [r.json() for r in seen] == [body] * 3
    assert all(r.headers["content-type"] == "application/json" for r in seen)


def test_a_later_item_type_is_imported_once_the_first_page_arrives(server: TestServer) -> None:
    """A resource module passes ``item_type=later(...)`` (issue 19: its models load only
    when an answer is there): resolved after the first answer, once, and every page walked
    across is of the real class."""
    from runrl_rt._base_client import later

    server.on("GET", "/files", three_pages)
    resolved: list[int] = []

    def item_type() -> type[File]:
        resolved.append(len(server.seen()))  # how many requests the server had seen by then
        return File

    deferred = later(item_type)
    with make_client(server.url) as client:
        query = {"type": "prompt", "per_page": 2}
        page = client.request_page(LIST_FILES, query=query, item_type=deferred, pagination=SPEC)
        assert resolved == [1]
        assert [type(f) for f in page] == [File] * 5 and resolved == [1]
        again = client.request_page(LIST_FILES, query=query, item_type=deferred, pagination=SPEC)
        assert isinstance(again.items[0], File) and resolved == [1]


@pytest.mark.anyio
async def test_a_later_item_type_in_the_async_client(server: TestServer) -> None:
    from runrl_rt._base_client import later

    server.on("GET", "/files", three_pages)
    async with make_async_client(server.url) as client:
        page = await client.request_page(
            LIST_FILES,
            query={"type": "prompt", "per_page": 2},
            item_type=later(lambda: File),
            pagination=SPEC,
        )
        assert [f.id async for f in page][-1] == "f3-0"
