"""A response declared as JSON lines (``application/x-ndjson``, ``application/jsonl``, or a JSON
type with ``stream=watch``: Kubernetes' watch) is a stream: the method returns an
``EventStream`` of the schema's values, one a line, read as they arrive, sync and async, from a
real server on 127.0.0.1. Kubernetes' watch also declares ``application/json``; its lists
declare the ``stream=watch`` form beside their JSON and stay pages. Before, a watch method read
the whole answer as one JSON document: a stream of two events raised
``ResponseValidationError`` (and a watch that never ends never returned)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

from tests.codegen.packages import generated_package
from tests.runtime.server import Reply, TestServer

SPEC = """openapi: 3.0.0
info: {title: Kubish, version: '1'}
paths:
  /api/v1/watch/pods:
    get:
      operationId: watchPodList
      tags: [pods]
      parameters: [{name: timeoutSeconds, in: query, schema: {type: integer}}]
      responses:
        '200':
          description: OK
          content:
            application/json: {schema: {$ref: '#/components/schemas/WatchEvent'}}
            application/json;stream=watch: {schema: {$ref: '#/components/schemas/WatchEvent'}}
            application/yaml: {schema: {$ref: '#/components/schemas/WatchEvent'}}
  /api/v1/pods:
    get:
      operationId: listPods
      tags: [pods]
      parameters:
        - {name: limit, in: query, schema: {type: integer}}
        - {name: continue, in: query, schema: {type: string}}
      responses:
        '200':
          description: OK
          content:
            application/json: {schema: {$ref: '#/components/schemas/PodList'}}
            application/json;stream=watch: {schema: {$ref: '#/components/schemas/PodList'}}
  /logs:
    get:
      operationId: tailLogs
      tags: [logs]
      responses:
        '200':
          description: OK
          content:
            application/x-ndjson: {schema: {type: object, additionalProperties: true}}
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

EVENTS = [
    b'{"type": "ADDED", "object": {"name": "a"}}\n{"type": "MOD',
    b'IFIED", "object": {"name": "a"}}\r\n\n',
    b'{"type": "DELETED", "object": {"name": "a"}}',  # the last line, without a line end
]


async def _chunks() -> AsyncIterator[bytes]:
    for chunk in EVENTS:
        yield chunk
        await asyncio.sleep(0.01)


def test_json_lines_are_a_stream_of_values_and_lists_stay_pages(tmp_path: Path) -> None:
    spec = tmp_path / "kubish.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    srv = TestServer()
    srv.start()
    json_type = {"Content-Type": "application/json"}
    srv.on("GET", "/api/v1/watch/pods", lambda _s, _n: Reply(headers=json_type, stream=_chunks))
    srv.on("GET", "/logs", lambda _s, _n: Reply(headers={"Content-Type": "application/x-ndjson"},
                                                stream=_chunks))  # fmt: skip
    srv.on("GET", "/api/v1/pods", lambda _s, _n: Reply(json={"items": [{"name": "a"}]}))
    try:
        with generated_package(spec, "kubish") as pkg:
            with pkg.KubishClient(base_url=srv.url) as c:
                with c.pods.watch_list(timeout_seconds=5) as stream:
                    events = [(e.type, e.object["name"]) for e in stream]
                logs = list(c.logs.tail())
                pods = [p.name for p in c.pods.list(limit=10)]

            async def watch_async() -> list[str]:
                async with pkg.AsyncKubishClient(base_url=srv.url) as ac:
                    return [e.type async for e in ac.pods.watch_list()]

            async_events = asyncio.run(watch_async())
        accepts = [s.headers.get("accept") for s in srv.seen("GET", "/api/v1/watch/pods")]
    finally:
        srv.stop()
    assert events == [("ADDED", "a"), ("MODIFIED", "a"), ("DELETED", "a")]
    assert async_events == ["ADDED", "MODIFIED", "DELETED"]
    assert [e["type"] for e in logs] == ["ADDED", "MODIFIED", "DELETED"]
    assert pods == ["a"]
    assert accepts == ["application/json;stream=watch"] * 2
    api_md = (tmp_path / "out" / "api.md").read_text(encoding="utf-8")
    assert "`EventStream[WatchEvent]`" in api_md
    assert "`PagedResponse[Pod]`" in api_md
