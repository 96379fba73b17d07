"""The package README's "Uploads" example passes the file, also when the file field is optional.

Found on Clerk (`PUT /v1/organizations/{id}/logo`, `PATCH /v1/me/profile_image`: a multipart
body whose `file` is not required): the example showed `client.user.update_profile_image()`
three times, with no file at all (example calls carried required arguments only, and the
override that puts the file in was dropped with the optional argument). Run here, the README's
block sends the file each time, to a real server on 127.0.0.1."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.codegen.packages import generated_package
from tests.runtime.server import Reply, TestServer

SPEC = """openapi: 3.0.3
info: {title: Logos, version: '1'}
paths:
  /orgs/{org_id}/logo:
    put:
      operationId: updateLogo
      tags: [orgs]
      parameters:
        - {name: org_id, in: path, required: true, schema: {type: string}}
      requestBody:
        content:
          multipart/form-data:
            schema:
              type: object
              properties:
                file: {type: string, format: binary}
      responses:
        '204': {description: updated}
"""


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, Path]]:
    spec = tmp_path_factory.mktemp("logos") / "logos.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    with generated_package(spec, "logos") as package:
        yield package, spec.parent / "out"


def _uploads_block(readme: str) -> str:
    section = readme.split("\n## Uploads\n", 1)[1].split("\n## ", 1)[0]
    found = re.search(r"```python\n(.*?)```", section, re.S)
    assert found is not None
    return found.group(1)


def test_the_upload_example_passes_the_optional_file(
    package: tuple[Any, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pkg, out = package
    block = _uploads_block((out / "README.md").read_text(encoding="utf-8"))
    assert block.count("file=") == 3, block
    server = TestServer()
    server.start()
    server.on("PUT", "/orgs/<org_id>/logo", lambda r, n: Reply(status=204))  # the example id
    try:
        monkeypatch.chdir(tmp_path)
        (tmp_path / "data.jsonl").write_bytes(b'{"a": 1}\n')
        with pkg.LogosClient(base_url=server.url) as client:
            exec(compile(block, "README.md", "exec"), {"client": client})
    finally:
        server.stop()
    bodies = [seen.body for seen in server.requests]
    assert len(bodies) == 3
    for body in bodies:
        assert b'name="file"' in body
    assert b'{"a": 1}' in bodies[0] and b'{"a": 1}' in bodies[2]
