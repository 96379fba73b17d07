"""Arguments of one name from different places are told apart by their place, not a number.

A user trial of Kubernetes' client found ``delete_namespaced_pod(dry_run=...,
dry_run_2=...)``: the query parameter ``dryRun`` and the ``DeleteOptions`` body field
``dryRun``, and which was which only the docstring said (also ``grace_period_seconds_2``, and
``path_2`` for the query ``path`` beside the path parameter ``path``). The rule
(build/arguments.py ``_told_apart``): path, then query, header, cookie, body; the first place
keeps the name, the others take their place as a prefix (``body_dry_run``, ``query_path``),
whatever the spec's order. Checked on the wire: each argument goes where its name says."""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from typing import Any

import pytest

from tests.codegen.packages import generated_package
from tests.runtime.server import Reply, TestServer

SPEC = """openapi: 3.0.3
info: {title: Places, version: '1'}
paths:
  /pods/{name}:
    delete:
      operationId: deletePod
      tags: [pods]
      responses:
        '204': {description: deleted}
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                dryRun: {type: array, items: {type: string}}
                gracePeriodSeconds: {type: integer}
      parameters:
        - {name: name, in: path, required: true, schema: {type: string}}
        - {name: dryRun, in: query, schema: {type: string}}
        - {name: gracePeriodSeconds, in: query, schema: {type: integer}}
  /proxy/{path}:
    get:
      operationId: proxy
      tags: [pods]
      parameters:
        - {name: path, in: query, schema: {type: string}}
        - {name: path, in: path, required: true, schema: {type: string}}
        - {name: fromDate, in: query, schema: {type: string}}
        - {name: from_date, in: query, schema: {type: string}}
      responses:
        '204': {description: ok}
"""


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    spec = tmp_path_factory.mktemp("places") / "places.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    with generated_package(spec, "places") as package:
        yield package


@pytest.fixture()
def server() -> Iterator[TestServer]:
    server = TestServer()
    server.start()
    server.on("DELETE", "/pods/web", lambda r, n: Reply(status=204))
    server.on("GET", "/proxy/a", lambda r, n: Reply(status=204))
    yield server
    server.stop()


def test_the_body_field_takes_the_body_prefix(package: Any, server: TestServer) -> None:
    names = list(
        inspect.signature(package.PlacesClient(base_url="http://x").pods.delete).parameters
    )
    assert names[:5] == [
        "name",
        "dry_run",
        "grace_period_seconds",
        "body_dry_run",
        "body_grace_period_seconds",
    ]
    assert not [n for n in names if n.endswith("_2")]
    with package.PlacesClient(base_url=server.url) as client:
        client.pods.delete("web", dry_run="All", body_dry_run=["All"], body_grace_period_seconds=0)
    [seen] = server.seen("DELETE")
    assert seen.query == [("dryRun", "All")]
    assert seen.json() == {"dryRun": ["All"], "gracePeriodSeconds": 0}


def test_the_path_parameter_keeps_its_name_whatever_the_order(
    package: Any, server: TestServer
) -> None:
    names = list(inspect.signature(package.PlacesClient(base_url="http://x").pods.proxy).parameters)
    assert names[:4] == ["path", "query_path", "from_date", "from_date_2"]  # one place: numbered
    with package.PlacesClient(base_url=server.url) as client:
        client.pods.proxy("a", query_path="q")
    [seen] = server.seen("GET")
    assert seen.query == [("path", "q")]
