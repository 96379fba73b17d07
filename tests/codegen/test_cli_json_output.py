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


LABELS = """\
openapi: 3.0.3
info: {title: Issues, version: "1"}
paths:
  /issues:
    post:
      operationId: createIssue
      tags: [issues]
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              required: [title]
              properties:
                title: {type: string}
                labels:
                  type: array
                  items:
                    oneOf:
                      - {type: string}
                      - {type: object, properties: {name: {type: string}}}
      responses:
        '201': {description: created}
"""


def test_a_list_of_json_items_is_a_repeated_option(
    tmp_path: pytest.TempPathFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    """GitHub's ``issues create --labels`` (items: a string or an object) was one JSON option:
    ``--labels bug --labels ui`` sent ``"ui"`` ("labels must be a list"). Now each value is
    one item (a bare word a string, else JSON), and one JSON array alone is still the list."""
    import importlib
    from pathlib import Path

    spec = Path(str(tmp_path)) / "issues.yaml"
    spec.write_text(LABELS, encoding="utf-8")
    with generated_package(spec, "issues"):
        cli = importlib.import_module("issues._cli")
        server = TestServer()
        server.start()
        try:
            server.on("POST", "/issues", lambda _s, _c: Reply(status=201))
            base = ["--base-url", server.url, "issues", "create", "--title", "t"]
            codes = [
                cli.main([*base, "--labels", "bug", "--labels", '{"name": "ui"}']),
                cli.main([*base, "--labels", '["bug", "ui"]']),
            ]
            sent = [r.json() for r in server.seen("POST", "/issues")]
        finally:
            server.stop()
    assert codes == [0, 0], capsys.readouterr().err
    assert sent == [
        {"title": "t", "labels": ["bug", {"name": "ui"}]},
        {"title": "t", "labels": ["bug", "ui"]},
    ]
