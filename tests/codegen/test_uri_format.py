"""``format: uri`` is typed ``str``: servers send URI *references* where their documents say
``uri`` (InfluxDB's ``links`` are ``/api/v2/buckets/1`` in its own examples and on the wire).
Typed as pydantic's ``AnyUrl``, every answer carrying one raised ``ResponseValidationError``
(every InfluxDB list and create), and an absolute URL came back rewritten (``http://a`` ->
``http://a/``)."""

from __future__ import annotations

from collections.abc import Iterator
from types import ModuleType

import pytest

from tests.codegen.packages import generated_package
from tests.runtime.server import Reply, TestServer

SPEC = """openapi: 3.1.0
info: {title: Linking Things, version: '1'}
paths:
  /things/{id}:
    get:
      operationId: getThing
      tags: [things]
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Thing'}
components:
  schemas:
    Link: {type: string, format: uri, readOnly: true}
    Thing:
      type: object
      properties:
        id: {type: string}
        home: {type: string, format: uri, default: /home}
        links:
          type: object
          properties:
            self: {$ref: '#/components/schemas/Link'}
            docs: {$ref: '#/components/schemas/Link'}
"""


@pytest.fixture(scope="module")
def pkg(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    path = tmp_path_factory.mktemp("uri") / "uri.yaml"
    path.write_text(SPEC, encoding="utf-8")
    with generated_package(path, "linking_things") as package:
        yield package


def test_relative_and_absolute_uris_parse_as_sent(pkg: ModuleType) -> None:
    server = TestServer()
    server.start()
    try:
        body = {"id": "1", "links": {"self": "/api/v2/things/1", "docs": "http://docs.example"}}
        server.on("GET", "/things/1", lambda _s, _c: Reply(json=body))
        with pkg.LinkingThingsClient(base_url=server.url) as client:
            thing = client.things.get("1")
        # `Link` (a component that is a plain string) types its fields as `str` itself
        assert thing.links.self == "/api/v2/things/1"
        assert thing.links.docs == "http://docs.example"  # as sent, no "/" added
        assert thing.home == "/home"  # the document's default is kept
    finally:
        server.stop()
