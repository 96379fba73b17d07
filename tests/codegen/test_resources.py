"""Issue 18: resource objects from response ``links`` (generator/build/resources.py).

Unit tests of link resolution and of every located error, then the generated object layer of
the two corpus documents that have links, walked sync and async against Prism serving them.
"""

from __future__ import annotations

import asyncio
import importlib
import json
import subprocess
import sys
import textwrap
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from generator.build import build_api
from generator.errors import SpecError
from generator.pipeline import build, generate
from generator.read import load_spec

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus"

SPEC = """\
openapi: 3.1.0
info: {title: Shop, version: "1"}
paths:
  /items:
    post:
      operationId: createItem
      requestBody:
        content:
          application/json:
            schema: {type: object, properties: {name: {type: string}}}
      responses:
        "201":
          description: made
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Item"}
          links:
            getItem: {operationId: getItem, parameters: {item_id: "$response.body#/id"}}
            deleteItem: {$ref: "#/components/links/DeleteItem"}
            rename:
              operationId: renameItem
              parameters: {path.item_id: "$response.body#/id", name: "$request.body#/name"}
  /items/{item_id}:
    parameters:
      - {name: item_id, in: path, required: true, schema: {type: string}}
    get:
      operationId: getItem
      responses:
        "200":
          description: one
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Item"}
    delete:
      operationId: deleteItem
      responses:
        "204": {description: gone}
    patch:
      operationId: renameItem
      parameters:
        - {name: name, in: query, required: true, schema: {type: string}}
        - {name: mode, in: query, schema: {type: string}}
      responses:
        "204": {description: renamed}
components:
  links:
    DeleteItem: {operationId: deleteItem, parameters: {item_id: "$response.body#/id"}}
  schemas:
    Item:
      type: object
      x-sdk-resource: {class: ItemHandle, id: /id, cleanup: deleteItem}
      required: [id]
      properties:
        id: {type: string}
        name: {type: string}
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "spec.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def _objects(path: Path, skip: bool = False) -> Any:
    return build_api(load_spec(path), skip_unsupported=skip).objects


def test_links_become_an_object_class_with_linked_methods(tmp_path: Path) -> None:
    objects = _objects(_write(tmp_path, SPEC))
    assert objects.class_name == "Shop"
    (item,) = objects.resources
    assert (item.class_name, item.model, item.cleanup, item.refresh) == (
        "ItemHandle",
        "Item",
        "delete_item",
        "get_item",
    )
    assert [t.value for t in item.id_pointer] == ["id"]
    links = {link.name: link for link in item.links}
    assert set(links) == {"get_item", "delete_item", "rename"}
    rename = links["rename"]
    by_param = {a.param: a for a in rename.args}
    assert by_param["item_id"].source == "body"
    assert [t.value for t in by_param["item_id"].pointer] == ["id"]
    assert (by_param["name"].source, by_param["name"].key) == ("request", "body:name")
    assert [p.name for p in rename.free_params] == ["mode"]  # the rest is filled in
    (ns,) = objects.namespaces
    made = [(s.method.name, s.resource, s.many) for s in ns.sources]
    assert made[0] == ("create", "ItemHandle", False)
    # the others take an ItemHandle for item_id, as the links say, and return plain results
    assert sorted(s.method.name for s in ns.sources[1:]) == ["delete", "get", "rename"]
    assert {(a.param, a.resource) for s in ns.sources[1:] for a in s.accepts} == {
        ("item_id", "ItemHandle")
    }


def test_a_document_without_links_has_no_object_layer() -> None:
    spec = ROOT / "spec" / "2025-10-11.yaml"  # without its client annotations (its links)
    assert build_api(load_spec(spec, annotations=())).objects is None


# A paginated list whose items are linked (pagination inferred: `page`/`per_page`), and a link to it
# (titled Stock: its package, `stock`, is imported beside the Shop one).
PAGED = (
    SPEC.replace("title: Shop", "title: Stock")
    .replace(
        "  /items:\n    post:\n",
        """  /items:
    get:
      operationId: listItems
      parameters:
        - {name: page, in: query, schema: {type: integer, default: 1}}
        - {name: per_page, in: query, schema: {type: integer, default: 2}}
      responses:
        "200":
          description: a page of items
          content:
            application/json:
              schema:
                type: object
                required: [items]
                properties:
                  items: {type: array, items: {$ref: "#/components/schemas/Item"}}
                  has_more: {type: boolean}
          links:
            getItem: {operationId: getItem, parameters: {item_id: "$response.body#/id"}}
            deleteItem: {operationId: deleteItem, parameters: {item_id: "$response.body#/id"}}
    post:
