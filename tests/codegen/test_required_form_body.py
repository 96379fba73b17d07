"""A required form or multipart body (``requestBody.required: true``) given no field is still
sent: an empty ``application/x-www-form-urlencoded`` body, or a ``multipart/form-data`` body
of no part (a boundary, then its close), as a required JSON body given nothing sends ``{}``.

Before, a required form of optional fields called bare sent no body and no Content-Type (httpx
writes nothing for an empty form): Clerk's ``update_logo("org_1")`` (multipart, its fields all
optional) was answered 422 "Body parameter is required". An optional form given nothing still
sends nothing (tests/codegen/test_optional_form_body.py). Checked on a real server on
127.0.0.1, the empty multipart body also read by Starlette's form parser (what the server of a
FastAPI API would do with it)."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import anyio
import pytest

from tests.codegen.packages import generated_package
from tests.runtime.server import Reply, Seen, TestServer

SPEC = """openapi: 3.0.3
info: {title: Required forms, version: '1'}
paths:
  /orgs/{org_id}/logo:
    put:
      operationId: updateLogo
      tags: [orgs]
      parameters:
        - {name: org_id, in: path, required: true, schema: {type: string}}
      requestBody:
        required: true
        content:
          multipart/form-data:
            schema:
              type: object
              properties:
                file: {type: string, format: binary}
                uploader_user_id: {type: string}
      responses:
        '204': {description: updated}
  /orgs/{org_id}/notes:
    put:
      operationId: updateNotes
      tags: [orgs]
      parameters:
        - {name: org_id, in: path, required: true, schema: {type: string}}
      requestBody:
        required: true
        content:
          multipart/form-data:
            schema:
              type: object
              properties:
                text: {type: string}
      responses:
        '204': {description: updated}
  /orgs/{org_id}/ping:
    post:
      operationId: pingOrg
      tags: [orgs]
      parameters:
        - {name: org_id, in: path, required: true, schema: {type: string}}
      requestBody:
        required: true
        content:
          multipart/form-data:
            schema: {type: object}
      responses:
        '204': {description: pinged}
  /tokens:
    put:
      operationId: replaceToken
      tags: [tokens]
      requestBody:
        required: true
        content:
          application/x-www-form-urlencoded:
            schema:
              type: object
              properties:
                scope: {type: string}
                ttl: {type: integer}
      responses:
        '204': {description: replaced}
"""


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    spec = tmp_path_factory.mktemp("required_forms") / "required_forms.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    with generated_package(spec, "required_forms") as package:
        yield package


@pytest.fixture()
def server() -> Iterator[TestServer]:
    server = TestServer()
    server.start()
    for method, path in (("PUT", "/orgs/org_1/logo"), ("PUT", "/orgs/org_1/notes"),
                         ("POST", "/orgs/org_1/ping"), ("PUT", "/tokens")):  # fmt: skip
        server.on(method, path, lambda r, n: Reply(status=204))
    yield server
    server.stop()


def _form_items(seen: Seen) -> list[tuple[str, Any]]:
    """The fields Starlette's form parser reads from the request (a FastAPI server's view)."""
    from starlette.requests import Request

    async def read() -> list[tuple[str, Any]]:
        async def receive() -> dict[str, Any]:
            return {"type": "http.request", "body": seen.body, "more_body": False}

        headers = [(k.encode("latin-1"), v.encode("latin-1")) for k, v in seen.headers.items()]
        scope = {"type": "http", "method": seen.method, "headers": headers}
        return list((await Request(scope, receive).form()).multi_items())

    with ThreadPoolExecutor(1) as pool:  # its own event loop (an async test runs one)
        return pool.submit(anyio.run, read).result()


def _empty_multipart(seen: Seen) -> None:
    kind, _, boundary = seen.headers["content-type"].partition("; boundary=")
    assert kind == "multipart/form-data"
    assert boundary  # the close of a body of no part: RFC 2046's close-delimiter
    assert seen.body == f"--{boundary}--\r\n".encode("ascii")
    assert seen.headers["content-length"] == str(len(seen.body))
    assert _form_items(seen) == []


def _empty_urlencoded(seen: Seen) -> None:
    assert seen.headers["content-type"] == "application/x-www-form-urlencoded"
    assert seen.headers["content-length"] == "0"
    assert seen.body == b""


def test_a_required_multipart_given_nothing_is_sent_empty(package: Any, server: TestServer) -> None:
    with package.RequiredFormsClient(base_url=server.url) as client:
        client.orgs.update_logo("org_1")
        client.orgs.update_notes("org_1")
        client.orgs.ping("org_1")
    logo, notes = server.seen("PUT")
    [ping] = server.seen("POST")
    for seen in (logo, notes, ping):
        _empty_multipart(seen)


def test_a_required_urlencoded_form_given_nothing_is_sent_empty(
    package: Any, server: TestServer
) -> None:
    with package.RequiredFormsClient(base_url=server.url) as client:
        client.tokens.replace()
    [seen] = server.seen("PUT", "/tokens")
    _empty_urlencoded(seen)


@pytest.mark.anyio
async def test_the_async_client_sends_them_empty_too(package: Any, server: TestServer) -> None:
    async with package.AsyncRequiredFormsClient(base_url=server.url) as client:
        await client.orgs.update_logo("org_1")
        await client.tokens.replace()
    _empty_multipart(server.seen("PUT", "/orgs/org_1/logo")[0])
    _empty_urlencoded(server.seen("PUT", "/tokens")[0])


def test_given_a_field_they_send_the_field(package: Any, server: TestServer) -> None:
    with package.RequiredFormsClient(base_url=server.url) as client:
        client.orgs.update_logo("org_1", uploader_user_id="u_1")
        client.orgs.update_logo("org_1", extra_body={"x": "y"})
        client.tokens.replace(scope="s")
    first, second = server.seen("PUT", "/orgs/org_1/logo")
    assert _form_items(first) == [("uploader_user_id", "u_1")]
    assert _form_items(second) == [("x", "y")]
    [token] = server.seen("PUT", "/tokens")
    assert token.body == b"scope=s"
    assert token.headers["content-type"] == "application/x-www-form-urlencoded"
