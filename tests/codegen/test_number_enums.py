"""Enums of numbers and booleans parse and are sent as numbers and booleans.

Every enum was a subclass of the runtime's ``OpenEnum``, a ``str`` enum: Slack's
``ok: {type: boolean, enum: [true]}`` became the member ``"True"`` and an integer ``level`` the
members ``"1"``, ``"2"``, so every answer was refused (``ResponseValidationError``: ``True`` is
not ``"True"``), and a member passed as an argument was refused before sending ("must be an
integer"). Such an enum of numbers is now a plain ``Enum`` whose members hold the numbers; a
boolean one is a ``Literal`` (one value) or ``bool`` (both: an enum member is always truthy);
string enums stay open. Checked against a real server on 127.0.0.1, sync and async.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from generator.pipeline import generate

SPEC = textwrap.dedent(
    """\
    openapi: 3.0.3
    info: {title: Digits, version: 1.0.0}
    paths:
      /things:
        get:
          operationId: getThing
          responses:
            "200":
              description: ok
              content: {application/json: {schema: {$ref: "#/components/schemas/Thing"}}}
        post:
          operationId: createThing
          parameters:
            - {name: level, in: query, schema: {$ref: "#/components/schemas/Level"}}
          requestBody:
            content:
              application/json:
                schema:
                  type: object
                  properties:
                    ok: {$ref: "#/components/schemas/OkTrue"}
                    ratio: {$ref: "#/components/schemas/Ratio"}
                    status: {$ref: "#/components/schemas/Status"}
          responses:
            "204": {description: done}
    components:
      schemas:
        OkTrue: {type: boolean, enum: [true]}
        Level: {type: integer, enum: [1, 2, 3]}
        Ratio: {type: number, enum: [0.5, 1.5]}
        Status: {type: string, enum: [active, archived]}
        Thing:
          type: object
          required: [ok, level, status]
          properties:
            ok: {$ref: "#/components/schemas/OkTrue"}
            level: {$ref: "#/components/schemas/Level"}
            ratio: {$ref: "#/components/schemas/Ratio"}
            status: {$ref: "#/components/schemas/Status"}
            inline: {type: integer, enum: [10, 20]}
    """
)

PROBE = textwrap.dedent(
    """\
    import asyncio, json, threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
    from digits import AsyncDigitsClient, DigitsClient
    from digits.models import Level, OkTrue, Ratio, Status

    seen = []
    THING = {"ok": True, "level": 2, "ratio": 0.5, "status": "new-status", "inline": 20}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            out = json.dumps(THING).encode()
            self.send_response(200)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(out)))
            self.end_headers()
            self.wfile.write(out)

        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("content-length") or 0))
            seen.append({"path": self.path, "body": json.loads(body) if body else None})
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_port}"
    got = []
    with DigitsClient(base_url=url) as client:
        thing = client.things.get()
        got.append([thing.ok.root is True, thing.level is Level.INTEGER_2,
                    thing.ratio is Ratio.NUMBER_0_5, thing.status == "new-status",
                    thing.model_dump(mode="json")])
        client.things.create(level=Level.INTEGER_3, ok=OkTrue(True), ratio=Ratio.NUMBER_1_5,
                             status=Status.ACTIVE)
        client.things.create(level=1, ok=True, ratio=0.5, status="archived")

    async def main():
        async with AsyncDigitsClient(base_url=url) as client:
            thing = await client.things.get()
            got.append(thing.model_dump(mode="json"))
            await client.things.create(level=Level.INTEGER_2)

    asyncio.run(main())
    server.shutdown()
    print(json.dumps({"got": got, "seen": seen}))
    """
)


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("numbers")
    spec = root / "openapi.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    generate(spec, root / "out")
    return root / "out"


def test_number_and_boolean_enums_on_the_wire(package: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=package / "src",
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    dumped = {"ok": True, "level": 2, "ratio": 0.5, "status": "new-status", "inline": 20}
    assert result["got"] == [[True, True, True, True, dumped], dumped]
    assert result["seen"] == [
        {"path": "/things?level=3", "body": {"ok": True, "ratio": 1.5, "status": "active"}},
        {"path": "/things?level=1", "body": {"ok": True, "ratio": 0.5, "status": "archived"}},
        {"path": "/things?level=2", "body": None},  # an optional body given nothing: not sent
    ]


def test_the_classes(package: Path) -> None:
    models = package / "src" / "digits" / "models"
    assert "class Level(Enum):" in (models / "_level.py").read_text(encoding="utf-8")
    # a boolean "enum" is no enum class (every member would be truthy): one value is a Literal
    assert "class OkTrue(RootModel[Literal[True]]):" in (models / "_ok_true.py").read_text(
        encoding="utf-8"
    )
    assert "class Status(OpenEnum):" in (models / "_status.py").read_text(encoding="utf-8")
