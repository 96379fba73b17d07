"""``--format json`` prints what the server sent: the members of its answer (an explicit
``null`` too), not a ``null`` for every optional field the answer left out (models were dumped
with every field). A user piping to ``jq`` sees the server's document, as with ``curl``.
Checked against a server on 127.0.0.1, through the package's command line."""

from __future__ import annotations

import json
from collections.abc import Iterator
from types import ModuleType

import pytest

from tests.codegen.packages import generated_package
from tests.runtime.server import Reply, TestServer

SPEC = """\
openapi: 3.0.3
info: {title: Tracker, version: "1"}
paths:
  /issues/{id}:
    get:
      operationId: getIssue
      tags: [issues]
      parameters:
        - {name: id, in: path, required: true, schema: {type: integer}}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Issue'}
components:
  schemas:
    Issue:
      type: object
      required: [id]
      properties:
        id: {type: integer}
        title: {type: string}
        body: {type: string, nullable: true}
        state: {type: string, default: open}
        labels: {type: array, items: {type: string}}
"""


@pytest.fixture(scope="module")
def pkg(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    spec = tmp_path_factory.mktemp("cli_json") / "tracker.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    with generated_package(spec, "tracker") as package:
        yield package


def test_json_output_is_what_the_server_sent(
    pkg: ModuleType, capsys: pytest.CaptureFixture[str]
) -> None:
    import importlib

    cli = importlib.import_module("tracker._cli")
    server = TestServer()
    server.start()
    try:
        server.on("GET", "/issues/7", lambda _s, _c: Reply(json={"id": 7, "body": None}))
        code = cli.main(["--base-url", server.url, "issues", "get", "7", "--format", "json"])
        out = capsys.readouterr().out
        code2 = cli.main(["--base-url", server.url, "issues", "get", "7", "--format", "jsonl"])
        out2 = capsys.readouterr().out
    finally:
        server.stop()
    assert code == 0 and code2 == 0
    # no "title": null, "state": "open", "labels": null the server never sent
    assert json.loads(out) == {"id": 7, "body": None}
    assert json.loads(out2) == {"id": 7, "body": None}
