"""Pagination in the generator: every ``x-sdk-pagination`` style becomes its ``PaginationSpec``,
common shapes are inferred without any extension (and ``style: none`` turns that off), and the
generated client walks every page of each style against a real server on 127.0.0.1."""

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

ITEM = "{type: object, properties: {id: {type: integer}}}"
INT = "{type: integer}"
STR = "{type: string}"


def _op(op_id: str, query: dict[str, str], schema: str, extra: str = "") -> str:
    params = "".join(f"\n        - {{name: {n}, in: query, schema: {s}}}" for n, s in query.items())
    return (
        f"\n    get:\n      operationId: {op_id}\n      parameters:{params or ' []'}{extra}"
        f"\n      responses:\n        '200':\n          description: ok"
        f"\n          content: {{application/json: {{schema: {schema}}}}}\n"
    )


LIST = f"{{type: array, items: {ITEM}}}"


def _obj(more: str) -> str:
    return "{type: object, properties: {data: " + LIST + ", " + more + "}}"


MORE = "has_more: {type: boolean}"
TOKEN = "{type: object, properties: {next_page_token: " + STR + "}}"
PAGING = "paging: {type: object, properties: {next: {type: string}}}"
DECLARED = (
    "\n      x-sdk-pagination: {style: cursor, items: data, meta: '', cursor-param: after,"
    " next-cursor: [paging, next]}"
)
LINKED = f"""
    get:
      operationId: linkedList
      parameters: [{{name: per_page, in: query, schema: {INT}}}]
      responses:
        '200':
          description: ok
          headers: {{Link: {{schema: {STR}}}}}
          content: {{application/json: {{schema: {LIST}}}}}
"""
SPEC = (
    "openapi: 3.1.0\ninfo: {title: Paged Things, version: '1'}\n"
    "servers: [{url: 'http://localhost:4010'}]\npaths:\n"
    + "  /cursor:" + _op("cursorList", {"cursor": STR, "limit": INT}, _obj("next_cursor: " + STR))
    + "  /token:" + _op("tokenList", {"page_token": STR},
                        "{type: object, properties: {items: " + LIST + ", meta: " + TOKEN + "}}")
    + "  /offset:" + _op("offsetList", {"offset": INT, "limit": INT}, _obj(MORE))
    + "  /pages:" + _op("pageList", {"page": INT, "per_page": INT}, LIST)
    + "  /next:" + _op("nextList", {"limit": INT}, _obj("next: " + STR))
    + "  /declared:" + _op("declaredList", {"after": STR}, _obj(PAGING), DECLARED)
    + "  /plain:" + _op("plainList", {"offset": INT, "limit": INT}, _obj("total: " + INT),
                        "\n      x-sdk-pagination: {style: none}")
    + "  /ambiguous:" + _op("twoLists", {"cursor": STR},
                            "{type: object, properties: {a: " + LIST + ", b: " + LIST + "}}")
    + "  /linked:" + LINKED
    + "  /stripe:" + _op("stripeList", {"starting_after": STR, "limit": INT}, _obj(MORE))
    + "  /openai:" + _op("openaiList", {"limit": INT, "after": STR, "before": STR},
                         _obj(f"first_id: {STR}, last_id: {STR}, {MORE}"))
)  # fmt: skip
PAGES = [[{"id": 1}, {"id": 2}], [{"id": 3}], []]


