"""One-pass response parsing (``_envelopes``): same results as the two-pass path it speeds up,
and the two-pass path still decides whatever one pass does not accept."""

# ruff: noqa: UP006, UP035 - typing.List/Dict casts are part of what is tested

from __future__ import annotations

import json
from typing import Any, Dict, List, Optional

import pydantic
import pytest
from runrl_rt import _envelopes
from runrl_rt import _exceptions as exc
from runrl_rt._base_client import APIResponse, Operation
from runrl_rt._pagination import PaginationSpec
from tests.runtime.authkit import close
from tests.runtime.helpers import (
    GET_RUN,
    LIST_FILES,
    File,
    Run,
    RunStatus,
    make_async_client,
    make_client,
)
from tests.runtime.server import Reply, TestServer
from tests.runtime.test_pagination_styles import LIST, STYLES, first_page

RUN = {"id": 7, "status": "RUNNING", "model": "qwen"}

CASES: list[tuple[Any, tuple[str, ...], Any]] = [
    ({"success": True, "message": "ok", "data": RUN}, ("data",), Run),
    ({"data": {**RUN, "status": "PAUSED_NEW", "extra": [1, {"a": None}]}}, ("data",), Run),
    ({"data": {"history": [RUN, RUN]}}, ("data", "history"), List[Run]),
    ({"data": [{"id": "a", "name": "n", "originalFilename": "o.jsonl"}]}, ("data",), List[File]),
    ({"data": {"a": 1, "b": [True, None]}}, ("data",), Dict[str, Any]),
    ({"data": None}, ("data",), Optional[Run]),
    ({"data": "text", "other": {"deep": [1, 2]}}, ("data",), str),
    (RUN, (), Run),
]


def two_pass(body: Any, path: tuple[str, ...], cast_to: Any) -> Any:
    value = body
    for key in path:
        value = value[key]
    return pydantic.TypeAdapter(cast_to).validate_python(value)


@pytest.mark.parametrize(("body", "path", "cast_to"), CASES)
def test_one_pass_equals_two_passes(body: Any, path: tuple[str, ...], cast_to: Any) -> None:
    one = _envelopes.parse(json.dumps(body).encode(), path, cast_to)
    assert one is not _envelopes.MISSING
    assert one == two_pass(body, path, cast_to)
    assert type(one) is type(two_pass(body, path, cast_to))


def test_open_enums_and_unknown_fields_survive_one_pass() -> None:
    body = json.dumps({"data": {**RUN, "status": "SOMETHING_NEW", "new": {"x": 1}}}).encode()
    run = _envelopes.parse(body, ("data",), Run)
    assert run.status == "SOMETHING_NEW" and isinstance(run.status, RunStatus)
    assert run.new == {"x": 1}


@pytest.mark.parametrize(
    "body",
    [b"", b"<html>", b'{"no": "data"}', b'{"data": {"id": "x"}}', b"\xef\xbb\xbf{}", b"[1,"],
)
def test_what_one_pass_does_not_accept_is_left_to_the_caller(body: bytes) -> None:
    assert _envelopes.parse(body, ("data",), Run) is _envelopes.MISSING


def test_pages_one_pass() -> None:
    items = [{"id": str(n), "name": f"f{n}"} for n in range(3)]
    body = json.dumps({"data": {"items": items, "pagination": {"total": 3}, "x": [1]}}).encode()
    payload = _envelopes.parse_page(body, ("data",), "items", File)
    # The list is validated; the page's other members are kept as json.loads gives them.
    assert [f.id for f in payload["items"]] == ["0", "1", "2"]
    assert {k: v for k, v in payload.items() if k != "items"} == {
        "pagination": {"total": 3},
        "x": [1],
    }
    body = json.dumps({"data": items}).encode()
    got = _envelopes.parse_page(body, ("data",), None, File)
    assert [f.id for f in got] == ["0", "1", "2"]
    got = _envelopes.parse_page(json.dumps(items).encode(), (), None, File)
    assert len(got) == 3
    for bad in (b'{"data": {}}', b'{"data": {"items": null}}', b'{"data": [1]}', b'[{"id": 1}'):
        assert _envelopes.parse_page(bad, ("data",), "items", File) is _envelopes.MISSING


