"""Client annotations (OpenAPI Overlay 1.0 documents, generator/read/annotations.py).

Applied as the spec is read, so every later stage sees one document; every problem of an
annotations document is located in it (file, line, pointer), all at once; what an action added
is located in the annotations file when a later stage refuses it.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from generator.build import build_api
from generator.cli import main
from generator.errors import SpecError
from generator.read import load_spec
from generator.read.annotations import annotations_of
from tests.generator_cli import run_generator

SPEC = """\
openapi: 3.1.0
info: {title: Shop, version: "1"}
paths:
  /items:
    post:
      operationId: createItem
      responses:
        "201":
          description: made
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Item"}
  /items/{item_id}:
    parameters:
      - {name: item_id, in: path, required: true, schema: {type: string}}
    get:
      operationId: getItem
      responses:
        "200":
          description: one
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Item"}
    delete:
      operationId: deleteItem
      responses:
        "204": {description: gone}
components:
  schemas:
    Item:
      type: object
      required: [id]
      properties:
        id: {type: string}
        legacy: {type: string}
"""

ANNOTATIONS = """\
overlay: 1.0.0
info: {title: Shop client annotations, version: 1.0.0}
extends: shop.yaml
actions:
  - target: >-
      $.paths[*][?@.operationId == 'createItem' || @.operationId == 'getItem']
      .responses['200','201']
    update:
      links:
        delete: {operationId: deleteItem, parameters: {item_id: $response.body#/id}}
  - target: $.components.schemas.Item
    update: {x-sdk-resource: {cleanup: delete}}
  - target: $.components.schemas.Item.properties.legacy
    remove: true
"""


def write(tmp_path: Path, annotations: str, name: str = "shop") -> tuple[Path, Path]:
    spec = tmp_path / f"{name}.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    ann = tmp_path / "annotations" / f"{name}.yaml"
    ann.parent.mkdir(exist_ok=True)
    ann.write_text(textwrap.dedent(annotations), encoding="utf-8")
    return spec, ann


def test_found_by_convention_and_applied_before_validation(tmp_path: Path) -> None:
    spec, ann = write(tmp_path, ANNOTATIONS)
    assert annotations_of(spec) == (ann,)
    doc = load_spec(spec)
    responses = doc.data["paths"]["/items"]["post"]["responses"]["201"]
    assert responses["links"]["delete"]["operationId"] == "deleteItem"
    assert "links" in doc.data["paths"]["/items/{item_id}"]["get"]["responses"]["200"]
    item = doc.data["components"]["schemas"]["Item"]
    assert item["x-sdk-resource"] == {"cleanup": "delete"} and "legacy" not in item["properties"]
    assert doc.text == SPEC  # the document as published stays what ships in the package
    objects = build_api(doc).objects
    assert objects is not None and objects.resources[0].class_name == "ItemObject"
    assert (
        load_spec(spec, annotations=()).data["components"]["schemas"]["Item"].get("x-sdk-resource")
        is None
    )


def test_an_update_does_not_reach_other_uses_of_a_yaml_alias(tmp_path: Path) -> None:
    spec = tmp_path / "a.yaml"
    spec.write_text(
        SPEC.replace("      operationId: createItem\n", "      operationId: createItem\n")
        + "x-shared: &shared {a: 1}\nx-other: *shared\n",
        encoding="utf-8",
    )
    ann = tmp_path / "ann.yaml"
    ann.write_text(
        "overlay: 1.0.0\ninfo: {title: t, version: '1'}\n"
        "actions: [{target: '$[\"x-shared\"]', update: {b: 2}}]\n",
        encoding="utf-8",
    )
    doc = load_spec(spec, annotations=[ann])
    assert doc.data["x-shared"] == {"a": 1, "b": 2} and doc.data["x-other"] == {"a": 1}


def test_every_problem_is_located_in_the_annotations_file(tmp_path: Path) -> None:
    spec, ann = write(
        tmp_path,
        """\
        overlay: 2.0.0
        info: {title: t}
        actions:
          - target: $.paths['/nope']
            update: {x: 1}
          - target: $.paths[
            update: {x: 1}
          - target: $.components
            update: {x: 1}
            remove: true
          - target: $.info.title
            update: {x: 1}
          - target: $.paths[?match(@.x, 'a.*')]
            update: {}
        """,
    )
    with pytest.raises(SpecError) as info:
        load_spec(spec)
    text = str(info.value)
    assert f"{ann}:1: /overlay: expected `overlay: 1.0.0`" in text
    assert f"{ann}:2: /info: info must have a title and a version" in text
    assert f"{ann}:6: /actions/1/target: invalid JSONPath (RFC 9535)" in text
    assert f"{ann}:8: /actions/2: an action needs either update or `remove: true`" in text
    assert "/actions/4/target: invalid JSONPath (RFC 9535): function 'match' is not defined" in text
    # the document is well formed: now the targets are evaluated, each must select something
    spec, ann = write(
        tmp_path,
        """\
        overlay: 1.0.0
        info: {title: t, version: "1"}
        actions:
          - target: $.paths['/nope']
            update: {x: 1}
          - target: $.info.title
            update: {x: 1}
        """,
    )
    with pytest.raises(SpecError) as info:
        load_spec(spec)
    text = str(info.value)
    assert (
        f"{ann}:4: /actions/0/target: target \"$.paths['/nope']\" selects nothing in shop.yaml"
        in text
    )
    assert f"{ann}:7: /actions/1/update: the target selects /info/title, a str" in text


def test_what_an_action_added_is_located_where_it_was_written(tmp_path: Path) -> None:
    spec, ann = write(tmp_path, ANNOTATIONS.replace("deleteItem, parameters", "nope, parameters"))
    with pytest.raises(SpecError) as info:
        build_api(load_spec(spec))
    assert info.value.file == str(ann)
    assert info.value.line == 10  # the link's operationId, in the annotations file
    assert info.value.pointer.endswith("/responses/201/links/delete/operationId")


def test_generate_annotations_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec, ann = write(tmp_path, ANNOTATIONS, name="other")
    upstream = tmp_path / "upstream.yaml"
    spec.rename(upstream)  # no convention file beside it: named on the command line
    out = tmp_path / "out"
    code = main(["generate", "--spec", str(upstream), "--out", str(out), "--annotations", str(ann)])
    assert code == 0, capsys.readouterr().err
    objects = (out / "src" / "shop" / "objects.py").read_text(encoding="utf-8")
    assert "class ItemObject" in objects and "def delete(" in objects
    shipped = (out / "src" / "shop" / "openapi.yaml").read_text(encoding="utf-8")
    assert shipped == SPEC  # the upstream document, not the annotated one


def test_new_or_changed_annotations_regenerate(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Incremental generation (output/fingerprint.py) sees the convention file appear and
    change."""
    monkeypatch.setenv("GENERATOR_CACHE_DIR", str(tmp_path / "cache"))
    spec = tmp_path / "api" / "shop.yaml"
    spec.parent.mkdir()
    spec.write_text(SPEC, encoding="utf-8")
    out = tmp_path / "out"

    def generate() -> str:
        result = run_generator("generate", "--spec", str(spec), "--out", str(out))
        assert result.returncode == 0, result.stderr
        return result.stdout

    generate()
    assert "up to date" in generate()
    ann = spec.parent / "annotations" / "shop.yaml"
    ann.parent.mkdir()
    ann.write_text(ANNOTATIONS, encoding="utf-8")
    assert "up to date" not in generate()
    assert (out / "src" / "shop" / "objects.py").is_file()
    assert "up to date" in generate()
    ann.write_text(ANNOTATIONS.replace("cleanup: delete", "id: /id"), encoding="utf-8")
    assert "up to date" not in generate()


def test_a_list_target_gets_the_value_appended_and_work_is_bounded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec = tmp_path / "shop.yaml"
    spec.write_text(SPEC + "tags: [{name: items}]\n", encoding="utf-8")
    ann = tmp_path / "extra.yaml"
    ann.write_text(
        "overlay: 1.0.0\ninfo: {title: t, version: '1'}\n"
        "actions:\n"
        "  - {target: $.tags, update: {name: more}}\n"
        "  - {target: '$..operationId', remove: true}\n",
        encoding="utf-8",
    )
    doc = load_spec(spec, annotations=[ann])
    assert doc.data["tags"] == [{"name": "items"}, {"name": "more"}]
    assert "operationId" not in doc.data["paths"]["/items"]["post"]
    monkeypatch.setattr("generator.read.annotations.MAX_MATCHES", 2)
    with pytest.raises(SpecError) as info:
        load_spec(spec, annotations=[ann])
    assert "select more than 2 nodes" in info.value.message
    assert info.value.file == str(ann) and info.value.pointer == "/actions/1/target"
