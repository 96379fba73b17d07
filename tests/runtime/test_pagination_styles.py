"""Every pagination style against a real server, sync and async: offset/limit, cursor in the
body, next URL in the body, RFC 8288 ``Link`` header; raw responses of pages; servers that
repeat a cursor, repeat a page, return empty pages or point at another origin."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from runrl_rt import _exceptions as exc
from runrl_rt._base_client import Operation
from runrl_rt._pagination import PagedResponse, PageRequest, PaginationSpec, link_next
from tests.runtime.authkit import close
from tests.runtime.helpers import File, make_async_client, make_client
from tests.runtime.server import Reply, Seen, TestServer

LIST = Operation("GET", "/files", qualified_name="files.list")
FLAVOURS = pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
ALL_IDS = [f"f{i}" for i in range(7)]


def files(start: int, stop: int) -> list[dict[str, str]]:
    return [{"id": f"f{i}", "name": "n"} for i in range(start, min(stop, len(ALL_IDS)))]


def offset_pages(request: Seen, n: int) -> Reply:
    query = dict(request.query)
    offset, limit = int(query.get("offset", "0")), int(query["limit"])
    body = {"data": files(offset, offset + limit), "total": len(ALL_IDS)}
    return Reply(json=body, headers={"x-request-id": f"req-{n}"})


def cursor_pages(request: Seen, n: int) -> Reply:
    start = int(dict(request.query).get("page_token", "0"))
    following = start + 3 if start + 3 < len(ALL_IDS) else None
    body = {"items": files(start, start + 3), "meta": {"next_page_token": following}}
    return Reply(json=body)


def stripe_pages(request: Seen, n: int) -> Reply:
    """Stripe's lists: ``starting_after`` = the id of the last item seen, ``has_more``."""
    after = dict(request.query).get("starting_after")
    start = ALL_IDS.index(after) + 1 if after else 0
    body = {"object": "list", "data": files(start, start + 3), "has_more": start + 3 < 7}
    return Reply(json={**body, "url": "/files"})


def next_url_pages(request: Seen, n: int) -> Reply:
    start = int(dict(request.query).get("start", "0"))
    following = f"/files?start={start + 3}&size=3" if start + 3 < len(ALL_IDS) else None
    return Reply(json={"results": files(start, start + 3), "links": {"next": following}})


def link_pages(request: Seen, n: int) -> Reply:
    page = int(dict(request.query).get("page", "1"))
    headers = {}
    if page * 3 < len(ALL_IDS):
        # A last link before the next one, a comma inside a quoted parameter.
        headers["link"] = (
            f'<{request.path}?page=9>; rel="last", <{request.path}?page={page + 1}&per_page=3>; '
            f'title="a, b"; rel="next"'
        )
    return Reply(json=files((page - 1) * 3, page * 3), headers=headers)


STYLES = {
    "offset": (
        offset_pages,
        PaginationSpec(style="offset", items="data", meta=""),
        {"limit": 3},
    ),
    "cursor": (
        cursor_pages,
        PaginationSpec(
            style="cursor",
            items="items",
            meta="meta",
            cursor_param="page_token",
            next_cursor=("meta", "next_page_token"),
        ),
        {},
    ),
    "last_item": (
        stripe_pages,
        PaginationSpec(
            style="last_item",
            items="data",
            meta="",
            cursor_param="starting_after",
            next_cursor=("id",),
            has_more=("has_more",),
        ),
        {"limit": 3},
    ),
    "next_url": (
        next_url_pages,
        PaginationSpec(style="next_url", items="results", meta="", next_url=("links", "next")),
        {"size": 3},
    ),
    "link_header": (link_pages, PaginationSpec(style="link_header", items=""), {"per_page": 3}),
}


async def first_page(client: Any, spec: PaginationSpec, query: dict[str, Any]) -> Any:
    result = client.request_page(LIST, query=query, item_type=File, pagination=spec)
    return await result if not isinstance(result, PagedResponse) else result


async def all_ids(page: Any, is_async: bool) -> list[str]:
    if is_async:
        return [f.id async for f in page]
    return [f.id for f in page]


