"""Page numbers counted by the answer (``nbPages``, ``nbHits``) and page parameters in a
``POST``'s JSON body (Algolia's searches and ``browse``): inferred without any extension, and
walked to their end against a real server on 127.0.0.1, by the sync and the async client."""

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
info: {title: Searched Things, version: '1'}
servers: [{url: 'http://localhost:4010'}]
components:
  schemas:
    Hit: {type: object, properties: {id: {type: integer}}}
    Hits: {type: array, items: {$ref: '#/components/schemas/Hit'}}
    Rules: {type: array, items: {type: string}}
    SearchObject:
      type: object
      properties:
        query: {type: string}
        page: {type: integer, minimum: 0}
        hitsPerPage: {type: integer}
    BrowseObject:
      type: object
      properties:
        query: {type: string}
        cursor: {type: string}
paths:
  /search:
    post:
      operationId: searchThings
      requestBody:
        content:
          application/json:
            schema: {$ref: '#/components/schemas/SearchObject'}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  hits: {$ref: '#/components/schemas/Hits'}
                  appliedRules: {$ref: '#/components/schemas/Rules'}
                  page: {type: integer}
                  nbPages: {type: integer}
                  nbHits: {type: integer}
  /synonyms:
    post:
      operationId: searchSynonyms
      requestBody:
        content:
          application/json:
            schema: {$ref: '#/components/schemas/SearchObject'}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  hits: {$ref: '#/components/schemas/Hits'}
                  nbHits: {type: integer}
  /browse:
    post:
      operationId: browseThings
      requestBody:
        content:
          application/json:
            schema:
              oneOf:
                - {type: object, properties: {params: {type: string}}}
                - {$ref: '#/components/schemas/BrowseObject'}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  hits: {$ref: '#/components/schemas/Hits'}
                  cursor: {type: string}
                  page: {type: integer}
                  nbPages: {type: integer}
  /indices:
    get:
      operationId: listIndices
      parameters:
        - name: page
          in: query
          schema: {oneOf: [{type: integer, minimum: 0}, {type: 'null'}], default: null}
        - {name: hitsPerPage, in: query, schema: {type: integer}}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  items: {$ref: '#/components/schemas/Hits'}
                  nbPages: {type: integer}
  /pages:
    post:
      operationId: createPage
      requestBody:
        content:
          application/json:
            schema: {$ref: '#/components/schemas/SearchObject'}
      responses:
        '200':
          description: a list, but nothing counts the pages
          content:
            application/json:
              schema:
                type: object
                properties:
                  hits: {$ref: '#/components/schemas/Hits'}