@pytest.fixture(scope="module")
def spec(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("paged") / "paged.yaml"
    path.write_text(SPEC, encoding="utf-8")
    return path


def test_styles_declared_and_inferred(spec: Path) -> None:
    api = build_api(load_spec(spec), package_version="1.0.0")
    found = {
        m.operation_id.value: m.returns.pagination for ns in api.namespaces for m in ns.methods
    }
    style = {k: (v.style if v else None) for k, v in found.items()}
    assert style == {
        "cursorList": "cursor",
        "tokenList": "cursor",
        "offsetList": "offset",
        "pageList": "page",
        "nextList": "next_url",
        "declaredList": "cursor",
        "plainList": None,
        "twoLists": None,
        "linkedList": "link_header",
        "stripeList": "last_item",
        "openaiList": "last_item",
    }
    token = found["tokenList"]
    assert token is not None and [p.value for p in token.next_cursor] == ["meta", "next_page_token"]
    assert token.cursor_param.value == "page_token" and token.inferred
    declared = found["declaredList"]
    assert declared is not None and not declared.inferred
    assert [p.value for p in declared.next_cursor] == ["paging", "next"]
    stripe = found["stripeList"]
    assert stripe is not None and stripe.cursor_param.value == "starting_after"
    assert [p.value for p in stripe.next_cursor] == ["id"]
    assert [p.value for p in stripe.has_more] == ["has_more"]
    openai = found["openaiList"]  # `after` and `has_more`, no next-cursor member: the last id
    assert openai is not None and openai.cursor_param.value == "after"
    assert [p.value for p in openai.next_cursor] == ["id"] and openai.inferred


@pytest.fixture(scope="module")
def pkg(spec: Path) -> Iterator[ModuleType]:
    with generated_package(spec, "paged_things") as package:
        yield package


def _index(seen: Seen, key: str, default: str = "0") -> int:
    return int(dict(seen.query).get(key, default))


@pytest.fixture(scope="module")
def server() -> Iterator[TestServer]:
    srv = TestServer()
    srv.start()

    def cursor(seen: Seen, _c: int) -> Any:
        i = _index(seen, "cursor")
        return {"data": PAGES[i], "next_cursor": str(i + 1) if i < 1 else None}

    def token(seen: Seen, _c: int) -> Any:
        i = _index(seen, "page_token")
        return {"items": PAGES[i], "meta": {"next_page_token": str(i + 1) if i < 1 else ""}}

    def offset(seen: Seen, _c: int) -> Any:
        start = _index(seen, "offset")
        flat = [x for page in PAGES for x in page]
        return {"data": flat[start : start + 2], "has_more": start + 2 < len(flat)}

    def pages(seen: Seen, _c: int) -> Any:
        return PAGES[_index(seen, "page", "1") - 1]

    def nexts(seen: Seen, _c: int) -> Any:
        i = _index(seen, "i")
        return {"data": PAGES[i], "next": f"/next?i={i + 1}" if i < 1 else None}

    def declared(seen: Seen, _c: int) -> Any:
        i = _index(seen, "after")
        return {"data": PAGES[i], "paging": {"next": str(i + 1) if i < 1 else None}}

    def stripe(seen: Seen, _c: int) -> Any:
        after = dict(seen.query).get("starting_after")
        flat = [x for page in PAGES for x in page]
        start = [str(x["id"]) for x in flat].index(after) + 1 if after else 0
        return {"data": flat[start : start + 2], "has_more": start + 2 < len(flat)}

    def openai(seen: Seen, _c: int) -> Any:
        after = dict(seen.query).get("after")
        flat = [x for page in PAGES for x in page]
        start = [str(x["id"]) for x in flat].index(after) + 1 if after else 0
        data = flat[start : start + 2]
        more = start + 2 < len(flat)
        return {"data": data, "first_id": "", "last_id": str(data[-1]["id"]), "has_more": more}

    def linked(seen: Seen, _c: int) -> Reply:
        i = _index(seen, "i")
        headers = {"Link": f'</linked?i={i + 1}>; rel="next"'} if i < 1 else {}
        return Reply(json=PAGES[i], headers=headers)

    def plain(handler: Any) -> Any:
        def reply(seen: Seen, count: int) -> Reply:
            answer = handler(seen, count)
            return answer if isinstance(answer, Reply) else Reply(json=answer)

        return reply

    for path, handler in (("/cursor", cursor), ("/token", token), ("/offset", offset),
                          ("/pages", pages), ("/next", nexts), ("/declared", declared),
                          ("/linked", linked), ("/stripe", stripe),
                          ("/openai", openai)):  # fmt: skip
        srv.on("GET", path, plain(handler))
    srv.on("GET", "/plain", plain(lambda _s, _c: {"data": PAGES[0], "total": 3}))
    yield srv
    srv.stop()


CALLS = ("cursor_list", "token_list", "offset_list", "next_list", "declared_list", "linked_list",
         "stripe_list", "openai_list")  # fmt: skip


@pytest.mark.parametrize("method", CALLS)
def test_the_sync_client_walks_every_page(pkg: ModuleType, server: TestServer, method: str) -> None:
    with pkg.PagedThingsClient(base_url=server.url) as client:
        ns = getattr(client, method.replace("_list", ""))
        page = ns.list()  # short method names: the namespace says what is listed
        assert [item.id if hasattr(item, "id") else item["id"] for item in page] == [1, 2, 3]


def test_page_style_and_none(pkg: ModuleType, server: TestServer) -> None:
    with pkg.PagedThingsClient(base_url=server.url) as client:
        ids = [getattr(x, "id", None) or x["id"] for x in client.pages.list(per_page=2)]
        assert ids == [1, 2, 3]
        plain = client.plain.list()
        assert "PagedResponse" not in type(plain).__name__  # style: none, one object


@pytest.mark.anyio
@pytest.mark.parametrize("method", CALLS)
async def test_the_async_client_walks_every_page(
    pkg: ModuleType, server: TestServer, method: str
) -> None:
    async with pkg.AsyncPagedThingsClient(base_url=server.url) as client:
        ns = getattr(client, method.replace("_list", ""))
        page = await ns.list()
        ids = [getattr(x, "id", None) or x["id"] async for x in page]
        assert ids == [1, 2, 3]


BOX_ORDER = "order: {type: array, items: {type: object, properties: {by: " + STR + "}}}"
BOX_LIKE = (
    "openapi: 3.0.3\ninfo: {title: Boxed, version: '1'}\npaths:\n"
    + "  /items:" + _op("listItems", {"usemarker": "{type: boolean}", "marker": STR,
                                      "offset": INT, "limit": INT},
                        "{type: object, properties: {entries: " + LIST + ", " + BOX_ORDER
                        + ", next_marker: " + STR + ", total_count: " + INT + "}}")
    + "  /hooks:" + _op("listHooks", {"marker": STR, "limit": INT},
                        "{type: object, properties: {entries: " + LIST + ", " + BOX_ORDER
                        + ", next_marker: " + STR + "}}")
    + "  /comments:" + _op("listComments", {"offset": INT, "limit": INT},
                           "{type: object, allOf: [{properties: {" + BOX_ORDER + "}},"
                           " {properties: {entries: " + LIST + ", total_count: " + INT + "}}]}")
    + "  /twolists:" + _op("twoNamedLists", {"offset": INT, "limit": INT},
                           "{type: object, properties: {items: " + LIST + ", data: " + LIST + "}}")
)  # fmt: skip


def test_box_lists_beside_an_order_list_and_marker_or_offset(tmp_path: Path) -> None:
    """Box's list payloads hold two arrays (``entries`` and ``order``): the one named as a list
    is the page; a ``marker`` list that also takes ``offset`` pages by either (``or_offset``,
    the runtime's choice per walk); two arrays both named as lists stay ambiguous."""
    path = tmp_path / "box.yaml"
    path.write_text(BOX_LIKE, encoding="utf-8")
    api = build_api(load_spec(path), package_version="1.0.0")
    found = {m.operation_id.value: m.returns.pagination for m in api.all_methods}
    shape = {k: (v.style, v.items.value, v.or_offset) if v else None for k, v in found.items()}
    assert shape == {
        "listItems": ("cursor", "entries", True),
        "listHooks": ("cursor", "entries", False),
        "listComments": ("offset", "entries", False),
        "twoNamedLists": None,
    }


def test_box_like_package_walks_by_offset_and_its_readme_says_how(tmp_path: Path) -> None:
    """The generated client walks ``listItems`` by offset when no marker comes back, and the
    README's Pagination section (there for any style, not only page numbers) says how the
    example pages and sizes the page with the argument it has."""
    path = tmp_path / "box.yaml"
    path.write_text(BOX_LIKE, encoding="utf-8")
    srv = TestServer()
    srv.start()
    flat = [{"id": i} for i in range(5)]

    def by_offset(seen: Seen, _c: int) -> Reply:
        start, limit = _index(seen, "offset"), _index(seen, "limit", "2")
        return Reply(json={"entries": flat[start : start + limit], "total_count": len(flat)})

    srv.on("GET", "/items", by_offset)
    try:
        with generated_package(path, "boxed") as pkg, pkg.BoxedClient(base_url=srv.url) as client:
            ids = [item.id for item in client.items.list(limit=2)]
    finally:
        srv.stop()
    assert ids == [0, 1, 2, 3, 4]
    assert [dict(s.query).get("offset") for s in srv.seen()] == [None, "2", "4"]
    readme = (tmp_path / "out" / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Pagination\n", 1)[1].split("\n## ", 1)[0]
    assert "[Pagination](#pagination)" in readme
    assert "sends back the `next_marker` of each answer as `marker`, or, when" in section
    assert "page = client.items.list(limit=50)" in section


HREF = "{type: object, properties: {href: " + STR + "}}"
JSON_API = (
    "openapi: 3.0.1\ninfo: {title: Json Api, version: '1'}\npaths:\n"
    + "  /projects:" + _op("getProjects", {"'page[number]'": INT, "'page[limit]'": INT},
                           "{type: object, properties: {data: " + LIST + ", links: {type: object,"
                           " properties: {self: " + HREF + ", next: " + HREF + "}}}}")
)  # fmt: skip


def test_a_json_api_next_link_object_is_followed(tmp_path: Path) -> None:
    """Autodesk's lists (JSON:API): ``links.next`` is an object whose ``href`` is the next
    page's URL, and ``page[limit]`` sizes the page: inferred as ``next_url`` and walked."""
    path = tmp_path / "jsonapi.yaml"
    path.write_text(JSON_API, encoding="utf-8")
    srv = TestServer()
    srv.start()

    def pages(seen: Seen, _c: int) -> Reply:
        i = _index(seen, "page[number]")
        links: dict[str, Any] = {"self": {"href": f"{srv.url}/projects?page[number]={i}"}}
        if i < 2:
            links["next"] = {"href": f"{srv.url}/projects?page[number]={i + 1}&page[limit]=1"}
        return Reply(json={"data": [{"id": i}], "links": links})

    srv.on("GET", "/projects", pages)
    try:
        with generated_package(path, "json_api") as pkg, pkg.JsonApiClient(base_url=srv.url) as c:
            ids = [item.id for item in c.projects.get(page_limit=1)]
    finally:
        srv.stop()
    assert ids == [0, 1, 2]
    readme = (tmp_path / "out" / "README.md").read_text(encoding="utf-8")
    assert "follows the URL in `links.next.href` of each answer" in readme
    assert "page = client.projects.get(page_limit=50)" in readme


KUBE_LIKE = """openapi: 3.0.0
info: {title: Kube Like, version: '1'}
paths:
  /api/v1/pods:
    get:
      operationId: listPods
      parameters:
        - {name: continue, in: query, schema: {type: string}}
        - {name: limit, in: query, schema: {type: integer}}
      responses:
        '200':
          description: ok
          content: {application/json: {schema: {$ref: '#/components/schemas/PodList'}}}
  /api/v1/nodes:
    parameters:
      - {name: continue, in: query, schema: {type: string}}
      - {name: limit, in: query, schema: {type: integer}}
    get:
      operationId: listNodes
      responses:
        '200':
          description: ok
          content: {application/json: {schema: {$ref: '#/components/schemas/PodList'}}}
components:
  schemas:
    Pod:
      type: object
      properties: {name: {type: string}}
    ListMeta:
      type: object
      properties: {continue: {type: string}, resourceVersion: {type: string}}
    PodList:
      type: object
      required: [items]
      properties:
        items: {type: array, items: {allOf: [{$ref: '#/components/schemas/Pod'}]}}
        metadata: {allOf: [{$ref: '#/components/schemas/ListMeta'}], default: {}}
"""


def test_kubernetes_lists_walk_by_continue_tokens(tmp_path: Path) -> None:
    """Kubernetes' lists: a ``continue`` query parameter, and the next token in
    ``metadata.continue``, a member written as ``allOf: [$ref ListMeta]`` (so that a default sits
    beside it); the last page sends ``""``. Before, neither the name nor the ``allOf`` member
    was recognised and a list returned its first page only."""
    path = tmp_path / "kube.yaml"
    path.write_text(KUBE_LIKE, encoding="utf-8")
    srv = TestServer()
    srv.start()

    def pages(seen: Seen, _c: int) -> Reply:
        token = dict(seen.query).get("continue", "")
        i = int(token[1:]) if token else 0
        meta = {"continue": f"t{i + 1}" if i < 2 else "", "resourceVersion": "7"}
        return Reply(json={"items": [{"name": f"pod-{i}"}], "metadata": meta})

    srv.on("GET", "/api/v1/pods", pages)
    srv.on("GET", "/api/v1/nodes", pages)
    try:
        with generated_package(path, "kube_like") as pkg, pkg.KubeLikeClient(base_url=srv.url) as c:
            names = [pod.name for pod in c.pods.list(limit=1)]
            # continue and limit declared on the path item (Kubernetes' all-namespaces lists)
            nodes = [node.name for node in c.nodes.list(limit=1)]
        sent = [dict(s.query) for s in srv.seen("GET", "/api/v1/pods")]
    finally:
        srv.stop()
    assert names == nodes == ["pod-0", "pod-1", "pod-2"]
    assert sent == [
        {"limit": "1"},
        {"limit": "1", "continue": "t1"},
        {"limit": "1", "continue": "t2"},
    ]
    readme = (tmp_path / "out" / "README.md").read_text(encoding="utf-8")
    assert "sends back the `metadata.continue` of each answer as `continue`" in readme


STRIPE_LIKE = """openapi: 3.0.0
info: {title: Stripey, version: '1'}
paths:
  /v1/accounts/{account}/external_accounts:
    get:
      operationId: GetAccountsAccountExternalAccounts
      tags: [accounts]
      parameters:
        - {name: account, in: path, required: true, schema: {type: string}}
        - {name: limit, in: query, schema: {type: integer}}
        - {name: starting_after, in: query, schema: {type: string}}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                required: [data, has_more]
                properties:
                  data:
                    type: array
                    items:
                      anyOf:
                        - {$ref: '#/components/schemas/bank_account'}
                        - {$ref: '#/components/schemas/card'}
                  has_more: {type: boolean}
  /v1/customers/search:
    get:
      operationId: GetCustomersSearch
      tags: [customers]
      parameters:
        - {name: limit, in: query, schema: {type: integer}}
        - {name: page, in: query, schema: {type: string}}
        - {name: query, in: query, required: true, schema: {type: string}}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                required: [data, has_more]
                properties:
                  data: {type: array, items: {$ref: '#/components/schemas/card'}}
                  has_more: {type: boolean}
                  next_page: {type: string, nullable: true}
components:
  schemas:
    bank_account:
      type: object
      required: [id, object, routing_number]
      properties:
        id: {type: string}
        object: {type: string, enum: [bank_account]}
        routing_number: {type: string}
    card:
      type: object
      required: [id, object, last4]
      properties: {id: {type: string}, object: {type: string, enum: [card]}, last4: {type: string}}
"""


def test_stripe_lists_of_several_kinds_and_search_pages_are_walked(tmp_path: Path) -> None:
    """Stripe's lists whose items are one of several objects (``anyOf`` bank account or card,
    each with an ``id``) page by ``starting_after`` like the others, and its search lists by
    the ``next_page`` token sent back as the string ``page``. Before, both returned their
    first page only (``GetAccountsAccountExternalAccountsResponse``, not a page)."""
    path = tmp_path / "stripey.yaml"
    path.write_text(STRIPE_LIKE, encoding="utf-8")
    srv = TestServer()
    srv.start()
    kinds = ["bank_account", "card", "card"]

    def accounts(seen: Seen, _c: int) -> Reply:
        after = dict(seen.query).get("starting_after")
        i = 0 if after is None else int(after.rsplit("_", 1)[1]) + 1
        extra = {"routing_number": "110000000"} if kinds[i] == "bank_account" else {"last4": "4242"}
        data = [{"id": f"{kinds[i]}_{i}", "object": kinds[i], **extra}]
        return Reply(json={"data": data, "has_more": i < 2})

    def search(seen: Seen, _c: int) -> Reply:
        token = dict(seen.query).get("page")
        i = 0 if token is None else int(token[4:])
        nxt = f"page{i + 1}" if i < 2 else None
        data = [{"id": f"card_{i}", "object": "card", "last4": "4242"}]
        return Reply(json={"data": data, "has_more": nxt is not None, "next_page": nxt})

    srv.on("GET", "/v1/accounts/acct_1/external_accounts", accounts)
    srv.on("GET", "/v1/customers/search", search)
    try:
        with generated_package(path, "stripey") as pkg, pkg.StripeyClient(base_url=srv.url) as c:
            listed = list(c.accounts.list_external_accounts("acct_1", limit=1))
            found = [card.id for card in c.customers.get_search(query="email:'x'", limit=1)]
        after = [
            dict(s.query).get("starting_after")
            for s in srv.seen("GET", "/v1/accounts/acct_1/external_accounts")
        ]
        pages = [dict(s.query).get("page") for s in srv.seen("GET", "/v1/customers/search")]
    finally:
        srv.stop()
    assert [type(x).__name__ for x in listed] == ["BankAccount", "Card", "Card"]
    assert after == [None, "bank_account_0", "card_1"]
    assert found == ["card_0", "card_1", "card_2"]
    assert pages == [None, "page1", "page2"]
