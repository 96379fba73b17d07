"""A JSON answer declared as another JSON media type than ``application/json`` (GitHub's
``application/vnd.github.v3.repository+json``) is asked for by that type in ``Accept``: a
server that negotiates (Prism) has nothing for ``application/json`` there (it answered 406).
A media type that is not plain tokens never reaches the header. An answer read as bytes is
asked for by the media types the document declares for it (Google's place photo: ``image/*``),
else ``application/octet-stream, */*``."""

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
  /photo:
    get:
      operationId: getPhoto
      tags: [photo]
      responses:
        '200':
          description: ok
          content:
            image/*: {schema: {type: string, format: binary}}
            application/pdf: {schema: {type: string, format: binary}}
  /blob:
    get:
      operationId: getBlob
      tags: [blob]
      responses:
        '200':
          description: ok
          content: {application/octet-stream: {schema: {type: string, format: binary}}}
  /oddblob:
    get:
      operationId: getOddblob
      tags: [oddblob]
      responses:
        '200':
          description: ok
          content:
            "image/png\\r\\nX-Injected: 1": {schema: {type: string, format: binary}}
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
        "photo.get": "image/*, application/pdf",
        "blob.get": "",  # the runtime's default for bytes
        "oddblob.get": "",
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
        for path in ("/photo", "/blob", "/oddblob"):
            server.on(
                "GET",
                path,
                lambda _s, _c: Reply(body=b"\x89PNG", headers={"content-type": "image/png"}),
            )
        with pkg.AcceptingThingsClient(base_url=server.url) as client:
            assert client.repo.get().id == 1
            client.plain.get()
            assert client.photo.get() == b"\x89PNG"
            client.blob.get()
            client.oddblob.get()
        repo, plain, photo, blob, oddblob = server.seen()
        assert repo.headers["accept"] == "application/vnd.github.v3.repository+json"
        assert plain.headers["accept"] == "application/json"
        assert photo.headers["accept"] == "image/*, application/pdf"
        assert (
            blob.headers["accept"] == oddblob.headers["accept"] == "application/octet-stream, */*"
        )
    finally:
        server.stop()