"""
HITS = [{"id": i} for i in range(1, 6)]  # 5 hits, 2 a page: pages 0, 1, 2


@pytest.fixture(scope="module")
def spec(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("searched") / "searched.yaml"
    path.write_text(SPEC, encoding="utf-8")
    return path


def test_inferred(spec: Path) -> None:
    api = build_api(load_spec(spec), package_version="1.0.0")
    found = {m.operation_id.value: m.returns.pagination for m in api.all_methods}
    shape = {
        k: (v.style, v.items.value, v.first_page, v.in_body) if v else None
        for k, v in found.items()
    }
    assert shape == {
        "searchThings": ("page", "hits", 0, True),
        "searchSynonyms": ("page", "hits", 0, True),
        "browseThings": ("cursor", "hits", 1, True),
        "listIndices": ("page", "items", 0, False),
        "createPage": None,  # page and size in the body, but no count of pages or items
    }
    browse = found["browseThings"]
    assert browse is not None and browse.cursor_param.value == "cursor"
    assert [p.value for p in browse.next_cursor] == ["cursor"]
    search = found["searchThings"]
    assert search is not None and search.size_param.value == "hitsPerPage"


@pytest.fixture(scope="module")
def pkg(spec: Path) -> Iterator[ModuleType]:
    with generated_package(spec, "searched_things") as package:
        yield package


SEEN: dict[str, list[Any]] = {}


@pytest.fixture
def server() -> Iterator[TestServer]:
    srv = TestServer()
    srv.start()
    SEEN.clear()

    def search(seen: Seen, _c: int) -> Reply:
        body = seen.json()
        SEEN.setdefault("search", []).append(body)
        page, size = body.get("page", 0), body.get("hitsPerPage", 2)
        hits = HITS[page * size : (page + 1) * size]
        pages = -(-len(HITS) // size)
        return Reply(json={"hits": hits, "appliedRules": [], "page": page, "nbPages": pages,
                           "nbHits": len(HITS)})  # fmt: skip

    def synonyms(seen: Seen, _c: int) -> Reply:
        body = seen.json()
        SEEN.setdefault("synonyms", []).append(body)
        page = body.get("page", 0)
        return Reply(json={"hits": HITS[page * 2 : page * 2 + 2], "nbHits": len(HITS)})

    def browse(seen: Seen, _c: int) -> Reply:
        body = seen.json()
        SEEN.setdefault("browse", []).append(body)
        start = int(body.get("cursor", "0"))
        answer: dict[str, Any] = {"hits": HITS[start : start + 2], "page": 0, "nbPages": 1}
        if start + 2 < len(HITS):
            answer["cursor"] = str(start + 2)
        return Reply(json=answer)

    def indices(seen: Seen, _c: int) -> Reply:
        query = dict(seen.query)
        SEEN.setdefault("indices", []).append(query)
        page = int(query.get("page", "0"))
        return Reply(json={"items": HITS[page * 2 : page * 2 + 2], "nbPages": 3})

    srv.on("POST", "/search", search)
    srv.on("POST", "/synonyms", synonyms)
    srv.on("POST", "/browse", browse)
    srv.on("GET", "/indices", indices)
    yield srv
    srv.stop()


def _ids(items: Any) -> list[int]:
    return [getattr(x, "id", None) or x["id"] for x in items]


def test_sync_walks(pkg: ModuleType, server: TestServer) -> None:
    with pkg.SearchedThingsClient(base_url=server.url) as client:
        assert _ids(client.search.things(query="q", hits_per_page=2)) == [1, 2, 3, 4, 5]
        # the body is sent again with each page's number; pages are numbered from 0
        assert SEEN["search"] == [
            {"query": "q", "hitsPerPage": 2},
            {"query": "q", "hitsPerPage": 2, "page": 1},
            {"query": "q", "hitsPerPage": 2, "page": 2},
        ]
        # no page count, no page size sent: the item count and the page's length end it
        assert _ids(client.synonyms.search(query="s")) == [1, 2, 3, 4, 5]
        assert [b.get("page") for b in SEEN["synonyms"]] == [None, 1, 2]
        browse_params = pkg.models.BrowseObject(query="b")
        assert _ids(client.browse.things(body=browse_params)) == [1, 2, 3, 4, 5]
        assert SEEN["browse"] == [
            {"query": "b"},
            {"query": "b", "cursor": "2"},
            {"query": "b", "cursor": "4"},
        ]
        assert _ids(client.indices.list(hits_per_page=2)) == [1, 2, 3, 4, 5]
        assert [q.get("page") for q in SEEN["indices"]] == [None, "1", "2"]


def test_a_page_asked_for_starts_there(pkg: ModuleType, server: TestServer) -> None:
    with pkg.SearchedThingsClient(base_url=server.url) as client:
        page = client.search.things(query="q", page=1, hits_per_page=2)
        assert _ids(page.items) == [3, 4] and page.has_next_page()
        last = page.get_next_page()
        assert _ids(last.items) == [5] and not last.has_next_page()


@pytest.mark.anyio
async def test_async_walks(pkg: ModuleType, server: TestServer) -> None:
    async with pkg.AsyncSearchedThingsClient(base_url=server.url) as client:
        page = await client.search.things(query="q", hits_per_page=2)
        assert [x.id async for x in page] == [1, 2, 3, 4, 5]
        page = await client.browse.things(body={"query": "b"})
        assert [x.id async for x in page] == [1, 2, 3, 4, 5]
        assert SEEN["browse"][-1] == {"query": "b", "cursor": "4"}
