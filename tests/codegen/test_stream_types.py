"""A ``text/event-stream`` method's event type comes from the schema the spec declares for each
event's data (generator/read/events.py): OpenAPI 3.2's ``itemSchema`` (its ``data`` property,
or that property's ``contentSchema``), ``x-event-data``, or a media type ``schema`` that is not
a plain string (3.0/3.1 practice); an inline one gets a class, ``<Operation>Event``. Without
one the stream yields ``ServerSentEvent``s. The generated package streams typed events from a
server on 127.0.0.1, and ``mypy --strict`` infers them (``reveal_type``)."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import textwrap
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from generator.build import build_api
from generator.read import load_spec
from tests.codegen.packages import generated_package
from tests.runtime.server import Reply, Seen, TestServer


@pytest.fixture(scope="module")
def server() -> Iterator[TestServer]:
    found = TestServer()
    found.start()
    yield found
    found.stop()


ROOT = Path(__file__).resolve().parents[2]
SPEC = textwrap.dedent(
    """\
    openapi: 3.1.0
    info: {title: Ticks, version: "1", x-sdk: {package: ticks}}
    servers: [{url: "http://127.0.0.1"}]
    paths:
      /item-content:
        get:
          operationId: itemContent
          x-sdk-namespace: ""
          x-sdk-method: item_content
          responses:
            "200":
              description: ok
              content:
                text/event-stream:
                  itemSchema:
                    type: object
                    properties:
                      event: {type: string}
                      data:
                        type: string
                        contentMediaType: application/json
                        contentSchema: {$ref: "#/components/schemas/Tick"}
      /item-data:
        get:
          operationId: itemData
          x-sdk-namespace: ""
          x-sdk-method: item_data
          responses:
            "200":
              description: ok
              content:
                text/event-stream:
                  itemSchema: {$ref: "#/components/schemas/TickEvent"}
      /schema:
        get:
          operationId: schemaRef
          x-sdk-namespace: ""
          x-sdk-method: schema_ref
          responses:
            "200":
              description: ok
              content:
                text/event-stream:
                  schema: {$ref: "#/components/schemas/Tick"}
      /inline:
        get:
          operationId: watchInline
          x-sdk-namespace: ""
          x-sdk-method: watch_inline
          responses:
            "200":
              description: ok
              content:
                text/event-stream:
                  schema: {type: string}
                  x-event-data:
                    type: object
                    properties:
                      n: {type: integer}
                    required: [n]
      /union:
        get:
          operationId: eitherOne
          x-sdk-namespace: ""
          x-sdk-method: either_one
          responses:
            "200":
              description: ok
              content:
                text/event-stream:
                  schema:
                    oneOf:
                      - {$ref: "#/components/schemas/Tock"}
                      - {$ref: "#/components/schemas/Tick"}
      /text:
        get:
          operationId: plainText
          x-sdk-namespace: ""
          x-sdk-method: plain_text
          responses:
            "200":
              description: ok
              content:
                text/event-stream:
                  schema: {type: string}
    components:
      schemas:
        Tick:
          type: object
          properties:
            n: {type: integer}
          required: [n]
        Tock:
          type: object
          properties:
            m: {type: integer}
          required: [m]
        TickEvent:
          type: object
          properties:
            id: {type: string}
            data: {$ref: "#/components/schemas/Tick"}
    """
)
EXPECTED = {
    "item_content": "Tick",
    "item_data": "Tick",
    "schema_ref": "Tick",
    "watch_inline": "WatchInlineEvent",
    "either_one": "Union[Tock, Tick]",
    "plain_text": "ServerSentEvent",
}
BODY = b'id: 1\ndata: {"n": 1}\n\nevent: ping\ndata: \n\nid: 2\ndata: {"n": 2}\n\n'


@pytest.fixture(scope="module")
def spec(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("ticks") / "ticks.yaml"
    path.write_text(SPEC, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def ticks(spec: Path) -> Iterator[ModuleType]:
    with generated_package(spec, "ticks") as pkg:
        yield pkg


def test_each_form_gives_the_declared_event_type(spec: Path) -> None:
    api = build_api(load_spec(spec), package_version="1.0.0")
    found = {m.name: m.returns for m in api.client_methods}
    assert {name: found[name].annotation for name in EXPECTED} == EXPECTED
    assert all(found[name].kind == "stream" for name in EXPECTED)


def _handler(request: Seen, n: int) -> Reply:
    async def chunks() -> AsyncIterator[bytes]:
        yield BODY

    return Reply(headers={"content-type": "text/event-stream"}, stream=chunks)


def test_typed_events_from_a_server(ticks: ModuleType, server: TestServer) -> None:
    for path in ("/item-content", "/item-data", "/schema", "/inline", "/union", "/text"):
        server.on("GET", path, _handler)
    models = ticks.models
    with ticks.TicksClient(api_key="k", base_url=server.url) as client:
        methods = {name: getattr(client, name) for name in EXPECTED}
        for name in ("item_content", "item_data", "schema_ref"):
            assert list(methods[name]()) == [models.Tick(n=1), models.Tick(n=2)]
        assert [e.n for e in methods["watch_inline"]()] == [1, 2]
        assert list(methods["either_one"]()) == [models.Tick(n=1), models.Tick(n=2)]
        assert type(next(iter(methods["watch_inline"]()))).__name__ == "WatchInlineEvent"
        raw = list(methods["plain_text"]())
        assert [(e.id, e.event, e.data) for e in raw][0] == ("1", "message", '{"n": 1}')
        assert isinstance(raw[0], ticks.ServerSentEvent) and len(raw) == 3

    async def run() -> list[Any]:
        async with ticks.AsyncTicksClient(api_key="k", base_url=server.url) as aclient:
            return [e async for e in aclient.schema_ref()]

    assert asyncio.run(run()) == [models.Tick(n=1), models.Tick(n=2)]


def test_mypy_infers_the_event_type(ticks: ModuleType, spec: Path, tmp_path: Path) -> None:
    """``reveal_type`` of the loop variable, sync and async, typed and untyped, for the RunRL
    package (x-event-data) and this one (itemSchema, inline), with the packages' own mypy
    configuration."""
    src = spec.parent / "out" / "src"
    lines = [
        "from ticks import AsyncTicksClient, TicksClient",
        "",
        "def sync(c: TicksClient) -> None:",
    ]
    for name in EXPECTED:
        lines += [f"    for e_{name} in c.{name}():", f"        reveal_type(e_{name})"]
    lines += ["", "async def aio(c: AsyncTicksClient) -> None:"]
    lines += ["    async for a in c.item_data():", "        reveal_type(a)"]
    lines += ["    async for r in c.item_data().events():", "        reveal_type(r)"]
    (tmp_path / "ticks_use.py").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "runrl_use.py").write_text(
        textwrap.dedent(
            """\
            from runrl import AsyncRunRLClient, RunRLClient

            def sync(c: RunRLClient) -> None:
                for event in c.runs.stream_logs(1):
                    reveal_type(event)
                for raw in c.runs.stream_logs(1).events():
                    reveal_type(raw)

            async def aio(c: AsyncRunRLClient) -> None:
                async for event in c.runs.stream_logs(1):
                    reveal_type(event)
            """
        ),
        encoding="utf-8",
    )
    runrl = sorted((ROOT / "generated").iterdir())[-1]
    revealed = {}
    for module, pkg_src, config in (
        ("ticks_use", src, spec.parent / "out" / "pyproject.toml"),
        ("runrl_use", runrl / "src", runrl / "pyproject.toml"),
    ):
        proc = subprocess.run(
            [sys.executable, "-m", "mypy", "--strict", "--config-file", str(config),
             "--no-error-summary", "--cache-dir", str(tmp_path / ".mypy"), f"{module}.py"],
            cwd=tmp_path, env={**os.environ, "MYPYPATH": str(pkg_src)},
            capture_output=True, text=True, timeout=600,
        )  # fmt: skip
        notes = [ln for ln in proc.stdout.splitlines() if "Revealed type" in ln]
        errors = [ln for ln in proc.stdout.splitlines() if ": error:" in ln]
        assert not errors, proc.stdout
        revealed[module] = [ln.split("Revealed type is ", 1)[1].strip('"') for ln in notes]
    assert revealed["ticks_use"] == [
        "ticks.models._tick.Tick",
        "ticks.models._tick.Tick",
        "ticks.models._tick.Tick",
        "ticks.models._watch_inline_event.WatchInlineEvent",
        "ticks.models._tock.Tock | ticks.models._tick.Tick",
        "ticks._streaming.ServerSentEvent",
        "ticks.models._tick.Tick",
        "ticks._streaming.ServerSentEvent",
    ]
    assert revealed["runrl_use"] == [
        "runrl.models._log_event.LogEvent",
        "runrl._streaming.ServerSentEvent",
        "runrl.models._log_event.LogEvent",
    ]