""",
    )
    .replace(
        '            deleteItem: {$ref: "#/components/links/DeleteItem"}\n',
        '            deleteItem: {$ref: "#/components/links/DeleteItem"}\n'
        "            everything: {operationId: listItems}\n",
    )
)


def test_a_paged_list_with_linked_items_gives_pages_of_objects(tmp_path: Path) -> None:
    """The links of a paginated response name members of each item, as on a plain list."""
    objects = _objects(_write(tmp_path, PAGED))
    (item,) = objects.resources
    (ns,) = objects.namespaces
    listed = next(s for s in ns.sources if s.method.name == "list")
    assert (listed.resource, listed.many, listed.paged) == ("ItemHandle", True, True)
    assert objects.paged
    links = {link.name: link for link in item.links}
    (arg,) = links["get_item"].args
    assert (arg.source, [t.value for t in arg.pointer]) == ("body", ["id"])  # of each item
    everything = links["everything"]  # a link to the paged list returns pages of objects too
    assert (everything.resource, everything.paged) == ("ItemHandle", True)
    assert not _objects(_write(tmp_path, SPEC)).paged


def test_a_paged_list_link_pointer_is_checked_against_the_item(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        PAGED.replace(
            'getItem: {operationId: getItem, parameters: {item_id: "$response.body#/id"}}\n'
            "            deleteItem: {operationId: deleteItem",
            'getItem: {operationId: getItem, parameters: {item_id: "$response.body#/items"}}\n'
            "            deleteItem: {operationId: deleteItem",
        ),
    )
    with pytest.raises(SpecError) as info:
        _objects(path)
    assert "the response schema has no member 'items'" in info.value.message
    assert info.value.pointer == "/paths/~1items/get/responses/200/links/getItem/parameters/item_id"
    assert info.value.file == str(path) and info.value.line is not None


BAD = {
    "operationRef": ('{operationRef: "other.yaml#/paths/~1x/get"}', "operationRef is not"),
    "unknown operation": ("{operationId: nope}", "names no generated operation"),
    "unknown parameter": ('{operationId: getItem, parameters: {zzz: "$response.body#/id"}}',
                          "'zzz' is not a parameter of 'getItem'"),
    "header expression": ('{operationId: getItem, parameters: {item_id: "$request.header.X-Id"}}',
                          "'createItem' has no header field 'X-Id'"),
    "query expression": ('{operationId: getItem, parameters: {item_id: "$request.query.q"}}',
                         "'createItem' has no query field 'q'"),
    "response header": ('{operationId: getItem, parameters: {item_id: "$response.header.Loc"}}',
                        "'$response.header.Loc' is not supported"),
    "url": ('{operationId: getItem, parameters: {item_id: "$url"}}', "'$url' is not supported"),
    "embedded": ('{operationId: getItem, parameters: {item_id: "a{$url}"}}', "is not supported"),
    "pointer": ('{operationId: getItem, parameters: {item_id: "$response.body#/nope"}}',
                "the response schema has no member 'nope'"),
    "request path": ('{operationId: getItem, parameters: {item_id: "$request.path.x"}}',
                     "has no path field 'x'"),
    "requestBody": ("{operationId: getItem, requestBody: {a: 1}}",
                    "'a' is not a body property of 'getItem'"),
    "whole body": ('{operationId: createItem, requestBody: "$response.body#/id"}',
                   "requestBody must be a mapping"),
    "nested": ('{operationId: createItem, requestBody: {name: {x: "$response.body#/id"}}}',
               "nested inside a value is not supported"),
    "twice": ('{operationId: createItem, parameters: {name: a}, requestBody: {name: b}}',
              "'name' is filled twice"),
    "server": ('{operationId: getItem, server: {url: "http://x"}}', "server is not supported"),
}  # fmt: skip


@pytest.mark.parametrize("case", sorted(BAD))
def test_every_unsupported_link_is_a_located_error(tmp_path: Path, case: str) -> None:
    link, message = BAD[case]
    text = SPEC.replace(
        'getItem: {operationId: getItem, parameters: {item_id: "$response.body#/id"}}',
        f"getItem: {link}",
    )
    path = _write(tmp_path, text)
    with pytest.raises(SpecError) as info:
        _objects(path)
    err = info.value
    assert message in err.message, err.message
    assert err.file == str(path) and err.line is not None
    assert err.pointer.startswith("/paths/~1items/post/responses/201/links/getItem"), err.pointer
    # --skip-unsupported: a warning, the link left out, the rest kept
    objects = _objects(path, skip=True)
    assert "get_item" not in {link.name for link in objects.resources[0].links}
    assert "delete_item" in {link.name for link in objects.resources[0].links}


def test_errors_in_x_sdk_resource_are_located(tmp_path: Path) -> None:
    path = _write(tmp_path, SPEC.replace("cleanup: deleteItem", "cleanup: nothing"))
    with pytest.raises(SpecError) as info:
        _objects(path)
    assert "is not a link of this schema's responses" in info.value.message
    assert info.value.pointer == "/components/schemas/Item/x-sdk-resource/cleanup"
    path = _write(tmp_path, SPEC.replace("class: ItemHandle", "class: Item"))
    with pytest.raises(SpecError, match="name of a model class"):
        _objects(path)
    path = _write(tmp_path, SPEC.replace("class: ItemHandle", "class: ObjectPage"))
    with pytest.raises(SpecError, match="the object layer's page class"):
        _objects(path)
    no_name = SPEC.replace(', name: "$request.body#/name"', "")
    path = _write(tmp_path, no_name.replace("cleanup: deleteItem", "cleanup: rename"))
    with pytest.raises(SpecError, match="leaves required arguments unfilled"):
        _objects(path)
    path = _write(tmp_path, SPEC.replace("cleanup: deleteItem", "wait: deleteItem"))
    with pytest.raises(SpecError, match="wait"):
        _objects(path)


def test_plain_client_files_are_unchanged_by_links(tmp_path: Path) -> None:
    """Only objects.py and the lazy export are added: the clients are the same bytes."""
    with_links, _, _ = build(_write(tmp_path, SPEC))
    plain = SPEC.replace("x-sdk-resource: {class: ItemHandle, id: /id, cleanup: deleteItem}", "")
    head, rest = plain.split("          links:\n")
    plain = head + rest[rest.index("  /items/{item_id}:") :]
    (tmp_path / "p").mkdir()
    without, _, _ = build(_write(tmp_path / "p", plain))
    added = sorted(set(with_links) - set(without))
    assert added == ["src/shop/objects.py"]
    changed = sorted(
        rel
        for rel in without
        if with_links[rel] != without[rel] and not rel.endswith("openapi.yaml")  # the spec itself
    )
    assert changed == ["README.md", "api.md", "src/shop/__init__.py"]  # docs, the lazy export


# -- against Prism: the corpus documents with links ------------------------------------------


def _package(spec: Path, tmp_path: Path, name: str) -> Any:
    out = tmp_path / name
    generate(spec, out, skip_unsupported=True)
    sys.path.insert(0, str(out / "src"))
    try:
        (package,) = [p.name for p in (out / "src").iterdir() if p.is_dir()]
        return importlib.import_module(package)
    finally:
        sys.path.remove(str(out / "src"))


@pytest.fixture
def prism_of(tmp_path: Path) -> Any:
    from tests.contract._support import Prism

    started: list[Any] = []

    def start(spec: Path) -> Any:
        if not spec.exists():
            pytest.skip(f"corpus document {spec} not present")
        prism = Prism(spec, tmp_path / f"{spec.stem}.log").start()
        started.append(prism)
        return prism

    yield start
    for prism in started:
        prism.stop()


@pytest.mark.slow
def test_link_example_objects_against_prism(tmp_path: Path, prism_of: Any) -> None:
    spec = CORPUS / "more-specs" / "link-example.yaml"
    prism = prism_of(spec)
    pkg = _package(spec, tmp_path, "le")
    assert f"{pkg.__name__}.objects" not in sys.modules  # `import link_example` is unchanged
    with pkg.LinkExample(base_url=prism.url, max_retries=0) as le:
        assert isinstance(le.api, pkg.LinkExampleClient)
        user = le.users.get_by_name("alice")
        assert type(user).__name__ == "UserObject" and user.data.username is not None
        repos = user.user_repositories()
        assert repos and all(type(r).__name__ == "RepositoryObject" for r in repos)
        repo = repos[0]
        assert repo.refresh() is repo and repo.info() is repo.data
        pulls = repo.repository_pull_requests(state="open")
        assert isinstance(pulls, list)
        pr = le.repositories.get_pull_requests_by_id("alice", "repo", "1")
        assert pr.pull_request_merge() is None
        assert "/2.0/repositories/" in prism.log()

    async def walk() -> None:
        async with pkg.AsyncLinkExample(base_url=prism.url, max_retries=0) as le:
            user = await le.users.get_by_name("alice")
            repos = await user.user_repositories()
            assert type(repos[0]).__name__ == "AsyncRepositoryObject"
            await repos[0].refresh()
            pr = await le.repositories.get_pull_requests_by_id("alice", "repo", "1")
            assert await pr.pull_request_merge() is None

    asyncio.run(walk())


@pytest.mark.slow
def test_tictactoe_objects_use_the_request_path_against_prism(
    tmp_path: Path, prism_of: Any
) -> None:
    spec = CORPUS / "specs" / "tictactoe-3.1.yaml"
    prism = prism_of(spec)
    pkg = _package(spec, tmp_path, "ttt")
    creds = {"api_key": "prism-key", "bearer_http_authentication_token": "prism-token"}
    with pkg.TicTacToe(base_url=prism.url, max_retries=0, **creds) as game:
        square = game.gameplay.get_square(1, 2)
        assert square._request == {"path:row": 1, "path:column": 2}
        status = square.mark_square(body="X")  # row and column from the request that made it
        assert status is not None

    async def walk() -> None:
        async with pkg.AsyncTicTacToe(base_url=prism.url, max_retries=0, **creds) as game:
            square = await game.gameplay.get_square(3, 1)
            assert await square.mark_square(body="O") is not None

    asyncio.run(walk())
    assert "PUT /board/1/2" in prism.log() or "/board/1/2" in prism.log()


# -- a walkthrough against a server on 127.0.0.1: create, wait, link, clean up --------------

POLLED = SPEC.replace(
    "      operationId: createItem\n",
    "      operationId: createItem\n"
    "      x-sdk-polling: {status-operation: getItem, terminal: [done, failed], success: [done]}\n",
).replace(
    "        name: {type: string}\n",
    "        name: {type: string}\n        status: {type: string}\n",
)


class _Shop(BaseHTTPRequestHandler):
    items: dict[str, dict[str, Any]] = {}
    log: list[str] = []

    def log_message(self, *args: Any) -> None:  # quiet
        pass

    def _send(self, status: int, body: Any = None) -> None:
        data = b"" if body is None else json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _item(self) -> dict[str, Any] | None:
        return self.items.get(self.path.split("?")[0].rsplit("/", 1)[-1])

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        item = {"id": f"i{len(self.items) + 1}", "name": body.get("name"), "status": "queued"}
        self.items[item["id"]] = item
        self.log.append(f"POST {self.path}")
        self._send(201, item)

    def do_GET(self) -> None:
        self.log.append(f"GET {self.path}")
        path, _, query = self.path.partition("?")
        if path == "/items":  # listItems (PAGED): pages of `per_page` items
            args = dict(part.split("=", 1) for part in query.split("&") if "=" in part)
            page, size = int(args.get("page", 1)), int(args.get("per_page", 2))
            every = list(self.items.values())
            chunk = every[(page - 1) * size : page * size]
            return self._send(200, {"items": chunk, "has_more": page * size < len(every)})
        item = self._item()
        if item is None:
            return self._send(404, {"message": "no such item"})
        item["status"] = {"queued": "running", "running": "done"}.get(item["status"], "done")
        self._send(200, item)

    def do_PATCH(self) -> None:
        self.log.append(f"PATCH {self.path}")
        self._send(204)

    def do_DELETE(self) -> None:
        self.log.append(f"DELETE {self.path}")
        self.items.pop(self.path.rsplit("/", 1)[-1], None)
        self._send(204)


@pytest.fixture
def shop(tmp_path: Path) -> Any:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Shop)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    (tmp_path / "spec").mkdir()
    pkg = _package(_write(tmp_path / "spec", POLLED), tmp_path, "shop")
    _Shop.items, _Shop.log = {}, []
    yield pkg, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_walkthrough_sync(shop: Any) -> None:
    pkg, url = shop
    with pkg.Shop(base_url=url, max_retries=0, poll_interval=0.01) as objects:
        item = objects.items.create(name="a")  # the object from the first answer, no wait
        assert type(item).__name__ == "ItemHandle"
        assert (item.id, item.data.status) == ("i1", "queued")
        assert item.wait(timeout=5) is item and item.data.status == "done"
        item.rename(mode="x")  # item_id from the data, name from the request's body
        assert _Shop.log[-1] == "PATCH /items/i1?name=a&mode=x"
        with objects.items.create(name="b") as other:  # x-sdk-resource cleanup: deleteItem
            assert other.refresh().data.status == "running"
        assert _Shop.log[-1] == "DELETE /items/i2" and "i2" not in _Shop.items
        assert isinstance(objects.api, pkg.ShopClient)


def test_walkthrough_async(shop: Any) -> None:
    pkg, url = shop

    async def walk() -> None:
        async with pkg.AsyncShop(base_url=url, max_retries=0, poll_interval=0.01) as objects:
            item = await objects.items.create(name="a")
            assert type(item).__name__ == "AsyncItemHandle"
            await item.wait(timeout=5)
            assert item.data.status == "done"
            async with await objects.items.create(name="b") as other:
                assert (await other.info()).status == "running"
            assert _Shop.log[-1] == "DELETE /items/i2"

    asyncio.run(walk())


@pytest.mark.slow
def test_generated_object_layers_pass_mypy_strict(tmp_path: Path) -> None:
    for name, spec in (
        ("le", CORPUS / "more-specs" / "link-example.yaml"),
        ("shop", _write(tmp_path, POLLED)),
    ):
        out = tmp_path / name
        generate(spec, out, skip_unsupported=True)
        done = subprocess.run(
            [sys.executable, "-m", "mypy", "--strict", "src"],
            cwd=out,
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stdout[-3000:]


@pytest.fixture
def paged_shop(tmp_path: Path) -> Any:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Shop)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    (tmp_path / "spec").mkdir()
    pkg = _package(_write(tmp_path / "spec", PAGED), tmp_path, "stock")
    _Shop.items, _Shop.log = {}, []
    for n in range(1, 6):
        _Shop.items[f"i{n}"] = {"id": f"i{n}", "name": f"n{n}", "status": "done"}
    yield pkg, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_pages_of_objects_sync(paged_shop: Any) -> None:
    pkg, url = paged_shop
    with pkg.Stock(base_url=url, max_retries=0) as objects:
        first = objects.items.list()
        assert type(first).__name__ == "ObjectPage"
        assert [i.id for i in first.items] == ["i1", "i2"] and first.has_next_page()
        assert first.page.items[0].id == "i1"  # the plain page underneath
        walked = iter(first)
        assert [next(walked).id for _ in range(3)] == ["i1", "i2", "i3"]
        assert [line for line in _Shop.log if line.startswith("GET /items?")] == [
            "GET /items?page=1&per_page=2",
            "GET /items?page=2&per_page=2",  # fetched only when its first item was needed
        ]
        rest = list(walked)
        assert [type(i).__name__ for i in rest] == ["ItemHandle"] * 2
        rest[-1].delete_item()  # a link of a listed item: item_id from the item's data
        assert _Shop.log[-1] == "DELETE /items/i5"
        pages = list(objects.items.list(per_page=3).iter_pages())
        assert [[i.id for i in p.items] for p in pages] == [["i1", "i2", "i3"], ["i4"]]
        everything = rest[0].everything(per_page=10)  # a link to the paged list: pages too
        assert [i.id for i in everything] == ["i1", "i2", "i3", "i4"]
        again = [i.id for i in first], [i.id for i in first]  # walked again, each time
        assert again == (["i1", "i2", "i3", "i4"],) * 2


def test_pages_of_objects_async(paged_shop: Any) -> None:
    pkg, url = paged_shop

    async def walk() -> None:
        async with pkg.AsyncStock(base_url=url, max_retries=0) as objects:
            first = await objects.items.list()
            assert type(first).__name__ == "AsyncObjectPage"
            walked = [i async for i in first]
            assert [i.id for i in walked] == ["i1", "i2", "i3", "i4", "i5"]
            assert [i.id async for i in first] == [i.id for i in walked]  # walked again
            assert type(walked[0]).__name__ == "AsyncItemHandle"
            assert (await walked[3].refresh()).data.status == "done"
            second = await (await objects.items.list()).aget_next_page()
            assert [i.id for i in second.items] == ["i3", "i4"]
            sizes = [len(p.items) async for p in (await objects.items.list()).aiter_pages()]
            assert sizes == [2, 2, 1]

    asyncio.run(walk())


PAGED_USER_CODE = """\
from typing import List

