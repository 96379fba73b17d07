"""An optional request body (``requestBody.required`` false or absent) that the call gives
nothing for is not sent: no ``{}``, no Content-Type.

A user trial of Kubernetes' ``delete_namespaced_pod`` (its body, ``DeleteOptions``, optional)
found every call sending ``{}`` as JSON: some servers and proxies refuse a DELETE with a body.
Checked on the wire: called bare, the DELETE carries no body; with a field or ``extra_body``,
the body goes out; a *required* body whose fields are all optional still sends ``{}``."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.codegen.packages import generated_package
from tests.runtime.server import Reply, TestServer

SPEC = """openapi: 3.0.3
info: {title: Bodies, version: '1'}
paths:
  /pods/{name}:
    delete:
      operationId: deletePod
      tags: [pods]
      parameters:
        - {name: name, in: path, required: true, schema: {type: string}}
      requestBody:
        content:
          application/json:
            schema: {$ref: '#/components/schemas/DeleteOptions'}
      responses:
        '204': {description: deleted}
    put:
      operationId: touchPod
      tags: [pods]
      parameters:
        - {name: name, in: path, required: true, schema: {type: string}}
      requestBody:
        required: true
        content:
          application/json:
            schema: {$ref: '#/components/schemas/DeleteOptions'}
      responses:
        '204': {description: touched}
components:
  schemas:
    DeleteOptions:
      type: object
      properties:
        gracePeriodSeconds: {type: integer}
        propagationPolicy: {type: string}
"""


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    spec = tmp_path_factory.mktemp("bodies") / "bodies.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    with generated_package(spec, "bodies") as package:
        yield package


@pytest.fixture()
def server() -> Iterator[TestServer]:
    server = TestServer()
    server.start()
    server.on("DELETE", "/pods/web", lambda r, n: Reply(status=204))
    server.on("PUT", "/pods/web", lambda r, n: Reply(status=204))
    yield server
    server.stop()


def test_an_optional_body_given_nothing_is_not_sent(package: Any, server: TestServer) -> None:
    with package.BodiesClient(base_url=server.url) as client:
        client.pods.delete("web")
    [seen] = server.seen("DELETE")
    assert seen.body == b""
    assert "content-type" not in seen.headers


def test_an_optional_body_given_a_field_is_sent(package: Any, server: TestServer) -> None:
    with package.BodiesClient(base_url=server.url) as client:
        client.pods.delete("web", grace_period_seconds=0)
        client.pods.delete("web", extra_body={"dryRun": ["All"]})
    first, second = server.seen("DELETE")
    assert first.json() == {"gracePeriodSeconds": 0}
    assert first.headers["content-type"] == "application/json"
    assert second.json() == {"dryRun": ["All"]}


@pytest.mark.anyio
async def test_the_async_client_sends_no_body_either(package: Any, server: TestServer) -> None:
    async with package.AsyncBodiesClient(base_url=server.url) as client:
        await client.pods.delete("web")
    [seen] = server.seen("DELETE")
    assert seen.body == b""


def test_a_required_body_of_optional_fields_is_still_sent(package: Any, server: TestServer) -> None:
    with package.BodiesClient(base_url=server.url) as client:
        client.pods.touch("web")
    [seen] = server.seen("PUT")
    assert seen.json() == {}
    assert seen.headers["content-type"] == "application/json"
