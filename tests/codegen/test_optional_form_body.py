"""Form and multipart bodies on the wire: an optional one given nothing is not sent (no body, no
Content-Type), as an optional JSON body (tests/codegen/test_optional_body.py); one given a
field goes out as its media type says.

Before, the generated method always passed its (maybe empty) form to the runtime, which handed
it to httpx: that an empty form sent nothing was httpx's choice, and a ``Content-Encoding``
parameter beside an optional form body given nothing failed (a form "cannot be sent with a
Content-Encoding", though there was none). And a ``multipart/form-data`` body given no file
went out ``application/x-www-form-urlencoded`` (httpx writes a multipart body only with a
file): a server reading multipart found no field. Checked on a real server on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator
from email.parser import BytesParser
from email.policy import HTTP
from typing import Any

import pytest

from tests.codegen.packages import generated_package
from tests.runtime.server import Reply, Seen, TestServer

SPEC = """openapi: 3.0.3
info: {title: Forms, version: '1'}
paths:
  /tokens:
    post:
      operationId: createToken
      tags: [tokens]
      parameters:
        - {name: Content-Encoding, in: header, schema: {type: string}}
      requestBody:
        content:
          application/x-www-form-urlencoded:
            schema: {$ref: '#/components/schemas/TokenForm'}
      responses:
        '204': {description: created}
    put:
      operationId: replaceToken
      tags: [tokens]
      requestBody:
        required: true
        content:
          application/x-www-form-urlencoded:
            schema: {$ref: '#/components/schemas/TokenForm'}
      responses:
        '204': {description: replaced}
  /uploads:
    post:
      operationId: createUpload
      tags: [uploads]
      requestBody:
        content:
          multipart/form-data:
            schema:
              type: object
              properties:
                file: {type: string, format: binary}
                purpose: {type: string}
      responses:
        '204': {description: created}
  /notes:
    post:
      operationId: createNote
      tags: [notes]
      requestBody:
        content:
          multipart/form-data:
            schema:
              type: object
              properties:
                text: {type: string}
                tags: {type: array, items: {type: string}}
      responses:
        '204': {description: created}
components:
  schemas:
    TokenForm:
      type: object
      properties:
        scope: {type: string}
        ttl: {type: integer}
"""


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    spec = tmp_path_factory.mktemp("forms") / "forms.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    with generated_package(spec, "forms") as package:
        yield package


@pytest.fixture()
def server() -> Iterator[TestServer]:
    server = TestServer()
    server.start()
    for method, path in (("POST", "/tokens"), ("PUT", "/tokens"), ("POST", "/uploads"),
                         ("POST", "/notes")):  # fmt: skip
        server.on(method, path, lambda r, n: Reply(status=204))
    yield server
    server.stop()


def _parts(seen: Seen) -> list[tuple[str, str | None, bytes]]:
    """(name, filename, content) of each part of a multipart/form-data request."""
    assert seen.headers["content-type"].startswith("multipart/form-data; boundary=")
    head = f"content-type: {seen.headers['content-type']}\r\n\r\n".encode()
    message = BytesParser(policy=HTTP).parsebytes(head + seen.body)
    return [
        (str(part.get_param("name", header="content-disposition")),
         part.get_filename(), bytes(part.get_payload(decode=True)))
        for part in message.iter_parts()
    ]  # fmt: skip


def _no_body(seen: Seen) -> None:
    assert seen.body == b""
    assert "content-type" not in seen.headers
    assert "content-encoding" not in seen.headers


def test_optional_forms_given_nothing_are_not_sent(package: Any, server: TestServer) -> None:
    with package.FormsClient(base_url=server.url) as client:
        client.tokens.create()
        client.tokens.create(content_encoding="gzip")  # no body: nothing to code
        client.uploads.create()
        client.notes.create()
    for seen in server.requests:
        _no_body(seen)
    assert len(server.requests) == 4


@pytest.mark.anyio
async def test_the_async_client_sends_no_form_either(package: Any, server: TestServer) -> None:
    async with package.AsyncFormsClient(base_url=server.url) as client:
        await client.tokens.create()
        await client.uploads.create()
        await client.notes.create()
    for seen in server.requests:
        _no_body(seen)


def test_an_optional_form_given_a_field_is_sent(package: Any, server: TestServer) -> None:
    with package.FormsClient(base_url=server.url) as client:
        client.tokens.create(scope="read write", ttl=60)
        client.tokens.create(extra_body={"audience": "api"})  # a form still, not JSON
    first, second = server.seen("POST")
    assert first.headers["content-type"] == "application/x-www-form-urlencoded"
    assert first.body == b"scope=read+write&ttl=60"
    assert second.headers["content-type"] == "application/x-www-form-urlencoded"
    assert second.body == b"audience=api"


def test_a_multipart_body_without_a_file_is_multipart(package: Any, server: TestServer) -> None:
    with package.FormsClient(base_url=server.url) as client:
        client.uploads.create(purpose="fine-tune")
        client.notes.create(text="hi", tags=["a", "b"])
        client.notes.create(extra_body={"text": "x"})
        client.uploads.create(file=b"abc", purpose="p")
    uploads = [s for s in server.requests if s.path == "/uploads"]
    notes = [s for s in server.requests if s.path == "/notes"]
    assert _parts(uploads[0]) == [("purpose", None, b"fine-tune")]
    assert _parts(notes[0]) == [("text", None, b"hi"), ("tags", None, b"a"), ("tags", None, b"b")]
    assert _parts(notes[1]) == [("text", None, b"x")]
    assert _parts(uploads[1]) == [("purpose", None, b"p"), ("file", "upload", b"abc")]


def test_a_required_form_given_nothing_is_sent_empty(package: Any, server: TestServer) -> None:
    """Given nothing, a required form is still sent: an empty urlencoded body with its
    Content-Type (as a required JSON body sends ``{}``; a server refuses a required body that
    is missing: tests/codegen/test_required_form_body.py); given a field, the field."""
    with package.FormsClient(base_url=server.url) as client:
        client.tokens.replace()
        client.tokens.replace(scope="s")
    bare, given = server.seen("PUT")
    assert bare.body == b""
    assert bare.headers["content-type"] == "application/x-www-form-urlencoded"
    assert bare.headers["content-length"] == "0"
    assert given.body == b"scope=s"