@pytest.mark.anyio
@FLAVOURS
@pytest.mark.parametrize("style", list(STYLES))
async def test_each_style_walks_every_item_lazily(
    server: TestServer, style: str, is_async: bool
) -> None:
    handler, spec, query = STYLES[style]
    server.on("GET", "/files", handler)
    client = (make_async_client if is_async else make_client)(server.url)
    try:
        page = await first_page(client, spec, query)
        assert [f.id for f in page.items] == ["f0", "f1", "f2"]
        assert len(server.seen()) == 1  # nothing fetched before it is needed
        assert page.has_next_page() and page.raw_response.status_code == 200
        assert await all_ids(page, is_async) == ALL_IDS
        assert len(server.seen()) == 3
        # Pages one by one; each keeps its own raw response.
        second = await (page.aget_next_page() if is_async else _sync(page.get_next_page))
        assert [f.id for f in second.items] == ["f3", "f4", "f5"]
        assert (
            second.raw_response.http_response.request.url
            != page.raw_response.http_response.request.url
        )
    finally:
        await close(client)


async def _sync(func: Any) -> Any:
    return func()


def test_what_each_style_sends_for_the_next_page(server: TestServer) -> None:
    expected = {
        "offset": [{"limit": "3"}, {"limit": "3", "offset": "3"}, {"limit": "3", "offset": "6"}],
        "cursor": [{}, {"page_token": "3"}, {"page_token": "6"}],
        "last_item": [
            {"limit": "3"},
            {"limit": "3", "starting_after": "f2"},
            {"limit": "3", "starting_after": "f5"},
        ],
        "next_url": [{"size": "3"}, {"start": "3", "size": "3"}, {"start": "6", "size": "3"}],
        "link_header": [
            {"per_page": "3"},
            {"page": "2", "per_page": "3"},
            {"page": "3", "per_page": "3"},
        ],
    }
    for style, (handler, spec, query) in STYLES.items():
        server.reset()
        server.on("GET", "/files", handler)
        with make_client(server.url) as client:
            page = client.request_page(LIST, query=query, item_type=File, pagination=spec)
            assert [f.id for f in page] == ALL_IDS
        assert [dict(r.query) for r in server.seen()] == expected[style], style
        # Credentials go with every page (a next URL on the API's origin).
        assert all(r.headers["authorization"].startswith("Bearer ") for r in server.seen())


def test_offset_page_raw_response_and_request_id(server: TestServer) -> None:
    handler, spec, query = STYLES["offset"]
    server.on("GET", "/files", handler)
    with make_client(server.url) as client:
        page = client.request_page(LIST, query=query, item_type=File, pagination=spec)
        assert page.pagination.total == 7
        pages = list(page.iter_pages())
        assert [p.raw_response.request_id for p in pages] == ["req-0", "req-1", "req-2"]
        assert pages[-1].next_request is None
        assert page.next_request == PageRequest(params={"offset": 3})


@pytest.mark.anyio
@FLAVOURS
async def test_a_server_repeating_its_cursor_cannot_loop(
    server: TestServer, is_async: bool, caplog: pytest.LogCaptureFixture
) -> None:
    """A buggy server answers every page with the same next cursor: the walk stops at the
    first repeat instead of fetching forever."""

    def stuck(request: Seen, n: int) -> Reply:
        return Reply(json={"items": files(n, n + 1), "next_cursor": "same"})

    server.on("GET", "/files", stuck)
    spec = PaginationSpec(style="cursor", items="items", meta="")
    client = (make_async_client if is_async else make_client)(server.url)
    try:
        with caplog.at_level(logging.WARNING, logger="runrl"):
            page = await first_page(client, spec, {})
            ids = await all_ids(page, is_async)
    finally:
        await close(client)
    assert ids == ["f0", "f1"] and len(server.seen()) == 2
    assert "already followed" in caplog.text


@pytest.mark.anyio
@FLAVOURS
async def test_a_server_ignoring_the_page_parameter_cannot_loop(
    server: TestServer, is_async: bool
) -> None:
    """``has_more: true`` forever and the same items whatever the offset: stop at the repeat."""
    server.on("GET", "/files", lambda r, n: Reply(json={"data": files(0, 2), "has_more": True}))
    spec = PaginationSpec(style="offset", items="data", meta="")
    client = (make_async_client if is_async else make_client)(server.url)
    try:
        ids = await all_ids(await first_page(client, spec, {"limit": 2}), is_async)
    finally:
        await close(client)
    assert ids == ["f0", "f1", "f0", "f1"] and len(server.seen()) == 2


