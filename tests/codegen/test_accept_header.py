"""A JSON answer declared as another JSON media type than ``application/json`` (GitHub's
``application/vnd.github.v3.repository+json``) is asked for by that type in ``Accept``: a
server that negotiates (Prism) has nothing for ``application/json`` there (it answered 406).
A media type that is not plain tokens never reaches the header."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from generator.build import build_api
from generator.read import load_spec
from tests.codegen.packages import generated_package
from tests.runtime.server import Reply, TestServer

SPEC = """openapi: 3.1.0
info: {title: Accepting Things, version: '1'}
paths:
  /repo:
    get:
      operationId: getRepo
      tags: [repo]
      responses:
        '200':
          description: ok
          content:
            application/vnd.github.v3.repository+json:
              schema: {type: object, properties: {id: {type: integer}}}
  /plain:
    get:
      operationId: getPlain
      tags: [plain]
      responses:
        '200':
          description: ok
          content: {application/json: {schema: {type: object}}}
  /odd:
    get:
      operationId: getOdd
      tags: [odd]
      responses:
        '200':
          description: ok
          content:
            "application/x\\r\\nX-Injected: 1+json":
              schema: {type: object}
"""


@pytest.fixture(scope="module")
def spec(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("accept") / "accept.yaml"
    path.write_text(SPEC, encoding="utf-8")
    return path


def test_the_declared_json_type_becomes_accept(spec: Path) -> None:
    api = build_api(load_spec(spec), package_version="1.0.0")
    accept = {m.qualified_name: m.returns.accept for m in api.all_methods}
    assert accept == {
        "repo.get": "application/vnd.github.v3.repository+json",
        "plain.get": "",
        "odd.get": "",  # not plain tokens: the default header
    }


@pytest.fixture(scope="module")
def pkg(spec: Path) -> Iterator[ModuleType]:
    with generated_package(spec, "accepting_things") as package:
        yield package


def test_the_client_sends_it(pkg: ModuleType) -> None:
    server = TestServer()
    server.start()
    try:
        server.on("GET", "/repo", lambda _s, _c: Reply(json={"id": 1}))
        server.on("GET", "/plain", lambda _s, _c: Reply(json={}))
        with pkg.AcceptingThingsClient(base_url=server.url) as client:
            assert client.repo.get().id == 1
            client.plain.get()
        repo, plain = server.seen()
        assert repo.headers["accept"] == "application/vnd.github.v3.repository+json"
        assert plain.headers["accept"] == "application/json"
    finally:
        server.stop()
