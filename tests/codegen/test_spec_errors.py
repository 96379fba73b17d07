"""Bad input gets one clear, located error: file, line, JSON pointer, and what was expected."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from generator.errors import SpecError
from generator.pipeline import build, generate
from tests.generator_cli import run_generator

ROOT = Path(__file__).resolve().parents[2]

VALID_HEAD = """\
openapi: 3.1.0
info:
  title: T
  version: "1"
paths:
"""


def _write(tmp_path: Path, text: str, name: str = "spec.yaml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def _error(path: Path) -> SpecError:
    with pytest.raises(SpecError) as info:
        build(path)
    return info.value


def test_bad_yaml_reports_file_and_line(tmp_path: Path) -> None:
    path = _write(tmp_path, VALID_HEAD + "  /x:\n    get: [unclosed\n")
    err = _error(path)
    assert err.file == str(path)
    assert err.line in (7, 8)
    assert str(err).startswith(f"{path}:{err.line}: /: invalid YAML")


def test_bad_json_reports_line(tmp_path: Path) -> None:
    path = _write(tmp_path, '{\n  "openapi": "3.1.0",\n  "info": {,}\n}\n', name="spec.json")
    err = _error(path)
    assert err.line == 3 and "invalid JSON" in err.message


def test_wrong_type_reports_pointer_and_line(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        VALID_HEAD
        + """\
  /files:
    get:
      responses: 5
""",
    )
    err = _error(path)
    assert err.pointer == "/paths/~1files/get/responses"
    assert err.line == 8
    assert "5" in err.message


def test_broken_ref_reports_pointer_and_line(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        VALID_HEAD
        + """\
  /files:
    get:
      operationId: listFiles
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Nope'
""",
    )
    err = _error(path)
    assert "Nope" in err.message
    assert err.pointer.endswith("/schema/$ref") or err.pointer.endswith("/schema")
    assert err.line is not None and err.line >= 14


def test_unsupported_feature_is_named_with_location(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        VALID_HEAD
        + """\
  /files:
    get:
      operationId: listFiles
      parameters:
        - {name: 'a session', in: cookie, schema: {type: string}}
      responses:
        '204': {description: none}
""",
    )
    err = _error(path)
    assert err.message == "cookie name 'a session' is not a valid HTTP cookie name"
    assert err.pointer == "/paths/~1files/get/parameters/0"
    assert err.line == 10


def test_swagger_2_is_rejected_clearly(tmp_path: Path) -> None:
    path = _write(tmp_path, 'swagger: "2.0"\ninfo: {title: T, version: "1"}\npaths: {}\n')
    err = _error(path)
    assert "not supported" in err.message and "2.0" in err.message


def test_cli_prints_one_line_and_exits_1(tmp_path: Path) -> None:
    path = _write(tmp_path, VALID_HEAD + "  /x:\n    get:\n      responses: 5\n")
    proc = run_generator("generate", "--spec", str(path), "--out", str(tmp_path / "out"))
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert proc.stderr.startswith(f"error: {path}:8: /paths/~1x/get/responses: ")
    assert not (tmp_path / "out").exists()


def test_failed_generation_leaves_previous_output_untouched(tmp_path: Path) -> None:
    good = ROOT / "tests" / "fixtures" / "mini" / "spec.yaml"
    out = tmp_path / "out"
    generate(good, out)
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    bad = _write(tmp_path, VALID_HEAD + "  /x:\n    get:\n      responses: 5\n")
    with pytest.raises(SpecError):
        generate(bad, out)
    after = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith(".out.")]
    assert leftovers == []