def test_empty_pages_end_page_styles_and_are_bounded_for_cursors(server: TestServer) -> None:
    server.on("GET", "/files", lambda r, n: Reply(json={"data": [], "has_more": True}))
    with make_client(server.url) as client:
        spec = PaginationSpec(style="offset", items="data", meta="")
        page = client.request_page(LIST, query={"limit": 2}, item_type=File, pagination=spec)
        assert not page.has_next_page() and list(page) == []
    server.reset()
    # Empty pages with ever new cursors (some APIs filter after paging): at most 5 in a row.
    server.on("GET", "/files", lambda r, n: Reply(json={"items": [], "next_cursor": f"c{n}"}))
    with make_client(server.url) as client:
        spec = PaginationSpec(style="cursor", items="items", meta="")
        assert list(client.request_page(LIST, item_type=File, pagination=spec)) == []
    assert len(server.seen()) == 6
    server.reset()
    # ...but an empty page in the middle of a listing does not end it.
    pages = [[], files(0, 1), [], files(1, 2)]
    server.on(
        "GET",
        "/files",
        lambda r, n: Reply(json={"items": pages[n], "next_cursor": f"c{n}" if n < 3 else None}),
    )
    with make_client(server.url) as client:
        spec = PaginationSpec(style="cursor", items="items", meta="")
        assert [f.id for f in client.request_page(LIST, item_type=File, pagination=spec)] == [
            "f0",
            "f1",
        ]


@pytest.mark.anyio
@FLAVOURS
@pytest.mark.parametrize("style", ["next_url", "link_header"])
async def test_a_next_url_on_another_origin_is_not_followed(
    server: TestServer, other: TestServer, is_async: bool, style: str
) -> None:
    other.on("GET", "/files", lambda r, n: Reply(json={"results": [], "links": {"next": None}}))
    target = f"{other.url}/files?page=2&token=abc"
    if style == "next_url":
        body: Any = {"results": files(0, 1), "links": {"next": target}}
        headers: dict[str, str] = {}
        spec = PaginationSpec(
            style="next_url", items="results", meta="", next_url=("links", "next")
        )
    else:
        body, headers = files(0, 1), {"link": f'<{target}>; rel="next"'}
        spec = PaginationSpec(style="link_header", items="")
    server.on("GET", "/files", lambda r, n: Reply(json=body, headers=headers))
    client = (make_async_client if is_async else make_client)(server.url)
    try:
        page = await first_page(client, spec, {})
        assert page.has_next_page()
        with pytest.raises(exc.ResponseValidationError) as info:
            await all_ids(page, is_async)
    finally:
        await close(client)
    message = str(info.value)
    assert "files.list: the server's next page URL" in message and "not followed" in message
    assert "token=abc" not in message
    assert other.seen() == []


def test_a_bare_list_page_and_a_malformed_next_url(server: TestServer) -> None:
    server.on(
        "GET", "/files", lambda r, n: Reply(json={"results": [], "links": {"next": "http://[::1"}})
    )
    spec = PaginationSpec(style="next_url", items="results", meta="", next_url=("links", "next"))
    with make_client(server.url) as client:
        with pytest.raises(exc.ResponseValidationError, match="not a URL"):
            client.request_page(LIST, item_type=File, pagination=spec)
        with pytest.raises(exc.ResponseValidationError, match="expected a page object with a list"):
            client.request_page(
                LIST, item_type=File, pagination=PaginationSpec(style="link_header", items="")
            )


def test_a_page_without_its_items_member_is_named_in_the_error(server: TestServer) -> None:
    """The message names the member without an article before it (it read "an 'data' member")."""
    server.on("GET", "/files", lambda r, n: Reply(json={"results": "none"}))
    spec = PaginationSpec(style="next_url", items="data", meta="", next_url=("links", "next"))
    with make_client(server.url) as client:
        with pytest.raises(exc.ResponseValidationError) as info:
            client.request_page(LIST, item_type=File, pagination=spec)
    assert "expected a page object with the list member 'data'" in str(info.value)


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ('<https://a/x?page=2>; rel="next"', "https://a/x?page=2"),
        ('<https://a/1>; rel="prev", <https://a/3>; rel=next', "https://a/3"),
        ('<https://a/3>; rel="next last"', "https://a/3"),
        ('<https://a/x,y>; title="p, q"; rel="next"', "https://a/x,y"),
        ('<https://a/1>; rel="prev"', None),
        ("garbage", None),
        ("", None),
    ],
)
def test_link_header_parsing(header: str, expected: str | None) -> None:
    import httpx

    assert link_next(httpx.Headers({"link": header})) == expected


