"""Problems outside operations (issue 14.1): a component schema the validator or the models
stage cannot take. Without ``--skip-unsupported`` every one is a located blocker, all listed in
one run; with it, the schema is left out (a schema referring to it takes any JSON value
there), and so is every operation whose arguments or answer name its class, with one warning
per operation and one per schema."""

from __future__ import annotations

import importlib
import re
import sys
import textwrap
from pathlib import Path

import pytest

from generator.errors import SpecError
from generator.models.leave_out import culprit
from generator.pipeline import build, generate
from tests.models_source import models_source


def _write(tmp_path: Path, text: str, name: str = "spec.yaml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def _located(text: str) -> list[tuple[int, str]]:
    """(line, pointer) of each ``file:line: /pointer: message`` line of an error."""
    found = [re.match(r"^.*?:(\d+): (/\S*): ", line) for line in text.splitlines()]
    return [(int(m[1]), m[2]) for m in found if m]


def _response(name: str) -> str:
    ref = "{$ref: '#/components/schemas/" + name + "'}"
    return f"{{'200': {{description: ok, content: {{application/json: {{schema: {ref}}}}}}}}}"


# A validator finding in a component schema (an unknown type) that two operations reach, one
# through another schema; one in a schema no operation uses.
INVALID_SCHEMA = f"""\
openapi: 3.1.0
info: {{title: Invalid Schema, version: '1'}}
paths:
  /bad: {{get: {{operationId: getBad, responses: {_response("Bad")}}}}}
  /holder: {{get: {{operationId: getHolder, responses: {_response("Holder")}}}}}
  /good: {{get: {{operationId: getGood, responses: {_response("Good")}}}}}
components:
  schemas:
    Good: {{type: object, properties: {{a: {{type: string}}}}}}
    Holder: {{type: object, properties: {{bad: {{$ref: '#/components/schemas/Bad'}}}}}}
    Bad: {{type: object, properties: {{n: {{type: strin}}}}}}
    Unused: {{type: object, properties: {{p: {{type: string, pattern: '\\p{{L}}'}}}}}}
"""


def test_a_validator_finding_in_a_schema_is_located_where_the_schema_is(tmp_path: Path) -> None:
    path = _write(tmp_path, INVALID_SCHEMA)
    with pytest.raises(SpecError) as info:
        build(path)
    assert _located(str(info.value)) == [
        (11, "/components/schemas/Bad/properties/n/type"),
        (12, "/components/schemas/Unused/properties/p/pattern"),
    ]


def test_a_schema_with_a_finding_is_left_out_with_what_uses_it(tmp_path: Path) -> None:
    files, report, doc = build(_write(tmp_path, INVALID_SCHEMA), skip_unsupported=True)
    assert report.operations == 2
    assert [s.operation for s in report.skipped] == ["GET /bad"]
    assert [s.pointer for s in report.skipped] == ["/components/schemas/Bad/properties/n/type"]
    warnings = [str(w) for w in doc.warnings]
    (skipped,) = [w for w in warnings if "skipped" in w]
    assert ":11: /components/schemas/Bad/properties/n/type: schema 'Bad' cannot be" in skipped
    assert "operation GET /bad skipped" in skipped
    for name, line in (("Bad", 11), ("Unused", 12)):
        (left,) = [w for w in warnings if f"schema '{name}' left out" in w]
        assert f":{line}: /components/schemas/{name}/" in left
    source = models_source(files)
    assert "class Good(" in source and "class Holder(" in source
    assert "bad: Optional[Any] = None" in source
    assert not any(f"class {name}(" in source for name in ("Bad", "Unused"))


# allOf of an enum and an object: datamodel-code-generator makes a class extending the enum,
# which Python refuses when the models are imported. Two such schemas, one used by a schema,
# one by an inline request body.
ENUM_OBJECT = f"""\
openapi: 3.1.0
info: {{title: Enum Object, version: '1'}}
paths:
  /shades: {{get: {{operationId: getShade, responses: {_response("Shade")}}}}}
  /palettes: {{get: {{operationId: getPalette, responses: {_response("Palette")}}}}}
  /moods:
    post:
      operationId: setMood
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                mood: {{$ref: '#/components/schemas/Mood'}}
      responses: {{'204': {{description: done}}}}
  /sizes: {{get: {{operationId: getSize, responses: {_response("Size")}}}}}
components:
  schemas:
    Tone: {{type: string, enum: [warm, cool]}}
    Shade:
      allOf:
        - {{$ref: '#/components/schemas/Tone'}}
        - {{type: object, properties: {{hex: {{type: string}}}}}}
    Palette:
      type: object
      properties:
        shades: {{type: array, items: {{$ref: '#/components/schemas/Shade'}}}}
    Mood:
      allOf:
        - {{$ref: '#/components/schemas/Tone'}}
        - {{type: object, properties: {{why: {{type: string}}}}}}
    Size: {{type: object, properties: {{cm: {{type: integer}}}}}}
"""


def test_every_schema_the_models_stage_fails_on_is_listed(tmp_path: Path) -> None:
    with pytest.raises(SpecError) as info:
        build(_write(tmp_path, ENUM_OBJECT))
    assert _located(str(info.value)) == [
        (21, "/components/schemas/Shade"),
        (29, "/components/schemas/Mood"),
    ]
    assert "extending an enum" in str(info.value)


def test_a_schema_the_models_stage_fails_on_is_left_out(tmp_path: Path) -> None:
    spec = _write(tmp_path, ENUM_OBJECT)
    report = generate(spec, tmp_path / "out", skip_unsupported=True)
    assert report.operations == 2
    assert sorted(s.operation for s in report.skipped) == ["GET /shades", "POST /moods"]
    sys.path.insert(0, str(tmp_path / "out" / "src"))
    try:
        package = importlib.import_module("enum_object")
        models = importlib.import_module("enum_object.models")
        assert sorted(models.__all__) == ["PagedResponse", "Palette", "Size", "Tone"]
        palette = models.Palette.model_validate({"shades": ["warm", {"hex": "#fff"}]})
        assert palette.shades == ["warm", {"hex": "#fff"}]  # any JSON value where Shade was
        client = package.EnumObjectClient(base_url="http://127.0.0.1:9")
        assert hasattr(client, "palettes") and not hasattr(client, "shades")
    finally:
        sys.path.remove(str(tmp_path / "out" / "src"))
        for name in [m for m in sys.modules if m.split(".")[0] == "enum_object"]:
            del sys.modules[name]


# A document the bundler reads (a schema in a file beside it): a local $ref to nothing in a
# component schema is left to the validation step, as in a single-file document.
BUNDLED = f"""\
openapi: 3.1.0
info: {{title: Bundled, version: '1'}}
paths:
  /pets: {{get: {{operationId: getPet, responses: {_response("Pet")}}}}}
  /owners: {{get: {{operationId: getOwner, responses: {_response("Owner")}}}}}
components:
  schemas:
    Pet: {{$ref: './pet.yaml'}}
    Owner: {{type: object, properties: {{pet: {{$ref: '#/components/schemas/Nowhere'}}}}}}
"""


def test_a_broken_ref_in_a_bundled_schema_is_left_out(tmp_path: Path) -> None:
    _write(tmp_path, "type: object\nproperties: {name: {type: string}}\n", "pet.yaml")
    path = _write(tmp_path, BUNDLED)
    with pytest.raises(SpecError) as info:
        build(path)
    assert _located(str(info.value)) == [(9, "/components/schemas/Owner/properties/pet/$ref")]
    _, report, doc = build(path, skip_unsupported=True)
    assert report.operations == 1
    assert [s.operation for s in report.skipped] == ["GET /owners"]


# A discriminator mapping makes the bundler read the document: its broken value, a broken
# local $ref in an operation and one in a schema are listed together, or left out.
BROKEN_REFS = f"""\
openapi: 3.1.0
info: {{title: Broken Refs, version: '1'}}
paths:
  /x: {{get: {{operationId: getX, responses: {_response("Nowhere")}}}}}
  /d: {{get: {{operationId: getD, responses: {_response("Disc")}}}}}
components:
  schemas:
    Good: {{type: object, properties: {{a: {{type: string}}}}}}
    BrokenRef: {{type: object, properties: {{a: {{$ref: '#/components/schemas/Nowhere2'}}}}}}
    Disc:
      oneOf: [{{$ref: '#/components/schemas/Good'}}]
      discriminator: {{propertyName: a, mapping: {{x: '#/components/schemas/Nowhere'}}}}
"""


def test_broken_refs_and_mapping_values_at_once_or_left_out(tmp_path: Path) -> None:
    path = _write(tmp_path, BROKEN_REFS)
    with pytest.raises(SpecError) as info:
        build(path)
    assert _located(str(info.value)) == [
        (4, "/paths/~1x/get/responses/200/content/application~1json/schema/$ref"),
        (9, "/components/schemas/BrokenRef/properties/a/$ref"),
        (12, "/components/schemas/Disc/discriminator/mapping/x"),
    ]
    files, report, doc = build(path, skip_unsupported=True)
    assert [s.operation for s in report.skipped] == ["GET /x"]
    assert report.operations == 1
    warnings = [str(w) for w in doc.warnings]
    assert any(":12: " in w and "mapping value dropped" in w for w in warnings)
    assert any(":9: " in w and "schema 'BrokenRef' left out" in w for w in warnings)
    assert "class Disc(" in models_source(files)


# Fields named like the module of their type (``date: {format: date}``): the models module
# imports ``date as date_aliased``, which each model's own module must keep.
SHADOWING = f"""\
openapi: 3.1.0
info: {{title: Shadowing, version: '1'}}
paths:
  /slots: {{get: {{operationId: getSlot, responses: {_response("Slot")}}}}}
components:
  schemas:
    Slot:
      type: object
      properties:
        date: {{type: string, format: date}}
        time: {{type: string, format: time}}
        datetime: {{type: string, format: date-time}}
"""


def test_fields_named_like_their_types(tmp_path: Path) -> None:
    generate(_write(tmp_path, SHADOWING), tmp_path / "out")
    sys.path.insert(0, str(tmp_path / "out" / "src"))
    try:
        models = importlib.import_module("shadowing.models")
        slot = models.Slot.model_validate({"date": "2026-12-05", "time": "12:00:00"})
        assert slot.date is not None and slot.date.year == 2026
    finally:
        sys.path.remove(str(tmp_path / "out" / "src"))
        for name in [m for m in sys.modules if m.split(".")[0] == "shadowing"]:
            del sys.modules[name]


def test_a_failure_that_names_no_schema_is_narrowed_to_one() -> None:
    """datamodel-code-generator's errors rarely name the schema: the schemas are cut, each
    after the ones it refers to, at the shortest start that fails."""
    graph = {"Alpha": {"Beta"}, "Beta": set(), "Gamma": {"Alpha"}, "Delta": set(), "Eps": set()}
    tries: list[frozenset[str]] = []

    def attempt(leave: frozenset[str]) -> SpecError | None:
        tries.append(leave)
        kept = set(graph) - leave
        return SpecError("model generation failed: boom", pointer="/x") if "Beta" in kept else None

    error = SpecError("model generation failed: boom", pointer="/components/schemas")
    found = culprit(graph, attempt, error)
    assert found is not None and found[0] == "Beta"
    assert len(tries) <= 4  # about log2(5) cuts, and the whole once
    named = SpecError("no class", pointer="/components/schemas/Delta")
    assert culprit(graph, attempt, named) == ("Delta", named)  # named: no search
    assert culprit(graph, lambda leave: None, error) is None  # no start fails alone
