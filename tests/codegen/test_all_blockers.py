"""The default mode lists every blocker in one run (issue 14.1): the validator's findings inside
operations and component schemas, the build's (what an operation cannot be generated with) and
the models stage's (a schema that cannot be a class), located, sorted by line, each once,
bounded; nothing is written, and the hint says what ``--skip-unsupported`` would leave out.
What makes the rest meaningless (a finding outside operations and schemas) still stops at once.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from generator import cli
from generator.blockers import Blocked, LeftOut
from generator.errors import SpecError
from generator.pipeline import build
from generator.read.validator import MAX_REPORTED

# One problem per stage, and one operation that can be generated:
# - validate: a description that is not a string (GET /a), a query style that does not exist
#   (GET /b);
# - build: a header name that cannot be sent (GET /c);
# - models: an allOf of an enum and an object (Shade, answer of GET /d).
EVERY_STAGE = """\
openapi: 3.1.0
info: {title: Every Stage, version: '1'}
paths:
  /ok:
    get:
      operationId: ok
      responses: {'204': {description: done}}
  /a:
    get:
      operationId: getA
      responses: {'200': {description: 12}}
  /b:
    get:
      operationId: getB
      parameters:
        - {name: q, in: query, required: true, style: matrix, schema: {type: string}}
      responses: {'204': {description: done}}
  /c:
    get:
      operationId: getC
      parameters:
        - {name: 's t', in: header, required: true, schema: {type: string}}
      responses: {'204': {description: done}}
  /d:
    get:
      operationId: getD
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Shade'}
components:
  schemas:
    Tone: {type: string, enum: [warm, cool]}
    Shade:
      allOf:
        - $ref: '#/components/schemas/Tone'
        - type: object
          properties:
            hex: {type: string}
"""

EXPECTED = [
    (11, "/paths/~1a/get/responses/200/description", "is not of type"),
    (16, "/paths/~1b/get/parameters/0/style", '"matrix" is not one of'),
    (22, "/paths/~1c/get/parameters/0", "header name 's t' is not a valid HTTP header name"),
    (36, "/components/schemas/Shade", "extending an enum"),
]


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "spec.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def _located(text: str) -> list[tuple[int, str, str]]:
    """(line, pointer, message) of each ``file:line: /pointer: message`` line of an error."""
    found = [re.match(r"^.*?:(\d+): (/\S*): (.*)$", line) for line in text.splitlines()]
    return [(int(m[1]), m[2], m[3]) for m in found if m]


def _blocked(path: Path) -> Blocked:
    with pytest.raises(Blocked) as info:
        build(path)
    return info.value


def test_one_problem_per_stage_all_reported_in_one_run(tmp_path: Path) -> None:
    error = _blocked(_write(tmp_path, EVERY_STAGE))
    located = _located(str(error))
    assert [(line, where) for line, where, _ in located] == [(e[0], e[1]) for e in EXPECTED]
    for (_, _, message), (_, _, expected) in zip(located, EXPECTED, strict=True):
        assert expected in message
    assert all(p.file == str(tmp_path / "spec.yaml") for p in error.problems)
    # --skip-unsupported would generate GET /ok, leaving out the rest
    assert error.left_out == LeftOut(operations=4, parameters=0, schemas=1)


def test_the_cli_writes_nothing_and_hints_at_models_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec, out = _write(tmp_path, EVERY_STAGE), tmp_path / "out"
    assert cli.main(["generate", "--quiet", "--spec", str(spec), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert not out.exists() and sorted(p.name for p in tmp_path.iterdir()) == ["spec.yaml"]
    assert err.startswith(f"error: {spec}:11: /paths/~1a/get/responses/200/description: ")
    assert [(line, where) for line, where, _ in _located(err)] == [(e[0], e[1]) for e in EXPECTED]
    assert "warning:" not in err  # what --skip-unsupported would say is not said
    assert (
        "(`python -m generator generate --skip-unsupported` generates the rest, leaving out "
        "4 unsupported operations and 1 unsupported schema model, each reported as a warning)"
    ) in err
    assert "operation(s) or parameter(s)" not in err
    # and it does
    args = ["generate", "--quiet", "--skip-unsupported", "--spec", str(spec), "--out", str(out)]
    assert cli.main(args) == 0
    assert (out / "pyproject.toml").is_file()


def test_only_a_schema_blocks_the_hint_names_the_model(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = re.sub(r"  /a:.*?(?=  /d:)", "", EVERY_STAGE, flags=re.S)
    spec, out = _write(tmp_path, text), tmp_path / "out"
    assert cli.main(["generate", "--quiet", "--spec", str(spec), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert [where for _, where, _ in _located(err)] == ["/components/schemas/Shade"]
    assert "leaving out 1 unsupported operation and 1 unsupported schema model," in err
    assert not out.exists()


def test_many_blockers_are_bounded_sorted_and_each_once(tmp_path: Path) -> None:
    bad = "".join(
        f"  /x{i}:\n    get:\n      responses: {{'200': {{description: {i}}}}}\n"
        for i in range(MAX_REPORTED + 5)
    )
    text = EVERY_STAGE.replace("paths:\n", "paths:\n" + bad, 1)
    error = _blocked(_write(tmp_path, text))
    lines = str(error).splitlines()
    assert len(lines) == MAX_REPORTED + 1
    assert lines[-1] == "... and 9 more problems"  # 25 + 4, 20 shown
    located = [(line, where) for line, where, _ in _located(str(error))]
    assert len(located) == MAX_REPORTED
    assert located == sorted(set(located))


def test_a_problem_outside_operations_and_schemas_still_stops_at_once(tmp_path: Path) -> None:
    text = EVERY_STAGE.replace("title: Every Stage", "title: 12")
    with pytest.raises(SpecError) as info:
        build(_write(tmp_path, text))
    assert not isinstance(info.value, Blocked)
    pointers = [where for _, where, _ in _located(str(info.value))]
    assert "/info/title" in pointers
    assert "/components/schemas/Shade" not in pointers  # the models stage was not reached
    assert "/paths/~1c/get/parameters/0" not in pointers  # nor the build


@pytest.mark.parametrize("version", ['swagger: "2.0"', "openapi: 3.2.0"])
def test_no_hint_when_the_version_itself_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], version: str
) -> None:
    """Slack's Swagger 2.0 document was refused with a hint that `--skip-unsupported` would
    generate the rest (the build, run on the unvalidated document, left 60 operations out),
    and `--skip-unsupported` then refused it the same way: no mode generates such a document."""
    spec = tmp_path / "slack.yaml"
    form = "[{name: f, in: formData, type: string}]"  # Swagger's form field: not a 3.x parameter
    paths = f"paths: {{/a: {{post: {{parameters: {form}}}}}, /b: {{get: {{responses: {{}}}}}}}}"
    spec.write_text(f"{version}\ninfo: {{title: S, version: '1'}}\n{paths}\n", encoding="utf-8")
    out = tmp_path / "out"
    assert cli.main(["generate", "--quiet", "--spec", str(spec), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "is not supported" in err and "--skip-unsupported" not in err, err
    if "swagger" in version:
        assert "npx swagger2openapi slack.yaml -o openapi.yaml" in err
    args = ["generate", "--quiet", "--skip-unsupported", "--spec", str(spec), "--out", str(out)]
    assert cli.main(args) == 1 and not out.exists()