@pytest.mark.anyio
@FLAVOURS
@pytest.mark.parametrize("style", list(STYLES))
async def test_a_page_walks_again_when_iterated_again(
    server: TestServer, style: str, is_async: bool
) -> None:
    """A second ``for`` over the same page walks the whole listing again (the pages after the
    first are fetched again), as the first did: the loop guards of the first walk (cursors and
    URLs followed, the previous page) do not end the second early."""
    handler, spec, query = STYLES[style]
    server.on("GET", "/files", handler)
    client = (make_async_client if is_async else make_client)(server.url)
    try:
        page = await first_page(client, spec, query)
        assert await all_ids(page, is_async) == ALL_IDS
        assert await all_ids(page, is_async) == ALL_IDS
        assert len(server.seen()) == 5  # the first page once, the two after it twice
        assert [r.query for r in server.seen()[3:]] == [r.query for r in server.seen()[1:3]]
        # Stepping by hand: the same next page, as often as it is asked for.
        step = page.aget_next_page if is_async else (lambda: _sync(page.get_next_page))
        again = [await step(), await step()]
        assert [[f.id for f in p.items] for p in again] == [["f3", "f4", "f5"]] * 2
        assert all(p.has_next_page() for p in again)
        assert await all_ids(again[0], is_async) == ALL_IDS[3:]
    finally:
        await close(client)


@pytest.mark.anyio
@FLAVOURS
async def test_two_walks_of_one_page_interleaved(server: TestServer, is_async: bool) -> None:
    """Two iterations of one page at once (``zip(page, page)``) each see every item."""
    handler, spec, query = STYLES["cursor"]
    server.on("GET", "/files", handler)
    client = (make_async_client if is_async else make_client)(server.url)
    try:
        page = await first_page(client, spec, query)
        if is_async:
            first, second = page.__aiter__(), page.__aiter__()
            pairs = [(await first.__anext__(), await second.__anext__()) for _ in ALL_IDS]
        else:
            pairs = list(zip(page, page))
    finally:
        await close(client)
    assert [(a.id, b.id) for a, b in pairs] == [(i, i) for i in ALL_IDS]


@pytest.mark.anyio
@FLAVOURS
async def test_a_repeating_cursor_still_ends_a_second_walk(
    server: TestServer, is_async: bool
) -> None:
    def stuck(request: Seen, n: int) -> Reply:
        return Reply(json={"items": files(n, n + 1), "next_cursor": "same"})

    server.on("GET", "/files", stuck)
    spec = PaginationSpec(style="cursor", items="items", meta="")
    client = (make_async_client if is_async else make_client)(server.url)
    try:
        page = await first_page(client, spec, {})
        assert await all_ids(page, is_async) == ["f0", "f1"]
        assert await all_ids(page, is_async) == ["f0", "f2"]  # page 2 fetched again, then stop
    finally:
        await close(client)
    assert len(server.seen()) == 3


def marker_or_offset_pages(request: Seen, n: int) -> Reply:
    """Box's lists: by ``marker`` when asked with ``usemarker=true`` (no ``total_count``),
    else by ``offset`` (``total_count``, no ``next_marker``)."""
    query = dict(request.query)
    limit = int(query["limit"])
    if query.get("usemarker") == "true":
        start = int(query.get("marker", "0"))
        following = str(start + limit) if start + limit < len(ALL_IDS) else None
        return Reply(json={"entries": files(start, start + limit), "next_marker": following})
    offset = int(query.get("offset", "0"))
    body = {"entries": files(offset, offset + limit), "total_count": len(ALL_IDS)}
    return Reply(json={**body, "order": [{"by": "id"}]})


@pytest.mark.anyio
@FLAVOURS
async def test_a_cursor_list_that_also_pages_by_offset_walks_either_way(
    server: TestServer, is_async: bool
) -> None:
    """``or_offset``: a cursor when the server sends one, else the offset the walk began with
    (never both: a walk that followed a cursor ends where no next cursor comes)."""
    server.on("GET", "/folders", marker_or_offset_pages)
    spec = PaginationSpec(
        style="cursor",
        items="entries",
        meta="",
        cursor_param="marker",
        next_cursor=("next_marker",),
        or_offset=True,
    )
    op = Operation("GET", "/folders", qualified_name="folders.items")
    client = (make_async_client if is_async else make_client)(server.url)
    try:
        for query in ({"offset": 0, "limit": 3}, {"usemarker": True, "limit": 3}):
            server.reset()
            server.on("GET", "/folders", marker_or_offset_pages)
            result = client.request_page(op, query=query, item_type=File, pagination=spec)
            page = await result if not isinstance(result, PagedResponse) else result
            assert await all_ids(page, is_async) == ALL_IDS
            sent = [dict(r.query) for r in server.seen()]
            if "usemarker" in query:
                assert [q.get("marker") for q in sent] == [None, "3", "6"]
                assert all("offset" not in q for q in sent)
            else:
                assert [q["offset"] for q in sent] == ["0", "3", "6"]
    finally:
        await close(client)
