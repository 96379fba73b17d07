"""Kubernetes' lists take a boolean ``watch`` query parameter and declare
``application/json;stream=watch`` beside their JSON answer: with ``watch=true`` the server
answers with a stream of JSON lines (as plain ``application/json``, so the answer's
``Content-Type`` cannot tell). The list method reads one JSON answer, so ``watch=True`` is
refused with a ``ValueError`` before anything is sent, naming the method that reads the stream
(``GET /api/v1/watch/pods``: the same path with a ``watch`` segment); a real server on
127.0.0.1 sees no request. Before, ``list(watch=True)`` sent the request and waited for the
stream to end to read it as one page (a watch may never end). Nothing changes for
``watch=False``, a boolean not named by ``stream=`` (``allowWatchBookmarks``), or a list
without a ``stream=`` type."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from generator.build import build_api
from generator.read import load_spec
from tests.codegen.packages import generated_package
from tests.runtime.server import Reply, TestServer

SPEC = """openapi: 3.0.0
info: {title: Kubish, version: '1'}
paths:
  /api/v1/watch/pods:
    get:
      operationId: watchPodList
      tags: [pods]
      parameters:
        - {name: watch, in: query, schema: {type: boolean}}
      responses:
        '200':
          description: OK
          content:
            application/json: {schema: {$ref: '#/components/schemas/WatchEvent'}}
            application/json;stream=watch: {schema: {$ref: '#/components/schemas/WatchEvent'}}
  /api/v1/pods:
    parameters:
      - {name: watch, in: query, schema: {type: boolean}}
    get:
      operationId: listPods
      tags: [pods]
      parameters:
        - {name: allowWatchBookmarks, in: query, schema: {type: boolean}}
        - {name: limit, in: query, schema: {type: integer}}
        - {name: continue, in: query, schema: {type: string}}
      responses:
        '200':
          description: OK
          content:
            application/json: {schema: {$ref: '#/components/schemas/PodList'}}
            application/json;stream=watch: {schema: {$ref: '#/components/schemas/PodList'}}
  /api/v1/nodes:
    get:
      operationId: listNodes
      tags: [nodes]
      parameters:
        - {name: watch, in: query, schema: {type: boolean}}
        - {name: continue, in: query, schema: {type: string}}
      responses:
        '200':
          description: OK, no watch stream of its own declared
          content:
            application/json: {schema: {$ref: '#/components/schemas/PodList'}}
components:
  schemas:
    Pod:
      type: object
      properties: {name: {type: string}}
    WatchEvent:
      type: object
      required: [type, object]
      properties:
        type: {type: string}
        object: {type: object, additionalProperties: true}
    PodList:
      type: object
      required: [items]
      properties:
        items: {type: array, items: {$ref: '#/components/schemas/Pod'}}
        metadata:
          type: object
          properties: {continue: {type: string}}
"""


@pytest.fixture
def spec(tmp_path: Path) -> Path:
    path = tmp_path / "kubish.yaml"
    path.write_text(SPEC, encoding="utf-8")
    return path


def test_flag_found(spec: Path) -> None:
    api = build_api(load_spec(spec), package_version="1.0.0")
    found = {m.operation_id.value: m for m in api.all_methods}
    pods = found["listPods"]
    assert pods.returns.kind == "page"
    assert pods.stream_switch is not None and pods.stream_switch.name == "watch"
    assert pods.returns.stream_method == "pods.watch_list"
    assert found["listNodes"].stream_switch is None  # no `stream=watch` answer declared
    assert found["watchPodList"].stream_switch is None  # the stream itself


def test_watch_true_is_refused_before_sending(spec: Path) -> None:
    srv = TestServer()
    srv.start()
    srv.on("GET", "/api/v1/pods", lambda _s, _n: Reply(json={"items": [{"name": "a"}]}))
    try:
        with generated_package(spec, "kubish") as pkg:
            with pkg.KubishClient(base_url=srv.url) as c:
                # the client's own refusal of an argument (caught with the package's base
                # exception, as every other argument refused before sending), not a ValueError
                refusal = r"call pods\.watch_list\(\) to read"
                with pytest.raises(pkg.ValidationError, match=refusal) as e:
                    c.pods.list(watch=True)
                assert "pods.list(watch=True)" in str(e.value)
                assert e.value.status_code is None
                assert [p.name for p in c.pods.list(watch=False, allow_watch_bookmarks=True)] == [
                    "a"
                ]

            async def watch_async() -> str:
                async with pkg.AsyncKubishClient(base_url=srv.url) as ac:
                    try:
                        await ac.pods.list(watch=True)
                    except pkg.KubishException as exc:
                        return str(exc)
                    return "sent"

            refused = asyncio.run(watch_async())
        seen = [dict(s.query) for s in srv.seen("GET", "/api/v1/pods")]
    finally:
        srv.stop()
    assert "nothing was sent" in refused
    assert seen == [{"watch": "false", "allowWatchBookmarks": "true"}]  # only the watch=False call
