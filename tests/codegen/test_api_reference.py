"""api.md's note on return types: the bullets of the wrapper types (pages, streams, futures) an
API has, then "any other type"; an API with none of them gets one sentence, not a list whose
only item is "any other type" (a user trial on Okta's MyAccount API)."""

from __future__ import annotations

from pathlib import Path

from generator.pipeline import generate

SPEC = """\
openapi: 3.0.3
info: {title: Plain, version: "1"}
paths:
  /things/{id}:
    get:
      operationId: getThing
      tags: [things]
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {type: object, properties: {id: {type: string}}}
"""


def test_an_api_without_wrapper_types_gets_one_sentence(tmp_path: Path) -> None:
    spec = tmp_path / "plain.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    generate(spec, tmp_path / "out")
    text = (tmp_path / "out" / "api.md").read_text(encoding="utf-8")
    assert "any other type" not in text
    assert "A method returns the parsed, validated value of the type" in text
    assert "can be imported from `plain.models`" in text
