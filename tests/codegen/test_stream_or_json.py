"""An operation whose success response declares both ``application/json`` and
``text/event-stream`` (OpenAI's chat completions, Mistral's, every API that copies them: a
boolean ``stream`` body field picks the answer) gives two methods: ``create`` returns the JSON
answer (no ``stream`` argument: the server's default), ``create_stream`` yields the typed events
(``stream`` is ``True`` unless told otherwise). Before, the one method expected an event stream
and every call without ``stream=True`` failed. Checked against a server on 127.0.0.1."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from types import ModuleType

import pytest

from generator.build import build_api
from generator.read import load_spec
from tests.codegen.packages import generated_package
from tests.runtime.server import Reply, Seen, TestServer

SPEC = """\
openapi: 3.0.3
info: {title: Chatter, version: "1"}
paths:
  /chat/completions:
    post:
      operationId: createChatCompletion
      tags: [chat]
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              required: [model]
              properties:
                model: {type: string}
                stream: {type: boolean, default: false, nullable: true}
      responses:
        '200':
          description: the completion, or its chunks as events
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Completion'}
            text/event-stream:
              schema: {$ref: '#/components/schemas/Chunk'}
  /logs:
    get:
      operationId: streamLogs
      tags: [logs]
      responses:
        '200':
          description: events only
          content:
            text/event-stream:
              schema: {$ref: '#/components/schemas/Chunk'}
components:
  schemas:
    Completion:
      type: object
      required: [id, text]
      properties: {id: {type: string}, text: {type: string}}
    Chunk:
      type: object
      required: [id, delta]
      properties: {id: {type: string}, delta: {type: string}}
"""


@pytest.fixture(scope="module")
def spec(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("chatter") / "chatter.yaml"
    path.write_text(SPEC, encoding="utf-8")
    return path


def test_two_methods_one_per_answer(spec: Path) -> None:
    api = build_api(load_spec(spec), package_version="1.0.0")
    found = {m.name: m for m in api.all_methods}
    assert {n: m.returns.kind for n, m in found.items()} == {
        "create_completion": "value",
        "create_completion_stream": "stream",
        "stream": "stream",  # an operation that only streams keeps its one method
    }
    plain = [p.name for p in found["create_completion"].params]
    assert plain == ["model"]
    flag = next(p for p in found["create_completion_stream"].params if p.name == "stream")
    assert flag.default is not None and flag.default.source == "True" and flag.send == "always"


@pytest.fixture(scope="module")
def pkg(spec: Path) -> Iterator[ModuleType]:
    with generated_package(spec, "chatter") as package:
        yield package


@pytest.fixture(scope="module")
def server() -> Iterator[TestServer]:
    srv = TestServer()

    def chat(seen: Seen, _count: int) -> Reply:
        body = json.loads(seen.body)
        if not body.get("stream"):
            return Reply(json={"id": "c1", "text": "Hello"})

        async def chunks() -> AsyncIterator[bytes]:
            for delta in ("Hel", "lo"):
                yield b"data: " + json.dumps({"id": "c1", "delta": delta}).encode() + b"\n\n"
            yield b"data: [DONE]\n\n"

        return Reply(headers={"content-type": "text/event-stream"}, stream=chunks)

    srv.on("POST", "/chat/completions", chat)
    srv.start()
    yield srv
    srv.stop()


def test_the_json_answer_and_the_events(pkg: ModuleType, server: TestServer) -> None:
    with pkg.ChatterClient(base_url=server.url) as client:
        answer = client.chat.create_completion(model="m")
        assert (answer.id, answer.text) == ("c1", "Hello")
        deltas = [c.delta for c in client.chat.create_completion_stream(model="m")]
        assert deltas == ["Hel", "lo"]
    sent = [json.loads(s.body) for s in server.seen(path="/chat/completions")]
    assert sent[-2:] == [{"model": "m"}, {"model": "m", "stream": True}]


def test_the_async_client_too(pkg: ModuleType, server: TestServer) -> None:
    async def run() -> tuple[str, list[str]]:
        async with pkg.AsyncChatterClient(base_url=server.url) as client:
            answer = await client.chat.create_completion(model="m")
            stream = client.chat.create_completion_stream(model="m")
            return answer.text, [c.delta async for c in stream]

    assert asyncio.run(run()) == ("Hello", ["Hel", "lo"])


FOLLOWED = """\
openapi: 3.0.3
info: {title: Jobs, version: "1"}
paths:
  /jobs/{id}:
    get:
      operationId: getJob
      tags: [jobs]
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      responses:
        '200':
          description: the job
          content:
            application/json: {schema: {$ref: '#/components/schemas/Job'}}
  /jobs/{id}/logs:
    get:
      operationId: jobLogs
      tags: [jobs]
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      x-sdk-follow: {status-operation: getJob, status-field: status, terminal: [done]}
      responses:
        '200':
          description: the log so far, or its lines as they come
          content:
            application/json: {schema: {type: array, items: {type: string}}}
            text/event-stream: {schema: {type: object, properties: {line: {type: string}}}}
components:
  schemas:
    Job: {type: object, properties: {id: {type: string}, status: {type: string}}}
"""


def test_the_events_method_is_the_one_followed(tmp_path: Path) -> None:
    """``x-sdk-follow`` on such an operation goes with its events method (the JSON answer
    has none to follow), instead of failing the build."""
    path = tmp_path / "jobs.yaml"
    path.write_text(FOLLOWED, encoding="utf-8")
    api = build_api(load_spec(path), package_version="1.0.0")
    found = {m.name: m for m in api.all_methods}
    assert found["logs"].returns.kind == "value" and found["logs"].follow is None
    assert found["logs_stream"].follow is not None
