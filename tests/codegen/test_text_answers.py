"""A method that returns a string, whose answer the document declares as ``text/plain`` beside
``application/json`` (Kubernetes' pod log: a real server sends the log as text/plain): a
text/plain answer is that string. Before, the client tried to decode it as JSON and raised
``ResponseValidationError``. Any other type (an HTML page) is still refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.codegen.packages import generated_package
from tests.runtime.server import Reply, TestServer

SPEC = """openapi: 3.0.0
info: {title: Texty, version: '1'}
paths:
  /pods/{name}/log:
    get:
      operationId: readLog
      tags: [pods]
      parameters: [{name: name, in: path, required: true, schema: {type: string}}]
      responses:
        '200':
          description: ok
          content:
            application/json: {schema: {type: string}}
            text/plain: {schema: {type: string}}
"""


def test_a_string_answered_as_plain_text_is_the_text(tmp_path: Path) -> None:
    spec = tmp_path / "texty.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    srv = TestServer()
    srv.start()
    log = b"line one\nline two\n"
    srv.on(
        "GET",
        "/pods/p/log",
        lambda _s, _n: Reply(body=log, headers={"content-type": "text/plain; charset=utf-8"}),
    )
    srv.on("GET", "/pods/j/log", lambda _s, _n: Reply(json="as json"))
    html = {"content-type": "text/html"}
    srv.on("GET", "/pods/h/log", lambda _s, _n: Reply(body=b"<html>login</html>", headers=html))
    try:
        with generated_package(spec, "texty") as pkg, pkg.TextyClient(base_url=srv.url) as c:
            assert c.pods.read_log("p") == "line one\nline two\n"
            assert c.pods.read_log("j") == "as json"
            with pytest.raises(pkg.ResponseValidationError):
                c.pods.read_log("h")
    finally:
        srv.stop()