@pytest.mark.anyio
@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
@pytest.mark.parametrize("style", list(STYLES))
async def test_every_pagination_style_takes_one_pass_with_the_two_pass_result(
    server: TestServer, monkeypatch: pytest.MonkeyPatch, style: str, is_async: bool
) -> None:
    """Offset, cursor, next URL, Link header, a bare list (``items=""``) and the payload's own
    members as the facts (``meta=""``): each page is parsed once (the body is never handed to
    ``json.loads``) and the walk gives the same pages, facts and next requests as the two-pass
    path (one pass turned off)."""
    handler, spec, query = STYLES[style]
    server.on("GET", "/files", handler)
    two_pass_reads: list[object] = []
    parsed = APIResponse.parsed

    def counting(self: APIResponse[Any]) -> Any:
        two_pass_reads.append(self)
        return parsed(self)

    monkeypatch.setattr(APIResponse, "parsed", counting)

    async def walk() -> list[tuple[Any, ...]]:
        client = (make_async_client if is_async else make_client)(server.url)
        try:
            page = await first_page(client, spec, query)
            if is_async:
                pages = [p async for p in page.aiter_pages()]
            else:
                pages = list(page.iter_pages())
        finally:
            await close(client)
        return [(p.items, p.pagination, p.next_request) for p in pages]

    one = await walk()
    assert len(one) == 3 and two_pass_reads == []
    monkeypatch.setattr(_envelopes, "parse_page", lambda *args: _envelopes.MISSING)
    two = await walk()
    assert len(two_pass_reads) == 3
    assert one == two
    assert [type(item) for p in one for item in p[0]] == [File] * 7


@pytest.mark.parametrize(
    ("body", "spec", "message"),
    [
        ({"items": [{"id": 1}]}, PaginationSpec(style="cursor", items="items", meta=""), "items.0"),
        ({"items": "x"}, PaginationSpec(style="cursor", items="items", meta="meta"), "items"),
        ({"items": [], "meta": "x"}, PaginationSpec(style="cursor", meta="meta"), "pagination"),
        ({"data": []}, PaginationSpec(style="offset", items="items", meta=""), "member 'items'"),
        ({"items": []}, PaginationSpec(style="link_header", items=""), "with a list"),
    ],
)
def test_pages_one_pass_rejects_are_explained_by_the_two_pass_path(
    server: TestServer, body: Any, spec: PaginationSpec, message: str
) -> None:
    server.on("GET", "/files", lambda r, n: Reply(json=body))
    with make_client(server.url) as client:
        with pytest.raises(exc.ResponseValidationError, match="^files.list: ") as info:
            client.request_page(LIST, item_type=File, pagination=spec)
    assert message in str(info.value)


def test_bodies_only_the_two_pass_path_accepts_still_work(server: TestServer) -> None:
    """``json.loads`` reads a UTF-8 BOM and UTF-16; Pydantic's JSON parser does not. Such a body
    is accepted as before (the two-pass path decides)."""
    bom = b"\xef\xbb\xbf" + json.dumps({"data": RUN}).encode()
    utf16 = json.dumps({"data": {"items": [{"id": "a", "name": "n"}]}}).encode("utf-16")
    server.on("GET", "/runs/7", lambda r, n: Reply(body=bom))
    server.on("GET", "/files", lambda r, n: Reply(body=utf16))
    with make_client(server.url) as client:
        assert client.request(GET_RUN, path_params={"id": 7}, cast_to=Run).id == 7
        page = client.request_page(
            LIST_FILES, item_type=File, pagination=PaginationSpec(style="page")
        )
        assert [f.id for f in page.items] == ["a"]
        unwrapped = client.request(Operation("GET", "/runs/7", ("data", "model")), cast_to=str)
        assert unwrapped == "qwen"
