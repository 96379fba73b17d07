"""A ``Content-Encoding`` header parameter (InfluxDB's write and restore: ``enum: [gzip,
identity]``, default ``identity``) says how the body is coded: the client codes it. Before,
``content_encoding="gzip"`` sent the header with the body uncompressed (the server then fails
to decompress it, or worse), and every call sent ``Content-Encoding: identity``, a value RFC
9110 keeps out of that header. Checked on the wire: a real server on 127.0.0.1 receives gzip
bytes that decompress to the text or JSON body, and no header when the body is not coded."""

from __future__ import annotations

import asyncio
import gzip
import json
import zlib
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from tests.codegen.packages import generated_package
from tests.runtime.server import Reply, TestServer

SPEC = """\
openapi: 3.0.0
info: {title: Coded Writes, version: "1"}
paths:
  /write:
    post:
      operationId: PostWrite
      tags: [Write]
      parameters:
        - name: Content-Encoding
          in: header
          description: The compression applied to the line protocol in the request payload.
          schema: {type: string, enum: [gzip, identity], default: identity}
        - {name: bucket, in: query, required: true, schema: {type: string}}
      requestBody:
        required: true
        content:
          text/plain: {schema: {type: string}}
      responses: {'204': {description: ok}}
  /documents:
    post:
      operationId: createDocument
      tags: [Documents]
      parameters:
        - {name: Content-Encoding, in: header, schema: {type: string}}
      requestBody:
        required: true
        content:
          application/json:
            schema: {type: object, properties: {title: {type: string}}, required: [title]}
      responses: {'204': {description: ok}}
  /plain:
    post:
      operationId: createPlain
      tags: [Plain]
      requestBody:
        required: true
        content:
          text/plain: {schema: {type: string}}
      responses: {'204': {description: ok}}
"""
LINES = "cpu,host=a usage=0.5 1700000000\\ncpu,host=b usage=0.7 1700000000\\n" * 50


@pytest.fixture(scope="module")
def server() -> Iterator[TestServer]:
    server = TestServer()
    server.start()
    yield server
    server.stop()


def _fresh(server: TestServer) -> None:
    """No requests seen yet; every path answers 204."""
    server.reset()
    for path in ("/write", "/documents", "/plain"):
        server.on("POST", path, lambda _seen, _n: Reply(status=204))


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    spec = tmp_path_factory.mktemp("coded") / "coded.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    with generated_package(spec, "coded_writes") as pkg:
        yield pkg


def test_gzip_compresses_the_text_body(server: TestServer, package: ModuleType) -> None:
    _fresh(server)
    with package.CodedWritesClient(base_url=server.url, api_key="k") as client:
        client.write.post(bucket="b", body=LINES, content_encoding="gzip")
    (seen,) = server.requests
    assert seen.headers["content-encoding"] == "gzip"
    assert seen.body[:2] == b"\x1f\x8b" and len(seen.body) < len(LINES) / 4
    assert gzip.decompress(seen.body).decode("utf-8") == LINES
    assert seen.headers["content-type"].startswith("text/plain")


def test_identity_the_default_sends_the_body_and_no_header(
    server: TestServer, package: ModuleType
) -> None:
    _fresh(server)
    with package.CodedWritesClient(base_url=server.url, api_key="k") as client:
        client.write.post(bucket="b", body=LINES)
        client.write.post(bucket="b", body=LINES, content_encoding="identity")
    for seen in server.requests:
        assert "content-encoding" not in seen.headers
        assert seen.body.decode("utf-8") == LINES


def test_a_json_body_and_a_free_form_coding(server: TestServer, package: ModuleType) -> None:
    _fresh(server)
    with package.CodedWritesClient(base_url=server.url, api_key="k") as client:
        client.documents.create(title="héllo", content_encoding="gzip")
        client.documents.create(title="x", content_encoding="deflate")
        client.documents.create(title="y", content_encoding="GZIP, identity")
    gz, deflated, listed = server.requests
    assert gz.headers["content-encoding"] == "gzip"
    assert json.loads(gzip.decompress(gz.body)) == {"title": "héllo"}
    assert deflated.headers["content-encoding"] == "deflate"
    assert json.loads(zlib.decompress(deflated.body)) == {"title": "x"}
    assert listed.headers["content-encoding"] == "gzip"
    assert json.loads(gzip.decompress(listed.body)) == {"title": "y"}


def test_a_body_already_gzipped_is_not_compressed_twice(
    server: TestServer, package: ModuleType, tmp_path: Path
) -> None:
    """The API's description says "To send a GZIP payload, pass Content-Encoding: gzip":
    a caller who compressed the payload (or passes a ``.gz`` file's bytes) gets it sent once."""
    _fresh(server)
    packed = gzip.compress(LINES.encode("utf-8"))
    with package.CodedWritesClient(base_url=server.url, api_key="k") as client:
        client.write.post(bucket="b", body=packed, content_encoding="gzip")
    (seen,) = server.requests
    assert seen.body == packed
    assert gzip.decompress(seen.body).decode("utf-8") == LINES


def test_a_coding_the_client_cannot_apply_is_refused_before_sending(
    server: TestServer, package: ModuleType
) -> None:
    _fresh(server)
    with package.CodedWritesClient(base_url=server.url, api_key="k") as client:
        with pytest.raises(package.ValidationError, match=r"documents\.create.*'br'"):
            client.documents.create(title="x", content_encoding="br")
    assert server.requests == []


def test_an_operation_without_the_parameter_sends_extra_headers_as_given(
    server: TestServer, package: ModuleType
) -> None:
    """No ``Content-Encoding`` parameter: a header the caller adds is theirs, and so is the
    body (already compressed by them); the client codes nothing."""
    _fresh(server)
    packed = zlib.compress(b"abc")
    with package.CodedWritesClient(base_url=server.url, api_key="k") as client:
        client.plain.create(body=packed, extra_headers={"Content-Encoding": "deflate"})
    (seen,) = server.requests
    assert seen.headers["content-encoding"] == "deflate" and seen.body == packed


def test_the_async_client_compresses_too(server: TestServer, package: ModuleType) -> None:
    _fresh(server)

    async def main() -> None:
        async with package.AsyncCodedWritesClient(base_url=server.url, api_key="k") as client:
            await client.write.post(bucket="b", body=LINES, content_encoding="gzip")

    asyncio.run(main())
    (seen,) = server.requests
    assert gzip.decompress(seen.body).decode("utf-8") == LINES
