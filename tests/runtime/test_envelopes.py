"""One-pass response parsing (``_envelopes``): same results as the two-pass path it speeds up,
and the two-pass path still decides whatever one pass does not accept."""

# ruff: noqa: UP006, UP035 - typing.List/Dict casts are part of what is tested

from __future__ import annotations

import json
from typing import Any, Dict, List, Optional

import pydantic
import pytest
from runrl_rt import _envelopes
from runrl_rt._base_client import Operation
from runrl_rt._pagination import PaginationSpec
from tests.runtime.helpers import GET_RUN, LIST_FILES, File, Run, RunStatus, make_client
from tests.runtime.server import Reply, TestServer

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
    body = json.dumps({"data": {"items": items, "pagination": {"total": 3}, "x": 1}}).encode()
    got, meta = _envelopes.parse_page(body, ("data",), "items", "pagination", File)
    assert [f.id for f in got] == ["0", "1", "2"] and meta == {"total": 3}
    body = json.dumps({"data": {"items": items}}).encode()
    assert _envelopes.parse_page(body, ("data",), "items", "pagination", File)[1] is None
    body = json.dumps({"data": items}).encode()
    got, meta = _envelopes.parse_page(body, ("data",), "items", None, File)
    assert len(got) == 3 and meta is None
    missing, _ = _envelopes.parse_page(b'{"data": {}}', ("data",), "items", "pagination", File)
    assert missing is _envelopes.MISSING


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
