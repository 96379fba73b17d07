"""A list one object down (Clerk's ``{"response": {"data": [...], "total_count": N}}``, a
``{"result": {"items": [...], "next_cursor": ...}}``) is paged like one at the top: inferred
without any extension, its items and paging facts read inside that object, and walked to the
end against a real server on 127.0.0.1 by the sync and the async client. Not guessed: two
objects that each wrap a list, an object-or-array ``oneOf`` envelope (Clerk without
``paginated=true``), an object whose array is not named as a list. Before, none of these
methods paged: ``list_things()`` returned the first envelope as a value."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from generator.build import build_api
from generator.read import load_spec
from tests.codegen.packages import generated_package
from tests.runtime.server import Reply, Seen, TestServer

SPEC = """\
openapi: 3.1.0
info: {title: Wrapped Things, version: '1'}
servers: [{url: 'http://localhost:4010'}]
components:
  parameters:
    lim: {name: limit, in: query, schema: {type: integer}}
    off: {name: offset, in: query, schema: {type: integer}}
  schemas:
    Thing: {type: object, properties: {id: {type: integer}}}
    Things: {type: array, items: {$ref: '#/components/schemas/Thing'}}
    Client:
      type: object
      properties:
        id: {type: string}
        sessions: {$ref: '#/components/schemas/Things'}
    ThingPage:
      type: object
      properties:
        data: {$ref: '#/components/schemas/Things'}
        total_count: {type: integer}
paths:
  /things:
    get:
      operationId: listThings
      parameters: [{$ref: '#/components/parameters/lim'}, {$ref: '#/components/parameters/off'}]
      responses:
        '200':
          description: the page inside `response`, the client beside it
          content:
            application/json:
              schema:
                type: object
                properties:
                  response: {allOf: [{$ref: '#/components/schemas/ThingPage'}]}
                  client: {$ref: '#/components/schemas/Client'}
  /cursored:
    get:
      operationId: listCursored
      parameters: [{name: cursor, in: query, schema: {type: string}}]
      responses:
        '200':
          description: a cursor beside the items, one object down
          content:
            application/json:
              schema:
                type: object
                properties:
                  request_id: {type: string}
                  result:
                    type: object
                    properties:
                      items: {$ref: '#/components/schemas/Things'}
                      next_cursor: {type: [string, 'null']}
  /either:
    get:
      operationId: listEither
      parameters: [{$ref: '#/components/parameters/lim'}, {$ref: '#/components/parameters/off'}]
      responses:
        '200':
          description: an object or an array (Clerk's `paginated`)
          content:
            application/json:
              schema:
                type: object
                properties:
                  response:
                    oneOf:
                      - {$ref: '#/components/schemas/ThingPage'}
                      - {$ref: '#/components/schemas/Things'}
                  client: {$ref: '#/components/schemas/Client'}
  /two:
    get:
      operationId: listTwo
      parameters: [{$ref: '#/components/parameters/lim'}, {$ref: '#/components/parameters/off'}]
      responses:
        '200':
          description: two envelopes, each with a list
          content:
            application/json:
              schema:
                type: object
                properties:
                  mine: {$ref: '#/components/schemas/ThingPage'}
                  theirs: {$ref: '#/components/schemas/ThingPage'}
  /sessions:
    get:
      operationId: listSessions
      parameters: [{$ref: '#/components/parameters/lim'}, {$ref: '#/components/parameters/off'}]
      responses:
        '200':
          description: an array one down, not named as a list
          content:
            application/json:
              schema:
                type: object
                properties:
                  client: {$ref: '#/components/schemas/Client'}
"""
THINGS = [{"id": i} for i in range(1, 6)]  # 5 things, 2 a page


@pytest.fixture(scope="module")
def spec(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("wrapped") / "wrapped.yaml"
    path.write_text(SPEC, encoding="utf-8")
    return path


def test_inferred(spec: Path) -> None:
    api = build_api(load_spec(spec), package_version="1.0.0")
    found = {m.operation_id.value: m.returns for m in api.all_methods}
    shape = {
        k: (r.pagination.style, r.pagination.items.value, [u.value for u in r.unwrap])
        if r.pagination
        else r.kind
        for k, r in found.items()
    }
    assert shape == {
        "listThings": ("offset", "data", ["response"]),
        "listCursored": ("cursor", "items", ["result"]),
        "listEither": "value",  # object or array: not guessed (and no crash)
        "listTwo": "value",  # two lists one down: not guessed
        "listSessions": "value",  # `sessions` is not named as a list
    }
    cursored = found["listCursored"].pagination
    assert cursored is not None and [p.value for p in cursored.next_cursor] == ["next_cursor"]


@pytest.fixture(scope="module")
def pkg(spec: Path) -> Iterator[ModuleType]:
    with generated_package(spec, "wrapped_things") as package:
        yield package


SEEN: dict[str, list[dict[str, str]]] = {}


@pytest.fixture
def server() -> Iterator[TestServer]:
    srv = TestServer()
    srv.start()
    SEEN.clear()

    def things(seen: Seen, _c: int) -> Reply:
        query = dict(seen.query)
        SEEN.setdefault("things", []).append(query)
        start, size = int(query.get("offset", "0")), int(query.get("limit", "2"))
        page = {"data": THINGS[start : start + size], "total_count": len(THINGS)}
        return Reply(json={"response": page, "client": {"id": "c", "sessions": []}})

    def cursored(seen: Seen, _c: int) -> Reply:
        query = dict(seen.query)
        SEEN.setdefault("cursored", []).append(query)
        start = int(query.get("cursor", "0"))
        following = str(start + 2) if start + 2 < len(THINGS) else None
        result = {"items": THINGS[start : start + 2], "next_cursor": following}
        return Reply(json={"request_id": "r", "result": result})

    def either(seen: Seen, _c: int) -> Reply:
        return Reply(json={"response": THINGS[:2], "client": {"id": "c"}})

    srv.on("GET", "/things", things)
    srv.on("GET", "/cursored", cursored)
    srv.on("GET", "/either", either)
    yield srv
    srv.stop()


def _ids(items: Any) -> list[int]:
    return [x.id for x in items]


def test_sync_walks(pkg: ModuleType, server: TestServer) -> None:
    with pkg.WrappedThingsClient(base_url=server.url) as client:
        page = client.things.list(limit=2)
        assert _ids(page.items) == [1, 2] and page.pagination.total == 5
        assert _ids(page) == [1, 2, 3, 4, 5]
        # the total (inside the envelope) ends the walk: no request for an empty fourth page
        assert [q.get("offset") for q in SEEN["things"]] == [None, "2", "4"]
        assert _ids(client.cursored.list()) == [1, 2, 3, 4, 5]
        assert [q.get("cursor") for q in SEEN["cursored"]] == [None, "2", "4"]
        # not paged: the answer as it is, whichever variant the server sends
        either = client.either.list(limit=2)
        assert _ids(either.response.root) == [1, 2]


@pytest.mark.anyio
async def test_async_walks(pkg: ModuleType, server: TestServer) -> None:
    async with pkg.AsyncWrappedThingsClient(base_url=server.url) as client:
        page = await client.things.list(limit=2)
        assert [x.id async for x in page] == [1, 2, 3, 4, 5]
        page = await client.cursored.list()
        assert [x.id async for x in page] == [1, 2, 3, 4, 5]
