"""A multi-file document whose ``$ref``s reach a sibling folder (Algolia's ``search/spec.yml``
-> ``../common``): the errors said "leaves the reference root" but not how to allow it."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import main

SPEC = """\
openapi: 3.0.3
info: {title: Split, version: "1"}
paths:
  /x:
    get:
      responses:
        "200":
          description: ok
          content: {application/json: {schema: {$ref: "../common/schemas.yaml#/Thing"}}}
"""


def test_a_ref_out_of_the_root_hints_at_ref_root(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "api").mkdir()
    (tmp_path / "common").mkdir()
    spec = tmp_path / "api" / "spec.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    (tmp_path / "common" / "schemas.yaml").write_text("Thing: {type: object}\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["generate", "--spec", str(spec), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "leaves the reference root" in err and "hint: --ref-root DIR" in err
    code = main(["generate", "--spec", str(spec), "--ref-root", str(tmp_path), "--out", str(out)])
    assert code == 0 and "hint:" not in capsys.readouterr().err
