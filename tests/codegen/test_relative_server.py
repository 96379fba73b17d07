"""A document whose server is a path with no host (InfluxDB's ``servers: [{url: /api/v2}]``,
an operation's own ``servers: [{url: ''}]`` for ``/ping``): the URL is relative to wherever the
document is served, so it makes no default ``base_url``. Before, the client defaulted to
``http://localhost/api/v2`` (port 80: InfluxDB listens on 8086) and sent its requests there
silently. Now ``base_url`` is required, with a message that says what to pass; with it, the
document's operations go under it and the operation whose own server is the host's root goes
to that root (``/ping``, not ``/api/v2/ping``), checked on a real server on 127.0.0.1."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from generator.build import build_api
from generator.read import read_spec
from tests.codegen.packages import generated_package
from tests.runtime.server import Reply, TestServer

SPEC = """\
openapi: 3.0.0
info: {title: Relative Db, version: "1"}
servers:
  - url: /api/v2
paths:
  /buckets:
    get:
      operationId: listBuckets
      tags: [Buckets]
      responses:
        '200':
          description: ok
          content: {application/json: {schema: {type: object}}}
  /ping:
    get:
      operationId: ping
      tags: [Ping]
      servers:
        - url: ''
      responses: {'204': {description: ok}}
"""


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    spec = tmp_path_factory.mktemp("relative") / "relative.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    with generated_package(spec, "relative_db") as pkg:
        yield pkg


def test_no_default_base_url_a_clear_error(
    package: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("RELATIVE_DB_BASE_URL", raising=False)
    with pytest.raises(ValueError) as info:
        package.RelativeDbClient(api_key="k")
    message = str(info.value)
    assert "base_url is required" in message and "'/api/v2'" in message
    assert "base_url='https://<host>/api/v2'" in message and "RELATIVE_DB_BASE_URL" in message
    with pytest.raises(ValueError, match="base_url is required"):
        package.AsyncRelativeDbClient(api_key="k")


def test_with_a_base_url_operations_go_under_it_and_the_roots_to_the_root(
    package: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    server = TestServer()
    server.start()
    try:
        server.on("GET", "/api/v2/buckets", lambda _s, _n: Reply(json={"buckets": []}))
        server.on("GET", "/ping", lambda _s, _n: Reply(status=204))
        with package.RelativeDbClient(api_key="k", base_url=server.url + "/api/v2") as client:
            assert client.buckets.list() == {"buckets": []}
            client.ping.ping()
        monkeypatch.setenv("RELATIVE_DB_BASE_URL", server.url + "/api/v2")
        with package.RelativeDbClient(api_key="k") as client:  # from the environment
            client.ping.ping()
        assert [r.path for r in server.requests] == ["/api/v2/buckets", "/ping", "/ping"]
    finally:
        server.stop()


def test_readme_and_docstring_say_it_is_required(tmp_path: Path) -> None:
    spec = tmp_path / "relative.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    api = build_api(read_spec(spec))
    assert api.package.base_url.value == ""
    assert api.package.server_path is not None and api.package.server_path.value == "/api/v2"
    absolute = SPEC.replace("url: /api/v2", "url: http://localhost:8086/api/v2")
    spec.write_text(absolute, encoding="utf-8")
    api = build_api(read_spec(spec))
    assert api.package.base_url.value == "http://localhost:8086/api/v2"
    assert api.package.server_path is None


def test_the_command_line_says_so_and_exits_2(tmp_path: Path) -> None:
    spec = tmp_path / "relative.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    from generator.pipeline import generate

    generate(spec, tmp_path / "out")
    readme = (tmp_path / "out" / "README.md").read_text(encoding="utf-8")
    assert "| `base_url` | `RELATIVE_DB_BASE_URL` | required |" in readme
    proc = subprocess.run(
        [sys.executable, "-m", "relative_db", "buckets", "list"],
        cwd=tmp_path / "out" / "src",
        capture_output=True,
        text=True,
        check=False,
        env={"PATH": "/usr/bin:/bin"},
    )
    assert proc.returncode == 2, proc.stderr
    assert "base_url is required" in proc.stderr and "Traceback" not in proc.stderr