from typing_extensions import assert_type

from stock import AsyncStock, Stock
from stock.objects import AsyncItemHandle, AsyncObjectPage, ItemHandle, ObjectPage


def sync_walk(shop: Stock) -> List[str]:
    page = shop.items.list(per_page=10)
    assert_type(page, ObjectPage[ItemHandle])
    reveal_type(page.items)
    names = []
    for item in page:
        reveal_type(item)
        assert_type(item, ItemHandle)
        names.append(item.id)
    for each in page.iter_pages():
        assert_type(each, ObjectPage[ItemHandle])
    return names


async def async_walk(shop: AsyncStock) -> None:
    page = await shop.items.list()
    assert_type(page, AsyncObjectPage[AsyncItemHandle])
    async for item in page:
        assert_type(item, AsyncItemHandle)
    nxt = await page.aget_next_page()
    assert_type(nxt.items[0], AsyncItemHandle)
"""


@pytest.mark.slow
def test_mypy_strict_infers_the_object_type_of_pages(tmp_path: Path) -> None:
    out = tmp_path / "stock"
    generate(_write(tmp_path, PAGED), out)
    (out / "src" / "user_code.py").write_text(PAGED_USER_CODE, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "src"],
        cwd=out,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:]
    assert 'list[stock.objects.ItemHandle]"' in done.stdout  # page.items (reveal_type)
    assert 'Revealed type is "stock.objects.ItemHandle"' in done.stdout  # each walked item


def test_objects_are_accepted_where_a_link_says_their_member_goes(shop: Any) -> None:
    pkg, url = shop
    with pkg.Shop(base_url=url, max_retries=0) as objects:
        item = objects.items.create(name="a")
        assert objects.items.get(item).id == "i1"  # the object for item_id (link getItem)
        objects.items.delete("i1")  # or the id itself
        assert _Shop.log[-2:] == ["GET /items/i1", "DELETE /items/i1"]


def test_hostile_link_text_reaches_the_code_only_escaped(tmp_path: Path) -> None:
    """Link names, descriptions and pointers are spec text: escaped for their context."""
    hostile = SPEC.replace(
        'getItem: {operationId: getItem, parameters: {item_id: "$response.body#/id"}}',
        "'class\"\\n) ; import os':\n"
        "              operationId: getItem\n"
        '              description: \'""" + __import__("os") {{ x }} \\x1b[2J\'\n'
        '              parameters: {item_id: "$response.body#/we\'ird"}',
    ).replace(
        "        id: {type: string}\n",
        "        id: {type: string}\n        we'ird: {type: string}\n",
    )
    files, _, _ = build(_write(tmp_path, hostile))
    source = files["src/shop/objects.py"]
    compile(source, "objects.py", "exec")
    assert "def class_n_import_os(" in source  # the link name as an identifier
    assert '"""\\"\\"\\" + __import__' in source  # the description inside the docstring
    assert "\x1b" not in source
