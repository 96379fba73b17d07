"""The package README promises that a repeated ``Idempotency-Key`` is not performed twice only
when the document says its server honours the header (``info.x-sdk.idempotency-keys``; RunRL's
client annotations do). The client sends the header on every POST and PATCH either way, but a
server that ignores it (InfluxDB, most APIs) performs a repeated create again: the README said
"at most one is created" to their users too."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.pipeline import generate
from tests.versions import ROOT, names

SPEC = """openapi: 3.1.0
info:
  title: Keyed Things
  version: '1'{extra}
paths:
  /things:
    post:
      operationId: createThing
      tags: [things]
      requestBody:
        required: true
        content:
          application/json:
            schema: {{type: object, properties: {{name: {{type: string}}}}, required: [name]}}
      responses:
        '201': {{description: created, content: {{application/json: {{schema: {{type: object}}}}}}}}
"""
PROMISE = "so the server recognises a repeated request and does not perform it twice"
HEDGE = "does not say that its server honours the header"


@pytest.mark.parametrize("honoured", [False, True])
def test_the_readme_promises_only_what_the_document_declares(
    tmp_path: Path, honoured: bool
) -> None:
    extra = "\n  x-sdk: {idempotency-keys: true}" if honoured else ""
    spec = tmp_path / "keyed.yaml"
    spec.write_text(SPEC.format(extra=extra), encoding="utf-8")
    generate(spec, tmp_path / "out")
    readme = (tmp_path / "out" / "README.md").read_text(encoding="utf-8")
    assert (PROMISE in readme) is honoured
    assert (HEDGE in readme) is not honoured
    assert ("# at most one is created" in readme) is honoured


def test_runrl_declares_it() -> None:
    for version in names():
        readme = (ROOT / "generated" / version / "README.md").read_text(encoding="utf-8")
        assert PROMISE in readme, version
